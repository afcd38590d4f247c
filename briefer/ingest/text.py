"""Plain text and Markdown articles: the text itself, a headline taken from the first line."""

from __future__ import annotations

import re

from briefer.ingest.raw import RawArticle
from briefer.ingest.unwrap import unwrap

_MAX_HEADLINE_CHARS = 150
_MAX_HEADLINE_WORDS = 25

_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_QUOTE = re.compile(r"^ {0,3}>[ \t]?", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_STRONG = re.compile(r"(?<![\w*_])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*_])")
_MD_EMPHASIS = re.compile(r"(?<![\w*_])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*_])")
_MD_CODE = re.compile(r"`([^`]+)`")
_MD_RULE = re.compile(r"^ {0,3}([-*_])([ \t]?\1){2,}[ \t]*$", re.MULTILINE)


def read_text(text: str, *, markdown: bool = False) -> RawArticle:
    """One article from a .txt or .md body; Markdown markup is reduced to its words. The headline is read from
    the text unwrapped (a long headline may be wrapped too); the text is unwrapped when it is cleaned."""
    if markdown:
        text = markdown_to_text(text)
    return RawArticle(text=text, title=headline(unwrap(text)))


def headline(text: str) -> str:
    """The first line when it reads as a headline (short, no closing period or comma), else ""."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        short = len(line) <= _MAX_HEADLINE_CHARS and len(line.split()) <= _MAX_HEADLINE_WORDS
        return line if short and not line.endswith((".", ",", ";", ":")) else ""
    return ""


def markdown_to_text(text: str) -> str:
    """Headings, quotes, links, images, emphasis and rules to plain text; lines stay lines."""
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return _MD_CODE.sub(r"\1", text)
