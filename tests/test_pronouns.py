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


@pytest.mark.parametrize(("text", "pronoun", "referent"), [
    pytest.param("Foreign Minister Maria Lund met her counterpart Pedro Alves in Lisbon on Monday. Alves welcomed the "
                 "visit. He said the border question would be settled.", "He", "Pedro Alves",
                 id="a surname the tagger took for a noun is the subject he refers to"),
    pytest.param("According to envoy Karim Haddad, the talks with Foreign Minister Ali Bakr had been useful. He said a "
                 "second round would follow in May.", "He", "Karim Haddad",
                 id="the source of according-to is whom he refers to"),
    pytest.param("Ms Anna Berg, the EU envoy, met rebel leader John Garang in Juba. Garang said his movement was ready "
                 "to sign. She said the EU would fund the monitors.", "She", "Anna Berg",
                 id="she is the woman the article names before a man named later"),
    pytest.param("President Samia Hassan received opposition leader Tundu Lissu on Monday. Lissu later told reporters "
                 "the meeting had been cordial. She said that the dialogue would continue.", "She", "Samia Hassan",
                 id="a given name borne by women makes her whom she refers to"),
    pytest.param("Envoy Karim Haddad met Defence Minister Anna Berg. Haddad said the ceasefire was holding. He added "
                 "that prisoners would be exchanged.", "He", "Karim Haddad",
                 id="he stays with the last man who spoke"),
])
def test_a_pronoun_refers_to_the_person_the_article_means(nlp, lexicon, text, pronoun, referent):
    assert _referent(nlp, lexicon, text, pronoun) == referent
