"""Hard-wrapped text: lines joined back into paragraphs before parsing, and nothing else joined."""

from __future__ import annotations

import json
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.ingest import read_sources
from briefer.ingest.unwrap import unwrap
from briefer.pipeline import Settings, extract

ARTICLE = [
    "Water talks resume in Accra",
    "ACCRA, March 3 - Negotiators from Ghana and Togo met in Accra on Tuesday for a third round of talks "
    "on sharing the waters of the Volta river, officials from both sides said.",
    "The Ghanaian delegation is led by Foreign Minister Ilona Varga and includes deputy water minister Petra Holm, "
    "legal adviser Marek Doyle and senior engineer Sofia Brandt.",
    "Togo sent a team headed by Environment Minister Tomas Ekdal, with hydrologist Rafael Ortiz and "
    "ambassador Clara Nyberg at his side.",
    '"We came to close the gaps on the dam schedule, not to reopen the whole treaty," Varga told reporters '
    "outside the Lakeside Conference Centre, where the talks are held behind closed doors.",
    "Ekdal said Togo wanted guarantees on summer flows before it signs anything, and he accused Ghana of "
    "filling the new reservoir faster than agreed last year.",
    "It was not immediately clear whether the two sides would agree on a joint monitoring body before the "
    "round ends on Friday.",
]


def wrapped(paragraphs: list[str], width: int = 72, separator: str = "\n") -> str:
    return separator.join(textwrap.fill(p, width, break_on_hyphens=False) for p in paragraphs)


def test_a_hard_wrapped_article_gives_the_same_extraction_as_its_paragraphs(tmp_path):
    plain, hard = tmp_path / "plain.txt", tmp_path / "hard.txt"
    plain.write_text("\n".join(ARTICLE), encoding="utf-8")
    hard.write_text(wrapped(ARTICLE), encoding="utf-8")
    assert len(hard.read_text(encoding="utf-8").splitlines()) > 2 * len(ARTICLE)
    results = []
    for path in (plain, hard):
        briefing = json.loads(extract(Settings(sources=[str(path)])).briefing.model_dump_json())
        results.append({key: briefing[key] for key in ("delegations", "venues", "positions", "open_questions")})
    assert results[0]["delegations"]  # the article is read at all
    for section in results[0]:
        for item in [*results[0][section], *results[1][section]]:
            for evidence in item.get("evidence", []):
                evidence.pop("source", None)
    assert results[1] == results[0]


def test_ingest_reads_a_wrapped_file_as_its_paragraphs_and_its_whole_headline(tmp_path):
    path = tmp_path / "talks.txt"
    headline = "Ghana and Togo reopen their long-stalled talks on the Volta river dams"
    path.write_text(wrapped([headline, *ARTICLE[1:]], width=60), encoding="utf-8")
    article = read_sources([str(path)]).articles[0]
    assert article.text.split("\n") == [headline, *ARTICLE[1:]]
    assert article.title == headline


def test_wrapped_json_lines_are_unwrapped_too(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "w1", "title": "Talks", "text": wrapped(ARTICLE[1:], separator="\n\n")})
                    + "\n", encoding="utf-8")
    assert read_sources([str(path)]).articles[0].text == "\n\n".join(ARTICLE[1:])


def test_lists_headings_and_short_lines_stay_lines():
    text = wrapped(ARTICLE[1:3]) + (
        "\nThe Ghanaian team:\n"
        "- Ilona Varga, foreign minister\n"
        "- Petra Holm, deputy water minister\n"
        "2. Marek Doyle, legal adviser\n"
        "   Dams and flows\n"
        "Sofia Brandt, senior engineer\n") + wrapped(ARTICLE[3:5])
    lines = unwrap(text).split("\n")
    assert lines[:2] == ARTICLE[1:3]
    assert lines[2:8] == ["The Ghanaian team:", "- Ilona Varga, foreign minister",
                          "- Petra Holm, deputy water minister", "2. Marek Doyle, legal adviser", "   Dams and flows",
                          "Sofia Brandt, senior engineer"]
    assert lines[8:] == ARTICLE[3:5]


def test_a_wrapped_list_item_goes_on_under_its_bullet():
    text = wrapped(ARTICLE[1:3]) + "\n* The team of Togo includes hydrologist Rafael Ortiz and ambassador\n" \
                                   "  Clara Nyberg, who arrived late\n* Talks end on Friday"
    assert unwrap(text).split("\n")[-2:] == [
        "* The team of Togo includes hydrologist Rafael Ortiz and ambassador Clara Nyberg, who arrived late",
        "* Talks end on Friday"]


def test_an_indented_line_starts_a_paragraph():
    text = wrapped(ARTICLE[1:3]).replace("\nThe Ghanaian", "\n    The Ghanaian")
    assert unwrap(text).split("\n") == [ARTICLE[1], "    " + ARTICLE[2]]


def test_a_word_broken_after_its_hyphen_is_whole_again_and_abbreviations_go_on():
    text = wrapped(ARTICLE[1:3]) + (
        "\nThe mediators, who flew in overnight from the Accra-\nbased regional secretariat, then met with the U.S.\n"
        "officials and the two envoys after a long and tiring day of shuttling\n"
        "between the two delegations at the lakeside hotel on Tuesday.")
    assert unwrap(text).split("\n")[-1] == (
        "The mediators, who flew in overnight from the Accra-based regional secretariat, then met with the U.S. "
        "officials and the two envoys after a long and tiring day of shuttling between the two delegations at the "
        "lakeside hotel on Tuesday.")


def test_text_written_a_paragraph_a_line_is_left_alone():
    text = "\n".join(ARTICLE)
    assert unwrap(text) == text
    assert unwrap("\n".join(ARTICLE[:2])) == "\n".join(ARTICLE[:2])


LOWER = st.sampled_from("talks water river the of and on with delegation minister round agreed said would "
                        "between flows dam summer treaty guarantees team".split())
NAMES = st.sampled_from("Varga Ghana Togo Ekdal Volta Accra Holm Friday".split())
sentences = st.builds(
    lambda first, words, end: " ".join([first.capitalize(), *words]) + end,
    LOWER, st.lists(LOWER | NAMES, min_size=4, max_size=30), st.sampled_from([".", "?", "!", '."']))
paragraphs = st.lists(st.lists(sentences, min_size=1, max_size=5).map(" ".join), min_size=3, max_size=8)


@settings(max_examples=60, deadline=None)
@given(paragraphs, st.integers(50, 100))
def test_paragraphs_parted_by_blank_lines_come_back_whole(paras, width):
    text = wrapped(paras, width, "\n\n")
    result = unwrap(text)
    if result != text:  # taken as wrapped: every paragraph comes back whole
        assert result == "\n\n".join(paras)
    assert unwrap(result) == result


@settings(max_examples=60, deadline=None)
@given(paragraphs, st.integers(50, 100))
def test_without_blank_lines_no_line_ends_inside_a_sentence(paras, width):
    text = wrapped(paras, width)
    result = unwrap(text)
    assert result.split() == text.split()  # nothing lost, nothing added
    if result != text:
        for line in result.split("\n"):
            assert line.endswith((".", "?", "!", '"'))


def test_a_title_case_first_line_whose_sentence_ends_on_the_next_line_is_no_headline():
    paras = ["Talks on Volta Dam and Togo Border Resume in Ghana Capital.",
             "The delegations met on Friday and agreed that the talks would go on in the summer. The minister said "
             "so.", "Both teams said the flows of the river would be shared. Nobody said when the treaty is due."]
    text = wrapped(paras, 50, "\n\n")
    assert text.split("\n")[1] == "Capital."  # the title-case first sentence wraps before its last word
    assert unwrap(text) == "\n\n".join(paras)


def test_a_full_title_case_first_line_carried_on_by_a_short_sentence_end_is_no_headline():
    paras = ["Talks on Volta Dam and Border Resume Between Ghana Togo Benin Burkina Faso.",
             "The delegations met on Friday and agreed that the talks would go on in the summer. The minister said "
             "so.", "Both teams said the flows of the river would be shared. Nobody said when the treaty is due."]
    text = wrapped(paras, 50, "\n\n")
    assert len(text.split("\n")[1].split()) > 2  # the first sentence ends on a line of several words
    assert unwrap(text) == "\n\n".join(paras)


def test_a_short_headline_over_a_one_line_lead_stays_a_headline():
    text = wrapped(["Talks Resume in Ghana Capital"], 50, "\n") + "\n" + wrapped(
        ["The delegations met on Friday.", "Both teams said the flows of the river would be shared by all."],
        50, "\n\n")
    assert unwrap(text).split("\n")[0] == "Talks Resume in Ghana Capital"


TAIL = ["The delegations met on Friday and agreed that the talks would go on in the summer. The minister said so.",
        "Both teams said the flows of the river would be shared. Nobody said when the treaty is due."]


def test_a_first_line_ending_one_sentence_and_starting_another_is_no_headline():
    paras = ["Volta Talks Resume in Accra. Envoys From Togo Arrive Officials Say.", *TAIL]
    text = wrapped(paras, 50, "\n")
    assert ". " in text.split("\n")[0]
    assert unwrap(text) == "\n".join(paras)


def test_without_blank_lines_a_two_word_sentence_end_carries_the_title_case_line_on():
    paras = ["Talks on the Volta Dam Resume Between Ghana Togo Benin Officials.", *TAIL]
    text = wrapped(paras, 50, "\n")
    assert text.split("\n")[1] == "Benin Officials."
    assert unwrap(text) == "\n".join(paras)
