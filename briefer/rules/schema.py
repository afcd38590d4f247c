"""The rule file schema (pydantic): what a rule may say, checked before anything is compiled."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

RuleKind = Literal["token", "phrase", "dependency", "regex"]
RuleSection = Literal["delegations", "venues", "positions", "open_questions"]

# The fields each section's facts may carry; `emit` may set only these.
SECTION_FIELDS: dict[str, frozenset[str]] = {
    "delegations": frozenset({"party", "leader", "member", "members", "sent_by", "talks", "venue"}),
    "venues": frozenset({"name", "country", "talks"}),
    "positions": frozenset({"speaker", "statement", "direct_quote", "kind", "party"}),
    "open_questions": frozenset({"text", "kind"}),
}

# How a capture becomes a value: "@name" or "@name.<view>" (see docs/rules.md).
CAPTURE_VIEWS = frozenset(
    {"text", "ent", "phrase", "person", "party", "subtree", "clause", "rest", "quote", "place", "sentences"}
)
# Sentence-level values: the sentence, its quoted text, what follows a colon, the sentence outside the match.
SENTENCE_VALUES = frozenset({"$sentence", "$quote", "$after_colon", "$outside"})
# Checks a rule may ask for: the fact is dropped when one holds (see briefer/extract/checks.py).
CHECKS = frozenset({"answered", "reader_bait", "interviewer", "quoted", "no_entity", "heading"})

CAPTURE_RE = re.compile(r"^@([A-Za-z_][A-Za-z0-9_]*)(?:\.([a-z_]+))?$")


class Strict(BaseModel):
    """A schema table in which an unknown key is an error."""

    model_config = ConfigDict(extra="forbid")


class Example(Strict):
    """A text the rule must handle, with the facts it must emit (none for a negative example)."""

    text: str = Field(min_length=1)
    expect: list[dict[str, Any]] = Field(default_factory=list)


class Rule(Strict):
    """One extraction rule: spaCy patterns, what their captures emit, and examples."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="Unique id, e.g. `positions.said-that`.")
    description: str = Field(min_length=1)
    section: RuleSection
    kind: RuleKind
    patterns: list[Any] = Field(default_factory=list, description="spaCy pattern dicts, phrases or regexes.")
    phrases_from: str | None = Field(default=None, description="Gazetteer list for a phrase rule: `file.key`.")
    emit: dict[str, str | bool | None] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list, description="Checks that drop a match when they hold.")
    priority: int = Field(default=0, description="Higher wins when two rules find the same fact.")
    enabled: bool = True
    examples: list[Example] = Field(default_factory=list)

    @field_validator("unless")
    @classmethod
    def _known_checks(cls, checks: list[str]) -> list[str]:
        unknown = sorted(set(checks) - CHECKS)
        if unknown:
            raise ValueError(f"unknown check(s) {unknown}; known: {sorted(CHECKS)}")
        return checks

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        allowed = SECTION_FIELDS[self.section]
        bad = sorted(set(self.emit) - allowed)
        if bad:
            raise ValueError(f"emit sets {bad}, which section '{self.section}' does not have; it has {sorted(allowed)}")
        if not self.patterns and not (self.kind == "phrase" and self.phrases_from):
            raise ValueError("a rule needs `patterns` (or `phrases_from` for a phrase rule)")
        for field, value in self.emit.items():
            if isinstance(value, str) and value.startswith("@"):
                match = CAPTURE_RE.match(value)
                if not match:
                    raise ValueError(f"emit.{field}: '{value}' is not @capture or @capture.view")
                if match.group(2) and match.group(2) not in CAPTURE_VIEWS:
                    raise ValueError(f"emit.{field}: unknown view '.{match.group(2)}'; known: {sorted(CAPTURE_VIEWS)}")
            elif isinstance(value, str) and value.startswith("$") and value not in SENTENCE_VALUES:
                raise ValueError(f"emit.{field}: unknown value '{value}'; known: {sorted(SENTENCE_VALUES)}")
        return self

    def captures_used(self) -> set[str]:
        """Names of the captures that `emit` refers to."""
        names = set()
        for value in self.emit.values():
            if isinstance(value, str) and (match := CAPTURE_RE.match(value)):
                names.add(match.group(1))
        return names


class RuleFile(Strict):
    """A YAML file of rules."""

    version: Literal[1] = 1
    rules: list[Rule] = Field(default_factory=list)


def rule_file_schema() -> dict[str, Any]:
    """The JSON Schema of rule files, for editors."""
    schema = RuleFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "briefer rule file"
    return schema
