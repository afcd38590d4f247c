"""The executive brief on the seeds and both development sets, read back from its Markdown and JSON."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEEDS, SHARED

SETS = {"seeds": SEEDS, "dev": SHARED / "dev" / "articles", "dev2": SHARED / "dev2" / "articles"}


@pytest.fixture(scope="module", params=list(SETS))
def executive(request, tmp_path_factory):
    from briefer.pipeline import Settings, extract, render

    folder = SETS[request.param]
    settings = Settings(sources=[str(folder)], out_dir=tmp_path_factory.mktemp(request.param), formats=("md", "json"),
                        audience="executive", date="2026-01-10")
    extraction = extract(settings)
    documents = render(extraction, settings)
    return folder, documents["brief.md"].decode("utf-8"), extraction.briefing


def section(markdown: str, title: str) -> str:
    found = re.search(rf"^## {title}\s*$(.*?)(?=^## |\Z)", markdown, re.MULTILINE | re.DOTALL)
    return found.group(1) if found else ""


def standalone_questions(folder: Path) -> set[str]:
    """Every article's headline, and every line that is a question by itself (a heading or closing question)."""
    lines = set()
    for path in folder.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        lines.add(text.strip().splitlines()[0].strip())
        lines |= {line.strip() for line in text.splitlines() if line.strip().endswith("?")}
    return {" ".join(line.replace("’", "'").split()) for line in lines}


def test_no_executive_open_question_is_a_headline_or_a_question_standing_alone(executive):
    folder, markdown, briefing = executive
    shown = [re.sub(r"^\d+\. ", "", line) for line in section(markdown, "Open questions").splitlines()
             if re.match(r"\d+\. ", line)]
    assert shown, "the executive brief shows no open question"
    hooks = standalone_questions(folder)
    for line in shown:
        text = re.sub(r"( \(uncertain\))?( \(raised by .*?\))? (\[\[\d+\]\]\(#src-\d+\))+$", "", line)
        assert " ".join(text.split()) not in hooks, line
    # the analyst brief keeps them, marked as raised by the coverage
    assert any(q.placement != "text" for q in briefing.open_questions) or folder != SEEDS
