"""What the active rules need from the spaCy pipeline, so that the NLP stage loads nothing more."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from briefer.nlp import LEMMAS, PARSE, TAGS
from briefer.rules.schema import CAPTURE_RE, Rule
from briefer.rules.vocabulary import VIEWS

# Token attributes in patterns, and what provides them.
ATTRIBUTE_NEEDS = {"DEP": PARSE, "POS": TAGS, "TAG": TAGS, "MORPH": TAGS, "LEMMA": LEMMAS}
# Facts of these sections name people, whose roles resolution reads off the parse (extract.people_in).
PEOPLE_SECTIONS = frozenset({"positions", "delegations"})


def _attribute_needs(pattern: Any) -> set[str]:
    """Needs of every token attribute named anywhere in a pattern (nested dicts and lists too)."""
    if isinstance(pattern, list):
        return set().union(*(_attribute_needs(item) for item in pattern))
    if isinstance(pattern, dict):
        found = {ATTRIBUTE_NEEDS[key] for key in pattern if key in ATTRIBUTE_NEEDS}
        return found.union(*(_attribute_needs(value) for value in pattern.values()))
    return set()


def rule_needs(rule: Rule) -> set[str]:
    """What one rule needs: the parse, tags or lemmas."""
    needs = set()
    if rule.kind == "dependency" or rule.section in PEOPLE_SECTIONS:
        needs.add(PARSE)
    if rule.kind in {"token", "dependency"}:
        needs |= _attribute_needs(rule.patterns)
    for value in rule.emit.values():
        found = CAPTURE_RE.match(value) if isinstance(value, str) else None
        if found and found.group(2) and VIEWS.entries()[found.group(2)].parse:  # it walks the dependency tree
            needs.add(PARSE)
    return needs


def pipeline_needs(rules: Iterable[Rule]) -> frozenset[str]:
    """What the active rules need, together."""
    return frozenset().union(*(rule_needs(rule) for rule in rules))
