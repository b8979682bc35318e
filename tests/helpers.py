"""Small things several test modules share."""

from __future__ import annotations

import json
from typing import Any

SEED = "000_027ff52e41ff29f7"  # the bundled release's document name


def jsonl(output: str) -> list[dict]:
    """Parse JSON Lines output (blank lines ignored)."""
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def segmented_index(records: list[dict], folder: str, per: int, deleted: slice, blocklimit: int | None = None) -> Any:
    """A Whoosh index of `records` in segments of `per`, with the records at `deleted` deleted
    (index generations are merged to one segment: the ranker must not depend on it); with
    `blocklimit`, posting blocks of that many postings (Whoosh's default is 128), so that a
    small index has words of many blocks."""
    from whoosh import index as windex
    from whoosh.codec.whoosh3 import W3Codec

    from untrack.index import document_fields, make_schema

    ix = windex.create_in(folder, make_schema())
    for start in range(0, len(records), per):
        w = ix.writer(codec=W3Codec(blocklimit=blocklimit)) if blocklimit else ix.writer()
        for rec in records[start : start + per]:
            w.add_document(**document_fields(rec))
        w.commit(merge=False)
    w = ix.writer()
    for rec in records[deleted]:
        w.delete_by_term("id", rec["id"])
    w.commit(merge=False)
    return ix


def seed_copies_then_one_changed(folder: Any, index: Any) -> tuple[Any, Any, Any]:
    """Three copies of the bundled release indexed, then the second changed and indexed again:
    the store, its generation before the change, and the second update's report."""
    import shutil

    from untrack.index import IndexStore
    from untrack.sources import Source, bundled_seed

    folder.mkdir()
    for i in range(3):
        shutil.copy(bundled_seed(), folder / f"r{i}.txt")
    store = IndexStore(index)
    store.update([Source.of(p) for p in sorted(folder.iterdir())], rebuild=True)
    before = store.current()
    changed = folder / "r1.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
    report = store.update([Source.of(p) for p in sorted(folder.iterdir())])
    return store, before, report
