"""Where the built-in rules and templates live, installed or in a checkout, and how a user's folders layer over
them."""

from collections.abc import Sequence
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def builtin_dir(name: str) -> Path:
    """The built-in `rules` or `templates` folder: inside the wheel, else beside the package."""
    installed = _PACKAGE / "data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def layers(name: str, user_dirs: Sequence[Path | str] = (), sub: str = "") -> list[Path]:
    """The folders of a user-overridable kind of file, each layer over the one before: the built-in `name`
    folder, then the user's folders in order; `sub` is the subfolder of each that holds the kind (gazetteers,
    cleaning rules). Rules, cleaning rules and gazetteers are all read along this path."""
    return [folder / sub if sub else folder for folder in (builtin_dir(name), *(Path(d) for d in user_dirs))]


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files of one folder, in name order (none when it does not exist); subfolders are not read."""
    return sorted(path for path in folder.glob("*.y*ml") if path.is_file())
