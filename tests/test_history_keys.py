"""Canonical keys: spelling variants meet, different names stay apart."""

from __future__ import annotations

import pytest

from briefer.history.keys import content_words, name_key, overlap, same_person


@pytest.mark.parametrize(
    "variants",
    [
        ["Zelensky", "Zelenskiy", "Zelenskyy", "Zelenskyi", "Zelens'kyi", "ZELENSKY", "Zelenskij"],
        ["Andriy Yermak", "Andrii Yermak", "Andriy Jermak"],
        ["Mykhailo Podolyak", "Mykhaylo Podoliak", "Mihailo Podolyak"],
        ["Dolmabahçe Palace", "Dolmabahce palace", "Dolmabahce Palace."],
        ["the Kremlin", "Kremlin", "The Kremlin"],
        ["Dmitry Peskov", "Dmitriy Peskov", "Dmitrii Peskov"],
        ["Sergei Lavrov", "Sergey Lavrov"],
    ],
)
def test_spelling_variants_share_one_key(variants):
    assert len({name_key(v) for v in variants}) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [("Zelensky", "Zelenska"), ("Putin", "Peskov"), ("Geneva", "Genoa"), ("Umerov", "Umarov")],
)
def test_different_names_keep_different_keys(first, second):
    assert name_key(first) != name_key(second)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Zelenskiy", "Volodymyr Zelensky", True),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky", True),
        ("Yermak", "Andriy Yermak", True),
        ("Volodymyr Zelensky", "Olena Zelenska", False),
        ("Vladimir Putin", "Vladimir Medinsky", False),
        ("Vladimir", "Vladimir Putin", False),
        (None, None, True),
        ("Rustem Umerov", None, False),
    ],
)
def test_same_person(first, second, same):
    assert same_person(first, second) is same
    assert same_person(second, first) is same


def test_content_words_drop_function_words_and_fold_plurals_and_possessives():
    words = content_words("The talks in Istanbul will resume on Friday.")
    assert words == content_words("talk Istanbul resume Friday") and len(words) == 4
    assert content_words("Ukraine's demands") == content_words("ukraine demand")


def test_content_words_keep_negation_and_numbers():
    negated = content_words("Russia will not withdraw troops")
    assert content_words("Russia won't withdraw its troops") == negated
    assert content_words("Russia will withdraw troops") != negated
    assert content_words("a 30-day ceasefire") != content_words("a 60-day ceasefire")


def test_overlap():
    assert overlap(frozenset("ab"), frozenset("bc")) == pytest.approx(1 / 3)
    assert overlap(frozenset(), frozenset()) == 1.0
