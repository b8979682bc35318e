"""`untrack fetch` against a local HTTP server shaped like the meetings-coverage site.

Nothing here touches the network: pytest-httpserver listens on 127.0.0.1 and serves
robots.txt, an RSS feed and release pages (the saved-page fixture, varied), and injects the
faults a real site has. Waits are switched off (UNTRACK_TEST_NO_WAIT, or a recording
`sleep` in library calls), so no test sleeps for timing.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from untrack.addresses import feed_links, page_url, slug
from untrack.cache import PageCache
from untrack.cli import app
from untrack.fetch import USER_AGENT, Politeness, decode_page, fetch_into, retry_after
from untrack.index import IndexStore

FIXTURE = (Path(__file__).parent / "fixtures" / "html_release.html").read_text(encoding="utf-8")
# Three releases: (symbol, a word only that release holds).
RELEASES = [("GA/12567", "zanzibarite"), ("SC/15551", "quokkaville"), ("GA/L/3613", "marzipanic")]


def release_page(symbol: str, word: str, kind: str = "Meetings Coverage") -> str:
    """The saved-page fixture as another release: its symbol, a paragraph with a word of its own."""
    page = FIXTURE.replace("ga12567", slug(symbol)).replace("GA/12567", symbol)
    page = page.replace(
        "<h2>Statements</h2>",
        f"<h2>Statements</h2>\n      <p>The representative of Norway said that {word} mattered above all.</p>",
    )
    if kind != "Meetings Coverage":
        page = page.replace('hreflang="en">Meetings Coverage</a></div>', f'hreflang="en">{kind}</a></div>')
        page = page.replace("Seventy-eighth Session,", "").replace("41st Meeting (AM)", "")
    return page


def rss(links: list[str]) -> str:
    items = "".join(f"<item><title>Release</title><link>{u}</link></item>" for u in links)
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>UN</title>{items}</channel></rss>'


def path_of(symbol: str, year: int = 2023) -> str:
    return f"/en/{year}/{slug(symbol)}.doc.htm"


class Site:
    """The local site: pages with ETags answering conditional requests with 304."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        server.expect_request("/robots.txt").respond_with_data(
            "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
        )
        self.pages: dict[str, str] = {}
        for symbol, word in RELEASES:
            self.serve(path_of(symbol), release_page(symbol, word))
        links = [self.url(path_of(s)) for s, _ in RELEASES]
        server.expect_request("/en/rss.xml").respond_with_data(rss(links), content_type="application/rss+xml")

    def url(self, path: str) -> str:
        return self.server.url_for(path)

    def serve(self, path: str, html: str, etag: str | None = None, **headers: str) -> None:
        """A page that answers If-None-Match with 304."""
        tag = etag or f'"{abs(hash(html))}"'

        def handler(request: Request) -> Response:
            if request.headers.get("If-None-Match") == tag:
                return Response(status=304, headers={"ETag": tag})
            return Response(html, content_type="text/html; charset=utf-8", headers={"ETag": tag, **headers})

        self.server.expect_request(path).respond_with_handler(handler)

    def first(self, path: str, respond: Callable[[Request], Response]) -> None:
        """Answer the next request for `path` this way (before its usual answer)."""
        self.server.expect_oneshot_request(path).respond_with_handler(respond)

    def requests(self, path: str) -> list[Request]:
        return [req for req, _ in self.server.log if req.path == path]

    def conditional(self) -> list[tuple[str, int]]:
        return [(req.path, resp.status_code) for req, resp in self.server.log if req.headers.get("If-None-Match")]


@pytest.fixture
def site(httpserver: HTTPServer) -> Site:
    return Site(httpserver)


@pytest.fixture(autouse=True)
def _no_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNTRACK_TEST_NO_WAIT", "1")


def run(runner: Any, ix: Path, *args: str) -> Any:
    return runner.invoke(app, ["fetch", "--index", str(ix), *args])


def search(runner: Any, ix: Path, *words: str) -> list[dict[str, Any]]:
    res = runner.invoke(app, ["search", "--index", str(ix), "--json", *words])
    return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


def export(runner: Any, ix: Path) -> str:
    res = runner.invoke(app, ["export", "--index", str(ix)])
    assert res.exit_code == 0, res.stderr
    return res.stdout


def warnings(res: Any) -> list[str]:
    """The warning lines of a run (not its summary)."""
    return [line for line in res.stderr.splitlines() if line.startswith("untrack: http")]


def consistent(ix: Path) -> None:
    """Every cached page is whole, has its record, and is a document of the index."""
    cache = PageCache(ix / "cache")
    assert not list((ix / "cache").rglob("*.part"))
    docs = json.loads((IndexStore(ix).current() / "untrack.json").read_text())["documents"]  # type: ignore[operator]
    indexed = {d["path"] for d in docs.values()}
    for page in cache.pages():
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")
        assert json.loads(Path(f"{page}.json").read_text())["url"].startswith("http://")
        assert str(page.resolve()) in indexed


# --------------------------------------------------------------------------- the happy path


def test_feed_then_search_finds_the_releases_and_a_second_run_fetches_nothing(runner, site: Site, tmp_path) -> None:
    ix = tmp_path / "ix"
    res = run(runner, ix, "--feed-url", site.url("/en/rss.xml"))
    assert res.exit_code == 0, res.stderr
    assert "fetched 3 page(s) (3 new, 0 changed), 0 unchanged, 0 failed" in res.stderr
    for _, word in RELEASES:
        hits = search(runner, ix, word)
        assert hits and word in hits[0]["text"]
    assert {h["symbol"] for _, w in RELEASES for h in search(runner, ix, w)} == {s for s, _ in RELEASES}
    consistent(ix)
    generation = IndexStore(ix).current()
    before = export(runner, ix)

    again = run(runner, ix, "--feed-url", site.url("/en/rss.xml"))
    assert again.exit_code == 0, again.stderr
    assert "fetched 0 page(s) (0 new, 0 changed), 3 unchanged" in again.stderr
    assert sorted(site.conditional()) == sorted((path_of(s), 304) for s, _ in RELEASES)  # asked, not re-sent
    assert IndexStore(ix).current() == generation and export(runner, ix) == before


def test_every_request_names_untrack_and_robots_txt_is_read_once(runner, site: Site, tmp_path) -> None:
    res = run(runner, tmp_path / "ix", *(site.url(path_of(s)) for s, _ in RELEASES))
    assert res.exit_code == 0, res.stderr
    assert len(site.requests("/robots.txt")) == 1
    agents = {req.headers.get("User-Agent") for req, _ in site.server.log}
    assert agents == {USER_AGENT} and USER_AGENT.startswith("untrack/0.1.0 (+http")


def test_addresses_from_a_list_and_symbols_with_a_year(runner, site: Site, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("untrack.addresses.SITE", site.url("").rstrip("/"))
    listing = tmp_path / "list.txt"
    listing.write_text(f"# releases to get\n{site.url(path_of('GA/12567'))}\n\nSC/15551\n", encoding="utf-8")
    ix = tmp_path / "ix"
    res = run(runner, ix, "--from", str(listing), "--year", "2023")
    assert res.exit_code == 0, res.stderr
    assert len(IndexStore(ix).manifest()["documents"]) == 2
    # Once indexed, a symbol finds its page without --year (its cached address).
    again = run(runner, ix, "SC/15551")
    assert again.exit_code == 0 and "1 unchanged" in again.stderr
    # `--from -` reads the list from standard input, as Unix tools do.
    piped = runner.invoke(app, ["fetch", "--index", str(ix), "--from", "-"], input="# piped\nSC/15551\n")
    assert piped.exit_code == 0 and "1 unchanged" in piped.stderr


def test_a_symbol_whose_year_cannot_be_known_is_an_error_before_any_request(runner, site: Site, tmp_path) -> None:
    res = run(runner, tmp_path / "ix", "GA/L/3613")
    assert res.exit_code == 2
    assert res.stderr.startswith("untrack: error: cannot tell the address of GA/L/3613") and "--year" in res.stderr
    assert "Traceback" not in res.stderr and not site.server.log
    bad = run(runner, tmp_path / "ix", "not-a-thing")
    assert bad.exit_code == 2 and "neither a page address" in bad.stderr
    assert run(runner, tmp_path / "ix").exit_code == 2  # nothing named


def test_symbols_map_to_the_sites_addresses() -> None:
    assert page_url("SC/15551", 2023) == "https://press.un.org/en/2023/sc15551.doc.htm"
    assert page_url("GA/L/3613", 2019) == "https://press.un.org/en/2019/gal3613.doc.htm"


def test_status_shows_the_cache_and_the_index_rebuilds_from_it_offline(runner, site: Site, tmp_path, monkeypatch):
    ix = tmp_path / "ix"
    assert run(runner, ix, "--feed-url", site.url("/en/rss.xml")).exit_code == 0
    info = json.loads(runner.invoke(app, ["status", "--index", str(ix), "--json"]).stdout)
    assert info["cache"] == str(ix / "cache") and info["cached_pages"] == 3
    assert "cached pages" in runner.invoke(app, ["status", "--index", str(ix)]).stdout
    before = export(runner, ix)

    def no_network(*args: Any, **kwargs: Any) -> None:
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    res = runner.invoke(app, ["index", "--rebuild", "--index", str(ix)])
    assert res.exit_code == 0, res.stderr
    assert "3 document(s)" in res.stderr
    assert export(runner, ix) == before


def test_no_index_only_downloads_and_a_later_index_run_picks_the_pages_up(runner, site: Site, tmp_path) -> None:
    ix = tmp_path / "ix"
    res = run(runner, ix, "--no-index", site.url(path_of("SC/15551")))
    assert res.exit_code == 0, res.stderr
    assert len(PageCache(ix / "cache").pages()) == 1 and not IndexStore(ix).exists()
    assert runner.invoke(app, ["index", "--index", str(ix)]).exit_code == 0
    assert search(runner, ix, "quokkaville")


def test_a_changed_page_updates_the_same_document(runner, site: Site, tmp_path) -> None:
    ix = tmp_path / "ix"
    url = site.url(path_of("SC/15551"))
    assert run(runner, ix, url).exit_code == 0
    site.server.clear()
    site.serve("/robots.txt", "")
    site.serve(path_of("SC/15551"), release_page("SC/15551", "wombatorium"), etag='"v2"')
    res = run(runner, ix, url)
    assert res.exit_code == 0 and "(0 new, 1 changed)" in res.stderr
    assert list(IndexStore(ix).manifest()["documents"]) == ["sc15551"]
    assert search(runner, ix, "wombatorium") and not search(runner, ix, "quokkaville")


def test_press_conferences_are_indexed_but_counted_apart(runner, site: Site, tmp_path) -> None:
    site.serve("/en/2023/db231204.doc.htm", release_page("GA/12999", "pangolinade", kind="Press Conference"))
    ix = tmp_path / "ix"
    res = run(runner, ix, site.url("/en/2023/db231204.doc.htm"))
    assert res.exit_code == 0, res.stderr
    assert warnings(res) == [
        f"untrack: {site.url('/en/2023/db231204.doc.htm')}: Press Conference, not a meetings-coverage release; "
        "indexed as a document"
    ]
    assert "1 not a meetings-coverage release (indexed anyway)" in res.stderr
    assert search(runner, ix, "pangolinade")


# --------------------------------------------------------------------------- faults


def test_500_then_200_is_retried(runner, site: Site, tmp_path) -> None:
    site.first(path_of("SC/15551"), lambda r: Response("busy", status=500))
    res = run(runner, tmp_path / "ix", site.url(path_of("SC/15551")))
    assert res.exit_code == 0 and "1 new" in res.stderr and not warnings(res)
    assert len(site.requests(path_of("SC/15551"))) == 2


def test_429_waits_as_long_as_retry_after_says(site: Site, tmp_path) -> None:
    site.first(path_of("SC/15551"), lambda r: Response("slow down", status=429, headers={"Retry-After": "7"}))
    slept: list[float] = []
    report = fetch_into(
        IndexStore(tmp_path / "ix"),
        [site.url(path_of("SC/15551")), site.url(path_of("GA/12567"))],
        politeness=Politeness(wait=1.0, sleep=slept.append),
    )
    assert len(report.new) == 2 and not report.failed
    assert 7.0 in slept  # Retry-After, not the backoff
    assert all(0 < s <= 7.0 for s in slept)  # the one-second gap between requests, never more


def test_a_site_still_saying_429_is_asked_nothing_more_this_run(runner, site: Site, tmp_path) -> None:
    site.server.expect_request("/en/2023/busy.doc.htm").respond_with_data("no", status=429)
    res = run(
        runner, tmp_path / "ix", "--retries", "1", site.url("/en/2023/busy.doc.htm"), site.url(path_of("SC/15551"))
    )
    assert res.exit_code == 2
    assert warnings(res) == [
        f"untrack: {site.url('/en/2023/busy.doc.htm')}: 429 TOO MANY REQUESTS after 2 tries, skipped",
        f"untrack: {site.url(path_of('SC/15551'))}: not asked: the site answered 429 Too Many Requests; run again "
        "later, skipped",
    ]
    assert not site.requests(path_of("SC/15551"))


def test_backoff_doubles_and_gives_up_with_one_line(runner, site: Site, tmp_path) -> None:
    site.server.expect_request("/en/2023/down.doc.htm").respond_with_data("down", status=503)
    slept: list[float] = []
    lines: list[str] = []
    report = fetch_into(
        IndexStore(tmp_path / "ix"),
        [site.url("/en/2023/down.doc.htm")],
        politeness=Politeness(wait=0.0, backoff=1.0, retries=3, sleep=slept.append),
        warn=lines.append,
    )
    assert slept == [1.0, 2.0, 4.0]
    assert lines == [f"{site.url('/en/2023/down.doc.htm')}: 503 SERVICE UNAVAILABLE after 4 tries, skipped"]
    assert report.failed and not report.got_any


def test_a_slow_response_times_out_and_the_run_goes_on(runner, site: Site, tmp_path) -> None:
    def slow(request: Request) -> Response:
        time.sleep(0.6)  # the server is slow; the client gives up after 0.2 s
        return Response(release_page("GA/1", "x"), content_type="text/html")

    site.server.expect_request("/en/2023/slow.doc.htm").respond_with_handler(slow)
    ix = tmp_path / "ix"
    res = run(runner, ix, "--timeout", "0.2", "--retries", "0", site.url("/en/2023/slow.doc.htm"))
    assert res.exit_code == 2
    assert warnings(res) == [f"untrack: {site.url('/en/2023/slow.doc.htm')}: timed out after 1 try, skipped"]
    assert "untrack: error: nothing could be fetched" in res.stderr
    ok = run(runner, ix, "--timeout", "2", site.url(path_of("SC/15551")))
    assert ok.exit_code == 0, ok.stderr
    consistent(ix)


def test_a_redirect_is_followed_and_kept_under_the_address_asked_for(runner, site: Site, tmp_path) -> None:
    site.server.expect_request("/en/2023/old.doc.htm").respond_with_data(
        "", status=301, headers={"Location": site.url(path_of("SC/15551"))}
    )
    ix = tmp_path / "ix"
    res = run(runner, ix, site.url("/en/2023/old.doc.htm"))
    assert res.exit_code == 0, res.stderr
    meta = PageCache(ix / "cache").meta(site.url("/en/2023/old.doc.htm"))
    assert meta and meta["final_url"] == site.url(path_of("SC/15551"))
    assert search(runner, ix, "quokkaville")


def test_bad_pages_each_give_one_line_and_nothing_cached_is_lost(runner, site: Site, tmp_path) -> None:
    ix = tmp_path / "ix"
    urls = [site.url(path_of(s)) for s, _ in RELEASES]
    assert run(runner, ix, *urls).exit_code == 0
    before, pages = export(runner, ix), {p: p.read_bytes() for p in PageCache(ix / "cache").pages()}
    site.server.clear()
    site.server.expect_request("/robots.txt").respond_with_data("")
    site.server.expect_request(path_of("GA/12567")).respond_with_data("gone", status=404)
    site.server.expect_request(path_of("SC/15551")).respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    cut = cut_short(release_page("GA/L/3613", "marzipanic").encode())
    site.server.expect_request(path_of("GA/L/3613")).respond_with_handler(cut)
    res = run(runner, ix, *urls)
    assert res.exit_code == 2
    kept = " (the cached copy is kept)"
    assert warnings(res) == [
        f"untrack: {urls[0]}: 404 NOT FOUND, skipped{kept}",
        f"untrack: {urls[1]}: not an HTML page (application/pdf), skipped{kept}",
        f"untrack: {urls[2]}: connection closed before the whole page arrived (truncated) after 4 tries, skipped{kept}",
    ]
    assert "0 unchanged, 3 failed" in res.stderr and "untrack: error: nothing could be fetched" in res.stderr
    assert export(runner, ix) == before
    assert {p: p.read_bytes() for p in PageCache(ix / "cache").pages()} == pages
    consistent(ix)


def test_a_page_cut_short_without_a_length_is_not_kept(runner, site: Site, tmp_path) -> None:
    site.server.expect_request("/en/2023/cut.doc.htm").respond_with_data(
        release_page("GA/1", "x")[:3000], content_type="text/html"
    )
    res = run(runner, tmp_path / "ix", site.url("/en/2023/cut.doc.htm"), site.url(path_of("SC/15551")))
    assert res.exit_code == 0
    assert warnings(res) == [
        f"untrack: {site.url('/en/2023/cut.doc.htm')}: the page ends before </html> (truncated), skipped"
    ]
    assert len(PageCache(tmp_path / "ix" / "cache").pages()) == 1


def reset(request: Request) -> Response:
    """Drop the connection with an RST instead of answering."""
    sock = request.environ["werkzeug.socket"]
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    os.close(sock.detach())
    return Response("")


def cut_short(body: bytes) -> Callable[[Request], Response]:
    """Send half the body of a response that announces all of it, then close."""

    def respond(request: Request) -> Response:
        sock = request.environ["werkzeug.socket"]
        head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n\r\n"
        sock.sendall(head.encode() + body[: len(body) // 2])
        sock.shutdown(socket.SHUT_WR)
        return Response("")

    return respond


def test_a_connection_reset_is_retried_then_reported(runner, site: Site, tmp_path) -> None:
    site.first(path_of("SC/15551"), reset)
    ix = tmp_path / "ix"
    res = run(runner, ix, site.url(path_of("SC/15551")))
    assert res.exit_code == 0 and "1 new" in res.stderr, res.stderr
    site.server.expect_request("/en/2023/reset.doc.htm").respond_with_handler(reset)
    res = run(runner, ix, "--retries", "1", site.url("/en/2023/reset.doc.htm"))
    assert res.exit_code == 2
    [line] = warnings(res)
    assert line.startswith(f"untrack: {site.url('/en/2023/reset.doc.htm')}: connection")
    assert line.endswith("after 2 tries, skipped")
    consistent(ix)


def test_a_wrong_charset_is_read_right_and_said(runner, site: Site, tmp_path) -> None:
    page = release_page("SC/15551", "déjàvuesque")
    site.server.expect_request("/en/2023/cp.doc.htm").respond_with_data(
        page.encode("cp1252", errors="replace"), content_type="text/html; charset=utf-8"
    )
    site.server.expect_request("/en/2023/latin.doc.htm").respond_with_data(
        release_page("GA/L/3613", "naïvetéesque").encode("utf-8"), content_type="text/html; charset=iso-8859-1"
    )
    ix = tmp_path / "ix"
    res = run(runner, ix, site.url("/en/2023/cp.doc.htm"), site.url("/en/2023/latin.doc.htm"))
    assert res.exit_code == 0, res.stderr
    assert warnings(res) == [
        f"untrack: {site.url('/en/2023/cp.doc.htm')}: not utf-8 as declared; read as Windows-1252",
        f"untrack: {site.url('/en/2023/latin.doc.htm')}: declared iso-8859-1 but is UTF-8; read as UTF-8",
    ]
    assert "déjàvuesque" in search(runner, ix, "déjàvuesque")[0]["text"]
    assert "naïvetéesque" in search(runner, ix, "naïvetéesque")[0]["text"]


def test_gzip_is_accepted(runner, site: Site, tmp_path) -> None:
    body = gzip.compress(release_page("GA/9", "gzippedword").encode())
    site.server.expect_request("/en/2023/gz.doc.htm").respond_with_data(
        body, content_type="text/html; charset=utf-8", headers={"Content-Encoding": "gzip"}
    )
    res = run(runner, tmp_path / "ix", site.url("/en/2023/gz.doc.htm"))
    assert res.exit_code == 0, res.stderr
    assert "gzip" in site.requests("/en/2023/gz.doc.htm")[0].headers.get("Accept-Encoding", "")
    assert search(runner, tmp_path / "ix", "gzippedword")


def test_robots_txt_is_obeyed(runner, site: Site, tmp_path) -> None:
    site.serve("/private/x.doc.htm", release_page("GA/2", "secretword"))
    res = run(runner, tmp_path / "ix", site.url("/private/x.doc.htm"), site.url(path_of("SC/15551")))
    assert res.exit_code == 0
    assert warnings(res) == [f"untrack: {site.url('/private/x.doc.htm')}: disallowed by the site's robots.txt, skipped"]
    assert not site.requests("/private/x.doc.htm")


def test_the_cap_on_pages_per_run_leaves_the_rest_for_the_next(runner, site: Site, tmp_path) -> None:
    ix = tmp_path / "ix"
    res = run(runner, ix, "--max-pages", "2", "--feed-url", site.url("/en/rss.xml"))
    assert res.exit_code == 0 and "2 new" in res.stderr and "1 left for another run" in res.stderr
    res = run(runner, ix, "--skip-cached", "--feed-url", site.url("/en/rss.xml"))
    assert "(1 new, 0 changed), 2 unchanged" in res.stderr
    assert len(IndexStore(ix).manifest()["documents"]) == 3


def test_politeness_options_are_checked(runner, tmp_path) -> None:
    res = run(runner, tmp_path / "ix", "--wait", "0.1", "http://127.0.0.1:9/x")
    assert res.exit_code == 2 and "--wait must be at least 1 second" in res.stderr


def test_a_folder_of_the_users_named_cache_is_never_used(runner, site: Site, tmp_path) -> None:
    ix = tmp_path / "ix"
    assert run(runner, ix, site.url(path_of("SC/15551"))).exit_code == 0
    other = tmp_path / "ix2"
    assert runner.invoke(app, ["index", "--index", str(other), "--sample"]).exit_code == 0
    (other / "cache").mkdir()
    (other / "cache" / "mine.txt").write_text("mine")
    res = run(runner, other, site.url(path_of("SC/15551")))
    assert res.exit_code == 2 and "is not untrack's page cache" in res.stderr
    assert os.listdir(other / "cache") == ["mine.txt"]


def test_ctrl_c_while_fetching_leaves_cache_and_index_whole(site: Site, tmp_path) -> None:
    """A real process, interrupted while it waits for a page: exit 130, one line, nothing half-written."""
    ix = tmp_path / "ix"
    env = {**os.environ, "UNTRACK_TEST_NO_WAIT": "1"}
    cmd = [sys.executable, "-m", "untrack", "fetch", "--index", str(ix)]
    first = subprocess.run([*cmd, site.url(path_of("SC/15551"))], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "untrack: fetched 1 page(s) (1 new, 0 changed)" in first.stderr
    before = IndexStore(ix).current()

    arrived, released = threading.Event(), threading.Event()

    def hang(request: Request) -> Response:
        arrived.set()
        released.wait(10)  # answers only once the client is gone
        return Response("late", status=500)

    site.server.expect_request("/en/2023/hang.doc.htm").respond_with_handler(hang)
    proc = subprocess.Popen(
        [*cmd, site.url(path_of("GA/12567")), site.url("/en/2023/hang.doc.htm")],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert arrived.wait(20)  # the process is waiting for that page
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=20)
    released.set()
    assert proc.returncode == 130
    assert err.splitlines()[-1] == "untrack: interrupted" and "Traceback" not in err
    assert IndexStore(ix).current() == before  # the index as it was
    assert len(PageCache(ix / "cache").pages()) == 2 and not list((ix / "cache").rglob("*.part"))
    # The next run indexes the page the interrupted one had already fetched.
    again = subprocess.run([*cmd, site.url(path_of("GA/12567"))], env=env, capture_output=True, text=True)
    assert again.returncode == 0 and "holds 2 document(s) (1 added" in again.stderr
    consistent(ix)


# --------------------------------------------------------------------------- small parts


def test_feed_links_and_retry_after() -> None:
    links = ["https://press.un.org/en/2024/sc15600.doc.htm", "https://press.un.org/en/2024/ga12600.doc.htm"]
    assert feed_links(rss(links).encode()) == links
    assert retry_after("7") == 7.0 and retry_after(None) is None and retry_after("soon") is None
    assert 0 <= (retry_after("Wed, 21 Oct 2015 07:28:00 GMT") or 0) < 1  # a date in the past: now


def test_decode_page_follows_header_then_meta() -> None:
    assert decode_page("é".encode("cp1252"), "text/html; charset=windows-1252") == ("é", None)
    assert decode_page('<meta charset="koi8-r">ж'.encode("koi8-r"), "text/html")[0].endswith("ж")
    assert decode_page("é".encode(), "text/html") == ("é", None)


def test_cache_paths_follow_the_address() -> None:
    cache = PageCache(Path("/c"))
    assert cache.page_path("https://press.un.org/en/2023/sc15551.doc.htm") == Path(
        "/c/press.un.org/en/2023/sc15551.html"
    )
    assert cache.page_path("https://press.un.org/en/1995/19951114.gaef2704.html").name == "19951114.gaef2704.html"
    assert cache.page_path("http://127.0.0.1:8080/../../etc/x.htm") == Path("/c/127.0.0.1_8080/etc/x.html")
    assert cache.page_path("http://h/a/.hidden/?q=1").parent == Path("/c/h/a/_.hidden")


def test_fetched_releases_replace_an_index_that_only_held_the_sample(runner, site: Site, tmp_path) -> None:
    ix = tmp_path / "ix"
    assert runner.invoke(app, ["index", "--index", str(ix), "--sample", "-q"]).exit_code == 0
    res = run(runner, ix, site.url(path_of("GA/12567")))
    assert res.exit_code == 0, res.stderr
    assert "replacing the sample release" in res.stderr
    docs = IndexStore(ix).manifest()["documents"]
    assert len(docs) == 1 and all("cache" in info["path"] for info in docs.values())


def test_a_redirect_to_an_address_robots_txt_disallows_is_not_followed(runner, site: Site, tmp_path) -> None:
    site.server.expect_request("/en/2023/moved.doc.htm").respond_with_data(
        "", status=302, headers={"Location": site.url("/private/y.doc.htm")}
    )
    site.serve("/private/y.doc.htm", release_page("GA/3", "hiddenword"))
    res = run(runner, tmp_path / "ix", site.url("/en/2023/moved.doc.htm"))
    assert res.exit_code == 2
    assert "which that site's robots.txt disallows" in res.stderr and res.stderr.count("Traceback") == 0
    assert not site.requests("/private/y.doc.htm")
