"""Which addresses briefer may fetch: absolute http(s) URLs with a host, and nothing else.

Every path into the network (a URL source, a feed entry's link, a redirect) goes through
`web_address`, so a feed can never make briefer open a local file (`file:`), an FTP site or
inline data (`data:`).
"""

from __future__ import annotations

import urllib.parse

from briefer.ingest.failures import BadInput

WEB_SCHEMES = ("http", "https")


def web_address(url: str, base: str | None = None) -> str:
    """`url` (resolved against `base` when relative) if it is an http(s) URL with a host; BadInput otherwise."""
    url = url.strip()
    try:
        if base and not urllib.parse.urlsplit(url).scheme:
            url = urllib.parse.urljoin(base, url)
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port that is no number
    except ValueError as exc:
        raise BadInput(f"malformed address ({str(exc).lower()})") from None
    if not parts.scheme:
        raise BadInput("relative address with no web address to resolve it against")
    if parts.scheme.lower() not in WEB_SCHEMES:
        raise BadInput(f"only http and https addresses are fetched, not {parts.scheme.lower()}:")
    if not parts.hostname or any(char.isspace() for char in parts.netloc):
        raise BadInput("malformed address (no host name)")
    return url
