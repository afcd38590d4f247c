"""Deliver the brief by email: settings, message, SMTP sending with retries, .eml for dry runs."""

from briefer.deliver.mail import check_email, email_brief
from briefer.deliver.message import build_message, subject_line, write_eml
from briefer.deliver.settings import SmtpSettings, smtp_settings
from briefer.deliver.smtp import send_message

__all__ = [
    "SmtpSettings",
    "build_message",
    "check_email",
    "email_brief",
    "send_message",
    "smtp_settings",
    "subject_line",
    "write_eml",
]
