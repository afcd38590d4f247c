"""Whom "he" and "she" refer to in an article: the people found on a parsed article, resolved as resolve does."""

from __future__ import annotations

import pytest

from briefer.extract import people_in
from briefer.resolve.people import ArticlePeople


@pytest.fixture(scope="module")
def lexicon(knowledge):
    return knowledge.lexicon


def _referent(nlp, lexicon, text: str, pronoun: str) -> str:
    doc = nlp(text)
    people = ArticlePeople(people_in(doc, lexicon), lexicon)
    offset = max(t.idx for t in doc if t.text == pronoun)
    return people.resolve(pronoun, offset).name


def test_a_surname_the_tagger_took_for_a_noun_is_the_subject_he_refers_to(nlp, lexicon):
    text = ("Foreign Minister Maria Lund met her counterpart Pedro Alves in Lisbon on Monday. Alves welcomed the "
            "visit. He said the border question would be settled.")
    assert _referent(nlp, lexicon, text, "He") == "Pedro Alves"


def test_the_source_of_according_to_is_whom_he_refers_to(nlp, lexicon):
    text = ("According to envoy Karim Haddad, the talks with Foreign Minister Ali Bakr had been useful. He said a "
            "second round would follow in May.")
    assert _referent(nlp, lexicon, text, "He") == "Karim Haddad"


def test_she_is_the_woman_the_article_names_before_a_man_named_later(nlp, lexicon):
    text = ("Ms Anna Berg, the EU envoy, met rebel leader John Garang in Juba. Garang said his movement was ready "
            "to sign. She said the EU would fund the monitors.")
    assert _referent(nlp, lexicon, text, "She") == "Anna Berg"


def test_a_given_name_borne_by_women_makes_her_whom_she_refers_to(nlp, lexicon):
    text = ("President Samia Hassan received opposition leader Tundu Lissu on Monday. Lissu later told reporters "
            "the meeting had been cordial. She said that the dialogue would continue.")
    assert _referent(nlp, lexicon, text, "She") == "Samia Hassan"


def test_he_stays_with_the_last_man_who_spoke(nlp, lexicon):
    text = ("Envoy Karim Haddad met Defence Minister Anna Berg. Haddad said the ceasefire was holding. He added that "
            "prisoners would be exchanged.")
    assert _referent(nlp, lexicon, text, "He") == "Karim Haddad"
