"""The checks: statements and questions, speakers, evidence, citations, headlines, length.

Each check reads the briefing model only (the parse is gone by now), so it sees the brief as its reader
will: a statement that opens a quotation and never closes it, a speaker who is a news agency, a question
that is an article's own headline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from briefer.model import Briefing, Check, Delegation, Item, OpenQuestion, Position, Venue
from briefer.names import fold
from briefer.qa.words import CheckWords
from briefer.render.highlight import coverage, item_texts
from briefer.render.rank import left_open
from briefer.render.view import item_label
from briefer.sections import SECTIONS

STATED = 0.8  # share of a statement's or question's words an evidence sentence must state
HEADLINE_WORDS = 4  # a question at least this long that a headline holds (or holds it) is that headline
_ENDS_MID_CLAUSE = re.compile(r"[,;:(\u2013\u2014-]\s*$")
_TRAILS_OFF = re.compile(r"(\.\.\.|\u2026)\s*$")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def _quotes(text: str) -> str | None:
    """What is unbalanced in a text: a straight or curly double quotation mark, or a parenthesis."""
    if text.count('"') % 2:
        return 'an unbalanced quotation mark (")'
    if text.count("“") != text.count("”"):
        return "an unbalanced quotation mark (“ ”)"
    if text.count("(") != text.count(")"):
        return "an unclosed parenthesis"
    return None


def _cut(text: str, words: CheckWords) -> str | None:
    """How a text stops mid-clause, if it does."""
    if _TRAILS_OFF.search(text):
        return "trails off (…)"
    if _ENDS_MID_CLAUSE.search(text):
        return f"ends on {text.rstrip()[-1]!r}"
    last = fold(text).split()[-1:] or [""]
    if last[0] in words.unfinished:
        return f"ends on '{text.split()[-1]}'"
    return None


def _text_checks(section: str, text: str, words: CheckWords) -> Iterator[tuple[str, str]]:
    what = "statement" if section == "positions" else "question"
    if (found := _quotes(text)) is not None:
        yield "quote-unbalanced", f"the {what} has {found}"
    if (found := _cut(text, words)) is not None:
        yield "statement-cut", f"the {what} is cut mid-clause: it {found}"


def _speaker_checks(position: Position, words: CheckWords) -> Iterator[tuple[str, str]]:
    name = fold(position.speaker.name).removeprefix("the ")
    last = name.split()[-1] if name else ""
    if any(f" {outlet} " in f" {name} " for outlet in words.media):
        yield "speaker-media", f"the speaker '{position.speaker.name}' is a news outlet, which reports and does not " \
                               "take positions"
    elif name in words.unnamed or last in words.unnamed:
        yield "speaker-unnamed", f"the speaker '{position.speaker.name}' names nobody"


def _names_in(sentence: str, names: list[str]) -> bool:
    """Whether a sentence names any of `names` (whole words, folded)."""
    padded = f" {fold(sentence)} "
    return any(f" {name} " in padded for name in names if name)


def _stated(item: Item, words: CheckWords) -> bool:
    """Whether one of the item's evidence sentences states the item."""
    sentences = [evidence.sentence for evidence in item.evidence]
    if isinstance(item, Position):
        return any(coverage(sentence, item.statement) >= STATED for sentence in sentences)
    if isinstance(item, OpenQuestion):
        return any(coverage(sentence, item.text) >= STATED for sentence in sentences)
    if isinstance(item, Venue):
        names = [fold(item.name), *words.party_names.get(item.name, ())]
        return any(_names_in(sentence, names) for sentence in sentences)
    if isinstance(item, Delegation):
        people = [p for p in (item.leader, item.sent_by, *item.members) if p is not None]
        names = [fold(p.name).split()[-1] for p in people if fold(p.name)]
        names += [fold(item.party), *words.party_names.get(item.party, ())]
        return any(_names_in(sentence, names) for sentence in sentences)
    return any(coverage(sentence, text) > 0 for sentence in sentences for text in item_texts(item))


def _item_checks(section: str, item: Item, sources: set[str], words: CheckWords) -> Iterator[tuple[str, str]]:
    if isinstance(item, Position):
        yield from _text_checks(section, item.statement, words)
        yield from _speaker_checks(item, words)
    elif isinstance(item, OpenQuestion):
        yield from _text_checks(section, item.text, words)
    if item.evidence and not _stated(item, words):
        yield "evidence-lacks-item", "no evidence sentence states the item"
    for source in sorted({evidence.source for evidence in item.evidence} - sources):
        yield "source-unknown", f"cites '{source}', which is not among the brief's sources"


def _headline_checks(question: OpenQuestion, headlines: Mapping[str, list[str]],
                     names: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """A question the brief presents as left open that is an article's headline or heading.

    The check finds headings on its own (qa.headlines), apart from the placement extraction gave the
    question: a question extraction already placed in a headline or heading is shown as raised by the
    coverage, not as open, and is no problem.
    """
    if not left_open(question):
        return
    text = fold(question.text)
    for source, lines in headlines.items():
        for headline in lines:
            folded = fold(headline)
            long_enough = len(text.split()) >= HEADLINE_WORDS and len(folded.split()) >= HEADLINE_WORDS
            if folded and (text == folded or (long_enough and (text in folded or folded in text))):
                title = names.get(source, source)
                yield "question-headline", f"the question is a headline or heading of '{title}', not one the " \
                                           "coverage leaves open"
                return


def check_briefing(briefing: Briefing, words: CheckWords, headlines: Mapping[str, list[str]]) -> list[Check]:
    """Every problem of every item and source; `headlines` holds each source's headlines (qa.headlines)."""
    sources = {source.id for source in briefing.sources}
    names = {source.id: source.title or source.id for source in briefing.sources}
    cited: set[str] = set()
    checks: list[Check] = []
    for section in SECTIONS:
        for index, item in enumerate(getattr(briefing, section)):
            cited |= {evidence.source for evidence in item.evidence}
            found = list(_item_checks(section, item, sources, words))
            if isinstance(item, OpenQuestion):
                found += _headline_checks(item, headlines, names)
            checks += [Check(check=code, section=section, index=index, item=item_label(section, item), message=message)
                       for code, message in found]
    for index, source in enumerate(briefing.sources):
        if source.id not in cited:
            checks.append(Check(check="source-uncited", section="sources", index=index,
                                item=source.title or source.id, message="no item cites this source"))
    return checks


def count_words(markdown: str) -> int:
    """Words a reader reads in a Markdown brief: the body before its source list, citations left out."""
    body = re.split(r"^## Sources\s*$", markdown, maxsplit=1, flags=re.MULTILINE)[0]
    body = re.sub(r"\[\[\d+\]\]\([^)]*\)|<[^>]+>", " ", body)
    return len(_WORD.findall(body))


def check_length(markdown: str, audience: str, max_words: int | None) -> list[Check]:
    """The brief over its audience's word limit, if it has one."""
    words = count_words(markdown)
    if max_words is None or words <= max_words:
        return []
    minutes = max_words / 250
    return [Check(check="brief-too-long", section="brief", item=f"{audience} brief",
                  message=f"{words} words, over the {audience} brief's limit of {max_words} "
                          f"(about {minutes:g} minutes' reading at 250 words a minute)")]
