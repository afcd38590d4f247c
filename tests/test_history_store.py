"""The SQLite brief history: record, read back, list, replace, and clear errors."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefer.errors import ConfigError, UsageError
from briefer.history import History, default_history_path
from briefer.model import Briefing, Delegation, OpenQuestion, Person, Position, Speaker, Venue


def brief(day: str, title: str = "Negotiations brief", questions: int = 1) -> Briefing:
    return Briefing(
        generated_at=datetime.fromisoformat(f"{day}T06:00:00+00:00"),
        title=title,
        date=day,
        delegations=[Delegation(party="Ukraine", leader=Person(name="Rustem Umerov"))],
        venues=[Venue(name="Geneva", country="Switzerland")],
        positions=[Position(speaker=Speaker(name="Dmitry Peskov"), statement="Talks may resume.")],
        open_questions=[OpenQuestion(text=f"Question {n}?") for n in range(questions)],
    )


def test_a_recorded_brief_reads_back_equal(tmp_path: Path):
    history = History(tmp_path / "deep" / "history.sqlite")
    original = brief("2026-11-22")

    history.record(original)

    assert History(tmp_path / "deep" / "history.sqlite").get("2026-11-22") == original
    assert history.get("2026-11-21") is None


def test_dates_lists_date_item_count_and_title_newest_first(tmp_path: Path):
    history = History(tmp_path / "history.sqlite")
    history.record(brief("2026-11-21", questions=0))
    history.record(brief("2026-11-23", title="Evening brief", questions=3))
    history.record(brief("2026-11-22"))

    assert history.dates() == [
        ("2026-11-23", 6, "Evening brief"),
        ("2026-11-22", 4, "Negotiations brief"),
        ("2026-11-21", 3, "Negotiations brief"),
    ]


def test_a_rebuild_of_the_same_date_replaces_it(tmp_path: Path):
    history = History(tmp_path / "history.sqlite")
    history.record(brief("2026-11-22", title="First build"))
    rebuilt = brief("2026-11-22", title="Second build", questions=2)

    history.record(rebuilt)

    assert history.dates() == [("2026-11-22", 5, "Second build")]
    assert history.get("2026-11-22") == rebuilt


def test_previous_is_the_latest_brief_strictly_before_the_date(tmp_path: Path):
    history = History(tmp_path / "history.sqlite")
    for day in ("2026-11-19", "2026-11-21", "2026-11-23"):
        history.record(brief(day))

    assert history.previous("2026-11-23").date == "2026-11-21"
    assert history.previous("2026-11-22").date == "2026-11-21"
    assert history.previous("2026-11-30").date == "2026-11-23"
    assert history.previous("2026-11-19") is None


def test_reading_a_history_that_does_not_exist_creates_nothing(tmp_path: Path):
    path = tmp_path / "none" / "history.sqlite"
    history = History(path)
    assert history.dates() == []
    assert history.get("2026-11-22") is None
    assert history.previous("2026-11-22") is None
    assert not path.parent.exists()


@pytest.mark.parametrize("day", ["", "yesterday", "2026-13-01", "20261122", "2026-11-22T06:00", "2026-02-30"])
def test_a_bad_date_is_a_usage_error(tmp_path: Path, day: str):
    history = History(tmp_path / "history.sqlite")
    with pytest.raises(UsageError, match="not a date \\(YYYY-MM-DD\\)"):
        history.get(day)
    with pytest.raises(UsageError):
        history.record(brief("2026-11-22").model_copy(update={"date": day}))


def test_a_file_that_is_not_a_database_is_a_config_error(tmp_path: Path):
    path = tmp_path / "history.sqlite"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(ConfigError, match=f"{path}: cannot use the brief history"):
        History(path).dates()
    with pytest.raises(ConfigError):
        History(path).record(brief("2026-11-22"))


def test_a_history_from_a_newer_briefer_is_refused(tmp_path: Path):
    path = tmp_path / "history.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(ConfigError, match="newer briefer"):
        History(path).dates()


def test_a_stored_brief_that_no_longer_validates(tmp_path: Path, caplog):
    path = tmp_path / "history.sqlite"
    history = History(path)
    history.record(brief("2026-11-22"))
    with sqlite3.connect(path) as db:
        db.execute("UPDATE briefs SET briefing = '{\"title\": 5}'")

    with pytest.raises(ConfigError, match="the brief of 2026-11-22 cannot be read back"):
        history.get("2026-11-22")
    assert history.previous("2026-11-23") is None
    assert "cannot be read back" in caplog.text


def test_the_default_path_is_in_the_users_data_directory(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_history_path() == tmp_path / "data" / "briefer" / "history.sqlite"
    assert History().path == default_history_path()


def test_the_database_is_plain_sqlite_one_row_per_date(tmp_path: Path):
    path = tmp_path / "history.sqlite"
    History(path).record(brief("2026-11-22"))
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT date, title, items FROM briefs").fetchall()
        generated = db.execute("SELECT json_extract(briefing, '$.generated_at') FROM briefs").fetchone()[0]
    assert rows == [("2026-11-22", "Negotiations brief", 4)]
    assert datetime.fromisoformat(generated.replace("Z", "+00:00")) == datetime(2026, 11, 22, 6, tzinfo=UTC)
