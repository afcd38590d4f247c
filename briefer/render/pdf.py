"""PDF from the brief's HTML through WeasyPrint (imported here only, when a PDF is made)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from briefer.errors import RenderError

log = logging.getLogger(__name__)

ARCHIVAL_VARIANT = "pdf/a-3b"  # PDF/A-3 is the PDF/A that may carry files of any kind


@dataclass(frozen=True)
class PdfAttachment:
    """A file to embed in an archival PDF; `relationship` is its PDF/A-3 AFRelationship (Data, Source, ...)."""

    name: str
    data: bytes
    description: str
    relationship: str = "Data"


@dataclass(frozen=True)
class Archival:
    """Write the PDF as PDF/A-3b with these files attached, dated `created` (so the bytes are reproducible)."""

    attachments: Sequence[PdfAttachment]
    created: datetime


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


def _archival_options(archival: Archival) -> dict[str, Any]:
    from weasyprint import Attachment

    created = archival.created  # WeasyPrint writes its fields as UTC ('Z')
    if created.tzinfo is not None:
        created = created.astimezone(UTC).replace(tzinfo=None)
    attachments = [Attachment(file_obj=BytesIO(a.data), name=a.name, description=a.description,
                              relationship=a.relationship, created=created, modified=created)
                   for a in archival.attachments]
    return {"pdf_variant": ARCHIVAL_VARIANT, "attachments": attachments, "finisher": _associated_files_once}


def _associated_files_once(document: Any, pdf: Any) -> None:
    """List each attached file once in the catalog's /AF: WeasyPrint 70 lists each twice (its issue 2917,
    fixed after 70.0)."""
    associated = pdf.catalog.get("AF")
    if associated:
        associated[:] = list(dict.fromkeys(associated))


def write_pdf(document: Any, archival: Archival | None = None) -> bytes:
    """The PDF bytes of a laid-out document; with `archival`, PDF/A-3b with files attached."""
    options = _archival_options(archival) if archival is not None else {}
    try:
        pdf = document.write_pdf(**options)
    except Exception as exc:
        raise RenderError(f"PDF writing failed: {type(exc).__name__}: {exc}") from exc
    log.debug("PDF: %d pages, %d bytes", len(document.pages), len(pdf))
    return pdf
