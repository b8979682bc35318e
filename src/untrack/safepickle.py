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

import io
import pickle
import sys
import types
from _compat_pickle import IMPORT_MAPPING, NAME_MAPPING
from typing import Any

from .index import IndexProblem

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
    "untrack.index": frozenset({"RepeatedText", "IrregularForms"}),
    "whoosh.fields": frozenset({"Schema", "ID", "NUMERIC", "STORED", "TEXT"}),
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
        folder = where or "the index folder"
        super().__init__(
            f"index at {folder} is damaged or not an untrack index (it asks to load {asked}); "
            f"rebuild it with: untrack index --rebuild --index {folder}"
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


def loads(data: bytes, **kwargs: Any) -> Any:
    return SafeUnpickler(io.BytesIO(data), **kwargs).load()


def load(file: Any, **kwargs: Any) -> Any:
    return SafeUnpickler(file, **kwargs).load()


class _SafePickleModule(types.ModuleType):
    """Stands in for the `pickle` module inside Whoosh: safe loading, everything else real."""

    loads = staticmethod(loads)
    load = staticmethod(load)
    Unpickler = SafeUnpickler

    def __getattr__(self, name: str) -> Any:
        return getattr(pickle, name)


_safe_pickle = _SafePickleModule("pickle")

# Whoosh modules that bind pickle's loaders to their own names (loads, load, load_pickle,
# depickle) or import `pickle` itself; patched in this order.
_PATCHED_MODULES = (
    "whoosh.compat",  # first: modules imported later bind its (now safe) names
    "whoosh.index",
    "whoosh.filedb.structfile",
    "whoosh.codec.whoosh3",
    "whoosh.columns",
    "whoosh.formats",
)
_installed = False


def _patch(mod: types.ModuleType) -> None:
    safe = {pickle.loads: loads, pickle.load: load, pickle: _safe_pickle}
    for attr, value in list(vars(mod).items()):
        try:
            replacement = safe.get(value)
        except TypeError:  # an unhashable module global
            continue
        if replacement is not None:
            setattr(mod, attr, replacement)


def _safe_renaming_unpickler(f: Any, objmap: Any = None, shortcuts: Any = None) -> SafeUnpickler:
    return SafeUnpickler(f)


def install(where: Any = None) -> None:
    """Make every pickle load Whoosh does go through :class:`SafeUnpickler` (idempotent).

    `where` is the index folder being opened, named in the error message."""
    global _installed, _where
    if where is not None:
        _where = str(where)
    if _installed:
        return
    import importlib

    for name in _PATCHED_MODULES:
        _patch(importlib.import_module(name))
    # Modules already imported that bind pickle's loaders themselves (none are on untrack's
    # reading path, but an earlier import would otherwise keep the real ones).
    for name, mod in list(sys.modules.items()):
        if name.startswith("whoosh.") and mod is not None:
            _patch(mod)
    # A TOC of format -110 is read by whoosh.legacy with its own (unrestricted) unpickler.
    legacy = sys.modules.get("whoosh.legacy")
    if legacy is not None:
        legacy.RenamingUnpickler = _safe_renaming_unpickler  # type: ignore[attr-defined]
    _installed = True
