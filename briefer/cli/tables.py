"""The briefing model as rich tables, for `briefer extract --format table`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.table import Table

from briefer.model import Briefing, Delegation, Item, OpenQuestion, Person, Position, Venue
from briefer.sections import SECTIONS, TITLES


def _sources(item: Item) -> str:
    return ", ".join(sorted({e.source for e in item.evidence}))


def _named(person: Person | None) -> str:
    if person is None:
        return ""
    return f"{person.name} ({person.role})" if person.role else person.name


def _delegation(d: Delegation) -> tuple[str, ...]:
    return d.party, _named(d.leader), "; ".join(_named(m) for m in d.members), _named(d.sent_by), _sources(d)


def _venue(v: Venue) -> tuple[str, ...]:
    return v.name, v.country or "", _sources(v)


def _position(p: Position) -> tuple[str, ...]:
    statement = f"“{p.statement}”" if p.direct_quote else p.statement
    return p.speaker.name, p.speaker.party or "", p.kind, statement, _sources(p)


def _question(q: OpenQuestion) -> tuple[str, ...]:
    return q.text, q.kind, _sources(q)


# One table per section (briefer/sections.py): its columns and an item's row.
TABLES: dict[str, tuple[tuple[str, ...], Callable[[Any], tuple[str, ...]]]] = {
    "delegations": (("Party", "Leader", "Members", "Sent by", "Sources"), _delegation),
    "venues": (("Venue", "Country", "Sources"), _venue),
    "positions": (("Speaker", "Party", "Kind", "Statement", "Sources"), _position),
    "open_questions": (("Question", "Kind", "Sources"), _question),
}


def print_briefing(briefing: Briefing) -> None:
    """Print each section as a table on stdout."""
    console = Console(markup=False)  # cells hold article text, which may hold `[...]`
    for section in SECTIONS:
        columns, row = TABLES[section]
        table = Table(title=TITLES[section], expand=True)
        for column in columns:
            table.add_column(column)
        for item in getattr(briefing, section):
            table.add_row(*row(item))
        console.print(table)
