"""WeasyPrint's URL fetcher, locked down to the template folders' own files.

This module imports WeasyPrint at load time: import it only where a PDF is made.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint import URLFetcher
from weasyprint.urls import URLFetcherResponse


class AssetRefused(Exception):
    """A document asked for something outside the template folders."""


class TemplateAssetFetcher(URLFetcher):
    """Serve files of the template folders (same search order as templates); refuse anything else.

    `fail_on_errors` makes WeasyPrint stop the render on a refusal instead of logging it.
    """

    def __init__(self, roots: list[Path]):
        super().__init__(fail_on_errors=True)
        self.roots = [root.resolve() for root in roots]

    def _relative_name(self, url: str) -> Path:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise AssetRefused(f"{url}: only files of the template folders are served")
        path = Path(url2pathname(parts.path)).resolve()
        for root in self.roots:
            if path.is_relative_to(root):
                return path.relative_to(root)
        raise AssetRefused(f"{url}: outside the template folders")

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        """Find the file along the template folders, as templates are found."""
        name = self._relative_name(url)
        for root in self.roots:
            candidate = (root / name).resolve()
            if candidate.is_file() and candidate.is_relative_to(root):
                content_type = mimetypes.guess_type(candidate.name)[0] or "application/octet-stream"
                return URLFetcherResponse(
                    candidate.as_uri(), candidate.read_bytes(), headers={"Content-Type": content_type}
                )
        raise AssetRefused(f"{url}: no such file in the template folders")
