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
