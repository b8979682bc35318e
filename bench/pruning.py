#!/usr/bin/env python
"""Pruned against exhaustive top-k ranking, same process, interleaved (see docs/performance.md).

    python bench/pruning.py --releases 2500 --out /tmp/realmix   # build once (about 5 min), then measure
    python bench/pruning.py --out /tmp/realmix --repeats 15      # measure again
    python bench/pruning.py --corpus bundled --releases 500 --out /tmp/gen

Prints one markdown row per query: median CPU ms of `search(limit=10)` scored exhaustively
(`Ranker.prune` off), with MaxScore for questions only (`Ranker.blockmax` off: before block-max)
and with both (block-max for phrases and NOT too, which are off by default), and the ratios;
then how many queries gave different hits or scores (0 expected). An index built before impact
summaries were written at commit has its words summarised in the first search of each (not
timed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

QUERIES = [
    ("common term", "security", None),
    ("common term", "states", None),
    ("common term", "development", None),
    ("rare term", "footballers", None),
    ("phrase", '"trust fund"', None),
    ("phrase", '"human rights"', None),
    ("phrase", '"security council"', None),
    ("boolean", "victims AND NOT children", None),
    ("boolean", "women AND peace", None),
    ("six-word question", "which countries called for nuclear disarmament at the review conference", None),
    ("question", "which countries donated money to the trust fund", None),
    ("question", "what did the committee say about indigenous women and land rights", None),
    ("question", "climate change financing for small island developing states", None),
    ("question", "sanctions against the democratic people's republic of korea", None),
    ("short question", "who spoke about refugees in syria", None),
    ("speaker filter", "courts", ("speaker", "bachelet")),
    ("body filter + question", "nuclear weapons disarmament treaty", ("body", "Security Council")),
]


def build(out: Path, releases: int, corpus: str) -> None:
    from corpus import generate, generate_real_mix

    from untrack.index import IndexStore
    from untrack.sources import Source, bundled_seed

    if corpus == "real-mix":
        sources = [*sorted((REPO / "eval" / "corpus").glob("*.txt")), bundled_seed()]
        files = generate_real_mix(sources, out / "corpus", releases)
    else:
        files = generate(bundled_seed(), out / "corpus", releases)
    started = time.perf_counter()
    report = IndexStore(out / "index").update([Source.of(p) for p in files], rebuild=True)
    print(f"built {report.indexed} releases, {report.paragraphs} paragraphs in {time.perf_counter() - started:.0f} s")


def measure(index: Path, repeats: int) -> None:
    from untrack.index import IndexStore
    from untrack.query import Filters
    from untrack.search import opened, search

    store = IndexStore(index)
    o = opened(store)
    print(f"{o.searcher.doc_count_all():,} documents\n")
    print(
        "| query kind | query | exhaustive ms | MaxScore only ms | + block-max ms | vs exhaustive | vs MaxScore only |"
        "\n| --- | --- | --- | --- | --- | --- | --- |"
    )
    modes = {"exhaustive": (False, False), "maxscore": (True, False), "blockmax": (True, True)}

    from untrack import blockmax

    blockmax.PHRASES_AND_NOT = True  # every shape it can prune, to show what each gains

    def run(query: str, filters: Filters | None, mode: str) -> list[tuple[str, float | None]]:
        o.ranker.prune, o.ranker.blockmax = modes[mode]
        return [(h.record["id"], h.score) for h in search(store, query, limit=10, filters=filters)]

    differ = 0
    for label, query, flt in QUERIES:
        filters = Filters(**{flt[0]: flt[1]}) if flt else None
        want = run(query, filters, "exhaustive")
        differ += any(run(query, filters, mode) != want for mode in ("maxscore", "blockmax"))
        times: dict[str, list[float]] = {mode: [] for mode in modes}
        for _ in range(repeats):
            for mode in modes:
                started = time.process_time()
                run(query, filters, mode)
                times[mode].append(time.process_time() - started)
        off, before, on = (statistics.median(times[m]) * 1000 for m in modes)
        shown = f"`{query}`" + (f" --{flt[0]} '{flt[1]}'" if flt else "")
        print(
            f"| {label} | {shown} | {off:.1f} | {before:.1f} | {on:.1f} | {on / off:.2f} | {on / before:.2f} |",
            flush=True,
        )
    print(f"\nqueries whose hits or scores differ: {differ}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="folder with (or for) corpus/ and index/")
    ap.add_argument("--releases", type=int, default=2500, help="releases to build when out/index is missing")
    ap.add_argument("--corpus", choices=("real-mix", "bundled"), default="real-mix")
    ap.add_argument("--repeats", type=int, default=15)
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    if not (args.out / "index").exists():
        build(args.out, args.releases, args.corpus)
    measure(args.out / "index", args.repeats)


if __name__ == "__main__":
    main()
