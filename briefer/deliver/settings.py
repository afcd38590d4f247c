"""SMTP settings: the config file's [smtp] table, overridden by BRIEFER_SMTP_* variables."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from briefer.config import SmtpConfig
from briefer.errors import ConfigError

SECURITY_MODES = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
DRY_RUN_SENDER = "briefer@localhost"


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send: server, credentials, TLS mode, sender and retry policy."""

    host: str
    port: int
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    security: str = "starttls"
    sender: str = DRY_RUN_SENDER
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 1.0

    @property
    def server(self) -> str:
        """The server as `host:port`, as error messages name it."""
        return f"{self.host}:{self.port}"


def _env(environ: Mapping[str, str], name: str) -> str | None:
    """A variable's value, or None when unset or blank."""
    value = environ.get(name, "").strip()
    return value or None


def _port(raw: str | int | None, security: str) -> int:
    """The port as given, else the usual one for the security mode."""
    if raw is None:
        return DEFAULT_PORTS[security]
    try:
        port = int(raw)
    except ValueError:
        raise ConfigError(f"BRIEFER_SMTP_PORT: not a port number: {raw!r}") from None
    if not 0 < port < 65536:
        raise ConfigError(f"SMTP port out of range: {port}")
    return port


def _number(environ: Mapping[str, str], name: str, default: float, *, low: float, high: float) -> float:
    """A numeric variable within [low, high], else its default when unset."""
    raw = _env(environ, name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name}: not a number: {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(f"{name}: {raw} is outside {low:g}..{high:g}")
    return value


def smtp_settings(
    config: SmtpConfig, environ: Mapping[str, str], *, require_host: bool = True
) -> SmtpSettings:
    """Merge the file's settings with the environment's; `require_host=False` for --dry-run.

    BRIEFER_SMTP_RETRIES (default 3) and BRIEFER_SMTP_BACKOFF (first wait in seconds, default 1,
    doubling) tune the retries of transient failures.
    """
    security = (_env(environ, "BRIEFER_SMTP_SECURITY") or config.security or "starttls").lower()
    if security not in SECURITY_MODES:
        raise ConfigError(
            f"BRIEFER_SMTP_SECURITY: {security!r} is not one of {', '.join(SECURITY_MODES)}"
        )
    host = _env(environ, "BRIEFER_SMTP_HOST") or config.host
    if host is None and require_host:
        raise ConfigError("no SMTP server: set [smtp] host in briefer.toml or BRIEFER_SMTP_HOST")
    user = _env(environ, "BRIEFER_SMTP_USER") or config.user
    password = environ.get("BRIEFER_SMTP_PASSWORD") or config.password
    sender = _env(environ, "BRIEFER_FROM") or config.sender
    if sender is None and user is not None and "@" in user:
        sender = user
    if sender is None:
        if require_host:
            raise ConfigError("no sender address: set [smtp] from in briefer.toml or BRIEFER_FROM")
        sender = DRY_RUN_SENDER
    return SmtpSettings(
        host=host or "",
        port=_port(_env(environ, "BRIEFER_SMTP_PORT") or config.port, security),
        user=user,
        password=password,
        security=security,
        sender=sender,
        retries=int(_number(environ, "BRIEFER_SMTP_RETRIES", 3, low=0, high=10)),
        backoff=_number(environ, "BRIEFER_SMTP_BACKOFF", 1.0, low=0, high=60),
    )
