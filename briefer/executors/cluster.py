"""`--executor dask`: extraction on a Dask distributed cluster; a worker plugin loads the model once per worker."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from briefer.errors import ConfigError
from briefer.executors.chunks import chunked
from briefer.executors.extractor import Extractor
from briefer.extract import ArticleFacts
from briefer.model import Article
from briefer.rules import Knowledge

log = logging.getLogger(__name__)

PLUGIN_NAME = "briefer-extractor"
CONNECT_TIMEOUT = "15s"


def _worker_plugin_base() -> type:
    try:
        from distributed import WorkerPlugin
    except ImportError as exc:
        raise ConfigError("--executor dask needs Dask: pip install 'briefer[cluster]'") from exc
    return WorkerPlugin


def make_plugin(knowledge: Knowledge, model: str | None) -> Any:
    """A Dask worker plugin that loads the model and compiles the rules once, when it joins a worker."""

    class ExtractorPlugin(_worker_plugin_base()):
        name = PLUGIN_NAME

        def __init__(self) -> None:
            self.knowledge, self.model = knowledge, model
            self.extractor: Extractor | None = None
            self.lock: threading.Lock | None = None

        async def setup(self, worker) -> None:
            # Off the event loop: loading takes seconds and the worker must keep answering the scheduler.
            self.extractor = await asyncio.to_thread(Extractor.load, self.knowledge, self.model)
            self.lock = threading.Lock()  # one spaCy pipeline per worker: its threads take turns

        def facts(self, articles: list[Article]) -> list[ArticleFacts]:
            assert self.extractor is not None and self.lock is not None
            with self.lock:
                return self.extractor.facts_list(articles)

    return ExtractorPlugin()


def _extract(articles: list[Article]) -> list[ArticleFacts]:
    """Task run on a worker: the facts of one chunk, with the worker's loaded model."""
    from distributed import get_worker

    return get_worker().plugins[PLUGIN_NAME].facts(articles)


def facts_on_cluster(
    knowledge: Knowledge, articles: Sequence[Article], *, model: str | None, scheduler: str, chunk_size: int
) -> Iterator[ArticleFacts]:
    """The facts of every article, in input order, extracted on the cluster at `scheduler`; merged here."""
    plugin = make_plugin(knowledge, model)
    from distributed import Client

    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at '{scheduler}': {exc}") from exc
    with client:
        workers = len(client.scheduler_info().get("workers", {}))
        log.info("extracting on the Dask cluster at %s (%d workers)", scheduler, workers)
        client.register_plugin(plugin)
        futures = client.map(_extract, list(chunked(articles, chunk_size)), pure=False)
        for future in futures:
            yield from future.result()
            future.release()
