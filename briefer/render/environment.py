"""The Jinja2 environments (HTML and Markdown) and rendering with errors that name template and line."""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

import jinja2

from briefer.errors import ConfigError
from briefer.render.escape import cites_html, cites_md, marked_html, md_finalize
from briefer.render.loader import LayeredLoader, TemplateFolder
from briefer.render.view import long_date

_WEB_URL = re.compile(r"https?://[^\s<>\"'`\\]+")
_LINE_SUFFIX = re.compile(r":\d+$")  # `export.jsonl:3`: a line of an input


def input_name(value: str) -> str:
    """An input as a reader knows it: a URL whole, a file by its name without the folders it lies in."""
    if is_web_url(value) or value == "-":
        return value
    path, line = value, ""
    if found := _LINE_SUFFIX.search(value):
        path, line = value[: found.start()], found.group(0)
    return PurePath(path).name + line


def is_web_url(value: object) -> bool:
    """True for a plain http(s) URL that is safe to print as a link target."""
    return isinstance(value, str) and _WEB_URL.fullmatch(value) is not None


@dataclass(frozen=True)
class Environments:
    """One environment per output language, sharing the loader and its search path."""

    html: jinja2.Environment
    md: jinja2.Environment
    folders: list[TemplateFolder]


def _compiled_templates(kind: str) -> jinja2.BytecodeCache | None:
    """Templates compiled before, kept in the user's cache folder: compiling the built-in ones costs more than
    rendering a brief. One folder per environment (their options shape the compiled code); Jinja compiles again
    whenever a template's source differs from the one cached. None when the folder cannot be made."""
    from platformdirs import user_cache_dir

    folder = Path(user_cache_dir("briefer")) / "templates" / kind
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def make_environments(folders: list[TemplateFolder]) -> Environments:
    """HTML autoescapes `.html` templates (by name); Markdown escapes every `{{ value }}` for Markdown."""
    loader = LayeredLoader(folders)
    common: dict[str, Any] = dict(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    html = jinja2.Environment(autoescape=jinja2.select_autoescape(["html", "html.j2", "htm", "xml"]),
                              bytecode_cache=_compiled_templates("html"), **common)
    md = jinja2.Environment(autoescape=True, finalize=md_finalize, bytecode_cache=_compiled_templates("md"), **common)
    for env in (html, md):
        env.filters["long_date"] = long_date
        env.filters["input_name"] = input_name
        env.tests["web_url"] = is_web_url
    html.globals["paged"] = False  # True when the HTML is laid out for the PDF (render_documents)
    html.filters["cites"] = cites_html
    html.filters["marked"] = marked_html
    md.filters["cites"] = cites_md
    return Environments(html, md, folders)


def _template_location(exc: BaseException, folders: list[TemplateFolder]) -> str | None:
    """`path, line N` of the innermost template frame in a rendering traceback."""
    roots = [folder.path.resolve() for folder in folders]
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        if path.is_absolute() and any(path.resolve().is_relative_to(root) for root in roots):
            found = f"{path}, line {frame.lineno}"
    return found


def render_template(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render one template; any template error becomes a ConfigError naming the file and line."""
    folders = env.loader.folders  # type: ignore[union-attr]
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(f"template {exc.filename or exc.name}, line {exc.lineno}: {exc.message}") from exc
    except jinja2.TemplateNotFound as exc:
        where = _template_location(exc, folders)
        raise ConfigError(f"template {exc.name!r} not found" + (f" (needed by {where})" if where else "")) from exc
    except Exception as exc:  # a user's template can fail in many ways; all are template errors
        where = _template_location(exc, folders)
        if where is None:
            raise
        message = exc.message if isinstance(exc, jinja2.TemplateError) else f"{type(exc).__name__}: {exc}"
        raise ConfigError(f"template {where}: {message}") from exc


def compile_templates(envs: Environments, names: list[str]) -> None:
    """Parse the named `*.j2` templates, so a syntax error stops a run before any article is read."""
    for name in names:
        env = envs.md if ".md." in name else envs.html
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            raise ConfigError(f"template {exc.filename or exc.name}, line {exc.lineno}: {exc.message}") from exc
