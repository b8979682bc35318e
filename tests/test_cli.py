"""The CLI as a user meets it: exit codes, JSON contract, colour rules, markup safety."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import SEED, jsonl
from untrack.cli import app


def test_plain_question_finds_the_amount_it_asks_for(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "how much did Australia give?"])
    assert res.exit_code == 0
    top = jsonl(res.stdout)[0]
    assert "Australia" in top["text"] and "$200,000" in top["text"]


def test_json_hits_carry_the_documented_keys_and_true_offsets(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "trust fund"])
    assert res.exit_code == 0
    hits = jsonl(res.stdout)
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    for h in hits:
        for key in (
            "id",
            "doc",
            "n",
            "title",
            "date",
            "section",
            "speaker",
            "affiliation",
            "text",
            "rank",
            "score",
            "snippet",
            "matches",
        ):
            assert key in h
        assert h["id"] == f"{h['doc']}#{h['n']}"
        assert h["snippet"] in h["text"]
        assert h["matches"], h["id"]
        for a, b in h["matches"]:
            assert h["text"][a:b].lower() in {"trust", "fund", "trust fund", "funds", "funding", "funded"}


def test_no_match_exits_1_and_prints_nothing(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "zeppelinx"])
    assert res.exit_code == 1
    assert res.stdout == ""


def test_speaker_filter_is_case_and_accent_insensitive(runner, seed_index: Path) -> None:
    for name in ("bachelet", "BACHÉLET", "Michelle Bachelet"):
        res = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "--speaker", name, "courts"])
        assert res.exit_code == 0, name
        hits = jsonl(res.stdout)
        assert hits and all(h["speaker"] == "Michelle Bachelet" for h in hits)


def test_field_syntax_and_boolean_operators_work(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "speaker:swing AND funding"])
    hits = jsonl(res.stdout)
    assert hits and all(h["speaker"] == "William Lacy Swing" for h in hits)
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--json", '"mobile courts"'])
    assert [h["n"] for h in jsonl(res.stdout)] == [15]


def test_human_output_shows_speaker_section_id_and_no_colour_when_piped(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "footballers"])
    assert res.exit_code == 0
    assert "Aleya Hammad" in res.stdout and f"{SEED}#37" in res.stdout
    assert "Assistance to Victims of Trafficking" in res.stdout
    assert "\x1b[" not in res.stdout


def test_color_always_highlights_and_no_color_env_wins_over_auto(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--color", "always", "footballers"])
    assert "\x1b[" in res.stdout
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--color", "never", "footballers"])
    assert "\x1b[" not in res.stdout
    res = runner.invoke(app, ["search", "--index", str(seed_index), "footballers"], env={"NO_COLOR": "1"})
    assert "\x1b[" not in res.stdout


def test_document_text_is_never_rich_markup(runner, tmp_path: Path) -> None:
    release = tmp_path / "markup.txt"
    release.write_text(
        "General Assembly\n\n1 March 2021\n\nA Headline About Markup\n\n"
        "The representative of Chile said that [bold]markup[/bold] and [red]tags[/] must print as written,"
        " and that \x1b[2J escapes must not clear the screen.\n",
        encoding="utf-8",
    )
    ix = str(tmp_path / "ix")
    assert runner.invoke(app, ["index", "--index", ix, str(release)]).exit_code == 0
    res = runner.invoke(app, ["search", "--index", ix, "--color", "always", "markup"])
    assert res.exit_code == 0
    assert "[bold]" in res.stdout and "[/bold]" in res.stdout and "[red]" in res.stdout
    assert "\x1b[2J" not in res.stdout


def test_index_export_and_speakers(runner, tmp_path: Path) -> None:
    ix = str(tmp_path / "ix")
    res = runner.invoke(app, ["index", "--index", ix, "--sample"])
    assert res.exit_code == 0
    assert "58 paragraphs" in res.stderr
    recs = jsonl(runner.invoke(app, ["export", "--index", ix]).stdout)
    assert [r["n"] for r in recs] == list(range(0, 62))
    assert recs[0]["kind"] == "headline" and recs[0]["text"].startswith(recs[0]["title"])
    assert [r["text"] for r in recs if r["kind"] == "heading"][-1] == "Closing Remarks"
    assert "rank" not in recs[0] and recs[0]["doc"] == SEED
    res = runner.invoke(app, ["speakers", "--index", ix, "--json"])
    rows = jsonl(res.stdout)
    assert rows[0]["paragraphs"] >= rows[-1]["paragraphs"]
    bachelet = next(r for r in rows if r["speaker"] == "Michelle Bachelet")
    assert bachelet["paragraphs"] == 4 and "UN-Women" in bachelet["affiliation"]


READERS = [["search", "footballers"], ["show", f"{SEED}#37"], ["speakers"], ["export"], ["status"]]


@pytest.mark.parametrize("command", READERS)
def test_an_empty_folder_named_by_index_is_an_error_never_the_sample(runner, tmp_path: Path, command) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    res = runner.invoke(app, [*command, "--index", str(empty)])
    assert res.exit_code == 2 and not res.stdout and res.stderr.count("\n") == 1
    assert f"no index at {empty}" in res.stderr and f"untrack index --index {empty} --sample" in res.stderr
    assert list(empty.iterdir()) == []  # nothing was built there


@pytest.mark.parametrize("command", READERS)
def test_a_missing_index_from_the_environment_is_an_error(runner, tmp_path: Path, command) -> None:
    res = runner.invoke(app, command, env={"UNTRACK_INDEX": str(tmp_path / "nope")})
    assert res.exit_code == 2 and not res.stdout and f"no index at {tmp_path / 'nope'}" in res.stderr
    assert "`untrack index --sample`" in res.stderr  # the variable already says where
    assert not (tmp_path / "nope").exists()


def test_a_new_user_gets_the_data_folder_and_an_error_not_a_sample(runner, tmp_path: Path) -> None:
    res = runner.invoke(app, ["search", "footballers"])
    assert res.exit_code == 2 and "no index at ~/.local/share/untrack/index" in res.stderr
    assert not (Path.home() / ".local").exists()
    res = runner.invoke(app, ["search", "footballers"], env={"XDG_DATA_HOME": str(tmp_path / "data")})
    assert f"no index at {tmp_path / 'data' / 'untrack' / 'index'}" in res.stderr


def test_the_sample_is_built_when_asked_for_listed_and_then_replaced_by_own_files(runner, tmp_path: Path) -> None:
    res = runner.invoke(app, ["index", "--sample"])
    assert res.exit_code == 0 and "into ~/.local/share/untrack/index" in res.stderr
    assert runner.invoke(app, ["search", "--json", "footballers"]).exit_code == 0
    status = json.loads(runner.invoke(app, ["status", "--json"]).stdout)
    assert status["sample"] is True and status["documents"] == 1
    assert "sample" in runner.invoke(app, ["status"]).stdout
    mine = tmp_path / "mine.txt"
    mine.write_text(
        "General Assembly\n\n1 March 2021\n\nA Headline\n\nThe representative of Chile said zeppelins matter.\n"
    )
    res = runner.invoke(app, ["index", str(mine)])
    assert res.exit_code == 0 and "replaced the sample release in ~/.local/share/untrack/index" in res.stderr
    status = json.loads(runner.invoke(app, ["status", "--json"]).stdout)
    assert status["sample"] is False and status["documents"] == 1
    assert runner.invoke(app, ["search", "footballers"]).exit_code == 1
    res = runner.invoke(app, ["index", "--sample"])  # asked for beside one's own: added, nothing replaced
    assert res.exit_code == 0 and "replacing" not in res.stderr
    assert json.loads(runner.invoke(app, ["status", "--json"]).stdout)["documents"] == 2


def test_index_with_nothing_to_index_says_what_to_give(runner, tmp_path: Path) -> None:
    res = runner.invoke(app, ["index", "--index", str(tmp_path / "ix")])
    assert res.exit_code == 2 and "--sample" in res.stderr and not (tmp_path / "ix").exists()


def test_a_project_index_in_the_working_folder_is_used_only_when_it_holds_one(runner, tmp_path: Path) -> None:
    os.chdir(tmp_path)
    Path("index").mkdir()
    res = runner.invoke(app, ["search", "footballers"])
    assert res.exit_code == 2 and "no index at ~/.local/share/untrack/index" in res.stderr
    assert runner.invoke(app, ["index", "--index", "index", "--sample"]).exit_code == 0
    res = runner.invoke(app, ["status", "--json"])
    assert json.loads(res.stdout)["index"] == "index"
    res = runner.invoke(app, ["status", "--json"], env={"UNTRACK_INDEX": str(tmp_path / "other")})
    assert res.exit_code == 2  # the variable comes first


def test_a_copied_index_opens_and_is_never_written_over(runner, tmp_path: Path, seed_index: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(seed_index, copy, symlinks=False)  # as `cp -rL` does: the `current` link becomes a folder
    res = runner.invoke(app, ["search", "--index", str(copy), "--json", "footballers"])
    assert res.exit_code == 0 and jsonl(res.stdout)[0]["n"] == 37
    before = sorted(p.relative_to(copy) for p in copy.rglob("*"))
    res = runner.invoke(app, ["index", "--index", str(copy), "--sample"])
    assert res.exit_code == 2 and res.stderr.count("\n") == 1 and "index into a new folder" in res.stderr
    assert sorted(p.relative_to(copy) for p in copy.rglob("*")) == before


def test_from_another_folder_a_real_subprocess_never_answers_from_an_unchosen_corpus(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "UNTRACK_INDEX"}
    for extra in ({}, {"UNTRACK_INDEX": str(tmp_path / "unset")}):
        res = subprocess.run(
            [sys.executable, "-m", "untrack", "search", "trafficking"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env={**env, **extra},
            timeout=60,
        )
        assert res.returncode == 2 and res.stdout == "" and "no index at" in res.stderr


def test_errors_are_one_line_with_status_2(runner, tmp_path: Path, seed_index: Path) -> None:
    res = runner.invoke(app, ["index", "--index", str(tmp_path / "ix"), str(tmp_path / "nope.txt")])
    assert res.exit_code == 2 and "Traceback" not in res.stderr
    res = runner.invoke(app, ["search", "--index", str(seed_index), "-n", "-3", "x"])
    assert res.exit_code == 2 and res.stderr.count("\n") == 1


def test_real_subprocess_pipes_json_to_a_script(tmp_path: Path, seed_index: Path) -> None:
    env = dict(os.environ, UNTRACK_INDEX=str(seed_index))
    search = subprocess.run(
        [sys.executable, "-m", "untrack", "search", "trust fund", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert search.returncode == 0 and search.stderr == ""
    check = subprocess.run(
        [sys.executable, "-c", "import json,sys; print(len([json.loads(l) for l in sys.stdin]))"],
        input=search.stdout,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode == 0 and int(check.stdout) == 10
    none = subprocess.run(
        [sys.executable, "-m", "untrack", "search", "zeppelinx"], capture_output=True, text=True, env=env, timeout=60
    )
    assert none.returncode == 1 and none.stdout == ""


def test_piped_output_has_no_padding(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), "-C", "1", "footballers"])
    assert res.exit_code == 0
    assert all(line == line.rstrip() for line in res.stdout.splitlines())


def test_speakers_piped_are_tab_separated(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["speakers", "--index", str(seed_index), "trust fund"])
    first = res.stdout.splitlines()[0].split("\t")
    assert first[:2] == ["3", "Aleya Hammad"] and "Trust Fund" in first[2]


def test_version_and_short_help_everywhere(runner) -> None:
    from untrack import __version__

    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.stdout == f"untrack {__version__}\n"
    for command in ([], ["search"], ["index"], ["show"], ["speakers"], ["status"], ["export"], ["completion"]):
        res = runner.invoke(app, [*command, "-h"])
        assert res.exit_code == 0 and res.stdout.startswith("Usage: ") and "--help" in res.stdout


@pytest.mark.parametrize(
    "args, says",
    [
        (["--from", "2012-13", "courts"], "bad date '2012-13'"),
        (["--from", "2012-02-30", "courts"], "no such day"),
        (["--to", "2012-13", "courts"], "no such month"),
        (["--from", "2013", "--to", "2012", "courts"], "--from 2013 is after --to 2012"),
        (["foo:bar courts"], "unknown field 'foo'"),
        (["what did they say"], "nothing to search for"),
    ],
)
def test_searches_that_cannot_match_say_why_and_exit_2(runner, seed_index, args, says) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), *args])
    assert res.exit_code == 2 and says in res.stderr and res.stderr.count("\n") == 1 and not res.stdout


@pytest.mark.parametrize(
    "args, says",
    [
        (["--speaker", "bachlet", "courts"], "did you mean --speaker 'bachelet'?"),
        (["--doc", "000_027ff52e41ff29f8", "courts"], "did you mean --doc '000_027ff52e41ff29f7'?"),
        (["--body", "security council", "courts"], "bodies in this index: General Assembly"),
    ],
)
def test_a_filter_no_paragraph_passes_is_named_with_the_nearest_names(runner, seed_index, args, says) -> None:
    res = runner.invoke(app, ["search", "--index", str(seed_index), *args])
    assert res.exit_code == 1 and says in res.stderr and res.stderr.count("\n") == 1


def test_term_dumb_gets_no_colour(monkeypatch) -> None:
    from untrack.plain import want_color

    class Tty:
        def isatty(self) -> bool:
            return True

    assert want_color("auto", Tty())  # type: ignore[arg-type]
    monkeypatch.setenv("TERM", "dumb")
    assert not want_color("auto", Tty())  # type: ignore[arg-type]
    assert want_color("always", Tty())  # type: ignore[arg-type]


@pytest.mark.parametrize("args", [["courts"], ["trafficking", "--speaker", "bachelet"], ["zzzzqqq"]])
def test_count_is_the_number_of_hits_json_gives_with_no_limit(runner, seed_index, args) -> None:
    counted = runner.invoke(app, ["search", "--index", str(seed_index), "--count", *args])
    listed = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "-n", "0", *args])
    assert counted.exit_code == listed.exit_code
    assert int(counted.stdout) == len(listed.stdout.splitlines())


@pytest.mark.parametrize("limit", ["3", "0", "1000"])
def test_summary_ends_json_lines_with_the_total_only_when_asked(runner, seed_index, limit) -> None:
    base = ["search", "--index", str(seed_index), "trafficking", "--json", "-n", limit]
    plain = runner.invoke(app, base).stdout.splitlines()
    lines = runner.invoke(app, [*base, "--summary"]).stdout.splitlines()
    assert lines[:-1] == plain and all("summary" not in json.loads(line) for line in plain)
    summary = json.loads(lines[-1])["summary"]
    total = int(runner.invoke(app, ["search", "--index", str(seed_index), "trafficking", "--count"]).stdout)
    assert summary["shown"] == len(plain) and summary["total"] == total and summary["query"] == "trafficking"
    refused = runner.invoke(app, ["search", "--index", str(seed_index), "trafficking", "--summary"])
    assert refused.exit_code == 2 and refused.stderr.count("\n") == 1


FORMATTED = [
    (["search", "trust fund", "-n", "0"], "hits"),
    (["show", f"{SEED}#3", f"{SEED}#37"], "records"),
    (["speakers"], "speakers"),
    (["export"], "records"),
]


@pytest.mark.parametrize("command, kind", FORMATTED)
def test_every_format_reads_back_with_a_parser_and_holds_what_jsonl_holds(runner, seed_index, command, kind) -> None:
    import csv
    import io

    from untrack.printers import HIT_COLUMNS, RECORD_COLUMNS, SPEAKER_COLUMNS

    columns = {"hits": HIT_COLUMNS, "records": RECORD_COLUMNS, "speakers": SPEAKER_COLUMNS}[kind]

    def run(*fmt: str) -> str:
        res = runner.invoke(app, [*command, "--index", str(seed_index), *fmt])
        assert res.exit_code == 0, res.stderr
        return res.stdout

    lines = jsonl(run("--format", "jsonl"))
    assert lines and json.loads(run("--format", "json")) == lines
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        rows = list(csv.DictReader(io.StringIO(run("--format", fmt)), delimiter=delimiter))
        assert len(rows) == len(lines) and tuple(rows[0]) == columns
        for row, line in zip(rows, lines, strict=True):
            assert all(row[c] == ("" if line.get(c) is None else str(line[c])) for c in columns)
    table = run("--format", "table").splitlines()
    assert table[0].split() == list(columns) and len(table) == len(lines) + 1
    if command[0] != "export":
        assert jsonl(run("--json")) == lines


def test_after_and_before_context_count_each_side(runner, seed_index) -> None:
    def context(*args: str) -> list[int]:
        res = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "-n", "1", "footballers", *args])
        return [r["n"] for r in jsonl(res.stdout)[0].get("context", [])]

    assert context("-A", "2") == [38, 39]
    assert context("-B", "1") == [36]
    assert context("-C", "1") == [36, 38]
    assert context("-C", "2", "-A", "0") == [35, 36]
    res = runner.invoke(app, ["show", "--index", str(seed_index), "--json", "-B", "1", f"{SEED}#37"])
    assert [r["n"] for r in jsonl(res.stdout)[0]["context"]] == [36]


def test_sort_minus_date_is_reverse(runner, seed_index) -> None:
    def ids(*args: str) -> list[str]:
        res = runner.invoke(app, ["search", "--index", str(seed_index), "--json", "-n", "0", "fund", *args])
        return [r["id"] for r in jsonl(res.stdout)]

    assert ids("--sort", "-doc") == ids("--sort", "doc", "-r") == ids("--sort", "doc")[::-1]
    res = runner.invoke(app, ["search", "--index", str(seed_index), "--sort", "size", "fund"])
    assert res.exit_code == 2 and res.stderr.count("\n") == 1


def test_a_bug_is_one_line_asking_for_a_report_and_a_traceback_under_debug(runner, seed_index, monkeypatch) -> None:
    from untrack.errors import ExitStatus

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("untrack.search.search_with_suggestions", broken)
    res = runner.invoke(app, ["search", "--index", str(seed_index), "fund"])
    assert res.exit_code == ExitStatus.INTERNAL == 70
    assert (
        res.stderr == "untrack: internal error, please report: RuntimeError: boom (UNTRACK_DEBUG=1 shows a traceback)\n"
    )
    res = runner.invoke(app, ["search", "--index", str(seed_index), "fund"], env={"UNTRACK_DEBUG": "1"})
    assert isinstance(res.exception, RuntimeError)


def test_bash_completion_script_completes_commands_options_and_choices(tmp_path: Path) -> None:
    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "untrack").exists():
        pytest.skip("untrack is not installed as a command beside this Python")
    script = subprocess.run(
        [str(bin_dir / "untrack"), "completion", "bash"], capture_output=True, text=True, timeout=60
    ).stdout
    assert "complete -o default -F _untrack_completion untrack" in script
    (tmp_path / "completion.bash").write_text(script)

    def complete(*words: str) -> list[str]:
        line = " ".join(f"'{w}'" for w in words)
        program = (
            f"source {tmp_path / 'completion.bash'}; COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; "
            '_untrack_completion untrack; printf "%s\\n" "${COMPREPLY[@]}"'
        )
        env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
        res = subprocess.run(["bash", "-c", program], capture_output=True, text=True, env=env, timeout=60)
        assert res.returncode == 0, res.stderr
        return res.stdout.split()

    assert {"search", "show", "speakers", "status", "index", "export", "completion"} <= set(complete("untrack", ""))
    assert complete("untrack", "se") == ["search"]
    assert "--sort" in complete("untrack", "search", "--so")
    assert complete("untrack", "search", "--format", "") == ["text", "table", "csv", "tsv", "json", "jsonl"]


def test_completion_without_a_shell_says_which_and_exits_2(runner) -> None:
    res = runner.invoke(app, ["completion"])
    assert res.exit_code == 2 and "bash, zsh or fish" in res.stderr and res.stderr.count("\n") == 1
    assert not res.stdout


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_name_the_program(runner, shell) -> None:
    res = runner.invoke(app, ["completion", shell])
    assert res.exit_code == 0 and "_UNTRACK_COMPLETE=complete_" in res.stdout and "untrack" in res.stdout
