"""Offices the releases name without a person: the title an unnamed official goes by, whether a
person named next can hold it, and the bare titles of a presiding officer ("the Chairman")."""

from __future__ import annotations

import re

from .lexicon import STATES
from .names import BODY_WORDS, TITLE_STARTS
from .textutil import fold

_OFFICIAL_OF = re.compile(
    r"^(?:[a-z-]+\s+){0,2}?(?:official|officer|spokesperson)\s+(?:of|from)\s+(?:the\s+)?(?P<body>[A-Z].*)$"
)


_OFFICE_END = re.compile(r"\s+(?:today|this\s+\w+|also|then|who|which|that|as|in|at|to|before|when)\b.*$", re.S)


def office_of(role: str) -> str | None:
    """The title an unnamed official goes by, cut before what the sentence goes on to say:
    'Deputy Executive Director of UNFPA', 'Secretary-General'. Vague roles ('official',
    'expert') name no one and give None."""
    office = _OFFICE_END.sub("", role).strip(" ,")
    office = re.sub(r"^(?:senior|top|high-level|visiting|new|incoming|outgoing|former)\s+", "", office)
    office = re.sub(r"^(?:the\s+)?(?:United\s+Nations|UN)\s+(?=[A-Z])", "", office)  # the office, not whose it is
    of_body = _OFFICIAL_OF.match(office)
    if of_body is not None:  # "an official of the Department of Economic and Social Affairs": it speaks
        office = of_body.group("body")
    if office.startswith("secretariat "):  # the Secretariat is an organ, however the release writes it
        office = "S" + office[1:]
    if not office[:1].isupper() or len(office) > 120:
        return None
    return office


def may_hold(role: str, title: str) -> bool:
    """Can a person with this title (the one the next paragraph names) hold the office the lead
    names? Not when both are titles and they begin differently: "the Secretary-General said" is not
    "The Minister of Finance …, Trevor Manuel, told". A vague office ("the top official") or an
    untitled person may be anyone."""
    first, head = head_title(role), head_title(title)
    return first is None or head is None or bool(_heads(role, first) & _heads(title, head))


def _heads(title: str, head: str) -> set[str]:
    """A title's word of office, and for a 'Special' one the office it qualifies: 'Special Adviser'
    is an adviser, as 'the Secretary-General's top adviser' is."""
    if head != "special":
        return {head}
    words = _title_words(title)
    after = words[words.index("special") + 1 :]
    return {head, *after[:1]}


_NOT_HEADS = frozenset({"the", "united", "nations", "un", "senior", "top", "new", "incoming", "outgoing", "former"})


# "Director General" and "Director-General" are one title, as releases write it either way.
_SPACED_GENERAL = re.compile(r"\b(director|secretary)\s+general\b")


def _title_words(title: str) -> list[str]:
    return re.findall(r"[\w’'-]+", _SPACED_GENERAL.sub(r"\1-general", fold(title)))


def _office_words(title: str) -> list[str]:
    """A title's words from its word of office on: 'the United Nations Secretary-General' →
    ['secretary-general']."""
    words = _title_words(title)
    while words and words[0] in ("the", "united", "nations", "un"):
        words = words[1:]
    return words


def holds(title: str, office: str) -> bool:
    """Does a person with this title hold the office a sentence names? 'United Nations
    Secretary-General' holds 'the Secretary-General'; 'Executive Director of UNODC' holds 'the
    Executive Director'; 'Deputy Secretary-General' does not hold 'the Secretary-General'."""
    want, have = _office_words(office), _office_words(title)
    return bool(want) and have[: len(want)] == want and (len(have) == len(want) or have[len(want)] in ("of", "for"))


def head_title(role: str) -> str | None:
    """The word of office a title begins with ('secretary-general', 'minister', 'special'), past
    articles, 'United Nations', possessives, and the name of the State or body whose office it is
    ('Guinea-Bissau Minister of Defence', 'Security Council President'); None if it begins with no
    such word."""
    words = _title_words(role)
    state = _LEADING_STATE.match(" ".join(words))
    if state is not None:
        words = words[len(state.group(0).split()) :]
    for i, word in enumerate(words[:4]):  # "Security Council President", "General Assembly President"
        if word in BODY_WORDS and i + 1 < len(words) and words[i + 1] in TITLE_STARTS:
            words = words[i + 1 :]
            break
    for word in words:
        if word in _NOT_HEADS or word in BODY_WORDS or re.search(r"[’']s$", word):
            continue  # "the Committee’s Chairman", "Committee Chairman": the title is the next word
        return word if word in TITLE_STARTS and word not in _INFORMAL_OFFICES else None
    return None


_LEADING_STATE = re.compile(
    "(?:the )?(?:" + "|".join(sorted((re.escape(fold(s)) for s in STATES), key=len, reverse=True)) + r")(?= \w)"
)


# Informal words for an office: the genre uses them for any title ("the head of the Department of
# Public Information" is its Under-Secretary-General).
_INFORMAL_OFFICES = frozenset({"head", "chief", "official", "officer", "envoy", "expert", "spokesperson"})


def presiding_title(role: str) -> str | None:
    """'Chairman', 'Chairperson', 'Chair', 'Chairwoman' → 'chair'; 'President' → 'president';
    'Rapporteur' → 'rapporteur'; also after the body's name ('Committee Chairman', 'the Committee’s
    Chairman'); any other title → None."""
    # "the Committee’s Chairman", "Committee Chairman": the body named before the title
    words = [w for w in fold(role.strip()).split() if w != "the" and not re.search(r"[’']s$", w)]
    while len(words) > 1 and words[0] in BODY_WORDS:
        words = words[1:]
    word = " ".join(words)
    if word in ("chair", "chairman", "chairperson", "chairwoman"):
        return "chair"
    if word == "rapporteur":  # a body has one Rapporteur, as it has one Chair
        return "rapporteur"
    return "president" if word == "president" else None


_PRESIDING_OF = re.compile(r"^(?:the\s+)?(?P<title>\S+)\s+of\s+(?:the\s+)?(?P<body>\S.*)$")


def presiding_keys(role: str) -> tuple[str, ...]:
    """The names a presiding office goes by in one release, most precise first: 'President of the
    Conference on Disarmament' → ('president of conference on disarmament', 'president'), so that
    'the President of the Conference on Disarmament remarked' and 'the President recalled' are the
    person the release gave that title; a bare title → ('president',); any other title → ()."""
    bare = presiding_title(role)
    if bare:
        return (bare,)
    m = _PRESIDING_OF.match(fold(role.strip()).rstrip(" ,."))
    base = presiding_title(m.group("title")) if m else None
    return (f"{base} of {m.group('body')}", base) if m and base else ()
