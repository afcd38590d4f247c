"""Ingest: every kind of bad input becomes one InputFailure naming the input; the rest still counts."""

from __future__ import annotations

import io
import json
import logging
import os
import shutil
import tempfile
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.ingest import read_sources
from briefer.ingest.furniture import load_furniture

GOOD = "Envoys met in Oslo on Tuesday.\nThey will meet again next week.\n"


def failures_of(result) -> list[tuple[str, str]]:
    return [(failure.input, failure.reason) for failure in result.failures]


def write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_missing_path(tmp_path):
    missing = str(tmp_path / "nope.txt")
    result = read_sources([missing])
    assert result.articles == []
    assert failures_of(result) == [(missing, "no such file or folder")]


def test_broken_symlink(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert failures_of(read_sources([str(link)])) == [(str(link), "broken symbolic link")]


def test_unsupported_url_scheme():
    assert failures_of(read_sources(["ftp://example.org/a.txt"])) == [
        ("ftp://example.org/a.txt", "unsupported address (only http and https URLs are read)")
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty (0 bytes)"),
        (b"  \n\t\r\n  ", "only whitespace, no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (contains NUL bytes), not text"),
        (bytes(range(1, 32)) * 20 + b"some text", "binary file (mostly control bytes), not text"),
    ],
    ids=["empty", "whitespace", "nul-bytes", "control-bytes"],
)
def test_unusable_file_content(tmp_path, data, reason):
    path = write_bytes(tmp_path / "bad.txt", data)
    result = read_sources([str(path)])
    assert result.articles == []
    assert failures_of(result) == [(str(path), reason)]


def test_only_furniture_leaves_no_text(tmp_path):
    path = write_bytes(tmp_path / "furniture.txt", b"Spread the love\n[ad_1]\nTweet\n")
    assert failures_of(read_sources([str(path)])) == [(str(path), "no text left after cleaning")]


def test_folder_with_good_binary_and_empty_files_keeps_the_good_one(tmp_path):
    write_bytes(tmp_path / "good.txt", GOOD.encode())
    write_bytes(tmp_path / "image.txt", b"GIF89a\x01\x00\x01\x00\x00\xff\x00,")
    write_bytes(tmp_path / "empty.md", b"")
    result = read_sources([str(tmp_path)])
    assert [article.id for article in result.articles] == ["good"]
    assert failures_of(result) == [
        (str(tmp_path / "empty.md"), "empty (0 bytes)"),
        (str(tmp_path / "image.txt"), "binary file (contains NUL bytes), not text"),
    ]


def test_folder_with_no_articles(tmp_path):
    write_bytes(tmp_path / "data.csv", b"a,b\n")
    write_bytes(tmp_path / ".hidden.txt", GOOD.encode())
    [(name, reason)] = failures_of(read_sources([str(tmp_path)]))
    assert name == str(tmp_path)
    assert reason == "folder holds no articles (no .atom .htm .html .jsonl .md .rss .txt .xml files)"


def test_cp1252_text_is_decoded_with_a_warning(tmp_path, caplog):
    path = write_bytes(
        tmp_path / "legacy.txt",
        "\u201cWe will return,\u201d said the envoy in Bogot\u00e1.\n".encode("cp1252"),
    )
    with caplog.at_level(logging.WARNING):
        result = read_sources([str(path)])
    assert result.failures == []
    assert result.articles[0].text == '"We will return," said the envoy in Bogot\u00e1.'
    [warning] = [message for message in caplog.messages if message.startswith(f"{path}: not UTF-8; decoded as ")]
    assert warning.split(" as ")[1] == "cp1252"  # cp1250 holds these characters at these bytes too


def test_cp1252_is_preferred_to_cp1250_when_both_are_as_likely(tmp_path):
    french = "Négociations à Genève : les délégués ont quitté la salle après trois heures.\n"
    path = write_bytes(tmp_path / "geneve.txt", french.encode("cp1252"))
    assert read_sources([str(path)]).articles[0].text == french.strip()


def test_symbolic_link_loops_are_named_in_a_folder_and_on_their_own(tmp_path):
    write_bytes(tmp_path / "news" / "good.txt", GOOD.encode())
    (tmp_path / "news" / "a.txt").symlink_to("b.txt")
    (tmp_path / "news" / "b.txt").symlink_to("a.txt")
    (tmp_path / "news" / "again").symlink_to(tmp_path / "news")  # a folder linking to itself is not followed
    result = read_sources([str(tmp_path / "news"), str(tmp_path / "news" / "a.txt")])
    assert [article.id for article in result.articles] == ["good"]
    assert failures_of(result) == [  # a.txt named on its own as well as in its folder: told once
        (str(tmp_path / "news" / "a.txt"), "symbolic link loop"),
        (str(tmp_path / "news" / "b.txt"), "symbolic link loop"),
    ]


def test_named_pipes_are_never_opened_in_a_folder_or_named_explicitly(tmp_path):
    write_bytes(tmp_path / "news" / "good.txt", GOOD.encode())
    os.mkfifo(tmp_path / "news" / "pipe.txt")
    os.mkfifo(tmp_path / "alone.md")
    result = read_sources([str(tmp_path / "news"), str(tmp_path / "alone.md")])  # opening either would block
    assert [article.id for article in result.articles] == ["good"]
    assert failures_of(result) == [
        (str(tmp_path / "news" / "pipe.txt"), "a named pipe, not a regular file"),
        (str(tmp_path / "alone.md"), "a named pipe, not a regular file"),
    ]


def test_1500_nested_folders_are_walked_without_recursion(tmp_path):
    deep = tmp_path / "deep"
    deep.mkdir()
    write_bytes(deep / "top.txt", GOOD.replace("Oslo", "Bern").encode())
    with nested_folders(deep, 1500) as bottom:
        (bottom / "bottom.txt").write_text(GOOD, encoding="utf-8")
        result = read_sources([str(deep)])
    assert result.failures == []
    assert sorted(article.id for article in result.articles) == ["bottom", "top"]


@contextmanager
def nested_folders(top: Path, depth: int) -> Iterator[Path]:
    """`depth` folders, one inside the other, under `top`; removed again step by step (shutil.rmtree, as pytest's
    clean-up, recurses once a level)."""
    here = os.getcwd()
    os.chdir(top)
    try:
        for _ in range(depth):  # relative steps: no one call is given the whole path
            os.mkdir("d")
            os.chdir("d")
        yield Path(os.getcwd())
    finally:
        for entry in os.listdir():
            os.unlink(entry)
        while Path.cwd() != top:
            os.chdir("..")
            os.rmdir("d")
        os.chdir(here)




def test_utf16_with_bom_is_decoded(tmp_path):
    path = write_bytes(tmp_path / "wide.txt", GOOD.encode("utf-16"))
    assert read_sources([str(path)]).articles[0].text == GOOD.strip()


def test_size_limit_is_exact_and_named(tmp_path):
    at_limit = write_bytes(tmp_path / "at.txt", b"a" * 99 + b"\n")
    over = write_bytes(tmp_path / "over.txt", b"a" * 100 + b"\n")
    result = read_sources([str(at_limit), str(over)], max_bytes=100)
    assert [article.id for article in result.articles] == ["at"]
    assert failures_of(result) == [(str(over), "larger than the 100-byte limit (raise it with --max-article-bytes)")]


def test_a_20_mb_file_is_refused_with_the_limit_named_in_bounded_memory(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as stream:
        for _ in range(20):
            stream.write(b"The envoys talked all night about the ceasefire line. " * 19_000 + b"\n")
    assert big.stat().st_size > 20_000_000
    load_furniture()  # parse the rules outside the measurement
    tracemalloc.start()
    try:
        result = read_sources([str(big)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert failures_of(result) == [
        (str(big), "larger than the 5,000,000-byte limit (raise it with --max-article-bytes)")
    ]
    assert peak < 6_000_000, f"peak {peak:,} bytes: the file was read whole"


def test_a_huge_json_line_is_refused_and_the_other_lines_kept_in_bounded_memory(tmp_path):
    path = tmp_path / "export.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        stream.write(json.dumps({"id": "small-1", "text": "First."}) + "\n")
        stream.write(json.dumps({"id": "huge", "text": "word " * 2_000_000}) + "\n")
        stream.write(json.dumps({"id": "small-2", "text": "Third."}) + "\n")
    load_furniture()
    tracemalloc.start()
    try:
        result = read_sources([str(path)], max_bytes=1_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [article.id for article in result.articles] == ["small-1", "small-2"]
    assert failures_of(result) == [
        (f"{path}:2", "larger than the 1,000,000-byte limit (raise it with --max-article-bytes)")
    ]
    assert peak < 3_000_000, f"peak {peak:,} bytes"


def test_malformed_json_lines_are_named_by_line_and_the_rest_count(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"text": "Good one."}),
                '{"text": "unterminated',
                "[1, 2]",
                json.dumps({"title": "no text"}),
                json.dumps({"text": 5}),
                json.dumps({"text": "   "}),
                "[" * 100_000,
                json.dumps({"text": "Good two."}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = read_sources([str(path)])
    assert [article.id for article in result.articles] == ["export-1", "export-8"]
    assert failures_of(result) == [
        (f"{path}:2", "malformed JSON at column 10 (unterminated string starting at)"),
        (f"{path}:3", "expected a JSON object, found list"),
        (f"{path}:4", 'no "text" string field'),
        (f"{path}:5", '"text" is not a string'),
        (f"{path}:6", '"text" is empty'),
        (f"{path}:7", "malformed JSON (nested too deeply)"),
    ]


def test_empty_jsonl_file(tmp_path):
    path = write_bytes(tmp_path / "none.jsonl", b"\n\n")
    assert failures_of(read_sources([str(path)])) == [(str(path), "empty (no JSON lines)")]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<rss><channel><item><title>cut off", "feed does not parse: line 2, column 34: no element found"),
        (
            b"<?xml version='1.0'?><catalog><book>Not a feed</book></catalog>",
            "feed does not parse: not RSS or Atom",
        ),
        (b"<rss version='2.0'><channel><title>Quiet</title></channel></rss>", "feed has no entries"),
    ],
    ids=["truncated", "other-xml", "no-entries"],
)
def test_feeds_that_do_not_parse(tmp_path, data, reason):
    path = write_bytes(tmp_path / "feed.xml", data)
    result = read_sources([str(path)])
    assert result.articles == []
    assert failures_of(result) == [(str(path), reason)]


def test_html_without_article_text(tmp_path):
    path = write_bytes(
        tmp_path / "empty.html", b"<html><head><title>x</title></head><body><img src=a.png></body></html>"
    )
    assert failures_of(read_sources([str(path)])) == [(str(path), "no article text found in the HTML page")]


def test_stdin_over_the_limit_and_empty_stdin():
    assert failures_of(read_sources(["-"], stdin=io.StringIO("x" * 11), max_bytes=10)) == [
        ("stdin", "larger than the 10-byte limit (raise it with --max-article-bytes)")
    ]
    assert failures_of(read_sources(["-"], stdin=io.StringIO(""))) == [("stdin", "empty (0 bytes)")]


def test_a_folder_given_where_a_file_was_expected_is_still_read(tmp_path):
    write_bytes(tmp_path / "dir.txt" / "inner.txt", GOOD.encode())
    assert [a.id for a in read_sources([str(tmp_path / "dir.txt")]).articles] == ["inner"]


def run_without_root(function):
    """Run `function` as an ordinary user: root reads any file whatever its mode bits."""
    if os.geteuid() != 0:
        return function()
    load_furniture()  # import what reading needs before dropping privileges
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: drop to nobody, run, send the outcome back
        try:
            os.close(read_fd)
            os.setgid(65534)
            os.setuid(65534)
            outcome = json.dumps(function())
        except BaseException as exc:  # report anything to the parent
            outcome = json.dumps({"error": repr(exc)})
        with os.fdopen(write_fd, "w") as pipe:
            pipe.write(outcome)
        os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        outcome = json.loads(pipe.read())
    os.waitpid(pid, 0)
    assert not (isinstance(outcome, dict) and "error" in outcome), outcome
    return outcome


def test_unreadable_file_and_folder():
    base = Path(tempfile.mkdtemp(prefix="briefer-ingest-"))  # under /tmp, reachable by another user
    base.chmod(0o755)
    locked_file = write_bytes(base / "locked.txt", GOOD.encode())
    locked_file.chmod(0o000)
    locked_folder = base / "private"
    write_bytes(locked_folder / "a.txt", GOOD.encode())
    locked_folder.chmod(0o000)
    try:
        outcome = run_without_root(
            lambda: [list(pair) for pair in failures_of(read_sources([str(locked_file), str(locked_folder)]))]
        )
    finally:
        locked_folder.chmod(0o755)
        shutil.rmtree(base)
    assert outcome == [
        [str(locked_file), "permission denied (file not readable)"],
        [str(locked_folder), "cannot read folder: permission denied"],
    ]


@settings(max_examples=150, deadline=None)
@given(
    data=st.one_of(st.binary(max_size=3000), st.text(max_size=3000).map(lambda text: text.encode("utf-8"))),
    suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl", ".rss", ".data"]),
)
def test_any_bytes_in_any_format_give_articles_or_failures_never_an_exception(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = write_bytes(Path(folder) / f"input{suffix}", data)
        result = read_sources([str(path)])
    assert result.articles or result.failures
    assert all(failure.input.startswith(str(path)) and failure.reason for failure in result.failures)
    assert all(article.text and "\r" not in article.title for article in result.articles)
