"""An item as the brief shows it (`Entry`) and its evidence lines: what the view builds and its helpers
(places, summary) read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from briefer.model import Item
from briefer.render.highlight import Part

SHOWN_CITES = 3  # citation markers shown for one item or sentence; the rest are counted ("+27")


class Cites(tuple[int, ...]):
    """The citation numbers shown for an item or a sentence (the SHOWN_CITES lowest) and, in `more`, how many
    other sources support it: a fact thirty sources report reads "[2][5][9] +27", not as a wall of markers."""

    more: int

    def __new__(cls, numbers: Iterable[int | None], counted: int = 0) -> Cites:
        """From the numbers of the distinct sources behind it (None for one the brief does not list), and
        `counted` further sources already left out elsewhere."""
        numbers = list(numbers)
        known = sorted({n for n in numbers if n is not None})
        cites = super().__new__(cls, known[:SHOWN_CITES])
        cites.more = len(known) - len(cites) + numbers.count(None) + counted
        return cites


def more(cites: tuple[int, ...]) -> int:
    """How many sources beyond the markers shown (none for a plain tuple of markers)."""
    return getattr(cites, "more", 0)


@dataclass(frozen=True)
class EvidenceLine:
    """An evidence sentence, the number of the source it comes from, and its pieces with those that state
    the item marked."""

    sentence: str
    cite: int
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One item as the brief shows it: the model item, its citations and evidence."""

    section: str
    item: Item
    cites: tuple[int, ...]
    evidence: tuple[EvidenceLine, ...]
    label: str
    sources: int
    venues: tuple[str, ...] = ()
    anchor: str = ""  # the item's id in HTML, for its evidence pop-up
    track: str = ""  # the title of the negotiation track the item belongs to
