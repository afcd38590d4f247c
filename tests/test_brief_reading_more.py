"""More defects found by reading the seeds' briefs as a desk officer would (issue 17), read back from the CLI's
Markdown, JSON and PDF: a delegation shown at another meeting's place, junk topics, an honorific ending a role,
evidence shown twice, a place listed beside its own country."""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS
from test_brief_reading import brief, section


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    return {audience: brief([str(SEEDS)], tmp_path_factory.mktemp(audience), audience)
            for audience in ("executive", "analyst")}


def test_a_delegation_is_shown_only_where_its_own_sentences_or_its_tracks_one_venue_place_it(seeds):
    markdown, briefing, text = seeds["executive"]
    talks = {t["id"]: t for t in briefing["talks"]}
    lines = [line for line in section(markdown, "Delegations").splitlines() if line.startswith("- **")]
    assert lines
    for line in lines:
        party = re.match(r"- \*\*(.+?)\*\*", line).group(1)
        at = re.search(r"; at (.+?) \[\[", line)
        if not at:
            continue
        delegation = next(d for d in briefing["delegations"] if d["party"] == party
                          and talks[d["talks"]]["title"] in line)
        sentences = " ".join(e["sentence"] for e in delegation["evidence"])
        for place in talks[delegation["talks"]]["venues"]:
            if place in at.group(1) and len(talks[delegation["talks"]]["venues"]) > 1:
                assert place.split(",")[0] in sentences, (line, place)
    us = next(line for line in lines if line.startswith("- **United States**"))
    assert "Saudi Arabia" not in us or "Oval Office" not in us, us
    analyst, _, _ = seeds["analyst"]
    venues = [line for line in analyst.splitlines() if line.startswith("- **Venue:**")]
    assert "- **Venue:** Oval Office, White House, United States; Saudi Arabia" not in venues
    assert "at Istanbul, Turkey" in text.replace("\n", " ")


def test_the_seeds_topics_hold_no_verb_time_or_figure_of_speech_terms(seeds):
    markdown, briefing, text = seeds["executive"]
    topics = [term for talks in briefing["talks"] for term in talks["key_terms"]]
    shown = " ".join(re.findall(r"\*Topics: ([^*]+)\*", section(markdown, "Bottom line")))
    assert topics and shown
    for junk in ("views sanctions", "cold war times", "world war iii", "discreet location"):
        assert junk not in topics and junk not in shown and junk not in text.lower().replace("\n", " "), junk


# An article of our own: Indian honorifics before the names, after the titles.
HONORIFIC = """Trade ministers open talks in Geneva

Indian Commerce Minister Shri Arun Mehta led the Indian delegation at the trade talks in Geneva on Monday.

The Indian delegation, which includes Commerce Secretary Smt Kavita Rao, met Brazilian officials on farm subsidies.

"We came to Geneva to close a deal on food stocks," Shri Arun Mehta told reporters after the talks.
"""


def test_an_honorific_neither_ends_a_role_nor_opens_a_name(tmp_path):
    article = tmp_path / "geneva.txt"
    article.write_text(HONORIFIC, encoding="utf-8")
    markdown, briefing, text = brief([str(article)], tmp_path / "out", "analyst")
    people = [p for d in briefing["delegations"] for p in (d["leader"], *d["members"]) if p]
    people += [p["speaker"] for p in briefing["positions"]]
    assert any(p["name"] == "Arun Mehta" for p in people), people
    for person in people:
        assert not re.match(r"(?:Shri|Smt)\b", person["name"]), person
        assert not re.search(r"\b(?:Shri|Smt)$", person.get("role") or ""), person
    shown = "\n".join(line for line in markdown.splitlines()
                      if "Evidence [" not in line)  # an evidence line quotes the source as written
    assert "Arun Mehta" in shown
    assert not re.search(r"(?:Minister|Secretary) (?:Shri|Smt)\b|(?:Shri|Smt) (?:Arun|Kavita)", shown), shown


# An article of our own: one sentence names the summit's place and the country it lies in.
LAKESIDE = """Sea lanes summit opens at Bürgenstock

The two-day summit on maritime security at Bürgenstock in central Switzerland drew leaders from more than fifty \
countries on Saturday.

Japan's delegation is led by Foreign Minister Takeshi Iwaya, and Canada's delegation is led by Foreign Minister \
Anita Anand.
"""


def test_a_place_and_its_country_are_one_venue_with_each_sentence_shown_once(tmp_path):
    article = tmp_path / "lakeside.txt"
    article.write_text(LAKESIDE, encoding="utf-8")
    markdown, briefing, text = brief([str(article)], tmp_path / "out", "analyst")
    venues = briefing["talks"][0]["venues"]
    assert "Bürgenstock, Switzerland" in venues and "Switzerland" not in venues, venues
    evidence = [line for line in markdown.splitlines() if "Evidence [" in line]
    assert len([line for line in evidence if "two-day summit" in line]) == 1, evidence
    assert "Bürgenstock, Switzerland" in text
