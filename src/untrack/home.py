"""Where the index lives when no --index is given: one predictable place, never a guess.

In order: ``$UNTRACK_INDEX``; ``./index`` only when it already holds an untrack index (a
project's own); else ``index`` in the user's data folder (``$XDG_DATA_HOME/untrack``, by
default ``~/.local/share/untrack``; ``~/Library/Application Support/untrack`` on macOS).
The XDG rule is a few lines, so untrack carries it rather than a dependency.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .folder import CURRENT, MARKER

ENV = "UNTRACK_INDEX"
PROJECT = Path("index")


def data_folder() -> Path:
    """untrack's folder among the user's data, by the platform's convention."""
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "untrack"
    xdg = os.environ.get("XDG_DATA_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "share"  # the spec ignores a relative one
    return base / "untrack"


def holds_index(path: Path) -> bool:
    """Whether a folder is an untrack index (even a damaged one, so it is reported, not skipped)."""
    return (path / MARKER).is_file() or os.path.lexists(path / CURRENT)


def default_location() -> Path:
    """The index a command uses without --index."""
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    if holds_index(PROJECT):
        return PROJECT
    return data_folder() / "index"
