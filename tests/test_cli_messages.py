"""Messages name what the user gave exactly as given: no `[...]` in a path or URL is read as markup, and -v shows
the traceback of an unexpected error that is otherwise one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from in_process import briefer as run

import briefer.pipeline

SEED = Path(__file__).resolve().parent.parent / "seeds" / "001_0a9e6b4c76570040.txt"


def test_brackets_in_paths_urls_and_out_are_shown_as_given(tmp_path):
    folder = tmp_path / "[bold]notes"
    folder.mkdir()
    (folder / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "[red]empty.txt").write_bytes(b"")
    out = tmp_path / "[/x]out"
    url = "http://[bold]/[/x]"
    result = run("brief", str(folder), url, "--out", str(out), "--format", "md,json", "--no-history")
    assert result.returncode == 0, result.stderr
    assert f"warning: {folder / '[red]empty.txt'}: empty (0 bytes)" in result.stderr.splitlines()
    assert f"warning: {url}: malformed address ('bold' does not appear to be an ipv4 or ipv6 address)" in (
        result.stderr.splitlines())
    assert f"  wrote {out / 'brief.md'}" in result.stderr.splitlines()
    assert (out / "brief.md").is_file() and (out / "briefing.json").is_file()


@pytest.fixture
def crash(monkeypatch):
    def run_that_fails(settings, on_progress=None):
        raise RuntimeError("the [bold]unexpected[/bold] happened\nsecond line")

    monkeypatch.setattr(briefer.pipeline, "run", run_that_fails)


def test_an_unexpected_error_is_one_line_without_v(crash):
    result = run("brief", str(SEED), "--no-history")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "briefer: unexpected error: RuntimeError: the [bold]unexpected[/bold] happened (run with -v for details)"]


def test_v_shows_the_traceback_of_an_unexpected_error(crash):
    result = run("-v", "brief", str(SEED), "--no-history")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "Traceback (most recent call last):" in lines
    assert any("run_that_fails" in line for line in lines)
    assert lines[-1] == "briefer: unexpected error: RuntimeError: the [bold]unexpected[/bold] happened"
