"""Archival briefs: a run manifest of hashes attached to a PDF/A-3b with briefing.json, and verifying it later."""

from briefer.archive.manifest import MANIFEST_NAME, Manifest, build_manifest, rule_files, template_files
from briefer.archive.pdf import BRIEFING_NAME, archive_attachments, read_archive
from briefer.archive.verify import Verification, verify_archive

__all__ = [
    "BRIEFING_NAME",
    "MANIFEST_NAME",
    "Manifest",
    "Verification",
    "archive_attachments",
    "build_manifest",
    "read_archive",
    "rule_files",
    "template_files",
    "verify_archive",
]
