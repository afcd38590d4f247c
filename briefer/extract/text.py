"""Text helpers every extraction module shares: tidied values and quoted passages (the Doc's text is
briefer.nlp.doc_text)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

QUOTE_CHARS = "\"“”„«»"
QUOTED_RE = re.compile(r"[\"“„«]([^\"“”„«»]{2,}?)[\"”»]")


def tidy(text: str) -> str:
    """Collapse white space and strip quotes, dashes and punctuation at the ends."""
    text = " ".join(text.split())
    return text.strip(" ,;:-–—" + QUOTE_CHARS).rstrip(".").strip(" ,;" + QUOTE_CHARS)


def quotes_in(text: str) -> list[str]:
    """The quoted passages in a text, in order."""
    return [q.strip() for q in QUOTED_RE.findall(text)]


def spaced_dash(token: Token) -> bool:
    """A hyphen with spaces around it, which sets off a dateline or an apposition ("CAIRO - Hamas", "A - a member
    of the delegation -"), unlike one inside a word ("al-Hariri")."""
    return token.text in {"-", "--"} and bool(token.whitespace_) and token.i > 0 and bool(
        token.doc[token.i - 1].whitespace_)
