"""Ingest `--since`: parsing durations and dates, and keeping recent and undated articles."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from briefer.errors import UsageError
from briefer.ingest import parse_since, read_sources

NOW = datetime(2024, 3, 10, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24h", datetime(2024, 3, 9, 12, 0, tzinfo=UTC)),
        ("2d", datetime(2024, 3, 8, 12, 0, tzinfo=UTC)),
        (" 36H ", datetime(2024, 3, 9, 0, 0, tzinfo=UTC)),
        ("2024-03-01", datetime(2024, 3, 1, tzinfo=UTC)),
        ("2024-03-01T08:30:00+01:00", datetime(2024, 3, 1, 7, 30, tzinfo=UTC)),
    ],
)
def test_parse_since(text, expected):
    assert parse_since(text, NOW) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "24", "h", "-2d", "2w", "2024-13-01"])
def test_parse_since_refuses_anything_else(text):
    with pytest.raises(UsageError, match=r"--since: expected a duration such as 24h or 2d, or a date YYYY-MM-DD"):
        parse_since(text, NOW)


def test_since_keeps_recent_and_undated_articles(tmp_path):
    records = [
        {"id": "old", "text": "Old.", "published": "2024-03-01T10:00:00Z"},
        {"id": "recent", "text": "Recent.", "published": "2024-03-09T13:00:00Z"},
        {"id": "same-day", "text": "Same day, no time.", "published": "2024-03-09"},
        {"id": "day-before", "text": "Day before, no time.", "published": "2024-03-08"},
        {"id": "naive", "text": "Naive time.", "published": "2024-03-09T12:30:00"},
        {"id": "undated", "text": "No date."},
        {"id": "garbled", "text": "Unreadable date.", "published": "last Tuesday"},
    ]
    path = tmp_path / "x.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    result = read_sources([str(path)], since=parse_since("24h", NOW))
    assert [article.id for article in result.articles] == [
        "recent",
        "same-day",
        "naive",
        "undated",
        "garbled",
    ]
    assert (result.too_old, result.undated) == (2, 2)
    assert result.failures == []
