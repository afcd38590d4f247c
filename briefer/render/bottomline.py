"""The bottom line, written by rule from the model: per negotiation track, ranked by recency and weight of
coverage, two to four sentences: who met whom, where and when and who led each side; what each side said;
what changed; what is next or still open. Each sentence cites the sources of the items it draws on."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from briefer.model import Briefing, Delegation, Item, MeetingDate, OpenQuestion, Person, Position, Talks, Venue
from briefer.names import place_label, place_phrase
from briefer.render.entries import Cites
from briefer.render.rank import left_open, ranked
from briefer.render.wording import Sentence, long_date
from briefer.sections import SECTIONS

OTHER_TITLE = "Other reports"  # the part of a brief for items of no known track
MAX_MEMBERS = 4  # members named after a delegation's leader
STATEMENT_WORDS = 18  # a longer statement is cut at the end of a clause, or another of the side's is chosen
MIN_CLAUSE_WORDS = 5  # a shorter clause says too little to stand for a statement
QUESTION_WORDS = 28
# What the sides did, by the track's status: for two sides or more, and for one side meeting the others.
VERBS = {"held": "met", "under way": "are meeting", "scheduled": "are to meet", "proposed": "may meet",
         "ended": "ended their talks", None: "are in talks"}
# What the sides named did at a meeting of many parties, titled by its event.
MANY_VERBS = {"held": "were among those at", "under way": "are among those at", "scheduled": "are to attend",
              "proposed": "may attend", "ended": "were among those at", None: "are among those at"}
ONE_SIDE_VERBS = {"held": "held talks", "under way": "is in talks", "scheduled": "is to hold talks",
                  "proposed": "may hold talks", "ended": "ended talks", None: "is in talks"}
MIN_QUESTION_WORDS = 6  # a shorter "question" is a fragment, not worth a minister's time
HAPPENED = ("held", "under way", "ended")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)”\"'][.!?])\s+(?=[\"'“A-Z])")  # not after "U.S."
_NAME = re.compile(r"[A-Z][\w.'’ -]+")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")  # a name of one or two words
# Where a statement's clause ends: before a comma opening a subordinate or participle clause, a semicolon, a dash.
_CLAUSE_END = re.compile(
    r",\s+(?=(?:which|who|while|whereas|although|though|but|even|amid|despite|after|before|following|according|"
    r"as|with|adding|saying|noting|suggesting|stressing|emphasi[sz]ing|allowing|calling|urging|warning)\b)"
    r"|;\s+|\s+[—–]\s+")
# Who is to meet, as the sentence announcing the next meeting begins: "Technical teams are slated to ...".
_SUBJECT = re.compile(r"(?:The\s+)?([A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,5}?)\s+(?:are|is|will|would|were|was|have|has|"
                      r"plan|plans|hope|hopes|expect|expects)\b")
# What a meeting is for, as the sentence reporting it says: "met in Geneva to discuss a prisoner exchange".
_PURPOSE = re.compile(r"\bto (?:discuss|address|negotiate|review|resolve|settle|agree on|work out|hammer out|"
                      r"finali[sz]e|seek|explore) [^,;:.!?()“”\"]+", re.IGNORECASE)
PURPOSE_WORDS = 10  # a longer purpose is not shown (never cut)
_ON_THE_TALKS = re.compile(r"\b(?:talks|meeting|negotiat\w*|agenda|discuss\w*)\b", re.IGNORECASE)
MEETING_WORDS = {"meeting", "meetings", "talks", "round", "summit", "session", "sessions", "negotiations"}
# A clause that ends on one of these words was cut from its sentence ("the talks had been constructive but").
_DANGLING = {"but", "and", "or", "to", "of", "that", "the", "a", "an", "with", "for", "in", "on", "as", "by"}
# A reporting clause left inside a statement ("..., Trump claimed, ..."): the statement ends before it.
_ATTRIBUTION = re.compile(r",\s+(?:[A-Z][\w'’-]+\s+){1,2}(?:said|says|claimed|claims|added|noted|argued|insisted)\b")
PartyOf = Callable[[str], "str | None"]  # the party a name stands for ("Kremlin" -> Russia): the gazetteer's


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


def _at(venue: Venue, sentence: str) -> bool:
    """Whether a sentence names a venue (or the country it lies in)."""
    return any(re.search(rf"\b{re.escape(name)}\b", sentence) for name in {venue.name, venue.country} if name)


@dataclass
class Rounds:
    """A track's meetings by place: where the latest round meets and its dates, earlier rounds held elsewhere,
    and the next meetings announced elsewhere or after the latest round."""

    venues: list[Venue]
    dates: list[MeetingDate]
    earlier: list[tuple[Venue, MeetingDate]]
    upcoming: list[MeetingDate]


def rounds(talks: Talks, venues: list[Venue]) -> Rounds:
    """The track's dates read by the places their sentences name: a date of a sentence naming the track's first
    venue is of its latest round; a meeting held at another venue only is an earlier round when the track has
    met (the latest source has it held); one scheduled at another venue, or after the latest held date, is
    next. Venues named only by earlier or next meetings are not where the track meets now."""
    main = venues[0] if venues else None
    here = [d for d in talks.dates if main is None or _at(main, d.evidence.sentence)]
    met = talks.status in HAPPENED
    elsewhere = [d for d in talks.dates if d not in here]
    earlier = [(v, d) for d in elsewhere if met and d.status in HAPPENED and here
               for v in venues[1:] if _at(v, d.evidence.sentence)]
    earlier = sorted(earlier, key=lambda pair: _distance(*pair))[:1]  # "a call on 12 ... a meeting there on 18"
    held = max((d.date for d in talks.dates if d.status in HAPPENED and d.date), default="")
    upcoming = [d for d in talks.dates if d.status in ("scheduled", "proposed") and talks.status != "scheduled"
                and (d.date > held if d.date and held else not (met and d in here))]
    gone = {id(v) for v, _ in earlier} | {id(v) for d in upcoming for v in venues[1:] if _at(v, d.evidence.sentence)}
    kept = {id(v) for d in here if d not in upcoming for v in venues if _at(v, d.evidence.sentence)}
    return Rounds([v for v in venues if id(v) not in gone or id(v) in kept], here, earlier, upcoming)


def purpose(found: Rounds, talks: Talks, party_of: PartyOf | None = None) -> str:
    """What the latest round meets for ("to discuss the work of their embassies"), as a sentence reporting it
    (one of its dates' or its first venue's) says, in PURPOSE_WORDS words or fewer; "" when none says. A
    sentence that names parties, none of them those the track is about, reports another meeting at the same place."""
    sentences = [d.evidence.sentence for d in reversed(found.dates)]
    sentences += [e.sentence for v in found.venues[:1] for e in v.evidence]
    for sentence in sentences:
        named = _parties_named(sentence, party_of)
        if named and not any(party in talks.title for party in named):  # the parties it is about
            continue
        said = _PURPOSE.search(sentence)
        if said and len(said.group(0).split()) <= PURPOSE_WORDS + 1 and said.group(0).split()[-1] not in _DANGLING:
            return said.group(0).strip()
    return ""


def _parties_named(sentence: str, party_of: PartyOf | None) -> set[str]:
    """The parties a sentence names by a capitalised name or demonym ("Iranian representatives" -> Iran)."""
    if party_of is None:
        return set()
    found = set()
    for match in _CAPITALISED.finditer(sentence):
        words = match.group().removesuffix("'s").removesuffix("’s")
        party = party_of(words) or party_of(words.split()[0])
        if party:
            found.add(party)
    return found


def _distance(venue: Venue, day: MeetingDate) -> int:
    """How far a date's words stand from the venue's name in their sentence (in characters)."""
    sentence = day.evidence.sentence
    return abs(sentence.find(day.text) - max(sentence.find(venue.name), sentence.find(venue.country or venue.name)))


def _day(dates: list[MeetingDate], status: str | None, order: dict[str, int]) -> str:
    """`on 2 December 2025` for the latest resolved date, else the words of the latest source, of a meeting with
    the track's status first."""
    dated = [d for d in dates if d.date]
    if dated:
        return "on " + long_date(max(dated, key=lambda d: d.date or "").date)
    said = [d for d in dates if d.status == status] or [d for d in dates if d.status in ("held", "under way",
                                                                                      "scheduled")]
    said.sort(key=lambda d: order.get(d.evidence.source, -1))  # the latest source's words last
    return f"({said[-1].text})" if said else ""


def _when(talks: Talks, dates: list[MeetingDate], published: dict[str, str]) -> str:
    """When the latest round met (`on 2 December 2025`, `(Friday)`), or when the latest source that gives its
    date reported it."""
    order = {source: index for index, source in enumerate(talks.sources)}
    day = _day(dates, talks.status, order) or _day(talks.dates, talks.status, order)
    if day:
        return day
    reported = max((published[s] for s in talks.sources if s in published), default="")
    return f"(reported {long_date(reported)})" if reported else ""


def _cites(numbers: dict[str, int], *items: Item) -> Cites:
    """The markers of the sources behind the items (those the brief does not list are counted, not shown)."""
    return Cites(numbers.get(source) for source in dict.fromkeys(e.source for item in items for e in item.evidence))


def _sentence(text: str, cites: tuple[int, ...]) -> Sentence:
    text = text.strip()
    end = "" if text.endswith((".", "?", "!", "…")) else "."
    return Sentence(text[:1].upper() + text[1:] + end, cites)


def meeting_sentence(
    talks: Talks, items: dict[str, list[Item]], numbers: dict[str, int], published: dict[str, str],
    party_of: PartyOf | None = None,
) -> Sentence:
    """Who met whom (and who led each side), where and when; an earlier round held elsewhere; what earlier
    reports said when the latest changed the status."""
    delegations: list[Delegation] = ranked(items["delegations"])  # type: ignore[assignment]
    named = [d for d in delegations if d.leader or d.members] or delegations
    sides = [_side(d) for d in named[:4]] or list(talks.parties[:2])  # the two it is most about
    found = rounds(talks, [v for v in _places(items["venues"]) if _listed(v) in talks.venues])  # not an offer
    venues = found.venues
    where = f"in {_join([place_phrase(v.name) for v in venues])}" if venues else ""
    if talks.multilateral:  # "France (led by ...) and Japan (...) were among those at the Peace Summit in X"
        where = _event_phrase(talks.title)
        who = _join(sides) if sides else "Delegations"
        verb = MANY_VERBS.get(talks.status, MANY_VERBS[None]) if sides else VERBS.get(talks.status, "met") + " at"
    elif len(sides) == 1:
        first = named[0].party if named else sides[0]
        titled = [p for p in talks.parties if p != first and p in talks.title]  # the parties it is about
        others = (titled or [p for p in talks.parties if p != first])[:2]
        verb = ONE_SIDE_VERBS.get(talks.status, ONE_SIDE_VERBS[None]) + (f" with {_join(others)}" if others else "")
        who = f"{_possessive(first)} delegation{_side(named[0])[len(first):]}" if named else first
    else:
        verb = VERBS.get(talks.status, VERBS[None])
        who = _join(sides) if sides else "Delegations"
    meeting = " ".join(part for part in (who, verb, where, _when(talks, found.dates, published)) if part)
    text = " ".join(part for part in (meeting, purpose(found, talks, party_of)) if part)
    before = talks.previous_status if talks.previous_status != talks.status else None
    if before in ("scheduled", "proposed") and talks.status in HAPPENED:
        text += f", as {before}"  # what earlier reports said: the talks took place as they had them planned
    elif before:
        text += f" (earlier reports: {before})"
    for venue, day in found.earlier:
        when = f"on {long_date(day.date)}" if day.date else f"({day.text})"
        text += f", after a round in {place_phrase(venue.name)} {when}"
    return _sentence(text, _cites(numbers, *named[:4], *venues))


def _event_phrase(title: str) -> str:
    """A multilateral track's title as the object of a sentence: "the Peace Summit in X", "multilateral talks in
    X", "COP26 in X" (a numbered edition's name takes no article)."""
    if title.startswith("Multilateral"):
        return "multilateral" + title[len("Multilateral"):]
    return title if re.match(r"[A-Z]+-?\d+\b", title) else f"the {title}"


def _listed(venue: Venue) -> str:
    """A venue as its track lists it (resolve.talks.venue_name)."""
    return place_label(venue.name, venue.country)


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _places(venues: list[Item]) -> list[Venue]:
    """The track's three best venues, without a country another of them lies in."""
    best: list[Venue] = ranked(venues)  # type: ignore[assignment]
    inner = {v.country for v in best if v.country and v.country != v.name}
    return [v for v in best if not (v.country == v.name and v.name in inner)][:3]


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def clause(statement: str, words: int = STATEMENT_WORDS) -> str | None:
    """The statement's first sentence (up to a reporting clause left in it) when it has at most `words` words,
    else its longest leading clause that does (up to a comma before a subordinate or participle clause, a
    semicolon or a dash); None when no complete clause of MIN_CLAUSE_WORDS words or more fits: never a
    statement cut mid-clause."""
    first = _closed(_ATTRIBUTION.split(_first_sentence(statement), maxsplit=1)[0].strip().rstrip("."))
    if len(first.split()) <= words:
        return first if _balanced(first) else None
    cuts = [first[:m.start()] for m in _CLAUSE_END.finditer(first)]
    fitting = [c for c in cuts if MIN_CLAUSE_WORDS <= len(c.split()) <= words and _balanced(c)]
    return fitting[-1] if fitting else None


def _closed(text: str) -> str:
    """A statement whose last quotation (of a few words) the sentence's end cut off, closed again: `called the
    talks "constructive.` -> `called the talks "constructive"`."""
    if text.count('"') % 2 and len(text.rsplit('"', 1)[1].split()) <= 3:
        return text.rstrip(".") + '"'
    return text


def _balanced(text: str) -> bool:
    """Brackets and quotes closed, and no last word that leaves the clause hanging (a text of no words is
    no clause)."""
    words = text.split()
    return (bool(words) and text.count("(") == text.count(")") and text.count("“") == text.count("”")
            and text.count('"') % 2 == 0 and words[-1].lower() not in _DANGLING)


def speaker_label(position: Position, party_of: PartyOf | None = None) -> str:
    """`Yuri Ushakov (Russia)`; a body named for its party ("the Kremlin", "Washington") folded into the party;
    an analyst by their role (`Jane Doe (political analyst)`): they speak for no side."""
    name, party = position.speaker.name, position.speaker.party
    if position.kind == "analyst":
        return f"{name} ({position.speaker.role or 'analyst'})"
    if party and (name == party or (party_of is not None and party_of(name) == party)):
        return party
    return f"{name} ({party})" if party and party.lower() not in name.lower() else name


def positions_sentence(talks: Talks, items: dict[str, list[Item]], numbers: dict[str, int],
                       party_of: PartyOf | None = None) -> Sentence | None:
    """A stated position of each of the first two sides that stated one (the sides the title names first): the
    most reported of the side's on these talks, else any, that reads whole in STATEMENT_WORDS words (its first
    sentence, or a complete clause of it)."""
    chosen: list[tuple[Position, str]] = []
    named = [p for p in ranked(items["positions"]) if isinstance(p, Position) and _named(p.speaker.name)]
    titled = [party for party in talks.parties if party in talks.title]  # the sides it is about, in the title's order
    named.sort(key=lambda p: (titled.index(p.speaker.party) if p.speaker.party in titled else len(titled),
                              not _ON_THE_TALKS.search(p.statement)))  # what they say of these talks first
    for official in (True, False):  # officials first; an analyst only when no official statement fits
        for position in named:
            if (position.kind == "official") != official or len(chosen) == 2:
                continue
            said = clause(position.statement)
            fragment = said is None or said.split()[0].endswith("ing")  # "rebuking his counterpart": no clause
            fragment = fragment or _names_itself(said, position)  # "Swiss President X also tried to ...": the report
            if not fragment and position.speaker.party not in {p.speaker.party for p, _ in chosen}:
                chosen.append((position, said))
        if chosen:
            break
    if not chosen:
        return None
    parts = [f"{speaker_label(position, party_of)}: " + (f"“{said}”" if position.direct_quote else said)
             for position, said in chosen]
    return _sentence("; ".join(parts), _cites(numbers, *(position for position, _ in chosen)))


def _names_itself(said: str, position: Position) -> bool:
    """Whether a statement names its own speaker: the sentence that reports it, not what was said."""
    surname = position.speaker.name.split()[-1] if position.speaker.name.split() else ""
    return len(surname) > 2 and re.search(rf"\b{re.escape(surname)}\b", said) is not None


def _named(name: str) -> bool:
    """A speaker the reader can place: a capitalised name of two letters or more ("Ushakov", "Kremlin")."""
    return _NAME.fullmatch(name) is not None


def next_sentence(talks: Talks, items: dict[str, list[Item]], numbers: dict[str, int]) -> Sentence | None:
    """What is next, briefly (who is to meet, where and when), else the top question left open."""
    found = rounds(talks, [v for v in _places(items["venues"]) if _listed(v) in talks.venues])
    if found.upcoming:
        date = found.upcoming[-1]
        places = [v for v in _places(items["venues"]) if _at(v, date.evidence.sentence)]
        subject = _SUBJECT.match(date.evidence.sentence)
        who = subject.group(1) if subject else _join([p for p in talks.parties if p in talks.title][:3]
                                                     or talks.parties[:2] or ["the sides"])
        verb = "" if who.split()[-1].lower() in MEETING_WORDS else " may meet" if date.status == "proposed" \
            else " to meet"
        where = f" in {place_phrase(places[0].name)}" if places else ""
        when = f" on {long_date(date.date)}" if date.date else f" ({date.text})"
        cites = (numbers[date.evidence.source],) if date.evidence.source in numbers else ()
        return _sentence(f"Next: {who}{verb}{where}{when}", cites)
    questions = [q for q in ranked(items["open_questions"]) if isinstance(q, OpenQuestion) and left_open(q)
                 and len(q.text.split()) >= MIN_QUESTION_WORDS]
    for question in questions:
        text = clause(question.text, QUESTION_WORDS)
        if text:
            return _sentence(f"Open: {text}", _cites(numbers, question))
    return None


def summarise(talks: Talks, briefing: Briefing, numbers: dict[str, int], party_of: PartyOf | None = None
              ) -> TrackSummary:
    """Two to four sentences on one track."""
    items = _items(briefing, talks)
    published = {s.id: s.published for s in briefing.sources if s.published and s.dated_by not in ("file", "text")}
    candidates = [meeting_sentence(talks, items, numbers, published, party_of),
                  positions_sentence(talks, items, numbers, party_of), next_sentence(talks, items, numbers)]
    return TrackSummary(talks, [sentence for sentence in candidates if sentence][:4])


def bottom_line(briefing: Briefing, numbers: dict[str, int], limit: int | None = None,
                other: bool = False, party_of: PartyOf | None = None) -> list[TrackSummary]:
    """The bottom line of every track (the best `limit` ones), best first; "Other" when `other` or alone."""
    tracks = [t for t in rank_tracks(briefing) if t.id != "other" or other or len(briefing.talks) == 1]
    return [summarise(talks, briefing, numbers, party_of) for talks in tracks[:limit]]


def fill_summaries(briefing: Briefing, party_of: PartyOf | None = None) -> Briefing:
    """The briefing with every track's bottom line in `summary` (citations by source id are in its items)."""
    numbers = {source.id: number for number, source in enumerate(briefing.sources, start=1)}
    for talks in briefing.talks:
        talks.summary = [sentence.text for sentence in summarise(talks, briefing, numbers, party_of).sentences]
    return briefing
