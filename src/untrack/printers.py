"""One printer per output format behind one interface: a command picks its printer once
(:func:`printer`) and hands it what it found; no command knows how a format looks.

- ``text`` (the default): the hit layout of :mod:`untrack.plain`, drawn by Rich on a terminal
  (wrapped, in colour where wanted, paged when long) and as plain lines when piped;
- ``table``, ``csv``, ``tsv``: one row per item with a header row (csv/tsv through the csv module,
  so any CSV reader reads them back);
- ``json`` (one array) and ``jsonl`` (JSON Lines, one object per line; ``--json``).

Rich is imported only by the terminal printer, so piped output starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import IO, Any, Protocol

from .plain import hit_lines, record_lines, safe, to_json, want_color, write_blocks

FORMATS = ("text", "table", "csv", "tsv", "json", "jsonl")

Found = Sequence[tuple[dict[str, Any], list[dict[str, Any]]]]  # a record and its neighbours

# The columns of each kind of item in table, csv and tsv; JSON carries every key.
HIT_COLUMNS = ("rank", "id", "date", "speaker", "affiliation", "section", "score", "snippet")
RECORD_COLUMNS = ("id", "doc", "n", "kind", "date", "body", "section", "speaker", "affiliation", "text")
SPEAKER_COLUMNS = ("paragraphs", "documents", "speaker", "affiliation")


class Printer(Protocol):
    def hits(self, hits: Sequence[Any], full: bool = False) -> None: ...

    def records(self, found: Found) -> None: ...

    def speakers(self, rows: Sequence[Any]) -> None: ...

    def export(self, records: Iterable[dict[str, Any]]) -> None: ...


class JsonPrinter:
    """JSON Lines (`jsonl`, a contract for scripts), or one JSON array (`json`)."""

    def __init__(self, stream: IO[str], array: bool = False) -> None:
        self.stream, self.array = stream, array

    def _write(self, items: Iterable[dict[str, Any]]) -> None:
        if not self.array:
            for item in items:
                self.stream.write(to_json(item) + "\n")
            return
        self.stream.write("[")
        for i, item in enumerate(items):
            self.stream.write(("," if i else "") + "\n" + to_json(item))
        self.stream.write("\n]\n")

    def hits(self, hits: Sequence[Any], full: bool = False) -> None:
        self._write(h.as_json() for h in hits)

    def records(self, found: Found) -> None:
        self._write({**rec, "context": ctx} if ctx else rec for rec, ctx in found)

    def speakers(self, rows: Sequence[Any]) -> None:
        self._write(r.as_json() for r in rows)

    def export(self, records: Iterable[dict[str, Any]]) -> None:
        self._write(records)


class RowPrinter:
    """A header row, then one row per item: `csv`, `tsv` (the csv module's quoting, so a reader
    gets every value back) or `table` (aligned columns, the last one unpadded)."""

    def __init__(self, stream: IO[str], kind: str) -> None:
        self.stream, self.kind = stream, kind

    def _rows(self, columns: Sequence[str], items: Iterable[dict[str, Any]]) -> None:
        rows = [["" if item.get(c) is None else safe(str(item[c])) for c in columns] for item in items]
        if self.kind == "table":
            widths = [max(len(r[i]) for r in [list(columns), *rows]) for i in range(len(columns) - 1)]
            for row in [list(columns), *rows]:
                cells = [cell.ljust(w) for cell, w in zip(row[:-1], widths, strict=True)] + [row[-1]]
                self.stream.write("  ".join(cells).rstrip() + "\n")
            return
        import csv  # only csv and tsv output needs it (start-up)

        writer = csv.writer(self.stream, delimiter="\t" if self.kind == "tsv" else ",", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)

    def hits(self, hits: Sequence[Any], full: bool = False) -> None:
        columns = (*HIT_COLUMNS[:-1], "text") if full else HIT_COLUMNS
        self._rows(columns, (h.as_json() for h in hits))

    def records(self, found: Found) -> None:
        self._rows(RECORD_COLUMNS, (rec for rec, _ in found))

    def speakers(self, rows: Sequence[Any]) -> None:
        self._rows(SPEAKER_COLUMNS, (r.as_json() for r in rows))

    def export(self, records: Iterable[dict[str, Any]]) -> None:
        self._rows(RECORD_COLUMNS, records)


class PlainPrinter:
    """The human layout as plain lines, for pipes and files (no Rich, no colour, no wrapping)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def hits(self, hits: Sequence[Any], full: bool = False) -> None:
        if hits:
            write_blocks(self.stream, (hit_lines(h, full) for h in hits))

    def records(self, found: Found) -> None:
        if found:
            write_blocks(self.stream, (record_lines(rec, ctx) for rec, ctx in found))

    def speakers(self, rows: Sequence[Any]) -> None:
        # Piped: tab-separated lines, easy to cut/sort/awk (--format tsv adds a header).
        for r in rows:
            self.stream.write(f"{r.paragraphs}\t{safe(r.speaker)}\t{safe(r.affiliation)}\n")

    def export(self, records: Iterable[dict[str, Any]]) -> None:
        JsonPrinter(self.stream).export(records)  # records have no human layout: JSON Lines


class RichPrinter(PlainPrinter):
    """The human layout on a terminal: wrapped to its width, compact, in colour where wanted,
    through the pager when longer than the screen."""

    def __init__(self, stream: IO[str], color: bool, pager: bool) -> None:
        super().__init__(stream)
        self.color, self.pager = color, pager

    def hits(self, hits: Sequence[Any], full: bool = False) -> None:
        import shutil

        from .render import hits_renderables, show

        width = shutil.get_terminal_size().columns if self.stream.isatty() else None
        if hits:
            show(hits_renderables(hits, full, width), self.color, pager=self.pager)

    def records(self, found: Found) -> None:
        from .render import record_renderables, show

        if found:
            show(record_renderables(found), self.color, pager=False)

    def speakers(self, rows: Sequence[Any]) -> None:
        from rich.table import Table

        from .render import console

        table = Table(box=None, pad_edge=False)
        table.add_column("paragraphs", justify="right")
        table.add_column("speaker", style="bold cyan")
        table.add_column("affiliation")
        for r in rows:
            table.add_row(str(r.paragraphs), safe(r.speaker), safe(r.affiliation))
        console(self.color, self.stream).print(table)


def printer(fmt: str, color: str = "auto", pager: bool = True, stream: IO[str] | None = None) -> Printer:
    """The printer for a format; `text` is Rich on a terminal or with colour, plain lines otherwise."""
    stream = stream or sys.stdout
    if fmt in ("json", "jsonl"):
        return JsonPrinter(stream, array=fmt == "json")
    if fmt in ("table", "csv", "tsv"):
        return RowPrinter(stream, fmt)
    colored = want_color(color, stream)
    if colored or stream.isatty():
        return RichPrinter(stream, colored, pager)
    return PlainPrinter(stream)
