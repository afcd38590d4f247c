"""Help as a user reads it, and lists on a terminal: no markup debris, no type beside a flag, examples. Help runs
in process; the terminal test needs a real process writing to a pseudo-terminal."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from in_process import briefer

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = [(), ("brief",), ("extract",), ("verify",), ("explain",), ("eval",), ("schema",), ("history", "list"),
            ("history", "show"), ("rules", "check"), ("rules", "test"), ("rules", "list"), ("rules", "schema"),
            ("templates", "list")]
GROUPS = [("history",), ("rules",), ("templates",)]  # their commands' help holds the examples


def help_of(*command: str) -> str:
    result = briefer(*command, "--help", env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("command", COMMANDS + GROUPS, ids=lambda c: " ".join(c) or "briefer")
def test_help_has_no_debris(command):
    text = help_of(*command)
    assert not re.search(r"<(bool|str|int|float|path|list)", text, re.IGNORECASE), "a type beside a name"
    assert "{" not in text.splitlines()[0], "an argument in braces on the usage line"
    assert not re.search(r"\w \.(\s|$)", text), "a word, a space, a full stop: markup ate something"
    assert "( " not in text and "()" not in text
    if command not in GROUPS:
        assert "Examples:" in text and f"briefer {' '.join(command)}".strip() in text.split("Examples:")[1]


def test_the_command_list_gives_each_first_sentence_whole():
    commands = help_of().split("Commands:")[1]
    assert "..." not in commands
    assert "Build the brief: Markdown, HTML, PDF and the JSON briefing model, written to --out." in flowed(commands)
    assert "Usage: briefer brief [OPTIONS] SOURCE..." in help_of("brief")


def flowed(text: str) -> str:
    """Help text without the panels' frames, all white space one space: what the reader reads."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def test_help_keeps_brackets_and_defaults():
    brief = flowed(help_of("brief"))
    assert "[smtp] in briefer.toml" in brief
    assert "--rules DIR A folder of extra rules" in brief
    explain = flowed(help_of("explain"))
    assert "[name: text] each capture" in explain


def test_lists_on_a_terminal_are_tables():
    """stdout a terminal: a drawn table, where a pipe gets tab-separated lines."""
    import pty

    main, secondary = pty.openpty()
    with subprocess.Popen([sys.executable, "-m", "briefer", "rules", "list"], stdout=secondary,
                          stderr=subprocess.PIPE, cwd=ROOT, env={**os.environ, "COLUMNS": "200"}) as process:
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
    os.close(main)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert process.returncode == 0
    assert "built-in: rules" in screen and "│ positions.according-to" in screen and "\t" not in screen
