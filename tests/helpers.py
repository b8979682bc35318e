"""Small things several test modules share."""

from __future__ import annotations

import json

SEED = "000_027ff52e41ff29f7"  # the bundled release's document name


def jsonl(output: str) -> list[dict]:
    """Parse JSON Lines output (blank lines ignored)."""
    return [json.loads(line) for line in output.splitlines() if line.strip()]
