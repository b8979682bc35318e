"""Relevance over many releases: untrack against plain Whoosh and SQLite FTS5 on the same questions.

    python eval/relevance.py [SET.json ...] [--misses] [--semantic]

Indexes every release in `eval/corpus/` plus the bundled one, once for each engine, from the same
records (untrack's own paragraphs and headings, so every engine sees the same text), then runs each
question set (default: every `eval/questions/*.json`) and prints MRR@10 and success@3 per kind of
question for:

- untrack: `untrack.search.search`, as the CLI ranks;
- whoosh: plain Whoosh, one stemmed text field, the question parsed with OR between words (BM25F);
- fts5: SQLite FTS5 with the porter tokenizer, the question's words OR-ed, ordered by bm25;
- with `--semantic`, also untrack+sem: untrack with `--semantic` (needs `untrack[semantic]`).

Questions name their answers by file and anchor (the block's first 50 characters; see QUESTIONS.md),
so they were written without knowing untrack's paragraph ids.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
QUESTIONS = HERE / "questions"
DEPTH, TOP = 10, 3
ENGINES = ("untrack", "whoosh", "fts5")


def squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def documents() -> list[Path]:
    from untrack.sources import bundled_seed

    return [bundled_seed(), *sorted(CORPUS.glob("*.txt"))]


def build_untrack(folder: Path, files: list[Path]) -> tuple[Any, dict[str, str], list[dict[str, Any]]]:
    """The untrack index, a map file name -> doc id, and every exported record."""
    from untrack.index import IndexStore
    from untrack.sources import Source

    store = IndexStore(folder / "untrack")
    store.update([Source.of(f) for f in files], rebuild=True)
    manifest = store.manifest()["documents"]
    names = {Path(info["path"]).name: doc for doc, info in manifest.items()}
    return store, names, store.records()


def whoosh_engine(folder: Path, records: list[dict[str, Any]]) -> Callable[[str], list[str]]:
    from whoosh import index
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.qparser import OrGroup, QueryParser

    schema = Schema(id=ID(stored=True), text=TEXT(analyzer=StemmingAnalyzer()))
    (folder / "whoosh").mkdir()
    ix = index.create_in(str(folder / "whoosh"), schema)
    with ix.writer() as w:
        for r in records:
            w.add_document(id=r["id"], text=r["text"])
    parser = QueryParser("text", schema, group=OrGroup)
    searcher = ix.searcher()

    def run(q: str) -> list[str]:
        words = " ".join(re.findall(r"\w+", q))  # no syntax: a question is words
        return [hit["id"] for hit in searcher.search(parser.parse(words), limit=DEPTH)]

    return run


def fts5_engine(folder: Path, records: list[dict[str, Any]]) -> Callable[[str], list[str]]:
    con = sqlite3.connect(folder / "fts5.db")
    con.execute("CREATE VIRTUAL TABLE p USING fts5(text, id UNINDEXED, tokenize='porter')")
    con.executemany("INSERT INTO p (text, id) VALUES (?, ?)", ((r["text"], r["id"]) for r in records))
    con.commit()

    def run(q: str) -> list[str]:
        words = [f'"{w}"' for w in re.findall(r"\w+", q)]
        if not words:
            return []
        sql = "SELECT id FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT ?"
        return [row[0] for row in con.execute(sql, (" OR ".join(words), DEPTH))]

    return run


def untrack_engine(store: Any, semantic: bool = False) -> Callable[[str], list[str]]:
    from untrack.search import QueryError, search

    def run(q: str) -> list[str]:
        try:
            return [h.record["id"] for h in search(store, q, limit=DEPTH, semantic=semantic)]
        except QueryError:
            return []

    return run


def resolve(question: dict[str, Any], names: dict[str, str], records: list[dict[str, Any]]) -> list[str]:
    """The record ids a question's (file, anchor) answers name. A headline or subtitle is in
    record 0 (kind "headline"); a block that is no record at all (a header line) stands as
    `DOC#headline`, which no engine returns; an anchor not in the file at all is an error."""
    ids = []
    for want in question["relevant"]:
        doc = names.get(want["doc"])
        anchor = squash(want["anchor"])
        found = [r["id"] for r in records if r["doc"] == doc and anchor in squash(r["text"])]
        if found:
            ids.append(found[0])
        elif anchor in squash((CORPUS / want["doc"]).read_text(encoding="utf-8")):
            ids.append(f"{doc}#headline")
        else:
            raise SystemExit(f"question {question['q']!r}: {want['doc']} holds no block {anchor!r}")
    return ids


def rank_of(ranked: Sequence[str], relevant: Sequence[str]) -> int | None:
    return next((i for i, pid in enumerate(ranked[:DEPTH], 1) if pid in relevant), None)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    show = "--misses" in args
    names_shown = ENGINES + (("untrack+sem",) if "--semantic" in args else ())
    sets = [Path(a) for a in args if not a.startswith("--")] or sorted(QUESTIONS.glob("*.json"))
    if not sets:
        raise SystemExit(f"no question sets given or found in {QUESTIONS}")
    with tempfile.TemporaryDirectory(prefix="untrack-eval-") as tmp:
        folder = Path(tmp)
        files = documents()
        store, names, records = build_untrack(folder, files)
        engines = {
            "untrack": untrack_engine(store),
            "whoosh": whoosh_engine(folder, records),
            "fts5": fts5_engine(folder, records),
        }
        if "untrack+sem" in names_shown:
            engines["untrack+sem"] = untrack_engine(store, semantic=True)
        print(f"corpus: {len(files)} releases, {len(records)} records")
        for path in sets:
            questions = json.loads(path.read_text(encoding="utf-8"))
            scores: dict[tuple[str, str], list[float]] = defaultdict(list)
            top3: dict[tuple[str, str], list[int]] = defaultdict(list)
            missed = []
            headline_only = 0
            for q in questions:
                relevant = resolve(q, names, records)
                headline_only += all(r.endswith("#headline") for r in relevant)
                for name, engine in engines.items():
                    rank = rank_of(engine(q["q"]), relevant)
                    for kind in (q.get("kind", "other"), "all"):
                        scores[name, kind].append(1 / rank if rank else 0.0)
                        top3[name, kind].append(1 if rank and rank <= TOP else 0)
                    if name == "untrack" and (not rank or rank > TOP):
                        missed.append((rank, q))
            print(f"\n== {path.name} ({len(questions)} questions; {headline_only} answered only by a headline)")
            print(f"{'kind':<11}{'n':>4}  " + "  ".join(f"{e + ' MRR/s@3':>18}" for e in names_shown))
            kinds = sorted({k for _, k in scores if k != "all"}) + ["all"]
            for kind in kinds:
                n = len(scores["untrack", kind])
                cells = [
                    f"{sum(scores[e, kind]) / n:.3f} / {sum(top3[e, kind]) / n:.3f}".rjust(18) for e in names_shown
                ]
                print(f"{kind:<11}{n:>4}  " + "  ".join(cells))
            if show:
                for rank, q in missed:
                    print(f"  rank {rank or '>10'}: [{q.get('kind')}] {q['q']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
