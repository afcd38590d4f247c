"""Defects found by reading the briefs as a desk officer would (issue 17), each read back from the CLI's
Markdown, JSON and PDF: a word left alone on a PDF line, conference tracks titled by two of their parties,
places of other meetings shown as venues, absent parties seated, glued words as key terms."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS, SHARED
from in_process import briefer as run
from pypdf import PdfReader

from briefer.render import pdf
from briefer.render.escape import spaces_past_tags

DEV2 = SHARED / "dev2" / "articles"
CONFERENCES = ("k04_liveblog-cop26-glasgow-final-hours", "k05_wto-mc12-overtime-india-defiant",
               "g08_burgenstock-peace-summit-opinion-jun2024")

# An article of our own: a summit some parties stayed away from, after another meeting elsewhere.
SUMMIT = """Ocean summit opens in Lisbon without two major powers

Leaders from more than forty countries met in Lisbon on Monday for a summit on maritime security, although neither \
Russia nor China attended the meeting in Lisbon.

French President Emmanuel Macron led the French delegation, which includes Foreign Minister Jean-Noel Barrot. Japan's \
delegation is led by Prime Minister Shigeru Ishiba.

Several leaders flew in straight after the three-day G20 summit in Johannesburg, and earlier rounds of the process \
were held in Nairobi.

"We will not leave Lisbon without a plan for the straits," Macron told reporters.
"""


def brief(sources: list[str], out: Path, audience: str) -> tuple[str, dict, str]:
    """`briefer brief` run as a user runs it: its Markdown, its JSON and its PDF's text, one line a line."""
    result = run("brief", *sources, "--out", str(out), "--audience", audience, "--date", "2026-11-23",
                 "--no-history")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(io.BytesIO((out / "brief.pdf").read_bytes()))
    return ((out / "brief.md").read_text(encoding="utf-8"), json.loads((out / "briefing.json").read_text("utf-8")),
            "\n".join(page.extract_text() or "" for page in reader.pages))


def section(markdown: str, title: str) -> str:
    found = re.search(rf"^## {title}\s*$(.*?)(?=^## |\Z)", markdown, re.MULTILINE | re.DOTALL)
    return found.group(1) if found else ""


@pytest.fixture(scope="module")
def seeds_executive(tmp_path_factory):
    return brief([str(SEEDS)], tmp_path_factory.mktemp("seeds"), "executive")


@pytest.fixture(scope="module")
def conferences(tmp_path_factory):
    if not DEV2.is_dir():
        pytest.skip("../shared/dev2 is absent")
    folder = tmp_path_factory.mktemp("articles")
    for stem in CONFERENCES:
        shutil.copy(DEV2 / f"{stem}.txt", folder)
    return brief([str(folder)], tmp_path_factory.mktemp("conferences"), "executive")


@pytest.fixture(scope="module")
def summit(tmp_path_factory):
    article = tmp_path_factory.mktemp("summit") / "lisbon.txt"
    article.write_text(SUMMIT, encoding="utf-8")
    return {audience: brief([str(article)], tmp_path_factory.mktemp(audience), audience)
            for audience in ("executive", "analyst")}


# 1. PDF layout

def _lines(document) -> list[str]:
    """The text of each laid-out line of the first page."""
    found = []

    def walk(box):
        if type(box).__name__ == "LineBox":
            found.append(" ".join("".join(b.text for b in box.descendants() if hasattr(b, "text")).split()))
            return
        for child in getattr(box, "children", None) or []:
            walk(child)

    walk(document.pages[0]._page_box)
    return [line for line in found if line]


def _width(html: str) -> float:
    document = pdf.layout(html, [Path(".")])
    return next(b.width for b in document.pages[0]._page_box.descendants()
                if type(b).__name__ == "TextBox" and b.text.startswith("Negotiators"))


def test_a_run_that_fits_its_line_only_without_its_last_space_is_not_cut_to_its_first_word():
    run_ = "Negotiators from both capitals went through the draft text line by line"
    bare = _width(f'<p style="width:4000px">{run_}<span>[1]</span></p>')
    spaced = _width(f'<p style="width:4000px">{run_} <span>[1]</span></p>')
    width = (bare + spaced) / 2  # the run fits without its space, not with it
    html = (f'<html><body><p style="width:{width}px;margin:0">{run_} <span class="cites">[1]</span> and the '
            'talks went on.</p></body></html>')
    lines = _lines(pdf.layout(spaces_past_tags(html), [Path(".")]))
    assert lines[0] == run_, lines


def test_the_seeds_executive_pdf_leaves_no_word_alone_inside_a_bottom_line_paragraph(seeds_executive):
    _, _, text = seeds_executive
    lead = text.split("Bottom line", 1)[1].split("Delegations", 1)[0]
    alone = [line for line in lead.splitlines() if len(line.split()) == 1 and not re.search(r"[.\]]$", line.strip())]
    assert not alone, alone


def test_every_audience_pdf_keeps_citations_with_their_words(tmp_path):
    for audience in ("executive", "analyst", "base"):
        _, _, text = brief([str(SEEDS / "001_0a9e6b4c76570040.txt")], tmp_path / audience, audience)
        body = text.rsplit("Sources", 1)[0]  # the source list opens its lines with their numbers
        starts = [line for line in body.splitlines() if re.match(r"\s*\[\d+\]", line)]
        assert not starts, (audience, starts)  # a citation marker never opens a line


# 2. Conferences of a recurring series

def test_a_conference_of_a_recurring_series_is_titled_by_its_name(conferences):
    markdown, briefing, text = conferences
    titles = {talks["title"] for talks in briefing["talks"]}
    assert "COP26 in Glasgow" in titles and "WTO Ministerial Conference" in titles, titles
    lead = section(markdown, "Bottom line")
    assert "**COP26 in Glasgow.**" in lead and "at COP26 in Glasgow" in lead
    assert "**WTO Ministerial Conference.**" in lead and "the WTO Ministerial Conference" in lead
    assert "China–United States talks" not in lead and "India–WTO talks" not in lead
    assert "COP26 in Glasgow" in text
    assert "Bürgenstock, Switzerland · Peace Summit" in text  # a separator keeps its spaces


def test_a_series_named_as_another_meeting_does_not_title_the_track(summit):
    _, briefing, _ = summit["executive"]
    titles = [talks["title"] for talks in briefing["talks"]]
    assert not any("G20" in title for title in titles), titles


# 3. Places of other meetings

def test_places_named_as_where_other_meetings_met_are_no_venues_of_the_track(conferences):
    markdown, briefing, text = conferences
    summit = next(t for t in briefing["talks"] if t["title"].startswith("Peace Summit"))
    assert not {"Italy", "Copenhagen, Denmark"} & set(summit["venues"]), summit["venues"]
    assert {"Italy", "Copenhagen, Denmark"} <= set(summit["elsewhere"])
    for shown in (section(markdown, "Delegations"), section(markdown, "Venues"), section(markdown, "Bottom line")):
        assert "Italy" not in shown and "Copenhagen" not in shown, shown
    assert "Copenhagen" not in text and "nearby Italy" not in text


def test_the_analyst_brief_keeps_them_marked_as_another_meetings_place(summit):
    markdown, briefing, _ = summit["analyst"]
    talks = briefing["talks"][0]
    assert "Lisbon" in talks["title"] and talks["venues"][0].startswith("Lisbon")
    assert not any(place.startswith(("Johannesburg", "Nairobi")) for place in talks["venues"]), talks["venues"]
    for place in ("Johannesburg", "Nairobi"):
        line = next((line for line in markdown.splitlines() if line.startswith(f"- **{place}**")), None)
        if line is not None:
            assert "named as where another meeting was held" in line, line
    executive, _, text = summit["executive"]
    assert "Johannesburg" not in section(executive, "Venues") and "Nairobi" not in section(executive, "Venues")
    assert "Nairobi" not in text


# 4. Absent parties

def test_neither_nor_attended_seats_neither_party(summit):
    for audience, (markdown, briefing, _) in summit.items():
        parties = {d["party"] for d in briefing["delegations"]} | {p for t in briefing["talks"] for p in t["parties"]}
        assert not {"Russia", "China"} & parties, (audience, parties)
        lead = section(markdown, "Bottom line")
        assert "Russia" not in lead and "China" not in lead, lead
        assert "France" in parties


# 5. Key terms

def test_key_terms_hold_no_words_glued_across_a_missing_space(seeds_executive):
    markdown, briefing, text = seeds_executive
    terms = [term for talks in briefing["talks"] for term in talks["key_terms"]]
    assert terms
    assert not any("usforeign" in term or re.search(r"[a-z]{3}[A-Z]", term) for term in terms), terms
    assert "usforeign" not in markdown and "usforeign" not in text


def test_words_a_source_glued_together_are_parted_before_ranking():
    from briefer.render.keyterms import unglued

    assert unglued("U.K.Trade policy shifts; the roundEnded late") == "U.K. Trade policy shifts; the round Ended late"
    names = "McCarthy, DeSantis and MacArthur met U.S. envoys"
    assert unglued(names) == names
