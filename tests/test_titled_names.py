"""Names the entity recogniser missed after a title become people (extract/titled.py), and what is no name stays
as it was: an office, an organisation, a title cut by "of"."""

from __future__ import annotations

import pytest

from briefer.extract.titled import mark_titled_names


def _people(nlp, knowledge, text: str) -> list[str]:
    doc = nlp(text)
    mark_titled_names(doc, knowledge.lexicon)
    return [ent.text for ent in doc.ents if ent.label_ == "PERSON"]


def test_a_name_taken_for_a_place_after_a_title_is_a_person_there_and_where_repeated(nlp, knowledge):
    found = _people(nlp, knowledge, "Talks resumed on Monday. Fisheries Minister Georgia Hale said the gap was "
                                     "narrow. Later, Georgia Hale left for London.")
    assert found.count("Georgia Hale") == 2


def test_a_name_the_recogniser_did_not_tag_after_a_title_is_a_person(nlp, knowledge):
    text = "At a briefing in Malabo on Tuesday, Presidential Adviser Tor Wakuak told reporters the sides were close."
    assert "Tor Wakuak" in _people(nlp, knowledge, text)


@pytest.mark.parametrize("text", [
    "The Foreign Ministry Spokesman said nothing on Monday.",
    "The Secretary of State Department officials left early.",
    "The General Assembly met in New York.",
])
def test_offices_and_organisations_after_a_title_are_no_person(nlp, knowledge, text):
    before = [e.text for e in nlp(text).ents if e.label_ == "PERSON"]
    assert _people(nlp, knowledge, text) == before


@pytest.mark.parametrize(("text", "name"), [
    ("“Both parties want a settlement,” Presidential Adviser on National Reconciliation Maria Lindqvist said.",
     "Maria Lindqvist"),
    ("Special Envoy for the Horn of Africa Tomas G. Berg told reporters the talks would go on.", "Tomas G. Berg"),
])
def test_a_name_after_a_title_and_its_field_is_a_person(nlp, knowledge, text, name):
    assert name in _people(nlp, knowledge, text)


def test_a_field_that_ends_in_an_office_word_is_no_person(nlp, knowledge):
    text = "The Minister for Europe and Foreign Affairs said the talks would go on."
    assert _people(nlp, knowledge, text) == []


def test_a_second_name_after_a_titled_person_and_and_is_not_cut_short(nlp, knowledge):
    text = "The meeting between Special Envoy for Regional Peace Daniel Okafor and Mullah Omar Bakr ended late."
    assert "Omar Bakr" not in _people(nlp, knowledge, text)
