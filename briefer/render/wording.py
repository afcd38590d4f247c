"""Small pieces of wording shared by the view and the sentences composed from the model."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Sentence:
    """A sentence the brief composes from the model, with the sources behind it."""

    text: str
    cites: tuple[int, ...] = ()


def parse_day(text: str | None) -> date | None:
    """The day an ISO date or datetime names, or None."""
    try:
        return date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def long_date(text: str | None) -> str:
    """`2025-02-17` as `17 February 2025`; anything else unchanged."""
    day = parse_day(text)
    return f"{day.day} {day:%B %Y}" if day else (text or "")


def shorten(text: str, words: int = 30) -> str:
    """At most `words` words, with an ellipsis when cut."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"
