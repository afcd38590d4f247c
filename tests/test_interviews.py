"""Interviews as news prints them (briefer/extract/interview.py): the layout of a question-and-answer body, who
answers, and, end to end through `briefer extract`, the answers as the interviewee's positions while the
interviewer's questions are neither positions nor open questions."""

from __future__ import annotations

import json

import pytest
from in_process import briefer as run

from briefer.extract.interview import layout

LABELLED = "\n\n".join([
    "Mediator sees a truce within reach",
    "In an interview with the Harbour Courier on Tuesday, Lars Eklund, Norway's special envoy for the Sudan talks, "
    "described the state of the negotiations.",
    "Q: How close are the two sides to a ceasefire?",
    "A: Both delegations now accept that a truce must come before any political settlement.",
    "Q: Will the monitors be deployed in the western region as well?",
    "A: The army wants monitors only in the capital, while the rebels insist on monitors in every province.",
    "We will not accept a truce that leaves the western region without observers.",
    "Q: When will the next round start?",
    "A: I expect the talks to resume in the port city early next month.",
    "This interview has been edited for length and clarity.",
])

OUTLET = "\n\n".join([
    "Interview with Amina Haddad, Jordan's foreign minister",
    "The Amman Ledger spoke to the minister about the ceasefire negotiations.",
    "Ledger: Minister, are the talks still alive?",
    "Haddad: The talks are alive, but every day without a deal costs lives.",
    "Ledger: Do you believe both sides are negotiating in good faith?",
    "Haddad: Both sides have made serious offers, and the mediators must now close the remaining gaps.",
])

BOLD = "\n\n".join([
    "Viktor Sava: 'Neutrality is not for sale'",
    "Moldova's chief negotiator on Transnistria sat down with the Dniester Weekly before the talks in Vienna.",
    "**What did the last round achieve?**",
    "The other side refused to discuss the withdrawal of foreign troops from the left bank.",
    "**Is the five-plus-two format still useful?**",
    "The format is still the only place where all the sides sit at one table.",
])

PLAIN = "\n\n".join([
    "Peace commissioner: the agreement is the only road",
    "Colombia's peace commissioner Otty Patino spoke to the Andes Review about the talks with the rebels.",
    "How would you describe the mood at the table?",
    "Both delegations know that the ceasefire expires in three weeks.",
    "Did the rebels answer your proposal on kidnappings?",
    "The rebels have promised an answer before the end of the cycle.",
    "Are you optimistic about the next cycle?",
    "The agreement is the only road to peace, and both sides know it.",
])

INITIALS = "\n\n".join([
    "Council co-chair: no deal without the northeast",
    "Ilham Ahmed, co-chair of the Syrian Democratic Council, discussed the talks with Damascus in an interview "
    "with the Levant Monitor.",
    "LM: Have the talks with Damascus made progress?",
    "IA: The talks have made progress on oil and on the return of displaced people.",
    "LM: Will the fighters join the national army?",
    "IA: The fighters will join the army only as one bloc, with their own command in the northeast.",
])

DASHED = "\n\n".join([
    "Envoy: the sides want to move beyond the stalemate",
    "In an exclusive interview with the Caspian Herald, the mediators' co-chair Anna Keller spoke about the talks "
    "in Vienna.",
    "You called the meeting of the ministers historic. Could it be a real breakthrough?",
    "– The ministers discussed the hardest issues in a spirit of finding a way forward.",
    "Are the negotiations based on the earlier proposal?",
    "– The ministers agreed to continue working on the basis of what has already been achieved.",
])

WIRE = "\n\n".join([
    "Grain corridor talks stall",
    "Negotiators met in Istanbul on Monday, Turkish officials said.",
    "Will the corridor reopen? Officials on both sides declined to say.",
    "What comes next?",
    "Turkish Foreign Minister Hakan Fidan said the talks would continue next week.",
    "Is a deal possible before the winter?",
    "Diplomats say a deal is possible before the winter.",
])


def _layout(nlp, knowledge, text):
    found = layout(nlp(text), knowledge.lexicon)
    assert found is None or len(found.interviews) == 1
    return found.interviews[0] if found else None


@pytest.mark.parametrize("text", [LABELLED, OUTLET, BOLD, PLAIN, INITIALS, DASHED])
def test_interview_layouts_are_recognised(nlp, knowledge, text):
    found = _layout(nlp, knowledge, text)
    assert found is not None and found.interviewee is not None
    assert len(found.questions) >= 2 and len(found.answers) >= 2


def test_questions_are_the_interviewers_lines(nlp, knowledge):
    found = _layout(nlp, knowledge, LABELLED)
    asked = [LABELLED[start:end] for start, end in found.questions]
    assert asked == [line for line in LABELLED.split("\n\n") if line.startswith("Q:")]


def test_an_answer_carries_on_below_its_label_and_the_closing_line_is_no_answer(nlp, knowledge):
    found = _layout(nlp, knowledge, LABELLED)
    answered = [LABELLED[start:end] for start, end in found.answers]
    assert "We will not accept a truce that leaves the western region without observers." in answered
    assert not any("edited for length" in line for line in answered)


def test_a_report_with_questions_in_it_is_no_interview(nlp, knowledge):
    assert _layout(nlp, knowledge, WIRE) is None


@pytest.fixture(scope="module")
def briefing(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("interviews")
    for name, text in {"labelled": LABELLED, "outlet": OUTLET, "bold": BOLD, "plain": PLAIN, "initials": INITIALS,
                       "dashed": DASHED, "wire": WIRE}.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    result = run("extract", "--format", "json", str(folder))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _said_by(briefing: dict, name: str) -> list[str]:
    return [p["statement"] for p in briefing["positions"] if p["speaker"]["name"] == name]


@pytest.mark.parametrize(("name", "party", "answer"), [
    ("Lars Eklund", "Norway", "Both delegations now accept that a truce must come before any political settlement"),
    ("Lars Eklund", "Norway", "We will not accept a truce that leaves the western region without observers"),
    ("Lars Eklund", "Norway", "I expect the talks to resume in the port city early next month"),
    ("Amina Haddad", "Jordan", "The talks are alive, but every day without a deal costs lives"),
    ("Viktor Sava", "Moldova", "The format is still the only place where all the sides sit at one table"),
    ("Otty Patino", "Colombia", "Both delegations know that the ceasefire expires in three weeks"),
    ("Ilham Ahmed", None, "The talks have made progress on oil and on the return of displaced people"),
    ("Anna Keller", None, "The ministers discussed the hardest issues in a spirit of finding a way forward"),
])
def test_answers_are_the_interviewees_positions(briefing, name, party, answer):
    (position,) = [p for p in briefing["positions"] if p["statement"] == answer]
    assert position["speaker"]["name"] == name and position["kind"] == "official"
    assert party is None or position["speaker"]["party"] == party
    assert position["direct_quote"] and answer in position["evidence"][0]["sentence"]


def test_interviewer_questions_are_neither_positions_nor_open_questions(briefing):
    questions = [q["text"] for q in briefing["open_questions"]]
    for text in (LABELLED, OUTLET, BOLD, PLAIN, INITIALS, DASHED):
        for line in text.split("\n\n")[2:]:
            asked = line.split(": ", 1)[-1].strip("*")
            if asked.endswith("?"):
                assert not any(question.rstrip("?") in asked for question in questions)
                assert not any(asked.rstrip("?") in p["statement"] for p in briefing["positions"])
    assert not any("edited for length" in p["statement"] for p in briefing["positions"])


def test_a_report_keeps_its_open_questions(briefing):
    assert "Will the corridor reopen?" in [q["text"] for q in briefing["open_questions"]]
    assert _said_by(briefing, "Hakan Fidan") == ["the talks would continue next week"]
