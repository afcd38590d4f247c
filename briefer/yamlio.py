"""YAML reading that keeps line numbers, so every problem can name its file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefer.errors import ConfigError


def load_yaml(path: Path) -> Any:
    """Parse a YAML file with ruamel's round-trip loader (nodes remember their line)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from exc
    try:
        return YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise ConfigError(f"{path}:{line}: YAML syntax error: {exc.problem or exc.context}") from exc
    except YAMLError as exc:  # e.g. a control character the reader refuses
        raise ConfigError(f"{path}:1: YAML syntax error: {' '.join(str(exc).split())}") from exc


def line_of(node: Any, key: str | int | None = None) -> int:
    """The 1-based line of a mapping or sequence node, or of one of its keys/items (0 if unknown)."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return 0
    try:
        if key is None:
            return lc.line + 1
        if isinstance(key, int):
            return lc.item(key)[0] + 1
        return lc.key(key)[0] + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return lc.line + 1


def plain(node: Any) -> Any:
    """Convert ruamel's commented containers into plain dicts and lists."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node
