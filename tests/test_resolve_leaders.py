"""Who heads each side, on hand-built delegation facts: a lone named person leads, a roster without head wording
has no leader, and a second head the text gives stays on the side. No parse: the facts are what extraction would
hand over."""

from __future__ import annotations

import pytest

from briefer.extract import ArticleFacts
from briefer.model import Article, Evidence, Fact, Mention
from briefer.resolve import resolve


@pytest.fixture(scope="module")
def lexicon(knowledge):
    return knowledge.lexicon


def _fact(start: int, sentence: str, priority: int = 5, **fields) -> Fact:
    return Fact(section="delegations", fields={**fields, "priority": priority},
                evidence=Evidence(source="a", sentence=sentence, start=start, end=start + len(sentence), rule="test"))


def _seated(facts: list[Fact], lexicon) -> dict[str, tuple]:
    text = ""
    for fact in sorted(facts, key=lambda f: f.evidence.start):
        text = text.ljust(fact.evidence.start) + fact.evidence.sentence
    found = resolve([ArticleFacts(article=Article(id="a", text=text), facts=facts)], lexicon).delegations
    return {d.party: (d.leader.name if d.leader else None, sorted(m.name for m in d.members)) for d in found}


def _person(name: str, role: str, party: str) -> Mention:
    return Mention(name=name, role=role, party=party)


def test_the_one_person_named_for_a_side_leads_it(lexicon):
    found = _seated([_fact(0, "Estonian Trade Minister Jaan Kask spoke at the session.",
                           members=_person("Jaan Kask", "Estonian Trade Minister", "Estonia"))], lexicon)
    assert found == {"Estonia": ("Jaan Kask", [])}


def test_several_people_and_no_head_wording_leave_the_side_without_a_leader(lexicon):
    found = _seated([
        _fact(0, "The Estonian team included Trade Minister Jaan Kask.",
              members=_person("Jaan Kask", "Trade Minister", "Estonia")),
        _fact(60, "Deputy Trade Minister Kadri Tamm also attended.",
              members=_person("Kadri Tamm", "Deputy Trade Minister", "Estonia")),
    ], lexicon)
    assert found == {"Estonia": (None, ["Jaan Kask", "Kadri Tamm"])}


def test_a_second_head_the_text_gives_is_kept_as_a_member_and_the_clash_noted(lexicon):
    facts = [
        _fact(0, "The Estonian delegation was led by Jaan Kask.", priority=10,
              party="Estonia", leader=_person("Jaan Kask", "", "Estonia")),
        _fact(60, "The minister met his Estonian counterpart Kadri Tamm.", priority=5,
              leader=_person("Kadri Tamm", "Estonian counterpart", "Estonia")),
    ]
    text = "".join(f.evidence.sentence.ljust(60) for f in facts)
    found = resolve([ArticleFacts(article=Article(id="a", text=text), facts=facts)], lexicon).delegations
    estonia = next(d for d in found if d.party == "Estonia")
    assert estonia.leader.name == "Jaan Kask"
    assert [m.name for m in estonia.members] == ["Kadri Tamm"]
    assert [(c.field, c.values) for c in estonia.conflicts] == [("leader", ["Jaan Kask", "Kadri Tamm"])]


def test_a_side_named_only_as_the_rebels_is_the_armed_group_the_article_names(lexicon):
    sentence = "The rebel delegation was led by Jean Kito."
    text = "Talks between the government and the M23 rebels opened in Doha. M23 said it was ready. " + sentence
    facts = [_fact(text.index(sentence), sentence, priority=10, party="rebels",
                   leader=_person("Jean Kito", "", None))]
    found = resolve([ArticleFacts(article=Article(id="a", text=text), facts=facts)], lexicon).delegations
    assert [(d.party, d.leader.name) for d in found] == [("M23", "Jean Kito")]


def test_a_rebel_side_in_an_article_that_names_no_armed_group_is_no_side(lexicon):
    sentence = "The rebel delegation was led by Jean Kito."
    facts = [_fact(0, sentence, priority=10, party="rebels", leader=_person("Jean Kito", "", None))]
    found = resolve([ArticleFacts(article=Article(id="a", text=sentence), facts=facts)], lexicon).delegations
    assert all(d.party != "rebels" for d in found)


def test_a_rebel_head_in_an_article_that_names_no_armed_group_joins_no_other_side(lexicon):
    found = _seated([
        _fact(0, "The Syrian government delegation arrived in Geneva.", priority=1, party="Syria"),
        _fact(60, "Rebel delegation chief Omar Saleh said the talks were hard.", party="",
              leader=_person("Omar Saleh", "rebel delegation chief", None)),
    ], lexicon)
    assert found == {"Syria": (None, [])}


def test_an_unnamed_side_before_any_is_named_is_the_one_party_the_headline_names(lexicon):
    headline, sentence = "Estonia names its team for border talks\n\n", "The delegation will be led by Jaan Kask."
    facts = [_fact(len(headline), sentence, priority=10, party=None, leader=_person("Jaan Kask", "", None))]
    text = headline + sentence
    found = resolve([ArticleFacts(article=Article(id="a", text=text), facts=facts)], lexicon).delegations
    assert [(d.party, d.leader.name) for d in found] == [("Estonia", "Jaan Kask")]


def test_an_unnamed_side_under_a_headline_of_two_parties_stays_unplaced(lexicon):
    headline, sentence = "Estonia and Latvia open border talks\n\n", "The delegation will be led by Jaan Kask."
    facts = [_fact(len(headline), sentence, priority=10, party=None, leader=_person("Jaan Kask", "", None))]
    text = headline + sentence
    assert resolve([ArticleFacts(article=Article(id="a", text=text), facts=facts)], lexicon).delegations == []


def test_an_unnamed_side_under_a_headline_naming_the_party_met_stays_unplaced(lexicon):
    headline, sentence = "Envoys meet Estonia over border talks\n\n", "The delegation will be led by Jaan Kask."
    facts = [_fact(len(headline), sentence, priority=10, party=None, leader=_person("Jaan Kask", "", None))]
    text = headline + sentence
    assert resolve([ArticleFacts(article=Article(id="a", text=text), facts=facts)], lexicon).delegations == []


@pytest.mark.parametrize("said", ["known by the alias Tito Rojas", "alias \"Tito Rojas\"", "also known as Tito Rojas"])
def test_a_head_given_a_nom_de_guerre_goes_by_it(lexicon, said):
    found = _seated([_fact(0, f"The rebel team will be led by Mario Ruiz Blanco, {said}.", priority=10,
                           party="FARC", leader=_person("Mario Ruiz Blanco", "", "FARC"))], lexicon)
    assert found == {"FARC": ("Tito Rojas", [])}


def test_a_head_given_no_alias_keeps_the_name_the_text_gives(lexicon):
    found = _seated([_fact(0, "The rebel team will be led by Mario Ruiz Blanco, known for his patience.",
                           priority=10, party="FARC", leader=_person("Mario Ruiz Blanco", "", "FARC"))], lexicon)
    assert found == {"FARC": ("Mario Ruiz Blanco", [])}


def test_a_principal_named_only_by_office_words_is_nobody(lexicon):
    found = _seated([_fact(0, "The envoy arrived for the meeting between the Foreign Ministries of Chile and Peru.",
                           principal=_person("Ministries", "Foreign of Chile", "Chile"))], lexicon)
    assert found == {}
