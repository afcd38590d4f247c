"""The rules stage: rule files and gazetteers along a search path, compiled onto spaCy matchers.

Rule files name views and checks that briefer.extract registers on import (briefer/rules/vocabulary.py): import it
before loading rules outside the pipeline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.rules.compiler import CompiledRules, RuleMatch, compile_rules
from briefer.rules.gazetteer import Gazetteers, entity_patterns, load_gazetteers
from briefer.rules.lexicon import Lexicon
from briefer.rules.loader import RuleProblem, RuleSet, load_rules, search_path

if TYPE_CHECKING:
    from spacy.vocab import Vocab


@dataclass
class Knowledge:
    """The loaded, not yet compiled, rules and gazetteers of one run."""

    ruleset: RuleSet
    gazetteers: Gazetteers
    lexicon: Lexicon

    def entity_patterns(self) -> list[dict]:
        """Entity ruler patterns for the NLP stage."""
        return entity_patterns(self.gazetteers)

    def compile(self, vocab: Vocab) -> CompiledRules:
        """Compile the active rules; any problem stops the run (exit 3)."""
        compiled, problems = compile_rules(self.ruleset.rules, vocab, self.gazetteers)
        self.ruleset.problems.extend(problems)
        self.ruleset.raise_on_problems()
        return compiled


def load_knowledge(user_dirs: Sequence[Path] = ()) -> Knowledge:
    """Load the rules and gazetteers along the search path."""
    ruleset = load_rules(user_dirs)
    gazetteers = load_gazetteers([d for d in ruleset.folders if d.is_dir()])
    return Knowledge(ruleset, gazetteers, Lexicon(gazetteers))


__all__ = [
    "CompiledRules", "Knowledge", "Lexicon", "RuleMatch", "RuleProblem", "RuleSet",
    "load_knowledge", "search_path",
]
