"""Negotiation tracks end to end, on real article excerpts about two tracks (tests/fixtures/tracks, each with its
source URL): the executive brief opens with a bottom line per track naming its parties, venue, date and heads
of delegation, with citations; briefing.json holds the tracks, every item's track and the sources' dates."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT
from in_process import briefer
from pypdf import PdfReader

FIXTURES = ROOT / "tests" / "fixtures" / "tracks"


@pytest.fixture(scope="module")
def brief(tmp_path_factory):
    out = tmp_path_factory.mktemp("tracks")
    result = briefer("brief", str(FIXTURES), "--out", str(out), "--audience", "executive", "--date", "2023-06-20",
                     "--no-history")
    assert result.returncode == 0, result.stderr
    pdf = " ".join((page.extract_text() or "") for page in PdfReader(out / "brief.pdf").pages)
    return (json.loads((out / "briefing.json").read_text(encoding="utf-8")),
            (out / "brief.md").read_text(encoding="utf-8"), " ".join(pdf.split()))


def test_the_json_holds_the_tracks_every_items_track_and_the_sources_dates(brief):
    briefing, _, _ = brief
    tracks = {t["id"]: t for t in briefing["talks"]}
    by_source = {source: t["id"] for t in briefing["talks"] for source in t["sources"]}
    assert by_source["armenia-azerbaijan-washington-2022"] == by_source["armenia-azerbaijan-washington-2023"]
    assert by_source["colombia-eln-caracas"] == by_source["colombia-eln-mexico-city"]
    assert by_source["colombia-eln-caracas"] != by_source["armenia-azerbaijan-washington-2022"]
    for section in ("delegations", "venues", "positions", "open_questions"):
        assert all(item["talks"] in tracks for item in briefing[section]), section
    armenia = tracks[by_source["armenia-azerbaijan-washington-2022"]]
    assert {"Armenia", "Azerbaijan"} <= set(armenia["parties"]) and armenia["venues"][0].startswith("Washington")
    colombia = tracks[by_source["colombia-eln-caracas"]]
    assert {"Colombia", "ELN"} <= set(colombia["parties"]) and "Caracas, Venezuela" in colombia["venues"]
    dates = {s["id"]: (s["published"], s["dated_by"]) for s in briefing["sources"]}
    assert dates["armenia-azerbaijan-washington-2022"] == ("2022-11-07", "url")
    assert dates["armenia-azerbaijan-washington-2023"] == ("2023-06-16", "url")
    assert all(published for published, _ in dates.values())


def paragraphs(markdown: str) -> dict[str, str]:
    """The bottom line's paragraph of each track, by track title."""
    lead = re.search(r"^## Bottom line\s*$(.*?)(?=^## )", markdown, re.MULTILINE | re.DOTALL).group(1)
    return {m.group(1): m.group(2) for m in re.finditer(r"^\*\*(.+?)\.\*\* (.+)$", lead, re.MULTILINE)}


def test_the_executive_brief_opens_with_a_bottom_line_naming_who_met_where_and_when(brief):
    briefing, markdown, pdf = brief
    first_section = re.search(r"^## (.+)$", markdown, re.MULTILINE).group(1)
    assert first_section == "Bottom line"
    lines = paragraphs(markdown)
    assert set(lines) == {t["title"] for t in briefing["talks"]}
    for talks in briefing["talks"]:
        line = lines[talks["title"]]
        delegations = [d for d in briefing["delegations"] if d["talks"] == talks["id"]]
        for delegation in delegations:
            assert delegation["party"] in line
            if delegation["leader"]:
                assert delegation["leader"]["name"] in line  # who led each side
        assert talks["venues"][0].split(",")[0] in line  # where
        assert re.search(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b", line)  # when
        assert re.search(r"\[\[\d+\]\]\(#src-\d+\)", line)  # with citations
    # the PDF says the same
    assert "Bottom line" in pdf
    for talks in briefing["talks"]:
        assert talks["title"] in pdf
    for delegation in briefing["delegations"]:
        if delegation["leader"]:
            assert delegation["leader"]["name"] in pdf


def test_every_track_has_key_terms_and_its_bottom_line_in_the_json_and_the_brief(brief):
    briefing, markdown, pdf = brief
    for talks in briefing["talks"]:
        assert talks["summary"], talks["title"]
        assert talks["key_terms"], talks["title"]
        for term in talks["key_terms"]:
            assert term.lower() not in {p.lower() for p in talks["parties"]}  # a topic, not a party
        assert f"Topics: {', '.join(talks['key_terms'])}." in markdown


def test_a_tracks_dates_come_from_its_own_sentences_and_an_offer_to_host_is_no_meeting(resolve_article):
    from briefer.model import Article

    text = ("Russian and Ukrainian delegations met in Istanbul on Friday for a second round of talks.\n"
            "Turkey will renew its offer to host further talks at a gathering of European leaders on Monday.\n"
            "The European Union invited the Moldovan president to a summit of its leaders on Thursday.\n"
            "The two delegations are to meet again in Istanbul on Wednesday.\n")
    article = Article(id="report", text=text, title="Delegations meet in Istanbul", published="2025-06-06",
                      dated_by="metadata")
    resolved = resolve_article(article)
    talks = next(t for t in resolved.talks if "Russia" in t.parties)
    assert sorted(d.text for d in talks.dates) == ["Friday", "Wednesday"]
    assert talks.status == "held"  # the next meeting is what comes next, not a change of status
    assert talks.title == "Russia–Ukraine talks in Istanbul"


def test_a_place_named_only_for_earlier_rounds_is_not_where_the_track_meets(resolve_article):
    from briefer.model import Article

    text = ("Armenian and Azerbaijani negotiators met in Tbilisi on Monday to resume their border talks.\n"
            "Previous rounds of the border commission were held in Vienna and Prague.\n"
            "The talks in Tbilisi came after earlier meetings stalled over the map.\n")
    article = Article(id="report", text=text, title="Border talks resume", published="2025-03-04",
                      dated_by="metadata")
    resolved = resolve_article(article)
    talks = next(t for t in resolved.talks if "Armenia" in t.parties)
    assert [v.split(",")[0] for v in talks.venues] == ["Tbilisi"]
    assert "Vienna" in {v.name for v in resolved.venues}  # still a venue item, of earlier rounds
