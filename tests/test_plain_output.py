"""Piped output is written without Rich, line for line what Rich prints with colour off."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from untrack import plain, render
from untrack.index import IndexStore
from untrack.search import get, search


def rich_text(renderables: list) -> str:
    out = io.StringIO()
    render._print_all(render.console(False, stream=out), renderables)
    return out.getvalue()


@pytest.mark.parametrize(
    ("query", "options"),
    [
        ("trust fund", {}),
        ("which countries donated money to the trust fund", {"context": 2}),
        ('"closing remarks" OR footballers', {"context": 1}),
        ("survivors voice", {"limit": 0}),
    ],
)
@pytest.mark.parametrize("full", [False, True])
def test_plain_hits_are_what_rich_prints_without_colour(
    seed_index: Path, query: str, options: dict, full: bool
) -> None:
    hits = search(IndexStore(seed_index), query, **options)
    assert hits
    out = io.StringIO()
    plain.write_hits(out, hits, full=full)
    assert out.getvalue() == rich_text(render.hits_renderables(hits, full=full))


def test_plain_records_are_what_rich_prints_without_colour(seed_index: Path) -> None:
    store = IndexStore(seed_index)
    found = [got for pid in ("000_027ff52e41ff29f7#12", "000_027ff52e41ff29f7#34") if (got := get(store, pid, 1))]
    out = io.StringIO()
    plain.write_records(out, found)
    assert out.getvalue() == rich_text(render.record_renderables(found))


def test_document_text_stays_inert_in_plain_output() -> None:
    from untrack.search import Hit

    rec = {"id": "d#1", "n": 1, "text": "[bold]x\x1b[31m", "speaker": "A\x1b]0;t\x07", "affiliation": None}
    out = io.StringIO()
    plain.write_hits(out, [Hit(rec, 1, 1.0, [], rec["text"])])
    assert "\x1b" not in out.getvalue() and "\x07" not in out.getvalue() and "[bold]x" in out.getvalue()
