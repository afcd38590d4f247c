"""The render stage: a briefing into Markdown, HTML and PDF through layered Jinja2 templates."""

from briefer.render.documents import FORMATS, check_templates, render_documents, word_limit
from briefer.render.loader import TemplateEntry, available_audiences, list_templates

__all__ = [
    "FORMATS", "TemplateEntry", "available_audiences", "check_templates", "list_templates", "render_documents",
    "word_limit",
]
