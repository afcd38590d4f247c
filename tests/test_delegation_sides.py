"""Heads and sides the text gives without delegation wording, or through a short name: "the North's delegation",
"the chief negotiator for <organisation>, X", "X, speaking on behalf of Y", a head named in the next sentence, the
side of one who meets "his <demonym> counterpart", "the leaders of A and B met"; and people who are not at these
talks (a summit elsewhere at another time, a detained figure a mission visits). Fresh sentences, extract + resolve
in process."""

from __future__ import annotations

import pytest


def test_a_half_of_a_divided_country_owns_its_delegation_and_its_companions(sides):
    found = sides("Envoys from North and South Korea met at the truce village on Friday. The North's delegation is "
                  "headed by Jo Song Il. He is accompanied by Kim Yong Chol and Pak Myong Ho. The South's delegation "
                  "is led by Vice Minister Park Dong-hoon.")
    assert found["North Korea"][0] == "Jo Song Il"
    assert list(found["North Korea"][1]) == ["Kim Yong Chol", "Pak Myong Ho"]
    assert found["South Korea"][0] == "Park Dong-hoon"


def test_who_sends_a_delegation_is_its_side(sides):
    found = sides("North Korea and South Korea agreed to meet next week. The North will send a four-member "
                  "delegation headed by senior official Kang Myong Su.")
    assert found["North Korea"][0] == "Kang Myong Su"


def test_a_named_half_keeps_its_own_party(sides):
    found = sides("The North Korean delegation is headed by Jo Song Il, officials in Seoul said.")
    assert found == {"North Korea": ("Jo Song Il", {})}


@pytest.mark.parametrize("text, party, leader", [
    ("Speaking to reporters in Geneva, the chief negotiator for the Southern Alliance, Omar Haddad, said the "
     "government in Khartoum was stalling.", "Southern Alliance", "Omar Haddad"),
    ("Rosa Quispe, the lead negotiator for the Bolivian opposition, said Bolivia had made no offer.",
     "Bolivian opposition", "Rosa Quispe"),
])
def test_the_side_after_for_in_a_negotiators_title(sides, text, party, leader):
    found = sides(text)
    assert found[party][0] == leader
    assert not any(leader == head for name, (head, _) in found.items() if name != party)


def test_who_speaks_on_behalf_of_a_side_sits_for_it(sides):
    found = sides("Talks between Somalia and Somaliland resumed in Djibouti. Abdi Warsame, speaking on behalf of the "
                  "Somaliland administration, said a deal was close.")
    assert found["Somaliland"][0] == "Abdi Warsame"


def test_a_head_named_by_the_next_sentence(sides):
    found = sides("Chilean and Peruvian negotiators met in Quito on Monday. The head of the Chilean delegation told "
                  "reporters the round had been hard. Pablo Reyes said both sides still wanted a deal.")
    assert found["Chile"][0] == "Pablo Reyes"


def test_the_next_sentence_names_no_head_when_the_head_has_a_name(sides):
    found = sides("The head of the Chilean delegation, Pablo Reyes, told reporters the round had been hard. "
                  "Ana Quispe said the Peruvian side still wanted a deal.")
    assert found["Chile"][0] == "Pablo Reyes"
    assert "Ana Quispe" not in found["Chile"][1]


def test_who_meets_his_counterpart_sits_for_the_articles_other_party(sides):
    found = sides("India and Bangladesh resumed border talks in Dhaka. Home Secretary Arvind Mehta held talks with "
                  "his Bangladeshi counterpart Rashed Karim on Thursday.")
    assert found["Bangladesh"][0] == "Rashed Karim"
    assert found["India"][0] == "Arvind Mehta"


def test_the_leaders_of_two_parties_are_their_heads_named_later(sides):
    found = sides("The leaders of Serbia and Kosovo have been meeting in Brussels since Monday. Vucic said the talks "
                  "were hard. Kosovo Prime Minister Albin Kurti said he was ready to sign.")
    assert found["Serbia"][0] == "Aleksandar Vučić"
    assert found["Kosovo"][0] == "Albin Kurti"


def test_a_summit_elsewhere_at_another_time_seats_no_one(sides):
    found = sides("Egyptian and Qatari mediators met Hamas officials in Cairo on Sunday. The talks follow a meeting "
                  "between Kenyan President Samuel Otieno and Ghanaian President Kofi Mensah at a summit in Accra "
                  "last month.")
    assert "Kenya" not in found and "Ghana" not in found


def test_a_meeting_at_the_talks_venue_last_week_still_counts(sides):
    found = sides("Talks in Cairo\n\nKenyan President Samuel Otieno met Ghanaian President Kofi Mensah at the "
                  "Cairo conference last week.")
    assert found["Kenya"][0] == "Samuel Otieno"


def test_a_detained_figure_a_mission_visits_sits_on_no_side(sides):
    found = sides("The ASEAN envoy, Lim Wei, met detained leader Daw Khin Myint in Naypyidaw on Tuesday. He also "
                  "held talks with Myanmar Foreign Minister Than Htut.")
    assert all("Daw Khin Myint" not in [head, *members] for head, members in found.values())


def test_who_meets_a_named_side_sits_for_the_articles_other_party(sides):
    found = sides("Hungary's Foreign Minister Gabor Toth arrived in Warsaw on Monday for talks on the pipeline. "
                  "Toth held talks with Foreign Minister Jan Nowak, Poland's foreign ministry said.")
    assert found["Poland"][0] == "Jan Nowak"
    assert found["Hungary"][0] == "Gabor Toth"


def test_a_phone_call_seats_no_one(sides):
    found = sides("Latvian and Estonian negotiators met in Riga on Monday. Latvian President Janis Berzins later "
                  "phoned his Lithuanian counterpart Tomas Kazlauskas.")
    assert "Lithuania" not in found


def test_rebels_of_a_country_with_no_named_group_are_its_opposition(sides):
    found = sides("Libyan government and opposition negotiators met in Tunis. Lead rebel negotiator Salem Gheriani "
                  "accused the government of stalling.")
    assert found["Libyan opposition"][0] == "Salem Gheriani"


def test_a_named_armed_group_is_the_rebel_side(sides):
    found = sides("Colombian government and FARC negotiators met in Havana. Lead rebel negotiator Ivan Ortiz said the "
                  "opposition would not disarm.")
    assert found["FARC"][0] == "Ivan Ortiz"


def test_the_movements_officer_sits_for_the_armed_group_named(sides):
    found = sides("Government and SPLM-IO delegations resumed talks in Addis Ababa on Monday. The party's general "
                  "secretary, Gatluak Nyang, said the movement would sign only if its demands were met.")
    assert found["SPLM-IO"][0] == "Gatluak Nyang"


def test_a_mediator_on_a_shuttle_meets_the_head_of_the_side_he_visits(sides):
    found = sides("Ghanaian envoy tours region to revive Sudan talks\n\nGhanaian envoy Kwame Mensah has been "
                  "shuttling between Sudan's warring parties. In Port Sudan on Monday, he met with the army chief "
                  "General Omar Hamid.")
    assert found["Sudan"][0] == "Omar Hamid"
    assert found["Ghana"][0] == "Kwame Mensah"
