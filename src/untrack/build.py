"""The build pipeline: which releases are new, changed, moved or unchanged, parsing them (in
worker processes when there are many), and streaming them into a new generation of the store.

:mod:`untrack.index` keeps the store itself (generations, the manifest, the writer lock); this
module decides what goes into the next generation. Parsing (and its compiled rule table) is
imported only here, so reading commands never load it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .folder import IndexFolder
from .index import Generation
from .model import Document
from .textutil import shown_path

if TYPE_CHECKING:
    from .index import IndexStore
    from .sources import Source, WarnFn

__all__ = ["UpdateReport", "find_sources", "new_document_id", "update"]


@dataclass
class UpdateReport:
    """What an index run did, for the summary line."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    paragraphs: int = 0
    unattributed: list[str] = field(default_factory=list)

    @property
    def indexed(self) -> int:
        return len(self.added) + len(self.changed) + len(self.unchanged) + len(self.moved)


def _source_key(path: Path) -> str:
    """What a document is: its file's real path (links and `..` resolved)."""
    return os.path.realpath(path)


def _distinct(sources: list[Source]) -> Iterator[tuple[Source, str]]:
    """Each file once, however many times (or by however many names) it was given, with its
    key (:func:`_source_key`)."""
    seen: set[str] = set()
    for src in sources:
        key = _source_key(src.path)
        if key not in seen:
            seen.add(key)
            yield src, key


_ID_UNSAFE = re.compile(r"[^\w.-]+")


def new_document_id(path: Path, taken: dict[str, str]) -> str:
    """A short, readable id for a new document: its file name without the extension, unless
    another file has that id; then, beside a file of that name in the same folder, the name
    with its extension ('report-html'), and otherwise with its folder's name ('b-report');
    then numbered. `taken` maps the ids in use to their files. Ids never hold '#', ':',
    spaces or control characters, so `DOC#N` and `doc:DOC` always read back."""
    stem = _ID_UNSAFE.sub("_", path.stem).strip("._") or "release"
    kind = _ID_UNSAFE.sub("_", path.suffix.lstrip(".").lower())
    real = Path(_source_key(path))
    folder = _ID_UNSAFE.sub("_", real.parent.name).strip("._")
    by_kind, by_folder = f"{stem}-{kind}" if kind else "", f"{folder}-{stem}" if folder else ""
    beside = stem in taken and Path(taken[stem]).parent == real.parent
    for candidate in (stem, *((by_kind, by_folder) if beside else (by_folder, by_kind))):
        if candidate and candidate not in taken:
            return candidate
    k = 2
    while f"{stem}-{k}" in taken:
        k += 1
    return f"{stem}-{k}"


def _doc_entry(src: Source, doc: Document, digest: str) -> dict[str, Any]:
    """What the manifest remembers of one document."""
    return {
        "sha256": digest,
        "path": _source_key(src.path),
        "title": doc.title,
        "date": doc.date,
        "body": doc.body,
        "symbol": doc.symbol,
        "paragraphs": sum(p.kind == "paragraph" for p in doc.paragraphs),
        "unattributed": [f"{doc.doc}#{p.n}" for p in doc.paragraphs if p.unattributed],
    }


def find_sources(paths: list[Path], warn: WarnFn, follow: bool = False) -> list[Source]:
    from .sources import discover

    return list(discover(paths, warn, follow=follow))


def update(
    store: IndexStore,
    sources: list[Source],
    rebuild: bool = False,
    prune: bool = False,
    warn: WarnFn | None = None,
    progress: Callable[[int, int], None] | None = None,
    roots: list[Path] | None = None,
    optimize: bool = False,
) -> UpdateReport:
    """Add new, replace changed (by SHA-256), skip unchanged releases; swap in a new generation.

    A document is its source file (by real path), not its file name: two releases called
    `report.txt` in two folders are two documents, and a file moved elsewhere is
    recognised by its content. Files are hashed before they are parsed, so unchanged ones
    cost one read; documents are streamed into the Whoosh writer one at a time, so memory
    does not grow with the corpus. `roots` are the files and folders named by the user,
    remembered so that a later run with no paths can refresh from them.
    """
    from .sources import SourceError, content_hash, parse_many, read_bytes

    warn = warn or (lambda message: None)
    # Leftovers of a run that was killed or ran out of disk: only this run can own them now.
    IndexFolder(store.path).remove_own(keep=set(), only=(".building-", ".current-"))

    report = UpdateReport()
    fresh = rebuild or not store.exists()
    old: dict[str, Any] = {} if fresh else store.manifest().get("documents", {})
    known = old if not fresh else store._known_documents()
    docs: dict[str, dict[str, Any]] = dict(old)
    claimed: set[str] = set()
    # 1. Hash every file; only new or changed ones are parsed.
    todo: list[tuple[Source, str]] = []
    unknown: list[tuple[Source, str]] = []
    by_path = {info.get("path"): doc for doc, info in known.items()}
    taken = {doc: str(info.get("path", "")) for doc, info in known.items()}  # id -> its file
    for src, key in _distinct(sources):
        try:
            digest = content_hash(read_bytes(src.path))
        except SourceError as e:
            warn(str(e))
            report.failed.append(str(src.path))
            continue
        doc = by_path.get(key)
        if doc is None or doc in claimed:
            unknown.append((src, digest))
            continue
        claimed.add(doc)
        if old.get(doc, {}).get("sha256") == digest:
            report.unchanged.append(doc)
        else:
            todo.append((replace(src, doc=doc), digest))
    # A new path holding the content of a document whose file is gone: the file moved.
    gone = {
        info.get("sha256"): doc
        for doc, info in known.items()
        if doc not in claimed and not Path(info.get("path", "")).exists()
    }
    for src, digest in unknown:
        doc = gone.pop(digest, None)
        if doc is not None and doc in old:
            docs[doc] = {**old[doc], "path": _source_key(src.path)}
            report.moved.append(doc)
        else:
            doc = doc or new_document_id(src.path, taken)
            todo.append((replace(src, doc=doc), digest))
        claimed.add(doc)
        taken[doc] = _source_key(src.path)
    # 2. Parse (in worker processes when there are many) and stream into a new generation.
    gen = Generation(store, fresh=True, optimize=optimize) if fresh else None
    try:
        for i, (src, result) in enumerate(parse_many([s for s, _ in todo])):
            if progress:
                progress(i, len(todo))
            if isinstance(result, SourceError):
                warn(str(result))
                report.failed.append(str(src.path))
                continue
            doc, note = result
            if note:
                warn(f"{shown_path(src.path)}: {note}")
            gen = gen or Generation(store, fresh=False, optimize=optimize)
            prior = old.get(src.doc)
            if prior:
                gen.delete(src.doc)
            gen.add(doc)
            (report.changed if prior else report.added).append(src.doc)
            docs[src.doc] = _doc_entry(src, doc, todo[i][1])
        if progress:
            progress(len(todo), len(todo))
        if prune:
            for name, info in list(docs.items()):
                if name not in claimed and not Path(info.get("path", "")).exists():
                    report.removed.append(name)
                    del docs[name]
                    if not fresh:
                        gen = gen or Generation(store, fresh=False, optimize=optimize)
                        gen.delete(name)
        report.paragraphs = sum(int(d.get("paragraphs", 0)) for d in docs.values())
        report.unattributed = [i for d in docs.values() for i in d.get("unattributed", [])]
        kept_roots = [] if fresh else store.manifest().get("roots", [])
        all_roots = list(dict.fromkeys([*kept_roots, *(_source_key(r) for r in roots or [])]))
        if gen is not None and fresh and not report.added and store.exists():
            gen.abort()  # a rebuild that found nothing to index keeps the index that worked
        elif gen is None and (report.moved or all_roots != kept_roots or optimize):
            gen = Generation(store, fresh=False, optimize=optimize)  # only the manifest changes
            gen.commit(docs, all_roots)
        elif gen is not None:
            gen.commit(docs, all_roots)
    except BaseException:
        if gen is not None:
            gen.abort()
        raise
    return report
