"""Signals: a killed index run leaves no process behind; Ctrl-C at any moment is one line and 130."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from untrack.sources import PARALLEL_MIN, bundled_seed

COPIES = 40
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("copies")
    for i in range(COPIES):
        shutil.copy(bundled_seed(), folder / f"release{i:03}.txt")
    assert COPIES >= PARALLEL_MIN  # enough files for worker processes
    return folder


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ix = tmp_path_factory.mktemp("seeded") / "ix"
    res = subprocess.run(
        [sys.executable, "-m", "untrack", "index", "--index", str(ix), "--sample"], capture_output=True
    )
    assert res.returncode == 0, res.stderr
    return ix


def start(*args: str, stderr: Any = subprocess.DEVNULL) -> subprocess.Popen[bytes]:
    """`untrack ARGS` as the leader of a new session, so that its descendants can be found.

    Output goes to files, never pipes: a process left behind would hold a pipe open."""
    return subprocess.Popen(
        [sys.executable, "-m", "untrack", *args],
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        start_new_session=True,
    )


def session_members(sid: int) -> list[str]:
    """Live processes of session SID (zombies are dead, awaiting their reaper): 'pid ppid command'."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmd = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) "
        state, ppid, session = fields[0], fields[1], int(fields[3])
        if session == sid and state not in ("Z", "X"):
            found.append(f"{entry} {ppid} {cmd[:100]}")
    return found


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.fixture
def session_reaper() -> Iterator[list[int]]:
    """Sessions started by a test; whatever is left of them is killed afterwards, pass or fail."""
    sids: list[int] = []
    yield sids
    for sid in sids:
        try:
            os.killpg(sid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def assert_nothing_survives(proc: subprocess.Popen[bytes]) -> None:
    proc.kill()
    proc.wait(timeout=60)
    # Workers die with their parent, and the resource tracker once its last holder is gone.
    wait_until(lambda: not session_members(proc.pid), 5.0)
    assert session_members(proc.pid) == []


@linux_only
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="no worker processes on one core")
def test_kill_9_as_a_worker_starts_leaves_no_process(tmp_path: Path, corpus: Path, session_reaper: list[int]) -> None:
    """The parent dies while its first worker is still starting up: the worker must not live on."""
    proc = start("index", "--index", str(tmp_path / "ix"), "--rebuild", str(corpus))
    session_reaper.append(proc.pid)
    worker_started = wait_until(
        lambda: proc.poll() is not None or any("spawn_main" in p for p in session_members(proc.pid)), 60.0
    )
    assert worker_started and proc.poll() is None, "the index run ended before starting a worker"
    assert_nothing_survives(proc)


@linux_only
@pytest.mark.parametrize("delay", [0.1, 0.3, 0.6])
def test_kill_9_early_leaves_no_process(tmp_path: Path, corpus: Path, session_reaper: list[int], delay: float) -> None:
    proc = start("index", "--index", str(tmp_path / "ix"), "--rebuild", str(corpus))
    session_reaper.append(proc.pid)
    time.sleep(delay)  # where the kill lands; the assertion holds wherever that is
    assert_nothing_survives(proc)


# --- Ctrl-C -------------------------------------------------------------------------------------

UNTRACK_CODE = str(Path(__file__).resolve().parent.parent / "src" / "untrack")


def kill_group(pid: int) -> None:
    """Leave nothing of a test's run behind, whatever the test found."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def interrupt(tmp_path: Path, args: list[str], delay: float, whole_group: bool = False) -> tuple[int, str]:
    """Start `untrack ARGS`, send SIGINT after DELAY seconds (to the whole process group, as a
    terminal's Ctrl-C does, with WHOLE_GROUP), and return the exit status and stderr."""
    with open(tmp_path / "stderr", "w+b") as err:
        proc = start(*args, stderr=err)
        try:
            time.sleep(delay)  # where the Ctrl-C lands; the assertions hold wherever that is
            if whole_group:
                os.killpg(proc.pid, signal.SIGINT)
            else:
                proc.send_signal(signal.SIGINT)
            code = proc.wait(timeout=60)
        finally:
            kill_group(proc.pid)
        err.seek(0)
        return code, err.read().decode(errors="replace")


def python_had_not_started_untrack(code: int, err: str) -> bool:
    """Ctrl-C in the first few milliseconds, while CPython itself starts (before it handles
    Ctrl-C, or while it sets up its streams, reads site-packages or finds the package): CPython
    ends the process itself, silently or with its own start-up message, and no untrack code is
    on the stack. untrack cannot run any earlier than that."""
    if code == -signal.SIGINT and not err:
        return True  # ended by the signal itself, silently (a shell reports status 130)
    frames = [f for f in err.splitlines() if f.lstrip().startswith('File "')]
    return code in (1, -signal.SIGINT) and "KeyboardInterrupt" in err and not any(UNTRACK_CODE in f for f in frames)


def assert_one_line_and_130(code: int, err: str, finished: tuple[int, ...]) -> None:
    if python_had_not_started_untrack(code, err):
        return
    assert "Traceback" not in err, err
    if code == 130:
        assert err == "untrack: interrupted\n"
    else:  # the run had ended before the Ctrl-C came
        assert code in finished, (code, err)
        assert len(err.splitlines()) <= 1 and "interrupted" not in err, err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("delay", [0.0, 0.05, 0.1, 0.2, 0.4])
def test_ctrl_c_while_importing_is_one_line_and_130(tmp_path: Path, seeded: Path, delay: float) -> None:
    """A search spends its first tenth of a second importing Typer, Rich and Whoosh."""
    code, err = interrupt(tmp_path, ["search", "courts", "--index", str(seeded)], delay)
    assert_one_line_and_130(code, err, finished=(0, 1))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("delay", [0.1, 0.3, 0.6])
def test_ctrl_c_early_in_an_index_run_is_one_line_and_130(tmp_path: Path, corpus: Path, delay: float) -> None:
    code, err = interrupt(tmp_path, ["index", "--index", str(tmp_path / "ix"), "--rebuild", str(corpus)], delay)
    assert_one_line_and_130(code, err, finished=(0,))


@linux_only
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="no worker processes on one core")
def test_ctrl_c_at_a_terminal_as_a_worker_starts_is_one_line_and_130(tmp_path: Path, corpus: Path) -> None:
    """A terminal's Ctrl-C reaches every process of the group, the parse workers too."""
    args = ["index", "--index", str(tmp_path / "ix"), "--rebuild", str(corpus)]
    with open(tmp_path / "stderr", "w+b") as err:
        proc = start(*args, stderr=err)
        try:
            worker_started = wait_until(
                lambda: proc.poll() is not None or any("spawn_main" in p for p in session_members(proc.pid)), 60.0
            )
            assert worker_started and proc.poll() is None, "the index run ended before starting a worker"
            os.killpg(proc.pid, signal.SIGINT)
            code = proc.wait(timeout=60)
            assert wait_until(lambda: not session_members(proc.pid), 5.0), session_members(proc.pid)
        finally:
            kill_group(proc.pid)
        err.seek(0)
        text = err.read().decode(errors="replace")
    assert (code, text) == (130, "untrack: interrupted\n")
