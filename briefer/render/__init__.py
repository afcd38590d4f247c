"""The render stage: a briefing into Markdown, HTML and PDF through layered Jinja2 templates."""

from briefer.render.documents import FORMATS, check_templates, render_documents
from briefer.render.loader import TemplateEntry, available_audiences, list_templates

__all__ = ["FORMATS", "TemplateEntry", "check_templates", "available_audiences", "list_templates", "render_documents"]
