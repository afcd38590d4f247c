"""Principals and paired rosters in wire copy (issue 16): who meets for a side heads it when nothing else names a
head; names matched in order to the parties of a shared role; inverted and passive attendance; accompaniment and
semicolon lists. Fresh sentences, extract + resolve in process."""

from __future__ import annotations

import pytest


def test_who_holds_talks_heads_a_side_that_others_attend_for(sides):
    found = sides("Slovak Foreign Minister Jana Kovacova held talks with Hungarian Foreign Minister Bela Szabo in "
                  "Bratislava on Monday. Also attending were Slovak Deputy Foreign Minister Peter Horvath and "
                  "Hungarian State Secretary Zoltan Kiss.")
    assert found["Slovakia"][0] == "Jana Kovacova" and set(found["Slovakia"][1]) == {"Peter Horvath"}
    assert found["Hungary"][0] == "Bela Szabo" and set(found["Hungary"][1]) == {"Zoltan Kiss"}


def test_two_who_meet_for_one_side_leave_it_without_a_head(sides):
    found = sides("Finnish Finance Minister Aino Virtanen and Finnish Trade Minister Mikko Laine met with Estonian "
                  "officials in Tallinn. Estonian Deputy Minister Kadri Tamm and envoy Jaan Kask also attended.")
    assert found["Finland"] == (None, {"Aino Virtanen": "Finnish Finance Minister",
                                       "Mikko Laine": "Finnish Trade Minister"})


def test_a_host_who_opens_the_talks_is_no_principal(sides):
    found = sides("Danish Foreign Minister Lars Holm, who hosted the talks in Copenhagen, greeted the envoys. "
                  "Danish envoy Mette Lund also attended the talks. Serbian envoy Dragan Petrovic held talks with "
                  "Bosnian envoy Amir Hadzic.")
    assert found["Denmark"][0] is None
    assert found["Serbia"][0] == "Dragan Petrovic"


def test_a_counterpart_the_recogniser_missed_heads_the_other_side(sides):
    found = sides("Peruvian Foreign Minister Luis Mamani met with his Chilean counterpart Ana Ruiz in Lima on "
                  "Tuesday.")
    assert found["Chile"][0] == "Ana Ruiz" and found["Peru"][0] == "Luis Mamani"


@pytest.mark.parametrize("text, expected", [
    ("The foreign ministers of Armenia and Azerbaijan, Ruben Hakobyan and Elnur Aliyev, met in Geneva on Friday.",
     {"Armenia": "Ruben Hakobyan", "Azerbaijan": "Elnur Aliyev"}),
    ("Turkish Foreign Minister Kemal Ozturk met his Greek and Cypriot counterparts, Nikos Papadakis and Andreas "
     "Georgiou, in Ankara.", {"Greece": "Nikos Papadakis", "Cyprus": "Andreas Georgiou", "Turkey": "Kemal Ozturk"}),
    ("Egypt's and Qatar's envoys, Hassan Farid and Khalid Al-Mansour, attended the session in Cairo.",
     {"Egypt": "Hassan Farid", "Qatar": "Khalid Al-Mansour"}),
    ("Ana Ruiz and Luis Mamani, the foreign ministers of Chile and Peru respectively, held talks in Quito.",
     {"Chile": "Ana Ruiz", "Peru": "Luis Mamani"}),
])
def test_names_after_a_role_shared_by_parties_pair_up_in_order(sides, text, expected):
    assert {party: leader for party, (leader, _) in sides(text).items()} == expected


@pytest.mark.parametrize("text", [
    "Among those at the table were Latvian Defence Minister Janis Ozols and Lithuanian Defence Minister Tomas "
    "Kazlauskas.",
    "The meeting was attended by Latvian Defence Minister Janis Ozols and Lithuanian Defence Minister Tomas "
    "Kazlauskas.",
    "Present at the talks in Riga were Latvian Defence Minister Janis Ozols and Lithuanian Defence Minister Tomas "
    "Kazlauskas.",
    "Those present included Latvian Defence Minister Janis Ozols and Lithuanian Defence Minister Tomas Kazlauskas.",
])
def test_inverted_and_passive_attendance_seats_each_on_their_side(sides, text):
    found = sides(text)
    assert found["Latvia"][0] == "Janis Ozols" and found["Lithuania"][0] == "Tomas Kazlauskas"


def test_who_joins_a_principal_sits_on_that_side(sides):
    found = sides("Kenyan Foreign Secretary Paul Otieno, joined by Defence Secretary Grace Wambui and Interior "
                  "Secretary Moses Kiprop, held talks with Somali officials in Mogadishu.")
    assert found["Kenya"] == ("Paul Otieno", {"Grace Wambui": "Defence Secretary",
                                              "Moses Kiprop": "Interior Secretary"})


@pytest.mark.parametrize("text", [
    "The Colombian delegation in Havana comprised Senator Ana Torres; General Luis Ortega; and former judge "
    "Marta Gil.",
    "Colombian negotiator Ana Torres arrived in Havana. She was accompanied by Senator Rosa Diaz; General Luis "
    "Ortega; and former judge Marta Gil.",
])
def test_a_semicolon_list_is_read_to_its_end(sides, text):
    found = sides(text)
    assert {"Luis Ortega", "Marta Gil"} <= set(found["Colombia"][1])


def test_talks_held_between_two_people_and_each_side_present_in_its_own_list(sides):
    found = sides("Talks were held in Vilnius on Friday between Tomas Kazlauskas, defence minister of Lithuania, "
                  "and Janis Ozols, state secretary and defence minister of Latvia. Present at them from the "
                  "Lithuanian side were Ruta Petraitis, deputy minister of defence, and from the Latvian side "
                  "Ilze Berzina, deputy state secretary.")
    assert found["Lithuania"] == ("Tomas Kazlauskas", {"Ruta Petraitis": "deputy minister of defence"})
    assert found["Latvia"][0] == "Janis Ozols" and set(found["Latvia"][1]) == {"Ilze Berzina"}


def test_an_office_that_belongs_to_one_country_seats_its_holder_there(sides):
    found = sides("External Affairs Minister Ravi Menon held talks with his Nepali counterpart Bimala Rai in "
                  "Kathmandu on Monday.")
    assert found["India"][0] == "Ravi Menon" and found["Nepal"][0] == "Bimala Rai"


def test_a_plural_title_is_no_person(sides):
    found = sides("The Foreign Secretaries of Chile and Peru met in Lima on Monday. Chilean Foreign Minister Ana "
                  "Ruiz said the talks were useful.")
    assert "Secretaries" not in {name for leader, members in found.values() for name in [leader, *members]}


def test_a_host_heads_no_side_unless_shown_meeting_for_it(sides):
    found = sides("Danish Foreign Minister Lars Holm hosted the talks in Copenhagen on Monday. Serbian envoy "
                  "Dragan Petrovic held talks with Bosnian envoy Amir Hadzic.")
    assert found["Denmark"] == (None, {"Lars Holm": "Danish Foreign Minister"})
    found = sides("Kenyan President Paul Otieno hosted the summit in Nairobi on Monday.\n\nOn Tuesday, Otieno met "
                  "with Ugandan President Moses Oketch to discuss the border.")
    assert found["Kenya"][0] == "Paul Otieno" and found["Uganda"][0] == "Moses Oketch"


def test_people_of_a_meeting_still_to_come_sit_nowhere(sides):
    found = sides("Chilean Foreign Minister Ana Ruiz and her Peruvian counterpart Luis Mamani held talks in Lima on "
                  "Monday to prepare an upcoming meeting between their presidents, Pablo Vega and Rosa Quispe.")
    assert {name for leader, members in found.values() for name in [leader, *members]} == {"Ana Ruiz", "Luis Mamani"}
