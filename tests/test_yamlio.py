"""Parsed YAML is cached by content: the same nodes and lines, a changed file parsed again, a bad cache ignored."""

from __future__ import annotations

import pytest

from briefer import yamlio
from briefer.errors import ConfigError
from briefer.yamlio import line_of, load_yaml


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "briefer" / "yaml"


@pytest.fixture
def parses(monkeypatch):
    calls = []
    real = yamlio._parse
    monkeypatch.setattr(yamlio, "_parse", lambda path, text: calls.append(path) or real(path, text))
    return calls


def test_a_second_load_comes_from_the_cache_with_its_lines(tmp_path, cache, parses):
    path = tmp_path / "rules.yml"
    path.write_text("version: 1\nrules:\n  - id: a\n    emit: {x: 1}\n  - id: b\n", encoding="utf-8")
    first, second = load_yaml(path), load_yaml(path)
    assert parses == [path] and len(list(cache.glob("*.pickle"))) == 1
    assert second == first and second is not first
    assert (line_of(second["rules"], 1), line_of(second["rules"][0], "emit")) == (5, 4)


def test_an_edited_file_is_parsed_again(tmp_path, cache, parses):
    path = tmp_path / "rules.yml"
    path.write_text("a: 1\n", encoding="utf-8")
    load_yaml(path)
    path.write_text("a: 2\n", encoding="utf-8")
    assert load_yaml(path) == {"a": 2} and len(parses) == 2


def test_a_damaged_or_unwritable_cache_is_no_error(tmp_path, cache, parses, monkeypatch):
    path = tmp_path / "rules.yml"
    path.write_text("a: 1\n", encoding="utf-8")
    load_yaml(path)
    for entry in cache.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert load_yaml(path) == {"a": 1}
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert load_yaml(path) == {"a": 1} and len(parses) == 3


def test_a_syntax_error_is_reported_every_time(tmp_path, cache):
    path = tmp_path / "rules.yml"
    path.write_text("a: [1\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError, match="rules.yml:2: YAML syntax error"):
            load_yaml(path)
