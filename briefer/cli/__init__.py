"""The command line: typer commands, each a thin wrapper over one plain function."""

from __future__ import annotations

import logging
import sys
import traceback

import typer

from briefer import __version__
from briefer.cli import archive as _archive_commands
from briefer.cli import brief as _brief_commands
from briefer.cli import evaluate as _evaluate_commands
from briefer.cli import explain as _explain_commands
from briefer.cli import history as _history_commands
from briefer.cli import rules as _rules_commands
from briefer.cli import schema as _schema_commands
from briefer.cli import templates as _templates_commands
from briefer.cli.command import App, examples
from briefer.errors import BrieferError

app = App(
    name="briefer",
    help="Rule-based briefings on negotiations from news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=examples("briefer brief today/ --out out/", "briefer brief today/ --check --archive --audience executive",
                    "briefer history list", "briefer COMMAND --help  # each command's options and examples"),
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefer {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what each stage does."),
) -> None:
    """briefer: who negotiates, where, what they say, and what is still open."""
    handler = logging.StreamHandler(sys.stderr)  # plain lines: paths in messages are never wrapped
    handler.setFormatter(logging.Formatter("briefer: %(levelname)s: %(message)s"))
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler], force=True)


_brief_commands.register(app)
_archive_commands.register(app)
_explain_commands.register(app)
_evaluate_commands.register(app)
_history_commands.register(app)
_rules_commands.register(app)
_schema_commands.register(app)
_templates_commands.register(app)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app on `argv` (default: the command line), turn briefer's errors into one line and an
    exit code."""
    try:
        app(args=argv, prog_name="briefer")
    except BrieferError as exc:
        message = str(exc).strip() or exc.__class__.__name__
        print(f"briefer: error: {message}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except BrokenPipeError:  # `briefer ... | head`: the reader has gone, which is no error
        sys.stderr.close()
        sys.exit(0)
    except KeyboardInterrupt:
        print("briefer: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, the traceback only with -v
        verbose = logging.getLogger().isEnabledFor(logging.INFO)
        if verbose:
            traceback.print_exc(file=sys.stderr)
        first_line = (str(exc).strip().splitlines() or [""])[0]
        hint = "" if verbose else " (run with -v for details)"
        print(f"briefer: unexpected error: {exc.__class__.__name__}: {first_line}{hint}", file=sys.stderr)
        sys.exit(1)
