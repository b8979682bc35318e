"""The one exception family the CLI turns into a one-line message and exit status 2."""


class UntrackError(Exception):
    """A problem the user can act on; str(error) is the whole message."""
