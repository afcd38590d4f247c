"""The CLI end to end on the seeds, as a user runs it: files written, read back and checked."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from in_process import briefer as run
from pypdf import PdfReader

from briefer.model import Briefing

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def brief_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("brief")
    result = run("brief", "seeds/", "--out", str(out), "--date", "2026-11-23", "--title", "Seeds brief")
    assert result.returncode == 0, result.stderr
    return out


def test_brief_writes_all_four_files(brief_dir):
    for name in ("brief.md", "brief.html", "brief.pdf", "briefing.json"):
        assert (brief_dir / name).stat().st_size > 0, name


def test_briefing_json_validates_against_the_model(brief_dir):
    briefing = Briefing.model_validate_json((brief_dir / "briefing.json").read_text(encoding="utf-8"))
    assert briefing.schema_version == 1
    assert {s.id for s in briefing.sources} == {p.stem for p in (ROOT / "seeds").glob("*.txt")}
    assert briefing.title == "Seeds brief" and briefing.date == "2026-11-23"
    for section in (briefing.delegations, briefing.venues, briefing.positions, briefing.open_questions):
        assert section, "a section is empty"
        for item in section:
            assert item.evidence and all(e.source in {s.id for s in briefing.sources} for e in item.evidence)


def test_pdf_text_names_the_delegation_leaders(brief_dir):
    briefing = json.loads((brief_dir / "briefing.json").read_text(encoding="utf-8"))
    leaders = [d["leader"]["name"] for d in briefing["delegations"] if d["leader"]]
    assert leaders
    text = " ".join((page.extract_text() or "") for page in PdfReader(brief_dir / "brief.pdf").pages)
    text = " ".join(text.split())
    for leader in leaders:
        assert leader in text


def test_markdown_has_the_four_sections_and_names_sources(brief_dir):
    markdown = (brief_dir / "brief.md").read_text(encoding="utf-8")
    for heading in ("Delegations", "Venues", "Stated positions", "Open questions"):  # within the tracks' sections
        assert re.search(rf"^### {heading}$", markdown, re.MULTILINE), heading
    # sources by title (the first sentence when an article has none), never by file id or path
    assert "Russian Delegation Speaks Out After Putin's Absence from Istanbul Talks" in markdown
    assert "In a particularly notable diplomatic gesture, Putin offered to negotiate directly with Ukraine." in markdown
    assert "000_6d8c7f681700db0c" not in markdown and "seeds/" not in markdown


def test_format_selects_the_files(tmp_path):
    result = run("brief", "seeds/001_0a9e6b4c76570040.txt", "--out", str(tmp_path), "--format", "md,json")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md", "briefing.json"]


def test_extract_prints_the_model_as_json():
    result = run("extract", "--format", "json", "seeds/001_0a9e6b4c76570040.txt")
    assert result.returncode == 0, result.stderr
    briefing = Briefing.model_validate_json(result.stdout)
    assert briefing.sources[0].id == "001_0a9e6b4c76570040"
    assert any(p.speaker.name == "Vladimir Medinsky" for p in briefing.positions)


def test_extract_reads_stdin():
    text = (ROOT / "seeds" / "001_0a9e6b4c76570040.txt").read_text(encoding="utf-8")
    result = run("extract", "-", stdin=text)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["positions"]


def test_extract_table_format():
    result = run("extract", "--format", "table", "seeds/001_0a9e6b4c76570040.txt")
    assert result.returncode == 0, result.stderr
    assert "Stated positions" in result.stdout and "Medinsky" in result.stdout


def test_version():
    from briefer import __version__

    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"briefer {__version__}"


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["brief", "no/such/file.txt"], 4, "no/such/file.txt"),
        (["brief", "seeds/", "--date", "23/11/2026"], 2, "--date"),
        (["brief", "seeds/", "--format", "docx"], 2, "docx"),
        (["brief", "seeds/", "--paper", "a5"], 2, "--paper"),
        (["extract", "seeds/", "--format", "xml"], 2, "xml"),
        (["brief", "seeds/", "--model", "no_such_model"], 3, "no_such_model"),
    ],
)
def test_bad_usage_gives_one_line_and_exit_code(args, code, needle, tmp_path):
    result = run(*args, "--out", str(tmp_path)) if args[0] == "brief" else run(*args)
    assert result.returncode == code, result.stderr
    assert needle in result.stderr
    assert "Traceback" not in result.stderr
