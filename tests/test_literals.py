"""A regex rule skipped on a text lacking the words it requires finds what the regex finds: the same matches in the
same order, for the built-in rules and for random texts."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.rules.literals import ScreenedRegex, may_match, requirements
from tests.conftest import SEEDS


def found(regex, text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in regex.finditer(text)]


def test_requirements_are_the_literal_runs_every_match_holds():
    assert requirements(re.compile(r"(?:^|(?<=\. ))Representing (?P<side>[^\n]+?) (?:are|were|will be)")) == (
        frozenset({"Representing "}), frozenset({" "}), frozenset({"are", "were", "will be"}))
    assert requirements(re.compile(r"\b(?:co-?led|jointly led) by")) == (
        frozenset({"led", "jointly led"}), frozenset({" by"}))
    assert requirements(re.compile(r"x(?:abc)+y(?:def)*z?")) == (
        frozenset({"x"}), frozenset({"abc"}), frozenset({"y"}))


def test_optional_parts_assertions_and_empty_alternatives_require_nothing():
    assert requirements(re.compile(r"(?:abc)?(?=def)(?!ghi)(?<=jkl)")) == ()
    assert requirements(re.compile(r"(?:abc|)d*")) == ()
    assert requirements(re.compile(r"[abc]\w+\s\d")) == ()


def test_case_insensitive_regexes_are_never_skipped():
    assert requirements(re.compile("Representing", re.IGNORECASE)) == ()
    assert requirements(re.compile("(?i)Representing")) == ()
    assert requirements(re.compile("are (?i:Representing)")) == ()
    assert found(ScreenedRegex.of(re.compile("(?i)representing")), "REPRESENTING") == [((0, 12), {})]


def test_may_match_needs_one_alternative_of_every_requirement():
    needs = (frozenset({"led", "headed"}), frozenset({" by "}))
    assert may_match(needs, "the team headed by X")
    assert not may_match(needs, "the team headed to X")
    assert may_match((), "anything")


def test_the_built_in_regexes_find_the_same_in_every_paragraph(compiled):
    """Every seed article, whole and paragraph by paragraph (most paragraphs lack a rule's words)."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    texts += [paragraph for text in texts for paragraph in text.split("\n\n")]
    skipped = 0
    for _rule, screened in compiled.regexes:
        for text in texts:
            assert found(screened, text) == found(screened.regex, text)
            skipped += not may_match(screened.needs, text)
    assert skipped > 0, "the screen leaves some texts out"


WORDS = st.sampled_from(["led", "headed", "by", "the", "team", "are", "were", "Representing", "\n", ",", "x"])
REGEXES = [r"(?:led|headed) by (?P<who>\w+)", r"^Representing (?P<side>[^\n]+?) (?:are|were)\b", r"team,?(?: x)+",
           r"(?:the )?team (?:is|are|were) (?:led|headed)", r"x\b(?!, )"]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, max_size=14), index=st.integers(0, len(REGEXES) - 1))
def test_random_texts_match_as_without_the_screen(words, index):
    regex = re.compile(REGEXES[index], re.MULTILINE)
    text = " ".join(words)
    assert found(ScreenedRegex.of(regex), text) == found(regex, text)
