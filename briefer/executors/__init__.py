"""Where extraction runs: in this process, in `--jobs N` worker processes, or on a Dask cluster.

Every executor returns the facts of each article in input order (never Docs), so the merged
briefing is the same wherever the work ran.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from briefer.errors import ConfigError, UsageError
from briefer.extract import ArticleFacts
from briefer.model import Article
from briefer.nlp import BATCH_SIZE
from briefer.rules import Knowledge

EXECUTORS = ("local", "dask")
AUTO = "auto"
AUTO_JOBS_FROM = 40  # articles: for fewer, starting workers (a model load each, ~3 s) costs more than it saves


def parse_jobs(value: str | int) -> int | str:
    """--jobs: a number of worker processes, or "auto"."""
    if str(value).strip().lower() == AUTO:
        return AUTO
    try:
        jobs = int(value)
    except ValueError:
        raise UsageError(f"--jobs '{value}': give a number of processes or 'auto'") from None
    if jobs < 1:
        raise UsageError(f"--jobs {jobs}: give 1 or more")
    return jobs


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def jobs_for(jobs: int | str, articles: int) -> int:
    """Worker processes for `articles`: the number given, or for "auto" one per usable core once there are
    more than AUTO_JOBS_FROM articles (one process below that)."""
    if jobs != AUTO:
        return int(jobs)
    return min(usable_cores(), articles) if articles > AUTO_JOBS_FROM else 1


def check_executor(executor: str, jobs: int | str, scheduler: str | None) -> None:
    """Refuse option combinations that cannot run, before any work is done."""
    if executor not in EXECUTORS:
        raise UsageError(f"--executor '{executor}': choose {' or '.join(EXECUTORS)}")
    jobs = parse_jobs(jobs)
    if executor == "dask" and not scheduler:
        raise UsageError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    if executor == "local" and scheduler:
        raise UsageError("--scheduler goes with --executor dask")
    if executor == "dask" and jobs != AUTO and jobs > 1:
        raise UsageError("--jobs is for the local executor; a Dask cluster has as many workers as you start")


def article_facts(
    knowledge: Knowledge,
    articles: Sequence[Article],
    *,
    model: str | None = None,
    jobs: int | str = 1,
    executor: str = "local",
    scheduler: str | None = None,
    chunk_size: int = BATCH_SIZE,
    gated: bool = True,
) -> Iterator[ArticleFacts]:
    """The facts of every article, in input order, from the executor asked for; `gated`: parse only the
    sentences the rules can use (see briefer/extract/gate.py)."""
    check_executor(executor, jobs, scheduler)
    jobs = jobs_for(parse_jobs(jobs), len(articles))
    if executor == "dask":
        try:
            from briefer.executors.cluster import facts_on_cluster
        except ImportError as exc:
            if (exc.name or "").split(".")[0] not in {"dask", "distributed"}:
                raise
            raise ConfigError("--executor dask needs Dask: pip install 'briefer[cluster]'") from exc
        return facts_on_cluster(knowledge, articles, model=model, scheduler=scheduler or "", chunk_size=chunk_size,
                                gated=gated)
    if jobs > 1 and len(articles) > 1:
        from briefer.executors.processes import facts_in_processes

        # Small inputs: smaller tasks, so that every worker gets some.
        size = max(1, min(chunk_size, len(articles) // (jobs * 2)))
        return facts_in_processes(knowledge, articles, model=model, jobs=jobs, chunk_size=size, gated=gated)
    from briefer.executors.extractor import Extractor

    return Extractor.load(knowledge, model, gated=gated).facts(articles)


__all__ = ["AUTO", "EXECUTORS", "article_facts", "check_executor", "jobs_for", "parse_jobs", "usable_cores"]
