"""Ranking briefing items and choosing which ones a brief shows."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from briefer.model import Briefing, Item, OpenQuestion, Position, Venue
from briefer.names import place_label

Selection = dict[str, list[Item]]


def corroboration(item: Item) -> int:
    """How many sources support an item: the resolver's count, else its distinct evidence sources."""
    return max(item.source_count, len({evidence.source for evidence in item.evidence}))


def rank_key(item: Item) -> tuple[int, int]:
    """Higher is more important: sources that support the item, then evidence sentences."""
    return corroboration(item), len(item.evidence)


def ranked(items: Iterable[Item]) -> list[Item]:
    """Items best first: by corroboration, then evidence count (stable otherwise).

    Positions differ after corroboration: a speaker's first statement comes before anyone's
    second, officials before analysts, and only then evidence count, so a short brief is not
    one voice (one long interview yields many evidence sentences from a single source).
    """

    def key(item: Item, nth: int) -> tuple[int, ...]:
        corroborated, evidence = rank_key(item)
        if isinstance(item, Position):
            return -corroborated, nth, item.kind == "analyst", -evidence
        return -corroborated, -evidence

    by_rank = sorted(items, key=rank_key, reverse=True)
    statements: dict[tuple[str | None, str], int] = {}
    keyed = []
    for item in by_rank:
        nth = 0
        if isinstance(item, Position):
            speaker = (item.speaker.party, item.speaker.name)
            nth = statements[speaker] = statements.get(speaker, -1) + 1
        keyed.append((key(item, nth), item))
    return [item for _, item in sorted(keyed, key=lambda pair: pair[0])]


# A writer's lead-in that announces the question to come: "This raises a critical question: ...", "The key
# question now: ...", "The question now is whether ...", "It begs the question whether ..." (the article's
# device, like a headline's question).
_LEAD_IN = re.compile(r"^\W*(?:[^:?]{0,60}\bquestions?\b[^:?]{0,30}:|the\s+(?:\w+\s+){0,2}questions?\s+"
                      r"(?:\w+\s+)?(?:is|are|remains?)\b|(?:this|that|it|which)\s+(?:\w+\s+){0,2}"
                      r"(?:raises?|raising|begs?|begging|poses?|posing|prompts?|prompting)\s+(?:\w+\s+){0,3}"
                      r"questions?\b)", re.IGNORECASE)


def left_open(question: OpenQuestion) -> bool:
    """A question the coverage leaves open: raised in the running text, or a stated uncertainty anywhere but a
    headline; not a headline, heading or lead question (the article's hook), nor one a writer's lead-in
    announces ("This raises a critical question: ...")."""
    if question.kind == "explicit" and _LEAD_IN.match(question.text):
        return False
    return question.placement == "text" or (question.kind == "uncertainty" and question.placement != "headline")


def select(
    briefing: Briefing, sections: Iterable[str], limits: Mapping[str, int], hooks: bool = True
) -> Selection:
    """The items of each section, best ranked first, cut to the section's limit; without `hooks`, only the
    open questions the coverage leaves open, and only venues where a track meets (not a place its reports name
    as where another meeting was held)."""
    selection: Selection = {}
    for section in sections:
        items = getattr(briefing, section)
        if section == "open_questions" and not hooks:
            items = [question for question in items if left_open(question)]
        if section == "venues" and not hooks:
            items = [venue for venue in items if not held_elsewhere(venue, briefing)]
        items = ranked(items)
        limit = limits.get(section)
        selection[section] = items[:limit] if limit is not None else items
    return selection


def held_elsewhere(venue: Venue, briefing: Briefing) -> bool:
    """Whether the venue's track names it only as where another meeting was held (`Talks.elsewhere`)."""
    talks = next((talks for talks in briefing.talks if talks.id == venue.talks), None)
    return talks is not None and place_label(venue.name, venue.country) in talks.elsewhere


def size(selection: Selection) -> int:
    """The number of items in a selection."""
    return sum(len(items) for items in selection.values())


def keep_best(selection: Selection, count: int) -> Selection:
    """Keep `count` items: each section's first before any section's second, and so on (round-robin).

    Sections are ranked already, so trimming drops the lowest-ranked items of the longest
    sections first and never empties one section to keep another whole; at the same rank
    position, the better-corroborated item stays.
    """
    places = [(section, index) for section, items in selection.items() for index in range(len(items))]
    places.sort(key=lambda place: (place[1], -corroboration(selection[place[0]][place[1]])))
    kept = set(places[:count])
    return {
        section: [item for index, item in enumerate(items) if (section, index) in kept]
        for section, items in selection.items()
    }
