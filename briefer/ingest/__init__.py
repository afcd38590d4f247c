"""Ingest: read files, folders, stdin, HTML, JSON Lines, feeds and URLs into clean Articles.

Every unusable input becomes an InputFailure (input and reason) instead of an exception,
so one bad file never costs the brief.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from briefer.ingest.cleaning import clean_text, clean_title
from briefer.ingest.dating import METADATA, TEXT, publication_date, source_url
from briefer.ingest.downloads import Download, Downloads
from briefer.ingest.failures import BadInput
from briefer.ingest.furniture import Furniture, load_furniture
from briefer.ingest.raw import RawArticle
from briefer.ingest.readers import read_input
from briefer.ingest.since import is_since, parse_since
from briefer.ingest.sources import Input, expand_sources
from briefer.model import Article, InputFailure

__all__ = ["IngestResult", "read_sources", "parse_since"]

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5_000_000
_MAX_ID_CHARS = 120


@dataclass
class IngestResult:
    """The usable articles, one failure per unusable input, and what was set aside on purpose."""

    articles: list[Article]
    failures: list[InputFailure]
    duplicates: int = 0
    too_old: int = 0
    undated: int = 0


@dataclass
class _Collector:
    """Articles accepted so far, with the keys that recognise a second copy."""

    furniture: Furniture
    today: date
    result: IngestResult = field(default_factory=lambda: IngestResult([], []))
    ids: set[str] = field(default_factory=set)
    seen: dict[str, str] = field(default_factory=dict)

    def add(self, raw: RawArticle, name: str) -> None:
        """Clean `raw` and keep it unless it is empty after cleaning or a duplicate."""
        text = clean_text(raw.text, self.furniture)
        if not text:
            self.result.failures.append(InputFailure(input=name, reason="no text left after cleaning"))
            return
        keys = [f"text:{_content_hash(text)}"] + ([f"url:{raw.url.split('#')[0]}"] if raw.url else [])
        first = next((self.seen[key] for key in keys if key in self.seen), None)
        if first is not None:
            log.info("%s: same article as %s; counted once", name, first)
            self.result.duplicates += 1
            return
        article_id = self._unique(_clean_id(raw.id) or f"a-{_content_hash(text)[:12]}")
        for key in keys:
            self.seen[key] = article_id
        url = raw.url or source_url(text)
        whole_file = raw.path if not raw.where else ""  # a feed entry or JSON line is not dated by its file
        published, dated_by = (raw.published, METADATA) if raw.published else publication_date(
            text, url, whole_file, self.today)
        self.result.articles.append(
            Article(
                id=article_id,
                title=clean_title(raw.title),
                path=raw.path,
                text=text,
                url=url,
                published=published,
                dated_by=dated_by,
                outlet=clean_title(raw.outlet),
            )
        )

    def _unique(self, article_id: str) -> str:
        """`article_id`, or it with `-2`, `-3`... when an earlier article holds it."""
        candidate, number = article_id, 1
        while candidate in self.ids:
            number += 1
            candidate = f"{article_id}-{number}"
        if candidate != article_id:
            log.info("article id %s is taken; using %s", article_id, candidate)
        self.ids.add(candidate)
        return candidate


def read_sources(
    sources: Sequence[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    since: datetime | None = None,
    stdin: TextIO | None = None,
    timeout: float = 10.0,
    cleaning_dirs: Sequence[Path] = (),
) -> IngestResult:
    """Read every source into cleaned, de-duplicated Articles, and a failure per bad input.

    `cleaning_dirs` are rules folders (as `--rules` gives them); their `cleaning/` subfolders
    add furniture rules to the built-in ones. Raises ConfigError only for malformed cleaning
    rules; bad inputs are returned, not raised.
    """
    collector = _Collector(load_furniture(cleaning_dirs), date.today())
    failures = collector.result.failures
    with Downloads(timeout=timeout, max_bytes=max_bytes) as downloads:
        for item, download in downloads.ahead(expand_sources(sources), _url_of):
            if isinstance(item, InputFailure):
                failures.append(item)
                continue
            for readout in _read(item, download, downloads=downloads, max_bytes=max_bytes, stdin=stdin or sys.stdin):
                if isinstance(readout, InputFailure):
                    failures.append(readout)
                else:
                    collector.add(readout, readout.where or item.name)
    for failure in failures:
        log.debug("skipped %s: %s", failure.input, failure.reason)
    if since is not None:
        _keep_since(collector.result, since)
    return collector.result


def _url_of(item: Input | InputFailure) -> str | None:
    """The URL to download for an input, when it is one."""
    return item.name if isinstance(item, Input) and item.kind == "url" else None


def _read(item: Input, download: Download | None, **options) -> list[RawArticle | InputFailure]:
    """One input's readouts, or its single failure."""
    try:
        return read_input(item, download, **options)
    except BadInput as exc:
        return [InputFailure(input=item.name, reason=str(exc))]


def _keep_since(result: IngestResult, since: datetime) -> None:
    """Drop articles published before `since`; keep undated ones (and those dated only by a guess from their
    text), and say how many of each."""
    kept = []
    for article in result.articles:
        if article.published is None or article.dated_by == TEXT:
            result.undated += 1
            kept.append(article)
        elif is_since(article.published, since):
            kept.append(article)
        else:
            result.too_old += 1
    result.articles = kept
    if result.too_old:
        log.info("%d article(s) published before %s left out (--since)", result.too_old, since.isoformat())
    if result.undated:
        log.info("%d article(s) without a publication date kept despite --since", result.undated)


def _content_hash(text: str) -> str:
    """A hash of the text that ignores case and whitespace differences."""
    return hashlib.sha256(" ".join(text.casefold().split()).encode("utf-8", errors="replace")).hexdigest()


def _clean_id(raw_id: str) -> str:
    """An id on one line, without control characters, of bounded length."""
    return clean_title(raw_id)[:_MAX_ID_CHARS]
