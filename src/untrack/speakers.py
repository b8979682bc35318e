"""Who spoke: speakers with their affiliation and paragraph counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable

from .textutil import fold


@dataclass
class SpeakerRow:
    speaker: str
    affiliation: str | None
    paragraphs: int
    documents: int

    def as_json(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "affiliation": self.affiliation,
            "paragraphs": self.paragraphs,
            "documents": self.documents,
        }


def speaker_table(records: Iterable[dict[str, Any]]) -> list[SpeakerRow]:
    """One row per speaker (case- and accent-insensitive), most paragraphs first."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    affiliations: dict[str, Counter[str]] = {}
    docs: dict[str, set[str]] = {}
    for rec in records:
        name = rec.get("speaker")
        if not name:
            continue
        key = fold(name)
        counts[key] += 1
        names.setdefault(key, name)
        docs.setdefault(key, set()).add(rec["doc"])
        if rec.get("affiliation"):
            affiliations.setdefault(key, Counter())[rec["affiliation"]] += 1
    _merge_short_names(counts, names, affiliations, docs)
    rows = [
        SpeakerRow(
            names[k],
            affiliations[k].most_common(1)[0][0] if k in affiliations else None,
            n,
            len(docs[k]),
        )
        for k, n in counts.items()
    ]
    rows.sort(key=lambda r: (-r.paragraphs, fold(r.speaker)))
    return rows


def _merge_short_names(
    counts: Counter[str], names: dict[str, str], affiliations: dict[str, Counter[str]], docs: dict[str, set[str]]
) -> None:
    """Fold 'Bachelet' into 'Michelle Bachelet' when exactly one longer name ends with it,
    so one person quoted in several releases is one speaker."""
    for short in sorted(counts, key=lambda k: len(k.split())):
        words = short.split()
        longer = [k for k in counts if k != short and len(k.split()) > len(words) and k.split()[-len(words) :] == words]
        if len(longer) != 1:
            continue
        full = longer[0]
        counts[full] += counts.pop(short)
        docs[full] |= docs.pop(short)
        if short in affiliations:
            affiliations.setdefault(full, Counter()).update(affiliations.pop(short))
        names.pop(short, None)
