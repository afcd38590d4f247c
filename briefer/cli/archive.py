"""`briefer verify BRIEF.pdf [SOURCE...]`: check an archival brief against the files it was made from."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from briefer.cli.brief import CONFIG
from briefer.cli.command import examples
from briefer.cli.listing import print_json

if TYPE_CHECKING:
    from briefer.archive import Verification

SHOWN_SAME = 3  # files per group listed when they all match; the rest are counted


def _inputs(sources: list[str]) -> list[Path]:
    """The files SOURCES stand for, expanded as `briefer brief` expands them (folders recursively)."""
    from briefer.cli.output import warn
    from briefer.ingest.sources import Input, expand_sources

    files = []
    for found in expand_sources(sources):
        if not isinstance(found, Input):
            warn(f"{found.input}: {found.reason}")
        elif found.path is None:
            warn(f"{found.name}: only files can be checked (a URL or stdin was read once, at the time)")
        else:
            files.append(found.path)
    return files


def _print(verification: Verification) -> None:
    manifest = verification.archive.manifest
    model = f"{manifest.model} {manifest.model_version}" if manifest.model_version else manifest.model
    pdfa = f"PDF/A-{verification.archive.pdfa}" if verification.archive.pdfa else "not PDF/A"
    typer.echo(f"{verification.archive.path}: {pdfa}, made {manifest.generated_at} by briefer "
               f"{manifest.briefer_version} with {model}")
    for group in ("document", "inputs", "rules", "templates"):
        findings = [f for f in verification.findings if f.group == group]
        same = [f for f in findings if f.status == "same"]
        others = [f for f in findings if f.status != "same"]
        typer.echo(f"{group}: {len(same)} of {len(findings)} the same")
        for finding in (same if len(same) <= SHOWN_SAME or group in ("document", "inputs") else []) + others:
            note = f" ({finding.note})" if finding.note else ""
            typer.echo(f"  {finding.status:<16} {finding.name}{note}")


def verify(
    brief: Path = typer.Argument(..., metavar="BRIEF_PDF", help="A brief written with --archive."),
    sources: list[str] = typer.Argument(None, metavar="SOURCE", help="The article files or folders to check."),
    rules: list[Path] = typer.Option(None, "--rules", metavar="DIR", show_default="the brief's",
                                     help="Rule folders to check (repeatable)."),
    templates: Path = typer.Option(None, "--templates", metavar="DIR", show_default="the brief's",
                                   help="Template folder to check."),
    config: Path = CONFIG,
    as_json: bool = typer.Option(False, "--json", help="Print the findings and the manifest as JSON."),
) -> None:
    """Check an archival brief: its attached briefing.json, then the given articles, the rule files and the
    template files against the SHA-256 hashes in its manifest (exit 1 when any differ).

    A given file matches by its path, or by its content when it was moved. Rule and template folders are
    those the brief was made with unless --rules or --templates name others; the built-in ones are those of
    the briefer installed now.
    """
    from briefer.archive import read_archive, verify_archive
    from briefer.config import load_config

    archive = read_archive(brief)
    verification = verify_archive(archive, _inputs(sources or []), rules_dirs=rules or None,
                                  user_templates=templates, config=load_config(config))
    if as_json:
        print_json({"brief": str(brief), "pdfa": archive.pdfa, "manifest": archive.manifest.model_dump(mode="json"),
                    "findings": [{"group": f.group, "name": f.name, "status": f.status, "note": f.note}
                                 for f in verification.findings],
                    "problems": len(verification.problems)})
    else:
        _print(verification)
    from briefer.cli.output import stderr

    if verification.problems:
        stderr().print(f"{len(verification.problems)} problem(s): the brief was not made from these files.",
                       highlight=False)
        raise typer.Exit(1)
    stderr().print("Verified: the brief matches its manifest and the files given.", highlight=False)


def register(app: typer.Typer) -> None:
    """Add `briefer verify` to the app."""
    app.command(epilog=examples(
        "briefer verify out/brief.pdf today/",
        "briefer verify archive/2026-11-23.pdf articles/*.txt --rules my-rules/",
        "briefer verify out/brief.pdf today/ --json | jq '.findings[] | select(.status != \"same\")'",
    ))(verify)
