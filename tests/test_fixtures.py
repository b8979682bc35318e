"""Releases of every kind (tests/fixtures/): each scores 100% against its gold file."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from goldscore import load_gold, score
from untrack.cli import app
from untrack.sources import Source, load

FIXTURES = Path(__file__).parent / "fixtures"
GOLDS = sorted(FIXTURES.glob("*.gold.json"))


def test_there_is_a_fixture_of_each_kind() -> None:
    bodies = {load(Source.of(FIXTURES / load_gold(g)["doc"]))[0].body for g in GOLDS}
    assert {"General Assembly", "Third Committee", "Security Council", "Commission on the Status of Women"} <= bodies
    assert any(g.name.startswith("html") for g in GOLDS)


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name)
def test_fixture_scores_every_label(gold_path: Path) -> None:
    gold = load_gold(gold_path)
    doc, _, _ = load(Source.of(FIXTURES / gold["doc"]))
    assert score(gold, doc.records()) == []
    assert doc.title == gold["title"] and doc.date == gold["date"]


def test_the_shared_scorer_agrees(tmp_path: Path) -> None:
    """The project's own copy of the shared scorer, run against the installed CLI."""
    cmd = shlex.join([sys.executable, "-m", "untrack"])
    for gold_path in GOLDS:
        res = subprocess.run(
            [sys.executable, str(Path(__file__).parent / "score_attribution.py"), "--cmd", cmd, str(gold_path)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert res.returncode == 0, res.stdout + res.stderr
        assert res.stdout.strip().endswith("= 100.0%")


def test_html_page_and_its_text_give_identical_records() -> None:
    html, _, _ = load(Source.of(FIXTURES / "html_release.html"))
    text, _, _ = load(Source.of(FIXTURES / "html_release.txt"))
    assert html.records() == text.records()
    assert html.symbol == "GA/12567" and html.meeting == ["Seventy-eighth Session", "41st Meeting (AM)"]
    joined = " ".join(r["text"] for r in html.records())
    for furniture in ("Main navigation", "Share", "Skip to main content", "In progress at UNHQ", "Fraud Alert"):
        assert furniture not in joined


def test_metadata_of_each_kind() -> None:
    sc, _, _ = load(Source.of(FIXTURES / "security_council_briefing.txt"))
    assert (sc.symbol, sc.body, sc.date) == ("SC/15558", "Security Council", "2024-01-16")
    third, _, _ = load(Source.of(FIXTURES / "third_committee_dialogue.txt"))
    assert (third.symbol, third.body) == ("GA/SHC/4051", "Third Committee")
    csw, _, _ = load(Source.of(FIXTURES / "csw_panel.txt"))
    assert csw.body == "Commission on the Status of Women" and csw.symbol == "WOM/2029"


def test_a_folder_mixing_text_and_html_builds_one_index(runner, tmp_path: Path) -> None:
    folder = tmp_path / "releases" / "nested"
    folder.mkdir(parents=True)
    for f in FIXTURES.iterdir():
        if f.suffix in (".txt", ".html") and f.name != "html_release.txt":
            shutil.copy(f, folder / f.name)
    ix = str(tmp_path / "ix")
    res = runner.invoke(app, ["index", "--index", ix, str(tmp_path / "releases")])
    assert res.exit_code == 0, res.stderr
    assert "5 added" in res.stderr
    docs = {json.loads(line)["doc"] for line in runner.invoke(app, ["export", "--index", ix]).stdout.splitlines()}
    assert docs == {
        "csw_panel",
        "ga_plenary_groups",
        "html_release",
        "security_council_briefing",
        "third_committee_dialogue",
    }
