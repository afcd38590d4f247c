"""Hard-wrapped text: lines broken every 60-100 characters inside sentences joined back into paragraphs.

Many sources store an article with a line break every ~72 characters (mail, wire archives, text dumps),
and the NLP stage starts a sentence at every line break. A text is taken as wrapped when several of its
lines break inside a sentence (the next line goes on in lower case) at about one width. Then a line is
joined to the next when the break is the wrap's: the next line goes on in lower case, or the next line's
first word would not have fitted on it. Blank lines, list items, a line indented further than the one
before it, a title-case headline and short lines (a heading, a dateline, a paragraph's last line) stay
paragraph ends. A full line that ends a sentence goes on only where blank lines part the paragraphs (or
inside a quotation): with no blank lines, it may as well end its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

MIN_WIDTH, MAX_WIDTH = 30, 130  # the widths text is wrapped at; wider lines are paragraphs of their own
MIN_BREAKS = 3  # lines that break inside a sentence before a text counts as wrapped
_BULLET = re.compile(r"[-*•·▪◦–—]\s|\(?\d{1,3}[.)]\s|\(?[a-z]\)\s")
_MARK = re.compile(r"[*•·▪◦]")  # a bullet that is never a dash or a number inside a sentence
_CLOSERS = "['\")\\]]*$"
_STOP = re.compile(f"[.!?:;]{_CLOSERS}")  # the line ends a sentence or a clause
_SENTENCE_END = re.compile(f"[.!?]{_CLOSERS}")
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,2}|(?:\b[A-Za-z]\.)+[A-Za-z])\.$")  # "Gen.", "J.", "U.S."
_QUOTES = '"\u201c\u201d\u201e'  # straight and curly double quotes: an odd count leaves a quotation open
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_INNER_END = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")  # a sentence ends inside the line: no headline ("Gen. X" is not one)


def unwrap(text: str) -> str:
    """`text` with its wrapped lines joined into paragraphs; unchanged when it is not hard-wrapped."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    wrap = _Wrap(width, spaced=_spaced(lines, width))
    headline = next(k for k, line in enumerate(lines) if line.strip())
    out = [lines[0]]
    hang = _hanging_indent(lines[0])
    for k in range(1, len(lines)):
        previous, line = lines[k - 1], lines[k]
        after = lines[k + 1] if k + 1 < len(lines) else ""
        if (k - 1 == headline and _heading(previous) and not line.lstrip()[:1].islower()
                and not _tail(previous, line, after, width)):
            joins = False  # a headline stands apart from the lead
        else:
            joins = bool(previous.strip() and line.strip()) and wrap.breaks(out[-1], previous, line, after, hang)
        if joins:
            out[-1] = _join(out[-1], line)
        else:
            out.append(line)
            hang = _hanging_indent(line)
    return "\n".join(out)


def wrap_width(lines: list[str]) -> int | None:
    """The width a text is wrapped at: the longest line that breaks inside a sentence, when there are enough
    such lines of about one width; None for a text written a paragraph a line."""
    breaks = [len(_measure(a)) for a, b in zip(lines, lines[1:], strict=False) if _goes_on(a, b)]
    fitting = [n for n in breaks if n <= MAX_WIDTH]
    if len(fitting) < MIN_BREAKS or len(fitting) * 2 < len(breaks):
        return None
    width = max(fitting)
    return width if width >= MIN_WIDTH and median(fitting) >= 0.7 * width else None


def _spaced(lines: list[str], width: int) -> bool:
    """Whether blank lines part the paragraphs: more sentences end a paragraph before a blank line than on a
    short line with more text below it."""
    blank = sum(1 for a, b in zip(lines, lines[1:], strict=False) if _SENTENCE_END.search(a.rstrip()) and not b.strip())
    short_ends = sum(1 for a, b in zip(lines, lines[1:], strict=False)
                     if b.strip() and _SENTENCE_END.search(a.rstrip()) and not _full(a, b, width))
    return blank >= 2 and blank > short_ends


def _goes_on(line: str, following: str) -> bool:
    """A non-blank line that stops inside a sentence, followed by one that goes on in lower case."""
    rest = following.lstrip()
    return bool(line.strip()) and not _STOP.search(line.rstrip()) and rest[:1].islower() and not _BULLET.match(rest)


@dataclass(frozen=True)
class _Wrap:
    """How a text is wrapped: its width, and whether blank lines part its paragraphs (`spaced`)."""

    width: int
    spaced: bool

    def breaks(self, paragraph: str, line: str, following: str, after: str, hang: int | None) -> bool:
        """Whether the break between two non-blank lines is the wrap's (`paragraph`: the text so far of the
        paragraph `line` ends; `after`: the line after `following`; `hang`: where the text of the list item
        `line` belongs to starts)."""
        rest, indent = following.lstrip(), _indent(following)
        if indent > _indent(line) and indent != hang:
            return False
        full, stop = _full(line, following, self.width), _STOP.search(line.rstrip())
        if _BULLET.match(rest) and (stop or not full or _MARK.match(rest)):
            return False  # but "- " or "2." after a full line that stops inside a sentence goes on
        if rest[:1].islower():
            return len(_measure(line)) >= self.width // 2
        if not full:
            return False
        if not stop or _ABBREVIATION.search(line.rstrip()):
            return True
        if _heading(following) and not _full(following, after, self.width):
            return False
        # a sentence ends the line: the paragraph goes on when blank lines part paragraphs, or inside a quotation
        return self.spaced or not _SENTENCE_END.search(line.rstrip()) or sum(map(paragraph.count, _QUOTES)) % 2 == 1


def _tail(previous: str, line: str, after: str, width: int) -> bool:
    """A line that ends a sentence after a title-case line it carries on: of one or two words ("Varga."), or
    ending its paragraph after a line its first word would not have fitted on ("... Varga Varga" + "Varga
    talks."). It is the end of a wrapped first sentence, never a lead, so the line before it is no headline."""
    if not _SENTENCE_END.search(line.rstrip()):
        return False
    return len(line.split()) <= 2 or (_full(previous, line, width) and not after.strip())


def _full(line: str, following: str, width: int) -> bool:
    """Whether the first word of the next line would not have fitted on `line` (False before a blank line)."""
    word = following.split(maxsplit=1)[:1]
    return bool(word) and len(_measure(line)) + 1 + len(word[0]) > width


def _heading(line: str) -> bool:
    """A line in title case (its last word too) without a comma or a closing stop: a headline or a heading."""
    words = _WORD.findall(line)
    long_words = [w for w in words if len(w) > 3]
    return (len(long_words) >= 2 and all(w[0].isupper() for w in [*long_words, words[-1]]) and "," not in line
            and not _STOP.search(line.rstrip()) and not _INNER_END.search(line))


def _join(line: str, following: str) -> str:
    """Two lines as one: a word broken after its hyphen ("Nairobi-" + "based") is joined without a space."""
    line, following = line.rstrip(), following.lstrip()
    if re.search(r"[^\W\d]-$", line) and following[:1].isalpha():
        return line + following
    return f"{line} {following}"


def _hanging_indent(line: str) -> int | None:
    """Where a list item's text starts (its wrapped lines may be indented to it); None for other lines."""
    bullet = _BULLET.match(line.expandtabs(4).lstrip())
    return _indent(line) + len(bullet.group()) if bullet else None


def _indent(line: str) -> int:
    return len(_measure(line)) - len(_measure(line).lstrip())


def _measure(line: str) -> str:
    """A line as wide as it shows: tabs expanded, trailing spaces dropped."""
    return line.expandtabs(4).rstrip()
