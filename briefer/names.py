"""Comparing names and statements, one way everywhere (resolve, tracks, history): one fold, one transliteration
key, one test of whether two names are one person, and one list of a statement's content words.

Folding transliterates to ASCII with anyascii (ISC licence, which suits briefer's MIT; Unidecode is GPL):
"Radosław" folds to "radoslaw" and "Støre" to "store", where Unicode decomposition alone loses the letter.
Keys are for comparison only, never shown.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from anyascii import anyascii

# The gazetteer's roles.honorifics (one-word ones) and roles.name_particles, for comparing names where no Lexicon
# is at hand (history); extraction reads the gazetteer, which users extend. tests/test_names.py keeps them equal.
HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "prof", "professor", "sir", "dame", "shri", "smt", "shrimati"})
SURNAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "ben", "de", "da", "di", "du", "del", "der", "van",
                               "von", "le", "la"})
# Function words carry no content; negations, numerals and comparisons are kept on purpose, since "will not
# withdraw" and "will withdraw" are different positions.
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
# Generational suffixes end a name after the surname ("Rafael Ortega III", "Martin Luther King Jr."): not the
# surname that a later bare "Ortega" refers back by.
GENERATIONAL_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
GIVEN_NAME_LIKENESS = 0.8  # Mykhailo/Mikhail, Volodymyr/Vladimir: one given name; John/Jane (0.5): two

_SPELLING = (("kh", "h"), ("x", "ks"), ("w", "v"), ("j", "i"), ("y", "i"))
_DOUBLED = re.compile(r"(.)\1+")
_NEGATION = re.compile(r"n't\b")


@lru_cache(maxsize=1 << 16)  # resolution folds the same names and statements again and again
def fold(text: str | None) -> str:
    """Lower-case ASCII words, possessives and punctuation gone, apostrophes inside a word dropped
    ("Zelens'kyi", "O'Brien"), initials joined: "U.S." -> "us"."""
    text = anyascii(text or "").lower()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"(?<=[a-z])'(?=[a-z])", "", text)
    text = re.sub(r"\b([a-z])\.\s?([a-z])\.", r"\1\2", text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


@lru_cache(maxsize=1 << 16)
def translit_key(word: str) -> str:
    """One key for a word's transliteration variants: Zelensky/Zelenskiy/Zelenskyy, Yermak/Jermak,
    Mykhailo/Mikhail's kh, Darchiyev/Darchiev."""
    word = fold(word).replace(" ", "")
    for variant, canonical in _SPELLING:
        word = word.replace(variant, canonical)
    word = _DOUBLED.sub(r"\1", word).replace("ie", "e")
    return word.rstrip("i") or word


def name_words(name: str | None) -> list[str]:
    """A person's name as folded words, honorifics and a generational suffix left out."""
    words = fold(name).split()
    while words and words[0] in HONORIFICS:
        words = words[1:]
    if len(words) > 2 and words[-1] in GENERATIONAL_SUFFIXES:
        words = words[:-1]
    return words


def given_names(name: str) -> list[str]:
    """The words of a name before the surname, without surname particles ("el-Murtaza" has none)."""
    return [word for word in name_words(name)[:-1] if word not in SURNAME_PARTICLES]


def person_key(name: str) -> str:
    """A coarse key of a person: the transliterated surname. Names with one key may be two people ("John Smith",
    "Jane Smith") or one ("Oleksandr", "Aleksandr Kovalenko"): `same_person` decides."""
    words = name_words(name)
    return translit_key(words[-1]) if words else ""


def name_key(text: str | None) -> str:
    """The key of any name (person, party, place, talks): folded words respelt, no leading 'the'."""
    words = fold(text).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(translit_key(word) for word in words)


def _same_given_name(a: str, b: str) -> bool:
    """One given name, spelt or transliterated two ways, or given as an initial."""
    ka, kb = translit_key(a), translit_key(b)
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return ka == kb or difflib.SequenceMatcher(None, ka, kb).ratio() >= GIVEN_NAME_LIKENESS


def same_person(a: str | None, b: str | None) -> bool:
    """Whether two names can be one person: the same surname (transliterations alike), and given names that
    agree when both give one; a name that ends the other ("Bagheri Kani", "Ali Bagheri Kani") or a bare
    surname is the same person."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb or translit_key(wa[-1]) != translit_key(wb[-1]):
        return False
    shorter, longer = sorted(([translit_key(w) for w in wa], [translit_key(w) for w in wb]), key=len)
    if longer[len(longer) - len(shorter):] == shorter:
        return True
    ga, gb = given_names(a or ""), given_names(b or "")
    return not ga or not gb or _same_given_name(ga[0], gb[0])


def _stem(word: str) -> str:
    """A crude plural and possessive stem: talks -> talk."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


@lru_cache(maxsize=1 << 16)
def content_words(text: str) -> frozenset[str]:
    """The words that carry a statement's content, canonically spelt ("won't" keeps its "not")."""
    words = fold(_NEGATION.sub(" not", (text or "").replace("’", "'"))).split()
    return frozenset(translit_key(_stem(word)) for word in words if word not in FUNCTION_WORDS)


def overlap(first: frozenset[str], second: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (1.0 for two empty sets)."""
    union = first | second
    return len(first & second) / len(union) if union else 1.0


# Places named by a building or institution that English reads with "the": "talks in the Oval Office".
_WITH_THE = re.compile(r"(?:\b(?:Office|House|Kremlin|Vatican|Pentagon|Élysée|Elysee|Hague)|\bPalace of \w+)$")


def place_phrase(name: str) -> str:
    """A place as a sentence names it: "the White House", "the Kremlin", "Dolmabahce Palace", "Geneva"."""
    head = name.split(",")[0].strip()
    return f"the {name}" if _WITH_THE.search(head) and not head.lower().startswith("the ") else name


def place_label(name: str, country: str | None) -> str:
    """A venue with its country, each place once: "Istanbul, Turkey"; "Turkey" for a venue that is the country,
    "Riyadh, Saudi Arabia" for a name that already ends with it."""
    if not country or fold(name.split(",")[-1].strip()) == fold(country):
        return name
    return f"{name}, {country}"
