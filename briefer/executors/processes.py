"""`--jobs N`: extraction in N worker processes, each loading the model once and sending back facts."""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from briefer.executors.chunks import chunked
from briefer.executors.extractor import Extractor
from briefer.extract import ArticleFacts
from briefer.model import Article
from briefer.rules import Knowledge

log = logging.getLogger(__name__)

# Set in each worker process by _start; the model loads on the worker's first chunk.
_knowledge: Knowledge | None = None
_model: str | None = None
_gated = True
_extractor: Extractor | None = None


def _start(knowledge: Knowledge, model: str | None, gated: bool) -> None:
    """Worker initialiser: keep what loading needs (it cannot fail, so the pool never breaks)."""
    global _knowledge, _model, _gated
    _knowledge, _model, _gated = knowledge, model, gated


def _extract(articles: list[Article]) -> list[ArticleFacts]:
    """Worker task: the facts of one chunk, loading the model on the first call (errors reach the parent)."""
    global _extractor
    if _extractor is None:
        assert _knowledge is not None
        _extractor = Extractor.load(_knowledge, _model, gated=_gated)
    return _extractor.facts_list(articles)


def facts_in_processes(
    knowledge: Knowledge, articles: Sequence[Article], *, model: str | None, jobs: int, chunk_size: int,
    gated: bool = True,
) -> Iterator[ArticleFacts]:
    """The facts of every article, in input order, extracted by `jobs` spawned worker processes."""
    # spawn, not fork: the parent may hold threads (progress bar, logging) that a fork would copy mid-lock.
    context = multiprocessing.get_context("spawn")
    log.info("extracting in %d worker processes, %d article(s) per task", jobs, chunk_size)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start,
                             initargs=(knowledge, model, gated)) as pool:
        for facts in pool.map(_extract, chunked(articles, chunk_size)):
            yield from facts
