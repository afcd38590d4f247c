"""`briefer templates list` through the CLI."""

from __future__ import annotations

from in_process import briefer


def test_templates_list_shows_audiences_and_user_overrides(tmp_path):
    (tmp_path / "venues.md.j2").write_text("{% extends 'builtin:venues.md.j2' %}\n", encoding="utf-8")
    result = briefer("templates", "list", "--templates", str(tmp_path), env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if "venues.md.j2" in line]
    audiences = {row.split("│")[1].strip() for row in rows}
    assert {"analyst", "executive"} <= audiences
    assert all("user" in row and "built-in base/venues.md.j2" in row for row in rows)
    assert str(tmp_path) in result.stdout


def test_templates_list_without_user_folder_has_no_overrides():
    result = briefer("templates", "list", env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    assert "built-in" not in result.stdout and "executive" in result.stdout
