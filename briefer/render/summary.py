"""Sentences composed from the model: the key developments of the analyst brief."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefer.model import Delegation, OpenQuestion, Position, Venue
from briefer.render.view import BriefView, Entry, Sentence, long_date, place, shorten

MAX_VENUES = 3  # venues named in one talks sentence; the Venues section lists them all


@dataclass
class TalksGroup:
    """The delegations and venues that name the same talks."""

    talks: str
    delegations: list[Entry] = field(default_factory=list)
    venues: list[Entry] = field(default_factory=list)


def _cites(*entries: Entry) -> tuple[int, ...]:
    return tuple(sorted({n for entry in entries for n in entry.cites}))


def _sentence(text: str, *entries: Entry) -> Sentence:
    end = "" if text.rstrip().endswith((".", "?", "!", "…", "”", '"')) else "."
    return Sentence(text + end, _cites(*entries))


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def talks_groups(view: BriefView) -> list[TalksGroup]:
    """Delegations and venues grouped by the talks they name, best-ranked group first."""
    groups: dict[str, TalksGroup] = {}
    for entry in view.delegations + view.venues:
        item: Delegation | Venue = entry.item  # type: ignore[assignment]
        group = groups.setdefault(" ".join(item.talks.lower().split()), TalksGroup(item.talks))
        (group.delegations if isinstance(item, Delegation) else group.venues).append(entry)
    return list(groups.values())


def _party(entry: Entry) -> str:
    delegation: Delegation = entry.item  # type: ignore[assignment]
    if delegation.leader is None:
        return delegation.party
    role = f", {delegation.leader.role}" if delegation.leader.role else ""
    return f"{delegation.party} (led by {delegation.leader.name}{role})"


def talks_sentence(group: TalksGroup, named_groups: int) -> Sentence:
    """Which talks, who leads each delegation, and where."""
    name = group.talks[:1].upper() + group.talks[1:] if group.talks else "Other talks" if named_groups else "Talks"
    parts = []
    if group.delegations:
        parts.append("delegations from " + _join([_party(e) for e in group.delegations]))
    if group.venues:
        places = [place(e.item) for e in group.venues[:MAX_VENUES]]  # type: ignore[arg-type]
        more = len(group.venues) - MAX_VENUES
        places += [f"{more} more"] if more > 0 else []
        parts.append(("venue: " if len(group.venues) == 1 else "venues: ") + "; ".join(places))
    shown = group.delegations + group.venues[:MAX_VENUES]
    return _sentence(f"{name}: " + "; ".join(parts), *shown)


def speaker_phrase(position: Position) -> str:
    """`Name (Role, Party)` with whatever the model knows."""
    details = [part for part in (position.speaker.role, position.speaker.party) if part]
    return position.speaker.name + (f" ({', '.join(details)})" if details else "")


def statement_phrase(position: Position, words: int = 35) -> str:
    """The statement, in typographic quotes when the text quotes the speaker."""
    text = shorten(position.statement, words)
    return f"“{text}”" if position.direct_quote else text


def changes_sentence(view: BriefView) -> Sentence | None:
    """How many items are new, changed and dropped since the previous brief."""
    if view.changes is None:
        return None
    changes = view.changes
    counts = f"{len(changes.new)} new, {len(changes.changed)} changed and {len(changes.dropped)} dropped items"
    return _sentence(f"Since {long_date(changes.previous_date)}: {counts}", *changes.new, *changes.changed)


def developments(view: BriefView) -> list[Sentence]:
    """Key developments: each talks group, the positions, the open questions, what changed."""
    groups = talks_groups(view)
    named = sum(1 for group in groups if group.talks)
    sentences = [talks_sentence(group, named) for group in groups]
    if view.positions:
        officials = sum(1 for e in view.positions if e.item.kind == "official")  # type: ignore[attr-defined]
        speakers = len({e.item.speaker.name for e in view.positions})  # type: ignore[attr-defined]
        top = view.positions[0]
        sentences.append(
            _sentence(
                f"{_plural(len(view.positions), 'stated position')} from {_plural(speakers, 'speaker')} "
                f"({officials} official, {len(view.positions) - officials} analyst); most widely reported: "
                f"{speaker_phrase(top.item)}: {statement_phrase(top.item, 25)}",  # type: ignore[arg-type]
                top,
            )
        )
    if view.open_questions:
        top = view.open_questions[0]
        question: OpenQuestion = top.item  # type: ignore[assignment]
        count = _plural(len(view.open_questions), "open question")
        sentences.append(Sentence(f"{count}, among them: {shorten(question.text, 30)}", top.cites))
    change = changes_sentence(view)
    return sentences + ([change] if change else [])
