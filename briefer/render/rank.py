"""Ranking briefing items and choosing which ones a brief shows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from briefer.model import Briefing, Item

Selection = dict[str, list[Item]]


def corroboration(item: Item) -> int:
    """How many sources support an item: the resolver's count, else its distinct evidence sources."""
    return max(item.source_count, len({evidence.source for evidence in item.evidence}))


def rank_key(item: Item) -> tuple[int, int]:
    """Higher is more important: sources that support the item, then evidence sentences."""
    return corroboration(item), len(item.evidence)


def select(briefing: Briefing, sections: Iterable[str], limits: Mapping[str, int]) -> Selection:
    """The items of each section, best ranked first (stable), cut to the section's limit."""
    selection: Selection = {}
    for section in sections:
        items = sorted(getattr(briefing, section), key=rank_key, reverse=True)
        limit = limits.get(section)
        selection[section] = items[:limit] if limit is not None else items
    return selection


def size(selection: Selection) -> int:
    """The number of items in a selection."""
    return sum(len(items) for items in selection.values())


def keep_best(selection: Selection, count: int) -> Selection:
    """Keep the `count` best-ranked items across sections; ties go to the item higher in its section.

    Sections are already ranked, so an item's index in its section breaks ties: trimming
    takes the last items of the longest sections first rather than emptying one section.
    """
    ranked = sorted(
        ((section, index) for section, items in selection.items() for index in range(len(items))),
        key=lambda place: (tuple(-k for k in rank_key(selection[place[0]][place[1]])), place[1]),
    )
    kept = set(ranked[:count])
    return {
        section: [item for index, item in enumerate(items) if (section, index) in kept]
        for section, items in selection.items()
    }
