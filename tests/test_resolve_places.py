"""A building and the city it lies in are one venue of a track; two cities, or a city another building does not
name, stay apart."""

from __future__ import annotations

from briefer.model import Evidence, Venue
from briefer.resolve.places import fold_cities


def venue(name: str, sentence: str, country: str | None = None, source: str = "a") -> Venue:
    evidence = Evidence(source=source, sentence=sentence, start=0, end=len(name), rule="test")
    return Venue(name=name, country=country, evidence=[evidence], source_count=1, talks="t")


def test_a_city_folds_into_the_building_a_sentence_places_in_it(knowledge):
    palace = venue("Dolmabahce Palace", "The delegations met at Dolmabahce Palace in Istanbul.")
    city = venue("Istanbul", "Talks in Istanbul resumed.", "Turkey", source="b")
    folded = fold_cities([palace, city], knowledge.lexicon)
    assert [(v.name, v.country, v.source_count) for v in folded] == [("Dolmabahce Palace, Istanbul", "Turkey", 2)]


def test_a_building_named_with_its_city_keeps_its_name(knowledge):
    consulate = venue("consulate general in Istanbul", "They gathered at the consulate general in Istanbul.")
    folded = fold_cities([venue("Istanbul", "Talks in Istanbul.", "Turkey"), consulate], knowledge.lexicon)
    assert [v.name for v in folded] == ["consulate general in Istanbul"]


def test_two_cities_and_an_unrelated_building_stay_apart(knowledge):
    venues = [venue("Geneva", "Talks in Geneva.", "Switzerland"), venue("Anchorage", "A summit in Anchorage.",
              "United States"), venue("Ritz-Carlton", "The talks at the Ritz-Carlton lasted twelve hours.")]
    assert [v.name for v in fold_cities(venues, knowledge.lexicon)] == ["Geneva", "Anchorage", "Ritz-Carlton"]


def test_a_building_folds_into_the_room_of_it_the_talks_were_held_in(knowledge):
    room = venue("Oval Office", "The two presidents met in the Oval Office.", "United States")
    house = venue("the White House", "The envoy arrived at the White House.", "United States", source="b")
    city = venue("Washington", "Talks in Washington ended.", "United States", source="c")
    folded = fold_cities([house, room, city], knowledge.lexicon)
    assert [(v.name, v.source_count) for v in folded] == [("Oval Office, the White House", 2), ("Washington", 1)]


def test_a_room_of_another_building_stays_apart(knowledge):
    venues = [venue("Oval Office", "They met in the Oval Office.", "United States"),
              venue("Kremlin", "Talks at the Kremlin.", "Russia")]
    assert [v.name for v in fold_cities(venues, knowledge.lexicon)] == ["Oval Office", "Kremlin"]


def test_a_city_folds_into_the_state_it_lies_in_and_a_base_into_the_city(knowledge):
    state = venue("Alaska", "Trump and Putin will meet in Alaska.", "United States")
    city = venue("Anchorage", "The summit in Anchorage begins at noon.", "United States", source="b")
    base = venue("Joint Base Elmendorf-Richardson", "They landed at Joint Base Elmendorf-Richardson.",
                 "United States", source="c")
    folded = fold_cities([state, city, base], knowledge.lexicon)
    assert [(v.name, v.source_count) for v in folded] == [
        ("Joint Base Elmendorf-Richardson, Anchorage, Alaska", 3)]
