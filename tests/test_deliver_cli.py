"""`briefer brief --email` end to end: a real SMTP server (aiosmtpd) on a free loopback port."""

from __future__ import annotations

import os
import socket
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from in_process import Ran
from in_process import briefer as run_briefer
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "c0rrect-h0rse-Battery"
ARTICLE = """Ukraine names its team for the Istanbul talks

KYIV, Nov 21 (Test Wire) - The Ukrainian delegation will be led by Defence Minister Rustem Umerov, \
the presidential office said on Friday.

The talks will be held at the Dolmabahce Palace in Istanbul, Turkey.

It is not clear whether Vladimir Putin will attend the talks in person.
"""
FILES = ("brief.md", "brief.html", "brief.pdf", "briefing.json")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Recorder:
    """Keeps every message the server accepts."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def auth_server():
    """An aiosmtpd server that requires a login (over plain SMTP, as on a local relay)."""
    handler = Recorder()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, authenticator=authenticator,
                            auth_required=True, auth_require_tls=False)
    controller.start()
    yield handler, port
    controller.stop()


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "ukraine.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def briefer(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> Ran:
    """The CLI with no BRIEFER_* setting of the environment the tests run in, and `env` on top."""
    environ: dict[str, str | None] = {k: None for k in os.environ if k.startswith("BRIEFER_")}
    environ.update(env or {})
    return run_briefer(*args, env=environ, cwd=cwd)


def smtp_env(port: int, **extra: str) -> dict[str, str]:
    return {"BRIEFER_SMTP_HOST": "127.0.0.1", "BRIEFER_SMTP_PORT": str(port), "BRIEFER_SMTP_SECURITY": "none",
            "BRIEFER_FROM": "desk@example.org", **extra}


pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


def test_the_brief_is_mailed_to_the_audience_list_with_its_files(auth_server, article, tmp_path):
    handler, port = auth_server
    config = tmp_path / "briefer.toml"
    config.write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\nuser = "desk"\n'
        'from = "Negotiations desk <desk@example.org>"\n\n'
        '[audiences.analyst]\nrecipients = ["ana@example.org", "Ben Ode <ben@example.net>"]\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"

    result = briefer("brief", str(article), "--config", str(config), "--out", str(out), "--email",
                     "--date", "2026-11-23", "--title", "Istanbul talks brief", "--no-history",
                     env={"BRIEFER_SMTP_PASSWORD": PASSWORD})

    assert result.returncode == 0, result.stderr
    assert "Mailed the brief to ana@example.org, Ben Ode <ben@example.net>." in result.stderr
    [envelope] = handler.envelopes
    assert envelope.mail_from == "desk@example.org"
    assert envelope.rcpt_tos == ["ana@example.org", "ben@example.net"]
    message = message_from_bytes(envelope.content, policy=policy.default)
    assert message["Subject"] == "Istanbul talks brief — 2026-11-23"
    assert message["From"] == "Negotiations desk <desk@example.org>"
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert text == (out / "brief.md").read_text(encoding="utf-8")
    html = message.get_body(("html",)).get_content().replace("\r\n", "\n")
    assert html == (out / "brief.html").read_text(encoding="utf-8")
    [attachment] = message.iter_attachments()
    assert attachment.get_filename() == "brief-2026-11-23.pdf"
    assert attachment.get_content() == (out / "brief.pdf").read_bytes()


def test_a_wrong_password_exits_6_with_one_line_and_never_shows_the_password(auth_server, article, tmp_path):
    handler, port = auth_server
    wrong = "not-the-" + PASSWORD
    out = tmp_path / "out"

    result = briefer("-v", "brief", str(article), "--out", str(out), "--email", "--to", "ana@example.org",
                     "--no-history", env=smtp_env(port, BRIEFER_SMTP_USER="desk", BRIEFER_SMTP_PASSWORD=wrong))

    assert result.returncode == 6
    assert result.stderr.strip().splitlines()[-1] == (
        f"briefer: error: cannot send the brief through 127.0.0.1:{port}: "
        "authentication failed (535 5.7.8 Authentication credentials invalid)"
    )
    assert wrong not in result.stdout + result.stderr
    assert handler.envelopes == []
    assert all((out / name).stat().st_size > 0 for name in FILES)


def test_a_dead_server_exits_6_after_the_retries_and_leaves_the_files(article, tmp_path):
    port = free_port()
    out, history = tmp_path / "out", tmp_path / "history.sqlite"

    result = briefer("brief", str(article), "--out", str(out), "--email", "--to", "ana@example.org",
                     "--history", str(history), "--date", "2026-11-23",
                     env=smtp_env(port, BRIEFER_SMTP_RETRIES="2", BRIEFER_SMTP_BACKOFF="0.05"))

    assert result.returncode == 6
    assert result.stderr.strip().splitlines() == [
        f"briefer: error: cannot send the brief through 127.0.0.1:{port}: connection refused (after 3 attempts)"
    ]
    assert all((out / name).stat().st_size > 0 for name in FILES)
    pdf_text = " ".join(page.extract_text() or "" for page in PdfReader(out / "brief.pdf").pages)
    assert "Rustem Umerov" in " ".join(pdf_text.split())
    listed = briefer("history", "list", "--history", str(history))
    assert [line.split("\t")[0] for line in listed.stdout.splitlines()] == ["DATE", "2026-11-23"]


def test_a_dry_run_writes_the_message_as_brief_eml(article, tmp_path):
    out = tmp_path / "out"

    result = briefer("brief", str(article), "--out", str(out), "--email", "--dry-run", "--to", "ana@example.org",
                     "--no-history", "--date", "2026-11-23")

    assert result.returncode == 0, result.stderr
    message = message_from_bytes((out / "brief.eml").read_bytes(), policy=policy.default)
    assert message["To"] == "ana@example.org"
    assert message["Subject"] == "Negotiations brief — 2026-11-23"
    [attachment] = message.iter_attachments()
    assert attachment.get_content() == (out / "brief.pdf").read_bytes()
    assert "Mailed" not in result.stderr


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        ((), {}, "no recipients: give --to ADDRESS or recipients for the audience in briefer.toml"),
        (("--to", "ana@example.org"), {}, "no SMTP server: set [smtp] host in briefer.toml or BRIEFER_SMTP_HOST"),
        (("--to", "ana@example.org\nBcc: x@example.com"), {}, "recipient: not an email address"),
        (("--to", "ana@example.org", "--format", "md,json"), {}, "--email needs the md, html and pdf formats"),
    ],
)
def test_email_problems_are_found_before_any_work(article, tmp_path, args, env, message):
    out = tmp_path / "out"
    result = briefer("brief", str(article), "--out", str(out), "--email", *args, env=env, cwd=tmp_path)
    assert result.returncode in (2, 3)
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("briefer: error: ") and message in line
    assert not out.exists()
