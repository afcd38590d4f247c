"""One loaded spaCy pipeline with the compiled rules: articles in, facts out."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.extract import ArticleFacts, extract_facts
from briefer.extract.gate import Gate
from briefer.model import Article
from briefer.nlp import load_pipeline, parse
from briefer.rules import CompiledRules, Knowledge, Lexicon
from briefer.rules.needs import pipeline_needs

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)


@dataclass
class Extractor:
    """The model and the rules of one process; each Doc is dropped once its facts are out."""

    nlp: Language
    rules: CompiledRules
    lexicon: Lexicon
    gate: Gate | None = None  # None: every sentence is parsed

    @classmethod
    def load(cls, knowledge: Knowledge, model: str | None = None, *, gated: bool = True) -> Extractor:
        """Load the model with only the components the active rules need, and compile the rules onto it;
        `gated`: parse only the sentences the rules can use (when triggers can be derived for all of them)."""
        needs = pipeline_needs(loaded.rule for loaded in knowledge.ruleset.rules)
        nlp = load_pipeline(model, entity_patterns=knowledge.entity_patterns(), needs=needs)
        rules = knowledge.compile(nlp.vocab)
        return cls(nlp, rules, knowledge.lexicon, Gate.derive(rules, nlp) if gated else None)

    def facts(self, articles: Iterable[Article]) -> Iterator[ArticleFacts]:
        """The facts of each article, in order."""
        # The model, the rules and the articles outlive the run; frozen, the garbage collector's full passes,
        # set off again and again by the objects parsing and matching make, no longer walk them (about half
        # of its time). Unfrozen at the end, so that nothing stays out of its reach after the run.
        gc.freeze()
        try:
            for doc, article in parse(self.nlp, articles, plan=self.gate.plan if self.gate else None):
                yield extract_facts(doc, article, self.rules, self.lexicon)
        finally:
            gc.unfreeze()
        if self.gate is not None and self.gate.counts.tokens:
            counts = self.gate.counts
            log.info("the gate parsed %d of %d tokens (%.0f%%); the rules can use %.0f%% of those it planned",
                     counts.tokens_parsed, counts.tokens, 100 * counts.share_parsed, 100 * counts.share_wanted)

    def facts_list(self, articles: list[Article]) -> list[ArticleFacts]:
        """The facts of a chunk of articles, as one picklable list (what a worker sends back)."""
        return list(self.facts(articles))
