"""A history that cannot be read never costs the daily brief: it is written with a warning, a damaged history file
is kept aside and a new one started, a history from a newer briefer is left as it is."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from in_process import briefer as run

from briefer.history import History, HistoryDamaged

SEED = Path(__file__).resolve().parent.parent / "seeds" / "001_0a9e6b4c76570040.txt"
NOTES = b"these are my notes, not a database\n" * 200


def brief(history: Path, out: Path, day: str = "2026-11-23"):
    return run("brief", str(SEED), "--out", str(out), "--format", "md,json", "--date", day, "--history", str(history))


def warnings_of(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("briefer: WARNING: ")]


def test_a_corrupt_history_is_kept_aside_and_the_brief_written_and_recorded_anew(tmp_path):
    history = tmp_path / "history.sqlite"
    history.write_bytes(NOTES)
    result = brief(history, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "brief.md").is_file()
    [aside] = tmp_path.glob("history.sqlite.damaged-*")
    assert aside.read_bytes() == NOTES  # nothing lost
    [warning] = warnings_of(result.stderr)
    assert warning == (f"briefer: WARNING: {history}: cannot use the brief history (file is not a database); "
                       f"kept it as {aside} and started a new history")
    assert [day for day, _, _ in History(history).dates()] == ["2026-11-23"]


def test_a_history_with_damaged_pages_is_set_aside_too(tmp_path):
    history = tmp_path / "history.sqlite"
    first = brief(history, tmp_path / "out", "2026-11-22")
    assert first.returncode == 0, first.stderr
    data = bytearray(history.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the first page's schema, past the header
    history.write_bytes(bytes(data))
    with pytest.raises(HistoryDamaged):
        History(history).dates()
    second = brief(history, tmp_path / "out")
    assert second.returncode == 0, second.stderr
    assert len(list(tmp_path.glob("history.sqlite.damaged-*"))) == 1
    assert [day for day, _, _ in History(history).dates()] == ["2026-11-23"]


def test_a_history_from_a_newer_briefer_is_left_alone_and_the_brief_written(tmp_path):
    history = tmp_path / "history.sqlite"
    with sqlite3.connect(history) as db:
        db.execute("PRAGMA user_version = 99")
    before = history.read_bytes()
    result = brief(history, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "briefing.json").is_file()
    assert history.read_bytes() == before and not list(tmp_path.glob("*.damaged-*"))
    assert warnings_of(result.stderr) == [
        f"briefer: WARNING: {history}: history written by a newer briefer (schema 99); "
        "the brief is not compared with the previous one",
        f"briefer: WARNING: {history}: history written by a newer briefer (schema 99); the brief is not recorded",
    ]
