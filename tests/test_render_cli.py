"""The render stage through the real CLI: audiences on the seeds, user templates, paper, determinism, safety."""

from __future__ import annotations

from pathlib import Path

import pytest
from in_process import briefer
from pypdf import PdfReader

SECTIONS = ("Delegations", "Venues", "Stated positions", "Open questions")
HOSTILE_TITLE = 'Talks update {{ 7*7 }} <img src="file:///etc/hostname">'
ARTICLE = (
    f"{HOSTILE_TITLE}\n\n"
    "The Ukrainian delegation will be led by Defence Minister Rustem Umerov, the presidency said on Monday. "
    '"We are ready for a ceasefire," Umerov told reporters. '
    "It is unclear whether Russia will send its foreign minister.\n"
)


def pdf_text(reader: PdfReader) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture(scope="module")
def executive_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("executive")
    result = briefer(
        "brief",
        "seeds/",
        "--audience",
        "executive",
        "--out",
        str(out),
        "--date",
        "2025-05-16",
        "--format",
        "md,html,pdf",
    )
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def analyst_letter_dir(tmp_path_factory) -> Path:
    """The analyst brief on letter paper, through a user folder that extends the built-in colophon."""
    templates = tmp_path_factory.mktemp("templates")
    (templates / "colophon.html.j2").write_text(
        '{% include "builtin:colophon.html.j2" %}\n<p class="desk">Desk copy, {{ brief.date|long_date }}</p>\n'
    )
    (templates / "colophon.md.j2").write_text(
        '{% include "builtin:colophon.md.j2" %}\nDesk copy, {{ brief.date|long_date }}\n'
    )
    out = tmp_path_factory.mktemp("analyst")
    result = briefer(
        "brief",
        "seeds/",
        "--out",
        str(out),
        "--date",
        "2025-05-16",
        "--paper",
        "letter",
        "--templates",
        str(templates),
        "--format",
        "md,pdf",
    )
    assert result.returncode == 0, result.stderr
    return out


def test_executive_brief_of_the_seeds_fits_two_pages(executive_dir):
    reader = PdfReader(executive_dir / "brief.pdf")
    assert 1 <= len(reader.pages) <= 2
    text = pdf_text(reader)
    assert "Bottom line" in text and f"Page 1 of {len(reader.pages)}" in text
    markdown = (executive_dir / "brief.md").read_text(encoding="utf-8")
    for heading in ("## Bottom line", *(f"## {section}" for section in SECTIONS)):
        assert f"\n{heading}\n" in markdown
    assert "Evidence" not in markdown


def test_executive_html_and_markdown_hold_the_same_items(executive_dir):
    markdown = (executive_dir / "brief.md").read_text(encoding="utf-8")
    html = (executive_dir / "brief.html").read_text(encoding="utf-8")
    assert markdown.count("](#src-") > 0
    assert markdown.count("](#src-") == html.count('class="cite" href="#src-')


def test_analyst_pdf_has_page_numbers_outline_and_working_citation_links(analyst_letter_dir):
    reader = PdfReader(analyst_letter_dir / "brief.pdf")
    pages = len(reader.pages)
    assert pages > 2
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {pages}" in " ".join(page.extract_text().split())
    def titles(entries) -> list[str]:
        return [t for e in entries for t in (titles(e) if isinstance(e, list) else [e.title])]

    outline = titles(reader.outline)
    top = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert top[0] == "Key developments" and top[-1] == "Sources"
    assert set(SECTIONS) <= set(outline)  # within each track's section
    destinations = set(reader.named_destinations)
    links = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    cited = {link["/Dest"] for link in links if "/Dest" in link}
    assert cited and cited <= destinations and all(dest.startswith("src-") for dest in cited)


def test_paper_letter_and_user_template_extending_a_builtin(analyst_letter_dir):
    reader = PdfReader(analyst_letter_dir / "brief.pdf")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    text = pdf_text(reader)
    assert "Produced by briefer" in text and "Desk copy, 16 May 2025" in text
    markdown = (analyst_letter_dir / "brief.md").read_text(encoding="utf-8")
    assert markdown.endswith("Desk copy, 16 May 2025\n") and "*Produced by briefer" in markdown


@pytest.fixture(scope="module")
def article(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("articles") / "update.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def article_runs(article, tmp_path_factory) -> tuple[Path, Path]:
    """The article briefed twice with the same --date."""
    runs = []
    for name in ("first", "second"):
        out = tmp_path_factory.mktemp(name)
        result = briefer("brief", str(article), "--out", str(out), "--date", "2025-05-16", "--format", "md,html,pdf")
        assert result.returncode == 0, result.stderr
        runs.append(out)
    return runs[0], runs[1]


def test_same_input_and_date_give_byte_identical_files(article_runs):
    first, second = article_runs
    for name in ("brief.md", "brief.html", "brief.pdf"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert PdfReader(first / "brief.pdf").metadata["/CreationDate"] == "D:20250516"


def test_article_title_with_template_code_and_markup_stays_text(article_runs):
    out, _ = article_runs
    markdown = (out / "brief.md").read_text(encoding="utf-8")
    assert '**Talks update {{ 7*7 }} \\<img src="file:///etc/hostname"\\>**' in markdown
    html = (out / "brief.html").read_text(encoding="utf-8")
    assert '<img src="file:///etc/hostname">' not in html
    assert "Talks update {{ 7*7 }} &lt;img src=&#34;file:///etc/hostname&#34;&gt;" in html
    assert HOSTILE_TITLE in pdf_text(PdfReader(out / "brief.pdf"))


def test_template_typo_exits_3_naming_template_and_line(article, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "masthead.md.j2").write_text("# {{ brief.title }}\n\n{{ brief.dat }}\n")
    result = briefer(
        "brief", str(article), "--out", str(tmp_path / "out"), "--templates", str(templates), "--format", "md"
    )
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == (
        f"briefer: error: template {templates / 'masthead.md.j2'}, line 3: "
        "'briefer.render.view.BriefView object' has no attribute 'dat'"
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "brief.md").exists()


def test_unknown_audience_exits_3_listing_the_audiences(article, tmp_path):
    result = briefer("brief", str(article), "--out", str(tmp_path), "--audience", "ministers", "--format", "md")
    assert result.returncode == 3
    assert (
        result.stderr.strip().splitlines()[-1]
        == "briefer: error: unknown audience 'ministers' (available: analyst, base, executive)"
    )
