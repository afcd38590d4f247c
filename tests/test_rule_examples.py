"""Every built-in rule's examples, one test per rule, the same facts from them with the rule's own trigger gate,
and the rule that every rule has examples. (The gate's test sits here so that its ungated parses are the ones
test_rule_examples made in this worker.)"""

from __future__ import annotations

import pytest
from test_gate import always_cutting

from briefer import extract  # noqa: F401 (registers the views and checks rules name)
from briefer.extract import extract_facts
from briefer.model import Article
from briefer.nlp import parse
from briefer.rules import load_knowledge
from briefer.rules.compiler import compile_rules

BUILTIN = load_knowledge().ruleset.rules


def _describe(result) -> str:
    lines = []
    for example in result.examples:
        if not example.passed:
            lines.append(f"text: {example.text!r}\n  missing: {example.missing}\n  unexpected: {example.unexpected}")
    return "\n".join(lines)


@pytest.mark.parametrize("loaded", BUILTIN, ids=[r.rule.id for r in BUILTIN])
def test_rule_examples(loaded, knowledge, nlp):
    from briefer.ruletest import run_rule_examples

    result = run_rule_examples(loaded, knowledge, nlp)
    assert result.passed, _describe(result)


@pytest.mark.parametrize("loaded", BUILTIN, ids=[r.rule.id for r in BUILTIN])
def test_rule_has_positive_and_negative_examples(loaded):
    examples = loaded.rule.examples
    assert any(e.expect for e in examples), "no positive example"
    assert any(not e.expect for e in examples), "no negative example"


@pytest.mark.parametrize("rule_id", [r.rule.id for r in BUILTIN])
def test_rule_examples_give_the_same_facts_with_the_rules_own_gate(rule_id, knowledge, nlp):
    """Each rule alone, its gate derived from it alone: its examples give the same facts cut or whole."""
    loaded = next(item for item in knowledge.ruleset.rules if item.rule.id == rule_id)
    compiled, problems = compile_rules([loaded], nlp.vocab, knowledge.gazetteers)
    assert not problems
    gate = always_cutting(compiled, nlp)
    for example in loaded.rule.examples:
        article = Article(id="example", text=example.text)
        facts = {}
        for label, plan in (("whole", None), ("gated", gate.plan)):
            doc, _ = next(parse(nlp, [article], plan=plan))
            found = extract_facts(doc, article, compiled, knowledge.lexicon)
            facts[label] = [(f.section, sorted(f.fields.items(), key=str)) for f in found.facts]
        assert facts["gated"] == facts["whole"], example.text
