"""Publication dates of articles that carry none in metadata: a `Source:` line's dated URL, a dateline or
date line, the latest full date the text gives, or the file's own date, each marked by where it came from.

Full dates in running text ("29 January 2024", "Jan. 29, 2024", "2024-01-29") are found by a pattern
and read by dateparser; dates in URLs are read by htmldate (which trafilatura uses for web pages).
Both are imported only when a text holds something for them to read.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

# Where a publication date came from, best first; `text` and `file` are guesses and say so.
METADATA, URL, DATELINE, TEXT, FILE = "metadata", "url", "dateline", "text", "file"

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_YEAR = r"(?:19|20)\d\d"
FULL_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}"  # 29 January 2024
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}"  # January 29, 2024
    rf"|{_YEAR}-\d\d-\d\d)\b"  # 2024-01-29
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# A paragraph that opens with a date, or a place then a date, before the story: "Monday, January 29, 2024 –",
# "CAIRO, May 4, 2024 (AFP) -"; a metadata line: "Posted: Nov 18, 2012 7:45 PM", "Published 4 May 2024".
_DATELINE = re.compile(
    rf"^(?:(?:{_WEEKDAY},?\s+)|(?:[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){{0,2}},\s+))?(?P<date>{FULL_DATE.pattern})"
    r"(?:\s*\(\w[\w ]*\))?\s*(?:[-–—|:]|$)"
    rf"|^(?:Posted|Published|Updated|First published|Last updated|Date)\b:?\s+(?:on\s+)?(?:{_WEEKDAY},?\s+)?"
    rf"(?P<meta>{FULL_DATE.pattern})",
    re.MULTILINE,
)
_SOURCE_LINE = re.compile(r"^\s*Source:\s*(?P<url>https?://\S+)\s*$", re.MULTILINE)
_URL_YEAR = re.compile(r"(?:19|20)\d\d")
_LEAD_CHARS = 600  # a dateline sits at the top: the headline, a standfirst, the first paragraph


def source_url(text: str) -> str | None:
    """The URL of a `Source: <url>` line (the address the text was taken from), the last one if several."""
    found = _SOURCE_LINE.findall(text)
    return found[-1] if found else None


@lru_cache(maxsize=1024)
def read_date(text: str) -> date | None:
    """A full date written out ("29 January 2024", "Jan. 29, 2024", "2024-01-29"), or None."""
    import dateparser

    moment = dateparser.parse(text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return moment.date() if moment else None


def url_date(url: str) -> date | None:
    """The date a URL's path gives (`/2022/11/07/`, `/2020-10/25/`), read by htmldate."""
    if not _URL_YEAR.search(url):
        return None
    from htmldate.extractors import extract_url_date
    from htmldate.utils import Extractor

    options = Extractor(False, datetime(2100, 1, 1), datetime(1990, 1, 1), False, "%Y-%m-%d")
    found = extract_url_date(url, options)
    return date.fromisoformat(found) if found else None


def dateline_date(text: str) -> date | None:
    """The date of a dateline or date line near the top of the text."""
    for match in _DATELINE.finditer(text[:_LEAD_CHARS]):
        found = read_date(match.group("date") or match.group("meta"))
        if found:
            return found
    return None


def latest_text_date(text: str, today: date) -> date | None:
    """The latest full date the text gives that is not after today: the article is no older than that."""
    days = [d for d in (read_date(m.group(0)) for m in FULL_DATE.finditer(text)) if d and d <= today]
    return max(days) if days else None


def file_date(path: str) -> date | None:
    """The modification date of a file, when `path` names one."""
    try:
        return datetime.fromtimestamp(Path(path).stat().st_mtime).date()
    except (OSError, ValueError):
        return None


def publication_date(text: str, url: str | None, path: str, today: date) -> tuple[str | None, str | None]:
    """The best publication date for an article without one in metadata, and where it came from."""
    for found, where in ((lambda: url_date(url) if url else None, URL),
                         (lambda: dateline_date(text), DATELINE),
                         (lambda: latest_text_date(text, today), TEXT),
                         (lambda: file_date(path) if path else None, FILE)):
        day = found()
        if day is not None:
            return day.isoformat(), where
    return None, None
