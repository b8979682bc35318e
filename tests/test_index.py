"""The index: schema, stable ids, filters, and atomic generations."""

from __future__ import annotations

from pathlib import Path

import pytest

from untrack.index import IndexProblem, IndexStore
from untrack.query import Filters
from untrack.search import search
from untrack.sources import Source, bundled_seed


def test_schema_has_the_fields_users_search_and_filter_on(seed_index: Path) -> None:
    ix = IndexStore(seed_index).open()
    for name in ("id", "doc", "n", "title", "date", "section", "speaker", "affiliation", "text"):
        assert name in ix.schema.names()


def test_ids_are_stable_across_rebuilds(tmp_path: Path) -> None:
    a, b = IndexStore(tmp_path / "a"), IndexStore(tmp_path / "b")
    for s in (a, b):
        s.update([Source.of(bundled_seed())], rebuild=True)
    assert [r["id"] for r in a.records()] == [r["id"] for r in b.records()]


def test_section_filter_and_section_field_search(seed_index: Path) -> None:
    store = IndexStore(seed_index)
    hits = search(store, "traffickers", limit=0, filters=Filters(section="closing remarks"))
    assert hits and {h.record["section"] for h in hits} == {"Closing Remarks"}
    hits = search(store, 'section:"closing remarks"', limit=0)
    assert {h.record["n"] for h in hits} == {60, 61}  # paragraphs only: the heading is no hit


def test_a_failed_write_leaves_the_previous_index_working(tmp_path: Path, monkeypatch) -> None:
    store = IndexStore(tmp_path / "ix")
    store.update([Source.of(bundled_seed())], rebuild=True)
    before = store.records()

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("untrack.index.document_fields", boom)
    with pytest.raises(RuntimeError):
        store.update([Source.of(bundled_seed())], rebuild=True)
    assert store.records() == before
    assert not [p for p in store.path.iterdir() if p.name.startswith(".building")]


def test_damaged_index_says_how_to_rebuild(tmp_path: Path) -> None:
    store = IndexStore(tmp_path / "ix")
    store.update([Source.of(bundled_seed())], rebuild=True)
    gen = store.current()
    assert gen is not None
    (gen / "untrack.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(IndexProblem, match="rebuild"):
        store.open()


def test_an_update_shares_the_unchanged_segments_and_optimize_merges_them(tmp_path: Path) -> None:
    from helpers import seed_copies_then_one_changed

    folder = tmp_path / "src"
    store, before, report = seed_copies_then_one_changed(folder, tmp_path / "ix")
    assert before is not None
    after = store.current()
    assert after is not None and report.changed == ["r1"]
    # Nothing is copied: the previous generation's segments are the same files (hard links).
    shared = [
        p
        for p in after.glob("*.seg")
        if (before / p.name).exists() and p.stat().st_ino == (before / p.name).stat().st_ino
    ]
    assert shared
    hits = {h.record["id"] for h in search(store, "footballers", limit=0)}
    assert hits == {f"r{i}#37" for i in range(3)}
    store.update([Source.of(p) for p in sorted(folder.iterdir())], optimize=True)
    merged = store.current()
    assert merged is not None and len(list(merged.glob("*.seg"))) == 1
    assert {h.record["id"] for h in search(store, "footballers", limit=0)} == hits


def test_an_index_built_with_other_word_tables_asks_to_be_rebuilt(tmp_path: Path, monkeypatch) -> None:
    from untrack import index as index_module
    from untrack.index import IndexProblem

    store = IndexStore(tmp_path / "ix")
    store.update([Source.of(bundled_seed())], rebuild=True)
    # As if the lexicon's spellings changed after the index was built (commit d1965eb did that).
    monkeypatch.setattr(index_module, "analysis_fingerprint", lambda: "0000000000000000")
    with pytest.raises(IndexProblem, match="reads words differently.*untrack index --rebuild --index"):
        IndexStore(tmp_path / "ix").manifest()


def test_postings_spilled_to_disk_compressed_give_the_same_index(tmp_path: Path, monkeypatch) -> None:
    """A build too big for the writer's memory spills sorted runs (compressed chunks): the index is the same."""
    import os
    import tempfile

    import untrack.index as index_module

    def export(store: IndexStore) -> list[dict]:
        return store.records()

    whole = IndexStore(tmp_path / "whole")
    whole.update([Source.of(bundled_seed())], rebuild=True)
    spills = tmp_path / "spills"
    spills.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spills))
    monkeypatch.setattr(index_module, "WRITER_MB", 0.02)  # about 20 KB: many runs
    seen: list[int] = []
    pack = index_module._packed_runs

    def counting(pool):
        pack(pool)
        new_run = pool._new_run

        def counted():
            seen.append(1)
            return new_run()

        pool._new_run = counted

    monkeypatch.setattr(index_module, "_packed_runs", counting)
    small = IndexStore(tmp_path / "small")
    small.update([Source.of(bundled_seed())], rebuild=True)
    assert len(seen) > 3  # it did spill
    assert export(small) == export(whole)
    assert not [f for _, _, files in os.walk(spills) for f in files]  # no run left behind
    ranked = [[h.record["id"] for h in search(store, "trust fund")] for store in (small, whole)]
    assert ranked[0] == ranked[1]


def test_runs_spilled_in_chunks_give_the_same_postings(tmp_path: Path, monkeypatch) -> None:
    """A writer that spills many runs, each in chunks of postings and a short last one, writes the
    same terms, postings, block statistics and lengths as one that holds everything in memory."""
    import untrack.index as index_module

    whole = IndexStore(tmp_path / "whole")
    whole.update([Source.of(bundled_seed())], rebuild=True)
    monkeypatch.setattr(index_module, "WRITER_MB", 0.02)  # about 20 KB: many runs
    monkeypatch.setattr(index_module, "RUN_CHUNK", 7)
    spilled = IndexStore(tmp_path / "spilled")
    spilled.update([Source.of(bundled_seed())], rebuild=True)
    assert _postings(spilled) == _postings(whole)
    assert spilled.records() == whole.records()


def _postings(store: IndexStore) -> list[tuple]:
    """Every term of every field: its documents, weights and block statistics, and every length."""
    out: list[tuple] = []
    with store.open().reader() as r:
        for field in sorted(r.indexed_field_names()):
            for term in r.lexicon(field):
                info = r.term_info(field, term)
                m = r.postings(field, term)
                docs = []
                while m.is_active():
                    docs.append((m.id(), m.weight()))
                    m.next()
                out.append((field, term, docs, info.min_length(), info.max_length(), info.max_weight()))
            if r.schema[field].scorable:
                out.append((field, [r.doc_field_length(d, field) for d in range(r.doc_count_all())]))
    return out


def test_field_lengths_read_as_tables_give_the_same_segment(tmp_path: Path, monkeypatch) -> None:
    """The writer's flush is handed each field's lengths as a table (not a file read per posting):
    the postings, their block statistics and the lengths are the same as Whoosh's own way."""
    import untrack.index as index_module
    from untrack.index import _LengthTables

    tabled = IndexStore(tmp_path / "tabled")
    tabled.update([Source.of(bundled_seed())], rebuild=True)
    monkeypatch.setattr(index_module, "_tabled_lengths", lambda writer: None)
    plain = IndexStore(tmp_path / "plain")
    plain.update([Source.of(bundled_seed())], rebuild=True)
    assert _postings(tabled) == _postings(plain)
    # Asked directly: the same length for every document and field, and the default where there is none.
    from whoosh.codec.whoosh3 import _lenfield

    with plain.open().reader() as r:
        per_doc = r._perdoc  # the segment's per-document reader (one segment)
        tables = _LengthTables(per_doc, _lenfield)
        for field in ("text", "speaker", "id", "n"):
            for d in range(per_doc.doc_count_all()):
                assert tables.doc_field_length(d, field) == per_doc.doc_field_length(d, field)
                assert tables.doc_field_length(d, field, -1) == per_doc.doc_field_length(d, field, -1)


@pytest.mark.parametrize("memo", [65536, 5])
def test_prose_analysed_word_by_word_gives_whooshs_terms(seed_text: str, memo: int, monkeypatch) -> None:
    """The text field analyses each distinct word once (a memo per writer): the terms, frequencies
    and weights are those Whoosh's own TEXT field gives the same analyzer, word forms, stop words,
    accents and apostrophes included; the memo is not pickled into the index's schema."""
    import pickle

    from whoosh.fields import TEXT

    import untrack.analysis as analysis_module
    from untrack.analysis import analyzers, make_schema

    monkeypatch.setattr(analysis_module, "_WORD_MEMO", memo)  # 5: the memo is forgotten again and again
    field = make_schema()["text"]
    plain = TEXT(analyzer=analyzers().text, phrase=False)
    texts = [
        *seed_text.split("\n\n"),
        "The children’s Organisation gave CAFÉ programs to the Member States' delegates; U.N. e.g. 3.5 per cent",
        "",
        "the of and",
    ]
    for text in texts:
        assert sorted(field.index(text)) == sorted(plain.index(text))
    assert field.__dict__.get("_words")  # the memo was used
    assert "_words" not in pickle.loads(pickle.dumps(field)).__dict__


def test_paragraph_numbers_are_one_term_each_and_ranges_find_them(seed_index: Path) -> None:
    """`n` is indexed at full precision only (no coarser tiers): one term a record, and the short
    ranges untrack asks for (a paragraph's neighbours) still find exactly those records."""
    from whoosh.query import And, NumericRange, Term

    ix = IndexStore(seed_index).open()
    with ix.searcher() as s:
        numbers = {rec["n"] for rec in IndexStore(seed_index).records()}
        assert len(list(s.reader().lexicon("n"))) == len(numbers)
        doc = next(iter(IndexStore(seed_index).manifest()["documents"]))
        found = s.search(And([Term("doc", doc), NumericRange("n", 9, 12)]), limit=None, sortedby="n")
        assert [hit["record"]["n"] for hit in found] == [9, 10, 11, 12]
