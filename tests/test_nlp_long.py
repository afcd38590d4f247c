"""Articles longer than spaCy's `max_length` (1,000,000 characters) are parsed in pieces of whole lines, never refused
([E088]). The tests lower the limit so that a few thousand characters stand for a megabyte."""

from __future__ import annotations

from pathlib import Path

import pytest
from in_process import briefer as run

import briefer.executors.extractor
from briefer.model import Article, Briefing
from briefer.nlp import parse
from briefer.nlp.pieces import tokenized, within

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LIMIT = 3000


def long_text() -> str:
    """Three seed articles end to end: about 10,000 characters in paragraphs."""
    return "\n\n".join(path.read_text(encoding="utf-8").strip() for path in sorted(SEEDS.glob("*.txt"))[:3]) + "\n"


@pytest.fixture
def short_limit(nlp):
    """The session's pipeline with `max_length` lowered for one test."""
    real = nlp._nlp
    before, real.max_length = real.max_length, LIMIT
    try:
        yield nlp
    finally:
        real.max_length = before


def test_a_text_over_the_limit_is_tokenized_in_blocks_with_its_text_unchanged(short_limit):
    text = long_text()
    assert len(text) > 3 * LIMIT
    doc = tokenized(short_limit, text)
    assert doc.text == text
    assert [token.text for token in doc] == [token.text for token in short_limit.tokenizer(text)]


def test_pieces_to_parse_are_cut_at_line_breaks_under_the_limit(short_limit):
    doc = tokenized(short_limit, long_text())
    plan = within(doc, [(0, len(doc), True)], LIMIT)
    assert len(plan) > 3 and plan[0][0] == 0 and plan[-1][1] == len(doc)
    for (start, end, parse_it), (next_start, _, _) in zip(plan, [*plan[1:], (len(doc), 0, True)], strict=True):
        assert parse_it and end == next_start
        assert doc[start:end].end_char - doc[start].idx <= LIMIT
        assert "\n" in doc[end - 1].text + doc[end - 1].whitespace_ or end == len(doc)


def test_one_line_longer_than_the_limit_is_cut_between_tokens(short_limit):
    doc = tokenized(short_limit, "The envoys met again. " * 400)
    plan = within(doc, [(0, len(doc), True)], LIMIT)
    assert len(plan) >= 3
    assert all(doc[start:end].end_char - doc[start].idx <= LIMIT for start, end, _ in plan)


@pytest.mark.parametrize("gated", [False, True], ids=["every-sentence", "gated"])
def test_a_long_article_is_parsed_whole_in_pieces(short_limit, gated):
    text = long_text()
    article = Article(id="long", title="", path="long.txt", text=text)
    plan = (lambda doc, _: [(0, len(doc), True)]) if gated else None
    [(doc, parsed)] = list(parse(short_limit, [article], plan=plan))
    assert parsed is article and doc.text == text
    assert doc.has_annotation("DEP") and doc.has_annotation("SENT_START")
    last_sentence = list(doc.sents)[-1]
    assert last_sentence.end_char > len(text) - 200  # parsed up to the end


def test_the_cli_briefs_an_article_over_the_limit_as_it_briefs_it_under(tmp_path, monkeypatch):
    article = tmp_path / "long.txt"
    article.write_text(long_text(), encoding="utf-8")
    whole = run("extract", "--date", "2026-11-23", str(article))
    assert whole.returncode == 0, whole.stderr
    load = briefer.executors.extractor.load_pipeline

    def load_with_short_limit(*args, **options):
        nlp = load(*args, **options)
        monkeypatch.setattr(nlp._nlp, "max_length", LIMIT)  # put back when the test ends
        return nlp

    monkeypatch.setattr(briefer.executors.extractor, "load_pipeline", load_with_short_limit)
    pieces = run("extract", "--date", "2026-11-23", str(article))
    assert pieces.returncode == 0, pieces.stderr
    assert "error" not in pieces.stderr
    in_pieces, at_once = Briefing.model_validate_json(pieces.stdout), Briefing.model_validate_json(whole.stdout)
    assert in_pieces.delegations and in_pieces.positions
    assert in_pieces.model_dump(exclude={"generated_at"}) == at_once.model_dump(exclude={"generated_at"})
