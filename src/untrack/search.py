"""Ranked queries over the index: the open index generation, ranking, hits and context.

Queries are read by :mod:`untrack.query`; ranking is BM25F computed by :mod:`untrack.ranking`;
questions that ask for a kind of answer (a number, countries, a speaker's words) reorder their
best paragraphs through :mod:`untrack.answers`; what a hit shows comes from
:mod:`untrack.highlight`, and spelling suggestions from :mod:`untrack.spelling`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from . import answers, coverage
from .errors import UntrackError, raised_in
from .highlight import Highlighter, make_snippet
from .index import IndexStore
from .query import (
    BM25_B,
    BM25_K1,
    FIELD_B,
    SORTS,
    Filters,
    QueryError,
    build_filter,
    check_length,
    is_plain,
    literal_text,
    parse_query,
    phrase_present,
)
from .spelling import Correction, suggest_in

if TYPE_CHECKING:
    from .ranking import Context

__all__ = ["Hit", "Outcome", "QueryError", "explain", "get", "opened", "search", "search_with_suggestions", "suggest"]


@dataclass
class Hit:
    """One ranked paragraph: its record plus where the query matched."""

    record: dict[str, Any]
    rank: int
    score: float | None
    matches: list[tuple[int, int]]
    snippet: str
    snippet_start: int = 0
    snippet_matches: list[tuple[int, int]] = field(default_factory=list)
    context: list[dict[str, Any]] | None = None  # neighbouring records, in document order

    def as_json(self) -> dict[str, Any]:
        out = dict(self.record)
        out.update(
            rank=self.rank,
            score=None if self.score is None else round(self.score, 4),
            snippet=self.snippet,
            matches=[list(m) for m in self.matches],
        )
        if self.context is not None:
            out["context"] = self.context
        return out


class _Opened:
    """One index generation held open for searching: its Whoosh index and searcher, the bulk
    ranker with its caches, the heading documents and the spelling vocabulary. A process that
    searches again reuses it until `index` swaps in a new generation."""

    def __init__(self, store: IndexStore, gen: Any) -> None:
        from whoosh import scoring

        from .ranking import Ranker

        self.gen = gen
        self.index = store.open()
        field_b = {f"{name}_B": b for name, b in FIELD_B.items()}
        self.searcher = self.index.searcher(weighting=scoring.BM25F(B=BM25_B, K1=BM25_K1, **field_b))
        self.ranker = Ranker(self.searcher, BM25_B, BM25_K1, self.record, phrase_present, FIELD_B)
        self._headings: set[int] | None = None
        self._starts: list[int] | None = None
        self._context: Context | None = None
        self._headlines: dict[int, float] | None = None
        self._sections: list[answers.Heading] | None = None
        self._vocabulary: Any = None

    def record(self, docnum: int) -> dict[str, Any]:
        record: dict[str, Any] = self.searcher.stored_fields(docnum)["record"]
        return record

    def headings(self) -> set[int]:
        """Headings are records (for export and scoring) but never hits of their own."""
        if self._headings is None:
            from whoosh.query import Term

            self._headings = self.ranker.docs(Term("kind", "heading"))
        return self._headings

    def headlines(self) -> dict[int, float]:
        """Each release's headline record, with the share of its score it ranks at (HEADLINE_HIT)."""
        if self._headlines is None:
            from whoosh.query import Term

            self._headlines = dict.fromkeys(self.ranker.docs(Term("kind", "headline")), HEADLINE_HIT)
        return self._headlines

    def allowed(self, filters: Filters) -> set[int] | None:
        """The documents a search's filters let through (None: no filter). The body a release
        covers is the same for all its records, so `--body` is matched on each release's first record
        alone (see release_starts) and stands for the release's run of records (a release's
        records are added together, so their document numbers follow one another)."""
        flt = build_filter(filters._replace(body=None))
        allow = self.ranker.docs(flt) if flt is not None else None
        if filters.body:
            releases = self.releases_of_body(filters.body)
            allow = releases if allow is None else allow & releases
        return allow

    def releases_of_body(self, body: str) -> set[int]:
        from whoosh.query import And, NumericRange

        # Whoosh's own intersection skips from one release's first record to the next, so the
        # phrase is read only there, not for every paragraph.
        first_records = And([NumericRange("n", 0, 1), build_filter(Filters(body=body))])
        spans = coverage.release_spans(
            self.release_starts(), self.searcher.doc_count_all(), self.ranker.whoosh(first_records)
        )
        out: set[int] = set()
        for d, (lo, hi) in spans.items():
            if d == lo:  # a release's first record (a record 1 after its headline is no start)
                out.update(range(lo, hi))
        return out

    def release_starts(self) -> list[int]:
        """The document number of each release's first record, in order: its headline (record 0),
        or record 1 for a release with no headline (a record 1 whose document number follows its
        own release's headline is no start)."""
        if self._starts is None:
            from whoosh.query import NumericRange

            heads = set(self.headlines())
            firsts = self.ranker.docs(NumericRange("n", 1, 1))
            self._starts = sorted(heads | {d for d in firsts if d - 1 not in heads})
        return self._starts

    def context(self) -> Context:
        """How much of its neighbours' scores a hit gains (see untrack.ranking.Context)."""
        from .ranking import Context

        if self._context is None:  # built once per open index: a set of every release's first record
            self._context = Context(set(self.release_starts()), CONTEXT_BEFORE, CONTEXT_AFTER, alone=self.headlines())
        return self._context

    def sections(self) -> list[answers.Heading]:
        """Every section heading with the words that tell it from its document's other headings."""
        if self._sections is None:
            by_doc: dict[str, list[tuple[str, set[str]]]] = {}
            for docnum in sorted(self.headings()):
                rec = self.record(docnum)
                by_doc.setdefault(rec["doc"], []).append((rec["text"], answers.heading_words(rec["text"])))
            self._sections = [
                answers.Heading(doc, text, frozenset(w for w in words if sum(w in o for _, o in heads) == 1))
                for doc, heads in by_doc.items()
                for text, words in heads
            ]
        return self._sections

    def is_speaker_word(self, word: str) -> bool:
        """A word of a speaker's name ("bachelet"), not an ordinary word that some speaker's name
        also holds ("rights", in "Commission on Human Rights"): it names speakers at least a fifth as
        often as paragraphs hold it."""
        from .analysis import analyzers

        reader = self.searcher.reader()
        as_name = reader.doc_frequency("speaker", word)
        if not as_name:
            return False
        stems = [t.text for t in analyzers().text(word)]
        in_text = reader.doc_frequency("text", stems[0]) if stems else 0
        return as_name * 5 >= in_text

    def vocabulary(self) -> Any:
        if self._vocabulary is None:
            from .index import read_vocabulary

            vocabulary = read_vocabulary(self.gen)
            reader = self.searcher.reader()
            for name in reader.lexicon("speaker"):
                name = name.decode("utf-8") if isinstance(name, bytes) else name
                vocabulary[name] += reader.doc_frequency("speaker", name)
            self._vocabulary = vocabulary
        return self._vocabulary

    def close(self) -> None:
        self.searcher.close()


_OPENED: dict[str, _Opened] = {}
_KEEP_OPEN = 2  # indexes a process keeps open at once


def opened(store: IndexStore) -> _Opened:
    """The store's current generation, opened once per process (reopened after a re-index)."""
    gen = store.current()
    key = str(store.path.resolve())
    cached = _OPENED.get(key)
    if cached is not None and cached.gen == gen:
        return cached
    if cached is not None:
        del _OPENED[key]
        cached.close()
    fresh = _Opened(store, gen)
    while len(_OPENED) >= _KEEP_OPEN:
        _OPENED.pop(next(iter(_OPENED))).close()
    _OPENED[key] = fresh
    return fresh


# A headline is short, and BM25 favours short texts: it competes with paragraphs at this share of its
# score, so it comes first only when it answers clearly better (measured on eval/questions).
HEADLINE_HIT = 0.7
# A hit gains these shares of the scores of the paragraph before and after it in its release.
# Measured on eval/questions q1–q6 (440 releases): none 0.807 mean MRR@10, these 0.824, twice these
# 0.827; on the bundled release's dialogue, where neighbours are other speakers' turns, these cost
# 0.002 and twice these 0.011. Counting only neighbours in the same voice, or only paragraphs that
# refer back ("that resolution", "he added"), gave less.
CONTEXT_BEFORE = 0.1
CONTEXT_AFTER = 0.05


def search(
    store: IndexStore,
    query: str,
    limit: int | None = 10,
    filters: Filters | None = None,
    sort: str = "relevance",
    require_all: bool = False,
    literal: bool = False,
    context: int = 0,
    reverse: bool = False,
    before: int | None = None,
    after: int | None = None,
    semantic: bool = False,
) -> list[Hit]:
    """Run a query; `limit` None or 0 means every hit; sort by relevance, date or doc order
    (`reverse`: newest or last first; for relevance, the order is by relevance anyway);
    `context` neighbouring paragraphs of the same document ride along with each hit (`before`
    and `after`, where given, count each side on its own, as grep's -B and -A); `semantic`:
    the best hits re-ordered by meaning too (untrack.semantic, an optional extra)."""
    from whoosh.query import Every, NullQuery, Term

    filters = filters or Filters()
    query = query.strip()
    check_length(query)
    if not query and not filters.any():
        raise QueryError("empty query: give words to search for, or a filter such as --speaker")
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r}: use one of {', '.join(SORTS)}")
    if semantic:
        from . import semantic as meaning

        meaning.encoder()  # the extra missing is the user's to fix: say so before searching
    o = opened(store)
    q = parse_query(o.index, query, require_all, literal, reader=o.searcher.reader()) if query else Every()
    if q is NullQuery and not filters.any():
        raise QueryError(f"nothing to search for: every word of {query!r} is too common or too short to search on")
    s = o.searcher
    try:
        found: list[tuple[dict[str, Any], float | None]]
        allow = o.allowed(filters)
        if sort == "relevance" and query:
            plain = is_plain(query) and not literal
            prefs = answers.preferences(query, o.sections, o.is_speaker_word) if plain else []
            # (one word: every hit's release holds it, so releases tell nothing apart)
            words = _question_words(query) if plain else set()
            wide = bool(prefs) or len(words) > 1
            depth = max(limit, answers.RERANK_DEPTH, coverage.DEPTH) if limit and wide else limit or None
            if semantic and depth:
                depth = max(depth, meaning.DEPTH)
            ranked = o.ranker.top(q, depth, allow=allow, exclude=o.headings(), scale=o.headlines(), context=o.context())
            top = [(o.record(d), score) for d, score in ranked]
            docnums = {rec["id"]: d for (rec, _), (d, _) in zip(top, ranked, strict=True)}
            if prefs:
                top = answers.rerank(top, prefs)
            if len(words) > 1:
                top = _with_release_gains(o, words, docnums, top)
            if semantic:
                top = meaning.rerank(literal_text(query) if not plain else query, top)
            found = list(top[: limit or None])
        else:  # the ranker finds the matches (phrases checked); Whoosh sorts them by its columns
            if query:
                matching = o.ranker.docs(q)
                allow = matching if allow is None else matching & allow
            keys = ["date", "doc", "n"] if sort == "date" else ["doc", "n"]
            results = s.search(
                Every(), limit=limit or None, filter=allow, mask=Term("kind", "heading"), sortedby=keys, reverse=reverse
            )
            found = [(r["record"], None) for r in results]
        highlighter = Highlighter.for_query(q, s.reader(), o.ranker.fuzzy_words)
        hits = []
        for rank, (rec, score) in enumerate(found, 1):
            matches = highlighter.spans(rec["text"])
            snippet, offset = make_snippet(rec["text"], matches)
            smatches = [(a - offset, b - offset) for a, b in matches if a >= offset and b <= offset + len(snippet)]
            hits.append(Hit(rec, rank, score, matches, snippet, offset, smatches))
        before = context if before is None else before
        after = context if after is None else after
        if before > 0 or after > 0:
            for hit in hits:
                hit.context = neighbours(s, hit.record, before, after)
    except UntrackError:
        raise
    except Exception as e:
        if not raised_in(e, ("whoosh.",)):  # Whoosh rejects some odd queries only when they run
            raise  # a bug in untrack is a bug: `internal error`, with a traceback under UNTRACK_DEBUG=1
        raise QueryError(f"cannot run query {query!r}: {type(e).__name__}: {e}") from None
    return hits


def _question_words(query: str) -> set[str]:
    """A plain question's words as the text field holds them (folded, stemmed, no stop words)."""
    from .analysis import analyzers

    return {t.text for t in analyzers().text(query)}


def _with_release_gains(
    o: _Opened, words: set[str], docnums: dict[str, int], top: list[tuple[dict[str, Any], float]]
) -> list[tuple[dict[str, Any], float]]:
    """The best hits re-ordered by how much of the question (its `words`) their releases hold
    (untrack.coverage); `docnums` gives each hit's document number by its record id."""
    head = top[: coverage.DEPTH]
    docs = [docnums[rec["id"]] for rec, _ in head]
    gains = coverage.release_gains(o.searcher.reader(), o.release_starts(), docs, words)
    if not gains:
        return top
    head = [(rec, score + gains[docnums[rec["id"]]]) for rec, score in head]
    head.sort(key=lambda rs: -rs[1])
    return head + top[coverage.DEPTH :]


def neighbours(searcher: Any, record: dict[str, Any], before: int, after: int | None = None) -> list[dict[str, Any]]:
    """The records up to `before` paragraphs before `record` and `after` after it (as many as
    before, if not given) in its document, itself excluded."""
    from whoosh.query import And, NumericRange, Term

    after = before if after is None else after
    q = And([Term("doc", record["doc"]), NumericRange("n", record["n"] - before, record["n"] + after)])
    found = [hit["record"] for hit in searcher.search(q, limit=None, sortedby="n")]
    return [r for r in found if r["n"] != record["n"]]


def get(
    store: IndexStore, pid: str, context: int = 0, after: int | None = None
) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """One paragraph by its id (`<doc>#<n>`) and `context` neighbours before it (and `after`
    after it; as many, if not given); None if there is no such id."""
    if "#" not in pid:
        raise QueryError(f"bad paragraph id {pid!r}: ids look like DOC#N, as in --json output")
    s = opened(store).searcher
    found = s.document(id=pid)
    if found is None:
        return None
    rec = found["record"]
    after = context if after is None else after
    return rec, neighbours(s, rec, context, after) if context > 0 or after > 0 else []


def explain(store: IndexStore, query: str, filters: Filters | None = None, literal: bool = False) -> str:
    """How untrack reads a query, in words (see :mod:`untrack.explain`): each word as read with
    its alternatives and weights, the filters, and the kind of answer a question asks for."""
    from .explain import describe, describe_filter

    o = opened(store)
    q = parse_query(o.index, query, literal=literal, reader=o.searcher.reader()) if query.strip() else None
    lines = describe(q)
    flt = build_filter(filters or Filters())
    if flt is not None:
        lines.append(describe_filter(flt))
    prefs = answers.preferences(query, o.sections, o.is_speaker_word) if query.strip() and is_plain(query) else []
    for pref in prefs if not literal else []:
        lines.append(f"answer kind: {pref.name} (the best {answers.RERANK_DEPTH} paragraphs reordered)")
    if not prefs or literal:
        lines.append("answer kind: any (ranked by the words alone)")
    if q is not None:
        lines.append(
            f"context: each of the best hits gains {CONTEXT_BEFORE:g} of the score of the paragraph before it"
            f" and {CONTEXT_AFTER:g} of the one after it, in its release"
        )
    if (
        q is not None
        and is_plain(query)
        and not literal
        and coverage.RELEASE_WEIGHT
        and len(_question_words(query)) > 1
    ):
        lines.append(
            f"release: each of the best {coverage.DEPTH} hits gains {coverage.RELEASE_WEIGHT:g} of the weight of the"
            " question's words its release holds anywhere"
        )
    return "\n".join(lines)


class Outcome(NamedTuple):
    """Hits, plus the spelling correction that was suggested or used to find them."""

    hits: list[Hit]
    correction: Correction | None = None
    corrected: bool = False  # the hits are for the corrected query


def unmatched_filters(store: IndexStore, filters: Filters) -> list[str]:
    """Why a filtered search found nothing: each filter that no paragraph of the index passes,
    with the nearest names the index has ("--speaker bachlet": did you mean bachelet?)."""
    from .analysis import analyzers
    from .spelling import nearest

    o = opened(store)
    reader = o.searcher.reader()
    out = []
    for name in ("speaker", "body", "section", "doc"):
        value = getattr(filters, name)
        if not value or o.ranker.docs(build_filter(Filters(**{name: value}))):
            continue
        lexicon = [t.decode() if isinstance(t, bytes) else t for t in reader.lexicon(name)]
        words = [value] if name == "doc" else [t.text for t in analyzers().names(value)]
        fixed = [w if w in lexicon else (nearest(w, lexicon) or w) for w in words]
        hint = f"; did you mean --{name} '{' '.join(fixed)}'?" if fixed != words else ""
        if not hint and name == "body":
            bodies = sorted({str(d.get("body")) for d in store.manifest()["documents"].values() if d.get("body")})
            hint = f"; bodies in this index: {', '.join(bodies[:8])}" if bodies else ""
        out.append(f"no paragraph has {name} {value!r}{hint}")
    return out


def suggest(store: IndexStore, query: str) -> Correction | None:
    """Did-you-mean for a query, from the store's own words and speaker names."""
    return suggest_in(lambda: opened(store).vocabulary(), query)


def search_with_suggestions(store: IndexStore, query: str, literal: bool = False, **options: Any) -> Outcome:
    """Search; when a word is unknown, suggest a spelling, and when the query as typed finds
    nothing but the corrected one does, return the corrected hits."""
    hits = search(store, query, literal=literal, **options)
    correction = suggest(store, literal_text(query) if literal else query) if query.strip() else None
    if not hits and correction is not None:
        fixed = search(store, correction.query, literal=literal, **options)
        if fixed:
            return Outcome(fixed, correction, corrected=True)
    if hits and correction is not None and not correction.likely_typos():
        # The words found plenty: a word two edits from one the index holds ("complained",
        # "complaints") is more likely a word the releases never used than a typo.
        correction = None
    return Outcome(hits, correction)
