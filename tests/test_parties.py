"""Parties the gazetteer knows beyond the development articles: non-state sides named by their short names,
and countries named by their capitals."""

from __future__ import annotations

import pytest

from briefer.model import Article


@pytest.mark.parametrize(("written", "party"), [
    ("MILF", "Moro Islamic Liberation Front"),
    ("the Arakan Army", "Arakan Army"),
    ("Renamo", "Renamo"),
    ("Port Moresby", "Papua New Guinea"),
    ("Mercosur", "Mercosur"),
    ("Equatorial Guinea", "Equatorial Guinea"),
])
def test_parties_are_known_by_the_names_news_uses(knowledge, written, party):
    assert knowledge.lexicon.party_of(written) == party


@pytest.mark.parametrize("name", ["Ola", "Jem", "Moroni", "Nassau", "Male", "Victoria", "Kingston"])
def test_a_given_name_or_common_place_is_no_party(knowledge, name):
    assert knowledge.lexicon.party_of(name) is None  # aliases fold case: "OLA" would take "Ola Berg"


def test_a_non_state_side_named_by_its_short_name_gets_its_delegation(resolve_article):
    text = ("The MILF delegation, led by its peace panel chairman Omar Sulaiman, met government negotiators in "
            "Kuala Lumpur on Tuesday.\n")
    article = Article(id="report", text=text, title="Peace panels meet", published="2025-02-04", dated_by="metadata")
    resolved = resolve_article(article)
    side = next(d for d in resolved.delegations if d.party == "MILF")  # the name the article writes
    assert side.leader is not None and side.leader.name == "Omar Sulaiman"


@pytest.mark.parametrize(("role", "party"), [
    ("LISBON U.S. Secretary of State", "United States"),
    ("ACCRA Kenyan Foreign Minister", "Kenya"),
    ("Kenyan Foreign Minister", "Kenya"),
    ("UN envoy", "United Nations"),
])
def test_a_wire_dateline_a_role_runs_on_from_is_not_its_party(knowledge, role, party):
    from briefer.extract.roster import role_party

    assert role_party(role, "Jane Roe", knowledge.lexicon) == party


@pytest.mark.parametrize(("side", "party"), [
    ("the Doha-based Taliban negotiating team", "Afghanistan"),
    ("the delegation of armed groups based in northern Kenya", None),
    ("the delegation from Kenya", "Kenya"),
])
def test_where_a_side_is_based_names_no_party(knowledge, side, party):
    from briefer.extract.roster import side_party

    assert side_party(side, knowledge.lexicon) == party
