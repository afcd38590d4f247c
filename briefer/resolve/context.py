"""What the mergers know of the article a fact comes from: the article, the people it names and the sides its
delegation sentences name."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from briefer.extract.roster import COMPASS_SIDES, GOVERNMENT_SIDE, REBEL_SIDE
from briefer.model import Article, Fact
from briefer.resolve.people import ArticlePeople


@dataclass
class SideContext:
    """The sides an article's delegation sentences name, in text order, for sentences that name none."""

    sides: list[tuple[int, str]] = field(default_factory=list)
    government: str | None = None  # the country an unnamed "government side" belongs to
    venues: set[str] = field(default_factory=set)  # the places the article's talks are held in, folded
    present: set[str] = field(default_factory=set)  # those of them not named for another time ("last month")
    rebels: str | None = None  # the armed group an unnamed "rebel side" is
    headline: str | None = None  # the one party the headline names, for an unnamed side before any is named
    compass: dict[str, str] = field(default_factory=dict)  # "the North" -> the article's "North Korea"

    def unnamed(self, party: str | None) -> str | None:
        """A side named only as "the government", "the rebels" or "the North" as the party the article makes it
        (None when the article names no such party)."""
        if party in COMPASS_SIDES:
            return self.compass.get(party)
        return {GOVERNMENT_SIDE: self.government, REBEL_SIDE: self.rebels}.get(party or "", party)

    def before(self, offset: int) -> str | None:
        """The side named last before an offset."""
        earlier = [party for start, party in self.sides if start <= offset]
        return earlier[-1] if earlier else None


@dataclass
class ArticleContext:
    """One article as its facts are merged."""

    article: Article
    people: ArticlePeople
    sides: SideContext


class Merger(Protocol):
    """Merges the facts of one kind into that kind's items, fact by fact (one per section: resolve.MERGERS)."""

    def add(self, fact: Fact, context: ArticleContext) -> None:
        """Merge one fact into the items, or drop it."""

    def settle(self) -> None:
        """Once every fact is in: settle what needs them all (who leads a delegation)."""
