"""What extraction reads of a Doc once, instead of asking spaCy every time, is what spaCy gives."""

from __future__ import annotations

import pytest

from briefer.extract import _name_candidates
from briefer.nlp import doc_ents, span_ents
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def docs(nlp):
    return list(nlp.pipe(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))))


def test_doc_ents_are_spacy_s_and_built_once(docs):
    for doc in docs:
        assert doc_ents(doc) == doc.ents
        assert doc_ents(doc) is doc_ents(doc)


def test_span_ents_are_spacy_s_for_sentences_and_any_span(docs):
    for doc in docs:
        for sentence in doc.sents:
            assert span_ents(sentence) == sentence.ents
        for start in range(0, len(doc), 7):
            for length in (1, 3, 12, 40):
                span = doc[start : start + length]
                assert span_ents(span) == span.ents


def test_name_candidates_are_the_nouns_outside_person_entities_and_compounds(docs):
    for doc in docs:
        expected = [token for token in doc if token.ent_type_ != "PERSON" and token.dep_ not in {"compound", "flat"}
                    and token.pos_ in {"PROPN", "NOUN"}]
        assert list(_name_candidates(doc)) == expected
