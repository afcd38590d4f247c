"""The command line run inside the test process: typer's CliRunner streams, `briefer.cli.main` with its real error
handling, and the spaCy pipeline the session has already loaded (see `conftest.py`).

A subprocess pays Python start-up, imports and the model load (seconds) on every call; most CLI tests need none of
that. A few tests keep a real `python -m briefer` process (`tests/test_cli_smoke.py`).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from briefer.cli import main

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Ran:
    """What a finished command left: its exit code and what it wrote, as `subprocess.CompletedProcess` holds them."""

    returncode: int
    stdout: str
    stderr: str


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    return exc.code if isinstance(exc.code, int) else 1


def extract_json(folder: Path, texts: Mapping[str, str]) -> dict:
    """The JSON `briefer extract` gives for the articles `texts` ({file name: text}), written into `folder`."""
    import json

    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = briefer("extract", str(folder), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def briefer(
    *args: str, stdin: str | None = None, env: Mapping[str, str | None] | None = None, cwd: Path = ROOT
) -> Ran:
    """Run `briefer ARGS` in this process, in `cwd`, with `env` set on top of the environment (None unsets)."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level  # the CLI's callback configures logging: put it back after
    here = Path.cwd()
    os.chdir(cwd)
    try:
        with CliRunner().isolation(input=stdin, env=env) as (stdout, stderr, _):
            try:
                main(list(args))
                code = 0
            except SystemExit as exc:
                code = _exit_code(exc)
            finally:
                for stream in (sys.stdout, sys.stderr):
                    stream.flush()
            return Ran(code, stdout.getvalue().decode("utf-8"), stderr.getvalue().decode("utf-8", "replace"))
    finally:
        os.chdir(here)
        root.handlers[:] = handlers
        root.setLevel(level)
