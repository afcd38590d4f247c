"""Naming the rules a brief was made with by version and content, never by where they lie on disk."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from briefer import __version__

DIGEST_CHARS = 8


def rules_digest(folder: Path) -> str:
    """A short hash of every YAML file in a rules folder (rules, gazetteers, cleaning): same rules, same digest."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.y*ml")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:DIGEST_CHARS]


def describe_rules(folders: Sequence[Path]) -> list[str]:
    """`built-in rules 0.1.0 (3f2a9c1e)` for the built-in folder, then `<folder name> (digest)` for each user one."""
    if not folders:
        return []
    builtin, *own = folders
    return [f"built-in rules {__version__} ({rules_digest(builtin)})",
            *(f"{folder.name} ({rules_digest(folder)})" for folder in own)]
