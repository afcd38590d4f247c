"""The general language of stated positions and open questions, end to end through `briefer extract`: stance verbs
beyond "said" ("backed", "pushed for", "hinted at"), stance adjectives ("is concerned that"), what a noun carries
("X's warning that ..."), a speaker described by office and named in the next lines, interviews whose interviewee
only a quoting headline names, and the open questions that a side's own condition, a short answer or an event's
unclear toll rule out."""

from __future__ import annotations

import json

import pytest
from in_process import briefer, extract_json

# Made-up copy in the language of news, about no real round of talks; one file per construction.
ARTICLES = {
    "stance.txt": (
        "Estland backs phased withdrawal\n\n"
        "Estland's president Ahmed Farouk backed the plan for a phased withdrawal on Monday.\n\n"
        "The opposition leader Sara Mendes pushed for an independent inquiry into the shelling.\n\n"
        "President Omar Haddad hinted at a possible prisoner exchange before the holidays.\n\n"
        "Defence Minister Ivo Petrov is concerned that the rebels will use the truce to rearm.\n\n"
        "The rebels, backed by a neighbouring army, seized the river port in the spring.\n\n"
        "In an interview with a Lisbon radio station aired on Sunday, Foreign Minister Rui Costa said the talks "
        "would resume in May.\n"
    ),
    "nouns.txt": (
        "Border stays shut\n\n"
        "Trade Minister Paul Weber's warning that the border would stay closed until May angered the hauliers.\n\n"
        "Comments by the envoy Ruth Adler that a deal was close lifted the mood in the capital.\n"
    ),
    "forward.txt": (
        "Lakeport talks\n\n"
        "The foreign minister said on Monday that the crossings would stay closed until the spring.\n\n"
        "Foreign Minister Jana Novak later flew to Vienna for the second round.\n"
    ),
    "conditions.txt": (
        "Delegations wait in the lake city\n\n"
        "“We will not sign unless the troops leave the valley,” the rebel commander Yusuf Kamara said.\n\n"
        "Observers say the truce will not last unless both armies pull back from the river.\n\n"
        "Does the new accord end the dispute over the islands? Not even close. Both capitals still claim them.\n\n"
        "Will the truce survive the winter?\n\n"
        "The death toll from the shelling of the market remains unclear.\n"
    ),
}

# An interview whose interviewee only the headline's credit names.
INTERVIEW = "\n\n".join([
    "'The ceasefire is our only chance', says Lina Barakat",
    "The deputy foreign minister has led her country's team at the lake talks since January.",
    "**What did the last round achieve?**",
    "The other side finally accepted a joint commission on the crossings.",
    "**Will you meet the rebel leaders again?**",
    "We will meet them in March, if the ceasefire holds.",
])

# Plain questions, only one of them put to "you", after an intro that names who answers.
PLAIN_INTERVIEW = "\n\n".join([
    "Mediator says both armies must pull back",
    "The Harbour Courier spoke to the regional bloc's mediator, Amina Sow, on Tuesday.",
    "Will the monitors deploy before the rains?",
    "It depends on the donors, who have pledged half of the money so far.",
    "Are you worried that the truce will collapse?",
    "Every truce can collapse, but this one is stronger than the last.",
    "What happens if the rebels refuse?",
    "Then the delegations go back to the table in the lake city.",
])

# A report whose questions follow a minister who spoke to reporters: no interview.
REPORT = "\n\n".join([
    "Talks on the grain corridor stall",
    "Foreign Minister Hakan Yilmaz spoke to reporters on Monday after the session.",
    "Will the corridor reopen?",
    "Officials on both sides declined to say.",
    "Can you trust the rebels?",
    "Many diplomats doubt it.",
    "What comes next?",
    "The talks resume next week in the port city.",
])


@pytest.fixture(scope="module")
def briefing(tmp_path_factory) -> dict:
    """The briefing `briefer extract` gives for the articles above."""
    texts = {**ARTICLES, "interview.txt": INTERVIEW, "plain.txt": PLAIN_INTERVIEW, "report.txt": REPORT}
    return extract_json(tmp_path_factory.mktemp("articles"), texts)


def said(briefing: dict, speaker: str) -> list[str]:
    return [p["statement"] for p in briefing["positions"] if p["speaker"]["name"] == speaker]


@pytest.mark.parametrize(("speaker", "words"), [
    ("Ahmed Farouk", "backed the plan for a phased withdrawal"),
    ("Sara Mendes", "pushed for an independent inquiry"),
    ("Omar Haddad", "hinted at a possible prisoner exchange"),
    ("Ivo Petrov", "the rebels will use the truce to rearm"),
    ("Paul Weber", "the border would stay closed until May"),
    ("Ruth Adler", "a deal was close"),
])
def test_stance_verbs_adjectives_and_nouns_give_the_speaker_s_position(briefing, speaker, words):
    assert any(words in statement for statement in said(briefing, speaker)), said(briefing, speaker)


def test_an_army_that_backs_rebels_is_no_speaker(briefing):
    assert not any("seized" in p["statement"] or "rebels" == p["statement"] for p in briefing["positions"])
    assert not any("neighbouring army" in p["speaker"]["name"] for p in briefing["positions"])


def test_an_office_named_in_the_next_lines_is_that_person(briefing):
    assert any("crossings would stay closed" in s for s in said(briefing, "Jana Novak"))


def test_an_interviewee_credited_by_the_headline_answers(briefing):
    statements = said(briefing, "Lina Barakat")
    assert any("joint commission on the crossings" in s for s in statements), statements


def _questions(briefing: dict) -> list[str]:
    return [q["text"] for q in briefing["open_questions"]]


def test_a_side_s_own_condition_is_its_position_not_an_open_question(briefing):
    assert any("unless the troops leave" in s for s in said(briefing, "Yusuf Kamara"))
    assert not any("unless the troops leave" in q for q in _questions(briefing))


def test_a_condition_on_the_outcome_stays_an_open_question(briefing):
    assert any("truce will not last unless" in q for q in _questions(briefing))


def test_a_question_answered_at_once_is_not_open_but_an_unanswered_one_is(briefing):
    questions = _questions(briefing)
    assert not any("end the dispute over the islands" in q for q in questions)
    assert any("survive the winter" in q for q in questions)


def test_an_unclear_toll_is_no_open_question_about_the_talks(briefing):
    assert not any("death toll" in q for q in _questions(briefing))


def test_an_opening_phrase_the_parser_hung_on_the_verb_is_not_what_was_said(briefing):
    statements = said(briefing, "Rui Costa")
    assert any("talks would resume in May" in s for s in statements)
    assert not any("radio station" in s for s in statements), statements


def test_an_unspecified_date_is_an_open_question():
    result = briefer("extract", "-", "--format", "json", stdin=(
        "Lake talks end\n\nThe mediators said both delegations would return for a further round but did not "
        "specify an exact date.\n"))
    assert result.returncode == 0, result.stderr
    assert any("exact date" in q["text"] for q in json.loads(result.stdout)["open_questions"])


def test_plain_questions_after_an_intro_that_names_who_answers_are_an_interview(briefing):
    questions = _questions(briefing)
    assert not any("monitors deploy" in q or "worried that the truce" in q for q in questions), questions
    assert any("stronger than the last" in s for s in said(briefing, "Amina Sow"))


def test_questions_after_a_minister_spoke_to_reporters_stay_the_report_s(briefing):
    assert any("corridor reopen" in q for q in _questions(briefing))
    assert not said(briefing, "Hakan Yilmaz")
