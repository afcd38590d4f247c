"""The render stage: a briefing into Markdown, HTML and PDF through layered Jinja2 templates.

Its names load on first use (PEP 562), so that the pipeline and the CLI read the format table
(`briefer.render.formats`) without loading Jinja2 and WeasyPrint.
"""

from importlib import import_module
from typing import Any

_HOMES = {
    "check_templates": "documents", "render_documents": "documents", "word_limit": "documents",
    "TemplateEntry": "loader", "available_audiences": "loader", "list_templates": "loader",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'briefer.render' has no attribute {name!r}")
    return getattr(import_module(f"briefer.render.{_HOMES[name]}"), name)


__all__ = [*_HOMES]
