"""Delegations and venues from short wire-style passages: rosters, sides, leaders, places (extract + resolve)."""

from __future__ import annotations

import pytest

from briefer.extract import extract_facts
from briefer.model import Article
from briefer.resolve import resolve


@pytest.fixture(scope="module")
def brief(nlp, compiled, knowledge):
    def run(*texts: str):
        articles = [Article(id=f"a{i}", text=text) for i, text in enumerate(texts)]
        facts = [extract_facts(nlp(a.text), a, compiled, knowledge.lexicon) for a in articles]
        return resolve(facts, knowledge.lexicon)

    return run


def delegations(resolved) -> dict[str, tuple]:
    """party -> (leader, {member: role})."""
    return {d.party: (d.leader.name if d.leader else None, {m.name: m.role for m in d.members})
            for d in resolved.delegations}


def venues(resolved) -> list[str]:
    return sorted(v.name for v in resolved.venues)


def test_attendance_roster_gives_each_person_their_own_party_and_role(brief):
    found = delegations(brief(
        "In attendance were Kenyan envoy Grace Wambui, Amina Yusuf, the foreign minister of Somalia, "
        "and Ugandan army chief Moses Oketch."))
    assert found["Kenya"][0] == "Grace Wambui"
    assert found["Somalia"][0] == "Amina Yusuf"
    assert found["Uganda"][0] == "Moses Oketch"


def test_roles_come_from_titles_appositions_and_for_phrases(brief):
    resolved = brief("The Libyan delegation includes Deputy Prime Minister Salem Zaid, Omar Fathi, "
                     "the head of the central bank, and Ali Tarek for the House of Representatives.")
    libya = next(d for d in resolved.delegations if d.party == "Libya")
    roles = {m.name: m.role for m in [*libya.members, *([libya.leader] if libya.leader else [])]}
    assert roles["Salem Zaid"] == "Deputy Prime Minister"
    assert roles["Omar Fathi"] == "head of the central bank"
    assert "House of Representatives" in roles["Ali Tarek"]


def test_a_side_named_without_a_name_is_the_side_named_last(brief):
    found = delegations(brief(
        "The Sudanese delegation arrived in Jeddah on Monday. The team includes army spokesman "
        "Nabil Abdallah and legal adviser Huda Osman."))
    assert set(found["Sudan"][1]) == {"Nabil Abdallah", "Huda Osman"}


def test_people_who_accompany_a_leader_sit_on_the_leader_side(brief):
    found = delegations(brief(
        "Portuguese Prime Minister Ana Lopes flew to Luanda for talks. Lopes was accompanied by "
        "Rui Costa and Paulo Dias."))
    leader, members = found["Portugal"]
    assert leader == "Ana Lopes"
    assert set(members) == {"Rui Costa", "Paulo Dias"}


def test_heads_of_state_who_meet_lead_and_a_roster_without_head_wording_has_no_leader(brief):
    found = delegations(brief(
        "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev met in Abu Dhabi. "
        "The Armenian delegation included Deputy Foreign Minister Vahan Kostanyan and Foreign Minister "
        "Ararat Mirzoyan."))
    assert found["Azerbaijan"][0] == "Ilham Aliyev"
    assert found["Armenia"][0] == "Nikol Pashinyan"
    resolved = brief("The Estonian team included Deputy Trade Minister Kadri Tamm and Trade Minister "
                     "Jaan Kask.")
    assert delegations(resolved)["Estonia"] == (None, {"Kadri Tamm": "Deputy Trade Minister",
                                                       "Jaan Kask": "Trade Minister"})


def test_a_delegation_of_one_person_is_led_by_that_person(brief):
    found = delegations(brief("Turkish intelligence chief Ibrahim Kalin was also present."))
    assert found["Turkey"] == ("Ibrahim Kalin", {})


def test_an_unnamed_government_side_belongs_to_the_article_country(brief):
    found = delegations(brief(
        "The Colombian government and the rebels resumed talks. On the side of the government, "
        "senator Maria Pizarro and general Orlando Romero."))
    assert set(found["Colombia"][1]) | {found["Colombia"][0]} >= {"Maria Pizarro", "Orlando Romero"}


def test_names_that_describe_someone_else_are_no_members(brief):
    found = delegations(brief(
        "The delegation was led by Sumbu Mambu, a senior adviser to President Felix Tshisekedi of DR Congo. "
        "Representatives of opposition leader Juan Ruiz arrived in Lima."))
    people = {name for leader, members in found.values() for name in [leader, *members] if name}
    assert "Felix Tshisekedi" not in people and "Juan Ruiz" not in people


def test_an_earlier_meeting_gives_no_delegation_and_no_venue(brief):
    resolved = brief("In 2019, then-President Donald Trump met North Korean leader Kim Jong Un in Hanoi.")
    assert resolved.delegations == [] and resolved.venues == []


def test_venues_keep_cities_apart_from_countries_and_parties_out(brief):
    resolved = brief(
        "The Russia-Ukraine talks resumed in Istanbul on Friday. Delegations met at Dolmabahce Palace in "
        "Istanbul, Turkey. Turkey has offered to host the next round. Talks on the war in Gaza stalled.")
    names = venues(resolved)
    assert "Turkey" in names
    assert not {"Russia", "Ukraine", "Gaza"} & set(names)
    # The city is shown once, with the building that stands in it (issue 17: "Dolmabahce Palace, Istanbul").
    assert [n for n in names if "Istanbul" in n] == ["Dolmabahce Palace, Istanbul"]


def test_a_departure_point_or_dateline_is_no_venue(brief):
    resolved = brief("NAIROBI, Kenya (AP) — The president left Nairobi on Monday and flew to Addis Ababa "
                     "for talks with the prime minister.")
    assert venues(resolved) == ["Addis Ababa"]


def people_of(found: dict[str, tuple]) -> dict[str, set[str]]:
    """party -> everyone seated in it, leader included."""
    return {party: {name for name in [leader, *members] if name} for party, (leader, members) in found.items()}


def test_a_meeting_roster_seats_each_side_named_after_its_people(brief):
    found = people_of(delegations(brief(
        "The four-hour meeting, which ended after midnight, included special envoy Tom Reyes and adviser "
        "Ann Miles on the American side and Foreign Minister Ivan Petrov and Deputy Defence Minister "
        "Oleg Sokolov on the Russian side.")))
    assert found["United States"] == {"Tom Reyes", "Ann Miles"}
    assert found["Russia"] == {"Ivan Petrov", "Oleg Sokolov"}


def test_a_meeting_that_brings_ministers_together_gives_each_their_own_party(brief):
    found = delegations(brief(
        "Iranian Foreign Minister Reza Karimi met European ministers in Oslo. The Oslo meeting brings together "
        "Karimi with French Foreign Minister Paul Girard, German Foreign Minister Lena Vogt, and EU foreign "
        "policy chief Anna Berg."))
    assert {party: leader for party, (leader, _) in found.items()} == {
        "Iran": "Reza Karimi", "France": "Paul Girard", "Germany": "Lena Vogt", "European Union": "Anna Berg"}


def test_an_aide_sits_for_the_head_they_serve_and_an_office_for_the_country_that_names_it(brief):
    found = people_of(delegations(brief(
        "The meeting included Deputy Chief of Staff to the Turkish President Emre Kaya, and Dana Levi, "
        "senior director at Israel's National Security Council.")))
    assert found["Turkey"] == {"Emre Kaya"}
    assert found["Israel"] == {"Dana Levi"}


def test_a_chair_named_by_a_title_with_a_place_in_it_takes_part(brief):
    found = delegations(brief(
        "Two civilian envoys joined the talks chaired by UN Special Coordinator for Lebanon Marta Ruiz on "
        "Wednesday. The talks were mediated, with Omani Foreign Minister Salim Al Harthy bridging the gap."))
    assert found["United Nations"][0] == "Marta Ruiz"
    assert found["Oman"][0] == "Salim Al Harthy"


def test_who_sends_a_delegation_does_not_lead_it(brief):
    found = delegations(brief(
        "Prime Minister Yusuf Adan decided to send a delegation to the talks in Doha. Adan met with the "
        "American envoy Tom Reyes in the capital. The Somali delegation includes army chief Omar Nasser."))
    assert "Yusuf Adan" not in people_of(found).get("Somalia", set())


def test_a_meeting_only_supposed_seats_nobody(brief):
    resolved = brief("Big decisions may wait for a possible meeting between President Ana Lopes of Angola "
                     "and President Rui Costa of Mozambique.")
    assert resolved.delegations == []


def test_a_sentence_opening_on_who_leads_a_side_gives_its_head(brief):
    found = delegations(brief(
        "Talks between the Sudanese government and the rebels resumed in Juba. Leading the 12-member government "
        "delegation, presidential adviser Ali Youssef, urged the rebels to sign."))
    assert found["Sudan"][0] == "Ali Youssef"


def test_roles_listed_before_their_names_pair_up_respectively(brief):
    found = delegations(brief(
        "The Kenyan delegation includes the governors of the Mombasa county, and the Kisumu one, Ali Hassan "
        "and Grace Achieng respectively."))
    roles = found["Kenya"][1] | ({found["Kenya"][0]: ""} if found["Kenya"][0] else {})
    assert "Mombasa" in roles["Ali Hassan"] and "Kisumu" in roles["Grace Achieng"]


def test_people_flying_to_the_talks_venue_join_and_elsewhere_do_not(brief):
    found = people_of(delegations(brief(
        "Talks on the border will be held in Vienna on Monday. The Sahrawi delegation was named on Friday. "
        "Its spokesman Ahmed Salem and Polisario envoy Omar Brahim are flying to Vienna on Sunday. "
        "Moroccan writer Leila Amrani is flying to Paris.")))
    assert found["Polisario"] >= {"Omar Brahim"}  # shown by the name the article writes (resolve/naming.py)
    assert "Leila Amrani" not in set().union(*found.values())


def test_a_government_negotiator_sits_for_the_government_the_article_names(brief):
    found = delegations(brief(
        "Colombian government and rebel negotiators met in Caracas. Government negotiator Vera Grabe and "
        "rebel commander Antonio Garcia will sit down in Caracas to negotiate."))
    assert "Vera Grabe" in people_of(found)["Colombia"]


def test_a_pronoun_roster_joins_the_delegation_its_leader_already_heads(brief):
    found = delegations(brief(
        "The Jordanian delegation is led by Foreign Minister Lina Haddad. She was joined by army chief "
        "Omar Nasser and adviser Dina Farouk."))
    assert found["Jordan"] == ("Lina Haddad", {"Omar Nasser": "army chief", "Dina Farouk": "adviser"})


def test_co_chairs_each_lead_their_own_side(brief):
    found = delegations(brief(
        "The joint commission was co-chaired by Lars Holm, Sweden's deputy foreign minister, and Ana Ruiz, "
        "Deputy Foreign Minister of Chile."))
    assert found["Sweden"][0] == "Lars Holm"
    assert found["Chile"][0] == "Ana Ruiz"


def test_a_title_then_a_courtesy_title_then_the_name(brief):
    found = delegations(brief("The Malaysian delegation was led by Deputy Minister for Foreign Affairs, "
                              "Ms. Aina Rahman, who met officials on Monday."))
    assert found["Malaysia"][0] == "Aina Rahman"


def test_a_counterpart_sits_for_the_country_of_the_demonym(brief):
    found = delegations(brief("Foreign Minister Ana Lopes of Portugal met her Brazilian counterpart Paulo "
                              "Souza in Lisbon on Monday."))
    assert "Paulo Souza" in {found["Brazil"][0], *found["Brazil"][1]}


def test_an_office_after_a_title_gives_the_party(brief):
    found = delegations(brief(
        "The Peruvian side was represented by Rosa Quispe, Joint Secretary, Ministry of Foreign Affairs of "
        "Peru, and Luis Mamani, the defence minister of Peru."))
    people = {found["Peru"][0], *found["Peru"][1]}
    assert {"Rosa Quispe", "Luis Mamani"} <= people


def test_a_semicolon_roster_keeps_every_member(brief):
    found = delegations(brief("The Peruvian delegation consisted of Foreign Minister Rosa Quispe; Defence Minister "
                              "Luis Mamani; and presidential adviser Ana Flores."))
    leader, members = found["Peru"]
    assert {leader, *members} - {None} == {"Rosa Quispe", "Luis Mamani", "Ana Flores"}


def test_the_head_named_after_leading_the_team_is(brief):
    found = delegations(brief("Heading the Chilean team is Foreign Minister Ana Ruiz, who arrived on Sunday."))
    assert found["Chile"][0] == "Ana Ruiz"


def test_a_counterpart_from_a_country_sits_for_it(brief):
    found = delegations(brief("The envoy stood with his counterpart from Brazil, Paulo Souza, reading the draft."))
    assert "Paulo Souza" in {found["Brazil"][0], *found["Brazil"][1]}


def test_a_minister_who_speaks_on_the_talks_sits_for_their_side(brief):
    found = delegations(brief(
        "Talks on the border ended in Vienna. \"We narrowed the gaps,\" said Kenyan Deputy Foreign Minister "
        "Paul Otieno. Chilean Trade Minister Ana Ruiz told reporters the round had been useful."))
    assert found["Kenya"] == ("Paul Otieno", {})
    assert found["Chile"] == ("Ana Ruiz", {})


def test_a_speaking_minister_does_not_join_a_team_the_text_already_named(brief):
    found = delegations(brief(
        "The Iranian delegation was led by deputy foreign minister Reza Karimi. Earlier, Iranian Foreign "
        "Minister Ali Nasiri said Iran remained open to talks. Kosovo Prime Minister Ilir Berisha said the "
        "dialogue was about relations between two countries."))
    assert found["Iran"] == ("Reza Karimi", {})
    assert "Kosovo" not in found


def test_one_negotiator_named_is_a_member_not_the_head(brief):
    found = delegations(brief("One Ethiopian negotiator, Dawit Alemu, said the talks would resume."))
    assert found["Ethiopia"][0] is None
    assert "Dawit Alemu" in found["Ethiopia"][1]


def test_consultations_led_by_two_officials_give_each_side_its_head(brief):
    found = delegations(brief(
        "The consultations were held in Lima. Maria Vega, Director General (Europe), Ministry of Foreign "
        "Affairs of Peru and Ambassador Hans Muller, Deputy Minister, Ministry of Foreign Affairs of Austria "
        "led the consultations."))
    assert found["Peru"][0] == "Maria Vega"
    assert found["Austria"][0] == "Hans Muller"


def test_two_negotiators_of_two_capitals_head_one_side_each(brief):
    found = delegations(brief("Juan Soto and Ana Ruiz, chief negotiators of Bogota and Lima, met in Quito."))
    assert found["Colombia"][0] == "Juan Soto"
    assert found["Peru"][0] == "Ana Ruiz"


def test_an_organisation_named_like_a_person_is_nobody(brief):
    resolved = brief("The opposition Supreme Negotiations Committee said it would attend the talks in Vienna. "
                     "In attendance were Kenyan envoy Grace Wambui and the Supreme Negotiations Committee.")
    names = {p.name for d in resolved.delegations for p in [d.leader, *d.members] if p}
    assert names == {"Grace Wambui"}


def test_the_cochairs_listed_in_brackets_sit_for_their_body(brief):
    found = delegations(brief(
        "The Co-Chairs of the OSCE panel (Ivan Petrov of Russia, Marie Dubois of France and John Smith of the "
        "United States) hosted consultations in Paris."))
    assert set(found["OSCE"][1]) == {"Ivan Petrov", "Marie Dubois", "John Smith"}


def members_of(resolved, party: str) -> dict[str, str]:
    """name -> role of everyone seated for a party, its leader included."""
    found = next(d for d in resolved.delegations if d.party == party)
    return {p.name: p.role for p in [*([found.leader] if found.leader else []), *found.members]}


def test_every_name_after_led_by_sits_in_the_team_and_the_first_heads_it(brief):
    resolved = brief("The Zambian team, headed by trade minister Petrus Banda, Hilma Mwale of the central bank "
                     "and customs chief Jonas Phiri, reached Harare on Sunday.")
    zambia = next(d for d in resolved.delegations if d.party == "Zambia")
    assert zambia.leader.name == "Petrus Banda"
    assert {m.name for m in zambia.members} == {"Hilma Mwale", "Jonas Phiri"}


def test_a_roster_goes_on_after_and_includes(brief):
    people = members_of(brief("The Omani delegation is led by Foreign Minister Salim Harthi and will also include "
                              "his deputy Layla Busaidi, legal adviser Karim Farsi and envoy Nadia Hinai."), "Oman")
    assert set(people) == {"Salim Harthi", "Layla Busaidi", "Karim Farsi", "Nadia Hinai"}


def test_a_roster_the_sentence_splitter_cut_after_an_abbreviation_runs_on(brief):
    people = members_of(brief("The Egyptian team includes intelligence chief Omar Fathy, Brig. Gen. (ret.) Sami Adel, "
                              "and the president's legal adviser Mona Saeed."), "Egypt")
    assert {"Omar Fathy", "Sami Adel", "Mona Saeed"} <= set(people)


def test_one_entry_a_line_after_a_colon_and_the_prose_after_it_is_no_member(brief):
    people = members_of(brief(
        "The Kenyan delegation will be led by Amina Odhiambo, the cabinet secretary for trade, and will also include:\n"
        "Peter Kamau, Principal Secretary for Trade\n"
        "Grace Njeri, Deputy Governor of the Central Bank\n"
        "President Samuel Ruto granted Odhiambo the power to add experts as needed."), "Kenya")
    assert set(people) == {"Amina Odhiambo", "Peter Kamau", "Grace Njeri"}
    assert people["Grace Njeri"] == "Deputy Governor of the Central Bank"


def test_bullets_parted_by_blank_lines_keep_each_role_on_its_own_line(brief):
    people = members_of(brief(
        "The other members of the Zambian team are:\n\n"
        "• Hilma Banda, Minister of Information and Culture\n\n"
        "• General Jonas Mwale, Deputy Commander of the Army\n\n"
        "• Ruth Tembo, Member of the National Assembly"), "Zambia")
    assert people == {"Hilma Banda": "Minister of Information and Culture",
                      "Jonas Mwale": "General, Deputy Commander of the Army",
                      "Ruth Tembo": "Member of the National Assembly"}


def test_it_will_include_seats_the_list_in_the_team_just_named(brief):
    people = members_of(brief("The Ghanaian delegation will be headed by Foreign Minister Kofi Mensah. It will include "
                              "deputy minister Ama Boateng, as well as trade adviser Yaw Darko and envoy Efua Owusu."),
                        "Ghana")
    assert set(people) == {"Kofi Mensah", "Ama Boateng", "Yaw Darko", "Efua Owusu"}


def test_appositions_describe_the_name_before_them_and_a_reporting_tail_is_no_role(brief):
    resolved = brief("The Ghanaian delegation includes Ama Boateng, a veteran of past talks and a member of the "
                     "ruling council, and Yaw Darko, a trade lawyer, the Accra daily reported.")
    people = members_of(resolved, "Ghana")
    assert people["Ama Boateng"] == "veteran of past talks and member of the ruling council"
    assert people["Yaw Darko"] == "trade lawyer"


def test_a_member_titled_by_an_organisation_sits_for_it_not_for_the_side_listed_before(brief):
    found = people_of(delegations(brief(
        "The talks were mediated by the Kenyan team, led by Ambassador Paul Otieno and Colonel Mary Wanjiru, and "
        "hosted by AU envoy Jane Roe.")))
    assert "Jane Roe" in found.get("African Union", set())
    assert "Jane Roe" not in found.get("Kenya", set())
    assert {"Paul Otieno", "Mary Wanjiru"} <= found["Kenya"]
