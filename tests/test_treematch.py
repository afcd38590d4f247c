"""TreeMatcher finds exactly what spaCy's DependencyMatcher finds, for the built-in rules and for any pattern."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.matcher import DependencyMatcher

from briefer.rules.patterns import dependency_operators
from briefer.rules.treematch import TreeMatcher
from tests.conftest import SEEDS

# Two sentences on one line make the parser's trees and the sentence splitter's sentences disagree at times.
TEXT = ("Russia's delegation, led by presidential aide Vladimir Medinsky, arrived in Istanbul on Monday. "
        "Ukraine sent Defence Minister Rustem Umerov; officials said talks would start on Friday.\n"
        "\"We are ready,\" Umerov told reporters, adding that Kyiv wanted a ceasefire first. Will they meet?")


def spacy_matches(doc, patterns: dict[str, list[dict]]) -> list[tuple[str, tuple[int, ...]]]:
    matcher = DependencyMatcher(doc.vocab)
    for key, pattern in patterns.items():
        matcher.add(key, [pattern])
    return sorted((doc.vocab.strings[key], tuple(tokens)) for key, tokens in matcher(doc))


def tree_matches(doc, patterns: dict[str, list[dict]]) -> list[tuple[str, tuple[int, ...]]]:
    matcher = TreeMatcher(doc.vocab)
    for key, pattern in patterns.items():
        matcher.add(key, pattern)
    return sorted((key, tuple(tokens)) for key, tokens in matcher(doc))


@pytest.fixture(scope="module")
def docs(nlp):
    texts = [TEXT] + [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))[:2]]
    return list(nlp.pipe(texts))


def test_the_built_in_rules_match_as_on_spacy(compiled, docs):
    matcher = compiled.dependency_matcher
    assert matcher.patterns and not len(matcher.fallback), "every built-in pattern is searched by TreeMatcher"
    patterns = {key: matcher.get(key)[1][0] for key in compiled.dependency_names}
    for doc in docs:
        expected = spacy_matches(doc, patterns)
        assert expected, "the texts exercise the rules"
        assert tree_matches(doc, patterns) == expected


@pytest.mark.parametrize("operator", dependency_operators())
def test_every_operator_matches_as_on_spacy(docs, operator):
    pattern = [{"RIGHT_ID": "a", "RIGHT_ATTRS": {}},
               {"LEFT_ID": "a", "REL_OP": operator, "RIGHT_ID": "b", "RIGHT_ATTRS": {"POS": {"NOT_IN": ["PUNCT"]}}}]
    doc = docs[0]
    assert tree_matches(doc, {"p": pattern}) == spacy_matches(doc, {"p": pattern})


def test_a_pattern_beyond_the_searched_attributes_runs_on_spacy(docs):
    pattern = [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB", "LENGTH": {">=": 4}}},
               {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "who", "RIGHT_ATTRS": {"ORTH": {"REGEX": "^[A-Z]"}}}]
    matcher = TreeMatcher(docs[0].vocab)
    matcher.add("p", pattern)
    assert not matcher.patterns and len(matcher.fallback) == 1
    found = matcher(docs[0])
    assert found and found == [(key, list(tokens)) for key, tokens in spacy_matches(docs[0], {"p": pattern})]


def test_an_invalid_pattern_is_refused_as_by_spacy(docs):
    from spacy.errors import MatchPatternError

    with pytest.raises((MatchPatternError, ValueError)):
        TreeMatcher(docs[0].vocab).add("p", [{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LEMMA": {"IN": "say"}}}])


ATTRIBUTES = st.sampled_from([
    {}, {"POS": "VERB"}, {"POS": {"IN": ["NOUN", "PROPN"]}}, {"DEP": "nsubj"},
    {"dep": {"IN": ["dobj", "prep", "pobj"]}},
    {"LEMMA": {"IN": ["say", "be", "send", "lead", "talk"]}}, {"LOWER": {"NOT_IN": ["the", ",", "."]}},
    {"ENT_TYPE": {"IN": ["PERSON", "GPE"]}}, {"TAG": "NNP", "ENT_TYPE": {"NOT_IN": ["DATE"]}}, {"TEXT": "Umerov"},
])


@st.composite
def patterns(draw):
    nodes = [{"RIGHT_ID": "n0", "RIGHT_ATTRS": draw(ATTRIBUTES)}]
    for index in range(1, draw(st.integers(1, 3)) + 1):
        nodes.append({"LEFT_ID": f"n{draw(st.integers(0, index - 1))}", "REL_OP": draw(st.sampled_from(
            dependency_operators())), "RIGHT_ID": f"n{index}", "RIGHT_ATTRS": draw(ATTRIBUTES)})
    return nodes


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pattern=patterns())
def test_any_pattern_matches_as_on_spacy(docs, pattern):
    doc = docs[0]
    assert tree_matches(doc, {"p": pattern}) == spacy_matches(doc, {"p": pattern})


def test_screening_anchors_by_tree_keeps_every_match_in_order(compiled, docs):
    """Searching only from anchors whose tree holds every screened node's words gives the matches, in order,
    of searching from every anchor; and it does leave anchors out."""
    from dataclasses import replace

    from briefer.rules.treematch import _DocView

    screened = compiled.dependency_matcher
    unscreened = TreeMatcher(screened.vocab)
    unscreened.patterns = [replace(pattern, screened=()) for pattern in screened.patterns]
    assert any(pattern.screened for pattern in screened.patterns)
    left_out = 0
    for doc in docs:
        assert screened(doc) == unscreened(doc)
        view = _DocView(doc, screened._operators, screened._attribute_ids)
        for pattern in screened.patterns:
            anchors = view.candidates(pattern.nodes[0].check)
            left_out += len(anchors) - len(view.reachable(pattern))
    assert left_out > 0


def test_each_token_s_root_heads_its_tree(docs):
    """The screen's root of a token is where following its heads ends: a token that is its own head."""
    from briefer.rules.treematch import _DocView

    doc = docs[0]
    view = _DocView(doc, TreeMatcher(doc.vocab)._operators, TreeMatcher(doc.vocab)._attribute_ids)
    roots = view.roots()
    assert roots is not None and all(doc[root].head.i == root for root in set(roots))
    assert all(roots[token.i] == roots[token.head.i] for token in doc)
