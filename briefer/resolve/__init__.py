"""The resolve stage: in-article references, parties, kinds, and merging facts across articles."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from briefer.extract import ArticleFacts
from briefer.extract.placement import placement
from briefer.model import Article, Delegation, Evidence, Fact, OpenQuestion, Position, Talks, Venue
from briefer.resolve.delegations import DelegationBook, SideContext, is_background, side_context
from briefer.resolve.episodes import split
from briefer.resolve.names import ArticlePeople, same_person, translit_key
from briefer.resolve.places import fold_cities
from briefer.resolve.positions import PositionBook
from briefer.resolve.talks import describe_track
from briefer.resolve.tracks import OTHER_ID, OTHER_TITLE, Track, group, make_frame, name_tracks
from briefer.rules.lexicon import Lexicon, fold

STOP = {"the", "a", "an", "of", "to", "and", "in", "on", "that", "is", "are", "was", "were", "be", "will", "for"}


@dataclass
class Resolved:
    """The negotiation tracks and the four sections, merged across the articles of each track."""

    talks: list[Talks] = field(default_factory=list)
    delegations: list[Delegation] = field(default_factory=list)
    venues: list[Venue] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    open_questions: list[OpenQuestion] = field(default_factory=list)


@lru_cache(maxsize=1 << 16)
def content_words(text: str) -> frozenset[str]:
    """Folded content words of a statement or question."""
    return frozenset(w for w in fold(text).split() if w not in STOP)


def _same_question(a: str, b: str) -> bool:
    """Two wordings of one question: nearly all content words shared (at least three when one is short)."""
    wa, wb = content_words(a), content_words(b)
    shared = len(wa & wb)
    if not shared:
        return False
    return (shared >= 3 and shared / min(len(wa), len(wb)) >= 0.85) or shared / max(len(wa), len(wb)) >= 0.7


def _holds(a: str, b: str) -> bool:
    """One text holds all the content words of the other (a clause of a sentence already listed)."""
    wa, wb = content_words(a), content_words(b)
    return wa <= wb or wb <= wa


def _count_sources(evidence: list[Evidence]) -> int:
    return len({e.source for e in evidence})


class Resolver:
    """Turns every article's facts into one set of briefing items."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.result = Resolved()
        self.delegation_book = DelegationBook(lexicon, self.result.delegations)
        self.position_book = PositionBook(lexicon, self.result.positions)
        self._question_sentences: list[set[str]] = []  # per open question, the sentences it was found in

    # -- positions -------------------------------------------------------------------------
    def _add_position(self, fact: Fact, people: ArticlePeople) -> None:
        self.position_book.add(fact, people)

    # -- delegations -----------------------------------------------------------------------
    def _add_delegation(self, fact: Fact, people: ArticlePeople, sides: SideContext) -> None:
        self.delegation_book.add(fact, people, sides)

    # -- venues and questions --------------------------------------------------------------
    def _venue_key(self, name: str) -> str:
        """One key per place: its spellings merge (Türkiye, Turkey), a city never merges with its country,
        and "Istanbul, Turkey" is Istanbul."""
        place = name.split(",")[0].strip()
        if self.lexicon.places.get(fold(place)):  # a city or building, capitals included
            return translit_key(place)
        return translit_key(self.lexicon.party_of(place) or place)

    def _add_venue(self, fact: Fact) -> None:
        if is_background(fact.evidence.sentence):
            return  # where an earlier round was held is background, not a venue of these talks
        name = fact.fields["name"]
        key = self._venue_key(name)
        for venue in self.result.venues:
            if self._venue_key(venue.name) == key:
                venue.evidence.append(fact.evidence)
                venue.source_count = _count_sources(venue.evidence)
                return
        country = fact.fields.get("country") or self.lexicon.country_of_place(name)
        self.result.venues.append(Venue(name=name, country=country, talks=fact.fields.get("talks") or "",
                                        evidence=[fact.evidence], source_count=1))

    def _add_question(self, fact: Fact, article: Article) -> None:
        """One entry per question: a part of a sentence already listed, or the same question worded alike.
        A question any source raises in its running text is a question of the text, not a hook."""
        text = fact.fields["text"]
        evidence = fact.evidence
        where = placement(article.text, evidence.sentence, evidence.start, evidence.end, article.title)
        for question, sentences in zip(self.result.open_questions, self._question_sentences, strict=True):
            same_sentence = fact.evidence.sentence in sentences
            if (same_sentence and _holds(question.text, text)) or _same_question(question.text, text):
                question.evidence.append(fact.evidence)
                sentences.add(fact.evidence.sentence)
                question.source_count = _count_sources(question.evidence)
                if fact.fields.get("kind") == "explicit":
                    question.kind = "explicit"
                if where == "text":
                    question.placement = "text"
                return
        self.result.open_questions.append(OpenQuestion(
            text=text, kind=fact.fields.get("kind") or "explicit", placement=where, evidence=[fact.evidence],
            source_count=1))
        self._question_sentences.append({fact.evidence.sentence})

    def add(self, article: ArticleFacts) -> None:
        """Resolve one article's facts into the merged sections, best rules first."""
        people = ArticlePeople(article.people, self.lexicon)
        sides = side_context(article, self.lexicon)
        for fact in sorted(article.facts, key=lambda f: (-f.fields.get("priority", 0), f.evidence.start)):
            if fact.section == "positions":
                self._add_position(fact, people)
            elif fact.section == "delegations":
                self._add_delegation(fact, people, sides)
            elif fact.section == "venues":
                self._add_venue(fact)
            else:
                self._add_question(fact, article.article)


def _speak_for_their_delegation(result: Resolved) -> None:
    """A speaker whose party no source gives speaks for the one delegation the brief seats them in."""
    seated = [(delegation.party, person.name) for delegation in result.delegations
              for person in (delegation.leader, *delegation.members) if person is not None]
    for position in result.positions:
        if position.speaker.party is None:
            parties = {party for party, name in seated if same_person(name, position.speaker.name)}
            if len(parties) == 1:
                position.speaker.party = parties.pop()


def _resolve_together(articles: Iterable[ArticleFacts], lexicon: Lexicon) -> Resolved:
    """Merge the facts of articles about one negotiation into one set of items."""
    resolver = Resolver(lexicon)
    for article in articles:
        resolver.add(article)
    resolver.delegation_book.settle()
    _speak_for_their_delegation(resolver.result)
    return resolver.result


def resolve(articles: Iterable[ArticleFacts], lexicon: Lexicon) -> Resolved:
    """Group the articles into negotiation tracks, then merge each track's facts on their own: items of two
    tracks never merge, corroborate or conflict. Every item carries its track's id."""
    def alone(article: ArticleFacts) -> tuple:
        resolved = _resolve_together([article], lexicon)
        return resolved.delegations, resolved.venues, resolved.positions

    def sides_of(part: ArticleFacts, headline: bool):
        return make_frame(part, alone, lexicon, headline).sides

    frames = [make_frame(episode, alone, lexicon, headline=number == 0)
              for article in articles for number, episode in enumerate(split(article, sides_of, lexicon))]
    tracks, other = group(frames)
    places = {key: name for frame in frames for key, name in frame.places.items()}
    named = name_tracks(tracks, places)
    if other:
        tracks.append(Track(frames=other))
        named.append((OTHER_ID, OTHER_TITLE))
    result = Resolved()
    for (track_id, title), track in zip(named, tracks, strict=True):
        part = _resolve_together((frame.article for frame in track.frames), lexicon)
        part.venues = fold_cities(part.venues, lexicon)
        for items in (part.delegations, part.venues, part.positions, part.open_questions):
            for item in items:
                item.talks = track_id
        result.delegations += part.delegations
        result.venues += part.venues
        result.positions += part.positions
        result.open_questions += part.open_questions
        result.talks.append(describe_track(track_id, title, track, part, lexicon))
    return result
