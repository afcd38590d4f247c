"""Negotiation tracks: articles grouped by who meets whom, where and when, so that merging, corroboration and
conflicts happen within a track, never across.

Each article is first cut into episodes (resolve.episodes: a digest reports several meetings), and each episode
resolved alone to see its meeting: the parties of its delegations (else of its official speakers), its venues,
the people it seats, its date. An episode joins the track it shares the most with: two major sides (or the
only one either names; a party named in passing is none), weighed alike, and then the same venue, a shared
negotiator, or a date within a year; two meetings of the same parties in different places, with nobody and no
year in common, are two tracks (US-Russia talks in Geneva in 2022 and in Alaska in 2025). An article that
names no party and no venue goes to the "Other" track: nothing is dropped.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from briefer.extract import ArticleFacts
from briefer.model import Article
from briefer.names import fold, person_key, place_phrase, translit_key
from briefer.rules.lexicon import Lexicon

OTHER_ID = "other"
OTHER_TITLE = "Other reports"
SAME_ROUND_DAYS = 365  # two meetings of the same parties this close belong to one track
MAJOR_SHARE = 0.15  # of an account's weight of sides, for a party to count as one of its sides
MAJOR_WEIGHT = 2
ALIKE = 0.8  # a party weighing this share of the second side's weight is named beside it in a title
TRUSTED_DATES = ("metadata", "url", "dateline", "text")  # a file's own date says nothing of its meeting


@dataclass
class Frame:
    """What one article says of its meeting."""

    article: ArticleFacts
    sides: Counter[str] = field(default_factory=Counter)  # party -> weight (delegation facts, speakers)
    venues: Counter[str] = field(default_factory=Counter)  # place key -> evidence count
    places: dict[str, str] = field(default_factory=dict)  # place key -> display name
    people: set[str] = field(default_factory=set)
    day: date | None = None


@dataclass
class Track:
    """Articles that report one negotiation, and what they share."""

    frames: list[Frame] = field(default_factory=list)
    sides: Counter[str] = field(default_factory=Counter)
    venues: Counter[str] = field(default_factory=Counter)
    people: set[str] = field(default_factory=set)
    days: list[date] = field(default_factory=list)

    def add(self, frame: Frame) -> None:
        """Take an article in."""
        self.frames.append(frame)
        self.sides.update(frame.sides)
        self.venues.update(frame.venues)
        self.people |= frame.people
        if frame.day:
            self.days.append(frame.day)


def article_day(article: Article) -> date | None:
    """The article's publication date when its source gives one (not a file's date)."""
    if article.published and article.dated_by in TRUSTED_DATES:
        try:
            return date.fromisoformat(article.published[:10])
        except ValueError:
            return None
    return None


def major(sides: Counter[str]) -> set[str]:
    """The sides an account is about: those with MAJOR_SHARE of its weight or MAJOR_WEIGHT (a party a long
    account names once in passing is none of its sides; each of five parties at a table is one)."""
    total = sum(sides.values())
    return {party for party, weight in sides.items() if weight >= min(MAJOR_SHARE * total, MAJOR_WEIGHT)}


def _shares_parties(frame: Frame, track: Track, close: bool) -> int:
    """How many sides a frame shares with a track, when that is enough to be one negotiation (0 if not): two
    major sides, or the only one either names; when the two met in the same place within a year (`close`),
    any two sides they name (a host's delegation can outweigh a side's in one report)."""
    for mine, theirs in ((major(frame.sides), major(track.sides)), (set(frame.sides), set(track.sides))):
        shared = len(mine & theirs)
        if shared >= 2 or (shared == 1 and min(len(mine), len(theirs)) == 1):
            return shared
        if not close:
            return 0
    return 0


def _near_in_time(frame: Frame, track: Track) -> bool:
    return frame.day is not None and any(abs((frame.day - day).days) <= SAME_ROUND_DAYS for day in track.days)


def _likeness(a: Counter[str], b: Counter[str]) -> float:
    """The cosine of two weighings of sides: 1 when they weigh the same parties alike."""
    dot = sum(weight * b[party] for party, weight in a.items())
    norms = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norms if norms else 0.0


def _score(frame: Frame, track: Track) -> float:
    """How well an article fits a track (0: it does not)."""
    shared_venues = len(set(frame.venues) & set(track.venues))
    parties = _shares_parties(frame, track, bool(shared_venues) and _near_in_time(frame, track))
    if not frame.sides or not track.sides:
        return 2 * shared_venues if not frame.sides and not track.sides else 0
    if not parties:
        return 0
    shared_people = len(frame.people & track.people)
    far_apart = frame.day is not None and track.days and not _near_in_time(frame, track)
    elsewhere = bool(frame.venues) and bool(track.venues) and not shared_venues
    if far_apart or (elsewhere and not shared_people and not _near_in_time(frame, track)):
        return 0
    return (3 * parties + 4 * _likeness(frame.sides, track.sides) + 2 * shared_venues + shared_people
            + (1 if _near_in_time(frame, track) else 0))


def group(frames: list[Frame]) -> tuple[list[Track], list[Frame]]:
    """Tracks of the articles that name a party or a venue, and the articles that name neither."""
    tracks: list[Track] = []
    other: list[Frame] = []
    for frame in frames:
        if not frame.sides and not frame.venues:
            other.append(frame)
            continue
        scored = [(_score(frame, track), -index) for index, track in enumerate(tracks)]
        best = max(scored, default=(0, 1))
        if best[0] > 0:
            tracks[-best[1]].add(frame)
        else:
            tracks.append(Track())
            tracks[-1].add(frame)
    return tracks, other


def slug(text: str) -> str:
    """A lower-case, hyphenated id word."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def leading(sides: Counter[str]) -> list[str]:
    """The parties a track is about, as its title names them: the one that weighs most, the next, and those
    that weigh like the next (at most five): "Iran talks with United Kingdom, France and Germany"."""
    ranked = [(party, weight) for party, weight in sides.most_common() if weight > 0]
    if len(ranked) < 2:
        return [party for party, _ in ranked]
    second = ranked[1][1]
    return [ranked[0][0], ranked[1][0], *(party for party, weight in ranked[2:5] if weight >= ALIKE * second)]


def track_title(parties: list[str], venue: str) -> str:
    """`Russia–Ukraine talks in Istanbul`, `Oman, Iran and United States talks in Rome`, `Iran talks with
    United Kingdom, France and Germany in Geneva`, `Talks in Bürgenstock (Switzerland)`."""
    where = f" in {place_phrase(venue)}" if venue else ""
    if len(parties) == 1:
        return f"Talks{where} ({parties[0]})" if where else f"{parties[0]} talks"
    if len(parties) > 3:
        return f"{parties[0]} talks with {', '.join(parties[1:-1])} and {parties[-1]}{where}"
    named = "–".join(parties) if len(parties) <= 2 else f"{parties[0]}, {parties[1]} and {parties[2]}"
    return f"{named} talks{where}" if named else f"Talks{where}"


def name_tracks(tracks: list[Track], places: dict[str, str], events: list[str | None]) -> list[str]:
    """A stable id for each track: the parties its title names (`russia-ukraine`), or for a multilateral one
    (`events`: its event, "" when unnamed, None when not multilateral) its event and venue
    (`peace-summit-burgenstock`, `multilateral-geneva`); its venue when two tracks have the same."""
    named = []
    for track, event in zip(tracks, events, strict=True):
        venue = places.get(track.venues.most_common(1)[0][0], "") if track.venues else ""
        if event is not None:
            base = slug(event) or "multilateral"
            place = slug(venue.split(",")[0])
            named.append((base if place in base else f"{base}-{place}".strip("-"), ""))
            continue
        named.append(("-".join(slug(s) for s in sorted(leading(track.sides))) or slug(venue) or "talks", venue))
    counts = Counter(track_id for track_id, _ in named)
    ids, seen = [], Counter()
    for track_id, venue in named:
        if counts[track_id] > 1:
            track_id = f"{track_id}-{slug(venue)}" if venue else track_id
        seen[track_id] += 1
        ids.append(track_id if seen[track_id] == 1 else f"{track_id}-{seen[track_id]}")
    return ids


_WORD = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?")


def _parties_named(article: ArticleFacts, lexicon: Lexicon, headline: bool) -> list[str]:
    """The parties named (by name or demonym) in the sentences of an article's delegation and venue facts, and
    in its headline when `headline`, but for those a sentence says stay away."""
    sentences = dict.fromkeys(f.evidence.sentence for f in article.facts if f.section in ("delegations", "venues"))
    if headline and article.article.title:
        sentences[article.article.title] = None
    return [party for sentence in sentences for party in parties_in(sentence, lexicon)]


def parties_in(sentence: str, lexicon: Lexicon) -> list[str]:
    """The parties a sentence names (by name or demonym), once per mention, but for those it says stay away
    and those that name a war ("the Russia-Ukraine war", "Israeli strikes")."""
    apart = _set_apart(sentence, lexicon)
    found = []
    for match in _WORD.finditer(sentence):
        words = match.group()
        party = lexicon.party_of(words) or lexicon.party_of(words.split()[0])
        if party and not any(first <= match.start() < last for first, last in apart) and not (
                lexicon.war_after.match(sentence, match.end())):
            found.append(party)
    return found


_CLAUSE_END = re.compile(r"[,;:!?—–()]")  # a clause ends at punctuation other than a full stop ("the U.S. did not")
# "neither Russia nor China attended", "neither the U.S. nor the EU was invited": both sides of the pair
_NEITHER_NOR = re.compile(r"\b[Nn]either\b[^,;:!?—–()]*?\bnor\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def _set_apart(sentence: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """The spans of a sentence that name parties staying away from its meeting: the clause before "has not
    joined" ("the U.S. has not joined the talks"), the clause after "without" ("talks without the rebels"),
    the parties a "neither ... nor ..." joins ("neither Russia nor China attended")."""
    spans = [(m.start(), m.end()) for m in _NEITHER_NOR.finditer(sentence)]
    if lexicon.absence is None:
        return spans
    after, before = lexicon.absence
    for cue in after.finditer(sentence):
        ends = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, cue.start())]
        spans.append((ends[-1] if ends else 0, cue.start()))
    for cue in before.finditer(sentence):
        end = _CLAUSE_END.search(sentence, cue.end())
        spans.append((cue.end(), end.start() if end else len(sentence)))
    return spans


def make_frame(article: ArticleFacts, resolve_alone: Callable[[ArticleFacts], tuple], lexicon: Lexicon,
               headline: bool = True) -> Frame:
    """The meeting one article (or one episode of it) reports, from its facts resolved on their own; the
    headline counts when `headline` (the article's first episode)."""
    delegations, venues, positions = resolve_alone(article)
    frame = Frame(article, day=article_day(article.article))
    for delegation in delegations:
        frame.sides[delegation.party] += 2 * len(delegation.evidence)
        frame.people |= {person_key(p.name) for p in (delegation.leader, *delegation.members) if p}
    if len(frame.sides) < 2:
        speakers = Counter(p.speaker.party for p in positions if p.kind == "official" and p.speaker.party)
        for party, count in speakers.most_common(2 - len(frame.sides)):
            frame.sides[party] += count
    # "the Russian and Ukrainian delegations met": the sides the headline and the meeting sentences name
    hosts = {venue.country for venue in venues} - set(frame.sides)
    for party in _parties_named(article, lexicon, headline):
        if party not in hosts:
            frame.sides[party] += 1
    for venue in venues:
        place = venue.name.split(",")[0].strip()
        key = translit_key(place if lexicon.places.get(fold(place)) else lexicon.party_of(place) or place)
        frame.venues[key] += len(venue.evidence)
        frame.places.setdefault(key, venue.name)
        if venue.country:  # a city and its country meet the country another article names alone
            frame.venues[translit_key(venue.country)] += 0
    return frame
