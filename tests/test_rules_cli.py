"""`briefer rules check|test|list|schema` through the CLI, on built-in rules and on user folders with mistakes."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from in_process import Ran
from in_process import briefer as run_briefer

from briefer import extract  # noqa: F401 (registers the views and checks rules name)
from briefer.rules import load_knowledge
from briefer.rules.loader import load_rules
from briefer.rules.schema import Rule

ROOT = Path(__file__).resolve().parent.parent
VOCAB = spacy.blank("en").vocab
GAZETTEERS = load_knowledge().gazetteers

GOOD_RULE = """\
  - id: venues.{name}
    description: "a test rule: <place> welcomed the delegations"
    section: venues
    kind: dependency
    patterns:
      - - {{RIGHT_ID: welcome, RIGHT_ATTRS: {{LEMMA: welcome}}}}
        - {{LEFT_ID: welcome, REL_OP: ">", RIGHT_ID: place, RIGHT_ATTRS: {{DEP: nsubj, ENT_TYPE: GPE}}}}
    emit: {{name: "@place.place"}}
"""


def briefer(*args: str, cwd: Path = ROOT) -> Ran:
    return run_briefer(*args, cwd=cwd)


def line_of(text: str, marker: str) -> int:
    """The 1-based line of the only line holding `marker`."""
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if marker in line]
    assert len(lines) == 1, (marker, lines)
    return lines[0]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_rules_check_clean():
    result = briefer("rules", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "No problems" in result.stderr


MISTAKES = """\
version: 1
rules:
  - id: delegations.mistakes
    descripton: "misspelt key"
    section: delegations
    kind: token
    patterns:
      - - {ENT_TYPE: GPE, CAPTURE: sender}
        - {LOWERR: envoy}
        - {LEMMA: {IN: ["$reporting.verbz"]}}
    emit:
      party: "@sender.party"
      leader: "@envoyy.person"
      countri: "@sender"
    unless: [quotd]
    examples:
      - txt: "Qatar's envoy spoke."
  - id: venues.wrong-section
    description: "a section the briefing lacks"
    section: venuse
    kind: dependency
    patterns:
      - - {RIGHT_ID: a, RIGHT_ATTRS: {LOWER: talks}}
        - {LEFT_ID: a, REL_OP: ">>>", RIGHT_ID: place, RIGHT_ATTRS: {ENT_TYPE: GPE}}
    emit: {name: "@place.plase"}
  - id: venues.dup
    description: "first of two"
    section: venues
    kind: regex
    patterns: ['in (?P<place>[A-Z]\\w+)']
    emit: {name: "@place"}
    examples:
      - text: "They met in Oslo."
        expect: [{nam: Oslo}]
"""

DUPLICATE = """\
version: 1
rules:
  - id: venues.dup
    description: "second of two"
    section: venues
    kind: phrase
    patterns: [the summit venue]
    emit: {name: "@match"}
"""


def test_check_reports_every_problem_with_file_line_and_rule(tmp_path):
    mistakes = write(tmp_path, "mistakes.yml", MISTAKES)
    write(tmp_path, "other.yml", DUPLICATE)
    broken = write(tmp_path, "broken.yml", "version: 1\nrules:\n  - id: venues.x\n    description: [unclosed\n")
    result = briefer("rules", "check", "--rules", str(tmp_path))
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    reported = result.stdout.splitlines()

    def expect(path: Path, marker: str, rule_id: str, *words: str) -> None:
        line = line_of(path.read_text(), marker)
        found = [r for r in reported if r.startswith(f"{path}:{line}: [{rule_id}]")]
        assert any(all(w in r for w in words) for r in found), (marker, line, words, reported)

    expect(mistakes, "descripton:", "delegations.mistakes", "unknown key 'descripton'", "did you mean 'description'")
    expect(mistakes, "LOWERR", "delegations.mistakes", "unknown token attribute 'LOWERR'", "did you mean 'LOWER'")
    expect(mistakes, "verbz", "delegations.mistakes", "unknown gazetteer list '$reporting.verbz'", "reporting.verbs")
    expect(mistakes, "envoyy", "delegations.mistakes", "capture '@envoyy'", "captures: sender")
    expect(mistakes, "countri:", "delegations.mistakes", "no field 'countri'")
    expect(mistakes, "unless:", "delegations.mistakes", "'quotd'", "did you mean 'quoted'")
    expect(mistakes, "txt:", "delegations.mistakes", "unknown key 'txt'", "did you mean 'text'")
    expect(mistakes, "venuse", "venues.wrong-section", "'venuse'", "did you mean 'venues'")
    expect(mistakes, ">>>", "venues.wrong-section", "unknown REL_OP '>>>'")
    expect(mistakes, "plase", "venues.wrong-section", "unknown view '.plase'", "did you mean 'place'")
    expect(mistakes, "nam: Oslo", "venues.dup", "'nam' is not a field this rule emits")
    other = tmp_path / "other.yml"
    expect(other, "venues.dup", "venues.dup", "duplicate id", f"{mistakes}:")
    assert any(r.startswith(f"{broken}:") and "YAML syntax error" in r for r in reported), reported
    assert not any("missing required key 'description'" in r for r in reported), "the misspelling covers it"
    assert "problem(s) in 3 file(s)" in result.stderr


def test_a_typo_on_line_n_is_reported_on_line_n(tmp_path):
    text = "version: 1\nrules:\n" + GOOD_RULE.format(name="welcomed")
    lines = text.splitlines()
    for n, line in enumerate(lines):
        if "RIGHT_ID: place" in line:
            lines[n] = line.replace("DEP: nsubj", "DEPP: nsubj")
            typo_line = n + 1
    write(tmp_path, "welcome.yml", "\n".join(lines) + "\n")
    result = briefer("rules", "check", "--rules", str(tmp_path))
    assert result.returncode == 3
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'welcome.yml'}:{typo_line}: [venues.welcomed] pattern 1, node 2: "
        "unknown token attribute 'DEPP' (did you mean 'DEP'?)"]


def test_check_names_a_missing_rule_folder(tmp_path):
    result = briefer("rules", "check", "--rules", str(tmp_path / "nowhere"))
    assert result.returncode == 3
    assert f"{tmp_path / 'nowhere'}: rule folder not found" in result.stdout


def test_schema_is_json_schema_for_rule_files():
    result = briefer("rules", "schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    rule = schema["$defs"]["Rule"]
    assert {"id", "section", "kind", "patterns", "emit", "unless", "examples"} <= set(rule["properties"])
    assert rule["additionalProperties"] is False


LAYER = """\
version: 1
rules:
{replacement}
{new}
  - id: positions.according-to
    enabled: false
"""


def _layered(folder: Path) -> None:
    replacement = GOOD_RULE.format(name="meet-in").replace("a test rule", "my own venues.meet-in")
    write(folder, "mine.yml", LAYER.format(replacement=replacement, new=GOOD_RULE.format(name="welcomed")))


def test_layering_replaces_adds_and_switches_off(tmp_path):
    _layered(tmp_path)
    builtin = {loaded.rule.id: loaded for loaded in load_rules().rules}
    ruleset = load_rules([tmp_path])
    active = {loaded.rule.id: loaded for loaded in ruleset.rules}
    assert not ruleset.problems
    assert active["venues.meet-in"].path == tmp_path / "mine.yml"
    assert active["venues.meet-in"].overrides.path == builtin["venues.meet-in"].path
    assert "venues.welcomed" in active and active["venues.welcomed"].overrides is None
    assert "positions.according-to" not in active
    off = [loaded for loaded in ruleset.disabled if loaded.rule.id == "positions.according-to"]
    assert off and off[0].overrides.path == builtin["positions.according-to"].path
    assert set(active) | {"positions.according-to"} == set(builtin) | {"venues.welcomed"}


def _listed(result) -> dict[str, dict]:
    assert result.returncode == 0, result.stderr
    return {rule["id"]: rule for rule in json.loads(result.stdout)["rules"]}


def test_list_shows_files_and_what_overrides_what(tmp_path):
    _layered(tmp_path)
    rules = _listed(briefer("rules", "list", "--json", "--rules", str(tmp_path)))
    mine = f"{tmp_path / 'mine.yml'}"
    assert rules["venues.meet-in"]["file"] == mine and rules["venues.meet-in"]["status"].startswith(
        "replaces rules/venues.yml:")
    assert rules["venues.meet-in"]["description"].startswith("my own")
    assert rules["venues.welcomed"]["file"] == mine and rules["venues.welcomed"]["status"] == "on"
    assert rules["positions.according-to"]["status"].startswith("off (switches off rules/positions.yml:")
    assert not rules["positions.according-to"]["enabled"]
    assert (rules["venues.welcomed"]["kind"], rules["venues.welcomed"]["section"]) == ("dependency", "venues")


def test_list_in_a_pipe_is_one_tab_separated_line_per_rule(tmp_path):
    _layered(tmp_path)
    result = briefer("rules", "list", "--rules", str(tmp_path))
    assert result.returncode == 0, result.stderr
    header, *lines = result.stdout.splitlines()
    assert header.split("\t") == ["ID", "SECTION", "KIND", "FILE", "STATUS", "DESCRIPTION"]
    rows = {line.split("\t")[0]: line.split("\t") for line in lines}
    assert all(len(row) == 6 for row in rows.values()) and "│" not in result.stdout
    assert set(rows) == set(_listed(briefer("rules", "list", "--json", "--rules", str(tmp_path))))
    assert rows["venues.welcomed"][3].startswith(f"{tmp_path / 'mine.yml'}:")


def test_rules_folders_from_the_config_file(tmp_path):
    _layered(tmp_path / "my-rules")
    (tmp_path / "briefer.toml").write_text('rules = ["my-rules"]\n', encoding="utf-8")
    result = briefer("rules", "list", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "my-rules/mine.yml" in result.stdout and "venues.welcomed" in result.stdout


def test_a_switched_off_rule_is_not_tested(tmp_path):
    write(tmp_path / "first", "rules.yml", "version: 1\nrules:\n" + GOOD_RULE.format(name="welcomed-first"))
    write(tmp_path / "second", "off.yml", "version: 1\nrules:\n  - {id: venues.welcomed-first, enabled: false}\n")
    result = briefer("rules", "test", "--rules", str(tmp_path / "first"), "--rules", str(tmp_path / "second"),
                     "-k", "welcomed-first")
    assert result.returncode == 2
    assert "no active rule id contains it (switched off: venues.welcomed-first)" in result.stderr


OFF = "version: 1\nrules:\n  - {id: positions.according-to, enabled: false}\n"
ON = "version: 1\nrules:\n  - {id: positions.according-to, enabled: true}\n"


def test_a_later_layer_switches_a_rule_back_on_as_defined(tmp_path):
    write(tmp_path / "off", "off.yml", OFF)
    write(tmp_path / "on", "on.yml", ON)
    builtin = {loaded.rule.id: loaded for loaded in load_rules().rules}["positions.according-to"]
    ruleset = load_rules([tmp_path / "off", tmp_path / "on"])
    assert not ruleset.problems
    active = {loaded.rule.id: loaded for loaded in ruleset.rules}
    assert active["positions.according-to"].rule == builtin.rule
    assert active["positions.according-to"].definition().path == builtin.path
    assert not any(loaded.rule.id == "positions.according-to" for loaded in ruleset.disabled)


def test_list_and_test_show_a_rule_switched_back_on(tmp_path):
    write(tmp_path / "off", "off.yml", OFF)
    write(tmp_path / "on", "on.yml", ON)
    folders = ["--rules", str(tmp_path / "off"), "--rules", str(tmp_path / "on")]
    listed = _listed(briefer("rules", "list", "--json", *folders))["positions.according-to"]
    assert listed["status"].startswith("on (switches on rules/positions.yml:")
    assert listed["file"] == str(tmp_path / "on" / "on.yml")
    tested = briefer("rules", "test", *folders, "-k", "positions.according-to")
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "PASS positions.according-to" in tested.stdout


def test_a_full_definition_after_a_switch_still_replaces_and_an_unknown_switch_is_a_problem(tmp_path):
    write(tmp_path / "off", "off.yml", OFF)
    replacement = GOOD_RULE.format(name="x").replace("venues.x", "positions.according-to")
    write(tmp_path / "mine", "mine.yml", "version: 1\nrules:\n" + replacement)
    write(tmp_path / "stray", "stray.yml", "version: 1\nrules:\n  - {id: venues.nowhere, enabled: true}\n")
    ruleset = load_rules([tmp_path / "off", tmp_path / "mine", tmp_path / "stray"])
    active = {loaded.rule.id: loaded for loaded in ruleset.rules}
    assert active["positions.according-to"].path == tmp_path / "mine" / "mine.yml"
    assert active["positions.according-to"].rule.section == "venues"
    assert [p.message.split(" (")[0] for p in ruleset.problems] == ["switches on a rule no earlier folder defines"]


TESTED = """\
version: 1
rules:
{passing}
    examples:
      - text: "Norway welcomed the delegations on Monday."
        expect: [{{name: Norway}}]
      - text: "The crowd welcomed the news."
        expect: []
{failing}
    examples:
      - text: "Qatar welcomed the delegations."
        expect: [{{name: Doha}}]
      - text: "Egypt welcomed both sides."
        expect: []
{bare}
"""


def test_rules_test_passes_fails_with_a_diff_and_reports_rules_without_examples(tmp_path):
    rules = write(tmp_path, "tested.yml", TESTED.format(
        passing=GOOD_RULE.format(name="welcome-pass").rstrip(), failing=GOOD_RULE.format(name="welcome-fail").rstrip(),
        bare=GOOD_RULE.format(name="welcome-bare").rstrip()))
    result = briefer("rules", "test", "--rules", str(tmp_path), "-k", "welcome-")
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert "PASS venues.welcome-pass (2 examples)" in out
    assert f"FAIL venues.welcome-fail (2 of 2 examples failed)  {rules}:" in out
    first = line_of(rules.read_text(), "Qatar welcomed")
    assert f'example 1 ({rules}:{first}): "Qatar welcomed the delegations."' in out
    assert "    - {name: Doha}" in out and "    + {name: Qatar}" in out
    assert "    + {name: Egypt}" in out
    assert f"NO EXAMPLES venues.welcome-bare  {rules}:" in out
    assert "3 rule(s): 1 passed, 1 failed, 1 without examples." in out
    assert "PASS delegations" not in out and "PASS positions" not in out, "-k keeps to the rules asked for"


WEIRD_FILES = {
    "list.yml": "- just\n- a list\n",
    "scalars.yml": "version: 2\nrules:\n  - hello\n  - 3\n",
    "tab.yml": "\tversion: 1\n",
    "control.yml": "version: 1\x00\n",
    "shapes.yml": """\
version: 1
rules:
  - id: venues.shapes
    description: x
    section: venues
    kind: dependency
    patterns: [[1, 2], [], [{RIGHT_ID: [a], RIGHT_ATTRS: {}}], [{RIGHT_ATTRS: 5, RIGHT_ID: a}]]
    emit: {name: "@a", talks: 5}
    unless: quoted
    priority: high
""",
}


def test_broken_files_of_every_shape_give_problems_never_a_traceback(tmp_path):
    for name, text in WEIRD_FILES.items():
        write(tmp_path, name, text)
    result = briefer("rules", "check", "--rules", str(tmp_path))
    assert result.returncode == 3, result.stderr
    assert "unexpected error" not in result.stderr and "Traceback" not in result.stderr
    for name in WEIRD_FILES:
        assert f"{tmp_path / name}:" in result.stdout, name


def test_a_rule_without_emit_is_a_problem_on_its_line(tmp_path):
    rule = GOOD_RULE.format(name="no-emit").replace('    emit: {name: "@place.place"}\n', "")
    path = write(tmp_path, "no-emit.yml", "version: 1\nrules:\n" + rule)
    result = briefer("rules", "check", "--rules", str(tmp_path))
    assert result.returncode == 3, result.stderr
    assert f"{path}:3: [venues.no-emit] missing required key 'emit'" in result.stdout.splitlines()
    assert "error" not in result.stderr


KEYS = st.sampled_from([*Rule.model_fields, "RIGHT_ID", "LEFT_ID", "REL_OP", "RIGHT_ATTRS", "LOWER", "OP", "IN",
                        "CAPTURE", "text", "expect", "name", "party", "descripton"])
SCALARS = st.none() | st.booleans() | st.integers(-2, 2) | st.text(max_size=6) | st.sampled_from(
    ["@a", "@a.person", "@b.nope", "$sentence", "$reporting.verbs", "$nope.x", "a", ">", "+", "venues", "token",
     "dependency", "regex", "phrase", "(?P<a>x)", "("])
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
                      max_leaves=12)


PLAUSIBLE = st.fixed_dictionaries({
    "id": st.just("venues.fuzz"), "description": st.just("fuzz"), "section": st.just("venues"),
    "kind": st.sampled_from(["token", "phrase", "dependency", "regex"]),
    "patterns": st.lists(VALUES, max_size=3),
}, optional={"unless": VALUES, "examples": VALUES, "phrases_from": SCALARS,
             "emit": st.dictionaries(st.sampled_from(["name", "talks", "x"]), SCALARS)})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rule=st.dictionaries(KEYS, VALUES, max_size=8) | PLAUSIBLE)
def test_any_rule_gives_problems_or_compiles_never_an_exception(rule, tmp_path):
    from briefer.rules.compiler import compile_rules
    from briefer.rules.loader import _read_file

    path = tmp_path / "fuzz.yml"
    path.write_text(json.dumps({"version": 1, "rules": [rule]}), encoding="utf-8")
    problems, invalid = [], []
    loaded = [r for r in _read_file(path, problems, invalid) if hasattr(r, "rule")]
    _, compile_problems = compile_rules(loaded + invalid, VOCAB, GAZETTEERS)
    for problem in problems + compile_problems:
        assert problem.path == path and problem.line >= 1 and problem.message
