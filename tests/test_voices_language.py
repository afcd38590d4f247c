"""Open questions and positions in more of the general language of news, end to end through `briefer extract`.

Open questions: a side's disagreement, scepticism, condition or hedge is no question the text leaves open, nor an
uncertainty an aim would remove, a "whether" waved aside, a remark about a sensitive moment or a question the next
line answers; what a source leaves out ("did not mention if"), a negative outlook a "While" clause grants and "it's
not clear" before a bare clause are. Positions: stances outside the reporting verbs ("likened X to", "shared the
optimism of", "wants X to", "has not budged from its position that"), a speaker after a quotation ("added the
minister"), a title's holder ("Head of the X delegation Y said") and "the top X diplomat" resolved to the foreign
minister the article named."""

from __future__ import annotations

import pytest
from in_process import extract_json

# Made-up copy in the language of news, about no real round of talks.
QUESTIONS = "\n\n".join([
    "Andean border talks resume in Lima",
    "Delegations from Chile and Bolivia met in Lima on Monday for a fourth round of talks on access to the sea.",
    "The two sides remain divided over the route of the corridor to the port.",
    "The Bolivian minister Rosa Vidal was sceptical that the corridor would open before the elections.",
    "“We will not sign unless the customs posts move to the coast,” Vidal told reporters.",
    "“We cannot rule out the possibility that the talks collapse,” said the mediator Jorge Paredes.",
    "Paredes said the new joint commission is meant to reduce uncertainties along the frontier.",
    "“It does not matter whether we sign in Lima or in La Paz,” Paredes said.",
    "Paredes said it was a delicate time, when a single incident could derail the talks.",
    "The joint statement did not mention if the presidents would meet before the summer.",
    "While Paredes warned that a final settlement was “still a long way off”, both delegations agreed to meet in May.",
    "It's not clear the talks will resume before the rainy season.",
    "— Do you expect a deal this year?\n— Before the summer, if the customs question is settled.",
])

SPEECH = "\n\n".join([
    "Sea access talks in Lima",
    "Chilean Foreign Minister Alberto Rojas arrived in Lima on Monday for talks with Bolivia.",
    "Bolivian Foreign Minister Rosa Vidal met the mediator Jorge Paredes on Tuesday. "
    "“The corridor must reach the sea,” added the minister.",
    "The top Chilean diplomat said the border treaty was not open to renegotiation.",
    "Rojas likened the Bolivian proposal to “a bridge to nowhere”.",
    "Vidal shared the optimism of Paredes that a deal on the port fees could be reached by the summer.",
    "Bolivia wants Chile to open a customs post on the coast before the vote.",
    "Chile has not budged from its position that the treaty settled the border.",
    "Head of the Bolivian delegation Diego Mamani said the technical talks had been useful.",
])


@pytest.fixture(scope="module")
def briefing(tmp_path_factory) -> dict:
    """The briefing `briefer extract` gives for the two articles above."""
    return extract_json(tmp_path_factory.mktemp("articles"), {"questions.txt": QUESTIONS, "speech.txt": SPEECH})


def _questions(briefing: dict) -> list[str]:
    return [q["text"] for q in briefing["open_questions"]]


def _said(briefing: dict, speaker: str) -> list[str]:
    return [p["statement"] for p in briefing["positions"] if p["speaker"]["name"] == speaker]


@pytest.mark.parametrize("words", [
    "remain divided over the route",
    "was sceptical that the corridor",
    "will not sign unless",
    "cannot rule out the possibility",
    "reduce uncertainties",
    "does not matter whether",
    "a single incident could derail",
    "Do you expect a deal this year",
])
def test_stances_hedges_and_answered_questions_are_no_open_questions(briefing, words):
    assert not any(words in q for q in _questions(briefing)), _questions(briefing)


@pytest.mark.parametrize("words", [
    "did not mention if the presidents would meet",
    "a final settlement was \"still a long way off\"",
    "It's not clear the talks will resume",
])
def test_what_a_source_leaves_out_and_a_granted_doubt_are_open_questions(briefing, words):
    assert any(words in q for q in _questions(briefing)), _questions(briefing)


def test_a_speaker_after_the_quotation_is_the_minister_named_before(briefing):
    assert "The corridor must reach the sea" in _said(briefing, "Rosa Vidal"), briefing["positions"]


def test_the_top_diplomat_is_the_foreign_minister_of_that_country(briefing):
    assert any("not open to renegotiation" in s for s in _said(briefing, "Alberto Rojas")), briefing["positions"]


@pytest.mark.parametrize(("speaker", "words"), [
    ("Alberto Rojas", "likened the Bolivian proposal to"),
    ("Rosa Vidal", "shared the optimism of Paredes"),
    ("Bolivia", "wants Chile to open a customs post"),
    ("Chile", "the treaty settled the border"),
])
def test_stances_outside_the_reporting_verbs(briefing, speaker, words):
    assert any(words in s for s in _said(briefing, speaker)), briefing["positions"]


def test_a_title_before_a_name_is_that_person_speaking(briefing):
    speakers = [p["speaker"]["name"] for p in briefing["positions"] if "technical talks" in p["statement"]]
    assert speakers == ["Diego Mamani"], briefing["positions"]
