"""Parts of the bottom line on hand-built model items: what a meeting is for, and how a speaker is labelled."""

from __future__ import annotations

from briefer.model import Evidence, Position, Speaker, Talks, Venue
from briefer.render.bottomline import Rounds, positions_sentence, purpose, speaker_label

PARTIES = {"Serbia": "Serbia", "Serbian": "Serbia", "Kosovo": "Kosovo", "Iranian": "Iran", "Iran": "Iran"}


def _venue(*sentences: str) -> Venue:
    return Venue(name="Brussels", talks="t", evidence=[Evidence(source="a", sentence=s, start=0, end=5, rule="r")
                                                       for s in sentences])


def test_a_purpose_is_read_from_a_sentence_on_the_tracks_own_parties_or_on_none():
    talks = Talks(id="t", title="Kosovo–Serbia talks in Brussels", parties=["Kosovo", "Serbia", "Iran"])
    other = "Iranian and European envoys will gather in Brussels to discuss sanctions relief."
    own = "Serbian and Kosovo negotiators met in Brussels to discuss licence plates."
    none = "Negotiators met in Brussels to review the energy roadmap."
    assert purpose(Rounds([_venue(other, own)], [], [], []), talks, PARTIES.get) == "to discuss licence plates"
    assert purpose(Rounds([_venue(other, none)], [], [], []), talks, PARTIES.get) == "to review the energy roadmap"
    assert purpose(Rounds([_venue(other)], [], [], []), talks, PARTIES.get) == ""


def test_an_analyst_is_labelled_by_their_role_an_official_by_their_party():
    analyst = Position(speaker=Speaker(name="Jane Roe", role="political analyst", party="Serbia"), kind="analyst",
                       statement="the talks will stall")
    unnamed = Position(speaker=Speaker(name="John Doe"), kind="analyst", statement="the talks will stall")
    official = Position(speaker=Speaker(name="Ana Brnabic", role="Prime Minister", party="Serbia"),
                        statement="we are ready")
    assert speaker_label(analyst) == "Jane Roe (political analyst)"
    assert speaker_label(unnamed) == "John Doe (analyst)"
    assert speaker_label(official) == "Ana Brnabic (Serbia)"


def test_a_statement_that_names_its_own_speaker_is_the_report_not_the_statement():
    talks = Talks(id="t", title="Kosovo–Serbia talks in Brussels", parties=["Kosovo", "Serbia"])
    evidence = [Evidence(source="a", sentence="s", start=0, end=1, rule="r")]
    report = Position(talks="t", speaker=Speaker(name="Jane Roe", party="Serbia"), evidence=evidence,
                      statement="Serbian Prime Minister Jane Roe also tried to lower expectations")
    said = Position(talks="t", speaker=Speaker(name="Albin Kurti", party="Kosovo"), evidence=evidence,
                    statement="the agreement must be implemented in full")
    sentence = positions_sentence(talks, {"positions": [report, said]}, {"a": 1})
    assert sentence is not None and "Jane Roe" not in sentence.text and "Albin Kurti (Kosovo)" in sentence.text


def test_the_statements_shown_are_those_of_the_first_two_sides_the_title_names():
    talks = Talks(id="t", title="Israel talks with United States, Qatar and Hamas in Cairo",
                  parties=["Israel", "United States", "Qatar", "Hamas"])
    evidence = [Evidence(source="a", sentence="s", start=0, end=1, rule="r")]

    def stated(name: str, party: str, statement: str) -> Position:
        return Position(talks="t", speaker=Speaker(name=name, party=party), evidence=evidence, statement=statement)

    positions = [stated("Hamas", "Hamas", "it is ready to accept a phased truce"),
                 stated("Jane Roe", "Israel", "the gaps between the delegations remain wide"),
                 stated("John Doe", "United States", "a deal is possible before the holidays")]
    sentence = positions_sentence(talks, {"positions": positions}, {"a": 1})
    assert sentence is not None and "Jane Roe (Israel)" in sentence.text and "John Doe (United States)" in sentence.text


def test_the_sides_named_at_a_meeting_of_many_parties_are_among_those_at_its_event():
    from briefer.model import Delegation, Person
    from briefer.render.bottomline import meeting_sentence

    talks = Talks(id="t", title="Sahel Recovery Conference in Oslo", multilateral=True, status="held",
                  parties=["France", "Germany"], venues=["Oslo, Norway"])
    evidence = [Evidence(source="a", sentence="s", start=0, end=1, rule="r")]
    sides = [Delegation(party=party, talks="t", leader=Person(name=name), evidence=evidence)
             for party, name in (("France", "Jean Dupont"), ("Germany", "Anna Weber"))]
    sentence = meeting_sentence(talks, {"delegations": sides, "venues": []}, {"a": 1}, {})
    assert sentence.text.startswith("France (led by Jean Dupont) and Germany (led by Anna Weber) were among those at "
                                    "the Sahel Recovery Conference in Oslo")
