"""The `untrack` command: parses options, calls the library, renders. Nothing else.

Exit status: 0 = something matched (or the command succeeded), 1 = no match,
2 = error (one line on stderr, never a traceback), 130 = interrupted.
"""

from __future__ import annotations

import functools
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Any, Callable, List, Optional, TypeVar

from .entry import say_interrupted
from .errors import UntrackError, raised_in


def _import_typer_without_rich() -> Any:
    """Import Typer with Rich hidden.

    When Rich is installed, Typer eagerly imports its Rich help formatter (and markdown-it):
    about 40 ms of every start-up, measured. untrack renders with Rich itself, only where it
    prints, and is content with plain help, so Typer is imported as if Rich were absent.
    """
    hide = "rich" not in sys.modules
    if hide:
        sys.modules["rich"] = None  # type: ignore[assignment]
    try:
        import typer
    finally:
        if hide and sys.modules.get("rich") is None:
            del sys.modules["rich"]
    return typer


typer = _import_typer_without_rich()

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Full-text search over UN meetings-coverage press releases, by speaker.",
)

F = TypeVar("F", bound=Callable[..., Any])


def _version(value: bool) -> None:
    if value:
        from . import __version__

        sys.stdout.write(f"untrack {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print untrack's version and exit."
    ),
) -> None:
    """Full-text search over UN meetings-coverage press releases, by speaker."""


class Sort(str, Enum):
    relevance = "relevance"
    date = "date"
    doc = "doc"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def say(message: str) -> None:
    """A diagnostic line on stderr (never on stdout, which carries data)."""
    from .textutil import one_line

    sys.stderr.write(f"untrack: {one_line(message)}\n")
    sys.stderr.flush()


def _is_damage(error: Exception) -> bool:
    """What reading a truncated or overwritten index file raises: a decoding error (EOFError,
    struct.error, UnpicklingError, ...) thrown by index-reading code (Whoosh, untrack's ranker)."""
    import struct
    import zlib

    kinds = (EOFError, IndexError, ValueError, OverflowError, struct.error, zlib.error)
    if not isinstance(error, kinds) and type(error).__name__ != "UnpicklingError":
        return False
    return raised_in(error, ("whoosh.", "untrack.ranking", "untrack.safepickle"))


def friendly(func: F) -> F:
    """Turn errors into one line on stderr and exit 2; Ctrl-C into 130; closed pipes into silence."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except UntrackError as e:
            say(f"error: {e}")
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            say_interrupted()
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # The reader went away (`untrack search x | head`): stop quietly, like grep.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except OSError as e:  # the machine said no: name the path and the reason, as a user error
            if os.environ.get("UNTRACK_DEBUG"):
                raise
            from .textutil import os_error

            say(f"error: {os_error(e)}")
            raise typer.Exit(2) from None
        except Exception as e:  # a bug: still one line, no traceback
            if os.environ.get("UNTRACK_DEBUG"):
                raise
            if _is_damage(e):
                from .index import damaged_message

                say(f"error: {damaged_message(kwargs.get('index'), type(e).__name__)}")
                raise typer.Exit(2) from None
            say(f"internal error: {type(e).__name__}: {e} (set UNTRACK_DEBUG=1 for a traceback)")
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def _plain_out(color: Any) -> bool:
    """Output to a pipe or file with colour off: plain lines, without loading Rich."""
    from .plain import want_color

    return not want_color(color.value, sys.stdout) and not sys.stdout.isatty()


def _store(index: Optional[Path]) -> Any:
    from .home import default_location
    from .index import IndexStore

    return IndexStore(index or default_location())


IndexOpt = typer.Option(
    None,
    "--index",
    help="Index folder (default: $UNTRACK_INDEX, else ./index if it holds one, else the user's data folder).",
)


def _existing(index: Optional[Path], refresh_sample: bool = True) -> Any:
    """The index a reading command answers from. Where there is none, one line naming the path and
    the commands that build one: never a sample the user did not ask for. An index of the bundled
    sample alone that an older untrack built is rebuilt, and that is said."""
    from .errors import NoIndex, no_index_advice
    from .folder import IndexFolder
    from .index import OutdatedIndex

    store = _store(index)
    if not store.exists():
        IndexFolder(store.path).check_writable()  # a folder of other things is named as such
        raise NoIndex(no_index_advice(store.path, named=index is not None))
    if not refresh_sample:
        return store
    try:
        store.manifest()
        return store
    except OutdatedIndex as e:
        if not e.only_sample:
            raise
    from .sources import Source, bundled_seed
    from .textutil import shown_path

    say(f"the sample index at {shown_path(store.path)} was built by an older untrack; rebuilding it")
    with store.lock(notify=say):
        store.update([Source.of(bundled_seed())], rebuild=True, warn=say, roots=[bundled_seed()])
    return store


@app.command()
@friendly
def search(
    query: Optional[List[str]] = typer.Argument(None, help='Words, "phrases", field:term, AND/OR/NOT, wild*, fuzzy~.'),
    index: Optional[Path] = IndexOpt,
    limit: int = typer.Option(10, "-n", "--limit", help="Most hits to show; 0 for all."),
    speaker: Optional[str] = typer.Option(
        None, "--speaker", help="Only paragraphs by this speaker (case/accent-insensitive)."
    ),
    section: Optional[str] = typer.Option(None, "--section", help="Only paragraphs under this section heading."),
    doc: Optional[str] = typer.Option(None, "--doc", help="Only paragraphs of this document."),
    body: Optional[str] = typer.Option(None, "--body", help="Only releases of this body (e.g. 'security council')."),
    date_from: Optional[str] = typer.Option(
        None, "--from", help="Only meetings on or after this date (YYYY[-MM[-DD]])."
    ),
    date_to: Optional[str] = typer.Option(None, "--to", help="Only meetings on or before this date (YYYY[-MM[-DD]])."),
    sort: Sort = typer.Option(Sort.relevance, "--sort", help="Order hits by relevance, date or doc (document order)."),
    reverse: bool = typer.Option(False, "--reverse", "-r", help="With --sort date or doc: newest or last first."),
    context: int = typer.Option(0, "-C", "--context", help="Show N neighbouring paragraphs around each hit."),
    literal: bool = typer.Option(False, "--literal", help="Treat the query as plain words (no syntax)."),
    explain: bool = typer.Option(False, "--explain", help="Print how the query was read, on stderr."),
    json_out: bool = typer.Option(False, "--json", help="JSON Lines on stdout, one object per hit."),
    count: bool = typer.Option(False, "--count", "-c", help="Print only the number of matching paragraphs."),
    full: bool = typer.Option(False, "--full", help="Show whole paragraphs, not fragments."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour: auto (on a TTY, unless NO_COLOR), always, never."),
    no_pager: bool = typer.Option(False, "--no-pager", help="Never page long output (it is never paged when piped)."),
) -> None:
    """Ranked search; shows each hit's speaker, section, id and highlighted fragment."""
    from .query import Filters
    from .search import explain as explain_query
    from .search import search_with_suggestions

    if limit < 0 or context < 0:
        raise UntrackError("--limit and --context must be 0 or more")
    store = _existing(index)
    text = " ".join(query or [])
    filters = Filters(speaker, section, doc, body, date_from, date_to)
    if explain:
        for line in explain_query(store, text, filters, literal=literal).splitlines():
            say(line)
    if count:
        limit, context = 0, 0  # every match counts, whatever -n says
    outcome = search_with_suggestions(
        store, text, literal=literal, limit=limit, filters=filters, sort=sort.value, context=context, reverse=reverse
    )
    if outcome.corrected and outcome.correction:
        say(f"no match for “{text}”; showing results for “{outcome.correction.query}”")
    elif outcome.correction:
        say(f"did you mean “{outcome.correction.query}”?")
    hits = outcome.hits
    if count:
        sys.stdout.write(f"{len(hits)}\n")
        sys.stdout.flush()
        raise typer.Exit(0 if hits else 1)
    if not hits and filters.any():
        from .search import unmatched_filters

        for line in unmatched_filters(store, filters):
            say(line)
    if json_out:
        from .plain import write_jsonl

        write_jsonl(sys.stdout, (h.as_json() for h in hits))
    elif hits and _plain_out(color):
        from .plain import write_hits

        write_hits(sys.stdout, hits, full=full)
    elif hits:
        from .render import hits_renderables, show, want_color

        show(hits_renderables(hits, full=full), want_color(color.value, sys.stdout), pager=not no_pager)
    sys.stdout.flush()
    raise typer.Exit(0 if hits else 1)


@app.command()
@friendly
def show(
    ids: List[str] = typer.Argument(..., help="Paragraph ids (DOC#N), as in --json output."),
    index: Optional[Path] = IndexOpt,
    context: int = typer.Option(0, "-C", "--context", help="Also show N neighbouring paragraphs."),
    json_out: bool = typer.Option(False, "--json", help="JSON Lines, one object per id."),
    color: Color = typer.Option(Color.auto, "--color"),
) -> None:
    """Print paragraphs by id (exit 1 if an id is not in the index)."""
    from .search import get

    if context < 0:
        raise UntrackError("--context must be 0 or more")
    store = _existing(index)
    found = []
    missing = False
    for pid in ids:
        got = get(store, pid, context)
        if got is None:
            say(f"no paragraph {pid} in {store.path}")
            missing = True
        else:
            found.append(got)
    if json_out:
        from .plain import write_jsonl

        write_jsonl(sys.stdout, ({**rec, "context": ctx} if context else rec for rec, ctx in found))
    elif found and _plain_out(color):
        from .plain import write_records

        write_records(sys.stdout, found)
    else:
        from .render import record_renderables, want_color
        from .render import show as show_out

        show_out(record_renderables(found), want_color(color.value, sys.stdout), pager=False)
    raise typer.Exit(1 if missing or not found else 0)


@app.command("index")
@friendly
def index_cmd(
    paths: Optional[List[Path]] = typer.Argument(
        None, help="Release files (.txt, .html) or folders; default: those the index was built from."
    ),
    index: Optional[Path] = IndexOpt,
    sample: bool = typer.Option(
        False, "--sample", help="Index the bundled sample release (General Assembly, 3 April 2012)."
    ),
    rebuild: bool = typer.Option(False, "--rebuild", help="Start a fresh index instead of updating."),
    prune: bool = typer.Option(False, "--prune", help="Drop documents whose files are gone."),
    optimize: bool = typer.Option(
        False, "--optimize", help="Merge the whole index into one segment (slower now, searches a little faster)."
    ),
    follow: bool = typer.Option(
        False, "--follow", "-L", help="Follow symbolic links inside folders (by default they are skipped)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary on stderr."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List unattributed paragraph ids."),
) -> None:
    """Build or update the index (atomically: a failed run leaves the old index)."""
    from .index import find_sources
    from .sources import SEED_NAME, bundled_seed
    from .textutil import shown_path

    store = _store(index)
    roots = [*(paths or []), *([bundled_seed()] if sample else [])]
    if paths and not sample and store.exists() and store.holds_only_sample():
        # The sample was for trying untrack out; the user's own releases take its place.
        say(f"replacing the sample release in {shown_path(store.path)} with yours")
        rebuild = True
    # No paths: refresh (or rebuild) from what built this index.
    roots = roots or [
        bundled_seed() if p.name == SEED_NAME and not p.exists() else p  # the sample, from another install
        for p in store.recorded_sources()
    ]
    if not roots:
        raise UntrackError(
            f"nothing to index into {shown_path(store.path)}: name release files or folders, "
            "or give --sample for the bundled release"
        )
    sources = find_sources(roots, say, follow=follow)
    from .render import progress_bar

    with store.lock(notify=say), progress_bar(enabled=not quiet) as progress:
        report = store.update(
            sources, rebuild=rebuild, prune=prune, warn=say, progress=progress, roots=roots, optimize=optimize
        )
    if not quiet:
        say(
            f"indexed {report.indexed} document(s) into {shown_path(store.path)}: {len(report.added)} added, "
            f"{len(report.changed)} changed, {len(report.unchanged)} unchanged, "
            + (f"{len(report.moved)} moved, " if report.moved else "")
            + f"{len(report.removed)} removed; "
            f"{report.paragraphs} paragraphs; {len(report.unattributed)} read like statements but have no speaker"
            + (f"; {len(report.failed)} file(s) skipped" if report.failed else "")
        )
        if verbose and report.unattributed:
            say("unattributed: " + " ".join(report.unattributed))
    if report.indexed == 0 and not report.removed:
        raise UntrackError("nothing could be indexed")


@app.command()
@friendly
def export(index: Optional[Path] = IndexOpt) -> None:
    """Every paragraph as JSON Lines, in document order."""
    from .plain import write_jsonl

    write_jsonl(sys.stdout, _existing(index).records())


@app.command()
@friendly
def speakers(
    query: Optional[List[str]] = typer.Argument(None, help="Count only paragraphs matching this query."),
    index: Optional[Path] = IndexOpt,
    json_out: bool = typer.Option(False, "--json", help="JSON Lines, one object per speaker."),
    color: Color = typer.Option(Color.auto, "--color"),
) -> None:
    """Speakers with affiliation and paragraph counts, most first ("who says X most" with a QUERY)."""
    from .speakers import speaker_table

    store = _existing(index)
    if query:
        from .search import search as run_search

        # Who says X most: count paragraphs holding every word of X.
        records = [h.record for h in run_search(store, " ".join(query), limit=0, require_all=True)]
    else:
        records = store.records()
    rows = speaker_table(records)
    if json_out:
        from .plain import write_jsonl

        write_jsonl(sys.stdout, (r.as_json() for r in rows))
    elif not sys.stdout.isatty():
        from .plain import safe

        # Piped: tab-separated lines, easy to cut/sort/awk (use --json for scripts).
        for r in rows:
            sys.stdout.write(f"{r.paragraphs}\t{safe(r.speaker)}\t{safe(r.affiliation)}\n")
    else:
        from rich.table import Table

        from .render import console, safe, want_color

        table = Table(box=None, pad_edge=False)
        table.add_column("paragraphs", justify="right")
        table.add_column("speaker", style="bold cyan")
        table.add_column("affiliation")
        for r in rows:
            table.add_row(str(r.paragraphs), safe(r.speaker), safe(r.affiliation))
        console(want_color(color.value, sys.stdout)).print(table)
    raise typer.Exit(0 if rows else 1)


@app.command()
@friendly
def status(
    index: Optional[Path] = IndexOpt,
    json_out: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """What the index holds: documents, paragraphs, speakers, size, schema, when built."""
    info = _existing(index, refresh_sample=False).status()
    if json_out:
        from .plain import to_json

        sys.stdout.write(to_json(info) + "\n")
        return
    from .plain import safe

    width = max(len(k) for k in info)
    for key, value in info.items():
        shown = ("yes" if value else "no") if isinstance(value, bool) else str(value)
        sys.stdout.write(f"{key.replace('_', ' '):<{width}}  {safe(shown)}\n")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
