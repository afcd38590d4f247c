"""Key terms of a track: generic words stripped, terms about the coverage, a place or the clock left out
(render/keyterms.py with the built-in gazetteer keyterms.yml)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefer.model import Briefing, Delegation, Evidence, Person, Position, Speaker, Talks, Venue
from briefer.render.keyterms import Stops, key_terms, topic, track_text


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


def test_a_known_persons_name_is_no_topic(stops, knowledge):
    assert topic("zelensky", set(), stops, knowledge.lexicon) is None
    assert topic("zelensky peace plan", set(), stops, knowledge.lexicon) is None


def test_the_text_ranked_is_what_the_sides_say_and_the_clauses_that_name_who_met_where():
    """An opinion piece's colour around the meeting ("..., but it was no conquest of Everest") is not read."""
    def evidence(sentence: str) -> list[Evidence]:
        return [Evidence(source="a", sentence=sentence, start=0, end=1, rule="r")]

    venue_sentence = ("The summit at Lakeside with leaders from forty countries was a modest affair, but it was no "
                      "conquest of Everest and no peace signing at Versailles.")
    delegation_sentence = "Chancellor Anna Weber left early as she preferred a fundraiser in her home town."
    briefing = Briefing(
        generated_at=datetime(2026, 6, 20, tzinfo=UTC), date="2026-06-20",
        talks=[Talks(id="t", title="Lakeside summit")],
        venues=[Venue(name="Lakeside", talks="t", evidence=evidence(venue_sentence))],
        delegations=[Delegation(party="Germany", talks="t", leader=Person(name="Anna Weber"),
                                evidence=evidence(delegation_sentence))],
        positions=[Position(talks="t", speaker=Speaker(name="Anna Weber"), evidence=evidence("s"),
                            statement="a ceasefire monitoring mission must come first")])
    text = track_text(briefing, briefing.talks[0])
    assert "ceasefire monitoring mission" in text and "leaders from forty countries" in text
    assert "Everest" not in text and "Versailles" not in text and "fundraiser" not in text


def test_a_single_word_is_a_topic_only_when_the_text_uses_it_again(nlp, knowledge):
    talks = Talks(id="t", title="Lakeside talks")
    briefing = Briefing(generated_at=datetime(2026, 6, 20, tzinfo=UTC), date="2026-06-20", talks=[talks])
    text = ("The rebels asked for sanctions relief before any ceasefire.\n"
            "The envoy said the summit was a bit of both, a hotel at 1,128 meters.\n"
            "Sanctions will stay until the ceasefire holds.")
    terms = key_terms(briefing, knowledge.lexicon, [(talks, nlp(text))])["t"]
    assert "ceasefire" in terms
    assert "bit" not in terms and "meters" not in terms


@pytest.mark.parametrize("term", [
    "cold war times",  # a term ending in a time noun says when
    "earlier rounds",  # a term opening with a word of sequence says which meeting
    "previous negotiations",
    "world war iii",  # a numbered event
    "extra mile",  # a figure of speech
    "discreet location",
])
def test_a_term_saying_when_which_meeting_or_in_a_figure_of_speech_is_no_topic(term, stops, knowledge):
    assert topic(term, set(), stops, knowledge.lexicon) is None


def test_a_statement_opening_with_its_verb_gives_no_verb_noun_term(nlp, knowledge):
    talks = Talks(id="t", title="Lakeside talks")
    briefing = Briefing(
        generated_at=datetime(2026, 6, 20, tzinfo=UTC), date="2026-06-20", talks=[talks],
        positions=[Position(talks="t", speaker=Speaker(name="The ministry"), statement=s,
                            evidence=[Evidence(source="a", sentence=s, start=0, end=1, rule="r")]) for s in (
            "It is crucial to avoiding World War III",  # no full stop: the next statement reads on from it
            "views sanctions as an unlawful burden on grain exports",
            "wants sanctions relief and grain exports restored",
            "says sanctions relief must come before grain exports resume")])
    terms = key_terms(briefing, knowledge.lexicon, [(talks, nlp(track_text(briefing, talks)))])["t"]
    assert "sanctions relief" in terms
    assert not any(term.startswith(("views ", "wants ", "says ")) for term in terms), terms
