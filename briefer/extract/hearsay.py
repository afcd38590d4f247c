"""Checks for words a position rule must not take as a side's stated position: a claim the author only relays
("Hamas allegedly rejected ..."), and a stance verb's object read as the clause it reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.rules.vocabulary import CHECKS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from briefer.rules.compiler import RuleMatch
    from briefer.rules.lexicon import Lexicon

SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl", "csubj"}
SHARED_DEPS = {"conj", "xcomp"}  # a verb that shares the adverbs of the verb it hangs from ("allegedly rejected
# the plan and demanded ...", "reportedly refused to sign")
SINGULAR_TAGS = {"NN", "NNP"}
QUOTES = {'"', "“", "”", "'", "‘", "’"}


def _cue(match: RuleMatch) -> Token:
    """The verb of the match: its `cue` capture's, else the word at the top of the match."""
    span = match.captures.get("cue") or match.span
    return span.root


@CHECKS.register("hearsay")
def hearsay(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The author only relays the claim ("Hamas allegedly rejected the deal", "the envoy reportedly told them
    that ..."): an adverb of `reporting.hearsay_adverbs` on the cue, or on the verb it is a conjunct or
    complement of. What someone is said to have done is a development, not their stated position."""
    adverbs = lexicon.gazetteers.words("reporting.hearsay_adverbs")
    verb = _cue(match)
    while True:
        if any(c.dep_ == "advmod" and c.lower_ in adverbs for c in verb.children):
            return True
        if verb.dep_ not in SHARED_DEPS or verb.head is verb:
            return False
        verb = verb.head


@CHECKS.register("object_as_clause")
def object_as_clause(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The clause the parser gave a stance verb is the verb's object ("rejected a two-month ceasefire deal in
    exchange for ...", with "deal" read as a verb): the cue is no verb of saying (`reporting.say_verbs`) and the
    clause opens no quotation and is no clause of its own (no "that", no subject it agrees with). Reported as a
    clause it would lose the verb that makes it a stance; `positions.stance` takes it whole."""
    content = match.captures.get("content")
    cue = match.captures.get("cue")
    if content is None or cue is None:
        return False
    word = cue.root
    if word.lemma_.lower() in lexicon.gazetteers.words("reporting.say_verbs") or (
            word.lower_ in lexicon.gazetteers.words("reporting.ing_forms")):  # "saying" the tagger took for a noun
        return False
    verb = content.root
    first = verb.left_edge
    quoted = first.text in QUOTES or (first.i > 0 and first.doc[first.i - 1].text in QUOTES)
    return not quoted and not _finite_clause(verb)


def _finite_clause(verb: Token) -> bool:
    """Whether a verb heads a clause of its own: "that" opens it, or it has a subject it agrees with (not "a
    ceasefire deal" read as subject and verb: a bare "deal" after a singular noun, with no auxiliary)."""
    children = list(verb.children)
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in children):
        return True
    subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
    if not subjects:
        return False
    if any(c.dep_ in {"aux", "auxpass"} for c in children):
        return True
    return not (verb.tag_ == "VB" or (verb.tag_ == "VBP" and any(s.tag_ in SINGULAR_TAGS for s in subjects)))
