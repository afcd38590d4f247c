"""`briefer rules check|test|schema|list`: tools for the people who write rules."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from briefer.cli.brief import CONFIG, MODEL, RULES
from briefer.cli.command import App, examples
from briefer.cli.listing import JSON, print_json, print_rows

if TYPE_CHECKING:
    from rich.console import Console

    from briefer.rules.loader import LoadedRule, RuleProblem
    from briefer.ruletest import ExampleResult, RuleResult

rules_app = App(help="Check, test, list and describe extraction rules.", no_args_is_help=True)
WIDE = 200  # columns for tables written to a file or pipe: one line per rule


def rule_dirs(rules: list[Path], config: Path | None) -> list[Path]:
    """User rule folders: the config file's `rules` list, then every --rules."""
    from briefer.config import load_config

    return [*load_config(config).rules, *rules]


def shown(path: Path) -> str:
    """A path as a person wants to read it: relative to the working directory when below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def where(loaded: LoadedRule) -> str:
    """`file:line` of a rule."""
    return f"{shown(loaded.path)}:{loaded.line}"


def problem_line(problem: RuleProblem) -> str:
    """One problem as `file:line: [rule id] message`, the shape editors and CI annotate."""
    place = f"{shown(problem.path)}:{problem.line}" if problem.line else shown(problem.path)
    rule = f"[{problem.rule_id}] " if problem.rule_id else ""
    return f"{place}: {rule}{problem.message}"


def _console() -> Console:
    from rich.console import Console

    return Console(markup=False, highlight=False, width=None if sys.stdout.isatty() else WIDE)


def _register_views_and_checks() -> None:
    """Fill the registries of views and checks a rule may name: briefer.extract registers them on import
    (briefer/rules/vocabulary.py), and the rules stage below it cannot import it."""
    import briefer.extract  # noqa: F401


@rules_app.command("check", epilog=examples("briefer rules check", "briefer rules check --rules my-rules/"))
def check(rules: list[Path] = RULES, config: Path = CONFIG) -> None:
    """Validate every rule file along the search path and report every problem at once (exit 3 if any)."""
    from briefer.cli.output import stderr
    from briefer.rules.check import check_rules

    _register_views_and_checks()
    report = check_rules(rule_dirs(rules, config))
    for problem in report.problems:
        typer.echo(problem_line(problem))
    rules_read = len(report.ruleset.rules) + len(report.ruleset.disabled) + len(report.ruleset.invalid)
    checked = f"{rules_read} rules in {len(report.files)} files along {len(report.ruleset.folders)} folder(s)"
    if report.problems:
        files = len({p.path for p in report.problems})
        stderr().print(f"{len(report.problems)} problem(s) in {files} file(s); checked {checked}.", highlight=False)
        raise typer.Exit(3)
    stderr().print(f"No problems: checked {checked}.", highlight=False)


def _value_text(value: Any) -> str:
    from briefer.model import Mention  # pydantic's models cost ~0.5 s: never on `briefer --help`

    if isinstance(value, Mention):  # a person: name, then what else the view found
        extra = ", ".join(f"{k}: {_value_text(v) if k == 'each' else v}" for k, v in value if k != "name" and v)
        return value.name + (f" ({extra})" if extra else "")
    if isinstance(value, tuple):  # the pair a mention stands for
        return " and ".join(_value_text(one) for one in value)
    return json.dumps(value, ensure_ascii=False) if isinstance(value, bool) or value is None else str(value)


def fact_text(fact: dict[str, Any]) -> str:
    """A fact in one line: `{field: value, ...}`."""
    return "{" + ", ".join(f"{name}: {_value_text(value)}" for name, value in fact.items()) + "}"


def _diff(example: ExampleResult) -> list[str]:
    """Expected against actual facts: `-` expected but missing, `+` emitted but not expected, ` ` both."""
    matched = [fact for fact in example.expected if fact not in example.missing]
    lines = [f"    {fact_text(fact)}" for fact in matched]
    lines += [f"  - {fact_text(fact)}" for fact in example.missing]
    lines += [f"  + {fact_text(fact)}" for fact in example.unexpected]
    return lines or ["    (no fact expected, none emitted)"]


def _print_result(console: Console, result: RuleResult) -> None:
    from rich.text import Text

    examples = result.examples
    rule_id = result.loaded.rule.id
    if not examples:
        console.print(Text.assemble(("NO EXAMPLES ", "yellow bold"), rule_id, f"  {where(result.loaded)}"))
        return
    failed = [e for e in examples if not e.passed]
    if not failed:
        console.print(Text.assemble(("PASS ", "green bold"), rule_id, f" ({len(examples)} examples)"))
        return
    console.print(Text.assemble(("FAIL ", "red bold"), rule_id, f" ({len(failed)} of {len(examples)} examples "
                                f"failed)  {where(result.loaded)}"))
    for index, example in enumerate(examples):
        if example.passed:
            continue
        line = result.loaded.line_at("examples", index)
        console.print(Text(f"  example {index + 1} ({shown(result.loaded.path)}:{line}): "
                           f"{json.dumps(example.text, ensure_ascii=False)}"))
        for line in _diff(example):
            style = "red" if line.startswith("  -") else "green" if line.startswith("  +") else ""
            console.print(Text(f"  {line}", style=style))


@rules_app.command("test", epilog=examples("briefer rules test", "briefer rules test --rules my-rules/ -k venues."))
def test(
    rules: list[Path] = RULES,
    only: str = typer.Option(None, "-k", metavar="TEXT", help="Only the rules whose id contains this text."),
    model: str = MODEL,
    config: Path = CONFIG,
) -> None:
    """Run the examples every rule carries; pass or fail per rule with a diff of the facts (exit 1 on a failure).

    In a failing example, `-` lines are expected facts that did not come out and `+` lines facts that came out
    but were not expected.
    """
    from briefer.config import load_config
    from briefer.nlp import load_pipeline
    from briefer.rules import load_knowledge
    from briefer.ruletest import run_examples, select_rules

    knowledge = load_knowledge(rule_dirs(rules, config))
    knowledge.ruleset.raise_on_problems()
    chosen = select_rules(knowledge, only)
    nlp = load_pipeline(model or load_config(config).model, entity_patterns=knowledge.entity_patterns())
    knowledge.compile(nlp.vocab)
    results = run_examples(chosen, knowledge, nlp)
    console = _console()
    for result in results:
        _print_result(console, result)
    failed = sum(1 for r in results if not r.passed)
    bare = sum(1 for r in results if not r.examples)
    console.print(f"{len(results)} rule(s): {len(results) - failed - bare} passed, {failed} failed, "
                  f"{bare} without examples.")
    if failed:
        raise typer.Exit(1)


@rules_app.command("schema", epilog=examples("briefer rules schema > rule-schema.json"))
def schema() -> None:
    """Print the JSON Schema of rule files (for `# yaml-language-server: $schema=...` in editors)."""
    from briefer.rules.schema import rule_file_schema

    _register_views_and_checks()
    sys.stdout.write(json.dumps(rule_file_schema(), indent=2, ensure_ascii=False) + "\n")


def _status(loaded: LoadedRule) -> str:
    """Whether a rule is on, and what it replaces or switches off or back on."""
    earlier = loaded.overrides
    if not loaded.rule.enabled:
        return f"off (switches off {where(earlier.definition())})" if earlier and earlier.rule.enabled else "off"
    if loaded.switch:
        return "on" if earlier.rule.enabled else f"on (switches on {where(earlier.definition())})"
    return f"replaces {where(earlier)}" if earlier else "on"


@rules_app.command("list", epilog=examples(
    "briefer rules list --rules my-rules/", "briefer rules list | grep positions",
    "briefer rules list --json | jq -r '.rules[].id'"))
def list_command(rules: list[Path] = RULES, config: Path = CONFIG, as_json: bool = JSON) -> None:
    """List the rules along the search path: id, section, kind, file, what each replaces, description.

    On a terminal a table; in a pipe one tab-separated line per rule after a header line; --json for scripts.
    """
    from briefer.rules.loader import load_rules

    _register_views_and_checks()
    ruleset = load_rules(rule_dirs(rules, config))
    folders = [{"layer": "built-in" if index == 0 else "user", "path": shown(folder)}
               for index, folder in enumerate(ruleset.folders)]
    listed = sorted(ruleset.rules + ruleset.disabled, key=lambda r: r.rule.id)
    if as_json:
        print_json({"folders": folders, "rules": [
            {"id": loaded.rule.id, "section": loaded.rule.section, "kind": loaded.rule.kind,
             "file": shown(loaded.path), "line": loaded.line, "enabled": loaded.rule.enabled,
             "status": _status(loaded), "description": loaded.rule.description} for loaded in listed],
            "problems": [problem_line(problem) for problem in ruleset.problems]})
    else:
        if sys.stdout.isatty():
            for folder in folders:
                typer.echo(f"{folder['layer']}: {folder['path']}")
        print_rows(("ID", "Section", "Kind", "File", "Status", "Description"),
                   [(r.rule.id, r.rule.section, r.rule.kind, where(r), _status(r), r.rule.description) for r in listed],
                   title=f"{len(ruleset.rules)} rules on, {len(ruleset.disabled)} off",
                   no_wrap=("ID", "Section", "Kind", "File", "Status"))
    if ruleset.problems:
        from briefer.cli.output import warn

        for problem in ruleset.problems:
            warn(f"{problem_line(problem)} (see `briefer rules check`)")


def register(app: typer.Typer) -> None:
    """Add `briefer rules` to the app."""
    app.add_typer(rules_app, name="rules")
