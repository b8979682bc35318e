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
    res = subprocess.run([sys.executable, "-m", "untrack", "index", "--index", str(ix)], capture_output=True)
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
