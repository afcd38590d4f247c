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


def write_pdf(document: Any) -> bytes:
    """The PDF bytes of a laid-out document."""
    try:
        pdf = document.write_pdf()
    except Exception as exc:
        raise RenderError(f"PDF writing failed: {type(exc).__name__}: {exc}") from exc
    log.debug("PDF: %d pages, %d bytes", len(document.pages), len(pdf))
    return pdf
