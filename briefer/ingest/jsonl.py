"""JSON Lines: one article per line (`text` required; `id`, `title`, `url`, `published` optional)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from briefer.ingest.decoding import too_large
from briefer.ingest.failures import BadInput
from briefer.ingest.raw import RawArticle
from briefer.ingest.since import normalise_published
from briefer.model import InputFailure

log = logging.getLogger(__name__)

_OPTIONAL_TEXT_FIELDS = ("title", "url")


def read_jsonl(lines: Iterable[bytes | BadInput], name: str, id_prefix: str) -> Iterator[RawArticle | InputFailure]:
    """An article per good line, an InputFailure naming `name:line` per bad one; blank lines skipped.

    A line without an `id` gets `<id_prefix>-<line number>`.
    """
    for number, line in enumerate(lines, start=1):
        if isinstance(line, BadInput):
            yield InputFailure(input=f"{name}:{number}", reason=str(line))
            continue
        if not line.strip():
            continue
        try:
            where = f"{name}:{number}"
            article = _article(_decode(line, where), f"{id_prefix}-{number}")
            article.where = where
            yield article
        except BadInput as exc:
            yield InputFailure(input=f"{name}:{number}", reason=str(exc))


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | BadInput]:
    """The lines of `stream`, each read with at most `max_bytes` + 1 bytes held; too long ones refused."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(65536)) and not rest.endswith(b"\n"):
                pass
            yield too_large(max_bytes)
        else:
            yield line


def _decode(line: bytes, where: str) -> str:
    """A line as UTF-8, with undecodable bytes replaced and a warning."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        log.warning("%s: not UTF-8; undecodable bytes replaced", where)
        return line.decode("utf-8", errors="replace")


def _article(line: str, default_id: str) -> RawArticle:
    """One line's article; BadInput for malformed JSON, a non-object or a missing or empty text."""
    try:
        record = json.loads(line.strip())
    except json.JSONDecodeError as exc:
        raise BadInput(f"malformed JSON at column {exc.colno} ({exc.msg.lower()})") from None
    except RecursionError:
        raise BadInput("malformed JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise BadInput(f"expected a JSON object, found {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise BadInput('no "text" string field' if text is None else '"text" is not a string')
    if not text.strip():
        raise BadInput('"text" is empty')
    fields = {key: _string(record.get(key)) for key in _OPTIONAL_TEXT_FIELDS}
    return RawArticle(
        text=text,
        id=_string(record.get("id")) or default_id,
        title=fields["title"],
        url=fields["url"] or None,
        published=normalise_published(record.get("published")),
    )


def _string(value: object) -> str:
    """A JSON scalar as text ("" for null, objects and lists)."""
    return str(value) if isinstance(value, str | int | float) and not isinstance(value, bool) else ""
