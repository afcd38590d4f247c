"""Bad input through the CLI, as a user meets it: exact exit codes and stderr naming each input."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from in_process import briefer as run

from briefer.model import Briefing

ROOT = Path(__file__).resolve().parent.parent
GOOD_ARTICLE = ROOT / "seeds" / "001_0a9e6b4c76570040.txt"
LIMIT = "larger than the 10,000-byte limit (raise it with --max-article-bytes)"


def warnings_in(stderr: str) -> list[str]:
    return [line.removeprefix("warning: ") for line in stderr.splitlines() if line.startswith("warning: ")]


@pytest.fixture(scope="module")
def slow_url() -> Iterator[str]:
    """A loopback URL that answers only after the test's timeout (never the default one: tests do not wait 10 s)."""

    class Slow(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            time.sleep(5)
            try:
                self.send_response(200)
                self.end_headers()
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/article"
    finally:
        httpd.shutdown()
        httpd.server_close()


def write(path: Path, data: bytes | str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return str(path)


def fifo(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return str(path)


def link_loop(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(path.name + ".again")
    path.with_name(path.name + ".again").symlink_to(path.name)
    return str(path)


BadInput = Callable[[Path], tuple[str, str]]

BAD_INPUTS: dict[str, BadInput] = {
    "missing": lambda d: (str(d / "absent.txt"), "no such file or folder"),
    "empty": lambda d: (write(d / "empty.txt", b""), "empty (0 bytes)"),
    "whitespace": lambda d: (write(d / "blank.md", b" \n\t\n"), "only whitespace, no text"),
    "binary": lambda d: (
        write(d / "photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
        "binary file (contains NUL bytes), not text",
    ),
    "too-large": lambda d: (write(d / "long.txt", "The talks went on. " * 1000), LIMIT),
    "empty-folder": lambda d: (
        str((d / "nothing").mkdir(parents=True) or d / "nothing"),
        "folder holds no articles (no .atom .htm .html .jsonl .md .rss .txt .xml files)",
    ),
    "bad-json-line": lambda d: (
        write(d / "export.jsonl", '{"text": "no closing quote}\n') + ":1",
        "malformed JSON at column 10 (unterminated string starting at)",
    ),
    "named-pipe": lambda d: (fifo(d / "pipe.txt"), "a named pipe, not a regular file"),
    "link-loop": lambda d: (link_loop(d / "loop.txt"), "symbolic link loop"),
    "malformed-url": lambda d: ("http://[::1/story", "malformed address (invalid ipv6 url)"),
    "relative-feed-link": lambda d: (
        write(d / "links.rss", b'<rss version="2.0"><channel><title>t</title>'
                               b"<item><title>One</title><link>stories/one.html</link></item></channel></rss>"),
        "entry 1 (stories/one.html): relative address with no web address to resolve it against",
    ),
    "bad-feed": lambda d: (
        write(d / "feed.rss", b"<rss><channel><item><title>cut"),
        "feed does not parse: line 2, column 30: no element found",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_a_bad_input_alone_exits_4_naming_it(tmp_path, case):
    name, reason = BAD_INPUTS[case](tmp_path)
    source = name.removesuffix(":1")
    result = run("extract", "--max-article-bytes", "10000", source)
    assert result.returncode == 4, result.stderr
    assert f"briefer: error: no usable article ({name}: {reason})" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_url_that_times_out_exits_4_naming_it(slow_url):
    started = time.monotonic()
    result = run("extract", "--timeout", "0.5", slow_url)
    assert result.returncode == 4, result.stderr
    assert f"briefer: error: no usable article ({slow_url}: timed out after 0.5 s)" in result.stderr
    assert time.monotonic() - started < 5


def test_a_refused_url_exits_4_naming_it():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/article"
    result = run("extract", url)
    assert result.returncode == 4
    assert f"no usable article ({url}: cannot fetch: connection refused)" in result.stderr


def test_empty_stdin_exits_4():
    result = run("extract", "-", stdin="")
    assert result.returncode == 4
    assert "no usable article (stdin: empty (0 bytes))" in result.stderr


def test_good_binary_and_empty_files_give_the_good_brief_two_warnings_and_exit_0(tmp_path):
    folder = tmp_path / "in"
    write(folder / "good.txt", GOOD_ARTICLE.read_text(encoding="utf-8"))
    binary = write(folder / "scan.txt", b"%PDF-1.7\n\x00\x01\x02\x03binary")
    empty = write(folder / "empty.md", b"")
    out = tmp_path / "out"
    result = run("brief", str(folder), "--out", str(out), "--format", "md,json", "--no-history")
    assert result.returncode == 0, result.stderr
    assert warnings_in(result.stderr) == [
        f"{empty}: empty (0 bytes)",
        f"{binary}: binary file (contains NUL bytes), not text",
    ]
    briefing = Briefing.model_validate_json((out / "briefing.json").read_text(encoding="utf-8"))
    assert [source.id for source in briefing.sources] == ["good"]
    assert [(f.input, f.reason) for f in briefing.failures] == [
        (empty, "empty (0 bytes)"),
        (binary, "binary file (contains NUL bytes), not text"),
    ]
    assert briefing.positions, "the good article's positions are missing"
    markdown = (out / "brief.md").read_text(encoding="utf-8")
    # the brief names a bad input as its reader knows it, never by the folders it lies in
    assert "empty.md: empty (0 bytes)" in markdown and "scan.txt: binary file" in markdown
    assert str(folder) not in markdown


def test_every_bad_input_beside_a_good_one_is_a_warning_and_strict_makes_it_exit_1(tmp_path):
    sources, expected = [write(tmp_path / "good.txt", GOOD_ARTICLE.read_text(encoding="utf-8"))], []
    for case in sorted(BAD_INPUTS):
        name, reason = BAD_INPUTS[case](tmp_path / case)
        sources.append(name.removesuffix(":1"))
        expected.append(f"{name}: {reason}")
    legacy = write(tmp_path / "legacy" / "cp1252.txt", "\u201cTalks resume,\u201d said the envoy.\n".encode("cp1252"))
    sources.append(legacy)

    result = run("extract", "--max-article-bytes", "10000", *sources)
    assert result.returncode == 0, result.stderr
    assert sorted(warnings_in(result.stderr)) == sorted(expected)
    unwrapped = "".join(result.stderr.split())  # the log handler wraps long lines, even inside paths
    assert "".join(f"{legacy}: not UTF-8; decoded as".split()) in unwrapped
    briefing = Briefing.model_validate_json(result.stdout)
    assert [source.id for source in briefing.sources] == ["good", "cp1252"]
    assert len(briefing.failures) == len(BAD_INPUTS)

    strict = run("extract", "--strict", "--max-article-bytes", "10000", *sources)
    assert strict.returncode == 1
    assert sorted(warnings_in(strict.stderr)) == sorted(expected)


def test_malformed_cleaning_rules_exit_3_naming_file_and_line(tmp_path):
    rules = tmp_path / "rules"
    bad = write(rules / "cleaning" / "site.yml", "version: 1\nfurniture:\n  - id: site.footer\n    match: '(open'\n")
    result = run("extract", "--rules", str(rules), str(GOOD_ARTICLE))
    assert result.returncode == 3, result.stderr
    assert f"{bad}:3: cleaning rule site.footer: bad `match` regex" in result.stderr


def test_user_cleaning_rules_apply(tmp_path):
    rules = tmp_path / "rules"
    write(
        rules / "cleaning" / "site.yml",
        "version: 1\nfurniture:\n  - id: site.tagline\n    lines: ['Your daily dose of diplomacy']\n",
    )
    article = write(tmp_path / "a.txt", "Your daily dose of diplomacy\n" + GOOD_ARTICLE.read_text(encoding="utf-8"))
    result = run("extract", "--rules", str(rules), article)
    assert result.returncode == 0, result.stderr
    briefing = json.loads(result.stdout)
    assert all("daily dose" not in p["statement"] for p in briefing["positions"])


def test_a_bad_since_value_exits_2_naming_it():
    result = run("extract", "--since", "last week", str(GOOD_ARTICLE))
    assert result.returncode == 2
    assert "--since: expected a duration such as 24h or 2d, or a date YYYY-MM-DD, not 'last week'" in result.stderr


def test_since_leaves_out_old_articles(tmp_path):
    export = write(
        tmp_path / "x.jsonl",
        json.dumps({"id": "old", "text": GOOD_ARTICLE.read_text(encoding="utf-8"), "published": "2001-01-01"}) + "\n",
    )
    result = run("extract", "--since", "2d", export)
    assert result.returncode == 4
    assert "no usable article" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode; covered in test_ingest_bad_input")
def test_an_unreadable_file_exits_4_naming_it(tmp_path):
    locked = write(tmp_path / "locked.txt", "Text.\n")
    Path(locked).chmod(0)
    result = run("extract", locked)
    assert result.returncode == 4
    assert f"{locked}: permission denied (file not readable)" in result.stderr
