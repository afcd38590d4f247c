"""Every built-in rule's examples, one test per rule, and the rule that every rule has examples."""

from __future__ import annotations

import pytest

from briefer import extract  # noqa: F401 (registers the views and checks rules name)
from briefer.rules import load_knowledge

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
