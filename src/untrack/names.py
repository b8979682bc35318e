"""Reading a capitalised run of words as a person: where a title ends and the name begins, a country
after "of", and the words that make a run a role or a body rather than anyone's name.

Used by :mod:`untrack.attribute` on the runs its rules capture ("Under-Secretary-General for
Peacekeeping Operations Bernard Miyet", "Nana Effah-Apenteng of Ghana", "UNRWA’s Commissioner-General")."""

from __future__ import annotations

import re

from .patterns import NOT_NAMES, ROLE_WORDS
from .textutil import fold


def split_role(run: str) -> tuple[str, str]:
    """'General Assembly President Nassir Al-Nasser' → ('General Assembly President', 'Nassir Al-Nasser').

    A long title runs into the name: 'Under-Secretary-General for Peacekeeping Operations Bernard
    Miyet'. When the words after the last role word begin with 'for', 'of' or 'on', they name what
    the role is of, and the name is the last two words of the run (three with a particle)."""
    tokens = run.split()
    # (a hyphenated title counts as its parts do: "UNRWA Commissioner-General Peter Hansen")
    roles = [i for i, t in enumerate(tokens[:-1]) if is_role_word(fold(t.strip(".,")).strip("’'"))]
    last_role = roles[-1] if roles else -1  # the last word is a name even if it is 'King' or 'Bishop'
    rest = tokens[last_role + 1 :]
    # "Secretary of State of the United States Colin Powell": a title that goes on with 'of' or
    # 'for' after its first word of office names a place or body before the name.
    of_after_title = bool(roles) and any(fold(t) in _OF_WORDS for t in tokens[roles[0] + 1 : -2])
    if last_role >= 0 and len(tokens) - roles[0] > 3 and (of_after_title or fold(rest[0]) in _OF_WORDS):
        keep = 3 if fold(tokens[-2]) in PARTICLES or len(tokens[-2].strip(".")) == 1 else 2
        name = tokens[-keep:]
        # "Committee on the Elimination of Racial Discrimination": the last words still name a body.
        if fold(tokens[-keep - 1]) not in _CONNECTORS and all(w[:1].isupper() or fold(w) in PARTICLES for w in name):
            return " ".join(tokens[:-keep]), " ".join(name)
    return " ".join(tokens[: last_role + 1]), " ".join(rest)


_OF_WORDS = frozenset({"for", "of", "on", "to"})


_HONORIFIC = re.compile(r"(?:Mr|Ms|Mrs|Mme|Dr|Prof|Professor|Sir|Dame)\.?")


_CONNECTORS = frozenset({"of", "on", "for", "to", "the", "and", "against", "in", "de", "du", "des"})


PARTICLES = frozenset(
    {"de", "da", "do", "dos", "das", "del", "di", "du", "van", "von", "der", "al", "el", "bin", "ibn", "la", "le"}
)


_CLAUSE_RUN = re.compile(r"[A-Z][a-z]+ing\s+(?:the|a|an|its|their|his|her)\s")


# "John McNee of Canada": a name, then the country it speaks for.
_NAME_OF_PLACE = re.compile(r"^(?P<name>.+?)\s+of\s+(?:the\s+)?(?P<place>[A-Z].+)$")


def person_from_run(run: str, titled: bool = False) -> tuple[str, str] | None:
    """A person's (name, role prefix) from a capitalised run, or None if it is no name.
    A lone word is a name only after a role ("President Obama") or a title ("Mr. Lajčák");
    two people joined by 'and' are no one speaker."""
    found = person_and_place(run, titled)
    return None if found is None else found[:2]


def person_and_place(run: str, titled: bool = False) -> tuple[str, str, str | None] | None:
    """(name, role prefix, place) from a run: 'Nana Effah-Apenteng of Ghana' → the name and Ghana."""
    run = run.strip(" ,.")
    if _CLAUSE_RUN.match(run):
        return None  # "Adopting the Johannesburg Declaration": a participle clause, not a name
    place = None
    m = _NAME_OF_PLACE.match(run)
    if m is not None:
        before = m.group("name").split()
        if len(before) >= (1 if titled else 2) and not any(fold(w) in ROLE_WORDS for w in before):
            run, place = m.group("name"), m.group("place")
    role, name = split_role(run)
    m = _NAME_OF_PLACE.match(name) if place is None and role else None
    if m is not None and not any(fold(w) in ROLE_WORDS for w in m.group("name").split()):
        name, place = m.group("name"), m.group("place")  # "Assembly President Jean Ping of Gabon"
    words = name.split()
    while len(words) > 1 and _HONORIFIC.fullmatch(words[0]):  # "Director General Dr. Tedros": Tedros
        words, titled = words[1:], True
    name = " ".join(words)
    if not words or not (words[0][:1].isupper() or fold(words[0]) in PARTICLES):
        return None  # "Committee against Torture": what follows the role is no name
    if fold(words[0]) in NOT_NAMES or fold(run.split()[0]) in NOT_NAMES and not role:
        return None
    if not role and not titled and len(words) < 2:
        return None
    if all(fold(w) in NOT_NAMES or is_role_word(w) for w in words) or "and" in words:
        return None
    if fold(words[-1]) in _OFFICE_NOUNS:
        return None  # "Senior Political Affairs Officer": a title, not a name
    if role.endswith("United") and words[0] == "Nations":
        return None  # "… of the United Nations Monitoring, Verification …": the split fell inside the body's name
    before, joined, _ = role.rpartition(" and ")
    first = person_from_run(before.strip(" ,")) if joined else None
    if first is not None and first[1] and len(first[0].split()) > 1:
        return None  # "United States President George Bush and French President Jacques Chirac": two people
    if any(re.search(r"[’']s$", w) for w in words):
        return None  # "UNRWA’s Commissioner-General": a possessive is no part of a person's name
    if any(fold(w) in BODY_WORDS for w in words):
        return None  # "The Permanent Forum on Indigenous Issues today began…": a body, not a person
    return name, role, place


# What may stand before a word of office in a hyphenated title: "Vice-Minister", "Under-Secretary".
_TITLE_PREFIXES = frozenset({"vice", "co", "pro", "under"})


def is_role_word(word: str) -> bool:
    """'Director', and a hyphenated title all of whose parts are role words ('Commissioner-General')
    or that puts a prefix of office before one ('Vice-Minister')."""
    word = fold(word)
    if word in ROLE_WORDS:
        return True
    parts = word.split("-")
    prefixes_ok = all(p in ROLE_WORDS or p in _TITLE_PREFIXES for p in parts[:-1])
    return len(parts) > 1 and parts[-1] in ROLE_WORDS and prefixes_ok


BODY_WORDS = frozenset(
    "forum committee commission council assembly conference board secretariat tribunal caucus"
    " department division office section branch unit".split()
)


# Nouns a title ends on (never a surname, unlike "King"): a run ending on one is no name.
_OFFICE_NOUNS = frozenset(
    "officer adviser advisor director coordinator rapporteur secretary chairman chairperson chairwoman"
    " representative minister ambassador official spokesperson spokesman spokeswoman".split()
)

TITLE_STARTS = ROLE_WORDS | {"assistant", "under-secretary-general", "vice", "first", "second", "incoming", "outgoing"}


def starts_as_a_title(role: str) -> bool:
    """'President of INCB', 'Committee Chairman', 'Assistant Secretary-General for Human Rights':
    a title begins with a word of office (or a body's name before one) within its first two words."""
    words = role.split()
    starts = [words]
    for i, w in enumerate(words[:4]):  # "In concluding remarks the Chairperson …": after the article
        if fold(w) in ("the", "its", "their", "a", "an"):
            starts.append(words[i + 1 :])
            break

    def title_word(w: str) -> bool:  # "Vice-Minister": its first part
        w = fold(w.strip(",.")).removesuffix("’s").removesuffix("'s")
        if w in TITLE_STARTS:
            return True
        return "-" in w and (all(part in TITLE_STARTS for part in w.split("-")) or is_role_word(w))

    return any(title_word(w) for ws in starts for w in ws[:2])
