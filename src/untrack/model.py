"""Plain data records shared by the parser, the index and the CLI.

Kept free of Whoosh, Typer and Rich so every layer can import it cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Paragraph:
    """One body paragraph of a release, with the speaker it reports."""

    n: int
    text: str
    section: str | None = None
    # "paragraph", "heading" for a section heading (kept as a record, never a speaker), or
    # "headline" for record 0, the release's headline and subtitles.
    kind: str = "paragraph"
    speaker: str | None = None
    speaker_raw: str | None = None
    affiliation: str | None = None
    # What the release calls the speaker besides the affiliation: "General Assembly President"
    # for "Nassir Abdulaziz Al-Nasser (Qatar)", "on behalf of the President of the Economic and
    # Social Council" for a delegate standing in.
    role: str | None = None
    # Set when the paragraph reads like a statement but no speaker could be found.
    unattributed: bool = False


@dataclass
class Document:
    """A parsed release: metadata plus its paragraphs in document order."""

    doc: str
    title: str | None = None
    date: str | None = None
    symbol: str | None = None
    body: str | None = None
    meeting: list[str] = field(default_factory=list)
    subtitles: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        """Flatten into the JSON records that `export` prints and the index stores: the headline
        first (number 0: a question can be answered by a release's headline), then the paragraphs."""
        head = [headline_record(self)] if self.title else []
        return head + [paragraph_record(self, p) for p in self.paragraphs]


def headline_record(doc: Document) -> dict[str, Any]:
    """The release's headline and subtitles as record 0, kind "headline" (no speaker)."""
    text = " — ".join([doc.title or "", *doc.subtitles])
    return {**paragraph_record(doc, Paragraph(n=0, text=text, kind="headline")), "section": None}


def paragraph_record(doc: Document, p: Paragraph) -> dict[str, Any]:
    """The JSON record for one paragraph of one document."""
    return {
        "id": f"{doc.doc}#{p.n}",
        "doc": doc.doc,
        "n": p.n,
        "kind": p.kind,
        "title": doc.title,
        "date": doc.date,
        "symbol": doc.symbol,
        "body": doc.body,
        "meeting": list(doc.meeting),
        "section": p.section,
        "speaker": p.speaker,
        "speaker_raw": p.speaker_raw,
        "affiliation": p.affiliation,
        "role": p.role,
        "text": p.text,
    }
