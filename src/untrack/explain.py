"""What untrack made of a query, in words (`untrack search --explain`): each word as read (its
stem) with the fields it is searched in, its alternatives and their weights; the filters; and
the kind of answer a question asks for. Whoosh's own repr says the same for a programmer."""

from __future__ import annotations

from typing import Any

ANY = "any of these words; a paragraph holding more of them ranks higher"


def _weight(boost: float) -> str:
    return "" if abs(boost - 1.0) < 1e-9 else f" ×{round(boost, 2):g}"


def _field(q: Any) -> str:
    """The field a leaf searches (a phrase checked as written wraps its phrase)."""
    return str(getattr(q, "fieldname", None) or getattr(getattr(q, "child", None), "fieldname", "?"))


def _what(q: Any) -> str | None:
    """A leaf query as 'what' (the term as indexed, a phrase, a pattern), or None for a combinator."""
    name = type(q).__name__
    if name == "VerifiedPhrase":
        return f'"{" ".join(q.words)}" (as written)'
    if name == "Phrase":
        return f'"{" ".join(q.words)}"'
    if name in ("Term", "Prefix", "Wildcard", "FuzzyTerm", "Regex"):
        text = q.text.decode() if isinstance(q.text, bytes) else str(q.text)
        suffix = {"Prefix": "*", "FuzzyTerm": f"~{getattr(q, 'maxdist', 1)}"}.get(name, "")
        return text + suffix
    if name in ("TermRange", "NumericRange", "DateRange"):
        low = "…" if q.start is None else q.start
        high = "…" if q.end is None else q.end
        return f"{low} to {high}"
    return None


def _alternatives(q: Any) -> str:
    """One word's alternatives, grouped by what is searched: 'australia in text, speaker ×0.8'."""
    groups: dict[str, list[str]] = {}
    children = q.subqueries if type(q).__name__ == "DisjunctionMax" else [q]
    for child in children:
        what = _what(child)
        if what is None:
            groups.setdefault(describe_clause(child), [])
            continue
        groups.setdefault(what, []).append(f"{_field(child)}{_weight(child.boost)}")
    return "; ".join(f"{what} in {', '.join(fields)}" if fields else what for what, fields in groups.items())


def describe_clause(q: Any) -> str:
    """A query of any shape, on one line."""
    name = type(q).__name__
    what = _what(q)
    if what is not None:
        return f"{_field(q)}:{what}{_weight(q.boost)}"
    if name == "DisjunctionMax":
        return f"({_alternatives(q)})"
    if name == "Not":
        return f"NOT {describe_clause(q.query)}"
    if name in ("And", "Or", "AndNot", "AndMaybe", "Require"):
        joiner = {"And": " AND ", "Or": " OR ", "AndNot": " AND NOT ", "AndMaybe": " (and maybe) "}.get(name, " AND ")
        return "(" + joiner.join(describe_clause(c) for c in _children(q)) + ")"
    if name == "Every":
        return "every paragraph"
    return repr(q)


def _children(q: Any) -> list[Any]:
    if hasattr(q, "subqueries"):
        return list(q.subqueries)
    return [c for c in (getattr(q, "a", None), getattr(q, "b", None)) if c is not None]


def describe(q: Any) -> list[str]:
    """The lines of --explain for a query (not the filters)."""
    from whoosh.query import And, DisjunctionMax, Or

    if q is None:
        return ["words: none (every paragraph the filters let through)"]
    if isinstance(q, And) and len(q.subqueries) == 2 and q.subqueries[0].boost == 0.0:
        q = q.subqueries[1]  # a plain question: the matching part read again in context, which ranks
    words = q.subqueries if isinstance(q, Or) else [q] if isinstance(q, DisjunctionMax) else None
    if words and all(isinstance(w, DisjunctionMax) for w in words):
        return [f"words ({ANY}):"] + [f"  {_label(w)}: {_alternatives(w)}" for w in words]
    return [f"query: {describe_clause(q)}"]


def _label(word: Any) -> str:
    """The word as read: the first thing it is searched as (its stem in the text)."""
    first = word.subqueries[0] if type(word).__name__ == "DisjunctionMax" else word
    return _what(first) or describe_clause(first)


def describe_filter(flt: Any) -> str:
    """The filters as 'field is value' clauses."""
    clauses = _children(flt) if type(flt).__name__ == "And" else [flt]
    return "filters: " + " and ".join(describe_clause(c) for c in clauses)
