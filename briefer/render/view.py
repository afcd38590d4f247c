"""The render-side view of a briefing: numbered sources, citations, groups and change marks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from briefer import __version__
from briefer.model import (
    Briefing,
    Check,
    Delegation,
    DroppedItem,
    InputFailure,
    Item,
    Position,
    RunInfo,
    Source,
    Speaker,
    Talks,
    Venue,
)
from briefer.names import place_label
from briefer.render.bottomline import OTHER_TITLE, PartyOf, TrackSummary, bottom_line
from briefer.render.entries import SHOWN_CITES, Cites, Entry, EvidenceLine
from briefer.render.highlight import highlight, item_texts
from briefer.render.places import fold_countries
from briefer.render.rank import Selection, corroboration, held_elsewhere
from briefer.render.wording import Sentence, long_date, parse_day, shorten
from briefer.sections import SECTIONS, TITLES

KIND_TITLES = {"official": "Officials", "analyst": "Analysts and observers"}
NO_PARTY = {"official": "Party not stated", "analyst": "No affiliation stated"}
PAPER_SIZES = {"a4": "A4", "letter": "letter"}
COMPACT_FAILURES = 5  # failed inputs a page-limited brief names; it counts the rest
COMPACT_TRACKS = 4  # tracks a page-limited brief's bottom line covers, best first
COMPACT_DROPPED = 3  # dropped items a page-limited brief names; it counts the rest (a day's news may drop them all)


@dataclass(frozen=True)
class SourceEntry:
    """A source with its number in this brief."""

    number: int
    source: Source

    @property
    def anchor(self) -> str:
        """The link target of the source in HTML, PDF and Markdown."""
        return f"src-{self.number}"

    @property
    def label(self) -> str:
        """The title (ingest makes one of the first sentence when the article has none), else the outlet."""
        return self.source.title or self.source.outlet or "Untitled article"

    @property
    def dated(self) -> str:
        """The publication date as a reader should take it: a guess from the text or the file says so."""
        return source_date(self.source)


@dataclass
class SpeakerGroup:
    """The statements of one speaker."""

    speaker: Speaker
    entries: list[Entry] = field(default_factory=list)


@dataclass
class PartyGroup:
    """The speakers of one party."""

    party: str
    speakers: list[SpeakerGroup] = field(default_factory=list)


@dataclass
class KindGroup:
    """Officials or analysts, grouped by party then speaker."""

    kind: str
    title: str
    parties: list[PartyGroup] = field(default_factory=list)

    def party_title(self, party: PartyGroup) -> str:
        """The party's name, or what to say when the sources name none."""
        return party.party or NO_PARTY[self.kind]


@dataclass(frozen=True)
class ChangesView:
    """What changed since the previous brief."""

    previous_date: str
    new: list[Entry]  # the new and changed items this brief shows
    changed: list[Entry]
    dropped: list[DroppedItem]  # the dropped items it names
    counts: dict[str, int]  # new, changed, dropped: how many there are in all

    @property
    def not_shown(self) -> int:
        """Changes counted but not listed: items a page or item limit left out, dropped items past the first few."""
        return sum(self.counts.values()) - len(self.new) - len(self.changed) - len(self.dropped)


@dataclass
class BriefView:
    """Everything a template reads."""

    title: str
    date: str
    audience: str
    paper: str
    reporting_window: str | None
    source_count: int
    sections: list[str]
    section_titles: dict[str, str]
    delegations: list[Entry]
    venues: list[Entry]
    positions: list[Entry]
    position_groups: list[KindGroup]
    open_questions: list[Entry]
    sources: list[SourceEntry]
    failures: list[InputFailure]
    failure_count: int
    changes: ChangesView | None
    run: RunInfo
    version: str
    omitted: dict[str, int]
    checks: list[Check] | None = None  # what `--check` found; None when the brief was not checked
    developments: list[Sentence] = field(default_factory=list)
    tracks: list[TrackSummary] = field(default_factory=list)  # the bottom line, per negotiation track
    tracks_omitted: int = 0  # tracks a page-limited brief leaves out of its bottom line
    parts: list[TrackPart] = field(default_factory=list)  # the analyst brief's sections, one per track


@dataclass
class TrackPart:
    """One negotiation track's section of the analyst brief: its bottom line, then its items by kind."""

    summary: TrackSummary
    brief: BriefView  # the brief's view holding only this track's items

    @property
    def anchor(self) -> str:
        """The section's id in HTML, and the prefix of its subsections' ids."""
        return f"talks-{self.summary.talks.id}"


def track_parts(view: BriefView, summaries: list[TrackSummary]) -> list[TrackPart]:
    """The view cut into one part per track (best first) that has an item to show, and a last part for items
    of no known track (nothing is lost); an item's track is the part's title, so entries drop it from labels."""
    parts = []
    known = {summary.talks.id for summary in summaries}
    unplaced = TrackSummary(Talks(id="other", title=OTHER_TITLE))
    for summary in [*summaries, unplaced]:
        def mine(entries: list[Entry], track: str = summary.talks.id) -> list[Entry]:
            return [replace(e, track=ELSEWHERE if e.track.endswith(ELSEWHERE) else "") for e in entries
                    if e.item.talks == track or (track == "other" and e.item.talks not in known)]

        positions = mine(view.positions)
        shown = {"delegations": mine(view.delegations), "venues": mine(view.venues), "positions": positions,
                 "open_questions": mine(view.open_questions)}
        if not any(shown.values()) or summary is unplaced and "other" in known:
            continue
        brief = replace(view, **shown, position_groups=group_positions(positions), omitted={}, parts=[],
                        sections=[section for section in view.sections if shown.get(section)])
        parts.append(TrackPart(summary, brief))
    return parts


def source_date(source: Source) -> str:
    """`17 February 2025`; `not before ...` when only the text dates it; `file date ...` when nothing does."""
    if not source.published:
        return ""
    day = long_date(source.published)
    if source.dated_by == "text":
        return f"not before {day} (the latest date in its text)"
    if source.dated_by == "file":
        return f"undated (file date {day})"
    return day


def reporting_window(sources: list[Source]) -> str | None:
    """The span of the sources' publication dates (file dates left out), or None when no source is dated."""
    days = sorted({day for day in (parse_day(s.published) for s in sources if s.dated_by != "file") if day})
    if not days:
        return None
    first, last = days[0], days[-1]
    if first == last:
        return long_date(first.isoformat())
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%B %Y}"
    return f"{long_date(first.isoformat())} – {long_date(last.isoformat())}"


def place(venue: Venue) -> str:
    """`Name, Country`, without repeating a country that is the venue itself."""
    return place_label(venue.name, venue.country)


def _delegation_label(delegation: Delegation, track: str) -> str:
    leader = f", led by {delegation.leader.name}" if delegation.leader else ""
    talks = f" ({track})" if track else ""
    return f"{delegation.party} delegation{talks}{leader}"


# A short one-line name for an item of each section, used in change lists, given its track's title.
LABELS: dict[str, Callable[[Any, str], str]] = {
    "delegations": _delegation_label,
    "venues": lambda venue, track: place(venue),
    "positions": lambda position, track: f"{position.speaker.name}: {shorten(position.statement, 20)}",
    "open_questions": lambda question, track: shorten(question.text, 25),
}


def item_label(section: str, item: Item, track: str = "") -> str:
    """A short one-line name for an item of a section; `track` is the title of its track, if shown."""
    return LABELS[section](item, track)


def number_sources(
    briefing: Briefing, selection: Selection, cited_only: bool, also: tuple[str, ...] = ()
) -> list[SourceEntry]:
    """Number the sources in briefing order; evidence naming an unknown source adds it at the end. `also`:
    sources cited outside the selected items (the bottom line). `cited_only`: only the sources whose markers
    an item shows (its SHOWN_CITES first in briefing order), so that a fact many sources report does not list
    them all."""
    order = {source.id: number for number, source in enumerate(briefing.sources)}
    cited = [source for items in selection.values() for item in items
             for source in _first_sources(item, order, SHOWN_CITES if cited_only else None)] + list(also)
    known = {source.id for source in briefing.sources}
    listed = [s for s in briefing.sources if not cited_only or s.id in set(cited)]
    listed += [Source(id=sid) for sid in dict.fromkeys(cited) if sid not in known]
    return [SourceEntry(number, source) for number, source in enumerate(listed, start=1)]


def _first_sources(item: Item, order: dict[str, int], limit: int | None) -> list[str]:
    """The item's distinct sources in briefing order (unknown ones last): the first `limit`, or all."""
    sources = sorted(dict.fromkeys(e.source for e in item.evidence), key=lambda s: order.get(s, len(order)))
    return sources[:limit] if limit is not None else sources


ELSEWHERE = "named as where another meeting was held"


def _outermost_once(venues: list[str]) -> list[str]:
    """Where a track meets, without a country another of its venues already names ("Bürgenstock, Switzerland",
    not also "Switzerland")."""
    return [venue for venue in venues if not any(other.endswith(f", {venue}") for other in venues)]


def _where_met(delegation: Delegation, venues: tuple[str, ...]) -> tuple[str, ...]:
    """Where a delegation met: its track's venues its own sentences name (by a part before the country, or a
    country named as the venue), else the track's one venue; none when the track met in several places and the
    delegation's sentences name none of them (it may be a delegation of another of the track's meetings)."""
    sentences = " ".join(e.sentence for e in delegation.evidence)

    def named(venue: str) -> bool:
        parts = [part.strip() for part in venue.split(",")]
        return any(re.search(rf"\b{re.escape(part)}\b", sentences) for part in (parts[:-1] or parts))

    return tuple(v for v in venues if named(v)) or (venues if len(venues) == 1 else ())


def _talks_key(text: str) -> str:
    return " ".join(text.lower().split())


def _entry(
    section: str, item: Item, numbers: dict[str, int], venues: dict[str, list[str]], index: int,
    titles: dict[str, str], elsewhere: bool = False,
) -> Entry:
    cites = Cites(numbers.get(source) for source in dict.fromkeys(e.source for e in item.evidence))
    texts = item_texts(item)
    lines = tuple(
        EvidenceLine(e.sentence, numbers[e.source], highlight(e.sentence, texts))
        for e in {(e.source, e.sentence): e for e in item.evidence}.values() if e.source in numbers
    )
    held = (_where_met(item, tuple(venues.get(_talks_key(item.talks), ())))
            if isinstance(item, Delegation) and item.talks else ())
    track = titles.get(item.talks, "") if len(titles) > 1 else ""
    if elsewhere:  # a place the track's reports name as where another meeting was held
        track = f"{track}: {ELSEWHERE}" if track else ELSEWHERE
    return Entry(section, item, cites, lines, item_label(section, item, track), corroboration(item), held,
                 anchor=f"{section.replace('_', '-')}-{index}", track=track)


def group_positions(entries: list[Entry]) -> list[KindGroup]:
    """Officials then analysts; within each, parties (unknown last) then speakers, best-ranked first."""
    groups: list[KindGroup] = []
    for kind, title in KIND_TITLES.items():
        parties: dict[str, PartyGroup] = {}
        speakers: dict[tuple[str, str], SpeakerGroup] = {}
        for entry in entries:
            position: Position = entry.item  # type: ignore[assignment]
            if position.kind != kind:
                continue
            party = position.speaker.party or ""
            group = parties.setdefault(party, PartyGroup(party))
            key = (party, position.speaker.name)
            if key not in speakers:
                speakers[key] = SpeakerGroup(position.speaker)
                group.speakers.append(speakers[key])
            elif not speakers[key].speaker.role and position.speaker.role:
                speakers[key].speaker = position.speaker
            speakers[key].entries.append(entry)
        if parties:
            groups.append(KindGroup(kind, title, sorted(parties.values(), key=lambda group: not group.party)))
    return groups


def build_view(
    briefing: Briefing,
    selection: Selection,
    *,
    audience: str,
    paper: str,
    compact: bool,
    omitted: dict[str, int],
    party_of: PartyOf | None = None,
) -> BriefView:
    """Assemble what the templates read from the briefing and the items chosen for this brief.

    `party_of` (the gazetteer's, when at hand) folds a speaker named for its party into the party. A compact
    (page-limited) brief lists only the sources its items cite and names at most
    COMPACT_FAILURES failed inputs, so neither list can push it over its limit.
    """
    everything = {source.id: number for number, source in enumerate(briefing.sources, start=1)}
    by_number = {number: source_id for source_id, number in everything.items()}
    shown_tracks = COMPACT_TRACKS if compact else None
    summary_sources = tuple(by_number[n] for track in bottom_line(briefing, everything, shown_tracks,
                                                                   party_of=party_of) for n in track.cites)
    sources = number_sources(briefing, selection, cited_only=compact, also=summary_sources)
    numbers = {entry.source.id: entry.number for entry in sources}
    titles = {talks.id: talks.title for talks in briefing.talks}
    venue_names = {_talks_key(talks.id): _outermost_once(talks.venues) for talks in briefing.talks}
    entries = {
        section: [_entry(section, item, numbers, venue_names, index, titles,
                         elsewhere=isinstance(item, Venue) and held_elsewhere(item, briefing))
                  for index, item in enumerate(items, start=1)]
        for section, items in selection.items()
    }
    changes = None
    if briefing.changes is not None:
        every = [entry for section_entries in entries.values() for entry in section_entries]
        statuses = [item.status for section in SECTIONS for item in getattr(briefing, section)]
        dropped = list(briefing.changes.dropped)
        changes = ChangesView(
            previous_date=briefing.changes.previous_date,
            new=[e for e in every if e.item.status == "new"],
            changed=[e for e in every if e.item.status == "changed"],
            dropped=dropped[:COMPACT_DROPPED] if compact else dropped,
            counts={"new": statuses.count("new"), "changed": statuses.count("changed"), "dropped": len(dropped)},
        )
    view = BriefView(
        title=briefing.title,
        date=briefing.date or briefing.generated_at.date().isoformat(),
        audience=audience,
        paper=PAPER_SIZES[paper],
        reporting_window=reporting_window(briefing.sources),
        source_count=len(briefing.sources),
        sections=list(selection),
        section_titles=TITLES,
        delegations=entries.get("delegations", []),
        venues=fold_countries(entries.get("venues", [])),
        positions=entries.get("positions", []),
        position_groups=group_positions(entries.get("positions", [])),
        open_questions=entries.get("open_questions", []),
        sources=sources,
        failures=briefing.failures[:COMPACT_FAILURES] if compact else list(briefing.failures),
        failure_count=len(briefing.failures),
        changes=changes,
        run=briefing.run,
        version=briefing.run.briefer_version or __version__,
        omitted={section: count for section, count in omitted.items() if count},
        checks=briefing.checks,
        tracks=bottom_line(briefing, numbers, shown_tracks, party_of=party_of),
        tracks_omitted=max(0, len([t for t in briefing.talks if t.id != "other"]) - (shown_tracks or 10**6)),
    )
    view.parts = track_parts(view, bottom_line(briefing, numbers, None, other=True, party_of=party_of))
    return view
