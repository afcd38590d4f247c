"""The PDF read back with pypdf: text, pages, outline, links, metadata, fonts, paper, page limit, fetcher."""

from __future__ import annotations

import io
import os

import pytest
from pypdf import PdfReader
from test_render_fixtures import INJECTION_TITLE, huge_briefing, sample_briefing

from briefer.config import AudienceConfig, Config
from briefer.errors import RenderError
from briefer.render import render_documents
from briefer.render.loader import search_path

SECTIONS = ["Key developments", "What changed since 4 March 2025", "Geneva talks", "Oslo consultations", "Sources"]
TRACK_SECTIONS = ["Delegations", "Venues", "Stated positions", "Open questions"]


def pdf_bytes(briefing=None, **kwargs) -> bytes:
    documents = render_documents(briefing or sample_briefing(), formats=("pdf",), **kwargs)
    assert list(documents) == ["brief.pdf"]
    return documents["brief.pdf"]


def pdf_of(briefing=None, **kwargs) -> PdfReader:
    return PdfReader(io.BytesIO(pdf_bytes(briefing, **kwargs)))


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture(scope="module")
def analyst_pdf_bytes() -> bytes:
    """The sample briefing's analyst PDF, rendered once for the tests that only read it."""
    return pdf_bytes()


@pytest.fixture(scope="module")
def analyst_pdf(analyst_pdf_bytes) -> PdfReader:
    return PdfReader(io.BytesIO(analyst_pdf_bytes))


def test_text_names_the_leaders_and_numbers_the_pages(analyst_pdf):
    pages = len(analyst_pdf.pages)
    assert pages >= 2
    text = text_of(analyst_pdf)
    for leader in ("Irena Kovac", "Mikhail Sorel", "Grace Holloway"):
        assert leader in text
    for number in range(1, pages + 1):
        assert f"Page {number} of {pages}" in " ".join(analyst_pdf.pages[number - 1].extract_text().split())


def test_running_header_carries_title_and_date_after_the_first_page(analyst_pdf):
    first, second = (" ".join(page.extract_text().split()) for page in analyst_pdf.pages[:2])
    pages = len(analyst_pdf.pages)
    assert f"Geneva talks: daily brief 5 March 2025 Page 2 of {pages}" in second
    assert "Geneva talks: daily brief 5 March 2025" not in first


def test_outline_has_a_bookmark_per_section(analyst_pdf):
    outline = analyst_pdf.outline
    assert [entry.title for entry in outline if not isinstance(entry, list)] == SECTIONS
    at = next(i for i, e in enumerate(outline) if not isinstance(e, list) and e.title == "Geneva talks")
    geneva = outline[at + 1]
    assert [entry.title for entry in geneva if not isinstance(entry, list)] == TRACK_SECTIONS  # nested per track


def test_citation_links_point_at_source_destinations(analyst_pdf):
    destinations = set(analyst_pdf.named_destinations)
    assert {"src-1", "src-2", "src-3", "src-4"} <= destinations
    links = [annotation.get_object() for page in analyst_pdf.pages for annotation in page.get("/Annots", [])]
    internal = [link["/Dest"] for link in links if "/Dest" in link]
    assert len(internal) >= 20
    assert set(internal) <= destinations


def test_metadata_title_author_and_dates_come_from_the_briefing(analyst_pdf):
    metadata = analyst_pdf.metadata
    assert metadata.title == "Geneva talks: daily brief — 5 March 2025"
    assert metadata.author == "briefer"
    assert metadata["/CreationDate"] == metadata["/ModDate"] == "D:20250305"


def test_fonts_are_embedded_dejavu(analyst_pdf):
    fonts = {}
    for page in analyst_pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            fonts[font["/BaseFont"]] = "/FontFile2" in descriptor or "/FontFile3" in descriptor
    assert fonts and all(fonts.values())
    assert all("DejaVu" in name for name in fonts)


def test_a4_by_default_and_letter_on_request(analyst_pdf):
    box = analyst_pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    letter = pdf_of(paper="letter").pages[0].mediabox
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)


def test_same_briefing_gives_byte_identical_documents(analyst_pdf_bytes):
    """Two renders of the same briefing (the module's PDF alone, then every format) give the same bytes."""
    first = render_documents(sample_briefing())
    second = render_documents(sample_briefing(), formats=("md", "html"))
    assert set(first) == {"brief.md", "brief.html", "brief.pdf"}
    assert first == {**second, "brief.pdf": analyst_pdf_bytes}


@pytest.mark.parametrize("audience", ["analyst", "executive"])
def test_pdf_is_laid_out_without_the_pop_ups_and_is_the_same_pdf(audience, monkeypatch):
    """The PDF is laid out from the HTML without the evidence pop-ups (never printed): byte for byte the PDF of
    the HTML brief itself, which keeps them; each format alone is the same as all of them at once."""
    from briefer.render import pdf

    laid_out = []
    real_layout = pdf.layout
    monkeypatch.setattr(pdf, "layout", lambda html, roots: laid_out.append(html) or real_layout(html, roots))
    documents = render_documents(sample_briefing(), audience=audience)
    monkeypatch.undo()
    html = documents["brief.html"].decode()
    assert 'class="tip"' in html and laid_out and not any('class="tip"' in paged for paged in laid_out)
    roots = [folder.path for folder in search_path(audience, None, None)]
    assert pdf.write_pdf(pdf.layout(html, roots)) == documents["brief.pdf"]
    for name in ("brief.md", "brief.html", "brief.pdf"):
        assert render_documents(sample_briefing(), audience=audience, formats=(name.split(".")[1],))[name] == \
            documents[name]


def test_executive_fits_two_pages_even_for_a_huge_briefing():
    reader = pdf_of(huge_briefing(200), audience="executive")
    assert len(reader.pages) <= 2
    assert "Bottom line" in text_of(reader)


def test_executive_trims_lower_ranked_items_when_limits_allow_too_many():
    limits = {"positions": 200, "open_questions": 50, "delegations": 30, "venues": 10}
    config = Config(audiences={"executive": AudienceConfig(limits=limits)})
    documents = render_documents(huge_briefing(200), audience="executive", config=config)
    reader = PdfReader(io.BytesIO(documents["brief.pdf"]))
    assert len(reader.pages) == 2
    markdown = documents["brief.md"].decode()
    assert "lower-ranked items not shown" in markdown
    shown = markdown.count("**Speaker ")
    assert 0 < shown < 200
    for heading in ("## Delegations", "## Venues", "## Open questions"):  # trimming keeps every section
        assert "reported." not in markdown.split(heading)[1].split("##")[0]
    assert "lower-ranked items not shown" in text_of(reader)
    assert "(100 unreadable inputs)" in markdown and "- and 95 more (the analyst brief lists them all)" in markdown
    assert "Uncited article" not in markdown


def test_a_page_limit_nothing_fits_is_a_render_error(tmp_path):
    (tmp_path / "masthead.html.j2").write_text("<p>A masthead far too long.</p>\n" * 200)
    with pytest.raises(RenderError, match="does not fit on 2 pages"):
        render_documents(sample_briefing(), audience="executive", formats=("pdf",), user_templates=tmp_path)


def test_injected_markup_prints_literally_in_the_pdf():
    text = text_of(pdf_of(sample_briefing(title=INJECTION_TITLE)))
    assert 'Talks update {{ 7*7 }} <img src="file:///etc/hostname">' in text


def override_head(folder, markup: str) -> None:
    (folder / "brief.html.j2").write_text(
        '{% extends "builtin:brief.html.j2" %}\n{% block head_extra %}' + markup + "{% endblock %}\n"
    )


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/hostname",
        "http://127.0.0.1:9/logo.png",
        "https://example.org/logo.png",
        "../outside.png",
        "data:image/png;base64,iVBORw0KGgo=",
    ],
)
def test_url_fetcher_refuses_anything_outside_the_template_folders(tmp_path, url):
    folder = tmp_path / "templates"
    folder.mkdir()
    (tmp_path / "outside.png").write_bytes(b"not served")
    override_head(folder, f'<link rel="stylesheet" href="{url}">')
    with pytest.raises(RenderError, match="template folders"):
        render_documents(sample_briefing(), formats=("pdf",), user_templates=folder)


def test_url_fetcher_refuses_a_symlink_leading_out(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    os.symlink("/etc/hostname", folder / "leak.css")
    override_head(folder, '<link rel="stylesheet" href="leak.css">')
    with pytest.raises(RenderError, match="template folders"):
        render_documents(sample_briefing(), formats=("pdf",), user_templates=folder)


def test_url_fetcher_serves_assets_of_the_template_folders(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "quiet.css").write_text("h2, .track-section h3 { bookmark-level: none; }\n")
    override_head(folder, '<link rel="stylesheet" href="quiet.css">')
    reader = pdf_of(user_templates=folder)
    assert reader.outline == []  # the stylesheet was fetched and applied
