"""Loading the pickles inside a Whoosh index without running the index's code.

Whoosh keeps Python pickles in its index files (the schema and segment list in
``_MAIN_*.toc``, stored fields, inlined term infos, pickle columns, posting values) and
reads them with plain :mod:`pickle`, so an index folder from someone else could run any
code when it is opened. :func:`install` routes every pickle load Whoosh does through
:class:`SafeUnpickler`, whose ``find_class`` resolves only the globals listed in
:data:`ALLOWED`: the classes an untrack index is made of, and nothing that runs commands,
evaluates code, imports modules or touches files. Writing (``dumps``/``dump``) is unchanged.
"""

from __future__ import annotations

import importlib
import pickle
import sys
import types
from _compat_pickle import IMPORT_MAPPING, NAME_MAPPING
from typing import Any

from .errors import IndexProblem

# Every global an untrack index's pickles may name, by module. Derived by recording what
# find_class is asked for while indexing (fresh, incremental with changes and --prune,
# --rebuild), searching (plain words, phrases, fields, wildcards, fuzzy, ranges, filters,
# sorting, context, spelling suggestions), show, export, status and speakers; plus `set`, which
# Whoosh pickles for a segment's deleted documents when it is not merged away. Every entry is
# harmless to call with any arguments, since a pickle can call any global it may name.
ALLOWED: dict[str, frozenset[str]] = {
    "builtins": frozenset({"int", "set", "frozenset"}),  # field number types, deletions, stop lists
    "_codecs": frozenset({"encode"}),  # bytes, in protocol 2 pickles (inlined posting values)
    "collections": frozenset({"defaultdict"}),  # a segment's field lengths
    "re": frozenset({"_compile"}),  # a tokenizer's compiled expression
    "untrack.analysis": frozenset({"RepeatedText", "IrregularForms"}),
    "whoosh.fields": frozenset({"Schema", "ID", "KEYWORD", "NUMERIC", "STORED", "TEXT"}),
    "whoosh.formats": frozenset({"Existence", "Frequency", "Positions"}),
    "whoosh.columns": frozenset({"NumericColumn", "VarBytesColumn"}),
    "whoosh.analysis.analyzers": frozenset({"CompositeAnalyzer"}),
    "whoosh.analysis.tokenizers": frozenset({"IDTokenizer", "RegexTokenizer"}),
    "whoosh.analysis.filters": frozenset({"CharsetFilter", "LowercaseFilter", "StopFilter"}),
    "whoosh.analysis.morph": frozenset({"StemFilter"}),
    "whoosh.lang.porter": frozenset({"stem"}),  # StemFilter's default stemming function
    "whoosh.codec.whoosh3": frozenset({"W3Codec", "W3Segment"}),
}


class ForbiddenGlobal(IndexProblem, pickle.UnpicklingError):
    """An index pickle names a global that is not on the allow-list."""

    def __init__(self, module: str, name: str, where: str | None) -> None:
        self.module = module
        self.name = name
        asked = f"{module}.{name}"
        if len(asked) > 100:
            asked = asked[:97] + "..."
        from pathlib import Path

        from .errors import rebuild_advice
        from .textutil import shown_path

        folder = Path(where or "DIR")
        super().__init__(
            f"index at {shown_path(folder)} is damaged or not an untrack index (it asks to load {asked}); "
            f"{rebuild_advice(folder)}"
        )


_where: str | None = None  # the index folder last opened, for the message
_resolved: dict[tuple[str, str], Any] = {}  # (module, name) → the allowed global


def _find(module: str, name: str) -> Any:
    try:
        return _resolved[(module, name)]
    except KeyError:
        pass
    # Protocol 0-2 pickles name Python 2 places ('__builtin__.long'); map them as pickle does,
    # then check the name they map to.
    real_module, real_name = NAME_MAPPING.get((module, name), (IMPORT_MAPPING.get(module, module), name))
    if real_name not in ALLOWED.get(real_module, ()):
        raise ForbiddenGlobal(module, name, _where)
    __import__(real_module)
    obj = getattr(sys.modules[real_module], real_name)
    _resolved[(module, name)] = obj
    return obj


class SafeUnpickler(pickle.Unpickler):
    """An unpickler that resolves only allow-listed globals (and no persistent ids)."""

    def find_class(self, module: str, name: str) -> Any:
        return _find(module, name)


class _Bytes:
    """A read-only file over bytes that the C unpickler can `peek` into: it then reads the
    whole pickle in one go, as fast as `pickle.loads` (through io.BytesIO, which cannot be
    peeked, a stored record took three times as long)."""

    __slots__ = ("_data", "_pos")

    def __init__(self, data: bytes) -> None:
        self._data = bytes(data)
        self._pos = 0

    def peek(self, n: int = 0) -> bytes:
        return self._data[self._pos :]

    def read(self, n: int = -1) -> bytes:
        start = self._pos
        self._pos = len(self._data) if n < 0 else min(start + n, len(self._data))
        return self._data[start : self._pos]

    def readline(self) -> bytes:
        start = self._pos
        end = self._data.find(b"\n", start)
        self._pos = len(self._data) if end < 0 else end + 1
        return self._data[start : self._pos]

    def readinto(self, buffer: Any) -> int:
        chunk = self.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def loads(data: bytes) -> Any:
    """pickle.loads, refusing globals that are not allowed (Whoosh passes no options)."""
    return SafeUnpickler(_Bytes(data)).load()


def load(file: Any) -> Any:
    """pickle.load, refusing globals that are not allowed."""
    return SafeUnpickler(file).load()


class _SafePickleModule(types.ModuleType):
    """Stands in for the `pickle` module inside Whoosh: safe loading, everything else real."""

    loads = staticmethod(loads)
    load = staticmethod(load)
    Unpickler = SafeUnpickler

    def __getattr__(self, name: str) -> Any:
        return getattr(pickle, name)


_safe_pickle = _SafePickleModule("pickle")

# Whoosh modules that bind `pickle`, or its `load`/`loads` under some name (load_pickle in
# structfile), when they are imported: all take them from whoosh.compat, which is patched first
# so that later imports bind the safe ones; those already imported are patched in place.
# (whoosh.util.loading imports pickle directly; so do whoosh.filedb.fileindex and
# whoosh.filedb.misc, which cannot be imported in this Whoosh.)
_BINDERS = (
    "whoosh.index",
    "whoosh.filedb.structfile",
    "whoosh.codec.whoosh3",
    "whoosh.codec.whoosh2",
    "whoosh.codec.plaintext",
    "whoosh.columns",
    "whoosh.formats",
    "whoosh.util.loading",
)
# Modules that only read back temporary files the writer of this very process has just written
# (the external sort's runs, the multiprocess writer's job files), never an index's: they keep the
# real loader, since those files hold whatever Whoosh spools (a 1,000-release build spills runs).
_OWN_SPOOLS = ("whoosh.externalsort", "whoosh.multiproc")
_installed = False


def _patch(mod: types.ModuleType) -> None:
    for attr, value in list(vars(mod).items()):
        if value is pickle.loads:
            setattr(mod, attr, loads)
        elif value is pickle.load:
            setattr(mod, attr, load)
        elif value is pickle:
            setattr(mod, attr, _safe_pickle)


def _safe_renaming_unpickler(f: Any, objmap: Any = None, shortcuts: Any = None) -> SafeUnpickler:
    return SafeUnpickler(f)  # no renaming: the old names it maps to are not allowed anyway


def install(where: Any = None, writing: bool = False) -> None:
    """Make every pickle load Whoosh does go through :class:`SafeUnpickler` (idempotent).

    `where` is the index folder about to be opened, for the error message. `writing`: this
    process is about to write an index, so the modules that read back its writer's own spool
    files are imported now and keep the real loader; a process that only reads leaves them
    unimported (start-up: whoosh.multiproc imports multiprocessing and Whoosh's writer)."""
    global _installed, _where
    if where is not None:
        _where = str(where)
    if not _installed:
        import whoosh.compat
        import whoosh.legacy
        import whoosh.util.loading

        _patch(whoosh.compat)
        for name in _BINDERS:
            mod = sys.modules.get(name)
            if mod is not None:
                _patch(mod)
        # TOC format -110 is read by whoosh.legacy with its own, unrestricted, unpickler.
        whoosh.util.loading.RenamingUnpickler = _safe_renaming_unpickler
        whoosh.legacy.RenamingUnpickler = _safe_renaming_unpickler
        _installed = True
    for name in _OWN_SPOOLS:  # their `load` came from whoosh.compat, patched above: give it back
        mod = importlib.import_module(name) if writing else sys.modules.get(name)
        if mod is None:
            continue
        for attr, value in list(vars(mod).items()):
            if value is loads:
                setattr(mod, attr, pickle.loads)
            elif value is load:
                setattr(mod, attr, pickle.load)
            elif value is _safe_pickle:
                setattr(mod, attr, pickle)
