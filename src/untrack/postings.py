"""Reading Whoosh's segment data in bulk: posting blocks as arrays, runs of postings with their
bounds, a field's length column.

Whoosh's codec keeps each posting block as one pickled tuple of delta-coded document numbers and
term frequencies, and its matcher hands them out one posting at a time (a generator and several
method calls per posting). Here a whole block is decoded at once; blocks that hold no wanted
document are skipped, or only the blocks that can hold them are read; and a term's postings
are summarised in runs of SUBBLOCK with the bounds block-max pruning needs (:mod:`untrack.blockmax`;
:mod:`untrack.impacts` stores them with each segment). Nothing here knows a score: the document
numbers, term frequencies and length bytes read here are scored by :mod:`untrack.terms`. Most
of the ranking's reliance on Whoosh's private parts (the matcher's ``_data``, ``_goto``,
``_next_block`` …, the column reader's ``_dbfile``) is here.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from itertools import accumulate
from typing import Any

# A run of a term's postings: (file position of its block, index in the block, first and last
# document number in the leaf, postings, Pareto frontier of (term frequency, length byte) with
# how many postings have each pair).
Impact = tuple[int, int, int, int, int, tuple[tuple[float, int, int], ...]]
# Postings per run summarised (Whoosh's blocks hold 128): the top k of a common word spans
# about k of them, so the smaller, the fewer postings beside the top are scored.
SUBBLOCK = 16


def read_lengths(reader: Any, fieldname: str, doccount: int) -> bytes:
    """The segment's length column for `fieldname` in one read (Whoosh's column reader would
    unpack it document by document)."""
    column_name = f"_{fieldname}_len"
    if not reader._perdoc.has_column(column_name):
        return bytes(doccount)
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN

    column = reader._perdoc._cached_reader(column_name, LENGTHS_COLUMN)
    if getattr(column, "_fixedlen", None) == 1 and hasattr(column, "_dbfile"):
        raw = bytes(column._dbfile.get(column._basepos, column._count))
        return raw[:doccount] + bytes(max(0, doccount - len(raw)))
    return bytes(int(column[d] or 0) for d in range(doccount))


def posting_blocks(m: Any, wanted: list[int] | None = None) -> Any:
    """(document numbers, term frequencies or None for all 1.0) of each posting block of a
    leaf matcher. Whoosh's codec keeps a block as one pickled tuple of delta-coded ids and
    weights; decoding it here (with itertools.accumulate) skips Whoosh's per-id generator.
    With `wanted` (sorted document numbers), only those postings; a block whose id range
    (from its header) holds none of them is not decoded."""
    if wanted is None:
        yield from _all_blocks(m, None)
        return
    keep = set(wanted)
    skipper = _BlockSkipper(m, wanted) if hasattr(m, "_maxid") else None
    for ids, weights in _all_blocks(m, skipper):
        hits = keep.intersection(ids)
        if hits:
            if len(hits) == len(ids):
                yield ids, weights
                continue
            picked = [bisect_left(ids, d) for d in sorted(hits)]
            yield [ids[k] for k in picked], None if weights is None else [weights[k] for k in picked]


class _BlockSkipper:
    """Moves a Whoosh leaf matcher past posting blocks that hold no wanted document."""

    def __init__(self, m: Any, wanted: list[int]) -> None:
        self.m, self.wanted, self.k = m, wanted, 0

    def skip(self) -> None:
        """Past the blocks before the next wanted document; to the end if none is left."""
        m, wanted = self.m, self.wanted
        while m.is_active():
            k = self.k
            if k >= len(wanted):
                m._atend = True  # nothing wanted is left: the rest of the postings are not read
                return
            if wanted[k] <= m._maxid:
                return
            m._next_block()

    def passed(self) -> None:
        """The current block is read: wanted documents up to its last id are done."""
        self.k = bisect_left(self.wanted, self.m._maxid + 1, self.k)


def summarise(m: Any, lengths: bytes) -> list[Impact]:
    """The runs of postings of a leaf matcher (from its first block), each as (file position
    of its block, index in the block, first and last document, postings, frontier)."""
    out: list[Impact] = []
    position = m._baseoffset
    step = SUBBLOCK
    while m.is_active():
        ids, weights = decoded(m)
        for i in range(0, len(ids), step):
            part = ids[i : i + step]
            frontier = _frontier(part, None if weights is None else weights[i : i + step], lengths)
            out.append((position, i, part[0], part[-1], len(part), frontier))
        if m._lastblock:
            break
        position = m._nextoffset
        m._next_block()
    return out


def posting_blocks_at(m: Any, impacts: list[Impact], wanted: list[int], cache: dict[int, Any] | None = None) -> Any:
    """As :func:`posting_blocks` with `wanted`, going straight to the blocks that can hold them (by
    the runs' first and last ids in `impacts`) rather than past every block header; blocks
    decoded are kept in `cache` by position, for the rest of the search."""
    firsts, lasts, positions = _block_index(impacts)
    keep = set(wanted)
    i, j, n, nb = 0, 0, len(wanted), len(lasts)
    while i < n:
        d = wanted[i]
        j = bisect_left(lasts, d, j)
        if j == nb:
            return
        if d < firsts[j]:
            i = bisect_left(wanted, firsts[j], i)
            continue
        got = cache.get(positions[j]) if cache is not None else None
        if got is None:
            m._goto(positions[j])
            got = decoded(m)
            if cache is not None:
                cache[positions[j]] = got
        ids, weights = got
        i = bisect_left(wanted, lasts[j] + 1, i)
        hits = keep.intersection(ids)
        if hits:
            if len(hits) == len(ids):
                yield ids, weights
            else:
                picked = [bisect_left(ids, h) for h in sorted(hits)]
                yield [ids[k] for k in picked], None if weights is None else [weights[k] for k in picked]
        j += 1


_BLOCK_INDEX: dict[int, tuple[Any, list[int], list[int], list[int]]] = {}


def _block_index(impacts: list[Impact]) -> tuple[list[int], list[int], list[int]]:
    """The first and last document and file position of each block the runs come from."""
    got = _BLOCK_INDEX.get(id(impacts))
    if got is not None and got[0] is impacts:
        return got[1], got[2], got[3]
    firsts: list[int] = []
    lasts: list[int] = []
    positions: list[int] = []
    for run in impacts:
        if positions and positions[-1] == run[0]:
            lasts[-1] = run[3]
        else:
            firsts.append(run[2])
            lasts.append(run[3])
            positions.append(run[0])
    if len(_BLOCK_INDEX) > 4096:
        _BLOCK_INDEX.clear()
    _BLOCK_INDEX[id(impacts)] = (impacts, firsts, lasts, positions)
    return firsts, lasts, positions


def decoded(m: Any) -> tuple[Any, Any]:
    """(document numbers, term frequencies or None) of the block a leaf matcher is on."""
    if m._data is None:
        m._read_data()
    raw_ids, raw_weights = m._data[0], m._data[1]
    ids = raw_ids if m._byteids else tuple(accumulate(raw_ids))
    if isinstance(raw_weights, float):
        raw_weights = (raw_weights,) * len(ids)
    return ids, raw_weights


def _frontier(ids: Any, weights: Any, lengths: bytes) -> tuple[tuple[float, int, int], ...]:
    """The (term frequency, length byte) pairs of a run that no other pair beats in both (for
    each length, the highest frequency, kept when it is above every shorter length's), each
    with how many postings of the run have it."""
    if weights is None:
        weights = (1.0,) * len(ids)
    pairs = Counter(zip(weights, map(lengths.__getitem__, ids), strict=True) if lengths else ((w, 0) for w in weights))
    best: dict[int, float] = {}
    get = best.get
    for tf, n in pairs:
        if get(n, 0.0) < tf:
            best[n] = tf
    out = []
    top = 0.0
    for n in sorted(best):
        tf = best[n]
        if tf > top:
            out.append((tf, n, pairs[tf, n]))
            top = tf
    return tuple(out)


def _all_blocks(m: Any, skipper: _BlockSkipper | None) -> Any:
    if all(hasattr(m, a) for a in ("_read_data", "_next_block", "_data", "_byteids", "_i")):
        while m.is_active():
            if skipper is not None:
                skipper.skip()
                if not m.is_active():
                    return
                skipper.passed()
            if m._data is None:
                m._read_data()
            raw_ids, raw_weights = m._data[0], m._data[1]
            ids = raw_ids if m._byteids else tuple(accumulate(raw_ids))
            if raw_weights is None:
                weights = None
            elif isinstance(raw_weights, float):
                weights = (raw_weights,) * len(ids)
            else:
                weights = raw_weights
            if m._i:  # a block entered part-way (never after postings(), but be safe)
                ids = ids[m._i :]
                weights = None if weights is None else weights[m._i :]
            yield ids, weights
            m._next_block()
        return
    ids, ws = [], []
    while m.is_active():
        ids.append(m.id())
        ws.append(m.weight())
        m.next()
    yield ids, ws
