"""Reading one input (file, stdin or URL) with the reader its format needs."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import partial
from typing import BinaryIO, TextIO

from briefer.ingest.decoding import decode, read_file, read_limited, reject_non_text, too_large
from briefer.ingest.downloads import Download, Downloads
from briefer.ingest.failures import BadInput
from briefer.ingest.feeds import Follow, read_feed
from briefer.ingest.fetch import Fetched
from briefer.ingest.formats import Format, by_content_type, by_extension, sniff
from briefer.ingest.jsonl import bounded_lines, read_jsonl
from briefer.ingest.raw import RawArticle
from briefer.ingest.sources import Input
from briefer.ingest.text import read_text
from briefer.ingest.webpage import read_html
from briefer.model import InputFailure

Readout = RawArticle | InputFailure
STDIN_PATH = "<stdin>"


def read_input(
    item: Input, download: Download | None, *, downloads: Downloads, max_bytes: int, stdin: TextIO
) -> list[Readout]:
    """The articles and per-entry failures of one input (a URL's `download` already started, feed links fetched
    through `downloads`); BadInput when the whole input is unusable."""
    follow = partial(_linked_pages, downloads=downloads)
    if item.kind == "url":
        assert download is not None
        fetched = download.result()
        fmt = by_content_type(fetched.content_type) or sniff(fetched.data)
        return _parse(
            fetched.data,
            fmt,
            item.name,
            _short_hash("url", fetched.url),
            follow,
            declared=fetched.charset,
            content_type=fetched.content_type,
            url=fetched.url,
        )
    if item.kind == "stdin":
        data = _read_stdin(stdin, max_bytes)
        readouts = _parse(data, sniff(data), item.name, "stdin", follow)
        return [_with(readout, path=STDIN_PATH) for readout in readouts]
    assert item.path is not None
    fmt = by_extension(item.path.suffix)
    if fmt == "jsonl":
        readouts = _read_jsonl_file(item, max_bytes)
    else:
        data = read_file(item.path, max_bytes)
        readouts = _parse(data, fmt or sniff(data), item.name, item.path.stem, follow)
    return [_with(readout, path=item.name) for readout in readouts]


def _parse(
    data: bytes,
    fmt: Format,
    name: str,
    default_id: str,
    follow: Follow,
    *,
    declared: str | None = None,
    content_type: str | None = None,
    url: str | None = None,
) -> list[Readout]:
    """The readouts of a whole body in format `fmt`; a page or text fetched from `url` keeps it."""
    if fmt == "feed":
        reject_non_text(data)
        return read_feed(data, name, follow, content_type, url)
    text = decode(data, name, declared)
    if fmt == "jsonl":
        readouts = list(read_jsonl(text.encode("utf-8").splitlines(keepends=True), name, default_id))
        if not readouts:
            raise BadInput("no JSON lines")
        return readouts
    article = _document(text, fmt, url)
    article.id = default_id
    return [article]


def _document(text: str, fmt: Format, url: str | None) -> RawArticle:
    """A web page, Markdown or plain text as one article."""
    if fmt == "html":
        return read_html(text, url)
    article = read_text(text, markdown=fmt == "markdown")
    article.url = url
    return article


def _linked_pages(links: list[str], *, downloads: Downloads) -> Iterator[RawArticle | BadInput]:
    """The article each feed entry's link leads to, or why there is none, in the links' order; fetched together."""
    for link, download in downloads.ahead(links, lambda link: link):
        assert download is not None
        try:
            yield _linked_page(link, download.result())
        except BadInput as exc:
            yield exc


def _linked_page(link: str, fetched: Fetched) -> RawArticle:
    """The article a feed entry links to, fetched like any URL; BadInput when it is not one article."""
    fmt = by_content_type(fetched.content_type) or sniff(fetched.data)
    if fmt in ("feed", "jsonl"):
        raise BadInput(f"the link is not an article page ({fmt})")
    return _document(decode(fetched.data, link, fetched.charset), fmt, fetched.url)


def _read_jsonl_file(item: Input, max_bytes: int) -> list[Readout]:
    """A JSON Lines file read line by line, so its size is bounded per line, not per file."""
    assert item.path is not None
    try:
        with item.path.open("rb") as stream:
            readouts = list(read_jsonl(bounded_lines(stream, max_bytes), item.name, item.path.stem))
    except PermissionError:
        raise BadInput("permission denied (file not readable)") from None
    except OSError as exc:
        raise BadInput(f"cannot read: {exc.strerror or exc}") from None
    if not readouts:
        raise BadInput("empty (no JSON lines)")
    return readouts


def _read_stdin(stdin: TextIO, max_bytes: int) -> bytes:
    """Standard input's bytes (its binary buffer when it has one), bounded by `max_bytes`."""
    buffer: BinaryIO | None = getattr(stdin, "buffer", None)
    if buffer is not None:
        return read_limited(buffer, max_bytes)
    data = stdin.read(max_bytes + 1).encode("utf-8", errors="replace")
    if len(data) > max_bytes:
        raise too_large(max_bytes)
    return data


def _with(readout: Readout, **fields: object) -> Readout:
    """`readout` with `fields` set when it is an article."""
    if isinstance(readout, RawArticle):
        for key, value in fields.items():
            setattr(readout, key, value)
    return readout


def _short_hash(prefix: str, text: str) -> str:
    """A short stable id: the prefix and 12 hex digits of SHA-256."""
    return f"{prefix}-{hashlib.sha256(text.encode('utf-8', errors='replace')).hexdigest()[:12]}"
