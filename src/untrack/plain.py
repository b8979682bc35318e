"""What a hit or a paragraph shows, laid out once, and written as plain lines for pipes and files.

The layout is a list of :class:`Line` (an indent column, styled pieces of text, how many
lines it may wrap to); this module writes it without Rich (importing Rich costs a cold
search about 15 ms), and :mod:`untrack.render` draws the same lines with Rich on a terminal,
wrapped to its width and in colour. Document text goes through :func:`safe` here, once.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from .highlight import make_snippet
from .textutil import LazyRegex, terminal_safe

INDENT = 5  # hits, their metadata and their context sit under the rank column
BAR = "│".rjust(INDENT) + " "  # sets a neighbouring paragraph apart, on each of its lines
# Styles (Rich's names; plain output ignores them).
HIGHLIGHT = "bold black on yellow"
SPEAKER = "bold cyan"
DIM = "dim"


@dataclass
class Line:
    """One line of the layout: `prefix` stands in the indent column (continuation lines get as
    many spaces, or the prefix again if `repeat`); at a known width it wraps to at most
    `max_lines` lines (None: as many as it needs), the last ending in '…' if cut."""

    prefix: str
    parts: list[tuple[str, str]] = field(default_factory=list)  # (terminal-safe text, style)
    max_lines: int | None = None
    repeat: bool = False
    prefix_style: str = ""

    def add(self, text: str | None, style: str = "") -> Line:
        self.parts.append((safe(text), style))
        return self

    @property
    def text(self) -> str:
        return self.prefix + "".join(t for t, _ in self.parts)


def want_color(choice: str, stream: IO[str]) -> bool:
    """ripgrep's rule: 'always' and 'never' are absolute; 'auto' means a TTY, no NO_COLOR and a
    terminal that is not TERM=dumb."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def safe(text: str | None) -> str:
    return terminal_safe(text or "")


def _nobody(rec: dict[str, Any]) -> str:
    return "(headline)" if rec.get("kind") == "headline" else "(no speaker)"


def _who(prefix: str, rec: dict[str, Any], max_lines: int | None) -> Line:
    line = Line(prefix, max_lines=max_lines, prefix_style="bold")
    line.add(rec.get("speaker") or _nobody(rec), SPEAKER if rec.get("speaker") else DIM)
    if rec.get("affiliation") and rec.get("affiliation") != rec.get("speaker"):
        line.add(" — " + rec["affiliation"], "cyan")
    return line


def _meta(rec: dict[str, Any], max_lines: int | None) -> Line:
    line = Line(" " * INDENT, max_lines=max_lines).add(rec["id"], "magenta")
    if rec.get("date"):
        line.add("  " + rec["date"], DIM)
    if rec.get("section"):
        line.add("  § " + rec["section"], "italic")
    return line


CONTEXT_CHARS = 100  # a neighbouring paragraph, unless --full: its opening, to place the hit


def context_text(text: str, full: bool) -> str:
    """A neighbour's text: whole with --full (and in `show`), else its opening words and '…'."""
    if full or len(text) <= CONTEXT_CHARS:
        return text
    cut = text.rfind(" ", 0, CONTEXT_CHARS)
    return text[: cut if cut > CONTEXT_CHARS // 2 else CONTEXT_CHARS].rstrip() + " …"


def _context_line(rec: dict[str, Any], full: bool) -> Line:
    line = Line(BAR, max_lines=None if full else 1, repeat=True, prefix_style=DIM).add(rec["id"], "magenta dim")
    if rec.get("kind") == "heading":
        return line.add("  § " + rec["text"], "italic dim")
    line.add("  " + (rec.get("speaker") or _nobody(rec)) + ": ", "cyan dim")
    return line.add(context_text(rec["text"], full), DIM)


def _highlighted(line: Line, text: str, spans: list[tuple[int, int]]) -> Line:
    pos = 0
    for a, b in spans:
        line.add(text[pos:a]).add(text[a:b], HIGHLIGHT)
        pos = b
    return line.add(text[pos:])


def _block(head: Line, body: Line, rec: dict[str, Any], context: list[dict[str, Any]], full: bool) -> list[Line]:
    return [
        head,
        _meta(rec, None if full else 1),
        *(_context_line(r, full) for r in context if r["n"] < rec["n"]),
        body,
        *(_context_line(r, full) for r in context if r["n"] > rec["n"]),
    ]


FRAGMENT_LINES = 2  # a hit's fragment on a terminal, unless --full


def hit_lines(hit: Any, full: bool = False, width: int | None = None) -> list[Line]:
    """One search hit: rank, speaker and affiliation; id, date, section; the fragment; context.
    At a known `width`, compact: one line each for the speaker and the id, two for a fragment
    cut to fit around the matches (so a hit takes at most four lines); --full shows it all."""
    rec = hit.record
    text = rec["text"]
    body = Line(" " * INDENT, max_lines=None if full else FRAGMENT_LINES)
    if full:
        _highlighted(body, text, hit.matches)
    else:
        snippet, start, spans = hit.snippet, hit.snippet_start, hit.snippet_matches
        if width is not None:  # a fragment that fits the lines it has, around the matches
            snippet, start = make_snippet(text, hit.matches, FRAGMENT_LINES * (width - INDENT) - 8)
            spans = [(a - start, b - start) for a, b in hit.matches if a >= start and b <= start + len(snippet)]
        body.add("…" if start > 0 else "")
        _highlighted(body, snippet, spans)
        body.add("…" if start + len(snippet) < len(text) else "")
    head = _who(f"{hit.rank}.".rjust(INDENT - 1) + " ", rec, None if full else 1)
    return _block(head, body, rec, hit.context or [], full)


def record_lines(rec: dict[str, Any], context: list[dict[str, Any]]) -> list[Line]:
    """A paragraph shown by id (`untrack show`): whole, with its neighbours whole."""
    return _block(_who("", rec, None), Line(" " * INDENT).add(rec["text"]), rec, context, True)


def write_blocks(stream: IO[str], blocks: Iterable[list[Line]]) -> None:
    """Blocks of lines, unwrapped, a blank line between blocks, no trailing spaces."""
    stream.write("\n\n".join("\n".join(line.text.rstrip() for line in block) for block in blocks) + "\n")


_JSON_UNSAFE = LazyRegex(  # lazy: only JSON output needs it
    "[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def to_json(rec: Any) -> str:
    """One JSON line, UTF-8; C1 controls and bidi marks escaped so a terminal shows them inert."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(rec, ensure_ascii=False))


def write_jsonl(stream: IO[str], records: Iterable[dict[str, Any]]) -> None:
    """JSON Lines: one object per line, valid whatever the text holds."""
    for rec in records:
        stream.write(to_json(rec) + "\n")
