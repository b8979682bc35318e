"""Exit statuses, and the one exception family the CLI turns into a one-line message and exit 2."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitStatus(IntEnum):
    """What a run's exit status says, as grep and ripgrep use them (70, EX_SOFTWARE: a bug)."""

    OK = 0  # something matched, or the command did what it was asked
    NO_MATCH = 1  # nothing matched (or an id was not found)
    ERROR = 2  # a user error or a refusal: one line on stderr says which and what to do
    INTERNAL = 70  # a bug in untrack: one line asking for a report (a traceback with UNTRACK_DEBUG=1)
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)


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


def no_index_advice(path: Path, named: bool = True) -> str:
    """The line for a command that needs an index where there is none: the path and how to build
    one there (with `--index PATH` when the path was named, so the command builds that one)."""
    from .textutil import shell_word, shown_path

    where = f" --index {shell_word(str(path))}" if named else ""
    return (
        f"no index at {shown_path(path)}: build one with `untrack index{where} --sample` (the bundled release) "
        f"or `untrack index{where} FILES`"
    )


def raised_in(error: BaseException, modules: tuple[str, ...]) -> bool:
    """Whether the innermost Python frame of the error's traceback is in one of these modules
    (by name prefix): where an error came from tells damage or odd input from a bug."""
    tb = error.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and str(tb.tb_frame.f_globals.get("__name__", "")).startswith(modules)
