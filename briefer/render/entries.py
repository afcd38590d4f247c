"""An item as the brief shows it (`Entry`) and its evidence lines: what the view builds and its helpers
(places, summary) read."""

from __future__ import annotations

from dataclasses import dataclass

from briefer.model import Item
from briefer.render.highlight import Part


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
