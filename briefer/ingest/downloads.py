"""Fetching several URLs at once on a few threads, each download handed back in the order asked for."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from briefer.ingest.fetch import Fetched, fetch

FETCH_WORKERS = 8  # downloads running at once
_AHEAD = 4 * FETCH_WORKERS  # downloads started but not yet taken, at most (each holds up to max_bytes)

T = TypeVar("T")
Download = Future[Fetched]  # its result() is the Fetched, or raises fetch's BadInput


class Downloads:
    """A pool of threads fetching with one timeout and size cap; use it in a `with` block."""

    def __init__(self, *, timeout: float, max_bytes: int) -> None:
        self._pool = ThreadPoolExecutor(FETCH_WORKERS, thread_name_prefix="briefer-fetch")
        self._options = {"timeout": timeout, "max_bytes": max_bytes}

    def __enter__(self) -> Downloads:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._pool.shutdown(cancel_futures=True)

    def ahead(self, items: Iterable[T], url_of: Callable[[T], str | None]) -> Iterator[tuple[T, Download | None]]:
        """Each item, in order, with the download of its URL (None if it has none), started up to _AHEAD items early."""
        window: deque[tuple[T, Download | None]] = deque()
        for item in items:
            url = url_of(item)
            window.append((item, self._pool.submit(fetch, url, **self._options) if url else None))
            if len(window) > _AHEAD:
                yield window.popleft()
        yield from window
