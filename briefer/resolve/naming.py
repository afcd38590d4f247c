"""A party shown by the name its articles give it. A country keeps the gazetteer's name, unless the track's articles
never write it and write one of its former names (gazetteer `former`: "Macedonia" in reports from before the country
became North Macedonia); then the first of its former names they write (the gazetteer lists the usual one first: a
report that writes both "FYROM" and "Macedonia" shows "Macedonia"). An armed group or movement (`armed_groups`),
which news calls by its full name or a short one (its acronym, a word of its name) as the outlet pleases, is shown
by the one its articles write most ("the NDF" in a report that spells the National Democratic Front out once); on
a tie, the gazetteer's name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefer.model import Delegation, Position, Talks, Venue
from briefer.rules.lexicon import Lexicon


def _written(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


def _count(name: str, texts: list[str]) -> int:
    return sum(len(_written(name).findall(text)) for text in texts)


def _short_forms(name: str, aliases: list[str]) -> list[str]:
    """The aliases that are the party's own shorter names: acronyms ("TPLF", "BRN-C") and words of its name
    ("Polisario"), not the other names a gazetteer gives it (a territory, a capital, an armed wing's name)."""
    words = set(name.split())
    return [alias for alias in aliases
            if (alias.replace("-", "").isupper() and " " not in alias) or set(alias.split()) < words]


def _counts_apart(names: list[str], texts: list[str]) -> dict[str, int]:
    """How often each name is written, a name inside a longer one not counted ("Polisario" in "Polisario Front")."""
    counts, left = {}, list(texts)
    for name in sorted(names, key=len, reverse=True):
        pattern = _written(name)
        counts[name] = sum(len(pattern.findall(text)) for text in left)
        left = [pattern.sub(" ", text) for text in left]
    return {name: counts[name] for name in names}


def shown_names(parties: Iterable[str], texts: list[str], lexicon: Lexicon) -> dict[str, str]:
    """Gazetteer name -> the name to show, for the parties the articles (`texts`) call by another of their names."""
    shown = {}
    groups = set(lexicon.gazetteers.list("parties.armed_groups"))
    for party in set(parties):
        entry = next((p for p in lexicon.gazetteers.parties if p.name == party), None)
        if entry is None:
            continue
        if party in groups:
            counts = _counts_apart([entry.name, *_short_forms(entry.name, entry.aliases)], texts)
            if (most := max(counts, key=counts.get)) != entry.name:  # max keeps the first of a tie
                shown[party] = most
        elif entry.former and not _count(entry.name, texts):
            if (former := next((name for name in entry.former if _count(name, texts)), None)) is not None:
                shown[party] = former
    return shown


def show_parties(delegations: list[Delegation], positions: list[Position], venues: list[Venue], talks: Talks,
                 texts: list[str], lexicon: Lexicon) -> None:
    """Show each party of a resolved track (its delegations, speakers, venues' countries and the track itself) by
    the name its articles (`texts`) give it."""
    named = [d.party for d in delegations] + [p.speaker.party for p in positions if p.speaker.party]
    shown = shown_names([*named, *talks.parties], texts, lexicon)
    if not shown:
        return
    for delegation in delegations:
        delegation.party = shown.get(delegation.party, delegation.party)
    for position in positions:
        position.speaker.party = shown.get(position.speaker.party, position.speaker.party)
    for venue in venues:
        venue.country = shown.get(venue.country, venue.country)
    talks.parties = [shown.get(party, party) for party in talks.parties]
    for party, name in shown.items():
        talks.title = re.sub(rf"(?<![\w-]){re.escape(party)}(?![\w-])", name, talks.title)
