"""What kind of answer a plain question asks for, and which paragraphs give that kind.

Words alone rank "called on more countries to donate to the Trust Fund" above "the Russian
Federation ($30,000) and Luxembourg ($40,000) announced donations" for "which countries donated
to the trust fund?". A question's form says what would answer it — a number, some countries, a
speaker's own words — so among the best few dozen paragraphs by BM25F, those that give that
kind of answer have their score multiplied up (or, for a speaker's words, narration down).
The factors were chosen on tests/relevance (see docs/relevance.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

from .textutil import LazyRegex

RERANK_DEPTH = 50  # how many of the best paragraphs a preference may reorder
DATE_BOOST = 0.3  # "when did …?", "on what dates …?": a paragraph giving a day of a month
QUANTITY_BOOST = 0.3  # "how much …?": a paragraph stating an amount, figure or percentage
MONEY_BOOST = 1.0  # "how much money / did X give …?": a paragraph stating a sum of money
STATES_BOOST = 0.3  # "which countries …?": a paragraph naming two or more States
VOTE_BOOST = 0.5  # "what was the vote …?", "who abstained?": a paragraph reporting how a vote went
SECTION_BOOST = 0.5  # "… on the panel about protecting victims": the paragraphs under that heading
ROSTER_BOOST = 1.0  # "who chaired / who were the panellists …?": a paragraph listing who took part
ROSTER_CUT = 0.3  # any other question: a list of who took part names people but says nothing of theirs
SUMMARY_BOOST = 0.5  # "a summary of the meeting": the release's opening paragraphs, which sum it up
LEDE = 2  # how many opening paragraphs a release's summary takes
EXCHANGE_BOOST = 0.5  # "who answered …?", "who asked …?": a paragraph that replies, or asks
NOT_A_ROSTER = "people's own words over lists of who took part"
NAMED_BOOST = 0.3  # a question naming a person who speaks: that person's paragraphs
# "what did X say …?", "who called for …?": a paragraph with no speaker. 0.3 on the bundled release,
# where every speaker is found; over many releases, where some are missed, 0.1 (q1–q31: +0.006 per
# question, 35 up and 6 down; the bundled release's sets −0.0003).
NARRATION_CUT = 0.1
DELEGATION_BOOST = 0.3  # "what did Iceland's delegate say …?": that State's paragraphs

# This module's patterns are compiled on first use (LazyRegex): compiling them all cost every cold
# start ~10 ms, and a query with syntax, or a question of one kind, needs few or none of them. The
# question forms asked of every plain query name the words a match needs, so a query without them
# is answered without compiling the form (tests/test_startup.py checks the words on many texts).
_ASKS_QUANTITY = LazyRegex(
    r"\bhow\s+(?:much|many|often|large|big|long)\b|\bwhat\s+(?:percentage|proportion|share|amount|number)\b",
    re.I,
    needs=("how", "what"),
)
_NUMBER_WORD = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|a\s+few|several)"
)
_TIME_SPAN = rf"\b{_NUMBER_WORD}\s+(?:years?|months?|weeks?|days?|decades?|hours?)\b"  # "nearly two decades"
_QUANTITY = LazyRegex(
    r"[$€£¥]\s?\d|\d\s?%|\b\d[\d,.]*\s*(?:per\s?cent|percent|million|billion|thousand)\b"
    r"|\b(?:millions|billions|thousands|hundreds|dozens)\b|\b(?!(?:19|20)\d\d\b)\d[\d,.]{1,}\d\b"
    rf"|{_TIME_SPAN}"
    r"|\b(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|hundred)\s+(?!per\b|of\b|and\b|or\b|to\b)[a-z]{3,}",
    re.I,
)
_ASKS_SHARE = LazyRegex(
    r"\bwhat\s+(?:percentage|proportion|share|fraction|part)\b|\bhow\s+many\s+per\s*cent\b|\bwhat\s+per\s*cent\b"
    r"|\bhow\s+(?:large|big)\s+(?:a\s+)?(?:share|proportion|part)\b",
    re.I,
    needs=("what", "how"),
)
_SHARE = LazyRegex(
    r"\d\s?%|\b\d[\d.,]*\s*(?:per\s?cent|percent)\b|\b(?:half|a\s+third|a\s+quarter|two\s+thirds)\s+of\b", re.I
)
_ASKS_DURATION = LazyRegex(
    r"\bhow\s+long\b|\bsince\s+when\b|\bfor\s+how\s+many\s+years\b", re.I, needs=("how", "since")
)
_DURATION = LazyRegex(rf"{_TIME_SPAN}|\bsince\s+(?:19|20)\d\d\b", re.I)
# "When did …?", "on what dates …?", "until when …?": a paragraph giving a day of a month. (Not "When
# the Council met, what did …?", whose "when" opens a clause.)
_ASKS_DATE = LazyRegex(
    r"^\W*(?:and\s+)?when\s+(?:did|does|do|is|was|were|will|would|are|has|had|can|could|should)\b"
    r"|\b(?:on|from|until|till|by)?\s*what\s+(?:date|dates|day|days)\b|\b(?:until|till|by|since)\s+when\b"
    r"|\b(?:where|what)\s+and\s+when\b|\bwhen\s+and\s+where\b",
    re.I,
    needs=("when", "date", "day"),
)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = LazyRegex(rf"\b\d{{1,2}}(?:\s*(?:-|–|to|and)\s*\d{{1,2}})?\s+{_MONTH}\b|\b{_MONTH}\s+\d{{1,2}}\b")
_ASKS_MONEY = LazyRegex(
    # "how much progress/time/support …" asks for an amount of that; only "how much money…" or
    # "how much did/do X give…" asks for a sum
    r"\bhow\s+much\b(?!\s+(?!(?:money|funds?|funding|cash|dollars?|euros?|do|does|did|is|are|was|were|has|have"
    r"|had|will|would|could|can|should|in|of)\b)[a-z]+\b)(?:.*\b(?:money|funds?|funding|cash|dollars?|euros?|give|gave|given|pledge|pledged|donate|donated"
    r"|contribute|contributed|grant|granted|pay|paid|cost|costs|spend|spent|earn|earned|earns|make|makes|made"
    r"|worth|raise|raised|budget)\b)|\bwhat\s+(?:amount|sum)\b",
    re.I,
    needs=("how", "what"),
)
_MONEY = LazyRegex(
    r"[$€£¥]\s?\d|\b(?:US|USD|EUR)\s?\d|\d[\d,.]*\s*(?:million|billion|thousand)?\s*(?:dollars|euros|pounds|francs|yen)\b",
    re.I,
)
_ASKS_STATES = LazyRegex(
    # ("which permanent members", "which Council members": in UN usage a body's members are States)
    r"\b(?:which|what)\s+(?:other\s+)?(?:countries|country|nations?|states|member\s+states|delegations|delegates"
    r"|governments|(?:permanent|non-permanent|elected|Council)\s+members)\b"
    r"|\bwho\s+(?:else|also)\s+(?:spoke|took\s+the\s+floor|made\s+statements?|took\s+part)\b",
    re.I,
    needs=("which", "what", "who"),
)
_ASKS_ROSTER = LazyRegex(
    r"\bwho\s+(?:co-?)?(?:chaired|chairs|chair|moderated|moderates|presided|presented|led)\b"
    r"|\bwho\s+(?:were|was|are|is)\s+(?:the\s+|on\s+the\s+)?(?:\w+\s+)?(?:speakers|panell?ists|panel|presenters"
    r"|participants|co-?chairs?|chairs?|chairpersons?|moderators?)\b"
    r"|\b(?:which|what)\s+(?:speakers|panell?ists|presenters|experts|participants)\s+(?:were\s+(?:on|in|at|part)"
    r"|took\s+part|sat\s+on|presented\s+(?:on|at|in))\b"
    r"|\bwho\s+(?:took\s+part|participated|spoke|sat|presented)\s+(?:in|on|at)\s+(?:the\s+)?(?:\w+\s+)?panel\b"
    # keywords, not a question: "co-chairs afternoon panel", "panellists trust fund"
    r"|^(?!\s*(?:who|what|which|how|why|when|where|did|does|do|is|are|was|were|has|have)\b).*"
    r"\b(?:co-?chairs|co-?chaired|chaired\s+by|panell?ists|moderators|moderated\s+by|line-?up)\b",
    re.I,
    needs=("who", "speaker", "panel", "presenter", "expert", "participant", "chair", "moderat", "line"),
)
_ASKS_ORGANISER = LazyRegex(
    r"\bwho\s+(?:co-?)?(?:organi[sz]ed|convened|hosted|sponsored|arranged)\b|\borgani[sz]ers\b|\bhosts?\s+of\b",
    re.I,
    needs=("who", "organi", "host"),
)
_ORGANISED = LazyRegex(
    r"\b(?:co-?)?(?:organi[sz]ed|convened|hosted|sponsored|arranged)\s+(?:jointly\s+)?(?:by|with)\b", re.I
)
_ASKS_SUMMARY = LazyRegex(
    r"\b(?:summary|summari[sz]e|overview|gist|in\s+brief|in\s+a\s+nutshell|main\s+points|highlights|key\s+points"
    r"|what\s+(?:was|is)\s+(?:the\s+)?(?:meeting|dialogue|debate|event|session)\s+about|what\s+happened\s+at)\b",
    re.I,
    needs=("summ", "overview", "gist", "brief", "nutshell", "points", "highlights", "about", "happened"),
)
# What every match of _ASKS_SPEECH holds: one of its verbs (as stems), or "according".
_SPEECH_WORDS = (
    *("say", "said", "think", "thought", "argu", "propos", "suggest", "recommend", "urge", "want", "view"),
    *("position", "stance", "call", "appeal", "warn", "stress", "emphasi", "insist", "highlight", "point"),
    *("describ", "critici", "prais", "ask", "rais", "compar", "recount", "shar", "told", "talk", "spoke"),
    *("mention", "blam", "thank", "welcom", "according"),
)
_ASKS_SPEECH = LazyRegex(
    r"\b(?:what|how)\b.*\b(?:say|said|says|think|thinks|thought|argue|argued|propose|proposed|suggest|suggested"
    r"|recommend|recommended|urge|urged|want|wanted|view|views|position|stance)\b|\baccording\s+to\b"
    r"|\b(?:who|which\s+(?:speakers?|officials?|delegates?|panell?ists?|participants?|experts?))\s+(?:\w+\s+)?"
    r"(?:said|says|called|calls|urged|urges|appealed|appeals|warned|warns|argued|argues|stressed|emphasi[sz]ed"
    r"|insisted|suggested|proposed|recommended|highlighted|pointed|described|criticized|criticised|praised|asked"
    r"|raised|compared|recounted|shared|told|talked|spoke\s+(?:about|of|on)|mentioned|blamed|thanked|welcomed)\b",
    re.I,
    needs=_SPEECH_WORDS,
)


# A vote asked about, and a paragraph that reports one: the genre's fixed formula ("by a recorded vote
# of 121 in favour to 2 against, with 48 abstentions"), or an adoption without a vote.
_ASKS_VOTE = LazyRegex(
    r"\b(?:what|how)\b.*\bvot(?:e|ed|es|ing)\b|\bvotes?\s+(?:count|tally|result|breakdown)|\bwho\s+voted\b"
    r"|\bby\s+what\s+(?:vote|margin)\b|\brecorded\s+vote\b|\babstain(?:ed|ing|ers)?\b|\babstentions?\b",
    re.I,
    needs=("vot", "margin", "abstain", "abstention"),
)
_VOTE = LazyRegex(
    r"\b\d+\s+(?:votes?\s+)?(?:in\s+favour|against)\b|\b\d+\s+abstentions?\b|\babstain(?:ed|ing)\b"
    r"|\b(?:without\s+a\s+vote|unanimously|by\s+consensus)\b",
    re.I,
)


_ASKS_REPLY = LazyRegex(
    r"\b(?:who|which\s+\w+)\s+(?:answered|replied|responded|answers|replies|responds)\b"
    r"|\b(?:what|how)\s+did\s+.+\s+(?:reply|respond|answer)\b|\b(?:replies|reply|responses?|answers?)\s+(?:to|on)\b",
    re.I,
    needs=("answer", "repl", "respon"),
)
_REPLIES = LazyRegex(r"\b(?:replied|replying|responded|responding|answered|answering|in\s+(?:response|reply))\b", re.I)
_ASKS_ASKER = LazyRegex(
    r"\b(?:who|which\s+\w+)\s+(?:asked|questioned|wanted\s+to\s+know|inquired|enquired|raised\s+(?:a|the)\s+question)\b"
    r"|\bquestions?\s+(?:to|for)\b|\bwhat\s+did\s+.+\s+ask\b",
    re.I,
    needs=("ask", "question", "know", "inquir", "enquir"),
)
_ASKS = LazyRegex(r"\b(?:asked|asking|wondered|wanted\s+to\s+know|inquired|enquired|questioned)\b", re.I)


_EXCHANGE_WORDS = frozenset(
    "answer answered answers answering reply replied replies replying respond responded responds responding "
    "response responses ask asked asking question questions".split()
)


_ROSTER_WORDS = frozenset(
    "speaker speakers panellist panellists panelist panelists participant participants presenter presenters "
    "member members line-up lineup".split()
)


def form_words(query: str) -> frozenset[str]:
    """Words that only give a question its form, to be left out of its search: in "who answered
    the question on the private sector", `answered` and `question` ask for a reply; they are
    not what the reply is about (a paragraph about "an answer to a simple question" is not it)."""
    if _ASKS_REPLY.search(query) or _ASKS_ASKER.search(query):
        return _EXCHANGE_WORDS
    if _ASKS_ROSTER.search(query) and not _ASKS_SPEECH.search(query):
        return _ROSTER_WORDS  # "who were the speakers on …": the list, not paragraphs saying "speakers"
    return frozenset()


def replies(text: str) -> bool:
    """A reply in an interactive discussion: its lead says it answers ("Ms. HAMMAD replied that")."""
    return bool(_REPLIES.search(text[:200]))


def asks(text: str) -> bool:
    """A question from the floor: its lead says it asks ("The representative of Luxembourg asked")."""
    return bool(_ASKS.search(text[:200]))


@lru_cache(maxsize=1)
def _states_by_first_word() -> dict[str, list[str]]:
    """State names keyed by their first word, longest first (a dict, not one big regex: compiling
    a 200-way alternation cost a cold search 12 ms)."""
    from .lexicon import STATES

    by_first: dict[str, list[str]] = {}
    for name in sorted(STATES, key=len, reverse=True):
        by_first.setdefault(name.split()[0], []).append(name)
    return by_first


_CAPITALISED = LazyRegex(r"(?<![\w-])[A-ZÀ-Þ][\w’'-]*")


def states_quantity(text: str) -> bool:
    return bool(_QUANTITY.search(text))


def states_organisers(text: str) -> bool:
    """Says who organised the meeting: "organized with the Group of Friends", "convened by"."""
    return bool(_ORGANISED.search(text))


def gives_countries(record: dict[str, Any]) -> bool:
    """Names two or more States, or is a State's delegation speaking ("which delegations asked …")."""
    who = record.get("speaker")
    if who and who == record.get("affiliation") and names_states(who) == 1:
        return True
    return names_states(record["text"]) >= 2


def states_share(text: str) -> bool:
    return bool(_SHARE.search(text))


def states_duration(text: str) -> bool:
    return bool(_DURATION.search(text))


def states_money(text: str) -> bool:
    return bool(_MONEY.search(text))


def lists_participants(text: str) -> bool:
    """A roster: "Co-chaired by A (X) and B (Y), the panel featured presentations by: …"."""
    from .panels import is_roster

    return is_roster(text)


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


# A State in a speaker's place: "Iceland's delegate", "the representative of Kenya", "did Kenya say".
_OFFICE_WORDS = (
    r"representative|delegate|delegation|envoy|ambassador|minister|president|prime\s+minister|head|spokesperson"
    r"|observer|leader|government|chief|foreign\s+minister|permanent\s+representative"
)
_SPEAKING_STATE = LazyRegex(
    rf"(?P<a>(?:[A-Z][\w’'-]*\s+){{0,4}}[A-Z][\w-]*)[’']s?\s+(?:[\w-]+\s+){{0,3}}?(?:{_OFFICE_WORDS})s?\b"
    rf"|\b(?:{_OFFICE_WORDS})s?\s+(?:of|for|from)\s+(?:the\s+)?(?P<b>(?:[A-Z][\w’'-]*\s+){{0,4}}[A-Z][\w-]*)"
    rf"|\bdid\s+(?:the\s+)?(?P<c>(?:[A-Z][\w’'-]*\s+){{0,4}}[A-Z][\w-]*)\s+"
    r"(?:say|tell|argue|propose|warn|urge|stress|suggest|ask|want|call|describe|respond|reply|insist|vote|abstain"
    r"|object|oppose|reject|support|explain|complain|criticize|criticise|express|raise|request|question|justify)\b",
    # (every match holds an office word or "did": most questions, holding "of" or "for" but none of
    # these, are read without compiling the form, 1.6 ms of a cold search)
    needs=(
        *("representative", "delegat", "envoy", "ambassador", "minister", "president", "head"),
        *("spokesperson", "observer", "leader", "government", "chief", "did"),
    ),
)


def fold_name(name: str) -> str:
    """A name as compared: folded, with one kind of apostrophe ("People’s" is "People's")."""
    from .textutil import fold

    return fold(name).replace("’", "'")


def speaking_states(query: str) -> set[str]:
    """The States a question puts in a speaker's place, as delegations are named in the index
    ("Russia's envoy" → Russian Federation, "the Cuban delegate" is left to the demonym search)."""
    from .lexicon import DEMONYMS, STATES, SYNONYMS
    from .textutil import fold

    if not _SPEAKING_STATE.search(query):  # (without compiling the form for a query that cannot match)
        return set()
    known = {fold(name): name for name in STATES}
    found = set()
    for m in _SPEAKING_STATE.finditer(query):
        words = (m.group("a") or m.group("b") or m.group("c")).split()
        for k in range(len(words)):  # the longest ending that names a State: "At the 2012 session, Norway"
            name = fold(" ".join(words[k:]))
            state = known.get(name) or DEMONYMS.get(name) or next(iter(SYNONYMS.get(name, ())), None)
            if state:
                found.add(known.get(fold(state), state))
                break
    return found


# Named tuples, not dataclasses: defining a dataclass costs a cold start about a third of a millisecond.
class Preference(NamedTuple):
    """A multiplier for a paragraph's score, given its record."""

    name: str
    factor: Callable[[dict[str, Any]], float]


class Heading(NamedTuple):
    """A section heading of one document and the stems no other heading of it has."""

    doc: str
    text: str
    distinctive: frozenset[str]


_NAMES_A_PART = LazyRegex(
    r"\b(?:panels?|sessions?|segments?|discussions?|debates?|dialogues?|round\s*tables?|roundtables?|workshops?"
    r"|remarks|statements?|summary|summed\s+up|summari[sz]ed|wrap-?up|wrapped\s+up)\b",
    re.I,
    needs=(
        "panel",
        "session",
        "segment",
        "discussion",
        "debate",
        "dialogue",
        "round",
        "workshop",
        "remarks",
        "statement",
        "summ",
        "wrap",
    ),
)


def heading_words(text: str) -> set[str]:
    """Folded words, plurals as singular: matched as typed, not stemmed ("organized" is not
    "Organizations", though Porter gives both 'organ')."""
    from .index import analyzers

    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in (t.text for t in analyzers().names(text))}


# "the first panel", "the second session": the k-th part of a meeting that is a panel or a
# session (headings such as "Closing Remarks" or "Opening Statements" are not counted). The time of
# day is not an order: a meeting may hold two panels in its morning, or none.
_ORDINAL_PART = LazyRegex(
    r"\b(?P<which>first|1st|second|2nd|third|3rd)\s+(?:\w+\s+)?"
    r"(?:panels?|sessions?|segments?|discussions?|round\s*tables?|roundtables?|workshops?)\b",
    re.I,
)
_ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2}
_NOT_A_PANEL = LazyRegex(r"\b(?:opening|closing|remarks|statements?|action|introduct\w*|conclu\w*|adoption)\b", re.I)


def _ordinal_sections(query: str, headings: list[Heading]) -> set[tuple[str, str]]:
    m = _ORDINAL_PART.search(query)
    if m is None:
        return set()
    k = _ORDINALS[m.group("which").lower()]
    panels: dict[str, list[str]] = {}
    for h in headings:
        if not _NOT_A_PANEL.search(h.text):
            panels.setdefault(h.doc, []).append(h.text)
    return {(doc, texts[k]) for doc, texts in panels.items() if k < len(texts)}


def names_a_part(query: str) -> bool:
    """Whether a query may name a part of a meeting at all (only then are headings read)."""
    return bool(_NAMES_A_PART.search(query))


def named_sections(query: str, headings: list[Heading] | Callable[[], list[Heading]]) -> set[tuple[str, str]]:
    """The (doc, heading) a query names as a part of a meeting: by its order ("the first panel",
    "the afternoon session"), or by its words ("the panel on protecting victims": the query says
    panel/session/discussion and shares with that heading, more than with its document's others,
    words that only that heading has). `headings` may be a function, called only when the query
    could name a part (reading every heading of a large index is not free)."""
    if not names_a_part(query):
        return set()
    if callable(headings):
        headings = headings()
    if not headings:
        return set()
    by_order = _ordinal_sections(query, headings)
    if by_order or not _NAMES_A_PART.search(query):
        return by_order
    stems = heading_words(query)
    best: dict[str, tuple[int, set[tuple[str, str]]]] = {}
    for h in headings:
        n = len(stems & h.distinctive)
        if n:
            top = best.get(h.doc, (0, set()))
            if n > top[0]:
                best[h.doc] = (n, {(h.doc, h.text)})
            elif n == top[0]:
                top[1].add((h.doc, h.text))
    return {key for _, keys in best.values() for key in keys}


def _name_words(text: str) -> set[str]:
    from .index import analyzers

    return {t.text for t in analyzers().names(text) if len(t.text) >= 3}


def named_people(query: str, is_speaker_word: Callable[[str], bool]) -> set[str]:
    """The words of a query that name a person who speaks somewhere in the index ("Bachelet",
    "Somaly Mam"); delegations are left to the States preference."""
    return {w for w in _name_words(query) if is_speaker_word(w) and not names_states(w.title())}


def _when(name: str, boost: float, gives: Callable[[dict[str, Any]], bool]) -> Preference:
    """A preference multiplying by 1 + boost the paragraphs that give this kind of answer."""
    return Preference(name, lambda r: 1 + boost if gives(r) else 1.0)


# Question forms that ask for a kind of answer, first match of each group wins:
# (the form, its name, its boost, whether a paragraph gives it).
_KINDS: list[list[tuple[LazyRegex, str, float, Callable[[dict[str, Any]], bool]]]] = [
    [
        (_ASKS_SHARE, "a share", MONEY_BOOST, lambda r: states_share(r["text"])),  # as sure a sign as money
        (_ASKS_MONEY, "a sum of money", MONEY_BOOST, lambda r: states_money(r["text"])),
        (_ASKS_DURATION, "a length of time", QUANTITY_BOOST, lambda r: states_duration(r["text"])),
        (_ASKS_DATE, "a date", DATE_BOOST, lambda r: bool(_DATE.search(r["text"]))),
        (_ASKS_QUANTITY, "a number", QUANTITY_BOOST, lambda r: states_quantity(r["text"])),
    ],
    [
        (_ASKS_REPLY, "a reply", EXCHANGE_BOOST, lambda r: replies(r["text"])),
        (_ASKS_ASKER, "a question from the floor", EXCHANGE_BOOST, lambda r: asks(r["text"])),
    ],
    [(_ASKS_ORGANISER, "who organised it", ROSTER_BOOST, lambda r: states_organisers(r["text"]))],
    [(_ASKS_VOTE, "how a vote went", VOTE_BOOST, lambda r: bool(_VOTE.search(r["text"])))],
    [(_ASKS_SUMMARY, "the release's summary", SUMMARY_BOOST, lambda r: r.get("n", 99) <= LEDE)],
]


def preferences(
    query: str,
    headings: list[Heading] | Callable[[], list[Heading]] | None = None,
    is_speaker_word: Callable[[str], bool] | None = None,
) -> list[Preference]:
    """The answer kinds a plain question asks for, the part of a meeting it names (given the
    index's section headings) and the person it names (given a test for words of speakers'
    names); and, unless it asks who took part, lists of participants marked down."""
    found = []
    people = named_people(query, is_speaker_word) if NAMED_BOOST and is_speaker_word else set()
    if people:

        def by_them(r: dict[str, Any]) -> bool:
            who = r.get("speaker")
            return bool(who and who != r.get("affiliation") and people & _name_words(who))

        found.append(_when("that person's words", NAMED_BOOST, by_them))
    sections = named_sections(query, headings or [])
    if SECTION_BOOST and sections:
        found.append(
            _when("that part of the meeting", SECTION_BOOST, lambda r: (r.get("doc"), r.get("section")) in sections)
        )
    for group in _KINDS:
        for form, name, boost, gives in group:
            if boost and form.search(query):
                found.append(_when(name, boost, gives))
                break
    speech = bool(_ASKS_SPEECH.search(query))
    if ROSTER_BOOST and _ASKS_ROSTER.search(query) and not speech:
        found.append(_when("who took part", ROSTER_BOOST, lambda r: lists_participants(r["text"])))
    elif ROSTER_CUT:
        found.append(_when(NOT_A_ROSTER, -ROSTER_CUT, lambda r: lists_participants(r["text"])))
    if STATES_BOOST and _ASKS_STATES.search(query):
        found.append(_when("countries", STATES_BOOST, gives_countries))
    states = {fold_name(s) for s in speaking_states(query)} if DELEGATION_BOOST else set()
    if states:

        def by_state(r: dict[str, Any]) -> bool:
            return fold_name(r.get("affiliation") or "") in states or fold_name(r.get("speaker") or "") in states

        found.append(_when("that State's words", DELEGATION_BOOST, by_state))
    if NARRATION_CUT and speech:
        found.append(_when("a speaker's words", -NARRATION_CUT, lambda r: not r.get("speaker")))
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
