"""SMTP settings from briefer.toml's [smtp] table and the BRIEFER_SMTP_* variables."""

from __future__ import annotations

import pytest

from briefer.config import Config, SmtpConfig, load_config
from briefer.deliver import smtp_settings
from briefer.errors import ConfigError


def file_config(**values) -> SmtpConfig:
    return SmtpConfig.model_validate(values)


def test_the_file_gives_the_settings():
    config = file_config(host="mail.example.org", user="u", password="p", **{"from": "b@example.org"})
    settings = smtp_settings(config, {})
    assert (settings.host, settings.port, settings.security) == ("mail.example.org", 587, "starttls")
    assert (settings.user, settings.password, settings.sender) == ("u", "p", "b@example.org")
    assert settings.retries == 3 and settings.backoff == 1.0
    assert settings.server == "mail.example.org:587"


def test_the_environment_overrides_the_file():
    config = file_config(host="file.example.org", port=2525, user="u", password="p", security="none",
                         **{"from": "file@example.org"})
    environ = {
        "BRIEFER_SMTP_HOST": "env.example.org",
        "BRIEFER_SMTP_PORT": "465",
        "BRIEFER_SMTP_USER": "env-user",
        "BRIEFER_SMTP_PASSWORD": "env-pass",
        "BRIEFER_SMTP_SECURITY": "SSL",
        "BRIEFER_FROM": "env@example.org",
    }
    settings = smtp_settings(config, environ)
    assert (settings.host, settings.port, settings.security) == ("env.example.org", 465, "ssl")
    assert (settings.user, settings.password, settings.sender) == ("env-user", "env-pass", "env@example.org")


def test_retries_and_backoff_from_the_environment():
    environ = {**BASE, "BRIEFER_SMTP_RETRIES": "1", "BRIEFER_SMTP_BACKOFF": "0.25"}
    settings = smtp_settings(SmtpConfig(), environ)
    assert (settings.retries, settings.backoff) == (1, 0.25)


def test_blank_variables_do_not_override():
    config = file_config(host="file.example.org", **{"from": "b@example.org"})
    settings = smtp_settings(config, {"BRIEFER_SMTP_HOST": " ", "BRIEFER_SMTP_PORT": ""})
    assert settings.server == "file.example.org:587"


@pytest.mark.parametrize(("security", "port"), [("starttls", 587), ("ssl", 465), ("none", 25)])
def test_the_port_defaults_by_security(security, port):
    settings = smtp_settings(file_config(host="h", security=security, **{"from": "b@example.org"}), {})
    assert settings.port == port


def test_the_password_is_not_in_the_repr():
    settings = smtp_settings(file_config(host="h", password="hunter2", **{"from": "b@example.org"}), {})
    assert "hunter2" not in repr(settings)


def test_the_user_serves_as_sender_when_it_is_an_address():
    settings = smtp_settings(file_config(host="h", user="me@example.org"), {})
    assert settings.sender == "me@example.org"


BASE = {"BRIEFER_SMTP_HOST": "h", "BRIEFER_FROM": "b@x.org"}


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({}, "no SMTP server: set \\[smtp\\] host in briefer.toml or BRIEFER_SMTP_HOST"),
        ({"BRIEFER_SMTP_HOST": "h"}, "no sender address"),
        ({**BASE, "BRIEFER_SMTP_PORT": "smtp"}, "not a port"),
        ({**BASE, "BRIEFER_SMTP_PORT": "70000"}, "out of range"),
        ({**BASE, "BRIEFER_SMTP_SECURITY": "tls"}, "not one of"),
        ({**BASE, "BRIEFER_SMTP_RETRIES": "many"}, "not a number"),
        ({**BASE, "BRIEFER_SMTP_RETRIES": "50"}, "outside 0..10"),
        ({**BASE, "BRIEFER_SMTP_BACKOFF": "-1"}, "outside 0..60"),
    ],
)
def test_missing_or_bad_settings_are_config_errors(environ, message):
    with pytest.raises(ConfigError, match=message) as raised:
        smtp_settings(SmtpConfig(), environ)
    assert raised.value.exit_code == 3


def test_a_dry_run_needs_no_server_nor_sender():
    settings = smtp_settings(SmtpConfig(), {}, require_host=False)
    assert settings.host == "" and settings.sender == "briefer@localhost"


def test_settings_read_from_a_config_file(tmp_path):
    path = tmp_path / "briefer.toml"
    path.write_text(
        '[smtp]\nhost = "mail.example.org"\nport = 2525\nsecurity = "none"\nfrom = "b@example.org"\n'
    )
    config: Config = load_config(path)
    settings = smtp_settings(config.smtp, {})
    assert (settings.server, settings.security) == ("mail.example.org:2525", "none")
    assert settings.sender == "b@example.org"
