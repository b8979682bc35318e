"""The judged query set is well formed and the evaluator's arithmetic is right.

(Whether the ranking reaches the issue-4 targets is printed by evaluate.py, not asserted here.)"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from evaluate import ALL_SETS, evaluate, first_relevant_rank, load_judged  # noqa: E402

from untrack.index import IndexStore  # noqa: E402


@pytest.mark.parametrize("path", ALL_SETS, ids=lambda p: p.name)
def test_question_sets_are_well_formed(seed_index: Path, path: Path) -> None:
    judged = load_judged(path)
    assert len(judged) >= 36
    assert len({item["q"].lower() for item in judged}) == len(judged), "duplicate questions"
    records = {r["id"]: r for r in IndexStore(seed_index).records()}
    for item in judged:
        assert item["relevant"], item["q"]
        for pid in item["relevant"]:
            assert pid in records, f"{item['q']!r}: unknown id {pid}"
            assert records[pid]["kind"] != "heading", f"{item['q']!r}: {pid} is a heading, never a hit"


def test_first_relevant_rank() -> None:
    assert first_relevant_rank(["a", "b", "c"], ["c", "x"]) == 3
    assert first_relevant_rank(["a"] * 10 + ["b"], ["b"]) is None  # beyond the top 10
    assert first_relevant_rank([], ["b"]) is None


def test_evaluate_arithmetic() -> None:
    judged = [
        {"q": "one", "relevant": ["d#1"]},
        {"q": "two", "relevant": ["d#2", "d#9"]},
        {"q": "three", "relevant": ["d#3"]},
        {"q": "four", "relevant": ["d#4"]},
    ]
    ranked = {
        "one": ["d#1", "d#5"],  # rank 1
        "two": ["d#5", "d#6", "d#9"],  # rank 3
        "three": ["d#5", "d#6", "d#7", "d#3"],  # rank 4: counts for MRR, not success@3
        "four": ["d#5"],  # missing
    }
    result = evaluate(lambda q: ranked[q], judged)
    assert result["n"] == 4
    assert abs(result["mrr@10"] - (1 + 1 / 3 + 1 / 4 + 0) / 4) < 1e-9
    assert result["success@3"] == 0.5
    assert [r["rank"] for r in result["queries"]] == [1, 3, 4, None]


# Each set's floor, just under what it measures now (docs/relevance.md): a change that makes
# answers harder to find fails here; the figures themselves are printed by evaluate.py.
# judged.json keeps the bar (MRR@10 ≥ 0.95, success@3 = 1.0). Measured with paragraph
# context (a hit gains a share of its neighbours' scores; docs/evaluation.md), which costs this
# one-release dialogue 0.002 on average and gains 0.017 over the many-release sets.
FLOORS = {
    "judged.json": (0.95, 1.0),  # measured 0.982 / 1.000
    "validation.json": (0.94, 0.98),  # 0.960 / 1.000
    "heldout.json": (0.93, 0.98),  # 0.949 / 1.000
    "heldout2.json": (0.93, 0.98),  # 0.948 / 1.000
    "heldout3.json": (0.93, 0.96),  # 0.948 / 0.971
    "heldout4.json": (0.93, 0.95),  # 0.947 / 0.957
    "heldout5.json": (0.94, 0.97),  # 0.957 / 0.986
    "heldout6.json": (0.95, 0.97),  # 0.981 / 0.986
    "heldout7.json": (0.93, 0.97),  # 0.944 / 0.987
    "heldout8.json": (0.93, 0.95),  # 0.950 / 0.973
    "heldout9.json": (0.93, 0.96),  # 0.944 / 0.973
    "heldout10.json": (0.94, 0.96),  # 0.957 / 0.973
}


def test_every_question_set_has_a_floor() -> None:
    assert sorted(FLOORS) == sorted(p.name for p in ALL_SETS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_ranking_keeps_its_measured_relevance(seed_index: Path, name: str) -> None:
    from untrack.search import search

    store = IndexStore(seed_index)
    path = next(p for p in ALL_SETS if p.name == name)
    result = evaluate(lambda q: [h.record["id"] for h in search(store, q, limit=10)], load_judged(path))
    mrr, success = FLOORS[name]
    assert result["mrr@10"] >= mrr
    assert result["success@3"] >= success
