"""Expanding SOURCES (files, folders, `-`, http(s) URLs) into the inputs to read, in a stable order."""

from __future__ import annotations

import errno
import logging
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from briefer.ingest.formats import EXTENSIONS
from briefer.model import InputFailure

log = logging.getLogger(__name__)

_URL = re.compile(r"^https?://", re.IGNORECASE)
_OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]+:", re.IGNORECASE)  # file:/x, ftp://x, data:...
STDIN = "-"


@dataclass(frozen=True)
class Input:
    """One thing to read: a file, standard input or a URL; `name` is what messages show."""

    kind: Literal["file", "stdin", "url"]
    name: str
    path: Path | None = None


def expand_sources(sources: Sequence[str]) -> Iterator[Input | InputFailure]:
    """Each source's inputs (a folder's article files, recursively), or a failure saying why none; an input or
    failure met again (a file in a folder and named on its own) comes once."""
    seen: set[str | tuple[str, str]] = set()
    for source in sources:
        for found in _expand(source):
            if isinstance(found, Input):
                name, key = found.name, os.path.realpath(found.path) if found.path else found.name
            else:
                name, key = found.input, (found.input, found.reason)
            if key in seen:
                log.info("%s: given more than once; read once", name)
                continue
            seen.add(key)
            yield found


def _expand(source: str) -> Iterator[Input | InputFailure]:
    if source == STDIN:
        yield Input("stdin", "stdin")
    elif _URL.match(source):
        yield Input("url", source)
    else:
        path = Path(source)
        kind = _kind(path)
        if _OTHER_SCHEME.match(source) and kind == "missing":
            yield InputFailure(input=source, reason="unsupported address (only http and https URLs are read)")
        elif kind == "folder":
            yield from _folder(path)
        elif kind == "file":
            yield Input("file", source, path)
        else:
            yield InputFailure(input=source, reason=_NOT_READ[kind])


# Why a path that is neither a folder nor a regular file is not read. A named pipe or a device would block
# or never end, so only regular files are ever opened.
_NOT_READ = {
    "missing": "no such file or folder",
    "broken link": "broken symbolic link",
    "link loop": "symbolic link loop",
    "pipe": "a named pipe, not a regular file",
    "socket": "a socket, not a regular file",
    "device": "a device, not a regular file",
}


def _kind(path: Path) -> str:
    """What `path` is once symbolic links are followed: file, folder, or why it cannot be read."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "broken link" if path.is_symlink() else "missing"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "link loop"
        return "file"  # e.g. permission denied on the way: reading it names the problem
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISFIFO(mode):
        return "pipe"
    return "socket" if stat.S_ISSOCK(mode) else "device"


def _folder(folder: Path) -> Iterator[Input | InputFailure]:
    """Article files under `folder` with a known extension, skipping hidden files and folders.

    Walked with a stack rather than os.walk, which recurses once per level (1,500 nested folders overflow
    Python's stack); symbolic links to folders are not followed, so no loop can be entered.
    """
    unreadable: list[InputFailure] = []
    found = ignored = 0
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            unreadable.append(InputFailure(input=str(current), reason=f"cannot read folder: {_why(exc)}"))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                subfolders.append(Path(entry.path))
            elif Path(entry.name).suffix.lower() not in EXTENSIONS:
                ignored += 1
            else:
                kind = _kind(Path(entry.path))
                if kind == "file":
                    found += 1
                    yield Input("file", entry.path, Path(entry.path))
                elif kind != "folder":  # a link to a folder is not followed
                    yield InputFailure(input=entry.path, reason=_NOT_READ[kind])
        pending.extend(reversed(subfolders))
    yield from unreadable
    if ignored:
        log.info("%s: skipped %d file(s) with other extensions", folder, ignored)
    if not found and not unreadable:
        known = " ".join(sorted(EXTENSIONS))
        yield InputFailure(input=str(folder), reason=f"folder holds no articles (no {known} files)")


def _why(error: OSError) -> str:
    return "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error))
