"""Key terms of a track: generic words stripped, terms about the coverage, a place or the clock left out
(render/keyterms.py with the built-in gazetteer keyterms.yml)."""

from __future__ import annotations

import pytest

from briefer.render.keyterms import Stops, topic


@pytest.fixture(scope="module")
def stops(knowledge):
    return Stops.from_lexicon(knowledge.lexicon)


@pytest.mark.parametrize(("term", "shown"), [
    ("ongoing border dispute", "border dispute"),
    ("latest truce proposal", "truce proposal"),
    ("prisoner exchange talks", "prisoner exchange"),
    ("ongoing geopolitical tensions", None),  # nothing left once the stock words go
    ("fractious meeting", None),  # a modifier left alone
    ("social media company", None),  # the coverage
    ("reuters report", None),
    ("pm local time", None),  # the clock
    ("middle east", None),  # a region names where, not what
    ("eastern europe", None),
    ("georgetown university", None),  # a commentator's affiliation
    ("policy institute", None),
    ("case scenario", None),  # the tail of "worst-case scenario"
    ("ripple effects", None),
    ("ceasefire monitoring", "ceasefire monitoring"),
])
def test_a_term_keeps_what_the_talks_are_about(term, shown, stops, knowledge):
    assert topic(term, set(), stops, knowledge.lexicon) == shown


def test_a_term_naming_the_tracks_people_or_parties_is_no_topic(stops, knowledge):
    assert topic("umerov proposal", {"umerov"}, stops, knowledge.lexicon) is None
    assert topic("ukrainian grain exports", set(), stops, knowledge.lexicon) is None
