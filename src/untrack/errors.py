"""The one exception family the CLI turns into a one-line message and exit status 2."""

from __future__ import annotations

from pathlib import Path


class UntrackError(Exception):
    """A problem the user can act on; str(error) is the whole message."""


class IndexProblem(UntrackError):
    """A missing, damaged, locked, foreign or outdated index; the message says how to fix it."""


class NoIndex(IndexProblem):
    pass


def rebuild_advice(path: Path) -> str:
    """The command that rebuilds the index at `path`, spelt out so it can be followed literally."""
    from .textutil import shell_word

    return f"rebuild it with: untrack index --rebuild --index {shell_word(str(path))}"
