"""The index store: atomic generations of a Whoosh index, their manifest, the writer lock.

What goes into the next generation (new, changed, moved releases; parsing) is decided by
:mod:`untrack.build`; the schema and analyzers are :mod:`untrack.analysis`.

Layout of an index folder::

    index/
      untrack-index.json                (marker: the entries untrack made here; see untrack.folder)
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
import shutil
import struct
import time
from collections import Counter
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from . import __version__
from .analysis import (
    _WORDS,
    SCHEMA_VERSION,
    analysis_fingerprint,
    analyzers,
    document_fields,
    make_schema,
    release_years,
)
from .errors import IndexProblem, NoIndex, no_index_advice, rebuild_advice
from .folder import CURRENT, LOCK, MANIFEST, IndexFolder
from .home import default_location
from .textutil import shown_path

if TYPE_CHECKING:  # parsing (and its compiled rule table) is only imported by writers
    from .build import UpdateReport
    from .model import Document
    from .sources import Source

__all__ = ["IndexProblem", "IndexStore", "NoIndex", "SCHEMA_VERSION", "analyzers"]

WRITER_MB = 128  # the writer's memory for postings before it spills sorted runs to disk
RUN_CHUNK = 1000  # postings pickled together in a spilled run (a chunk of each run is in memory at the merge)
_CHUNK_SIZE = struct.Struct("<I")  # a chunk's compressed length, before it in the run
VOCABULARY = "vocabulary.tsv"  # every word as written (folded), with its paragraph count: for spelling


class OutdatedIndex(IndexProblem):
    """An index built for another schema version; one holding only the bundled sample may
    rebuild itself, since nothing of the user's is lost."""

    def __init__(self, message: str, only_sample: bool = False) -> None:
        super().__init__(message)
        self.only_sample = only_sample


def _sample_files(documents: Any) -> list[bool]:
    """For each document, whether it is the bundled sample release."""
    from .sources import SEED_NAME

    paths = [Path(str(d.get("path", ""))).name for d in documents.values()] if isinstance(documents, dict) else []
    return [p == SEED_NAME for p in paths]


def _only_the_sample(documents: Any) -> bool:
    is_sample = _sample_files(documents)
    return bool(is_sample) and all(is_sample)


def damaged_message(index: Path | None, why: str) -> str:
    """The damaged-index line for the index a command was given (or the default one)."""
    return IndexStore(index or default_location()).damaged(why)


# --------------------------------------------------------------------------- store


class IndexStore:
    """An index folder holding atomic generations of a Whoosh index."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._locked = False
        self._manifest: tuple[Path, dict[str, Any]] | None = None  # (generation, its manifest), read once

    # -- reading
    def current(self) -> Path | None:
        link = self.path / CURRENT
        try:
            target = os.readlink(link)
        except OSError:
            # A copy made by a tool that follows links holds the generation itself: readable.
            return link if link.is_dir() and (link / MANIFEST).is_file() else None
        if "/" in target or target in (".", ".."):
            return None  # a link that leads out of the index folder is not followed
        gen = self.path / target
        return gen if gen.is_dir() and not gen.is_symlink() else None

    def exists(self) -> bool:
        return self.current() is not None

    def manifest(self) -> dict[str, Any]:
        gen = self.current()
        if gen is not None and self._manifest is not None and self._manifest[0] == gen:
            return self._manifest[1]
        if gen is None:
            raise NoIndex(no_index_advice(self.path))
        data = _read_manifest(gen)
        if data is None:
            raise IndexProblem(self.damaged(f"unreadable {MANIFEST}"))
        if not isinstance(data.get("documents", {}), dict):
            raise IndexProblem(self.damaged(f"unexpected {MANIFEST}"))
        if data.get("schema_version") != SCHEMA_VERSION:
            raise OutdatedIndex(
                f"index at {shown_path(self.path)} has schema version {data.get('schema_version')}, this untrack "
                f"needs {SCHEMA_VERSION}; {rebuild_advice(self.path)}",
                only_sample=_only_the_sample(data.get("documents")),
            )
        if data.get("analysis") != analysis_fingerprint():
            raise OutdatedIndex(
                f"index at {shown_path(self.path)} was built by {data.get('built_by') or 'another untrack'}, which "
                f"reads words differently (stop words, spellings or word forms changed): searches would miss "
                f"words that are there; {rebuild_advice(self.path)}",
                only_sample=_only_the_sample(data.get("documents")),
            )
        self._manifest = (gen, data)
        return data

    def damaged(self, why: str) -> str:
        """The one line that says this index is damaged and how to rebuild it."""
        return f"index at {shown_path(self.path)} is damaged ({why}); {rebuild_advice(self.path)}"

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
            raise IndexProblem(self.damaged(type(e).__name__)) from None

    def records(self) -> list[dict[str, Any]]:
        """Every paragraph record, in document order (by doc, then paragraph number)."""
        ix = self.open()
        with ix.searcher() as s:
            recs = [f["record"] for f in s.reader().all_stored_fields()]
        recs.sort(key=lambda r: (r["doc"], r["n"]))
        return recs

    def recorded_sources(self) -> list[Path]:
        """The files and folders this index was built from, so `untrack index` with no paths
        can refresh or rebuild it; read even from an index of another schema version. The page
        cache is one of them once it holds pages, even those `untrack fetch --no-index` (or an
        interrupted fetch) left unindexed."""
        cache = self.cache_status()
        extra = [Path(cache["cache"])] if cache["cached_pages"] else []
        gen = self.current()
        if gen is None:
            return extra
        data = _read_manifest(gen)
        try:
            roots = (data.get("roots") or [d.get("path") for d in data.get("documents", {}).values()]) if data else None
        except AttributeError:  # a manifest of another shape
            roots = None
        if roots is None:
            raise IndexProblem(
                f"cannot tell which releases built the index at {shown_path(self.path)} (its {MANIFEST} is "
                f"unreadable); name them: untrack index --rebuild --index {shown_path(self.path)} FILES-OR-FOLDERS"
            )
        found = [Path(r) for r in roots if isinstance(r, str) and r]
        return found + [p for p in extra if str(p.resolve()) not in roots]

    # -- writing
    @contextmanager
    def lock(self, wait: float | None = None, notify: Callable[[str], None] | None = None) -> Iterator[None]:
        """Hold the writer lock; wait up to `wait` seconds (default $UNTRACK_LOCK_WAIT, else 10) for another writer.

        Only a new or empty folder or an untrack index is ever locked (and so written)."""
        if wait is None:
            try:
                wait = float(os.environ.get("UNTRACK_LOCK_WAIT") or 10)
            except ValueError:
                wait = 10.0
        folder = IndexFolder(self.path)
        folder.check_writable()
        self.path.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path / LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
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
                        notify(f"another untrack index run holds {shown_path(self.path)}; waiting up to {wait:.0f}s")
                        told = True
                    if time.monotonic() >= deadline:
                        raise IndexProblem(
                            f"another untrack index run is still writing {shown_path(self.path)}; "
                            "try again when it ends"
                        ) from None
                    time.sleep(0.1)
            folder.check_writable()
            folder.claim()
            self._locked = True
            yield
        finally:
            self._locked = False
            os.close(fd)

    def update(self, sources: list[Source], **options: Any) -> UpdateReport:
        """Add new, replace changed, skip unchanged releases, under the writer lock; the options
        (rebuild, prune, warn, progress, roots, optimize) are :func:`untrack.build.update`'s."""
        from .build import update

        if not self._locked:
            with self.lock():
                return update(self, sources, **options)
        return update(self, sources, **options)

    def holds_only_sample(self) -> bool:
        """Whether the index holds the bundled sample and nothing of the user's."""
        return _only_the_sample(self._known_documents())

    def _known_documents(self) -> dict[str, Any]:
        """The documents of the current index, if it can be read: their ids outlive a rebuild."""
        gen = self.current()
        docs = (_read_manifest(gen) or {}).get("documents") if gen else None
        return docs if isinstance(docs, dict) else {}

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
            "sample": any(_sample_files(docs)),
            "paragraphs": sum(int(d.get("paragraphs", 0)) for d in docs.values()),
            "speakers": len(speakers),
            "unattributed": sum(len(d.get("unattributed", [])) for d in docs.values()),
            "size_bytes": size,
            "schema_version": manifest.get("schema_version"),
            "built_by": manifest.get("built_by"),
            "built_at": manifest.get("built_at"),
            **self.cache_status(),
        }

    def cache_status(self) -> dict[str, Any]:
        """Where `untrack fetch` keeps pages for this index, and how many it holds."""
        from .cache import PageCache, cache_folder

        folder = cache_folder(self.path)
        return {"cache": str(folder), "cached_pages": len(PageCache(folder).pages())}


def _read_manifest(gen: Path) -> dict[str, Any] | None:
    """A generation's manifest as written, of whatever schema version; None if it cannot be read."""
    try:
        data = json.loads((gen / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


class Generation:
    """A new generation written beside the live one; `commit` swaps it in atomically.

    Every entry it creates is first recorded in the folder's marker, so a run killed at any
    moment leaves only leftovers that the next run may (and does) remove."""

    def __init__(self, store: IndexStore, fresh: bool, optimize: bool = False) -> None:
        from whoosh import index as windex

        from .safepickle import install

        install(store.path, writing=True)
        self.store = store
        self.optimize = optimize
        self.folder = IndexFolder(store.path)
        self.previous = store.current()
        self.name = f"gen-{time.time_ns()}"
        self.tmp = store.path / f".building-{self.name}"
        self.folder.record(self.tmp.name)
        try:
            if fresh or self.previous is None:
                self.tmp.mkdir()
                ix = windex.create_in(str(self.tmp), make_schema())
            else:
                _link_tree(self.previous, self.tmp, skip={MANIFEST, VOCABULARY})
                ix = windex.open_dir(str(self.tmp))
            self.writer = ix.writer(limitmb=WRITER_MB)
            _packed_runs(self.writer.pool)
            _tabled_lengths(self.writer)
        except BaseException:
            self._remove_tmp()
            raise
        # The previous generation's words, folded as read; the words of the records added here, as
        # written (folded when written out: folding is idempotent, so the old ones need not be again).
        self.vocabulary: Counter[str] = Counter() if fresh or self.previous is None else read_vocabulary(self.previous)
        self.words: Counter[str] = Counter()

    def delete(self, doc: str) -> None:
        self.writer.delete_by_term("doc", doc)

    def add(self, doc: Document) -> None:
        years = release_years(doc)
        for rec in doc.records():
            self.writer.add_document(**document_fields(rec, years))
            self.words.update(set(_WORDS.findall(rec["text"].lower())))

    def commit(self, docs: dict[str, Any], roots: list[str]) -> None:
        path = self.store.path
        # A new generation shares the previous one's segments (hard links) and adds its own; Whoosh's
        # tiered policy merges small segments as they pile up. A full merge rewrites every posting,
        # so it is done only when asked (`untrack index --optimize`).
        self.writer.commit(optimize=self.optimize)
        _summarise(self.tmp)
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "analysis": analysis_fingerprint(),
            "built_by": f"untrack {__version__}",
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "roots": roots,
            "documents": docs,
        }
        # Compact: with an indent, json encodes in Python, not C (0.021 → 0.008 s per 1,000 releases, each update).
        text = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))
        (self.tmp / MANIFEST).write_text(text, encoding="utf-8")
        write_vocabulary(self.tmp, self.words, folded=self.vocabulary)
        _fsync_tree(self.tmp)
        self.folder.record(self.name)
        os.rename(self.tmp, path / self.name)
        link_tmp = path / f".current-{self.name}"
        self.folder.record(link_tmp.name)
        os.symlink(self.name, link_tmp)
        os.replace(link_tmp, path / CURRENT)  # the atomic moment
        _fsync_dir(path)
        self.folder.forget({self.tmp.name, link_tmp.name})
        self.folder.remove_own(keep={self.name, self.previous.name if self.previous else ""})

    def abort(self) -> None:
        try:
            self.writer.cancel()
        except Exception:
            pass  # the folder goes anyway
        self._remove_tmp()

    def _remove_tmp(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)
        if not os.path.lexists(self.tmp):
            self.folder.forget({self.tmp.name})


def _packed_runs(pool: Any) -> None:
    """Whoosh's writer spills the postings it cannot hold in memory as sorted runs in a temporary
    folder, pickling each posting on its own and unpickling them one `pickle.load` at a time while
    it merges the runs: at 1,000 releases, more CPU than the rest of the indexing. Runs are written
    here as compressed (fast zlib) pickled chunks of RUN_CHUNK postings instead: the same postings
    in the same order, a fraction of the CPU, and a fraction of the disk (uncompressed runs are
    about eight times the size of the index they become). The files are this writer's own, written
    and read back by this process."""
    import pickle
    import zlib
    from itertools import islice

    if not all(hasattr(pool, a) for a in ("_write_run", "_read_run", "_open_run", "_remove_run")):
        return

    def write_run(f: Any, items: Any) -> None:
        items = iter(items)
        while chunk := list(islice(items, RUN_CHUNK)):
            data = zlib.compress(pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL), 1)
            f.write(_CHUNK_SIZE.pack(len(data)))
            f.write(data)
        f.close()

    def read_run(path: str) -> Iterator[Any]:
        f = pool._open_run(path)
        try:
            while header := f.read(_CHUNK_SIZE.size):
                (size,) = _CHUNK_SIZE.unpack(header)
                yield from pickle.loads(zlib.decompress(f.read(size)))
        finally:
            f.close()
            pool._remove_run(path)

    pool._write_run, pool._read_run = write_run, read_run


def _summarise(gen: Path) -> None:
    """Write the impact summaries (untrack.impacts) of the generation's segments that have
    none: the new ones and those a merge made. The others share the previous generation's.

    The segments are read without memory-mapping them: Whoosh copies each file it opens from a
    mapped segment (its postings, its terms) into memory, and reading every frequent term's
    postings maps in most of the segment besides, so the build's peak memory would grow with the
    corpus (at 10,000 real-mix releases, 131 MB more for these few seconds; read with plain file
    reads, none, for about 5% more of this step's CPU). The summaries are the same bytes."""
    from whoosh.filedb.filestore import FileStorage

    from . import impacts

    ix = FileStorage(str(gen), supports_mmap=False).open_index()
    with ix.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            impacts.write(ix.storage, leaf)


class _LengthTables:
    """A segment's per-document reader whose field lengths are read once per field into a list.

    When Whoosh's writer writes a segment's postings it asks for the document's field length
    at every posting, each time through the column file (a seek and a read), and for a field
    with no lengths (the ID and numeric fields) by looking for the column's file on disk (a
    stat); untrack's records have about 85 postings each. The lengths given are the same."""

    def __init__(self, reader: Any, column: Callable[[str], str]) -> None:
        self._reader = reader
        self._column = column  # a field's lengths column
        self._tables: dict[str, list[Any] | None] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        try:
            table = self._tables[fieldname]
        except KeyError:
            table = self._tables[fieldname] = self._table(fieldname)
        return default if table is None else table[docnum]

    def _table(self, fieldname: str) -> list[Any] | None:
        reader = self._reader
        if not reader.has_column(self._column(fieldname)):
            return None
        return [reader.doc_field_length(i, fieldname) for i in range(reader.doc_count_all())]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)


def _tabled_lengths(writer: Any) -> None:
    """Hand the writer's segment flush the lengths as tables (see _LengthTables)."""
    try:
        from whoosh.codec.whoosh3 import _lenfield
    except ImportError:  # another Whoosh: its own way
        return
    per_document_reader = getattr(writer, "per_document_reader", None)
    if per_document_reader is None:
        return

    def tabled() -> Any:
        reader = per_document_reader()
        return _LengthTables(reader, _lenfield) if hasattr(reader, "has_column") else reader

    writer.per_document_reader = tabled


def _link_tree(source: Path, target: Path, skip: set[str]) -> None:
    """Start a generation from the previous one's files. Whoosh never rewrites a file in
    place (segments are write-once), so hard links share them at no disk cost; a copy where
    links cannot be made (another file system)."""
    target.mkdir()
    for entry in os.scandir(source):
        if entry.name in skip or entry.name.endswith("_WRITELOCK") or not entry.is_file(follow_symlinks=False):
            continue
        try:
            os.link(entry.path, target / entry.name)
        except OSError:
            shutil.copy2(entry.path, target / entry.name)


def write_vocabulary(gen: Path, counts: Counter[str], folded: Counter[str] | None = None) -> None:
    """Write the words of `counts` folded, added to `folded` (counts already folded, such as a
    previous generation's as read: `fold` is idempotent, so they are not folded again)."""
    from .textutil import fold

    folded = folded if folded is not None else Counter()
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
