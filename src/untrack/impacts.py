"""Impact summaries written beside each index segment, for block-max ranking (untrack.blockmax).

A segment is written once, so its summaries are too: when a generation is committed, every
segment without a summary file (the new ones, and those a merge made) gets one, holding for
each term of a scored field with MIN_POSTINGS postings or more its runs of postings (block
position, index in the block, first and last document, postings, and the Pareto frontier of
(term frequency, length byte)). Rarer terms cost little to summarise when first searched. The
file is named after the segment (``<segment id>.impacts``), so the next generation shares it
through the same hard link as the segment's own files, and Whoosh removes it with the segment.

The file is Whoosh's on-disk hash table (no pickles in its entries; the table's own pickle at
its end is read by untrack's safe unpickler, and one naming a forbidden global is refused like
any index file); an entry is packed with :mod:`struct`, behind a format byte. A file that cannot
be read, or an entry in another format or whose runs do not add up to the term's postings, is
not used (the runs are then computed when searched). The file is written inside the new
generation before the generation is switched in, like the segment itself.
"""

from __future__ import annotations

import struct
from typing import Any

from .postings import Impact, read_lengths, summarise

SUFFIX = ".impacts"
# Terms with fewer postings are summarised when first searched (a read of a few blocks).
MIN_POSTINGS = 256
FORMAT = b"\x02"  # each entry's first byte: the layout below (another is not read)
_RUN = struct.Struct("<qHIIHH")  # position, index in block, first, last, postings, frontier pairs
_PAIR = struct.Struct("<dBH")  # term frequency, length byte, postings with both


def _key(fieldname: str, btext: bytes) -> bytes:
    return fieldname.encode("utf-8") + b"\x00" + btext


def encode(runs: list[Impact]) -> bytes:
    parts = [FORMAT]
    for position, start, first, last, count, frontier in runs:
        parts.append(_RUN.pack(position, start, first, last, count, len(frontier)))
        parts.extend(_PAIR.pack(tf, n, c) for tf, n, c in frontier)
    return b"".join(parts)


def decode(data: bytes) -> list[Impact]:
    """The runs packed by :func:`encode`; struct.error or ValueError when `data` is not that."""
    if not data.startswith(FORMAT):
        raise ValueError("another format")
    out: list[Impact] = []
    at, end = len(FORMAT), len(data)
    while at < end:
        position, start, first, last, count, pairs = _RUN.unpack_from(data, at)
        at += _RUN.size
        frontier = tuple(_PAIR.unpack_from(data, at + i * _PAIR.size) for i in range(pairs))
        at += pairs * _PAIR.size
        if not pairs or count <= 0 or last < first or at > end or sum(p[2] for p in frontier) > count:
            raise ValueError("not a run of postings")
        out.append((position, start, first, last, count, frontier))
    return out


def write(storage: Any, reader: Any) -> bool:
    """Summarise one segment (its reader) into `storage`, unless its file is there already.
    True when a file was written."""
    from whoosh.filedb.filetables import HashWriter
    from whoosh.matching.wrappers import FilterMatcher

    segment = reader.segment()
    if segment is None:  # an index with no documents
        return False
    name = segment.segment_id() + SUFFIX
    if storage.file_exists(name):
        return False
    schema = reader.schema
    doccount = reader.doc_count_all()
    writer = HashWriter(storage.create_file(name))
    try:
        for fieldname in schema.scorable_names():
            lengths = read_lengths(reader, fieldname, doccount)
            for btext, info in reader.iter_field(fieldname):
                if info.doc_frequency() < MIN_POSTINGS:
                    continue
                m = reader.postings(fieldname, btext)
                if isinstance(m, FilterMatcher):
                    m = m.child
                if not hasattr(m, "_baseoffset"):
                    continue
                writer.add(_key(fieldname, btext), encode(summarise(m, lengths)))
    finally:
        writer.close()
    return True


class Summaries:
    """One segment's summary file, opened when first needed; None where it holds no entry
    (or cannot be read)."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self._table: Any = None  # None: not opened yet; False: none to open

    def get(self, fieldname: str, btext: bytes) -> list[Impact] | None:
        if self._table is None:
            from .errors import IndexProblem

            self._table = False
            try:
                from whoosh.filedb.filetables import HashReader

                storage = self.reader._storage
                name = self.reader.segment().segment_id() + SUFFIX
                if storage.file_exists(name):
                    self._table = HashReader.open(storage, name)
            except IndexProblem:
                raise  # its pickle names a forbidden global: refused, as any index file would be
            except Exception:
                self._table = False
        if self._table is False:
            return None
        try:
            data = self._table.get(_key(fieldname, btext))
            return None if data is None else decode(data)
        except Exception:
            return None
