"""untrack: full-text search over UN meetings-coverage press releases.

The library stands alone (``untrack.parse``, ``untrack.attribute``, ``untrack.index``,
``untrack.search``); ``untrack.cli`` is a thin Typer layer over it.
"""

__version__ = "0.1.0"
# Named in the User-Agent of `untrack fetch`, so a site's operators can see who is asking.
# The project has no public address yet: this reserved name stands in until it has one.
PROJECT_URL = "https://untrack.invalid/"
