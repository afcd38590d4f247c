"""Brief QA: `briefer brief --check` end to end (printed, kept in briefing.json, the analyst annex, --strict), and
each check on hand-built briefings, including briefings where it must find nothing."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
from in_process import briefer
from pypdf import PdfReader

from briefer.model import (
    Article,
    Briefing,
    Delegation,
    Evidence,
    OpenQuestion,
    Person,
    Position,
    Source,
    Speaker,
    Venue,
)
from briefer.qa import CheckWords, check_briefing, check_length, count_words, headlines
from briefer.sections import briefing_schema

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ("001_0a9e6b4c76570040.txt", "002_5568988d6b8846f3.txt")
NOTHING_TO_BRIEF = "The weather in the capital stayed mild all week, with light rain on Sunday.\n"


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    work = tmp_path_factory.mktemp("checked")
    (work / "today").mkdir()
    for name in ARTICLES:
        shutil.copy(ROOT / "seeds" / name, work / "today" / name)
    (work / "today" / "weather.txt").write_text(NOTHING_TO_BRIEF, encoding="utf-8")
    result = briefer("brief", "today/", "--out", "out", "--check", "--strict", "--date", "2026-11-23",
                     "--no-history", cwd=work)
    return work, result, json.loads((work / "out" / "briefing.json").read_text(encoding="utf-8"))


def test_check_reports_each_problem_with_its_item_and_strict_exits_1(checked):
    _, result, briefing = checked
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("check: ")]
    assert len(lines) == len(briefing["checks"]) > 0
    assert any(line.startswith("check: sources[") and "no item cites this source" in line for line in lines)
    # the quotations these seeds cut at the sentence end are closed again, so no check finds them unbalanced
    assert not any("unbalanced quotation mark" in line for line in lines)
    assert any(p["statement"].endswith('eliminating the root causes of the conflict"') for p in briefing["positions"])
    assert f"Checked the brief: {len(lines)} problem(s)" in result.stderr
    for found in briefing["checks"]:
        if found["section"] in ("delegations", "venues", "positions", "open_questions"):
            assert briefing[found["section"]][found["index"]], found
    jsonschema.Draft202012Validator(briefing_schema()).validate(briefing)


def test_a_source_no_item_cites_is_reported(checked):
    _, _, briefing = checked
    uncited = [c for c in briefing["checks"] if c["check"] == "source-uncited"]
    weather = next(index for index, source in enumerate(briefing["sources"]) if source["id"] == "weather")
    assert [(c["section"], c["index"]) for c in uncited] == [("sources", weather)]


def test_the_analyst_brief_lists_the_problems_in_an_annex(checked):
    work, _, briefing = checked
    markdown = (work / "out" / "brief.md").read_text(encoding="utf-8")
    annex = markdown.split("## Annex: checks of this brief", 1)[1]
    assert f"{len(briefing['checks'])} problems found before the brief was written" in annex
    assert "Turkish defence ministry source" in annex  # a check on a position names its speaker
    html = (work / "out" / "brief.html").read_text(encoding="utf-8")
    assert html.count('<tr class="check check-') == len(briefing["checks"])
    pdf = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(work / "out" / "brief.pdf").pages).split())
    assert "Annex: checks of this brief" in pdf and "no item cites this source" in pdf


def test_an_unchecked_brief_has_no_checks_and_no_annex(tmp_path):
    result = briefer("brief", f"seeds/{ARTICLES[0]}", "--out", str(tmp_path), "--format", "md,json",
                     "--no-history", "--strict", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "briefing.json").read_text(encoding="utf-8"))["checks"] is None
    assert "Annex" not in (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert "check:" not in result.stderr


def test_an_executive_brief_over_its_word_limit(tmp_path):
    (tmp_path / "briefer.toml").write_text("[audiences.executive]\nlimits = {words = 120}\n", encoding="utf-8")
    shutil.copy(ROOT / "seeds" / ARTICLES[0], tmp_path / "article.txt")
    result = briefer("brief", "article.txt", "--audience", "executive", "--check", "--format", "md,json",
                     "--out", "out", "--no-history", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    checks = json.loads((tmp_path / "out" / "briefing.json").read_text(encoding="utf-8"))["checks"]
    too_long = [c for c in checks if c["check"] == "brief-too-long"]
    words = count_words((tmp_path / "out" / "brief.md").read_text(encoding="utf-8"))
    assert words > 120
    assert too_long == [{"check": "brief-too-long", "section": "brief", "index": None, "item": "executive brief",
                         "message": f"{words} words, over the executive brief's limit of 120 (about 0.48 "
                                    "minutes' reading at 250 words a minute)"}]
    assert "Annex" not in (tmp_path / "out" / "brief.md").read_text(encoding="utf-8")


# Each check on hand-built briefings.

@pytest.fixture(scope="module")
def words(knowledge):
    return CheckWords.from_gazetteers(knowledge.gazetteers)


def evidence(sentence: str, source: str = "a") -> list[Evidence]:
    return [Evidence(source=source, sentence=sentence, start=0, end=len(sentence), rule="test")]


def position(speaker: str, statement: str, sentence: str, source: str = "a") -> Position:
    return Position(speaker=Speaker(name=speaker), statement=statement, evidence=evidence(sentence, source))


def briefing_of(**sections) -> Briefing:
    sources = sections.pop("sources", [Source(id="a", title="Talks resume in Geneva")])
    return Briefing(generated_at=datetime(2026, 11, 23, tzinfo=UTC), sources=sources, **sections)


def found(briefing: Briefing, words: CheckWords, headlines_of=None) -> list[tuple[str, str, int | None]]:
    return [(c.check, c.section, c.index) for c in check_briefing(briefing, words, headlines_of or {})]


def test_a_clean_briefing_has_no_problem(words):
    briefing = briefing_of(
        delegations=[Delegation(party="Ukraine", leader=Person(name="Rustem Umerov"),
                                evidence=evidence("The Ukrainian delegation is led by Rustem Umerov."))],
        venues=[Venue(name="Geneva", country="Switzerland", evidence=evidence("The talks resume in Geneva today."))],
        positions=[position("Jane Doe", "the talks were “constructive” (so far)",
                            "Jane Doe said the talks were “constructive” (so far).")],
        open_questions=[OpenQuestion(text="whether the ceasefire will hold", kind="uncertainty",
                                     evidence=evidence("It is unclear whether the ceasefire will hold."))])
    assert found(briefing, words, {"a": ["Talks resume in Geneva"]}) == []


@pytest.mark.parametrize("statement, check", [
    ('they called it a "solid slap', "quote-unbalanced"),
    ("the plan is “a trap", "quote-unbalanced"),
    ("the chapters (on fisheries were closed", "quote-unbalanced"),
    ("the talks will be led by", "statement-cut"),
    ("sanctions must go,", "statement-cut"),
    ("progress is possible and", "statement-cut"),
    ("the outcome is …", "statement-cut"),
])
def test_statements_cut_or_unbalanced(words, statement, check):
    briefing = briefing_of(positions=[position("Jane Doe", statement, f"Jane Doe said {statement}.")])
    assert found(briefing, words) == [(check, "positions", 0)]


@pytest.mark.parametrize("speaker, check", [
    ("Reuters", "speaker-media"), ("the Associated Press", "speaker-media"), ("state television", "speaker-media"),
    ("diplomatic sources", "speaker-unnamed"), ("a source", "speaker-unnamed"), ("Western sources", "speaker-unnamed"),
])
def test_speakers_that_are_outlets_or_sources(words, speaker, check):
    briefing = briefing_of(positions=[position(speaker, "the talks stalled", f"{speaker} said the talks stalled.")])
    assert found(briefing, words) == [(check, "positions", 0)]


def test_evidence_that_lacks_its_item(words):
    briefing = briefing_of(
        positions=[position("Jane Doe", "the talks stalled. Both sides left early", "Jane Doe: the talks stalled.")],
        venues=[Venue(name="Doha", evidence=evidence("The talks resume next week."))],
        delegations=[Delegation(party="Russia", leader=Person(name="Vladimir Medinsky"),
                                evidence=evidence("The talks were led by an aide."))],
        open_questions=[OpenQuestion(text="Will the truce hold?", evidence=evidence("Nobody knows."))])
    assert found(briefing, words) == [("evidence-lacks-item", "delegations", 0), ("evidence-lacks-item", "venues", 0),
                                      ("evidence-lacks-item", "positions", 0),
                                      ("evidence-lacks-item", "open_questions", 0)]


def test_a_party_named_by_its_demonym_or_alias_is_stated(words):
    briefing = briefing_of(
        delegations=[Delegation(party="Russia", evidence=evidence("The Russian delegation arrived on Monday."))],
        venues=[Venue(name="United States", evidence=evidence("Talks were held in the U.S. capital."))])
    assert found(briefing, words) == []


def test_citations_to_no_source_and_sources_cited_by_nothing(words):
    briefing = briefing_of(
        sources=[Source(id="a", title="One"), Source(id="b", title="Two")],
        venues=[Venue(name="Geneva", evidence=evidence("They met in Geneva.", source="c"))])
    assert found(briefing, words) == [("source-unknown", "venues", 0), ("source-uncited", "sources", 0),
                                      ("source-uncited", "sources", 1)]


def test_a_question_that_is_a_headline_or_heading(words):
    article = Article(id="a", title="Talks resume in Geneva", text=(
        "Talks resume in Geneva\n"
        "Will Geneva Bring the Two Sides Closer?\n"
        "The delegations met on Monday. Nobody knows if the truce will hold; will it?\n"
        "- 2. What happens if the talks fail?\n"
        "Is a deal within reach this year?\n"))
    lines = headlines(article)
    assert lines == ["Talks resume in Geneva", "Will Geneva Bring the Two Sides Closer?",
                     "What happens if the talks fail?", "Is a deal within reach this year?"]
    questions = ["Will Geneva bring the two sides closer?", "What happens if the talks fail?",
                 "Is a deal within reach this year?", "Nobody knows if the truce will hold; will it?"]
    briefing = briefing_of(open_questions=[OpenQuestion(text=q, evidence=evidence(q)) for q in questions])
    assert found(briefing, words, {"a": lines}) == [("question-headline", "open_questions", i) for i in range(3)]


def test_length_against_a_word_limit():
    markdown = "# Brief\n\nOne two three four [[1]](#src-1).\n\n## Sources\n\n1. A very long source title here\n"
    assert count_words(markdown) == 5
    assert check_length(markdown, "executive", 5) == []
    assert [c.check for c in check_length(markdown, "executive", 4)] == ["brief-too-long"]
    assert check_length(markdown, "analyst", None) == []
