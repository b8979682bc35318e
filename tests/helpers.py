"""Small things several test modules share."""

from __future__ import annotations

import json
from typing import Any

SEED = "000_027ff52e41ff29f7"  # the bundled release's document name


def jsonl(output: str) -> list[dict]:
    """Parse JSON Lines output (blank lines ignored)."""
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def segmented_index(records: list[dict], folder: str, per: int, deleted: slice) -> Any:
    """A Whoosh index of `records` in segments of `per`, with the records at `deleted` deleted
    (index generations are merged to one segment: the ranker must not depend on it)."""
    from whoosh import index as windex

    from untrack.index import document_fields, make_schema

    ix = windex.create_in(folder, make_schema())
    for start in range(0, len(records), per):
        w = ix.writer()
        for rec in records[start : start + per]:
            w.add_document(**document_fields(rec))
        w.commit(merge=False)
    w = ix.writer()
    for rec in records[deleted]:
        w.delete_by_term("id", rec["id"])
    w.commit(merge=False)
    return ix
