"""`briefer templates list` through the CLI."""

from __future__ import annotations

import json

from in_process import Ran, briefer


def templates_list(*args: str) -> Ran:
    result = briefer("templates", "list", *args, env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    return result


def test_templates_list_shows_audiences_and_user_overrides(tmp_path):
    (tmp_path / "venues.md.j2").write_text("{% extends 'builtin:venues.md.j2' %}\n", encoding="utf-8")
    listed = json.loads(templates_list("--json", "--templates", str(tmp_path)).stdout)
    rows = [entry for entry in listed["templates"] if entry["name"] == "venues.md.j2"]
    assert {"analyst", "executive"} <= {entry["audience"] for entry in rows}
    assert all(entry["layer"] == "user" and entry["overrides"].endswith("base/venues.md.j2") for entry in rows)
    assert {"layer": "user", "path": str(tmp_path)} in listed["folders"]


def test_templates_list_in_a_pipe_is_tab_separated(tmp_path):
    (tmp_path / "venues.md.j2").write_text("{% extends 'builtin:venues.md.j2' %}\n", encoding="utf-8")
    header, *lines = templates_list("--templates", str(tmp_path)).stdout.splitlines()
    assert header.split("\t") == ["AUDIENCE", "TEMPLATE", "FROM", "OVERRIDES"]
    rows = [line.split("\t") for line in lines]
    assert ["analyst", "venues.md.j2", "user", "built-in base/venues.md.j2"] in rows
    assert ["analyst", "brief.html.j2", "base", ""] in rows


def test_templates_list_without_user_folder_has_no_overrides():
    listed = json.loads(templates_list("--json").stdout)
    assert not any(entry["overrides"] for entry in listed["templates"])
    assert "executive" in {entry["audience"] for entry in listed["templates"]}
