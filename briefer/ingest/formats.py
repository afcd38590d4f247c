"""Which reader an input needs: by file extension, by content type, else by its first bytes."""

from __future__ import annotations

import re
from typing import Literal

Format = Literal["text", "markdown", "html", "jsonl", "feed"]

EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}

_CONTENT_TYPES: dict[str, Format] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "text/markdown": "markdown",
}

_FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.DOTALL)
_HTML_START = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)


def by_extension(suffix: str) -> Format | None:
    """The format a file extension names, or None when briefer does not know it."""
    return EXTENSIONS.get(suffix.lower())


def by_content_type(content_type: str) -> Format | None:
    """The format an HTTP content type names; None for generic types (text/plain, xml) to sniff."""
    return _CONTENT_TYPES.get(content_type.lower())


def sniff(data: bytes) -> Format:
    """Guess from the first bytes: a feed, an HTML page, JSON Lines, else plain text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _FEED_START.match(head):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    if head.lstrip().startswith(b"{"):
        return "jsonl"
    return "text"
