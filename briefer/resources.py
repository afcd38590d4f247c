"""Where the built-in rules and templates live, installed or in a checkout."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def builtin_dir(name: str) -> Path:
    """The built-in `rules` or `templates` folder: inside the wheel, else beside the package."""
    installed = _PACKAGE / "data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name
