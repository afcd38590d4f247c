"""The formats a brief is written in, each declared once: its name on `--format`, the file it is written to, and
whether templates render it (md, html, pdf) or it is the briefing model itself (json)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    """One output format."""

    name: str
    file_name: str
    templated: bool = True  # rendered through the templates; json is `Briefing.model_dump_json`


FORMATS: dict[str, Format] = {format_.name: format_ for format_ in (
    Format("md", "brief.md"),
    Format("html", "brief.html"),
    Format("pdf", "brief.pdf"),
    Format("json", "briefing.json", templated=False),
)}
# The formats the templates render, in the order above.
DOCUMENTS: tuple[str, ...] = tuple(name for name, format_ in FORMATS.items() if format_.templated)


def file_name(name: str) -> str:
    """The file a format is written to: brief.md, briefing.json, ..."""
    return FORMATS[name].file_name
