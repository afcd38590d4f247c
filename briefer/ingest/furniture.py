"""Page furniture rules (`rules/cleaning/*.yml`): loading them along a search path and applying them.

A rule matches whole lines (after whitespace is collapsed; case is ignored) by a list of
exact `lines` or a `match` regex, and drops the line, plus the lines that follow while they
match `then`, or through the line matching `until`, or (`rest: true`) everything after it
when the line sits in the second half of the article. A `sentences: true` rule matches each
sentence of a line instead, and drops only the sentences it matches.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from briefer.errors import ConfigError
from briefer.resources import layers, yaml_files
from briefer.yamlio import line_of, load_yaml, plain

log = logging.getLogger(__name__)

_UNTIL_WINDOW = 60
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z])")  # a space after . ! ? before a capital
CLEANING = "cleaning"


class Example(BaseModel):
    """A text and what remains of it once the rule (alone) has cleaned it."""

    model_config = ConfigDict(extra="forbid")

    text: str
    expect: str


class FurnitureRule(BaseModel):
    """One furniture rule as written in YAML."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    description: str = ""
    enabled: bool = True
    lines: list[str] = Field(default_factory=list)
    match: str | None = None
    then: str | None = None
    until: str | None = None
    rest: bool = False
    sentences: bool = False
    examples: list[Example] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_way_each(self) -> FurnitureRule:
        if not self.enabled:
            return self
        if bool(self.lines) == bool(self.match):
            raise ValueError("give either `lines` or `match`, not both or neither")
        if sum((self.then is not None, self.until is not None, self.rest)) > 1:
            raise ValueError("give at most one of `then`, `until` and `rest`")
        if self.sentences and (self.then is not None or self.until is not None or self.rest):
            raise ValueError("a `sentences` rule drops sentences alone: no `then`, `until` or `rest`")
        return self


class FurnitureFile(BaseModel):
    """A YAML file of furniture rules."""

    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1
    furniture: list[FurnitureRule]


@dataclass(frozen=True)
class CompiledRule:
    """A rule ready to test lines."""

    id: str
    lines: frozenset[str]
    match: re.Pattern[str] | None
    then: re.Pattern[str] | None
    until: re.Pattern[str] | None
    rest: bool
    sentences: bool

    def hits(self, key: str) -> bool:
        """Whether a line (whitespace-collapsed, stripped) starts this rule."""
        return key.casefold() in self.lines if self.lines else bool(self.match and self.match.fullmatch(key))


@dataclass(frozen=True)
class Furniture:
    """The active furniture rules, in search-path order."""

    rules: tuple[CompiledRule, ...]

    def remove(self, lines: list[str]) -> list[str]:
        """The lines without furniture; `lines` are already stripped and whitespace-collapsed."""
        lines = self._without_sentences(lines)
        line_rules = [rule for rule in self.rules if not rule.sentences]
        starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
        half = starts[-1] / 2
        kept: list[str] = []
        index = 0
        while index < len(lines):
            rule = next((rule for rule in line_rules if lines[index] and rule.hits(lines[index])), None)
            if rule is None:
                kept.append(lines[index])
                index += 1
            elif rule.rest and starts[index] >= half:
                break
            else:
                index = _block_end(rule, lines, index)
        return kept

    def _without_sentences(self, lines: list[str]) -> list[str]:
        """The lines without the sentences that `sentences` rules match; a line with none left goes."""
        rules = [rule for rule in self.rules if rule.sentences]
        if not rules:
            return lines
        kept = []
        for line in lines:
            left = [part for part in _SENTENCE_BREAK.split(line) if not (part and any(r.hits(part) for r in rules))]
            if left:
                kept.append(" ".join(left))
        return kept


def _block_end(rule: CompiledRule, lines: list[str], start: int) -> int:
    """The index after the furniture block that starts at `start`."""
    if rule.until is not None:
        for index in range(start + 1, min(len(lines), start + 1 + _UNTIL_WINDOW)):
            if rule.until.fullmatch(lines[index]):
                return index + 1
        return start + 1
    end = start + 1
    if rule.then is not None:
        index = end
        while index < len(lines) and (not lines[index] or rule.then.fullmatch(lines[index])):
            if lines[index]:
                end = index + 1
            index += 1
    return end


def load_furniture(rules_dirs: Sequence[Path] = ()) -> Furniture:
    """The `cleaning/` rules of the built-in rules folder, then of each of `rules_dirs`.

    A later rule replaces an earlier one with the same id. Folders without a `cleaning/`
    subfolder are skipped; a malformed file raises ConfigError naming its file and line.
    """
    by_id: dict[str, CompiledRule | None] = {}
    for folder in layers("rules", rules_dirs, CLEANING):
        if not folder.is_dir():
            log.debug("no cleaning rules folder %s", folder)
            continue
        for path in yaml_files(folder):
            for rule, line in _read_rules(path):
                by_id.pop(rule.id, None)
                by_id[rule.id] = _compile(rule, path, line) if rule.enabled else None
    return Furniture(tuple(rule for rule in by_id.values() if rule is not None))


def read_rule_file(path: Path) -> list[FurnitureRule]:
    """The rules of one file, validated and compiled once to check their regexes."""
    loaded = _read_rules(path)
    for rule, line in loaded:
        _compile(rule, path, line)
    return [rule for rule, _ in loaded]


def compile_rules(rules: Sequence[FurnitureRule]) -> Furniture:
    """Furniture made of exactly these rules."""
    return Furniture(tuple(_compile(rule, Path("<rules>"), 0) for rule in rules if rule.enabled))


def _read_rules(path: Path) -> list[tuple[FurnitureRule, int]]:
    """Validated rules with their 1-based lines; ConfigError with file and line otherwise."""
    document = load_yaml(path)
    if not isinstance(document, dict) or not isinstance(document.get("furniture"), list):
        raise ConfigError(f"{path}:1: expected `version: 1` and a `furniture:` list of rules")
    try:
        FurnitureFile.model_validate({**plain(document), "furniture": []})
    except ValidationError as exc:
        raise ConfigError(f"{path}:1: {_first_problem(exc)}") from None
    entries = document["furniture"]
    rules = []
    for index, entry in enumerate(entries):
        line = line_of(entries, index)
        try:
            rules.append((FurnitureRule.model_validate(plain(entry)), line))
        except ValidationError as exc:
            rule_id = entry.get("id", f"#{index + 1}") if isinstance(entry, dict) else f"#{index + 1}"
            raise ConfigError(f"{path}:{line}: cleaning rule {rule_id}: {_first_problem(exc)}") from None
    return rules


def _compile(rule: FurnitureRule, path: Path, line: int) -> CompiledRule:
    """Compile a rule's regexes (case-insensitive); ConfigError naming the bad one."""
    patterns = {}
    for field in ("match", "then", "until"):
        source = getattr(rule, field)
        try:
            patterns[field] = re.compile(source, re.IGNORECASE) if source is not None else None
        except re.error as exc:
            raise ConfigError(f"{path}:{line}: cleaning rule {rule.id}: bad `{field}` regex: {exc}") from None
    lines = frozenset(" ".join(text.split()).casefold() for text in rule.lines)
    return CompiledRule(
        rule.id, lines, patterns["match"], patterns["then"], patterns["until"], rule.rest, rule.sentences
    )


def _first_problem(exc: ValidationError) -> str:
    """The first validation error as `where: what`, noting how many more there are."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    problem = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where + ': ' if where else ''}{problem}{more}"
