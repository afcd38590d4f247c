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
