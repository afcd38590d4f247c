"""Running the examples every rule carries: the texts it must match and the facts it must emit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefer.errors import UsageError
from briefer.extract import extract_facts
from briefer.model import Article, Mention
from briefer.names import fold
from briefer.rules import Knowledge
from briefer.rules.compiler import compile_rules
from briefer.rules.loader import LoadedRule
from briefer.rules.schema import did_you_mean

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class ExampleResult:
    """One example of one rule: what was expected, what came out, and whether they agree."""

    text: str
    expected: list[dict[str, Any]]
    actual: list[dict[str, Any]]
    missing: list[dict[str, Any]] = field(default_factory=list)
    unexpected: list[dict[str, Any]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """No expected fact missing and no fact beyond those expected."""
        return not self.missing and not self.unexpected


@dataclass
class RuleResult:
    """Every example of one rule."""

    loaded: LoadedRule
    examples: list[ExampleResult]

    @property
    def passed(self) -> bool:
        """All examples pass."""
        return all(e.passed for e in self.examples)


def _value_matches(expected: Any, actual: Any) -> bool:
    if isinstance(actual, Mention):
        actual = actual.name
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected == actual
    return fold(str(expected)) == fold(str(actual or ""))


def _fact_matches(expected: dict[str, Any], actual: dict[str, Any]) -> bool:
    return all(_value_matches(value, actual.get(key)) for key, value in expected.items())


def compare(expected: list[dict[str, Any]], actual: list[dict[str, Any]], text: str) -> ExampleResult:
    """Pair expected and actual facts one to one."""
    pool = list(actual)
    missing = []
    for wanted in expected:
        hit = next((a for a in pool if _fact_matches(wanted, a)), None)
        if hit is None:
            missing.append(wanted)
        else:
            pool.remove(hit)
    return ExampleResult(text, expected, actual, missing, pool)


def run_rule_examples(loaded: LoadedRule, knowledge: Knowledge, nlp: Language) -> RuleResult:
    """Run one rule alone over each of its examples."""
    compiled, problems = compile_rules([loaded], nlp.vocab, knowledge.gazetteers)
    if problems:
        raise ValueError("; ".join(str(p) for p in problems))
    results = []
    for example in loaded.rule.examples:
        doc = nlp(example.text)
        found = extract_facts(doc, Article(id="example", text=example.text), compiled, knowledge.lexicon)
        actual = [{k: v for k, v in f.fields.items() if k != "priority"} for f in found.facts]
        results.append(compare(example.expect, actual, example.text))
    return RuleResult(loaded, results)


def select_rules(knowledge: Knowledge, only: str | None = None) -> list[LoadedRule]:
    """The active rules, or those whose id contains `only` (a usage error when none does)."""
    chosen = [loaded for loaded in knowledge.ruleset.rules if only is None or only in loaded.rule.id]
    if not chosen:
        ids = [loaded.rule.id for loaded in knowledge.ruleset.rules]
        off = [loaded.rule.id for loaded in knowledge.ruleset.disabled if only and only in loaded.rule.id]
        why = f" (switched off: {', '.join(off)})" if off else did_you_mean(only or "", ids)
        raise UsageError(f"-k '{only}': no active rule id contains it{why}")
    return chosen


def run_examples(chosen: list[LoadedRule], knowledge: Knowledge, nlp: Language) -> list[RuleResult]:
    """Run the examples of each chosen rule."""
    return [run_rule_examples(loaded, knowledge, nlp) for loaded in chosen]
