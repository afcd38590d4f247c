"""The briefing model as rich tables, for `briefer extract --format table`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from briefer.model import Briefing


def _sources(item) -> str:
    return ", ".join(sorted({e.source for e in item.evidence}))


def _named(person) -> str:
    if person is None:
        return ""
    return f"{person.name} ({person.role})" if person.role else person.name


def print_briefing(briefing: Briefing) -> None:
    """Print the four sections as tables on stdout."""
    console = Console(markup=False)  # cells hold article text, which may hold `[...]`
    table = Table(title="Delegations", expand=True)
    for column in ("Party", "Leader", "Members", "Sent by", "Sources"):
        table.add_column(column)
    for d in briefing.delegations:
        members = "; ".join(_named(m) for m in d.members)
        table.add_row(d.party, _named(d.leader), members, _named(d.sent_by), _sources(d))
    console.print(table)
    table = Table(title="Venues", expand=True)
    for column in ("Venue", "Country", "Sources"):
        table.add_column(column)
    for v in briefing.venues:
        table.add_row(v.name, v.country or "", _sources(v))
    console.print(table)
    table = Table(title="Stated positions", expand=True)
    for column in ("Speaker", "Party", "Kind", "Statement", "Sources"):
        table.add_column(column)
    for p in briefing.positions:
        statement = f"“{p.statement}”" if p.direct_quote else p.statement
        table.add_row(p.speaker.name, p.speaker.party or "", p.kind, statement, _sources(p))
    console.print(table)
    table = Table(title="Open questions", expand=True)
    for column in ("Question", "Kind", "Sources"):
        table.add_column(column)
    for q in briefing.open_questions:
        table.add_row(q.text, q.kind, _sources(q))
    console.print(table)
