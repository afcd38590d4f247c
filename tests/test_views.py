"""Capture views on parsed sentences: a person's title stops at a conjunction or another person."""

from __future__ import annotations

from briefer.extract.views import person


def _person_named(doc, surname, lexicon):
    (ent,) = [e for e in doc.ents if e.label_ == "PERSON" and e.text.endswith(surname)]
    return person(ent, lexicon)


def test_title_of_the_second_of_two_conjoined_leaders(nlp, knowledge):
    doc = nlp("German Chancellor Olaf Scholz and Poland's President Andrzej Duda said they were ready to help.")
    found = _person_named(doc, "Duda", knowledge.lexicon)
    assert found["role"] == "President" and found["party"] == "Poland"


def test_title_before_a_single_name(nlp, knowledge):
    doc = nlp("Kremlin spokesman Dmitry Peskov spoke to reporters.")
    found = _person_named(doc, "Peskov", knowledge.lexicon)
    assert found["name"] == "Dmitry Peskov" and found["role"].lower() == "kremlin spokesman"
