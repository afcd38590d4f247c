"""Gazetteers: the world knowledge beside the rules (parties, places, roles, verbs, actors)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from briefer.errors import ConfigError
from briefer.resources import yaml_files
from briefer.yamlio import load_yaml, plain

GAZETTEER_FOLDER = "gazetteers"


@dataclass
class Party:
    """A country or organisation and the names it goes by."""

    name: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capital: str | None = None
    former: list[str] = field(default_factory=list)  # aliases that are its earlier names ("Macedonia", "Burma")


@dataclass
class Actor:
    """A known person: canonical name, spellings, party and office."""

    name: str
    aliases: list[str] = field(default_factory=list)
    party: str | None = None
    role: str | None = None


@dataclass
class Gazetteers:
    """Every gazetteer file merged along the rule search path, with lookups built once (on first use, after
    `load_gazetteers` has merged every file)."""

    data: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    _word_sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def list(self, ref: str) -> list[str]:
        """A gazetteer list by reference `file.key` (e.g. `reporting.verbs`)."""
        stem, _, key = ref.partition(".")
        value = self.data.get(stem, {}).get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise KeyError(ref)
        return value

    def has_list(self, ref: str) -> bool:
        """Whether `file.key` names a list of strings."""
        try:
            self.list(ref)
        except KeyError:
            return False
        return True

    @cached_property
    def parties(self) -> list[Party]:
        """Countries and organisations."""
        return [Party(**entry) for entry in self.data.get("parties", {}).get("parties", [])]

    @cached_property
    def actors(self) -> list[Actor]:
        """Known people."""
        return [Actor(**entry) for entry in self.data.get("actors", {}).get("actors", [])]

    @cached_property
    def places(self) -> dict[str, str]:
        """City or building -> the country it is in (capitals included)."""
        places = {p.capital: p.name for p in self.parties if p.capital}
        for country, names in self.data.get("places", {}).get("places", {}).items():
            places.update({name: country for name in names})
        return places

    @cached_property
    def within(self) -> dict[str, str]:
        """A room or building -> the building or compound it lies in ("Oval Office" -> "White House")."""
        return dict(self.data.get("places", {}).get("within", {}))

    def words(self, ref: str) -> frozenset[str]:
        """A gazetteer list as a lower-case set (built once: extraction asks for it at every match)."""
        found = self._word_sets.get(ref)
        if found is None:
            found = self._word_sets[ref] = frozenset(w.lower() for w in self.list(ref))
        return found


def _merge(into: dict[str, Any], new: dict[str, Any]) -> None:
    """Later files extend earlier ones: lists are appended, mappings merged."""
    for key, value in new.items():
        old = into.get(key)
        if isinstance(old, list) and isinstance(value, list):
            old.extend(v for v in value if v not in old)
        elif isinstance(old, dict) and isinstance(value, dict):
            _merge(old, value)
        else:
            into[key] = value


def load_gazetteers(rule_dirs: Sequence[Path]) -> Gazetteers:
    """Read `gazetteers/*.yml` in every rule folder of the search path (`resources.layers`), in order: a later
    file's entries extend or replace an earlier one's."""
    gazetteers = Gazetteers()
    for folder in rule_dirs:
        for path in yaml_files(folder / GAZETTEER_FOLDER):
            content = plain(load_yaml(path))
            if not isinstance(content, dict):
                raise ConfigError(f"{path}:1: a gazetteer file must be a mapping")
            content.pop("version", None)
            _merge(gazetteers.data.setdefault(path.stem, {}), content)
            gazetteers.files.append(path)
    return gazetteers


def entity_patterns(gazetteers: Gazetteers) -> list[dict]:
    """spaCy entity ruler patterns: parties and places as GPE/ORG, known actors as PERSON."""
    patterns: list[dict] = []

    def add(label: str, text: str) -> None:
        patterns.append({"label": label, "pattern": text})

    for party in gazetteers.parties:
        label = "GPE" if party.capital else "ORG"
        for name in [party.name, *party.aliases]:
            if not name.lower().startswith("the ") and len(name) > 2:
                add(label, name)
    for place in gazetteers.places:
        add("GPE", place)
    if gazetteers.has_list("places.regions"):  # "envoy for the Horn of Africa Jane Roe": the region ends at "Africa"
        for region in gazetteers.list("places.regions"):
            add("LOC", region)
    for actor in gazetteers.actors:
        for name in [actor.name, *actor.aliases]:
            if " " in name:
                add("PERSON", name)
    return patterns
