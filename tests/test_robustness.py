"""Issue 5: no traceback on any input, bad files are warned about, hostile text stays inert."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from untrack.cli import app
from untrack.errors import UntrackError
from untrack.index import SCHEMA_VERSION, IndexStore
from untrack.parse import is_boilerplate, is_prose, split_blocks
from untrack.search import search
from untrack.sources import Source, bundled_seed, parse_text
from untrack.textutil import squash

SEED_TEXT = bundled_seed().read_text(encoding="utf-8")
ESC = "\x1b"


# ---------------------------------------------------------------- property-based

blocks = st.lists(
    st.one_of(
        st.text(min_size=1, max_size=200),
        st.sampled_from(SEED_TEXT.split("\n\n")),
        st.text(alphabet="Mr.ALSN ()’“”said,representative of Chile\u00a0\u2011\n", min_size=1, max_size=120),
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks)
def test_parser_survives_any_text_and_keeps_every_body_paragraph(parts: list[str]) -> None:
    text = "\n\n".join(parts)
    doc = parse_text("t", text)
    records = [r for r in doc.records() if r["kind"] != "headline"]
    assert [r["n"] for r in records] == list(range(1, len(records) + 1))
    assert all(r["n"] == 0 and r["text"].startswith(doc.title or "") for r in doc.records()[:1] if doc.title)
    squashed = squash(text)
    for r in records:
        assert r["text"] and r["text"] in squashed
    kept = {r["text"] for r in records}
    found = split_blocks(text)
    first = next((i for i, b in enumerate(found) if is_prose(b.text)), None)
    if first is not None:
        for b in found[first:]:
            if is_prose(b.text) and not is_boilerplate(b.text):
                assert b.text in kept


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_query_gives_results_or_a_clean_error(seed_index: Path, query: str) -> None:
    try:
        hits = search(IndexStore(seed_index), query, limit=5)
    except UntrackError as e:
        assert str(e) and "\n" not in str(e)
        return
    for h in hits:
        for a, b in h.matches:
            assert 0 <= a < b <= len(h.record["text"])


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "(courts",
        "courts)",
        "AND",
        "NOT",
        "OR OR",
        "nofield:x",
        "*",
        "speaker:",
        "[a TO",
        "^2",
        "~",
        "courts~x",
        '"',
        "a\x00b",
        "trafficking " * 2000,
    ],
)
def test_odd_queries_through_the_cli(runner, seed_index: Path, query: str) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--", query])
    assert res.exit_code in (0, 1, 2)
    assert "Traceback" not in res.stderr
    if res.exit_code == 2:
        assert res.stderr.count("\n") == 1


# ---------------------------------------------------------------- bad files


def write_release(path: Path, speaker_country: str = "Chile") -> None:
    path.write_text(
        "General Assembly\n\n1 March 2021\n\nA Headline for a Test Release\n\n"
        f"The representative of {speaker_country} said that the matter at hand deserved the attention of all"
        " Member States, and that his delegation would support the draft before the Assembly.\n",
        encoding="utf-8",
    )


def test_a_folder_of_bad_files_warns_per_file_and_indexes_the_good_ones(runner, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    write_release(folder / "good.txt")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "big.txt").write_bytes(b"")
    os.truncate(folder / "big.txt", 50 * 1024 * 1024)  # a 50 MB file, sparse on disk
    (folder / "windows.txt").write_bytes(
        "General Assembly\n\n1 March 2021\n\nA Headline in Another Encoding\n\n"
        "The representative of Peru said the \u201cdraft\u201d was welcome and that Peru\u2019s delegation would"
        " join the consensus on the text before the Assembly today.\n".encode("cp1252")
    )
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    (folder / "loop").symlink_to(folder)  # a symlink loop
    res = runner.invoke(app, ["index", "--index", str(tmp_path / "ix"), str(folder)])
    assert res.exit_code == 0, res.stderr
    lines = [line for line in res.stderr.splitlines() if not line.startswith("untrack: indexed")]
    for name in ("binary.txt", "empty.txt", "big.txt", "windows.txt", "dangling.txt", "loop"):
        assert sum(name in line for line in lines) == 1, (name, lines)
    assert any("Windows-1252" in line for line in lines)
    assert "Traceback" not in res.stderr
    export = [
        json.loads(x) for x in runner.invoke(app, ["export", "--index", str(tmp_path / "ix")]).stdout.splitlines()
    ]
    assert {r["doc"] for r in export} == {"good", "windows"}
    peru = next(r for r in export if r["doc"] == "windows" and r["kind"] == "paragraph")
    assert "\u201cdraft\u201d" in peru["text"] and peru["speaker"] == "Peru"


def test_nothing_indexable_exits_2_and_keeps_the_old_index(runner, tmp_path: Path) -> None:
    ix = str(tmp_path / "ix")
    assert runner.invoke(app, ["index", "--index", ix, "--sample"]).exit_code == 0
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "a.txt").write_bytes(b"\x00\x00")
    res = runner.invoke(app, ["index", "--index", ix, "--rebuild", str(junk)])
    assert res.exit_code == 2 and "nothing could be indexed; the index at" in res.stderr
    assert "indexed 0 document(s)" not in res.stderr  # no summary of a run that committed nothing
    assert runner.invoke(app, ["search", "--index", ix, "footballers"]).exit_code == 0


def test_a_missing_folder_does_not_replace_the_sample(runner, tmp_path: Path) -> None:
    """Naming a folder that is not there, over a sample index: an error, and the sample stays (with no
    word of replacing it)."""
    ix = str(tmp_path / "ix")
    assert runner.invoke(app, ["index", "--index", ix, "--sample"]).exit_code == 0
    res = runner.invoke(app, ["index", "--index", ix, str(tmp_path / "nowhere")])
    assert res.exit_code == 2 and "no such file or folder" in res.stderr and "replac" not in res.stderr
    assert runner.invoke(app, ["search", "--index", ix, "footballers"]).exit_code == 0


def test_ten_thousand_files_in_a_folder(runner, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(9_998):
        (folder / f"image{i}.png").write_bytes(b"")
    write_release(folder / "a.txt", "Chile")
    write_release(folder / "b.txt", "Peru")
    res = runner.invoke(app, ["index", "--index", str(tmp_path / "ix"), str(folder)])
    assert res.exit_code == 0 and "2 added" in res.stderr


# ---------------------------------------------------------------- hostile text

HOSTILE = (
    "The representative of Chile said [bold red]markup[/] \x1b[2J\x1b[H cleared \x1b]0;pwned\x07 titles,"
    " \u202eevil\u202c bidi, \x08\x08 backspaces, and \x9b31m C1 CSI should all print as inert text."
)


def test_hostile_text_prints_inert_and_json_stays_valid(runner, tmp_path: Path) -> None:
    release = tmp_path / "hostile.txt"
    release.write_text(
        "General Assembly\n\n1 March 2021\n\nHostile Headline Here\n\n" + HOSTILE + "\n", encoding="utf-8"
    )
    ix = str(tmp_path / "ix")
    assert runner.invoke(app, ["index", "--index", ix, str(release)]).exit_code == 0
    for color in ("always", "never"):
        res = runner.invoke(app, ["search", "--index", ix, "--color", color, "--full", "inert"])
        assert res.exit_code == 0
        out = res.stdout
        assert "[bold red]markup[/]" in out
        for bad in ("\x1b[2J", "\x1b[H", "\x1b]", "\x07", "\u202e", "\x08", "\x9b", "\x00"):
            assert bad not in out, repr(bad)
        if color == "never":
            assert ESC not in out
    res = runner.invoke(app, ["search", "--index", ix, "--json", "inert"])
    rec = json.loads(res.stdout)
    assert "\x1b[2J" in rec["text"] and "\u202e" in rec["text"]  # the data itself is kept
    for bad in ("\x1b", "\x07", "\u202e", "\x9b", "\x00"):
        assert bad not in res.stdout
    res = runner.invoke(app, ["speakers", "--index", ix, "--color", "never"])
    assert ESC not in res.stdout


def test_hostile_query_text_in_errors_is_inert(runner, tmp_path: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(tmp_path / "ix"), "--from", "\x1b]0;x\x07", "w"])
    assert res.exit_code == 2
    assert "\x1b" not in res.stderr and "\x07" not in res.stderr


# ---------------------------------------------------------------- index state


def test_status_reports_and_schema_mismatch_says_rebuild(runner, tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    assert runner.invoke(app, ["index", "--index", str(ix), "--sample"]).exit_code == 0
    info = json.loads(runner.invoke(app, ["status", "--index", str(ix), "--json"]).stdout)
    assert (info["documents"], info["paragraphs"], info["schema_version"]) == (1, 58, SCHEMA_VERSION)
    assert info["speakers"] >= 15 and info["size_bytes"] > 0 and info["built_at"]
    manifest = IndexStore(ix).current() / "untrack.json"  # type: ignore[operator]
    data = json.loads(manifest.read_text())
    data["schema_version"] = 0
    manifest.write_text(json.dumps(data))
    res = runner.invoke(app, ["status", "--index", str(ix)])  # (a search rebuilds a sample index itself)
    assert res.exit_code == 2 and "untrack index --rebuild" in res.stderr and res.stderr.count("\n") == 1


def test_incremental_update_adds_changes_skips_and_prunes(runner, tmp_path: Path) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    write_release(folder / "a.txt", "Chile")
    write_release(folder / "b.txt", "Peru")
    ix = str(tmp_path / "ix")
    res = runner.invoke(app, ["index", "--index", ix, str(folder)])
    assert "2 added" in res.stderr
    res = runner.invoke(app, ["index", "--index", ix, str(folder)])
    assert "0 added, 0 changed, 2 unchanged" in res.stderr
    write_release(folder / "b.txt", "Egypt")
    write_release(folder / "c.txt", "Fiji")
    res = runner.invoke(app, ["index", "--index", ix, str(folder)])
    assert "1 added, 1 changed, 1 unchanged" in res.stderr
    (folder / "a.txt").unlink()
    res = runner.invoke(app, ["index", "--index", ix, "--prune", str(folder)])
    assert "1 removed" in res.stderr
    exported = [json.loads(x) for x in runner.invoke(app, ["export", "--index", ix]).stdout.splitlines()]
    speakers = {r["speaker"] for r in exported if r["kind"] == "paragraph"}
    assert speakers == {"Egypt", "Fiji"}


def test_second_writer_waits_then_fails_clearly(runner, tmp_path: Path, monkeypatch) -> None:
    store = IndexStore(tmp_path / "ix")
    store.update([Source.of(bundled_seed())], rebuild=True)
    monkeypatch.setenv("UNTRACK_LOCK_WAIT", "0.3")
    with store.lock():
        res = runner.invoke(app, ["index", "--index", str(store.path)])
    assert res.exit_code == 2
    assert "waiting" in res.stderr and "another untrack index run" in res.stderr.splitlines()[-1]
    assert runner.invoke(app, ["search", "--index", str(store.path), "courts"]).exit_code == 0


def test_leftovers_of_a_killed_run_are_cleaned_up_and_nothing_else(tmp_path: Path) -> None:
    from untrack.index import Generation

    store = IndexStore(tmp_path / "ix")
    store.update([Source.of(bundled_seed())], rebuild=True)
    with store.lock():
        killed = Generation(store, fresh=False)  # a run killed mid-build: never committed nor aborted
    assert killed.tmp.exists()
    # Things the user put there that merely look like untrack's: never touched.
    (store.path / ".building-gen-1").mkdir()
    shutil.copytree(store.current(), store.path / "gen-1")  # type: ignore[arg-type]
    store.update([Source.of(bundled_seed())], rebuild=True)
    assert not killed.tmp.exists()
    assert (store.path / ".building-gen-1").is_dir() and (store.path / "gen-1").is_dir()


def test_index_reports_unattributed_statements_and_lists_them_with_verbose(runner, tmp_path: Path) -> None:
    release = tmp_path / "r.txt"
    release.write_text(
        "General Assembly\n\n1 March 2021\n\nA Headline for a Test Release\n\n"
        "The representative of Chile said that the matter at hand deserved the attention of all Member States.\n\n"
        "Governments were reminded of their duties.\n\n"
        "An unnamed official stressed that the figures were alarming and rising each year across the region.\n",
        encoding="utf-8",
    )
    res = runner.invoke(app, ["index", "--index", str(tmp_path / "ix"), str(release)])
    assert "1 read like statements but have no speaker" in res.stderr
    res = runner.invoke(app, ["index", "--index", str(tmp_path / "ix"), "--verbose", str(release)])
    assert "unattributed: r#3" in res.stderr


def test_progress_bar_only_on_a_terminal_and_only_after_a_second(monkeypatch) -> None:
    from untrack import render

    clock = iter([0.0, 0.5, 5.0, 5.0, 5.0, 5.0])
    monkeypatch.setattr(render.time, "monotonic", lambda: next(clock))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    bar = render._Progress(enabled=True)
    bar(0, 3)
    assert bar.bar is None  # under a second: nothing drawn
    bar(1, 3)
    assert bar.bar is not None  # a slow run on a terminal: drawn
    bar.close()
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    piped = render._Progress(enabled=True)
    piped(1, 3)
    assert piped.bar is None  # piped: never drawn
    assert render._Progress(enabled=False).enabled is False  # --quiet
