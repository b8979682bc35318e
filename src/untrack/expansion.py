"""The other words a plain question's words may be written as: everyday synonyms and acronyms.

Lookups go by stems, over runs of up to MAX_RUN content words, so one entry serves every
inflection ("industry" and "industries" alike) and stop words inside a phrase do not matter
("take the floor" is the run take·floor, "end of the meeting" end·meet). An entry's
alternatives are attached to the first word of the run it matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

MAX_RUN = 5  # the longest spelled-out name an acronym stands for, in content words
PAIR_WINDOW = 3  # a two-word entry also matches its words in either order this close ("money … make")
ACRONYM_WEIGHT = 1.0  # "ECOSOC" and "Economic and Social Council" are the same thing


# Stemming every key of the lexicon cost each cold search ~5 ms, and reading every key with the
# analyzer to file it ~2 ms more. A question's runs all begin with the stem of one of its words, and
# stemming keeps a word's first two letters (a test holds this for every key), so a key is filed
# under the first two letters of its first word as the analyzer would read it, found without the
# analyzer; only the keys filed under a question's letters are stemmed, each once.


@lru_cache(maxsize=1)
def _entries_by_initial() -> dict[str, list[tuple[str, str, bool]]]:
    """The lexicon's (key, alternative, is-an-acronym-equivalent) entries, in lexicon order, filed
    under the first two letters of the key's first word as the text analyzer reads it before
    stemming: lowercased (the keys are ASCII, which needs no other folding: a test holds it),
    stop words and one-letter words dropped, irregular forms regularised. Those of its first stem."""
    from .analysis import analyzers, regular_forms
    from .lexicon import ACRONYMS, STOP_WORDS, SYNONYMS

    words = analyzers().text.items[0].expression  # the text analyzer's tokenizer
    forms = regular_forms()
    entries = [(key, alternative, False) for key, alternatives in SYNONYMS.items() for alternative in alternatives]
    for acronym, name in ACRONYMS.items():
        entries += [(acronym, name, True), (name, acronym, True)]
    by_initial: dict[str, list[tuple[str, str, bool]]] = {}
    for entry in entries:
        first = next((w for w in words.findall(entry[0].lower()) if len(w) > 1 and w not in STOP_WORDS), None)
        if first is not None:  # a key of stop words alone stands for nothing
            by_initial.setdefault(forms.get(first, first)[:2], []).append(entry)
    return by_initial


@cache
def _table(initial: str) -> dict[tuple[str, ...], tuple[tuple[str, bool], ...]]:
    """Stems of a lexicon key whose first stem begins with `initial` (its first two letters) →
    (alternative, is-an-acronym-equivalent) pairs."""
    table: dict[tuple[str, ...], list[tuple[str, bool]]] = {}
    for key, alternative, exact in _entries_by_initial().get(initial, ()):
        stems = _stems(key)
        if alternative not in [a for a, _ in table.get(stems, [])]:
            table.setdefault(stems, []).append((alternative, exact))
    return {k: tuple(v) for k, v in table.items()}


@cache
def _stems(key: str) -> tuple[str, ...]:
    from .analysis import analyzers

    return tuple(t.text for t in analyzers().text(key))


def alternatives(stems: Sequence[tuple[str, ...]]) -> list[list[tuple[str, bool]]]:
    """For each content word (given as its stems), the alternatives of the runs it starts:
    (words to search for, whether they are an exact equivalent rather than a synonym)."""
    out: list[list[tuple[str, bool]]] = [[] for _ in stems]

    def attach(i: int, key: tuple[str, ...]) -> None:
        for alt in _table(key[0][:2]).get(key, ()) if key else ():
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
