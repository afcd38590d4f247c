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
DEV2_GOLD = SHARED / "dev2" / "gold"
needs_shared = pytest.mark.skipif(not SCORE_PY.exists(), reason="../shared/gold/score.py is not here")


@pytest.fixture(scope="module")
def score_py():
    spec = importlib.util.spec_from_file_location("shared_score", SCORE_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # score.py recomputes these pure string functions on every pair (minutes on the three gold sets);
    # a cache in front of each gives the same answers in seconds.
    for name in ("fold", "party_key", "is_party_name", "_canon_token", "text_match"):
        setattr(module, name, functools.lru_cache(maxsize=None)(getattr(module, name)))
    return module


def _gold_files() -> list[dict]:
    folders = (SEED_GOLD, DEV_GOLD, DEV2_GOLD)
    return [json.loads(p.read_text(encoding="utf-8")) for d in folders for p in sorted(d.glob("*.json"))]


def _rename(person, rename):
    """A person (a name or an object with a name) with the name passed through rename."""
    if isinstance(person, str) and person:
        return rename(person)
    if isinstance(person, dict) and person.get("name"):
        return {**person, "name": rename(person["name"])}
    return person


def _renamed(doc: dict, rename) -> dict:
    """The doc with every leader's, member's and speaker's name passed through rename."""
    for delegation in doc.get("delegations", []):
        delegation["leader"] = _rename(delegation.get("leader"), rename)
        delegation["members"] = [_rename(member, rename) for member in delegation.get("members", [])]
    for position in doc.get("positions", []):
        position["speaker"] = _rename(position.get("speaker"), rename)
    return doc


def _by_demonym(doc: dict, demonyms: dict[str, str]) -> dict:
    """Parties said as "the <demonym> delegation" and people with a title and their surname ("Sheikh Thani")."""
    for delegation in doc.get("delegations", []):
        party = delegation.get("party")
        if isinstance(party, str) and party.lower() in demonyms:
            delegation["party"] = f"the {demonyms[party.lower()].title()} delegation"
    return _renamed(doc, lambda name: f"Sheikh {name.split()[-1]}")


def _as_governments(doc: dict) -> dict:
    """Parties and party speakers said as "the X delegation" / "the X government"."""
    for delegation in doc.get("delegations", []):
        if isinstance(delegation.get("party"), str):
            delegation["party"] = f"the {delegation['party']} delegation"
    return _renamed(doc, lambda name: f"the {name} government")


def _unproper_venues(doc: dict) -> dict:
    """Venues lower-cased, so none has a proper noun left."""
    for venue in doc.get("venues", []):
        if isinstance(venue, dict) and isinstance(venue.get("name"), str):
            venue["name"] = venue["name"].lower()
    return doc


def _variants(doc: dict, demonyms: dict[str, str]) -> list[dict]:
    """A gold file read as predictions: whole, texts cut in half, every other item gone, people by surname,
    by their first two names, by first and last name and by title and surname, parties as governments and by
    demonym, venues lower-cased."""
    halved, thinned = copy.deepcopy(doc), copy.deepcopy(doc)
    for section in ("positions", "open_questions"):
        for item in halved.get(section, []):
            key = "statement" if section == "positions" else "text"
            words = item[key].split()
            item[key] = " ".join(words[: max(1, len(words) // 2)])
    for section in ("delegations", "venues", "positions", "open_questions"):
        thinned[section] = thinned.get(section, [])[::2]
    surnames = _renamed(copy.deepcopy(doc), lambda name: name.split()[-1])
    first_two = _renamed(copy.deepcopy(doc), lambda name: " ".join(name.split()[:2]))
    first_last = _renamed(copy.deepcopy(doc), lambda name: " ".join(name.split()[:: max(1, len(name.split()) - 1)]))
    governments = _as_governments(copy.deepcopy(doc))
    by_demonym = _by_demonym(copy.deepcopy(doc), demonyms)
    return [doc, halved, thinned, surnames, first_two, first_last, governments, by_demonym,
            _unproper_venues(copy.deepcopy(doc))]


@needs_shared
def test_matching_equals_score_py_on_gold_files_read_as_predictions(score_py):
    golds = _gold_files()
    assert len(golds) >= 40  # seeds, dev and dev2
    demonyms = {country: demonym for demonym, country in score_py.DEMONYMS.items()}  # "north korea": "north korean"
    for gold, neighbour in zip(golds, golds[1:] + golds[:1], strict=True):
        for pred in [*_variants(gold, demonyms), neighbour]:
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
