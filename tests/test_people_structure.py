"""Delegation people lost at a stage other than a rule's wording: a person whose side only the article's
introduction of them gives, a meeting "of" two titled people, and an accord's signatories (fresh sentences)."""

from __future__ import annotations

from briefer.model import Article


def test_a_meeting_of_two_titled_ministers_seats_each_on_their_side(sides):
    found = sides("The meeting of the Minister of Defence of Latvia, Janis Ozols, and the Minister "
                  "of Defence of Lithuania, Tomas Kazlauskas, in Riga lasted five hours.")
    assert found["Latvia"][0] == "Janis Ozols"
    assert found["Lithuania"][0] == "Tomas Kazlauskas"


def test_a_principal_the_fact_gives_no_side_sits_for_the_party_the_article_introduced_them_with(knowledge):
    """Hand-built: "Kenya's chief negotiator, Daniel Kiptoo" earlier; a meeting fact names Kiptoo with no side."""
    from briefer.extract import ArticleFacts, PersonMention
    from briefer.model import Evidence, Fact, Mention
    from briefer.resolve import resolve

    sentence = "The mediators met Daniel Kiptoo and Ruth Namara in Arusha."
    fact = Fact(section="delegations", fields={"principal": Mention(name="Daniel Kiptoo"), "priority": 4},
                evidence=Evidence(source="a", sentence=sentence, start=200, end=210, rule="test"))
    people = [PersonMention("Daniel Kiptoo", "chief negotiator", "Kenya", 10, subject=True),
              PersonMention("Amani Said", "economist", "Institute for Trade Studies", 60, subject=True)]
    article = ArticleFacts(article=Article(id="a", text=sentence), facts=[fact], people=people)
    sides = {d.party: d for d in resolve([article], knowledge.lexicon).delegations}
    assert "Kenya" in sides

    fact = fact.model_copy(update={"fields": {"principal": Mention(name="Amani Said"), "priority": 4}})
    article = ArticleFacts(article=Article(id="a", text=sentence), facts=[fact], people=people)
    assert resolve([article], knowledge.lexicon).delegations == []  # an institute is no side


def test_the_signatories_of_a_declaration_sit_for_their_sides(sides):
    found = sides("The declaration, signed by Ethiopian envoy Dawit Tesfaye and Kenyan negotiator "
                  "Achieng Oduya in Moyale, ends the border dispute.")
    assert found["Ethiopia"][0] == "Dawit Tesfaye"
    assert found["Kenya"][0] == "Achieng Oduya"


def test_two_heads_in_one_sentence_each_lead_their_own_delegation(sides):
    found = sides("Ana Ruiz, Peru's deputy foreign minister, headed the Peruvian delegation and "
                  "Admiral Jorge Salas, chief of Chile's naval staff, headed the Chilean delegation "
                  "at the talks in Arica.")
    assert found["Peru"][0] == "Ana Ruiz"
    assert found["Chile"][0] == "Jorge Salas"


def test_government_representatives_a_roster_names_sit_for_the_government(sides):
    found = sides("Colombia's government and the rebels opened talks in Havana on Monday. The "
                  "government team is led by senator Ana Flores. Other government representatives at "
                  "the talks include Deputy Mining Minister Luis Mamani and adviser Rosa Quispe.")
    assert {"Luis Mamani", "Rosa Quispe"} <= set(found["Colombia"][1])


def test_a_side_named_before_negotiator_or_delegate_seats_the_person_on_it(sides):
    found = sides("Sudan's army and the RSF met in Jeddah on Monday. RSF negotiator Omar Hamdan "
                  "walked out before noon, and army delegate Khalid Idris stayed.")
    assert list(found["RSF"][1]) == ["Omar Hamdan"]  # shown by the name the article writes (resolve/naming.py)


def test_who_goes_along_with_the_head_sits_on_the_heads_side(sides):
    found = sides("Kenyan Trade Secretary Daniel Kiptoo will head the talks in Kampala, along with "
                  "Deputy Trade Minister Amina Odhiambo and customs chief Peter Njoroge.")
    assert (found["Kenya"][0], list(found["Kenya"][1])) == ("Daniel Kiptoo", ["Amina Odhiambo", "Peter Njoroge"])
