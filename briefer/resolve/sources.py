"""The brief's sources as a reader can use them: outlet, title, date and link, never a file path or id."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from briefer.model import Article, Source
from briefer.rules.gazetteer import Gazetteers

TITLE_WORDS = 20  # a title made from an article's first sentence is cut to this many words
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(]?[A-Z])")
_SOURCE_LINE = re.compile(r"^\s*Source:\s*https?://\S+\s*$")


def outlet_of(url: str | None, outlets: dict[str, str]) -> str:
    """The outlet a web address belongs to (a subdomain matches its domain), else its host name."""
    host = (urlsplit(url).hostname or "") if url else ""
    host = host.removeprefix("www.").removeprefix("amp.")
    labels = host.split(".")
    for start in range(len(labels) - 1):
        name = outlets.get(".".join(labels[start:]))
        if name:
            return name
    return host


def lead_title(text: str) -> str:
    """An article's first sentence as its title (at most TITLE_WORDS words), for an article without one."""
    for line in text.splitlines():
        if line.strip() and not _SOURCE_LINE.match(line):
            first = _SENTENCE_END.split(line.strip(), maxsplit=1)[0]
            words = first.split()
            return first if len(words) <= TITLE_WORDS else " ".join(words[:TITLE_WORDS]) + " …"
    return ""


def describe_sources(articles: list[Article], gazetteers: Gazetteers) -> list[Source]:
    """One Source per article: its title (else its first sentence), outlet, publication date and link."""
    outlets = {str(k).lower(): str(v) for k, v in gazetteers.data.get("outlets", {}).get("outlets", {}).items()}
    return [
        Source(id=a.id, title=a.title or lead_title(a.text), path=a.path, url=a.url, published=a.published,
               dated_by=a.dated_by, outlet=a.outlet or outlet_of(a.url, outlets))
        for a in articles
    ]
