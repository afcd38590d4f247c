"""Render a briefing for one audience into Markdown, HTML and PDF, fitting a page limit if it has one."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from briefer.config import PAGES_KEY, WORDS_KEY, AudienceConfig, Config
from briefer.errors import RenderError, UsageError
from briefer.model import Briefing
from briefer.render import pdf
from briefer.render.bottomline import PartyOf
from briefer.render.environment import Environments, compile_templates, make_environments, render_template
from briefer.render.escape import spaces_past_tags
from briefer.render.formats import DOCUMENTS, file_name
from briefer.render.loader import audience_templates, search_path
from briefer.render.rank import Selection, keep_best, select, size
from briefer.render.summary import developments
from briefer.render.view import PAPER_SIZES, BriefView, build_view
from briefer.sections import SECTIONS

log = logging.getLogger(__name__)

# Built-in audience defaults; a config file's `[audiences.NAME] limits` overrides them key by key.
AUDIENCE_LIMITS: dict[str, dict[str, int]] = {
    # 500 words: two minutes' reading at 250 words a minute
    "executive": {"delegations": 6, "venues": 4, "positions": 6, "open_questions": 4, PAGES_KEY: 2, WORDS_KEY: 500},
}
# Audiences shown only the questions the coverage leaves open (no headline, heading or lead questions).
NO_HOOKS = {"executive"}


def _settings(audience: str, config: Config | None) -> tuple[list[str], dict[str, int], int | None]:
    """Sections, item limits and page limit of an audience: built-in defaults, then the config file (whose keys
    the config's schema has checked)."""
    settings = config.audience_config(audience) if config is not None else AudienceConfig()
    limits = {**AUDIENCE_LIMITS.get(audience, {}), **settings.limits}
    pages = limits.pop(PAGES_KEY, None)
    limits.pop(WORDS_KEY, None)
    return list(settings.sections or SECTIONS), limits, pages


class _Renderer:
    """Renders views of one briefing for one audience through one set of templates."""

    def __init__(
        self,
        briefing: Briefing,
        audience: str,
        paper: str,
        envs: Environments,
        full: Selection,
        compact: bool,
        party_of: PartyOf | None,
    ):
        self.briefing, self.audience, self.paper, self.envs = briefing, audience, paper, envs
        self.full, self.compact, self.party_of = full, compact, party_of
        self._views: dict[int, tuple[Selection, BriefView]] = {}  # id(selection) -> it and its view

    def view(self, selection: Selection) -> BriefView:
        """The view of a selection, built once for all its formats (templates only read it)."""
        known = self._views.get(id(selection))
        if known is not None and known[0] is selection:
            return known[1]
        omitted = {section: len(self.full[section]) - len(items) for section, items in selection.items()}
        view = build_view(
            self.briefing,
            selection,
            audience=self.audience,
            paper=self.paper,
            compact=self.compact,
            omitted=omitted,
            party_of=self.party_of,
        )
        view.developments = developments(view)
        self._views[id(selection)] = (selection, view)
        return view

    def html(self, selection: Selection) -> str:
        return spaces_past_tags(render_template(self.envs.html, "brief.html.j2", brief=self.view(selection)))

    def paged_html(self, selection: Selection) -> str:
        """The HTML the PDF is laid out from: the same document without what is never printed (the evidence
        pop-ups: a quarter of the elements of an analyst brief)."""
        return spaces_past_tags(
            render_template(self.envs.html, "brief.html.j2", brief=self.view(selection), paged=True))

    def markdown(self, selection: Selection) -> str:
        return render_template(self.envs.md, "brief.md.j2", brief=self.view(selection))


Fitted = tuple[Selection, str, Any]  # the items kept, their HTML, its laid-out document


def fit_pages(
    selection: Selection, max_pages: int, html_of: Callable[[Selection], str], layout: Callable[[str], Any]
) -> Fitted:
    """The selection with the most best-ranked items whose layout fits `max_pages`.

    The first probe is proportional (items x max_pages / pages); from there the search
    gallops towards the boundary and then bisects, so each layout is about `max_pages` long.
    """
    html = html_of(selection)
    document = layout(html)
    pages = len(document.pages)
    if pages <= max_pages:
        return selection, html, document
    total = size(selection)
    log.info("%d pages > %d: trimming lower-ranked items", pages, max_pages)
    fitted: dict[int, Fitted] = {}

    def fits(count: int) -> bool:
        candidate = keep_best(selection, count)
        html = html_of(candidate)
        document = layout(html)
        if len(document.pages) > max_pages:
            return False
        fitted[count] = (candidate, html, document)
        return True

    low, high = -1, total  # `low` items fit (-1: not even none known to), `high` items do not
    probe, step = min(total - 1, total * max_pages // pages), 1
    while high - low > 1:
        if fits(probe):
            low = probe
        else:
            high = probe
        if low < 0:
            probe = max(0, high - step)
        elif high == total:
            probe = min(total - 1, low + step)
        else:
            probe = (low + high) // 2
        step *= 2
    if low < 0:
        raise RenderError(f"the brief does not fit on {max_pages} pages even with no items: shorten its templates")
    log.info("kept %d of %d items to fit %d pages", low, total, max_pages)
    return fitted[low]


def word_limit(audience: str, config: Config | None = None) -> int | None:
    """The most words the audience's brief should hold (its `words` limit), if it has a limit."""
    settings = config.audience_config(audience) if config is not None else AudienceConfig()
    return {**AUDIENCE_LIMITS.get(audience, {}), **settings.limits}.get(WORDS_KEY)


def check_templates(audience: str, user_templates: Path | None = None, config: Config | None = None) -> None:
    """Fail fast, before any article is read: unknown audience, missing folder, bad limits, syntax errors."""
    if user_templates is None and config is not None:
        user_templates = config.templates
    folders = search_path(audience, user_templates, config)
    _settings(audience, config)
    names = [entry.name for entry in audience_templates(audience, user_templates, config) if entry.name.endswith(".j2")]
    compile_templates(make_environments(folders), names)
    log.debug("%d templates of audience %s compile", len(names), audience)


def render_documents(
    briefing: Briefing,
    *,
    audience: str = "analyst",
    formats: Iterable[str] = DOCUMENTS,
    user_templates: Path | None = None,
    config: Config | None = None,
    paper: str = "a4",
    archival: pdf.Archival | None = None,
    party_of: PartyOf | None = None,
) -> dict[str, bytes]:
    """Return {"brief.md": ..., "brief.html": ..., "brief.pdf": ...} for the requested formats.

    With `archival` the PDF is PDF/A-3b with its files attached; with `party_of` (the gazetteer's) the bottom
    line folds a speaker named for its party ("the Kremlin") into the party.
    """
    wanted = list(dict.fromkeys(formats))
    unknown = [name for name in wanted if name not in DOCUMENTS]
    if unknown:
        raise UsageError(f"unknown document format {unknown[0]!r} (choose from {', '.join(DOCUMENTS)})")
    if paper not in PAPER_SIZES:
        raise UsageError(f"unknown paper size {paper!r} (choose from {', '.join(PAPER_SIZES)})")
    if user_templates is None and config is not None:
        user_templates = config.templates
    folders = search_path(audience, user_templates, config)
    sections, limits, max_pages = _settings(audience, config)
    hooks = audience not in NO_HOOKS
    full = select(briefing, sections, {}, hooks)
    renderer = _Renderer(briefing, audience, paper, make_environments(folders), full, compact=max_pages is not None,
                         party_of=party_of)
    roots = [folder.path for folder in folders]
    selection = select(briefing, sections, limits, hooks)
    document = None
    if max_pages is not None:
        selection, paged, document = fit_pages(selection, max_pages, renderer.paged_html,
                                               lambda h: pdf.layout(h, roots))
    outputs: dict[str, bytes] = {}
    if "md" in wanted:
        outputs[file_name("md")] = renderer.markdown(selection).encode("utf-8")
    if "html" in wanted:
        outputs[file_name("html")] = renderer.html(selection).encode("utf-8")
    if "pdf" in wanted:
        if document is None:
            paged = renderer.paged_html(selection)
            document = pdf.layout(paged, roots)
        outputs[file_name("pdf")] = pdf.write_pdf(pdf.without_near_empty_last_page(document, paged, roots), archival)
    return outputs
