"""Lists for people and for scripts: a table on a terminal, tab-separated lines in a pipe, JSON on request."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

import typer

JSON = typer.Option(False, "--json", help="Print JSON for scripts (the same fields as the columns).")


def print_json(value: Any) -> None:
    """`value` as indented JSON on stdout."""
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def _cell(value: Any) -> str:
    """A cell on one line: tabs and newlines would break the columns of a pipe."""
    return " ".join(str(value if value is not None else "").split())


def print_rows(columns: Sequence[str], rows: Sequence[Sequence[Any]], *, title: str | None = None,
               no_wrap: Sequence[str] = ()) -> None:
    """A rich table on a terminal; in a pipe, a header line and one tab-separated line per row, no markup."""
    if not sys.stdout.isatty():
        typer.echo("\t".join(column.upper() for column in columns))
        for row in rows:
            typer.echo("\t".join(_cell(value) for value in row))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title)
    for column in columns:
        table.add_column(column, no_wrap=column in no_wrap)
    for row in rows:
        table.add_row(*(Text(_cell(value)) for value in row))  # Text: a '[' in a cell is no markup
    Console(highlight=False).print(table)
