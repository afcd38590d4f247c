"""Where extraction runs: in this process, in `--jobs N` worker processes, or on a Dask cluster.

Every executor returns the facts of each article in input order (never Docs), so the merged
briefing is the same wherever the work ran.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from briefer.errors import ConfigError, UsageError
from briefer.extract import ArticleFacts
from briefer.model import Article
from briefer.nlp import BATCH_SIZE
from briefer.rules import Knowledge

EXECUTORS = ("local", "dask")


def check_executor(executor: str, jobs: int, scheduler: str | None) -> None:
    """Refuse option combinations that cannot run, before any work is done."""
    if executor not in EXECUTORS:
        raise UsageError(f"--executor '{executor}': choose {' or '.join(EXECUTORS)}")
    if jobs < 1:
        raise UsageError(f"--jobs {jobs}: give 1 or more")
    if executor == "dask" and not scheduler:
        raise UsageError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    if executor == "local" and scheduler:
        raise UsageError("--scheduler goes with --executor dask")
    if executor == "dask" and jobs > 1:
        raise UsageError("--jobs is for the local executor; a Dask cluster has as many workers as you start")


def article_facts(
    knowledge: Knowledge,
    articles: Sequence[Article],
    *,
    model: str | None = None,
    jobs: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    chunk_size: int = BATCH_SIZE,
) -> Iterator[ArticleFacts]:
    """The facts of every article, in input order, from the executor asked for."""
    check_executor(executor, jobs, scheduler)
    if executor == "dask":
        try:
            from briefer.executors.cluster import facts_on_cluster
        except ImportError as exc:
            if (exc.name or "").split(".")[0] not in {"dask", "distributed"}:
                raise
            raise ConfigError("--executor dask needs Dask: pip install 'briefer[cluster]'") from exc
        return facts_on_cluster(knowledge, articles, model=model, scheduler=scheduler or "", chunk_size=chunk_size)
    if jobs > 1 and len(articles) > 1:
        from briefer.executors.processes import facts_in_processes

        # Small inputs: smaller tasks, so that every worker gets some.
        size = max(1, min(chunk_size, len(articles) // (jobs * 2)))
        return facts_in_processes(knowledge, articles, model=model, jobs=jobs, chunk_size=size)
    from briefer.executors.extractor import Extractor

    return Extractor.load(knowledge, model).facts(articles)


__all__ = ["EXECUTORS", "article_facts", "check_executor"]
