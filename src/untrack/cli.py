"""The `untrack` command: parses options, calls the library, hands the result to a printer.

Each command is one function below; a new one needs only `@app.command()` and `@friendly`.
Exit statuses are :class:`untrack.errors.ExitStatus`: 0 matched, 1 no match, 2 a user error
(one line on stderr), 70 a bug (one line asking for a report), 130 interrupted.
"""

# No `from __future__ import annotations`: Typer reads every parameter's annotation when it builds a
# command, and real ones spare it compiling each from a string (start-up).
import functools
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Any, Callable, List, Optional, TypeVar

from .entry import say_interrupted
from .errors import ExitStatus, UntrackError, raised_in


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
    help="""Full-text search over UN meetings-coverage press releases, by speaker.

\b
Start here:
  untrack index --sample            index the bundled release (or: untrack index FOLDER)
  untrack search "trust fund"       ranked hits: speaker, id, date, section, fragment
  untrack COMMAND -h                a command's options (search: the query syntax)

\b
The index: --index DIR, else $UNTRACK_INDEX, else ./index if it holds one, else
~/.local/share/untrack/index ($XDG_DATA_HOME). Exit status: 0 matched, 1 no match,
2 error, 70 internal error, 130 interrupted. NO_COLOR and TERM=dumb turn colour off.
""",
)

F = TypeVar("F", bound=Callable[..., Any])


def _version(value: bool) -> None:
    if value:
        from . import __version__

        sys.stdout.write(f"untrack {__version__}\n")
        raise typer.Exit(ExitStatus.OK)


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print untrack's version and exit."
    ),
) -> None:
    """untrack: see the app's help."""


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class Format(str, Enum):
    text = "text"
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"


def _format(fmt: Format, json_out: bool) -> str:
    return "jsonl" if json_out else fmt.value


FormatOpt = typer.Option(
    Format.text,
    "--format",
    "-f",
    help="text (the default: for people), table, csv, tsv (with a header row), json (one array), jsonl.",
)
JsonOpt = typer.Option(False, "--json", help="JSON Lines, one object per line (the same as --format jsonl).")
ColorOpt = typer.Option(Color.auto, "--color", help="Colour: auto (on a TTY, unless NO_COLOR), always, never.")


def _exit(found: object) -> None:
    """The status of a command that looks things up: 0 when it found something, else 1."""
    sys.stdout.flush()
    raise typer.Exit(ExitStatus.OK if found else ExitStatus.NO_MATCH)


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
    ranker_modules = ("untrack.ranking", "untrack.terms", "untrack.postings", "untrack.scores")
    return raised_in(error, ("whoosh.", *ranker_modules, "untrack.safepickle"))


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
            raise typer.Exit(ExitStatus.ERROR) from None
        except KeyboardInterrupt:
            say_interrupted()
            raise typer.Exit(ExitStatus.INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (`untrack search x | head`): stop quietly, like grep.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(ExitStatus.OK) from None
        except OSError as e:  # the machine said no: name the path and the reason, as a user error
            if os.environ.get("UNTRACK_DEBUG"):
                raise
            from .textutil import os_error

            say(f"error: {os_error(e)}")
            raise typer.Exit(ExitStatus.ERROR) from None
        except Exception as e:  # a bug: still one line, no traceback
            if os.environ.get("UNTRACK_DEBUG"):
                raise
            if _is_damage(e):
                from .index import damaged_message

                say(f"error: {damaged_message(kwargs.get('index'), type(e).__name__)}")
                raise typer.Exit(ExitStatus.ERROR) from None
            say(f"internal error, please report: {type(e).__name__}: {e} (UNTRACK_DEBUG=1 shows a traceback)")
            raise typer.Exit(ExitStatus.INTERNAL) from None

    return wrapper  # type: ignore[return-value]


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


def _outdated_sample(store: Any) -> bool:
    """Is this an index of the bundled sample alone that an older untrack built?"""
    from .index import OutdatedIndex

    if not store.exists():
        return False
    try:
        store.manifest()
    except OutdatedIndex as e:
        return bool(e.only_sample)
    return False


def _sample_of_another_install(store: Any) -> bool:
    """Does the index hold the bundled sample alone, read from another install's copy (another
    virtual environment sharing the default index)?"""
    from .sources import SEED_NAME, bundled_seed

    if not store.exists() or not store.holds_only_sample():
        return False
    return any(p.name == SEED_NAME and p != bundled_seed() for p in store.recorded_sources())


SEARCH_HELP = """Ranked search; each hit shows its speaker, id, date, section and best fragment.

\b
Examples:
  untrack search "trust fund donations"
  untrack search how much did Australia pledge
  untrack search courts --speaker bachelet -C 1
  untrack search trafficking --from 2012 --sort -date -n 0 --format csv

\b
Query syntax: plain words or a question (stemmed; question words dropped); "a phrase";
AND, OR, NOT, (grouping); field:value for speaker, section, body, doc, date, title
(date:[2012 TO 2013]); wild* and fuzzy~ (one edit) or fuzzy~2; word^2 to boost.
--literal turns the syntax off; --explain shows how the query was read.
"""


@app.command(help=SEARCH_HELP)
@friendly
def search(
    query: Optional[List[str]] = typer.Argument(None, help='Words, "phrases", field:term, AND/OR/NOT, wild*, fuzzy~.'),
    index: Optional[Path] = IndexOpt,
    limit: Optional[int] = typer.Option(
        None, "-n", "--limit", help="Most hits to show (10; on a terminal, what fits the screen); 0 for all."
    ),
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
    sort: str = typer.Option(
        "relevance", "--sort", help="relevance, date or doc (document order); -date or -doc: newest or last first."
    ),
    reverse: bool = typer.Option(False, "--reverse", "-r", help="With --sort date or doc: newest or last first."),
    context: int = typer.Option(0, "-C", "--context", help="Show N neighbouring paragraphs each side of a hit."),
    after: Optional[int] = typer.Option(None, "-A", "--after-context", help="Show N paragraphs after each hit."),
    before: Optional[int] = typer.Option(None, "-B", "--before-context", help="Show N paragraphs before each hit."),
    literal: bool = typer.Option(False, "--literal", help="Treat the query as plain words (no syntax)."),
    explain: bool = typer.Option(False, "--explain", help="Print how the query was read, on stderr."),
    semantic: bool = typer.Option(
        False,
        "--semantic",
        help="Re-rank the best hits by meaning too, in relevance order (optional extra: untrack[semantic]).",
    ),
    fmt: Format = FormatOpt,
    json_out: bool = JsonOpt,
    count: bool = typer.Option(False, "--count", "-c", help="Print only the number of matching paragraphs."),
    summary: bool = typer.Option(
        False, "--summary", help='With --json: end with one {"summary": …} line (hits shown, total matching).'
    ),
    full: bool = typer.Option(False, "--full", help="Show whole paragraphs and neighbours, not fragments."),
    color: Color = ColorOpt,
    no_pager: bool = typer.Option(False, "--no-pager", help="Never page long output (it is never paged when piped)."),
) -> None:
    from .printers import printer
    from .query import SORTS, Filters
    from .search import explain as explain_query
    from .search import search_with_suggestions

    if sort.startswith("-") and sort[1:] in SORTS:
        sort, reverse = sort[1:], True
    before = context if before is None else before
    after = context if after is None else after
    on_screen = _format(fmt, json_out) == "text" and sys.stdout.isatty() and not count
    if limit is None:
        limit = _screenful(before + after, full) if on_screen else DEFAULT_LIMIT
    if limit < 0 or min(context, before, after) < 0:
        raise UntrackError("--limit and the context counts (-C, -A, -B) must be 0 or more")
    if summary and _format(fmt, json_out) != "jsonl":
        raise UntrackError("--summary goes with --json (JSON Lines): other formats have no place for it")
    store = _existing(index)
    text = " ".join(query or [])
    filters = Filters(speaker, section, doc, body, date_from, date_to)
    if explain:
        for line in explain_query(store, text, filters, literal=literal).splitlines():
            say(line)
    if count:
        limit, before, after = 0, 0, 0  # every match counts, whatever -n says
    outcome = search_with_suggestions(
        store,
        text,
        literal=literal,
        limit=limit,
        filters=filters,
        sort=sort,
        before=before,
        after=after,
        reverse=reverse,
        semantic=semantic,
    )
    if outcome.corrected and outcome.correction:
        say(f"no match for “{text}”; showing results for “{outcome.correction.query}”")
    elif outcome.correction:
        say(f"did you mean “{outcome.correction.query}”?")
    hits = outcome.hits
    if count:
        sys.stdout.write(f"{len(hits)}\n")
        _exit(hits)
    if not hits and filters.any():
        from .search import unmatched_filters

        for line in unmatched_filters(store, filters):
            say(line)
    printer(_format(fmt, json_out), color.value, pager=not no_pager).hits(hits, full=full)
    asked = outcome.correction.query if outcome.corrected and outcome.correction else text
    if summary:
        from .plain import to_json

        total = len(hits) if not limit or len(hits) < limit else _total(store, asked, filters, sort, literal)
        facts = {"shown": len(hits), "total": total, "query": asked, "corrected": bool(outcome.corrected)}
        sys.stdout.write(to_json({"summary": facts}) + "\n")
    if on_screen and limit and len(hits) == limit:  # there may be more: say how many, as a total line
        total = _total(store, asked, filters, sort, literal)
        if total > limit:
            say(f"{limit} of {total} matching paragraphs shown; -n N shows N, -n 0 all")
    _exit(hits)


def _total(store: Any, query: str, filters: Any, sort: str, literal: bool) -> int:
    """How many paragraphs match in all (the hits shown may be the first few)."""
    from .search import search as every

    return len(every(store, query, limit=0, filters=filters, sort=sort, literal=literal))


DEFAULT_LIMIT = 10


def _screenful(neighbours: int, full: bool) -> int:
    """How many compact hits fit the terminal (each takes at most four lines and a blank one, plus
    one a neighbour), so a first search needs no pager; at most the usual ten."""
    import shutil

    if full:
        return DEFAULT_LIMIT
    rows = shutil.get_terminal_size().lines - 2  # the prompt and the total line
    return max(1, min(DEFAULT_LIMIT, rows // (5 + neighbours)))


@app.command()
@friendly
def show(
    ids: List[str] = typer.Argument(..., help="Paragraph ids (DOC#N), as in --json output."),
    index: Optional[Path] = IndexOpt,
    context: int = typer.Option(0, "-C", "--context", help="Also show N neighbouring paragraphs each side."),
    after: Optional[int] = typer.Option(None, "-A", "--after-context", help="Also show N paragraphs after."),
    before: Optional[int] = typer.Option(None, "-B", "--before-context", help="Also show N paragraphs before."),
    fmt: Format = FormatOpt,
    json_out: bool = JsonOpt,
    color: Color = ColorOpt,
) -> None:
    """Print paragraphs by id (exit 1 if an id is not in the index)."""
    from .printers import printer
    from .search import get

    before = context if before is None else before
    after = context if after is None else after
    if min(context, before, after) < 0:
        raise UntrackError("--context must be 0 or more")
    store = _existing(index)
    found = []
    missing = False
    for pid in ids:
        got = get(store, pid, before, after)
        if got is None:
            say(f"no paragraph {pid} in {store.path}")
            missing = True
        else:
            found.append(got)
    printer(_format(fmt, json_out), color.value).records(found)
    _exit(found and not missing)


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
    from .build import find_sources
    from .sources import SEED_NAME, bundled_seed
    from .textutil import shown_path

    store = _store(index)
    roots = [*(paths or []), *([bundled_seed()] if sample else [])]
    if not rebuild and not paths and _outdated_sample(store):
        # The README's first command, run again after an upgrade: the sample is rebuilt, as search does.
        say(f"the sample index at {shown_path(store.path)} was built by an older untrack; rebuilding it")
        rebuild = True
    elif sample and not rebuild and not paths and _sample_of_another_install(store):
        rebuild = True  # one sample, this install's: not a second copy of the same release beside it
    replaces_sample = bool(paths) and not sample and store.exists() and store.holds_only_sample()
    if replaces_sample:
        rebuild = True  # the sample was for trying untrack out; the user's own releases take its place
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
    if report.indexed == 0 and not report.removed:
        # (an update that indexes nothing commits nothing: the index is as it was, sample and all)
        raise UntrackError(f"nothing could be indexed; the index at {shown_path(store.path)} is unchanged")
    if replaces_sample:
        say(f"replaced the sample release in {shown_path(store.path)} with yours")
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


def _fetch_summary(report: Any, where: str) -> str:
    """The one line that ends a fetch run."""
    line = (
        f"fetched {report.fetched} page(s) ({len(report.new)} new, {len(report.changed)} changed), "
        f"{len(report.unchanged)} unchanged, {len(report.failed)} failed, "
        f"{len(report.other)} not a meetings-coverage release (indexed anyway)"
    )
    if report.left:
        line += f", {report.left} left for another run"
    if report.indexed is not None:
        ix = report.indexed
        line += f"; {where} now holds {ix.indexed} document(s) ({len(ix.added)} added, {len(ix.changed)} changed)"
    return line


@app.command()
@friendly
def fetch(
    targets: Optional[List[str]] = typer.Argument(
        None, help="Page addresses (https://press.un.org/en/2023/sc15551.doc.htm) or symbols (SC/15551, with --year)."
    ),
    index: Optional[Path] = IndexOpt,
    from_file: Optional[Path] = typer.Option(
        None, "--from", help="Addresses or symbols from FILE (-: stdin), one a line."
    ),
    feed: bool = typer.Option(False, "--feed", help="Also fetch the newest releases the site's RSS feed lists."),
    feed_url: Optional[str] = typer.Option(None, "--feed-url", help="Read this RSS feed instead (implies --feed)."),
    year: Optional[int] = typer.Option(None, "--year", help="The year of the releases named by symbol."),
    no_index: bool = typer.Option(False, "--no-index", help="Only download into the cache; do not index."),
    skip_cached: bool = typer.Option(
        False, "--skip-cached", help="Do not ask again for pages already cached (to go on after a stop)."
    ),
    wait: float = typer.Option(1.0, "--wait", help="Seconds between requests (at least 1)."),
    timeout: float = typer.Option(30.0, "--timeout", help="Seconds to wait for the site before a retry."),
    retries: int = typer.Option(3, "--retries", help="Tries after a timeout, 5xx or 429, with exponential backoff."),
    max_pages: int = typer.Option(500, "--max-pages", help="Most pages to request in one run."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
) -> None:
    """Fetch release pages from the meetings-coverage site (politely, cached) and index them."""
    from .addresses import FEED_URL, read_list
    from .fetch import Politeness, fetch_into
    from .textutil import shown_path

    for bad, rule in (
        (wait < 1, "--wait must be at least 1 second (the site is shared)"),
        (timeout <= 0, "--timeout must be above 0"),
        (retries < 0, "--retries must be 0 or more"),
        (max_pages < 1, "--max-pages must be 1 or more"),
    ):
        if bad:
            raise UntrackError(rule)
    names = [*(targets or []), *(read_list(from_file) if from_file else [])]
    feed_at = feed_url or (FEED_URL if feed else None)
    if not names and not feed_at:
        raise UntrackError("name what to fetch: page addresses, symbols with --year, --from FILE, or --feed")
    politeness = Politeness(wait=wait, timeout=timeout, retries=retries, max_pages=max_pages)
    if os.environ.get("UNTRACK_TEST_NO_WAIT"):  # the test suite's local server needs no pauses
        politeness.sleep = lambda seconds: None
    store = _store(index)
    from .render import progress_bar

    with progress_bar(enabled=not quiet, label="fetching") as progress:
        report = fetch_into(
            store,
            names,
            year=year,
            feed=feed_at,
            index=not no_index,
            skip_cached=skip_cached,
            politeness=politeness,
            warn=say,
            progress=progress,
        )
    if not quiet:
        say(_fetch_summary(report, shown_path(store.path)))
    if not report.got_any and (names or report.failed):
        raise UntrackError("nothing could be fetched")


@app.command()
@friendly
def export(
    index: Optional[Path] = IndexOpt,
    fmt: Format = typer.Option(Format.jsonl, "--format", "-f", help="jsonl (the default), json, csv, tsv, table."),
) -> None:
    """Every record (paragraphs and headings) in document order."""
    from .printers import printer

    printer(fmt.value).export(_existing(index).records())


@app.command()
@friendly
def speakers(
    query: Optional[List[str]] = typer.Argument(None, help="Count only paragraphs matching this query."),
    index: Optional[Path] = IndexOpt,
    fmt: Format = FormatOpt,
    json_out: bool = JsonOpt,
    color: Color = ColorOpt,
) -> None:
    """Speakers with affiliation and paragraph counts, most first ("who says X most" with a QUERY)."""
    from .printers import printer
    from .speakers import speaker_table

    store = _existing(index)
    if query:
        from .search import search as run_search

        # Who says X most: count paragraphs holding every word of X.
        records = [h.record for h in run_search(store, " ".join(query), limit=0, require_all=True)]
    else:
        records = store.records()
    rows = speaker_table(records)
    printer(_format(fmt, json_out), color.value).speakers(rows)
    _exit(rows)


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


class Shell(str, Enum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


COMPLETE_VAR = "_UNTRACK_COMPLETE"  # set by the completion script when the shell asks for words


def _completion_classes() -> None:
    """Typer's completion for bash, zsh and fish, registered only when completing or printing a script."""
    from typer._completion_classes import completion_init

    completion_init()


@app.command()
@friendly
def completion(shell: Shell = typer.Argument(..., help="bash, zsh or fish.")) -> None:
    """Print the completion script for a shell.

    \b
    bash:  eval "$(untrack completion bash)"    (in ~/.bashrc)
    zsh:   eval "$(untrack completion zsh)"     (in ~/.zshrc, after compinit)
    fish:  untrack completion fish > ~/.config/fish/completions/untrack.fish
    """
    from click.shell_completion import get_completion_class

    if shell is None:  # (click lets a required Choice argument through as None; say what is missing)
        raise UntrackError("name a shell: untrack completion bash, zsh or fish")
    _completion_classes()
    cls = get_completion_class(shell.value)
    assert cls is not None
    script = cls(typer.main.get_command(app), {}, "untrack", COMPLETE_VAR).source()
    sys.stdout.write(script.strip("\n") + "\n")


def _command_named(name: str) -> Any:
    """The registered command called `name` (as Typer names it), or None."""
    for info in app.registered_commands:
        if (info.name or typer.main.get_command_name(info.callback.__name__)) == name:
            return info
    return None


def main() -> None:
    if COMPLETE_VAR in os.environ:
        _completion_classes()
        app(prog_name="untrack")
        return
    # Start-up: Typer builds every command's click parameters (types, defaults, help) before it
    # runs one, a few ms each. When the first argument names a command, only that one is built;
    # the app's own options, help and errors (`untrack`, `untrack -h`, a mistyped command) still
    # see them all.
    only = _command_named(sys.argv[1]) if len(sys.argv) > 1 else None
    every = app.registered_commands
    if only is not None:
        app.registered_commands = [only]
    try:
        app(prog_name="untrack")
    finally:
        app.registered_commands = every


if __name__ == "__main__":
    main()
