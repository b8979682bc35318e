"""Start-up: what a cold `untrack search` leaves unimported and unbuilt (docs/performance.md,
"Session 8"). Nothing here is timed: each test checks what was imported or built, or that a
deferral changes nothing a user sees."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from untrack import answers, expansion
from untrack.analysis import analyzers
from untrack.lexicon import ACRONYMS, SYNONYMS
from untrack.textutil import LazyRegex

# Runs the command as `untrack` does, and says on stderr which modules the process imported.
_REPORT_MODULES = (
    "import atexit, sys\n"
    "atexit.register(lambda: sys.stderr.write('\\nmodules: ' + ' '.join(sorted(sys.modules)) + '\\n'))\n"
    "sys.argv = ['untrack', *sys.argv[1:]]\n"
    "from untrack.entry import main\n"
    "main()\n"
)
# The same command line handed to the whole Typer app, every command registered.
_WHOLE_APP = "import sys\nfrom untrack.cli import app\napp(sys.argv[1:], prog_name='untrack')\n"


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNTRACK_")}
    env.update(NO_COLOR="1", COLUMNS="100")
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120, env=env)


def _modules(stderr: str) -> set[str]:
    line = [x for x in stderr.splitlines() if x.startswith("modules: ")][-1]
    return set(line.removeprefix("modules: ").split())


# Never needed to answer a plain question into a pipe: the renderer (terminal only), the fetcher,
# the parser and indexer, Whoosh's query parser (queries with syntax) and writer, CSV; the roster
# reader (a question asks untrack.panels alone).
NOT_FOR_A_PLAIN_SEARCH = (
    "rich",
    "httpx",
    "csv",
    "difflib",
    "multiprocessing",
    "sqlite3",
    "whoosh.qparser",
    "whoosh.writing",
    "whoosh.multiproc",
    "untrack.render",
    "untrack.fetch",
    "untrack.build",
    "untrack.parse",
    "untrack.attribute",
    "untrack.patterns",
    "untrack.model",
    "untrack.roster",
)


def test_a_plain_piped_search_imports_only_what_it_needs(seed_index: Path) -> None:
    question = "which countries donated money to the trust fund"
    done = _run(_REPORT_MODULES, "search", question, "--index", str(seed_index))
    assert done.returncode == 0, done.stderr
    assert "Trust Fund" in done.stdout
    imported = _modules(done.stderr)
    assert "whoosh.searching" in imported and "untrack.search" in imported  # the report works
    assert sorted(imported & set(NOT_FOR_A_PLAIN_SEARCH)) == []


def test_an_update_that_finds_nothing_changed_never_loads_the_parser(tmp_path: Path) -> None:
    """Compiling the attribution rules was most of the CPU of an update with no changed file."""
    from untrack.sources import bundled_seed

    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "r.txt").write_bytes(bundled_seed().read_bytes())
    first = _run(_REPORT_MODULES, "index", str(folder), "--index", str(tmp_path / "ix"))
    assert first.returncode == 0, first.stderr
    again = _run(_REPORT_MODULES, "index", str(folder), "--index", str(tmp_path / "ix"))
    assert again.returncode == 0 and "1 unchanged" in again.stderr, again.stderr
    assert {"untrack.attribute", "untrack.patterns", "untrack.parse"}.isdisjoint(_modules(again.stderr))


def test_a_query_with_syntax_still_gets_whoosh_s_parser(seed_index: Path) -> None:
    done = _run(_REPORT_MODULES, "search", '"trust fund" OR donations', "--index", str(seed_index), "-f", "csv")
    assert done.returncode == 0, done.stderr
    assert {"whoosh.qparser", "csv"} <= _modules(done.stderr)


@pytest.mark.parametrize(
    "args",
    [
        ["search", "-h"],
        ["search", "--bogus", "x"],
        ["search"],
        ["show"],
        ["status", "--index", "{index}"],
        ["search", "trust fund", "--index", "{index}", "--json", "-n", "3"],
        ["serach", "x"],
        ["--version"],
        ["-h"],
        [],
    ],
)
def test_building_only_the_command_run_changes_no_output(seed_index: Path, args: list[str]) -> None:
    """`untrack CMD …` has Typer build CMD alone; its help, errors and output are the whole app's."""
    args = [a.replace("{index}", str(seed_index)) for a in args]
    narrowed, whole = _run(_REPORT_MODULES, *args), _run(_WHOLE_APP, *args)
    assert narrowed.returncode == whole.returncode
    assert narrowed.stdout == whole.stdout
    assert narrowed.stderr.split("\nmodules: ")[0] == whole.stderr


def test_main_leaves_every_command_registered(monkeypatch: pytest.MonkeyPatch, seed_index: Path, capsys) -> None:
    from untrack import cli

    before = list(cli.app.registered_commands)
    monkeypatch.setattr(sys, "argv", ["untrack", "status", "--index", str(seed_index)])
    with pytest.raises(SystemExit):
        cli.main()
    assert "documents" in capsys.readouterr().out
    assert cli.app.registered_commands == before


def _whole_table() -> dict[tuple[str, ...], tuple[tuple[str, bool], ...]]:
    """The expansion table as it was built before it was filed by first letters: every key stemmed."""
    an = analyzers().text
    table: dict[tuple[str, ...], list[tuple[str, bool]]] = {}

    def add(key: str, alternative: str, exact: bool) -> None:
        stems = tuple(t.text for t in an(key))
        if stems and alternative not in [a for a, _ in table.get(stems, [])]:
            table.setdefault(stems, []).append((alternative, exact))

    for key, alternatives in SYNONYMS.items():
        for alternative in alternatives:
            add(key, alternative, False)
    for acronym, name in ACRONYMS.items():
        add(acronym, name, True)
        add(name, acronym, True)
    return {k: tuple(v) for k, v in table.items()}


def test_stemming_keeps_the_first_two_letters_of_every_lexicon_key() -> None:
    """What lets the expansion table be stemmed a few keys at a time, as questions need them (and
    its keys be filed without the analyzer: they are ASCII, which lowercasing folds)."""
    for initial, entries in expansion._entries_by_initial().items():
        for key, _, _ in entries:
            assert key.isascii(), key
            stems = [t.text for t in analyzers().text(key)]
            assert stems and stems[0][:2] == initial, (key, stems, initial)


def test_the_table_filed_by_first_letters_is_the_whole_table() -> None:
    whole = _whole_table()
    filed = {k: v for initial in expansion._entries_by_initial() for k, v in expansion._table(initial).items()}
    assert filed == whole
    for stems, alternatives in whole.items():
        assert expansion.alternatives([stems])[0] == list(alternatives)


# One question of each form a plain query is asked about, so each gated form is seen to match.
_FORMS_ASKED = [
    "how much did Australia pledge",
    "what percentage of victims are women",
    "how long has the trust fund existed",
    "since when has the fund existed",
    "which other countries spoke",
    "who else took the floor",
    "who chaired the first panel",
    "who were the panellists on the afternoon panel",
    "which experts took part",
    "co-chairs afternoon panel",
    "line-up of the dialogue",
    "who organized the event",
    "the hosts of the meeting",
    "a summary of the meeting",
    "what was the debate about",
    "what happened at the dialogue",
    "what did Bachelet say about courts",
    "according to UNODC",
    "which delegates warned about demand",
    "who spoke about the Palermo Protocol",
    "what was the vote on the resolution",
    "by what margin was it adopted",
    "who abstained",
    "who answered the question on the private sector",
    "how did the panel respond to Qatar",
    "who asked about the trust fund",
    "questions to the panel",
    "what did Luxembourg want to know",
    "statements in the round table",
    "the wrap-up session",
]


def _texts() -> list[str]:
    """Queries (the relevance sets, eval's questions, the forms above) and every line of the test releases."""
    repo = Path(__file__).parent.parent
    texts = list(_FORMS_ASKED)
    for path in [*repo.glob("tests/relevance/*.json"), *repo.glob("eval/questions/*.json")]:
        texts += [item["q"] for item in json.loads(path.read_text(encoding="utf-8")) if "q" in item]
    for path in repo.glob("tests/fixtures/**/*.txt"):
        texts += path.read_text(encoding="utf-8").splitlines()
    return texts


def _gated_forms() -> dict[str, LazyRegex]:
    return {name: v for name, v in vars(answers).items() if isinstance(v, LazyRegex) and v._needs}


def test_every_match_of_a_question_form_holds_a_word_it_needs() -> None:
    """What lets a form be skipped, uncompiled, for a query holding none of its `needs`."""
    texts = _texts()
    for name, form in _gated_forms().items():
        matched = [m.group(0) for m in map(form.compiled.search, texts) if m]
        assert matched, name  # the texts show the form matching
        for found in matched:
            assert any(w in found.lower() for w in form._needs), (name, found)
        for text in texts:
            assert bool(form.search(text)) == bool(form.compiled.search(text)), (name, text)


@pytest.mark.parametrize("name", sorted(_gated_forms()))
def test_any_ascii_text_a_question_form_matches_holds_a_word_it_needs(name: str) -> None:
    """The same property over texts made from the pattern itself: a form edited without its
    `needs` fails here, whatever questions the collections hold."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    form = _gated_forms()[name]
    ascii_text = st.from_regex(re.compile(form._pattern, form._flags), alphabet=st.characters(max_codepoint=127))

    @settings(max_examples=100, deadline=None)
    @given(ascii_text)
    def holds_a_needed_word(text: str) -> None:
        if text.isascii() and form.compiled.search(text):
            assert any(w in text.lower() for w in form._needs)

    holds_a_needed_word()


@pytest.mark.parametrize(
    "query, compiled",
    [("which countries donated money to the trust fund", ["_ASKS_STATES"]), ("trafficking victims", [])],
)
def test_a_query_compiles_only_the_forms_it_may_match(
    monkeypatch: pytest.MonkeyPatch, query: str, compiled: list[str]
) -> None:
    patterns = {name: v for name, v in vars(answers).items() if isinstance(v, LazyRegex)}
    for pattern in patterns.values():
        monkeypatch.setattr(pattern, "_compiled", None)
    answers.form_words(query)
    answers.preferences(query)
    assert [name for name, p in patterns.items() if p._compiled is not None] == compiled


def test_panels_and_roster_read_the_same_paragraphs() -> None:
    from untrack.panels import is_roster
    from untrack.roster import Roster

    texts = [
        "Co-chaired by Ana Silva (Brazil) and Jan Berg (Norway), the panel featured presentations by: Li Wei, adviser.",
        "The panel featured: Maria Lopez, Director; and Tom Hall, Adviser.",
        "Mr. HALL said the fund needed money.",
    ]
    for text in texts:
        assert is_roster(text) == Roster().add_from_paragraph(text), text


# Runs the command as `untrack` does, and says on stderr what the garbage collector was left doing.
_REPORT_GC = (
    "import atexit, gc, sys\n"
    "atexit.register(lambda: sys.stderr.write(f'\\ngc: {gc.isenabled()} {gc.get_freeze_count()}\\n'))\n"
    "sys.argv = ['untrack', *sys.argv[1:]]\n"
    "from untrack.entry import main\n"
    "main()\n"
)


def test_the_imports_are_frozen_out_of_the_collector_s_sight_and_the_command_runs_with_it_on(
    seed_index: Path,
) -> None:
    done = _run(_REPORT_GC, "search", "trust fund", "--index", str(seed_index))
    assert done.returncode == 0, done.stderr
    enabled, frozen = [x for x in done.stderr.splitlines() if x.startswith("gc: ")][-1].split()[1:]
    assert enabled == "True"
    assert int(frozen) > 10_000  # what importing untrack.cli made (Typer, click, untrack): about 24,000
