"""Many releases in one index: body, date and document filters, sorting, speakers across documents."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from untrack.cli import app
from untrack.sources import bundled_seed

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def mixed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("releases")
    for f in FIXTURES.glob("*.txt"):
        if f.name != "html_release.txt":
            shutil.copy(f, folder)
    shutil.copy(FIXTURES / "html_release.html", folder)
    shutil.copy(bundled_seed(), folder)
    ix = tmp_path_factory.mktemp("mixed") / "index"
    from typer.testing import CliRunner

    assert CliRunner().invoke(app, ["index", "--index", str(ix), str(folder)]).exit_code == 0
    return ix


def hits(runner, ix: Path, *args: str) -> list[dict]:
    res = runner.invoke(app, ["search", "--index", str(ix), "--json", "-n", "0", *args])
    assert res.exit_code in (0, 1), res.stderr
    return [json.loads(line) for line in res.stdout.splitlines()]


def test_body_filter_and_field(runner, mixed_index: Path) -> None:
    council = hits(runner, mixed_index, "--body", "security council", "humanitarian")
    assert council and {h["body"] for h in council} == {"Security Council"}
    same = hits(runner, mixed_index, 'body:"security council" humanitarian')
    assert {h["id"] for h in same} == {h["id"] for h in council}


def test_date_range_filters_and_field(runner, mixed_index: Path) -> None:
    found = hits(runner, mixed_index, "--from", "2015", "--to", "2023-12", "women")
    assert found and all("2015-01-01" <= h["date"] <= "2023-12-31" for h in found)
    assert {h["date"][:4] for h in found} >= {"2015"}
    field = hits(runner, mixed_index, "date:[2015-01-01 TO 2023-12-31] women")
    assert {h["id"] for h in field} == {h["id"] for h in found}
    res = runner.invoke(app, ["search", "--index", str(mixed_index), "--from", "last tuesday", "women"])
    assert res.exit_code == 2 and "bad date" in res.stderr


def test_doc_filter_and_sort_by_date(runner, mixed_index: Path) -> None:
    only = hits(runner, mixed_index, "--doc", "csw_panel", "care")
    assert only and {h["doc"] for h in only} == {"csw_panel"}
    dated = hits(runner, mixed_index, "--sort", "date", "representative")
    dates = [h["date"] for h in dated]
    assert dates == sorted(dates) and len(set(dates)) > 2


def test_speakers_group_delegations_and_people_across_documents(runner, mixed_index: Path) -> None:
    res = runner.invoke(app, ["speakers", "--index", str(mixed_index), "--json"])
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    names = [r["speaker"] for r in rows]
    assert len(names) == len(set(names))
    japan = next(r for r in rows if r["speaker"] == "Japan")
    assert japan["documents"] >= 2 and japan["affiliation"] == "Japan"


def test_who_says_x_most_lists_only_speakers_who_said_it(runner, seed_index: Path) -> None:
    res = runner.invoke(app, ["speakers", "--index", str(seed_index), "--json", "trust fund"])
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows[0]["speaker"] == "Aleya Hammad"
    export = [
        json.loads(line) for line in runner.invoke(app, ["export", "--index", str(seed_index)]).stdout.splitlines()
    ]
    for row in rows:
        said = [r for r in export if r["speaker"] == row["speaker"] and "Trust Fund" in r["text"]]
        assert len(said) == row["paragraphs"]


def test_sort_by_date_newest_first_with_reverse(runner, mixed_index: Path) -> None:
    oldest = hits(runner, mixed_index, "--sort", "date", "women")
    newest = hits(runner, mixed_index, "--sort", "date", "--reverse", "women")
    assert [h["date"] for h in oldest] == sorted(h["date"] for h in oldest)
    assert [h["date"] for h in newest] == sorted((h["date"] for h in newest), reverse=True)
    assert newest[0]["date"] >= oldest[-1]["date"]
