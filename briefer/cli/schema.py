"""`briefer schema`: the JSON Schema of briefing.json, for scripts that read it."""

from __future__ import annotations

import json
import sys

import typer

from briefer.cli.command import examples


def schema() -> None:
    """Print the JSON Schema of briefing.json (the model `briefer brief` and `briefer extract` write).

    briefing.json carries a schema_version; it goes up with every change that can break a reader: a field
    removed or renamed, a field that may hold another JSON type than before (a string that may now be null),
    a field no longer always present. New fields, and new values of a closed set (a kind, a status), come
    without a new version.
    """
    from briefer.sections import briefing_schema

    sys.stdout.write(json.dumps(briefing_schema(), indent=2, ensure_ascii=False) + "\n")


def register(app: typer.Typer) -> None:
    """Add `briefer schema` to the app."""
    app.command(epilog=examples(
        "briefer schema > briefing.schema.json",
        "check-jsonschema --schemafile briefing.schema.json out/briefing.json",
    ))(schema)
