"""The files an archival brief carries, and reading them back out of a PDF (pypdf)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from briefer.archive.manifest import MANIFEST_NAME, Manifest
from briefer.errors import UsageError
from briefer.model import Briefing
from briefer.render.pdf import Archival, PdfAttachment

BRIEFING_NAME = "briefing.json"
_PDFA_PART = re.compile(r"pdfaid:part(?:>|=\")\s*(\d)")
_PDFA_CONFORMANCE = re.compile(r"pdfaid:conformance(?:>|=\")\s*([ABU])")


def archive_attachments(briefing: Briefing, briefing_json: bytes, manifest: Manifest) -> Archival:
    """briefing.json (the data the brief shows) and the run manifest, for a PDF/A-3b."""
    return Archival(
        attachments=[
            PdfAttachment(BRIEFING_NAME, briefing_json, "The briefing model this brief was rendered from", "Data"),
            PdfAttachment(MANIFEST_NAME, manifest.model_dump_json(indent=2).encode("utf-8"),
                          "How this brief was made: versions, model, SHA-256 of inputs, rules and templates, "
                          "options", "Supplement"),
        ],
        created=briefing.generated_at,
    )


@dataclass(frozen=True)
class Archive:
    """What an archival brief carries: its PDF/A identification and its two attached files."""

    path: Path
    pdfa: str | None  # "3B" for PDF/A-3b; None when the PDF claims no PDF/A conformance
    manifest: Manifest
    briefing_json: bytes


def _pdfa(reader) -> str | None:
    """The PDF/A part and conformance the document's XMP metadata claims, as '3B'."""
    stream = reader.trailer["/Root"].get("/Metadata")
    if stream is None:
        return None
    xmp = stream.get_object().get_data().decode("utf-8", "replace")
    part, conformance = _PDFA_PART.search(xmp), _PDFA_CONFORMANCE.search(xmp)
    return f"{part.group(1)}{conformance.group(1)}" if part and conformance else None


def read_archive(path: Path) -> Archive:
    """The manifest and briefing.json attached to an archival brief; UsageError when it is none."""
    from pydantic import ValidationError
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(path)
        attachments = reader.attachments
        pdfa = _pdfa(reader)
    except FileNotFoundError as exc:
        raise UsageError(f"{path}: no such file") from exc
    except (OSError, PyPdfError, KeyError, ValueError) as exc:
        raise UsageError(f"{path}: not a readable PDF ({exc})") from exc
    missing = [name for name in (MANIFEST_NAME, BRIEFING_NAME) if not attachments.get(name)]
    if missing:
        raise UsageError(f"{path}: no {' and no '.join(missing)} attached (was it written with --archive?)")
    try:
        manifest = Manifest.model_validate_json(attachments[MANIFEST_NAME][0])
    except ValidationError as exc:
        raise UsageError(f"{path}: the attached {MANIFEST_NAME} is not a briefer manifest ({exc.error_count()} "
                         "error(s))") from exc
    return Archive(path, pdfa, manifest, attachments[BRIEFING_NAME][0])
