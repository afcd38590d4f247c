"""Ingest cleaning: Unicode, quotes, whitespace, hostile titles, and the page-furniture rules."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.errors import ConfigError
from briefer.ingest import read_sources
from briefer.ingest.cleaning import MAX_TITLE_CHARS, clean_text, clean_title
from briefer.ingest.furniture import compile_rules, load_furniture, read_rule_file
from briefer.resources import builtin_dir

BUILTIN_RULE_FILES = sorted((builtin_dir("rules") / "cleaning").glob("*.yml"))
BUILTIN_EXAMPLES = [
    pytest.param(rule, example, id=f"{rule.id}[{number}]")
    for path in BUILTIN_RULE_FILES
    for rule in read_rule_file(path)
    for number, example in enumerate(rule.examples)
]
FURNITURE = load_furniture()
LINE_BREAKS = set("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def test_line_breaks_are_unified_and_paragraphs_kept():
    text = "First line.\r\nSecond line.\rThird line.\u2028Fourth.\n\n\n\n  \t\nNew paragraph.  \n"
    assert clean_text(text) == "First line.\nSecond line.\nThird line.\nFourth.\n\nNew paragraph."


def test_quotes_are_straightened_to_ascii():
    text = (
        "\u201cWe agree,\u201d the envoy\u2019s aide said. "
        "\u201eJa\u201c, \u00abnon\u00bb, \u2018maybe\u2019, \u201atja\u2018."
    )
    assert clean_text(text) == '"We agree," the envoy\'s aide said. "Ja", "non", \'maybe\', \'tja\'.'


def test_unicode_is_nfc_and_invisible_characters_go():
    decomposed = "Bogota\u0301 ne\u00adgo\u00adtia\u00adtions\u200b \u202eevil\u202c\x00\x07 end"
    assert clean_text(decomposed) == "Bogot\u00e1 negotiations evil end"


def test_spaces_of_every_kind_collapse_within_a_line():
    assert clean_text("a\u00a0\u00a0b\t\tc\u2003d   e") == "a b c d e"


def test_a_title_cannot_carry_a_header_injection():
    assert clean_title("Talks end\r\nBcc: victim@example.org\n\nbody") == "Talks end Bcc: victim@example.org body"
    assert clean_title("A\u2028B\x85C\x0bD\tE") == "A B C D E"


def test_long_titles_are_cut_at_a_word():
    title = clean_title("word " * 200)
    assert len(title) <= MAX_TITLE_CHARS + 1 and title.endswith("word\u2026")


def test_titles_from_every_source_are_sanitised(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"id": "a\nb", "title": "Hello\r\nBcc: x@y.z", "text": "Body."}) + "\n")
    [article] = read_sources([str(path)]).articles
    assert article.title == "Hello Bcc: x@y.z"
    assert article.id == "a b"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_cleaning_never_raises_and_leaves_normal_text(text):
    cleaned = clean_text(text, FURNITURE)
    assert cleaned == cleaned.strip()
    assert not set(cleaned) & (LINE_BREAKS - {"\n"})
    assert "\n\n\n" not in cleaned
    assert not set(cleaned) & set("\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb")
    assert unicodedata.is_normalized("NFC", cleaned)
    assert all(line == line.strip() for line in cleaned.split("\n"))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_titles_are_always_one_clean_line(text):
    title = clean_title(text)
    assert len(title.splitlines()) <= 1 and not set(title) & LINE_BREAKS
    assert not any(unicodedata.category(char) == "Cc" for char in title)
    assert title == title.strip()


@pytest.mark.parametrize(("rule", "example"), BUILTIN_EXAMPLES)
def test_builtin_furniture_rule_examples(rule, example):
    assert clean_text(example.text, compile_rules([rule])) == example.expect


def test_every_builtin_furniture_rule_has_an_example():
    assert BUILTIN_RULE_FILES
    assert all(rule.examples for path in BUILTIN_RULE_FILES for rule in read_rule_file(path))


def test_builtin_furniture_leaves_ordinary_news_alone():
    article = (
        "Talks resume in Geneva\n\n"
        'The delegations met on Monday, the ministry said. "We expect progress," the envoy told reporters.\n'
        "Photographs released by the ministry showed both teams at the table.\n"
        "Related talks on trade will follow in March, officials said.\n"
        "Share prices rose after the announcement.\n"
        "The contents of the draft were not made public."
    )
    assert clean_text(article, FURNITURE) == article


def test_reader_prompts_inside_the_text_go_sentence_by_sentence(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(
        "Talks end without a deal\n\n"
        "The talks in Doha ended without a deal on Friday. Stay tuned for more updates.\n"
        "Read more: Why the ceasefire talks stalled. Both delegations flew home on Saturday.\n"
        "Sign up for our newsletter to get the latest news.\n"
        "Mediators said a new round could open in May. Follow us on Telegram for live coverage.\n"
        "Keep checking back for updates throughout the day.",
        encoding="utf-8",
    )
    [article] = read_sources([str(path)]).articles
    assert article.text == (
        "Talks end without a deal\n\n"
        "The talks in Doha ended without a deal on Friday.\n"
        "Both delegations flew home on Saturday.\n"
        "Mediators said a new round could open in May."
    )


def test_sentences_that_merely_contain_prompt_words_stay():
    text = (
        "Officials said they would follow up on the proposal. Reporters were told to stay tuned for a statement.\n"
        "Follow-up talks on the draft will be held in May, and observers will sign up to monitor the truce.\n"
        "The ministry read more than 40 submissions. Readers of the report said it was thin.\n"
        "Register updates were published on Monday. Subscribers to the newsletter were told first."
    )
    assert clean_text(text, FURNITURE) == text


def test_a_tail_rule_in_the_first_half_drops_only_its_line():
    text = "You may also like\n" + "The talks went on for a long time and covered many subjects.\n" * 3
    assert clean_text(text, FURNITURE).splitlines()[0] == "The talks went on for a long time and covered many subjects."


def write_rules(rules_dir: Path, text: str, name: str = "mine.yml") -> Path:
    """A cleaning rule file in the `cleaning/` subfolder of a rules folder."""
    folder = rules_dir / "cleaning"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_rules_add_replace_and_disable_builtin_ones(tmp_path):
    write_rules(
        tmp_path,
        """\
version: 1
furniture:
  - id: mine.newsroom-tag
    lines: ["-- Newsroom desk --"]
  - id: web.ad-markers
    enabled: false
  - id: web.share-buttons
    lines: ["Spread the love"]
""",
    )
    furniture = load_furniture([tmp_path])
    ids = [rule.id for rule in furniture.rules]
    assert "mine.newsroom-tag" in ids and "web.ad-markers" not in ids
    cleaned = clean_text("-- Newsroom desk --\nTalks resumed.\n[ad_1]\nTweet\nSpread the love", furniture)
    assert cleaned == "Talks resumed.\n[ad_1]\nTweet"


def test_a_user_sentence_rule_drops_its_sentences_wherever_they_sit(tmp_path):
    write_rules(tmp_path / "rules", "version: 1\nfurniture:\n  - id: mysite.app\n    match: 'download our app\\b.*'\n"
                "    sentences: true\n")
    path = tmp_path / "story.txt"
    path.write_text("The envoy arrived on Monday. Download our app for alerts! Talks began at noon.", encoding="utf-8")
    [article] = read_sources([str(path)], cleaning_dirs=[tmp_path / "rules"]).articles
    assert article.text == "The envoy arrived on Monday. Talks began at noon."


def test_a_rules_folder_without_cleaning_rules_adds_none(tmp_path):
    (tmp_path / "extraction.yml").write_text("version: 1\nrules: []\n", encoding="utf-8")
    assert load_furniture([tmp_path, tmp_path / "absent"]).rules == FURNITURE.rules


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version: 1\nfurniture:\n  - id: a\n    lines: [x\n", "mine.yml:5: YAML syntax error"),
        (
            "version: 1\nfurniture:\n  - id: a\n    lines: [x]\n  - id: b\n    colour: red\n    lines: [y]\n",
            "mine.yml:5: cleaning rule b: colour: unknown key",
        ),
        (
            "version: 1\nfurniture:\n  - id: a\n    match: '(unclosed'\n",
            "mine.yml:3: cleaning rule a: bad `match` regex",
        ),
        (
            "version: 1\nfurniture:\n  - id: a\n    lines: [x]\n    match: x\n",
            "mine.yml:3: cleaning rule a: Value error, give either `lines` or `match`",
        ),
        (
            "version: 1\nfurniture:\n  - id: a\n    match: x\n    sentences: true\n    rest: true\n",
            "mine.yml:3: cleaning rule a: Value error, a `sentences` rule drops sentences alone",
        ),
        ("version: 2\nfurniture: []\n", "mine.yml:1: version: Input should be 1"),
        ("rules: []\n", "mine.yml:1: expected `version: 1` and a `furniture:` list of rules"),
    ],
    ids=["yaml-syntax", "unknown-key", "bad-regex", "lines-and-match", "sentences-and-rest", "version", "no-furniture"],
)
def test_malformed_rule_files_name_file_and_line(tmp_path, text, message):
    path = write_rules(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_furniture([tmp_path])
    assert str(caught.value).startswith(str(path.parent / message))


def test_malformed_cleaning_rules_stop_read_sources(tmp_path):
    write_rules(tmp_path / "rules", "version: 1\nfurniture:\n  - id: a\n    then: x\n")
    with pytest.raises(ConfigError, match=r"mine\.yml:3: cleaning rule a"):
        read_sources([], cleaning_dirs=[tmp_path / "rules"])


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("\u00e2\u20ac\u0153We are ready\u00e2\u20ac\x9d, he said.", '"We are ready", he said.'),  # UTF-8 as cp1252
        ("Rados\u00c5\u201aaw Sikorski", "Radosław Sikorski"),
        ("Jonas Gahr St\u00c3\u00b8re", "Jonas Gahr Støre"),
    ],
)
def test_mojibake_is_repaired(broken, repaired):
    assert clean_text(broken) == repaired
    assert clean_title(broken) == repaired


@pytest.mark.parametrize("text", ["Erdoğan in Türkiye", "Štefan Füle in São Paulo", "Đoković — Ålesund, château",
                                  "Â is a letter too"])
def test_text_that_is_no_mojibake_is_left_as_it_is(text):
    assert clean_text(text) == text
