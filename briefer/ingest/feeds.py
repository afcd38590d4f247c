"""RSS and Atom feeds through feedparser: each entry with text, or with a link to follow, becomes an article."""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

from briefer.ingest.addresses import web_address
from briefer.ingest.failures import BadInput
from briefer.ingest.raw import RawArticle
from briefer.ingest.webpage import fragment_text
from briefer.model import InputFailure

log = logging.getLogger(__name__)

# The pages that links lead to, in the links' order: each an article, or the BadInput saying why it is none.
Follow = Callable[[list[str]], Iterator[RawArticle | BadInput]]


def read_feed(
    data: bytes, name: str, follow: Follow, content_type: str | None = None, url: str | None = None
) -> list[RawArticle | InputFailure]:
    """The entries of an RSS or Atom document, text-less ones from the page they link to (through `follow`);
    relative links are resolved against the feed's `url`. BadInput when it is not a feed briefer can read."""
    import feedparser

    headers = {"content-type": content_type} if content_type else {}
    if url:
        headers["content-location"] = url  # feedparser's base for relative links
    feed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not feed.get("version") and not feed.entries:
        problem = feed.get("bozo_exception")
        raise BadInput(f"feed does not parse: {_first_line(problem) if problem else 'not RSS or Atom'}")
    readouts = list(_entries(feed.entries, name, follow))
    if feed.get("bozo"):
        problem = _first_line(feed.get("bozo_exception"))
        if not any(isinstance(readout, RawArticle) for readout in readouts):
            raise BadInput(f"feed does not parse: {problem}")
        log.warning("%s: feed is not well formed (%s); read what parsed", name, problem)
    if not readouts:
        raise BadInput("feed has no entries")
    return readouts


def _entries(entries, name: str, follow: Follow) -> Iterator[RawArticle | InputFailure]:
    """An article per entry with text or a web link that fetches, a failure per entry without."""
    texts = [_entry_text(entry) for entry in entries]
    links = [_web_link(entry) for entry in entries]
    pages = follow([link for link, text in zip(links, texts, strict=True) if _to_follow(link, text)])
    for number, (entry, text, link) in enumerate(zip(entries, texts, links, strict=True), start=1):
        if _to_follow(link, text):
            yield _linked(entry, number, name, link, next(pages))
        elif isinstance(link, BadInput) and not text.strip():
            yield InputFailure(input=name, reason=f"entry {number} ({entry['link']}): {link}")
        elif not text.strip():
            yield InputFailure(input=name, reason=f"entry {number} has no text")
        else:
            yield RawArticle(
                text=text,
                id=_entry_id(entry, text),
                title=entry.get("title", ""),
                url=link if isinstance(link, str) else None,
                published=_published(entry),
                where=f"{name} entry {number}",
            )


def _web_link(entry) -> str | BadInput | None:
    """The entry's link if it is an http(s) address, why it is not one, or None when it has no link."""
    link = entry.get("link")
    if not link:
        return None
    try:
        return web_address(link)
    except BadInput as exc:
        return exc


def _to_follow(link: str | BadInput | None, text: str) -> bool:
    """Whether an entry is the page it links to: it has a web link and no text of its own."""
    return not text.strip() and isinstance(link, str)


def _linked(entry, number: int, name: str, link: str, page: RawArticle | BadInput) -> RawArticle | InputFailure:
    """The page a text-less entry links to, titled and dated by the entry where it says."""
    if isinstance(page, BadInput):
        return InputFailure(input=name, reason=f"entry {number} ({link}): {page}")
    return RawArticle(
        text=page.text,
        id=_entry_id(entry, page.text),
        title=entry.get("title") or page.title,
        url=page.url or link,
        published=_published(entry) or page.published,
        where=f"{name} entry {number}",
    )


def _entry_text(entry) -> str:
    """The fullest body an entry carries: its content, else its summary, as text."""
    contents = [item.get("value", "") for item in entry.get("content", [])]
    body = max(contents, key=len, default="") or entry.get("summary", "")
    return fragment_text(body)


def _entry_id(entry, text: str) -> str:
    """A short stable id from the entry's guid, link or text."""
    key = entry.get("id") or entry.get("link") or text
    return "feed-" + hashlib.sha256(key.encode("utf-8", errors="replace")).hexdigest()[:12]


def _published(entry) -> str | None:
    """The entry's publication (else update) time as ISO 8601 UTC."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime(*parsed[:6], tzinfo=UTC).isoformat()


def _first_line(problem: object) -> str:
    """An XML parser's problem as `line L, column C: message`, or the first line of any other."""
    if hasattr(problem, "getLineNumber"):
        return f"line {problem.getLineNumber()}, column {problem.getColumnNumber()}: {problem.getMessage()}"
    text = str(problem).strip()
    return text.splitlines()[0] if text else type(problem).__name__
