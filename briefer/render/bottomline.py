"""The bottom line, written by rule from the model: per negotiation track, ranked by recency and weight of
coverage, two to four sentences: who met whom, where and when and who led each side; what each side said;
what changed; what is next or still open. Each sentence cites the sources of the items it draws on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefer.model import Briefing, Delegation, Item, OpenQuestion, Person, Position, Talks, Venue
from briefer.names import place_phrase
from briefer.render.rank import left_open, ranked
from briefer.render.wording import Sentence, long_date, shorten
from briefer.sections import SECTIONS

OTHER_TITLE = "Other reports"  # the part of a brief for items of no known track
MAX_MEMBERS = 4  # members named after a delegation's leader
STATEMENT_WORDS = 22
QUESTION_WORDS = 28
# What the sides did, by the track's status: for two sides or more, and for one side meeting the others.
VERBS = {"held": "met", "under way": "are meeting", "scheduled": "are to meet", "proposed": "may meet",
         "ended": "ended their talks", None: "are in talks"}
ONE_SIDE_VERBS = {"held": "held talks", "under way": "is in talks", "scheduled": "is to hold talks",
                  "proposed": "may hold talks", "ended": "ended talks", None: "is in talks"}
MIN_QUESTION_WORDS = 6  # a shorter "question" is a fragment, not worth a minister's time
STATUS_WORDS = {"held": "held", "under way": "under way", "scheduled": "scheduled", "proposed": "proposed",
                "ended": "ended"}
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)”\"'][.!?])\s+(?=[\"'“A-Z])")  # not after "U.S."
_NAME = re.compile(r"[A-Z][\w.'’ -]+")


@dataclass
class TrackSummary:
    """One track's bottom line."""

    talks: Talks
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def cites(self) -> tuple[int, ...]:
        """Every source the track's sentences cite."""
        return tuple(sorted({n for sentence in self.sentences for n in sentence.cites}))


def _items(briefing: Briefing, talks: Talks) -> dict[str, list[Item]]:
    return {section: [item for item in getattr(briefing, section) if item.talks == talks.id]
            for section in SECTIONS}


def latest_day(talks: Talks) -> str:
    """The latest meeting date of a track (ISO), or "" when none is known."""
    return max((d.date for d in talks.dates if d.date), default="")


def rank_tracks(briefing: Briefing) -> list[Talks]:
    """Tracks by recency of their latest known meeting date, then by the coverage they have; "Other" last."""
    def weight(talks: Talks) -> tuple:
        items = sum(len(items) for items in _items(briefing, talks).values())
        return (talks.id != "other", latest_day(talks), len(talks.sources), items)

    return sorted(briefing.talks, key=weight, reverse=True)


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _person(person: Person) -> str:
    return f"{person.name}, {person.role}" if person.role else person.name


def _side(delegation: Delegation) -> str:
    """`Russia (led by Vladimir Putin, President; with Sergei Lavrov and Yury Ushakov)`."""
    details = []
    if delegation.leader:
        details.append(f"led by {_person(delegation.leader)}")
    members = [m.name for m in delegation.members[:MAX_MEMBERS]]
    more = len(delegation.members) - MAX_MEMBERS
    if members:
        details.append("with " + _join(members + ([f"{more} more"] if more > 0 else [])))
    return delegation.party + (f" ({'; '.join(details)})" if details else "")


def _when(talks: Talks, published: dict[str, str]) -> str:
    """`on 2 December 2025`, the words the latest source used (`(Friday)`, of a meeting with the track's status
    when one has it), or when the latest source that gives its date reported it."""
    dated = [d for d in talks.dates if d.date]
    if dated:
        return "on " + long_date(max(dated, key=lambda d: d.date or "").date)
    said = [d.text for d in talks.dates if d.status == talks.status] or [
        d.text for d in talks.dates if d.status in ("held", "under way", "scheduled")]  # its status's date first
    if said:
        return f"({said[-1]})"
    reported = max((published[s] for s in talks.sources if s in published), default="")
    return f"(reported {long_date(reported)})" if reported else ""


def _cites(numbers: dict[str, int], *items: Item) -> tuple[int, ...]:
    return tuple(sorted({numbers[e.source] for item in items for e in item.evidence if e.source in numbers}))


def _sentence(text: str, cites: tuple[int, ...]) -> Sentence:
    text = text.strip()
    end = "" if text.endswith((".", "?", "!", "…")) else "."
    return Sentence(text[:1].upper() + text[1:] + end, cites)


def meeting_sentence(
    talks: Talks, items: dict[str, list[Item]], numbers: dict[str, int], published: dict[str, str]
) -> Sentence:
    """Who met whom (and who led each side), where and when."""
    delegations: list[Delegation] = ranked(items["delegations"])  # type: ignore[assignment]
    named = [d for d in delegations if d.leader or d.members] or delegations
    sides = [_side(d) for d in named[:4]] or list(talks.parties[:2])  # the two it is most about
    venues = [v for v in _places(items["venues"]) if _listed(v) in talks.venues]  # where it meets, not an offer
    where = f"in {_join([place_phrase(v.name) for v in venues])}" if venues else ""
    if len(sides) == 1:
        first = named[0].party if named else sides[0]
        titled = [p for p in talks.parties if p != first and p in talks.title]  # the parties it is about
        others = (titled or [p for p in talks.parties if p != first])[:2]
        verb = ONE_SIDE_VERBS.get(talks.status, ONE_SIDE_VERBS[None]) + (f" with {_join(others)}" if others else "")
        who = f"{_possessive(first)} delegation{_side(named[0])[len(first):]}" if named else first
    else:
        verb = VERBS.get(talks.status, VERBS[None])
        who = _join(sides) if sides else "Delegations"
    text = " ".join(part for part in (who, verb, where, _when(talks, published)) if part)
    return _sentence(text, _cites(numbers, *named[:4], *venues))


def _listed(venue: Venue) -> str:
    """A venue as its track lists it (resolve.talks.venue_name)."""
    return venue.name if not venue.country or venue.country == venue.name else f"{venue.name}, {venue.country}"


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _places(venues: list[Item]) -> list[Venue]:
    """The track's three best venues, without a country another of them lies in."""
    best: list[Venue] = ranked(venues)  # type: ignore[assignment]
    inner = {v.country for v in best if v.country and v.country != v.name}
    return [v for v in best if not (v.country == v.name and v.name in inner)][:3]


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def positions_sentence(talks: Talks, items: dict[str, list[Item]], numbers: dict[str, int]) -> Sentence | None:
    """The most-reported stated position of each of the first two sides that stated one."""
    chosen: list[Position] = []
    named = [p for p in ranked(items["positions"]) if isinstance(p, Position) and _named(p.speaker.name)]
    for position in named:
        if position.kind == "official" and position.speaker.party not in {p.speaker.party for p in chosen}:
            chosen.append(position)
        if len(chosen) == 2:
            break
    chosen = chosen or named[:1]
    if not chosen:
        return None
    parts = []
    for position in chosen:
        statement = shorten(_first_sentence(position.statement), STATEMENT_WORDS).rstrip(".")
        said = f"“{statement}”" if position.direct_quote else statement
        party = position.speaker.party
        shown = f" ({party})" if party and party.lower() not in position.speaker.name.lower() else ""
        parts.append(f"{position.speaker.name}{shown}: {said}")
    return _sentence("; ".join(parts), _cites(numbers, *chosen))


def _named(name: str) -> bool:
    """A speaker the reader can place: a capitalised name of two letters or more ("Ushakov", "Kremlin")."""
    return _NAME.fullmatch(name) is not None


def change_sentence(talks: Talks) -> Sentence | None:
    """What the status was before the latest source changed it."""
    if not talks.previous_status or talks.previous_status == talks.status:
        return None
    return _sentence(f"Earlier reports had these talks as {STATUS_WORDS.get(talks.previous_status, 'reported')}; "
                     f"the latest say {STATUS_WORDS.get(talks.status or '', 'otherwise')}", ())


def next_sentence(talks: Talks, items: dict[str, list[Item]], numbers: dict[str, int]) -> Sentence | None:
    """What is next (a scheduled meeting after the latest one held), else the top question left open."""
    held = latest_day(Talks(id="", title="", dates=[d for d in talks.dates if d.status == "held"]))
    upcoming = [d for d in talks.dates if d.status == "scheduled" and (not d.date or d.date > held)]
    if upcoming and talks.status != "scheduled":
        date = upcoming[-1]
        sentence = shorten(_first_sentence(date.evidence.sentence), QUESTION_WORDS).rstrip(".")
        when = f" ({long_date(date.date)})" if date.date else ""
        return _sentence(f"Next: {sentence}{when}", ())
    questions = [q for q in ranked(items["open_questions"]) if isinstance(q, OpenQuestion) and left_open(q)
                 and len(q.text.split()) >= MIN_QUESTION_WORDS]
    if questions:
        question = questions[0]
        text = shorten(_first_sentence(question.text), QUESTION_WORDS)
        return _sentence(f"Open: {text}", _cites(numbers, question))
    return None


def summarise(talks: Talks, briefing: Briefing, numbers: dict[str, int]) -> TrackSummary:
    """Two to four sentences on one track."""
    items = _items(briefing, talks)
    published = {s.id: s.published for s in briefing.sources if s.published and s.dated_by not in ("file", "text")}
    candidates = [meeting_sentence(talks, items, numbers, published), positions_sentence(talks, items, numbers),
                  change_sentence(talks), next_sentence(talks, items, numbers)]
    return TrackSummary(talks, [sentence for sentence in candidates if sentence][:4])


def bottom_line(briefing: Briefing, numbers: dict[str, int], limit: int | None = None,
                other: bool = False) -> list[TrackSummary]:
    """The bottom line of every track (the best `limit` ones), best first; "Other" when `other` or alone."""
    tracks = [t for t in rank_tracks(briefing) if t.id != "other" or other or len(briefing.talks) == 1]
    return [summarise(talks, briefing, numbers) for talks in tracks[:limit]]


def fill_summaries(briefing: Briefing) -> Briefing:
    """The briefing with every track's bottom line in `summary` (citations by source id are in its items)."""
    numbers = {source.id: number for number, source in enumerate(briefing.sources, start=1)}
    for talks in briefing.talks:
        talks.summary = [sentence.text for sentence in summarise(talks, briefing, numbers).sentences]
    return briefing
