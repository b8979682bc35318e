"""Score sets and how they combine: a query node's scores are a dict of document number to
score, and an operator's are its clauses' dicts merged (summed for Or, the best plus a tiebreak
share of the others for DisjunctionMax, summed over the documents in all for And), from which
the best are taken.

Whole dicts merged at C speed where possible are what replaced Whoosh's matcher tree, which
combined clauses one document at a time. These functions know nothing of the index or of
queries, so the ranker and the pruning that chooses its candidates (:mod:`untrack.pruning`)
combine tables by the same code. The order of a merge is part of its result (sums taken in
another order can differ in the last bits): callers give tables largest first
(:meth:`untrack.ranking.Ranker.size_key`).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

Scores = dict[int, float]


def union(parts: list[Scores], pick: Callable[[float, float], float] | None) -> Scores:
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


def dismax(parts: list[Scores], tiebreak: float) -> Scores:
    """The best alternative's score plus `tiebreak` times the others' (Lucene's DisjunctionMax;
    Whoosh's own matcher is not used: its score() can report a score from another document).
    Tables are taken in the order given, largest first (as in :func:`union`)."""
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


def intersect_sum(parts: list[Scores]) -> Scores:
    if not parts or not all(parts):
        return {}
    smallest = min(parts, key=len)
    common = set(smallest)
    for part in parts:
        if part is not smallest:
            common.intersection_update(part.keys())
    return {d: sum(part[d] for part in parts) for d in common}


def boosted(scores: Scores, boost: float) -> Scores:
    return scores if boost == 1.0 else {d: s * boost for d, s in scores.items()}


def best_first(scores: Scores, limit: int | None) -> list[tuple[int, float]]:
    """Highest score first, ties to the lower document number."""
    if limit is not None and limit < len(scores):
        floor = heapq.nlargest(limit, scores.values())[-1]  # C-level; then only the few at or above it
        return sorted(((d, sc) for d, sc in scores.items() if sc >= floor), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
