"""In-process scoring against gold files in the shared format (same rules as the
project's shared scorer, so the tests do not need anything outside the repository)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def score(gold: dict[str, Any], records: list[dict[str, Any]]) -> list[str]:
    """Failures (empty when every label passes) of records against one gold file."""
    failures = []
    for i, lab in enumerate(gold["labels"]):
        want = lab.get("speaker")
        anchor = squash(lab["anchor"])
        hit = next((r for r in records if anchor in squash(str(r.get("text", "")))), None)
        got = hit.get("speaker") if hit else None
        if want != "skip":
            if want is None:
                good = hit is None or not got
            else:
                good = hit is not None and bool(got) and any(fold(t) in fold(str(got)) for t in want)
            if not good:
                where = "no record contains it" if hit is None else f"got {got!r}"
                failures.append(f"para {i}: want {want!r}, {where}: {anchor[:50]!r}")
        for key in ("section", "affiliation"):
            if key in lab:
                val = hit.get(key) if hit else None
                if not (val and fold(lab[key]) in fold(str(val))):
                    failures.append(f"para {i}: {key} should contain {lab[key]!r}, got {val!r}")
    return failures


def load_gold(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))
