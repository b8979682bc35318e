"""Pruned top-k ranking (untrack.pruning) gives exactly what scoring every document gives: the
same documents in the same order with the same scores, over varied queries, limits, filters and
indexes (one release, 40 real releases, several segments with deleted documents)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import query as wq

from helpers import segmented_index
from untrack import blockmax, pruning
from untrack.index import IndexStore
from untrack.query import parse_query
from untrack.search import opened
from untrack.sources import Source

REAL = Path(__file__).parent.parent / "eval" / "corpus"


class Index:
    """An open index with what Ranker.top is given by a search: the ranker, its headings
    (excluded), headlines (scaled), paragraph context, and words to ask about."""

    def __init__(self, ranker: Any, parse: Any, records: list[dict[str, Any]], docnums: list[int]) -> None:
        self.ranker, self.parse, self.docnums = ranker, parse, docnums
        ranker.blockmax = True  # whatever the default, pruned by blocks where it can be
        kinds: dict[str, set[int]] = {}
        for d, rec in zip(docnums, records, strict=True):
            kinds.setdefault(rec.get("kind") or "paragraph", set()).add(d)
        self.headings = kinds.get("heading", set())
        self.headlines = dict.fromkeys(kinds.get("headline", set()), 0.7)
        counts: dict[str, int] = {}
        pairs: set[str] = set()
        for rec in records:
            found = re.findall(r"[A-Za-z]{3,}", rec.get("text") or "")
            pairs.update(f"{a} {b}".lower() for a, b in zip(found[::7], found[1::7], strict=False))
            for w in set(re.findall(r"[A-Za-z]{4,}", rec.get("text") or "")):
                counts[w.lower()] = counts.get(w.lower(), 0) + 1
        ranked = sorted(counts, key=lambda w: (-counts[w], w))
        # Words from common to rare: a question mixes them.
        self.words = ranked[:: max(1, len(ranked) // 300)]
        self.pairs = sorted(pairs)[:: max(1, len(pairs) // 300)]  # words side by side, for phrases
        self.speakers = sorted({str(r["speaker"]).split()[-1].lower() for r in records if r.get("speaker")})[:20]


def _store_index(path: Path) -> Index:
    store = IndexStore(path)
    o = opened(store)
    reader = o.searcher.reader()
    docnums = list(reader.all_doc_ids())
    records = [o.record(d) for d in docnums]
    return Index(o.ranker, lambda text: parse_query(o.index, text, reader=reader), records, docnums)


@pytest.fixture(scope="module", autouse=True)
def look_early() -> Any:
    """These indexes are small: look at the bounds before any word, however few its postings,
    and prune by blocks however few they are and however little it saves, phrases and NOT
    included."""
    was = pruning.MIN_COST, blockmax.MIN_BLOCKS, blockmax.SHARE, blockmax.PHRASES_AND_NOT
    pruning.MIN_COST, blockmax.MIN_BLOCKS, blockmax.SHARE, blockmax.PHRASES_AND_NOT = 0, 0, 0.01, True
    yield
    pruning.MIN_COST, blockmax.MIN_BLOCKS, blockmax.SHARE, blockmax.PHRASES_AND_NOT = was


@pytest.fixture(scope="module")
def indexes(seed_index: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Index]:
    real = tmp_path_factory.mktemp("real") / "index"
    IndexStore(real).update([Source.of(p) for p in sorted(REAL.glob("*.txt"))[::11]], rebuild=True)
    return {
        "seed": _store_index(seed_index),
        "real": _store_index(real),
        "segments": _segmented(seed_index, tmp_path_factory.mktemp("segments")),
        "blocks": _segmented(real, tmp_path_factory.mktemp("blocks"), per=100, blocklimit=8),
    }


def _segmented(index: Path, folder: Path, per: int = 25, blocklimit: int | None = None) -> Index:
    """The index's records in segments of `per`, with some documents deleted (and with
    `blocklimit`, posting blocks that small, so that words have many blocks to prune by)."""
    from whoosh import scoring

    from untrack.query import BM25_B, BM25_K1, FIELD_B, phrase_present
    from untrack.ranking import Ranker

    records = list(IndexStore(index).records())
    ix = segmented_index(records, str(folder), per, slice(3, 60, 5), blocklimit=blocklimit)
    field_b = {f"{name}_B": b for name, b in FIELD_B.items()}
    s = ix.searcher(weighting=scoring.BM25F(B=BM25_B, K1=BM25_K1, **field_b))
    assert len(s.leaf_searchers()) > 1 and s.reader().has_deletions()
    ranker = Ranker(s, BM25_B, BM25_K1, lambda d: s.stored_fields(d)["record"], phrase_present, FIELD_B)
    docnums = list(s.reader().all_doc_ids())
    live = [s.stored_fields(d)["record"] for d in docnums]
    return Index(ranker, lambda text: parse_query(ix, text, reader=s.reader()), live, docnums)


def both(ix: Index, q: Any, limit: int, allow: set[int] | None, context: bool) -> tuple[Any, Any]:
    from untrack.ranking import Context

    ctx = Context(set(ix.headlines), 0.1, 0.05) if context else None
    out = []
    for prune in (True, False):
        ix.ranker.prune = prune
        try:
            out.append(ix.ranker.top(q, limit, allow, ix.headings, ix.headlines, ctx))
        finally:
            ix.ranker.prune = True
    return out[0], out[1]


@st.composite
def questions(draw: Any, ix: Index) -> str:
    """A plain question: words from common to rare, sometimes a speaker's name."""
    words = draw(st.lists(st.sampled_from(ix.words), min_size=1, max_size=7))
    if ix.speakers and draw(st.booleans()):
        words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(ix.speakers)))
    return " ".join(words)


@st.composite
def trees(draw: Any, ix: Index) -> Any:
    """An Or of word clauses (each a DisjunctionMax over fields, or a single term), sometimes
    gated as plain_query gates context: And([Or(clauses, boost=0), Or(clauses in context)])."""
    stems = sorted({w for w in map(_stem, ix.words) if w})
    n = draw(st.integers(2, 6))
    gate, scored = [], []
    for _ in range(n):
        stem = draw(st.sampled_from(stems))
        alts = [wq.Term("text", stem, boost=draw(st.sampled_from([1.0, 0.5, 0.7])))]
        if draw(st.booleans()):
            alts.append(wq.Term("affiliation", stem, boost=1.5))
        if ix.speakers and draw(st.booleans()):
            alts.append(wq.Term("speaker", draw(st.sampled_from(ix.speakers)), boost=0.8))
        if draw(st.integers(0, 5)) == 0:
            alts.append(wq.Phrase("text", [stem, draw(st.sampled_from(stems))]))
        clause = wq.DisjunctionMax(alts, tiebreak=0.1) if len(alts) > 1 else alts[0]
        gate.append(clause)
        extra = wq.Term("title", stem) if draw(st.booleans()) else None
        scored.append(wq.DisjunctionMax([*alts, extra], tiebreak=0.1) if extra is not None else clause)
    if draw(st.booleans()):
        return wq.And([wq.Or(gate, boost=0.0), wq.Or(scored)])
    return wq.Or(scored, boost=draw(st.sampled_from([1.0, 2.0])))


def _stem(word: str) -> str:
    from untrack.analysis import analyzers

    got = [t.text for t in analyzers().text(word)]
    return got[0] if len(got) == 1 else ""


@st.composite
def shapes(draw: Any, ix: Index) -> str:
    """What block-max prunes: a single word, a quoted phrase, words joined by AND and NOT."""
    word = st.sampled_from(ix.words)
    pick = draw(st.integers(0, 4))
    if pick == 0:
        return draw(word)
    if pick == 1:
        return '"' + draw(st.sampled_from(ix.pairs)) + '"'
    if pick == 2:
        return f"{draw(word)} AND {draw(word)}"
    if pick == 3:
        return f"{draw(word)} AND NOT {draw(word)}"
    return f'"{draw(st.sampled_from(ix.pairs))}" AND NOT {draw(word)}'


INDEX_NAMES = ["seed", "real", "segments", "blocks"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_pruned_top_k_is_the_exhaustive_top_k_to_the_bit(indexes: dict[str, Index], data: Any) -> None:
    ix = indexes[data.draw(st.sampled_from(INDEX_NAMES))]
    kind = data.draw(st.integers(0, 2))
    if kind == 0:
        q = ix.parse(data.draw(questions(ix)))
    elif kind == 1:
        q = data.draw(trees(ix))
    else:
        q = ix.parse(data.draw(shapes(ix)))
    limit = data.draw(st.sampled_from([1, 3, 10, 25, 60]))
    allow = None
    if data.draw(st.integers(0, 3)) == 0:
        allow = set(data.draw(st.lists(st.sampled_from(ix.docnums), max_size=len(ix.docnums) // 3)))
    pruned, exhaustive = both(ix, q, limit, allow, data.draw(st.booleans()))
    assert pruned == exhaustive, q


def test_questions_mixing_rare_and_common_words_are_pruned(indexes: dict[str, Index]) -> None:
    """The shape that pays: rare words' short postings settle the top, and the common words are
    read only for the candidates. The test above would pass unpruned; this one checks that
    questions do get pruned (on 40 releases, about one in seven), and agree."""
    import random

    from untrack.ranking import _Run

    ix = indexes["real"]
    rng = random.Random(13)
    pruned = 0
    for _ in range(100):
        q = ix.parse(" ".join(rng.sample(ix.words, rng.randint(2, 6))))
        limit = rng.choice([1, 10])
        if pruning.candidates(ix.ranker, q, limit, None, ix.headings, ix.headlines, _Run()) is not None:
            pruned += 1
            got, want = both(ix, q, limit, None, True)
            assert got == want and got, q
    assert pruned >= 5


def test_single_words_phrases_and_boolean_queries_are_pruned_by_blocks(indexes: dict[str, Index]) -> None:
    """Block-max prunes what MaxScore cannot (one word, a phrase, AND/NOT) on an index whose
    words span many posting blocks, and agrees with exhaustive scoring where it does."""
    import random

    ix = indexes["blocks"]
    rng = random.Random(13)
    pruned = 0
    for _ in range(60):
        text = _shape(rng, ix)
        q = ix.parse(text)
        limit = rng.choice([1, 10])
        if ix.ranker._blockmax(q, limit, None, ix.headings, ix.headlines) is not None:
            pruned += 1
            got, want = both(ix, q, limit, None, True)
            assert got == want and got, text
    assert pruned >= 20


def _shape(rng: Any, ix: Index) -> str:
    a, b = rng.choice(ix.words[:60]), rng.choice(ix.words)
    return rng.choice([a, f'"{rng.choice(ix.pairs)}"', f"{a} AND {b}", f"{a} AND NOT {b}"])


def test_block_frontiers_bound_every_posting(indexes: dict[str, Index]) -> None:
    """Each run of postings is summarised by its first and last document, its size and a
    frontier that holds, for every posting of the run, a pair at least as frequent and at most
    as long (with how many postings have the pair); the frontier's bound is at least every
    score in the run."""
    from untrack.postings import decoded

    r = indexes["blocks"].ranker
    checked = 0
    for word in filter(None, map(_stem, indexes["blocks"].words[:60])):
        btext = word.encode()
        scores = r.term("text", word)
        for leaf, (_, offset) in enumerate(r.leaves):
            found = r._leaf_term(leaf, "text", btext)
            if found is None:
                continue
            m = found[0]
            table = r._score_table("text", btext, 1.0)
            lengths = r._field_lengths(leaf, "text")
            for run in r.impacts(leaf, "text", btext) or []:
                position, start, first, last, count, frontier = run
                m._goto(position)
                ids, weights = decoded(m)
                ids, weights = ids[start : start + count], (weights or [1.0] * len(ids))[start : start + count]
                assert (ids[0], ids[-1], len(ids)) == (first, last, count)
                pairs = list(zip(weights, (lengths[d] for d in ids), strict=True))
                assert all(pairs.count((f, n)) == c for f, n, c in frontier)
                for d, tf in zip(ids, weights, strict=True):
                    assert any(f >= tf and n <= lengths[d] for f, n, _ in frontier)
                    if d + offset in scores:
                        assert scores[d + offset] <= max(table.row(f)[n] for f, n, _ in frontier)
                        checked += 1
                assert r.block_docs("text", btext, {leaf: [(position, start, count)]}) <= {d + offset for d in ids}
    assert checked > 500


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_run_over_some_documents_scores_them_to_the_bit(indexes: dict[str, Index], data: Any) -> None:
    """What pruning rests on: tables read for some documents only, and combined in an order
    fixed by term statistics, give those documents the bits the whole tables give them."""
    from untrack.ranking import _Run

    ix = indexes[data.draw(st.sampled_from(INDEX_NAMES))]
    q = ix.parse(data.draw(questions(ix))) if data.draw(st.booleans()) else data.draw(trees(ix))
    full = ix.ranker.scores(q, _Run())
    only = set(data.draw(st.lists(st.sampled_from(ix.docnums), min_size=1, max_size=40)))
    part = ix.ranker.scores(q, _Run(only=only))
    assert {d: part[d] for d in only if d in part} == {d: full[d] for d in only if d in full}, q


def test_summaries_are_written_with_each_segment_and_shared_by_updates(tmp_path: Path, monkeypatch: Any) -> None:
    """Each segment gets its impact summaries when its generation is committed; an update adds
    them for its new segments only and shares the others (hard links); they are the runs the
    ranker would compute from the postings; a damaged summary file is ignored (searches still
    give the exhaustive top k)."""
    from helpers import seed_copies_then_one_changed
    from untrack import impacts
    from untrack.postings import summarise

    monkeypatch.setattr(impacts, "MIN_POSTINGS", 4)
    store, before, _ = seed_copies_then_one_changed(tmp_path / "src", tmp_path / "ix")
    assert before is not None
    first = sorted(before.glob("*.impacts"))
    assert [p.stem for p in first] == [p.stem for p in sorted(before.glob("*.seg"))]
    after = store.current()
    assert after is not None
    assert [p.stem for p in sorted(after.glob("*.impacts"))] == [p.stem for p in sorted(after.glob("*.seg"))]
    assert any(p.exists() and p.stat().st_ino == (after / p.name).stat().st_ino for p in first)

    o = opened(store)
    r = o.ranker
    compared = 0
    for leaf, (reader, _) in enumerate(r.leaves):
        for fieldname in ("text", "speaker", "affiliation"):
            for btext, info in reader.iter_field(fieldname):
                stored = r._summaries[leaf].get(fieldname, btext)
                assert (stored is not None) == (info.doc_frequency() >= 4)
                if stored is not None:
                    found = r._leaf_term(leaf, fieldname, btext)
                    assert found is not None
                    assert stored == summarise(found[0], r._field_lengths(leaf, fieldname))
                    compared += 1
    assert compared > 100

    from untrack.query import BM25_B, BM25_K1, FIELD_B, phrase_present
    from untrack.ranking import Ranker

    for p in after.glob("*.impacts"):
        p.write_bytes(b"HSH3" + bytes(range(256)) * 4)
    fresh = Ranker(o.searcher, BM25_B, BM25_K1, o.record, phrase_present, FIELD_B)
    assert all(s.get("text", b"traffick") is None for s in fresh._summaries)
    ix = Index(fresh, lambda text: parse_query(o.index, text, reader=o.searcher.reader()), [], [])
    for text in ["trafficking", '"human trafficking"', "victims AND women"]:
        got, want = both(ix, ix.parse(text), 10, None, True)
        assert got == want and got, text


class _Runs:
    """A pickle that would run a command when loaded by plain pickle."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> Any:
        import os

        return (os.system, (f"touch {self.marker}",))


def test_a_summary_file_from_someone_else_runs_no_code(seed_index: Path, tmp_path: Path) -> None:
    """A summary file is read with the index's safe unpickler (Whoosh's hash table keeps a
    pickle at its end): one naming a command is refused as a damaged index, and runs nothing."""
    import shutil

    from whoosh.filedb.filestore import FileStorage
    from whoosh.filedb.filetables import HashWriter

    from untrack.errors import IndexProblem
    from untrack.query import BM25_B, BM25_K1, FIELD_B, phrase_present
    from untrack.ranking import Ranker

    copy = tmp_path / "copy"
    shutil.copytree(seed_index, copy, symlinks=True)
    store = IndexStore(copy)
    gen = store.current()
    assert gen is not None
    marker = tmp_path / "ran"
    for p in gen.glob("*.impacts"):
        p.unlink()
        writer = HashWriter(FileStorage(str(gen)).create_file(p.name))
        writer.extras = {"x": _Runs(marker)}
        writer.add(b"text\x00traffick", b"\x02")
        writer.close()
    o = opened(store)
    fresh = Ranker(o.searcher, BM25_B, BM25_K1, o.record, phrase_present, FIELD_B)
    with pytest.raises(IndexProblem, match="posix.system"):
        fresh._summaries[0].get("text", b"traffick")
    assert not marker.exists()
