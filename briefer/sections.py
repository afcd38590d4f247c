"""Each kind of fact the brief holds, declared once: its name in briefing.json, its title, its item model, the
fields a rule may emit for it and the ones a fact needs.

Every stage keeps a table keyed by these names (resolve's mergers, history's diff entries, render's titles and
labels, the quality checks, the evaluation, the CLI's tables), and tests/test_sections.py fails when one of
them misses a kind. docs/architecture.md lists the files a new kind touches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from briefer.model import SCHEMA_VERSION, Briefing, Delegation, MeetingDate, OpenQuestion, Position, Talks, Venue


@dataclass(frozen=True)
class Kind:
    """One kind of fact.

    A kind with `emits` is found by rules (section: <name> in a rule file) and listed in briefing.json as a
    section of items; a kind without is built by resolve from the others (tracks, their meeting dates).
    """

    name: str  # the key in briefing.json and a rule's `section`
    title: str  # as the brief heads it
    item: type[BaseModel]
    emits: frozenset[str] = frozenset()  # fields a rule may emit
    required: tuple[str, ...] = ()  # fields a fact needs, else it says nothing and is dropped ("a|b": either)

    @property
    def by_rules(self) -> bool:
        """Rules find facts of this kind."""
        return bool(self.emits)

    def complete(self, fields: dict[str, object]) -> bool:
        """A fact's fields give everything this kind needs."""
        return all(any(fields.get(name) for name in one.split("|")) for one in self.required)


KINDS: tuple[Kind, ...] = (
    Kind("talks", "Negotiation tracks", Talks),
    Kind("dates", "Meeting dates", MeetingDate),
    Kind("delegations", "Delegations", Delegation,
         emits=frozenset({"party", "leader", "member", "members", "principal", "host", "sent_by", "talks", "venue"}),
         required=("party|leader|member|members|principal|host|sent_by",)),
    Kind("venues", "Venues", Venue, emits=frozenset({"name", "country", "talks"}), required=("name",)),
    Kind("positions", "Stated positions", Position,
         emits=frozenset({"speaker", "statement", "direct_quote", "kind", "party"}), required=("speaker", "statement")),
    Kind("open_questions", "Open questions", OpenQuestion, emits=frozenset({"text", "kind"}), required=("text",)),
)
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}

# The sections of briefing.json a rule fills, in the brief's order: what render, history and the checks go through.
SECTIONS: tuple[str, ...] = tuple(kind.name for kind in KINDS if kind.by_rules)
# Kinds resolve builds from the sections' facts and articles: the negotiation tracks and their meeting dates.
DERIVED: tuple[str, ...] = tuple(kind.name for kind in KINDS if not kind.by_rules)
SectionName = Literal[SECTIONS]  # type: ignore[valid-type]
TITLES: dict[str, str] = {kind.name: kind.title for kind in KINDS}
# The fields each section's facts may carry; `emit` may set only these.
SECTION_FIELDS: dict[str, frozenset[str]] = {kind.name: kind.emits for kind in KINDS if kind.by_rules}


def briefing_schema() -> dict[str, Any]:
    """The JSON Schema of briefing.json, as `briefer schema` prints it. A dropped item's `section` is one of the
    sections above: the model holds it as a string, since this module imports the model."""
    schema = Briefing.model_json_schema(mode="serialization")
    schema["$defs"]["DroppedItem"]["properties"]["section"]["enum"] = list(SECTIONS)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"briefing.json, schema_version {SCHEMA_VERSION}: bumped on every change that can break a reader",
        **schema,
    }
