#!/usr/bin/env python
"""Where untrack spends its time: cProfile of one build and of one warm query.

    python bench/hotspots.py                    # 100 releases, top 15 by cumulative and by own time
    python bench/hotspots.py --releases 1000 --query '"trust fund"' --top 25

The build is profiled in this process with parsing forced in-process (untrack normally
parses in worker processes, which cProfile cannot see); `--parallel` keeps the workers,
so the profile then shows the indexing side only. The query is run once to warm up, then
profiled over `--repeats` runs with the same `search()` call the benchmark times.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def show(prof: cProfile.Profile, title: str, top: int) -> None:
    for key in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(prof, stream=out).strip_dirs().sort_stats(key).print_stats(top)
        lines = out.getvalue().splitlines()
        start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
        print(f"\n### {title}: top {top} by {key}\n")
        print("\n".join(lines[start:]).rstrip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--releases", type=int, default=100)
    ap.add_argument("--query", default="which countries donated money to the trust fund")
    ap.add_argument("--speaker", default=None)
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--parallel", action="store_true", help="keep untrack's parse workers (profile sees indexing only)")
    args = ap.parse_args()

    sys.path.insert(0, str(HERE))
    from corpus import generate

    import untrack.sources
    from untrack.index import IndexStore
    from untrack.query import Filters
    from untrack.search import search
    from untrack.sources import Source, bundled_seed

    if not args.parallel:
        untrack.sources.os.cpu_count = lambda: 1  # parse_many then parses in-process

    work = Path(tempfile.mkdtemp(prefix="untrack-profile-"))
    try:
        files = generate(bundled_seed(), work / "corpus", args.releases)
        store = IndexStore(work / "index")
        sources = [Source.of(p) for p in files]
        prof = cProfile.Profile()
        t = time.perf_counter()
        prof.enable()
        report = store.update(sources, rebuild=True)
        prof.disable()
        print(
            f"build: {args.releases} releases, {report.paragraphs} paragraphs, {time.perf_counter() - t:.2f} s "
            f"under cProfile ({'parse workers' if args.parallel else 'parsing in-process'})"
        )
        show(prof, f"build of {args.releases} releases", args.top)

        filters = Filters(speaker=args.speaker) if args.speaker else None
        search(store, args.query, limit=10, filters=filters)  # warm-up
        prof = cProfile.Profile()
        t = time.perf_counter()
        prof.enable()
        for _ in range(args.repeats):
            search(store, args.query, limit=10, filters=filters)
        prof.disable()
        ms = (time.perf_counter() - t) * 1000 / args.repeats
        print(f"\nquery {args.query!r}: {args.repeats} warm runs, {ms:.1f} ms each under cProfile")
        show(prof, f"warm query {args.query!r} x{args.repeats}", args.top)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
