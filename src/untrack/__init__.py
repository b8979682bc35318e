"""untrack: full-text search over UN meetings-coverage press releases.

The library stands alone (``untrack.parse``, ``untrack.attribute``, ``untrack.index``,
``untrack.search``); ``untrack.cli`` is a thin Typer layer over it.
"""

__version__ = "0.1.0"
