"""Ordinal numbers in words and in figures: "seventy-seventh" is 77, and 51 is "fifty-first".

Releases write a session's number in words ("its fifty-first session", "Seventy-seventh Session");
people type it in figures ("CEDAW 51st session"). Both are read here, from first to ninety-ninth.
"""

from __future__ import annotations

_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_TEENS = "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
ORDINALS: dict[str, int] = {
    **{w: i for i, w in enumerate(_UNITS, 1)},
    **{w: i for i, w in enumerate(_TEENS, 10)},
    **{t[:-1] + "ieth": 10 * i for i, t in enumerate(_TENS, 2)},
    **{f"{t}-{u}": 10 * i + j for i, t in enumerate(_TENS, 2) for j, u in enumerate(_UNITS, 1)},
}
_IN_WORDS = {n: w for w, n in ORDINALS.items()}


def ordinal(word: str) -> int | None:
    """'Seventy-seventh' → 77, 'twelfth' → 12; None for anything else."""
    return ORDINALS.get(word.lower())


def in_words(n: int) -> str | None:
    """51 → 'fifty-first'; None outside 1–99."""
    return _IN_WORDS.get(n)
