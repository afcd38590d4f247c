"""Text helpers every extraction module shares: tidied values and quoted passages (the Doc's text is
briefer.nlp.doc_text)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

QUOTE_CHARS = "\"“”„«»"
QUOTED_RE = re.compile(r"[\"“„«]([^\"“”„«»]{2,}?)[\"”»]")


CLOSING_QUOTE = {"“": "”", "„": "“", "«": "»"}


def tidy(text: str) -> str:
    """Collapse white space and strip quotes, dashes and punctuation at the ends; a quotation this cuts open (or
    that the clause's edge cut) is closed again, so that no value shows an unbalanced quote."""
    text = " ".join(text.split())
    return balanced_quotes(text.strip(" ,;:-–—" + QUOTE_CHARS).rstrip(".").strip(" ,;" + QUOTE_CHARS))


def without_honorifics(name: str, role: str, honorifics: frozenset[str]) -> tuple[str, str]:
    """A name without the honorifics it opens on ("Shri Jane Doe" -> "Jane Doe", one word kept at least) and a
    role without those it ends on ("Commerce Minister Shri" -> "Commerce Minister"; one alone stays, the only
    role the text gives)."""
    def honorific(word: str) -> bool:
        return word.lower().rstrip(".") in honorifics

    words, titles = name.split(" "), role.split(" ")
    while len(words) > 1 and honorific(words[0]):
        words.pop(0)
    while len(titles) > 1 and honorific(titles[-1]):
        titles.pop()
    return " ".join(words), " ".join(titles)


def balanced_quotes(text: str) -> str:
    """The text with a quotation left open closed at its end and one closed without an opening opened at its start:
    'they aim to “establish peace' -> 'they aim to “establish peace”', 'peace,” he said' -> '“peace,” he said'."""
    awaited: list[str] = []
    unopened = ""
    for i, char in enumerate(text):
        if awaited and char == awaited[-1]:
            awaited.pop()
        elif char == "“" and not awaited and 0 < i and not text[i - 1].isspace() and text[i + 1 :][:1].isspace():
            unopened = unopened or "„"  # a German closing quote after its opening was cut
        elif char in CLOSING_QUOTE:
            awaited.append(CLOSING_QUOTE[char])
        elif char in "”»" and not awaited:
            unopened = unopened or ("«" if char == "»" else "“")
    text = unopened + text + "".join(reversed(awaited))
    if text.count('"') % 2:
        last = text.rindex('"')
        opens = last + 1 < len(text) and not text[last + 1].isspace()
        text = text + '"' if opens else '"' + text
    return text


def quotes_in(text: str) -> list[str]:
    """The quoted passages in a text, in order."""
    return [q.strip() for q in QUOTED_RE.findall(text)]


def spaced_dash(token: Token) -> bool:
    """A hyphen with spaces around it, which sets off a dateline or an apposition ("CAIRO - Hamas", "A - a member
    of the delegation -"), unlike one inside a word ("al-Hariri")."""
    return token.text in {"-", "--"} and bool(token.whitespace_) and token.i > 0 and bool(
        token.doc[token.i - 1].whitespace_)
