"""Extraction quality guard: every section's F1 on the seeds and the development sets stays at its floor, and the
trigger gate moves none of them (beside the ungated scores it compares with: one extraction per worker).

The floors are issue 3's targets (0.90 on the seeds, 0.80 on the development set, 0.80 of member roles)
where the rules reach them. A section still below its target has its floor at the level reached when it was
last measured (rounded down to 0.05) and is marked BELOW TARGET: raise the floor as the rules improve.
Gold files live in ../shared (never copied here); the tests skip when it is absent.
"""

from __future__ import annotations

import pytest
from conftest import SETS, SHARED
from test_gate import TOLERANCE, always_cutting, f1_of

# Measured when the floors were last set: seeds people 0.94, leaders 0.91, venues 1.00, positions 0.90,
# open questions 0.99, roles 3/3; dev people 0.98, leaders 0.95, venues 0.96, positions 0.86,
# open questions 1.00, roles 17/20. Every section is at its target, so every floor is the target.
# dev2 (issue 16's targets: 0.85 per section, roles 0.80), measured with scripts/dev_score.py when its floors
# were set: people 0.90, leaders 0.87, venues 0.92, positions 0.86, open questions 1.00, roles 22/23.
FLOORS = {
    "seeds": {
        "delegation_people": 0.90,
        "delegation_leaders": 0.90,
        "venues": 0.90,
        "positions": 0.90,
        "open_questions": 0.90,
    },
    "dev": {
        "delegation_people": 0.80,
        "delegation_leaders": 0.80,
        "venues": 0.80,
        "positions": 0.80,
        "open_questions": 0.80,
    },
    "dev2": {
        "delegation_people": 0.85,
        "delegation_leaders": 0.85,
        "venues": 0.85,
        "positions": 0.85,
        "open_questions": 0.85,
    },
}
ROLE_FLOOR = 0.80


def _scored(scores, name):
    if name not in scores:
        pytest.skip(f"{SETS[name][0]} is not here")
    evaluation = scores[name]
    assert not evaluation.gold_without_article, f"gold files without their article: {evaluation.gold_without_article}"
    return evaluation


@pytest.mark.parametrize("name,section", [(n, s) for n in FLOORS for s in FLOORS[n]])
def test_section_f1_stays_at_its_floor(scores, name, section):
    evaluation = _scored(scores, name)
    precision, recall, f1 = evaluation.sections[section].scores
    assert f1 >= FLOORS[name][section], (
        f"{name} {section}: F1 {f1:.3f} (P {precision:.2f}, R {recall:.2f}) is below the floor {FLOORS[name][section]}")


@pytest.mark.parametrize("name", FLOORS)
def test_member_roles_stay_at_their_floor(scores, name):
    evaluation = _scored(scores, name)
    accuracy = evaluation.role_accuracy
    assert accuracy is None or accuracy >= ROLE_FLOOR, f"{name}: member roles right {accuracy:.2f} < {ROLE_FLOOR}"


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared is not here")
def test_visible_sets_score_the_same_with_and_without_the_gate(nlp, compiled, knowledge, scores):
    """The session's scores (every sentence parsed) against the same sets extracted through a gate that cuts."""
    from briefer.evaluate import load_gold, score_articles
    from briefer.executors.extractor import Extractor
    from briefer.ingest import read_sources

    gate = always_cutting(compiled, nlp)
    gated = Extractor(nlp, compiled, knowledge.lexicon, gate)
    assert set(scores) == {name for name, (gold_dir, folder) in SETS.items() if gold_dir.is_dir() and folder.is_dir()}
    for name, (gold_dir, folder) in SETS.items():
        if name not in scores:
            continue
        articles, gold = read_sources([str(folder)]).articles, load_gold(gold_dir)
        expected = f1_of(scores[name])
        got = f1_of(score_articles(gold, articles, gated, knowledge.lexicon))
        moved = {s: (expected[s], got[s]) for s in expected if abs(expected[s] - got[s]) > TOLERANCE}
        assert not moved, f"{name}: {moved}"
    assert gate.counts.tokens_parsed < gate.counts.tokens  # it did leave sentences out
