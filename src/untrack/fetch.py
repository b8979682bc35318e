"""Getting releases from the meetings-coverage site: a polite HTTP client and the fetch run.

Polite by default: one request at a time, at least `wait` seconds apart (longer if the
site's robots.txt asks for a Crawl-delay), robots.txt obeyed, a User-Agent naming untrack,
timeouts, and a few retries with exponential backoff on timeouts, dropped connections,
5xx and 429 (honouring Retry-After). Pages go to the :mod:`untrack.cache` and from there
into the index, so a page is fetched once and asked for again only conditionally
(If-None-Match / If-Modified-Since; a 304 costs nothing).

httpx does the HTTP (connection reuse, gzip, redirects, timeouts, streaming); the retry
loop is ours because every wait goes through one injectable `sleep`, which tests replace.
"""

from __future__ import annotations

import codecs
import email.utils
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable
from urllib.parse import urlsplit

from . import PROJECT_URL, __version__
from .addresses import FEED_URL, feed_links, is_address, is_symbol, names_symbol, page_url, year_of
from .cache import PageCache, cache_folder, read_meta
from .errors import UntrackError
from .folder import CACHE
from .sources import MAX_BYTES, WarnFn, western
from .textutil import shown_path

if TYPE_CHECKING:
    import httpx

    from .build import UpdateReport
    from .index import IndexStore

__all__ = ["FEED_URL", "Client", "FetchFailed", "FetchReport", "Politeness", "fetch_into", "resolve"]

USER_AGENT = f"untrack/{__version__} (+{PROJECT_URL})"
ROBOTS_AGENT = "untrack"
RETRY_STATUSES = {429, 500, 502, 503, 504}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
MEETINGS_COVERAGE = "Meetings Coverage"


@dataclass
class Politeness:
    """How hard untrack may press on a site. The defaults are the CLI's; tests shrink them."""

    wait: float = 1.0  # seconds between the starts of two requests
    timeout: float = 30.0  # seconds to connect, and between bytes of a response
    retries: int = 3  # further tries after a timeout, a dropped connection, 5xx or 429
    backoff: float = 1.0  # first retry after this many seconds, then twice as long each time
    max_retry_after: float = 300.0  # a longer Retry-After is not waited for: the page fails
    max_pages: int = 500  # page requests per run (robots.txt and the feed not counted)
    sleep: Callable[[float], None] = time.sleep


class FetchFailed(Exception):
    """A page that could not be got; str(error) says why, for one warning line."""


@dataclass
class Response:
    status: int
    reason: str
    url: str  # after redirects
    headers: Any
    body: bytes
    tries: int = 1

    def problem(self) -> str:
        """The status as a warning says it: `503 Service Unavailable after 4 tries`."""
        return f"{self.status} {self.reason}".strip() + (f" after {self.tries} tries" if self.tries > 1 else "")


MAX_REDIRECTS = 5


class Client:
    """One polite HTTP session: robots.txt per site, a wait between requests, retries."""

    def __init__(self, politeness: Politeness, warn: WarnFn, transport: httpx.BaseTransport | None = None) -> None:
        import httpx

        self.p = politeness
        self.warn = warn
        self.http = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"},
            timeout=httpx.Timeout(politeness.timeout),
            follow_redirects=False,  # followed by _once, which asks each new address's robots.txt first
            transport=transport,
        )
        self.last_start: float | None = None
        self.robots: dict[str, Any] = {}  # origin -> RobotFileParser
        self.delay: dict[str, float] = {}  # origin -> Crawl-delay
        self.told_to_stop: set[str] = set()  # origins still answering 429 after the retries

    def close(self) -> None:
        self.http.close()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """GET with retries; a final 4xx/5xx is returned, transport failures raise FetchFailed."""
        import httpx

        for attempt in range(self.p.retries + 1):
            delay: float | None = None
            try:
                response = self._once(url, headers or {})
            except httpx.TimeoutException:
                why = "timed out"
            except (httpx.UnsupportedProtocol, httpx.InvalidURL, httpx.DecodingError) as e:
                raise FetchFailed(str(e) or type(e).__name__) from None
            except httpx.RemoteProtocolError:
                why = "connection closed before the whole page arrived (truncated)"
            except httpx.TransportError as e:
                why = f"connection failed ({e or type(e).__name__})"
            else:
                response.tries = attempt + 1
                delay = retry_after(response.headers.get("retry-after"))
                last = attempt == self.p.retries or (delay is not None and delay > self.p.max_retry_after)
                if response.status == 429 and last:
                    self.told_to_stop.add(_origin(url))  # the site wants a rest: ask it nothing more this run
                if response.status not in RETRY_STATUSES or last:
                    return response
                why = f"{response.status} {response.reason}"
            if attempt == self.p.retries:
                tries = "1 try" if attempt == 0 else f"{attempt + 1} tries"
                raise FetchFailed(f"{why} after {tries}")
            self.p.sleep(delay if delay is not None else self.p.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        """One page, its redirects followed (at most MAX_REDIRECTS), each hop a polite request
        that the robots.txt of the address it goes to allows."""
        for _ in range(MAX_REDIRECTS + 1):
            self._pause(_origin(url))
            with self.http.stream("GET", url, headers=headers) as r:
                target = str(r.next_request.url) if r.is_redirect and r.next_request is not None else None
                if target is None:
                    chunks, size = [], 0
                    for chunk in r.iter_bytes():
                        size += len(chunk)
                        if size > MAX_BYTES:
                            raise FetchFailed(f"larger than {MAX_BYTES // 2**20} MB, not a press release")
                        chunks.append(chunk)
                    return Response(r.status_code, r.reason_phrase, str(r.url), r.headers, b"".join(chunks))
            if not target.endswith("/robots.txt") and not self.allowed(target):
                raise FetchFailed(f"redirected to {target}, which that site's robots.txt disallows")
            url = target
        raise FetchFailed(f"more than {MAX_REDIRECTS} redirects")

    def _pause(self, origin: str) -> None:
        """Wait until the last request started at least the polite gap ago."""
        gap = max(self.p.wait, self.delay.get(origin, 0.0))
        if self.last_start is not None:
            left = self.last_start + gap - time.monotonic()
            if left > 0:
                self.p.sleep(left)
        self.last_start = time.monotonic()

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets untrack fetch this address (read once per site)."""
        origin = _origin(url)
        if origin not in self.robots:
            self.robots[origin] = self._read_robots(origin)
        return bool(self.robots[origin].can_fetch(ROBOTS_AGENT, url))

    def _read_robots(self, origin: str) -> Any:
        """RFC 9309: a missing robots.txt (4xx) allows everything; 401/403 or a server that
        cannot answer (5xx, no connection) allow nothing, and that is said once."""
        from urllib.robotparser import RobotFileParser

        rules: Any = RobotFileParser(origin + "/robots.txt")
        try:
            r = self.get(origin + "/robots.txt")
            status, why = r.status, r.problem()
        except FetchFailed as e:
            r, status, why = None, 0, str(e)
        if r is not None and status == 200:
            rules.parse(r.body.decode("utf-8", "replace").splitlines())
            delay = rules.crawl_delay(ROBOTS_AGENT)
            if delay:
                self.delay[origin] = float(delay)
        elif 400 <= status < 500 and status not in (401, 403):
            rules.allow_all = True
        else:
            rules.disallow_all = True
            self.warn(f"{origin}/robots.txt could not be read ({why}); nothing is fetched from {origin} this run")
        return rules


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), if it says."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# --------------------------------------------------------------------------- pages

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_SINGLE_BYTE_WESTERN = {"cp1252", "latin_1", "ascii", "iso8859-1"}


def _codec(name: str | None) -> str | None:
    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None


def decode_page(data: bytes, content_type: str) -> tuple[str, str | None]:
    """The page's text and a note when its charset was not what it declared.

    The charset comes from the Content-Type header, else the page's <meta>; a page that is
    valid UTF-8 is read as UTF-8 whatever a Western single-byte label says (a common
    misconfiguration, and UTF-8 is never valid by accident); Latin-1 labels are read as
    Windows-1252, as browsers do; undecodable bytes fall back to Windows-1252, said so."""
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
    meta = _META_CHARSET.search(data[:4096])
    label = m.group(1) if m else (meta.group(1).decode("ascii") if meta else None)
    declared = _codec(label)
    western_label = declared in _SINGLE_BYTE_WESTERN
    if declared not in (None, "utf-8") and not western_label:
        try:
            return data.decode(declared), None
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text, encoding = western(data)
        return text, None if western_label else f"not {label or 'UTF-8'} as declared; read as {encoding}"
    misread = western_label and not data.isascii()
    return text, f"declared {label} but is UTF-8; read as UTF-8" if misread else None


# --------------------------------------------------------------------------- the run


@dataclass
class FetchReport:
    """What a fetch run did, for the summary line and the exit status."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)  # fetched, but not meetings coverage (indexed anyway)
    left: int = 0  # addresses not tried because of the per-run cap
    indexed: UpdateReport | None = None

    @property
    def fetched(self) -> int:
        return len(self.new) + len(self.changed)

    @property
    def got_any(self) -> bool:
        return bool(self.fetched or self.unchanged)


def resolve(targets: list[str], year: int | None, store: IndexStore | None, feed: list[str] | None = None) -> list[str]:
    """Addresses for what the user named: addresses as given, symbols through --year, the
    index (a cached page's address, else the release's year) or the feed. Anything else is
    an error naming it, before any request is made."""
    known = _symbols_in_index(store) if store is not None else {}
    urls = []
    for target in targets:
        target = target.strip()
        if is_address(target):
            urls.append(target)
        elif is_symbol(target):
            found = [u for u in feed or [] if names_symbol(u, target)]
            url = page_url(target, year) if year else known.get(target.upper()) or (found[0] if found else None)
            if url is None:
                where = "the index or the feed" if feed else "the index"
                raise UntrackError(
                    f"cannot tell the address of {target}: its year is not in {where}; give --year YEAR "
                    f"or the page's address ({page_url(target, 2023)} for 2023)"
                )
            urls.append(url)
        else:
            raise UntrackError(f"{target!r} is neither a page address (https://…) nor a document symbol (SC/15551)")
    return list(dict.fromkeys(urls))


def _symbols_in_index(store: IndexStore) -> dict[str, str]:
    """Symbol → address, for the releases an index already holds."""
    if not store.exists():
        return {}
    try:
        docs = store.manifest().get("documents", {})
    except UntrackError:
        return {}
    out = {}
    cache = os.path.realpath(cache_folder(store.path)) + os.sep
    for info in docs.values():
        symbol, path = str(info.get("symbol") or "").upper(), str(info.get("path", ""))
        if not is_symbol(symbol):
            continue
        meta = read_meta(Path(path)) if path.startswith(cache) else None  # only the cache's own records
        if meta and is_address(str(meta.get("url", ""))):
            out[symbol] = str(meta["url"])
        elif str(info.get("date") or "")[:4].isdigit():
            out[symbol] = page_url(symbol, int(str(info["date"])[:4]))
    return out


def fetch_into(
    store: IndexStore,
    targets: list[str],
    *,
    year: int | None = None,
    feed: str | None = None,
    index: bool = True,
    skip_cached: bool = False,
    politeness: Politeness | None = None,
    warn: WarnFn | None = None,
    progress: Callable[[int, int], None] | None = None,
    transport: httpx.BaseTransport | None = None,
) -> FetchReport:
    """Fetch pages (and the feed's items) into the index's cache, then index the cache.

    The whole run holds the index's writer lock. Every page is written whole or not at
    all, and the index is updated from every cached page, so a run interrupted while
    fetching leaves the previous index, and the next run indexes what this one fetched."""
    from .folder import IndexFolder
    from .sources import discover

    politeness = politeness or Politeness()
    warn = warn or (lambda message: None)
    if not feed:
        resolve(targets, year, store)  # bad input is an error before the lock or any request
    report = FetchReport()
    with store.lock(notify=warn):
        folder = cache_folder(store.path)
        owner = IndexFolder(store.path)
        if os.path.lexists(folder) and (CACHE not in owner.entries() or not folder.is_dir() or folder.is_symlink()):
            raise UntrackError(f"{shown_path(folder)} is not untrack's page cache; move it out of the index folder")
        owner.record(CACHE)
        folder.mkdir(exist_ok=True)
        cache = PageCache(folder)
        cache.sweep()
        client = Client(politeness, warn, transport)
        try:
            fed = _feed_items(client, feed) if feed else []
            urls = list(dict.fromkeys([*resolve(targets, year, store, fed), *fed]))
            if feed and not fed:
                warn(f"the feed at {feed} lists no releases")
            for i, url in enumerate(urls):
                if progress:
                    progress(i, len(urls))
                if i >= politeness.max_pages:
                    report.left = len(urls) - i
                    warn(
                        f"stopped after {politeness.max_pages} pages (--max-pages); {report.left} left: run again "
                        "with --skip-cached to go on"
                    )
                    break
                _fetch_page(client, cache, url, report, warn, skip_cached)
            if progress:
                progress(len(urls), len(urls))
        finally:
            client.close()
        if index and cache.pages():
            # The sample was for trying untrack out: fetched releases take its place, as in `untrack index`.
            replace = store.exists() and store.holds_only_sample()
            if replace:
                warn(f"replacing the sample release in {shown_path(store.path)} with the fetched releases")
            sources = list(discover([folder], warn))
            report.indexed = store.update(sources, rebuild=replace, warn=warn, roots=[folder])
    return report


def _feed_items(client: Client, url: str) -> list[str]:
    """The addresses an RSS feed lists; a feed that cannot be got is an error for the run."""
    if not client.allowed(url):
        raise UntrackError(f"{url}: disallowed by the site's robots.txt")
    try:
        r = client.get(url)
    except FetchFailed as e:
        raise UntrackError(f"could not get the feed at {url}: {e}") from None
    if r.status != 200:
        raise UntrackError(f"could not get the feed at {url}: {r.problem()}")
    return feed_links(r.body)


def _fetch_page(client: Client, cache: PageCache, url: str, report: FetchReport, warn: WarnFn, skip: bool) -> None:
    """Fetch one page into the cache; every failure is one warning line and the run goes on."""
    meta = cache.meta(url)
    if meta is not None and skip:
        report.unchanged.append(url)
        return
    kept = " (the cached copy is kept)" if meta is not None else ""
    try:
        page = _get_page(client, url, meta)
    except FetchFailed as e:
        warn(f"{url}: {e}, skipped{kept}")
        report.failed.append(url)
        return
    if page is None:
        cache.touch(url, {})
        report.unchanged.append(url)
        return
    text, record, kind = page
    if kind != MEETINGS_COVERAGE:
        warn(f"{url}: {kind or 'no meeting named'}, not a meetings-coverage release; indexed as a document")
        report.other.append(url)
    _, changed = cache.store(url, text, record)
    (report.changed if changed and meta else report.new if changed else report.unchanged).append(url)


def _get_page(client: Client, url: str, meta: dict[str, Any] | None) -> tuple[str, dict[str, Any], str | None] | None:
    """(text, record, document type) of a release page; None when it has not changed (304).
    Raises FetchFailed for anything that is not a release page, said in a few words."""
    from .html import document_type
    from .sources import parse_text

    if _origin(url) in client.told_to_stop:
        raise FetchFailed("not asked: the site answered 429 Too Many Requests; run again later")
    if not client.allowed(url):
        raise FetchFailed("disallowed by the site's robots.txt")
    headers = {}
    if meta and meta.get("etag"):
        headers["If-None-Match"] = str(meta["etag"])
    if meta and meta.get("last_modified"):
        headers["If-Modified-Since"] = str(meta["last_modified"])
    r = client.get(url, headers)
    if r.status == 304 and meta is not None:
        return None
    if r.status != 200:
        raise FetchFailed(r.problem())
    content_type = r.headers.get("content-type", "")
    mime = content_type.split(";")[0].strip().lower()
    if mime not in HTML_TYPES or b"\x00" in r.body[:4096]:
        raise FetchFailed(f"not an HTML page ({mime or 'no content type'})")
    if b"</html" not in r.body[-4096:].lower():
        raise FetchFailed("the page ends before </html> (truncated)")
    text, note = decode_page(r.body, content_type)
    if note:
        client.warn(f"{url}: {note}")
    doc = parse_text("page", text, html=True)
    if not any(p.kind == "paragraph" for p in doc.paragraphs):
        raise FetchFailed("no paragraphs found (not a press release?)")
    kind = document_type(text) or (MEETINGS_COVERAGE if doc.meeting else None)
    record = {
        "final_url": r.url,
        "etag": r.headers.get("etag"),
        "last_modified": r.headers.get("last-modified"),
        "content_type": content_type,
        "document_type": kind,
        "year": year_of(url),
    }
    return text, record, kind
