"""Expanding SOURCES (files, folders, `-`, http(s) URLs) into the inputs to read, in a stable order."""

from __future__ import annotations

import logging
import os
import re
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
    """Each source's inputs (a folder's article files, recursively), or a failure saying why none."""
    seen: set[str] = set()
    for source in sources:
        for found in _expand(source):
            if isinstance(found, Input):
                key = str(found.path.resolve()) if found.path else found.name
                if key in seen:
                    log.info("%s: given more than once; read once", found.name)
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
        if _OTHER_SCHEME.match(source) and not path.exists():
            yield InputFailure(input=source, reason="unsupported address (only http and https URLs are read)")
        elif path.is_dir():
            yield from _folder(path)
        elif path.exists():
            yield Input("file", source, path)
        elif path.is_symlink():
            yield InputFailure(input=source, reason="broken symbolic link")
        else:
            yield InputFailure(input=source, reason="no such file or folder")


def _folder(folder: Path) -> Iterator[Input | InputFailure]:
    """Article files under `folder` with a known extension, skipping hidden files and folders."""
    unreadable: list[OSError] = []
    found = ignored = 0
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root, name)
            if path.suffix.lower() in EXTENSIONS:
                found += 1
                yield Input("file", str(path), path)
            else:
                ignored += 1
    for error in unreadable:
        yield InputFailure(input=str(error.filename or folder), reason=f"cannot read folder: {_why(error)}")
    if ignored:
        log.info("%s: skipped %d file(s) with other extensions", folder, ignored)
    if not found and not unreadable:
        known = " ".join(sorted(EXTENSIONS))
        yield InputFailure(input=str(folder), reason=f"folder holds no articles (no {known} files)")


def _why(error: OSError) -> str:
    return "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error))
