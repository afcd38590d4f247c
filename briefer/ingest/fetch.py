"""Fetching one http(s) URL: a user agent, a timeout over the whole download and a size cap."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from briefer import __version__
from briefer.ingest.decoding import too_large
from briefer.ingest.failures import BadInput

USER_AGENT = f"briefer/{__version__} (news briefing tool)"
_CHUNK = 65536


@dataclass(frozen=True)
class Fetched:
    """A downloaded body with what the server said about it."""

    url: str
    data: bytes
    content_type: str
    charset: str | None


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only (urllib would also follow one to ftp)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        if not newurl.lower().startswith(("http://", "https://")):
            raise urllib.error.URLError(f"redirect to a non-http address {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, timeout: float, max_bytes: int) -> Fetched:
    """GET `url`; BadInput for a timeout, an HTTP error, a refused connection or an oversized body."""
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise too_large(max_bytes)
            data = _read_until(response, deadline, max_bytes, timeout)
            headers: Message = response.headers
            return Fetched(response.geturl(), data, headers.get_content_type(), headers.get_content_charset())
    except urllib.error.HTTPError as exc:
        raise BadInput(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise BadInput(f"timed out after {timeout:g} s") from None
        raise BadInput(f"cannot fetch: {_reason(exc.reason)}") from None
    except TimeoutError:
        raise BadInput(f"timed out after {timeout:g} s") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise BadInput(f"cannot fetch: {_reason(exc)}") from None


def _read_until(response, deadline: float, max_bytes: int, timeout: float) -> bytes:
    """The body in chunks, stopping at the overall deadline or one byte past the cap."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(min(_CHUNK, max_bytes + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise too_large(max_bytes)
        if time.monotonic() > deadline:
            raise BadInput(f"timed out after {timeout:g} s")
    if getattr(response, "length", None):
        raise BadInput(f"cannot fetch: the connection closed {response.length:,} bytes before the end")
    return b"".join(chunks)


def _reason(reason: object) -> str:
    """A short human reason from whatever urllib or the socket layer gives."""
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason)
