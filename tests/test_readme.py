"""Every console example in the README and in docs/ runs as shown (whitespace aside), so none can drift.

Each page's commands run in order in a fresh folder of their own, with a home of their own (so the
index is a new user's `~/.local/share/untrack/index`), holding the release files of tests/fixtures
where the repository has them; `python tests/…` examples run from the repository.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


def examples(text: str) -> list[tuple[str, str]]:
    """(command, expected output) for every `$ ` line of every console block."""
    out: list[tuple[str, str]] = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        command, lines = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    out.append((command, "\n".join(lines)))
                command, lines = line[2:], []
            else:
                lines.append(line)
        if command is not None:
            out.append((command, "\n".join(lines)))
    return out


def squash(text: str) -> str:
    """Tables on a terminal and tab-separated lines in a pipe say the same: compare words."""
    return re.sub(r"\s+", " ", text).strip()


PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _fresh_folder(where: Path) -> None:
    """A folder like a clone, for the commands: the release files of tests/fixtures, nothing else."""
    for f in FIXTURES.rglob("*"):
        if f.suffix in (".txt", ".html"):
            target = where / "tests" / "fixtures" / f.relative_to(FIXTURES)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, target)


def test_there_are_examples_and_the_readme_is_short() -> None:
    assert sum(len(examples(page.read_text(encoding="utf-8"))) for page in PAGES) >= 8
    assert len((ROOT / "README.md").read_bytes()) <= 15_000


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_console_examples_print_what_the_pages_show(tmp_path: Path, page: Path) -> None:
    cases = examples(page.read_text(encoding="utf-8"))
    if not cases:
        pytest.skip("no console examples")
    _fresh_folder(tmp_path)
    drop = ("UNTRACK_INDEX", "UNTRACK_DEBUG", "LESS", "PAGER", "XDG_DATA_HOME")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(NO_COLOR="1", COLUMNS="100", PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}")
    env["HOME"] = str(tmp_path / "home")  # a new user's: the index goes to ~/.local/share/untrack/index
    for command, expected in cases:
        cwd = ROOT if command.startswith("python tests/") else tmp_path
        res = subprocess.run(command, shell=True, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
        shown = res.stderr + res.stdout  # diagnostics come first, as on a terminal
        if command.startswith("untrack speakers") and expected.startswith("paragraphs"):
            expected = expected.split("\n", 1)[1]  # a terminal's table has a header; a pipe's lines do not
        assert res.returncode in (0, 1), (command, res.stderr)
        assert squash(shown) == squash(expected), f"$ {command}\n--- {page.name}\n{expected}\n--- now\n{shown}"
