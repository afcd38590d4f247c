"""Text helpers every extraction module shares: tidied values and quoted passages (the Doc's text is
briefer.nlp.doc_text)."""

from __future__ import annotations

import re

QUOTE_CHARS = "\"“”„«»"
QUOTED_RE = re.compile(r"[\"“„«]([^\"“”„«»]{2,}?)[\"”»]")


def tidy(text: str) -> str:
    """Collapse white space and strip quotes, dashes and punctuation at the ends."""
    text = " ".join(text.split())
    return text.strip(" ,;:-–—" + QUOTE_CHARS).rstrip(".").strip(" ,;" + QUOTE_CHARS)


def quotes_in(text: str) -> list[str]:
    """The quoted passages in a text, in order."""
    return [q.strip() for q in QUOTED_RE.findall(text)]
