"""Positions: speakers resolved to full names, kinds, and one entry per speaker and claim across articles."""

from __future__ import annotations

import re
from functools import lru_cache

from briefer.extract import PersonMention
from briefer.extract.text import quotes_in
from briefer.model import Evidence, Fact, Mention, Position, Speaker
from briefer.names import fold, person_key, same_person
from briefer.resolve.context import ArticleContext
from briefer.resolve.people import PREVIOUS_SPEAKER, ArticlePeople
from briefer.rules.lexicon import Lexicon

# Words left out when claims are compared (names.content_words keeps negations, for history; merging claims was
# tuned on this list, which drops them).
STOP = {"the", "a", "an", "of", "to", "and", "in", "on", "that", "is", "are", "was", "were", "be", "will", "for",
        "it", "its", "this", "these", "they", "their", "he", "his", "she", "her", "we", "our", "there", "has", "have",
        "had", "with", "as", "by", "at", "but", "or", "not", "would", "could", "should", "said", "says"}
PREVIOUS_SPEAKER_REACH = 1000  # characters back to the speaker a bare quotation continues
FORWARD_REACH = 500  # characters on to the person a lead describes by office, with that office and party
DESCRIPTION_REACH = 600  # characters back to the person a plain description ("the diplomat") names
MIN_WORDS = 2  # a one-word statement ("continued") is a parse gone wrong


@lru_cache(maxsize=1 << 16)
def content_words(text: str) -> frozenset[str]:
    """Folded content words of a statement."""
    return frozenset(w for w in fold(text).split() if w not in STOP)


def same_claim(a: str, b: str, threshold: float = 0.8) -> bool:
    """Whether two statements say the same thing (content-word overlap over the shorter one)."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= threshold


def _speaker_key(name: str) -> str:
    return person_key(name) or fold(name)


def _direct(fact: Fact, statement: str) -> bool:
    return bool(fact.fields.get("direct_quote")) or statement in " ".join(quotes_in(fact.evidence.sentence))


def _count_sources(evidence: list[Evidence]) -> int:
    return len({e.source for e in evidence})


# A wire dateline the parser left at the head of a reported clause ("ADDIS ABABA (Reuters) - The sides will sign
# ...", "NAIROBI, March 3 - ..."): a place in capitals, or any place before an agency in brackets, then a dash.
DATELINE_RE = re.compile(r"^\s*(?:[A-Z][A-Z.’' -]{3,30}(?:,[^()\n–—-]{1,25})?\s*(?:\([^)]{1,40}\))?"
                         r"|[A-Z][A-Za-z.’' -]{1,30}(?:,[^()\n–—-]{1,25})?\s*\([^)]{1,40}\))\s*(?:--|[-–—])\s+")
RELATIVE_OPENERS = {"which", "whom", "whose", "who"}
FRAGMENT_OPENERS = {"is", "are", "was", "were"}  # "is settled": the end of a clause the parse cut off
# A quotation that opens on a small conjunction ("..., with a word of peace, “but to defend our rights”") carries on
# the reported clause before it: that clause holds the claim.
CONJUNCTION_OPENERS = {"but", "and", "or"}


def _as_found(speaker: Speaker) -> Mention:
    return Mention(name=speaker.name, role=speaker.role or "", party=speaker.party)


class PositionBook:
    """The positions of a brief, one per speaker and claim, filled fact by fact. Indexed by speaker and by
    article, so that a fact is compared with its own speaker's positions and looks back only in its article:
    the merge stays linear in the number of articles."""

    def __init__(self, lexicon: Lexicon, positions: list[Position]):
        self.lexicon = lexicon
        self.positions = positions
        self._by_speaker: dict[str, list[Position]] = {}
        self._by_article: dict[str, list[tuple[int, Position]]] = {}  # evidence start and position
        self._listed: dict[int, int] = {}  # id of a position -> when it was listed (removals keep the order)

    def add(self, fact: Fact, article: ArticleContext) -> None:
        """Resolve one position fact's speaker and merge it in (same speaker, same claim: one entry). A speaker
        that stands for a pair ("both countries") gives each of the two the position."""
        found = fact.fields["speaker"]
        if isinstance(found, Mention) and found.each:
            for one in found.each:
                self._add_one(fact.model_copy(update={"fields": {**fact.fields, "speaker": one}}), article)
            return
        self._add_one(fact, article)

    def settle(self) -> None:
        """Nothing waits for the last fact."""

    def _latest_before(self, evidence: Evidence, speaker_head: str | None = None,
                       party_only: bool = False, body_only: bool = False) -> Position | None:
        """The position with the nearest earlier evidence in the same article (within reach), of a speaker
        whose name ends in `speaker_head` if given, or that is a party if `party_only`, or a body (a party,
        ministry or group; no person) if `body_only`; on a tie, the one listed first."""
        best, best_key = None, None
        for start, position in self._by_article.get(evidence.source, ()):
            if not evidence.start - PREVIOUS_SPEAKER_REACH <= start < evidence.start:
                continue
            if speaker_head is not None and fold(position.speaker.name).split()[-1:] != [speaker_head]:
                continue
            if party_only and not self.lexicon.party_of(position.speaker.name):
                continue
            if body_only and not self._is_body(position.speaker.name):
                continue
            key = (start, -self._listed[id(position)])
            if best_key is None or key > best_key:
                best, best_key = position, key
        return best

    def _is_body(self, name: str) -> bool:
        """A speaker that is no person: a party ("the Kremlin") or a body named by its last word ("the Kenyan
        foreign ministry", "the rebel group")."""
        last = fold(name).split()[-1:]
        bodies = self.lexicon.gazetteers.words("roles.organisation_words") | self.lexicon.gazetteers.words(
            "roles.group_nouns")
        return bool(self.lexicon.party_of(name)) or bool(last and last[0] in bodies)

    def _referent(self, people: ArticlePeople, found: Mention, evidence: Evidence) -> Mention | None:
        """Who a description refers back to: "the source" to the "defence ministry source" who spoke before, "the
        group" to the party that spoke before, "the foreign minister" or "Trump's envoy" to the last person named
        with those title words in their role, "the US leader" to the last person named with that party."""
        words = fold(found.name).split()
        if not words:
            return None
        if words == ["it"]:  # "it said": the body (ministry, government, group) that spoke last before, if any
            body = self._latest_before(evidence, body_only=True)
            return _as_found(body.speaker) if body is not None else None
        head = words[-1]
        best = self._latest_before(evidence, head)
        if best is not None and found.party and best.speaker.party not in {None, found.party}:
            best = None  # "the Ethiopian foreign ministry" is not the Egyptian ministry that spoke before
        if best is None and head in self.lexicon.gazetteers.words("roles.group_nouns"):
            best = self._latest_before(evidence, party_only=True)
        if best is not None:
            return _as_found(best.speaker)
        earlier = [m for m in reversed(people.mentions) if m.start < evidence.start and not m.quoted]
        if "top" in words and (holder := self._top_office_holder(head, found.party, earlier)) is not None:
            return holder
        if head not in self.lexicon.title_words:
            return None
        titles = {w for w in words if w in self.lexicon.title_words}
        party = found.party
        for mention in earlier:
            if titles <= set(fold(mention.role).split()) and (not party or self._party(mention) in {None, party}):
                return self._as_mention(mention)
        offices = self._offices(head)  # "the diplomat": the envoy or ambassador named just before
        near = [m for m in earlier if m.start >= evidence.start - DESCRIPTION_REACH]
        for mention in near[:1] if offices and not party else ():
            if offices & set(fold(mention.role).split()):
                return self._as_mention(mention)
        if offices and (quoted := self._speaker_just_before(people, evidence, offices, party)) is not None:
            return quoted
        if head in self.lexicon.gazetteers.words("reporting.unnamed_sources"):
            return None  # "the White House official, who spoke anonymously": not the last American named
        for mention in earlier:
            if party and self._party(mention) == party:
                return self._as_mention(mention)
        later = [m for m in people.mentions  # a lead's "the head of the X delegation", named in the next lines
                 if evidence.start < m.start <= evidence.start + FORWARD_REACH and not m.quoted]
        return self._named_later(later, titles, party)

    def _top_office_holder(self, noun: str, party: str | None, earlier: list[PersonMention]) -> Mention | None:
        """The person named before in the office a "top" description stands for ("the top Armenian diplomat": the
        foreign minister of Armenia named earlier; `reporting.top_offices`), of the description's party if it has
        one; the nearest first."""
        offices = self.lexicon.gazetteers.data.get("reporting", {}).get("top_offices", {}).get(noun) or []
        wanted = [f" {fold(office)} " for office in offices]
        for mention in earlier:
            if any(office in f" {fold(mention.role)} " for office in wanted) and (
                    not party or self._party(mention) in {None, party}):
                return self._as_mention(mention)
        return None

    def _untitled(self, name: str, role: str, offices: frozenset[str] | set[str]) -> bool:
        """A person whose role, in the text or the actors gazetteer, holds no title, or one of `offices`."""
        actor = self.lexicon.actor(name)
        words = set(fold(f"{role} {actor.role if actor is not None and actor.role else ''}").split())
        return not words & self.lexicon.title_words or bool(words & offices)

    def _speaker_just_before(self, people: ArticlePeople, evidence: Evidence, offices: frozenset[str],
                             party: str | None) -> Mention | None:
        """The named person who spoke just before a plain description that finds no one by office ("“...,” Jane
        Doe said. “...,” the veteran diplomat told reporters"): a person of no other title and no other party."""
        last = self._latest_before(evidence)
        if last is None or not any(evidence.start - DESCRIPTION_REACH <= e.start < evidence.start
                                   for e in last.evidence if e.source == evidence.source):
            return None
        speaker = last.speaker
        if not any(same_person(m.name, speaker.name) for m in people.mentions):
            return None  # a body or a group ("international inspectors"), not a person the article names
        if party and speaker.party not in {None, party}:
            return None
        return _as_found(speaker) if self._untitled(speaker.name, speaker.role or "", offices) else None

    def _named_later(self, later: list[PersonMention], titles: set[str], party: str | None) -> Mention | None:
        """The person named in the next lines with the office a description gives ("The foreign minister said ...
        Foreign Minister Jane Doe ..."): of its party (or of none the text gives, when the description has title
        words); without a party, only when one person there holds those titles. When nobody there holds them, the
        first person named next, as a subject, of no other title or party ("..., the UN mediator said. “...,” Jane
        Doe said after the talks")."""
        fitting = [m for m in later if titles <= set(fold(m.role).split())]
        if party:
            mention = next((m for m in fitting if self._party(m) == party
                            or (titles and self._party(m) is None)), None)
            if mention is not None:
                return self._as_mention(mention)
        elif titles and fitting and all(same_person(m.name, fitting[0].name) for m in fitting):
            return self._as_mention(fitting[0])
        first = later[0] if later and titles and not fitting else None
        if first is not None and first.subject and self._party(first) in {None, party} and self._untitled(
                first.name, first.role, titles) and len(fold(first.name).split()) >= 2:
            return self._as_mention(first)
        return None

    def _attribution(self, statement: str) -> bool:
        """A statement that is only a source and its verb ("Reuters reports", "the agency said")."""
        words = fold(statement).split()
        verbs = self.lexicon.gazetteers.words("reporting.say_verbs") | {"reports", "reported", "says", "said"}
        return len(words) <= 3 and words[-1] in verbs | {f"{v}s" for v in verbs} | {f"{v}ed" for v in verbs}

    def _offices(self, noun: str) -> frozenset[str]:
        """The title words a plain description stands for ("diplomat": envoy, ambassador, ...)."""
        offices = self.lexicon.gazetteers.data.get("reporting", {}).get("descriptions", {}).get(noun) or []
        return frozenset(fold(office) for office in offices)

    def _party(self, mention: PersonMention) -> str | None:
        """A person's own party: the actors gazetteer's, else the one the text gives ("UN envoy for Syria" is the
        UN's, not Syria's)."""
        actor = self.lexicon.actor(mention.name)
        return actor.party if actor is not None and actor.party else mention.party

    def _as_mention(self, mention: PersonMention) -> Mention:
        return Mention(name=mention.name, role=mention.role, party=self._party(mention))

    def _side(self, found: Mention, article: ArticleContext, offset: int) -> Mention | None:
        """The party a bare "the delegation" or "the government team" speaks for: the government side for a
        government's team, else the side the article's delegation sentences named last before it; a bare "the
        government" is the article's government side."""
        words = fold(found.name).split()
        if words == ["government"] and not found.party and article.sides.government:
            party = article.sides.government  # "the government said in a statement": the article's government
            return Mention(name=f"{party} government", party=party)
        if found.party or not words or words[-1] not in self.lexicon.gazetteers.words("roles.delegation_nouns"):
            return None
        party = article.sides.government if "government" in words else None
        party = party or article.sides.before(offset)
        return Mention(name=f"{party} {words[-1]}", party=party) if party else None

    def _add_one(self, fact: Fact, article: ArticleContext) -> None:
        people = article.people
        statement = DATELINE_RE.sub("", fact.fields["statement"], count=1)
        first = statement.split()[0] if statement.split() else ""
        if len(statement.split()) < MIN_WORDS or first.lower() in RELATIVE_OPENERS | FRAGMENT_OPENERS:
            return  # "which X claimed were crucial": the claim is about something the clause leaves out
        if first in CONJUNCTION_OPENERS and _direct(fact, statement):
            return
        if self._attribution(statement):
            return  # "..., Reuters reports": the parser took the report's source for what was said
        if fact.fields["speaker"] == PREVIOUS_SPEAKER:
            previous = self._latest_before(fact.evidence)
            speaker = people.resolve(_as_found(previous.speaker), fact.evidence.start) if previous else None
        else:
            found = fact.fields["speaker"]
            if isinstance(found, Mention) and found.definite:
                found = (self._referent(people, found, fact.evidence)
                         or self._side(found, article, fact.evidence.start) or found)
            speaker = people.resolve(found, fact.evidence.start)
        if speaker is None:
            return
        key = _speaker_key(speaker.name)
        same = [p for p in self._by_speaker.get(key, [])
                if same_person(p.speaker.name, speaker.name) and same_claim(p.statement, statement)]
        if same:
            self._merge(key, same, fact.evidence, statement)
            return
        party = fact.fields.get("party") or speaker.party
        institution = party if party and not self.lexicon.party_of(party) else None
        analyst = self.lexicon.is_analyst(f"{speaker.role} {speaker.name}", institution)
        position = Position(
            speaker=Speaker(name=speaker.name, role=speaker.role or None, party=party),
            kind=fact.fields.get("kind") or ("analyst" if analyst else "official"), statement=statement,
            direct_quote=_direct(fact, statement), evidence=[fact.evidence], source_count=1)
        self.positions.append(position)
        self._listed[id(position)] = len(self._listed)
        self._by_speaker.setdefault(key, []).append(position)
        self._by_article.setdefault(fact.evidence.source, []).append((fact.evidence.start, position))

    def _merge(self, key: str, same: list[Position], evidence: Evidence, statement: str) -> None:
        """One entry for one claim: the new evidence joins the first entry, and entries of the same article
        that the new statement covers too join it ("it is possible" and "a deal is near" in "..., saying it is
        possible a deal is near"). The fuller wording wins when it says at least twice as much."""
        keep = same[0]
        in_article = self._by_article.setdefault(evidence.source, [])
        for other in same[1:]:
            if {e.source for e in other.evidence} == {evidence.source}:
                keep.evidence.extend(other.evidence)
                self.positions.remove(other)
                self._by_speaker[key].remove(other)
                in_article[:] = [(start, keep if held is other else held) for start, held in in_article]
        keep.evidence.append(evidence)
        in_article.append((evidence.start, keep))
        keep.source_count = _count_sources(keep.evidence)
        if len(content_words(statement)) >= 2 * len(content_words(keep.statement)):
            keep.statement = statement
