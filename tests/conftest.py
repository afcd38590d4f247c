"""Shared fixtures: the spaCy pipeline and the built-in rules, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def knowledge():
    from briefer.rules import load_knowledge

    loaded = load_knowledge()
    loaded.ruleset.raise_on_problems()
    return loaded


@pytest.fixture(scope="session")
def nlp(knowledge):
    from briefer.nlp import load_pipeline

    return load_pipeline(entity_patterns=knowledge.entity_patterns())


@pytest.fixture(scope="session")
def compiled(knowledge, nlp):
    return knowledge.compile(nlp.vocab)


@pytest.fixture(scope="session", autouse=True)
def _isolated_data_dir(tmp_path_factory):
    """Keep the brief history and the YAML cache of every test run (CLI subprocesses too) out of the user's
    folders."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield
