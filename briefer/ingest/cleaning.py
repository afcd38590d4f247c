"""Text cleaning: line breaks, control characters, Unicode (NFC), ASCII quotes, whitespace, furniture.

Quotation marks are straightened to ASCII `"` and `'` (the table of textacy's `quotation_marks`, plus
the low, reversed and angle quotes it leaves alone) so rules need only match those two. textacy
itself is not imported: importing it costs about 3 s (scikit-learn) on every run.
Paragraphs and line breaks are kept (the NLP stage splits sentences at line breaks), but a hard-wrapped
text's lines are joined back into paragraphs first (`unwrap.py`).
Mojibake (UTF-8 read as Windows-1252: "â€œWe are readyâ€\x9d") is repaired by ftfy before anything else.
"""

from __future__ import annotations

import re
import unicodedata

from briefer.ingest.furniture import Furniture
from briefer.ingest.unwrap import unwrap

MAX_TITLE_CHARS = 300

# UTF-8 lead bytes read as Windows-1252 or Latin-1, followed by a continuation byte read the same way:
# what mojibake looks like, and almost never what text says. Only then is ftfy (slow to import) loaded.
_MOJIBAKE = re.compile("[\u00c2-\u00c5\u00ce\u00cf\u00d0\u00d1\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161"
                       "\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
                       "\u2039\u203a\u20ac\u2122]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_BLANK_RUNS = re.compile(r"\n{3,}")
_SPACE_RUNS = re.compile(r"[^\S\n\v]+")
_ZERO_WIDTH = re.compile(r"[\u200B\u2060\uFEFF]+")
_QUOTES = str.maketrans({"\u02bc": "'", "\u2018": "'", "\u2019": "'", "\u00b4": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"'})  # textacy's quotation_marks table
_EXTRA_QUOTES = str.maketrans(
    {
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\uff02": '"',
        "\u201a": "'",
        "\u201b": "'",
        "\u2039": "'",
        "\u203a": "'",
        "\uff07": "'",
    }
)


def clean_text(text: str, furniture: Furniture | None = None) -> str:
    """Cleaned article text: one blank line at most between paragraphs, no furniture, no edges."""
    text = _LINE_BREAKS.sub("\n", repair_mojibake(text))
    text = unwrap(_straighten_quotes(unicodedata.normalize("NFC", _INVISIBLE.sub("", text))))
    lines = [_SPACE_RUNS.sub(" ", _ZERO_WIDTH.sub("", line)).strip() for line in text.split("\n")]
    if furniture is not None:
        lines = furniture.remove(lines)
    text = _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()
    return unicodedata.normalize("NFC", text)


def clean_title(title: str) -> str:
    """A one-line title: controls dropped, quotes straightened, all whitespace (CR, LF) collapsed."""
    title = _INVISIBLE.sub("", _LINE_BREAKS.sub(" ", repair_mojibake(title)))
    title = _straighten_quotes(unicodedata.normalize("NFC", title))
    title = " ".join(title.split())
    if len(title) > MAX_TITLE_CHARS:
        title = title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return unicodedata.normalize("NFC", title)


def _straighten_quotes(text: str) -> str:
    """Curly, low and angle quotation marks (and apostrophes) to ASCII `"` and `'`."""
    return text.translate(_QUOTES).translate(_EXTRA_QUOTES)


def repair_mojibake(text: str) -> str:
    """Text that was UTF-8 decoded as Windows-1252 (or Latin-1), decoded right (ftfy); other text as it is."""
    if not _MOJIBAKE.search(text):
        return text
    import ftfy

    return ftfy.fix_encoding(text)
