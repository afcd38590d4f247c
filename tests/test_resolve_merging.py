"""Merging in resolve, on hand-built facts: one open question however many sources word it, one position per
speaker and claim, and the statements resolve refuses. No parse: the facts are what extraction would hand over."""

from __future__ import annotations

import pytest

from briefer.extract import ArticleFacts, PersonMention
from briefer.model import Article, Evidence, Fact, Mention
from briefer.resolve import resolve


@pytest.fixture(scope="module")
def lexicon(knowledge):
    return knowledge.lexicon


def _fact(section: str, source: str, start: int, sentence: str, **fields) -> Fact:
    return Fact(section=section, fields=fields,
                evidence=Evidence(source=source, sentence=sentence, start=start, end=start + len(sentence),
                                  rule="test"))


def _article(source: str, facts: list[Fact], people: list[PersonMention] = ()) -> ArticleFacts:
    """An article whose text is its facts' sentences, each at the offset its fact gives."""
    text = ""
    for fact in sorted(facts, key=lambda f: f.evidence.start):
        text = text.ljust(fact.evidence.start) + fact.evidence.sentence
    return ArticleFacts(article=Article(id=source, text=text), facts=facts, people=list(people))


def _question(source: str, start: int, sentence: str, text: str | None = None, kind: str = "explicit") -> Fact:
    return _fact("open_questions", source, start, sentence, text=text or sentence, kind=kind)


def _said(source: str, start: int, speaker: str, statement: str, **fields) -> Fact:
    return _fact("positions", source, start, f"{speaker} said {statement}.", speaker=speaker, statement=statement,
                 **fields)


def test_one_question_worded_alike_by_two_sources_is_one_question_with_two_sources(lexicon):
    first = _article("a", [_question("a", 0, "Will the ceasefire along the northern border hold through winter?")])
    second = _article("b", [_question("b", 0, "Will the northern border ceasefire hold through the winter?")])
    questions = resolve([first, second], lexicon).open_questions
    assert [(q.text, q.source_count, len(q.evidence)) for q in questions] == [
        ("Will the ceasefire along the northern border hold through winter?", 2, 2)]


def test_two_different_questions_stay_two(lexicon):
    article = _article("a", [
        _question("a", 0, "Will the ceasefire along the northern border hold through winter?"),
        _question("a", 80, "Who will pay for rebuilding the bridges over the river?"),
    ])
    questions = resolve([article], lexicon).open_questions
    assert [q.text for q in questions] == ["Will the ceasefire along the northern border hold through winter?",
                                           "Who will pay for rebuilding the bridges over the river?"]


def test_a_clause_of_a_listed_sentence_joins_its_question_and_explicit_wins_over_uncertainty(lexicon):
    sentence = "It remains unclear whether the prisoner exchange will go ahead before the holiday."
    article = _article("a", [
        _question("a", 0, sentence, text=sentence, kind="uncertainty"),
        _question("a", 0, sentence, text="whether the prisoner exchange will go ahead", kind="explicit"),
    ])
    question, = resolve([article], lexicon).open_questions
    assert question.text == sentence and question.kind == "explicit"
    assert len(question.evidence) == 2 and question.source_count == 1


def test_one_claim_from_two_sources_is_one_position_and_two_claims_are_two(lexicon):
    ceasefire = "the ceasefire must hold along the whole front line"
    prisoners = "every prisoner of war must come home before the spring"
    first = _article("a", [_said("a", 0, "Amara Okafor", ceasefire), _said("a", 200, "Amara Okafor", prisoners)],
                     [PersonMention("Amara Okafor", "Foreign Minister", None, 0, subject=True)])
    second = _article("b", [_said("b", 0, "Amara Okafor", "the ceasefire must hold along the front line")],
                      [PersonMention("Amara Okafor", "Foreign Minister", None, 0, subject=True)])
    positions = resolve([first, second], lexicon).positions
    assert sorted((p.statement, p.source_count) for p in positions) == [(prisoners, 1), (ceasefire, 2)]
    assert {p.speaker.name for p in positions} == {"Amara Okafor"}


def test_a_fuller_wording_of_a_claim_replaces_a_short_one(lexicon):
    short = "a deal is near"
    full = "a deal on grain exports through the southern ports is near, perhaps within days"
    article = _article("a", [_said("a", 0, "Amara Okafor", short), _said("a", 100, "Amara Okafor", full)])
    position, = resolve([article], lexicon).positions
    assert position.statement == full and len(position.evidence) == 2


def test_one_word_and_relative_clause_statements_are_no_positions(lexicon):
    article = _article("a", [
        _said("a", 0, "Amara Okafor", "continued"),
        _said("a", 100, "Amara Okafor", "which the envoys called crucial for the talks"),
    ])
    assert resolve([article], lexicon).positions == []


def test_a_speaker_standing_for_two_parties_gives_each_the_position(lexicon):
    statement = "the talks will resume in the capital next week"
    pair = Mention(name="Both countries", each=(Mention(name="Norvia", party="Norvia"),
                                                 Mention(name="Estland", party="Estland")))
    fact = _fact("positions", "a", 0, f"Both countries said {statement}.", statement=statement, speaker=pair)
    positions = resolve([_article("a", [fact])], lexicon).positions
    assert sorted(p.speaker.name for p in positions) == ["Estland", "Norvia"]
    assert {p.statement for p in positions} == {statement}
