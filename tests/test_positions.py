"""Stated positions end to end through `briefer extract`: who said what once references are resolved."""

from __future__ import annotations

import json

import pytest
from in_process import briefer, extract_json

# Made-up wire copy and an interview, in the language of news, about no real round of talks.
WIRE = """Mediators report progress in Lakeport talks

LAKEPORT, March 3 (Test Wire) - Foreign Minister Amara Okafor said the two delegations had agreed on a \
prisoner exchange. She added that a ceasefire could follow within weeks.

"We are closer than we have ever been. Nobody wants to lose this chance," Okafor told reporters. \
"The next round will decide everything."

A defence ministry source said the army would pull back from two villages. The source said the withdrawal \
would begin on Monday.

The plan drew a cautious response from Norvia and Estland. Both countries welcomed the exchange but warned \
that the truce remained fragile.

Okafor said the rebels had promised to free all detainees.

The rebels did not say whether they would attend the next round.

Rebel negotiator Omar el-Rashid said the movement wanted guarantees before any withdrawal. Later in the day \
el-Rashid said the talks could resume within days.
"""
INTERVIEW = """Q&A: what the Lakeport talks mean

Host: What do the talks tell us about the war?
Dr. Lena Varga: The exchange is the first real sign of trust between the two sides. It shows that both \
armies can keep a promise.

Without outside guarantees, any truce will remain fragile.
Host: Thank you, Dr. Varga.
Dr. Lena Varga: My pleasure.

Dr. Lena Varga is a senior fellow at the Institute for Peace Research.
"""

# Speakers named by description, by an outlet's relay, or before a quotation that names someone else.
REFERENCES = """Border talks resume in Lakeport

Norvian President Ivo Marin's envoy Tomas Reyes arrived in Lakeport on Monday for a third round.

The M23 said on Sunday that it would not take part in the talks. "We were never invited to a single session of \
this process," the movement said in a statement.

The delegations will meet at the Grand Hotel, according to the Estland Embassy in Lakeport. "Both teams have \
agreed on an agenda of six items for this week," the embassy said.

Channel 9 news said that Marin's envoy stressed that a deal on the border crossings was within reach.

A third delegation will arrive on Tuesday, the state-run Lakeport news agency reported. "The talks will last at \
least a week," the agency said.

Estland's chief negotiator Mira Holm met Reyes in the evening. "Estland has never refused a meeting, whatever \
Reyes claimed on Monday," she told reporters.
"""

# Speakers behind pronouns, texts, titles set beside names; outlets and unnamed sources on logistics.
VOICES = """Water talks adjourn in Lakeport

Mr Ivo Dalca, the Norvian negotiator, spoke after the session. Mr Dalca recalled that Mr Piet Ferro had \
accepted an invitation to visit Norvia in the spring. "We hope the dialogue on the river will go on," he said.

Foreign ministry spokeswoman Julia Brandt briefed reporters after Mr Ferro left the hall. "Nothing on the dams \
has been agreed yet," she said.

The quotas must be settled before the dry season, says a press statement issued by the Arctic Council.

The Estland foreign ministry issued a statement on Friday. "Both delegations will stay until a text on the \
river is agreed," the statement said.

The ministry's spokesman, Karl Dorn, gave no details on Thursday. The talks on the dams were useful, the \
spokesman said on Friday.

A member of the Estland delegation told Sputnik that the experts had left the river basin maps behind.

Dalca's deputy flew into Lakeport late on Friday night, a source close to the talks said.
"""

# Offices named before their holders, datelines, appositions without their closing comma, outlets that quote.
OFFICES = """River talks open in Portmar

Portmar: The head of the Chilean government delegation on Monday rejected the mediator's account, saying the \
two sides were still drafting an agenda.

Ola Vik, the ambassador of Chile to the UN and the head of the government team, told reporters that the agenda \
had not been circulated.

UN envoy Hanna Berg told the press on Sunday that the talks had opened.

"For us, the talks begin when both delegations sit at one table," the diplomat stated.

"We expect a long week," Rosa Vidal, a representative of the opposition Lima Platform told Radio Centro.

The Santiago daily quoted Tomas Ruiz, the director for river affairs, as saying Chile could host the next round.

Peruvian President Ana Lopez spoke on Sunday. The Peruvian official, who asked not to be named, said the \
pumps would stay off. The Peruvian Water Ministry said the pumps would stay off. The Bolivian foreign \
ministry said the dams would be inspected in May.
"""

# A quotation that runs to the end of the sentence, its closing mark after the full stop.
PARTIAL_QUOTE = """Envoys meet in Portmar

Envoy Sara Lund said the deal must “settle the river dispute for good.” Her deputy was more careful.

"Both sides must give ground," said the AU special envoy to Sudan, the former Ghanaian president Kwame Boateng.
"""


@pytest.fixture(scope="module")
def positions(tmp_path_factory) -> list[dict]:
    """The positions `briefer extract` finds in the six articles."""
    folder = tmp_path_factory.mktemp("articles")
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "interview.txt").write_text(INTERVIEW, encoding="utf-8")
    (folder / "references.txt").write_text(REFERENCES, encoding="utf-8")
    (folder / "voices.txt").write_text(VOICES, encoding="utf-8")
    (folder / "offices.txt").write_text(OFFICES, encoding="utf-8")
    (folder / "partial_quote.txt").write_text(PARTIAL_QUOTE, encoding="utf-8")
    result = briefer("extract", str(folder), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["positions"]


def said(positions: list[dict], speaker: str) -> list[str]:
    return [p["statement"] for p in positions if p["speaker"]["name"] == speaker]


def test_pronouns_and_surnames_resolve_to_the_full_name(positions):
    statements = said(positions, "Amara Okafor")
    assert any("prisoner exchange" in s for s in statements)
    assert any("ceasefire could follow within weeks" in s for s in statements)  # "She added that ..."
    assert not any(p["speaker"]["name"] in {"She", "Okafor"} for p in positions)


def test_a_surname_with_a_particle_is_the_person_named_before(positions):
    statements = said(positions, "Omar el-Rashid")
    assert any("wanted guarantees" in s for s in statements)
    assert any("could resume within days" in s for s in statements)


def test_a_quotation_gives_one_position_per_claim_and_carries_on_across_sentences(positions):
    statements = said(positions, "Amara Okafor")
    assert "We are closer than we have ever been. Nobody wants to lose this chance" in statements
    assert "The next round will decide everything" in statements  # a bare quotation after "Okafor told reporters"


def test_the_source_is_the_defence_ministry_source_named_before(positions):
    statements = said(positions, "defence ministry source")
    assert any("pull back from two villages" in s for s in statements)
    assert any("withdrawal would begin on Monday" in s for s in statements)


def test_both_countries_speak_for_the_pair_just_named(positions):
    for country in ("Norvia", "Estland"):
        assert any("welcomed the exchange" in s for s in said(positions, country)), country
        assert any("truce remained fragile" in s for s in said(positions, country)), country


def test_speech_inside_another_report_is_the_reporter_s_position(positions):
    assert any("promised to free all detainees" in s for s in said(positions, "Amara Okafor"))
    assert not said(positions, "rebels")  # neither "Okafor said the rebels had promised" nor "did not say"


def test_the_dateline_and_the_author_are_no_speakers(positions):
    names = {p["speaker"]["name"] for p in positions}
    assert "LAKEPORT" not in names
    assert all(p["speaker"]["name"] for p in positions)


def test_interview_answers_are_the_expert_s_claims(positions):
    answers = said(positions, "Lena Varga")
    assert any(s.startswith("The exchange is the first real sign of trust") for s in answers)
    assert "Without outside guarantees, any truce will remain fragile" in answers  # the answer's next paragraph
    assert "My pleasure" not in answers
    expert = next(p for p in positions if p["speaker"]["name"] == "Lena Varga")
    assert expert["kind"] == "analyst"
    assert expert["speaker"]["party"] == "Institute for Peace Research"
    assert not said(positions, "Host")


def test_the_movement_is_the_party_that_spoke_before(positions):
    assert any("never invited" in s for s in said(positions, "M23"))
    assert not said(positions, "movement")


def test_the_embassy_is_the_embassy_named_before(positions):
    assert any("agenda of six items" in s for s in said(positions, "Estland Embassy"))


def test_an_outlet_relays_the_words_of_the_envoy_its_owner_names(positions):
    assert any("within reach" in s for s in said(positions, "Tomas Reyes"))  # "Channel 9 news said that Marin's envoy"
    assert not any("news" in p["speaker"]["name"].lower() for p in positions)


def test_a_news_agency_is_no_speaker_even_as_the_agency(positions):
    assert not any("at least a week" in p["statement"] for p in positions)


def test_a_pronoun_after_a_quotation_is_not_someone_the_quotation_names(positions):
    assert any("never refused a meeting" in s for s in said(positions, "Mira Holm"))
    assert not any("never refused a meeting" in s for s in said(positions, "Tomas Reyes"))


def test_he_goes_on_with_the_one_who_speaks_not_the_one_he_reports(positions):
    assert any("dialogue on the river" in s for s in said(positions, "Ivo Dalca"))  # not Ferro, whom he reported
    assert not any("dialogue on the river" in s for s in said(positions, "Piet Ferro"))


def test_she_is_never_a_man_the_article_calls_mr(positions):
    assert any("Nothing on the dams" in s for s in said(positions, "Julia Brandt"))


def test_a_text_speaks_for_whoever_issued_it(positions):
    assert any("before the dry season" in s for s in said(positions, "Arctic Council"))
    assert any("until a text on the river is agreed" in s for s in said(positions, "Estland foreign ministry"))
    assert not any(p["speaker"]["name"] in {"statement", "press statement"} for p in positions)


def test_a_title_set_beside_a_name_finds_that_person_later(positions):
    assert any("talks on the dams were useful" in s for s in said(positions, "Karl Dorn"))


def test_an_outlet_told_is_no_speaker(positions):
    assert not said(positions, "Sputnik")


def test_an_unnamed_source_reporting_a_journey_states_no_position(positions):
    assert not any("flew into Lakeport" in p["statement"] for p in positions)


def test_a_dateline_with_a_colon_is_no_speaker(positions):
    assert not said(positions, "Portmar")


def test_a_delegation_head_in_the_lead_is_the_head_the_next_lines_name(positions):
    assert any("still drafting an agenda" in s for s in said(positions, "Ola Vik"))


def test_the_diplomat_is_the_envoy_named_just_before(positions):
    assert any("sit at one table" in s for s in said(positions, "Hanna Berg"))
    assert not said(positions, "diplomat")


def test_an_apposition_without_its_closing_comma_credits_the_person(positions):
    assert said(positions, "Rosa Vidal") == ["We expect a long week"]
    assert not said(positions, "Lima Platform")


def test_an_outlet_that_quotes_someone_gives_their_words(positions):
    assert any("Chile could host the next round" in s for s in said(positions, "Tomas Ruiz"))
    assert not any("Chile could host" in p["statement"] for p in positions if p["speaker"]["name"] != "Tomas Ruiz")


def test_a_ministry_of_another_country_is_not_the_ministry_before(positions):
    assert not any("inspected in May" in s for s in said(positions, "Peruvian Water Ministry"))
    assert any("inspected in May" in p["statement"] and "Bolivia" in (p["speaker"]["party"] or "")
               for p in positions)


def test_an_anonymous_official_is_not_the_last_person_named_from_that_country(positions):
    assert not any("pumps would stay off" in s for s in said(positions, "Ana Lopez"))


# A bare "the delegation" after a side is named, two speakers of one quotation, a side that argues, sourcing.
SIDES = """Grain talks resume in Portmar

A Kenyan delegation led by Deputy Minister Erik Sand arrived in Portmar on Tuesday for talks with Uganda.

The delegation said it would not sign any text that left the lake ports closed.

"The customs draft is a fair basis," Ana Costa and Luis Prado told reporters.

It is understood that the Ugandan delegation argued for a joint customs office at the border.

A Ugandan official, who insisted on anonymity, described the mood as tense. A second official insisted on anonymity.

PORTMAR, May 3 (Test Wire) - The customs office will open before the rains, a Kenyan minister said.

The Kenyan side stipulated that both countries must staff the customs office. Both sides acknowledged the need for \
more meetings.

"The border stays open," said the regional bloc EAC, which chairs the talks, in a text message to reporters.
"""


@pytest.fixture(scope="module")
def sided(tmp_path_factory) -> list[dict]:
    return extract_json(tmp_path_factory.mktemp("sides"), {"sides.txt": SIDES})["positions"]


def test_a_bare_delegation_speaks_for_the_side_named_before(sided):
    closed = next(p for p in sided if "lake ports closed" in p["statement"])
    assert closed["speaker"]["party"] == "Kenya"
    assert closed["speaker"]["name"] != "delegation"


def test_two_speakers_of_one_quotation_both_hold_it(sided):
    assert said(sided, "Ana Costa") == ["The customs draft is a fair basis"]
    assert said(sided, "Luis Prado") == ["The customs draft is a fair basis"]


def test_a_delegation_that_argues_for_something_states_a_position(sided):
    assert any("argued for a joint customs office" in s for s in said(sided, "Ugandan delegation"))


def test_insisting_on_anonymity_is_no_position(sided):
    assert not any("anonymity" in p["statement"] for p in sided)
    assert any("described the mood as tense" in p["statement"] for p in sided)


def test_a_wire_dateline_is_not_part_of_what_was_said(sided):
    assert any(p["statement"].startswith("The customs office will open") for p in sided)
    assert not any("PORTMAR" in p["statement"] for p in sided)


def test_a_speaker_named_after_the_verb_is_not_what_was_said(sided):
    assert not any("text message" in p["statement"] for p in sided)


def test_a_side_named_by_its_party_speaks_but_both_sides_are_no_speaker(sided):
    assert any("both countries must staff" in s for s in said(sided, "Kenyan side"))
    assert not said(sided, "sides") and not said(sided, "Both sides")


def test_a_quotation_cut_at_the_sentence_end_is_closed_again(positions):
    assert said(positions, "Sara Lund") == ['the deal must "settle the river dispute for good"']
    for position in positions:
        statement = position["statement"]
        assert statement.count("“") == statement.count("”") and statement.count('"') % 2 == 0, statement


def test_an_envoy_named_in_an_apposition_after_his_title_and_mission_is_the_speaker(positions):
    envoy = next(p for p in positions if p["statement"] == "Both sides must give ground")
    assert envoy["speaker"]["name"] == "Kwame Boateng"
    assert envoy["speaker"]["party"] == "African Union"  # an envoy *to* Sudan is not Sudan's


# Pronoun subjects whose own sentence names the speaker, a surname opening a sentence, an attitude passed on.
ANTECEDENTS = """Fishing talks stall in Portmar

The Norvian fisheries ministry said on Friday that the quotas were unfair to small boats.

While the Estland government has not yet answered the ministry, it has reaffirmed its "full commitment" to the \
talks.

The dock workers' unions issued a statement in which they rejected the new table of quotas.

Foreign Minister Hanna Berg conveyed her confidence in the goodwill of both delegations.

The river commission is "fully committed" to a deal, the UN mediator said on Tuesday after the session. "We went \
through every open item on the map," Peter Lindqvist said after meeting both foreign ministers. "Both delegations \
stayed at the table until midnight," the veteran Danish diplomat told reporters.

Norvia, Estland and Lakeland issued a trilateral statement on Sunday. The three countries will reopen the river \
ports in May, according to the statement. Fishing quotas will be set every spring, the joint \
statement said. "The ferries will run again in June," said a statement by the Lakeland river commission and the \
transport ministry.

The Norvian trade minister told reporters that her team would stay for a week, “and longer if the ferries keep \
running.” The trade envoys will reach Portmar on Monday, the Nikkei reported.
"""


@pytest.fixture(scope="module")
def antecedents(tmp_path_factory) -> list[dict]:
    return extract_json(tmp_path_factory.mktemp("antecedents"), {"antecedents.txt": ANTECEDENTS})["positions"]


def test_it_is_the_body_its_own_sentence_names_not_the_last_body_that_spoke(antecedents):
    commitment = next(p for p in antecedents if "full commitment" in p["statement"])
    assert commitment["speaker"]["name"] == "Estland government"


def test_they_in_a_statement_are_the_ones_who_issued_it(antecedents):
    rejected = next(p for p in antecedents if "rejected the new table" in p["statement"])
    assert "unions" in rejected["speaker"]["name"]


def test_an_attitude_conveyed_is_a_position(antecedents):
    assert any("confidence in the goodwill" in s for s in said(antecedents, "Hanna Berg"))


def test_a_description_is_the_person_quoted_next_to_it(antecedents):
    lindqvist = said(antecedents, "Peter Lindqvist")
    assert any("fully committed" in s for s in lindqvist)  # "the UN mediator", named in the next sentence
    assert any("stayed at the table until midnight" in s for s in lindqvist)  # "the veteran diplomat", quoted before
    assert not said(antecedents, "UN mediator") and not said(antecedents, "veteran Danish diplomat")


def test_a_statement_of_several_parties_speaks_for_none_of_them_alone(antecedents):
    assert not [p for p in antecedents if "river ports" in p["statement"] or "every spring" in p["statement"]]
    ferries = next(p for p in antecedents if "ferries will run" in p["statement"])  # no "joint": the first issuer's
    assert ferries["speaker"]["name"] == "Lakeland river commission"


def test_a_quotation_opening_on_and_carries_on_the_reported_clause(antecedents):
    assert any(p["statement"].startswith("her team would stay for a week") for p in antecedents)
    assert not [p for p in antecedents if p["statement"].strip("“”\"").startswith("and longer")]


def test_a_newspaper_reporting_a_journey_is_no_speaker(antecedents):
    assert not [p for p in antecedents if "Nikkei" in p["speaker"]["name"]]


MEDIATOR = """Talks between the government and the rebels will resume in Arusha on Monday.

Former foreign minister Daniel Okafor, who is the chief mediator, told reporters on Sunday that the delegations \
of both sides had arrived.

"Most of the delegates are already here. I want to assure you that everything is ready for the talks," the \
mediator said.
"""


def test_the_mediator_is_the_person_a_relative_clause_made_chief_mediator(tmp_path):
    positions = extract_json(tmp_path, {"mediator.txt": MEDIATOR})["positions"]
    ready = next(p for p in positions if "everything is ready" in p["statement"])
    assert ready["speaker"]["name"] == "Daniel Okafor"
