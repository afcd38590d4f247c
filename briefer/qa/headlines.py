"""An article's headlines: its title, and the lines that stand alone as headings (a subtitle, a section
heading, an entry of a table of contents)."""

from __future__ import annotations

import re

from briefer.model import Article

_BULLET = re.compile(r"^\s*[-*•]+\s+")
_NUMBER_OR_HASH = re.compile(r"^\s*(?:#+|\d+[.)])\s+")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
HEADING_WORDS = (3, 25)  # a heading is a line of this many words
TITLE_CASE = 0.6  # share of a line's longer words (4+ letters) capitalised, for a heading in title case


def _title_case(line: str) -> bool:
    long_words = [word for word in _WORD.findall(line) if len(word) >= 4]
    return bool(long_words) and sum(word[0].isupper() for word in long_words) / len(long_words) >= TITLE_CASE


def headlines(article: Article) -> list[str]:
    """The title, then every line that is one short sentence set apart as a heading: the first line, a
    numbered or '#' heading (a table of contents' entries too), a line in title case, or a question on a line
    of its own (a section heading in sentence case). A bulleted line counts only as one of those."""
    found = [article.title] if article.title else []
    lines = [line.strip() for line in article.text.splitlines() if line.strip()]
    for number, line in enumerate(lines):
        unbulleted = _BULLET.sub("", line)
        text = _NUMBER_OR_HASH.sub("", unbulleted)
        count = len(_WORD.findall(text))
        if not HEADING_WORDS[0] <= count <= HEADING_WORDS[1] or _SENTENCE_BREAK.search(text):
            continue
        if number == 0 or text != unbulleted or _title_case(text) or text.endswith("?"):
            found.append(text)
    return list(dict.fromkeys(found))
