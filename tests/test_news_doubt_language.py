"""More of the general language of news, end to end through `briefer extract`: open questions stated as low
expectations, voiced doubt or pessimism, steps the sides are yet to take, news still awaited and goals as far away
as ever; and positions whose words are whole and whose speaker is the one quoted ("added in a statement that B" is
B, a leading "Because" stays, a "she said" after "<outlet> quoted X as saying" is X)."""

from __future__ import annotations

import pytest
from in_process import extract_json

# Made-up copy in the language of news, about no real round of talks.
DOUBT = "\n\n".join([
    "Harbour talks open in Corvale",
    "Envoys from Maravia and the Tessel Republic met in Corvale on Monday for a fourth round on the fishing grounds.",
    "Most diplomats in the region do not hold high expectations for the round.",
    "Few in either capital expect a deal on the quotas before the spring.",
    "Fishing unions voiced their pessimism that the fleets would ever share the banks.",
    "A regional envoy expressed doubt that the coast guards would stop the seizures.",
    "The delegations are yet to touch upon the question of the sunken trawler.",
    "There is no word on whether the joint patrols will resume.",
    "After three years of talks, a settlement looked as far away as ever.",
    "The fishermen expect a good season on the southern banks.",
])

SPEECH = "\n\n".join([
    "Corridor talks in Pellin",
    "Maravia's trade minister Oskar Hale met the Tessel negotiator Ines Varga in Pellin on Tuesday.",
    "Hale said the meeting was frank, and added in a statement that the customs posts would open in June.",
    "The Pellin Herald quoted Ines Varga as saying that Tessel would keep its tariffs until the autumn. "
    "She said the corridor was vital for the port.",
    "“Because the lorries waited for days, the farmers lost their harvest,” Hale told reporters.",
])


@pytest.fixture(scope="module")
def briefing(tmp_path_factory) -> dict:
    """The briefing `briefer extract` gives for the two articles above."""
    return extract_json(tmp_path_factory.mktemp("articles"), {"doubt.txt": DOUBT, "speech.txt": SPEECH})


def _questions(briefing: dict) -> list[str]:
    return [q["text"] for q in briefing["open_questions"]]


def _said(briefing: dict, speaker: str) -> list[str]:
    return [p["statement"] for p in briefing["positions"] if p["speaker"]["name"] == speaker]


@pytest.mark.parametrize("words", [
    "do not hold high expectations",
    "Few in either capital expect a deal",
    "voiced their pessimism that the fleets",
    "expressed doubt that the coast guards",
    "are yet to touch upon the question",
    "no word on whether the joint patrols",
    "as far away as ever",
])
def test_stated_doubt_and_low_expectations_are_open_questions(briefing, words):
    assert any(words in q for q in _questions(briefing)), _questions(briefing)


def test_an_ordinary_expectation_is_no_open_question(briefing):
    assert not any("good season" in q for q in _questions(briefing))


def test_a_second_verb_of_saying_gives_only_the_words(briefing):
    statements = _said(briefing, "Oskar Hale")
    assert "the customs posts would open in June" in statements, statements
    assert not any(s.startswith("added") for s in statements)


def test_a_pronoun_after_quoted_as_saying_is_the_person_quoted(briefing):
    assert any("corridor was vital" in s for s in _said(briefing, "Ines Varga")), briefing["positions"]
    assert not any("corridor was vital" in s for s in _said(briefing, "Oskar Hale"))


def test_a_statement_that_opens_with_because_keeps_it(briefing):
    assert any(s.startswith("Because the lorries waited") for s in _said(briefing, "Oskar Hale"))
