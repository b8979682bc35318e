"""Issue 5: an index run killed at any moment leaves the old index or the new one, never half of one;
searches during an index run always answer from a complete index."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from untrack.sources import bundled_seed

COPIES = 40


def untrack(*args: str, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "untrack", *args], capture_output=True, text=True, timeout=120, **kw)


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "untrack", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("copies")
    for i in range(COPIES):
        shutil.copy(bundled_seed(), folder / f"release{i:03}.txt")
    return folder


def paragraph_count(ix: Path) -> int:
    res = untrack("status", "--index", str(ix), "--json")
    assert res.returncode == 0, res.stderr
    return int(json.loads(res.stdout)["paragraphs"])


@pytest.mark.parametrize("delay", [0.3, 1.0, 2.0, 3.5])
def test_kill_9_at_any_moment_leaves_a_complete_index(tmp_path: Path, corpus: Path, delay: float) -> None:
    ix = tmp_path / "ix"
    assert untrack("index", "--index", str(ix), "--sample").returncode == 0
    proc = start("index", "--index", str(ix), "--rebuild", str(corpus))
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert paragraph_count(ix) in (58, 58 * COPIES)
    res = untrack("search", "--index", str(ix), "--json", "footballers")
    assert res.returncode == 0 and "Traceback" not in res.stderr
    # The next run cleans up and completes.
    assert untrack("index", "--index", str(ix), "--rebuild", str(corpus)).returncode == 0
    assert paragraph_count(ix) == 58 * COPIES
    assert not [p for p in ix.iterdir() if p.name.startswith(".building")]


def test_ctrl_c_exits_130_and_keeps_the_old_index(tmp_path: Path, corpus: Path) -> None:
    ix = tmp_path / "ix"
    assert untrack("index", "--index", str(ix), "--sample").returncode == 0
    proc = start("index", "--index", str(ix), "--rebuild", str(corpus))
    # Interrupt once the new generation is being built (not after a fixed delay, which a fast build beats).
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if [p for p in ix.iterdir() if p.name.startswith(".building")]:
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert paragraph_count(ix) == 58
    assert not [p for p in ix.iterdir() if p.name.startswith(".building")]


def test_searches_during_an_index_run_always_answer(tmp_path: Path, corpus: Path) -> None:
    ix = tmp_path / "ix"
    assert untrack("index", "--index", str(ix), "--sample").returncode == 0
    proc = start("index", "--index", str(ix), "--rebuild", str(corpus))
    answers = 0
    env = dict(os.environ, UNTRACK_INDEX=str(ix))
    while proc.poll() is None or answers < 3:
        res = subprocess.run(
            [sys.executable, "-m", "untrack", "search", "--json", "-n", "0", "footballers"],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert res.returncode == 0, res.stderr
        assert len(res.stdout.splitlines()) in (1, COPIES)
        answers += 1
    assert proc.returncode == 0
    assert paragraph_count(ix) == 58 * COPIES
