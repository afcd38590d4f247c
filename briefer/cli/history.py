"""`briefer history list` and `briefer history show DATE`: read the brief history back."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from briefer.cli.brief import CONFIG, HISTORY, history_path
from briefer.cli.command import App, examples
from briefer.cli.listing import JSON, print_json, print_rows
from briefer.errors import UsageError

history_app = App(help="Read back the briefs recorded in the history.", no_args_is_help=True)


def _open(history: Path | None, config: Path | None):
    from briefer.config import load_config
    from briefer.history import History

    loaded = load_config(config)
    return History(history_path(history, loaded.history)), loaded


@history_app.command("list", epilog=examples("briefer history list", "briefer history list --json"))
def list_briefs(history: Path = HISTORY, config: Path = CONFIG, as_json: bool = JSON) -> None:
    """List the recorded briefs, newest first: date, number of items, title.

    On a terminal a table; in a pipe one tab-separated line per brief after a header line; --json for scripts."""
    from briefer.cli.output import stderr

    store, _ = _open(history, config)
    rows = store.dates()
    if as_json:
        print_json([{"date": day, "items": items, "title": title} for day, items, title in rows])
        return
    if not rows:
        stderr().print(f"No brief recorded in {store.path}.", highlight=False)
        return
    print_rows(("Date", "Items", "Title"), rows)


@history_app.command("show", epilog=examples(
    "briefer history show 2026-11-22", "briefer history show 2026-11-22 --format json > briefing.json"))
def show(
    day: str = typer.Argument(..., metavar="DATE", help="The brief's date, YYYY-MM-DD."),
    output_format: str = typer.Option("md", "--format", "-f", metavar="FORMAT",
                                      help="md (the brief as Markdown) or json."),
    audience: str = typer.Option(None, "--audience", "-a", metavar="NAME", help="Template set for md.",
                                 show_default="briefer.toml's, else analyst"),
    history: Path = HISTORY,
    config: Path = CONFIG,
) -> None:
    """Print the brief recorded for DATE."""
    if output_format not in {"md", "json"}:
        raise UsageError(f"--format '{output_format}': choose md or json")
    store, loaded = _open(history, config)
    briefing = store.get(day)
    if briefing is None:
        raise UsageError(f"no brief recorded for {day} in {store.path} (see `briefer history list`)")
    if output_format == "json":
        sys.stdout.write(briefing.model_dump_json(indent=2) + "\n")
        return
    from briefer.render import render_documents
    from briefer.render.formats import file_name

    documents = render_documents(
        briefing, audience=audience or loaded.audience, formats=["md"], user_templates=loaded.templates,
        config=loaded,
    )
    sys.stdout.write(documents[file_name("md")].decode("utf-8"))


def register(app: typer.Typer) -> None:
    """Add `briefer history` to the app."""
    app.add_typer(history_app, name="history")
