"""The page cache: every fetched release stored once, beside the index, readable offline.

Layout (inside the index folder, an entry its marker lists)::

    index/cache/press.un.org/en/2023/sc15551.html        the page, as UTF-8 HTML
    index/cache/press.un.org/en/2023/sc15551.html.json   its address, fetch time, ETag, Last-Modified

Pages are plain `.html` files that `untrack index` reads like any saved page, and the
cache folder is one of the index's sources, so `untrack index --rebuild` rebuilds from
it with no network. A page's file depends only on its address, so a page fetched again
replaces its file and updates the same document. Every write goes to a `.part` file
first and is renamed into place: an interrupted run leaves whole pages or none.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .folder import CACHE

PART = ".part"
_UNSAFE = re.compile(r"[^\w.-]+")
_PAGE_SUFFIX = re.compile(r"(?:\.doc)?\.(?:x?html?|shtml|asp|aspx|php)$", re.I)


def cache_folder(index: Path) -> Path:
    return Path(index) / CACHE


def _segment(text: str) -> str:
    """One path segment, safe on any file system and never hidden, `.` or `..`."""
    seg = _UNSAFE.sub("_", text).strip()
    return seg if seg and not seg.startswith(".") else f"_{seg}"


class PageCache:
    """Cached pages under one folder, keyed by the address they were asked for."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def page_path(self, url: str) -> Path:
        """Where the page of an address is kept: host, then the address's path, as `.html`."""
        parts = urlsplit(url)
        segments = [s for s in parts.path.split("/") if s not in ("", ".", "..")]
        name = _PAGE_SUFFIX.sub("", segments.pop()) if segments and not parts.path.endswith("/") else "index"
        if parts.query:
            name += "-" + hashlib.sha256(parts.query.encode()).hexdigest()[:8]
        host = parts.netloc.lower().rsplit("@", 1)[-1].replace(":", "_")
        return self.folder.joinpath(_segment(host), *map(_segment, segments), _segment(name) + ".html")

    def meta(self, url: str) -> dict[str, Any] | None:
        """What was recorded when the page was fetched (None if it is not cached whole)."""
        page = self.page_path(url)
        return read_meta(page) if page.is_file() else None

    def store(self, url: str, html: str, meta: dict[str, Any]) -> tuple[Path, bool]:
        """Keep a page and its record; returns (its file, whether its content changed)."""
        page = self.page_path(url)
        data = html.encode("utf-8")
        try:
            changed = page.read_bytes() != data
        except OSError:
            changed = True
        page.parent.mkdir(parents=True, exist_ok=True)
        if changed:
            _write_atomic(page, data)
        record = {**meta, "url": url, "fetched_at": now(), "sha256": hashlib.sha256(data).hexdigest()}
        _write_atomic(_meta_path(page), json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))
        return page, changed

    def touch(self, url: str, meta: dict[str, Any]) -> None:
        """Record a check that found the page unchanged (304), with any new validators."""
        page = self.page_path(url)
        record = {**(read_meta(page) or {}), **{k: v for k, v in meta.items() if v}, "checked_at": now()}
        _write_atomic(_meta_path(page), json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))

    def pages(self) -> list[Path]:
        return sorted(self.folder.rglob("*.html")) if self.folder.is_dir() else []

    def sweep(self) -> None:
        """Remove the `.part` files of a run that was killed mid-write."""
        if self.folder.is_dir():
            for part in self.folder.rglob(f"*{PART}"):
                part.unlink(missing_ok=True)


def read_meta(page: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(_meta_path(page).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _meta_path(page: Path) -> Path:
    return page.with_name(page.name + ".json")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _write_atomic(path: Path, data: bytes) -> None:
    """Write through a `.part` file and rename it into place: readers see the old file or the new."""
    tmp = path.with_name(path.name + PART)
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
