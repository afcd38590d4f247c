"""The resolve stage: in-article references, parties, kinds, and merging facts across articles."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from briefer.extract import ArticleFacts
from briefer.model import Delegation, Evidence, Fact, OpenQuestion, Position, Venue
from briefer.resolve.delegations import DelegationBook, SideContext, side_context
from briefer.resolve.names import ArticlePeople, translit_key
from briefer.resolve.positions import add_position
from briefer.rules.lexicon import Lexicon, fold

STOP = {"the", "a", "an", "of", "to", "and", "in", "on", "that", "is", "are", "was", "were", "be", "will", "for"}


@dataclass
class Resolved:
    """The four sections, merged across articles."""

    delegations: list[Delegation] = field(default_factory=list)
    venues: list[Venue] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    open_questions: list[OpenQuestion] = field(default_factory=list)


@lru_cache(maxsize=1 << 16)
def content_words(text: str) -> frozenset[str]:
    """Folded content words of a statement or question."""
    return frozenset(w for w in fold(text).split() if w not in STOP)


def similar(a: str, b: str, threshold: float = 0.6) -> bool:
    """Whether two texts say the same thing (content-word overlap over the shorter one)."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= threshold


def _count_sources(evidence: list[Evidence]) -> int:
    return len({e.source for e in evidence})


class Resolver:
    """Turns every article's facts into one set of briefing items."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.result = Resolved()
        self.delegation_book = DelegationBook(lexicon, self.result.delegations)

    # -- positions -------------------------------------------------------------------------
    def _add_position(self, fact: Fact, people: ArticlePeople) -> None:
        add_position(self.result.positions, fact, people, self.lexicon)

    # -- delegations -----------------------------------------------------------------------
    def _add_delegation(self, fact: Fact, people: ArticlePeople, sides: SideContext) -> None:
        self.delegation_book.add(fact, people, sides)

    # -- venues and questions --------------------------------------------------------------
    def _add_venue(self, fact: Fact) -> None:
        name = fact.fields["name"]
        key = translit_key(self.lexicon.party_of(name) or name)
        for venue in self.result.venues:
            if translit_key(self.lexicon.party_of(venue.name) or venue.name) == key:
                venue.evidence.append(fact.evidence)
                venue.source_count = _count_sources(venue.evidence)
                return
        country = fact.fields.get("country") or self.lexicon.country_of_place(name)
        self.result.venues.append(Venue(name=name, country=country, talks=fact.fields.get("talks") or "",
                                        evidence=[fact.evidence], source_count=1))

    def _add_question(self, fact: Fact) -> None:
        text = fact.fields["text"]
        for question in self.result.open_questions:
            if question.evidence[0].sentence == fact.evidence.sentence or similar(question.text, text, 0.85):
                question.evidence.append(fact.evidence)
                question.source_count = _count_sources(question.evidence)
                if fact.fields.get("kind") == "explicit":
                    question.kind = "explicit"
                return
        self.result.open_questions.append(OpenQuestion(
            text=text, kind=fact.fields.get("kind") or "explicit", evidence=[fact.evidence], source_count=1))

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
                self._add_question(fact)


def resolve(articles: Iterable[ArticleFacts], lexicon: Lexicon) -> Resolved:
    """Merge every article's facts into one set of briefing items."""
    resolver = Resolver(lexicon)
    for article in articles:
        resolver.add(article)
    resolver.delegation_book.settle()
    return resolver.result
