"""Escaping article text for Markdown, and citation markers for Markdown and HTML.

The Markdown environment autoescapes, with `md_finalize` as its `finalize` hook: every
`{{ value }}` is escaped for Markdown and marked `Markup`, so Jinja's own HTML escaping
leaves it alone, and what templates make themselves (macros, `super()`, `|safe`, the
citation filter) is `Markup` already and is not escaped twice.

Escaping keeps text readable: only what could make markup is touched (backslash,
backtick, brackets, angle brackets, an `&` that would start an entity, and a block
marker at the start), and line breaks fold into spaces so text can never open a
heading, list or HTML block of its own. Emphasis marks (`*`, `_`) are left alone:
they cannot add links, images or HTML, and escaping them would clutter names and
`{{ 7*7 }}` alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

_INLINE = re.compile(r"([\\`\[\]<>])")
_SPACE = re.compile(r"\s+")
_ENTITY = re.compile(r"&(?=#?\w+;)")
# What opens a block when it starts a line: heading, list item, rule or setext underline, fence.
_BLOCK_START = re.compile(r"^ ?(?:#{1,6}(?=\s|$)|[-+*_=]+(?=\s|$)|~{3,}|\d{1,9}(?=[.)](?:\s|$)))")


def md_escape(value: object) -> str:
    """Text as it should appear literally in Markdown, on one line."""
    text = _SPACE.sub(" ", str(value))
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    return _BLOCK_START.sub(lambda m: m[0] + "\\" if m[0][-1].isdigit() else "\\" + m[0].lstrip(), text)


def md_finalize(value: object) -> Markup:
    """Escape a template value for Markdown unless a template or filter made it (Markup)."""
    return value if isinstance(value, Markup) else Markup(md_escape(value))


def cites_md(numbers: Iterable[int]) -> Markup:
    """Citation markers `[1][3]` linking to the source list, in Markdown, then ` +N` for the sources not shown."""
    return Markup("".join(f"[[{int(n)}]](#src-{int(n)})" for n in numbers) + _more(numbers))


def marked_html(parts: Iterable[tuple[str, bool]]) -> Markup:
    """A sentence from its pieces, the marked ones in <mark>, everything escaped."""
    return Markup("").join(Markup("<mark>{}</mark>").format(text) if marked else escape(text) for text, marked in parts)


def cites_html(numbers: Iterable[int]) -> Markup:
    """Citation markers `[1][3]` linking to the source list, in HTML (kept on one line)."""
    links = [Markup('<a class="cite" href="#src-{0}">[{0}]</a>').format(int(n)) for n in numbers]
    if not links:
        return Markup("")
    more = Markup('<span class="more">{}</span>').format(_more(numbers)) if _more(numbers) else Markup("")
    return Markup('<span class="cites">{}{}</span>').format(Markup("").join(links), more)


def _more(numbers: Iterable[int]) -> str:
    """The " +N" that counts the sources behind markers that show only some (render.entries.Cites)."""
    count = getattr(numbers, "more", 0)
    return f" +{count} more" if count else ""


_SPACE_BEFORE_TAG = re.compile(r"(?<=[^\s>])(\s+)(<[^>]*>)")


def spaces_past_tags(html: str) -> str:
    """The HTML with every space between a word and a tag moved past the tag (`word <span>x` becomes
    `word<span> x`, `word </b>` becomes `word</b> `): the same text and the same break points but one (a
    citation stays with its word), in a browser as on paper.

    The PDF needs it: WeasyPrint 70 lays out a run of text that ends in a space before a tag wrongly when the
    run fits its line only without that space (Pango lets the space hang past the edge, WeasyPrint's measure
    counts it): it keeps the run's first word alone on the line. Only the body is changed; tags never hold a raw `<`."""
    head, body_tag, body = html.partition("<body")
    if not body_tag:
        return html
    return head + body_tag + _SPACE_BEFORE_TAG.sub(r"\2\1", body)
