"""A venue shown once: a city folded into the building of the same track that lies in it ("Dolmabahce Palace"
and "Istanbul" are one venue, "Dolmabahce Palace, Istanbul"), a building into the room of it the talks were
held in ("Oval Office, White House"), a country named only as the host into its town the talks are held in."""

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


def _fold_into(inner: Venue, outer: Venue) -> None:
    """`outer`'s evidence and country given to `inner`, which lies in it."""
    inner.country = inner.country or outer.country
    inner.evidence += [e for e in outer.evidence if e not in inner.evidence]
    inner.source_count = len({e.source for e in inner.evidence})


def _place_key(name: str) -> str:
    """A venue's own name folded, without what it lies in or an article ("the White House, Washington")."""
    key = fold(name.split(",")[0])
    return key[4:] if key.startswith("the ") else key


def fold_buildings(venues: list[Venue], lexicon: Lexicon) -> list[Venue]:
    """The venues of one track, each building that a room among them lies in (gazetteer `places.within`) folded
    into that room, named `Room, Building`."""
    kept = list(venues)
    for outer in venues:
        key = _place_key(outer.name)
        inner = next((v for v in kept if v is not outer and lexicon.within.get(_place_key(v.name)) == key), None)
        if inner is None:
            continue
        inner.name = f"{inner.name.split(',')[0]}, {outer.name}"
        _fold_into(inner, outer)
        kept.remove(outer)
    return kept


HOST_RE = re.compile(r"\bhost(?:s|ed|ing)?\b", re.IGNORECASE)


def _only_host(venue: Venue, lexicon: Lexicon) -> bool:
    """Every sentence names the place as the host ("hosted by Malaysia", "Turkey has hosted two rounds"), none as
    where the talks are ("talks in Turkey") or as offering to host (a next round, which may meet elsewhere)."""
    place, offer = re.escape(venue.name), lexicon.offer
    return all(HOST_RE.search(e.sentence) and not re.search(rf"\b(?:in|at) (?:the )?{place}\b", e.sentence)
               and not (offer is not None and offer.search(e.sentence)) for e in venue.evidence)


def fold_hosts(venues: list[Venue], lexicon: Lexicon) -> list[Venue]:
    """The venues of one track, each country named only as the host folded into a town of it among them
    ("Malaysia" hosted the talks held in "Kuala Lumpur": one venue, Kuala Lumpur)."""
    kept = list(venues)
    for country in venues:
        party = lexicon.party_of(country.name)
        if party not in lexicon.capitals or fold(country.name) in lexicon.places or not _only_host(country, lexicon):
            continue
        town = next((v for v in kept if fold(v.name.split(",")[0]) in lexicon.places
                     and lexicon.country_of_place(v.name.split(",")[0]) == party), None)
        if town is not None:
            _fold_into(town, country)
            kept.remove(country)
    return kept


def fold_cities(venues: list[Venue], lexicon: Lexicon) -> list[Venue]:
    """The venues of one track, each city that a building among them lies in folded into that building, which
    takes the city's evidence and is named `Building, City`; a country named only as the host into its town."""
    kept = fold_buildings(fold_hosts(venues, lexicon), lexicon)
    for city in list(kept):
        if fold(city.name) not in lexicon.places:
            continue
        key = fold(city.name)
        building = next((b for b in kept if b is not city and not _known_place(b, lexicon) and not _abbreviation(b)
                         and b.country in (None, city.country) and _names(b, key)), None)
        if building is None:
            continue
        if f" {key} " not in f" {fold(building.name)} ":
            building.name = f"{building.name}, {city.name}"
        _fold_into(building, city)
        kept.remove(city)
    return kept
