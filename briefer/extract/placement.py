"""Where in an article a sentence stands: its headline, a heading of its own, the lead, or the running text.

An open question in a headline, a heading or the lead paragraph is the article's own hook ("Is Istanbul
about to become the new centre of diplomacy?"): the coverage raises it to draw the reader in, it is not a
question the talks leave open. The executive brief shows only questions from the running text.
"""

from __future__ import annotations

from typing import Literal

Placement = Literal["headline", "heading", "lead", "text"]
HEADING_WORDS = 25  # a line this short that is one sentence by itself, with text after it, is a heading


def _line(text: str, start: int, end: int) -> tuple[int, str]:
    """The start offset and the stripped text of the line(s) holding text[start:end]."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, text[line_start : len(text) if line_end < 0 else line_end].strip()


def _paragraphs_before(text: str, offset: int) -> int:
    """How many paragraphs (blocks of lines, or lines when the text has no blank lines) come before an offset."""
    before = text[:offset].strip()
    if not before:
        return 0
    separator = "\n\n" if "\n\n" in text else "\n"
    return len([block for block in before.split(separator) if block.strip()])


def _is_heading(line: str) -> bool:
    """A line that reads as a title: short, with no sentence-final mark."""
    return 0 < len(line.split()) <= HEADING_WORDS and not line.endswith((".", "?", "!", '"', "'", "”", ":"))


def _opens_section(text: str, line_start: int, sentence: str) -> bool:
    """The sentence opens its paragraph, and the paragraph before it is a heading line."""
    if not text[line_start:].lstrip().startswith(" ".join(sentence.split()[:3])):
        return False
    return line_start > 0 and _is_heading(text[:line_start].rstrip().rsplit("\n", 1)[-1].strip())


def placement(text: str, sentence: str, start: int, end: int, title: str = "") -> Placement:
    """Where the sentence of the span text[start:end] stands in the article.

    `headline`: the first line, when it reads as one (the article's title, or short with no final period);
    `heading`: a line that is this sentence alone, either a question (a digest's closing question, a section
    heading) or short with more text after it; `lead`: the first paragraph after the headline and headings, or
    the opening sentence of a paragraph right under a heading inside the article (a section's lead-in);
    `text`: anywhere else.
    """
    line_start, line = _line(text, start, end)
    first_line = text.lstrip().split("\n", 1)[0].strip()
    has_headline = bool(title) or (len(first_line.split()) <= HEADING_WORDS and not first_line.endswith("."))
    if line_start <= text.find(first_line) and has_headline:
        return "headline"
    alone = " ".join(line.split()) == " ".join(sentence.split())
    if alone and (line.endswith("?") or (len(line.split()) <= HEADING_WORDS and text[line_start + len(line):].strip())):
        return "heading"
    if _opens_section(text, line_start, sentence):
        return "lead"
    skipped = 1 if has_headline else 0  # the paragraphs before the lead: the headline, then heading lines
    for block in text.strip().split("\n\n" if "\n\n" in text else "\n")[skipped:]:
        block = block.strip()
        if block and (len(block.split()) > HEADING_WORDS or block.endswith((".", '"', "'"))):
            break
        skipped += 1
    return "lead" if _paragraphs_before(text, line_start) == skipped else "text"
