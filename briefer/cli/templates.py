"""`briefer templates list`: the audiences, their template files, and what a user folder overrides."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from briefer.cli.brief import CONFIG
from briefer.cli.command import App, examples
from briefer.cli.listing import JSON, print_json, print_rows

templates_app = App(help="Inspect the brief's templates.", no_args_is_help=True)


@templates_app.command("list", epilog=examples(
    "briefer templates list --templates my-templates/", "briefer templates list --json"))
def list_command(
    templates: Path = typer.Option(None, "--templates", help="Your template folder, searched first.",
                                   metavar="DIR"),
    config: Path = CONFIG,
    as_json: bool = JSON,
) -> None:
    """List each audience's templates, the layer each comes from, and the built-in a user file overrides.

    On a terminal a table; in a pipe one tab-separated line per template after a header line; --json for scripts.
    """
    from briefer.config import load_config
    from briefer.render import list_templates

    entries = list_templates(templates, config=load_config(config))
    folders = [{"layer": layer, "path": folder}
               for layer, folder in sorted({(entry.layer, str(entry.path.parent)) for entry in entries})]

    def hidden(entry) -> str:
        return f"built-in {entry.overrides.parent.name}/{entry.overrides.name}" if entry.overrides else ""

    if as_json:
        print_json({"folders": folders, "templates": [
            {"audience": entry.audience, "name": entry.name, "layer": entry.layer, "path": str(entry.path),
             "overrides": str(entry.overrides) if entry.overrides else None} for entry in entries]})
        return
    if sys.stdout.isatty():
        for folder in folders:
            typer.echo(f"{folder['layer']:>8}: {folder['path']}")
    print_rows(("Audience", "Template", "From", "Overrides"),
               [(entry.audience, entry.name, entry.layer, hidden(entry)) for entry in entries],
               title="Templates by audience")


def register(app: typer.Typer) -> None:
    """Add `briefer templates` to the app."""
    app.add_typer(templates_app, name="templates")
