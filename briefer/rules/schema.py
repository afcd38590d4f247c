"""The rule file schema (pydantic): what a rule may say, checked before anything is compiled."""

from __future__ import annotations

import difflib
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from briefer.rules.vocabulary import CHECKS, VIEWS
from briefer.sections import SECTION_FIELDS, SectionName

RuleKind = Literal["token", "phrase", "dependency", "regex"]

# Sentence-level values: the sentence, its quoted text, what follows a colon, the sentence outside the match.
SENTENCE_VALUES = frozenset({"$sentence", "$quote", "$after_colon", "$outside"})
EmitField = Literal[tuple(sorted(set().union(*SECTION_FIELDS.values())))]  # type: ignore[valid-type]

CAPTURE_RE = re.compile(r"^@([A-Za-z_][A-Za-z0-9_]*)(?:\.([a-z_]+))?$")


def did_you_mean(word: str, known: Any) -> str:
    """" (did you mean 'x'?)" when a known word is close to `word`, else ""."""
    close = difflib.get_close_matches(str(word), sorted(str(k) for k in known if k != word), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _emit_value(value: str | bool | None) -> str | bool | None:
    """An emit value: "@capture", "@capture.view", a sentence value ("$sentence") or a literal."""
    if isinstance(value, str) and value.startswith("@"):
        match = CAPTURE_RE.match(value)
        if not match:
            raise PydanticCustomError("emit_value", "'{value}' is not @capture or @capture.view", {"value": value})
        view, views = match.group(2), VIEWS.names()
        if view and view not in views:
            raise PydanticCustomError(
                "emit_view", "unknown view '.{view}'{hint}; known: {known}",
                {"view": view, "hint": did_you_mean(view, views), "known": ", ".join(sorted(views))})
    elif isinstance(value, str) and value.startswith("$") and value not in SENTENCE_VALUES:
        raise PydanticCustomError(
            "emit_sentence_value", "unknown sentence value '{value}'{hint}; known: {known}",
            {"value": value, "hint": did_you_mean(value, SENTENCE_VALUES), "known": ", ".join(sorted(SENTENCE_VALUES))})
    return value


EmitValue = Annotated[str | bool | None, AfterValidator(_emit_value)]


def _check_name(name: str) -> str:
    """A check `unless` names: one briefer.extract registers."""
    checks = CHECKS.names()
    if name not in checks:
        shown = name.encode("utf-8", "replace").decode("utf-8")  # a lone surrogate from YAML cannot be printed
        raise PydanticCustomError(
            "unless_check", "unknown check '{check}'{hint}; known: {known}",
            {"check": shown, "hint": did_you_mean(shown, checks), "known": ", ".join(sorted(checks))})
    return name


CheckName = Annotated[str, AfterValidator(_check_name)]


class Strict(BaseModel):
    """A schema table in which an unknown key is an error."""

    model_config = ConfigDict(extra="forbid")


class Example(Strict):
    """A text the rule must handle, with the facts it must emit (none for a negative example)."""

    text: str = Field(min_length=1, description="A sentence or short passage of generic news language.")
    expect: list[dict[str, Any]] = Field(
        default_factory=list, description="The facts the rule must emit from `text` (field: value); [] for none.")

    def expect_fields(self) -> list[str]:
        """The fields the expected facts name, in order of first use."""
        return list(dict.fromkeys(name for fact in self.expect for name in fact))


class Rule(Strict):
    """One extraction rule: spaCy patterns, what their captures emit, and examples."""

    model_config = ConfigDict(json_schema_extra=lambda schema: _rule_schema(schema))

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="Unique id, e.g. `positions.said-that`.")
    description: str = Field(min_length=1, description="What the rule finds, in a line.")
    section: SectionName = Field(description="The briefing section its facts go to.")
    kind: RuleKind = Field(description="Which spaCy matcher runs the patterns.")
    patterns: list[Any] = Field(default_factory=list, description="spaCy pattern dicts, phrases or regexes.")
    phrases_from: str | None = Field(default=None, description="Gazetteer list for a phrase rule: `file.key`.")
    emit: dict[EmitField, EmitValue] = Field(
        min_length=1, description="Fact field -> `@capture[.view]`, a sentence value (`$sentence`) or a literal.")
    unless: list[CheckName] = Field(default_factory=list, description="Checks that drop a match when they hold.")
    priority: int = Field(default=0, description="Higher wins when two rules find the same fact.")
    enabled: bool = Field(default=True, description="`false` switches the rule off.")
    examples: list[Example] = Field(default_factory=list, description="Texts with the facts the rule must emit.")

    @field_validator("emit")
    @classmethod
    def _section_has_fields(cls, emit: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        section = info.data.get("section")
        allowed = SECTION_FIELDS.get(section, frozenset())
        bad = [name for name in emit if name not in allowed]
        if section and bad:
            raise PydanticCustomError(
                "emit_field", "section '{section}' has no field '{field}'{hint}; it has {known}",
                {"section": section, "field": bad[0], "hint": did_you_mean(bad[0], allowed),
                 "known": ", ".join(sorted(allowed)), "key": bad[0]})
        return emit

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        if not self.patterns and not (self.kind == "phrase" and self.phrases_from):
            raise ValueError("a rule needs `patterns` (or `phrases_from` for a phrase rule)")
        for index, example in enumerate(self.examples):
            for name in example.expect_fields():
                if name not in self.emit:
                    raise PydanticCustomError(
                        "expect_field", "examples.{index}.expect: '{field}' is not a field this rule emits{hint}",
                        {"index": index, "field": name, "hint": did_you_mean(name, self.emit),
                         "key": ("examples", index, "expect")})
        return self

    def captures_used(self) -> set[str]:
        """Names of the captures that `emit` refers to."""
        return set(self.capture_fields().values())

    def capture_fields(self) -> dict[str, str]:
        """Emit field -> the capture it reads."""
        return {name: match.group(1) for name, value in self.emit.items()
                if isinstance(value, str) and (match := CAPTURE_RE.match(value))}


class RuleSwitch(Strict):
    """The short form that switches a rule of an earlier layer off or back on: `{id: ..., enabled: false}`."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="The id of the rule to switch off or on.")
    enabled: bool = Field(description="`false` switches the rule off, `true` switches it back on as defined.")


class RuleFile(Strict):
    """A YAML file of rules."""

    version: Literal[1] = 1
    rules: list[Rule | RuleSwitch] = Field(default_factory=list)


def _rule_schema(schema: dict[str, Any]) -> None:
    """Let editors complete and check `unless` checks and `emit` keys (each section's own fields)."""
    schema["properties"]["unless"]["items"]["enum"] = sorted(CHECKS.names())
    schema["allOf"] = [
        {"if": {"properties": {"section": {"const": section}}, "required": ["section"]},
         "then": {"properties": {"emit": {"propertyNames": {"enum": sorted(fields)}}}}}
        for section, fields in SECTION_FIELDS.items()
    ]


def rule_file_schema() -> dict[str, Any]:
    """The JSON Schema of rule files, for editors."""
    schema = RuleFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "briefer rule file"
    return schema
