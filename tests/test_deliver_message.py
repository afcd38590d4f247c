"""The brief's email message and its .eml file for --dry-run."""

from __future__ import annotations

import os
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from briefer.deliver import build_message, subject_line, write_eml
from briefer.errors import ConfigError, DeliveryError, UsageError

PDF = b"%PDF-1.7\n\x00\xff\x10binary\r\n%%EOF"


def make(**overrides):
    values = dict(
        title="Negotiations brief",
        date="2026-11-23",
        sender="briefer@example.org",
        recipients=["ana@example.org"],
        markdown="# Brief\n\nZelensky — Genève\n",
        html="<h1>Brief</h1><p>Zelensky — Genève</p>",
        pdf=PDF,
    )
    values.update(overrides)
    return build_message(**values)


def test_the_message_has_text_html_and_the_pdf_attached():
    message = make()

    assert message.get_content_type() == "multipart/mixed"
    [alternative, attachment] = message.iter_parts()
    assert alternative.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in alternative.iter_parts()] == ["text/plain", "text/html"]
    assert message.get_body(("plain",)).get_content() == "# Brief\n\nZelensky — Genève\n"
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "brief.pdf"
    assert attachment.get_content() == PDF
    assert message["From"] == "briefer@example.org"
    assert message["Date"] and message["Message-ID"].endswith("@example.org>")


@pytest.mark.parametrize(
    ("title", "date", "subject"),
    [
        ("Negotiations brief", "2026-11-23", "Negotiations brief — 2026-11-23"),
        ("Brief\r\nBcc: mallory@example.com", "2026-11-23", "Brief Bcc: mallory@example.com — 2026-11-23"),
        ("  Brief\n\n on  Gaza ", "", "Brief on Gaza"),
        ("", "2026-11-23", "Brief — 2026-11-23"),
    ],
)
def test_the_subject_is_one_line_from_title_and_date(title, date, subject):
    assert subject_line(title, date) == subject
    message = make(title=title, date=date)
    assert message["Subject"] == subject
    assert message["Bcc"] is None
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    assert parsed["Subject"] == subject and parsed["Bcc"] is None


def test_several_recipients_go_in_one_to_header():
    message = make(recipients=["ana@example.org", "ben@example.net"])
    assert [a.addr_spec for a in message["To"].addresses] == ["ana@example.org", "ben@example.net"]


@pytest.mark.parametrize(
    "recipient",
    [
        "not-an-address",
        "ana@example.org\r\nBcc: mallory@example.com",
        "Ana <ana@example.org>, b@x.org",
        "@x.org",
        "ana@",
        "a@b@c.org",
    ],
)
def test_a_bad_recipient_is_a_usage_error(recipient):
    with pytest.raises(UsageError, match="recipient: not an email address"):
        make(recipients=[recipient])


def test_a_recipient_may_carry_a_display_name():
    message = make(recipients=["Ana Ruiz <ana@example.org>", "ben@example.net"])
    assert message["To"] == "Ana Ruiz <ana@example.org>, ben@example.net"


def test_no_recipient_is_a_usage_error():
    with pytest.raises(UsageError, match="no recipients"):
        make(recipients=[])


def test_a_bad_sender_is_a_config_error():
    with pytest.raises(ConfigError, match="sender: not an email address"):
        make(sender="briefer\nBcc: x@example.com")


def test_the_attachment_name_is_a_bare_file_name():
    [_, attachment] = make(pdf_name="../../etc/brief\r\n2026.pdf").iter_parts()
    assert attachment.get_filename() == "brief 2026.pdf"


def test_write_eml_writes_a_message_that_reads_back(tmp_path: Path):
    message = make()
    path = tmp_path / "out" / "brief.eml"

    write_eml(message, path)

    parsed = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert parsed["Subject"] == "Negotiations brief — 2026-11-23"
    [attachment] = parsed.iter_attachments()
    assert attachment.get_content() == PDF
    assert os.listdir(path.parent) == ["brief.eml"]


def test_write_eml_replaces_an_existing_file(tmp_path: Path):
    path = tmp_path / "brief.eml"
    path.write_text("old")
    write_eml(make(title="Second"), path)
    assert message_from_bytes(path.read_bytes(), policy=policy.default)["Subject"] == "Second — 2026-11-23"
    assert os.listdir(tmp_path) == ["brief.eml"]


def test_write_eml_failure_is_a_delivery_error_naming_the_file(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(DeliveryError, match=f"cannot write {blocker}/brief.eml"):
        write_eml(make(), blocker / "brief.eml")
