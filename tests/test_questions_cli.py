"""Open questions end to end through `briefer extract`: what an analyst keeps, and what never reaches the brief."""

from __future__ import annotations

import json

import pytest
from in_process import briefer as run

FEATURE = "\n".join([
    "Border Talks Resume in Lakeside City",
    "Table of Contents",
    "- Will the Truce Hold Through the Winter?",
    "- What Is on the Agenda?",
    "Will the Truce Hold Through the Winter?",
    "Negotiators from both sides met on Monday in the old customs house. Whether the rebels will hand over their "
    "heavy weapons remains uncertain, and no date has been set for a second round.",
    "The talks come amid a wave of arrests, despite doubts about the army's willingness to withdraw from the border "
    "villages.",
    "What Is on the Agenda?",
    "Prisoner exchanges, the ceasefire line and the return of displaced families.",
    "Why Lakeside? The city sits halfway between the two capitals.",
    "Side | Will it sign? |",
    "Army | Yes |",
    "Frequently Asked Questions",
    "Who leads the rebel delegation?",
    "A veteran commander who signed the last truce.",
    "Radio Lakeside: Will the talks succeed this time?",
    "Dr. Amal Farouk: They might, if the mediators keep both sides at the table.",
    "What do you think? Share your thoughts in the comments below.",
    "You may also like",
    "Leave a Comment",
])

WIRE = "\n".join([
    "Lakeside talks end first day",
    "Delegations ended the first day of talks in the lakeside city on Monday. Will the truce hold through the "
    "winter? Mediators said they hoped so.",
])


def extract(folder, **articles: str) -> dict:
    """`briefer extract --format json` of a folder holding the articles (file stem -> text)."""
    for stem, text in articles.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    result = run("extract", "--format", "json", str(folder))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def briefing(tmp_path_factory) -> dict:
    return extract(tmp_path_factory.mktemp("articles"), feature=FEATURE, wire=WIRE)


def _texts(briefing: dict) -> list[str]:
    return [q["text"] for q in briefing["open_questions"]]


def test_open_questions_are_the_ones_an_analyst_keeps(briefing):
    assert sorted(_texts(briefing)) == sorted([
        "Will the Truce Hold Through the Winter?",
        "Whether the rebels will hand over their heavy weapons remains uncertain",
        "no date has been set for a second round",
        "doubts about the army's willingness to withdraw from the border villages",
    ])


def test_the_same_question_in_two_articles_is_one_entry_with_two_sources(briefing):
    truce = next(q for q in briefing["open_questions"] if q["text"].startswith("Will the Truce"))
    assert truce["kind"] == "explicit"
    assert truce["source_count"] == 2
    assert {e["source"] for e in truce["evidence"]} == {"feature", "wire"}


def test_uncertainty_items_say_what_is_uncertain(briefing):
    kinds = {q["text"][:20]: q["kind"] for q in briefing["open_questions"]}
    assert kinds["Whether the rebels w"] == "uncertainty"
    assert kinds["doubts about the arm"] == "uncertainty"


def test_page_furniture_and_reader_bait_never_reach_the_briefing(briefing):
    dumped = json.dumps(briefing).lower()
    for furniture in ("leave a comment", "you may also like", "share your thoughts", "what do you think",
                      "table of contents"):
        assert furniture not in dumped, furniture


# Wire copy that states what is not known yet, beside a no-comment and a past episode told as narrative.
PENDING = "\n".join([
    "Lakeside ceasefire text goes to both capitals",
    "LAKESIDE, June 4 (Test Wire) - Negotiators initialled a ceasefire text on Tuesday after nine hours of talks. "
    "Details of the text were not immediately known. The rebel command did not immediately respond. The interior "
    "ministry did not immediately respond to a request for comment.",
    "There was no agreement as yet on the return of the displaced, and the accord still has to be ratified by "
    "parliament. The two sides agreed in principle on a buffer zone but still differ on its width.",
    "In the first round, the rebels had not given any response to the mediators' map, and the talks broke up.",
])


@pytest.fixture(scope="module")
def pending(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("pending")
    (folder / "pending.txt").write_text(PENDING, encoding="utf-8")
    result = run("extract", "--format", "json", str(folder))
    assert result.returncode == 0, result.stderr
    return _texts(json.loads(result.stdout))


def test_what_a_wire_says_is_not_known_yet_is_an_open_question(pending):
    joined = " | ".join(pending)
    for stated in ("were not immediately known", "rebel command did not immediately respond",
                   "no agreement as yet on the return of the displaced", "still has to be ratified by parliament",
                   "agreed in principle on a buffer zone but still differ on its width"):
        assert stated in joined, stated


def test_a_no_comment_and_a_past_episode_are_no_open_questions(pending):
    joined = " | ".join(pending)
    assert "request for comment" not in joined
    assert "had not given any response" not in joined


# Wire copy where the sides report how far the talks have got, an analyst says the same, and a minister voices doubt.
SIDES = "\n".join([
    "Delta water talks pause after second day",
    "DELTA CITY, May 9 (Test Wire) - Talks between the two river states paused on Wednesday amid growing concern "
    "the negotiations will ultimately fail.",
    "Upper state spokesman Tomas Reyes told reporters that the delegations had met twice, but that a final text had "
    "not yet been agreed.",
    'Lower state minister Ines Varga said: "We came with new maps. A deal on the dams has not yet been reached."',
    "Ahead of the talks, Varga voiced scepticism over the upper state's sincerity.",
    "Paul Imre, a hydrologist at the Delta Policy Institute, said a deal has not yet been reached because the flow "
    "data are disputed.",
])


@pytest.fixture(scope="module")
def sides(tmp_path_factory) -> dict:
    return extract(tmp_path_factory.mktemp("sides"), sides=SIDES)


def test_what_a_side_reports_of_the_talks_is_its_position_not_an_open_question(sides):
    questions = " | ".join(_texts(sides))
    statements = {p["statement"]: p["speaker"]["name"] for p in sides["positions"]}
    for reported, speaker in (("a final text had not yet been agreed", "Tomas Reyes"),
                              ("A deal on the dams has not yet been reached", "Ines Varga"),
                              ("scepticism over the upper state's sincerity", "Ines Varga")):
        assert reported not in questions, reported
        assert any(reported in s and who == speaker for s, who in statements.items()), reported


def test_an_analysts_not_yet_and_a_fear_for_the_talks_stay_open_questions(sides):
    questions = " | ".join(_texts(sides))
    assert "a deal has not yet been reached because the flow data are disputed" in questions
    assert "concern the negotiations will ultimately fail" in questions
