"""Key terms of each negotiation track: textacy's TextRank over the evidence sentences of the track's items.

TextRank, not SGRank: on a track of 120 sentences (3,100 tokens) SGRank took 238 s and TextRank 0.14 s, with
terms as good once names are left out. Computed once per brief, when it is rendered. textacy costs 1.5-3 s to
import (field notes), so it is imported here only, inside the function that uses it: never at start-up, never
in `briefer extract`.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import zip_longest

from briefer.model import Briefing, Talks
from briefer.rules.lexicon import Lexicon, fold
from briefer.sections import SECTIONS

TERMS = 5  # key terms shown per track
CANDIDATES = 100  # TextRank's best terms, before the names the brief gives elsewhere are left out
MAX_SENTENCES = 120  # of evidence read per track
TERM_POS = ("NOUN", "PROPN", "ADJ")
# Words every track has: what a meeting is called, and when (folded).
GENERIC = frozenset({
    "april", "august", "consultations", "december", "delegation", "delegations", "discussions", "february",
    "first", "friday", "high", "initial", "january", "july", "june", "last", "level", "march", "may", "meeting",
    "meetings", "monday", "month", "negotiation", "negotiations", "new", "next", "november", "october",
    "official", "officials", "peace", "possible", "potential", "recent", "round", "saturday",
    "second", "september", "session", "side", "sides", "summit", "sunday", "talk", "talks", "third", "thursday",
    "today", "tuesday", "wednesday", "week", "weekend", "year", "yesterday"})


def track_text(briefing: Briefing, talks: Talks) -> str:
    """The evidence sentences of a track's items, each once, one a line; at most MAX_SENTENCES, taken from
    every section in turn (the cost of ranking grows with the text)."""
    per_section = [list(dict.fromkeys(e.sentence for item in getattr(briefing, section) if item.talks == talks.id
                                      for e in item.evidence)) for section in SECTIONS]
    taken: dict[str, None] = {}
    for row in zip_longest(*per_section):
        taken.update((sentence, None) for sentence in row if sentence)
    return "\n".join(list(taken)[:MAX_SENTENCES])


def _names(briefing: Briefing, talks: Talks) -> tuple[set[str], set[str]]:
    """Folded words of the names the brief already gives for a track: its people's, and its parties' and
    venues'."""
    people = [p.name for d in briefing.delegations if d.talks == talks.id
              for p in (d.leader, d.sent_by, *d.members) if p is not None]
    people += [p.speaker.name for p in briefing.positions if p.talks == talks.id]
    places = [*talks.parties, *talks.venues]
    return ({w for name in people for w in fold(name).split()}, {w for name in places for w in fold(name).split()})


def _is_topic(term: str, names: tuple[set[str], set[str]], lexicon: Lexicon) -> bool:
    """A term that says what the talks are about, not who, where or when: no word of the track's people,
    parties or venues, of a title, a party or a demonym, or of what every meeting is called or when."""
    words = fold(term).split()
    people, places = names
    plain = GENERIC | people | places | {fold(word) for word in lexicon.title_words}
    return bool(words) and not any(word in plain or lexicon.party_of(word) for word in words)


def key_terms(briefing: Briefing, lexicon: Lexicon, texts: Iterable[tuple[Talks, object]]) -> dict[str, list[str]]:
    """Track id -> its key terms, best first, from `texts`: each track with its parsed evidence (a spaCy Doc)."""
    from textacy.extract.keyterms import textrank

    found = {}
    for talks, doc in texts:
        if not len(doc):  # type: ignore[arg-type]
            found[talks.id] = []
            continue
        names = _names(briefing, talks)
        ranked = textrank(doc, include_pos=TERM_POS, normalize="lower", topn=CANDIDATES)
        terms: list[str] = []
        for term, _ in ranked:
            if _is_topic(term, names, lexicon) and not any(fold(term) in fold(t) for t in terms):
                terms.append(term)
        found[talks.id] = terms[:TERMS]
    return found


def fill_key_terms(briefing: Briefing, lexicon: Lexicon, model: str | None = None) -> Briefing:
    """The briefing with every track's key terms (a pipeline with a tagger and lemmatizer reads the evidence)."""
    from briefer.nlp import LEMMAS, TAGS, load_pipeline

    tracks = [talks for talks in briefing.talks if talks.id != "other"]
    if not tracks:
        return briefing
    nlp = load_pipeline(model, needs={TAGS, LEMMAS})
    docs = nlp.pipe(track_text(briefing, talks) for talks in tracks)
    terms = key_terms(briefing, lexicon, zip(tracks, docs, strict=True))
    for talks in briefing.talks:
        talks.key_terms = terms.get(talks.id, [])
    return briefing
