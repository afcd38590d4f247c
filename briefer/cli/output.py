"""Console output for people: one stderr console, warnings, a progress bar on long work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from rich.console import Console


@cache
def stderr() -> Console:
    """The console for messages and progress (stdout stays clean for data)."""
    return Console(stderr=True)


def warn(message: str) -> None:
    """One warning line on stderr."""
    stderr().print(f"[yellow]warning:[/] {message}", markup=True, highlight=False, soft_wrap=True)


@contextmanager
def progress(description: str) -> Iterator:
    """A progress bar on stderr when it is a terminal; the callback takes (done, total)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = stderr()
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=console, transient=True, disable=not console.is_terminal)
    with bar:
        task = bar.add_task(description, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update
