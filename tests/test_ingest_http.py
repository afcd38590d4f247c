"""Ingest over HTTP: pages and feeds from a real server on 127.0.0.1, and every way a fetch fails."""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from pathlib import Path

import pytest
from in_process import briefer

from briefer.ingest import read_sources
from briefer.ingest.downloads import FETCH_WORKERS, Downloads
from briefer.ingest.fetch import USER_AGENT

ROOT = Path(__file__).resolve().parent.parent
GATE_SECONDS = 20.0  # how long a request held at a barrier or event waits before it fails (never reached when fine)

PAGE = b"""<!doctype html><html><head><title>Mediators meet in Doha</title>
<meta name="date" content="2024-04-02"></head><body><nav>Home | World</nav>
<article><p>Mediators met in Doha on Tuesday to prepare a new round of talks, officials said.</p>
<p>The next session is planned for next week in the same building.</p></article></body></html>"""

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks end</title><link>http://example.org/end</link><guid>end-1</guid>
<description>The talks ended without agreement.</description></item></channel></rss>"""


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    drip: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    length: bool = True
    barrier: threading.Barrier | None = None  # answer only once all the barrier's requests are waiting
    after: threading.Event | None = None  # answer only once this is set
    done: threading.Event = field(default_factory=threading.Event)  # set once the body is sent


@dataclass
class Server:
    """A loopback HTTP server whose routes a test fills in."""

    base: str
    routes: dict[str, Route]
    user_agents: list[str]

    def url(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.base + path


@pytest.fixture
def server() -> Iterator[Server]:
    routes: dict[str, Route] = {}
    user_agents: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            user_agents.append(self.headers.get("User-Agent", ""))
            route = routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            if not _released(route):
                self.send_error(503, "Never released")
                return
            time.sleep(route.delay)
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.length:
                self.send_header("Content-Length", str(len(route.body)))
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            try:
                if route.drip:
                    for byte in route.body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(route.drip)
                else:
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass
            route.done.set()

        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", routes, user_agents)
    finally:
        httpd.shutdown()
        httpd.server_close()


def _released(route: Route) -> bool:
    """Whether the route's barrier and event let it answer; False when they do not within GATE_SECONDS."""
    if route.barrier is not None:
        try:
            route.barrier.wait()
        except threading.BrokenBarrierError:
            return False
    return route.after is None or route.after.wait(GATE_SECONDS)


def failures_of(result) -> list[tuple[str, str]]:
    return [(failure.input, failure.reason) for failure in result.failures]


def test_an_article_page_is_fetched_with_our_user_agent_and_read_like_html(server):
    url = server.url("/page", Route(PAGE))
    result = read_sources([url], timeout=5)
    [article] = result.articles
    assert article.title == "Mediators meet in Doha"
    assert article.url == url
    assert article.published == "2024-04-02"
    assert article.id.startswith("url-")
    assert article.text.splitlines() == [
        "Mediators met in Doha on Tuesday to prepare a new round of talks, officials said.",
        "The next session is planned for next week in the same building.",
    ]
    assert server.user_agents == [USER_AGENT]


def test_a_feed_url_is_read_by_content_type_or_by_sniffing(server):
    typed = server.url("/feed.rss", Route(FEED, "application/rss+xml"))
    generic = server.url("/feed", Route(FEED.replace(b"end-1", b"end-2"), "text/xml"))
    result = read_sources([typed, generic], timeout=5)
    assert [article.title for article in result.articles] == ["Talks end"]
    assert result.duplicates == 1  # same text and link in both feeds
    assert result.articles[0].url == "http://example.org/end"


def test_a_plain_text_url(server):
    url = server.url("/a.txt", Route(b"Talks resume\n\nEnvoys met again.\n", "text/plain; charset=utf-8"))
    [article] = read_sources([url], timeout=5).articles
    assert (article.title, article.text, article.url) == (
        "Talks resume",
        "Talks resume\n\nEnvoys met again.",
        url,
    )


def test_a_latin1_page_declared_by_the_server_is_decoded_with_a_warning(server, caplog):
    body = (
        "<html><body><article><p>The envoy arrived in Bogot\u00e1 on Monday for another round of talks.</p>"
        "</article></body></html>"
    )
    url = server.url("/latin", Route(body.encode("latin-1"), "text/html; charset=iso-8859-1"))
    [article] = read_sources([url], timeout=5).articles
    assert "Bogot\u00e1" in article.text
    assert f"{url}: not UTF-8; decoded as iso8859-1" in caplog.messages


def test_a_server_that_does_not_answer_in_time(server):
    url = server.url("/slow", Route(PAGE, delay=2.0))
    started = time.monotonic()
    result = read_sources([url], timeout=0.3)
    assert time.monotonic() - started < 1.5
    assert failures_of(result) == [(url, "timed out after 0.3 s")]


def test_a_body_that_trickles_in_past_the_deadline(server):
    url = server.url("/drip", Route(PAGE, drip=0.05))
    started = time.monotonic()
    result = read_sources([url], timeout=0.5)
    assert time.monotonic() - started < 1.5
    assert failures_of(result) == [(url, "timed out after 0.5 s")]


def test_http_errors_are_named(server):
    missing = server.base + "/missing"
    broken = server.url("/broken", Route(b"oops", status=500))
    assert failures_of(read_sources([missing, broken], timeout=5)) == [
        (missing, "HTTP 404 Not Found"),
        (broken, "HTTP 500 Internal Server Error"),
    ]


def test_a_refused_connection():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/a"
    assert failures_of(read_sources([url], timeout=2)) == [(url, "cannot fetch: connection refused")]


def test_bodies_over_the_limit_are_refused_whether_announced_or_not(server):
    announced = server.url("/big", Route(b"x" * 5000, "text/plain"))
    unannounced = server.url("/big-chunked", Route(b"x" * 5000, "text/plain", length=False))
    limit = "larger than the 1,000-byte limit (raise it with --max-article-bytes)"
    assert failures_of(read_sources([announced, unannounced], timeout=5, max_bytes=1000)) == [
        (announced, limit),
        (unannounced, limit),
    ]


def test_redirects_are_followed_to_http_only(server):
    target = server.url("/target", Route(PAGE))
    hop = server.url("/hop", Route(status=302, headers={"Location": target}))
    ftp = server.url("/to-ftp", Route(status=302, headers={"Location": "ftp://127.0.0.1/x"}))
    result = read_sources([hop, ftp], timeout=5)
    assert [article.url for article in result.articles] == [target]
    assert failures_of(result) == [
        (ftp, "cannot fetch: redirect to ftp://127.0.0.1/x: only http and https addresses are fetched, not ftp:")]


def test_a_binary_url_and_a_bad_feed_url(server):
    image = server.url("/img", Route(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"))
    feed = server.url("/bad.rss", Route(b"<rss><channel><item>", "application/rss+xml"))
    reasons = dict(failures_of(read_sources([image, feed], timeout=5)))
    assert reasons[image] == "binary file (contains NUL bytes), not text"
    assert reasons[feed].startswith("feed does not parse: line ")


def test_a_failing_url_does_not_cost_the_other_inputs(server, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Envoys met in Oslo.\n", encoding="utf-8")
    slow = server.url("/slow", Route(PAGE, delay=2.0))
    result = read_sources([slow, str(good)], timeout=0.3)
    assert [article.id for article in result.articles] == ["good"]
    assert failures_of(result) == [(slow, "timed out after 0.3 s")]


def test_feed_entries_without_links_from_a_url_stay_separate_articles(server):
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        b"<item><title>One</title><description>The first round ended.</description></item>"
        b"<item><title>Two</title><description>A second round was set.</description></item>"
        b"</channel></rss>"
    )
    url = server.url("/nolinks.rss", Route(feed, "application/rss+xml"))
    result = read_sources([url], timeout=5)
    assert [(article.title, article.url) for article in result.articles] == [("One", None), ("Two", None)]
    assert result.duplicates == 0


def test_a_body_cut_short_is_a_failure_not_half_an_article():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()

        def answer() -> None:
            connection, _ = listener.accept()
            with connection:
                connection.recv(4096)
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n")
                connection.sendall(b"The first half of an article")

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/cut"
        result = read_sources([url], timeout=5)
        thread.join()
    assert failures_of(result) == [(url, "cannot fetch: the connection closed 972 bytes before the end")]


def _link_feed(items: list[str]) -> bytes:
    """An RSS feed of the given <item> bodies."""
    entries = "".join(f"<item>{item}</item>" for item in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{entries}</channel></rss>'.encode()


def test_feed_entries_with_only_a_title_and_link_fetch_the_linked_page(server):
    page = server.url("/story", Route(PAGE))
    missing = server.base + "/gone"
    slow = server.url("/slow-story", Route(PAGE, delay=2.0))
    linked_feed = server.url("/other.rss", Route(FEED, "application/rss+xml"))
    told = server.url("/told", Route(b"never fetched"))
    feed = server.url("/links.rss", Route(_link_feed([
        f"<title>Mediators gather</title><link>{page}</link><pubDate>Mon, 01 Apr 2024 08:00:00 GMT</pubDate>",
        f"<title>Gone</title><link>{missing}</link>",
        f"<title>Slow</title><link>{slow}</link>",
        f"<title>A feed</title><link>{linked_feed}</link>",
        f"<title>Told</title><link>{told}</link><description>The envoys left Doha on Wednesday.</description>",
    ]), "application/rss+xml"))
    result = read_sources([feed], timeout=0.5)
    assert [(article.title, article.url, article.published) for article in result.articles] == [
        ("Mediators gather", page, "2024-04-01T08:00:00+00:00"),
        ("Told", told, None),
    ]
    fetched, told_article = result.articles
    assert fetched.text.startswith("Mediators met in Doha on Tuesday") and fetched.id.startswith("feed-")
    assert told_article.text == "The envoys left Doha on Wednesday."
    assert failures_of(result) == [
        (feed, f"entry 2 ({missing}): HTTP 404 Not Found"),
        (feed, f"entry 3 ({slow}): timed out after 0.5 s"),
        (feed, f"entry 4 ({linked_feed}): the link is not an article page (feed)"),
    ]
    assert server.user_agents == [USER_AGENT] * 5, "the feed and four linked pages; an entry with text is not fetched"


def test_a_linked_page_over_the_limit_is_refused(server, tmp_path):
    big = server.url("/big-story", Route(b"x" * 5000, "text/plain", length=False))
    feed = tmp_path / "wire.rss"
    feed.write_bytes(_link_feed([f"<title>Big</title><link>{big}</link>"]))
    result = read_sources([str(feed)], timeout=5, max_bytes=1000)
    assert failures_of(result) == [
        (str(feed), f"entry 1 ({big}): larger than the 1,000-byte limit (raise it with --max-article-bytes)")]


def test_the_cli_briefs_a_feed_of_links_and_warns_once_per_failed_entry(server):
    article = (ROOT / "seeds" / "001_0a9e6b4c76570040.txt").read_bytes()
    page = server.url("/seed", Route(article, "text/plain; charset=utf-8"))
    missing = server.base + "/gone"
    feed = server.url("/links.rss", Route(_link_feed([
        f"<title>Seed story</title><link>{page}</link>", f"<title>Gone</title><link>{missing}</link>"]),
        "application/rss+xml"))
    result = briefer("extract", feed)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert warnings == [f"warning: {feed}: entry 2 ({missing}): HTTP 404 Not Found"]
    briefing = json.loads(result.stdout)
    assert [(source["title"], source["url"]) for source in briefing["sources"]] == [("Seed story", page)]
    assert briefing["positions"], "the linked article's positions are missing"


def _story(number: int) -> Route:
    """A plain-text article of its own, so that no two are duplicates."""
    return Route(f"Round {number}\n\nEnvoys met for round {number} of the talks.\n".encode(), "text/plain")


def _meeting(server: Server, count: int) -> list[str]:
    """URLs of `count` stories that are answered only when all of them are asked for at the same time."""
    barrier = threading.Barrier(count, timeout=GATE_SECONDS)
    return [server.url(f"/meet-{number}", replace(_story(number), barrier=barrier)) for number in range(count)]


def test_urls_on_the_command_line_are_fetched_at_the_same_time(server):
    urls = _meeting(server, FETCH_WORKERS)
    result = read_sources(urls, timeout=2 * GATE_SECONDS)
    assert failures_of(result) == []
    assert [(article.title, article.url) for article in result.articles] == [
        (f"Round {number}", url) for number, url in enumerate(urls)]


def test_feed_links_are_fetched_at_the_same_time(server):
    links = _meeting(server, FETCH_WORKERS)
    feed = server.url("/meet.rss", Route(_link_feed([f"<title>Meeting {n}</title><link>{link}</link>"
                                                     for n, link in enumerate(links)]), "application/rss+xml"))
    result = read_sources([feed], timeout=2 * GATE_SECONDS)
    assert failures_of(result) == []
    assert [(article.title, article.url) for article in result.articles] == [
        (f"Meeting {number}", link) for number, link in enumerate(links)]


def _hashed(prefix: str, key: str) -> str:
    """The id briefer gives an article from a URL or a feed entry's link."""
    return f"{prefix}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"


def _finishing_backwards(server: Server, prefix: str, count: int) -> list[str]:
    """URLs of `count` stories, each answered only after the next one has been sent: the last finishes first."""
    routes = [_story(number) for number in range(count)]
    for route, following in pairwise(routes):
        route.after = following.done
    return [server.url(f"{prefix}-{number}", route) for number, route in enumerate(routes)]


def test_articles_keep_the_order_of_the_sources_when_the_last_url_answers_first(server, tmp_path):
    first, second, third = _finishing_backwards(server, "/back", 3)
    local = tmp_path / "local.txt"
    local.write_text("Envoys met in Oslo.\n", encoding="utf-8")
    result = read_sources([first, str(local), second, third], timeout=2 * GATE_SECONDS)
    assert failures_of(result) == []
    assert [(article.id, article.url) for article in result.articles] == [
        (_hashed("url", first), first), ("local", None), (_hashed("url", second), second),
        (_hashed("url", third), third)]


def test_feed_entries_keep_their_order_when_the_last_link_answers_first(server):
    links = _finishing_backwards(server, "/entry", 4)
    feed = server.url("/back.rss", Route(_link_feed([f"<title>Entry {n}</title><link>{link}</link>"
                                                     for n, link in enumerate(links)]), "application/rss+xml"))
    result = read_sources([feed], timeout=2 * GATE_SECONDS)
    assert failures_of(result) == []
    assert [(article.title, article.url, article.id) for article in result.articles] == [
        (f"Entry {n}", link, _hashed("feed", link)) for n, link in enumerate(links)]


def test_one_failing_link_among_links_fetched_together_costs_that_entry_only(server):
    first, second, third = _meeting(server, 3)
    missing = server.base + "/gone"
    feed = server.url("/some-gone.rss", Route(_link_feed([
        f"<title>One</title><link>{first}</link>", f"<title>Gone</title><link>{missing}</link>",
        f"<title>Two</title><link>{second}</link>", f"<title>Three</title><link>{third}</link>",
    ]), "application/rss+xml"))
    result = read_sources([feed], timeout=2 * GATE_SECONDS)
    assert failures_of(result) == [(feed, f"entry 2 ({missing}): HTTP 404 Not Found")]
    assert [(article.title, article.url) for article in result.articles] == [
        ("One", first), ("Two", second), ("Three", third)]


def test_one_failing_url_among_urls_fetched_together_costs_that_url_only(server):
    first, second, third = _meeting(server, 3)
    missing = server.base + "/gone"
    result = read_sources([first, missing, second, third], timeout=2 * GATE_SECONDS)
    assert failures_of(result) == [(missing, "HTTP 404 Not Found")]
    assert [article.url for article in result.articles] == [first, second, third]


def test_downloads_hand_back_every_item_in_order_past_the_look_ahead():
    with Downloads(timeout=1, max_bytes=10) as downloads:
        assert list(downloads.ahead(range(10 * FETCH_WORKERS), lambda _: None)) == [
            (number, None) for number in range(10 * FETCH_WORKERS)]


# Only http(s) is ever fetched: a source, a feed entry's link (local or served feed), a redirect.

SECRET = "BRIEFER_SMTP_PASSWORD='never-read-me'"


@pytest.fixture
def secret(tmp_path) -> Path:
    """A local file briefer must never read through an address: a mail settings file."""
    path = tmp_path / "config" / "smtp.env"
    path.parent.mkdir()
    path.write_text(f"{SECRET}\nBRIEFER_SMTP_USER=desk\n\nTalks resumed in Geneva on Monday, officials said.\n")
    return path


def _local_addresses(path: Path) -> list[str]:
    """Every spelling of a local file's address that urllib's default opener would read."""
    return [f"file://localhost{path}", f"file://{path}", f"file:{path}", path.as_uri(),
            "data:text/plain;base64,VGFsa3MgcmVzdW1lZA==", f"ftp://127.0.0.1{path}"]


def _nothing_read_from(result, secret_path: Path) -> None:
    assert all(SECRET not in article.text and SECRET not in article.title for article in result.articles)
    assert all("smtp" not in (article.url or "") for article in result.articles)


def test_fetch_itself_refuses_every_address_but_http_and_https(secret):
    from briefer.ingest.failures import BadInput
    from briefer.ingest.fetch import fetch

    for address in _local_addresses(secret):
        with pytest.raises(BadInput, match=r"^only http and https addresses are fetched, not (file|data|ftp):$"):
            fetch(address, timeout=1, max_bytes=1000)


def test_a_local_file_address_as_a_source_is_refused(secret):
    addresses = _local_addresses(secret)
    result = read_sources(addresses, timeout=1)
    assert result.articles == []
    assert failures_of(result) == [(address, "unsupported address (only http and https URLs are read)")
                                   for address in dict.fromkeys(addresses)]  # an address given twice: told once


def _entries_linking_to(addresses: list[str]) -> bytes:
    return _link_feed([f"<title>Entry {number}</title><link>{address}</link>"
                       for number, address in enumerate(addresses, start=1)])


def _refused_entries(result, addresses: list[str]) -> None:
    """Each entry was refused for its scheme, naming the entry and (as feedparser spells it) its link."""
    reasons = [reason for _, reason in failures_of(result)]
    assert len(reasons) == len(addresses), reasons
    for number, (reason, address) in enumerate(zip(reasons, addresses, strict=True), start=1):
        scheme = address.split(":")[0]
        assert reason.startswith(f"entry {number} ({scheme}:"), reason
        assert reason.endswith(f"): only http and https addresses are fetched, not {scheme}:"), reason


def test_a_local_feed_cannot_make_briefer_read_local_files(secret, tmp_path):
    addresses = _local_addresses(secret)
    feed = tmp_path / "wire.rss"
    feed.write_bytes(_entries_linking_to(addresses))
    result = read_sources([str(feed)], timeout=1)
    _nothing_read_from(result, secret)
    assert result.articles == []
    assert {name for name, _ in failures_of(result)} == {str(feed)}
    _refused_entries(result, addresses)


def test_a_served_feed_cannot_make_briefer_read_local_files(server, secret):
    addresses = _local_addresses(secret)
    feed = server.url("/leak.rss", Route(_entries_linking_to(addresses), "application/rss+xml"))
    result = read_sources([feed], timeout=2)
    _nothing_read_from(result, secret)
    assert result.articles == []
    _refused_entries(result, addresses)
    assert server.user_agents == [USER_AGENT], "only the feed itself was fetched"


def test_a_feed_entry_with_text_keeps_only_a_web_link(tmp_path, secret):
    feed = tmp_path / "told.rss"
    feed.write_bytes(_link_feed([f"<title>Told</title><link>{secret.as_uri()}</link>"
                                 "<description>The envoys left Doha on Wednesday.</description>"]))
    [article] = read_sources([str(feed)], timeout=1).articles
    assert (article.text, article.url) == ("The envoys left Doha on Wednesday.", None)


def test_a_redirect_to_a_local_file_is_refused(server, secret):
    hops = [server.url(f"/to-{number}", Route(status=302, headers={"Location": address}))
            for number, address in enumerate(_local_addresses(secret))]
    result = read_sources(hops, timeout=2)
    _nothing_read_from(result, secret)
    assert result.articles == []
    assert [reason for _, reason in failures_of(result)] == [
        f"cannot fetch: redirect to {address}: only http and https addresses are fetched, not {address.split(':')[0]}:"
        for address in _local_addresses(secret)]


def test_a_feed_link_that_redirects_to_a_local_file_is_refused(server, secret):
    hop = server.url("/hop", Route(status=301, headers={"Location": secret.as_uri()}))
    feed = server.url("/hop.rss", Route(_entries_linking_to([hop]), "application/rss+xml"))
    result = read_sources([feed], timeout=2)
    assert result.articles == []
    assert failures_of(result) == [(feed, f"entry 1 ({hop}): cannot fetch: redirect to {secret.as_uri()}: "
                                          "only http and https addresses are fetched, not file:")]


def test_the_cli_brief_of_a_served_feed_leaks_no_local_file(server, secret, tmp_path):
    article = (ROOT / "seeds" / "001_0a9e6b4c76570040.txt").read_bytes()
    page = server.url("/seed", Route(article, "text/plain; charset=utf-8"))
    leak = f"file://localhost{secret}"
    feed = server.url("/wire.rss", Route(_entries_linking_to([page, leak]), "application/rss+xml"))
    out = tmp_path / "out"
    result = briefer("brief", feed, "--out", str(out), "--no-history", "--format", "md,html,json")
    assert result.returncode == 0, result.stderr
    assert f"warning: {feed}: entry 2 ({leak}): only http and https addresses are fetched, not file:" in (
        result.stderr.splitlines())
    written = sorted(path.name for path in out.iterdir())
    assert written == ["brief.html", "brief.md", "briefing.json"]
    for name in written:
        assert "never-read-me" not in (out / name).read_text(encoding="utf-8"), name
    assert "never-read-me" not in result.stderr + result.stdout


def test_a_relative_feed_link_is_resolved_against_the_feed_address(server, tmp_path):
    server.url("/stories/seed", Route(PAGE))
    feed = server.url("/feeds/wire.rss", Route(_entries_linking_to(["../stories/seed"]), "application/rss+xml"))
    [article] = read_sources([feed], timeout=2).articles
    assert (article.title, article.url) == ("Entry 1", server.base + "/stories/seed")
    local = tmp_path / "wire.rss"
    local.write_bytes(_entries_linking_to(["stories/seed"]))
    assert failures_of(read_sources([str(local)], timeout=2)) == [
        (str(local), "entry 1 (stories/seed): relative address with no web address to resolve it against")]


def test_malformed_addresses_are_named_not_raised(tmp_path):
    bad_source, bad_link = "http://[::1", "http://[::1/story"
    feed = tmp_path / "bad-links.rss"
    feed.write_bytes(_entries_linking_to([bad_link, "http://:80/x"]))
    result = read_sources([bad_source, "https://host:port/x", str(feed)], timeout=2)
    assert failures_of(result) == [
        (bad_source, "malformed address (invalid ipv6 url)"),
        ("https://host:port/x", "malformed address (port could not be cast to integer value as 'port')"),
        (str(feed), f"entry 1 ({bad_link}): malformed address (invalid ipv6 url)"),
        (str(feed), "entry 2 (http://:80/x): malformed address (no host name)"),
    ]


def test_a_redirect_loop_is_one_line(server):
    loop = server.url("/loop", Route(status=302, headers={"Location": "/loop"}))
    assert failures_of(read_sources([loop], timeout=2)) == [
        (loop, "cannot fetch: more than 10 redirects or a redirect loop")]
