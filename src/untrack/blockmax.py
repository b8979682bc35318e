"""Top k without reading what cannot win, for a single word, a phrase, and AND/NOT: block-max.

:mod:`untrack.pruning` prunes a question's sum of word clauses by term bounds, which cannot help
a query with one word (the bound of a common word is reached by some short paragraph) or whose
words must all match. Here every posting block of every word has its own exact bound: the
Pareto frontier of its (term frequency, field length) pairs (:meth:`untrack.terms.TermScorer.impacts`),
which bounds every document in the block for any average length, as BM25 grows with the one
and falls with the other. Whoosh's block headers hold the largest frequency and the shortest
length, usually of two different documents, and were measured no tighter than the term bound.

The document numbers are cut into intervals at every block's ends; an interval's bound is the
query's score with each word at the bound of its block there (0 where it has none). The blocks
of the best intervals are decoded first and their documents scored exactly, which gives a score
the k-th best document surely reaches; every document in an interval bounded below that cannot
be in the top k, so only the blocks of the intervals above it are decoded, and the documents
in them are the candidates. As in :mod:`untrack.pruning`, :class:`untrack.ranking.Ranker` then
scores the candidates with the exhaustive code (the tables of the blocks read, combined in the
same order), so the top k and every score are exactly what scoring every document gives.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from whoosh import query as wq

if TYPE_CHECKING:
    from .ranking import Ranker

    Key = tuple[str, Any, float]  # a term table's key in a run: (field, text, boost)

# Sums taken in another order can differ in the last bits: bounds are compared with a margin.
_SLACK = 1e-9
# A query whose words have fewer posting blocks than this in all is scored in full.
MIN_BLOCKS = 24
# Phrases and NOT are pruned too only when this is set: measured on 10,000 real-mix releases,
# phrases cost about what scoring every document does (0.97-1.06x) and "a AND NOT b" more (1.23x).
PHRASES_AND_NOT = False
# When the candidates' blocks hold more than 1/SHARE of the postings, everything is scored.
SHARE = 2
# The first guess at the k-th best score is the GUESS·k-th of the scores the words surely give.
GUESS = 1.0

Bound = Callable[[list[Any]], float]
Run = tuple[float, int, int, int, int]  # (bound, leaf, block position, index in the block, postings)


class Plan:
    """A query's words and their runs of postings, to choose candidates by a score θ that the
    k-th best document is thought to reach (see :meth:`candidates`)."""

    def __init__(
        self,
        ranker: Ranker,
        bound: Bound,
        words: list[Key],
        btexts: list[bytes],
        runs: list[Word],
        limit: int,
        most: float,
    ) -> None:
        self.ranker, self.bound, self.words, self.btexts, self.runs = ranker, bound, words, btexts, runs
        self.limit, self.most = limit, most
        self.postings = sum(word.size for word in runs)

    def guess(self, q: Any) -> float:
        """A score the k-th best document probably reaches: the k-th of the scores the query's
        words surely give (the postings on each run's frontier), combined as the query
        combines them (see :func:`_likely`); the least of them if fewer."""
        n = max(1, int(GUESS * self.limit))
        keys = {w: i for i, w in enumerate(self.words)}

        def known(key: Key) -> list[float]:
            i = keys.get(key)
            return [] if i is None else self.runs[i].known[:n]

        likely = _likely(q, known, n)
        return likely[-1] if likely else 0.0

    def candidates(self, theta: float, allow: set[int] | None, exclude: set[int] | None) -> set[int] | None:
        """Every document whose final score can reach `theta` (allowed, not excluded); None when
        they are so many that scoring every document costs about as much. If the k-th best of
        them scores `theta` or more, they hold the top k."""
        chosen = _cut(self.bound, self.runs, theta * (1.0 - _SLACK) / (self.most * (1.0 + _SLACK)))
        if sum(r[4] for mine in chosen for r in mine) * SHARE > self.postings:
            return None
        found: set[int] = set()
        for w, mine in enumerate(chosen):
            picked: dict[int, list[tuple[int, int, int]]] = {}
            for _, leaf, position, start, count in mine:
                picked.setdefault(leaf, []).append((position, start, count))
            if picked:
                found |= self.ranker.block_docs(self.words[w][0], self.btexts[w], picked)
        if allow is not None:
            found &= allow
        if exclude:
            found -= exclude
        return found


def plan(ranker: Ranker, q: Any, limit: int, scale: dict[int, float] | None) -> Plan | None:
    """How to prune `q` by its words' runs of postings; None when `q` has a shape this module
    cannot bound, or too few runs for pruning to pay.

    The query's score is at most f(s) for its words' scores s, f growing with each (a sum, a
    maximum, a DisjunctionMax) and scaling with them: f(λ·B) = λ·f(B) for the words' bounds
    B. So if the k-th best score is θ and λ = θ / f(B), a document where every word scores
    below λ times its bound scores below θ: the candidates are the documents of the runs of
    postings where some word's bound reaches λ times its own (or, for the cheapest words left
    out of f, every run)."""
    if limit <= 0 or _all_of(q) or (not PHRASES_AND_NOT and _has_phrase_or_not(q)):
        return None
    keys: dict[Key, int] = {}
    bound = _compile(q, keys)
    if bound is None or not keys:
        return None
    words = list(keys)
    schema = ranker.searcher.schema
    runs: list[Word] = []
    btexts: list[bytes] = []
    for field, text, boost in words:
        btext = schema[field].to_bytes(text) if field in schema and not isinstance(text, bytes) else text
        btexts.append(btext)
        word = _word(ranker, field, btext, boost)
        if word is None:
            return None
        runs.append(word)
    if sum(len(word.runs) for word in runs) < MIN_BLOCKS:
        return None
    most = max(1.0, max(scale.values(), default=1.0)) if scale else 1.0
    return Plan(ranker, bound, words, btexts, runs, limit, most)


class Word:
    """A term's runs of postings in all leaves, by bound ascending, as (bound, leaf, block
    position, index in the block, postings); their bounds; the postings from each run on; the
    term's postings; its largest bound; and scores it surely gives, best first (those of the
    runs' frontiers, as many times as postings have them)."""

    def __init__(self, runs: list[Run], known: list[float]) -> None:
        known.sort(reverse=True)
        self.known = known
        runs.sort(key=lambda r: r[0])
        self.runs = runs
        self.values = [r[0] for r in runs]
        tail = [0] * (len(runs) + 1)
        for i in range(len(runs) - 1, -1, -1):
            tail[i] = tail[i + 1] + runs[i][4]
        self.tail = tail
        self.size = tail[0]
        self.top = self.values[-1] if runs else 0.0

    def at_least(self, value: float) -> int:
        """Where the runs whose bound reaches `value` begin."""
        return bisect_left(self.values, value)


def _word(ranker: Ranker, field: str, btext: bytes, boost: float) -> Word | None:
    """The term's runs (see :class:`Word`), kept for the open index; None: blocks that cannot
    be addressed."""
    cache = ranker.__dict__.setdefault("_blockmax_words", {})
    key = (field, btext, boost)
    got = cache.get(key)
    if got is not None:
        return got
    runs: list[Run] = []
    known: list[float] = []
    schema = ranker.searcher.schema
    if field in schema:
        table = ranker._score_table(field, btext, boost) if schema[field].scorable else None
        for leaf in range(len(ranker.leaves)):
            impacts = ranker.impacts(leaf, field, btext)
            if impacts is None:
                return None
            for r in impacts:
                scores = [tf * boost for tf, _, _ in r[5]] if table is None else [table.row(tf)[n] for tf, n, _ in r[5]]
                runs.append((max(scores), leaf, r[0], r[1], r[4]))
                for sc, (_, _, count) in zip(scores, r[5], strict=True):
                    known += [sc] * count
    if len(cache) > 4096:
        cache.clear()
    got = cache[key] = Word(runs, known)
    return got


def _has_phrase_or_not(q: Any) -> bool:
    kind = type(q)
    if kind in (wq.Phrase, wq.Not) or kind.__name__ == "VerifiedPhrase":
        return True
    return any(_has_phrase_or_not(sub) for sub in getattr(q, "subqueries", ()))


def _all_of(q: Any) -> bool:
    """Must a match hold two scored parts or more ("a AND b")? Then a document reaching the
    k-th score can have every part well below its bound, and the candidates are about every
    document holding a part (measured: twice the time of scoring every document)."""
    return type(q) is wq.And and sum(1 for s in q.subqueries if type(s) is not wq.Not and s.boost > 0) > 1


def _cut(bound: Bound, words: list[Word], theta: float) -> list[list[Run]]:
    """The runs of postings that hold every document whose score (before `most`) can reach
    `theta`: all runs of the cheapest words (fewest postings), and of the others those whose
    bound reaches λ times the word's, where λ·f(their bounds, the cheap words absent) is
    `theta`. A document outside them lacks every cheap word and has each other word below λ
    times its bound, so it scores below `theta`. The number of cheap words is the one that
    leaves the fewest postings to read."""
    order = sorted(range(len(words)), key=lambda w: words[w].size)
    best: tuple[int, int, float] | None = None
    for c in range(len(order) + 1):
        cheap = set(order[:c])
        whole = bound([None if w in cheap or not words[w].runs else words[w].top for w in range(len(words))])
        share = theta / whole if whole > 0 else float("inf")
        cost = sum(words[w].size for w in cheap)
        for w, word in enumerate(words):
            if w not in cheap and word.runs:
                cost += word.tail[word.at_least(share * word.top)]
        if best is None or cost < best[0]:
            best = (cost, c, share)
    assert best is not None
    _, c, share = best
    cheap = set(order[:c])
    return [word.runs if w in cheap else word.runs[word.at_least(share * word.top) :] for w, word in enumerate(words)]


def _likely(node: Any, known: Callable[[Key], list[float]], n: int) -> list[float]:
    """About the `n` best scores of `node`, best first, from its words' (`known`): the best of
    either side for a sum or maximum, the best summed rank by rank for words that must all
    match. A guess, not a bound."""
    kind = type(node)
    if node is wq.NullQuery or kind is type(wq.NullQuery) or node.boost <= 0:
        return []
    boost = node.boost
    if kind is wq.Term:
        got = known((node.fieldname, node.text, boost))
        return got
    if kind.__name__ == "VerifiedPhrase" and type(node.child) is wq.Phrase:
        node, kind = node.child, wq.Phrase
        boost = node.boost
    if kind is wq.Phrase:
        lists = [known((node.fieldname, w, 1.0)) for w in node.words]
    else:
        subs = [s for s in getattr(node, "subqueries", ()) if type(s) is not wq.Not and s.boost > 0]
        lists = [_likely(s, known, n) for s in subs]  # a part scored 0 (a gate) gives nothing
    if kind is wq.Phrase or kind is wq.And:
        if not lists or not all(lists):
            return []
        summed = [sum(values) * boost for values in zip(*lists, strict=False)]
        return summed
    merged = sorted((v for values in lists for v in values), reverse=True)[:n]
    return [v * boost for v in merged] if boost != 1.0 else merged


def _compile(node: Any, keys: dict[Key, int]) -> Bound | None:
    """A function from each word's bound in an interval (None: absent there) to the most `node`
    scores there; None for a shape this module cannot bound. `keys` gathers the words."""

    def index(key: Key) -> int:
        return keys.setdefault(key, len(keys))

    kind = type(node)
    if node is wq.NullQuery or kind is type(wq.NullQuery):
        return lambda v: 0.0
    boost = node.boost
    if boost < 0:
        return None
    if boost == 0 and kind in (wq.Term, wq.Phrase, wq.Or, wq.And, wq.DisjunctionMax):
        return lambda v: 0.0  # scores nothing (a gate): its words need not be read for bounds
    if kind is wq.Term:
        i = index((node.fieldname, node.text, boost))
        return lambda v: v[i] or 0.0
    if kind.__name__ == "VerifiedPhrase" and type(node.child) is wq.Phrase:
        node, kind = node.child, wq.Phrase
        boost = node.boost
    if kind is wq.Phrase:
        idx = [index((node.fieldname, w, 1.0)) for w in node.words]

        def phrase(v: list[Any]) -> float:
            total = 0.0
            for i in idx:
                x = v[i]
                if x is None:
                    return 0.0
                total += x
            return total * boost

        return phrase
    compound = kind in (wq.Or, wq.And, wq.DisjunctionMax)
    if compound and not getattr(node, "scale", None) and not getattr(node, "minmatch", 0):
        subs = [s for s in node.subqueries if not (kind is wq.And and type(s) is wq.Not)]
        if not subs:
            return None
        parts = [_compile(s, keys) for s in subs]
        if any(p is None for p in parts):
            return None
        fs: list[Bound] = [p for p in parts if p is not None]
        if kind is wq.DisjunctionMax:
            t = node.tiebreak
            if not 0 <= t <= 1:
                return None

            def dismax(v: list[Any]) -> float:
                got = [f(v) for f in fs]
                best = max(got)
                return (best + t * (sum(got) - best)) * boost

            return dismax
        return lambda v: sum(f(v) for f in fs) * boost
    return None
