"""Openings of 26 real meetings-coverage releases (2000–2023; tests/fixtures/real/, sources in
SOURCES.md), annotated by hand: attribution must stay at or above the 97% the project targets
on releases it has not seen. Measured: 207/209."""

from __future__ import annotations

from pathlib import Path

from goldscore import load_gold, score
from untrack.sources import Source, load

REAL = Path(__file__).parent / "fixtures" / "real"


def test_real_releases_score_at_least_97_percent() -> None:
    total = failed = 0
    failures = []
    for gold_path in sorted(REAL.glob("*.gold.json")):
        gold = load_gold(gold_path)
        doc, _, _ = load(Source.of(REAL / gold["doc"]))
        scored = [lab for lab in gold["labels"] if lab.get("speaker") != "skip"]
        total += len(scored)
        misses = [f for f in score(gold, doc.records()) if "want" in f]
        failed += len(misses)
        failures += [f"{gold['doc']}: {m}" for m in misses]
    assert total > 200
    assert (total - failed) / total >= 0.97, "\n".join(failures)


def test_real_release_metadata() -> None:
    doc, _, _ = load(Source.of(REAL / "fourth_2008_decolonization.txt"))
    assert (doc.symbol, doc.body, doc.date) == ("GA/SPD/400", "Fourth Committee", "2008-10-10")
    assert doc.title.startswith("DELEGATES URGE SUSTAINED MOMENTUM")
    assert not any(p.kind == "heading" for p in doc.paragraphs[:1])
    doc, _, _ = load(Source.of(REAL / "pfii_2017_2030agenda.txt"))
    assert doc.meeting == ["Sixteenth Session, 14th & 15th Meetings (AM & PM)"]
    doc, _, _ = load(Source.of(REAL / "ga_2017_general_debate_close.txt"))
    assert doc.title.startswith("General Debate Concludes") and "Skip to" not in (doc.title or "")
