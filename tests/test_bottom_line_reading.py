"""The bottom line as a minister reads it, end to end through `briefer brief --audience executive`: a body named
for its party speaks as the party, statements are whole clauses (never cut with "…"), "Next:" says briefly who
meets where and when, the latest round's state and date win, and track ids name the title's parties. The
fixture (tests/fixtures/bottomline) is two invented reports of one meeting, announced and then held."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT
from in_process import briefer
from pypdf import PdfReader

FIXTURE = ROOT / "tests" / "fixtures" / "bottomline"
SEEDS = ROOT / "seeds"
_CITATION = re.compile(r"\s*\[\[\d+\]\]\(#src-\d+\)")


def run(sources, out):
    result = briefer("brief", str(sources), "--out", str(out), "--audience", "executive", "--date", "2025-02-28",
                     "--no-history")
    assert result.returncode == 0, result.stderr
    markdown = (out / "brief.md").read_text(encoding="utf-8")
    lead = re.search(r"^## Bottom line\s*$(.*?)(?=^## )", markdown, re.MULTILINE | re.DOTALL).group(1)
    pdf = " ".join(" ".join((page.extract_text() or "") for page in PdfReader(out / "brief.pdf").pages).split())
    return json.loads((out / "briefing.json").read_text(encoding="utf-8")), _CITATION.sub("", lead).strip(), pdf


@pytest.fixture(scope="module")
def embassy(tmp_path_factory):
    return run(FIXTURE, tmp_path_factory.mktemp("bottomline"))


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    return run(SEEDS, tmp_path_factory.mktemp("seeds"))


def test_the_kremlin_speaks_as_russia(embassy):
    briefing, lead, pdf = embassy
    assert any(p["speaker"]["name"] == "Kremlin" for p in briefing["positions"])  # the model keeps who said it
    assert "Russia: the talks in Istanbul were constructive and businesslike" in lead
    assert "Kremlin (Russia)" not in lead
    assert "Russia: the talks in Istanbul were constructive and businesslike" in pdf


def test_the_held_meeting_wins_over_its_announcement_and_next_is_brief(embassy):
    briefing, lead, _ = embassy
    (talks,) = [t for t in briefing["talks"] if t["id"] != "other"]
    assert talks["id"] == "russia-united-states"  # the title's parties, not a third one
    assert talks["status"] == "held"
    assert [d["status"] for d in talks["dates"] if d["text"] == "Thursday"] == ["held"]
    assert "met in Istanbul" in lead and "(Thursday)" in lead
    assert "Next: Technical teams from both foreign ministries to meet in Moscow (next month)." in lead
    assert talks["summary"][-1] == "Next: Technical teams from both foreign ministries to meet in Moscow (next month)."


def test_the_kremlins_long_statement_is_not_cut_mid_clause(embassy):
    _, lead, _ = embassy
    assert "…" not in lead
    assert "would depend on how quickly" not in lead  # 30 words with no clause end within 18: another is chosen


def test_the_seeds_bottom_line_reads_in_two_minutes(seeds):
    briefing, lead, _ = seeds
    assert "…" not in lead and "Kremlin (" not in lead
    assert not re.search(r", [A-Z]\w+ (?:said|claimed)\b", lead)  # a reporting clause left in a statement is cut
    paragraphs = [p for p in lead.split("\n\n") if p.startswith("**")]
    for paragraph in paragraphs:
        body = paragraph.split(".** ", 1)[1].split(" *Topics:")[0]
        assert 1 <= len(re.findall(r"[.!?”\"](?: |$)", body)) <= 4, paragraph
    assert len(lead.split()) <= 300
    us_russia = next(p for p in paragraphs if p.startswith("**United States–Russia"))
    assert "met in Istanbul (Thursday)" in us_russia  # the latest round, not the Riyadh one
    assert "after a round in Saudi Arabia (February 18)" in us_russia  # what came before
    assert not re.search(r"Next: [A-Z][^.]{120,}", lead)  # next, briefly: no quoted sentence
    ids = {t["id"] for t in briefing["talks"]}
    assert {"russia-ukraine", "russia-united-states", "ukraine-united-states"} <= ids


def test_the_analyst_key_developments_quote_whole_clauses_and_name_a_party_once(tmp_path):
    result = briefer("brief", str(SEEDS / "003_319b280a2761b26d.txt"), "--out", str(tmp_path), "--format", "md",
                     "--date", "2025-02-28", "--no-history")
    assert result.returncode == 0, result.stderr
    markdown = (tmp_path / "brief.md").read_text(encoding="utf-8")
    developments = re.search(r"^## Key developments\s*$(.*?)(?=^## )", markdown, re.MULTILINE | re.DOTALL).group(1)
    assert "most widely reported: " in developments and "open questions, among them: " in developments
    assert "…" not in developments
    assert not re.search(r"\b([A-Z][\w.]*(?: [A-Z][\w.]*)*) \(\1\)", developments)  # "United States (United States)"
