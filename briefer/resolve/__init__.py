"""The resolve stage: in-article references, parties, kinds, and merging facts across articles."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from briefer.extract import ArticleFacts
from briefer.model import Delegation, OpenQuestion, Position, Talks, Venue
from briefer.names import same_person
from briefer.resolve.context import ArticleContext, Merger
from briefer.resolve.delegations import DelegationBook, side_context
from briefer.resolve.episodes import one_venue_per_place, split
from briefer.resolve.gatherings import events
from briefer.resolve.naming import show_parties
from briefer.resolve.people import ArticlePeople, one_spelling
from briefer.resolve.places import fold_cities
from briefer.resolve.positions import PositionBook
from briefer.resolve.questions import QuestionBook
from briefer.resolve.talks import describe_track
from briefer.resolve.tracks import OTHER_ID, Track, group, make_frame, name_tracks
from briefer.resolve.venues import VenueBook
from briefer.rules.lexicon import Lexicon
from briefer.sections import SECTIONS


@dataclass
class Resolved:
    """The negotiation tracks and the sections, merged across the articles of each track."""

    talks: list[Talks] = field(default_factory=list)
    delegations: list[Delegation] = field(default_factory=list)
    venues: list[Venue] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    open_questions: list[OpenQuestion] = field(default_factory=list)


# One merger per section (briefer/sections.py), made from the gazetteers and the list of items it fills.
MERGERS: dict[str, Callable[[Lexicon, list], Merger]] = {
    "delegations": DelegationBook,
    "venues": VenueBook,
    "positions": PositionBook,
    "open_questions": lambda lexicon, questions: QuestionBook(questions),
}


class Resolver:
    """Turns every article's facts into one set of briefing items."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.result = Resolved()
        self.mergers = {section: MERGERS[section](lexicon, getattr(self.result, section)) for section in SECTIONS}

    def add(self, article: ArticleFacts) -> None:
        """Resolve one article's facts into the merged sections, best rules first."""
        context = ArticleContext(article.article, ArticlePeople(article.people, self.lexicon),
                                 side_context(article, self.lexicon))
        for fact in sorted(article.facts, key=lambda f: (-f.fields.get("priority", 0), f.evidence.start)):
            self.mergers[fact.section].add(fact, context)


def _speak_for_their_delegation(result: Resolved) -> None:
    """A speaker whose party no source gives speaks for the one delegation the brief seats them in."""
    seated = [(delegation.party, person.name) for delegation in result.delegations
              for person in (delegation.leader, *delegation.members) if person is not None]
    for position in result.positions:
        if position.speaker.party is None:
            parties = {party for party, name in seated if same_person(name, position.speaker.name)}
            if len(parties) == 1:
                position.speaker.party = parties.pop()


def _one_name_per_person(result: Resolved, lexicon: Lexicon) -> None:
    """Every mention of a known actor in the brief shows one spelling of their name (resolve.people.one_spelling),
    and a delegation lists each person once under it."""
    people = [(person, len(delegation.evidence)) for delegation in result.delegations
              for person in (delegation.leader, *delegation.members, delegation.sent_by) if person is not None]
    people += [(position.speaker, len(position.evidence)) for position in result.positions]
    shown = one_spelling(((person.name, weight) for person, weight in people), lexicon)
    for person, _ in people:
        person.name = shown.get(person.name, person.name)
    for delegation in result.delegations:  # two spellings of one actor ("David", "Dadi" Barnea) now read the same
        seen = {delegation.leader.name} if delegation.leader else set()
        delegation.members = [m for m in delegation.members if m.name not in seen and not seen.add(m.name)]


def _resolve_together(articles: Iterable[ArticleFacts], lexicon: Lexicon) -> Resolved:
    """Merge the facts of articles about one negotiation into one set of items."""
    resolver = Resolver(lexicon)
    for article in articles:
        resolver.add(article)
    for merger in resolver.mergers.values():
        merger.settle()
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

    frames = []
    for article in articles:
        episodes = split(article, sides_of, lexicon)
        weighed = [make_frame(episode, alone, lexicon, headline=number == 0) for number, episode in enumerate(episodes)]
        for frame, episode in zip(weighed, one_venue_per_place(episodes), strict=True):
            frame.article = episode
        frames += weighed
    tracks, other = group(frames)
    places = {key: name for frame in frames for key, name in frame.places.items()}
    gathered = events(tracks, places, lexicon)
    named = name_tracks(tracks, places, gathered)
    if other:
        tracks.append(Track(frames=other))
        named.append(OTHER_ID)
        gathered.append(None)
    result = Resolved()
    for track_id, track, event in zip(named, tracks, gathered, strict=True):
        part = _resolve_together((frame.article for frame in track.frames), lexicon)
        part.venues = fold_cities(part.venues, lexicon)
        for section in SECTIONS:
            for item in getattr(part, section):
                item.talks = track_id
            getattr(result, section).extend(getattr(part, section))
        talks = describe_track(track_id, track, part, lexicon, event)
        show_parties(part.delegations, part.positions, part.venues, talks,
                     [frame.article.article.text for frame in track.frames], lexicon)
        result.talks.append(talks)
    _one_name_per_person(result, lexicon)
    return result
