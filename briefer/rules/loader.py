"""Loading rule files along the search path: built-ins first, then user folders, by id."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from briefer.errors import ConfigError
from briefer.resources import builtin_dir
from briefer.rules.schema import Rule
from briefer.yamlio import line_of, load_yaml, plain


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


@dataclass
class LoadedRule:
    """A validated rule with where it came from and what it replaced."""

    rule: Rule
    path: Path
    line: int
    overrides: Path | None = None


@dataclass
class RuleSet:
    """The active rules and every problem found on the way."""

    rules: list[LoadedRule] = field(default_factory=list)
    disabled: list[LoadedRule] = field(default_factory=list)
    problems: list[RuleProblem] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)

    def raise_on_problems(self) -> None:
        """Stop with every problem in one message (exit 3)."""
        if self.problems:
            listing = "\n".join(str(p) for p in self.problems)
            raise ConfigError(f"{len(self.problems)} problem(s) in the rules:\n{listing}")


def search_path(user_dirs: Sequence[Path] = ()) -> list[Path]:
    """The built-in rule folder, then the user's folders in order."""
    return [builtin_dir("rules"), *user_dirs]


def rule_files(folder: Path) -> list[Path]:
    """The rule files of one folder (gazetteers and cleaning rules live in subfolders)."""
    return sorted(p for p in folder.glob("*.y*ml") if p.is_file())


def _pydantic_message(error: dict) -> str:
    where = ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        return f"unknown key '{where}'"
    message = error["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def _read_file(path: Path, problems: list[RuleProblem]) -> list[LoadedRule]:
    """Validate every rule in one file, collecting problems rather than stopping at the first."""
    try:
        document = load_yaml(path)
    except ConfigError as exc:
        line = str(exc).split(":")[1] if str(exc).count(":") > 1 else "0"
        problems.append(RuleProblem(path, int(line) if line.isdigit() else 0, "", str(exc).split(": ", 1)[-1]))
        return []
    if document is None:
        return []
    if not isinstance(document, dict) or not isinstance(document.get("rules", []), list):
        problems.append(RuleProblem(path, 1, "", "a rule file is a mapping with `version` and a `rules` list"))
        return []
    for key in document:
        if key not in {"version", "rules"}:
            problems.append(RuleProblem(path, line_of(document, key), "", f"unknown key '{key}'"))
    if document.get("version", 1) != 1:
        problems.append(RuleProblem(path, line_of(document, "version"), "", "unsupported version (expected 1)"))
    loaded = []
    for index, node in enumerate(document.get("rules") or []):
        line = line_of(document["rules"], index)
        rule_id = str(node.get("id", "")) if isinstance(node, dict) else ""
        try:
            rule = Rule.model_validate(plain(node))
        except ValidationError as exc:
            for error in exc.errors():
                key = error["loc"][0] if error["loc"] else None
                key_line = line_of(node, key) if isinstance(node, dict) and key in node else line
                problems.append(RuleProblem(path, key_line, rule_id, _pydantic_message(error)))
            continue
        loaded.append(LoadedRule(rule, path, line))
    return loaded


def load_rules(user_dirs: Sequence[Path] = ()) -> RuleSet:
    """Load every rule along the search path; a later rule with an earlier id replaces it."""
    ruleset = RuleSet(folders=search_path(user_dirs))
    by_id: dict[str, LoadedRule] = {}
    for folder in ruleset.folders:
        if not folder.is_dir():
            ruleset.problems.append(RuleProblem(folder, 0, "", "rule folder not found"))
            continue
        seen_here: dict[str, LoadedRule] = {}
        for path in rule_files(folder):
            for loaded in _read_file(path, ruleset.problems):
                rule_id = loaded.rule.id
                if rule_id in seen_here:
                    first = seen_here[rule_id]
                    ruleset.problems.append(RuleProblem(
                        path, loaded.line, rule_id, f"duplicate id (first defined at {first.path}:{first.line})"))
                    continue
                seen_here[rule_id] = loaded
                if rule_id in by_id:
                    loaded.overrides = by_id[rule_id].path
                by_id[rule_id] = loaded
    for loaded in by_id.values():
        (ruleset.rules if loaded.rule.enabled else ruleset.disabled).append(loaded)
    return ruleset
