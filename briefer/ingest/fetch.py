"""Fetching one http(s) URL: a user agent, a timeout over the whole download and a size cap."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from briefer import __version__
from briefer.ingest.addresses import web_address
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


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) addresses only, and name a redirect loop in one line."""

    def http_error_302(self, req, fp, code, msg, headers):  # noqa: D102
        target = headers.get("location") or headers.get("uri")
        if target:
            try:
                web_address(target, base=req.full_url)
            except BadInput as exc:
                fp.close()
                raise urllib.error.URLError(f"redirect to {target}: {exc}") from None
        try:
            return super().http_error_302(req, fp, code, msg, headers)
        except urllib.error.HTTPError as exc:
            if exc.msg.startswith(self.inf_msg):  # urllib's own "infinite loop" refusal, three lines long
                raise urllib.error.URLError(f"more than {self.max_redirections} redirects or a redirect loop") from None
            raise

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _web_opener() -> urllib.request.OpenerDirector:
    """An opener that speaks http and https only: urllib's default one also opens file:, ftp: and data:."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _WebOnlyRedirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def fetch(url: str, *, timeout: float, max_bytes: int) -> Fetched:
    """GET `url`; BadInput for an address that is not http(s), a timeout, an HTTP error, a refused connection
    or an oversized body."""
    request = urllib.request.Request(web_address(url), headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    deadline = time.monotonic() + timeout
    try:
        with _web_opener().open(request, timeout=timeout) as response:
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
