"""Top-k BM25F ranking that reads Whoosh's posting blocks in bulk.

Whoosh ranks by walking a tree of matcher objects one document at a time: every posting of
every query word costs several Python method calls (next, id, score, and the same again in
each union or intersection above it). untrack's queries are mostly unions of a few words over
three fields, so that walk was most of a search's time. This module computes the same BM25F
scores a block at a time instead: it reads each posting block's document numbers and term
frequencies as arrays (Whoosh's own codec stores them), scores a whole block by table lookups
against the cached field lengths, and combines the per-word score tables with dictionary
merges. The statistics (idf, average field length), the query objects, term
expansion and the index itself stay Whoosh's; anything this module does not know how to score
in bulk is scored by Whoosh's own matcher, so every query still works.

The scores are Whoosh's BM25F scores (the same formula on the same numbers; tests compare them
with Whoosh's own search), with one difference in kind: a quoted phrase in paragraph text must
appear as written, and that check reads the stored paragraph, so it is done lazily, in score
order, only until enough hits are confirmed.

For the best k of a question, :mod:`untrack.pruning` first chooses the documents that can be
among them (reading the common words' postings only for those); they are then scored by the
same code as when every document is, so the top k and its scores do not change.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from itertools import accumulate, repeat
from operator import add, mul
from typing import Any

from whoosh import query as wq  # this module is imported only when a search runs

from . import blockmax, impacts, pruning

Scores = dict[int, float]
# A run of a term's postings: (file position of its block, index in the block, first and last
# document number in the leaf, postings, Pareto frontier of (term frequency, length byte) with
# how many postings have each pair).
Impact = tuple[int, int, int, int, int, tuple[tuple[float, int, int], ...]]
# Postings per run summarised (Whoosh's blocks hold 128): the top k of a common word spans
# about k of them, so the smaller, the fewer postings beside the top are scored.
SUBBLOCK = 16

COMPOUND = (wq.Or, wq.DisjunctionMax, wq.And)  # scored as a sum, a maximum, a sum of all
# Block-max pruning (untrack.blockmax) for the queries MaxScore leaves alone (a single word in
# its fields and with its synonyms; see docs/performance.md for the measurements).
BLOCKMAX = True


class Ranker:
    """Scores queries against one open Whoosh searcher; keeps per-index caches (field lengths,
    length normalisers, idf) so a long-lived process pays for them once per index generation."""

    def __init__(
        self,
        searcher: Any,
        B: float,
        K1: float,
        record: Callable[[int], dict[str, Any]],
        as_written: Callable[[str, tuple[str, ...]], bool],
        field_B: dict[str, float] | None = None,
    ) -> None:
        from whoosh.util.numeric import byte_to_length

        self.searcher = searcher
        self.B, self.K1 = B, K1
        self.field_B = dict(field_B or {})  # per-field B, as Whoosh's BM25F(fieldname_B=…)
        self.record = record  # docnum -> the stored paragraph record (its keys are the field names)
        self.as_written = as_written  # (text, words) -> do the words stand together, as written?
        self.leaves: list[tuple[Any, int]] = [(sub.reader(), offset) for sub, offset in searcher.leaf_searchers()]
        self._summaries = [impacts.Summaries(reader) for reader, _ in self.leaves]
        self._byte_to_length = [byte_to_length(i) for i in range(256)]
        self._lengths: dict[tuple[int, str], bytes] = {}
        self._norms: dict[str, list[float]] = {}
        self._tokens: dict[tuple[str, str], list[str]] = {}  # analysed speaker names, roles, ...
        self._dfs: dict[tuple[str, Any], int] = {}  # document frequencies, for size_key
        self._bounds: dict[tuple[str, Any, float], float] = {}  # term upper bounds, for pruning
        self._tables: dict[tuple[str, bytes, float], _ScoreTable] = {}  # score tables by term and boost
        self.prune = True  # top k without reading what cannot win (see untrack.pruning)
        self.blockmax = BLOCKMAX  # ... for single words, phrases and NOT too (see untrack.blockmax)
        # Per posting block (position, first id, last id, count, Pareto frontier of (tf, length
        # byte)): see untrack.blockmax. By (leaf, field, term bytes); computed once per index.
        self._impacts: dict[tuple[int, str, bytes], list[Impact]] = {}
        # Blocks decoded during one search (its passes read some more than once), by position.
        self._blocks: dict[tuple[int, str, bytes], dict[int, Any]] = {}

    # -- leaves

    def _field_lengths(self, leaf: int, fieldname: str) -> bytes:
        """One byte per document: Whoosh's encoded length of `fieldname` in that document."""
        key = (leaf, fieldname)
        got = self._lengths.get(key)
        if got is None:
            reader = self.leaves[leaf][0]
            doccount = reader.doc_count_all()
            got = self._lengths[key] = _read_lengths(reader, fieldname, doccount)
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
                blocks = _blocks(m, wanted)
            else:
                blocks = _blocks_at(m, impacts, wanted or [], self._blocks.setdefault((leaf, fieldname, btext), {}))
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
                        got = cache[position] = _decoded(m)
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

    def size_key(self, q: Any) -> int:
        """About how many documents `q` matches, from term statistics alone. Unions and maxima
        add their tables in this order (largest first), so a table restricted to some documents
        adds each document's scores in the same order as the whole table: the same bits."""
        kind = type(q)
        if kind is wq.Term:
            key = (q.fieldname, q.text)
            got = self._dfs.get(key)
            if got is None:
                got = self._dfs[key] = self.searcher.doc_frequency(q.fieldname, q.text)
            return got
        if kind is wq.Phrase:
            return min((self.size_key(wq.Term(q.fieldname, w)) for w in q.words), default=0)
        if kind.__name__ == "VerifiedPhrase":
            return self.size_key(q.child)
        return sum(self.size_key(sub) for sub in getattr(q, "subqueries", ()))

    def docs(self, q: Any) -> set[int]:
        """The documents matching `q` (phrases checked), for filters."""
        return set(self.scores(q, _Run(eager_check=True)))

    def whoosh(self, q: Any) -> Scores:
        """Whoosh's own matcher, for the query kinds this module does not score in bulk."""
        m = q.matcher(self.searcher)
        out: Scores = {}
        while m.is_active():
            out[m.id()] = m.score()
            m.next()
        return out

    # -- trees

    def scores(self, q: Any, run: _Run) -> Scores:
        """Score every document matching `q` (phrases whose check is put off count as matching).
        A node already scored in this run is not scored again (pruning reads clauses first)."""
        got = run.memo.get(id(q))
        if got is not None and not run.eager_check:
            return got
        out = run.memo[id(q)] = self._scores(q, run)
        return out

    def _scores(self, q: Any, run: _Run) -> Scores:
        kind = type(q)
        if kind is wq.Term:
            return run.term(self, q.fieldname, q.text, q.boost)
        if q is wq.NullQuery or kind is type(wq.NullQuery):
            return {}
        if kind is wq.And and any(type(sub) is wq.Not for sub in q.subqueries):
            # "a AND NOT b": the positive clauses, less what the NOT clauses match.
            positive = [sub for sub in q.subqueries if type(sub) is not wq.Not]
            if not positive:
                return _boosted(_intersect_sum([self.scores(sub, run) for sub in q.subqueries]), q.boost)
            out = _intersect_sum([self.scores(sub, run) for sub in positive])
            for sub in q.subqueries:
                if type(sub) is wq.Not:
                    excluded = self.scores(sub.query, run.eager())
                    out = {d: sc for d, sc in out.items() if d not in excluded}
            return _boosted(out, q.boost)
        if kind is wq.Not:  # every live document the clause does not match, at score 0
            excluded = self.scores(q.query, run.eager())
            return {d: 0.0 for d in self.searcher.reader().all_doc_ids() if d not in excluded}
        if kind in COMPOUND and not getattr(q, "scale", None) and not getattr(q, "minmatch", 0):
            parts = [self.scores(sub, run) for sub in q.subqueries]
            if kind is wq.And:
                return _boosted(_intersect_sum(parts), q.boost)
            keys = list(map(self.size_key, q.subqueries))
            ordered = [parts[i] for i in sorted(range(len(parts)), key=keys.__getitem__, reverse=True)]
            if kind is wq.DisjunctionMax:
                return _boosted(_dismax(ordered, q.tiebreak), q.boost)
            return _boosted(_union(ordered, None), q.boost)
        if kind is wq.AndNot:
            pos = self.scores(q.a, run)
            neg = self.scores(q.b, run.eager())
            return _boosted({d: s for d, s in pos.items() if d not in neg}, q.boost)
        if kind is wq.AndMaybe:
            must, maybe = self.scores(q.a, run), self.scores(q.b, run)
            return _boosted({d: s + maybe.get(d, 0.0) for d, s in must.items()}, q.boost)
        if kind in (wq.Prefix, wq.Wildcard, wq.FuzzyTerm):
            return self.scores(expand(q, self.searcher.reader()), _Run(eager_check=True))
        if kind is wq.Phrase and (not run.eager_check or not self._has_positions(q.fieldname)):
            # Ranked: checked lazily on the stored record. A filter: Whoosh's positions, where
            # the field keeps them (names and sections), as every match must be checked anyway.
            return self._phrase(q, q, run)
        if kind.__name__ == "VerifiedPhrase" and type(q.child) is wq.Phrase:
            return self._phrase(q, q.child, run)
        return self.whoosh(q)

    def _has_positions(self, fieldname: str) -> bool:
        schema = self.searcher.schema
        return fieldname in schema and bool(schema[fieldname].format) and schema[fieldname].format.supports("positions")

    def _phrase(self, node: Any, phrase: Any, run: _Run) -> Scores:
        """Documents holding every word of the phrase, scored as Whoosh scores a phrase (the sum
        of its words' scores). Paragraph text keeps no word positions in the index (they were
        read with every posting block; without them a 1,000-release index shrank from 96 to 73 MB),
        so whether the words stand together
        is checked on the stored paragraph by :meth:`verify` — at once when `run` is eager,
        otherwise only for documents that reach the top (see :meth:`top`)."""
        words = [run.term(self, phrase.fieldname, w, 1.0) for w in phrase.words]
        out = _boosted(_intersect_sum(words), phrase.boost)
        if run.eager_check:
            return {d: s for d, s in out.items() if self.verify(d, node)}
        run.pending.append((node, out))
        return out

    def verify(self, docnum: int, node: Any) -> bool:
        """Does the document hold the phrase: as written for a quoted phrase in paragraph text
        (a VerifiedPhrase), or as analysed words in order (within the phrase's slop) otherwise."""
        if type(node) is not wq.Phrase:
            return self.as_written(self.record(docnum).get("text") or "", node.words)
        value = self.record(docnum).get(node.fieldname)
        if not value:
            return False
        key = (node.fieldname, str(value))
        tokens = self._tokens.get(key)
        if tokens is None:
            if len(self._tokens) > 4096:
                self._tokens.clear()
            tokens = self._tokens[key] = list(self.searcher.schema[node.fieldname].process_text(key[1], mode="index"))
        return _in_order(tokens, list(node.words), max(1, node.slop))

    def top(
        self,
        q: Any,
        limit: int | None,
        allow: set[int] | None = None,
        exclude: set[int] | None = None,
        scale: dict[int, float] | None = None,
        context: Context | None = None,
    ) -> list[tuple[int, float]]:
        """The best `limit` (None: all) documents for `q` as (docnum, score), best first; ties go
        to the lower document number, as in Whoosh. Only documents in `allow` (when given) and
        not in `exclude` count; a document in `scale` has its score multiplied by its factor;
        with a `context`, the best are re-scored with their neighbours' scores (see Context)."""
        try:
            if context is None or not limit:
                return self._top(q, limit, allow, exclude, scale, False)[0]
            found, raw = self._top(q, limit + context.depth, allow, exclude, scale, True)
            return context.rescore(found, raw)[:limit]
        finally:
            self._blocks.clear()

    def _top(
        self,
        q: Any,
        limit: int | None,
        allow: set[int] | None,
        exclude: set[int] | None,
        scale: dict[int, float] | None,
        neighbours: bool,
    ) -> tuple[list[tuple[int, float]], Scores]:
        """The top documents, and the score table they were taken from (before any filter;
        when pruned, only for the documents that can be in the top and, with `neighbours`,
        the documents either side of the top, whose scores Context reads).

        Pruning (see untrack.pruning) only chooses which documents are scored: they are then
        scored by the same code, tables combined in the same order, so the top and its scores
        are exactly what scoring every document gives."""
        run = _Run()
        if self.prune and allow is not None and len(allow) * pruning.FILTER_SHARE < self.searcher.doc_count_all():
            # A narrow filter: only its documents (and their neighbours) are read.
            run = _Run(only=_with_neighbours(allow) if neighbours else set(allow))
        complete = None  # with pruning: the term tables read in full, for the neighbours' scores
        if self.prune and limit:
            if pruning.plan(q) is not None:
                pruned = pruning.candidates(self, q, limit, allow, exclude, scale, run)
                if pruned is not None:
                    found, complete, partial = pruned
                    run = _Run(only=found, full={**complete, **partial})
            elif self.blockmax:
                got = self._blockmax(q, limit, allow, exclude, scale) if run.only is None else None
                if got is not None:
                    top, raw = got
                    if neighbours:
                        raw = self._neighbours(q, top, raw, {}, set(raw))
                    return top, raw
        top, raw = self._select(q, run, limit, allow, exclude, scale)
        if complete is not None and neighbours and run.only is not None:
            raw = self._neighbours(q, top, raw, complete, run.only)
        return top, raw

    def _neighbours(
        self, q: Any, top: list[tuple[int, float]], raw: Scores, complete: dict[Any, Scores], scored: set[int]
    ) -> Scores:
        """`raw` with the scores of the top documents' neighbours that were not scored."""
        missing = _with_neighbours({d for d, _ in top}) - scored
        if not missing:
            return raw
        extra = self.scores(q, _Run(only=missing, full=complete))
        raw = dict(raw)
        raw.update((d, extra[d]) for d in missing if d in extra)
        return raw

    def _blockmax(
        self,
        q: Any,
        limit: int,
        allow: set[int] | None,
        exclude: set[int] | None,
        scale: dict[int, float] | None,
    ) -> tuple[list[tuple[int, float]], Scores] | None:
        """The top documents by block-max (see untrack.blockmax), scored as every document is;
        None when the query is not pruned so. The candidates are those that can reach a guess
        at the k-th score; if the k-th best of them does not reach it, the candidates are
        chosen again by the k-th score they gave (which k documents surely reach), or by half
        the guess when fewer than k of them match."""
        plan = blockmax.plan(self, q, limit, scale)
        if plan is None:
            return None
        theta = plan.guess(q)
        for _ in range(3):
            found = plan.candidates(theta, allow, exclude) if theta > 0 else None
            if found is None:
                return None
            top, raw = self._select(q, _Run(only=found), limit, allow, exclude, scale)
            if len(top) < limit:
                theta *= 0.5  # too few: a lower guess
            elif top[-1][1] >= theta:
                return top, raw
            else:
                theta = top[-1][1]  # k documents surely reach it: the next pass is the last
        return None

    def _select(
        self,
        q: Any,
        run: _Run,
        limit: int | None,
        allow: set[int] | None,
        exclude: set[int] | None,
        scale: dict[int, float] | None,
    ) -> tuple[list[tuple[int, float]], Scores]:
        """The top documents scored by `run`, and the score table they were taken from."""
        raw = scored = self.scores(q, run)
        if run.only is not None:  # a table that read only some documents may hold others in part
            raw = scored = {d: scored[d] for d in run.only if d in scored}
        if allow is not None:
            if len(allow) < len(scored):
                scored = {d: scored[d] for d in allow if d in scored}
            else:
                scored = {d: sc for d, sc in scored.items() if d in allow}
        else:
            scored = dict(scored)  # it may be a table a phrase check edits
        for d in exclude or ():
            scored.pop(d, None)
        if scale:
            for d in scale.keys() & scored.keys():  # the fewer of the two, at C speed
                scored[d] *= scale[d]
        if not run.pending:
            return _best(scored, limit), raw
        return self._checked_top(q, scored, limit, run, scale or {}), raw

    def _checked_top(
        self, q: Any, scored: Scores, limit: int | None, run: _Run, scale: dict[int, float]
    ) -> list[tuple[int, float]]:
        """Top documents when some only might match (a phrase not yet checked): take them in
        score order, a window at a time; a document whose phrase fails is scored again without
        it and goes back in line. A failed check only lowers a score, so the order holds."""
        window = 4 * (limit or 0) + 32
        heap: list[tuple[float, int]] = []
        floor = float("inf")  # every document still in `scored` scores below this

        def refill() -> float:
            taken = _best(scored, window)
            if not taken:
                return float("-inf")
            low, seen = taken[-1][1], {d for d, _ in taken}
            taken += [(d, sc) for d, sc in scored.items() if sc == low and d not in seen]
            for d, sc in taken:
                del scored[d]
                heapq.heappush(heap, (-sc, d))
            return low

        out: list[tuple[int, float]] = []
        while limit is None or len(out) < limit:
            if scored and (not heap or -heap[0][0] < floor):
                floor = refill()
                continue
            if not heap:
                break
            neg, d = heapq.heappop(heap)
            failed = False
            for node, candidates in run.pending:
                if d in candidates and not self.verify(d, node):
                    del candidates[d]  # the phrase's own table: rescoring now sees it missing
                    failed = True
            if not failed:
                out.append((d, -neg))
                continue
            rescored = rescore(q, d, run.memo)
            if rescored is not None:
                rescored *= scale.get(d, 1.0)
                heapq.heappush(heap, (-rescored, d))
        return out


class Context:
    """A paragraph read with its neighbours. A reply or a vote is often explained by the paragraph
    before it ("By other terms of that resolution, …") and a claim goes on in the one after ("She
    added …"), so each of the best hits gains a share of the score its neighbours earn on their
    own: `before` of the paragraph before it, `after` of the one after, within the same release.
    `starts` are the docnums that open a release (its first record), so nothing crosses from one
    release to the next; a document in `alone` (a release's headline) neither gains nor lends.
    Only the best `depth` beyond the limit are re-scored."""

    def __init__(
        self,
        starts: set[int] | dict[int, Any],
        before: float,
        after: float,
        depth: int = 50,
        alone: set[int] | dict[int, Any] | None = None,
    ) -> None:
        self.starts, self.before, self.after, self.depth = starts, before, after, depth
        self.alone = starts if alone is None else alone

    def rescore(self, found: list[tuple[int, float]], raw: Scores) -> list[tuple[int, float]]:
        out = []
        for d, score in found:
            if d not in self.alone:
                if d not in self.starts and d - 1 not in self.alone:
                    score += self.before * raw.get(d - 1, 0.0)
                if d + 1 not in self.starts and d + 1 not in self.alone:
                    score += self.after * raw.get(d + 1, 0.0)
            out.append((d, score))
        out.sort(key=lambda t: (-t[1], t[0]))
        return out


class _Run:
    """State of one scoring pass: score tables by query node (for rescoring a document), and
    phrases whose check was put off."""

    def __init__(
        self,
        eager_check: bool = False,
        memo: dict[int, Scores] | None = None,
        only: set[int] | None = None,
        full: dict[tuple[str, Any, float], Scores] | None = None,
    ) -> None:
        self.eager_check = eager_check
        self.memo: dict[int, Scores] = {} if memo is None else memo
        self.pending: list[tuple[Any, Scores]] = []
        self.terms: dict[tuple[str, Any, float], Scores] = {}
        # Only these documents are scored (a filter's, or pruning's candidates); `full` holds
        # term tables read before for a superset of them, to take them from rather than read
        # the postings again.
        self.only = only
        self._sorted_only = sorted(only) if only is not None else None
        self.full = full or {}

    def term(self, ranker: Ranker, fieldname: str, text: Any, boost: float) -> Scores:
        """A term's scores, read once per pass even if the query names it twice (a word and
        its synonym can share a stem). Callers must not change the table."""
        key = (fieldname, text, boost)
        got = self.terms.get(key)
        if got is None:
            whole = self.full.get(key)
            if whole is not None and self.only is not None:
                only = self.only
                got = (
                    {d: whole[d] for d in only if d in whole}
                    if len(only) < len(whole)
                    else {d: sc for d, sc in whole.items() if d in only}
                )
            else:
                got = ranker.term(fieldname, text, boost, self._sorted_only)
            self.terms[key] = got
        return got

    def eager(self) -> _Run:
        """The same run, but phrases are checked at once (for NOT clauses, whose matches remove
        documents, so a phrase there cannot be assumed to match)."""
        run = _Run(eager_check=True, memo=self.memo, only=self.only, full=self.full)
        run.pending, run.terms = self.pending, self.terms
        return run


def rescore(q: Any, d: int, memo: dict[int, Scores]) -> float | None:
    """One document's score under `q` from the tables of a scoring pass (None: no match);
    used after a phrase check failed and removed the document from the phrase's table."""
    kind = type(q)
    if kind in COMPOUND and id(q) in memo:
        subs = [rescore(sub, d, memo) for sub in q.subqueries]
        found = [s for s in subs if s is not None]
        if not found or (kind is wq.And and len(found) < len(subs)):
            return None
        if kind is wq.DisjunctionMax:
            best = max(found)
            return (best + q.tiebreak * (sum(found) - best)) * q.boost
        return sum(found) * q.boost
    if kind is wq.Not and id(q.query) in memo:
        return None if rescore(q.query, d, memo) is not None else 0.0
    if kind is wq.AndNot and id(q) in memo:
        a = rescore(q.a, d, memo)
        return None if a is None or rescore(q.b, d, memo) is not None else a * q.boost
    if kind is wq.AndMaybe and id(q) in memo:
        a = rescore(q.a, d, memo)
        return None if a is None else (a + (rescore(q.b, d, memo) or 0.0)) * q.boost
    table = memo.get(id(q))
    return None if table is None else table.get(d)


def expand(q: Any, reader: Any) -> Any:
    """A wildcard, prefix or fuzzy term as the Or of the index terms it stands for, each scored
    by BM25F (Whoosh's default gives every expansion the same constant score, which ranks the
    matches in index order)."""
    from whoosh.query import NullQuery, Or, Term

    fieldname = q.field()
    terms = [Term(fieldname, t) for t in q._btexts(reader) if t]
    if not terms:
        return NullQuery
    return terms[0] if len(terms) == 1 and q.boost == 1.0 else Or(terms, boost=q.boost)


def _read_lengths(reader: Any, fieldname: str, doccount: int) -> bytes:
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


def _in_order(tokens: list[str], words: list[str], slop: int) -> bool:
    """Do `words` occur in `tokens` in order, each within `slop` positions of the one before?"""
    at: dict[str, list[int]] = {}
    for i, t in enumerate(tokens):
        at.setdefault(t, []).append(i)
    frontier = at.get(words[0], [])
    for w in words[1:]:
        nxt = at.get(w, [])
        frontier = [p for p in nxt if any(0 < p - q <= slop for q in frontier)]
        if not frontier:
            return False
    return bool(frontier)


def _with_neighbours(docs: set[int]) -> set[int]:
    """The documents and the ones either side of each (whose scores Context reads)."""
    out = set(docs)
    out.update([d + 1 for d in docs])
    out.update([d - 1 for d in docs if d])
    return out


def _blocks(m: Any, wanted: list[int] | None = None) -> Any:
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
        ids, weights = _decoded(m)
        for i in range(0, len(ids), step):
            part = ids[i : i + step]
            frontier = _frontier(part, None if weights is None else weights[i : i + step], lengths)
            out.append((position, i, part[0], part[-1], len(part), frontier))
        if m._lastblock:
            break
        position = m._nextoffset
        m._next_block()
    return out


def _blocks_at(m: Any, impacts: list[Impact], wanted: list[int], cache: dict[int, Any] | None = None) -> Any:
    """As :func:`_blocks` with `wanted`, going straight to the blocks that can hold them (by
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
            got = _decoded(m)
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


def _decoded(m: Any) -> tuple[Any, Any]:
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


class _ScoreTable:
    """BM25 scores by (term frequency, encoded length), so a block is scored by C-level
    lookups (map over the ids) rather than arithmetic per posting."""

    def __init__(self, ranker: Ranker, fieldname: str, btext: bytes, boost: float) -> None:
        self.idf = ranker.searcher.idf(fieldname, btext)
        self.norm = ranker._norm(fieldname)
        self.k1p1 = ranker.K1 + 1
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


def _union(parts: list[Scores], pick: Callable[[float, float], float] | None) -> Scores:
    """Documents in any table; a document's scores combined by `pick` (None: summed) in the
    order of `parts`, which callers give largest first (Ranker.size_key): the first table is
    copied at C speed; only the others are walked in Python."""
    parts = [p for p in parts if p]
    if not parts:
        return {}
    out = dict(parts[0])
    get = out.get
    for part in parts[1:]:
        if pick is None:
            for d, sc in part.items():
                out[d] = get(d, 0.0) + sc
        else:
            for d, sc in part.items():
                old = get(d)
                out[d] = sc if old is None else pick(old, sc)
    return out


def _dismax(parts: list[Scores], tiebreak: float) -> Scores:
    """The best alternative's score plus `tiebreak` times the others' (Lucene's DisjunctionMax;
    Whoosh's own matcher is not used: its score() can report a score from another document).
    Tables are taken in the order given, largest first (as in :func:`_union`)."""
    parts = [p for p in parts if p]
    if not parts:
        return {}
    out = dict(parts[0])
    total: Scores = {}  # summed scores, only for documents found in more than one table
    get, tget = out.get, total.get
    for part in parts[1:]:
        for d, sc in part.items():
            old = get(d)
            if old is None:
                out[d] = sc
            else:
                total[d] = tget(d, old) + sc
                if sc > old:
                    out[d] = sc
    if tiebreak:
        for d, summed in total.items():
            best = out[d]
            out[d] = best + tiebreak * (summed - best)
    return out


def _intersect_sum(parts: list[Scores]) -> Scores:
    if not parts or not all(parts):
        return {}
    smallest = min(parts, key=len)
    common = set(smallest)
    for part in parts:
        if part is not smallest:
            common.intersection_update(part.keys())
    return {d: sum(part[d] for part in parts) for d in common}


def _boosted(scores: Scores, boost: float) -> Scores:
    return scores if boost == 1.0 else {d: s * boost for d, s in scores.items()}


def _best(scores: Scores, limit: int | None) -> list[tuple[int, float]]:
    """Highest score first, ties to the lower document number."""
    if limit is not None and limit < len(scores):
        floor = heapq.nlargest(limit, scores.values())[-1]  # C-level; then only the few at or above it
        return sorted(((d, sc) for d, sc in scores.items() if sc >= floor), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
