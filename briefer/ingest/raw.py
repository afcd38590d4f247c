"""What a reader produces: one article's fields before cleaning, de-duplication and id assignment."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RawArticle:
    """An article as its reader found it; `id` may be empty (a content hash is used then).

    `where` names a part of an input (`export.jsonl:3`, `feed.xml entry 2`) in messages.
    """

    text: str
    id: str = ""
    title: str = ""
    path: str = ""
    url: str | None = None
    published: str | None = None
    outlet: str = ""  # the site or publication, when the input names it (a web page's site name)
    where: str = ""
