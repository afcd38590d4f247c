"""Raw bytes to text: a bounded read, binary detection, UTF-8 or a detected encoding with a warning."""

from __future__ import annotations

import codecs
import logging
from pathlib import Path
from typing import BinaryIO

from briefer.ingest.failures import BadInput

log = logging.getLogger(__name__)

_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13} | {127}
_MAX_CONTROL_SHARE = 0.05
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def too_large(max_bytes: int) -> BadInput:
    """The refusal for an input over the size limit, naming the limit and how to change it."""
    return BadInput(f"larger than the {max_bytes:,}-byte limit (raise it with --max-article-bytes)")


def read_limited(stream: BinaryIO, max_bytes: int) -> bytes:
    """At most `max_bytes` from `stream`; BadInput when there is more (reads max_bytes + 1 at most)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(max_bytes)
    return data


def read_file(path: Path, max_bytes: int) -> bytes:
    """A file's bytes, bounded by `max_bytes`; BadInput for unreadable, too large or empty files."""
    try:
        with path.open("rb") as stream:
            data = read_limited(stream, max_bytes)
    except PermissionError:
        raise BadInput("permission denied (file not readable)") from None
    except OSError as exc:
        raise BadInput(f"cannot read: {exc.strerror or exc}") from None
    return data


def reject_non_text(data: bytes) -> None:
    """BadInput for empty, whitespace-only and binary data (NUL or many control bytes)."""
    if not data.strip():
        raise BadInput("empty (0 bytes)" if not data else "only whitespace, no text")
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return
    if b"\x00" in data:
        raise BadInput("binary file (contains NUL bytes), not text")
    sample = data[:65536]
    if sum(byte in _CONTROL_BYTES for byte in sample) > _MAX_CONTROL_SHARE * len(sample):
        raise BadInput("binary file (mostly control bytes), not text")


def decode(data: bytes, name: str, declared: str | None = None) -> str:
    """Text from bytes: BOM, else UTF-8, else `declared` or a detected encoding (logged as a warning)."""
    reject_non_text(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _usable(declared) or _detect(data)
    if encoding:
        log.warning("%s: not UTF-8; decoded as %s", name, encoding)
        return _decode_as(data, encoding, name)
    log.warning("%s: not UTF-8 and no encoding detected; undecodable bytes replaced", name)
    return data.decode("utf-8", errors="replace")


def _decode_as(data: bytes, encoding: str, name: str) -> str:
    text = data.decode(encoding, errors="replace")
    if "\ufffd" in text:
        log.warning("%s: some bytes are not valid %s; replaced", name, encoding)
    if not text.strip():
        raise BadInput("only whitespace, no text")
    return text


def _usable(encoding: str | None) -> str | None:
    """`encoding` if Python knows it and it is not the UTF-8 that just failed."""
    if not encoding:
        return None
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    return None if name == "utf-8" else name


# Among encodings charset-normalizer finds equally likely, the one Western news is most often written in: its
# first pick among ties is arbitrary, and cp1250 turns "Négociations à Genève" into "Négociations ŕ Genčve".
_PREFERRED_AMONG_EQUALS = "cp1252"


def _detect(data: bytes) -> str | None:
    """The encoding charset-normalizer finds most likely (cp1252 when it is among the equally likely), or None."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    equals = {best.encoding, *best.could_be_from_charset}
    equals |= {match.encoding for match in matches if (match.chaos, match.coherence) == (best.chaos, best.coherence)}
    return _PREFERRED_AMONG_EQUALS if _PREFERRED_AMONG_EQUALS in equals else best.encoding
