#!/usr/bin/env python3
# Copied unchanged from the project's shared tools so that the tests need nothing outside the repository.
"""Score untrack's speaker attribution against gold answer files.

Usage:
  score_attribution.py [--cmd untrack] [--docs DIR] GOLD.json [GOLD.json ...]

For each gold file it indexes the document named by its "doc" key (looked up in
--docs, default: the gold file's folder, then ../corpus) into a fresh index with
`untrack index --index TMP --rebuild FILE...`, reads every paragraph back with
`untrack export --index TMP` (JSON Lines), and checks each gold label:

  speaker [tokens]  a record whose whitespace-collapsed text contains the anchor
                    must exist, and its "speaker" must contain one of the tokens
                    (case- and accent-insensitive)
  speaker null      if a record contains the anchor, its "speaker" must be null
                    (header lines folded into document metadata may be absent)
  speaker "skip"    not scored
  section / affiliation (optional)  the record's "section" / "affiliation" must
                    contain the given text (scored separately)

Prints one line per failure and a summary; the last line is
"attribution A/B = P%".  Exit status 0 when every scored label passes.
"""
from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def run(cmd: list[str]) -> str:
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        sys.exit(f"command failed ({p.returncode}): {shlex.join(cmd)}\n{p.stderr[-2000:]}")
    return p.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cmd", default="untrack", help="how to call the CLI (default: untrack)")
    ap.add_argument("--docs", help="folder holding the documents named by the gold files")
    ap.add_argument("gold", nargs="+")
    a = ap.parse_args()
    base = shlex.split(a.cmd)

    golds = [(Path(g), json.loads(Path(g).read_text(encoding="utf-8"))) for g in a.gold]
    files = []
    for gpath, g in golds:
        cands = [Path(a.docs) / g["doc"]] if a.docs else []
        cands += [gpath.parent / g["doc"], gpath.parent.parent / "corpus" / g["doc"]]
        f = next((c for c in cands if c.is_file()), None)
        if f is None:
            sys.exit(f"document {g['doc']} not found (tried {', '.join(map(str, cands))})")
        files.append(f)

    with tempfile.TemporaryDirectory() as tmp:
        ix = str(Path(tmp) / "index")
        run(base + ["index", "--index", ix, "--rebuild", *map(str, files)])
        out = run(base + ["export", "--index", ix])
    records = [json.loads(line) for line in out.splitlines() if line.strip()]

    ok = total = 0
    extra_ok = extra_total = 0
    for (gpath, g), f in zip(golds, files):
        stem = f.stem
        recs = [r for r in records if stem in str(r.get("doc", ""))]
        if not recs:
            print(f"{g['doc']}: no exported record has a 'doc' naming {stem!r}")
        d_ok = d_total = 0
        for i, lab in enumerate(g["labels"]):
            want = lab.get("speaker")
            anchor = squash(lab["anchor"])
            hit = next((r for r in recs if anchor in squash(str(r.get("text", "")))), None)
            got = hit.get("speaker") if hit else None
            if want != "skip":
                d_total += 1
                if want is None:
                    good = hit is None or not got
                else:
                    good = hit is not None and bool(got) and any(fold(t) in fold(str(got)) for t in want)
                d_ok += good
                if not good:
                    where = "no record contains it" if hit is None else f"got {got!r}"
                    print(f"{g['doc']} para {i}: want {want!r}, {where}: {anchor[:50]!r}")
            for key in ("section", "affiliation"):
                if key in lab:
                    extra_total += 1
                    val = hit.get(key) if hit else None
                    if val and fold(lab[key]) in fold(str(val)):
                        extra_ok += 1
                    else:
                        print(f"{g['doc']} para {i}: {key} should contain {lab[key]!r}, got {val!r}")
        print(f"{g['doc']}: {d_ok}/{d_total}")
        ok += d_ok
        total += d_total
    if extra_total:
        print(f"sections and affiliations {extra_ok}/{extra_total}")
    pct = 100.0 * ok / total if total else 0.0
    print(f"attribution {ok}/{total} = {pct:.1f}%")
    return 0 if ok == total and extra_ok == extra_total else 1


if __name__ == "__main__":
    sys.exit(main())
