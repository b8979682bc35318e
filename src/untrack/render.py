"""Terminal rendering with Rich: colour only where wanted, document text always inert.

Every piece of document or query text goes through :func:`untrack.textutil.terminal_safe`
and into ``rich.text.Text`` objects (never markup strings), so "[bold]" or an escape
sequence in a release prints as the characters it is.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from contextlib import contextmanager
from typing import IO, Any, Callable, Iterable, Iterator

from rich.console import Console
from rich.text import Text

from .textutil import terminal_safe

HIGHLIGHT = "bold black on yellow"
SPEAKER = "bold cyan"
DIM = "dim"


def want_color(choice: str, stream: IO[str]) -> bool:
    """ripgrep's rule: 'always' and 'never' are absolute; 'auto' means a TTY and no NO_COLOR."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def console(color: bool, stream: IO[str] | None = None, stderr: bool = False) -> Console:
    stream = stream or (sys.stderr if stderr else sys.stdout)
    tty = bool(getattr(stream, "isatty", lambda: False)())
    return Console(
        file=stream,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=not tty,
        width=None if tty else 10_000,
    )


def safe(text: str | None) -> str:
    return terminal_safe(text or "")


def highlighted(text: str, spans: list[tuple[int, int]], style: str = HIGHLIGHT) -> Text:
    """Text with the spans styled; each slice is made terminal-safe on its own."""
    out = Text()
    pos = 0
    for a, b in spans:
        out.append(safe(text[pos:a]))
        out.append(safe(text[a:b]), style=style)
        pos = b
    out.append(safe(text[pos:]))
    return out


def hit_text(hit: Any, full: bool = False) -> Text:
    """One search hit: rank, speaker and affiliation, id, section, and the fragment."""
    rec = hit.record
    head = Text()
    head.append(f"{hit.rank:>3}. ", style="bold")
    head.append(safe(rec.get("speaker") or "(no speaker)"), style=SPEAKER if rec.get("speaker") else DIM)
    if rec.get("affiliation") and rec.get("affiliation") != rec.get("speaker"):
        head.append(" — " + safe(rec["affiliation"]), style="cyan")
    meta = Text("     ")
    meta.append(safe(rec["id"]), style="magenta")
    if rec.get("date"):
        meta.append("  " + safe(rec["date"]), style=DIM)
    if rec.get("section"):
        meta.append("  § " + safe(rec["section"]), style="italic")
    body = Text("     ")
    if full:
        body.append_text(highlighted(rec["text"], hit.matches))
    else:
        start = hit.snippet_start
        if start > 0:
            body.append("…")
        body.append_text(highlighted(hit.snippet, hit.snippet_matches))
        if start + len(hit.snippet) < len(rec["text"]):
            body.append("…")
    return Text("\n").join([head, meta, body])


def print_hits(con: Console, hits: Iterable[Any], full: bool = False) -> None:
    first = True
    for hit in hits:
        if not first:
            con.print()
        con.print(hit_text(hit, full))
        first = False


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def to_json(rec: dict[str, Any]) -> str:
    """One JSON line, UTF-8; C1 controls and bidi marks escaped so a terminal shows them inert."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(rec, ensure_ascii=False))


class _Progress:
    """A Rich progress bar on stderr, shown only on a TTY once work has taken over a second."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or (self.bar is None and time.monotonic() - self.started < 1.0):
            return
        if self.bar is None:
            from rich.progress import Progress

            self.bar = Progress(console=Console(file=sys.stderr), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("indexing", total=total)
        self.bar.update(self.task, completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Callable[[int, int], None]]:
    bar = _Progress(enabled)
    try:
        yield bar
    finally:
        bar.close()


def write_jsonl(stream: IO[str], records: Iterable[dict[str, Any]]) -> None:
    """JSON Lines: one object per line, valid whatever the text holds."""
    for rec in records:
        stream.write(to_json(rec) + "\n")
