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

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from .plain import Line, hit_lines, record_lines, safe, to_json, want_color, write_jsonl

__all__ = ["console", "hits_renderables", "record_renderables", "show", "progress_bar"]
__all__ += ["safe", "to_json", "want_color", "write_jsonl"]  # plain text helpers, also here


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


class Drawn:
    """A :class:`untrack.plain.Line` drawn with Rich: wrapped to the width left after its prefix,
    continuation lines under the text (or behind the prefix again), cut with '…' at max_lines."""

    def __init__(self, line: Line) -> None:
        self.line = line

    def __rich_console__(self, con: Console, options: ConsoleOptions) -> RenderResult:
        line = self.line
        text = Text(no_wrap=False, end="")
        for part, style in line.parts:
            text.append(part, style=style or None)
        width = max(10, options.max_width - len(line.prefix))
        rows = list(text.wrap(con, width, overflow="fold"))
        if line.max_lines is not None and len(rows) > line.max_lines:
            rows = rows[: line.max_lines]
            rows[-1].rstrip()
            rows[-1].truncate(width - 1)
            rows[-1].append("…")
        for i, row in enumerate(rows):
            row.rstrip()
            prefix = line.prefix if i == 0 or line.repeat else " " * len(line.prefix)
            out = Text(prefix, style=line.prefix_style, end="\n")
            out.append_text(row)
            out.no_wrap = True
            yield out


def _drawn(block: list[Line]) -> list[Drawn]:
    return [Drawn(line) for line in block]


def hits_renderables(hits: Iterable[Any], full: bool = False, width: int | None = None) -> list[Any]:
    return [_drawn(hit_lines(h, full, width)) for h in hits]


def record_renderables(found: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]]) -> list[Any]:
    """Paragraphs shown by id (`untrack show`), whole, with their neighbours."""
    return [_drawn(record_lines(rec, ctx)) for rec, ctx in found]


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
    if "R" not in env["LESS"]:  # less shows colour only with -R; a user's LESS without it gets it added
        env["LESS"] += "R"
    try:
        subprocess.run(shlex.split(os.environ.get("PAGER") or "less"), input=text, text=True, env=env, check=False)
    except (OSError, ValueError):
        sys.stdout.write(text)


def _print_all(con: Console, renderables: list[Any]) -> None:
    for i, item in enumerate(renderables):
        if i:
            con.print()
        for part in item if isinstance(item, list) else [item]:
            con.print(part)


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
