"""Terminal rendering with Rich: colour only where wanted, document text always inert.

Every piece of document or query text goes through :func:`untrack.textutil.terminal_safe`
and into ``rich.text.Text`` objects (never markup strings), so "[bold]" or an escape
sequence in a release prints as the characters it is.
"""

from __future__ import annotations

import io
import os
import shlex
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from typing import IO, Any, Callable, Iterable, Iterator

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .plain import INDENT, context_text, safe, to_json, want_color, write_jsonl

__all__ = ["console", "highlighted", "hits_renderables", "record_renderables", "show", "progress_bar"]
__all__ += ["safe", "to_json", "want_color", "write_jsonl"]  # plain text helpers, also here

HIGHLIGHT = "bold black on yellow"
SPEAKER = "bold cyan"
DIM = "dim"


def console(color: bool, stream: IO[str] | None = None, width: int | None = None) -> Console:
    """A Console that never interprets markup; wraps to the terminal, or not at all when piped."""
    stream = stream or sys.stdout
    tty = width is not None or bool(getattr(stream, "isatty", lambda: False)())
    return Console(
        file=stream,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=not tty,
        width=width if width else (None if tty else 10_000),
    )


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


def _indented(text: Text, indent: int = INDENT) -> Padding:
    """Text whose wrapped lines keep the indent (hits wrap cleanly at any width)."""
    return Padding(text, (0, 0, 0, indent), expand=False)


def _header(rank: int | None, rec: dict[str, Any]) -> list[Any]:
    who = Text()
    who.append(safe(rec.get("speaker") or "(no speaker)"), style=SPEAKER if rec.get("speaker") else DIM)
    if rec.get("affiliation") and rec.get("affiliation") != rec.get("speaker"):
        who.append(" — " + safe(rec["affiliation"]), style="cyan")
    if rank is None:
        head: Any = who
    else:
        head = Table.grid(padding=(0, 1))
        head.add_column(width=INDENT - 1, justify="right", style="bold")
        head.add_column()
        head.add_row(f"{rank}.", who)
    meta = Text()
    meta.append(safe(rec["id"]), style="magenta")
    if rec.get("date"):
        meta.append("  " + safe(rec["date"]), style=DIM)
    if rec.get("section"):
        meta.append("  § " + safe(rec["section"]), style="italic")
    return [head, _indented(meta)]


def _context_line(rec: dict[str, Any], full: bool) -> Table:
    """A neighbouring paragraph, set apart by a bar and dimmed."""
    line = Text()
    line.append(safe(rec["id"]), style="magenta dim")
    if rec.get("kind") == "heading":
        line.append("  § " + safe(rec["text"]), style="italic dim")
    else:
        line.append("  " + safe(rec.get("speaker") or "(no speaker)") + ": ", style="cyan dim")
        line.append(safe(context_text(rec["text"], full)), style=DIM)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=INDENT, justify="right", style=DIM)
    grid.add_column()
    grid.add_row("│", line)
    return grid


def _with_context(
    head: list[Any], body: Text, rec: dict[str, Any], context: list[dict[str, Any]], full: bool = True
) -> Group:
    parts = list(head)
    parts += [_context_line(r, full) for r in context if r["n"] < rec["n"]]
    parts.append(_indented(body))
    parts += [_context_line(r, full) for r in context if r["n"] > rec["n"]]
    return Group(*parts)


def hit_text(hit: Any, full: bool = False) -> Group:
    """One search hit: rank, speaker and affiliation, id, section, the fragment, and context."""
    rec = hit.record
    if full:
        body = highlighted(rec["text"], hit.matches)
    else:
        body = Text()
        if hit.snippet_start > 0:
            body.append("…")
        body.append_text(highlighted(hit.snippet, hit.snippet_matches))
        if hit.snippet_start + len(hit.snippet) < len(rec["text"]):
            body.append("…")
    return _with_context(_header(hit.rank, rec), body, rec, hit.context or [], full)


def hits_renderables(hits: Iterable[Any], full: bool = False) -> list[Any]:
    return [hit_text(h, full) for h in hits]


def record_renderables(found: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]]) -> list[Any]:
    """Paragraphs shown by id (`untrack show`), whole, with their neighbours."""
    return [_with_context(_header(None, rec), Text(safe(rec["text"])), rec, ctx) for rec, ctx in found]


def show(renderables: list[Any], color: bool, pager: bool = True) -> None:
    """Print to stdout, through $PAGER (default `less -FRX`) when stdout is a TTY and the output
    is longer than the screen; never page when piped."""
    tty = sys.stdout.isatty()
    if not (pager and tty):
        _print_all(console(color), renderables)
        return
    size = shutil.get_terminal_size()
    buffer = io.StringIO()
    _print_all(console(color, stream=buffer, width=size.columns), renderables)
    text = buffer.getvalue()
    if text.count("\n") < size.lines:
        sys.stdout.write(text)
        return
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    try:
        subprocess.run(shlex.split(os.environ.get("PAGER") or "less"), input=text, text=True, env=env, check=False)
    except (OSError, ValueError):
        sys.stdout.write(text)


def _print_all(con: Console, renderables: list[Any]) -> None:
    for i, item in enumerate(renderables):
        if i:
            con.print()
        con.print(item)


class _Progress:
    """A Rich progress bar on stderr, shown only on a TTY once work has taken over a second."""

    def __init__(self, enabled: bool, label: str = "indexing") -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.label = label
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
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def progress_bar(enabled: bool, label: str = "indexing") -> Iterator[Callable[[int, int], None]]:
    bar = _Progress(enabled, label)
    try:
        yield bar
    finally:
        bar.close()
