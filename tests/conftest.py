from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))

from untrack.index import IndexStore  # noqa: E402
from untrack.sources import Source, bundled_seed  # noqa: E402

TESTS = Path(__file__).parent


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return bundled_seed()


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the bundled release, built once and shared (tests must not write to it)."""
    path = tmp_path_factory.mktemp("seed") / "index"
    IndexStore(path).update([Source.of(bundled_seed())], rebuild=True)
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test runs as a new user: no index variables, a home and data folder of its own (so a
    test never reads or writes the real ones), in an empty working folder (no ./index)."""
    for name in ("NO_COLOR", "UNTRACK_INDEX", "UNTRACK_DEBUG", "XDG_DATA_HOME", "PAGER", "LESS"):
        monkeypatch.delenv(name, raising=False)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
