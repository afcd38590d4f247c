"""docs/rules.md is complete and true: every key, view, check and value documented, and its worked example works."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from in_process import briefer

from briefer import extract  # noqa: F401 (registers the views and checks rules name)
from briefer.rules.schema import (
    SECTION_FIELDS,
    SENTENCE_VALUES,
    Example,
    Rule,
    RuleFile,
    RuleSwitch,
    rule_file_schema,
)
from briefer.rules.vocabulary import CHECKS, VIEWS

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
FILE_BLOCK_RE = re.compile(r"<!-- file: (?P<name>\S+) -->\n```\w*\n(?P<body>.*?)```", re.S)
KINDS = ("token", "phrase", "dependency", "regex")


def documented(term: str) -> bool:
    """The term appears inside inline code."""
    return re.search(r"`[^`\n]*" + re.escape(term) + r"[^`\n]*`", DOC) is not None


@pytest.mark.parametrize("key", sorted({*Rule.model_fields, *Example.model_fields, *RuleFile.model_fields,
                                         *RuleSwitch.model_fields}))
def test_every_schema_key_is_documented(key):
    assert re.search(rf"^\| `{key}` \|", DOC, re.M), f"no row for `{key}` in a key table of docs/rules.md"


@pytest.mark.parametrize("view", sorted(VIEWS.names()))
def test_every_view_is_documented(view):
    assert re.search(rf"^\| `\.{view}` \|", DOC, re.M), f"no row for `.{view}` in the views table"


@pytest.mark.parametrize("value", sorted(SENTENCE_VALUES))
def test_every_sentence_value_is_documented(value):
    assert re.search(rf"^\| `\{value}` \|", DOC, re.M), f"no row for `{value}` in the sentence values table"


@pytest.mark.parametrize("check", sorted(CHECKS.names()))
def test_every_check_is_documented(check):
    assert re.search(rf"^\| `{check}` \|", DOC, re.M), f"no row for `{check}` in the unless checks table"


@pytest.mark.parametrize("section", sorted(SECTION_FIELDS))
def test_every_section_and_field_is_documented(section):
    row = re.search(rf"^\| `{section}` \| (.*)$", DOC, re.M)
    assert row, f"no row for section `{section}`"
    for name in SECTION_FIELDS[section]:
        assert f"`{name}`" in row.group(1), f"field `{name}` of `{section}` not in its row"


@pytest.mark.parametrize("term", [*KINDS, "CAPTURE", "RIGHT_ID", "match", "$file.key", "rules", "--rules DIR",
                                  "enabled: false"])
def test_kinds_captures_and_layering_are_documented(term):
    assert documented(term), term


def _table_names(heading: str, row: str) -> set[str]:
    """The names of the table rows under one heading of docs/rules.md (up to the next heading)."""
    part = DOC.split(heading + "\n", 1)[1].split("\n#", 1)[0]
    return set(re.findall(row, part, re.M))


def test_the_docs_list_no_view_or_check_the_code_lacks():
    assert _table_names("### Views", r"^\| `\.(\w+)` \|") == VIEWS.names()
    assert _table_names("## `unless` checks", r"^\| `(\w+)` \|") == CHECKS.names()


def test_every_view_runs(nlp, knowledge):
    from briefer.extract.views import view

    doc = nlp("Foreign Minister Jane Doe said that the talks in Oslo will resume.")
    for name in VIEWS.names():
        view(doc[2:5], name, knowledge.lexicon)


def test_rules_name_only_registered_views_and_checks():
    from pydantic import ValidationError

    base = {"id": "x.y", "description": "d", "section": "positions", "kind": "regex", "patterns": ["a"]}
    Rule.model_validate({**base, "emit": {"speaker": "@speaker.person"}, "unless": ["quoted"]})
    with pytest.raises(ValidationError, match="unknown view '.persn' \\(did you mean 'person'\\?\\)"):
        Rule.model_validate({**base, "emit": {"speaker": "@speaker.persn"}})
    with pytest.raises(ValidationError, match="unknown check 'quotd' \\(did you mean 'quoted'\\?\\)"):
        Rule.model_validate({**base, "emit": {"speaker": "@s"}, "unless": ["quotd"]})
    assert rule_file_schema()["$defs"]["Rule"]["properties"]["unless"]["items"]["enum"] == sorted(CHECKS.names())


def test_the_schema_file_is_current():
    result = briefer("rules", "schema")
    assert result.returncode == 0
    assert (ROOT / "docs" / "rule-schema.json").read_text(encoding="utf-8") == result.stdout, (
        "regenerate it: briefer rules schema > docs/rule-schema.json")
    assert rule_file_schema()["title"] == "briefer rule file"


@pytest.fixture(scope="module")
def newcomer(tmp_path_factory) -> Path:
    """A working folder holding the files docs/rules.md tells a newcomer to write."""
    folder = tmp_path_factory.mktemp("newcomer")
    blocks = {m["name"]: m["body"] for m in FILE_BLOCK_RE.finditer(DOC)}
    assert {"my-rules/envoys.yml", "my-rules/gazetteers/envoys.yml", "article.txt"} <= set(blocks)
    for name, body in blocks.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(body, encoding="utf-8")
    schema = briefer("rules", "schema", cwd=folder)
    (folder / "my-rules" / "rule-schema.json").write_text(schema.stdout, encoding="utf-8")
    return folder


def test_newcomer_rule_checks_clean(newcomer):
    result = briefer("rules", "check", "--rules", "my-rules", cwd=newcomer)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No problems" in result.stderr


def test_newcomer_typos_are_caught_with_their_lines_as_the_doc_shows(newcomer, tmp_path):
    rule_file = newcomer / "my-rules" / "envoys.yml"
    typo = rule_file.read_text(encoding="utf-8").replace("LEMMA: arrive", "LEMA: arrive").replace(
        "    examples:", "    exmaples:")
    mine = tmp_path / "my-rules"
    mine.mkdir()
    (mine / "envoys.yml").write_text(typo, encoding="utf-8")
    (mine / "gazetteers").mkdir()
    (mine / "gazetteers" / "envoys.yml").write_bytes((newcomer / "my-rules" / "gazetteers" / "envoys.yml").read_bytes())
    result = briefer("rules", "check", "--rules", "my-rules", cwd=tmp_path)
    assert result.returncode == 3
    lines = typo.splitlines()
    lema = next(n for n, line in enumerate(lines, start=1) if "LEMA" in line)
    exmaples = next(n for n, line in enumerate(lines, start=1) if "exmaples" in line)
    expected = [
        f"my-rules/envoys.yml:{lema}: [delegations.envoy-arrived] pattern 1, token 6: unknown token attribute "
        "'LEMA' (did you mean 'LEMMA'?)",
        f"my-rules/envoys.yml:{exmaples}: [delegations.envoy-arrived] unknown key 'exmaples' (did you mean "
        "'examples'?)",
    ]
    assert result.stdout.splitlines() == expected
    for line in expected:
        assert line in DOC, "docs/rules.md shows this output"


def test_newcomer_examples_run(newcomer):
    result = briefer("rules", "test", "--rules", "my-rules", "-k", "envoy", cwd=newcomer)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASS delegations.envoy-arrived (3 examples)" in result.stdout
    assert "1 rule(s): 1 passed, 0 failed, 0 without examples." in result.stdout


def test_newcomer_sees_the_rule_fire_on_the_article(newcomer):
    result = briefer("explain", "article.txt", "--rules", "my-rules", "--rule", "delegations.envoy-arrived",
                     cwd=newcomer)
    assert result.returncode == 0, result.stderr
    shown = re.search(r"```console\n\$ briefer explain article.txt[^\n]*\n(.*?)```", DOC, re.S).group(1)
    actual = result.stdout.splitlines()
    assert len(actual) == len(shown.splitlines()), result.stdout
    for line, doc_line in zip(actual, shown.splitlines(), strict=True):
        if doc_line.startswith("   fact:"):  # what a view adds (a role found later) may grow; the doc's fields stay
            assert all(part in line for part in doc_line.split(":", 1)[1].strip(" {}").split(", ")), (line, doc_line)
        else:
            assert line == doc_line, "docs/rules.md shows this output"


def test_editors_accept_the_built_in_rules_and_catch_a_misspelt_key():
    from jsonschema import Draft202012Validator

    from briefer.yamlio import load_yaml, plain

    schema = rule_file_schema()
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    for path in sorted((ROOT / "rules").glob("*.yml")):
        errors = [e.message for e in validator.iter_errors(plain(load_yaml(path)))]
        assert not errors, (path.name, errors[:2])
    switch_off = {"version": 1, "rules": [{"id": "venues.host", "enabled": False}]}
    assert validator.is_valid(switch_off)
    rule = {"id": "venues.x", "description": "x", "section": "venues", "kind": "phrase", "patterns": ["x"],
            "emit": {"name": "@match"}}
    assert validator.is_valid({"version": 1, "rules": [rule]})
    assert not validator.is_valid({"version": 1, "rules": [{**rule, "exmaples": []}]})
    assert not validator.is_valid({"version": 1, "rules": [{**rule, "emit": {"speaker": "@match"}}]}), (
        "a field of another section")
