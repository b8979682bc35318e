"""docs/cli.md is what `python docs/make_cli_docs.py` writes from the program's own --help."""

from __future__ import annotations

import importlib.util
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_the_command_reference_is_generated_from_help_and_current() -> None:
    spec = importlib.util.spec_from_file_location("make_cli_docs", DOCS / "make_cli_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.render()
    assert "## `untrack search`" in expected and "--format" in expected
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == expected, "run: python docs/make_cli_docs.py"
