"""The other words a plain question's words may be written as: everyday synonyms and acronyms.

Lookups go by stems, over runs of up to MAX_RUN content words, so one entry serves every
inflection ("industry" and "industries" alike) and stop words inside a phrase do not matter
("take the floor" is the run take·floor, "end of the meeting" end·meet). An entry's
alternatives are attached to the first word of the run it matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

MAX_RUN = 5  # the longest spelled-out name an acronym stands for, in content words
PAIR_WINDOW = 3  # a two-word entry also matches its words in either order this close ("money … make")
ACRONYM_WEIGHT = 1.0  # "ECOSOC" and "Economic and Social Council" are the same thing


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, ...], tuple[tuple[str, bool], ...]]:
    """Stems of a lexicon key → (alternative, is-an-acronym-equivalent) pairs."""
    from .analysis import analyzers
    from .lexicon import ACRONYMS, SYNONYMS

    an = analyzers().text
    table: dict[tuple[str, ...], list[tuple[str, bool]]] = {}

    def add(key: str, alternative: str, exact: bool) -> None:
        stems = tuple(t.text for t in an(key))
        if stems and alternative not in [a for a, _ in table.get(stems, [])]:
            table.setdefault(stems, []).append((alternative, exact))

    for key, alternatives in SYNONYMS.items():
        for alternative in alternatives:
            add(key, alternative, False)
    for acronym, name in ACRONYMS.items():
        add(acronym, name, True)
        add(name, acronym, True)
    return {k: tuple(v) for k, v in table.items()}


def alternatives(stems: Sequence[tuple[str, ...]]) -> list[list[tuple[str, bool]]]:
    """For each content word (given as its stems), the alternatives of the runs it starts:
    (words to search for, whether they are an exact equivalent rather than a synonym)."""
    table = _table()
    out: list[list[tuple[str, bool]]] = [[] for _ in stems]

    def attach(i: int, key: tuple[str, ...]) -> None:
        for alt in table.get(key, ()):
            if alt not in out[i]:
                out[i].append(alt)

    for i in range(len(stems)):
        run: tuple[str, ...] = ()
        for j in range(i, min(len(stems), i + MAX_RUN)):
            run += stems[j]
            attach(i, run)
        for j in range(i + 2, min(len(stems), i + PAIR_WINDOW + 1)):  # "money … make", one word between
            attach(i, stems[i] + stems[j])
        for j in range(i + 1, min(len(stems), i + PAIR_WINDOW + 1)):  # "money traffickers make": reversed
            attach(i, stems[j] + stems[i])
    return out
