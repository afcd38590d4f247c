"""Sending over SMTP: TLS that verifies the server, bounded retries of transient failures."""

from __future__ import annotations

import errno
import logging
import smtplib
import socket
import ssl
import time
from collections.abc import Callable
from email.message import EmailMessage

from briefer.deliver.settings import SmtpSettings
from briefer.errors import DeliveryError

log = logging.getLogger(__name__)


class _Failure(Exception):
    """One attempt's failure: a one-line reason and whether trying again may help."""

    def __init__(self, reason: str, *, transient: bool):
        super().__init__(reason)
        self.reason = reason
        self.transient = transient


def _reply(code: int, text: bytes | str) -> str:
    """An SMTP reply as one line: `451 try again later`."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    text = " ".join(text.split())
    return f"{code} {text}".strip()


def _classify(exc: smtplib.SMTPException | OSError, settings: SmtpSettings) -> _Failure:
    """Turn an exception from smtplib, ssl or the socket into a reason and a retry decision."""
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        reply = _reply(exc.smtp_code, exc.smtp_error)
        return _Failure(f"authentication failed ({reply})", transient=400 <= exc.smtp_code < 500)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        replies = [f"{rcpt}: {_reply(code, text)}" for rcpt, (code, text) in exc.recipients.items()]
        transient = all(400 <= code < 500 for code, _ in exc.recipients.values())
        return _Failure(f"recipients refused ({'; '.join(replies)})", transient=transient)
    if isinstance(exc, smtplib.SMTPResponseException):
        transient = 400 <= exc.smtp_code < 500
        return _Failure(f"server replied {_reply(exc.smtp_code, exc.smtp_error)}", transient=transient)
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return _Failure(f"server does not support it: {exc}", transient=False)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        reason = str(exc) or "connection unexpectedly closed"
        return _Failure(reason[0].lower() + reason[1:], transient=True)
    if isinstance(exc, smtplib.SMTPException):
        return _Failure(str(exc) or type(exc).__name__, transient=False)
    if isinstance(exc, ssl.SSLCertVerificationError):
        return _Failure(f"TLS certificate not trusted ({exc.verify_message})", transient=False)
    if isinstance(exc, ssl.SSLError):
        return _Failure(f"TLS failed ({exc.reason or exc})", transient=False)
    if isinstance(exc, socket.gaierror):
        return _Failure(f"cannot resolve host ({exc.strerror})", transient=exc.errno == socket.EAI_AGAIN)
    if isinstance(exc, TimeoutError):
        return _Failure(f"timed out after {settings.timeout:g} s", transient=True)
    if isinstance(exc, ConnectionRefusedError):
        return _Failure("connection refused", transient=True)
    if isinstance(exc, ConnectionResetError):
        return _Failure("connection reset", transient=True)
    reason = exc.strerror or errno.errorcode.get(exc.errno or 0) or str(exc) or type(exc).__name__
    return _Failure(reason[0].lower() + reason[1:], transient=True)


def _scrub(text: str, settings: SmtpSettings) -> str:
    """Remove the password from a text, should a server ever echo it."""
    return text.replace(settings.password, "***") if settings.password else text


def _attempt(message: EmailMessage, settings: SmtpSettings, context: ssl.SSLContext) -> None:
    """Connect, secure, log in and send once; raise what smtplib or the socket raises."""
    if settings.security == "ssl":
        client: smtplib.SMTP = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=context
        )
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    try:
        client.ehlo()
        if settings.security == "starttls":
            client.starttls(context=context)
            client.ehlo()
        if settings.user:
            client.login(settings.user, settings.password or "")
        refused = client.send_message(message)
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):
            pass
    finally:
        client.close()
    if refused:
        replies = "; ".join(f"{rcpt}: {_reply(code, text)}" for rcpt, (code, text) in refused.items())
        raise _Failure(f"sent, but some recipients were refused ({replies})", transient=False)


def send_message(
    message: EmailMessage,
    settings: SmtpSettings,
    *,
    ssl_context: ssl.SSLContext | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Send the message; retry transient failures with exponential backoff, else raise DeliveryError."""
    context = ssl_context or ssl.create_default_context()
    attempts = settings.retries + 1
    for attempt in range(1, attempts + 1):
        try:
            _attempt(message, settings, context)
        except _Failure as failure:
            problem = failure
        except (smtplib.SMTPException, OSError) as exc:
            problem = _classify(exc, settings)
        else:
            log.info("brief sent through %s to %s", settings.server, message["To"])
            return
        reason = _scrub(problem.reason, settings)
        if not problem.transient or attempt == attempts:
            tries = f" (after {attempt} attempts)" if attempt > 1 else ""
            raise DeliveryError(f"cannot send the brief through {settings.server}: {reason}{tries}")
        delay = settings.backoff * 2 ** (attempt - 1)
        log.info(
            "attempt %d of %d through %s failed: %s; retrying in %.2g s",
            attempt, attempts, settings.server, reason, delay,
        )
        sleep(delay)
