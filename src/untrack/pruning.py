"""Top k without reading what cannot win: MaxScore over a question's sum of word clauses.

A plain question is a sum of one clause per word (:func:`untrack.query.plain_query`), perhaps
gated by "some word of the paragraph's own" (a clause list scored 0). Every clause has an upper
bound from Whoosh's term statistics (:meth:`untrack.terms.TermScorer.term_bound`). Clauses are read
in full best bound first — the rare words, whose postings are short; once the k-th best score
among documents that surely match is above all that the unread clauses together could add, no
document missing from the tables read can reach the top k. The candidates are the documents
read whose score plus that bound can still reach the k-th; the unread clauses (the common
words, with the longest postings) are then read only for them, skipping posting blocks that
hold none.

This module only chooses the candidates. :class:`untrack.ranking.Ranker` then scores them with
the exhaustive code, so the top k and every score are exactly what exhaustive scoring gives
(tests compare the two on random queries and indexes).
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING, Any

from whoosh import query as wq

from .scores import Scores, boosted, dismax

if TYPE_CHECKING:
    from .ranking import Ranker, _Run

    Tables = dict[tuple[str, Any, float], Scores]  # term tables by (field, text, boost), as _Run keeps them

# Sums taken in another order can differ in the last bits: bounds are compared with a margin.
_SLACK = 1e-9
# With one word left to read, candidates more than 1/CROWD of the documents are scored in full.
CROWD = 8
# A filter that admits less than 1/FILTER_SHARE of the documents is read only for them.
FILTER_SHARE = 4
# Below this many postings (two blocks) a word costs too little to be worth a look at the bounds,
# and a question none of whose words has 16 times as many is scored in full (a few ms on 2,500
# real-mix releases, where pruning's bookkeeping cost about as much as it saved).
MIN_COST = 256


def plan(q: Any) -> tuple[list[Any] | None, list[Any], float] | None:
    """(gate clauses or None, scored clauses, boost) when `q` is a boosted sum of clauses this
    module can bound, each a word or a DisjunctionMax of words; None otherwise (the caller
    scores exhaustively)."""
    gate = None
    boost = 1.0
    if type(q) is wq.And and len(q.subqueries) == 2 and q.subqueries[0].boost == 0 and q.boost > 0:
        g, q2 = q.subqueries
        gate = list(g.subqueries) if type(g) is wq.Or and not _scaled(g) else [g]
        boost, q = q.boost, q2
    if type(q) is not wq.Or or _scaled(q) or q.boost <= 0 or len(q.subqueries) < 2:
        return None
    clauses = list(q.subqueries)
    if any(_alternatives(c) is None for c in clauses):
        return None
    return gate, clauses, boost * q.boost


def _scaled(q: Any) -> bool:
    return bool(getattr(q, "scale", None) or getattr(q, "minmatch", 0))


def _is_word(node: Any) -> bool:
    kind = type(node)
    return kind is wq.Term or kind is wq.Phrase or (kind.__name__ == "VerifiedPhrase" and type(node.child) is wq.Phrase)


def _alternatives(clause: Any) -> list[Any] | None:
    """The words of a clause (a word, or a DisjunctionMax of words); None for other shapes."""
    if _is_word(clause):
        return [clause]
    if (
        type(clause) is wq.DisjunctionMax
        and clause.boost >= 0
        and 0 <= clause.tiebreak <= 1
        and all(_is_word(sub) for sub in clause.subqueries)
    ):
        return list(clause.subqueries)
    return None


def upper_bound(ranker: Ranker, node: Any) -> float | None:
    """The most `node` can score in any document (None: a node this module cannot bound)."""
    kind = type(node)
    if kind is wq.Term:
        return ranker.term_bound(node.fieldname, node.text, node.boost)
    if node is wq.NullQuery or kind is type(wq.NullQuery):
        return 0.0
    if kind is wq.Phrase:
        return sum(ranker.term_bound(node.fieldname, w, 1.0) for w in node.words) * node.boost
    if kind.__name__ == "VerifiedPhrase" and type(node.child) is wq.Phrase:
        return upper_bound(ranker, node.child)
    if kind in (wq.Or, wq.And, wq.DisjunctionMax) and not _scaled(node) and node.boost >= 0:
        bounds = []
        for sub in node.subqueries:
            b = upper_bound(ranker, sub)
            if b is None:
                return None
            bounds.append(b)
        if kind is wq.DisjunctionMax:
            return _dismax_bound(bounds, node.tiebreak) * node.boost if 0 <= node.tiebreak <= 1 else None
        return sum(bounds) * node.boost
    return None


def _dismax_bound(bounds: list[float], tiebreak: float) -> float:
    """The most a DisjunctionMax scores when its alternatives score at most `bounds` (the
    best plus `tiebreak` times the rest grows with each of them, for 0 <= tiebreak <= 1)."""
    if not bounds:
        return 0.0
    best = max(bounds)
    return best + tiebreak * (sum(bounds) - best)


def candidates(
    ranker: Ranker,
    q: Any,
    limit: int,
    allow: set[int] | None,
    exclude: set[int] | None,
    scale: dict[int, float] | None,
    run: _Run,
) -> tuple[set[int], Tables, Tables] | None:
    """The documents that can be in the top `limit` of `q` (after `allow`, `exclude` and
    `scale`, as Ranker.top applies them), the term tables read in full (for every document
    `run` reads) and those read only for some documents (at least those); None when `q` cannot
    be pruned or pruning would not pay (then `run` keeps the tables read, for the caller).

    The words of all clauses are read in full, fewest postings first. A clause scores at most
    (a DisjunctionMax grows with each alternative) what its words read give a document plus
    the most its unread words could give; so once the k-th best score of documents that surely
    match is above the sum of the unread words' bounds, a document no word read holds cannot
    reach the top, and those read are candidates while their score plus that sum can. The
    remaining words — the common ones — are then read only for the candidates, which fall away
    as the unread bound shrinks."""
    shape = plan(q)
    if shape is None or limit <= 0:
        return None
    gate, clauses, boost = shape
    alts = [_alternatives(c) or [] for c in clauses]
    bounds: list[list[float]] = []
    for words in alts:
        got = [upper_bound(ranker, w) for w in words]
        if any(b is None for b in got):
            return None
        bounds.append([b or 0.0 for b in got])
    most = max(scale.values(), default=1.0) if scale else 1.0
    factor = boost * max(1.0, most)  # the most a document's summed clauses are multiplied by
    gate_words = None if gate is None else [w for c in gate for w in (_alternatives(c) or [c])]
    state = _State(ranker, limit, boost, allow, exclude, scale, run, clauses, alts, bounds, gate_words)

    # Every word, cheapest first; a word named in two clauses is read once (the run keeps it).
    units = sorted(((i, a) for i, words in enumerate(alts) for a in range(len(words))), key=_cost(ranker, alts))
    if ranker.size_key(alts[units[-1][0]][units[-1][1]]) < 16 * MIN_COST:
        return None  # no word has postings long enough for skipping to pay for the bookkeeping
    cost_read, last = 0, 0.0
    for n, (i, a) in enumerate(units):
        cost = ranker.size_key(alts[i][a])
        # Worth a look (which costs about as much as reading the words read so far) before a
        # word that costs much of it, once the unread words' bound is near the k-th score seen
        # last (which only grows as words are read), or before a long posting list.
        if n and cost >= MIN_COST and 4 * cost >= cost_read:
            unread = state.unread() * factor
            if not last or unread < 1.25 * last or (cost >= 16 * MIN_COST and 2 * cost >= cost_read):
                theta = last = state.theta()
                if theta * (1.0 - _SLACK) > unread * (1.0 + _SLACK):
                    found = state.narrow(units[n:], theta)
                    if found is not None:
                        return found
        ranker.scores(alts[i][a], run)
        state.read[i].add(a)
        cost_read += cost
    return None  # every word read: the caller scores them in full at no further cost


class _State:
    """What pruning knows: the words read of each clause, and from them each document's least
    score (the clauses' scores from the words read) and the most the unread words can add."""

    def __init__(
        self,
        ranker: Ranker,
        limit: int,
        boost: float,
        allow: set[int] | None,
        exclude: set[int] | None,
        scale: dict[int, float] | None,
        run: _Run,
        clauses: list[Any],
        alts: list[list[Any]],
        bounds: list[list[float]],
        gate_words: list[Any] | None,
    ) -> None:
        self.ranker, self.limit, self.boost, self.run = ranker, limit, boost, run
        self.allow, self.exclude, self.scale = allow, exclude, scale
        self.alts, self.bounds, self.gate_words = alts, bounds, gate_words
        self.tiebreaks = [c.tiebreak if type(c) is wq.DisjunctionMax else 0.0 for c in clauses]
        self.boosts = [c.boost if type(c) is wq.DisjunctionMax else 1.0 for c in clauses]
        self.read: list[set[int]] = [set() for _ in clauses]
        self.tables: dict[tuple[int, int], Scores] = {}  # words read for some documents only
        self.acc: Scores = {}
        self.clause: list[Scores] = [{} for _ in clauses]  # each clause's score from the words read
        self.merged = [0 for _ in clauses]  # how many words of each clause `clause` holds
        self.raised: list[Scores] = [{} for _ in clauses]  # ... and for candidates, words read since
        self.valid: set[int] | None = None  # documents the gate surely admits (None: no gate)
        self.most = max(1.0, max(scale.values(), default=1.0)) if scale else 1.0  # the largest scale

    def table(self, i: int, a: int) -> Scores:
        got = self.tables.get((i, a))
        return got if got is not None else self.ranker.scores(self.alts[i][a], self.run)

    def unread(self) -> float:
        """The most the words not yet read can add to a document's summed clauses."""
        return sum(
            _dismax_bound([b for a, b in enumerate(self.bounds[i]) if a not in self.read[i]], self.tiebreaks[i])
            * self.boosts[i]
            for i in range(len(self.alts))
        )

    def theta(self) -> float:
        """A score the k-th best document surely reaches, from every document's clauses read."""
        acc: Scores = {}
        for i in range(len(self.alts)):
            if self.read[i] and len(self.read[i]) != self.merged[i]:  # words read since the last look
                tables = [self.table(i, a) for a in sorted(self.read[i])]
                merged = dismax(tables, self.tiebreaks[i]) if len(tables) > 1 else tables[0]
                self.clause[i] = boosted(merged, self.boosts[i])  # a run's table: not to be changed
                self.merged[i] = len(self.read[i])
        for table in sorted(self.clause, key=len, reverse=True):
            _add(acc, table)
        self.acc = acc
        if self.gate_words is not None:
            self.valid = set()
            done = [words[a] for i, words in enumerate(self.alts) for a in self.read[i]]
            for w in self.gate_words:
                if w in done:  # a word read for the scored clauses: the gate admits what it holds
                    self.valid.update(self.ranker.scores(w, self.run))
        return self._kth(acc)

    def _kth(self, acc: Scores) -> float:
        uncertain: set[int] = set()  # in a phrase table not yet checked: the score may still fall
        for _, pending in self.run.pending:
            uncertain.update(pending)
        return _kth(acc, self.limit, self.boost, self.scale, self.valid, uncertain, self.allow, self.exclude)

    def survivors(self, theta: float, unread: float, among: Any) -> set[int]:
        """The documents of `among` whose score from the words read, plus `unread`, can still
        reach `theta` once boosted and scaled (by the most any document is scaled: a few more
        than need be, in one comparison each)."""
        cut = theta * (1.0 - _SLACK) / (self.boost * self.most * (1.0 + _SLACK)) - unread * (1.0 + _SLACK)
        acc = self.acc
        found = {d for d in among if acc[d] >= cut}
        if self.allow is not None:
            found &= self.allow
        if self.exclude:
            found -= self.exclude
        return found

    def narrow(self, units: list[tuple[int, int]], theta: float) -> tuple[set[int], Tables, Tables] | None:
        """Read the remaining words for the candidates alone, dropping the candidates that can
        no longer reach the k-th score: each time the word that lowers the unread words' bound
        most for its postings. None when one word is left and the candidates are so many that
        reading it for them and scoring them costs about what scoring every document does."""
        found = self.survivors(theta, self.unread(), self.acc)
        if len(units) == 1 and len(found) * CROWD > self.ranker.searcher.doc_count_all():
            return None
        complete = self.run.terms  # read in full (a phrase below adds its words)
        partial: Tables = {}  # read for candidates only
        units = list(units)
        while len(units) > 1:  # the last is read for the candidates with the final scoring
            i, a = units.pop(self._most_telling(units))
            word = self.alts[i][a]
            if type(word) is not wq.Term:  # a phrase: read in full, as its check is put off
                self.ranker.scores(word, self.run)
            else:
                key = (word.fieldname, word.text, word.boost)
                got = complete.get(key)
                if got is None:
                    got = partial.get(key)
                if got is None:
                    got = partial[key] = self.ranker.term(word.fieldname, word.text, word.boost, sorted(found))
                self.tables[(i, a)] = got
            self.read[i].add(a)
            self._update(i, a, found)
            if self.valid is not None and self.gate_words is not None and word in self.gate_words:
                self.valid.update(d for d in found if d in self.tables.get((i, a), ()))
            theta = max(theta, self._kth({d: self.acc[d] for d in found if d in self.acc}))
            found = self.survivors(theta, self.unread(), found)
        return found, dict(complete), partial

    def _most_telling(self, units: list[tuple[int, int]]) -> int:
        """Which of `units` lowers the unread words' bound most per posting read."""
        now = self.unread()
        gains = []
        for i, a in units:
            self.read[i].add(a)
            gains.append((now - self.unread()) / (1 + self.ranker.size_key(self.alts[i][a])))
            self.read[i].discard(a)
        return max(range(len(units)), key=gains.__getitem__)

    def _update(self, i: int, a: int, docs: set[int]) -> None:
        """Clause i's least score for `docs` now that its word `a` is read too. A DisjunctionMax
        of scores that gains a score v is at least v, and gains at least tiebreak·v: exact
        when v is the clause's first score for the document (most often), a lower bound else."""
        added = self.table(i, a)
        t, boost, acc = self.tiebreaks[i], self.boosts[i], self.acc
        clause, raised = self.clause[i], self.raised[i]
        if len(docs) < len(added):
            pairs: Any = ((d, added[d]) for d in docs if d in added)
        else:
            pairs = ((d, v) for d, v in added.items() if d in docs)
        for d, v in pairs:
            old = raised.get(d)
            if old is None:
                old = clause.get(d, 0.0)
            new = max(old + t * v * boost, v * boost)
            raised[d] = new
            acc[d] = acc.get(d, 0.0) + new - old


def _cost(ranker: Ranker, alts: list[list[Any]]) -> Any:
    return lambda ia: ranker.size_key(alts[ia[0]][ia[1]])


def _add(acc: Scores, table: Scores) -> None:
    get = acc.get
    if not acc:
        acc.update(table)
        return
    for d, sc in table.items():
        acc[d] = get(d, 0.0) + sc


def _kth(
    acc: Scores,
    limit: int,
    boost: float,
    scale: dict[int, float] | None,
    valid: set[int] | None,
    uncertain: set[int],
    allow: set[int] | None,
    exclude: set[int] | None,
) -> float:
    """A score that the `limit`-th best document surely reaches: the `limit`-th best summed
    score among documents whose final score is at least that (admitted by the gate, `valid`,
    None: no gate; allowed; not excluded; in no unchecked phrase table), boosted and scaled as
    Ranker.top does; 0.0 when fewer than `limit` qualify."""

    def sure(d: int) -> bool:
        return not (
            d in uncertain
            or (valid is not None and d not in valid)
            or (allow is not None and d not in allow)
            or (exclude is not None and d in exclude)
        )

    get = (scale or {}).get
    width = 4 * limit + 32
    while True:
        values = heapq.nlargest(width, acc.values())
        cut = values[-1] if values else 0.0
        low = sorted((sc * boost * get(d, 1.0) for d, sc in acc.items() if sc >= cut and sure(d)), reverse=True)
        if len(low) >= limit:
            return low[limit - 1]
        if width >= len(acc):
            return 0.0
        width *= 8
