"""Template search path per audience, the Jinja2 loader, and the template listing.

The search path of an audience is: the user folder's `<audience>/` subfolder, the user
folder itself, the folder the config file names for the audience, the built-in
`templates/<audience>/`, then the built-in `templates/base/`. Two prefixes skip layers:
`builtin:NAME` finds NAME in the built-in folders only (audience, then base), so a user
override can extend the template it replaces; `base:NAME` finds it in `base/` only, so a
built-in audience template can extend the base template of the same name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import jinja2

from briefer.config import Config
from briefer.errors import ConfigError
from briefer.resources import builtin_dir

BASE = "base"
BUILTIN_PREFIX = "builtin:"
BASE_PREFIX = "base:"

Layer = Literal["user", "audience", "base"]


@dataclass(frozen=True)
class TemplateFolder:
    """One folder of an audience's search path and the layer it belongs to."""

    path: Path
    layer: Layer


@dataclass(frozen=True)
class TemplateEntry:
    """A template file an audience uses, where it comes from, and the built-in it hides."""

    audience: str
    name: str
    path: Path
    layer: Layer
    overrides: Path | None = None


def _builtin_root() -> Path:
    return builtin_dir("templates")


def _holds_templates(folder: Path) -> bool:
    return folder.is_dir() and any(path.is_file() for path in folder.rglob("*.j2"))


def available_audiences(user_templates: Path | None = None, config: Config | None = None) -> list[str]:
    """Audiences: built-in folders (`base` too: the brief every audience builds on, as it stands), user
    subfolders holding `*.j2` templates, and those the config names."""
    names = {path.name for path in _builtin_root().iterdir() if path.is_dir()}
    if user_templates is not None and user_templates.is_dir():
        names |= {path.name for path in user_templates.iterdir() if _holds_templates(path)}
    if config is not None:
        names |= set(config.audiences)
    return sorted(names)


def search_path(
    audience: str, user_templates: Path | None = None, config: Config | None = None
) -> list[TemplateFolder]:
    """The folders searched for `audience`, first match wins; ConfigError for an unknown audience."""
    known = available_audiences(user_templates, config)
    if audience not in known:
        raise ConfigError(f"unknown audience {audience!r} (available: {', '.join(known)})")
    if user_templates is not None and not user_templates.is_dir():
        raise ConfigError(f"{user_templates}: template folder not found")
    folders: list[TemplateFolder] = []
    if user_templates is not None:
        folders += [TemplateFolder(user_templates / audience, "user"), TemplateFolder(user_templates, "user")]
    configured = config.audience_config(audience).templates if config is not None else None
    if configured is not None:
        if not configured.is_dir():
            raise ConfigError(f"{configured}: template folder of audience {audience!r} not found")
        folders.append(TemplateFolder(configured, "user"))
    root = _builtin_root()
    if audience != BASE:
        folders.append(TemplateFolder(root / audience, "audience"))
    folders.append(TemplateFolder(root / BASE, "base"))
    return [folder for folder in folders if folder.path.is_dir()]


class LayeredLoader(jinja2.BaseLoader):
    """Find a template along the search path, honouring the `builtin:` and `base:` prefixes."""

    def __init__(self, folders: list[TemplateFolder]):
        self.folders = folders

    def _candidates(self, name: str) -> tuple[str, list[TemplateFolder]]:
        if name.startswith(BUILTIN_PREFIX):
            return name[len(BUILTIN_PREFIX) :], [f for f in self.folders if f.layer != "user"]
        if name.startswith(BASE_PREFIX):
            return name[len(BASE_PREFIX) :], [f for f in self.folders if f.layer == "base"]
        return name, self.folders

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        """Return the text, file name and up-to-date check of the first match."""
        name, folders = self._candidates(template)
        pieces = jinja2.loaders.split_template_path(name)
        for folder in folders:
            path = folder.path.joinpath(*pieces)
            if path.is_file():
                mtime = path.stat().st_mtime
                text = path.read_text(encoding="utf-8")
                return text, str(path), lambda p=path, m=mtime: p.is_file() and p.stat().st_mtime == m
        raise jinja2.TemplateNotFound(template)


def _files(folder: Path) -> dict[str, Path]:
    """Template names (relative POSIX paths) of every file under `folder`, not descending into audiences."""
    return {path.relative_to(folder).as_posix(): path for path in sorted(folder.rglob("*")) if path.is_file()}


def audience_templates(
    audience: str, user_templates: Path | None = None, config: Config | None = None
) -> list[TemplateEntry]:
    """The templates one audience uses, the layer each comes from, and the built-in file it overrides."""
    audiences = set(available_audiences(user_templates, config))
    chosen: dict[str, TemplateEntry] = {}
    for folder in search_path(audience, user_templates, config):
        names = _files(folder.path)
        if folder.path == user_templates:  # its audience subfolders are not templates of every audience
            names = {name: path for name, path in names.items() if name.split("/", 1)[0] not in audiences}
        for name, path in names.items():
            if name not in chosen:
                chosen[name] = TemplateEntry(audience, name, path, folder.layer)
            elif folder.layer != "user" and chosen[name].layer == "user" and chosen[name].overrides is None:
                chosen[name] = TemplateEntry(audience, name, chosen[name].path, "user", overrides=path)
    return [chosen[name] for name in sorted(chosen)]


def list_templates(user_templates: Path | None = None, config: Config | None = None) -> list[TemplateEntry]:
    """Every template of every audience, the layer it comes from, and the built-in file it overrides."""
    return [
        entry
        for audience in available_audiences(user_templates, config)
        for entry in audience_templates(audience, user_templates, config)
    ]
