"""The screened token matcher (only the patterns a Doc holds the required words of) gives what spaCy's Matcher with
every pattern gives: the same matches, alignments and order, for the built-in rules and for any pattern."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher

from briefer.rules.screen import ScreenedMatcher, requirements
from tests.conftest import SEEDS

TEXT = ("Russia's delegation, led by presidential aide Vladimir Medinsky, arrived in Istanbul on Monday. "
        "Ukraine sent Defence Minister Rustem Umerov; officials said talks would start on Friday.\n"
        "\"We are ready,\" Umerov told reporters. No date has yet been set for a second round. Will they meet?")


def screened(vocab, patterns: dict[str, list[dict]]) -> ScreenedMatcher:
    full = Matcher(vocab)
    for key, pattern in patterns.items():
        full.add(key, [pattern], greedy="LONGEST")
    return ScreenedMatcher(vocab, full, patterns)


@pytest.fixture(scope="module")
def docs(nlp):
    texts = [TEXT] + [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return list(nlp.pipe(texts))


def test_the_built_in_rules_match_as_with_every_pattern(compiled, docs):
    matcher = screened(docs[0].vocab, compiled.token_patterns)
    assert list(compiled.token_patterns) == list(compiled.token_captures), "every token pattern, in order"
    left_out = 0
    for doc in docs:
        expected = compiled.token_matcher(doc, with_alignments=True)
        assert expected, "the texts exercise the rules"
        assert matcher(doc) == expected
        assert compiled._token_matches(doc) == expected
        left_out += len(compiled.token_patterns) - len(matcher.possible(doc))
    assert left_out, "the screen leaves patterns out"


def test_required_words_are_read_from_tokens_that_must_be_there():
    from spacy.strings import get_string_id

    pattern = [{"LOWER": "no"}, {"IS_ALPHA": True, "OP": "{0,2}"}, {"LEMMA": {"IN": ["date", "deal"]}, "OP": "+"},
               {"TEXT": "set", "OP": "{1,3}"}, {"LOWER": "yet", "OP": "?"}, {"ORTH": {"NOT_IN": ["."]}},
               {"NORM": {"REGEX": "^a"}}, {"lower": "been", "OP": "*"}, {"LOWER": "been", "OP": "!"}]
    assert requirements(pattern) == [("LOWER", frozenset({get_string_id("no")})),
                                     ("LEMMA", frozenset({get_string_id("date"), get_string_id("deal")})),
                                     ("ORTH", frozenset({get_string_id("set")}))]


def test_a_doc_without_a_required_word_runs_no_pattern(docs):
    matcher = screened(docs[0].vocab, {"p": [{"LOWER": "zzyzx"}, {"LOWER": "talks"}]})
    assert matcher.possible(docs[0]) == () and matcher(docs[0]) == []


def test_missing_annotation_is_refused_as_by_spacy(docs):
    import spacy

    doc = spacy.blank("en", vocab=docs[0].vocab)("No date was set.")  # tokens only: no part of speech
    matcher = screened(docs[0].vocab, {"p": [{"LOWER": "no"}, {"POS": "NOUN"}]})
    with pytest.raises(ValueError, match="E155"):
        matcher(doc)


TOKENS = st.sampled_from([
    {}, {"POS": "VERB"}, {"POS": {"IN": ["NOUN", "PROPN"]}}, {"LOWER": "said"}, {"LOWER": {"IN": ["the", "a"]}},
    {"LEMMA": {"IN": ["say", "be", "send", "lead", "talk"]}}, {"LOWER": {"NOT_IN": ["the", ",", "."]}},
    {"ENT_TYPE": {"IN": ["PERSON", "GPE"]}}, {"TEXT": "Umerov"}, {"ORTH": {"IN": [",", ";", "zzyzx"]}},
    {"LEMMA": "meet"}, {"NORM": {"IN": ["no", "not"]}}, {"LOWER": "zzyzx"}, {"IS_PUNCT": True},
])
OPS = st.sampled_from([None, "?", "*", "+", "!", "{1,2}", "{0,2}", "{2}"])


@st.composite
def token_patterns(draw):
    pattern = []
    for _ in range(draw(st.integers(1, 4))):
        token, op = dict(draw(TOKENS)), draw(OPS)
        if op:
            token["OP"] = op
        pattern.append(token)
    return pattern


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chosen=st.lists(token_patterns(), min_size=1, max_size=5))
def test_any_patterns_match_as_with_every_pattern(docs, chosen):
    patterns = {f"p{index}": pattern for index, pattern in enumerate(chosen)}
    try:
        matcher = screened(docs[0].vocab, patterns)
    except ValueError:
        return  # a pattern spaCy refuses (only "!" or zero-width tokens)
    doc = docs[0]  # a short text: wildcards under "*" give states by the thousand on a whole article
    assert matcher(doc) == matcher.full(doc, with_alignments=True)
