"""The typer app class of every briefer command: click's plain help, arguments and flags shown without a type.

Help is click's own formatter, not typer's rich panels: typer's rich help imports rich's Markdown, traceback and
pretty-printing modules, which made `briefer --help` cost about twice its budget of 0.3 s CPU. typer 0.29 still
writes a required argument as `{SOURCE}` with its type (`SOURCE <list[str]>`) and cuts each command's summary in
the list mid-sentence; the classes here write `SOURCE...` and whole first sentences. The --help option is made
inside typer, so the parameter list is the only place to reach its flag.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

WHOLE_SENTENCE = 1_000  # a summary limit no first sentence reaches: click then cuts at the sentence's end


def _untyped_flags(params: list[Any]) -> list[Any]:
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""  # typer shows the metavar in place of the type
    return params


def _argument_name(param: Any) -> str:
    """An argument as click writes it: its metavar (or name), `...` when it takes several."""
    name = param.metavar or param.name.upper()
    return f"{name}..." if param.nargs != 1 else name


class Command(TyperCommand):
    """A command whose help shows arguments by name alone and flags without a type."""

    def get_params(self, ctx: Any) -> list[Any]:
        """The parameters, --help included, flags without a metavar given an empty one."""
        return _untyped_flags(super().get_params(ctx))

    def get_short_help_str(self, limit: int = 45) -> str:
        """The first sentence of the help, whole."""
        return super().get_short_help_str(WHOLE_SENTENCE)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """`[OPTIONS]`, then each argument: `SOURCE...`, or `[SOURCE]...` when it may be left out."""
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name != "argument":
                pieces.extend(param.get_usage_pieces(ctx))
            elif param.required:
                pieces.append(_argument_name(param))
            else:
                pieces.append(f"[{_argument_name(param)}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        """An Arguments and an Options section, each a list of names and their help."""
        sections: dict[str, list[tuple[str, str]]] = {"Arguments": [], "Options": []}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                sections["Arguments"].append((_argument_name(param), record[1]))
            else:
                sections["Options"].append(record)
        for title, rows in sections.items():
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


class Group(TyperGroup):
    """A group of commands listed with the first sentence of each, flags without a type."""

    def get_params(self, ctx: Any) -> list[Any]:
        """The parameters, --help included, flags without a metavar given an empty one."""
        return _untyped_flags(super().get_params(ctx))

    def get_short_help_str(self, limit: int = 45) -> str:
        """The first sentence of the help, whole."""
        return super().get_short_help_str(WHOLE_SENTENCE)


class App(typer.Typer):
    """typer.Typer making Groups and Commands with click's plain help, and -h as well as --help."""

    def __init__(self, **settings: Any):
        settings.setdefault("cls", Group)
        settings.setdefault("rich_markup_mode", None)
        settings.setdefault("context_settings", {"help_option_names": ["-h", "--help"]})
        super().__init__(**settings)

    def command(self, *args: Any, **settings: Any):
        """Register a command made with `Command` unless told otherwise."""
        settings.setdefault("cls", Command)
        return super().command(*args, **settings)


def examples(*lines: str) -> str:
    """An epilog of example command lines, each on its own line, indented under 'Examples:' (click's `\\b` keeps
    the lines as they are)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)
