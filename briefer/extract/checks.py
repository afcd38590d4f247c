"""Checks a rule lists under `unless`: a match is dropped when one of them holds."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from briefer.rules.lexicon import Lexicon, fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from briefer.rules.compiler import RuleMatch

SPEAKER_LINE_RE = re.compile(r"^\s*(?:[-•*]\s*)?(?:\d+\.\s*)?([A-Z][\w.’' -]{0,40}?|Q|A):\s")
FAQ_HEADING_RE = re.compile(r"\b(faq|frequently asked questions|questions and answers|q\s?&\s?a)\b", re.I)
TEXT_KEY = "briefer_text"


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: `Doc.text` joins every token again on each call."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def line_of(sentence: Span) -> str:
    """The whole line (paragraph) a sentence stands in."""
    text = doc_text(sentence.doc)
    start = text.rfind("\n", 0, sentence.start_char) + 1
    end = text.find("\n", sentence.end_char)
    return text[start : end if end != -1 else len(text)]


def _next_line(sentence: Span) -> str:
    text = doc_text(sentence.doc)
    end = text.find("\n", sentence.end_char)
    while end != -1:
        nxt = text.find("\n", end + 1)
        line = text[end + 1 : nxt if nxt != -1 else len(text)].strip()
        if line:
            return line
        end = nxt
    return ""


def is_heading(sentence: Span) -> bool:
    """A line of its own that does not end like prose (a title or section heading)."""
    line = line_of(sentence).strip()
    return line == " ".join(sentence.text.split()) and not line.endswith((".", "!", "\"", "”"))


def interviewer(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The sentence is in an interviewer's line ("Archyde: ... ?", "Q: ...")."""
    line = line_of(match.sentence)
    found = SPEAKER_LINE_RE.match(line)
    return bool(found) and "?" in line


def answered(match: RuleMatch, lexicon: Lexicon) -> bool:
    """A question the text answers at once: an FAQ entry or a question followed by its answer line."""
    sentence = match.sentence
    text = doc_text(sentence.doc)[: sentence.start_char]
    last_heading = [
        ln for ln in text.splitlines() if ln.strip() and len(ln.split()) <= 8 and not ln.strip().endswith(".")]
    in_faq = any(FAQ_HEADING_RE.search(ln) for ln in last_heading[-12:])
    following = _next_line(sentence)
    answer_line = bool(re.match(r"^\s*(A|Answer)\s*[:.]", following)) or bool(SPEAKER_LINE_RE.match(following))
    return (in_faq and is_heading(sentence)) or (answer_line and is_heading(sentence))


def reader_bait(match: RuleMatch, lexicon: Lexicon) -> bool:
    """A call to the reader ("What do you think? Share your thoughts")."""
    line = f" {fold(line_of(match.sentence))} "
    return any(f" {fold(p)} " in line for p in lexicon.gazetteers.list("questions.reader_bait"))


def quoted(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The match lies inside quotation marks."""
    before = doc_text(match.sentence.doc)[match.sentence.start_char : match.span.start_char]
    return sum(before.count(q) for q in "\"“”") % 2 == 1


def heading(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The match is in a heading line."""
    return is_heading(match.sentence)


def no_entity(match: RuleMatch, lexicon: Lexicon) -> bool:
    """No named entity in the match."""
    return not any(match.span.start <= ent.start < match.span.end for ent in match.span.doc.ents)


CHECKS: dict[str, Callable[[RuleMatch, Lexicon], bool]] = {
    "answered": answered,
    "reader_bait": reader_bait,
    "interviewer": interviewer,
    "quoted": quoted,
    "heading": heading,
    "no_entity": no_entity,
}
