"""The Whoosh index: schema, atomic generations, incremental updates, export.

Layout of an index folder::

    index/
      current -> gen-1712345678901234   (symlink, swapped atomically)
      gen-1712345678901234/             (a complete Whoosh index + untrack.json)
      .lock                             (held by the one running writer)

A writer builds a new generation beside the current one and swaps the symlink with
one rename, so a reader (or a crash) only ever sees a complete index. All Whoosh
imports live here and in :mod:`untrack.search`.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, NamedTuple

from . import __version__
from .errors import UntrackError
from .model import Document

if TYPE_CHECKING:  # parsing (and its compiled rule table) is only imported by writers
    from .sources import Source, WarnFn

SCHEMA_VERSION = 6
MANIFEST = "untrack.json"
VOCABULARY = "vocabulary.tsv"  # every word as written (folded), with its paragraph count: for spelling
_WORDS = re.compile(r"\w+(?:[.'’]\w+)*")
CURRENT = "current"


class IndexProblem(UntrackError):
    """A missing, damaged, locked or outdated index; the message says how to fix it."""


class NoIndex(IndexProblem):
    pass


def default_location() -> Path:
    """--index, else $UNTRACK_INDEX, else ./index (the CLI passes --index through)."""
    return Path(os.environ.get("UNTRACK_INDEX") or "index")


# --------------------------------------------------------------------------- schema


class Analyzers(NamedTuple):
    text: Any  # prose for ranking: folded, stop words dropped, stemmed
    exact: Any  # prose as written (folded only): to confirm quoted phrases
    names: Any  # speakers, sections, bodies: folded words


@lru_cache(maxsize=1)
def analyzers() -> Analyzers:
    """Words are folded (case, accents); prose also loses stop words, has irregular forms
    regularised ('children' → 'child') and is stemmed with Porter2 (Snowball English)."""
    from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
    from whoosh.support.charset import accent_map

    from .lexicon import STOP_WORDS

    words = RegexTokenizer(r"\w+(?:[.'’]\w+)*")
    folded = words | LowercaseFilter() | CharsetFilter(accent_map)
    return Analyzers(
        text=folded | StopFilter(stoplist=STOP_WORDS) | _irregular_filter_class()() | StemFilter(lang="en"),
        exact=folded,
        names=RegexTokenizer(r"\w+") | LowercaseFilter() | CharsetFilter(accent_map) | StopFilter(stoplist=STOP_WORDS),
    )


@lru_cache(maxsize=1)
def _irregular_filter_class() -> Any:
    from whoosh.analysis import Filter

    from .lexicon import IRREGULAR, SPELLINGS

    forms = {**SPELLINGS, **IRREGULAR}

    class IrregularForms(Filter):
        """'children' → 'child', 'gave' → 'give': irregular forms join their regular family;
        'program', 'organisation' → 'programme', 'organization': one spelling, the UN's."""

        def __call__(self, tokens: Any) -> Any:
            for t in tokens:
                t.text = forms.get(t.text, t.text)
                yield t

    IrregularForms.__module__ = __name__
    IrregularForms.__qualname__ = "IrregularForms"
    return IrregularForms


@lru_cache(maxsize=1)
def _repeated_text_class() -> Any:
    from whoosh.fields import TEXT

    class RepeatedText(TEXT):
        """A text field whose values repeat over many paragraphs (title, body, section,
        speaker, affiliation): each distinct value is analysed once per writer, not once per
        paragraph. The cache is never pickled into the index."""

        def index(self, value: Any, **kwargs: Any) -> Any:
            cache = self.__dict__.setdefault("_cache", {})
            key = (value, tuple(sorted(kwargs.items())))
            if key not in cache:
                if len(cache) > 4096:
                    cache.clear()
                cache[key] = list(super().index(value, **kwargs))
            return iter(cache[key])

        def __getstate__(self) -> dict[str, Any]:
            state = dict(self.__dict__)
            state.pop("_cache", None)
            return state

    RepeatedText.__module__ = __name__
    RepeatedText.__qualname__ = "RepeatedText"
    return RepeatedText


def __getattr__(name: str) -> Any:
    # Indexes pickle their schema; the field class is made lazily (it subclasses Whoosh's TEXT).
    if name == "RepeatedText":
        return _repeated_text_class()
    if name == "IrregularForms":
        return _irregular_filter_class()
    raise AttributeError(name)


def make_schema() -> Any:
    from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

    text, _, names = analyzers()
    repeated = _repeated_text_class()
    return Schema(
        id=ID(stored=True, unique=True),
        doc=ID(stored=True, sortable=True),
        n=NUMERIC(stored=True, sortable=True),
        kind=ID(stored=True),
        date=ID(stored=True, sortable=True),
        symbol=ID(stored=True),
        title=repeated(analyzer=names, phrase=False),
        body=repeated(analyzer=names),
        section=repeated(analyzer=names, phrase=True),
        speaker=repeated(analyzer=names, phrase=True),
        affiliation=repeated(analyzer=names, phrase=True),
        role=repeated(analyzer=names, phrase=True),
        text=TEXT(analyzer=text, phrase=False),  # no positions: see untrack.ranking
        record=STORED(),
    )


def document_fields(record: dict[str, Any]) -> dict[str, Any]:
    """Whoosh fields for one paragraph record."""
    fields: dict[str, Any] = {
        "id": record["id"],
        "doc": record["doc"],
        "n": record["n"],
        "kind": record["kind"],
        "text": record["text"],
        "record": record,
    }
    for key in ("date", "symbol", "title", "body", "section", "speaker", "affiliation", "role"):
        if record.get(key):
            fields[key] = record[key]
    return fields


# --------------------------------------------------------------------------- store


@dataclass
class UpdateReport:
    """What an index run did, for the summary line."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    paragraphs: int = 0
    unattributed: list[str] = field(default_factory=list)

    @property
    def indexed(self) -> int:
        return len(self.added) + len(self.changed) + len(self.unchanged)


class IndexStore:
    """An index folder holding atomic generations of a Whoosh index."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    # -- reading
    def current(self) -> Path | None:
        link = self.path / CURRENT
        try:
            target = os.readlink(link)
        except OSError:
            return None
        gen = self.path / target
        return gen if gen.is_dir() else None

    def exists(self) -> bool:
        return self.current() is not None

    def manifest(self) -> dict[str, Any]:
        gen = self.current()
        if gen is None:
            raise NoIndex(f"no index at {self.path}; build one with: untrack index --index {self.path}")
        try:
            data: dict[str, Any] = json.loads((gen / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise IndexProblem(
                f"index at {self.path} is damaged (unreadable {MANIFEST}); rebuild it with: untrack index --rebuild"
            ) from None
        if data.get("schema_version") != SCHEMA_VERSION:
            raise IndexProblem(
                f"index at {self.path} has schema version {data.get('schema_version')}, this untrack needs "
                f"{SCHEMA_VERSION}; rebuild it with: untrack index --rebuild"
            )
        return data

    def open(self) -> Any:
        """The current Whoosh index, checked against this untrack's schema."""
        from whoosh import index as windex

        from .safepickle import install

        install(self.path)
        self.manifest()
        gen = self.current()
        assert gen is not None
        try:
            return windex.open_dir(str(gen))
        except Exception as e:  # whoosh raises many kinds on a damaged folder
            if isinstance(e, IndexProblem):  # says what is wrong already (untrack.safepickle)
                raise
            raise IndexProblem(
                f"index at {self.path} is damaged ({type(e).__name__}); rebuild it with: untrack index --rebuild"
            ) from None

    def records(self) -> list[dict[str, Any]]:
        """Every paragraph record, in document order (by doc, then paragraph number)."""
        ix = self.open()
        with ix.searcher() as s:
            recs = [f["record"] for f in s.reader().all_stored_fields()]
        recs.sort(key=lambda r: (r["doc"], r["n"]))
        return recs

    # -- writing
    @contextmanager
    def lock(self, wait: float | None = None, notify: Callable[[str], None] | None = None) -> Iterator[None]:
        """Hold the writer lock; wait up to `wait` seconds (default $UNTRACK_LOCK_WAIT, else 10) for another writer."""
        if wait is None:
            try:
                wait = float(os.environ.get("UNTRACK_LOCK_WAIT") or 10)
            except ValueError:
                wait = 10.0
        self.path.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = time.monotonic() + wait
            told = False
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as e:
                    if e.errno not in (errno.EAGAIN, errno.EACCES):
                        raise
                    if not told and notify:
                        notify(f"another untrack index run holds {self.path}; waiting up to {wait:.0f}s")
                        told = True
                    if time.monotonic() >= deadline:
                        raise IndexProblem(
                            f"another untrack index run is still writing {self.path}; try again when it ends"
                        ) from None
                    time.sleep(0.1)
            yield
        finally:
            os.close(fd)

    def update(
        self,
        sources: list[Source],
        rebuild: bool = False,
        prune: bool = False,
        warn: WarnFn | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> UpdateReport:
        """Add new, replace changed (by SHA-256), skip unchanged releases; swap in a new generation.

        Files are hashed before they are parsed, so unchanged ones cost one read; documents are
        streamed into the Whoosh writer one at a time, so memory does not grow with the corpus.
        """
        from .sources import SourceError, content_hash, parse_many, read_bytes

        warn = warn or (lambda message: None)

        report = UpdateReport()
        fresh = rebuild or not self.exists()
        old: dict[str, Any] = {} if fresh else self.manifest().get("documents", {})
        docs: dict[str, dict[str, Any]] = dict(old)
        seen: dict[str, Path] = {}
        # 1. Hash every file; only new or changed ones are parsed.
        todo: list[tuple[Source, str]] = []
        for src in sources:
            if src.doc in seen:
                warn(f"{src.path}: same document name as {seen[src.doc]}, skipped")
                report.failed.append(str(src.path))
                continue
            seen[src.doc] = src.path
            try:
                digest = content_hash(read_bytes(src.path))
            except SourceError as e:
                warn(str(e))
                report.failed.append(str(src.path))
                continue
            if old.get(src.doc, {}).get("sha256") == digest:
                report.unchanged.append(src.doc)
            else:
                todo.append((src, digest))
        # 2. Parse (in worker processes when there are many) and stream into a new generation.
        gen = _Generation(self, fresh=True) if fresh else None
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
                    warn(f"{src.path}: {note}")
                gen = gen or _Generation(self, fresh=False)
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
                    if name not in seen and not Path(info.get("path", "")).exists():
                        report.removed.append(name)
                        del docs[name]
                        if not fresh:
                            gen = gen or _Generation(self, fresh=False)
                            gen.delete(name)
            report.paragraphs = sum(int(d.get("paragraphs", 0)) for d in docs.values())
            report.unattributed = [i for d in docs.values() for i in d.get("unattributed", [])]
            if gen is not None and fresh and not report.added and self.exists():
                gen.abort()  # a rebuild that found nothing to index keeps the index that worked
            elif gen is not None:
                gen.commit(docs)
        except BaseException:
            if gen is not None:
                gen.abort()
            raise
        return report

    def status(self) -> dict[str, Any]:
        """What the index holds and what built it (for `untrack status`)."""
        manifest = self.manifest()
        gen = self.current()
        assert gen is not None
        size = sum(f.stat().st_size for f in gen.iterdir() if f.is_file())
        docs = manifest.get("documents", {})
        speakers = set()
        for rec in self.records():
            if rec.get("speaker"):
                speakers.add(rec["speaker"])
        return {
            "index": str(self.path),
            "documents": len(docs),
            "paragraphs": sum(int(d.get("paragraphs", 0)) for d in docs.values()),
            "speakers": len(speakers),
            "unattributed": sum(len(d.get("unattributed", [])) for d in docs.values()),
            "size_bytes": size,
            "schema_version": manifest.get("schema_version"),
            "built_by": manifest.get("built_by"),
            "built_at": manifest.get("built_at"),
        }

    def _collect_garbage(self, keep: set[str]) -> None:
        """Remove generations older than the previous one, and leftovers of killed runs."""
        for entry in self.path.iterdir():
            if entry.name in keep or entry.name in (CURRENT, ".lock"):
                continue
            if entry.name.startswith(("gen-", ".building-", ".current-")):
                if entry.is_symlink() or entry.is_file():
                    entry.unlink(missing_ok=True)
                else:
                    shutil.rmtree(entry, ignore_errors=True)


def _doc_entry(src: Source, doc: Document, digest: str) -> dict[str, Any]:
    """What the manifest remembers of one document."""
    return {
        "sha256": digest,
        "path": str(src.path.resolve()),
        "title": doc.title,
        "date": doc.date,
        "body": doc.body,
        "symbol": doc.symbol,
        "paragraphs": sum(p.kind == "paragraph" for p in doc.paragraphs),
        "unattributed": [f"{doc.doc}#{p.n}" for p in doc.paragraphs if p.unattributed],
    }


class _Generation:
    """A new generation written beside the live one; `commit` swaps it in atomically."""

    def __init__(self, store: IndexStore, fresh: bool) -> None:
        from whoosh import index as windex

        from .safepickle import install

        install(store.path)
        self.store = store
        store.path.mkdir(parents=True, exist_ok=True)
        self.previous = store.current()
        self.name = f"gen-{time.time_ns()}"
        self.tmp = store.path / f".building-{self.name}"
        if fresh or self.previous is None:
            self.tmp.mkdir()
            ix = windex.create_in(str(self.tmp), make_schema())
        else:
            shutil.copytree(self.previous, self.tmp, ignore=shutil.ignore_patterns(MANIFEST, VOCABULARY))
            ix = windex.open_dir(str(self.tmp))
        self.writer = ix.writer(limitmb=128)
        self.vocabulary: Counter[str] = Counter() if fresh or self.previous is None else read_vocabulary(self.previous)

    def delete(self, doc: str) -> None:
        self.writer.delete_by_term("doc", doc)

    def add(self, doc: Document) -> None:
        for rec in doc.records():
            self.writer.add_document(**document_fields(rec))
            self.vocabulary.update(set(_WORDS.findall(rec["text"].lower())))

    def commit(self, docs: dict[str, Any]) -> None:
        path = self.store.path
        self.writer.commit(optimize=True)
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "built_by": f"untrack {__version__}",
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "documents": docs,
        }
        (self.tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        write_vocabulary(self.tmp, self.vocabulary)
        _fsync_tree(self.tmp)
        os.rename(self.tmp, path / self.name)
        link_tmp = path / f".current-{self.name}"
        os.symlink(self.name, link_tmp)
        os.replace(link_tmp, path / CURRENT)  # the atomic moment
        _fsync_dir(path)
        self.store._collect_garbage(keep={self.name, self.previous.name if self.previous else ""})

    def abort(self) -> None:
        try:
            self.writer.cancel()
        except Exception:
            pass  # the folder goes anyway
        shutil.rmtree(self.tmp, ignore_errors=True)


def write_vocabulary(gen: Path, counts: Counter[str]) -> None:
    from .textutil import fold

    folded: Counter[str] = Counter()
    for word, n in counts.items():
        folded[fold(word)] += n
    lines = (f"{w}\t{n}\n" for w, n in sorted(folded.items()))
    (gen / VOCABULARY).write_text("".join(lines), encoding="utf-8")


def read_vocabulary(gen: Path) -> Counter[str]:
    """The generation's words (folded, as written) with the number of paragraphs holding each."""
    counts: Counter[str] = Counter()
    try:
        with open(gen / VOCABULARY, encoding="utf-8") as f:
            for line in f:
                word, _, n = line.rstrip("\n").partition("\t")
                counts[word] = int(n or 0)
    except (OSError, ValueError):
        pass
    return counts


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(path: Path) -> None:
    for entry in path.iterdir():
        if entry.is_file():
            fd = os.open(entry, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    _fsync_dir(path)


def find_sources(paths: list[Path], warn: WarnFn) -> list[Source]:
    from .sources import discover

    return list(discover(paths, warn))
