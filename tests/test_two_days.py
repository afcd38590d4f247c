"""The daily run never ends with nothing: a second day whose articles share nothing with the first (the news moved
on) still fits every audience's page limit, its "What changed" section counting what it does not list."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from in_process import briefer
from pypdf import PdfReader

from briefer.model import Briefing

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def folder_of(base: Path, name: str, articles: list[Path]) -> Path:
    folder = base / name
    folder.mkdir()
    for article in articles:
        shutil.copy(article, folder / article.name)
    return folder


@pytest.fixture(scope="module")
def day_one(tmp_path_factory) -> Path:
    """The history after the first morning's brief (the first three seeds)."""
    base = tmp_path_factory.mktemp("day-one")
    history = base / "history.sqlite"
    result = briefer("brief", str(folder_of(base, "articles", SEEDS[:3])), "--date", "2026-11-22", "--out",
                     str(base / "out"), "--format", "json", "--history", str(history))
    assert result.returncode == 0, result.stderr
    return history


@pytest.mark.parametrize("audience", ["analyst", "executive", "base"])
def test_a_second_day_of_other_articles_is_briefed_for_every_audience(day_one, tmp_path, audience):
    history = tmp_path / "history.sqlite"
    shutil.copy(day_one, history)
    out = tmp_path / "out"
    formats = "md,pdf,json" if audience == "executive" else "md,json"  # only the executive PDF is read
    result = briefer("brief", str(folder_of(tmp_path, "articles", SEEDS[3:])), "--date", "2026-11-23",
                     "--audience", audience, "--out", str(out), "--format", formats, "--history", str(history))
    assert result.returncode == 0, result.stderr
    briefing = Briefing.model_validate_json((out / "briefing.json").read_text(encoding="utf-8"))
    changes = briefing.changes
    assert changes is not None and changes.previous_date == "2026-11-22"
    assert len(changes.dropped) > 3  # the first day's items are gone
    markdown = (out / "brief.md").read_text(encoding="utf-8")
    assert "## What changed since" in markdown
    if audience == "executive":
        assert len(PdfReader(out / "brief.pdf").pages) <= 2
        assert markdown.count("- **Dropped**") == 3
        assert f"{len(changes.dropped)} dropped in all;" in markdown
        assert "the analyst brief lists them all." in markdown
    else:
        assert markdown.count("- **Dropped**") == len(changes.dropped)
