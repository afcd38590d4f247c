"""Markdown escaping checked with a real CommonMark parser: article text never becomes markup."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from test_render_fixtures import INJECTION_TITLE, ev, sample_briefing

from briefer.model import Position, Source, Speaker
from briefer.render import render_documents
from briefer.render.escape import md_escape

PARSER = MarkdownIt("commonmark")
SPECIALS = list("#*_-+=~`<>[]()!&;\\|.:/\"' \n\t1a")
INLINE_TEXT = {"text", "em_open", "em_close", "strong_open", "strong_close", "softbreak"}
MARKUP = {"link_open", "image", "html_inline", "code_inline", "html_block"}


def blocks_and_inline(markdown: str):
    tokens = PARSER.parse(markdown)
    blocks = [t.type for t in tokens if t.type != "inline"]
    inline = [child for t in tokens if t.type == "inline" for child in t.children]
    return blocks, inline


@settings(max_examples=400, deadline=None)
@example("AT&T &amp; &#60;b&#62; &copy;")
@example("1. first\n2) second")
@example("# heading\n---\n===\n~~~ fence\n> quote")
@example("[link](http://x) ![img](file:///etc/hostname) <http://auto> `code` \\")
@given(st.text(alphabet=st.sampled_from(SPECIALS) | st.characters(blacklist_categories=("Cc", "Cs")), max_size=40))
def test_escaped_text_is_one_paragraph_of_the_same_text(text):
    blocks, inline = blocks_and_inline(md_escape(text))
    expected = re.sub(r"\s+", " ", text).strip(" ")
    if not expected:
        return
    assert blocks == ["paragraph_open", "paragraph_close"]
    assert {child.type for child in inline} <= INLINE_TEXT
    shown = "".join(child.content for child in inline if child.type == "text")
    assert shown.replace("*", "").replace("_", "") == expected.replace("*", "").replace("_", "")


def test_the_whole_markdown_brief_links_only_to_sources_and_holds_no_article_html():
    hostile = "ends.\n\n# Injected heading\n[click](javascript:alert(1)) ![x](file:///etc/passwd) <b>bold</b>"
    briefing = sample_briefing(
        title=INJECTION_TITLE,
        sources=[*sample_briefing().sources[1:], Source(id="a1", title=INJECTION_TITLE, url="javascript:alert(1)")],
        positions=[
            Position(
                speaker=Speaker(name="<i>x</i>", party="Valdoria"),
                statement=hostile,
                direct_quote=True,
                evidence=[ev("a1", hostile)],
            )
        ],
    )
    markdown = render_documents(briefing, formats=("md",))["brief.md"].decode()
    tokens = PARSER.parse(markdown)
    inline = [child for t in tokens if t.type == "inline" for child in t.children]
    links = {child.attrs["href"] for child in inline if child.type == "link_open"}
    assert links == {"#src-1", "#src-2", "#src-3", "#src-4", "https://news.example.org/valdoria-conditions"}
    html = {child.content for child in inline if child.type == "html_inline"}
    assert html == {f'<a id="src-{n}">' for n in range(1, 5)} | {"</a>"}
    assert not [t for t in tokens if t.type in MARKUP]
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert not any("Injected" in heading for heading in headings)
    rendered = PARSER.render(markdown)
    assert "{{ 7*7 }} &lt;img src=&quot;file:///etc/hostname&quot;&gt;" in rendered
    assert "[click](javascript:alert(1))" in rendered and "&lt;b&gt;bold&lt;/b&gt;" in rendered
