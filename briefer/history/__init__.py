"""The brief history: an SQLite store of past briefs, and what changed since the previous one."""

from briefer.history.diff import mark_changes
from briefer.history.guarded import previous_brief, record_brief
from briefer.history.store import History, HistoryDamaged, check_date, default_history_path

__all__ = ["History", "HistoryDamaged", "check_date", "default_history_path", "mark_changes", "previous_brief",
           "record_brief"]
