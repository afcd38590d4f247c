"""Trigger-gated parsing: which sentences of an article go through the whole spaCy pipeline.

A sentence goes when a rule may match in it (the triggers derived from the active rules, see
briefer/rules/triggers.py), with the context the views and resolution read there: the sentence before (a
pronoun, "the envoy", "both countries" refer back to it), the whole paragraph of a quotation (a quotation's
claims are split by sentence, its attribution may stand before or after it, "X told reporters:" introduces the
next paragraph) and, when the rules name people, every sentence naming someone a chosen sentence names (their
role and party may stand there). The other sentences keep their tokens and rough sentence bounds.

Cutting a Doc into pieces and joining them again costs a little for every token, and a piece's edges are parsed
without their neighbours: a Doc is cut only when at least MIN_SKIP of its tokens can be left out. When the
active rules can use nearly every sentence (the built-in rules use about 95 % of a news article's words), the
gate stops planning after TRIAL_TOKENS tokens and every Doc is parsed whole, as without it.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefer.nlp.pieces import Plan, rough_sentences
from briefer.rules.compiler import CompiledRules
from briefer.rules.needs import PEOPLE_SECTIONS
from briefer.rules.triggers import Triggers, derive_triggers
from briefer.rules.vocabulary import CHECKS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

QUOTE_MARKS = "\"“”„«»"
MIN_SKIP = 0.1  # the share of a Doc's tokens that must be left out for cutting it to pay
TRIAL_TOKENS = 20_000  # tokens planned before a gate that cannot pay stands aside


@dataclass
class GateCounts:
    """What the gate saw: every token and the tokens parsed; of the Docs it planned, their tokens and
    sentences and those the rules can use."""

    tokens: int = 0
    tokens_parsed: int = 0
    tokens_planned: int = 0
    tokens_wanted: int = 0
    sentences_planned: int = 0
    sentences_wanted: int = 0

    @property
    def share_wanted(self) -> float:
        """The share of the tokens planned that the rules can use (1.0 before any planning)."""
        return self.tokens_wanted / self.tokens_planned if self.tokens_planned else 1.0

    @property
    def share_parsed(self) -> float:
        """The share of all tokens that went through the pipeline."""
        return self.tokens_parsed / self.tokens if self.tokens else 1.0


@dataclass
class Gate:
    """The triggers of the active rules: plans which pieces of a tokenized Doc to parse."""

    triggers: Triggers
    names: bool = False  # the rules name people: parse too the sentences that name someone a chosen one names
    min_skip: float = MIN_SKIP
    trial_tokens: int | None = TRIAL_TOKENS  # None: never stand aside
    counts: GateCounts = field(default_factory=GateCounts)
    standing_aside: bool = False  # the rules use nearly every sentence: Docs are parsed whole

    @classmethod
    def derive(cls, compiled: CompiledRules, nlp: Language, **policy) -> Gate | None:
        """The gate of the active rules, or None when a rule looks for nothing the tokenizer gives (then every
        sentence must be parsed); `policy`: min_skip, trial_tokens."""
        triggers = triggers_of(compiled, nlp)
        if triggers.underivable:
            log.info("parsing every sentence: no trigger can be derived for rule(s) %s",
                     ", ".join(triggers.underivable))
            return None
        names = any(rule.section in PEOPLE_SECTIONS for rule in compiled.rules.values())
        return cls(triggers, names, **policy)

    def sentences(self, doc: Doc, text: str) -> tuple[list[tuple[int, int]], list[bool]]:
        """The rough sentences of a tokenized Doc (of `text`) and, for each, whether it goes through the
        pipeline."""
        bounds = rough_sentences(doc)
        starts = [start for start, _ in bounds]
        chosen = [False] * len(bounds)
        for start, end in self.triggers.spans(doc, bounds, text):
            for index in range(bisect.bisect_right(starts, start) - 1, bisect.bisect_left(starts, end)):
                chosen[index] = True
        wanted = _with_context(doc, text, bounds, chosen)
        return bounds, _naming_the_same(doc, bounds, wanted) if self.names else wanted

    def plan(self, doc: Doc, text: str) -> Plan:
        """Runs of sentences to parse and to leave, covering a tokenized Doc (of `text`): the whole Doc when
        too little could be left out."""
        whole: Plan = [(0, len(doc), True)]
        counts = self.counts
        counts.tokens += len(doc)
        if self.standing_aside:
            counts.tokens_parsed += len(doc)
            return whole
        bounds, chosen = self.sentences(doc, text)
        pieces: Plan = []
        for (start, end), parse_it in zip(bounds, chosen, strict=True):
            if pieces and pieces[-1][2] == parse_it:
                pieces[-1] = (pieces[-1][0], end, parse_it)
            else:
                pieces.append((start, end, parse_it))
        wanted = sum(end - start for start, end, parse_it in pieces if parse_it)
        counts.tokens_planned += len(doc)
        counts.tokens_wanted += wanted
        counts.sentences_planned += len(bounds)
        counts.sentences_wanted += sum(chosen)
        trial_over = self.trial_tokens is not None and counts.tokens_planned >= self.trial_tokens
        if trial_over and counts.share_wanted > 1 - self.min_skip:
            self.standing_aside = True
            log.info("parsing whole articles: the rules can use %.0f%% of the words", 100 * counts.share_wanted)
        if wanted > (1 - self.min_skip) * len(doc) or wanted == len(doc):
            counts.tokens_parsed += len(doc)
            return whole
        counts.tokens_parsed += wanted
        return pieces


def triggers_of(compiled: CompiledRules, nlp: Language) -> Triggers:
    """The triggers of the active rules: their patterns' anchors and the tokens their `unless` checks need."""
    needed = {name: entry.needs_token for name, entry in CHECKS.entries().items() if entry.needs_token}
    return derive_triggers(compiled, nlp, needed)


def _with_context(doc: Doc, text: str, bounds: list[tuple[int, int]], chosen: list[bool]) -> list[bool]:
    """The chosen sentences, the sentence before each, and every sentence of a paragraph that holds a chosen
    sentence and a quotation (with the next paragraph, when it ends in a colon)."""
    breaks = [found.start() for found in re.finditer("\n", text)]
    line_of = [bisect.bisect_left(breaks, doc[start].idx) for start, _end in bounds]
    lines: dict[int, list[int]] = {}
    for index, line in enumerate(line_of):
        lines.setdefault(line, []).append(index)
    numbers = sorted(lines)
    wanted = list(chosen)
    for index, picked in enumerate(chosen):
        if not picked:
            continue
        if index:
            wanted[index - 1] = True
        line = line_of[index]
        paragraph = text[breaks[line - 1] + 1 if line else 0 : breaks[line] if line < len(breaks) else len(text)]
        introduces = paragraph.rstrip().endswith(":")
        if introduces or any(mark in paragraph for mark in QUOTE_MARKS):
            for other in lines[line]:
                wanted[other] = True
        if introduces and line != numbers[-1]:
            for other in lines[numbers[numbers.index(line) + 1]]:
                wanted[other] = True
    return wanted


def _naming_the_same(doc: Doc, bounds: list[tuple[int, int]], wanted: list[bool]) -> list[bool]:
    """The wanted sentences, and every sentence that names someone a wanted one names (a capitalised word that
    does not open the sentence): resolution reads a speaker's or member's role and party wherever the article
    names them ("Dr. Jane Doe is a senior fellow at ...")."""
    from spacy.attrs import IS_TITLE, ORTH

    columns = doc.to_array([IS_TITLE, ORTH])
    named = [{int(orth) for title, orth in columns[start + 1 : end].tolist() if title} for start, end in bounds]
    names = set().union(*(found for found, picked in zip(named, wanted, strict=True) if picked))
    return [picked or bool(found & names) for found, picked in zip(named, wanted, strict=True)]


__all__ = ["Gate", "GateCounts", "triggers_of"]
