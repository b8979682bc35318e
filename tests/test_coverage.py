"""A paragraph read within its release: the release's coverage of a question (untrack.coverage)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from untrack import coverage
from untrack.index import IndexStore
from untrack.search import opened, search
from untrack.sources import Source

ANSWER = "Investing in children is costly, but not investing is even more expensive, {who} said."


def _index(folder: Path, texts: dict[str, str]) -> IndexStore:
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = IndexStore(folder / "ix")
    store.update([Source.of(folder / name) for name in sorted(texts)], rebuild=True)
    return store


@given(st.lists(st.integers(0, 500), min_size=1, unique=True), st.lists(st.integers(0, 600)))
def test_each_document_falls_in_its_releases_run(starts: list[int], docs: list[int]) -> None:
    starts = sorted(set(starts) | {0})
    end = 601
    for d, (lo, hi) in coverage.release_spans(starts, end, docs).items():
        assert lo <= d < hi
        assert lo in starts and (hi in starts or hi == end)
        assert not [s for s in starts if lo < s < hi]  # no other release begins inside it


def test_the_paragraph_whose_release_holds_the_rest_of_the_question_comes_first(tmp_path: Path) -> None:
    """The same claim in two releases; the question names the meeting, which only one release's other
    paragraphs do. That one comes first, though it was indexed second (ties go to the first)."""
    store = _index(
        tmp_path,
        {
            "a.txt": "Women's Commission Continues Session\n\nThe Commission on the Status of Women continued its"
            " general discussion today.\n\n" + ANSWER.format(who="a delegate") + "\n",
            "b.txt": "Commission for Social Development Continues Session\n\nThe Commission for Social Development"
            " continued its sixty-second session with a ministerial forum.\n\n"
            + ANSWER.format(who="a minister")
            + "\n",
        },
    )
    hits = search(store, "What did the social development commission hear about the cost of investing in children?")
    assert hits[0].record["doc"] == "b" and "costly" in hits[0].record["text"]


def test_one_release_keeps_its_order(seed_index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every paragraph of a single release gains the same: nothing to tell apart, nothing moves."""
    store = IndexStore(seed_index)
    questions = ["which countries donated money to the trust fund", "what did Bachelet say about victims"]
    with_coverage = [[(h.record["id"], h.score) for h in search(store, q)] for q in questions]
    monkeypatch.setattr(coverage, "RELEASE_WEIGHT", 0.0)
    assert [[(h.record["id"], h.score) for h in search(store, q)] for q in questions] == with_coverage


def test_a_replaced_release_lends_none_of_its_old_words(tmp_path: Path) -> None:
    """A release changed on disk is re-indexed; its old paragraphs are deleted (or merged away) and
    their words no longer count for any release."""
    texts = {
        "a.txt": "Council Meets\n\nThe Council discussed fisheries and the state of the oceans at length today.\n\n"
        "The delegate of Norway spoke about oceans, ports and coastal communities in the region.\n",
        "b.txt": "Assembly Meets\n\nThe Assembly discussed migration, zebras and governance at length today.\n",
    }
    store = _index(tmp_path, texts)
    (tmp_path / "b.txt").write_text(
        "Assembly Meets\n\nThe Assembly discussed migration and nothing else at length today.\n", encoding="utf-8"
    )
    assert store.update([Source.of(tmp_path / name) for name in sorted(texts)]).changed == ["b"]
    o = opened(store)
    reader = o.searcher.reader()
    spans = coverage.release_spans(o.release_starts(), reader.doc_count_all(), range(reader.doc_count_all()))
    assert coverage.covered(reader, "zebra", spans.values()) == set()
    assert len(coverage.covered(reader, "migrat", spans.values())) == 1
    assert len(coverage.covered(reader, "discuss", spans.values())) == 2


def test_explain_says_releases_count_only_for_questions_of_several_words(seed_index: Path) -> None:
    """One word is in every hit's release, so releases tell nothing apart and the step is skipped."""
    from untrack.search import explain

    store = IndexStore(seed_index)
    assert "release:" not in explain(store, "trafficking")
    assert "release:" in explain(store, "trafficking victims")
