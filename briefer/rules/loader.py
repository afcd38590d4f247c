"""Loading rule files along the search path: built-ins first, then user folders, by id."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from briefer.errors import ConfigError
from briefer.resources import layers, yaml_files
from briefer.rules.problems import RuleProblem, line_at, problem_from_error, schema_problems
from briefer.rules.schema import Rule, RuleFile, RuleSwitch, did_you_mean
from briefer.yamlio import line_of, load_yaml, plain

PATTERN_KEYS = {("id",), ("kind",), ("patterns",), ("phrases_from",)}  # a rule wrong here cannot be compiled


@dataclass
class LoadedRule:
    """A validated rule with where it came from and what it replaced."""

    rule: Rule
    path: Path
    line: int
    overrides: LoadedRule | None = None  # the rule of an earlier layer this one replaces
    switch: bool = False  # made by `{id, enabled}` in a later layer rather than by a definition
    node: Any = field(default=None, repr=False, compare=False)  # the YAML node, for the line of any key

    def line_at(self, *loc: str | int) -> int:
        """The line of a key or item inside this rule (`"emit", "speaker"`), else the rule's own line."""
        return line_at(self.node, loc) or self.line

    def definition(self) -> LoadedRule:
        """The rule as defined, past any layers that only switched it off or on."""
        return self.overrides.definition() if self.switch and self.overrides else self

    def __getstate__(self) -> dict[str, Any]:
        """Pickled for worker processes without the YAML node (three times the size; workers report no lines)."""
        return {**self.__dict__, "node": None}


@dataclass
class RuleSet:
    """The active rules and every problem found on the way."""

    rules: list[LoadedRule] = field(default_factory=list)
    disabled: list[LoadedRule] = field(default_factory=list)
    invalid: list[LoadedRule] = field(default_factory=list)  # failed the schema; kept to check their patterns
    problems: list[RuleProblem] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)

    def raise_on_problems(self) -> None:
        """Stop with every problem in one message (exit 3)."""
        if self.problems:
            listing = "\n".join(str(p) for p in self.problems)
            raise ConfigError(f"{len(self.problems)} problem(s) in the rules:\n{listing}")


def search_path(user_dirs: Sequence[Path] = ()) -> list[Path]:
    """The built-in rule folder, then the user's folders in order."""
    return layers("rules", user_dirs)


def rule_files(folder: Path) -> list[Path]:
    """The rule files of one folder (gazetteers and cleaning rules live in subfolders)."""
    return yaml_files(folder)


def _validate(node: Any) -> Rule | RuleSwitch:
    """A rule, or the short form that switches a rule of an earlier layer off or on."""
    data = plain(node)
    if isinstance(data, dict) and "enabled" in data and set(data) <= set(RuleSwitch.model_fields):
        return RuleSwitch.model_validate(data)
    return Rule.model_validate(data)


def _for_pattern_checks(node: Any, path: Path, line: int, exc: ValidationError) -> LoadedRule | None:
    """A rule that failed the schema elsewhere, kept so that its patterns can still be checked."""
    if not isinstance(node, dict) or any(e["loc"][:1] in PATTERN_KEYS for e in exc.errors()):
        return None
    data = {key: value for key, value in plain(node).items() if key in Rule.model_fields}
    if not isinstance(data.get("emit", {}), dict) or not {"id", "kind"} <= set(data):
        return None
    data.setdefault("emit", {})  # required, so model_construct leaves it unset; its absence is already a problem
    return LoadedRule(Rule.model_construct(**data), path, line, node=node)


def _read_file(
    path: Path, problems: list[RuleProblem], invalid: list[LoadedRule]
) -> list[LoadedRule | RuleSwitchAt]:
    """Validate every rule in one file, collecting problems rather than stopping at the first."""
    try:
        document = load_yaml(path)
    except ConfigError as exc:
        problems.append(problem_from_error(exc, path))
        return []
    if document is None:
        return []
    if not isinstance(document, dict) or not isinstance(document.get("rules", []), list):
        problems.append(RuleProblem(path, 1, "", "a rule file is a mapping with `version` and a `rules` list"))
        return []
    for key in document:
        if key not in RuleFile.model_fields:
            hint = did_you_mean(key, RuleFile.model_fields)
            problems.append(RuleProblem(path, line_of(document, key), "", f"unknown key '{key}'{hint}"))
    if document.get("version", 1) != 1:
        problems.append(RuleProblem(path, line_of(document, "version"), "", "unsupported version (expected 1)"))
    loaded: list[LoadedRule | RuleSwitchAt] = []
    for index, node in enumerate(document.get("rules") or []):
        line = line_of(document["rules"], index)
        if not isinstance(node, dict):
            problems.append(RuleProblem(path, line, "", "a rule is a mapping of keys (id, description, section, ...)"))
            continue
        try:
            rule = _validate(node)
        except ValidationError as exc:
            problems += schema_problems(path, node, line, exc)
            if (partial := _for_pattern_checks(node, path, line, exc)) is not None:
                invalid.append(partial)
            continue
        if isinstance(rule, RuleSwitch):
            loaded.append(RuleSwitchAt(rule.id, rule.enabled, path, line))
        else:
            loaded.append(LoadedRule(rule, path, line, node=node))
    return loaded


@dataclass(frozen=True)
class RuleSwitchAt:
    """`{id: ..., enabled: false|true}` in a file: switch the rule of that id from an earlier layer off or on."""

    rule_id: str
    enabled: bool
    path: Path
    line: int


def _switch(switch: RuleSwitchAt, earlier: LoadedRule) -> LoadedRule:
    """The earlier rule, switched off or back on by a later layer."""
    rule = earlier.rule.model_copy(update={"enabled": switch.enabled})
    return LoadedRule(rule, switch.path, switch.line, overrides=earlier, switch=True)


def load_rules(user_dirs: Sequence[Path] = ()) -> RuleSet:
    """Load every rule along the search path; a later rule with an earlier id replaces or switches it off or on."""
    ruleset = RuleSet(folders=search_path(user_dirs))
    by_id: dict[str, LoadedRule] = {}
    for folder in ruleset.folders:
        if not folder.is_dir():
            ruleset.problems.append(RuleProblem(folder, 0, "", "rule folder not found"))
            continue
        seen_here: dict[str, LoadedRule | RuleSwitchAt] = {}
        for path in rule_files(folder):
            invalid_before = len(ruleset.invalid)
            valid = _read_file(path, ruleset.problems, ruleset.invalid)
            for broken in ruleset.invalid[invalid_before:]:  # a rule with mistakes still holds its id
                seen_here.setdefault(str(broken.rule.id), broken)
            for loaded in valid:
                rule_id = loaded.rule_id if isinstance(loaded, RuleSwitchAt) else loaded.rule.id
                if rule_id in seen_here:
                    first = seen_here[rule_id]
                    ruleset.problems.append(RuleProblem(
                        path, loaded.line, rule_id, f"duplicate id (first defined at {first.path}:{first.line})"))
                    continue
                seen_here[rule_id] = loaded
                if isinstance(loaded, RuleSwitchAt):
                    if rule_id not in by_id:
                        hint = did_you_mean(rule_id, by_id)
                        state = "on" if loaded.enabled else "off"
                        ruleset.problems.append(RuleProblem(
                            path, loaded.line, rule_id, f"switches {state} a rule no earlier folder defines{hint}"))
                        continue
                    loaded = _switch(loaded, by_id[rule_id])
                elif rule_id in by_id:
                    loaded.overrides = by_id[rule_id]
                by_id[rule_id] = loaded
    for loaded in by_id.values():
        (ruleset.rules if loaded.rule.enabled else ruleset.disabled).append(loaded)
    return ruleset
