"""Canonical keys, so that one item spelt two ways in two briefs is recognised as the same.

Folding drops accents, case and punctuation; spelling normalisation makes common
transliteration variants meet (Zelensky, Zelenskiy, Zelenskyy, Selenskyj's -yj;
Yermak/Jermak; Mykhailo/Mikhail's kh): j and y read as i, kh as h, w as v, x as ks,
and doubled letters count once. Keys are for comparison only, never shown.
"""

from __future__ import annotations

import re
import unicodedata

# Function words that carry no content; negations, numerals and comparisons are kept
# on purpose, since "will not withdraw" and "will withdraw" are different positions.
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those it its they them their he him his she her we us our you your i me my
    is are was were be been being am do does did done have has had having will would shall should can
    could may might must to of in on at by for from with about into onto over under as than then so
    and or but if while because also just very too quite rather really such there here what which who
    whom whose when where why how all any both each some other said says say saying told tells according
    wo ca
    """.split()
)

_APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4"
_NEGATION = re.compile(r"n[" + _APOSTROPHES + r"]t\b")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_SPELLING = (("kh", "h"), ("x", "ks"), ("w", "v"), ("j", "i"), ("y", "i"))
_DOUBLED = re.compile(r"(.)\1+")


def fold(text: str) -> list[str]:
    """Lower-case ASCII words: accents, apostrophes and punctuation gone."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _NEGATION.sub(" not", text)
    for apostrophe in _APOSTROPHES:
        text = text.replace(apostrophe, "")
    return _NON_WORD.sub(" ", text).split()


def spelling(word: str) -> str:
    """One spelling for a folded word's transliteration variants."""
    for variant, canonical in _SPELLING:
        word = word.replace(variant, canonical)
    return _DOUBLED.sub(r"\1", word)


def name_key(text: str | None) -> str:
    """The key of a name (person, party, place, talks): folded, respelt, no leading 'the'."""
    words = fold(text or "")
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(spelling(word) for word in words)


def same_person(first: str | None, second: str | None) -> bool:
    """Whether two names can be one person: same key, or one is the other's surname part."""
    first_words, second_words = name_key(first).split(), name_key(second).split()
    if not first_words or not second_words:
        return first_words == second_words
    shorter, longer = sorted((first_words, second_words), key=len)
    return longer[len(longer) - len(shorter) :] == shorter


def _stem(word: str) -> str:
    """A crude plural and possessive stem: talks -> talk, Ukraine's -> ukraine."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def content_words(text: str) -> frozenset[str]:
    """The words that carry a statement's content, canonically spelt."""
    return frozenset(spelling(_stem(word)) for word in fold(text) if word not in FUNCTION_WORDS)


def overlap(first: frozenset[str], second: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (1.0 for two empty sets)."""
    union = first | second
    return len(first & second) / len(union) if union else 1.0
