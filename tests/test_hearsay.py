"""Stances keep their verb, and what the author only relays about a side is no position it stated, end to end
through `briefer extract` on made-up copy in the language of news."""

from __future__ import annotations

import pytest
from in_process import extract_json

ARTICLE = (
    "Truce talks in Lakeport\n\n"
    "The new offer comes days after the rebels allegedly rejected a three-month truce in return for the release "
    "of the captured soldiers.\n\n"
    "The army chief Paul Osei reportedly told the mediators that the offensive would go on.\n\n"
    "Rebel leader Jean Mbala rejected a one-month ceasefire deal in exchange for the release of the captured "
    "soldiers.\n\n"
    "The opposition leader Sara Mendes rejected a one-month ceasefire deal in exchange for the release of the "
    "border guards.\n\n"
    "Interior Minister Ivo Petrov said on Monday that the crossings would reopen in May.\n"
)


@pytest.fixture(scope="module")
def positions(tmp_path_factory) -> list[dict]:
    return extract_json(tmp_path_factory.mktemp("hearsay"), {"lakeport.txt": ARTICLE})["positions"]


def said(positions: list[dict], speaker: str) -> list[str]:
    return [p["statement"] for p in positions if p["speaker"]["name"] == speaker]


@pytest.mark.parametrize("speaker", ["Jean Mbala", "Sara Mendes"])
def test_a_stance_keeps_its_verb_when_the_parser_reads_its_object_as_a_clause(positions, speaker):
    statements = said(positions, speaker)
    kept = [s for s in statements if s.startswith("rejected a one-month ceasefire deal in exchange for")]
    assert statements and kept == statements, statements


def test_what_the_author_only_relays_is_no_stated_position(positions):
    relayed = [p for p in positions if "truce" in p["statement"] or "offensive" in p["statement"]]
    assert relayed == []


def test_a_plain_report_stays(positions):
    assert said(positions, "Ivo Petrov") == ["the crossings would reopen in May"]
