"""The run manifest: what a brief was made from and with, as SHA-256 hashes, and the command's options."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from briefer.config import Config
from briefer.model import Article, Briefing
from briefer.render.loader import audience_templates
from briefer.rules.loader import search_path

MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 1
RULE_SUFFIXES = (".yml", ".yaml")


class HashedFile(BaseModel):
    """A file by its layer and its path inside the layer's folder, and the SHA-256 of its bytes."""

    layer: str
    path: str
    sha256: str


class HashedInput(BaseModel):
    """An input file as given on the command line, and the SHA-256 of its bytes."""

    path: str
    sha256: str


class HashedArticle(BaseModel):
    """An article the brief draws on, and the SHA-256 of its text as briefer read it (after cleaning)."""

    id: str
    path: str
    sha256: str


class Manifest(BaseModel):
    """How one brief was made: versions, model, inputs, rule and template files, options."""

    manifest_version: int = MANIFEST_VERSION
    briefer_version: str
    model: str
    model_version: str | None = None
    spacy_version: str | None = None
    generated_at: str
    inputs: list[HashedInput] = Field(default_factory=list)
    articles: list[HashedArticle] = Field(default_factory=list)
    rules: list[HashedFile] = Field(default_factory=list)
    templates: list[HashedFile] = Field(default_factory=list)
    options: dict[str, Any] = Field(default_factory=dict)
    briefing_sha256: str


def sha256(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def hashed_files(folders: Iterable[tuple[str, Path]], suffixes: tuple[str, ...] = RULE_SUFFIXES) -> list[HashedFile]:
    """Every file with one of `suffixes` under each (layer, folder), recursively, hashed."""
    found = []
    for layer, folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in suffixes:
                found.append(HashedFile(layer=layer, path=path.relative_to(folder).as_posix(),
                                        sha256=file_sha256(path)))
    return found


def rule_files(user_dirs: Iterable[Path]) -> list[HashedFile]:
    """The rule, gazetteer and cleaning files along the rule search path: built-in, then user folders."""
    folders = search_path(list(user_dirs))
    return hashed_files([("built-in", folders[0])] + [(f"user {index}", folder)
                                                     for index, folder in enumerate(folders[1:], start=1)
                                                     if folder.is_dir()])


def template_files(audience: str, user_templates: Path | None, config: Config | None) -> list[HashedFile]:
    """The template files (and style sheets) the audience's brief is rendered with, by name and layer."""
    return [HashedFile(layer=entry.layer, path=entry.name, sha256=file_sha256(entry.path))
            for entry in audience_templates(audience, user_templates, config)]


def input_files(articles: Iterable[Article]) -> list[HashedInput]:
    """The local files the articles were read from (a feed or JSON Lines file once), hashed."""
    paths = dict.fromkeys(article.path for article in articles if article.path)
    return [HashedInput(path=path, sha256=file_sha256(Path(path))) for path in paths if Path(path).is_file()]


def build_manifest(
    briefing: Briefing,
    articles: Iterable[Article],
    briefing_json: bytes,
    *,
    rules_dirs: Iterable[Path],
    audience: str,
    user_templates: Path | None,
    config: Config | None,
    options: Mapping[str, Any],
) -> Manifest:
    """The manifest of a brief about to be written, whose briefing.json is `briefing_json`."""
    articles = list(articles)
    model = briefing.run.model
    return Manifest(
        briefer_version=briefing.run.briefer_version,
        model=model,
        model_version=_version(model) if model and "/" not in model else None,
        spacy_version=_version("spacy"),
        generated_at=briefing.generated_at.isoformat(),
        inputs=input_files(articles),
        articles=[HashedArticle(id=a.id, path=a.path, sha256=sha256(a.text.encode("utf-8"))) for a in articles],
        rules=rule_files(rules_dirs),
        templates=template_files(audience, user_templates, config),
        options=dict(options),
        briefing_sha256=sha256(briefing_json),
    )
