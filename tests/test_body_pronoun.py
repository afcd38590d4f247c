""""It said" in the language of news: a ministry, government or group that spoke just before speaks again; an
"it" after a person, or with nobody before it, names no speaker."""

from __future__ import annotations

import pytest
from in_process import extract_json

# Made-up copy in the language of news, about no real round of talks.
BODY = "\n\n".join([
    "Ministry sets out border agenda",
    "The Maravian foreign ministry said on Monday that the border commission would meet in Corvale next week.",
    "It added that both delegations had agreed on the order of the sessions.",
    "“We expect the survey of the river to be finished this year,” it said in a statement.",
])

PERSON = "\n\n".join([
    "Envoy upbeat on river survey",
    "Tessel envoy Ines Varga said the survey teams had finished the first stretch of the river.",
    "It said the joint patrols would start once the maps were signed.",
])


@pytest.fixture(scope="module")
def briefing(tmp_path_factory) -> dict:
    """The briefing `briefer extract` gives for the two articles above."""
    return extract_json(tmp_path_factory.mktemp("articles"), {"body.txt": BODY, "person.txt": PERSON})


@pytest.mark.parametrize("words", ["agreed on the order of the sessions", "survey of the river to be finished"])
def test_it_is_the_body_that_spoke_just_before(briefing, words):
    speakers = {p["speaker"]["name"] for p in briefing["positions"] if words in p["statement"]}
    assert speakers == {"Maravian foreign ministry"}, briefing["positions"]


def test_it_after_a_person_names_no_speaker(briefing):
    assert not any("joint patrols" in p["statement"] for p in briefing["positions"]), briefing["positions"]
