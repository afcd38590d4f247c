"""The typer app class of every briefer command: help text as written, and no type shown for a flag.

typer 0.29 in rich markup mode keeps the line breaks of a docstring's later paragraphs, reads any
`[...]` in help text as markup (dropping it), and prints `<bool>` beside every flag as if it took a
value; the --help option is made inside typer, so the parameter list is the only place to reach it.
"""

from __future__ import annotations

import inspect
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup


def literal(text: str) -> str:
    """Text that rich markup prints as it is: every `[` escaped."""
    return text.replace("[", "\\[")


def prose(text: str | None) -> str | None:
    """A docstring as help: paragraphs reflowed onto one line each (the terminal wraps them), no markup."""
    if not text:
        return text
    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(literal(" ".join(paragraph.split())) for paragraph in paragraphs)


def _plain_help(command: Any) -> None:
    command.help = prose(command.help)
    if command.epilog:
        command.epilog = literal(command.epilog)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = literal(param.help)


def _untyped_flags(params: list[Any]) -> list[Any]:
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""  # typer shows the metavar in place of the type
    return params


class Command(TyperCommand):
    """A command whose help is shown as written and whose flags show no type."""

    def __init__(self, *args: Any, **settings: Any):
        super().__init__(*args, **settings)
        _plain_help(self)

    def get_params(self, ctx: Any) -> list[Any]:
        """The parameters, --help included, flags without a metavar given an empty one."""
        return _untyped_flags(super().get_params(ctx))


class Group(TyperGroup):
    """A group of commands whose help is shown as written and whose flags show no type."""

    def __init__(self, *args: Any, **settings: Any):
        super().__init__(*args, **settings)
        _plain_help(self)

    def get_params(self, ctx: Any) -> list[Any]:
        """The parameters, --help included, flags without a metavar given an empty one."""
        return _untyped_flags(super().get_params(ctx))


class App(typer.Typer):
    """typer.Typer making Groups and Commands, with -h as well as --help."""

    def __init__(self, **settings: Any):
        settings.setdefault("cls", Group)
        settings.setdefault("context_settings", {"help_option_names": ["-h", "--help"]})
        super().__init__(**settings)

    def command(self, *args: Any, **settings: Any):
        """Register a command made with `Command` unless told otherwise."""
        settings.setdefault("cls", Command)
        return super().command(*args, **settings)


def examples(*lines: str) -> str:
    """An epilog of example command lines, each on its own line, indented under 'Examples:'."""
    return "\nExamples:\n" + "\n".join(f"  {line}" for line in lines)  # the leading newline keeps the indent
