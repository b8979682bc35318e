"""What untrack owns in an index folder, and the rule that it touches nothing else.

An index folder carries a marker, ``untrack-index.json``, that lists every entry untrack
created in it (generations, the folders they are built in, the link being swapped in).
untrack writes only into a new or empty folder, or into one that holds its marker, and it
deletes or replaces only the entries that marker lists: a file the user keeps beside an
index, even one named like untrack's own (``gen-2023/``), is never touched.

Indexes made before the marker existed (a ``current`` link to a ``gen-*`` folder holding
untrack's manifest) are recognised and adopted: their live generations join the marker;
anything else in the folder stays where it is.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from .errors import IndexProblem
from .textutil import shown_path

MARKER = "untrack-index.json"
LOCK = ".lock"
CURRENT = "current"
CACHE = "cache"  # fetched pages (untrack.cache): recorded like any entry, never removed as a leftover
MANIFEST = "untrack.json"  # inside each generation: what it holds and what built it
# Entries a folder may hold and still count as empty: a placeholder that keeps it in git.
PLACEHOLDERS = {".gitkeep"}
_LEGACY_GENERATION = re.compile(r"gen-\d+")


class ForeignFolder(IndexProblem):
    """A folder that holds things untrack did not make: it is never written to."""


class IndexFolder:
    """The index folder's marker: read it, claim a folder, record and remove own entries."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @property
    def marker(self) -> Path:
        return self.path / MARKER

    # -- deciding whether a folder may be written
    def check_writable(self) -> None:
        """Raise ForeignFolder unless the folder is new, empty, or an untrack index."""
        where = shown_path(self.path)
        if os.path.lexists(self.path) and not self.path.is_dir():
            raise ForeignFolder(f"{where} is not a folder; give --index a new or empty folder")
        if not self.path.exists() or self.marker.is_file() or self._legacy_generation() is not None:
            self._check_current(where)
            return
        try:
            names = {e.name for e in os.scandir(self.path)}
        except OSError as e:
            raise ForeignFolder(f"{where}: {e.strerror or e}") from None
        if names - PLACEHOLDERS - {LOCK}:
            raise ForeignFolder(
                f"{where} is not empty and is not an untrack index; untrack writes only into a new or empty "
                "folder or an index it made (give --index another folder)"
            )

    def _check_current(self, where: str) -> None:
        current = self.path / CURRENT
        if os.path.lexists(current) and not current.is_symlink():
            kind = "a folder" if current.is_dir() else "a file"
            raise ForeignFolder(
                f"{where}/{CURRENT} is {kind}, not the link untrack keeps there (was the index copied with a tool "
                "that follows links?); untrack will not replace it: index into a new folder instead"
            )

    def _legacy_generation(self) -> str | None:
        """The generation an index made before markers existed points at, if this is one."""
        try:
            target = os.readlink(self.path / CURRENT)
        except OSError:
            return None
        if _LEGACY_GENERATION.fullmatch(target) and (self.path / target / MANIFEST).is_file():
            return target
        return None

    # -- the marker's list of own entries (read and written under the writer lock)
    def entries(self) -> list[str]:
        try:
            data = json.loads(self.marker.read_text(encoding="utf-8"))
            names = data.get("entries", [])
        except (OSError, ValueError, AttributeError):
            return []
        return [n for n in names if isinstance(n, str) and _is_plain_name(n)]

    def claim(self) -> None:
        """Write the marker if there is none yet (adopting an index made before markers)."""
        if self.marker.is_file():
            return
        legacy = self._legacy_generation()
        entries = []
        if legacy is not None:
            entries = sorted(
                e.name
                for e in os.scandir(self.path)
                if _LEGACY_GENERATION.fullmatch(e.name) and e.is_dir(follow_symlinks=False)
                if (Path(e.path) / MANIFEST).is_file()
            )
        self._write(entries)

    def record(self, name: str) -> None:
        """Remember an entry before creating it, so a crash leaves nothing unaccounted for."""
        entries = self.entries()
        if name not in entries:
            self._write([*entries, name])

    def forget(self, names: set[str]) -> None:
        self._write([n for n in self.entries() if n not in names])

    def remove_own(self, keep: set[str], only: tuple[str, ...] = ()) -> None:
        """Delete the listed entries not in `keep` (only those whose names start with one of
        `only`, if given): old generations and the leftovers of runs that were killed or ran out
        of disk. Entries the marker does not list are never looked at."""
        import shutil

        gone: set[str] = set()
        for name in self.entries():
            if name in keep or name in (CURRENT, LOCK, MARKER, CACHE) or (only and not name.startswith(only)):
                continue
            entry = self.path / name
            if entry.is_symlink() or entry.is_file():
                entry.unlink(missing_ok=True)
            elif entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            if not os.path.lexists(entry):
                gone.add(name)
        if gone:
            self.forget(gone)

    def _write(self, entries: list[str]) -> None:
        data = {
            "what": "an untrack index: untrack creates and deletes only the entries listed here",
            "format": 1,
            "entries": entries,
        }
        tmp = self.path / f"{MARKER}.tmp"
        tmp.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, self.marker)


def _is_plain_name(name: str) -> bool:
    """A marker lists names inside its folder only: never a path that leads elsewhere."""
    return bool(name) and name not in (".", "..") and "/" not in name and "\0" not in name
