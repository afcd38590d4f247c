"""briefer.toml: the whole file is checked when it is read, every problem reported at once with its key path."""

from __future__ import annotations

import pytest
from in_process import briefer as run

from briefer.config import load_config
from briefer.errors import ConfigError

ALLOWED = "allowed: delegations, venues, positions, open_questions, pages, words"


def test_every_problem_is_reported_with_its_key_path(tmp_path):
    path = tmp_path / "briefer.toml"
    path.write_text(
        'audience = "executive"\n'
        "[audiences.executive]\nlimits = {position = 3, pages = 2}\n"  # an audience other runs may never use
        "[audiences.analyst]\nlimits = {venues = -1}\nsections = [\"venues\", \"weather\"]\n"
        "[smtp]\nport = \"smtp\"\nhots = \"mail.example.org\"\n",
        encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value) == (
        f"{path}: 5 problems: audiences.executive.limits: unknown key 'position' ({ALLOWED}); "
        "audiences.analyst.sections.1: Input should be 'delegations', 'venues', 'positions' or 'open_questions'; "
        "audiences.analyst.limits.venues: Input should be greater than or equal to 0; "
        "smtp.port: Input should be a valid integer, unable to parse string as an integer; "
        "smtp.hots: unknown key")
    assert raised.value.exit_code == 3


def test_one_problem_is_one_line_and_any_run_reports_it(tmp_path):
    (tmp_path / "briefer.toml").write_text("[audiences.executive]\nlimits = {position = 3}\n", encoding="utf-8")
    result = run("brief", "--audience", "analyst", "--no-history", "seeds/", cwd=tmp_path)
    assert result.returncode == 3
    assert result.stderr.splitlines() == [
        f"briefer: error: {tmp_path / 'briefer.toml'}: audiences.executive.limits: unknown key 'position' ({ALLOWED})"]


def test_an_unknown_limit_is_reported_beside_a_bad_value_in_its_table(tmp_path):
    """Keys and values of a limits table are checked apart: a wrong value never hides an unknown key."""
    path = tmp_path / "briefer.toml"
    path.write_text('[audiences.executive]\nlimits = {position = 3, pages = "two", zz = -1}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value) == (
        f"{path}: 2 problems: audiences.executive.limits: unknown key 'position', 'zz' ({ALLOWED}); "
        "audiences.executive.limits.pages: Input should be a valid integer, unable to parse string as an integer")
