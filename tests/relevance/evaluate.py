"""Relevance of untrack's ranking on a judged query set (issue 4).

    python tests/relevance/evaluate.py [SET.json ...] [--all]

builds a throw-away index of the bundled release, runs every question of each set (by default
all twelve: judged.json, validation.json, heldout.json … heldout10.json) through `untrack.search.search`
and prints MRR@10, success@3 and the questions whose first relevant paragraph is not in the top 3
(`--all`: every question).

`judged.json` is a list of {"q": question, "relevant": [paragraph ids], "note": optional}.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
JUDGED = HERE / "judged.json"
VALIDATION = HERE / "validation.json"  # a second set, written apart from judged.json
HELDOUT = HERE / "heldout.json"  # a third, written blind to both and to the ranking (see docs/relevance.md)
HELDOUT2 = HERE / "heldout2.json"  # a fourth, likewise, scored blind on the final ranking
# Eight more, written blind by separate sessions in the third round; each scored blind once (docs/relevance.md).
LATER = [HERE / f"heldout{k}.json" for k in range(3, 11)]
ALL_SETS = [JUDGED, VALIDATION, HELDOUT, HELDOUT2, *LATER]
DEPTH = 10  # MRR cut-off
TOP = 3  # success@3


def load_judged(path: Path = JUDGED) -> list[dict[str, Any]]:
    judged = json.loads(path.read_text(encoding="utf-8"))
    for item in judged:
        if not item.get("q") or not item.get("relevant"):
            raise ValueError(f"judged entry needs 'q' and a non-empty 'relevant': {item!r}")
    return judged


def first_relevant_rank(ranked: Sequence[str], relevant: Sequence[str], depth: int = DEPTH) -> int | None:
    """1-based rank of the first relevant id within the top `depth`, or None."""
    wanted = set(relevant)
    for rank, pid in enumerate(ranked[:depth], 1):
        if pid in wanted:
            return rank
    return None


def evaluate(search_fn: Callable[[str], Sequence[str]], judged: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """MRR@10 and success@3 of `search_fn` (question -> ranked ids) over `judged`.

    Returns {"mrr@10", "success@3", "n", "queries": [{"q", "rank", "relevant", "top"}]},
    where "rank" is the 1-based rank of the first relevant id in the top 10 (None if absent)
    and "top" the first ten ids returned."""
    rows = []
    for item in judged:
        ranked = list(search_fn(item["q"]))
        rank = first_relevant_rank(ranked, item["relevant"])
        rows.append({"q": item["q"], "rank": rank, "relevant": list(item["relevant"]), "top": ranked[:DEPTH]})
    n = len(rows)
    rr = [1.0 / r["rank"] if r["rank"] else 0.0 for r in rows]
    hits3 = [1 if r["rank"] and r["rank"] <= TOP else 0 for r in rows]
    return {
        "n": n,
        "mrr@10": sum(rr) / n if n else 0.0,
        "success@3": sum(hits3) / n if n else 0.0,
        "queries": rows,
    }


def seed_search_fn(index_dir: Path) -> Callable[[str], list[str]]:
    """A search function over a fresh index of the bundled release at `index_dir`."""
    from untrack.index import IndexStore
    from untrack.search import QueryError, search
    from untrack.sources import Source, bundled_seed

    store = IndexStore(index_dir)
    store.update([Source.of(bundled_seed())], rebuild=True)

    def run(q: str) -> list[str]:
        try:
            return [h.record["id"] for h in search(store, q, limit=DEPTH)]
        except QueryError as e:  # a question the parser rejects is a miss, not a crash
            print(f"error: {e}", file=sys.stderr)
            return []

    return run


def _short(pid: str) -> str:
    return "#" + pid.rsplit("#", 1)[-1]


def report(result: dict[str, Any], show_all: bool = False) -> str:
    lines = [
        f"questions: {result['n']}",
        f"MRR@10:    {result['mrr@10']:.3f}",
        f"success@3: {result['success@3']:.3f}",
    ]
    misses = [r for r in result["queries"] if not r["rank"] or r["rank"] > TOP]
    shown = result["queries"] if show_all else misses
    if shown:
        lines.append("")
        lines.append("all questions:" if show_all else f"missing the top {TOP} ({len(misses)}):")
        for r in shown:
            rank = r["rank"] if r["rank"] else f">{DEPTH}"
            want = " ".join(_short(p) for p in r["relevant"])
            got = " ".join(_short(p) for p in r["top"][:5])
            lines.append(f"  rank {rank!s:>3}  {r['q']!r}\n            want {want}; got {got}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    show_all = "--all" in args
    args = [a for a in args if a != "--all"]
    paths = [Path(a) for a in args] or ALL_SETS
    with tempfile.TemporaryDirectory(prefix="untrack-relevance-") as tmp:
        run = seed_search_fn(Path(tmp) / "index")
        for i, path in enumerate(paths):
            result = evaluate(run, load_judged(path))
            print(("\n" if i else "") + f"== {path.name}")
            print(report(result, show_all))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
