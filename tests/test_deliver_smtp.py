"""Sending the brief to real SMTP servers (aiosmtpd) on free loopback ports."""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import socket
import ssl
import threading
import time
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from briefer.deliver import SmtpSettings, build_message, send_message
from briefer.errors import DeliveryError

SENDER = "briefer@example.org"
RECIPIENTS = ["ana@example.org", "ben@example.net"]
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\r\n%%EOF\r\n"
PASSWORD = "s3cret-Pa55word"


def free_port() -> int:
    """A loopback port nothing listens on (aiosmtpd cannot bind port 0)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Recorder:
    """An aiosmtpd handler that keeps what arrives, after answering DATA with canned replies."""

    def __init__(self, replies: list[str] | None = None):
        self.replies = list(replies or [])
        self.data_calls = 0
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.data_calls += 1
        if self.replies:
            return self.replies.pop(0)
        self.envelopes.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server():
    """Start aiosmtpd with the given keyword arguments; stop every server at teardown."""
    controllers = []

    def start(handler: Recorder, **server_kwargs) -> int:
        port = free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port, **server_kwargs)
        controller.start()
        controllers.append(controller)
        return port

    yield start
    for controller in controllers:
        controller.stop()


def settings(port: int, **overrides) -> SmtpSettings:
    values = dict(host="127.0.0.1", port=port, security="none", sender=SENDER, timeout=5, backoff=0.01)
    values.update(overrides)
    return SmtpSettings(**values)


def brief_message(title: str = "Negotiations brief — Geneva"):
    return build_message(
        title=title,
        date="2026-11-23",
        sender=SENDER,
        recipients=RECIPIENTS,
        markdown="# Brief\n\nThe délégation met in Genève.\n",
        html="<h1>Brief</h1><p>The délégation met in Genève.</p>",
        pdf=PDF,
        pdf_name="brief-2026-11-23.pdf",
    )


def test_the_message_arrives_with_its_recipients_parts_and_the_pdf_byte_for_byte(smtp_server):
    handler = Recorder()
    port = smtp_server(handler)

    send_message(brief_message(), settings(port))

    [envelope] = handler.envelopes
    assert envelope.mail_from == SENDER
    assert envelope.rcpt_tos == RECIPIENTS
    received = message_from_bytes(envelope.content, policy=policy.default)
    assert received["Subject"] == "Negotiations brief — Geneva — 2026-11-23"
    text = received.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert text == "# Brief\n\nThe délégation met in Genève.\n"
    assert "<p>The délégation met in Genève.</p>" in received.get_body(("html",)).get_content()
    [attachment] = list(received.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "brief-2026-11-23.pdf"
    assert attachment.get_content() == PDF


def test_a_title_with_line_breaks_cannot_add_headers_or_recipients(smtp_server):
    handler = Recorder()
    port = smtp_server(handler)

    send_message(brief_message("Brief\r\nBcc: mallory@example.com"), settings(port))

    [envelope] = handler.envelopes
    assert envelope.rcpt_tos == RECIPIENTS
    received = message_from_bytes(envelope.content, policy=policy.default)
    assert received["Bcc"] is None
    assert received["Subject"] == "Brief Bcc: mallory@example.com — 2026-11-23"


AUTH_WITHOUT_TLS = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


def _authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        b"briefer",
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)


@AUTH_WITHOUT_TLS
def test_an_authenticating_server_accepts_the_right_password(smtp_server):
    handler = Recorder()
    port = smtp_server(handler, authenticator=_authenticator, auth_required=True, auth_require_tls=False)

    send_message(brief_message(), settings(port, user="briefer", password=PASSWORD))

    assert len(handler.envelopes) == 1


@AUTH_WITHOUT_TLS
def test_a_wrong_password_fails_at_once_naming_the_server_and_never_showing_the_password(
    smtp_server, caplog
):
    caplog.set_level(logging.DEBUG)
    handler = Recorder()
    port = smtp_server(handler, authenticator=_authenticator, auth_required=True, auth_require_tls=False)
    wrong = "Wr0ng-" + PASSWORD

    with pytest.raises(DeliveryError) as raised:
        send_message(brief_message(), settings(port, user="briefer", password=wrong))

    message = str(raised.value)
    assert message.startswith(f"cannot send the brief through 127.0.0.1:{port}: authentication failed (535")
    assert "\n" not in message
    assert "attempts" not in message  # 535 is not retried
    assert raised.value.exit_code == 6
    assert wrong not in message and wrong not in caplog.text
    assert handler.envelopes == []


def test_a_server_that_is_down_fails_after_the_retries_with_growing_waits(caplog):
    caplog.set_level(logging.INFO, logger="briefer")
    port = free_port()
    waits: list[float] = []

    with pytest.raises(DeliveryError) as raised:
        send_message(brief_message(), settings(port, retries=3, backoff=0.5), sleep=waits.append)

    assert str(raised.value) == (
        f"cannot send the brief through 127.0.0.1:{port}: connection refused (after 4 attempts)"
    )
    assert waits == [0.5, 1.0, 2.0]
    retries_logged = [r for r in caplog.records if r.name == "briefer.deliver.smtp"]
    assert len(retries_logged) == 3


def test_a_server_that_drops_every_connection_is_tried_a_bounded_number_of_times():
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    port = listener.getsockname()[1]
    accepted = []
    done = threading.Event()

    def drop_connections():
        while not done.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            accepted.append(conn)
            conn.close()

    thread = threading.Thread(target=drop_connections, daemon=True)
    thread.start()
    started = time.monotonic()
    try:
        with pytest.raises(DeliveryError, match="connection unexpectedly closed \\(after 3 attempts\\)"):
            send_message(brief_message(), settings(port, retries=2, backoff=0.05))
    finally:
        done.set()
        thread.join(timeout=5)
        listener.close()
    assert len(accepted) == 3
    assert time.monotonic() - started >= 0.05 + 0.1


def test_a_4xx_reply_is_retried_until_the_server_accepts(smtp_server, caplog):
    caplog.set_level(logging.INFO, logger="briefer")
    handler = Recorder(replies=["451 4.3.0 Try again later", "421 4.7.0 Busy"])
    port = smtp_server(handler)

    send_message(brief_message(), settings(port))

    assert handler.data_calls == 3
    assert len(handler.envelopes) == 1
    assert "451 4.3.0 Try again later" in caplog.text


def test_a_5xx_reply_is_not_retried(smtp_server):
    handler = Recorder(replies=["554 5.7.1 Message rejected"])
    port = smtp_server(handler)

    with pytest.raises(DeliveryError) as raised:
        send_message(brief_message(), settings(port))

    assert str(raised.value) == (
        f"cannot send the brief through 127.0.0.1:{port}: server replied 554 5.7.1 Message rejected"
    )
    assert handler.data_calls == 1


# --- TLS: a test CA and a server certificate for 127.0.0.1, made in the test -------------------------


def _issue(ca_key, ca_cert, names: list[str], folder: Path, stem: str) -> tuple[Path, Path]:
    """A server certificate for `names` signed by the test CA, and its key, as PEM files."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    alt_names = []
    for name in names:
        try:
            alt_names.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            alt_names.append(x509.DNSName(name))
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    cert_path, key_path = folder / f"{stem}.pem", folder / f"{stem}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


@pytest.fixture(scope="module")
def certificates(tmp_path_factory) -> dict[str, Path]:
    """A test CA, a certificate it signed for 127.0.0.1 and one for another host, as PEM files."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    folder = tmp_path_factory.mktemp("tls")
    now = dt.datetime.now(dt.UTC)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "briefer test CA")])
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    paths = {"ca": folder / "ca.pem"}
    paths["ca"].write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    paths["cert"], paths["key"] = _issue(ca_key, ca_cert, ["localhost", "127.0.0.1"], folder, "loopback")
    paths["other_cert"], paths["other_key"] = _issue(ca_key, ca_cert, ["mail.example.org"], folder, "other")
    return paths


@pytest.fixture
def starttls_server(smtp_server, certificates):
    """Start an aiosmtpd server requiring STARTTLS and AUTH, with one of the test certificates."""

    def start(cert: str = "cert", key: str = "key") -> tuple[Recorder, int]:
        server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server_context.load_cert_chain(certificates[cert], certificates[key])
        handler = Recorder()
        port = smtp_server(
            handler,
            tls_context=server_context,
            require_starttls=True,
            authenticator=_authenticator,
            auth_required=True,
        )
        return handler, port

    return start


def test_starttls_verifies_the_server_certificate_and_delivers(starttls_server, certificates):
    handler, port = starttls_server()
    trusting = ssl.create_default_context(cafile=str(certificates["ca"]))
    assert trusting.verify_mode == ssl.CERT_REQUIRED and trusting.check_hostname

    send_message(
        brief_message(),
        settings(port, security="starttls", user="briefer", password=PASSWORD),
        ssl_context=trusting,
    )

    [envelope] = handler.envelopes
    assert envelope.rcpt_tos == RECIPIENTS
    [attachment] = message_from_bytes(envelope.content, policy=policy.default).iter_attachments()
    assert attachment.get_content() == PDF


def test_starttls_refuses_a_certificate_it_does_not_trust_without_retrying(starttls_server, caplog):
    caplog.set_level(logging.INFO, logger="briefer")
    handler, port = starttls_server()

    with pytest.raises(DeliveryError) as raised:
        send_message(brief_message(), settings(port, security="starttls", user="briefer", password=PASSWORD))

    message = str(raised.value)
    assert message.startswith(f"cannot send the brief through 127.0.0.1:{port}: TLS certificate not trusted")
    assert "attempts" not in message
    assert [r for r in caplog.records if r.name.startswith("briefer")] == []
    assert handler.envelopes == []


def test_starttls_refuses_a_trusted_certificate_for_another_host(starttls_server, certificates):
    handler, port = starttls_server("other_cert", "other_key")
    trusting = ssl.create_default_context(cafile=str(certificates["ca"]))

    with pytest.raises(DeliveryError, match="TLS certificate not trusted .*mismatch"):
        send_message(
            brief_message(),
            settings(port, security="starttls", user="briefer", password=PASSWORD),
            ssl_context=trusting,
        )
    assert handler.envelopes == []


def test_implicit_tls_on_connect_verifies_the_certificate_and_delivers(smtp_server, certificates):
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(certificates["cert"], certificates["key"])
    handler = Recorder()
    port = smtp_server(handler, ssl_context=server_context)
    trusting = ssl.create_default_context(cafile=str(certificates["ca"]))

    send_message(brief_message(), settings(port, security="ssl"), ssl_context=trusting)

    [envelope] = handler.envelopes
    assert envelope.rcpt_tos == RECIPIENTS
