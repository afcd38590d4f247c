"""`briefer templates list`: the audiences, their template files, and what a user folder overrides."""

from __future__ import annotations

from pathlib import Path

import typer

templates_app = typer.Typer(help="Inspect the brief's templates.", no_args_is_help=True)


@templates_app.command("list")
def list_command(
    templates: Path = typer.Option(None, "--templates", help="Your template folder, searched first."),
    config: Path = typer.Option(None, "--config", help="Config file [default: ./briefer.toml when present]."),
) -> None:
    """List each audience's templates, the layer each comes from, and the built-in a user file overrides."""
    from rich.console import Console
    from rich.table import Table

    from briefer.config import load_config
    from briefer.render import list_templates

    console = Console()
    entries = list_templates(templates, config=load_config(config))
    folders = sorted({(entry.layer, str(entry.path.parent)) for entry in entries})
    for layer, folder in folders:
        console.print(f"{layer:>8}: {folder}", highlight=False)
    table = Table(title="Templates by audience")
    for column in ("Audience", "Template", "From", "Overrides"):
        table.add_column(column)
    for entry in entries:
        hidden = f"built-in {entry.overrides.parent.name}/{entry.overrides.name}" if entry.overrides else ""
        table.add_row(entry.audience, entry.name, entry.layer, hidden)
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add `briefer templates` to the app."""
    app.add_typer(templates_app, name="templates")
