"""Each kind of fact is declared once (briefer/sections.py), and every stage's table covers every kind."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path

import pytest

from briefer.cli.tables import TABLES
from briefer.config import AudienceConfig
from briefer.evaluate import BRIEFING_SECTION
from briefer.history.diff import DIFFS
from briefer.model import Briefing, Item, Talks
from briefer.render.documents import AUDIENCE_LIMITS, PAGES_KEY, WORDS_KEY
from briefer.render.view import LABELS
from briefer.resolve import MERGERS, Resolved
from briefer.rules.schema import Rule, rule_file_schema
from briefer.sections import BY_NAME, DERIVED, KINDS, SECTION_FIELDS, SECTIONS, TITLES

STAGE_TABLES = {
    "resolve.MERGERS": MERGERS,
    "history.diff.DIFFS": DIFFS,
    "render.view.LABELS": LABELS,
    "cli.tables.TABLES": TABLES,
}


@pytest.mark.parametrize("table", sorted(STAGE_TABLES))
def test_every_stage_table_has_one_entry_per_section(table):
    assert list(STAGE_TABLES[table]) == list(SECTIONS), f"{table} must follow briefer/sections.py"


def test_the_evaluation_scores_every_section():
    assert set(BRIEFING_SECTION.values()) == set(SECTIONS)


def test_each_section_is_a_list_of_its_item_model_in_the_briefing_and_in_resolve():
    hints = typing.get_type_hints(Briefing)
    resolved = {f.name for f in dataclasses.fields(Resolved)}
    for kind in KINDS:
        if kind.name in SECTIONS:
            assert issubclass(kind.item, Item)
            assert typing.get_args(hints[kind.name]) == (kind.item,), kind.name
            assert kind.name in resolved
            assert kind.required and kind.emits


def test_derived_kinds_are_the_tracks_and_their_dates():
    assert DERIVED == ("talks", "dates")
    assert typing.get_args(typing.get_type_hints(Briefing)["talks"]) == (BY_NAME["talks"].item,)
    assert typing.get_args(typing.get_type_hints(Talks)["dates"]) == (BY_NAME["dates"].item,)


def test_every_kind_has_a_title_and_required_fields_a_rule_can_emit():
    assert set(TITLES) == {kind.name for kind in KINDS}
    for kind in KINDS:
        for required in kind.required:
            assert set(required.split("|")) <= kind.emits, kind.name


def test_the_rule_schema_and_the_config_take_their_sections_from_the_declaration():
    assert typing.get_args(Rule.model_fields["section"].annotation) == SECTIONS
    assert rule_file_schema()["$defs"]["Rule"]["properties"]["section"]["enum"] == list(SECTIONS)
    sections = AudienceConfig.model_json_schema()["properties"]["sections"]["anyOf"][0]["items"]["enum"]
    assert sections == list(SECTIONS)
    assert set(SECTION_FIELDS) == set(SECTIONS)


def test_audience_limits_name_only_sections():
    for limits in AUDIENCE_LIMITS.values():
        assert set(limits) <= {*SECTIONS, PAGES_KEY, WORDS_KEY}


def test_a_fact_lacking_a_required_field_is_incomplete():
    delegations = BY_NAME["delegations"]
    assert delegations.complete({"leader": "A Person"})
    assert not delegations.complete({"talks": "Geneva talks"})
    positions = BY_NAME["positions"]
    assert not positions.complete({"speaker": "A Person", "statement": ""})


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_has_its_base_templates(section):
    base = Path(__file__).resolve().parent.parent / "templates" / "base"
    assert (base / f"{section}.md.j2").is_file() and (base / f"{section}.html.j2").is_file()
