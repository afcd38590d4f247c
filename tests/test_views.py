"""Capture views on parsed sentences: a person's title stops at a conjunction or another person."""

from __future__ import annotations

from briefer.extract.views import entity_at, person
from tests.conftest import SEEDS


def _person_named(doc, surname, lexicon):
    (ent,) = [e for e in doc.ents if e.label_ == "PERSON" and e.text.endswith(surname)]
    return person(ent, lexicon)


def test_title_of_the_second_of_two_conjoined_leaders(nlp, knowledge):
    doc = nlp("German Chancellor Olaf Scholz and Poland's President Andrzej Duda said they were ready to help.")
    found = _person_named(doc, "Duda", knowledge.lexicon)
    assert found.role == "President" and found.party == "Poland"


def test_title_before_a_single_name(nlp, knowledge):
    doc = nlp("Kremlin spokesman Dmitry Peskov spoke to reporters.")
    found = _person_named(doc, "Peskov", knowledge.lexicon)
    assert found.name == "Dmitry Peskov" and found.role.lower() == "kremlin spokesman"


def test_entity_at_gives_the_entity_spacy_lists(nlp):
    doc = nlp((SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text(encoding="utf-8"))
    holding = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    assert len(holding) > 50
    for token in doc:
        found, expected = entity_at(token), holding.get(token.i)
        assert (found.start, found.end, found.label_) == (expected.start, expected.end, expected.label_) if expected \
            else found is None


def test_an_age_before_a_title_is_no_part_of_the_role(nlp, knowledge):
    doc = nlp("The 52-year-old rebel chief, Ibrahim Tanko, said his fighters would stay.")
    found = _person_named(doc, "Tanko", knowledge.lexicon)
    assert found.role == "rebel chief"


def test_a_description_with_an_age_still_refers_back(nlp, knowledge):
    doc = nlp("The 61-year-old envoy told reporters the talks would resume.")
    envoy = next(t for t in doc if t.lower_ == "envoy")
    found = person(doc[envoy.i : envoy.i + 1], knowledge.lexicon)
    assert found.name == "envoy" and found.definite


def test_a_name_after_a_quotation_tagged_as_a_title_is_the_speaker(nlp, knowledge):
    from spacy.tokens import Span

    doc = nlp('"We regret the new conditions," Ruwan Kumara de Mel, head of the government team, told reporters.')
    start = next(t.i for t in doc if t.text == "Ruwan")
    doc.ents = [Span(doc, start, start + 4, label="WORK_OF_ART")]  # as the recogniser sometimes tags it
    found = person(doc[start + 3 : start + 4], knowledge.lexicon)
    assert found is not None and found.name == "Ruwan Kumara de Mel"
