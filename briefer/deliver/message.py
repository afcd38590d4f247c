"""The brief as an email: Markdown text part, HTML alternative, PDF attached."""

from __future__ import annotations

from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path

from briefer.errors import ConfigError, DeliveryError, UsageError
from briefer.files import write_atomic

NO_RECIPIENTS = "no recipients: give --to ADDRESS or recipients for the audience in briefer.toml"


def _one_line(text: str) -> str:
    """Collapse every run of whitespace (CR and LF included) to one space."""
    return " ".join(text.split())


def subject_line(title: str, date: str) -> str:
    """`<title> — <date>`, on one line whatever the title holds."""
    title = _one_line(title) or "Brief"
    date = _one_line(date)
    return f"{title} — {date}" if date else title


def parse_address(raw: str, *, what: str, error: type[Exception]) -> Address:
    """Parse one address (`ana@example.org` or `Ana <ana@example.org>`); refuse header injection."""
    name, addr = parseaddr(raw)
    local, _, domain = addr.partition("@")
    if (
        any(ch in raw for ch in "\r\n,")
        or addr not in raw
        or any(ch.isspace() for ch in addr)
        or not local
        or not domain
        or "@" in domain
    ):
        raise error(f"{what}: not an email address: {raw!r}")
    return Address(display_name=name, addr_spec=addr)


def _safe_filename(name: str) -> str:
    """A bare file name for the attachment: no folders, no line breaks."""
    name = _one_line(Path(name.replace("\\", "/")).name)
    return name or "brief.pdf"


def build_message(
    *,
    title: str,
    date: str,
    sender: str,
    recipients: list[str],
    markdown: str,
    html: str,
    pdf: bytes,
    pdf_name: str = "brief.pdf",
) -> EmailMessage:
    """Build the brief's email; bad addresses raise UsageError (recipients) or ConfigError (sender)."""
    if not recipients:
        raise UsageError(NO_RECIPIENTS)
    from_address = parse_address(sender, what="sender", error=ConfigError)
    to_addresses = [parse_address(r, what="recipient", error=UsageError) for r in recipients]
    message = EmailMessage()
    message["Subject"] = subject_line(title, date)
    message["From"] = from_address
    message["To"] = to_addresses
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=from_address.domain)
    message.set_content(markdown, subtype="plain", charset="utf-8")
    message.add_alternative(html, subtype="html", charset="utf-8")
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=_safe_filename(pdf_name))
    return message


def write_eml(message: EmailMessage, path: Path) -> None:
    """Write the message as an .eml file, atomically (a temporary file renamed into place)."""
    try:
        write_atomic(path, message.as_bytes())
    except OSError as exc:
        raise DeliveryError(f"cannot write {path}: {exc.strerror or exc}") from exc
