"""The briefing model: typed values passed between stages and serialised as JSON."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1


class Article(BaseModel):
    """One article as read from its source, cleaned and ready for NLP."""

    id: str
    title: str = ""
    path: str = ""
    text: str
    url: str | None = None
    published: str | None = None
    dated_by: str | None = None  # where `published` comes from: metadata, url, dateline, text (a guess) or file
    outlet: str = ""


class InputFailure(BaseModel):
    """An input that could not be used, and why."""

    input: str
    reason: str


class Evidence(BaseModel):
    """Where a fact was found: article, sentence, character span and rule."""

    source: str
    sentence: str
    start: int
    end: int
    rule: str


class Mention(BaseModel):
    """A person (or a body that speaks: "the Kremlin") a rule's capture names, with the role and party the text
    gives there: the value of a fact's speaker, leader, member or sender field that resolve reads."""

    model_config = ConfigDict(frozen=True)

    name: str
    role: str = ""
    party: str | None = None
    definite: bool = False  # names nobody but refers back ("the source", "the US leader"): resolve finds whom
    each: tuple[Mention, ...] = ()  # a pair referred to at once ("both countries"): each of the two speaks

    @classmethod
    def of(cls, value: Mention | str) -> Mention:
        """A mention from a field's value: a bare name (a capture read as text) has no role or party."""
        return value if isinstance(value, Mention) else cls(name=value)


class Fact(BaseModel):
    """One finding of one rule in one sentence, before resolution across articles."""

    section: str  # a kind of fact found by rules (briefer/sections.py)
    fields: dict[str, Any]  # field -> text, a Mention (person fields) or a flag
    evidence: Evidence


class Source(BaseModel):
    """An article the brief draws on."""

    id: str
    title: str = ""
    path: str = ""
    url: str | None = None
    published: str | None = None
    dated_by: str | None = None  # metadata, url, dateline, text (the latest date the text gives) or file
    outlet: str = ""


class Person(BaseModel):
    """A named person and the role the text gives them."""

    name: str
    role: str | None = None
    status: Literal["new", "unchanged"] | None = None  # as a delegation member, since the last brief


class Conflict(BaseModel):
    """A field that sources state differently."""

    field: str
    values: list[str]


class Item(BaseModel):
    """Common to every briefing item: its negotiation track, evidence, corroboration, conflicts, change since
    the last brief."""

    talks: str = ""  # the id of the track (Briefing.talks) the item belongs to
    evidence: list[Evidence] = Field(default_factory=list)
    source_count: int = 0
    conflicts: list[Conflict] = Field(default_factory=list)
    status: Literal["new", "changed", "unchanged"] | None = None
    previous: str | None = None


class Delegation(Item):
    """A team a party sends to talks."""

    party: str
    leader: Person | None = None
    members: list[Person] = Field(default_factory=list)
    sent_by: Person | None = None


class Venue(Item):
    """A place where talks happen, are prepared or are offered."""

    name: str
    country: str | None = None


class Speaker(BaseModel):
    """Who made a statement: a person or an institution."""

    name: str
    role: str | None = None
    party: str | None = None


class Position(Item):
    """A stance, demand, assessment or claim attributed to a speaker."""

    speaker: Speaker
    kind: Literal["official", "analyst"] = "official"
    statement: str
    direct_quote: bool = False


class OpenQuestion(Item):
    """A question the coverage leaves unresolved."""

    text: str
    kind: Literal["explicit", "uncertainty"] = "explicit"
    # where the coverage raises it: in the running text, or as a headline, heading or lead (a hook)
    placement: Literal["text", "headline", "heading", "lead"] = "text"


class MeetingDate(BaseModel):
    """A date the coverage gives for a meeting of a track, as written and as resolved against its article's date."""

    text: str
    date: str | None = None  # ISO; None when the text cannot be pinned to a day
    status: Literal["held", "under way", "scheduled", "proposed", "ended"] | None = None
    evidence: Evidence


class Talks(BaseModel):
    """A negotiation track: who meets whom, where and when, and the sources that report it."""

    id: str
    title: str
    multilateral: bool = False  # many parties meet (a summit, a conference): titled by its event
    parties: list[str] = Field(default_factory=list)
    venues: list[str] = Field(default_factory=list)  # where it meets
    elsewhere: list[str] = Field(default_factory=list)  # places its reports name only as where other meetings met
    dates: list[MeetingDate] = Field(default_factory=list)
    status: Literal["held", "under way", "scheduled", "proposed", "ended"] | None = None
    previous_status: str | None = None  # what an earlier source said, when a later one changed it
    summary: list[str] = Field(default_factory=list)  # the bottom line (filled when the brief is rendered)
    key_terms: list[str] = Field(default_factory=list)  # filled when the brief is rendered
    sources: list[str] = Field(default_factory=list)


class DroppedItem(BaseModel):
    """An item the previous brief carried and this one does not."""

    section: str  # its section of briefing.json (briefer/sections.py)
    label: str


class Changes(BaseModel):
    """What changed since the previous brief in the history."""

    previous_date: str
    dropped: list[DroppedItem] = Field(default_factory=list)


class Check(BaseModel):
    """A problem `briefer brief --check` found in the brief, and the item (or source) it is about."""

    check: str  # what kind of problem: quote-unbalanced, statement-cut, speaker-media, ... (briefer/qa)
    section: str  # the item's section, "sources" for a source, "brief" for the brief as a whole
    index: int | None = None  # the item's position in its section of briefing.json, from 0
    item: str = ""  # the item as the brief names it
    message: str


class RunInfo(BaseModel):
    """How the brief was made: versions, model, and the rules by version and content digest (never a path)."""

    briefer_version: str = ""
    model: str = ""
    rules: list[str] = Field(default_factory=list)


class Briefing(BaseModel):
    """The whole structured brief, as `briefer extract --format json` prints it."""

    model_config = ConfigDict(populate_by_name=True)

    schema_version: int = SCHEMA_VERSION
    generated_at: datetime
    title: str = "Negotiations brief"
    date: str = ""
    sources: list[Source] = Field(default_factory=list)
    talks: list[Talks] = Field(default_factory=list)
    delegations: list[Delegation] = Field(default_factory=list)
    venues: list[Venue] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    open_questions: list[OpenQuestion] = Field(default_factory=list)
    failures: list[InputFailure] = Field(default_factory=list)
    changes: Changes | None = None
    checks: list[Check] | None = None  # None: not checked; [] checked, no problem found
    run: RunInfo = Field(default_factory=RunInfo)
