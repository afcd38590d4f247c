"""`--executor dask`: extraction on a Dask distributed cluster; a worker plugin loads the model once per worker.

Imported only for `--executor dask`; Dask is the optional `cluster` extra.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterator, Sequence

from distributed import Client, WorkerPlugin, get_worker

from briefer.errors import ConfigError
from briefer.executors.chunks import chunked
from briefer.executors.extractor import Extractor
from briefer.extract import ArticleFacts
from briefer.model import Article
from briefer.rules import Knowledge

log = logging.getLogger(__name__)

PLUGIN_NAME = "briefer-extractor"


class ExtractorPlugin(WorkerPlugin):
    """Loads the model and compiles the rules once, when it joins a worker; its tasks share them."""

    name = PLUGIN_NAME

    def __init__(self, knowledge: Knowledge, model: str | None, gated: bool = True) -> None:
        self.knowledge, self.model, self.gated = knowledge, model, gated
        self.extractor: Extractor | None = None
        self.lock = threading.Lock()  # one spaCy pipeline per worker: the worker's threads take turns

    def __getstate__(self) -> dict:
        return {"knowledge": self.knowledge, "model": self.model, "gated": self.gated}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["knowledge"], state["model"], state["gated"])

    async def setup(self, worker) -> None:
        """Load off the event loop: it takes seconds and the worker must keep answering the scheduler."""
        self.extractor = await asyncio.to_thread(Extractor.load, self.knowledge, self.model, gated=self.gated)

    def facts(self, articles: list[Article]) -> list[ArticleFacts]:
        """The facts of one chunk of articles."""
        assert self.extractor is not None, "the plugin's setup has not run on this worker"
        with self.lock:
            return self.extractor.facts_list(articles)


def _extract(articles: list[Article]) -> list[ArticleFacts]:
    """Task run on a worker: the facts of one chunk, with the worker's loaded model."""
    return get_worker().plugins[PLUGIN_NAME].facts(articles)


def facts_on_cluster(
    knowledge: Knowledge, articles: Sequence[Article], *, model: str | None, scheduler: str, chunk_size: int,
    gated: bool = True,
) -> Iterator[ArticleFacts]:
    """The facts of every article, in input order, extracted on the cluster at `scheduler`; merged here.

    The connect timeout is Dask's own (`DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT`, 30 s by default).
    """
    try:
        client = Client(scheduler)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at '{scheduler}': {' '.join(str(exc).split())}") from exc
    with client:
        workers = len(client.scheduler_info().get("workers", {}))
        log.info("extracting on the Dask cluster at %s (%d workers)", scheduler, workers)
        client.register_plugin(ExtractorPlugin(knowledge, model, gated))
        futures = client.map(_extract, list(chunked(articles, chunk_size)), pure=False)
        for future in futures:
            yield from future.result()
            future.release()
