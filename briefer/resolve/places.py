"""A venue shown once: a city folded into the building of the same track that lies in it ("Dolmabahce Palace"
and "Istanbul" are one venue, "Dolmabahce Palace, Istanbul")."""

from __future__ import annotations

import re

from briefer.model import Venue
from briefer.rules.lexicon import Lexicon, fold


def _known_place(venue: Venue, lexicon: Lexicon) -> bool:
    """A city, region or country the gazetteers know (not a building)."""
    key = fold(venue.name)
    return key in lexicon.places or lexicon.party_of(venue.name) is not None


def _abbreviation(venue: Venue) -> bool:
    """Initials ("D.C", "UN") name no building: "Washington, D.C." is not a building in Washington."""
    return re.fullmatch(r"(?:[A-Z]\.?){1,4}", venue.name.strip()) is not None


def _names(venue: Venue, city: str) -> bool:
    """The venue's name, or a sentence that gives it, names the city."""
    texts = [venue.name, *(e.sentence for e in venue.evidence)]
    return any(f" {city} " in f" {fold(text)} " for text in texts)


def fold_cities(venues: list[Venue], lexicon: Lexicon) -> list[Venue]:
    """The venues of one track, each city that a building among them lies in folded into that building, which
    takes the city's evidence and is named `Building, City`."""
    kept = list(venues)
    for city in venues:
        if fold(city.name) not in lexicon.places:
            continue
        key = fold(city.name)
        building = next((b for b in kept if b is not city and not _known_place(b, lexicon) and not _abbreviation(b)
                         and b.country in (None, city.country) and _names(b, key)), None)
        if building is None:
            continue
        if f" {key} " not in f" {fold(building.name)} ":
            building.name = f"{building.name}, {city.name}"
        building.country = building.country or city.country
        building.evidence += [e for e in city.evidence if e not in building.evidence]
        building.source_count = len({e.source for e in building.evidence})
        kept.remove(city)
    return kept
