"""What to show of a hit: the spans of a paragraph a query matched, and a snippet around them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .analysis import analyzers
from .query import phrase_spans

SNIPPET_CHARS = 240


@dataclass
class Highlighter:
    """What to highlight in paragraph text: query words (by stem) and quoted phrases (as written,
    highlighted as one span)."""

    terms: set[str] = field(default_factory=set)
    phrases: list[tuple[str, ...]] = field(default_factory=list)

    @classmethod
    def for_query(cls, q: Any, reader: Any, fuzzy: Callable[[Any], list[str]] | None = None) -> Highlighter:
        """What `q` matched in the text; `fuzzy` gives the words a fuzzy term stands for (the
        ranker's, found once for the search)."""
        from whoosh.query import AndNot, FuzzyTerm, Not, Phrase

        from .ranking import fuzzy_words

        h = cls()

        def walk(node: Any) -> None:
            if isinstance(node, Not):
                return
            if isinstance(node, AndNot):
                walk(node.a)
                return
            if type(node).__name__ == "VerifiedPhrase":
                h.phrases.append(node.words)
                return
            if isinstance(node, Phrase):
                if node.fieldname == "text":
                    h.terms.update(node.words)
                return
            if node.is_leaf():
                if getattr(node, "fieldname", "text") != "text":
                    return  # (only the text is highlighted: a fuzzy word is not expanded over every field)
                if isinstance(node, FuzzyTerm):
                    h.terms.update(fuzzy(node) if fuzzy else fuzzy_words(node, reader))
                    return
                for fieldname, text in node.existing_terms(reader, expand=True):
                    if fieldname == "text":
                        h.terms.add(text.decode("utf-8") if isinstance(text, bytes) else str(text))
                return
            for child in node.children():
                walk(child)

        walk(q)
        return h

    def spans(self, text: str) -> list[tuple[int, int]]:
        """[start, end) character spans to highlight; adjacent matched words join up."""
        raw: list[tuple[int, int]] = []
        an = analyzers()
        if self.terms:
            raw += [(t.startchar, t.endchar) for t in an.text(text, chars=True) if t.text in self.terms]
        for ph in self.phrases:
            raw += phrase_spans(text, ph)
        spans: list[tuple[int, int]] = []
        for a, b in sorted(raw):
            if spans and (a <= spans[-1][1] or _GAP.match(text[spans[-1][1] : a])):
                spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
            else:
                spans.append((a, b))
        return spans


_GAP = re.compile(r"^[ \t\W]{0,3}$")


def make_snippet(text: str, matches: list[tuple[int, int]], width: int = SNIPPET_CHARS) -> tuple[str, int]:
    """A window of about `width` characters around the densest cluster of matches.

    Returns (snippet, offset of the snippet in text); the snippet is an exact slice of
    text, so renderers add their own ellipses.
    """
    if len(text) <= width:
        return text, 0
    best_start, best_count = 0, -1
    for a, _ in matches or [(0, 0)]:
        start = max(0, a - width // 4)
        count = sum(1 for x, y in matches if x >= start and y <= start + width)
        if count > best_count:
            best_start, best_count = start, count
    start = best_start
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    return text[start:end], start
