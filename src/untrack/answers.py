"""What kind of answer a plain question asks for, and which paragraphs give that kind.

Words alone rank "called on more countries to donate to the Trust Fund" above "the Russian
Federation ($30,000) and Luxembourg ($40,000) announced donations" for "which countries donated
to the trust fund?". A question's form says what would answer it — a number, some countries, a
speaker's own words — so among the best few dozen paragraphs by BM25F, those that give that
kind of answer have their score multiplied up (or, for a speaker's words, narration down).
The factors were chosen on tests/relevance (see README, Relevance).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

RERANK_DEPTH = 50  # how many of the best paragraphs a preference may reorder
QUANTITY_BOOST = 0.15  # "how much …?": a paragraph stating an amount, figure or percentage
STATES_BOOST = 0.3  # "which countries …?": a paragraph naming two or more States
NARRATION_CUT = 0.3  # "what did X say …?": a paragraph with no speaker (narration, rosters)

_ASKS_QUANTITY = re.compile(
    r"\bhow\s+(?:much|many|often|large|big|long)\b|\bwhat\s+(?:percentage|proportion|share|amount|number)\b", re.I
)
_QUANTITY = re.compile(
    r"[$€£¥]\s?\d|\d\s?%|\b\d[\d,.]*\s*(?:per\s?cent|percent|million|billion|thousand)\b"
    r"|\b(?:millions|billions|thousands|hundreds|dozens)\b|\b(?!(?:19|20)\d\d\b)\d[\d,.]{1,}\d\b",
    re.I,
)
_ASKS_STATES = re.compile(
    r"\b(?:which|what)\s+(?:other\s+)?(?:countries|country|nations|states|member\s+states|delegations|governments)\b",
    re.I,
)
_ASKS_SPEECH = re.compile(
    r"\b(?:what|how)\b.*\b(?:say|said|says|think|thinks|thought|argue|argued|propose|proposed|suggest|suggested"
    r"|recommend|recommended|urge|urged|want|wanted|view|views|position|stance)\b|\baccording\s+to\b",
    re.I,
)


@lru_cache(maxsize=1)
def _states_by_first_word() -> dict[str, list[str]]:
    """State names keyed by their first word, longest first (a dict, not one big regex: compiling
    a 200-way alternation cost a cold search 12 ms)."""
    from .lexicon import STATES

    by_first: dict[str, list[str]] = {}
    for name in sorted(STATES, key=len, reverse=True):
        by_first.setdefault(name.split()[0], []).append(name)
    return by_first


_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-Þ][\w’'-]*")


def states_quantity(text: str) -> bool:
    return bool(_QUANTITY.search(text))


def names_states(text: str) -> int:
    """How many different States the text names (whole names: not Niger in Nigeria, nor Guinea
    in Papua New Guinea)."""
    by_first = _states_by_first_word()
    found: set[str] = set()
    covered = 0
    for m in _CAPITALISED.finditer(text):
        if m.start() < covered:
            continue
        for name in by_first.get(m.group(0), ()):
            end = m.start() + len(name)
            if text.startswith(name, m.start()) and not (end < len(text) and (text[end].isalnum() or text[end] == "-")):
                found.add(name)
                covered = end
                break
    return len(found)


@dataclass(frozen=True)
class Preference:
    """A multiplier for a paragraph's score, given its record."""

    name: str
    factor: Callable[[dict[str, Any]], float]


def preferences(query: str) -> list[Preference]:
    """The answer kinds a plain question asks for (empty for keywords and other questions)."""
    found = []
    if QUANTITY_BOOST and _ASKS_QUANTITY.search(query):
        found.append(Preference("a number", lambda r: 1 + QUANTITY_BOOST if states_quantity(r["text"]) else 1.0))
    if STATES_BOOST and _ASKS_STATES.search(query):
        found.append(Preference("countries", lambda r: 1 + STATES_BOOST if names_states(r["text"]) >= 2 else 1.0))
    if NARRATION_CUT and _ASKS_SPEECH.search(query):
        found.append(Preference("a speaker's words", lambda r: 1.0 if r.get("speaker") else 1 - NARRATION_CUT))
    return found


def rerank(found: list[tuple[dict[str, Any], float]], prefs: list[Preference]) -> list[tuple[dict[str, Any], float]]:
    """Scores multiplied by each preference, best first; ties keep their order."""
    out = []
    for record, score in found:
        for pref in prefs:
            score *= pref.factor(record)
        out.append((record, score))
    out.sort(key=lambda rs: -rs[1])
    return out
