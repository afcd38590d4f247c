"""The brief history: one SQLite file holding every recorded brief, keyed by its date."""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from pydantic import ValidationError

from briefer.errors import ConfigError, UsageError
from briefer.model import Briefing
from briefer.sections import SECTIONS

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS briefs (
    date TEXT PRIMARY KEY,       -- YYYY-MM-DD, the day the brief covers
    title TEXT NOT NULL,
    items INTEGER NOT NULL,      -- delegations + venues + positions + open questions
    recorded_at TEXT NOT NULL,   -- UTC, ISO 8601
    briefing TEXT NOT NULL       -- the Briefing as JSON
)
"""
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# SQLite's words for a file that is not a database, or one whose pages are damaged.
_DAMAGED = {"SQLITE_NOTADB", "SQLITE_CORRUPT"}


class HistoryDamaged(ConfigError):
    """The history file is not a database SQLite can read: `set_aside` it and start a new one."""


def default_history_path() -> Path:
    """`history.sqlite` in the user's data directory (e.g. ~/.local/share/briefer)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("briefer")) / "history.sqlite"


def check_date(value: str) -> str:
    """The date itself when it is a real YYYY-MM-DD date, else a UsageError."""
    try:
        if _ISO_DATE.fullmatch(value):
            date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise UsageError(f"not a date (YYYY-MM-DD): {value!r}")


def item_count(briefing: Briefing) -> int:
    """How many items the brief holds across its four sections."""
    return sum(len(getattr(briefing, section)) for section in SECTIONS)


class History:
    """Every recorded brief, one per date, in an SQLite file (created on the first record)."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else default_history_path()

    @contextmanager
    def _database(self, *, create: bool) -> Iterator[sqlite3.Connection | None]:
        """An open, checked database in a transaction; None when it does not exist and create is False."""
        if not create and not self.path.exists():
            yield None
            return
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(self.path, timeout=10)) as db, db:
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise ConfigError(f"{self.path}: history written by a newer briefer (schema {version})")
                if version < SCHEMA_VERSION:
                    db.execute(_SCHEMA)
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                yield db
        except sqlite3.DatabaseError as exc:
            error = HistoryDamaged if getattr(exc, "sqlite_errorname", "") in _DAMAGED else ConfigError
            raise error(f"{self.path}: cannot use the brief history ({exc})") from exc
        except (sqlite3.Error, OSError) as exc:
            raise ConfigError(f"{self.path}: cannot use the brief history ({exc})") from exc

    def set_aside(self) -> Path:
        """Move a damaged history file (and SQLite's journal beside it) to `<name>.damaged-<UTC time>`, so that
        the next record starts a new history; where it went."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        for suffix in ("-journal", "-wal", "-shm"):
            companion = self.path.with_name(self.path.name + suffix)
            if companion.exists():
                companion.replace(aside.with_name(aside.name + suffix))
        self.path.replace(aside)
        log.info("moved the damaged brief history %s to %s", self.path, aside)
        return aside

    def record(self, briefing: Briefing) -> None:
        """Store the brief under its date, replacing a brief already recorded for that date."""
        day = check_date(briefing.date)
        with self._database(create=True) as db:
            db.execute(
                "INSERT OR REPLACE INTO briefs (date, title, items, recorded_at, briefing)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    day,
                    briefing.title,
                    item_count(briefing),
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    briefing.model_dump_json(),
                ),
            )
        log.info("recorded the brief of %s in %s", day, self.path)

    def _load(self, day: str, stored: str) -> Briefing:
        try:
            return Briefing.model_validate_json(stored)
        except ValidationError as exc:
            problem = f"{exc.error_count()} errors, first: {exc.errors()[0]['msg']}"
            raise ConfigError(f"{self.path}: the brief of {day} cannot be read back ({problem})") from None

    def _row(self, query: str, *parameters: str) -> tuple | None:
        with self._database(create=False) as db:
            return db.execute(query, parameters).fetchone() if db else None

    def get(self, day: str) -> Briefing | None:
        """The brief recorded for `day` (YYYY-MM-DD), or None."""
        day = check_date(day)
        row = self._row("SELECT briefing FROM briefs WHERE date = ?", day)
        return self._load(day, row[0]) if row else None

    def previous(self, before_date: str) -> Briefing | None:
        """The latest brief recorded before `before_date`; None if there is none or it cannot be read."""
        query = "SELECT date, briefing FROM briefs WHERE date < ? ORDER BY date DESC LIMIT 1"
        row = self._row(query, check_date(before_date))
        if row is None:
            return None
        try:
            return self._load(row[0], row[1])
        except ConfigError as exc:
            log.warning("%s; comparing with no previous brief", exc)
            return None

    def dates(self) -> list[tuple[str, int, str]]:
        """(date, item count, title) of every recorded brief, newest first."""
        with self._database(create=False) as db:
            if db is None:
                return []
            rows = db.execute("SELECT date, items, title FROM briefs ORDER BY date DESC").fetchall()
        return [(day, items, title) for day, items, title in rows]
