"""Venues in resolve, on hand-built facts: a place named for a time gone by gives way to the article's own venue, a
dateline stands in only for an article that names no venue, and a country named only as the host is its town."""

from __future__ import annotations

import pytest

from briefer.extract import ArticleFacts
from briefer.model import Article, Evidence, Fact
from briefer.resolve import resolve
from briefer.resolve.venues import FALLBACK_PRIORITY, named_for_the_past


@pytest.fixture(scope="module")
def lexicon(knowledge):
    return knowledge.lexicon


def _venue(start: int, sentence: str, name: str, priority: int = 8) -> Fact:
    return Fact(section="venues", fields={"name": name, "priority": priority},
                evidence=Evidence(source="a", sentence=sentence, start=start, end=start + len(sentence), rule="test"))


def _venues(lexicon, *facts: Fact, published: str | None = None) -> list[tuple[str, int]]:
    text = ""
    for fact in facts:
        text = text.ljust(fact.evidence.start) + fact.evidence.sentence
    article = Article(id="a", text=text, published=published, dated_by="url" if published else None)
    return [(v.name, len(v.evidence)) for v in resolve([ArticleFacts(article=article, facts=list(facts))],
                                                       lexicon).venues]


def test_a_place_named_for_a_time_gone_by_gives_way_to_the_articles_own_venue(lexicon):
    now = _venue(0, "Talks on the border resumed in Lisbon on Monday.", "Lisbon")
    before = _venue(60, "They follow a first round held in Accra three weeks ago.", "Accra")
    assert _venues(lexicon, now, before) == [("Lisbon", 1)]
    assert _venues(lexicon, before) == [("Accra", 1)]  # the only place the article gives stays


def test_a_year_is_gone_by_only_when_it_is_before_the_articles():
    sentence = "The deal reached at talks in Lisbon in May 2019 still holds."
    assert named_for_the_past("Lisbon", sentence, 2023)
    assert not named_for_the_past("Lisbon", sentence, 2019)
    assert not named_for_the_past("Lisbon", sentence, None)
    assert named_for_the_past("Lisbon", "The accord was signed in Lisbon last month.", None)
    assert not named_for_the_past("Lisbon", "The envoys will meet in Lisbon next week.", None)


def test_a_dateline_is_the_venue_only_of_an_article_that_names_none(lexicon):
    lead = "Accra — The two delegations resumed talks on Monday."
    dateline = _venue(0, lead, "Accra", priority=FALLBACK_PRIORITY)
    assert _venues(lexicon, dateline) == [("Accra", 1)]
    assert _venues(lexicon, dateline, _venue(60, "They met in Lome.", "Lome")) == [("Lome", 1)]
    country = _venue(0, "Ghana — The two delegations resumed talks on Monday.", "Ghana", priority=FALLBACK_PRIORITY)
    assert _venues(lexicon, country) == []  # a dateline stands in for a venue only when it names a town


def test_a_country_named_only_as_the_host_is_the_town_the_talks_are_held_in(lexicon):
    host = _venue(0, "The meeting, hosted by Ghana, opened on Monday.", "Ghana")
    town = _venue(60, "The talks in Accra lasted six hours.", "Accra")
    assert _venues(lexicon, host, town) == [("Accra", 2)]
    named = _venue(0, "The talks in Ghana, hosted by the government, went on.", "Ghana")
    assert sorted(_venues(lexicon, named, town)) == [("Accra", 1), ("Ghana", 1)]


def test_a_country_its_articles_call_only_by_a_former_name_is_shown_by_it(lexicon):
    from briefer.resolve.naming import shown_names

    old_name = ["Talks between Macedonia and Greece resumed.", "Macedonia's envoy said the Macedonian side agreed."]
    assert shown_names(["North Macedonia", "Greece"], old_name, lexicon) == {"North Macedonia": "Macedonia"}
    assert shown_names(["North Macedonia"], ["North Macedonia, once Macedonia, agreed."], lexicon) == {}
    assert shown_names(["North Macedonia"], ["Skopje and Athens agreed."], lexicon) == {}
    acronym = ["FYROM and Greece met. FYROM's envoy said FYROM, or Macedonia, would agree."]
    assert shown_names(["North Macedonia"], acronym, lexicon) == {"North Macedonia": "Macedonia"}  # the usual one
    assert shown_names(["European Union"], ["The EU envoy arrived."], lexicon) == {}  # an alias is no former name


def test_an_armed_group_is_shown_by_the_name_its_articles_write_most(lexicon):
    from briefer.resolve.naming import shown_names

    acronym = ["The Barisan Revolusi Nasional (BRN) met Thai officials.", "BRN negotiators said BRN wants autonomy."]
    assert shown_names(["Barisan Revolusi Nasional", "Thailand"], acronym, lexicon) == {
        "Barisan Revolusi Nasional": "BRN"}
    spelt_out = ["The MILF met the panel. The Moro Islamic Liberation Front said the Moro Islamic Liberation Front"
                 " would sign."]
    assert shown_names(["Moro Islamic Liberation Front"], spelt_out, lexicon) == {}  # its own name is written most
    assert shown_names(["Moro Islamic Liberation Front"], ["The MILF met. The Moro Islamic Liberation Front said."],
                       lexicon) == {}  # a tie keeps the gazetteer's name
    assert shown_names(["European Union"], ["The EU envoy met the EU's partners."], lexicon) == {}  # no armed group
    inside = ["The Polisario Front envoy met Polisario Front lawyers; Polisario said no."]
    assert shown_names(["Polisario Front"], inside, lexicon) == {}  # a short name inside the full one is not counted
    territory = ["On Western Sahara the Polisario Front said Western Sahara must vote on Western Sahara's future."]
    assert shown_names(["Polisario Front"], territory, lexicon) == {}  # an alias naming a territory is no short name


def test_a_brief_names_the_rebel_side_as_its_report_does(resolve_texts):
    briefing = resolve_texts(talks="""Rebels and Manila resume talks in Oslo

OSLO - The Philippine government panel, led by Labor Secretary Ramon Cruz, met the National Democratic Front \
delegation on Tuesday. The NDF panel was headed by Marco Reyes, the NDF's chief negotiator.

"The NDF is ready to sign a ceasefire," Reyes said.
""")
    parties = {delegation.party for delegation in briefing.delegations}
    assert "NDF" in parties and "National Democratic Front of the Philippines" not in parties
