"""Speaker attribution against gold labels: accuracy, speaker-paragraph recall, false speakers,
and the misses grouped by the pattern of the paragraph they happen in.

    python eval/attribution.py [GOLD.json or FOLDER ...] [--misses] [--json]

Each gold file names its document (`"doc"`), looked up beside it, then in `eval/corpus/`. Documents
are parsed and attributed in this process with the library (no index is built), and labels are
matched as the shared scorer matches them: the first record whose whitespace-collapsed text holds the
label's anchor.

- accuracy: labels passed / labels scored (`"skip"` is not scored)
- speaker-paragraph recall: paragraphs with a gold speaker that get a matching speaker
- false speakers: paragraphs whose gold is null that get a speaker, over all null paragraphs
- misses by pattern: a rough, descriptive grouping of what the missed paragraph looks like, to show
  where rules are wanting (never used by untrack itself)
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def gold_files(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out += sorted(p.glob("*.gold.json")) if p.is_dir() else [p]
    return out


def find_document(gold_path: Path, name: str) -> Path:
    for candidate in (gold_path.parent / name, CORPUS / name, gold_path.parent.parent / "corpus" / name):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"{gold_path}: document {name} not found beside it or in {CORPUS}")


def records_of(path: Path) -> list[dict[str, Any]]:
    from untrack.sources import Source, load

    doc, _, _ = load(Source.of(path))
    return doc.records()


# Descriptive groups for misses, tried in order on the paragraph's first sentence.
_PATTERNS = [
    ("continuation with a pronoun", r"^[^.]{0,80}\b(he|she|they|it)\s+(added|continued|said|noted|went on)"),
    ("inversion (also briefing was X)", r"^(Also|Next|Then)\s+\w+ing\s+(was|were)\b"),
    ("Mr./Ms. NAME (Country)", r"^(Mr|Ms|Mrs|Sir|Dame|Dr)\.?\s+[A-Z][A-Z'-]+"),
    ("the representative/delegate of X", r"\b(representative|delegate|observer|speaker)s? (of|for)\b"),
    ("title, Name, ... (appositive)", r"^(The |Its )?[A-Z][\w-]+(?: [\w-]+){0,8}, [A-Z][\w.-]+ [A-Z][\w'-]+"),
    ("long title before the name", r"^(Under-|Assistant |Deputy |Special |Executive |High |Director|Chair)"),
    ("opens with a quotation", r"^[“\"‘']"),
    ("opens with a participle clause", r"^(\w+ing|In |On |As |While |Turning |Speaking )"),
]
PATTERNS = [
    (name, re.compile(rx, re.I if name.startswith(("continuation", "inversion", "the rep")) else 0))
    for name, rx in _PATTERNS
]


def pattern_of(text: str) -> str:
    for name, rx in PATTERNS:
        if rx.search(text[:200]):
            return name
    return "other"


def score(golds: list[Path]) -> dict[str, Any]:
    totals: Counter[str] = Counter()
    by_pattern: dict[str, list[str]] = defaultdict(list)
    per_doc: list[tuple[str, int, int]] = []
    misses: list[dict[str, Any]] = []
    for gpath in golds:
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        records = [r for r in records_of(find_document(gpath, gold["doc"])) if r["kind"] in ("paragraph", "heading")]
        texts = [squash(r["text"]) for r in records]
        ok = scored = 0
        for i, label in enumerate(gold["labels"]):
            want = label.get("speaker")
            if want == "skip":
                continue
            anchor = squash(label["anchor"])
            # The anchor is the block's opening. The shared format matches a record that contains it;
            # but a short header line that is no record ("Special Committee on") would then match the
            # middle of a paragraph that happens to hold its words, so a record that starts with the
            # anchor is preferred, and one that merely contains it counts only for a full-length anchor.
            hit = next((r for r, t in zip(records, texts, strict=True) if t.startswith(anchor)), None)
            if hit is None and len(anchor) >= 50:
                hit = next((r for r, t in zip(records, texts, strict=True) if anchor in t), None)
            got = hit.get("speaker") if hit else None
            scored += 1
            if want is None:
                totals["null"] += 1
                good = hit is None or not got
                if not good:
                    totals["false speaker"] += 1
                    kind = "false speaker"
            else:
                totals["speaker"] += 1
                good = hit is not None and bool(got) and any(fold(t) in fold(str(got)) for t in want)
                if good:
                    totals["speaker found"] += 1
                else:
                    kind = "not found" if hit is None else ("no speaker" if not got else "wrong speaker")
                    totals[kind] += 1
            ok += good
            if not good:
                text = hit["text"] if hit else label["anchor"]
                group = pattern_of(text)
                by_pattern[group].append(f"{gold['doc']} #{i}")
                misses.append(
                    {
                        "doc": gold["doc"],
                        "block": i,
                        "kind": kind,
                        "pattern": group,
                        "want": want,
                        "got": got,
                        "text": squash(text)[:160],
                    }
                )
        per_doc.append((gold["doc"], ok, scored))
    ok = sum(o for _, o, _ in per_doc)
    scored = sum(s for _, _, s in per_doc)
    return {
        "documents": len(per_doc),
        "labels": scored,
        "accuracy": ok / scored if scored else 0.0,
        "speaker_paragraphs": totals["speaker"],
        "speaker_recall": totals["speaker found"] / totals["speaker"] if totals["speaker"] else 0.0,
        "null_paragraphs": totals["null"],
        "false_speakers": totals["false speaker"],
        "false_speaker_rate": totals["false speaker"] / totals["null"] if totals["null"] else 0.0,
        "missed": {k: totals[k] for k in ("no speaker", "wrong speaker", "not found")},
        "by_pattern": {k: len(v) for k, v in sorted(by_pattern.items(), key=lambda kv: -len(kv[1]))},
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    show, as_json = "--misses" in args, "--json" in args
    golds = gold_files([a for a in args if not a.startswith("--")] or [str(HERE / "gold")])
    if not golds:
        raise SystemExit("no gold files given or found")
    r = score(golds)
    if as_json:
        print(json.dumps(r, ensure_ascii=False, indent=1))
        return 0
    print(f"documents: {r['documents']}   labels scored: {r['labels']}")
    print(f"accuracy:                 {r['accuracy']:.1%}")
    print(f"speaker-paragraph recall: {r['speaker_recall']:.1%} of {r['speaker_paragraphs']}")
    print(
        f"false speakers:           {r['false_speakers']} of {r['null_paragraphs']} null paragraphs "
        f"({r['false_speaker_rate']:.1%})"
    )
    print("missed speakers: " + ", ".join(f"{k} {v}" for k, v in r["missed"].items()))
    print("misses by pattern:")
    for name, n in r["by_pattern"].items():
        print(f"  {n:4}  {name}")
    if show:
        for m in r["misses"]:
            print(
                f"- {m['doc']} #{m['block']} [{m['kind']}; {m['pattern']}] want {m['want']!r} got {m['got']!r}: "
                f"{m['text']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
