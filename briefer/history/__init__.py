"""The brief history: an SQLite store of past briefs, and what changed since the previous one."""

from briefer.history.diff import mark_changes
from briefer.history.store import History, check_date, default_history_path

__all__ = ["History", "check_date", "default_history_path", "mark_changes"]
