"""`briefer eval` through the CLI, and its matching against the shared gold scorer (score.py) where it exists."""

from __future__ import annotations

import copy
import functools
import importlib.util
import json
import sys
from pathlib import Path

import pytest
from in_process import briefer as run

from briefer.evaluate.matching import score_doc

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORE_PY = SHARED / "gold" / "score.py"
SEED_GOLD = SHARED / "gold"
DEV_GOLD = SHARED / "dev" / "gold"
needs_shared = pytest.mark.skipif(not SCORE_PY.exists(), reason="../shared/gold/score.py is not here")


@pytest.fixture(scope="module")
def score_py():
    spec = importlib.util.spec_from_file_location("shared_score", SCORE_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # Pure functions of one string that score.py calls millions of times (three quarters of this file's time):
    # remembered, they give the same answers at once.
    module.party_key = functools.cache(module.party_key)
    module._canon_token = functools.cache(module._canon_token)
    return module


def _gold_files() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for d in (SEED_GOLD, DEV_GOLD) for p in sorted(d.glob("*.json"))]


def _surname(person):
    if isinstance(person, dict) and person.get("name"):
        person["name"] = person["name"].split()[-1]


def _variants(doc: dict) -> list[dict]:
    """A gold file read as predictions: whole, texts cut in half, every other item gone, people by surname."""
    halved, thinned, surnames = copy.deepcopy(doc), copy.deepcopy(doc), copy.deepcopy(doc)
    for section in ("positions", "open_questions"):
        for item in halved.get(section, []):
            key = "statement" if section == "positions" else "text"
            words = item[key].split()
            item[key] = " ".join(words[: max(1, len(words) // 2)])
    for section in ("delegations", "venues", "positions", "open_questions"):
        thinned[section] = thinned.get(section, [])[::2]
    for delegation in surnames.get("delegations", []):
        for person in [delegation.get("leader"), *delegation.get("members", [])]:
            _surname(person)
    for position in surnames.get("positions", []):
        _surname(position.get("speaker"))
    return [doc, halved, thinned, surnames]


@needs_shared
def test_matching_equals_score_py_on_gold_files_read_as_predictions(score_py):
    golds = _gold_files()
    assert len(golds) >= 10
    for gold, neighbour in zip(golds, golds[1:] + golds[:1], strict=True):
        for pred in [*_variants(gold), neighbour]:
            theirs, their_roles = score_py.score_doc(gold, pred)
            ours = score_doc(gold, pred)
            assert list(ours.roles) == their_roles, gold["doc"]
            for section, expected in theirs.items():
                got = ours.sections[section]
                assert (got.tp_recall, got.gold, got.tp_precision, got.pred, got.missed, got.spurious) == (
                    expected["tp_recall"], expected["gold"], expected["tp_precision"], expected["pred"],
                    expected["missed"], expected["spurious"]), (gold["doc"], pred.get("doc"), section)


@needs_shared
def test_eval_on_the_seeds_equals_score_py_on_the_same_predictions(tmp_path, score_py, monkeypatch, capsys):
    predictions = tmp_path / "pred"
    result = run("eval", str(SEED_GOLD), "seeds", "--json", "--by-rule", "--predictions", str(predictions))
    assert result.returncode == 0, result.stderr
    ours = json.loads(result.stdout)
    assert sorted(ours["articles"]) == sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
    monkeypatch.setattr(sys, "argv", ["score.py", "--gold", str(SEED_GOLD), "--pred", str(predictions), "--json"])
    assert score_py.main() == 0
    theirs = json.loads(capsys.readouterr().out)
    assert ours["scores"] == theirs["scores"]
    assert ours["roles"] == theirs["roles"]
    rules = {(r["section"], r["rule"]): r for r in ours["rules"]}
    explicit = rules[("open_questions", "questions.explicit")]
    assert 0 < explicit["correct"] <= explicit["predictions"]
    assert explicit["precision"] == explicit["correct"] / explicit["predictions"]
    predicted = sum(r["predictions"] for r in ours["rules"] if r["section"] == "open_questions")
    assert predicted >= ours["scores"]["open_questions"]["pred"]  # every prediction counts for each of its rules


@needs_shared
def test_eval_predictions_are_what_extract_prints(tmp_path):
    stem = "001_0a9e6b4c76570040"
    result = run("eval", str(SEED_GOLD), f"seeds/{stem}.txt", "--predictions", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "open_questions" in result.stdout and "1 article(s) scored" in result.stdout
    extracted = run("extract", "--format", "json", f"seeds/{stem}.txt")
    assert extracted.returncode == 0, extracted.stderr
    briefing = json.loads(extracted.stdout)
    predicted = json.loads((tmp_path / f"{stem}.json").read_text(encoding="utf-8"))
    for section in ("delegations", "venues", "positions", "open_questions"):
        assert predicted[section] == briefing[section], section


@needs_shared
def test_eval_min_f1_fails_below_the_floor_and_shows_misses(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    doc = json.loads((SEED_GOLD / "003_319b280a2761b26d.json").read_text(encoding="utf-8"))
    doc["open_questions"].append({"text": "Will the moon host the next round of talks?", "required": True})
    (gold / "003_319b280a2761b26d.json").write_text(json.dumps(doc), encoding="utf-8")
    result = run("eval", str(gold), "seeds", "--show-misses", "--min-f1", "0.99")
    assert result.returncode == 1, result.stderr
    assert "MISSED   003_319b280a2761b26d open_questions: Will the moon host the next round of talks?" in result.stdout
    assert "1 article(s) scored" in result.stdout
    assert "no gold file of that name" in result.stderr  # the other four seeds


def test_eval_without_a_gold_folder_is_one_line_exit_4(tmp_path):
    result = run("eval", str(tmp_path / "missing"), "seeds")
    assert result.returncode == 4
    assert result.stderr.strip().splitlines() == [
        f"briefer: error: gold folder '{tmp_path / 'missing'}' does not exist or is not a folder"]


def test_eval_with_no_article_matching_a_gold_file_exits_4(tmp_path):
    (tmp_path / "other.json").write_text("{}", encoding="utf-8")
    result = run("eval", str(tmp_path), "seeds")
    assert result.returncode == 4
    assert "no article has a gold file" in result.stderr and "Traceback" not in result.stderr


def test_eval_with_a_broken_gold_file_names_it(tmp_path):
    (tmp_path / "000_6d8c7f681700db0c.json").write_text("{not json", encoding="utf-8")
    result = run("eval", str(tmp_path), "seeds")
    assert result.returncode == 4
    assert "000_6d8c7f681700db0c.json" in result.stderr and "Traceback" not in result.stderr
