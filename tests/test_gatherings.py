"""A meeting of many parties is titled by its event ("Sahel Recovery Conference in Oslo") or as multilateral talks,
never by the two parties a report names most (extract + resolve on short passages written for the test)."""

from __future__ import annotations

CONFERENCE = (
    "Donors gather in Oslo\n"
    "Leaders and ministers from more than forty countries met in Oslo on Monday for the Sahel Recovery "
    "Conference, hosted by Norway.\n"
    "French President Jean Dupont and German Chancellor Anna Weber led their delegations and left before the "
    "closing session.\n"
    "The French delegation also included Foreign Minister Paul Martin.\n"
)
UNNAMED = (
    "Treaty talks open in Vienna\n"
    "Delegations from dozens of states met in Vienna on Tuesday for a new round of talks on the draft treaty.\n"
    "The Brazilian delegation was led by Ambassador Carla Souza, and the Indian delegation by Ambassador Ravi "
    "Menon.\n"
)
BILATERAL = (
    "Border talks in Washington\n"
    "Armenian and Azerbaijani delegations met in Washington on Monday to work on a peace treaty.\n"
    "The Armenian delegation was led by Foreign Minister Ararat Mirzoyan.\n"
)


def only_track(resolved):
    (talks,) = [t for t in resolved.talks if t.id != "other"]
    return talks


def test_a_conference_of_many_countries_is_titled_by_its_event_not_by_two_of_them(resolve_texts):
    talks = only_track(resolve_texts(conference=CONFERENCE))
    assert talks.title == "Sahel Recovery Conference in Oslo" and talks.multilateral
    assert talks.id == "sahel-recovery-conference-oslo"
    assert {"France", "Germany"} <= set(talks.parties)  # the parties are still listed


def test_many_parties_with_no_event_named_are_multilateral_talks(resolve_texts):
    talks = only_track(resolve_texts(unnamed=UNNAMED))
    assert talks.title == "Multilateral talks in Vienna"


def test_two_sides_keep_a_title_that_names_them(resolve_texts):
    assert only_track(resolve_texts(bilateral=BILATERAL)).title == "Armenia–Azerbaijan talks in Washington"
