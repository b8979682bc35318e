"""Issue 4: did-you-mean, exact phrases, context, show, explain, literal, pager."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from helpers import SEED, jsonl
from untrack.cli import app
from untrack.render import show
from untrack.search import Hit


def test_misspelling_finds_the_paragraph_and_names_the_correction(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "footbalers"])
    assert res.exit_code == 0
    assert "footballers" in jsonl(res.stdout)[0]["text"]
    assert "footballers" in res.stderr


def test_no_match_as_typed_runs_the_corrected_query_and_says_so(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "Bachelett"])
    assert res.exit_code == 0
    assert "showing results for “bachelet”" in res.stderr
    assert jsonl(res.stdout)[0]["speaker"] == "Michelle Bachelet"
    res = runner.invoke(app, ["search", "--index", str(seed_index), "trafficing", "--json", "-n", "1"])
    assert res.exit_code == 0 and "trafficking" in res.stderr


def test_nothing_close_exits_1_without_suggestion(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "qwxzzy"])
    assert res.exit_code == 1 and res.stdout == "" and "did you mean" not in res.stderr


def test_quoted_phrase_is_exact_and_highlighted_whole(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "-n", "0", '"mobile courts"'])
    hits = jsonl(res.stdout)
    assert [h["n"] for h in hits] == [15]
    assert [hits[0]["text"][a:b] for a, b in hits[0]["matches"]] == ["mobile courts"]
    # Unstemmed: the singular is not the plural as written.
    res = runner.invoke(
        app, ["search", "--index", str(seed_index), "--json", '"mobile court"', "--speaker", "bachelet"]
    )
    assert res.exit_code == 1
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "-n", "3", '"victims of trafficking"'])
    for h in jsonl(res.stdout):
        for a, b in h["matches"]:
            assert h["text"][a:b].lower() == "victims of trafficking"


def test_context_carries_neighbours(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "-C", "1", "footballers"])
    hit = jsonl(res.stdout)[0]
    assert [c["n"] for c in hit["context"]] == [hit["n"] - 1, hit["n"] + 1]
    assert all(c["doc"] == hit["doc"] for c in hit["context"])
    res = runner.invoke(app, ["search", "--index", str(seed_index), "-C", "1", "footballers", "--color", "never"])
    assert f"│ {SEED}#36" in res.stdout and f"│ {SEED}#38" in res.stdout


def test_show_prints_any_id_from_json_output(runner, seed_index: Path) -> None:
    ids = [
        h["id"]
        for h in jsonl(
            runner.invoke(app, ["search", "--index", str(seed_index), "--json", "-n", "0", "trafficking"]).stdout
        )
    ]
    assert len(ids) > 20
    for pid in ids:
        res = runner.invoke(app, ["show", "--index", str(seed_index), "--json", pid])
        assert res.exit_code == 0 and jsonl(res.stdout)[0]["id"] == pid
    res = runner.invoke(app, ["show", "--index", str(seed_index), "-C", "2", f"{SEED}#1", "--json"])
    assert [c["n"] for c in jsonl(res.stdout)[0]["context"]] == [0, 2, 3]  # 0: the release's headline
    assert jsonl(res.stdout)[0]["context"][0]["kind"] == "headline"
    res = runner.invoke(app, ["show", "--index", str(seed_index), f"{SEED}#999"])
    assert res.exit_code == 1 and "no paragraph" in res.stderr
    res = runner.invoke(app, ["show", "--index", str(seed_index), "nohash"])
    assert res.exit_code == 2


def test_explain_goes_to_stderr(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "--explain", '"trust fund" courts'])
    assert 'text:"trust fund" (as written)' in res.stderr and "VerifiedPhrase" not in res.stderr
    assert "query:" not in res.stdout and res.exit_code == 0


def test_explain_reads_as_words_alternatives_weights_filters_and_answer_kind(runner, seed_index: Path) -> None:
    res = runner.invoke(
        app,
        ["search", "--index", str(seed_index), "--explain", "--from", "2012", "-c", "what did kids say in the field"],
    )
    lines = [line.removeprefix("untrack: ") for line in res.stderr.splitlines()]
    assert lines[0].startswith("words (any of these words")
    kid = next(line for line in lines if line.strip().startswith("kid:"))
    assert "kid in text" in kid and "child in text ×0.7" in kid  # the word, then its everyday alternative
    assert any(line.strip().startswith("field:") and "ground in text ×0.7" in line for line in lines)
    assert "filters: date:2012-01-01 to …" in lines
    assert lines[-3].startswith("answer kind: ")
    assert lines[-2].startswith("context: each of the best hits gains")
    assert lines[-1].startswith("release: each of the best 50 hits gains")
    assert not any("Term(" in line or "DisjunctionMax" in line for line in lines)


def test_literal_ignores_syntax(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "--literal", 'courts AND "mobile ( NOT'])
    assert res.exit_code == 0
    assert any(h["n"] == 15 for h in jsonl(res.stdout))


def test_filters_and_field_syntax_give_the_same_hits(runner, seed_index: Path) -> None:
    a = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "-n", "0", "speaker:bachelet courts"])
    b = runner.invoke(
        app, ["search", "--index", str(seed_index), "--json", "-n", "0", "--speaker", "bachelet", "courts"]
    )
    assert {h["id"] for h in jsonl(a.stdout)} == {h["id"] for h in jsonl(b.stdout)} != set()


def test_sort_doc_orders_by_paragraph(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "-n", "0", "--sort", "doc", "fund"])
    ns = [h["n"] for h in jsonl(res.stdout)]
    assert ns == sorted(ns) and len(ns) > 3


def test_long_output_goes_through_the_pager_only_on_a_tty(monkeypatch, tmp_path: Path) -> None:
    from rich.text import Text

    paged = tmp_path / "paged.txt"
    pager = (
        f"{sys.executable} -c \"import sys,os; open({str(paged)!r},'w').write(os.environ['LESS']+sys.stdin.read())\""
    )
    monkeypatch.setenv("PAGER", pager)
    monkeypatch.delenv("LESS", raising=False)
    many = [Text(f"line {i}") for i in range(500)]
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    show(many, color=False)
    assert paged.read_text().startswith("FRX") and "line 499" in paged.read_text()
    paged.unlink()
    show(many, color=False, pager=False)
    assert not paged.exists()
    monkeypatch.setenv("LESS", "X")  # a user's own LESS without -R: colour would print as escapes
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    show(many, color=True)
    assert paged.read_text().startswith("XR")
    paged.unlink()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    show(many, color=False)
    assert not paged.exists()


@pytest.mark.parametrize(("rows", "neighbours", "hits"), [(24, 0, 4), (30, 0, 5), (80, 0, 10), (30, 2, 4), (3, 0, 1)])
def test_a_first_search_on_a_terminal_fits_the_screen(monkeypatch, rows: int, neighbours: int, hits: int) -> None:
    import os

    from untrack.cli import _screenful

    monkeypatch.setattr("shutil.get_terminal_size", lambda *a: os.terminal_size((80, rows)))
    assert _screenful(neighbours, full=False) == hits
    assert hits == 1 or hits * (5 + neighbours) - 1 <= rows - 2  # each hit ≤ 4 lines + a blank, then the total


def test_hit_json_without_context_has_no_context_key() -> None:
    hit = Hit({"id": "d#1", "text": "x"}, 1, 1.0, [], "x")
    assert "context" not in hit.as_json()


def test_explain_names_the_kind_of_answer_a_question_asks_for(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--explain", "how much did Australia give?"])
    assert res.exit_code == 0
    assert "answer kind: a sum of money" in res.stderr and "answer kind" not in res.stdout


def test_a_possessive_or_a_straight_apostrophe_is_no_misspelling(seed_index) -> None:
    from untrack.index import IndexStore
    from untrack.search import suggest

    store = IndexStore(seed_index)
    assert suggest(store, "Qatar's trust fund") is None  # the index has "Qatar" (and "Qatar’s")
    assert suggest(store, "Bachelet's remarks") is None


def test_a_release_headline_is_a_hit_of_its_own(runner, tmp_path: Path) -> None:
    """A question may be answered by the headline alone: it is record 0, kind "headline", no speaker."""
    release = tmp_path / "rel" / "r.txt"
    release.parent.mkdir()
    release.write_text(
        "Security Council\n\nSC/99999\n\n1 March 2021\n\nCouncil Extends Observer Mission in Freedonia\n\n"
        "The representative of Chile said that the mandate deserved support from all members.\n",
        encoding="utf-8",
    )
    ix = tmp_path / "ix"
    assert runner.invoke(app, ["index", "--index", str(ix), str(release.parent), "-q"]).exit_code == 0
    hits = jsonl(runner.invoke(app, ["search", "--index", str(ix), "--json", "Freedonia observer mission"]).stdout)
    assert hits and hits[0]["id"] == "r#0" and hits[0]["kind"] == "headline" and hits[0]["speaker"] is None
    assert hits[0]["text"].startswith("Council Extends Observer Mission in Freedonia")
    shown = runner.invoke(app, ["search", "--index", str(ix), "Freedonia", "--color", "never"]).stdout
    assert "(headline)" in shown


def test_a_query_that_finds_hits_is_offered_only_one_edit_corrections(runner, seed_index: Path) -> None:
    """'worried' is two edits from 'worked': a word the release never used, not a typo; with hits
    found, no did-you-mean. A slip of one key still gets one."""
    res = runner.invoke(app, ["search", "--index", str(seed_index), "-n", "1", "victims worried about courts"])
    assert res.exit_code == 0 and "did you mean" not in res.stderr
    res = runner.invoke(app, ["search", "--index", str(seed_index), "-n", "1", "victims and the courtz"])
    assert res.exit_code == 0 and "did you mean" in res.stderr


def test_a_fuzzy_word_highlights_the_words_it_stood_for(runner, seed_index: Path) -> None:
    """'traficking~' finds 'trafficking' and highlights it in every hit whose text holds it."""
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "-n", "5", "traficking~"])
    assert res.exit_code == 0, res.output
    hits = jsonl(res.stdout)
    with_word = [h for h in hits if "trafficking" in h["text"].lower()]
    assert with_word
    for h in with_word:
        assert "trafficking" in {h["text"][a:b].lower() for a, b in h["matches"]}
