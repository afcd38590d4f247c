"""Venues as the brief shows them: one line per place, a country folded into the venue that lies in it."""

from __future__ import annotations

from dataclasses import replace

from briefer.model import Venue
from briefer.render.entries import Cites, Entry, more


def _is_country(venue: Venue) -> bool:
    return bool(venue.country) and venue.country == venue.name


def fold_countries(entries: list[Entry]) -> list[Entry]:
    """Drop a venue that is only a country when another venue of the same talks lies in it ("Turkey" beside
    "Istanbul, Turkey"); the place that stays takes its citations and evidence."""
    kept = list(entries)
    for entry in entries:
        venue: Venue = entry.item  # type: ignore[assignment]
        if not _is_country(venue):
            continue
        home = next((i for i, other in enumerate(kept) if other is not entry and not _is_country(other.item)
                     and other.item.country == venue.country and other.item.talks == venue.talks), None)
        if home is None:
            continue
        host = kept[home]
        counted = max(more(host.cites), more(entry.cites))  # the sources behind both overlap, unseen
        shown = {(line.sentence, line.cite) for line in host.evidence}  # a sentence naming both is shown once
        kept[home] = replace(host, cites=Cites({*host.cites, *entry.cites}, counted=counted),
                             evidence=host.evidence + tuple(line for line in entry.evidence
                                                            if (line.sentence, line.cite) not in shown))
        kept.remove(entry)
    return kept
