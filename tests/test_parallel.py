"""Scale-out: --jobs worker processes and a Dask cluster give the briefing a single process gives."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from in_process import briefer as run
from ruamel.yaml import YAML

from briefer import extract  # noqa: F401 (registers the views and checks rules name)
from briefer.model import Briefing
from briefer.nlp import EVERYTHING, LEMMAS, PARSE, TAGS, load_pipeline
from briefer.rules import load_knowledge
from briefer.rules.needs import pipeline_needs
from briefer.rules.schema import Rule

ROOT = Path(__file__).resolve().parent.parent
DAY = "2026-11-23"
TWO_SEEDS = ("seeds/001_0a9e6b4c76570040.txt", "seeds/002_5568988d6b8846f3.txt")


def extract_json(*args: str, sources: tuple[str, ...] = ("seeds/",)) -> str:
    result = run("extract", *sources, "--date", DAY, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def one_process() -> str:
    return extract_json()


def test_two_jobs_give_the_same_briefing_as_one(one_process):
    two_jobs = extract_json("--jobs", "2")
    assert two_jobs == one_process
    briefing = Briefing.model_validate_json(two_jobs)
    assert briefing.positions and briefing.delegations and briefing.venues and briefing.open_questions


def test_more_jobs_than_articles_still_gives_the_same_briefing():
    assert extract_json("--jobs", "3", sources=TWO_SEEDS) == extract_json(sources=TWO_SEEDS)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_dask_cluster_gives_the_same_briefing_as_one_process(one_process):
    distributed = pytest.importorskip("distributed")
    # Scheduler on loopback TCP, one worker thread in this process: the CLI connects as it would to a cluster.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp",
                                  host="127.0.0.1", scheduler_port=_free_port(), dashboard_address=None) as cluster:
        on_cluster = extract_json("--executor", "dask", "--scheduler", cluster.scheduler_address)
        worker = next(iter(cluster.workers.values()))
        assert "briefer-extractor" in worker.plugins, "the worker plugin was not registered"
        assert worker.plugins["briefer-extractor"].extractor is not None, "the worker did not load the model"
    assert on_cluster == one_process


def test_unreachable_scheduler_is_a_one_line_config_error():
    pytest.importorskip("distributed")
    import dask

    # What DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT sets when Dask is imported; it is imported already here.
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = run("extract", "seeds/", "--executor", "dask", "--scheduler", f"tcp://127.0.0.1:{_free_port()}")
    assert result.returncode == 3
    assert "cannot reach the Dask scheduler" in result.stderr and "Traceback" not in result.stderr


def test_dask_not_installed_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` fails as when it is not installed
    monkeypatch.delitem(sys.modules, "briefer.executors.cluster", raising=False)
    result = run("extract", "seeds/", "--executor", "dask", "--scheduler", "tcp://127.0.0.1:8786")
    assert result.returncode == 3
    assert "pip install 'briefer[cluster]'" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--executor", "dask"], "--executor dask needs --scheduler"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler goes with --executor dask"),
    (["--executor", "spark"], "choose local or dask"),
    (["--executor", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--jobs", "2"], "--jobs is for the local executor"),
])
def test_executor_usage_errors_exit_2(args, message):
    result = run("extract", "seeds/", *args)
    assert result.returncode == 2 and message in result.stderr


def test_builtin_rules_need_the_whole_pipeline(knowledge):
    assert pipeline_needs(loaded.rule for loaded in knowledge.ruleset.rules) == EVERYTHING


def _rule(**fields) -> Rule:
    base = {"id": "t.rule", "description": "test", "section": "open_questions", "kind": "token",
            "patterns": [[{"TEXT": "?"}]], "emit": {"text": "$sentence"}}
    return Rule.model_validate({**base, **fields})


@pytest.mark.parametrize(("fields", "needs"), [
    ({}, set()),
    ({"kind": "regex", "patterns": [r"(?P<q>\w+)\?"], "emit": {"text": "@q"}}, set()),
    ({"patterns": [[{"LEMMA": "say"}]]}, {LEMMAS}),
    ({"patterns": [[{"LOWER": "x"}, {"POS": {"IN": ["VERB"]}}]]}, {TAGS}),
    ({"patterns": [[{"DEP": "nsubj"}]]}, {PARSE}),
    ({"kind": "regex", "patterns": [r"(?P<q>\w+)\?"], "emit": {"text": "@q.phrase"}}, {PARSE}),
    ({"section": "positions", "kind": "regex", "patterns": [r"(?P<s>\w+) said (?P<t>.+)"],
      "emit": {"speaker": "@s.text", "statement": "@t"}}, {PARSE}),
])
def test_rule_needs(fields, needs):
    assert pipeline_needs([_rule(**fields)]) == needs


def test_pipeline_without_parse_or_tags_splits_sentences_and_finds_entities():
    nlp = load_pipeline(needs=())
    assert not {"parser", "tagger", "attribute_ruler", "lemmatizer"} & set(nlp.pipe_names)
    doc = nlp("Talks with Sergey Lavrov resume in Geneva. Will they last?\nA heading line\nNext paragraph here.")
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences == ["Talks with Sergey Lavrov resume in Geneva.", "Will they last?", "A heading line",
                         "Next paragraph here."]
    assert "Sergey Lavrov" in {e.text for e in doc.ents}


def test_rules_needing_no_parse_run_on_the_light_pipeline(tmp_path):
    """Every built-in rule off, one question rule on: no parser, tagger or lemmatizer is loaded."""
    off = [{"id": loaded.rule.id, "enabled": False} for loaded in load_knowledge().ruleset.rules]
    question = {"id": "test.any-question", "description": "every sentence with a question mark",
                "section": "open_questions", "kind": "token", "patterns": [[{"TEXT": "?"}]],
                "emit": {"text": "$sentence"}}
    with (tmp_path / "light.yml").open("w") as handle:
        YAML().dump({"version": 1, "rules": [*off, question]}, handle)
    result = run("-v", "extract", "seeds/", "--date", DAY, "--rules", str(tmp_path))
    assert result.returncode == 0, result.stderr
    loaded_line = next(line for line in result.stderr.splitlines() if "loaded spaCy pipeline" in line)
    for component in ("parser", "tagger", "attribute_ruler", "lemmatizer"):
        assert component not in loaded_line
    assert "sentencizer" in loaded_line and "ner" in loaded_line
    light = Briefing.model_validate_json(result.stdout)
    assert not (light.positions or light.delegations or light.venues)
    seeds = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in (ROOT / "seeds").glob("*.txt"))
    assert len(light.open_questions) >= 10
    for item in light.open_questions:
        assert "?" in item.text and item.text in seeds.replace("’", "'").replace("“", '"').replace("”", '"')


def test_bench_corpus_articles_are_all_kept_by_ingest(tmp_path):
    """The benchmark's generated articles are distinct: ingest drops none as a duplicate."""
    import importlib.util

    from briefer.pipeline import Settings, read_articles

    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "scripts" / "make_corpus.py")
    make_corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_corpus)
    paths = make_corpus.make_corpus(23, tmp_path, words=150)
    articles, failures = read_articles(Settings(sources=[str(tmp_path)]))
    assert len(paths) == len(articles) == 23 and not failures
    assert len({a.id for a in articles}) == 23
    assert sum(len(a.text.split()) for a in articles) >= 23 * 100
