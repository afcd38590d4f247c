"""What changed between two briefs: each item marked new, changed or unchanged, and what was dropped.

Items are paired in two passes: first by canonical key (`keys`), then, among those left,
by similarity (a reworded statement by the same speaker, a venue renamed for the same
talks), best pairs first. A paired item is unchanged when its compared value is the same.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from briefer.model import Briefing, Changes, Delegation, DroppedItem, OpenQuestion, Person, Position, Venue
from briefer.names import content_words, name_key, overlap, place_label, same_person

SHORT_TEXT = 160
STATEMENT_SIMILARITY = 0.5
QUESTION_SIMILARITY = 0.6


def short(text: str, limit: int = SHORT_TEXT) -> str:
    """One line of at most `limit` characters, cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def pair(
    current: Sequence[Any],
    previous: Sequence[Any],
    key: Callable[[Any], Hashable],
    similarity: Callable[[Any, Any], float],
) -> tuple[dict[int, int], list[int]]:
    """Pair current with previous items: {current index: previous index}, and unpaired previous indexes."""
    by_key: dict[Hashable, list[int]] = defaultdict(list)
    for index, item in enumerate(previous):
        by_key[key(item)].append(index)
    pairs: dict[int, int] = {}
    for index, item in enumerate(current):
        candidates = by_key.get(key(item))
        if candidates:
            pairs[index] = candidates.pop(0)
    taken = set(pairs.values())
    scored = sorted(
        (
            (score, cur, prev)
            for cur in range(len(current))
            if cur not in pairs
            for prev in range(len(previous))
            if prev not in taken and (score := similarity(current[cur], previous[prev])) > 0
        ),
        key=lambda triple: (-triple[0], triple[1], triple[2]),
    )
    for _, cur, prev in scored:
        if cur not in pairs and prev not in taken:
            pairs[cur] = prev
            taken.add(prev)
    return pairs, [index for index in range(len(previous)) if index not in taken]


def _name(person: Person | None) -> str | None:
    return person.name if person else None


# Track titles by id: an item names its track by id, a reader by title (a brief recorded before tracks
# existed names its talks in words, which then stand as they are).
Titles = Mapping[str, str]


def _in_talks(label: str, talks: str, titles: Titles) -> str:
    return f"{label} ({titles.get(talks, talks)})" if talks else label


def _delegation_label(delegation: Delegation, titles: Titles) -> str:
    return _in_talks(f"{delegation.party} delegation", delegation.talks, titles)


def _venue_label(venue: Venue, titles: Titles) -> str:
    return _in_talks(place_label(venue.name, venue.country), venue.talks, titles)


def _position_label(position: Position, titles: Titles) -> str:
    return short(f"{position.speaker.name}: {position.statement}")


def _question_label(question: OpenQuestion, titles: Titles) -> str:
    return short(question.text)


def _same_names(first: str, second: str) -> float:
    return 1.0 if same_person(first, second) else 0.0


def _same_or_none(first: str | None, second: str | None) -> bool:
    """One person, or nobody named in either."""
    return (not first and not second) or same_person(first, second)


def _mark_members(current: Delegation, previous: Delegation) -> list[Person]:
    """Mark each current member new or unchanged; return the previous members now gone."""
    pairs, gone = pair(
        [m.name for m in current.members], [m.name for m in previous.members], name_key, _same_names
    )
    for index, member in enumerate(current.members):
        member.status = "unchanged" if index in pairs else "new"
    return [previous.members[index] for index in gone]


# A comparison returns the previous value of what changed (None when nothing did) and
# labels of parts dropped from a paired item (a delegation's former members).
Comparison = tuple[str | None, list[str]]


def _compare_delegations(current: Delegation, previous: Delegation, titles: Titles) -> Comparison:
    dropped_members = _mark_members(current, previous)
    differences = []
    if name_key(current.talks) != name_key(previous.talks):
        differences.append(f"talks: {titles.get(previous.talks, previous.talks) or 'unnamed'}")
    if not _same_or_none(_name(current.leader), _name(previous.leader)):
        differences.append(f"led by {_name(previous.leader) or 'nobody named'}")
    if dropped_members or any(member.status == "new" for member in current.members):
        differences.append("members: " + (", ".join(m.name for m in previous.members) or "none"))
    if not _same_or_none(_name(current.sent_by), _name(previous.sent_by)):
        differences.append(f"sent by {_name(previous.sent_by) or 'nobody named'}")
    label = _delegation_label(previous, titles)  # the members were in the previous one
    dropped = [f"{member.name}, {label}" for member in dropped_members]
    return (short("; ".join(differences)) if differences else None), dropped


def _compare_venues(current: Venue, previous: Venue, titles: Titles) -> Comparison:
    def value(venue: Venue) -> tuple[str, str, str]:
        return name_key(venue.name), name_key(venue.country), name_key(venue.talks)

    return (None if value(current) == value(previous) else short(_venue_label(previous, titles))), []


def _compare_positions(current: Position, previous: Position, titles: Titles) -> Comparison:
    same = content_words(current.statement) == content_words(previous.statement)
    return (None if same else short(previous.statement)), []


def _compare_questions(current: OpenQuestion, previous: OpenQuestion, titles: Titles) -> Comparison:
    same = content_words(current.text) == content_words(previous.text)
    return (None if same else short(previous.text)), []


def _delegation_key(delegation: Delegation) -> Hashable:
    return name_key(delegation.party), name_key(delegation.talks)


def _people(delegation: Delegation) -> list[str]:
    return [person.name for person in (delegation.leader, *delegation.members) if person]


def _delegation_similarity(current: Delegation, previous: Delegation) -> float:
    """One party's team in the same talks, or sharing a person with yesterday's (a track's id may change from day to
    day); one party's team at other talks with other people is a new delegation, never a changed one."""
    if name_key(current.party) != name_key(previous.party):
        return 0.0
    same_talks = name_key(current.talks) == name_key(previous.talks)
    shared = any(same_person(a, b) for a in _people(current) for b in _people(previous))
    return 0.8 if same_talks or shared else 0.0


def _venue_key(venue: Venue) -> Hashable:
    return name_key(venue.name)


def _venue_similarity(current: Venue, previous: Venue) -> float:
    current_words, previous_words = set(name_key(current.name).split()), set(name_key(previous.name).split())
    one_names_the_other = current_words <= previous_words or current_words >= previous_words
    if current_words and previous_words and one_names_the_other:
        return 0.9
    return 0.6 if current.talks and name_key(current.talks) == name_key(previous.talks) else 0.0


def _position_key(position: Position) -> Hashable:
    return name_key(position.speaker.name), content_words(position.statement)


def _position_similarity(current: Position, previous: Position) -> float:
    if not same_person(current.speaker.name, previous.speaker.name):
        return 0.0
    score = overlap(content_words(current.statement), content_words(previous.statement))
    return score if score >= STATEMENT_SIMILARITY else 0.0


def _question_key(question: OpenQuestion) -> Hashable:
    return content_words(question.text)


def _question_similarity(current: OpenQuestion, previous: OpenQuestion) -> float:
    score = overlap(content_words(current.text), content_words(previous.text))
    return score if score >= QUESTION_SIMILARITY else 0.0


@dataclass(frozen=True)
class _Section:
    """How one section's items are keyed, paired by similarity, compared and labelled."""

    key: Callable[[Any], Hashable]
    similarity: Callable[[Any, Any], float]
    compare: Callable[[Any, Any, Titles], Comparison]  # current, previous, the previous brief's track titles
    label: Callable[[Any, Titles], str]


# One entry per section (briefer/sections.py).
DIFFS: dict[str, _Section] = {
    "delegations": _Section(_delegation_key, _delegation_similarity, _compare_delegations, _delegation_label),
    "venues": _Section(_venue_key, _venue_similarity, _compare_venues, _venue_label),
    "positions": _Section(_position_key, _position_similarity, _compare_positions, _position_label),
    "open_questions": _Section(_question_key, _question_similarity, _compare_questions, _question_label),
}


def _clear_marks(briefing: Briefing) -> None:
    for section in DIFFS:
        for item in getattr(briefing, section):
            item.status = item.previous = None
    for delegation in briefing.delegations:
        for member in delegation.members:
            member.status = None
    briefing.changes = None


def mark_changes(current: Briefing, previous: Briefing | None) -> Briefing:
    """A copy of `current` with every item marked against `previous`; no marks when there is none."""
    marked = current.model_copy(deep=True)
    _clear_marks(marked)
    if previous is None:
        return marked
    dropped: list[DroppedItem] = []
    titles = {talks.id: talks.title for talks in previous.talks}
    for section, rules in DIFFS.items():
        items, earlier = getattr(marked, section), getattr(previous, section)
        pairs, gone = pair(items, earlier, rules.key, rules.similarity)
        for index, item in enumerate(items):
            if index not in pairs:
                item.status = "new"
                continue
            item.previous, dropped_parts = rules.compare(item, earlier[pairs[index]], titles)
            item.status = "changed" if item.previous else "unchanged"
            dropped.extend(DroppedItem(section=section, label=label) for label in dropped_parts)
        dropped.extend(DroppedItem(section=section, label=rules.label(earlier[index], titles)) for index in gone)
    marked.changes = Changes(previous_date=previous.date, dropped=dropped)
    return marked
