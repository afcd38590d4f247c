"""Problems in rule files: where they are (file, line of the key at fault, rule id) and what they say."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from briefer.errors import ConfigError
from briefer.rules.schema import SECTION_FIELDS, Example, Rule, did_you_mean
from briefer.yamlio import line_of

ERROR_WHERE_RE = re.compile(r"^(?P<path>.*?):(?P<line>\d+): (?P<message>.*)$", re.S)


@dataclass(frozen=True)
class RuleProblem:
    """One thing wrong in a rule file."""

    path: Path
    line: int
    rule_id: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        rule = f" [{self.rule_id}]" if self.rule_id else ""
        return f"{where}{rule}: {self.message}"


def _walk(node: Any, loc: Sequence[str | int]) -> tuple[tuple, int]:
    """The leading part of `loc` (keys and indexes) present in a YAML node, and the line it ends on (0 if none)."""
    present, line = [], line_of(node)
    for part in loc:
        if isinstance(node, dict) and part in node or isinstance(node, list) and isinstance(part, int) \
                and 0 <= part < len(node):
            present.append(part)
            line, node = line_of(node, part), node[part]
        else:
            break
    return tuple(present), line


def line_at(node: Any, loc: Sequence[str | int]) -> int:
    """The line of the deepest part of `loc` found in a YAML node (0 if none)."""
    return _walk(node, loc)[1]


def value_line(node: Any, value: str) -> int:
    """The line of the first scalar equal to `value` inside a YAML node (0 if none)."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, item in items:
        if item == value:
            return line_of(node, key)
        if isinstance(item, dict | list) and (line := value_line(item, value)):
            return line
    return 0


def problem_from_error(exc: ConfigError, path: Path | None = None) -> RuleProblem:
    """A RuleProblem from a ConfigError whose message starts "path:line: " (YAML syntax errors)."""
    found = ERROR_WHERE_RE.match(str(exc))
    if found:
        return RuleProblem(path or Path(found["path"]), int(found["line"]), "", found["message"])
    where, _, message = str(exc).partition(": ")
    return RuleProblem(path or Path(where), 0, "", message or where)


def _known_keys(loc: tuple) -> set[str]:
    """The keys allowed in the table an unknown key was found in."""
    if len(loc) == 1:
        return set(Rule.model_fields)
    if len(loc) == 3 and loc[0] == "examples":
        return set(Example.model_fields)
    return set()


def pydantic_message(error: dict, node: Any) -> tuple[tuple, str]:
    """Where inside the rule an error is (a loc path) and a message for people."""
    loc = tuple(part for part in error["loc"] if part != "[key]")
    kind = error["type"]
    if kind not in {"extra_forbidden", "missing"}:
        loc = _walk(node, loc)[0] or loc  # drop the names of union members pydantic adds ("str", "bool")
    if loc == ("id",) and kind == "string_pattern_mismatch":
        return loc, f"id: '{error['input']}' is not an id: use lower case letters, digits, '.', '_' and '-'"
    if kind == "extra_forbidden":
        key, parent = str(loc[-1]), ".".join(str(part) for part in loc[:-1])
        prefix = f"{parent}: " if parent else ""
        return loc, f"{prefix}unknown key '{key}'{did_you_mean(key, _known_keys(loc))}"
    dotted = ".".join(str(part) for part in loc)
    if kind == "missing":
        return loc, f"missing required key '{dotted}'"
    if kind == "literal_error" and error["loc"][-1] == "[key]" and loc[0] == "emit":
        section = node.get("section") if isinstance(node, dict) and isinstance(node.get("section"), str) else None
        allowed = SECTION_FIELDS.get(section, set().union(*SECTION_FIELDS.values()))
        field_name = str(loc[-1])
        owner = f"section '{section}'" if section in SECTION_FIELDS else "no section"
        return loc, (f"emit: {owner} has no field '{field_name}'{did_you_mean(field_name, allowed)}; "
                     f"it has {', '.join(sorted(allowed))}")
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", error.get("ctx", {}).get("expected", ""))
        return loc, f"{dotted}: '{error['input']}' is not one of {', '.join(expected)}" + did_you_mean(
            error["input"], expected)
    key = (error.get("ctx") or {}).get("key")
    if key is not None:
        loc = loc + (tuple(key) if isinstance(key, tuple) else (key,))
    message = error["msg"].removeprefix("Value error, ")
    return loc, f"{dotted}: {message}" if dotted and kind != "expect_field" else message


def schema_problems(path: Path, node: Any, line: int, exc: ValidationError) -> list[RuleProblem]:
    """One problem per key at fault; a required key is not reported missing when a misspelling of it is there."""
    rule_id = str(node.get("id", "")) if isinstance(node, dict) else ""
    errors = [(error, *pydantic_message(error, node)) for error in exc.errors()]
    misspelt = {(loc[:-1], hint) for error, loc, message in errors if error["type"] == "extra_forbidden"
                for hint in re.findall(r"did you mean '([^']*)'", message)}
    problems, reported = [], set()
    for error, loc, message in errors:
        if error["type"] == "missing" and (loc[:-1], str(loc[-1])) in misspelt:
            continue
        key_line = line_at(node, loc) or line
        if (key_line, loc[:1]) in reported and error["type"] not in {"extra_forbidden", "missing"}:
            continue  # one problem per value, not one per member of a union
        reported.add((key_line, loc[:1]))
        problems.append(RuleProblem(path, key_line, rule_id, message))
    return problems
