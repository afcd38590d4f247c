"""Publication dates: parsing `--since` and the dates sources give, and comparing them."""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime

from briefer.errors import UsageError

log = logging.getLogger(__name__)

_RELATIVE = re.compile(r"^\s*(\d+)\s*([hd])\s*$", re.IGNORECASE)
_UNITS = {"h": "hours", "d": "days"}


def parse_since(text: str, now: datetime) -> datetime:
    """`24h`, `2d` (before `now`) or an ISO date/datetime; UsageError on anything else."""
    relative = _RELATIVE.match(text)
    if relative:
        amount, unit = int(relative.group(1)), relative.group(2).lower()
        return now - timedelta(**{_UNITS[unit]: amount})
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"--since: expected a duration such as 24h or 2d, or a date YYYY-MM-DD, not {text!r}"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=now.tzinfo)
    return moment


def normalise_published(value: object) -> str | None:
    """An ISO 8601 date (YYYY-MM-DD) or datetime for what a source gives, None if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    for parse in (_parse_iso, _parse_rfc2822):
        moment = parse(text)
        if moment is not None:
            return moment
    log.warning("publication date %r is not a date briefer reads; ignored", text[:80])
    return None


def _parse_iso(text: str) -> str | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _parse_rfc2822(text: str) -> str | None:
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def is_since(published: str, since: datetime) -> bool:
    """Whether an ISO `published` is on or after `since` (a bare date counts as its whole day)."""
    if len(published) == 10:
        return date.fromisoformat(published) >= since.date()
    moment = datetime.fromisoformat(published)
    if moment.tzinfo is None or since.tzinfo is None:
        moment, since = _as_utc(moment), _as_utc(since)
    return moment >= since


def _as_utc(moment: datetime) -> datetime:
    """Naive datetimes are taken as UTC so that any two can be compared."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
