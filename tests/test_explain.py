"""`briefer explain`: each fact with its rule and marked sentence; `--rule` shows dropped firings and why."""

from __future__ import annotations

from pathlib import Path

import pytest
from in_process import briefer

from briefer import extract  # noqa: F401 (registers the views and checks rules name)
from briefer.cli.explain import marked
from briefer.explain import Capture, Firing

ROOT = Path(__file__).resolve().parent.parent

RULES = """\
version: 1
rules:
  - id: venues.test-welcomed
    description: "<place> welcomed the delegations"
    section: venues
    kind: dependency
    patterns:
      - - {RIGHT_ID: welcome, RIGHT_ATTRS: {LEMMA: welcome}}
        - {LEFT_ID: welcome, REL_OP: ">", RIGHT_ID: place, RIGHT_ATTRS: {DEP: nsubj, ENT_TYPE: GPE}}
    emit: {name: "@place.place"}
  - id: delegations.test-envoy
    description: "the <party> envoy arrived"
    section: delegations
    kind: token
    patterns:
      - - {LOWER: the}
        - {IS_ALPHA: true, OP: "?", CAPTURE: who}
        - {LOWER: envoy}
        - {LEMMA: arrive}
    emit: {party: "@who.party"}
    unless: [quoted]
  - id: venues.host
    enabled: false
"""

ARTICLE = """\
Talks resume in the capital

Norway welcomed the delegations on Monday.

The Swedish envoy arrived on Tuesday. The new envoy arrived late.

"The Finnish envoy arrived first," an aide said.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("explain")
    (folder / "rules").mkdir()
    (folder / "rules" / "tests.yml").write_text(RULES, encoding="utf-8")
    (folder / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_every_fact_with_its_rule_sentence_and_captures(folder):
    result = briefer("explain", str(folder / "talks.txt"), "--rules", str(folder / "rules"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("== talks: Talks resume in the capital\n")
    rules_file = folder / "rules" / "tests.yml"
    assert f"venues from rule venues.test-welcomed ({rules_file}:3)" in out
    assert "   sentence: «[place: Norway] [welcome: welcomed]» the delegations on Monday." in out
    assert '   captures: welcome = "welcomed"; place = "Norway"' in out
    assert "   fact:     {name: Norway}" in out
    assert "   sentence: «The [who: Swedish] envoy arrived» on Tuesday." in out
    assert "   fact:     {party: Sweden}" in out
    assert "no fact" not in out, "without --rule only facts are shown"


def test_rule_shows_every_firing_and_why_some_gave_nothing(folder):
    result = briefer("explain", str(folder / "talks.txt"), "--rules", str(folder / "rules"),
                     "--rule", "delegations.test-envoy")
    assert result.returncode == 0, result.stderr
    firings = result.stdout.split("\n1. ")[1]
    assert "venues" not in firings, "--rule keeps to that rule"
    blocks = ("1. " + firings).split("\n2. ")
    assert len(result.stdout.split(" from rule delegations.test-envoy ")) == 4
    assert "{party: Sweden}" in blocks[0]
    assert "«The [who: new] envoy arrived» late." in result.stdout
    empty = [line for line in result.stdout.splitlines() if line.startswith("   no fact:  required field")]
    assert len(empty) == 1 and "empty" in empty[0] and "(@who.party gave nothing)" in empty[0], result.stdout
    assert "Finnish" in result.stdout and "no fact:  dropped by the `unless` check 'quoted'" in result.stdout


def test_unknown_or_switched_off_rule_is_a_usage_error(folder):
    args = ["explain", str(folder / "talks.txt"), "--rules", str(folder / "rules"), "--rule"]
    unknown = briefer(*args, "venues.tset-welcomed")
    assert unknown.returncode == 2
    assert "no such rule (did you mean 'venues.test-welcomed'?)" in unknown.stderr
    off = briefer(*args, "venues.host")
    assert off.returncode == 2
    assert "switched off" in off.stderr and "tests.yml" in off.stderr


def _firing(text: str, start: int, end: int, *captures: tuple[str, int, int]) -> Firing:
    return Firing(None, text, start, end, [Capture(name, text[s:e], s, e) for name, s, e in captures])


def test_marks_nest_when_a_capture_is_the_whole_match():
    assert marked(_firing("It is in doubt.", 6, 14, ("match", 6, 14))).plain == "It is «[match: in doubt]»."


def test_marks_captures_inside_the_match_in_order():
    firing = _firing("Ms Doe said that talks end.", 3, 26, ("speaker", 3, 6), ("cue", 7, 11), ("content", 23, 26))
    assert marked(firing).plain == "Ms «[speaker: Doe] [cue: said] that talks [content: end]»."


def test_the_hook_changes_no_fact(knowledge, nlp, compiled):
    from briefer.extract import extract_facts
    from briefer.model import Article

    text = (ROOT / "seeds" / "001_0a9e6b4c76570040.txt").read_text(encoding="utf-8")
    article = Article(id="seed", text=text)
    doc = nlp(text)
    plain = extract_facts(doc, article, compiled, knowledge.lexicon)
    heard = []
    hooked = extract_facts(doc, article, compiled, knowledge.lexicon,
                           on_match=lambda match, dropped_by, emitted, facts: heard.append((dropped_by, facts)))
    assert [f.model_dump() for f in hooked.facts] == [f.model_dump() for f in plain.facts]
    assert [f for _, facts in heard for f in facts] == hooked.facts
    assert all(not facts for dropped_by, facts in heard if dropped_by)
