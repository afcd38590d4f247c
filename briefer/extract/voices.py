"""Whose words an open question stands in: a side's own report ("the spokesman said no deal had yet been
reached") is that side's position, not a question the text leaves open; an analyst's or the narrator's stays."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.extract.speech import Speech, quotations
from briefer.names import fold
from briefer.nlp import doc_text
from briefer.rules.vocabulary import CHECKS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from briefer.rules.compiler import RuleMatch
    from briefer.rules.lexicon import Lexicon

SIDE_LABELS = {"PERSON", "GPE", "NORP", "ORG"}
SIDE_PRONOUNS = {"i", "we", "he", "she", "they"}
REPORTED_DEPS = {"ccomp", "parataxis"}  # the clause a reporting verb reports (not a predicate joined to it)
CONCESSIVE = {"though", "although", "but"}  # "X told Y that A, though B": the parser hangs B on the reporting verb


def is_side(subject: Token, lexicon: Lexicon) -> bool:
    """A subject that speaks for a side: names a person, country or body (a proper noun), or is a pronoun or an
    office ("the spokesman"); not an analyst ("analysts told Reuters ...") and not a news outlet relaying a report."""
    words = list(subject.subtree)
    role = " ".join(t.text for t in words)
    if lexicon.is_analyst(role) or Speech.of(lexicon).is_media(role):
        return False
    return (subject.lower_ in SIDE_PRONOUNS or subject.pos_ == "PROPN" or any(t.ent_type_ in SIDE_LABELS for t in words)
            or fold(subject.text) in lexicon.title_words)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the verb it is a conjunct of ("confirmed the meeting but said ...")."""
    while True:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
            return subject
        verb = verb.head


def reporter(token: Token, lexicon: Lexicon) -> Token | None:
    """The subject of the reporting verb whose clause holds the token ("Russian officials said that a deal had
    not yet been reached" -> officials), climbing through the clauses it reports; a concessive clause hung on the
    reporting verb after its that-clause is part of the report. None when no reporting verb is above."""
    verbs = Speech.of(lexicon).verbs
    child, head = token, token.head
    while head.i != child.i:
        if head.lemma_.lower() in verbs and head.pos_ == "VERB":
            if child.dep_ in REPORTED_DEPS or (
                    child.dep_ == "advcl" and child.i > head.i
                    and any(c.dep_ == "mark" and c.lower_ in CONCESSIVE for c in child.children)
                    and any(c.dep_ == "ccomp" and c.i < child.i for c in head.children)):
                return _subject(head)
        child, head = head, head.head
    return None


def quote_speaker(token: Token, lexicon: Lexicon) -> Token | None:
    """The subject of the reporting verb that gives the quotation holding the token ("“No result yet,” the
    spokesman told reporters"): the nearest one outside quotation marks in the token's paragraph. None when the
    token stands outside quotation marks or no verb gives the quotation."""
    doc = token.doc
    text = doc_text(doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    end = len(text) if end == -1 else end
    inside = quotations(text[start:end])
    if not any(s <= token.idx - start < e for s, e in inside):
        return None
    verbs = Speech.of(lexicon).verbs
    cues = [t for t in doc if start <= t.idx < end and t.pos_ == "VERB" and t.lemma_.lower() in verbs
            and not any(s <= t.idx - start < e for s, e in inside) and _subject(t) is not None]
    if not cues:
        return None
    return _subject(min(cues, key=lambda t: abs(t.i - token.i)))


def voiced_by_side(token: Token, lexicon: Lexicon) -> bool:
    """The token stands in what a side says, in reported speech or in a quotation."""
    speaker = reporter(token, lexicon)
    if speaker is None:
        speaker = quote_speaker(token, lexicon)
    return speaker is not None and is_side(speaker, lexicon)


@CHECKS.register("side_report")
def side_report(match: RuleMatch, lexicon: Lexicon) -> bool:
    """A side reports how far the talks have got ("a concrete result has not yet been reached, the spokesman
    said", "a lot of work remains to be done, the minister told reporters"; `uncertainty.status_phrases`): that
    side's position, which the stance rules take, not a question the text leaves open. The same words from the
    narrator, an analyst or an unnamed source stay, and so does uncertainty a side voices ("it is not clear")."""
    return _in_status_phrase(match, lexicon) and voiced_by_side(match.span.root, lexicon)


def _in_status_phrase(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The matched words overlap a status phrase of their sentence ("remains to be" within "work remains to be
    done")."""
    words = [fold(t.text) for t in match.sentence]
    offset = match.sentence.start
    for phrase in lexicon.gazetteers.list("uncertainty.status_phrases"):
        wanted = fold(phrase).split()
        for i in range(len(words) - len(wanted) + 1):
            if words[i : i + len(wanted)] == wanted and (
                    offset + i < match.span.end and match.span.start < offset + i + len(wanted)):
                return True
    return False
