"""HTML pages through trafilatura: the main text without page furniture, title, date and URL."""

from __future__ import annotations

from briefer.ingest.failures import BadInput
from briefer.ingest.raw import RawArticle
from briefer.ingest.since import normalise_published


def read_html(page: str, url: str | None = None) -> RawArticle:
    """The article in an HTML page; BadInput when trafilatura finds no main text."""
    import trafilatura

    document = trafilatura.bare_extraction(
        page, url=url, with_metadata=True, include_comments=False, include_tables=True, include_images=False
    )
    if document is None or not (document.text or "").strip():
        raise BadInput("no article text found in the HTML page")
    return RawArticle(
        text=document.text,
        title=document.title or "",
        url=document.url or url,
        published=normalise_published(document.date),
        outlet=document.sitename or "",
    )


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content), paragraphs on their own lines."""
    import trafilatura

    if "<" not in fragment and "&" not in fragment:
        return fragment
    page = f"<html><body>{fragment}</body></html>"
    return trafilatura.extract(page, include_comments=False, include_tables=True, favor_recall=True) or ""
