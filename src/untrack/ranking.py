"""Top-k BM25F ranking of a query over Whoosh's index: its operator tree scored as whole tables,
phrases checked, the best k chosen, and the best given a share of their neighbours' scores.

Whoosh ranks by walking a tree of matcher objects one document at a time: every posting of
every query word costs several Python method calls (next, id, score, and the same again in
each union or intersection above it). untrack's queries are mostly unions of a few words over
three fields, so that walk was most of a search's time. untrack computes the same BM25F scores
a block at a time instead: :mod:`untrack.postings` reads each posting block's document numbers
and term frequencies as arrays (Whoosh's own codec stores them), :mod:`untrack.terms` scores a
whole block by table lookups against the cached field lengths, and this module combines the
per-word score tables up the query tree with dictionary merges (:mod:`untrack.scores`). The
statistics (idf, average field length), the query objects, term expansion and the index itself
stay Whoosh's; anything not scored in bulk is scored by Whoosh's own matcher, so every query
still works.

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
from collections.abc import Callable
from typing import Any

from whoosh import query as wq  # this module is imported only when a search runs

from . import blockmax, pruning
from .scores import Scores, best_first, boosted, dismax, intersect_sum, union
from .terms import TermScorer

COMPOUND = (wq.Or, wq.DisjunctionMax, wq.And)  # scored as a sum, a maximum, a sum of all
# Block-max pruning (untrack.blockmax) for the queries MaxScore leaves alone (a single word in
# its fields and with its synonyms; see docs/performance.md for the measurements).
BLOCKMAX = True


class Ranker(TermScorer):
    """Scores queries against one open Whoosh searcher: an operator tree as score tables, phrases
    checked on the stored records, the best k chosen (pruned where it can be). The terms' scores,
    and the per-index caches behind them, are :class:`untrack.terms.TermScorer`'s."""

    def __init__(
        self,
        searcher: Any,
        B: float,
        K1: float,
        record: Callable[[int], dict[str, Any]],
        as_written: Callable[[str, tuple[str, ...]], bool],
        field_B: dict[str, float] | None = None,
    ) -> None:
        super().__init__(searcher, B, K1, field_B)
        self.record = record  # docnum -> the stored paragraph record (its keys are the field names)
        self.as_written = as_written  # (text, words) -> do the words stand together, as written?
        self._tokens: dict[tuple[str, str], list[str]] = {}  # analysed speaker names, roles, ...
        self._dfs: dict[tuple[str, Any], int] = {}  # document frequencies, for size_key
        # the words a fuzzy term stood for in the last search, which its highlighting reuses
        self._fuzzy: dict[tuple[str, str, int, int], list[str]] = {}
        self.prune = True  # top k without reading what cannot win (see untrack.pruning)
        self.blockmax = BLOCKMAX  # ... for single words, phrases and NOT too (see untrack.blockmax)

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

    def fuzzy_words(self, q: Any) -> list[str]:
        """The index words a fuzzy term stands for (see `fuzzy_words`), found once per search."""
        key = (q.fieldname, q.text, q.maxdist, q.prefixlength)
        got = self._fuzzy.get(key)
        if got is None:
            got = self._fuzzy[key] = fuzzy_words(q, self.searcher.reader())
        return got

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
                return boosted(intersect_sum([self.scores(sub, run) for sub in q.subqueries]), q.boost)
            out = intersect_sum([self.scores(sub, run) for sub in positive])
            for sub in q.subqueries:
                if type(sub) is wq.Not:
                    excluded = self.scores(sub.query, run.eager())
                    out = {d: sc for d, sc in out.items() if d not in excluded}
            return boosted(out, q.boost)
        if kind is wq.Not:  # every live document the clause does not match, at score 0
            excluded = self.scores(q.query, run.eager())
            return {d: 0.0 for d in self.searcher.reader().all_doc_ids() if d not in excluded}
        if kind in COMPOUND and not getattr(q, "scale", None) and not getattr(q, "minmatch", 0):
            parts = [self.scores(sub, run) for sub in q.subqueries]
            if kind is wq.And:
                return boosted(intersect_sum(parts), q.boost)
            keys = list(map(self.size_key, q.subqueries))
            ordered = [parts[i] for i in sorted(range(len(parts)), key=keys.__getitem__, reverse=True)]
            if kind is wq.DisjunctionMax:
                return boosted(dismax(ordered, q.tiebreak), q.boost)
            return boosted(union(ordered, None), q.boost)
        if kind is wq.AndNot:
            pos = self.scores(q.a, run)
            neg = self.scores(q.b, run.eager())
            return boosted({d: s for d, s in pos.items() if d not in neg}, q.boost)
        if kind is wq.AndMaybe:
            must, maybe = self.scores(q.a, run), self.scores(q.b, run)
            return boosted({d: s + maybe.get(d, 0.0) for d, s in must.items()}, q.boost)
        if kind in (wq.Prefix, wq.Wildcard, wq.FuzzyTerm):
            words = self.fuzzy_words(q) if kind is wq.FuzzyTerm else None
            return self.scores(expand(q, self.searcher.reader(), words), _Run(eager_check=True))
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
        out = boosted(intersect_sum(words), phrase.boost)
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
        self._fuzzy.clear()
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
            return best_first(scored, limit), raw
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
            taken = best_first(scored, window)
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


def expand(q: Any, reader: Any, words: list[str] | None = None) -> Any:
    """A wildcard, prefix or fuzzy term as the Or of the index terms it stands for, each scored
    by BM25F (Whoosh's default gives every expansion the same constant score, which ranks the
    matches in index order)."""
    from whoosh.query import NullQuery, Or, Term

    fieldname = q.field()
    texts = words if words is not None else q._btexts(reader)
    terms = [Term(fieldname, t) for t in texts if t]
    if not terms:
        return NullQuery
    return terms[0] if len(terms) == 1 and q.boost == 1.0 else Or(terms, boost=q.boost)


def fuzzy_words(q: Any, reader: Any) -> list[str]:
    """The index terms within a fuzzy term's edits, the same terms as Whoosh's `terms_within`,
    found with `within_edits` (which gives up on a word as soon as it cannot be close enough)
    instead of a full distance table per word of the vocabulary: a fuzzy search costs about a
    third as much."""
    fieldobj = reader.schema[q.fieldname]
    text, maxdist = q.text, q.maxdist
    words = (fieldobj.from_bytes(b) for b in reader.expand_prefix(q.fieldname, text[: q.prefixlength]))
    return [word for word in words if within_edits(word, text, maxdist)]


def within_edits(a: str, b: str, k: int) -> bool:
    """Is the edit distance of a and b at most k? The distance Whoosh's fuzzy terms use
    (Damerau–Levenshtein as optimal string alignment: insertions, deletions, substitutions and
    swaps of two neighbours), computed only within k cells of the diagonal, row by row, stopping
    at the first row with no cell within k."""
    n, m = len(a), len(b)
    if abs(n - m) > k:
        return False
    far = k + 1
    before: list[int] = []
    prev = [j if j <= k else far for j in range(m + 1)]
    for i in range(1, n + 1):
        cur = [far] * (m + 1)
        cur[0] = i if i <= k else far
        lo, hi = max(1, i - k), min(m, i + k)
        for j in range(lo, hi + 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1] and a[i - 1] != b[j - 1]:
                v = min(v, before[j - 2] + 1)
            cur[j] = v if v <= k else far
        if min(cur[max(0, lo - 1) : hi + 1]) > k:
            return False
        before, prev = prev, cur
    return prev[m] <= k


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
