"""Console output for people: one stderr console, warnings, a progress bar on long work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from rich.console import Console
from rich.text import Text


@cache
def stderr() -> Console:
    """The console for messages and progress (stdout stays clean for data). Messages name files, folders and URLs
    the user gave, which may hold `[...]`: the console reads no markup, styles come only as rich Text. Lines are
    never wrapped: a path cut at the terminal's width cannot be copied or searched for."""
    return Console(stderr=True, markup=False, highlight=False, soft_wrap=True)


def warn(message: str) -> None:
    """One warning line on stderr; `message` is shown as it is (no markup)."""
    stderr().print(Text.assemble(("warning:", "yellow"), " ", message))


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
