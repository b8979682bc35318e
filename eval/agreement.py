"""How far two careful readers agree on who speaks, beside how far untrack agrees with each.

    python eval/agreement.py [FOLDER ...]   # default: each folder of eval/agreement/second-reader/, then all

A second writer labelled some releases again, blind and independently of the first (the same guide,
the same documents; one folder per round). Each of their files is paired with the first reader's file
of the same name in `eval/gold/*/`. For each pair the script prints the figures `eval/attribution.py` prints (accuracy,
speaker-paragraph recall, false speakers), three ways over the same blocks:

- reader 2 scored against reader 1 (reader 1 as the gold), and the other way round;
- untrack scored against reader 1, and against reader 2.

Two readers' labels match when one names a speaker whose words hold one of the other's (folded)
tokens, as untrack's speaker is matched; "skip" on either side leaves the block out. So the readers'
figures are a ceiling of sorts: what a bar on recall can ask of a program when the gold it is scored
against is one careful reader's call.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from attribution import find_document, fold, records_of, squash  # noqa: E402

GOLD = HERE / "gold"
SECOND = HERE / "agreement" / "second-reader"


def _matches(want: list[str], got: list[str]) -> bool:
    """`got` (a reader's tokens, or untrack's one speaker) names the speaker `want` names."""
    return any(fold(w) in fold(g) for w in want for g in got)


def _tally(pairs: list[tuple[list[str] | None, list[str] | None]]) -> dict[str, float]:
    """The three figures of eval/attribution.py, for (gold, other) labels of the same blocks."""
    n: Counter[str] = Counter()
    for want, got in pairs:
        n["scored"] += 1
        if want is None:
            n["null"] += 1
            n["false"] += bool(got)
            n["ok"] += not got
        else:
            n["speaker"] += 1
            hit = bool(got) and _matches(want, got or [])
            n["found"] += hit
            n["ok"] += hit
    return {
        "labels": n["scored"],
        "accuracy": n["ok"] / max(n["scored"], 1),
        "speaker_paragraphs": n["speaker"],
        "recall": n["found"] / max(n["speaker"], 1),
        "null_paragraphs": n["null"],
        "false": n["false"] / max(n["null"], 1),
    }


def _untrack_speakers(path: Path, anchors: list[str]) -> list[list[str] | None]:
    """untrack's speaker for each block, found by its anchor as eval/attribution.py finds it."""
    records = [r for r in records_of(path) if r["kind"] in ("paragraph", "heading")]
    texts = [squash(r["text"]) for r in records]
    out: list[list[str] | None] = []
    for anchor in map(squash, anchors):
        hit = next((r for r, t in zip(records, texts, strict=True) if t.startswith(anchor)), None)
        if hit is None and len(anchor) >= 40:
            hit = next((r for r, t in zip(records, texts, strict=True) if anchor in t), None)
        got = hit.get("speaker") if hit else None
        out.append([str(got)] if got else None)
    return out


def compare(files: list[Path]) -> dict[str, Any]:
    """The four comparisons over every block both readers scored."""
    rows: dict[str, list[tuple[list[str] | None, list[str] | None]]] = {
        k: [] for k in ("reader 2 vs reader 1", "reader 1 vs reader 2", "untrack vs reader 1", "untrack vs reader 2")
    }
    docs = 0
    for path in files:
        firsts = sorted(GOLD.glob(f"*/{path.name}"))
        if not firsts:
            continue
        docs += 1
        one, two = (json.loads(p.read_text(encoding="utf-8")) for p in (firsts[0], path))
        by_anchor = {squash(lab["anchor"]): lab.get("speaker") for lab in one["labels"]}
        blocks = [
            (lab["anchor"], by_anchor.get(squash(lab["anchor"]), "skip"), lab.get("speaker")) for lab in two["labels"]
        ]
        blocks = [(a, w1, w2) for a, w1, w2 in blocks if "skip" not in (w1, w2)]
        ours = _untrack_speakers(find_document(firsts[0], one["doc"]), [a for a, _, _ in blocks])
        for (_, w1, w2), got in zip(blocks, ours, strict=True):
            rows["reader 2 vs reader 1"].append((w1, w2))
            rows["reader 1 vs reader 2"].append((w2, w1))
            rows["untrack vs reader 1"].append((w1, got))
            rows["untrack vs reader 2"].append((w2, got))
    return {"documents": docs, **{k: _tally(v) for k, v in rows.items()}}


def _print(title: str, r: dict[str, Any]) -> None:
    print(f"== {title} ({r['documents']} documents)")
    print(f"{'':24}{'labels':>8}{'accuracy':>10}{'recall':>16}{'false':>14}")
    for name, t in r.items():
        if name != "documents":
            print(
                f"{name:24}{t['labels']:8}{t['accuracy']:10.1%}"
                f"{t['recall']:9.1%} of {t['speaker_paragraphs']:<4}{t['false']:7.1%} of {t['null_paragraphs']}"
            )


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    folders = [Path(a) for a in args] or sorted(d for d in SECOND.iterdir() if d.is_dir())
    every: list[Path] = []
    for folder in folders:
        files = sorted(folder.glob("*.gold.json"))
        every += files
        _print(folder.name, compare(files))
    if len(folders) > 1:
        _print("all", compare(every))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
