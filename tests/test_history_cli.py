"""Two daily runs through the CLI: the second brief says what changed; `briefer history` reads them back."""

from __future__ import annotations

import json

import pytest
from in_process import briefer

from briefer.model import Briefing
from briefer.sections import SECTIONS

# Short made-up wire reports. The Ukrainian one runs on both days, respelt the second day.
UKRAINE = """Ukraine names its team for the Istanbul talks

KYIV, Nov 21 (Test Wire) - The Ukrainian delegation will be led by Defence Minister Rustem Umerov, \
the presidential office said on Friday.

The talks will be held at the Dolmabahce Palace in Istanbul, Turkey.

"Ukraine will not recognise occupied territories as Russian," President Volodymyr Zelenskiy said.

It is not clear whether Vladimir Putin will attend the talks in person.
"""
KREMLIN = """Kremlin says it is ready for talks

MOSCOW, Nov 21 (Test Wire) - Kremlin spokesman Dmitry Peskov said the Kremlin was ready for a meeting \
at the level of leaders.

The Russian delegation will be led by presidential aide Vladimir Medinsky.

Who will guarantee a ceasefire?
"""
GENEVA = """Envoys to meet in Geneva

GENEVA, Nov 22 (Test Wire) - The American delegation will be led by special envoy Steve Witkoff, \
the State Department said.

Foreign Minister Sergei Lavrov said Russia would not withdraw its troops.

When will prisoner exchanges resume?
"""
DAYS = {
    "2026-11-22": {"ukraine": UKRAINE, "kremlin": KREMLIN},
    "2026-11-23": {"ukraine": UKRAINE.replace("Zelenskiy", "Zelensky").replace("Dolmabahce", "Dolmabahçe"),
                   "geneva": GENEVA},
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    """Brief each day's articles in turn, with one history file."""
    base = tmp_path_factory.mktemp("daily")
    history = base / "history.sqlite"
    outputs = {}
    for day, articles in DAYS.items():
        folder = base / f"articles-{day}"
        folder.mkdir()
        for name, text in articles.items():
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        out = base / f"out-{day}"
        result = briefer("brief", str(folder), "--date", day, "--out", str(out), "--format", "md,json",
                         "--history", str(history))
        assert result.returncode == 0, result.stderr
        outputs[day] = (out, result)
    return {"history": history, "outputs": outputs}


def briefing(runs, day: str) -> Briefing:
    out, _ = runs["outputs"][day]
    return Briefing.model_validate_json((out / "briefing.json").read_text(encoding="utf-8"))


def items(brief: Briefing):
    return [(section, item) for section in SECTIONS for item in getattr(brief, section)]


def sources(item) -> frozenset[str]:
    return frozenset(evidence.source for evidence in item.evidence)


def test_the_first_brief_has_nothing_to_compare_with(runs):
    first = briefing(runs, "2026-11-22")
    assert first.changes is None
    assert all(item.status is None for _, item in items(first))
    assert "What changed" not in (runs["outputs"]["2026-11-22"][0] / "brief.md").read_text(encoding="utf-8")


def test_the_second_brief_marks_new_and_unchanged_items_by_their_articles(runs):
    second = briefing(runs, "2026-11-23")
    assert second.changes is not None and second.changes.previous_date == "2026-11-22"
    marked = items(second)
    assert {sources(item) for _, item in marked} == {frozenset({"ukraine"}), frozenset({"geneva"})}
    for section, item in marked:
        expected = "unchanged" if sources(item) == {"ukraine"} else "new"
        assert item.status == expected, (section, item)
    # The respelt names of the Ukrainian article are the same items as the day before.
    assert any(p.speaker.name == "Volodymyr Zelensky" and p.status == "unchanged" for p in second.positions)
    assert any(v.name == "Dolmabahçe Palace, Istanbul" and v.status == "unchanged" for v in second.venues)


def test_the_items_of_the_article_gone_are_dropped(runs):
    first, second = briefing(runs, "2026-11-22"), briefing(runs, "2026-11-23")
    only_kremlin = [(section, item) for section, item in items(first) if sources(item) == {"kremlin"}]
    assert only_kremlin
    dropped = second.changes.dropped
    assert sorted(d.section for d in dropped) == sorted(section for section, _ in only_kremlin)
    labels = {(d.section, d.label) for d in dropped}
    russia = next(d for d in first.delegations if d.party == "Russia")
    track = next(t.title for t in first.talks if t.id == russia.talks)  # dropped items name their track
    assert ("delegations", f"Russia delegation ({track})") in labels
    assert ("open_questions", "Who will guarantee a ceasefire?") in labels


def test_the_second_brief_opens_with_what_changed(runs):
    out, result = runs["outputs"]["2026-11-23"]
    markdown = (out / "brief.md").read_text(encoding="utf-8")
    assert "## What changed since 22 November 2026" in markdown
    assert "**Dropped** (Open questions): Who will guarantee a ceasefire?" in markdown
    assert "Compared with the brief of 2026-11-22." in result.stderr


def test_history_list_shows_both_days_newest_first(runs):
    result = briefer("history", "list", "--history", str(runs["history"]))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    counts = {day: len(items(briefing(runs, day))) for day in DAYS}
    assert lines == [  # in a pipe: a header line, then one tab-separated line per brief
        "DATE\tITEMS\tTITLE",
        f"2026-11-23\t{counts['2026-11-23']}\tNegotiations brief",
        f"2026-11-22\t{counts['2026-11-22']}\tNegotiations brief",
    ]


def test_history_list_as_json(runs):
    result = briefer("history", "list", "--json", "--history", str(runs["history"]))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {"date": day, "items": len(items(briefing(runs, day))), "title": "Negotiations brief"}
        for day in sorted(DAYS, reverse=True)]
    empty = briefer("history", "list", "--json", "--history", str(runs["history"].with_name("none.sqlite")))
    assert empty.returncode == 0 and json.loads(empty.stdout) == []


def test_history_show_prints_a_recorded_brief(runs):
    as_json = briefer("history", "show", "2026-11-23", "--format", "json", "--history", str(runs["history"]))
    assert as_json.returncode == 0, as_json.stderr
    assert Briefing.model_validate_json(as_json.stdout) == briefing(runs, "2026-11-23")

    as_markdown = briefer("history", "show", "2026-11-23", "--history", str(runs["history"]))
    assert as_markdown.returncode == 0, as_markdown.stderr
    assert "## What changed since 22 November 2026" in as_markdown.stdout
    assert "### Delegations" in as_markdown.stdout  # within a track's section


def test_history_show_of_a_day_not_recorded_is_one_line_exit_2(runs):
    result = briefer("history", "show", "2026-11-20", "--history", str(runs["history"]))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"briefer: error: no brief recorded for 2026-11-20 in {runs['history']} (see `briefer history list`)"
    ]
    bad = briefer("history", "show", "yesterday", "--history", str(runs["history"]))
    assert bad.returncode == 2 and "not a date (YYYY-MM-DD)" in bad.stderr


def test_an_empty_history_lists_nothing(tmp_path):
    result = briefer("history", "list", "--history", str(tmp_path / "none.sqlite"))
    assert result.returncode == 0 and result.stdout == ""
    assert "No brief recorded" in result.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_json_of_each_run_is_what_the_history_holds(runs):
    for day in DAYS:
        shown = briefer("history", "show", day, "--format", "json", "--history", str(runs["history"]))
        assert json.loads(shown.stdout) == json.loads(
            (runs["outputs"][day][0] / "briefing.json").read_text(encoding="utf-8")
        )
