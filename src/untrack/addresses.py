"""Where releases live on the meetings-coverage site: symbols to page addresses, the RSS feed.

Pure functions, no network: `untrack.fetch` does the fetching. A release's page is
``https://press.un.org/en/<year>/<symbol, lower case, slashes dropped>.doc.htm``
(``SC/15551`` of 2023 → ``/en/2023/sc15551.doc.htm``); the year is not in the symbol, so it
must come from the user (``--year``), the index, or the feed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from .errors import UntrackError
from .textutil import shown_path

SITE = "https://press.un.org"
FEED_URL = f"{SITE}/en/rss.xml"
# GA/L/3613, SC/15551, SG/SM/21234, GA/SHC/4051 (a symbol names one release; no ranges or suffixes).
_SYMBOL = re.compile(r"[A-Za-z]{1,8}(?:/[A-Za-z]{1,8})*/\d{1,6}")
_YEAR = re.compile(r"/(19[4-9]\d|20\d\d)/")


def is_symbol(text: str) -> bool:
    return bool(_SYMBOL.fullmatch(text.strip()))


def slug(symbol: str) -> str:
    """The page name of a symbol: `GA/L/3613` → `gal3613`."""
    return symbol.strip().replace("/", "").lower()


def page_url(symbol: str, year: int) -> str:
    """The address of the release with this symbol, published in this year."""
    return f"{SITE}/en/{year}/{slug(symbol)}.doc.htm"


def year_of(url: str) -> int | None:
    """The year in a release's address (`/en/2019/gal3613.doc.htm` → 2019), if it has one."""
    m = _YEAR.search(urlsplit(url).path)
    return int(m.group(1)) if m else None


def names_symbol(url: str, symbol: str) -> bool:
    """Whether an address is the page of this symbol (`…/sc15551.doc.htm`, `…/19951114.gaef2704.html`)."""
    name = urlsplit(url).path.rsplit("/", 1)[-1].lower()
    return slug(symbol) in name.split(".")


def is_address(text: str) -> bool:
    parts = urlsplit(text.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def read_list(path: Path) -> list[str]:
    """Addresses or symbols from a file (`-`: standard input), one a line; blank lines and
    `#` comments skipped."""
    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise UntrackError(f"{shown_path(path)}: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise UntrackError(f"{shown_path(path)}: not a text file of addresses") from None
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def feed_links(data: bytes) -> list[str]:
    """The item links of an RSS 2.0 feed, in feed order (newest first on the site).

    The standard library's parser does not fetch external entities, and its expat bounds
    entity expansion, so a hostile feed can only list addresses."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise UntrackError(f"the feed is not RSS ({e})") from None
    links = []
    for item in root.iter("item"):
        link = (item.findtext("link") or item.findtext("guid") or "").strip()
        if is_address(link):
            links.append(link)
    if root.tag != "rss" and not links:
        raise UntrackError(f"the feed is not RSS (its root element is <{root.tag}>)")
    return list(dict.fromkeys(links))
