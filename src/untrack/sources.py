"""Finding and reading release files: text or saved HTML, in any common encoding.

Everything here is about bytes on disk becoming a parsed, attributed Document; it
never touches the index.
"""

from __future__ import annotations

import hashlib
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterator

from .errors import UntrackError
from .model import Document
from .textutil import shown_path

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
SEED_NAME = "000_027ff52e41ff29f7.txt"
WarnFn = Callable[[str], None]
# Real releases are well under 1 MB; a larger file is not one, and is skipped to bound memory.
MAX_BYTES = 8 * 1024 * 1024


class SourceError(UntrackError):
    """A file that cannot be read as a release (the message names the file)."""


@dataclass
class Source:
    """A release file found on disk, before parsing."""

    path: Path
    doc: str  # the file name without its extension

    @classmethod
    def of(cls, path: Path) -> Source:
        return cls(path, path.stem)


def bundled_seed() -> Path:
    """The bundled 3 April 2012 General Assembly release (package data)."""
    return Path(str(resources.files("untrack") / "data" / SEED_NAME))


def discover(paths: list[Path], warn: WarnFn, follow: bool = False) -> Iterator[Source]:
    """Files named directly, and release files found recursively in folders.

    Paths named on the command line are read even when they are symbolic links; links found
    inside folders are skipped unless `follow` (ripgrep's -L), so a folder never leads to
    files outside it unasked. Each loop and unreadable folder is warned about once, not fatal.
    """
    seen: set[tuple[int, int]] = set()
    for path in paths:
        if path.is_dir():
            yield from _walk(path, seen, warn, follow)
        elif path.exists():
            yield Source.of(path)
        else:
            warn(f"{shown_path(path)}: no such file or folder")


def _walk(root: Path, seen: set[tuple[int, int]], warn: WarnFn, follow: bool) -> Iterator[Source]:
    try:
        st = root.stat()
    except OSError as e:
        warn(f"{shown_path(root)}: {e.strerror or e}")
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        warn(f"{shown_path(root)}: folder already visited (symbolic link loop?), skipped")
        return
    seen.add(key)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as e:
        warn(f"{shown_path(root)}: {e.strerror or e}")
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            if entry.is_symlink() and not follow:
                if entry.is_dir() or path.suffix.lower() in SUFFIXES:
                    warn(f"{shown_path(path)}: symbolic link, not followed (--follow indexes what links point to)")
            elif entry.is_dir():
                yield from _walk(path, seen, warn, follow)
            elif path.suffix.lower() in SUFFIXES:
                yield Source.of(path)
        except OSError as e:
            warn(f"{shown_path(path)}: {e.strerror or e}")


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"{shown_path(path)}: {size / 2**20:.0f} MB is too large for a press release, skipped")
        return path.read_bytes()
    except OSError as e:
        raise SourceError(f"{shown_path(path)}: {e.strerror or e}") from None


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes, path: Path) -> tuple[str, str | None]:
    """Text from bytes: UTF-8 (with or without BOM), else Windows-1252, said so.

    Returns (text, note) where note says which fallback encoding was used.
    """
    if b"\x00" in data[:4096]:
        raise SourceError(f"{shown_path(path)}: binary file (NUL bytes), skipped")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    text, encoding = western(data)
    return text, f"not UTF-8; read as {encoding}"


def western(data: bytes) -> tuple[str, str]:
    """Text that is not UTF-8, read as Windows-1252 (as browsers read Latin-1), else Latin-1:
    (text, the encoding's name)."""
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def parse_text(doc_id: str, text: str, html: bool = False) -> Document:
    """Parse and attribute one release given as text (or HTML source). The parser and its rule
    table are imported here, not with this module: compiling the rules is most of the CPU an
    update that finds nothing changed would spend."""
    from .attribute import attribute
    from .parse import build_document, split_blocks

    if html:
        from .html import html_blocks

        blocks = html_blocks(text)
    else:
        blocks = split_blocks(text)
    return attribute(build_document(doc_id, blocks))


def parse_bytes(source: Source, data: bytes) -> tuple[Document, str | None]:
    """Decode, parse and attribute a release's bytes: (document, note on the encoding)."""
    text, note = decode(data, source.path)
    if not text.strip():
        raise SourceError(f"{shown_path(source.path)}: empty file, skipped")
    doc = parse_text(source.doc, text, html=source.path.suffix.lower() in HTML_SUFFIXES)
    if not any(p.kind == "paragraph" for p in doc.paragraphs):
        raise SourceError(f"{shown_path(source.path)}: no paragraphs found (not a press release?), skipped")
    return doc, note


def load(source: Source) -> tuple[Document, str, str | None]:
    """Read, decode, parse and attribute a release file: (document, sha256, note)."""
    data = read_bytes(source.path)
    doc, note = parse_bytes(source, data)
    return doc, content_hash(data), note


def _parse_file(source: Source) -> tuple[Document, str | None] | SourceError:
    """Worker: read and parse one file (errors are returned, not raised, to keep order)."""
    try:
        return parse_bytes(source, read_bytes(source.path))
    except SourceError as e:
        return e
    except RecursionError as e:  # a pathological file must not stop the whole run
        return SourceError(f"{shown_path(source.path)}: could not be parsed ({e}), skipped")


def _die_with_parent(parent: int) -> None:
    """Worker initializer: make this process die with its parent (kill -9 included).

    A spawned worker runs this only after it has started Python and imported untrack, a
    few tenths of a second during which the parent may already have died; asking Linux
    for a death signal then is too late (it never fires), and the worker would go on
    parsing the files already queued and then wait for more forever, since it holds
    both ends of its task pipe. So after asking, it checks that its parent is still the
    one that started it, and otherwise leaves at once. Once every worker is gone,
    multiprocessing's resource tracker sees its pipe close and exits too.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
        if os.getppid() != parent:  # the parent died before the signal was asked for
            os._exit(1)
    else:
        _exit_when_parent_exits()


def _exit_when_parent_exits() -> None:
    """Elsewhere: a thread waits on the sentinel multiprocessing gives each child (a pipe,
    or on Windows a process handle, that becomes ready when the parent exits), then exits."""
    import multiprocessing
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch(sentinel: Any) -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, args=(parent.sentinel,), daemon=True).start()


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C back (not lose it) in this thread while worker processes may be started.

    A worker inherits the blocked signal, so Ctrl-C at a terminal, which reaches every process
    in the foreground group, cannot interrupt a worker still starting up (it would print a
    traceback on the shared stderr); this process gets the Ctrl-C as soon as the block ends.
    (multiprocessing starts its resource tracker the same way.)"""
    import signal

    if not hasattr(signal, "pthread_sigmask"):  # Windows: no Ctrl-C to a process group
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


# Below this many files, starting worker processes costs more than it saves. A worker's start
# (an interpreter, the parser's imports and rule table) is about 0.3 s of CPU, about what parsing
# a dozen releases takes; parsed in the indexing process, an update of 10 changed releases of
# 1,000 took 0.8-1.0 s of CPU against 1.2-1.4 s with a worker, in no more wall time.
PARALLEL_MIN = 32


def parse_many(sources: list[Source], workers: int | None = None) -> Iterator[tuple[Source, Any]]:
    """Parse files in order, in worker processes when there are many and more than one core:
    the caller indexes one release while the next ones are parsed. At most a few parsed
    documents wait at a time, so memory stays bounded."""
    cores = os.cpu_count() or 1
    workers = workers if workers is not None else max(1, min(4, cores - 1))
    if len(sources) < PARALLEL_MIN or cores < 2:
        for src in sources:
            yield src, _parse_file(src)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    window: deque[tuple[Source, Future[Any]]] = deque()
    pending = iter(sources)
    # "spawn": workers inherit no open files (the index's writer lock above all), and they are
    # told to die with their parent, so a killed index run leaves no process holding anything.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_die_with_parent, initargs=(os.getpid(),)
    ) as pool:
        try:
            for src in pending:
                with _ctrl_c_held():  # submit() is where worker processes are started
                    window.append((src, pool.submit(_parse_file, src)))
                if len(window) >= 4 * workers:
                    done, fut = window.popleft()
                    yield done, fut.result()
            while window:
                done, fut = window.popleft()
                yield done, fut.result()
        finally:
            for _, fut in window:
                fut.cancel()
