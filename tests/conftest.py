"""Shared fixtures: the spaCy pipeline and the built-in rules, loaded once per test session."""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
# The sets scored against gold: {name: (gold folder, articles folder)}; ../shared may be absent.
SETS = {
    "seeds": (SHARED / "gold", SEEDS),
    "dev": (SHARED / "dev" / "gold", SHARED / "dev" / "articles"),
    "dev2": (SHARED / "dev2" / "gold", SHARED / "dev2" / "articles"),
}


PIPELINES_KEPT = 3  # a pipeline holds about 100 MB; the suite asks for two or three different ones


# What a pipeline reads of a Doc handed to it already tokenized (the gate's pieces): two with the same text and the
# same values here come out the same.
PRESET = ("ORTH", "SPACY", "SENT_START", "ENT_IOB", "ENT_TYPE", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "NORM")


def _input_key(text_or_doc) -> object:
    """What makes two inputs of a pipeline the same: a text, or a tokenized Doc's text and token attributes."""
    if isinstance(text_or_doc, str):
        return text_or_doc
    return text_or_doc.text, text_or_doc.to_array(list(PRESET)).tobytes()


class ParseOnce:
    """A loaded spaCy pipeline that parses each input once: the seeds go through a dozen tests, and the same
    pipeline gives the same Doc for the same text, or for the same tokenized Doc (the trigger gate hands over
    pieces of Docs). Extraction only reads Docs, so one Doc serves every test."""

    def __init__(self, nlp):
        self._nlp = nlp
        self._docs: dict[object, object] = {}

    def __getattr__(self, name: str):
        return getattr(self._nlp, name)

    def __call__(self, text_or_doc):
        key = _input_key(text_or_doc)
        if key not in self._docs:
            self._docs[key] = self._nlp(text_or_doc)
        return self._docs[key]

    def pipe(self, stream, *, as_tuples: bool = False, **options):
        items = list(stream)
        inputs = [given for given, _ in items] if as_tuples else items
        keys = [_input_key(given) for given in inputs]
        missing: dict[object, object] = {}
        for key, given in zip(keys, inputs, strict=True):
            if key not in self._docs:
                missing.setdefault(key, given)
        self._docs.update(zip(missing, self._nlp.pipe(list(missing.values()), **options), strict=True))
        for item, key in zip(items, keys, strict=True):
            yield (self._docs[key], item[1]) if as_tuples else self._docs[key]


@pytest.fixture(scope="session", autouse=True)
def _one_pipeline_per_session():
    """Load each distinct spaCy pipeline once per session: every in-process CLI run and every test asking for the
    same model, components and gazetteer entities gets the one already loaded (a load costs seconds)."""
    import briefer.executors.extractor
    import briefer.nlp

    load = briefer.nlp.load_pipeline
    loaded: OrderedDict[tuple, ParseOnce] = OrderedDict()

    def load_once(name=None, *, entity_patterns=(), exclude=(), needs=briefer.nlp.EVERYTHING):
        key = (briefer.nlp.model_name(name), json.dumps(list(entity_patterns), sort_keys=True),
               tuple(sorted(exclude)), frozenset(needs))
        if key not in loaded:
            loaded[key] = ParseOnce(load(name, entity_patterns=entity_patterns, exclude=exclude, needs=needs))
            if len(loaded) > PIPELINES_KEPT:
                loaded.popitem(last=False)
        loaded.move_to_end(key)
        return loaded[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(briefer.nlp, "load_pipeline", load_once)
        patch.setattr(briefer.executors.extractor, "load_pipeline", load_once)
        yield


def _rule_files_key(user_dirs) -> tuple:
    """What a `load_knowledge(user_dirs)` reads: each folder of the search path as given and as resolved (the
    problems name the folder as given), and the names and bytes of its rule files and gazetteers."""
    from briefer.resources import yaml_files
    from briefer.rules import search_path
    from briefer.rules.gazetteer import GAZETTEER_FOLDER

    key = []
    for folder in search_path(user_dirs):
        files = [*yaml_files(folder), *yaml_files(folder / GAZETTEER_FOLDER)]
        key.append((str(folder), str(folder.resolve()), folder.is_dir(),
                    tuple((str(path), hashlib.sha256(path.read_bytes()).hexdigest()) for path in files)))
    return tuple(key)


@pytest.fixture(scope="session", autouse=True)
def _rules_read_once():
    """Read the same rule files and gazetteers once per session (about 0.4 s a read, a hundred CLI runs read
    them): each call still gets a Knowledge of its own, whose rule lists and problems it may extend, sharing the
    parsed rules, gazetteers and lexicon, which nothing changes after loading."""
    import dataclasses

    import briefer.explain
    import briefer.rules

    load = briefer.rules.load_knowledge
    read: dict[tuple, object] = {}

    def load_once(user_dirs=()):
        try:
            key = _rule_files_key(user_dirs)
        except OSError:  # a file that cannot be read: the loader reports it
            return load(user_dirs)
        if key not in read:
            read[key] = load(user_dirs)
        first = read[key]
        ruleset = dataclasses.replace(first.ruleset, **{field.name: list(getattr(first.ruleset, field.name))
                                                        for field in dataclasses.fields(first.ruleset)})
        return dataclasses.replace(first, ruleset=ruleset)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(briefer.rules, "load_knowledge", load_once)
        patch.setattr(briefer.explain, "load_knowledge", load_once)
        yield


@pytest.fixture(scope="session")
def knowledge():
    from briefer.rules import load_knowledge

    loaded = load_knowledge()
    loaded.ruleset.raise_on_problems()
    return loaded


@pytest.fixture(scope="session")
def nlp(knowledge):
    import briefer.nlp

    return briefer.nlp.load_pipeline(entity_patterns=knowledge.entity_patterns())


@pytest.fixture(scope="session")
def compiled(knowledge, nlp):
    return knowledge.compile(nlp.vocab)


@pytest.fixture(scope="session")
def resolve_article(knowledge, nlp, compiled):
    """Extract and resolve one article in process: `resolve_article(article)` -> its Briefing."""
    from briefer.extract import extract_facts
    from briefer.resolve import resolve

    def run(article):
        return resolve([extract_facts(nlp(article.text), article, compiled, knowledge.lexicon)], knowledge.lexicon)

    return run


@pytest.fixture(scope="session")
def resolve_texts(knowledge, nlp, compiled):
    """Extract and resolve articles in process: `resolve_texts(name=text, ...)` -> their Briefing, each article
    titled by its first line."""
    from briefer.extract import extract_facts
    from briefer.model import Article
    from briefer.resolve import resolve

    def run(**texts: str):
        articles = [Article(id=name, text=text, title=text.splitlines()[0]) for name, text in texts.items()]
        return resolve([extract_facts(nlp(a.text), a, compiled, knowledge.lexicon) for a in articles],
                       knowledge.lexicon)

    return run


@pytest.fixture(scope="session")
def scores(knowledge, nlp, compiled):
    """Each set present scored once per session, every sentence parsed (no gate): {set: Evaluation}."""
    from briefer.evaluate import load_gold, score_articles
    from briefer.executors.extractor import Extractor
    from briefer.ingest import read_sources

    extractor = Extractor(nlp, compiled, knowledge.lexicon)
    found = {}
    for name, (gold_dir, article_dir) in SETS.items():
        if gold_dir.is_dir() and article_dir.is_dir():
            articles = read_sources([str(article_dir)]).articles
            found[name] = score_articles(load_gold(gold_dir), articles, extractor, knowledge.lexicon)
    return found


@pytest.fixture(scope="session")
def sides(resolve_article):
    """`sides(text)` -> {party: (leader's name or None, {member's name: role})} of one article's delegations."""
    from briefer.model import Article

    def run(text: str) -> dict[str, tuple]:
        found = resolve_article(Article(id="a", text=text))
        return {d.party: (d.leader.name if d.leader else None, {m.name: m.role for m in d.members})
                for d in found.delegations}

    return run


@pytest.fixture(scope="session", autouse=True)
def _isolated_data_dir(tmp_path_factory):
    """Keep the brief history and the YAML cache of every test run (CLI subprocesses too) out of the user's
    folders."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield
