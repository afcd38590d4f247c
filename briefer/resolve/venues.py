"""Venues: one entry per place, its spellings merged, a city kept apart from its country."""

from __future__ import annotations

from briefer.model import Fact, Venue
from briefer.names import fold, translit_key
from briefer.resolve.context import ArticleContext
from briefer.resolve.delegations import is_background
from briefer.rules.lexicon import Lexicon


class VenueBook:
    """The venues of a brief, filled fact by fact."""

    def __init__(self, lexicon: Lexicon, venues: list[Venue]):
        self.lexicon = lexicon
        self.venues = venues

    def key(self, name: str) -> str:
        """One key per place: its spellings merge (Türkiye, Turkey), a city never merges with its country,
        and "Istanbul, Turkey" is Istanbul."""
        place = name.split(",")[0].strip()
        if self.lexicon.places.get(fold(place)):  # a city or building, capitals included
            return translit_key(place)
        return translit_key(self.lexicon.party_of(place) or place)

    def add(self, fact: Fact, article: ArticleContext) -> None:
        """Add one venue fact, or its evidence to the venue already listed."""
        if is_background(fact.evidence.sentence):
            return  # where an earlier round was held is background, not a venue of these talks
        name = fact.fields["name"]
        key = self.key(name)
        for venue in self.venues:
            if self.key(venue.name) == key:
                venue.evidence.append(fact.evidence)
                venue.source_count = len({e.source for e in venue.evidence})
                return
        country = fact.fields.get("country") or self.lexicon.country_of_place(name)
        self.venues.append(Venue(name=name, country=country, talks=fact.fields.get("talks") or "",
                                 evidence=[fact.evidence], source_count=1))

    def settle(self) -> None:
        """Nothing waits for the last fact."""
