"""A paragraph read within its release: how much of a question the rest of the release holds.

A question names the meeting as well as the point ("At the 2024 session of the social development
commission, what was said about the cost of spending on children?"), and a release spreads the
meeting's words over all its paragraphs: the body and the session in the opening, the topic in the
speakers' turns. A paragraph that answers the point therefore ranks better when its release holds
the rest of the question too. Each of the best hits gains `RELEASE_WEIGHT` × the inverse document
frequencies of the question's words found anywhere in its release (its own paragraph included).

Measured on eval/questions q1–q11 (the tuning sets; 799 releases), re-ordering the best 50: mean
MRR@10 0.787 → 0.806 at 0.5, up on every set and every kind of question (1.0 gives the same mean);
counting words once per release or a BM25 over whole releases gave about the same. On the blind
set q12, scored before and after: 0.738 → 0.739 (docs/evaluation.md). A single release (the bundled
sample) gains the same for every paragraph, so its order does not change.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

RELEASE_WEIGHT = 0.5  # the share of a release's coverage of the question each of its hits gains
DEPTH = 50  # how many of the best hits are re-ordered


def release_spans(starts: list[int], end: int, docs: Iterable[int]) -> dict[int, tuple[int, int]]:
    """For each document, the document numbers its release runs over: [first, next release's first).
    A release's records are added together, so their document numbers follow one another."""
    spans = {}
    for d in docs:
        i = bisect_right(starts, d)
        lo = starts[i - 1] if i else 0
        spans[d] = (lo, starts[i] if i < len(starts) else end)
    return spans


def covered(reader: Any, term: str, spans: Iterable[tuple[int, int]], fieldname: str = "text") -> set[tuple[int, int]]:
    """The spans (releases) holding `term`: one pass over its postings, skipping from span to span
    in order. Whoosh's postings leave out deleted documents, so a span that runs over the deleted
    records of a replaced release gains nothing from them."""
    found: set[tuple[int, int]] = set()
    if not reader.doc_frequency(fieldname, term):
        return found
    m = reader.postings(fieldname, term)
    for lo, hi in sorted(set(spans)):
        if not m.is_active():
            break
        if m.id() < lo:
            m.skip_to(lo)
        if m.is_active() and m.id() < hi:
            found.add((lo, hi))
    return found


def release_gains(reader: Any, starts: list[int], docs: list[int], terms: Iterable[str]) -> dict[int, float]:
    """What each document gains from its release: RELEASE_WEIGHT × the summed inverse document
    frequencies of the `terms` (analysed text words) its release holds. Documents of fewer than two
    releases gain nothing: there is nothing to tell apart."""
    spans = release_spans(starts, reader.doc_count_all(), docs)
    if len(set(spans.values())) < 2 or not RELEASE_WEIGHT:
        return {}
    total = max(reader.doc_count(), 1)
    gain: dict[tuple[int, int], float] = dict.fromkeys(spans.values(), 0.0)
    for term in sorted(set(terms)):
        df = reader.doc_frequency("text", term)
        if df:
            idf = math.log(1 + total / df)
            for span in covered(reader, term, spans.values()):
                gain[span] += idf
    return {d: RELEASE_WEIGHT * gain[span] for d, span in spans.items()}
