"""Which body met: the issuing body of a release, from its header, its lede or its symbol.

Releases name the body that met in a header line ("Security Council", "General Assembly"); copies
without a header (most of UN Geneva's) name it only in the lede ("The Committee against Torture this
morning opened …"), and a symbol's prefix implies one (SC/, GA/SHC/). The lede names other bodies too,
as its topic, an organ or a draft's subject; those are told apart here.
"""

from __future__ import annotations

import re

# Issuing bodies, most specific first; the first one named in the header wins.
BODIES = (
    "Commission on the Status of Women",
    "Commission for Social Development",
    "Commission on Population and Development",
    "Commission on Narcotic Drugs",
    "Commission on Crime Prevention and Criminal Justice",
    "Commission on Sustainable Development",
    "Statistical Commission",
    "Permanent Forum on Indigenous Issues",
    "Peacebuilding Commission",
    "Human Rights Council",
    "Committee on Non-Governmental Organizations",
    "Special Committee on Decolonization",
    "Special Committee on Peacekeeping Operations",
    "Committee on the Elimination of Discrimination against Women",
    "Committee on the Elimination of Racial Discrimination",
    "Committee against Torture",
    "Committee on the Rights of the Child",
    "Committee on the Rights of Persons with Disabilities",
    "Committee on Enforced Disappearances",
    "Committee on Economic, Social and Cultural Rights",
    "Committee on Migrant Workers",
    "Human Rights Committee",
    "Commission on Human Rights",
    "Forum on Forests",
    "Committee on the Peaceful Uses of Outer Space",
    "Committee for Programme and Coordination",
    "Committee on the Exercise of the Inalienable Rights of the Palestinian People",
    "Committee on Information",
    "Disarmament Commission",
    "Conference on Disarmament",
    "High-level Political Forum",
    "First Committee",
    "Second Committee",
    "Third Committee",
    "Fourth Committee",
    "Fifth Committee",
    "Sixth Committee",
    "Economic and Social Council",
    "Security Council",
    "Trusteeship Council",
    "International Court of Justice",
    "General Assembly",
    "Secretary-General",
)

# Symbol prefixes → body, for releases whose header names none.
SYMBOL_BODIES = (
    ("GA/SHC/", "Third Committee"),
    ("GA/EF/", "Second Committee"),
    ("GA/DIS/", "First Committee"),
    ("GA/SPD/", "Fourth Committee"),
    ("GA/AB/", "Fifth Committee"),
    ("GA/L/", "Sixth Committee"),
    ("GA/COL/", "Special Committee on Decolonization"),
    ("GA/PK/", "Special Committee on Peacekeeping Operations"),
    ("GA/PAL/", "Committee on the Exercise of the Inalienable Rights of the Palestinian People"),
    ("GA/", "General Assembly"),
    ("SC/", "Security Council"),
    ("ECOSOC/", "Economic and Social Council"),
    ("WOM/", "Commission on the Status of Women"),
    ("SOC/NAR/", "Commission on Narcotic Drugs"),
    ("UNIS/NAR/", "Commission on Narcotic Drugs"),
    ("SOC/", "Commission for Social Development"),
    ("POP/", "Commission on Population and Development"),
    ("PBC/", "Peacebuilding Commission"),
    ("ENV/DEV/", "Commission on Sustainable Development"),
    ("OS/", "Committee on the Peaceful Uses of Outer Space"),
    ("UNIS/OS/", "Committee on the Peaceful Uses of Outer Space"),
    ("SG/SM/", "Secretary-General"),
)


def body_of(lines: list[str], lede: str, symbol: str | None) -> str | None:
    """The issuing body named in the header's date, body and meeting lines (never in a
    headline, which may name other bodies), else the one the lede says met, else implied by the
    symbol (a prefix some bodies share: WOM/ is the Commission on the Status of Women's and
    CEDAW's)."""
    folded = [_folded_body(line) for line in lines]  # "on the" is often written "on"
    lede_names = lede_body(lede)
    for body, name in _BODIES_FOLDED:
        if any(name in line for line in folded):
            # "General Assembly" over "The Special Committee on Peacekeeping Operations this afternoon …"
            return lede_names if body in _PARENTS and lede_names and lede_names not in _PRINCIPAL else body
    if found := lede_names:
        return found
    if symbol:
        for prefix, body in SYMBOL_BODIES:
            if symbol.startswith(prefix):
                return body
    return None


# The lede of a release names its body as the one that met: "The Committee against Torture this
# morning opened …", "GENEVA (4 May) - The Human Rights Council …". Page copies without a header
# (most of UN Geneva's) name it nowhere else. Other bodies a lede names are its topic ("reform of
# the Security Council", "Security Council enlargement"), its organ ("Acting on the recommendations
# of its Fourth Committee") or a draft's subject ("The General Assembly would …"); a person
# (the Secretary-General) is no body.
_LEDE_BODIES = re.compile(
    "|".join(re.escape(b).replace(r"\ on\ the\ ", r"\ on\ (?:the\ )?") for b in BODIES if b != "Secretary-General"),
    re.I,
)
_NOT_THE_MEETING_BEFORE = re.compile(
    r"(?:\bits|(?:reform|enlargement|expansion|composition|members|membership)(?:\s+of)?(?:\s+the)?|with\s+the|by\s+the)\s*$",
    re.I,
)
_NOT_THE_MEETING_AFTER = re.compile(
    r"^(?:’s|'s|\s+(?:reform|enlargement|expansion|membership|seats?|resolutions?)\b)", re.I
)
# But a body's own session, at the start of the lede or as where things happen, is its meeting: "The
# Disarmament Commission’s 2023 substantive session began …", "During the general debate in the General
# Assembly’s special session on HIV/AIDS …" (not "… for the General Assembly's special session").
_OWN_SESSION_BEFORE = re.compile(r"(?:^|\b(?:in|at|during)\s+)(?:the\s+)?$", re.I)
_OWN_SESSION_AFTER = re.compile(r"^(?:’s|'s)\s+(?:[\w-]+\s+){0,3}(?:session|meeting)s?\b", re.I)
# A body's officer: "General Assembly President Philémon Yang told the First Committee …" names the
# First Committee as meeting; the officer's own body only when no other is named.
_OFFICER_AFTER = re.compile(r"^\s+(?:President|Chair|Chairman|Chairperson|Chairwoman|Vice-\w+|Rapporteur)\b")
# "The General Assembly would …" opens a draft's content; "The Council must …" a speaker's words.
_WORDS_OF_OTHERS = re.compile(r"^\s+(?:would|could|should|must|may|might|can|will|needs?)\b", re.I)


def _folded_body(name: str) -> str:
    return re.sub(r"\s+on\s+(?:the\s+)?", " on ", " ".join(name.lower().split()))


_BODIES_FOLDED = tuple((b, _folded_body(b)) for b in BODIES)  # (folded once, not per release)
_FOLDED_BODIES = frozenset(name for _, name in _BODIES_FOLDED)


def is_body_name(text: str) -> bool:
    """Is this text a body's whole name ("Committee on Elimination of Discrimination against Women")?"""
    return _folded_body(text) in _FOLDED_BODIES


def lede_body(first_paragraph: str) -> str | None:
    """The body a release's first sentence names as the one meeting, as BODIES spells it."""
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", first_paragraph, maxsplit=1)[0]
    skipped_to = -1  # where the last body that is not the meeting ends
    officers: str | None = None
    for m in _LEDE_BODIES.finditer(sentence):
        if not m.group(0)[0].isupper():
            continue
        if _WORDS_OF_OTHERS.match(sentence[m.end() :]):
            return None
        before, after = sentence[: m.start()], sentence[m.end() :]
        # "its First Committee (…) and Sixth Committee": the second is the organ too.
        listed = skipped_to >= 0 and _LISTED_WITH.fullmatch(sentence[skipped_to : m.start()])
        if _OWN_SESSION_AFTER.match(after) and _OWN_SESSION_BEFORE.search(before):
            return _as_spelled(m.group(0))
        if listed or _NOT_THE_MEETING_BEFORE.search(before) or _NOT_THE_MEETING_AFTER.match(after):
            skipped_to = m.end()
            continue
        if _OFFICER_AFTER.match(after):
            officers = officers or m.group(0)
            continue
        return _as_spelled(m.group(0))
    return _as_spelled(officers) if officers else None


def _as_spelled(name: str) -> str | None:
    folded = _folded_body(name)
    return next((b for b, f in _BODIES_FOLDED if f == folded), None)


_LISTED_WITH = re.compile(r"\s*(?:\([^)]*\))?\s*,?\s*(?:and|as well as)\s+(?:its\s+|the\s+)?")
# Parent organs, named in a header above the subsidiary body that met; the principal organs.
_PARENTS = frozenset({"General Assembly", "Economic and Social Council"})
_PRINCIPAL = frozenset({*_PARENTS, "Security Council", "Trusteeship Council", "International Court of Justice"})
