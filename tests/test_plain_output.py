"""One layout, drawn twice: piped output is written without Rich, line for line what Rich prints
with colour off and no width; on a terminal the same lines are wrapped and kept compact."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from untrack import plain, render
from untrack.index import IndexStore
from untrack.search import get, search


def rich_text(renderables: list, width: int | None = None) -> str:
    out = io.StringIO()
    render._print_all(render.console(False, stream=out, width=width), renderables)
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
    plain.write_blocks(out, (plain.hit_lines(h, full) for h in hits))
    assert out.getvalue() == rich_text(render.hits_renderables(hits, full=full))


def test_plain_records_are_what_rich_prints_without_colour(seed_index: Path) -> None:
    store = IndexStore(seed_index)
    found = [got for pid in ("000_027ff52e41ff29f7#12", "000_027ff52e41ff29f7#34") if (got := get(store, pid, 1))]
    out = io.StringIO()
    plain.write_blocks(out, (plain.record_lines(rec, ctx) for rec, ctx in found))
    assert out.getvalue() == rich_text(render.record_renderables(found))


def test_document_text_stays_inert_in_plain_output() -> None:
    from untrack.search import Hit

    rec = {"id": "d#1", "n": 1, "text": "[bold]x\x1b[31m", "speaker": "A\x1b]0;t\x07", "affiliation": None}
    out = io.StringIO()
    plain.write_blocks(out, [plain.hit_lines(Hit(rec, 1, 1.0, [], rec["text"]))])
    assert "\x1b" not in out.getvalue() and "\x07" not in out.getvalue() and "[bold]x" in out.getvalue()


def _blocks(text: str) -> list[list[str]]:
    return [block.splitlines() for block in text.strip("\n").split("\n\n")]


@pytest.mark.parametrize("width", [40, 80, 200])
@pytest.mark.parametrize("query", ["trust fund donations", "which countries donated money to the trust fund", "courts"])
def test_a_hit_takes_at_most_four_lines_on_a_terminal_and_full_shows_it_all(seed_index, width, query) -> None:
    hits = search(IndexStore(seed_index), query, limit=0)
    assert hits
    compact = _blocks(rich_text(render.hits_renderables(hits, width=width), width))
    assert len(compact) == len(hits)
    for block, hit in zip(compact, hits, strict=True):
        assert 3 <= len(block) <= 4 and all(len(line) <= width for line in block)
        assert hit.record["id"] in block[1]
        assert any(hit.record["text"][a:b] in " ".join(block[2:]) for a, b in hit.matches)  # a match shows
    whole = _blocks(rich_text(render.hits_renderables(hits, full=True, width=width), width))
    for block, hit in zip(whole, hits, strict=True):
        body = "".join(block[1:]).split(hit.record["id"], 1)[1]
        assert "".join(hit.record["text"].split()) in "".join(body.split())


def test_neighbours_are_one_line_each_with_the_bar_on_every_line_when_whole(seed_index) -> None:
    hits = search(IndexStore(seed_index), "footballers", limit=1, context=1)
    compact = _blocks(rich_text(render.hits_renderables(hits, width=80), 80))[0]
    bars = [line for line in compact if line.startswith("    │ ")]
    assert len(bars) == 2 and len(compact) == 6  # two neighbours of one line each around a compact hit
    whole = _blocks(rich_text(render.hits_renderables(hits, full=True, width=80), 80))[0]
    neighbour_lines = [line for line in whole if "│" in line]
    assert len(neighbour_lines) > 2 and all(line.startswith("    │ ") for line in neighbour_lines)
