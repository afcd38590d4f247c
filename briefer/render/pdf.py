"""PDF from the brief's HTML through WeasyPrint (imported here only, when a PDF is made)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from briefer.errors import RenderError

log = logging.getLogger(__name__)


def layout(html: str, roots: list[Path]) -> Any:
    """Lay the HTML out into pages; refusals of the URL fetcher and WeasyPrint failures are RenderErrors."""
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError

    from briefer.render.fetcher import TemplateAssetFetcher

    try:
        return weasyprint.HTML(
            string=html, base_url=roots[0].resolve().as_uri() + "/", url_fetcher=TemplateAssetFetcher(roots)
        ).render()
    except FatalURLFetchingError as exc:
        raise RenderError(f"PDF: {exc.__cause__ or exc}") from exc
    except Exception as exc:
        raise RenderError(f"PDF layout failed: {type(exc).__name__}: {exc}") from exc


NEAR_EMPTY = 0.15  # a last page filled less than this is near empty: lay the brief out tighter
TIGHT_CLASS = "tight"  # print.css sets smaller type and gaps under `body.tight`


def _bottom(box: Any) -> float:
    """The lowest edge of a layout box and everything in it."""
    low = box.position_y + box.margin_height() if hasattr(box, "margin_height") else 0.0
    return max([low, *(_bottom(child) for child in getattr(box, "children", None) or [])])


def last_page_fill(document: Any) -> float:
    """How much of the last page's content area the brief fills (0 to 1)."""
    page = document.pages[-1]._page_box
    return (_bottom(page.children[0]) - page.content_box_y()) / page.height if page.children else 0.0


def without_near_empty_last_page(document: Any, html: str, roots: list[Path]) -> Any:
    """The document, or, when its last page holds only a few lines, the same HTML laid out tighter if that
    takes a page fewer (a brief of one page is left as it is)."""
    if len(document.pages) < 2 or last_page_fill(document) >= NEAR_EMPTY:
        return document
    tight = layout(html.replace("<body class=\"", f"<body class=\"{TIGHT_CLASS} ", 1), roots)
    log.info("last page %.0f%% full: tighter layout gives %d pages instead of %d",
             100 * last_page_fill(document), len(tight.pages), len(document.pages))
    return tight if len(tight.pages) < len(document.pages) else document


def write_pdf(document: Any) -> bytes:
    """The PDF bytes of a laid-out document."""
    try:
        pdf = document.write_pdf()
    except Exception as exc:
        raise RenderError(f"PDF writing failed: {type(exc).__name__}: {exc}") from exc
    log.debug("PDF: %d pages, %d bytes", len(document.pages), len(pdf))
    return pdf
