"""Issue 11: untrack never loses the user's files, knows a document by its source, follows no
link out of the folders it is given, answers any query fast, and says what went wrong in one line."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from untrack.cli import app
from untrack.folder import MARKER
from untrack.index import IndexStore
from untrack.query import MAX_QUERY_CHARS
from untrack.sources import Source, bundled_seed

RELEASE = (
    "General Assembly\n\n{date}\n\n{title}\n\n"
    "The representative of {country} said that {topic} deserved the attention of all Member States "
    "and that her delegation would support the draft before the Assembly today.\n"
)


def write_release(path: Path, country: str = "Chile", topic: str = "ocean acidification") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        RELEASE.format(date="1 March 2021", title=f"A Release About {topic.title()}", country=country, topic=topic),
        encoding="utf-8",
    )
    return path


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under `folder` with its content, to compare before and after."""
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() and not p.is_symlink() else None)
        for p in sorted(folder.rglob("*"))
    }


def docs_of(runner, ix: Path) -> dict[str, str]:
    """doc id -> the text of its first paragraph, from `export`."""
    res = runner.invoke(app, ["export", "--index", str(ix)])
    assert res.exit_code == 0, res.stderr
    out: dict[str, str] = {}
    for line in res.stdout.splitlines():
        rec = json.loads(line)
        if rec["kind"] == "paragraph":
            out.setdefault(rec["doc"], rec["text"])
    return out


# --------------------------------------------------------------- own only what you made


@pytest.mark.parametrize("command", [["search", "x"], ["index", "--sample"]])
def test_a_folder_holding_other_files_is_refused_and_left_as_it_was(runner, tmp_path: Path, command) -> None:
    d = tmp_path / "d"
    (d / "gen-2023").mkdir(parents=True)
    (d / "gen-2023" / "data.csv").write_text("k\n")
    (d / "gen-report.txt").write_text("k\n")
    (d / ".building-notes").write_text("k\n")
    before = tree(d)
    res = runner.invoke(app, [*command, "--index", str(d)])
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and str(d) in res.stderr and "not an untrack index" in res.stderr
    assert tree(d) == before  # not even a lock file


def test_a_parent_folder_is_never_taken_for_an_index(runner, tmp_path: Path) -> None:
    work = tmp_path / "work"
    write_release(work / "mine.txt")
    before = tree(tmp_path)
    res = runner.invoke(app, ["index", "--index", str(work / ".."), str(work)])
    assert res.exit_code == 2 and "not an untrack index" in res.stderr
    assert tree(tmp_path) == before


def test_a_file_named_current_is_not_replaced(runner, tmp_path: Path) -> None:
    d = tmp_path / "d"
    d.mkdir()
    (d / "current").write_text("my notes\n")
    res = runner.invoke(app, ["index", "--index", str(d), "--sample"])
    assert res.exit_code == 2
    assert (d / "current").read_text() == "my notes\n"


def test_files_put_inside_an_index_survive_updates_and_rebuilds(runner, tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    assert runner.invoke(app, ["index", "--index", str(ix), "--sample"]).exit_code == 0
    (ix / "gen-2023").mkdir()
    (ix / "gen-2023" / "data.csv").write_text("k\n")
    (ix / ".building-mine").write_text("k\n")
    release = write_release(tmp_path / "src" / "r.txt")
    for args in (["index", "--index", str(ix), str(release)], ["index", "--rebuild", "--index", str(ix)]):
        assert runner.invoke(app, args).exit_code == 0
    assert (ix / "gen-2023" / "data.csv").read_text() == "k\n" and (ix / ".building-mine").exists()
    # untrack's own old generations do go: the current one and the one before it stay.
    generations = [p for p in ix.iterdir() if p.name.startswith("gen-") and p.name != "gen-2023"]
    assert len(generations) == 2


def test_an_empty_folder_or_one_kept_for_git_becomes_an_index(runner, tmp_path: Path) -> None:
    for name, setup in (("empty", lambda d: None), ("kept", lambda d: (d / ".gitkeep").write_text(""))):
        d = tmp_path / name
        d.mkdir()
        setup(d)
        res = runner.invoke(app, ["index", "--index", str(d), "--sample"])
        assert res.exit_code == 0, res.stderr
        assert (d / MARKER).is_file()


def test_an_index_made_before_markers_is_adopted(runner, tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    IndexStore(ix).update([Source.of(bundled_seed())], rebuild=True)
    (ix / MARKER).unlink()  # as an index made by untrack before markers existed
    old_gen = IndexStore(ix).current()
    assert runner.invoke(app, ["search", "--index", str(ix), "footballers"]).exit_code == 0
    assert runner.invoke(app, ["index", "--rebuild", "--index", str(ix)]).exit_code == 0
    assert old_gen is not None and old_gen.name in json.loads((ix / MARKER).read_text())["entries"]


def test_a_run_out_of_disk_leaves_no_debris_and_the_old_index(runner, tmp_path: Path, monkeypatch) -> None:
    ix = tmp_path / "ix"
    assert runner.invoke(app, ["index", "--index", str(ix), str(write_release(tmp_path / "a.txt"))]).exit_code == 0
    before = docs_of(runner, ix)
    release = write_release(tmp_path / "src" / "r.txt")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(ix / "x"))

    monkeypatch.setattr("untrack.index.os.link", full)
    monkeypatch.setattr("untrack.index.shutil.copy2", full)
    for _ in range(3):
        res = runner.invoke(app, ["index", "--index", str(ix), str(release)])
        assert res.exit_code == 2
        assert res.stderr.strip().endswith("no space left on device") and res.stderr.count("\n") == 1
        assert not [p for p in ix.iterdir() if p.name.startswith(".building")]
    monkeypatch.undo()
    assert docs_of(runner, ix) == before
    assert runner.invoke(app, ["index", "--index", str(ix), str(release)]).exit_code == 0


# --------------------------------------------------------------- a document is its source


def test_same_named_releases_in_two_folders_are_two_documents(runner, tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    write_release(tmp_path / "a" / "report.txt", "Chile", "ocean acidification")
    write_release(tmp_path / "b" / "report.txt", "Peru", "desert locusts")
    assert runner.invoke(app, ["index", "--index", str(ix), str(tmp_path / "a")]).exit_code == 0
    res = runner.invoke(app, ["index", "--index", str(ix), str(tmp_path / "b")])
    assert res.exit_code == 0 and "1 added" in res.stderr
    docs = docs_of(runner, ix)
    assert len(docs) == 2 and any("Chile" in t for t in docs.values()) and any("Peru" in t for t in docs.values())
    # Ids are short, readable and kept: a later run over both changes nothing.
    res = runner.invoke(app, ["index", "--index", str(ix), str(tmp_path / "a"), str(tmp_path / "b")])
    assert "2 unchanged" in res.stderr and docs_of(runner, ix) == docs
    assert all("#" not in d and ":" not in d and " " not in d and len(d) < 30 for d in docs)


def test_a_text_and_an_html_of_the_same_name_are_both_indexed(runner, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    write_release(folder / "report.txt", "Chile")
    html = RELEASE.format(date="2 March 2021", title="Another Release", country="Peru", topic="desert locusts")
    (folder / "report.html").write_text(
        "<html><body>" + "".join(f"<p>{p}</p>" for p in html.split("\n\n")) + "</body></html>", encoding="utf-8"
    )
    res = runner.invoke(app, ["index", "--index", str(tmp_path / "ix"), str(folder)])
    assert res.exit_code == 0 and "skipped" not in res.stderr
    assert len(docs_of(runner, tmp_path / "ix")) == 2


def test_a_moved_file_keeps_its_id_and_is_not_read_again(runner, tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    write_release(tmp_path / "inbox" / "r.txt")
    assert runner.invoke(app, ["index", "--index", str(ix), str(tmp_path / "inbox")]).exit_code == 0
    before = docs_of(runner, ix)
    (tmp_path / "archive").mkdir()
    shutil.move(tmp_path / "inbox" / "r.txt", tmp_path / "archive" / "r.txt")
    res = runner.invoke(app, ["index", "--index", str(ix), "--prune", str(tmp_path / "archive")])
    assert res.exit_code == 0 and "1 moved" in res.stderr and "0 added" in res.stderr and "0 removed" in res.stderr
    assert docs_of(runner, ix) == before
    status = json.loads((IndexStore(ix).current() / "untrack.json").read_text())  # type: ignore[operator]
    assert [d["path"] for d in status["documents"].values()] == [str((tmp_path / "archive" / "r.txt").resolve())]


def test_index_with_no_paths_refreshes_from_the_folders_it_was_built_from(runner, tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    write_release(tmp_path / "src" / "one.txt", "Chile")
    assert runner.invoke(app, ["index", "--index", str(ix), str(tmp_path / "src")]).exit_code == 0
    write_release(tmp_path / "src" / "two.txt", "Peru")
    res = runner.invoke(app, ["index", "--index", str(ix)])
    assert res.exit_code == 0 and "1 added, 0 changed, 1 unchanged" in res.stderr
    assert sorted(docs_of(runner, ix)) == ["one", "two"]  # and no bundled sample mixed in


# --------------------------------------------------------------- links


def test_links_inside_a_folder_are_not_followed_unless_asked(runner, tmp_path: Path) -> None:
    outside = write_release(tmp_path / "elsewhere" / "secret.txt", "Peru", "desert locusts")
    folder = tmp_path / "sl"
    write_release(folder / "mine.txt", "Chile")
    (folder / "linkdir").symlink_to(outside.parent)
    (folder / "linked.txt").symlink_to(outside)
    ix = tmp_path / "ix"
    res = runner.invoke(app, ["index", "--index", str(ix), str(folder)])
    assert res.exit_code == 0
    assert sum("not followed" in line for line in res.stderr.splitlines()) == 2
    assert sorted(docs_of(runner, ix)) == ["mine"]
    res = runner.invoke(app, ["index", "--index", str(tmp_path / "ix2"), "--follow", str(folder)])
    assert res.exit_code == 0 and len(docs_of(runner, tmp_path / "ix2")) == 2  # one file, reached twice


def test_a_link_loop_is_reported_once_with_follow(runner, tmp_path: Path) -> None:
    folder = tmp_path / "loop"
    write_release(folder / "mine.txt")
    (folder / "again").symlink_to(folder)
    res = runner.invoke(app, ["index", "--index", str(tmp_path / "ix"), "-L", str(folder)])
    assert res.exit_code == 0 and sum("again" in line for line in res.stderr.splitlines()) == 1


# --------------------------------------------------------------- bounded queries


def test_a_query_over_the_limit_is_refused_in_one_line(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "x" * (MAX_QUERY_CHARS + 1)])
    assert res.exit_code == 2 and "query too long" in res.stderr and res.stderr.count("\n") == 1


@settings(max_examples=5, deadline=None)
@given(st.sampled_from(["x", "policymaking", "trafficking victims ", "a-b "]))
def test_queries_at_the_limit_answer(seed_index: Path, unit: str) -> None:
    from untrack.query import QueryError
    from untrack.search import search_with_suggestions

    query = (unit * MAX_QUERY_CHARS)[:MAX_QUERY_CHARS]
    try:  # answers, or is refused as a query (the old reading was quadratic and took minutes)
        search_with_suggestions(IndexStore(seed_index), query, limit=10)
    except QueryError:
        pass


# --------------------------------------------------------------- messages


def test_damage_of_any_index_file_says_rebuild_with_the_real_path(runner, tmp_path: Path) -> None:
    ix = tmp_path / "my index"
    IndexStore(ix).update([Source.of(bundled_seed())], rebuild=True)
    gen = IndexStore(ix).current()
    assert gen is not None
    segment = next(gen.glob("*.seg"))
    with open(segment, "r+b") as f:
        f.truncate(segment.stat().st_size // 3)
    for command in (["search", "footballers"], ["export"], ["speakers"], ["show", "000_027ff52e41ff29f7#3"]):
        res = runner.invoke(app, [*command, "--index", str(ix)])
        assert res.exit_code == 2, (command, res.stderr)
        assert "damaged" in res.stderr and f"untrack index --rebuild --index '{ix}'" in res.stderr
        assert "internal error" not in res.stderr
    # Followed literally, the advice rebuilds this index from its own sources.
    assert runner.invoke(app, ["index", "--rebuild", "--index", str(ix)]).exit_code == 0
    assert runner.invoke(app, ["search", "--index", str(ix), "footballers"]).exit_code == 0


def test_os_errors_are_one_plain_line_naming_the_path(runner, tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("k\n")
    res = runner.invoke(app, ["index", "--index", str(a_file / "ix"), "--sample"])
    assert res.exit_code == 2 and res.stderr.count("\n") == 1
    assert "internal error" not in res.stderr and str(a_file) in res.stderr


def test_permission_denied_is_a_user_error(runner, tmp_path: Path, monkeypatch) -> None:
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "ix"))

    monkeypatch.setattr("untrack.index.os.open", denied)
    res = runner.invoke(app, ["index", "--index", str(tmp_path / "ix"), "--sample"])
    assert res.exit_code == 2 and res.stderr == f"untrack: error: {tmp_path / 'ix'}: permission denied\n"


def test_a_newline_in_a_file_name_is_quoted(runner, tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "bad\nname.txt").write_bytes(b"")
    res = runner.invoke(app, ["index", "--index", str(tmp_path / "ix"), str(folder)])
    lines = res.stderr.splitlines()
    assert any('bad\\nname.txt"' in line and "empty file" in line for line in lines), lines
    assert not any(line.startswith("name.txt") for line in lines)


def test_show_rejects_negative_context(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["show", "-C", "-5", "--index", str(seed_index), "000_027ff52e41ff29f7#3"])
    assert res.exit_code == 2 and "--context" in res.stderr


def test_refusals_in_a_real_subprocess_are_one_line_without_traceback(tmp_path: Path) -> None:
    d = tmp_path / "d"
    (d / "gen-2023").mkdir(parents=True)
    res = subprocess.run(
        [sys.executable, "-m", "untrack", "search", "x", "--index", str(d)], capture_output=True, text=True, timeout=60
    )
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
    assert (d / "gen-2023").is_dir()


def test_a_current_link_leading_out_of_the_index_is_not_followed(runner, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    IndexStore(elsewhere).update([Source.of(bundled_seed())], rebuild=True)
    ix = tmp_path / "ix"
    ix.mkdir()
    (ix / "current").symlink_to(IndexStore(elsewhere).current())  # type: ignore[arg-type]
    res = runner.invoke(app, ["search", "--index", str(ix), "footballers"])
    assert res.exit_code == 2 and "not an untrack index" in res.stderr


@given(
    st.lists(
        st.sampled_from(["a/report.txt", "b/report.txt", "a/report.html", "c/d/report.txt", "a/x y#1.txt"]),
        min_size=1,
        max_size=5,
        unique=True,
    )
)
def test_new_ids_are_unique_readable_and_say_what_differs(names: list[str]) -> None:
    from untrack.build import new_document_id

    taken: dict[str, str] = {}
    for name in names:
        path = Path("/releases") / name
        doc = new_document_id(path, taken)
        assert doc not in taken and re.fullmatch(r"[\w.-]+", doc)
        taken[doc] = str(path)
    if {"a/report.txt", "b/report.txt"} <= set(names[:2]):
        assert set(taken) >= {"report", "b-report"} or set(taken) >= {"report", "a-report"}
    if names[:2] == ["a/report.txt", "a/report.html"]:
        assert "report-html" in taken


def _age(ix: Path) -> None:
    """Make an index look as if an older untrack (schema 6) had built it."""
    manifest = IndexStore(ix).current() / "untrack.json"  # type: ignore[operator]
    data = json.loads(manifest.read_text())
    data["schema_version"] = 6
    manifest.write_text(json.dumps(data))


def test_an_old_sample_index_rebuilds_itself_and_a_users_index_says_how(runner, tmp_path: Path) -> None:
    sample = tmp_path / "sample"
    assert runner.invoke(app, ["index", "--index", str(sample), "--sample"]).exit_code == 0
    _age(sample)
    res = runner.invoke(app, ["search", "--index", str(sample), "footballers"])
    assert res.exit_code == 0 and "older untrack; rebuilding it" in res.stderr
    _age(sample)  # the README's first command, run again after an upgrade, rebuilds it too
    res = runner.invoke(app, ["index", "--index", str(sample), "--sample"])
    assert res.exit_code == 0 and "older untrack; rebuilding it" in res.stderr
    assert runner.invoke(app, ["search", "--index", str(sample), "footballers"]).exit_code == 0
    mine = tmp_path / "mine"
    write_release(tmp_path / "src" / "r.txt")
    assert runner.invoke(app, ["index", "--index", str(mine), str(tmp_path / "src")]).exit_code == 0
    _age(mine)
    res = runner.invoke(app, ["search", "--index", str(mine), "attention"])
    assert res.exit_code == 2 and f"untrack index --rebuild --index {mine}" in res.stderr
    assert runner.invoke(app, ["index", "--rebuild", "--index", str(mine)]).exit_code == 0
    assert runner.invoke(app, ["search", "--index", str(mine), "attention"]).exit_code == 0


def test_the_sample_from_another_install_is_replaced_not_doubled(runner, tmp_path: Path) -> None:
    """Two virtual environments share the default index: the second's `untrack index --sample`
    leaves one sample release, not the same release twice."""
    from untrack.sources import SEED_NAME, bundled_seed

    other = tmp_path / "other-install" / SEED_NAME
    other.parent.mkdir()
    other.write_text(bundled_seed().read_text(encoding="utf-8"), encoding="utf-8")
    ix = tmp_path / "ix"
    assert runner.invoke(app, ["index", "--index", str(ix), str(other)]).exit_code == 0
    assert runner.invoke(app, ["index", "--index", str(ix), "--sample"]).exit_code == 0
    assert IndexStore(ix).status()["documents"] == 1
