"""The pipeline: ingest, NLP, extraction, resolution, rendering and writing, in that order."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from briefer import __version__
from briefer.config import Config
from briefer.errors import NoInputError, UsageError
from briefer.files import OutputFolder
from briefer.model import Article, Briefing, Check, InputFailure, RunInfo
from briefer.render.formats import FORMATS, file_name
from briefer.sections import SECTIONS

if TYPE_CHECKING:
    from briefer.deliver import SmtpSettings
    from briefer.rules.lexicon import Lexicon

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass
class Settings:
    """Everything one run needs, gathered by the CLI from flags, config file and environment."""

    sources: list[str]
    config: Config = field(default_factory=Config)
    out_dir: Path = Path("out")
    formats: tuple[str, ...] = tuple(FORMATS)
    audience: str | None = None
    date: str | None = None
    title: str | None = None
    rules_dirs: list[Path] = field(default_factory=list)
    templates_dir: Path | None = None
    model: str | None = None
    paper: str = "a4"
    since: datetime | None = None
    url_timeout: float = 10.0
    max_article_bytes: int = 5_000_000
    history: Path | None = None  # compare with and record in this history; None: no history
    email: bool = False
    recipients: list[str] = field(default_factory=list)  # empty: the audience's, from the config file
    dry_run: bool = False  # with email: write brief.eml instead of sending
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    jobs: int | str = "auto"  # worker processes for extraction, or "auto" (one per core for many articles)
    gate: bool = True  # parse only the sentences the rules can use
    executor: str = "local"  # or "dask", with `scheduler`
    scheduler: str | None = None  # a Dask scheduler address
    archive: bool = False  # the PDF as PDF/A-3b with briefing.json and a run manifest attached
    check: bool = False  # run brief QA and keep its findings in the briefing (briefer/qa)

    @property
    def all_rules_dirs(self) -> list[Path]:
        """User rule folders: the config file's, then the command line's."""
        return [*self.config.rules, *self.rules_dirs]

    @property
    def documents(self) -> list[str]:
        """The requested formats the templates render (all but json)."""
        return [name for name in self.formats if FORMATS[name].templated]

    @property
    def audience_name(self) -> str:
        """The audience asked for, else the config file's default."""
        return self.audience or self.config.audience


@dataclass
class Extraction:
    """The briefing model and what went into it."""

    briefing: Briefing
    articles: list[Article]
    failures: list[InputFailure]
    lexicon: Lexicon  # the rules' word lists it was resolved with; rendering reads them again (not loaded twice)


@dataclass
class Result:
    """A finished run: the briefing and the files written."""

    extraction: Extraction
    written: dict[str, Path]
    mailed_to: list[str] = field(default_factory=list)


def brief_date(settings: Settings) -> str:
    """The brief's date: --date, else today."""
    if settings.date is None:
        return date.today().isoformat()
    try:
        return date.fromisoformat(settings.date).isoformat()
    except ValueError as exc:
        raise UsageError(f"--date '{settings.date}' is not a date (YYYY-MM-DD)") from exc


def read_articles(settings: Settings) -> tuple[list[Article], list[InputFailure]]:
    """Ingest every source; stop with exit 4 when none is usable."""
    from briefer.ingest import read_sources

    result = read_sources(settings.sources, max_bytes=settings.max_article_bytes, since=settings.since,
                          timeout=settings.url_timeout, cleaning_dirs=settings.all_rules_dirs)
    if not result.articles:
        reasons = [f"{f.input}: {f.reason}" for f in result.failures[:3]]
        if result.too_old:
            reasons.append(f"{result.too_old} article(s) published before --since")
        raise NoInputError("no usable article" + (f" ({'; '.join(reasons)})" if reasons else ""))
    return result.articles, result.failures


def extract(settings: Settings, on_progress: Progress | None = None) -> Extraction:
    """Read, parse and extract every article, then resolve the facts into a briefing."""
    from briefer.executors import article_facts, check_executor
    from briefer.nlp import model_name
    from briefer.resolve import resolve
    from briefer.resolve.sources import describe_sources
    from briefer.rules import load_knowledge
    from briefer.rules.version import describe_rules

    check_executor(settings.executor, settings.jobs, settings.scheduler)
    day = brief_date(settings)
    knowledge = load_knowledge(settings.all_rules_dirs)
    knowledge.ruleset.raise_on_problems()
    articles, failures = read_articles(settings)
    extracted = article_facts(knowledge, articles, model=settings.model or settings.config.model,
                              jobs=settings.jobs, executor=settings.executor, scheduler=settings.scheduler,
                              gated=settings.gate)

    def facts():
        for done, found in enumerate(extracted, start=1):
            yield found
            if on_progress:
                on_progress(done, len(articles))

    resolved = resolve(facts(), knowledge.lexicon)
    briefing = Briefing(
        generated_at=datetime.combine(date.fromisoformat(day), time(6, 0), tzinfo=UTC)
        if settings.date else datetime.now(UTC).replace(microsecond=0),
        title=settings.title or "Negotiations brief",
        date=day,
        sources=describe_sources(articles, knowledge.lexicon.gazetteers),
        talks=resolved.talks,
        **{section: getattr(resolved, section) for section in SECTIONS},
        failures=failures,
        run=RunInfo(briefer_version=__version__, model=model_name(settings.model or settings.config.model),
                    rules=describe_rules(knowledge.ruleset.folders)),
    )
    return Extraction(briefing, articles, failures, knowledge.lexicon)


def check(extraction: Extraction, settings: Settings) -> list[Check]:
    """Brief QA: the problems of the brief about to be written, each with its item (`--check`).

    An audience with a word limit has its Markdown rendered once more here, to count what it shows.
    """
    from briefer.qa import CheckWords, check_briefing, check_length, headlines
    from briefer.render import render_documents, word_limit
    from briefer.rules import search_path
    from briefer.rules.gazetteer import load_gazetteers

    gazetteers = load_gazetteers([d for d in search_path(settings.all_rules_dirs) if d.is_dir()])
    found = check_briefing(extraction.briefing, CheckWords.from_gazetteers(gazetteers),
                           {article.id: headlines(article) for article in extraction.articles})
    limit = word_limit(settings.audience_name, settings.config)
    if limit is not None and settings.documents:
        markdown = render_documents(
            extraction.briefing, audience=settings.audience_name, formats=["md"],
            user_templates=settings.templates_dir or settings.config.templates, config=settings.config,
            paper=settings.paper, party_of=extraction.lexicon.party_of)[file_name("md")].decode("utf-8")
        found += check_length(markdown, settings.audience_name, limit)
    return found


def recorded_options(settings: Settings) -> dict[str, object]:
    """The run's settings as a manifest records them (no environment, no SMTP settings)."""
    return {
        "sources": list(settings.sources), "formats": list(settings.formats), "audience": settings.audience_name,
        "date": settings.date, "title": settings.title, "rules_dirs": [str(d) for d in settings.all_rules_dirs],
        "templates_dir": str(settings.templates_dir or settings.config.templates or "") or None,
        "model": settings.model or settings.config.model, "paper": settings.paper,
        "since": settings.since.isoformat() if settings.since else None, "url_timeout": settings.url_timeout,
        "max_article_bytes": settings.max_article_bytes, "history": str(settings.history) if settings.history else None,
        "email": settings.email, "jobs": settings.jobs, "executor": settings.executor, "gate": settings.gate,
        "check": settings.check,
        "config": settings.config.model_dump(mode="json", exclude={"smtp"}),
    }


def _archival(extraction: Extraction, settings: Settings, briefing_json: bytes):
    """briefing.json and the run manifest, to attach to a PDF/A-3b."""
    from briefer.archive import archive_attachments, build_manifest

    manifest = build_manifest(
        extraction.briefing, extraction.articles, briefing_json, rules_dirs=settings.all_rules_dirs,
        audience=settings.audience_name, user_templates=settings.templates_dir or settings.config.templates,
        config=settings.config, options=recorded_options(settings))
    return archive_attachments(extraction.briefing, briefing_json, manifest)


def _describe_tracks(extraction: Extraction, settings: Settings) -> None:
    """Fill each track's key terms (textacy, imported only here) and its bottom line, when a brief is written."""
    from briefer.render.bottomline import fill_summaries
    from briefer.render.keyterms import fill_key_terms

    fill_key_terms(extraction.briefing, extraction.lexicon, settings.model or settings.config.model)
    fill_summaries(extraction.briefing, extraction.lexicon.party_of)


def render(extraction: Extraction, settings: Settings) -> dict[str, bytes]:
    """Every requested document as bytes, keyed by file name."""
    documents: dict[str, bytes] = {}
    wanted = settings.documents
    if wanted and not any(talks.summary for talks in extraction.briefing.talks):  # once, for every format
        _describe_tracks(extraction, settings)
    briefing_json = extraction.briefing.model_dump_json(indent=2).encode("utf-8")
    if wanted:
        from briefer.render import render_documents

        archival = _archival(extraction, settings, briefing_json) if settings.archive else None
        documents.update(render_documents(
            extraction.briefing, audience=settings.audience_name, formats=wanted,
            user_templates=settings.templates_dir or settings.config.templates, config=settings.config,
            paper=settings.paper, archival=archival, party_of=extraction.lexicon.party_of))
    if "json" in settings.formats:
        documents[file_name("json")] = briefing_json
    return documents


def _recipients(settings: Settings) -> list[str]:
    """--to, else the audience's recipients from the config file."""
    return settings.recipients or settings.config.audience_config(settings.audience_name).recipients


def _check_email(settings: Settings) -> SmtpSettings | None:
    """The SMTP settings when the brief is to be mailed, checked before any work is done."""
    if not settings.email:
        if settings.dry_run:
            raise UsageError("--dry-run goes with --email")
        return None
    missing = [f for f in ("md", "html", "pdf") if f not in settings.formats]
    if missing:
        raise UsageError(f"--email needs the md, html and pdf formats (missing: {', '.join(missing)})")
    from briefer.deliver import check_email

    smtp = settings.config.smtp
    return check_email(_recipients(settings), smtp, settings.environ, dry_run=settings.dry_run)


def _email(
    briefing: Briefing, documents: dict[str, bytes], settings: Settings, smtp: SmtpSettings
) -> Path | None:
    """Mail the brief, or write brief.eml with --dry-run (returned)."""
    from briefer.deliver import email_brief

    eml = settings.out_dir / "brief.eml" if settings.dry_run else None
    email_brief(briefing, markdown=documents[file_name("md")].decode("utf-8"),
                html=documents[file_name("html")].decode("utf-8"), pdf=documents[file_name("pdf")],
                recipients=_recipients(settings), settings=smtp, eml_path=eml)
    return eml


def run(settings: Settings, on_progress: Progress | None = None) -> Result:
    """Build the brief, mark changes since the last one, write every file, record it, then mail it.

    --out is checked before any work (exit 5 when it cannot be written); all rendering happens before any write,
    and the files are replaced as one set (briefer.files); a failed delivery (exit 6) leaves the files on disk.
    """
    unknown = sorted(set(settings.formats) - set(FORMATS))
    if unknown:
        raise UsageError(f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    if settings.archive and "pdf" not in settings.formats:
        raise UsageError("--archive makes the PDF: add pdf to --format")
    smtp = _check_email(settings)
    output = OutputFolder(settings.out_dir)
    output.check()
    if settings.documents:
        from briefer.render import check_templates

        check_templates(settings.audience_name, user_templates=settings.templates_dir, config=settings.config)
    extraction = extract(settings, on_progress)
    history = None
    if settings.history is not None:
        from briefer.history import History, mark_changes, previous_brief

        history = History(settings.history)
        extraction.briefing = mark_changes(extraction.briefing, previous_brief(history, extraction.briefing.date))
    if settings.check:
        if settings.documents:  # the checks read the brief as it will be written
            _describe_tracks(extraction, settings)
        extraction.briefing.checks = check(extraction, settings)
    documents = render(extraction, settings)
    with output.locked():
        written = output.replace(documents)
    if history is not None:
        from briefer.history import record_brief

        record_brief(history, extraction.briefing)
    result = Result(extraction, written)
    if smtp is not None:
        eml = _email(extraction.briefing, documents, settings, smtp)
        if eml is not None:
            written[eml.name] = eml
        else:
            result.mailed_to = _recipients(settings)
    return result
