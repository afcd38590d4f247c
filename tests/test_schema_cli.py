"""`briefer schema`: the JSON Schema of briefing.json, real briefs validate against it, and its version guard."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from in_process import briefer

from briefer.model import SCHEMA_VERSION
from briefer.sections import briefing_schema

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "schemas"


# A reader's view of two JSON Schemas as pydantic writes them ($defs, $ref, anyOf, type, items, properties).
# No well-kept library compares JSON Schemas for compatibility, so the test carries its own.

def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = root["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _branches(node: dict[str, Any], root: dict[str, Any]) -> list[dict[str, Any]]:
    node = _resolve(node, root)
    if "anyOf" in node:
        return [branch for option in node["anyOf"] for branch in _branches(option, root)]
    return [node]


def _types(node: dict[str, Any], root: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for branch in _branches(node, root):
        if "type" in branch:
            found |= set(branch["type"] if isinstance(branch["type"], list) else [branch["type"]])
        elif "const" in branch or "enum" in branch:
            values = [branch["const"]] if "const" in branch else branch["enum"]
            found |= {"null" if v is None else "string" if isinstance(v, str) else "number" for v in values}
        else:
            found.add("any")
    return found


def _of_type(node: dict[str, Any], root: dict[str, Any], kind: str) -> dict[str, Any] | None:
    return next((b for b in _branches(node, root) if b.get("type") == kind), None)


def breaking_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What a reader of JSON valid under `old` may trip on under `new`."""
    problems: list[str] = []

    def compare(old_node: dict[str, Any], new_node: dict[str, Any], path: str) -> None:
        old_types, new_types = _types(old_node, old), _types(new_node, new)
        if "any" not in old_types and new_types - old_types:
            problems.append(f"{path}: may now be {', '.join(sorted(new_types - old_types))}")
        old_object, new_object = _of_type(old_node, old, "object"), _of_type(new_node, new, "object")
        if old_object and new_object:
            new_properties = new_object.get("properties", {})
            for name, old_property in old_object.get("properties", {}).items():
                if name not in new_properties:
                    problems.append(f"{path}.{name}: removed")
                    continue
                compare(old_property, new_properties[name], f"{path}.{name}")
            for name in sorted(set(old_object.get("required", [])) - set(new_object.get("required", []))):
                if name in new_properties:
                    problems.append(f"{path}.{name}: no longer always present")
        old_array, new_array = _of_type(old_node, old, "array"), _of_type(new_node, new, "array")
        if old_array and new_array and "items" in old_array and "items" in new_array:
            compare(old_array["items"], new_array["items"], f"{path}[]")

    compare(old, new, "$")
    return problems


def test_schema_prints_the_model_schema():
    result = briefer("schema")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed == briefing_schema()
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {"schema_version", "sources", "delegations", "positions"} <= set(printed["properties"])
    jsonschema.Draft202012Validator.check_schema(printed)


def test_a_real_briefing_validates_and_a_broken_one_does_not(tmp_path):
    out = tmp_path / "out"
    result = briefer("brief", "seeds/001_0a9e6b4c76570040.txt", "--out", str(out), "--format", "json",
                     "--no-history")
    assert result.returncode == 0, result.stderr
    briefing = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(json.loads(briefer("schema").stdout))
    validator.validate(briefing)
    assert briefing["schema_version"] == SCHEMA_VERSION
    broken = {**briefing, "positions": [{**briefing["positions"][0], "statement": None}]}
    assert not validator.is_valid(broken)


def test_the_schema_keeps_what_readers_of_its_version_rely_on():
    snapshot = SNAPSHOTS / f"briefing-v{SCHEMA_VERSION}.json"
    assert snapshot.exists(), (
        f"schema_version {SCHEMA_VERSION} has no frozen schema: briefer schema > {snapshot.relative_to(ROOT)}")
    problems = breaking_changes(json.loads(snapshot.read_text(encoding="utf-8")), briefing_schema())
    assert not problems, (
        "briefing.json changed in a way that can break its readers:\n  " + "\n  ".join(problems) + "\n"
        f"Bump SCHEMA_VERSION in briefer/model.py and freeze the new schema: "
        f"briefer schema > tests/schemas/briefing-v{SCHEMA_VERSION + 1}.json")


OLD = {
    "$defs": {"Person": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}},
    "type": "object",
    "properties": {
        "title": {"type": "string"},
        "kind": {"enum": ["official", "analyst"], "type": "string"},
        "leader": {"anyOf": [{"$ref": "#/$defs/Person"}, {"type": "null"}]},
        "members": {"type": "array", "items": {"$ref": "#/$defs/Person"}},
    },
}


def _changed(**properties: Any) -> dict[str, Any]:
    return {**OLD, "properties": {**OLD["properties"], **properties}}


@pytest.mark.parametrize("new, expected", [
    (OLD, []),
    (_changed(source_count={"type": "integer"}), []),
    (_changed(kind={"enum": ["official", "analyst", "observer"], "type": "string"}), []),
    (_changed(title={"anyOf": [{"type": "string"}, {"type": "null"}]}), ["$.title: may now be null"]),
    ({**OLD, "properties": {k: v for k, v in OLD["properties"].items() if k != "title"}}, ["$.title: removed"]),
    (_changed(members={"type": "array", "items": {"type": "string"}}), ["$.members[]: may now be string"]),
    ({**OLD, "$defs": {"Person": {"type": "object", "properties": {"name": {"type": "string"}}}}},
     ["$.leader.name: no longer always present", "$.members[].name: no longer always present"]),
])
def test_breaking_changes_are_told_from_additions(new, expected):
    assert breaking_changes(OLD, new) == expected
