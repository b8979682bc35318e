#!/usr/bin/env python
"""untrack benchmark: build, memory, size, warm and cold query latency, against plain Whoosh and SQLite FTS5.

    python bench/run.py                      # 1, 100 and 1,000 releases (a few minutes)
    python bench/run.py --quick              # 1 and 10 releases, few repeats (a smoke run)
    python bench/run.py --sizes 1,100 --out /tmp/bench   # keep the corpus, indexes and results.json

Prints the machine, the commit and one markdown table (see bench/README.md for the columns).
Every measurement runs in a fresh child process of this script (`run.py _worker JOB`), so
each build's peak memory is its own and no engine warms another's caches in-process.
Nothing here asserts anything about timings.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

# The fixed query mix: (label, untrack query, --speaker, FTS5 MATCH expression or None for n/a).
# Plain Whoosh gets the same query string as untrack (its parser reads the same syntax) and
# the speaker as a filter; FTS5 gets a translation: column-qualified, NOT as FTS5 writes it,
# the question's words OR'd without Whoosh's stop words (which, like Whoosh, it would
# otherwise score), and no fuzzy matching at all.
QUERIES: list[tuple[str, str, str | None, str | None]] = [
    ("common term", "trafficking", None, "text:trafficking"),
    ("rare term", "footballers", None, "text:footballers"),
    ("phrase", '"trust fund"', None, 'text:"trust fund"'),
    ("boolean", "victims AND NOT children", None, "text:victims NOT text:children"),
    ("prefix", "traffick*", None, "text:traffick*"),
    ("fuzzy", "traficking~", None, None),
    (
        "question",
        "which countries donated money to the trust fund",
        None,
        "text:(which OR countries OR donated OR money OR trust OR fund)",
    ),
    ("speaker filter", "courts", "bachelet", "text:courts AND speaker:bachelet"),
]
# What `untrack search` runs for a query (search, then a spelling check): untrack only.
CLI_PATH_LABEL = "question + spelling check (CLI path)"
COLD_QUERY = "which countries donated money to the trust fund"
PAGE = os.sysconf("SC_PAGE_SIZE")


# =========================================================================== worker side
# Each function runs in a child process, gets the job dict, returns a JSON-able dict.


def _records(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def w_parse(job: dict[str, Any]) -> dict[str, Any]:
    """untrack's parser and attribution over the files, one process: the records every engine indexes."""
    from untrack.sources import parse_text

    seconds, n, paragraphs, chars, speakers = 0.0, 0, 0, 0, set()
    with open(job["records"], "w", encoding="utf-8") as out:
        for path in map(Path, job["files"]):
            text = path.read_text(encoding="utf-8")
            t = time.perf_counter()
            recs = parse_text(path.stem, text).records()
            seconds += time.perf_counter() - t
            for r in recs:
                n += 1
                paragraphs += r["kind"] == "paragraph"
                chars += len(r["text"])
                if r.get("speaker"):
                    speakers.add(r["speaker"])
                keep = {"id": r["id"], "kind": r["kind"], "speaker": r.get("speaker"), "text": r["text"]}
                out.write(json.dumps(keep, ensure_ascii=False) + "\n")
    return {"seconds": seconds, "records": n, "paragraphs": paragraphs, "chars": chars, "speakers": len(speakers)}


def w_untrack_build(job: dict[str, Any]) -> dict[str, Any]:
    from untrack.index import IndexStore
    from untrack.sources import Source

    sources = [Source.of(Path(p)) for p in job["files"]]
    store = IndexStore(Path(job["index"]))
    t = time.perf_counter()
    report = store.update(sources, rebuild=True)
    seconds = time.perf_counter() - t
    return {
        "seconds": seconds,
        "indexed": report.indexed,
        "paragraphs": report.paragraphs,
        "failed": len(report.failed),
    }


def w_untrack_reindex(job: dict[str, Any]) -> dict[str, Any]:
    from untrack.index import IndexStore
    from untrack.sources import Source

    sources = [Source.of(Path(p)) for p in job["files"]]
    store = IndexStore(Path(job["index"]))
    t = time.perf_counter()
    report = store.update(sources)
    seconds = time.perf_counter() - t
    return {"seconds": seconds, "unchanged": len(report.unchanged), "added": len(report.added)}


def w_whoosh_build(job: dict[str, Any]) -> dict[str, Any]:
    """The plain setup: StemmingAnalyzer on a stored text field, default writer, one commit."""
    from whoosh import index
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import ID, TEXT, Schema

    records = _records(job["records"])
    folder = Path(job["index"])
    folder.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    schema = Schema(id=ID(stored=True), speaker=TEXT(), text=TEXT(analyzer=StemmingAnalyzer(), stored=True))
    ix = index.create_in(str(folder), schema)
    writer = ix.writer()
    for r in records:
        fields = {"id": r["id"], "text": r["text"]}
        if r["speaker"]:
            fields["speaker"] = r["speaker"]
        writer.add_document(**fields)
    writer.commit()
    return {"seconds": time.perf_counter() - t, "records": len(records)}


def w_fts5_build(job: dict[str, Any]) -> dict[str, Any]:
    import sqlite3

    records = _records(job["records"])
    db = Path(job["index"])
    db.unlink(missing_ok=True)
    t = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE p USING fts5(text, speaker, id UNINDEXED, tokenize='porter')")
    con.executemany(
        "INSERT INTO p (text, speaker, id) VALUES (?, ?, ?)",
        ((r["text"], r["speaker"] or "", r["id"]) for r in records),
    )
    con.commit()
    con.close()
    return {"seconds": time.perf_counter() - t, "records": len(records)}


def _timed(fn: Callable[[], int], job: dict[str, Any]) -> dict[str, Any]:
    """Run fn once to warm up, then up to `repeats` times (at least `min_repeats`, and no
    more once `budget` seconds are spent); fn returns its number of hits."""
    hits = fn()
    times: list[float] = []
    start = time.perf_counter()
    while len(times) < job["repeats"]:
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
        if len(times) >= job["min_repeats"] and time.perf_counter() - start > job["budget"]:
            break
    return {"ms": times, "hits": hits}


def w_untrack_query(job: dict[str, Any]) -> dict[str, Any]:
    from untrack.index import IndexStore
    from untrack.query import Filters
    from untrack.search import search, search_with_suggestions

    store = IndexStore(Path(job["index"]))
    out: dict[str, Any] = {}
    for label, query, speaker, _ in QUERIES:
        filters = Filters(speaker=speaker) if speaker else None

        def run(query: str = query, filters: Filters | None = filters) -> int:
            hits = search(store, query, limit=10, filters=filters)
            for h in hits:  # computed by search(); touched so nothing lazy is left out
                _ = (h.matches, h.snippet)
            return len(hits)

        out[label] = _timed(run, job)

    def cli_path() -> int:
        return len(search_with_suggestions(store, COLD_QUERY, limit=10).hits)

    out[CLI_PATH_LABEL] = _timed(cli_path, job)
    return out


def w_whoosh_query(job: dict[str, Any]) -> dict[str, Any]:
    from whoosh import index
    from whoosh.qparser import FuzzyTermPlugin, OrGroup, QueryParser
    from whoosh.query import Term

    ix = index.open_dir(job["index"])
    parser = QueryParser("text", ix.schema, group=OrGroup)
    parser.add_plugin(FuzzyTermPlugin())  # `term~` is not in Whoosh's default parser
    out: dict[str, Any] = {}
    for label, query, speaker, _ in QUERIES:
        flt = Term("speaker", speaker) if speaker else None

        def run(query: str = query, flt: Any = flt) -> int:
            with ix.searcher() as s:
                results = s.search(parser.parse(query), limit=10, filter=flt)
                highlights = [hit.highlights("text") for hit in results]
            return len(highlights)

        out[label] = _timed(run, job)
    return out


def w_fts5_query(job: dict[str, Any]) -> dict[str, Any]:
    import sqlite3

    con = sqlite3.connect(job["index"])
    sql = "SELECT id, snippet(p, 0, '[', ']', '…', 32) FROM p WHERE p MATCH ? ORDER BY rank LIMIT 10"
    out: dict[str, Any] = {}
    for label, _, _, match in QUERIES:
        if match is None:
            continue

        def run(match: str = match) -> int:
            return len(con.execute(sql, (match,)).fetchall())

        out[label] = _timed(run, job)
    return out


WORKERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "parse": w_parse,
    "untrack_build": w_untrack_build,
    "untrack_reindex": w_untrack_reindex,
    "whoosh_build": w_whoosh_build,
    "fts5_build": w_fts5_build,
    "untrack_query": w_untrack_query,
    "whoosh_query": w_whoosh_query,
    "fts5_query": w_fts5_query,
}


def worker_main(jobfile: str) -> None:
    job = json.loads(Path(jobfile).read_text(encoding="utf-8"))
    result = WORKERS[job["kind"]](job)
    Path(jobfile + ".out").write_text(json.dumps(result), encoding="utf-8")


# =========================================================================== parent side


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            kids.setdefault(ppid, []).append(int(name))
    return kids


def tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants (sum of RSS)."""
    kids, total, stack = _children(), 0, [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            pass
        stack += kids.get(pid, [])
    return total


class JobFailed(Exception):
    pass


def run_job(workdir: Path, kind: str, watch: Path | None = None, **params: Any) -> dict[str, Any]:
    """Run one worker job in a child process; add its wall time, CPU (with its reaped
    children), and peak memory: the larger of the sampled process-tree RSS and ru_maxrss.
    With `watch` (the folder a build writes), also the peak disk it and the job's own
    temporary folder held together, sampled twice a second."""
    workdir.mkdir(parents=True, exist_ok=True)
    jobfile = workdir / f"job-{kind}-{time.time_ns()}.json"
    jobfile.write_text(json.dumps({"kind": kind, **params}), encoding="utf-8")
    errfile = jobfile.with_suffix(".err")
    tmp = workdir / f"tmp-{kind}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    with open(errfile, "wb") as err:
        t = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "_worker", str(jobfile)],
            stderr=err,
            env={**os.environ, "TMPDIR": str(tmp)},
        )
        peak = [0]
        disk = [0]
        done = threading.Event()

        def sample() -> None:
            k = 0
            while not done.wait(0.1):
                peak[0] = max(peak[0], tree_rss(proc.pid))
                k += 1
                if watch is not None and k % 5 == 0:
                    disk[0] = max(disk[0], _size_now(watch) + _size_now(tmp))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        done.set()
        sampler.join()
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    if code != 0:
        tail = errfile.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-15:]
        raise JobFailed(f"{kind} exited {code}:\n    " + "\n    ".join(tail))
    result = json.loads(Path(str(jobfile) + ".out").read_text(encoding="utf-8"))
    result["_wall"] = wall
    result["_cpu"] = ru.ru_utime + ru.ru_stime
    result["_peak_mb"] = max(peak[0], ru.ru_maxrss * 1024) / 2**20
    if watch is not None:
        result["_peak_disk_mb"] = max(disk[0], _size_now(watch)) / 2**20
    shutil.rmtree(tmp, ignore_errors=True)
    return result


def _size_now(path: Path) -> int:
    """Bytes under `path` at this moment (files may come and go while it is summed)."""
    total = 0
    for root, _, names in os.walk(path):
        for name in names:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


def cold_runs(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Whole-process latency: each command once untimed (page cache), then `runs` times,
    interleaved so drift hits all alike; CPU is user+sys of the process and its children."""
    out: dict[str, dict[str, Any]] = {name: {"cpu_ms": [], "wall_ms": [], "codes": []} for name in commands}
    for i in range(runs + 1):
        for name, cmd in commands.items():
            with tempfile.TemporaryFile() as err:
                t = time.perf_counter()
                proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env)
                _, status, ru = os.wait4(proc.pid, 0)
                wall = time.perf_counter() - t
                proc.returncode = code = os.waitstatus_to_exitcode(status)
                if code not in (0, 1):
                    err.seek(0)
                    raise JobFailed(f"{' '.join(cmd)} exited {code}: {err.read().decode(errors='replace')[-800:]}")
            if i == 0:
                continue
            out[name]["cpu_ms"].append((ru.ru_utime + ru.ru_stime) * 1000)
            out[name]["wall_ms"].append(wall * 1000)
            out[name]["codes"].append(code)
    return out


def dir_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def untrack_command() -> list[str]:
    script = Path(sys.executable).parent / "untrack"
    return [str(script)] if script.exists() else [sys.executable, "-m", "untrack"]


def p95(values: list[float]) -> float:
    s = sorted(values)
    return s[max(0, math.ceil(0.95 * len(s)) - 1)]


def machine() -> list[str]:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip() or str(os.cpu_count())

    def version(dist: str) -> str:
        from importlib.metadata import PackageNotFoundError
        from importlib.metadata import version as v

        try:
            return v(dist)
        except PackageNotFoundError:
            return "absent"

    import sqlite3

    git = ["git", "-C", str(REPO)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run([*git, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True)
    commit = (head or "unknown") + (" (with uncommitted changes)" if dirty.stdout.strip() else "")
    return [
        f"- machine: {nproc} cores (nproc), {model}, {platform.system()} {platform.release()}, "
        f"{round(os.sysconf('SC_PHYS_PAGES') * PAGE / 2**30)} GB RAM",
        f"- Python {platform.python_version()}; whoosh-reloaded {version('whoosh-reloaded')}, "
        f"typer {version('typer')}, rich {version('rich')}, SQLite {sqlite3.sqlite_version}",
        f"- commit: {commit}",
    ]


# --------------------------------------------------------------------------- formatting


def num(x: float | None, unit: str = "") -> str:
    if x is None:
        return "—"
    if x >= 100:
        s = f"{x:,.0f}"
    elif x >= 10:
        s = f"{x:.1f}"
    elif x >= 1 or x == 0:
        s = f"{x:.2f}"
    else:
        s = f"{x:#.2g}"
    return s + unit


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "—"
    r = a / b
    return f"{r:.2f}×" if r < 10 else f"{r:.0f}×"


class Table:
    HEAD = ["releases", "measure", "untrack", "plain Whoosh", "SQLite FTS5", "untrack ÷ Whoosh", "untrack ÷ FTS5"]

    def __init__(self) -> None:
        self.rows: list[list[str]] = []

    def add(self, size: str, measure: str, u: str, w: str = "—", f: str = "—", rw: str = "—", rf: str = "—") -> None:
        self.rows.append([size, measure, u, w, f, rw, rf])

    def render(self) -> str:
        widths = [max(len(r[i]) for r in [self.HEAD, *self.rows]) for i in range(len(self.HEAD))]
        right = {2, 3, 4, 5, 6}

        def line(cells: list[str]) -> str:
            return (
                "| "
                + " | ".join(
                    c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
                )
                + " |"
            )

        sep = "|" + "|".join(("-" * (w + 1) + ":") if i in right else "-" * (w + 2) for i, w in enumerate(widths)) + "|"
        return "\n".join([line(self.HEAD), sep, *(line(r) for r in self.rows)])


# --------------------------------------------------------------------------- the run


def log(message: str) -> None:
    sys.stderr.write(f"bench: {message}\n")
    sys.stderr.flush()


def bench_size(n: int, files: list[Path], work: Path, args: argparse.Namespace, env: dict[str, str]) -> dict[str, Any]:
    """Every measurement for one corpus size; failures are recorded, not fatal."""
    d = work / f"n{n}"
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    jobs = d / "jobs"
    files_s = [str(p) for p in files[:n]]
    res: dict[str, Any] = {"size": n, "errors": []}
    query_opts = {"repeats": args.repeats, "min_repeats": min(5, args.repeats), "budget": args.budget}

    def step(name: str, kind: str, watch: Path | None = None, **params: Any) -> dict[str, Any] | None:
        log(f"{n} releases: {name} …")
        try:
            r = run_job(jobs, kind, watch=watch, **params)
        except JobFailed as e:
            log(f"{n} releases: {name} FAILED: {e}")
            res["errors"].append(f"{name}: {e}")
            return None
        if "seconds" in r:
            log(f"{n} releases: {name}: {r['seconds']:.2f} s, peak {r['_peak_mb']:.0f} MB")
        res[name] = r
        return r

    records = str(d / "records.jsonl")
    step("parse", "parse", files=files_s, records=records)
    step("untrack build", "untrack_build", watch=d / "untrack", files=files_s, index=str(d / "untrack"))
    if "untrack build" in res:
        res["untrack size"] = dir_size((d / "untrack" / "current").resolve())
        step("untrack reindex", "untrack_reindex", files=files_s, index=str(d / "untrack"))
        # 1% of the releases change (at least one): a sentence is added to each, then taken out again.
        changed = files[:n:100][: max(1, n // 100)]
        originals = {p: p.read_bytes() for p in changed}
        try:
            for p in changed:
                p.write_bytes(originals[p] + b"\n\nThe representative of Chile said the meeting was changed.\n")
            step("untrack update 1%", "untrack_reindex", watch=d / "untrack", files=files_s, index=str(d / "untrack"))
        finally:
            for p, data in originals.items():
                p.write_bytes(data)
    if "parse" in res:
        if step("whoosh build", "whoosh_build", watch=d / "whoosh", records=records, index=str(d / "whoosh")):
            res["whoosh size"] = dir_size(d / "whoosh")
        if step("fts5 build", "fts5_build", records=records, index=str(d / "fts5.db")):
            res["fts5 size"] = dir_size(d / "fts5.db")
    if "untrack build" in res:
        step("untrack queries", "untrack_query", index=str(d / "untrack"), **query_opts)
    if "whoosh build" in res:
        step("whoosh queries", "whoosh_query", index=str(d / "whoosh"), **query_opts)
    if "fts5 build" in res:
        step("fts5 queries", "fts5_query", index=str(d / "fts5.db"), **query_opts)
    if "untrack build" in res and n in args.cold_sizes:
        log(f"{n} releases: cold whole-process searches ({args.cold_runs} runs each) …")
        index = str(d / "untrack")
        commands = {
            "untrack search": [*untrack_command(), "search", COLD_QUERY, "--index", index],
            "bare script": [sys.executable, str(HERE / "bare_search.py"), index, COLD_QUERY],
        }
        try:
            res["cold"] = cold_runs(commands, args.cold_runs, env)
        except JobFailed as e:
            log(f"{n} releases: cold runs FAILED: {e}")
            res["errors"].append(f"cold: {e}")
    return res


def table_for(results: list[dict[str, Any]], startup: dict[str, Any] | None) -> str:
    t = Table()
    med = statistics.median
    if startup:
        cpu = {k: med(v["cpu_ms"]) for k, v in startup.items()}
        wall = {k: med(v["wall_ms"]) for k, v in startup.items()}
        t.add("—", "cold `python -c pass`, CPU ms (wall)", f"{num(cpu['python'])} ({num(wall['python'])})")
        t.add(
            "—",
            "cold `untrack --help`, CPU ms (wall); Whoosh: `import whoosh.index, whoosh.qparser`",
            f"{num(cpu['untrack --help'])} ({num(wall['untrack --help'])})",
            f"{num(cpu['import whoosh'])} ({num(wall['import whoosh'])})",
            rw=ratio(cpu["untrack --help"], cpu["import whoosh"]),
        )
    for r in results:
        n = f"{r['size']:,}"
        parse, ub, uw, fb = r.get("parse"), r.get("untrack build"), r.get("whoosh build"), r.get("fts5 build")
        if parse:
            t.add(
                n,
                "corpus: paragraphs (incl. headings), MB of text",
                f"{parse['records']:,} ({parse['chars'] / 2**20:.1f} MB)",
            )
            t.add(n, "parse + attribute alone, s (1 process; baselines' input)", num(parse["seconds"]))
        u_s, w_s, f_s = (x["seconds"] if x else None for x in (ub, uw, fb))

        def three(measure: str, values: list[float | None], n: str = n) -> None:
            u, w, f = values
            t.add(n, measure, num(u), num(w), num(f), ratio(u, w), ratio(u, f))

        three("build, s (untrack: from files, incl. parsing)", [u_s, w_s, f_s])
        if parse:
            three("build throughput, paragraphs/s", [parse["records"] / s if s else None for s in (u_s, w_s, f_s)])
        three("build CPU (user+sys, all processes), s", [x["_cpu"] if x else None for x in (ub, uw, fb)])
        three("build peak memory, MB", [x["_peak_mb"] if x else None for x in (ub, uw, fb)])
        sizes = [r.get(k) for k in ("untrack size", "whoosh size", "fts5 size")]
        three("index size on disk, MB", [x / 2**20 if x is not None else None for x in sizes])
        uq, wq, fq = (r.get(k) or {} for k in ("untrack queries", "whoosh queries", "fts5 queries"))
        for label, query, speaker, _ in QUERIES:
            shown = f"`{query}`" + (f" --speaker {speaker}" if speaker else "")
            cells: list[str] = []
            p50s: list[float | None] = []
            for q in (uq, wq, fq):
                m = q.get(label)
                if m:
                    p50s.append(med(m["ms"]))
                    cells.append(f"{num(p50s[-1])} / {num(p95(m['ms']))}")
                else:
                    p50s.append(None)
                    cells.append("n/a" if q else "—")
            u, w, f = cells
            t.add(n, f"warm p50 / p95 ms: {label}, {shown}", u, w, f, ratio(p50s[0], p50s[1]), ratio(p50s[0], p50s[2]))
        m = uq.get(CLI_PATH_LABEL)
        if m:
            t.add(n, f"warm p50 / p95 ms: {CLI_PATH_LABEL}", f"{num(med(m['ms']))} / {num(p95(m['ms']))}", "n/a", "n/a")
        disk = [x.get("_peak_disk_mb") if x else None for x in (ub, uw)]
        if any(disk):
            t.add(n, "build peak disk (index + temporary files), MB", num(disk[0]), num(disk[1]), "—", ratio(*disk))
        ri = r.get("untrack reindex")
        if ri and ub:
            share = f"{num(ri['_cpu'])} ({100 * ri['_cpu'] / ub['_cpu']:.1f}%)"
            t.add(n, "unchanged re-index, CPU s (% of full build's CPU)", share, "n/a", "n/a")
        up = r.get("untrack update 1%")
        if up and ub:
            share = f"{num(up['_cpu'])} ({100 * up['_cpu'] / ub['_cpu']:.1f}%)"
            t.add(n, "re-index with 1% of releases changed, CPU s (% of full build's CPU)", share, "n/a", "n/a")
            t.add(n, "re-index with 1% changed, peak disk MB", num(up.get("_peak_disk_mb")), "n/a", "n/a")
        cold = r.get("cold")
        if cold:
            uc, bc = cold["untrack search"], cold["bare script"]
            t.add(
                n,
                "cold `untrack search` (question), CPU ms (wall); Whoosh: bare script",
                f"{num(med(uc['cpu_ms']))} ({num(med(uc['wall_ms']))})",
                f"{num(med(bc['cpu_ms']))} ({num(med(bc['wall_ms']))})",
                "n/a",
                ratio(med(uc["cpu_ms"]), med(bc["cpu_ms"])),
            )
    return t.render()


def growth_for(results: list[dict[str, Any]], target: int = 60_000) -> str:
    """How each cost grows with the corpus: the exponent k of cost ∝ releases^k between the
    smallest and the largest size of at least 100 releases, and the cost at `target` releases
    extrapolated along it (a straight line on log-log axes: a guide, not a measurement)."""
    big = [r for r in results if r["size"] >= 100]
    if len(big) < 2:
        return ""
    lo, hi = big[0], big[-1]
    span = math.log(hi["size"] / lo["size"])
    med = statistics.median
    rows: list[tuple[str, str, float | None, float | None]] = []

    def cost(r: dict[str, Any], engine: str, what: str) -> float | None:
        if what == "build":
            job = r.get(f"{engine} build")
            return job["_cpu"] if job else None
        m = (r.get(f"{engine} queries") or {}).get(what)
        return med(m["ms"]) if m else None

    for engine in ("untrack", "whoosh", "fts5"):
        rows.append((engine, "build CPU, s", cost(lo, engine, "build"), cost(hi, engine, "build")))
    for label, *_ in QUERIES:
        for engine in ("untrack", "fts5"):
            rows.append((engine, f"warm p50 ms: {label}", cost(lo, engine, label), cost(hi, engine, label)))
    out = [
        f"Growth from {lo['size']:,} to {hi['size']:,} releases, and extrapolated to {target:,}:",
        "",
        f"| engine | cost | at {lo['size']:,} | at {hi['size']:,} | exponent | at {target:,} (extrapolated) |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for engine, what, a, b in rows:
        if not a or not b:
            continue
        k = math.log(b / a) / span
        out.append(f"| {engine} | {what} | {num(a)} | {num(b)} | {k:.2f} | {num(b * (target / hi['size']) ** k)} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1,100,1000", help="corpus sizes in releases (default 1,100,1000)")
    ap.add_argument("--quick", action="store_true", help="smoke run: sizes 1,10, few repeats")
    ap.add_argument(
        "--out", type=Path, help="keep corpus, indexes and results.json here (default: a temp dir, removed)"
    )
    ap.add_argument("--repeats", type=int, default=20, help="warm runs per query (default 20)")
    ap.add_argument(
        "--budget", type=float, default=5.0, help="stop a query's warm runs after this many seconds (min 5 runs)"
    )
    ap.add_argument("--cold-runs", type=int, default=7, help="whole-process runs per cold command (default 7)")
    ap.add_argument("--cold-sizes", default="all", help="sizes to run cold searches on (default all)")
    ap.add_argument(
        "--corpus",
        choices=("bundled", "real-mix"),
        default="bundled",
        help="bundled: perturbed copies of the bundled release (default); real-mix: the real releases"
        " of eval/corpus and the bundled one, recombined (varied vocabulary, as a real corpus)",
    )
    args = ap.parse_args(argv)
    if args.quick:
        args.sizes, args.repeats, args.budget, args.cold_runs = "1,10", 5, 1.0, 5
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    args.cold_sizes = set(sizes) if args.cold_sizes == "all" else {int(s) for s in args.cold_sizes.split(",")}
    args.cold_runs = max(5, args.cold_runs)

    started = time.perf_counter()
    work = args.out.resolve() if args.out else Path(tempfile.mkdtemp(prefix="untrack-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("UNTRACK_", "PYTHON"))}
    env.update(NO_COLOR="1", COLUMNS="100", PAGER="cat")
    try:
        sys.path.insert(0, str(HERE))
        from corpus import generate, generate_real_mix

        from untrack.sources import bundled_seed

        log(f"generating {max(sizes):,} releases ({args.corpus}) in {work / 'corpus'} …")
        if args.corpus == "real-mix":
            sources = [*sorted((REPO / "eval" / "corpus").glob("*.txt")), bundled_seed()]
            files = generate_real_mix(sources, work / "corpus", max(sizes))
        else:
            files = generate(bundled_seed(), work / "corpus", max(sizes))

        log(f"cold start-up ({args.cold_runs} runs each) …")
        startup = cold_runs(
            {
                "python": [sys.executable, "-c", "pass"],
                "import whoosh": [sys.executable, "-c", "import whoosh.index, whoosh.qparser"],
                "untrack --help": [*untrack_command(), "--help"],
            },
            args.cold_runs,
            env,
        )
        results = [bench_size(n, files, work, args, env) for n in sizes]
        total = time.perf_counter() - started
        table = table_for(results, startup)
        header = "\n".join(machine())
        command = " ".join(["python bench/run.py", *(argv if argv is not None else sys.argv[1:])])
        print(f"## untrack benchmark\n\n{header}\n- run time: {total / 60:.1f} min (`{command}`)\n")
        print(table)
        growth = growth_for(results)
        if growth:
            print("\n" + growth)
        errors = [e for r in results for e in r["errors"]]
        if errors:
            print("\nerrors:\n" + "\n".join(f"- {e}" for e in errors))
        (work / "results.json").write_text(
            json.dumps({"startup": startup, "results": results, "machine": header, "seconds": total}, indent=1)
        )
        (work / "table.md").write_text(table + "\n")
        if args.out:
            log(f"results in {work / 'results.json'} and {work / 'table.md'}")
    finally:
        if not args.out:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "_worker":
        worker_main(sys.argv[2])
    else:
        main()
