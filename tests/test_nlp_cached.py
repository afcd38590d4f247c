"""The cached attribute ruler and lemmatizer annotate every token exactly as spaCy's own components do."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.nlp import model_name
from briefer.nlp.cached import CachedLemmatizer, cache_rule_components

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# Every attribute a component can set, and what the rules and views read.
COLUMNS = ("ORTH", "TAG", "POS", "MORPH", "LEMMA", "NORM", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE")
# The components briefer replaces, and the one after them. The components before them are spaCy's own in both
# pipelines, so they run once and both replacements annotate copies of the same parse. The entity recogniser
# after them reads only what the columns above compare (NORM and the word itself), so when those agree, its
# entities agree too; it is left out (it was two thirds of this test's time).
REPLACED = ("attribute_ruler", "lemmatizer")
AFTER = ("ner",)


def _texts() -> list[str]:
    folders = [ROOT / "seeds", SHARED / "dev" / "articles", SHARED / "dev2" / "articles"]
    return [path.read_text(encoding="utf-8") for folder in folders for path in sorted(folder.glob("*.txt"))]


@pytest.fixture(scope="module")
def pipelines():
    import spacy

    stock, cached = spacy.load(model_name()), spacy.load(model_name())
    cache_rule_components(cached)
    return stock, cached


def test_cached_components_are_in_place(pipelines):
    _, cached = pipelines
    assert isinstance(cached.get_pipe("lemmatizer"), CachedLemmatizer)
    assert cached.pipe_names == pipelines[0].pipe_names


def test_cached_components_annotate_every_token_as_spacy_does(pipelines):
    from spacy.attrs import IDS

    stock, cached = pipelines
    texts = _texts() + ["They’re gon na say it wo n't work, y'all.", "Ai n't nothin' to it.", ""]
    columns = [IDS[name] for name in COLUMNS]
    compared = 0
    for parsed in stock.pipe(texts, batch_size=4, disable=[*REPLACED, *AFTER]):
        expected, got = parsed.copy(), parsed.copy()
        for name in REPLACED:
            expected, got = stock.get_pipe(name)(expected), cached.get_pipe(name)(got)
        different = (expected.to_array(columns) != got.to_array(columns)).any(axis=1)
        assert not different.any(), [
            (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, u.tag_, u.pos_, str(u.morph), u.lemma_)
            for t, u, bad in zip(expected, got, different, strict=True) if bad][:5]
        compared += len(got)
    assert compared > 20_000  # the seeds and both development sets


def test_cached_lemmatizer_answers_as_the_lemmatizer(pipelines):
    _, cached = pipelines
    lemmatizer = cached.get_pipe("lemmatizer")
    assert lemmatizer.mode == "rule"
    assert [t.lemma_ for t in cached("The envoys were meeting.")] == ["the", "envoy", "be", "meet", "."]
