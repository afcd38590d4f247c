"""Key terms of each negotiation track: textacy's TextRank over what its sides say, what its coverage leaves open
and the clauses that say who met where.

TextRank, not SGRank: on a track of 120 sentences (3,100 tokens) SGRank took 238 s and TextRank 0.14 s, with
terms as good once names are left out. Computed once per brief, when it is rendered. textacy costs 1.5-3 s to
import (field notes), so it is imported here only, inside the function that uses it: never at start-up, never
in `briefer extract`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import zip_longest

from briefer.model import Briefing, Delegation, Item, Talks, Venue
from briefer.rules.lexicon import Lexicon, fold

TERMS = 5  # key terms shown per track
CANDIDATES = 100  # TextRank's best terms, before the names the brief gives elsewhere are left out
MAX_SENTENCES = 120  # of evidence read per track
TERM_POS = ("NOUN", "PROPN", "ADJ")
NOUNS = frozenset({"NOUN", "PROPN"})  # a term of one word must be one of these somewhere in the text
MAX_WORDS = 2  # terms of one word shown, after those of two words or more
MIN_MENTIONS = 2  # a term of one word is a noun the text uses this often (not a remark's "bit" or "meters")
KEYTERMS = "keyterms"  # the gazetteer of generic and furniture words (rules/gazetteers/keyterms.yml)


@dataclass(frozen=True)
class Stops:
    """What a topic never is, folded: words that say nothing alone (stripped at a term's ends), words and
    phrases that make a term about the coverage, a place, a title, a known person or the clock (the term is
    dropped)."""

    generic: frozenset[str]
    barred: frozenset[str]
    media: tuple[str, ...]  # outlets and agencies: a term naming one is about the coverage
    places: frozenset[str]  # a term that is a place or region names where, not what
    surnames: frozenset[str]  # of known actors: a term naming one is about who, not what ("zelensky")
    time_nouns: frozenset[str] = frozenset()  # a term ending in one says when ("cold war times")
    sequence: frozenset[str] = frozenset()  # a term opening with one says which meeting ("earlier rounds")
    idioms: tuple[str, ...] = ()  # a term holding one is the writer's colour ("extra mile")

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> Stops:
        """The stops of the gazetteers: keyterms.yml, reporting media and outlets, places and regions, the
        surnames of known actors."""
        gazetteers = lexicon.gazetteers

        def listed(ref: str) -> list[str]:
            return gazetteers.list(ref) if gazetteers.has_list(ref) else []

        media = [*listed("reporting.media"), *gazetteers.data.get("outlets", {}).get("outlets", {}).values()]
        places = [*gazetteers.places, *listed("places.regions")]
        return cls(generic=frozenset(fold(w) for w in listed(f"{KEYTERMS}.generic")),
                   barred=frozenset(fold(w) for w in [*listed(f"{KEYTERMS}.furniture"), *lexicon.title_words]),
                   media=tuple(f" {fold(name)} " for name in media if fold(name)),
                   places=frozenset(fold(place) for place in places),
                   surnames=frozenset(fold(name).split()[-1] for actor in gazetteers.actors
                                      for name in [actor.name, *actor.aliases] if fold(name)),
                   time_nouns=frozenset(fold(w) for w in listed(f"{KEYTERMS}.time_nouns")),
                   sequence=frozenset(fold(w) for w in listed(f"{KEYTERMS}.sequence")),
                   idioms=tuple(f" {fold(w)} " for w in listed(f"{KEYTERMS}.idioms") if fold(w)))


def track_text(briefing: Briefing, talks: Talks) -> str:
    """What a track's sides say, what its coverage leaves open (only questions the text states: a hook or a
    heading is the coverage's own framing) and the clauses that say who met where, one a line, taken from each
    in turn, at most MAX_SENTENCES (the cost of ranking grows with the text). Of a sentence that names a
    delegation or a venue, only its clauses that name them: in an opinion piece or an analysis the rest carries
    the author's colour ("..., but neither a conquest of Everest nor a peace signing at Versailles")."""
    def of(section: str) -> list[Item]:
        return [item for item in getattr(briefing, section) if item.talks == talks.id
                and getattr(item, "placement", "text") == "text"]

    rows = [[subjected(p.statement) for p in of("positions")],  # type: ignore[attr-defined]
            [q.text for q in of("open_questions")]]  # type: ignore[attr-defined]
    rows += [[clause for item in of(section) for e in item.evidence for clause in naming(e.sentence, _named_in(item))]
             for section in ("delegations", "venues")]
    taken: dict[str, None] = {}
    for row in zip_longest(*rows):
        taken.update((unglued(text), None) for text in row if text)
    return "\n".join(list(taken)[:MAX_SENTENCES])


def subjected(statement: str) -> str:
    """A statement that opens with its verb (the speaker cut off: "views sanctions as a burden") given a subject
    pronoun, so that the tagger reads its verb as one, not as a noun of a term ("views sanctions")."""
    return f"It {statement}" if statement[:1].islower() else statement


# Words a source glued together where a space, a line break or a tag stood: "U.S.Foreign policy" (after an
# abbreviation's full stop), "the talksNext round" (a lower-case word run into a capitalised one; a name such as
# "McDonald" or "DeSantis" has fewer than three lower-case letters before its capital).
_GLUED = re.compile(r"(?<=[A-Za-z]\.)(?=[A-Z][a-z]{2})|(?<=[a-z]{3})(?=[A-Z][a-z])")


def unglued(text: str) -> str:
    """The text with a space where a source glued two words together (TextRank would take "usforeign" for a
    word)."""
    return _GLUED.sub(" ", text)


_CLAUSE_BREAK = re.compile(r",\s+|;\s+|:\s+|\s+[—–]\s+|\s*[()]\s*|\s+(?=(?:but|while|whereas|as|although)\s)")


def naming(sentence: str, names: list[str]) -> list[str]:
    """The clauses of a sentence that name one of `names` (the whole sentence when none does)."""
    clauses = [c for c in _CLAUSE_BREAK.split(sentence) if c and c.strip()]
    found = [c for c in clauses if any(name and name in c for name in names)]
    return found or [sentence]


def _named_in(item: Item) -> list[str]:
    """The words by which a sentence names a delegation (its party, its people's surnames) or a venue."""
    if isinstance(item, Venue):
        return [item.name.split(",")[0].strip()]
    if isinstance(item, Delegation):
        people = [p.name.split()[-1] for p in (item.leader, item.sent_by, *item.members) if p and p.name.split()]
        return [item.party, *people]
    return []


def _names(briefing: Briefing, talks: Talks) -> set[str]:
    """Folded words of the names the brief already gives for a track: its people's, parties' and venues'."""
    people = [p.name for d in briefing.delegations if d.talks == talks.id
              for p in (d.leader, d.sent_by, *d.members) if p is not None]
    people += [p.speaker.name for p in briefing.positions if p.talks == talks.id]
    return {w for name in [*people, *talks.parties, *talks.venues] for w in fold(name).split()}


def topic(term: str, names: set[str], stops: Stops, lexicon: Lexicon) -> str | None:
    """A term as a topic ("ongoing border dispute" -> "border dispute"), or None when it says who, where or
    when, names the coverage, or says nothing once its generic words are stripped."""
    words = fold(term).split()
    if any(len(w) == 1 and not w.isdigit() or w in names or w in stops.barred or w in stops.surnames
           or lexicon.party_of(w) for w in words):
        return None
    if " ".join(words) in stops.places or any(name in f" {' '.join(words)} " for name in stops.media):
        return None
    if _when_or_colour(words, stops):
        return None
    kept = list(words)
    while kept and kept[0] in stops.generic:
        kept.pop(0)
    while kept and kept[-1] in stops.generic:
        kept.pop()
    if not kept or (len(kept) == 1 and len(words) > 1):  # a modifier left alone ("fractious meeting")
        return None
    return " ".join(kept)


_ROMAN = re.compile(r"^[ivx]{2,}$")  # "world war iii", "phase ii": a numbered event or stage


def _when_or_colour(words: list[str], stops: Stops) -> bool:
    """Whether a term says when or which meeting rather than what ("cold war times", "earlier rounds", "world
    war iii"), or is a figure of speech ("extra mile")."""
    if words[-1] in stops.time_nouns or words[0] in stops.sequence or any(_ROMAN.match(w) for w in words):
        return True
    return any(idiom in f" {' '.join(words)} " for idiom in stops.idioms)


def key_terms(briefing: Briefing, lexicon: Lexicon, texts: Iterable[tuple[Talks, object]]) -> dict[str, list[str]]:
    """Track id -> its key terms from `texts` (each track with its parsed evidence, a spaCy Doc): terms of two
    words or more first, in TextRank's order, then at most MAX_WORDS single nouns the text uses MIN_MENTIONS
    times or more."""
    from textacy.extract.keyterms import textrank

    stops = Stops.from_lexicon(lexicon)
    found = {}
    for talks, doc in texts:
        if not len(doc):  # type: ignore[arg-type]
            found[talks.id] = []
            continue
        names = _names(briefing, talks)
        nouns = Counter(fold(token.text) for token in doc if token.pos_ in NOUNS)  # type: ignore[attr-defined]
        phrases: list[str] = []
        words: list[str] = []
        for term, _ in textrank(doc, include_pos=TERM_POS, normalize="lower", topn=CANDIDATES):
            shown = topic(term, names, stops, lexicon)
            if shown is None or any(f" {shown} " in f" {t} " or f" {t} " in f" {shown} " for t in phrases + words):
                continue
            if " " in shown:
                phrases.append(shown)
            elif nouns[shown] >= MIN_MENTIONS:
                words.append(shown)
        found[talks.id] = (phrases + words[:MAX_WORDS])[:TERMS]
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
