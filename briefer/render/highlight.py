"""Which words of an evidence sentence state the item: the runs of words it shares with the item's own text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import Any

from briefer.model import Item
from briefer.names import fold

_WORD = re.compile(r"\w+(?:['’.-]\w+)*")
# Item fields that describe the item rather than state it: no words of the sentence match them.
NOT_STATED = frozenset({"evidence", "status", "previous", "conflicts", "source_count", "kind", "direct_quote"})

Part = tuple[str, bool]  # a piece of the sentence and whether it is marked


def item_texts(item: Item) -> list[str]:
    """Every text an item states (names, roles, party, statement, question, place), whatever its kind."""

    def strings(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for key, inner in value.items():
                if key not in NOT_STATED:
                    yield from strings(inner)
        elif isinstance(value, list):
            for inner in value:
                yield from strings(inner)

    return [text for text in strings(item.model_dump(exclude=set(NOT_STATED))) if text.strip()]


def _words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded) of each word."""
    return [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]


def _shared_words(words: list[str], text: str) -> tuple[list[bool], int]:
    """Which of `words` (folded) are in runs `text` has in the same order, and how many of the text's words
    those runs cover. A run of one word counts only when the text capitalises it (a name: "Umerov",
    "Istanbul"), so a lone "the" or "said" shared with a statement does not."""
    text_words = [(m.group(), fold(m.group())) for m in _WORD.finditer(text)]
    shared, covered = [False] * len(words), 0
    if not {word for _, word in text_words} & set(words):
        return shared, covered  # nothing in common (most of an item's names, in most of its sentences)
    matcher = SequenceMatcher(None, words, [word for _, word in text_words], autojunk=False)
    for block in matcher.get_matching_blocks():
        if block.size >= 2 or (block.size == 1 and text_words[block.b][0][:1].isupper()):
            shared[block.a:block.a + block.size] = [True] * block.size
            covered += block.size
    return shared, covered


def coverage(sentence: str, text: str) -> float:
    """The share of `text`'s words that the sentence states, in runs (1.0: all of it; 0.0 for no words)."""
    total = len(_WORD.findall(text))
    return _shared_words([word for _, _, word in _words(sentence)], text)[1] / total if total else 0.0


def matched_spans(sentence: str, texts: list[str]) -> list[tuple[int, int]]:
    """Character spans of the sentence's runs of words that one of `texts` has in the same order."""
    words = _words(sentence)
    folded = [word for _, _, word in words]
    marked = [False] * len(words)
    for text in texts:
        shared, _ = _shared_words(folded, text)
        marked = [a or b for a, b in zip(marked, shared, strict=True)]
    spans: list[tuple[int, int]] = []
    for index, (start, end, _) in enumerate(words):
        if not marked[index]:
            continue
        if spans and index > 0 and marked[index - 1]:
            spans[-1] = (spans[-1][0], end)  # one mark over adjacent words and what lies between them
        else:
            spans.append((start, end))
    return spans


def highlight(sentence: str, texts: list[str]) -> tuple[Part, ...]:
    """The sentence cut into pieces, the pieces that state the item marked."""
    parts: list[Part] = []
    position = 0
    for start, end in matched_spans(sentence, texts):
        if start > position:
            parts.append((sentence[position:start], False))
        parts.append((sentence[start:end], True))
        position = end
    if position < len(sentence):
        parts.append((sentence[position:], False))
    return tuple(parts)
