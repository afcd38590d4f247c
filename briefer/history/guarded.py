"""The daily run's use of the history: a history that cannot be read or updated never costs the brief.

A damaged file is kept aside and a new history started; any other problem (a history from a newer briefer, a file
that cannot be opened) leaves the file as it is. Either way the brief is written, with a warning.
"""

from __future__ import annotations

import logging

from briefer.errors import ConfigError
from briefer.history.store import History, HistoryDamaged
from briefer.model import Briefing

log = logging.getLogger(__name__)


def previous_brief(history: History, day: str) -> Briefing | None:
    """The latest brief recorded before `day`, or None when there is none or the history cannot be read."""
    try:
        return history.previous(day)
    except HistoryDamaged as exc:
        _set_aside(history, exc)
    except ConfigError as exc:
        log.warning("%s; the brief is not compared with the previous one", exc)
    return None


def record_brief(history: History, briefing: Briefing) -> None:
    """Record the brief; a damaged history is kept aside and the brief recorded in a new one."""
    try:
        history.record(briefing)
        return
    except HistoryDamaged as exc:
        _set_aside(history, exc)
    except ConfigError as exc:
        log.warning("%s; the brief is not recorded", exc)
        return
    try:
        history.record(briefing)
    except ConfigError as exc:
        log.warning("%s; the brief is not recorded", exc)


def _set_aside(history: History, problem: HistoryDamaged) -> None:
    try:
        aside = history.set_aside()
    except OSError as exc:
        log.warning("%s, and it cannot be moved aside (%s); the brief is written without it", problem,
                    exc.strerror or exc)
        return
    log.warning("%s; kept it as %s and started a new history", problem, aside)
