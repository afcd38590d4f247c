"""Checking every rule file along the search path at once: syntax, schema, spaCy patterns, captures, gazetteers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.errors import ConfigError
from briefer.resources import yaml_files
from briefer.rules.compiler import compile_rules
from briefer.rules.gazetteer import GAZETTEER_FOLDER, Gazetteers, load_gazetteers
from briefer.rules.loader import RuleSet, load_rules, rule_files
from briefer.rules.problems import RuleProblem, problem_from_error

if TYPE_CHECKING:
    from spacy.vocab import Vocab


@dataclass
class CheckReport:
    """What `briefer rules check` found: the rules, the files read and every problem, in file order."""

    ruleset: RuleSet
    files: list[Path] = field(default_factory=list)
    problems: list[RuleProblem] = field(default_factory=list)


def _gazetteers(folders: list[Path], problems: list[RuleProblem]) -> Gazetteers | None:
    """The merged gazetteers, or None (with the problem recorded) when a gazetteer file is bad."""
    try:
        return load_gazetteers(folders)
    except ConfigError as exc:
        problems.append(problem_from_error(exc))
        return None


@cache
def _blank_vocab() -> Vocab:
    """English words without a model, to compile rules on for checking: one per process (making it loads the
    tokenizer's exceptions)."""
    import spacy

    return spacy.blank("en").vocab


def check_rules(user_dirs: Sequence[Path] = ()) -> CheckReport:
    """Load, validate and compile every rule (switched-off and invalid ones too) and report every problem."""
    ruleset = load_rules(user_dirs)
    folders = [folder for folder in ruleset.folders if folder.is_dir()]
    report = CheckReport(ruleset, problems=list(ruleset.problems))
    for folder in folders:
        report.files += rule_files(folder) + yaml_files(folder / GAZETTEER_FOLDER)
    gazetteers = _gazetteers(folders, report.problems)
    every_rule = ruleset.rules + ruleset.disabled + ruleset.invalid
    _, problems = compile_rules(every_rule, _blank_vocab(), gazetteers or Gazetteers())
    if gazetteers is None:  # every list would look unknown: the gazetteer problem is the one to report
        problems = [p for p in problems if "unknown gazetteer list" not in p.message]
    report.problems += problems
    report.problems.sort(key=lambda p: (str(p.path), p.line))
    return report
