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
    assert shown or folder != SEEDS, "the executive brief shows no open question"
    hooks = standalone_questions(folder)
    for line in shown:
        text = re.sub(r"( \(uncertain\))?( \(raised by .*?\))? (\[\[\d+\]\]\(#src-\d+\))+$", "", line)
        assert " ".join(text.split()) not in hooks, line
    # the analyst brief keeps them, marked as raised by the coverage
    assert any(q.placement != "text" for q in briefing.open_questions) or folder != SEEDS


def test_every_item_sits_in_one_track_and_draws_only_on_that_tracks_sources(executive):
    _, markdown, briefing = executive
    tracks = {talks.id: talks for talks in briefing.talks}
    assert tracks and len(tracks) == len(briefing.talks)
    assert {source.id for source in briefing.sources} == {s for talks in briefing.talks for s in talks.sources}
    for section in ("delegations", "venues", "positions", "open_questions"):
        for item in getattr(briefing, section):
            assert item.talks in tracks, (section, item)
            assert {e.source for e in item.evidence} <= set(tracks[item.talks].sources), (section, item)
    assert "## Bottom line" in markdown


def test_separate_meetings_of_the_development_set_are_separate_tracks(executive):
    folder, _, briefing = executive
    if folder != SETS["dev"]:
        pytest.skip("the development set's own meetings")

    def delegation_of(name: str):
        return next(d for d in briefing.delegations
                    if any(p and name in p.name for p in (d.leader, *d.members)))

    geneva, alaska, paris = delegation_of("Sherman"), delegation_of("Rubio"), delegation_of("Burns")
    assert len({geneva.talks, alaska.talks, paris.talks}) == 3  # Geneva 2022, Alaska 2025, Paris 2024
    medinsky, lavrov = delegation_of("Medinsky"), delegation_of("Lavrov")
    assert medinsky.talks != lavrov.talks  # Istanbul 2022 and Alaska 2025: no "sources differ" between them
    for delegation in briefing.delegations:
        for conflict in delegation.conflicts:
            assert not ({"Medinsky", "Lavrov"} <= {v.split()[-1] for v in conflict.values})
            assert not ({"Trump", "Sherman"} <= {v.split()[-1] for v in conflict.values})


def test_the_seeds_two_negotiations_in_istanbul_are_two_tracks_and_the_digest_is_split(executive):
    folder, _, briefing = executive
    if folder != SEEDS:
        pytest.skip("the seeds' own meetings")
    tracks_of: dict[str, set[str]] = {}
    for talks in briefing.talks:
        for source in talks.sources:
            tracks_of.setdefault(source, set()).add(talks.id)
    russia_ukraine = next(d.talks for d in briefing.delegations if d.leader and "Medinsky" in d.leader.name)
    assert tracks_of["000_6d8c7f681700db0c"] == tracks_of["001_0a9e6b4c76570040"] == {russia_ukraine}
    # the Russia-US talks on their embassies, in Istanbul too, are another track, one for all three reports
    assert russia_ukraine not in tracks_of["003_319b280a2761b26d"] | tracks_of["004_d4679412fdaedc1f"]
    assert tracks_of["003_319b280a2761b26d"] & tracks_of["004_d4679412fdaedc1f"] & tracks_of["002_5568988d6b8846f3"]
    assert len(tracks_of["002_5568988d6b8846f3"]) >= 3  # a digest of several meetings
