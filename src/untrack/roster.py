"""Panel rosters: who is on the panel, and linking a surname to the full entry.

Releases introduce speakers once ("Michelle Bachelet, Under-Secretary-General and
Executive Director, UN-Women") and then refer to them by surname in capitals
("Ms. BACHELET"). A roster collects those introductions so that a surname resolves
to the full name and an affiliation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .panels import CHAIRED, ROSTER_LEAD
from .textutil import LazyRegex, fold, hyphens

# What the sentence goes on to say after a roster entry's role, not part of it.
# Lazy, as the next one: compiled only when a roster is read.
_CLAUSE_AFTER_ROLE = LazyRegex(r",\s+(?:of|and\s+then|then|which|who|before|after|as)\b.*$", re.S)
_NAME_PLACE = LazyRegex(r"(?P<name>[^,();]+?)\s*,?\s*\(\s*(?P<place>[^()]+?)\s*\)")


@dataclass
class Person:
    """A roster entry: a full name and what it is affiliated with."""

    name: str
    affiliation: str | None = None
    role: str | None = None  # "Co-Chair", "Moderator": what the roster says they did
    tokens: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.tokens = name_tokens(self.name)


def titlecase_name(name: str) -> str:
    """'AL-NASSER' → 'Al-Nasser', "O’NEILL" → "O’Neill", 'DE SOUSA' → 'de Sousa'; initials stay ('E.V.')."""
    words = name.split()
    out = []
    for k, w in enumerate(words):
        if not w.isupper() or len(w.strip(".")) < 2 or re.fullmatch(r"(?:\w\.)+", w):
            out.append(w)  # already mixed case (a given name, McCARTHY-style) or initials ("E.V.")
            continue
        low = w.lower()
        if k < len(words) - 1 and low in {
            "de",
            "da",
            "do",
            "dos",
            "das",
            "del",
            "della",
            "di",
            "du",
            "van",
            "von",
            "der",
            "den",
            "la",
            "le",
            "bin",
            "ben",
            "ibn",
            "y",
        }:
            out.append(low)
            continue
        out.append(re.sub(r"(^|[-’'])(\w)", lambda m: m.group(1) + m.group(2).upper(), low))
    return " ".join(out)


@lru_cache(maxsize=4096)
def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(r"[\s.]+", fold(hyphens(name)).replace("’", "'")) if t)


def name_tokens(name: str) -> list[str]:
    """Folded name tokens: 'Nassir Abdulaziz Al-Nasser' → ['nassir', 'abdulaziz', 'al-nasser']."""
    return list(_name_tokens(name))


class Roster:
    """The people a release introduces, looked up by surname."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self._found: dict[str, Person | None] = {}  # find()'s answers, until someone is added

    def add(self, name: str, affiliation: str | None, role: str | None = None) -> None:
        name = titlecase_name(name.strip(" ,;:."))
        if len(name_tokens(name)) < 1:
            return
        for p in self.people:
            if p.tokens == name_tokens(name):
                p.affiliation = p.affiliation or affiliation
                p.role = p.role or role
                return
        self.people.append(Person(name, affiliation, role))
        self._found.clear()

    def add_from_paragraph(self, text: str) -> bool:
        """Read a roster paragraph ("Co-chaired by A (X) and B (Y), the panel featured
        presentations by: C, role; D, role..."). Returns True when it was one."""
        text = hyphens(text)
        found = False
        m = CHAIRED.match(text)
        if m:
            did = m.group(0).split()[0].lower()
            role = ("Co-" if did.startswith("co") else "") + ("Chair" if "chair" in did else "Moderator")
            for nm in _NAME_PLACE.finditer(m.group("who")):
                self.add(re.sub(r"^(?:and|,)\s+", "", nm.group("name").strip()), nm.group("place"), role)
                found = True
        lead = ROSTER_LEAD.search(text)
        if lead:
            rest = text[lead.end() :].rstrip(". ")
            entries = re.split(r";\s*(?:and\s+)?", rest)
            if len(entries) == 1:  # in running prose: "from A, the Special Rapporteur on X, and B, the …"
                entries = re.split(r",\s+and\s+(?=[A-Z])", rest)
            for entry in entries:
                entry = re.sub(r"^and\s+", "", entry.strip())
                if "," in entry:
                    name, role = entry.split(",", 1)
                    role = _CLAUSE_AFTER_ROLE.sub("", role)  # "…, of their reports, and then held a dialogue"
                    name = re.sub(r"^(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+", "", name.strip())
                    if 1 <= len(name.split()) <= 6:
                        self.add(name, role.strip())
                        found = True
                else:
                    np = _NAME_PLACE.match(entry)
                    if np:
                        self.add(np.group("name"), np.group("place"))
                        found = True
        return found

    def find_role(self, role: str) -> Person | None:
        """The one entry whose affiliation begins with this role ("Special Rapporteur on
        violence against women…", "Secretary-General"); vague one-word roles ("official",
        "expert") never match."""
        key = " ".join(name_tokens(role))
        if len(key.split()) < 2 and "-" not in key:
            return None  # one hyphenated word is an office of its own: 'Secretary-General'
        found = [p for p in self.people if p.affiliation and " ".join(name_tokens(p.affiliation)).startswith(key)]
        return found[0] if len(found) == 1 else None

    def find(self, surname: str) -> Person | None:
        """The one entry whose name holds these tokens; else the one clearly closest."""
        if surname not in self._found:
            self._found[surname] = self._find(surname)
        return self._found[surname]

    def _find(self, surname: str) -> Person | None:
        want = name_tokens(surname)
        if not want:
            return None
        exact = [p for p in self.people if _contains(p.tokens, want)]
        if len(exact) == 1:
            return exact[0]
        if exact:
            ends = [p for p in exact if p.tokens[-len(want) :] == want]
            return ends[0] if len(ends) == 1 else None
        # A spelling variant: link only when one entry is clearly the closest.
        from difflib import SequenceMatcher  # here, not at the top: only a spelling variant needs it

        key = " ".join(want)
        scored = sorted(
            (
                (
                    max(
                        SequenceMatcher(None, key, " ".join(p.tokens[i : i + len(want)])).ratio()
                        for i in range(len(p.tokens) - len(want) + 1)
                    )
                    if len(p.tokens) >= len(want)
                    else 0.0,
                    k,
                )
                for k, p in enumerate(self.people)
            ),
            reverse=True,
        )
        if not scored or scored[0][0] < 0.75:
            return None
        if len(scored) > 1 and scored[1][0] > scored[0][0] - 0.15:
            return None
        return self.people[scored[0][1]]


def _contains(tokens: list[str], want: list[str]) -> bool:
    n = len(want)
    return any(tokens[i : i + n] == want for i in range(len(tokens) - n + 1))
