"""The passage an open question quotes: the clause that holds the match, with what it leans on."""

from __future__ import annotations

import pytest

from briefer.extract.clauses import passage


def _passage_at(nlp, sentence: str, word: str) -> str:
    doc = nlp(sentence)
    (index,) = [t.i for t in doc if t.text == word]
    return passage(doc[index : index + 1])


@pytest.mark.parametrize("sentence,word,expected", [
    # a short relative clause says what it is about only with the noun it hangs from
    ("Both sides are clinging to firm demands that could derail the talks.", "could",
     "Both sides are clinging to firm demands that could derail the talks"),
    # a participle clause without a subject of its own takes the clause it follows
    ("The rebels have refused to meet the mayor in the city, clouding prospects of a deal.", "clouding",
     "The rebels have refused to meet the mayor in the city, clouding prospects of a deal"),
    # a long relative clause stands alone
    ("The envoys gave very different accounts of the meeting in Vienna that left many wondering whether the new "
     "plan can survive the winter.", "whether", "that left many wondering whether the new plan can survive the winter"),
])
def test_passage_takes_what_a_clause_leans_on(nlp, sentence, word, expected):
    assert _passage_at(nlp, sentence, word) == expected


def test_passage_keeps_the_words_in_order_across_a_crossing_arc(nlp):
    # the parser hangs "that could derail ..." on "demands", across "in Geneva" (which hangs on "voiced")
    sentence = "The rebels voiced demands in Geneva that could derail the whole process."
    doc = nlp(sentence)
    (relative,) = [t for t in doc if t.dep_ == "relcl"]
    assert relative.head.text == "demands"
    assert _passage_at(nlp, sentence, "could") == sentence.rstrip(".")


def test_a_clause_that_points_back_comes_with_the_sentence_before_it(nlp):
    text = "If the sides ever sign a treaty, they will do it in Vienna. However, the time for that has not yet come."
    doc = nlp(text)
    (index,) = [t.i for t in doc if t.text == "yet"]
    assert passage(doc[index : index + 1]) == text.rstrip(".")


@pytest.mark.parametrize("text", [
    # the sentence before is on another line (a paragraph of its own)
    "If the sides ever sign a treaty, they will do it in Vienna.\nHowever, the time for that has not yet come.",
    # "that" as a determiner names its noun itself
    "The envoys met in Vienna. However, the time for that treaty has not yet come.",
])
def test_a_clause_stays_alone_when_it_does_not_point_back_within_its_paragraph(nlp, text):
    doc = nlp(text)
    (index,) = [t.i for t in doc if t.text == "yet"]
    assert passage(doc[index : index + 1]).startswith("the time for that")
