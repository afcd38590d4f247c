"""Publication dates of articles whose input gives none: a Source line's dated URL, a dateline, the text, the file."""

from __future__ import annotations

import os
from datetime import date, datetime

import pytest

from briefer.ingest import read_sources
from briefer.ingest.dating import dateline_date, latest_text_date, publication_date, source_url, url_date

TODAY = date(2026, 1, 10)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/2022/11/07/envoys-meet-in-nairobi/", date(2022, 11, 7)),
        ("http://example.cn/world/Off_the_Wire/2020-10/25/content_1.htm", date(2020, 10, 25)),
        ("https://example.org/analyses/2025-08-12/a-declaration", date(2025, 8, 12)),
        ("https://example.org/news/envoys-meet-in-oslo", None),
        ("https://example.org/2024/01/envoys.html", None),  # a month is no date
    ],
)
def test_dated_urls(url, expected):
    assert url_date(url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Envoys meet\n\nMonday, January 29, 2024 – Envoys met in Paris.", date(2024, 1, 29)),
        ("OSLO, 4 May 2024 (Wire) - Envoys met on Saturday.", date(2024, 5, 4)),
        ("Envoys meet\nPosted: Nov 18, 2012 7:45 PM\nEnvoys met on Sunday.", date(2012, 11, 18)),
        ("Envoys met on Monday, January 29, 2024, in Paris.", None),  # a date inside a sentence is no dateline
    ],
)
def test_datelines(text, expected):
    assert dateline_date(text) == expected


def test_the_latest_full_date_in_the_text_and_never_a_future_one():
    text = "Talks began on 3 March 2021. They resumed on June 20, 2025. A deadline falls on 18 October 2030."
    assert latest_text_date(text, TODAY) == date(2025, 6, 20)
    assert latest_text_date("They met in March and will meet in 2026.", TODAY) is None


def test_order_of_preference(tmp_path):
    dated_url = "https://example.org/2024/05/04/envoys/"
    text = "OSLO, 3 May 2024 (Wire) - Envoys met on 1 May 2024.\n\nSource: " + dated_url
    assert source_url(text) == dated_url
    assert publication_date(text, dated_url, "", TODAY) == ("2024-05-04", "url")
    assert publication_date(text, None, "", TODAY) == ("2024-05-03", "dateline")
    assert publication_date("Envoys met on 1 May 2024.", None, "", TODAY) == ("2024-05-01", "text")
    path = tmp_path / "a.txt"
    path.write_text("Envoys met.", encoding="utf-8")
    os.utime(path, (0, datetime(2025, 3, 4, 12).timestamp()))
    assert publication_date("Envoys met.", None, str(path), TODAY) == ("2025-03-04", "file")
    assert publication_date("Envoys met.", None, "<stdin>", TODAY) == (None, None)


def test_a_text_file_with_a_source_line_gets_its_link_and_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Envoys meet in Oslo\n\nEnvoys met on Tuesday.\n\nSource: https://example.org/2024/03/05/oslo/\n",
                    encoding="utf-8")
    [article] = read_sources([str(path)]).articles
    assert article.url == "https://example.org/2024/03/05/oslo/"
    assert (article.published, article.dated_by) == ("2024-03-05", "url")


def test_since_keeps_an_article_dated_only_by_a_guess_from_its_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Envoys met on 1 May 2020 and again this week.\n", encoding="utf-8")
    result = read_sources([str(path)], since=datetime(2025, 1, 1))
    assert [a.dated_by for a in result.articles] == ["text"] and result.undated == 1
