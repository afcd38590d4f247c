"""Meeting dates: the DATE entities of sentences about talks, with the tense the sentence gives them.

They are read against the article's publication date later (resolve), when articles are grouped into tracks.
Only dates that can name a day or a near period are kept ("on Thursday", "23-24 January", "next week"),
not durations or ages ("five hours", "a three-year war").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.nlp import doc_ents, span_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Words of a sentence about a meeting (lower-case lemmas).
MEETING_LEMMAS = frozenset({"talk", "meeting", "meet", "summit", "round", "negotiation", "negotiate", "visit",
                            "hold", "convene", "conference", "consultation", "session", "discussion", "host"})
_DAY_LIKE = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|tonight|yesterday|tomorrow|"
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|(?:this|next|last|coming) (?:week|weekend|month)|"
    r"\d{4}-\d\d-\d\d)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:will|shall|'ll|set to|scheduled|due to|to be held|expected to|plans? to|planned|"
                     r"is to|are to|next|upcoming|coming)\b", re.IGNORECASE)
_PROPOSED = re.compile(r"\b(?:offer(?:ed|s)? to host|propos(?:ed|es|al)|could|might|may|possible|invit(?:ed|es))\b",
                       re.IGNORECASE)
_UNDER_WAY = re.compile(r"\b(?:under way|underway|(?:is|are) (?:meeting|holding|negotiating)|began|begin|"
                        r"opened|resumed|started|kicked off|kick off|continu(?:e|ed|ing))\b", re.IGNORECASE)
_ENDED = re.compile(r"\b(?:ended|concluded|wrapped up|broke up|collapsed|closed)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A date written in a sentence about talks, and what the sentence says of the meeting then."""

    text: str
    sentence: str
    start: int
    end: int
    status: str  # held, under way, scheduled, proposed or ended, as the sentence's wording has it


_PLANNING_LEMMAS = frozenset({"schedule", "set", "plan", "expect", "due", "slate", "prepare", "hope"})
_STARTING_LEMMAS = frozenset({"begin", "start", "open", "resume", "kick", "continue", "convene"})
_ENDING_LEMMAS = frozenset({"end", "conclude", "close", "wrap", "collapse"})
_MODALS = frozenset({"could", "might", "may", "would"})


def verb_status(ent: Span) -> str | None:
    """What the verb a date hangs on says of the meeting: `will meet` is scheduled, `could meet` proposed,
    `met` held, `ended` ended, `are meeting` / `began` under way; None without a verb."""
    verb = ent.root.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    chain = [verb, *(t for t in verb.ancestors if t.pos_ in ("VERB", "AUX"))][:3]
    auxiliaries = {c.lower_ for v in chain for c in v.children if c.dep_ in ("aux", "auxpass")}
    lemmas = {v.lemma_.lower() for v in chain}
    if auxiliaries & _MODALS:
        return "proposed"
    if auxiliaries & {"will", "'ll", "shall"} or lemmas & _PLANNING_LEMMAS or "to" in auxiliaries:
        return "scheduled"
    if lemmas & _ENDING_LEMMAS:
        return "ended"
    if verb.tag_ == "VBG" and auxiliaries & {"is", "are", "am"} or lemmas & _STARTING_LEMMAS:
        return "under way" if verb.tag_ in ("VBG", "VBP", "VBZ") or "have" in auxiliaries else "held"
    return "held" if verb.tag_ in ("VBD", "VBN") else None


def meeting_status(sentence: str) -> str:
    """What a sentence says of its meeting: proposed, scheduled, ended, under way, or (by default) held."""
    for pattern, status in ((_PROPOSED, "proposed"), (_FUTURE, "scheduled"), (_ENDED, "ended"),
                            (_UNDER_WAY, "under way")):
        if pattern.search(sentence):
            return status
    return "held"


def date_mentions(doc: Doc, fact_offsets: list[int]) -> list[DateMention]:
    """DATE entities that can name a day, in sentences holding a fact or a meeting word."""
    found = []
    for ent in doc_ents(doc):
        if ent.label_ != "DATE" or not _DAY_LIKE.search(ent.text):
            continue
        sent = ent.sent
        about_talks = any(sent.start_char <= offset < sent.end_char for offset in fact_offsets) or any(
            token.lemma_.lower() in MEETING_LEMMAS for token in sent)
        if about_talks:
            sentence = " ".join(span_text(sent).split())
            status = verb_status(ent) or meeting_status(sentence)
            found.append(DateMention(ent.text, sentence, ent.start_char, ent.end_char, status))
    return found
