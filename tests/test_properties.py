"""Property tests: extraction never raises on any text; rendering never raises on any valid briefing."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefer.extract import extract_facts
from briefer.model import (
    Article,
    Briefing,
    Delegation,
    Evidence,
    InputFailure,
    OpenQuestion,
    Person,
    Position,
    Source,
    Speaker,
    Venue,
)
from briefer.resolve import resolve

FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
words = st.text(min_size=1, max_size=40)
maybe = st.none() | words
ids = st.sampled_from(["a", "b", "c"])
evidence = st.builds(Evidence, source=ids, sentence=words, start=st.integers(0, 99), end=st.integers(0, 99),
                     rule=words)
people = st.builds(Person, name=words, role=maybe)
common = {"evidence": st.lists(evidence, max_size=2), "source_count": st.integers(0, 3)}
briefings = st.builds(
    Briefing,
    generated_at=st.just(datetime(2026, 11, 23, tzinfo=UTC)),
    title=words,
    date=st.just("2026-11-23"),
    sources=st.lists(st.builds(Source, id=ids, title=st.text(max_size=60), path=st.text(max_size=20)), max_size=3),
    delegations=st.lists(st.builds(Delegation, party=words, talks=st.text(max_size=30), leader=st.none() | people,
                                   members=st.lists(people, max_size=3), sent_by=st.none() | people, **common),
                         max_size=3),
    venues=st.lists(st.builds(Venue, name=words, country=maybe, **common), max_size=3),
    positions=st.lists(st.builds(Position, speaker=st.builds(Speaker, name=words, role=maybe, party=maybe),
                                 kind=st.sampled_from(["official", "analyst"]), statement=words,
                                 direct_quote=st.booleans(), **common), max_size=4),
    open_questions=st.lists(st.builds(OpenQuestion, text=words, kind=st.sampled_from(["explicit", "uncertainty"]),
                                      **common), max_size=3),
    failures=st.lists(st.builds(InputFailure, input=words, reason=words), max_size=2),
)


@settings(max_examples=80, deadline=None, suppress_health_check=FIXTURES)
@given(text=st.text(max_size=400))
def test_extraction_never_raises_on_any_text(text, nlp, compiled, knowledge):
    if not text.strip():
        return
    article = Article(id="any", text=text)
    found = extract_facts(nlp(text), article, compiled, knowledge.lexicon)
    resolve([found], knowledge.lexicon)


@settings(max_examples=60, deadline=None, suppress_health_check=FIXTURES)
@given(briefing=briefings, audience=st.sampled_from(["analyst", "executive"]))
@example(briefing=Briefing(generated_at=datetime(2026, 11, 23, tzinfo=UTC), title="0", date="2026-11-23",
                           open_questions=[OpenQuestion(text="\x85", kind="explicit")]),
         audience="analyst")  # a question of whitespace alone once broke the bottom line
def test_markdown_and_html_render_any_briefing(briefing, audience):
    from briefer.render import render_documents

    documents = render_documents(briefing, audience=audience, formats=("md", "html"))
    assert documents["brief.md"] and documents["brief.html"]


@settings(max_examples=6, deadline=None, suppress_health_check=FIXTURES)
@given(briefing=briefings)
def test_pdf_renders_any_briefing(briefing):
    from briefer.render import render_documents

    assert render_documents(briefing, formats=("pdf",))["brief.pdf"].startswith(b"%PDF")
