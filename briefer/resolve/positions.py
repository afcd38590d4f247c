"""Positions: speakers resolved to full names, kinds, and one entry per speaker and claim across articles."""

from __future__ import annotations

from functools import lru_cache

from briefer.model import Evidence, Fact, Position, Speaker
from briefer.resolve.names import PREVIOUS_SPEAKER, ArticlePeople, person_key
from briefer.rules.lexicon import Lexicon, fold

STOP = {"the", "a", "an", "of", "to", "and", "in", "on", "that", "is", "are", "was", "were", "be", "will", "for",
        "it", "its", "this", "these", "they", "their", "he", "his", "she", "her", "we", "our", "there", "has", "have",
        "had", "with", "as", "by", "at", "but", "or", "not", "would", "could", "should", "said", "says"}
PREVIOUS_SPEAKER_REACH = 1000  # characters back to the speaker a bare quotation continues
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


def _previous_speaker(positions: list[Position], evidence: Evidence) -> dict | None:
    """The speaker of the nearest earlier position in the same article (a quotation carries on their words)."""
    best, best_start = None, -1
    for position in positions:
        for seen in position.evidence:
            near = evidence.start - PREVIOUS_SPEAKER_REACH <= seen.start < evidence.start
            if seen.source == evidence.source and near and seen.start > best_start:
                best, best_start = position.speaker, seen.start
    return {"name": best.name, "role": best.role or "", "party": best.party} if best else None


def _referent(positions: list[Position], people: ArticlePeople, found: dict, evidence: Evidence,
              lexicon: Lexicon) -> dict | None:
    """Who a description refers back to: "the source" to the "defence ministry source" who spoke before,
    "the US leader" to the last person named with that party, "the foreign minister" to the last one whose
    role holds all its words."""
    words = fold(found["name"]).split()
    if not words:
        return None
    head = words[-1]
    best, best_start = None, -1
    for position in positions:
        if fold(position.speaker.name).split()[-1:] != [head]:
            continue
        for seen in position.evidence:
            near = evidence.start - PREVIOUS_SPEAKER_REACH <= seen.start < evidence.start
            if seen.source == evidence.source and near and seen.start > best_start:
                best, best_start = position.speaker, seen.start
    if best is not None:
        return {"name": best.name, "role": best.role or "", "party": best.party}
    if head not in lexicon.title_words:
        return None
    for mention in reversed([m for m in people.mentions if m.start < evidence.start]):
        same_party = found.get("party") and mention.party == found["party"]
        if same_party or set(words) <= set(fold(mention.role).split()):
            return {"name": mention.name, "role": mention.role, "party": mention.party}
    return None


def _direct(fact: Fact, statement: str) -> bool:
    from briefer.extract.views import quotes_in

    return bool(fact.fields.get("direct_quote")) or statement in " ".join(quotes_in(fact.evidence.sentence))


def _count_sources(evidence: list[Evidence]) -> int:
    return len({e.source for e in evidence})


def _merge(positions: list[Position], same: list[Position], evidence: Evidence, statement: str) -> None:
    """One entry for one claim: the new evidence joins the first entry, and entries of the same article that
    the new statement covers too join it ("it is possible" and "a deal is near" in "..., saying it is possible
    a deal is near"). The fuller wording wins when it says at least twice as much."""
    keep = same[0]
    for other in same[1:]:
        if {e.source for e in other.evidence} == {evidence.source}:
            keep.evidence.extend(other.evidence)
            positions.remove(other)
    keep.evidence.append(evidence)
    keep.source_count = _count_sources(keep.evidence)
    if len(content_words(statement)) >= 2 * len(content_words(keep.statement)):
        keep.statement = statement


RELATIVE_OPENERS = {"which", "whom", "whose"}


def add_position(positions: list[Position], fact: Fact, people: ArticlePeople, lexicon: Lexicon) -> None:
    """Resolve one position fact's speaker and merge it into `positions` (same speaker, same claim: one entry).
    A speaker that stands for a pair ("both countries") gives each of the two the position."""
    found = fact.fields["speaker"]
    if isinstance(found, dict) and found.get("each"):
        for one in found["each"]:
            _add_one(positions, fact.model_copy(update={"fields": {**fact.fields, "speaker": one}}), people, lexicon)
        return
    _add_one(positions, fact, people, lexicon)


def _add_one(positions: list[Position], fact: Fact, people: ArticlePeople, lexicon: Lexicon) -> None:
    statement = fact.fields["statement"]
    if len(statement.split()) < MIN_WORDS or statement.split()[0].lower() in RELATIVE_OPENERS:
        return  # "which X claimed were crucial": the claim is about something the clause leaves out
    if fact.fields["speaker"] == PREVIOUS_SPEAKER:
        found = _previous_speaker(positions, fact.evidence)
        speaker = people.resolve(found, fact.evidence.start) if found else None
    else:
        found = fact.fields["speaker"]
        if isinstance(found, dict) and found.get("definite"):
            found = _referent(positions, people, found, fact.evidence, lexicon) or found
        speaker = people.resolve(found, fact.evidence.start)
    if speaker is None:
        return
    key = _speaker_key(speaker["name"])
    same = [p for p in positions if _speaker_key(p.speaker.name) == key and same_claim(p.statement, statement)]
    if same:
        _merge(positions, same, fact.evidence, statement)
        return
    party = fact.fields.get("party") or speaker.get("party")
    institution = party if party and not lexicon.party_of(party) else None
    analyst = lexicon.is_analyst(f"{speaker.get('role') or ''} {speaker['name']}", institution)
    positions.append(Position(
        speaker=Speaker(name=speaker["name"], role=speaker.get("role") or None, party=party),
        kind=fact.fields.get("kind") or ("analyst" if analyst else "official"), statement=statement,
        direct_quote=_direct(fact, statement), evidence=[fact.evidence], source_count=1))
