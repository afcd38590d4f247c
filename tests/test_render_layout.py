"""PDF layout: no near-empty last page when a tighter layout saves it; long delegations may break across pages."""

from __future__ import annotations

from pathlib import Path

from briefer.render import pdf

STYLE = """<style>@page { size: A5; margin: 10mm }
p { margin: 0 0 12pt; font-size: 10pt; line-height: 14pt }
body.tight p { margin-bottom: 8pt }</style>"""


def page_of(paragraphs: int) -> str:
    body = "".join(f"<p>Paragraph {n} of the brief, one line.</p>" for n in range(paragraphs))
    return f"<html><head>{STYLE}</head><body class=\"audience-test\">{body}</body></html>"


def test_a_last_page_of_a_few_lines_is_laid_out_again_tighter(tmp_path: Path):
    roots = [tmp_path]
    html = next(page_of(n) for n in range(18, 40) if len(pdf.layout(page_of(n), roots).pages) == 2)
    loose = pdf.layout(html, roots)
    assert len(loose.pages) == 2 and pdf.last_page_fill(loose) < pdf.NEAR_EMPTY
    assert len(pdf.without_near_empty_last_page(loose, html, roots).pages) == 1


def test_a_well_filled_last_page_is_left_alone(tmp_path: Path):
    roots = [tmp_path]
    two = [n for n in range(42, 30, -1) if len(pdf.layout(page_of(n), roots).pages) == 2][:1]
    html = page_of(two[0])
    document = pdf.layout(html, roots)
    assert pdf.last_page_fill(document) > 0.8
    assert pdf.without_near_empty_last_page(document, html, roots) is document
