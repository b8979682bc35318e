"""Did-you-mean: unknown words of a query replaced by the closest words the index holds."""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, NamedTuple

from .analysis import analyzers
from .query import check_length


class Correction(NamedTuple):
    """A spelling suggestion built from the index's own words and speaker names."""

    query: str  # the query with each unknown word replaced
    words: list[tuple[str, str]]  # (as typed, suggested)

    def likely_typos(self) -> bool:
        """Whether every suggested word is one edit from the word typed (a slip of the keys)."""
        from .textutil import fold

        return all(_edit_distance(fold(typed), fixed) <= 1 for typed, fixed in self.words)


_QUERY_WORD = re.compile(r"(?<![\w:])\w[\w'’]*(?![\w:*?~(\[])")
_OPERATORS = {"AND", "OR", "NOT", "TO", "ANDNOT", "ANDMAYBE"}


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _inflection_of(word: str, known: str) -> bool:
    """Whether `word` is the indexed `known` with another ending and the same stem."""
    an = analyzers().text
    same_stem = [t.text for t in an(word)] == [t.text for t in an(known)]
    return same_stem and (known.startswith(word[:-1]) or word.startswith(known[:-1]))


def suggest_in(load_vocabulary: Callable[[], Any], query: str) -> Correction | None:
    """Replace words the index has never seen (in paragraph text or speaker names) by the
    closest word it has: one edit for short words, two for words of six letters or more.
    `load_vocabulary` gives the index's words with their counts (called only when needed)."""
    from .textutil import fold

    check_length(query)
    words = [m for m in _QUERY_WORD.finditer(query) if m.group(0) not in _OPERATORS]
    words = [m for m in words if len(m.group(0)) >= 4 and not any(c.isdigit() for c in m.group(0))]
    if not words:
        return None
    vocabulary = load_vocabulary()
    changes: list[tuple[str, str]] = []
    out = query
    for m in reversed(words):
        typed, word = m.group(0), fold(m.group(0))
        if _known(word, vocabulary):
            continue
        maxdist = 2 if len(word) >= 6 else 1
        best: tuple[int, int, str] | None = None
        for cand, count in vocabulary.items():
            if cand[:1] != word[:1] or abs(len(cand) - len(word)) > maxdist:
                continue
            dist = _edit_distance(word, cand)
            if dist <= maxdist and (best is None or (dist, -count, cand) < best):
                best = (dist, -count, cand)
        if best is not None and _inflection_of(word, best[2]):
            continue  # "conclude" for "concluded": another form of a word the search already finds
        if best is not None:
            out = out[: m.start()] + best[2] + out[m.end() :]
            changes.append((typed, best[2]))
    return Correction(out, list(reversed(changes))) if changes else None


def _known(word: str, vocabulary: Any) -> bool:
    """Whether the index has the word, with either apostrophe, or as the owner of a possessive
    ("Zimbabwe's" when the index has "Zimbabwe")."""
    for form in {word, word.replace("'", "’"), word.replace("’", "'")}:
        if form in vocabulary or (form.endswith(("'s", "’s")) and form[:-2] in vocabulary):
            return True
    return False


def nearest(word: str, known: Iterable[str]) -> str | None:
    """The known word closest to `word` (two edits at most, one for short words), most common
    first letters kept; None if nothing is that close."""
    maxdist = 2 if len(word) >= 6 else 1
    best: tuple[int, str] | None = None
    for cand in known:
        if abs(len(cand) - len(word)) > maxdist or cand[:1] != word[:1]:
            continue
        dist = _edit_distance(word, cand)
        if dist <= maxdist and (best is None or (dist, cand) < best):
            best = (dist, cand)
    return best[1] if best else None
