"""A fact many sources report: its markers show the first few sources and count the rest, and the page-limited
brief lists only the sources it shows (end to end through `briefer brief`)."""

from __future__ import annotations

import re

import pytest
from in_process import briefer

# Made-up wire copy; each copy runs under its own headline, as the same report does on many sites.
WIRE = """{title}

LAKEPORT, March 3 (Test Wire) - Norvian Foreign Minister Ivo Marin and his Estland counterpart Mira Holm held \
talks in Lakeport on Monday on the river dispute. "We are closer than ever to a deal on the dams," Marin told \
reporters after the meeting. It remains unclear whether the two sides will meet again before the dry season.
"""
COPIES = 12


@pytest.fixture(scope="module")
def briefs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("copies")
    for n in range(COPIES):
        (folder / f"wire{n:02d}.txt").write_text(WIRE.format(title=f"River talks in Lakeport, report {n}"),
                                                 encoding="utf-8")
    out = {}
    for audience in ("executive", "analyst"):
        target = tmp_path_factory.mktemp(audience)
        result = briefer("brief", str(folder), "--out", str(target), "--audience", audience, "--format", "md,json")
        assert result.returncode == 0, result.stderr
        out[audience] = (target / "brief.md").read_text(encoding="utf-8")
    return out


def markers(line: str) -> list[str]:
    return re.findall(r"\[\[(\d+)\]\]", line)


@pytest.mark.parametrize("audience", ["executive", "analyst"])
def test_a_fact_every_copy_reports_shows_three_markers_and_counts_the_rest(briefs, audience):
    cited = [line for line in briefs[audience].splitlines() if "+9 more" in line]
    assert cited, briefs[audience]
    for line in cited:
        assert re.search(r"(\[\[\d+\]\]\(#src-\d+\)){3} \+9 more", line), line
    body = briefs[audience].partition("## Sources")[0]
    assert not re.search(r"(\[\[\d+\]\]\(#src-\d+\)){4}", body)  # never four markers in a row


def test_the_executive_brief_lists_only_the_sources_it_shows(briefs):
    markdown = briefs["executive"]
    body, _, sources = markdown.partition("## Sources")
    listed = set(re.findall(r'id="src-(\d+)"', sources))
    shown = set(markers(body))
    assert listed == shown
    assert len(listed) < COPIES
    assert len(set(re.findall(r'id="src-(\d+)"', briefs["analyst"]))) == COPIES  # the analyst lists them all
