"""How fast can Whoosh's writer go at all? The floor under any Whoosh-based build.

    python bench/writer_floor.py RECORDS.jsonl [--repeats 3]

RECORDS.jsonl is the paragraph file `bench/run.py --out DIR` leaves in `DIR/n1000/` (one JSON
record per line: id, speaker, text). The script builds the plain-Whoosh baseline's index of
those paragraphs twice, one process each:

- *plain*: the baseline as `bench/run.py` builds it (StemmingAnalyzer on text and speaker,
  `add_document` per record, `commit()`);
- *writer only*: the same schema and documents, but every field's postings are worked out
  before the clock starts (the analyzer's own output, cached), so the timed part is nothing but
  Whoosh's writer: `add_document` handing postings to its pool, stored fields, `commit()`
  sorting the pool and writing the segment.

It prints the median wall seconds of each and their ratio. If the writer alone takes more than
half of the plain build, no Whoosh-based build (parsing and analysis included, on any number
of threads in one writer) can be twice as fast as the plain one.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from whoosh.fields import TEXT


class Postings(TEXT):
    """A TEXT field whose value is its postings, already analysed."""

    def index(self, value: Any, **kwargs: Any) -> Any:
        return value


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def schema(pretokenized: bool) -> Any:
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import ID, Schema

    if not pretokenized:
        return Schema(id=ID(stored=True), speaker=TEXT(), text=TEXT(analyzer=StemmingAnalyzer(), stored=True))
    return Schema(id=ID(stored=True), speaker=Postings(), text=Postings(analyzer=StemmingAnalyzer(), stored=True))


def build(records: list[dict[str, Any]], pretokenized: bool) -> float:
    from whoosh import index
    from whoosh.analysis import StemmingAnalyzer

    sch = schema(pretokenized)
    docs = []
    if pretokenized:  # analysis happens here, before the clock
        plain_text, plain_speaker = TEXT(analyzer=StemmingAnalyzer()), TEXT()
        for r in records:
            doc = {"id": r["id"], "text": list(plain_text.index(r["text"])), "_stored_text": r["text"]}
            if r.get("speaker"):
                doc["speaker"] = list(plain_speaker.index(r["speaker"]))
            docs.append(doc)
    else:
        for r in records:
            doc = {"id": r["id"], "text": r["text"]}
            if r.get("speaker"):
                doc["speaker"] = r["speaker"]
            docs.append(doc)
    with tempfile.TemporaryDirectory(prefix="untrack-floor-") as tmp:
        ix = index.create_in(tmp, sch)
        start = time.perf_counter()
        w = ix.writer()
        for doc in docs:
            w.add_document(**doc)
        w.commit()
        return time.perf_counter() - start


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    records = load(Path(argv[0]))
    repeats = int(argv[argv.index("--repeats") + 1]) if "--repeats" in argv else 3
    if "--child" in argv:  # one measurement, in a fresh process
        print(build(records, pretokenized=argv[argv.index("--child") + 1] == "writer"))
        return 0
    import subprocess

    times: dict[str, list[float]] = {"plain": [], "writer": []}
    for _ in range(repeats):
        for kind in times:
            out = subprocess.run(
                [sys.executable, __file__, argv[0], "--child", kind], check=True, capture_output=True, text=True
            )
            times[kind].append(float(out.stdout))
    plain, writer = statistics.median(times["plain"]), statistics.median(times["writer"])
    print(f"records: {len(records):,}")
    print(f"plain Whoosh build (analysis + writer), median of {repeats}: {plain:.1f} s")
    print(f"Whoosh writer alone (postings precomputed), median of {repeats}: {writer:.1f} s ({writer / plain:.0%})")
    print(f"fastest possible Whoosh-based build: {plain / writer:.2f}x the plain one")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
