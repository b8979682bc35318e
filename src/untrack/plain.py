"""Search hits and paragraphs as plain lines, for pipes and files: the lines Rich prints with
colour off and no terminal, written without Rich (importing it costs a cold search about 15 ms).

`untrack.render` draws the same layout with Rich for terminals and colour; a test holds the two
to the same output. Document text goes through :func:`safe` here as well.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from typing import IO, Any

from .textutil import terminal_safe

INDENT = 5  # hits, their metadata and their context sit under the rank column


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


def _who(rec: dict[str, Any]) -> str:
    who = safe(rec.get("speaker") or "(no speaker)")
    if rec.get("affiliation") and rec.get("affiliation") != rec.get("speaker"):
        who += " — " + safe(rec["affiliation"])
    return who


def _meta(rec: dict[str, Any]) -> str:
    meta = safe(rec["id"])
    if rec.get("date"):
        meta += "  " + safe(rec["date"])
    if rec.get("section"):
        meta += "  § " + safe(rec["section"])
    return " " * INDENT + meta


CONTEXT_CHARS = 100  # a neighbouring paragraph, unless --full: its opening, to place the hit


def context_text(text: str, full: bool) -> str:
    """A neighbour's text: whole with --full (and in `show`), else its opening words and '…'."""
    if full or len(text) <= CONTEXT_CHARS:
        return text
    cut = text.rfind(" ", 0, CONTEXT_CHARS)
    return text[: cut if cut > CONTEXT_CHARS // 2 else CONTEXT_CHARS].rstrip() + " …"


def _context_line(rec: dict[str, Any], full: bool) -> str:
    line = safe(rec["id"])
    if rec.get("kind") == "heading":
        line += "  § " + safe(rec["text"])
    else:
        line += "  " + safe(rec.get("speaker") or "(no speaker)") + ": " + safe(context_text(rec["text"], full))
    return "│".rjust(INDENT) + " " + line


def _block(head: str, body: str, rec: dict[str, Any], context: list[dict[str, Any]], full: bool = True) -> list[str]:
    lines = [head, _meta(rec)]
    lines += [_context_line(r, full) for r in context if r["n"] < rec["n"]]
    lines.append(" " * INDENT + body)
    lines += [_context_line(r, full) for r in context if r["n"] > rec["n"]]
    return lines


def hit_lines(hit: Any, full: bool = False) -> list[str]:
    """One search hit: rank, speaker and affiliation, id, section, the fragment, and context."""
    rec = hit.record
    if full:
        body = safe(rec["text"])
    else:
        body = ("…" if hit.snippet_start > 0 else "") + safe(hit.snippet)
        if hit.snippet_start + len(hit.snippet) < len(rec["text"]):
            body += "…"
    head = f"{hit.rank}.".rjust(INDENT - 1) + " " + _who(rec)
    return _block(head, body, rec, hit.context or [], full)


def write_hits(stream: IO[str], hits: Iterable[Any], full: bool = False) -> None:
    stream.write("\n\n".join("\n".join(hit_lines(h, full)) for h in hits) + "\n")


def write_records(stream: IO[str], found: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]]) -> None:
    """Paragraphs shown by id (`untrack show`), whole, with their neighbours."""
    blocks = ["\n".join(_block(_who(rec), safe(rec["text"]), rec, ctx)) for rec, ctx in found]
    stream.write("\n\n".join(blocks) + "\n")


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def to_json(rec: dict[str, Any]) -> str:
    """One JSON line, UTF-8; C1 controls and bidi marks escaped so a terminal shows them inert."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(rec, ensure_ascii=False))


def write_jsonl(stream: IO[str], records: Iterable[dict[str, Any]]) -> None:
    """JSON Lines: one object per line, valid whatever the text holds."""
    for rec in records:
        stream.write(to_json(rec) + "\n")
