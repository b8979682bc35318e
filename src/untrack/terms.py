"""One term's BM25F scores over an open index, a posting block at a time, and what pruning reads
of a term (its bound, its runs of postings and their documents); with the per-index caches they
use.

This is the level below queries: :class:`TermScorer` knows a word in a field, never a query tree.
A block read by :mod:`untrack.postings` is scored by table lookups: a term's scores by (term
frequency, encoded field length) are computed once, so a block costs a lookup per posting
against the cached field lengths rather than BM25's arithmetic. The statistics (idf, average
field length) are Whoosh's, so the scores are the ones its BM25FScorer gives.
:class:`untrack.ranking.Ranker` builds queries' scores on it, and the pruning modules
(:mod:`untrack.pruning`, :mod:`untrack.blockmax`) ask it for bounds and for the documents of
the runs they choose.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import repeat
from operator import add, mul
from typing import Any

from . import impacts
from .postings import Impact, decoded, posting_blocks, posting_blocks_at, read_lengths, summarise
from .scores import Scores


class TermScorer:
    """Scores single terms against one open Whoosh searcher, a posting block at a time; keeps
    per-index caches (field lengths, length normalisers, score tables, runs of postings, term
    bounds) so a long-lived process pays for them once per index generation."""

    def __init__(self, searcher: Any, B: float, K1: float, field_B: dict[str, float] | None = None) -> None:
        from whoosh.util.numeric import byte_to_length

        self.searcher = searcher
        self.B, self.K1 = B, K1
        self.field_B = dict(field_B or {})  # per-field B, as Whoosh's BM25F(fieldname_B=…)
        self.leaves: list[tuple[Any, int]] = [(sub.reader(), offset) for sub, offset in searcher.leaf_searchers()]
        self._summaries = [impacts.Summaries(reader) for reader, _ in self.leaves]
        self._byte_to_length = [byte_to_length(i) for i in range(256)]
        self._lengths: dict[tuple[int, str], bytes] = {}
        self._norms: dict[str, list[float]] = {}
        self._bounds: dict[tuple[str, Any, float], float] = {}  # term upper bounds, for pruning
        self._tables: dict[tuple[str, bytes, float], _ScoreTable] = {}  # score tables by term and boost
        # Per posting block (position, first id, last id, count, Pareto frontier of (tf, length
        # byte)): see untrack.blockmax. By (leaf, field, term bytes); computed once per index.
        self._impacts: dict[tuple[int, str, bytes], list[Impact]] = {}
        # Blocks decoded during one search (its passes read some more than once), by position.
        self._blocks: dict[tuple[int, str, bytes], dict[int, Any]] = {}

    def _field_lengths(self, leaf: int, fieldname: str) -> bytes:
        """One byte per document: Whoosh's encoded length of `fieldname` in that document."""
        key = (leaf, fieldname)
        got = self._lengths.get(key)
        if got is None:
            reader = self.leaves[leaf][0]
            doccount = reader.doc_count_all()
            got = self._lengths[key] = read_lengths(reader, fieldname, doccount)
        return got

    def _norm(self, fieldname: str) -> list[float]:
        """BM25's length normaliser K1·((1−B) + B·len/avg) for each of the 256 encoded lengths."""
        norm = self._norms.get(fieldname)
        if norm is None:
            avg = self.searcher.avg_field_length(fieldname) or 1
            K1, B = self.K1, self.field_B.get(fieldname, self.B)
            norm = [K1 * ((1 - B) + B * fl / avg) for fl in self._byte_to_length]
            self._norms[fieldname] = norm
        return norm

    def _score_table(self, fieldname: str, btext: bytes, boost: float) -> _ScoreTable:
        """The term's score table, kept for the open index (its rows are built as needed)."""
        key = (fieldname, btext, boost)
        got = self._tables.get(key)
        if got is None:
            if len(self._tables) > 4096:
                self._tables.clear()
            got = self._tables[key] = _ScoreTable(self, fieldname, btext, boost)
        return got

    def term(self, fieldname: str, text: Any, boost: float = 1.0, only: list[int] | None = None) -> Scores:
        """BM25F score of every document holding the term, as Whoosh's BM25FScorer computes it:
        idf · tf·(K1+1) / (tf + K1·((1−B) + B·len/avg)), times the term's boost. With `only`
        (sorted document numbers), just those documents: posting blocks holding none of them
        are skipped without being decoded."""
        from whoosh.matching.wrappers import FilterMatcher

        schema = self.searcher.schema
        if fieldname not in schema:
            return {}
        field = schema[fieldname]
        btext = field.to_bytes(text) if not isinstance(text, bytes) else text
        table = self._score_table(fieldname, btext, boost) if field.scorable else None
        out: Scores = {}
        for leaf, (reader, offset) in enumerate(self.leaves):
            if (fieldname, btext) not in reader:
                continue
            m = reader.postings(fieldname, btext)
            deleted: set[int] = set()
            if isinstance(m, FilterMatcher):
                deleted, m = set(reader.deleted_docs_set), m.child
            lengths = self._field_lengths(leaf, fieldname) if table else b""
            wanted = None
            if only is not None:
                end = offset + reader.doc_count_all()
                wanted = [d - offset for d in only[bisect_left(only, offset) : bisect_left(only, end)]]
                if not wanted:
                    continue
            impacts = self._impacts.get((leaf, fieldname, btext)) if wanted is not None else None
            if impacts is None:
                blocks = posting_blocks(m, wanted)
            else:
                blocks = posting_blocks_at(
                    m, impacts, wanted or [], self._blocks.setdefault((leaf, fieldname, btext), {})
                )
            for ids, weights in blocks:
                if table is None:
                    scores: Any = [w * boost for w in weights] if weights is not None else [boost] * len(ids)
                else:
                    scores = table.scores(ids, weights, lengths)
                if offset or deleted:
                    out.update((d + offset, sc) for d, sc in zip(ids, scores, strict=True) if d not in deleted)
                else:
                    out.update(zip(ids, scores, strict=True))
        return out

    def _leaf_term(self, leaf: int, fieldname: str, btext: bytes) -> tuple[Any, set[int]] | None:
        """The leaf's posting matcher for the term (None: not in the leaf), and its deleted docs."""
        from whoosh.matching.wrappers import FilterMatcher

        reader = self.leaves[leaf][0]
        if (fieldname, btext) not in reader:
            return None
        m = reader.postings(fieldname, btext)
        deleted: set[int] = set()
        if isinstance(m, FilterMatcher):
            deleted, m = set(reader.deleted_docs_set), m.child
        return m, deleted

    def impacts(self, leaf: int, fieldname: str, btext: bytes) -> list[Impact] | None:
        """The term's postings in one leaf in runs of SUBBLOCK (a Whoosh block holds several),
        each as (file position of its block, index in the block, first and last document
        number in the leaf, postings, frontier): the (term frequency, length byte) pairs no
        other posting of the run beats in both (most frequent for its length). BM25 grows with
        the one and falls with the other, so the frontier bounds every document of the run
        exactly, whatever the average length and parameters. None: a matcher whose blocks
        cannot be addressed (then nothing is pruned by blocks)."""
        key = (leaf, fieldname, btext)
        got = self._impacts.get(key)
        if got is not None:
            return got
        got = self._summaries[leaf].get(fieldname, btext)  # written with the segment
        if got is not None and self._fits(leaf, fieldname, btext, got):
            self._impacts[key] = got
            return got
        found = self._leaf_term(leaf, fieldname, btext)
        if found is None:
            return []
        m = found[0]
        if not all(hasattr(m, a) for a in ("_goto", "_baseoffset", "_nextoffset", "_read_data", "_byteids")):
            return None
        field = self.searcher.schema[fieldname]
        lengths = self._field_lengths(leaf, fieldname) if field.scorable else b""
        out = summarise(m, lengths)
        self._impacts[key] = out
        return out

    def _fits(self, leaf: int, fieldname: str, btext: bytes, runs: list[Impact]) -> bool:
        """Do stored runs fit the term's postings (as many, in the leaf's documents)? A check
        against a damaged summary file, which is then not used."""
        reader = self.leaves[leaf][0]
        try:
            postings = reader.term_info(fieldname, btext).doc_frequency()
        except Exception:
            return False
        return sum(r[4] for r in runs) == postings and runs[-1][3] < reader.doc_count_all()

    def block_docs(self, fieldname: str, btext: bytes, picked: dict[int, list[tuple[int, int, int]]]) -> set[int]:
        """The live documents (global numbers) of the term's runs of postings given as
        (block position, index in the block, postings), by leaf."""
        out: set[int] = set()
        for leaf, runs in picked.items():
            found = self._leaf_term(leaf, fieldname, btext)
            if found is None or not runs:
                continue
            m, deleted = found
            offset = self.leaves[leaf][1]
            cache = self._blocks.setdefault((leaf, fieldname, btext), {})
            at: int = -1
            ids: Any = ()
            for position, start, count in sorted(runs):
                if position != at:
                    got = cache.get(position)
                    if got is None:
                        m._goto(position)
                        got = cache[position] = decoded(m)
                    ids, at = got[0], position
                part = ids[start : start + count]
                if offset or deleted:
                    out.update(d + offset for d in part if d not in deleted)
                else:
                    out.update(part)
        return out

    def term_bound(self, fieldname: str, text: Any, boost: float = 1.0) -> float:
        """The most the term can score in any document: its largest term frequency over the
        shortest field length that holds it (BM25 grows with the one and falls with the other),
        computed as :class:`_ScoreTable` computes a score, so no score it gives is larger."""
        key = (fieldname, text, boost)
        got = self._bounds.get(key)
        if got is not None:
            return got
        from whoosh.util.numeric import length_to_byte

        schema = self.searcher.schema
        best = 0.0
        if fieldname in schema:
            field = schema[fieldname]
            btext = field.to_bytes(text) if not isinstance(text, bytes) else text
            for reader, _ in self.leaves:
                if (fieldname, btext) not in reader:
                    continue
                info = reader.term_info(fieldname, btext)
                tf = max(1.0, info.max_weight())
                if field.scorable:
                    # One length code below the shortest: a margin for the code's rounding.
                    n = self._norm(fieldname)[max(0, length_to_byte(info.min_length()) - 1)]
                    bound = self.searcher.idf(fieldname, btext) * ((tf * (self.K1 + 1)) / (tf + n))
                    bound = bound * boost if boost != 1.0 else bound
                else:
                    bound = tf * boost
                best = max(best, bound)
        self._bounds[key] = best
        return best


class _ScoreTable:
    """BM25 scores by (term frequency, encoded length), so a block is scored by C-level
    lookups (map over the ids) rather than arithmetic per posting."""

    def __init__(self, scorer: TermScorer, fieldname: str, btext: bytes, boost: float) -> None:
        self.idf = scorer.searcher.idf(fieldname, btext)
        self.norm = scorer._norm(fieldname)
        self.k1p1 = scorer.K1 + 1
        self.boost = boost
        self.by_tf: dict[float, list[float]] = {}
        self.flat: dict[float, float] = {}  # tf·256 + length byte -> score, for mixed blocks

    def row(self, tf: float) -> list[float]:
        got = self.by_tf.get(tf)
        if got is None:
            idf, k1p1, boost = self.idf, self.k1p1, self.boost
            got = [idf * ((tf * k1p1) / (tf + n)) for n in self.norm]
            if boost != 1.0:
                got = [sc * boost for sc in got]
            self.by_tf[tf] = got
            self.flat.update((tf * 256.0 + i, sc) for i, sc in enumerate(got))
        return got

    def scores(self, ids: Any, weights: Any, lengths: bytes) -> list[float]:
        if weights is None:
            return list(map(self.row(1.0).__getitem__, map(lengths.__getitem__, ids)))
        distinct = set(weights)
        if all(tf == int(tf) and 0 < tf < 1 << 20 for tf in distinct):
            for tf in distinct:
                self.row(tf)
            keys = map(add, map(mul, weights, repeat(256.0)), map(lengths.__getitem__, ids))
            return list(map(self.flat.__getitem__, keys))
        rows = {tf: self.row(tf) for tf in distinct}
        return [rows[w][lengths[d]] for d, w in zip(ids, weights, strict=True)]
