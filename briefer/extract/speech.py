"""Reported speech views: the quotations a cue introduces, the claims of a passage, a stance verb's predicate."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.extract.checks import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

OPENING, CLOSING, STRAIGHT = "“„«", "”»", '"'
# What may stand before a quotation that is speech rather than a phrase in the narrator's words.
FULL_QUOTE_BEFORE = ",:;—–-.!?"
SHORT_CLAIM = 6  # a sentence this short or shorter ("This is non-negotiable.") belongs to the claim before it
PREDICATE_STOP = {"advcl", "prep", "npadvmod", "advmod", "relcl", "acl", "conj", "cc", "punct", "dep"}


def _paragraph(doc_text_: str, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the line (paragraph) holding a range."""
    para_start = doc_text_.rfind("\n", 0, start) + 1
    para_end = doc_text_.find("\n", end)
    return para_start, para_end if para_end != -1 else len(doc_text_)


def quotations(text: str) -> list[tuple[int, int]]:
    """Character ranges inside the marks of a paragraph's quotations; an unclosed one ends where the next opens."""
    found: list[tuple[int, int]] = []
    start = None
    for i, char in enumerate(text):
        opens = char in OPENING or (char == STRAIGHT and start is None)
        if opens:
            if start is not None:
                found.append((start, i))
            start = i + 1
        elif (char in CLOSING or char == STRAIGHT) and start is not None:
            found.append((start, i))
            start = None
    if start is not None:
        found.append((start, len(text)))
    return [(s, e) for s, e in found if text[s:e].strip()]


def _is_speech(paragraph: str, start: int) -> bool:
    """A quotation (its text starting at `start`) that stands as speech: it opens the paragraph or follows
    punctuation, not a word ("he said it was “regrettable”" is the narrator's sentence)."""
    before = paragraph[: max(start - 1, 0)].rstrip()
    return not before or before[-1] in FULL_QUOTE_BEFORE or before[-1] in CLOSING + STRAIGHT


def _cues_between(doc, start: int, end: int, cue: Token, verbs: frozenset[str]) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(t.i != cue.i and t.pos_ == "VERB" and t.lemma_.lower() in verbs for t in span)


def sentence_claims(doc, start: int, end: int) -> list[str]:
    """The sentences of a character range, each a claim; a very short sentence joins the claim before it."""
    from briefer.extract.views import tidy

    claims: list[str] = []
    text = doc_text(doc)
    for sentence in doc.char_span(start, end, alignment_mode="expand").sents:
        piece = tidy(text[max(sentence.start_char, start) : min(sentence.end_char, end)])
        if not piece:
            continue
        if claims and len(piece.split()) <= SHORT_CLAIM:
            claims[-1] = f"{claims[-1]}. {piece}"
        else:
            claims.append(piece)
    return claims


def quotes(cue: Token, verbs: frozenset[str]) -> list[str]:
    """The quotations a reporting cue introduces ("X said: “...”", "“...,” said X"), one claim per sentence."""
    doc, sentence = cue.doc, cue.sent
    text = doc_text(doc)
    para_start, para_end = _paragraph(text, sentence.start_char, sentence.end_char)
    paragraph = text[para_start:para_end]
    attached: list[tuple[int, int]] = []
    for start, end in quotations(paragraph):
        if not _is_speech(paragraph, start):
            continue
        start, end = start + para_start, end + para_start
        if sentence.start_char <= end <= cue.idx and not _cues_between(doc, end, cue.idx, cue, verbs):
            attached.append((start, end))
        elif cue.idx < start <= sentence.end_char and not _cues_between(doc, cue.idx, start, cue, verbs):
            attached.append((start, end))
    claims: list[str] = []
    for index, (start, end) in enumerate(attached):
        found = sentence_claims(doc, start, end)
        unfinished = index and not text[: attached[index - 1][1]].rstrip().endswith((".", "!", "?"))
        if claims and found and unfinished and found[0][:1].islower():
            claims[-1] = f"{claims[-1]} {found.pop(0)}"
        claims.extend(found)
    return claims


def claims(span: Span) -> list[str]:
    """A passage (an interview answer) as claims, one per sentence; pleasantries and questions dropped."""
    found = sentence_claims(span.doc, span.start_char, span.end_char)
    return [c for c in found if len(c.split()) >= 3 and not c.endswith("?")]


def _relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for ("membership, which the Russians called ..." -> membership)."""
    if token.tag_ not in {"WDT", "WP"}:
        return None
    verb = token.head
    while verb.dep_ not in {"relcl", "ROOT"} and verb.head is not verb:
        verb = verb.head
    return verb.head if verb.dep_ == "relcl" else None


def _noun_phrase(noun: Token, without: Token) -> str:
    """A noun's phrase without one of its dependents (the relative clause that refers back to it)."""
    tokens = [t for t in noun.subtree if not (without.left_edge.i <= t.i <= without.right_edge.i)]
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ in {"WDT", "WP"}):
        tokens.pop()
    while tokens and tokens[0].lower_ in {"the", "a", "an"}:
        tokens.pop(0)
    return " ".join(t.text for t in tokens)


def predicate(verb: Token) -> str:
    """A stance verb with what it takes, without its agent: "expressed optimism about the talks"."""
    from briefer.extract.views import tidy

    doc = verb.doc
    start = verb.i
    while start > 0 and doc[start - 1].dep_ in {"advmod", "neg"} and doc[start - 1].head.i == verb.i:
        start -= 1
    parts = [doc[start : verb.i + 1].text]
    passive_subject = next((c for c in verb.lefts if c.dep_ == "nsubjpass"), None)
    for child in verb.lefts:
        if child.dep_ in {"dobj", "nsubjpass"} and (antecedent := _relative_antecedent(child)) is not None:
            parts.append(_noun_phrase(antecedent, verb))
        elif passive_subject is not None and child.i == passive_subject.i:
            parts.append(doc[child.left_edge.i : child.right_edge.i + 1].text)
    if passive_subject is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        parts.append(_noun_phrase(verb.head, verb))
    children = list(verb.rights)
    for position, child in enumerate(children):
        after_comma = position > 0 and children[position - 1].text == ","
        if child.dep_ in {"conj", "cc"} or (after_comma and child.dep_ in PREDICATE_STOP):
            break
        if child.dep_ in {"agent", "punct"}:
            continue
        parts.append(doc[child.left_edge.i : child.right_edge.i + 1].text)
    return tidy(" ".join(parts))


def outside(token: Token) -> str:
    """The sentence without the token's phrase ("..., according to X, a professor at Y" -> the rest)."""
    from briefer.extract.views import tidy

    sentence = token.sent
    before = token.doc[sentence.start : token.left_edge.i].text
    after = token.doc[token.right_edge.i + 1 : sentence.end].text
    return tidy(" ".join(f"{before} {after}".split()).replace(" ,", ","))
