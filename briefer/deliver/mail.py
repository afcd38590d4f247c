"""Mail a rendered brief: settings, message and sending (or an .eml file for --dry-run) in one call."""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from pathlib import Path

from briefer.config import SmtpConfig
from briefer.deliver.message import NO_RECIPIENTS, build_message, parse_address, write_eml
from briefer.deliver.settings import SmtpSettings, smtp_settings
from briefer.deliver.smtp import send_message
from briefer.errors import ConfigError, UsageError
from briefer.model import Briefing


def check_email(
    recipients: list[str], smtp: SmtpConfig, environ: Mapping[str, str], *, dry_run: bool
) -> SmtpSettings:
    """Fail fast, before any work, when the brief could not be mailed: no or bad recipients, no server."""
    if not recipients:
        raise UsageError(NO_RECIPIENTS)
    for recipient in recipients:
        parse_address(recipient, what="recipient", error=UsageError)
    settings = smtp_settings(smtp, environ, require_host=not dry_run)
    parse_address(settings.sender, what="sender", error=ConfigError)
    return settings


def email_brief(
    briefing: Briefing,
    *,
    markdown: str,
    html: str,
    pdf: bytes,
    recipients: list[str],
    settings: SmtpSettings,
    eml_path: Path | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> None:
    """Mail the brief through `settings`' server, or write it to `eml_path` instead (--dry-run)."""
    message = build_message(
        title=briefing.title,
        date=briefing.date,
        sender=settings.sender,
        recipients=recipients,
        markdown=markdown,
        html=html,
        pdf=pdf,
        pdf_name=f"brief-{briefing.date}.pdf" if briefing.date else "brief.pdf",
    )
    if eml_path is not None:
        write_eml(message, eml_path)
    else:
        send_message(message, settings, ssl_context=ssl_context)
