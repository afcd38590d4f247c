"""Venues: one entry per place, its spellings merged, a city kept apart from its country. A place named only for
an earlier time gives way to a venue of the article's own talks, and an article's dateline stands in for its
venue only when the article names none."""

from __future__ import annotations

import re

from briefer.model import Fact, Venue
from briefer.names import fold, translit_key
from briefer.resolve.context import ArticleContext
from briefer.resolve.delegations import is_background
from briefer.resolve.tracks import article_day
from briefer.rules.lexicon import Lexicon

# Venue rules at this priority or below only stand in for a venue the article does not name (its dateline).
FALLBACK_PRIORITY = 1
# A time gone by right after a place: "held in Beijing two weeks ago", "signed in Washington last month", "talks in
# Oslo in May 2019" (a year counts when it is before the article's).
PAST_AFTER = re.compile(
    r"^(?:,? [A-Z][\w.]*)*,?\s+(?:on [A-Z][a-z]+,? )?(?:(?:\w+ )?(?:days|weeks|months|years) ago"
    r"|last (?:week|month|year|summer|spring|autumn|fall|winter|[A-Z][a-z]+day)|earlier this (?:week|month|year)"
    r"|in (?:[A-Z][a-z]+ )?(?P<year>(?:19|20)\d\d))\b")


def named_for_the_past(name: str, sentence: str, year: int | None) -> bool:
    """Whether the sentence places the venue at a time gone by ("talks held in Beijing two weeks ago")."""
    place = name.split(",")[0].strip()
    at = sentence.find(place)
    found = PAST_AFTER.match(sentence[at + len(place):]) if at >= 0 and place else None
    if found is None:
        return False
    return found.group("year") is None or (year is not None and int(found.group("year")) < year)


class VenueBook:
    """The venues of a brief, filled fact by fact."""

    def __init__(self, lexicon: Lexicon, venues: list[Venue]):
        self.lexicon = lexicon
        self.venues = venues
        self._with_venue: set[str] = set()  # articles that name a venue of their own talks
        self._current: set[str] = set()  # keys of venues some article names for its own talks

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
        name, source = fact.fields["name"], fact.evidence.source
        if fact.fields.get("priority", 0) <= FALLBACK_PRIORITY and (
                source in self._with_venue or fold(name) not in self.lexicon.places):
            return  # a dateline is the venue only of an article that names none, and only when it is a town
        key = self.key(name)
        day = article_day(article.article)
        if not named_for_the_past(name, fact.evidence.sentence, day.year if day else None):
            self._with_venue.add(source)
            self._current.add(key)
        for venue in self.venues:
            if self.key(venue.name) == key:
                venue.evidence.append(fact.evidence)
                venue.source_count = len({e.source for e in venue.evidence})
                return
        country = fact.fields.get("country") or self.lexicon.country_of_place(name)
        self.venues.append(Venue(name=name, country=country, talks=fact.fields.get("talks") or "",
                                 evidence=[fact.evidence], source_count=1))

    def settle(self) -> None:
        """A venue named only for a time gone by, in articles that name a venue of their own talks, is where
        they met before: dropped."""
        self.venues[:] = [v for v in self.venues if self.key(v.name) in self._current
                          or not all(e.source in self._with_venue for e in v.evidence)]
