"""The `untrack` program's entry point (`untrack` and `python -m untrack` both start here).

Ctrl-C may come at any moment: during the imports of Typer, Rich and Whoosh (a tenth of a
second before any command runs), in a command, while a pool of parse workers shuts down, or
while an error is being reported. Whenever it comes, the run ends with one line on stderr,
`untrack: interrupted`, and exit status 130, never a traceback. So this module runs before
anything else is imported, catches the interrupt around the whole run, and lets Ctrl-C
interrupt only once: a second one, while the first is being handled, is ignored.

It imports nothing but the interpreter's built-in `_signal` (`signal` would pull in `enum`
first, widening the moment before Ctrl-C is handled) and `gc`, and adds nothing to start-up time.

The imports make tens of thousands of objects that live as long as the process (modules,
classes, functions); the cyclic garbage collector scanned them again and again, about 30 M
instructions of a cold search (docs/performance.md, "Session 9: cold start-up"). So it is off
while they are made, and they are then frozen out of its sight; every command runs with it on.
"""

from __future__ import annotations

import _signal
import gc
import sys

_state = {"interrupted": False, "said": False}


def _on_sigint(signum: int, frame: object) -> None:
    if _state["interrupted"]:
        return  # the run is already ending because of Ctrl-C
    _state["interrupted"] = True
    raise KeyboardInterrupt


def say_interrupted() -> None:
    """The one line saying the run was interrupted (written once, however often this is called)."""
    _state["interrupted"] = True
    if _state["said"]:
        return
    _state["said"] = True
    try:
        sys.stderr.write("untrack: interrupted\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # no stderr to write to


def main() -> None:
    code: str | int | None = 0
    try:
        # Only where Ctrl-C raises KeyboardInterrupt as usual (not if it is ignored, as in `nohup`).
        if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
            _signal.signal(_signal.SIGINT, _on_sigint)
        gc.disable()
        from .cli import main as run

        gc.freeze()
        gc.enable()
        run()
    except KeyboardInterrupt:
        _state["interrupted"] = True
    except SystemExit as e:
        code = e.code
    # The run is over: Ctrl-C now would only interrupt the exit itself.
    _signal.signal(_signal.SIGINT, _signal.SIG_IGN)
    if _state["interrupted"]:
        say_interrupted()
        _exit_interrupted()
    sys.exit(code)


def _exit_interrupted() -> None:
    """Exit with status 130 after a Ctrl-C that has been handled.

    Not by `sys.exit(130)`: CPython remembers a KeyboardInterrupt raised inside eval() or exec()
    of a string (as dataclasses, typing and inspect do while Typer builds the command line) even
    once it is caught, and then ends the process by SIGINT instead of with the status asked for.
    So the exit handlers run here, the output is flushed, and the process ends at once.
    """
    import atexit
    import os

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    os._exit(130)
