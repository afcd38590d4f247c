"""Ingest: each input format read into Articles (ids, titles, dates, text with its line breaks)."""

from __future__ import annotations

import io
import json
import os
from datetime import datetime
from pathlib import Path

from briefer.ingest import read_sources

PAGE = """<!doctype html>
<html><head>
<title>Envoys meet in Oslo | Example Wire</title>
<meta property="og:title" content="Envoys meet in Oslo">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://example.org/world/envoys-oslo">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Envoys meet in Oslo</h1>
<p>Envoys from both sides met in Oslo on Tuesday, the Norwegian foreign ministry said.</p>
<p>\u201cWe are here to listen,\u201d one of the envoys told reporters outside the venue.</p>
<p>The talks are expected to last three days and to cover prisoner exchanges and a ceasefire line.</p>
</article>
<aside><h3>You may also like</h3><ul><li><a href="/x">Another story</a></li></ul></aside>
<footer>Copyright 2024 Example Wire</footer>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example feed</title><link>https://example.org/</link>
<description>News</description>
<item><title>Talks open in Doha</title><link>https://example.org/doha</link><guid>doha-1</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 +0100</pubDate>
<description>&lt;p&gt;Mediators opened talks in Doha.&lt;/p&gt;&lt;p&gt;Both delegations attended.&lt;/p&gt;
</description></item>
<item><title>Second round set</title><link>https://example.org/round-2</link>
<description>A second round was set for April.</description></item>
<item><title>Title only</title></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom example</title><id>urn:feed</id>
<updated>2024-03-06T08:00:00Z</updated>
<entry><title>Ceasefire talks resume</title><id>urn:entry:1</id><updated>2024-03-06T08:00:00Z</updated>
<link href="https://example.org/atom-1"/>
<content type="html">&lt;p&gt;Ceasefire talks resumed in Cairo on Wednesday.&lt;/p&gt;</content></entry>
</feed>
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_text_file_id_is_its_stem_and_headline_is_its_title(tmp_path):
    path = write(
        tmp_path / "000_6d8c7f681700db0c.txt",
        "Envoys meet in Oslo\n\nEnvoys met on Tuesday.\nThey will meet again.\n",
    )
    result = read_sources([str(path)])
    assert result.failures == []
    [article] = result.articles
    assert article.id == "000_6d8c7f681700db0c"
    assert article.title == "Envoys meet in Oslo"
    assert article.path == str(path)
    assert article.text == "Envoys meet in Oslo\n\nEnvoys met on Tuesday.\nThey will meet again."
    assert article.url is None
    # nothing in the text dates it: the file's own date, marked as such
    os.utime(path, (0, datetime(2025, 3, 4, 12).timestamp()))
    [article] = read_sources([str(path)]).articles
    assert (article.published, article.dated_by) == ("2025-03-04", "file")


def test_a_first_line_that_is_a_sentence_is_not_a_title(tmp_path):
    path = write(tmp_path / "a.txt", "Envoys met in Oslo on Tuesday.\nThey will meet again.\n")
    [article] = read_sources([str(path)]).articles
    assert article.title == ""


def test_a_long_first_line_is_not_a_title(tmp_path):
    long_line = " ".join(["word"] * 40)
    path = write(tmp_path / "a.txt", f"{long_line}\nMore text.\n")
    assert read_sources([str(path)]).articles[0].title == ""


def test_markdown_markup_is_reduced_to_words(tmp_path):
    path = write(
        tmp_path / "note.md",
        "# Talks in *Geneva*\n\nThe **envoy** said [more](https://x.org) today.\n"
        "> A quoted line.\n\n---\n\n- a list item\n",
    )
    [article] = read_sources([str(path)]).articles
    assert article.title == "Talks in Geneva"
    assert article.text == "Talks in Geneva\n\nThe envoy said more today.\nA quoted line.\n\n- a list item"


def test_html_gives_main_text_title_date_and_canonical_url(tmp_path):
    path = write(tmp_path / "page.html", PAGE)
    [article] = read_sources([str(path)]).articles
    assert article.id == "page"
    assert article.title == "Envoys meet in Oslo"
    assert article.published == "2024-03-05"
    assert article.url == "https://example.org/world/envoys-oslo"
    lines = article.text.splitlines()
    assert "Envoys from both sides met in Oslo on Tuesday, the Norwegian foreign ministry said." in lines
    assert '"We are here to listen," one of the envoys told reporters outside the venue.' in lines
    assert "Sport" not in article.text and "Another story" not in article.text


def test_jsonl_reads_every_field_and_names_lines_without_id(tmp_path):
    lines = [
        {
            "id": "wire-1",
            "title": "Talks open",
            "url": "https://example.org/1",
            "published": "2024-03-05",
            "text": "Talks opened in Geneva.\nBoth sides attended.",
        },
        {"text": "A second article without an id.", "published": "Tue, 05 Mar 2024 10:00:00 +0000"},
        {"text": "A third one.", "published": "2024-03-05T09:30:00+01:00", "id": 42},
    ]
    path = write(tmp_path / "export.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n\n")
    result = read_sources([str(path)])
    assert result.failures == []
    first, second, third = result.articles
    assert (first.id, first.title, first.url, first.published) == (
        "wire-1",
        "Talks open",
        "https://example.org/1",
        "2024-03-05",
    )
    assert first.text == "Talks opened in Geneva.\nBoth sides attended."
    assert (second.id, second.title, second.published) == ("export-2", "", "2024-03-05T10:00:00+00:00")
    assert (third.id, third.published) == ("42", "2024-03-05T09:30:00+01:00")
    assert {article.path for article in result.articles} == {str(path)}


def test_rss_file_gives_an_article_per_entry_and_a_failure_for_an_entry_without_text_or_link(tmp_path):
    path = write(tmp_path / "news.rss", RSS)
    result = read_sources([str(path)])
    doha, second = result.articles
    assert doha.title == "Talks open in Doha"
    assert doha.text == "Mediators opened talks in Doha.\nBoth delegations attended."
    assert doha.url == "https://example.org/doha"
    assert doha.published == "2024-03-05T09:00:00+00:00"
    assert doha.id.startswith("feed-") and len(doha.id) == len("feed-") + 12
    assert second.published is None
    assert [(f.input, f.reason) for f in result.failures] == [(str(path), "entry 3 has no text")]


def test_feed_entry_ids_are_stable_across_runs(tmp_path):
    path = write(tmp_path / "news.rss", RSS)
    assert [a.id for a in read_sources([str(path)]).articles] == [a.id for a in read_sources([str(path)]).articles]


def test_atom_file(tmp_path):
    path = write(tmp_path / "news.atom", ATOM)
    [article] = read_sources([str(path)]).articles
    assert article.title == "Ceasefire talks resume"
    assert article.text == "Ceasefire talks resumed in Cairo on Wednesday."
    assert article.published == "2024-03-06T08:00:00+00:00"


def test_stdin_text_is_one_article_called_stdin():
    result = read_sources(["-"], stdin=io.StringIO("Talks resume\n\nThe envoys met again.\n"))
    [article] = result.articles
    assert (article.id, article.title, article.path) == ("stdin", "Talks resume", "<stdin>")


def test_stdin_binary_buffer_is_sniffed_as_html():
    stream = io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8")), encoding="utf-8")
    [article] = read_sources(["-"], stdin=stream).articles
    assert article.id == "stdin" and article.title == "Envoys meet in Oslo"


def test_stdin_json_lines_get_stdin_line_ids():
    stream = io.StringIO('{"text": "One."}\n{"text": "Two."}\n')
    assert [a.id for a in read_sources(["-"], stdin=stream).articles] == ["stdin-1", "stdin-2"]


def test_a_file_with_an_unknown_extension_named_explicitly_is_sniffed(tmp_path):
    path = write(tmp_path / "saved.page", PAGE)
    [article] = read_sources([str(path)]).articles
    assert article.title == "Envoys meet in Oslo"


def test_folders_are_read_recursively_in_order_skipping_hidden_and_unknown_files(tmp_path):
    write(tmp_path / "b.txt", "Second article text.\n")
    write(tmp_path / "a" / "c.md", "Third article text.\n")
    write(tmp_path / "a.txt", "First article text.\n")
    write(tmp_path / ".hidden.txt", "Hidden article text.\n")
    write(tmp_path / ".git" / "x.txt", "Inside a hidden folder.\n")
    write(tmp_path / "notes.csv", "a,b\n")
    result = read_sources([str(tmp_path)])
    assert result.failures == []
    assert [a.id for a in result.articles] == ["a", "b", "c"]


def test_same_content_or_same_url_is_counted_once(tmp_path):
    write(tmp_path / "one.txt", "Envoys met in Oslo.\nThey will meet again.\n")
    write(tmp_path / "two.txt", "Envoys  met in Oslo.\r\nthey will meet again.\n")
    write(
        tmp_path / "feed.jsonl",
        json.dumps({"url": "https://e.org/a#top", "text": "Version A."})
        + "\n"
        + json.dumps({"url": "https://e.org/a", "text": "Version B, edited later."})
        + "\n",
    )
    result = read_sources([str(tmp_path)])
    assert [a.id for a in result.articles] == ["feed-1", "one"]
    assert result.duplicates == 2 and result.failures == []


def test_the_same_path_given_twice_is_read_once(tmp_path):
    path = write(tmp_path / "a.txt", "Text.\n")
    result = read_sources([str(path), str(tmp_path)])
    assert len(result.articles) == 1 and result.duplicates == 0


def test_equal_ids_from_different_folders_are_made_unique(tmp_path):
    write(tmp_path / "x" / "story.txt", "First story.\n")
    write(tmp_path / "y" / "story.txt", "Second story.\n")
    assert [a.id for a in read_sources([str(tmp_path)]).articles] == ["story", "story-2"]
