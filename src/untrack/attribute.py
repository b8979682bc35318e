"""Speaker attribution: which person or delegation each paragraph reports.

The engine reads a paragraph's lead (its first sentence) against the rule table in
:mod:`untrack.patterns`, earliest match first. A paragraph whose lead names nobody keeps
the previous speaker only on a continuation cue ("he said", "She went on to say");
otherwise it has no speaker, and if it reads like a statement it is marked
``unattributed`` so that indexing can report it instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import DEMONYMS, STATES
from .model import Document, Paragraph
from .names import BODY_WORDS, is_role_word, person_and_place, person_from_run, starts_as_a_title
from .offices import head_title, holds, may_hold, office_of, presiding_keys
from .patterns import (
    ARGUMENT_GOES_ON,
    CAP,
    CONTINUATION,
    CONTINUATION_OPENING,
    CONTINUATION_QUOTE,
    COUNTRY_OFFICE,
    ENTITY,
    INTRO_CLAUSE,
    LOWER,
    NAME_RUN,
    NAMED_SUBJECT,
    NOT_NAMES,
    PLACE,
    PLAIN_TITLES,
    REPORTED_SPEECH,
    ROLE_WORDS,
    RULES,
    STATE_NAME,
    STATEMENT,
    TITLE_START,
    UNNAMED_OFFICIAL,
    UPPER,
    VERBS,
    Rule,
)
from .roster import Person, Roster, name_tokens, titlecase_name
from .textutil import fold, hyphens

_ABBREV = re.compile(
    r"(?:\b(?:Mr|Ms|Mrs|Dr|Prof|St|No|Nos|Gen|Lt|Col|Sgt|Capt|Jr|Sr|Mt|Rev|Hon|Amb|Msgr|Mgr|Sen|Rep|"
    r"Gov|Art|para|paras|vs|etc|i\.e|e\.g|U\.S|U\.K|U\.N|a\.m|p\.m|Inc|Ltd|Co|Corp|approx|Vol|Ch|Fig|Op|cf)"
    r"|\b[A-Z])$"
)
_OPEN_QUOTES = "“«"
_CLOSE_QUOTES = "”»"
_SENTENCE_EVENTS = re.compile(r'[“«”»".!?]')

# Plural or collective subjects: a lead that summarises many speakers is not a failure.
_SUMMARY = re.compile(
    r"^(?:[^,]{0,100},\s+)?(?:(?:many|several|some|other|most|all|both|the|a\s+number\s+of|numerous|few)\s+)?"
    r"(?:[A-Z][\w-]+\s+)?(?:speakers|delegates|delegations|representatives|participants|panell?ists|members|"
    r"they|others|countries|States|Member\s+States|Governments|experts|observers|officials|both|several|many)\b",
    re.I,
)


# A sentence whose subject is several speakers ("Representatives of A, B and C took the floor").
_MANY_SPEAK = re.compile(
    r"^(?:(?:Many|Several|Some|Other|The|Numerous|Most|All)\s+(?:other\s+)?)?"
    r"(?:[Rr]epresentatives|[Ss]peakers|[Dd]elegates|[Dd]elegations|[Pp]articipants|[Pp]anell?ists)\b"
)


# A dateline before the first sentence: "NEW YORK, 21 July (UN Headquarters) -- ", "GENEVA (14 March
# 2018) - ", "Vienna, 9 March 2015 - ". It names a place, never a speaker.
_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][\w.'’\-]*(?:\s+[A-ZÀ-Þ][\w.'’\-]*){0,3}\s*"
    r"(?:,\s*\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?\s*(?:\([^()]{1,40}\))?|\([^()]{1,40}\))\s*(?:--?|–|—)\s+"
    # or the compact release date that old page copies run into the first paragraph: "19951108 The …"
    r"|^(?:19|20)\d{6}\s*(?=[A-Z])"
)


def _prose(p: Paragraph) -> str:
    """A paragraph's text as attribution reads it: without a dateline in front."""
    return _DATELINE.sub("", p.text, count=1)


@lru_cache(maxsize=4096)
def lead_sentence(text: str) -> str:
    """The first sentence of a paragraph, not cut inside quotations or after 'Mr.'."""
    depth = 0
    straight = False
    for m in _SENTENCE_EVENTS.finditer(text):  # quotation marks and sentence ends; nothing else matters
        i, c = m.start(), m.group()
        if c in _OPEN_QUOTES:
            depth += 1
        elif c in _CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif c == '"':
            straight = not straight
        elif c in ".!?" and depth == 0 and not straight:
            nxt = text[i + 1 : i + 3]
            # (page copies sometimes lose the space: "…by Argentina.Representatives of…")
            glued = c == "." and i > 0 and text[i - 1].islower() and nxt[:1].isupper() and nxt[1:2].islower()
            if (nxt[:1].isspace() and (nxt[1:2].isupper() or nxt[1:2] in '“"‘')) or i + 1 == len(text) or glued:
                if c == "." and _ABBREV.search(text[max(0, i - 6) : i]):
                    continue
                return text[: i + 1]
    return text


@dataclass
class Speaker:
    """A resolved speaker: display name, the phrase the text used, and affiliation."""

    name: str
    raw: str
    affiliation: str | None
    rule: str
    role: str | None = None  # a title the lead gives beside the affiliation ("General Assembly President")


NO_SPEAKER = Speaker("", "", None, "none")


# An organization's acronym after its name: "(FLNKS)", "(UN-Women)"; not a body's bracketed kind, "(Legal)".
_ACRONYM_AFTER = re.compile(r"^[^,;()“”\"]{1,80}?\((?P<acronym>[A-Z][A-Z][A-Za-z\-]{0,10})\)")


def _with_acronym(entity: str, rest: str) -> str:
    """'New Caledonia's Front' + ' de libération nationale kanak socialiste (FLNKS)': the whole name."""
    m = _ACRONYM_AFTER.match(rest)
    if m and entity and not rest.startswith(("’s", "'s")):
        return f"{entity}{m.group(0)}".strip()
    return entity


def _clean_entity(entity: str) -> str:
    entity = re.sub(r"^the\s+", "", entity.strip(), flags=re.I)
    # "Permanent Representative of X to the United Nations", "… to the Conference on Disarmament"
    entity = re.sub(r"\s+to\s+the\s+(?:United\s+Nations|Conference|Office|Organization)\b.*$", "", entity)
    entity = re.sub(r"[’']s$", "", entity.rstrip(".,;: "))  # "Japan’s delegation": Japan
    return re.sub(r"\s+Delegation$", "", entity)  # "his counterpart from the European Union Delegation"


_AND_OFFICE = re.compile(rf"\sand\s+(?:the\s+|its\s+)?(?:{TITLE_START}|{COUNTRY_OFFICE})")
# Whose office a title names, before the title itself: "The Republic of Korea’s Deputy Minister …",
# "the country’s newly elected President".
_STATE_POSSESSIVE = re.compile(
    rf"(?:(?P<state>{STATE_NAME})|country|nation)[’']s?\s+(?:newly[\s-]elected\s+|new\s+|incoming\s+|outgoing\s+)?"
)
_ROLE_GROUPS = ("role", "role2", "role3", "role4", "role5", "role6")  # where the rules put a speaker's title
_AGENT_BEFORE = re.compile(r"\b(?:by|from|to|with)\s+(?:the\s+)?(?:[A-Z][\w’'\-]*\s+)+$")
_STATE_OF = re.compile(r"State\s+of\s+[A-Z]")  # "the observer for the State of Palestine"
_AND_PERSON = re.compile(
    rf",\s+and\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[{UPPER}][{LOWER}]+(?:\s+[{UPPER}]\.)?\s+[{UPPER}][{LOWER}]+,"
    # "Mary Robinson, and the Chairman of the session, Jacob Selebi (South Africa), pointed to…"
    rf"|^\s*and\s+the\s+[^,]{{2,120}},\s+[{UPPER}][{LOWER}]+\s+[{UPPER}]"
)


@lru_cache(maxsize=16384)
def _search(pattern: re.Pattern[str], lead: str, pos: int) -> re.Match[str] | None:
    """A rule's match in a lead. Every lead is read twice (once to collect the roster, once with
    it) and the matches do not depend on the roster, so they are kept: half the parse's regex time."""
    return pattern.search(lead, pos)


@lru_cache(maxsize=16384)
def _rules_found(lead: str) -> tuple[int, ...]:
    """The rules (by their place in RULES) whose pattern occurs in the lead at all, so that a lead
    read again (the roster pass, then the reading; a sentence repeated across releases) goes over
    those alone."""
    return tuple(i for i, rule in enumerate(RULES) if rule.may_match(lead) and _search(rule.pattern, lead, 0))


def _match_rule(rule: Rule, lead: str, roster: Roster) -> tuple[int, int, Speaker] | None:
    """The earliest acceptable match of one rule in the lead, as (start, end, speaker)."""
    if not rule.may_match(lead):
        return None
    pos = 0
    while True:
        m = _search(rule.pattern, lead, pos)
        if not m:
            return None
        sp = _speaker_from(rule, m, roster)
        if sp is not None:
            return m.start(), m.end(), sp
        pos = m.start() + 1


def _raw_phrase(rule: Rule, m: re.Match[str]) -> str:
    """The words that name the speaker: 'Ms. BACHELET', 'Mr. AL-NASSER ( Qatar)', 'The representative of Greece'."""
    if rule.kind in ("delegation", "none", "agent"):
        return m.group(0).strip(" ,")
    start = m.start("run") if m.groupdict().get("run") else m.start()
    if m.groupdict().get("place"):
        end = m.string.find(")", m.end("place")) + 1 or m.end("place")
    else:
        end = max(m.end(g) for g in ("name", "run") if m.groupdict().get(g))
    return m.string[start:end].strip(" ,")


def _speaker_from(rule: Rule, m: re.Match[str], roster: Roster) -> Speaker | None:
    groups = m.groupdict()
    place = (groups.get("place") or groups.get("of") or "").strip() or None
    raw = _raw_phrase(rule, m)
    if rule.kind == "none":
        return NO_SPEAKER
    if rule.kind in ("caps", "caps_full"):
        caps = groups["name"].rstrip(".")
        role = _title_only((groups.get("role") or "").strip())
        person = roster.find(caps)
        if person is not None:
            return _with_role(Speaker(person.name, raw, place or person.affiliation or role, rule.name), role)
        return _with_role(Speaker(titlecase_name(caps), raw, place or role, rule.name), role)
    if rule.kind in ("delegation", "agent"):
        start = m.start("entity") if groups.get("entity") else m.start()
        if rule.kind == "delegation" and _AGENT_BEFORE.search(m.string[:start]):
            return None  # "Introduced by Saudi Arabia’s delegate": the match began inside the agent's name
        entity = _clean_entity(groups.get("entity") or groups.get("entity2") or "")
        entity = _with_acronym(entity, m.string[m.end() :])
        first = fold(entity.split()[0]) if entity else ""
        if not entity or first in NOT_NAMES | {"secretary-general", "secretariat"} and not _STATE_OF.match(entity):
            return None
        if rule.name == "the Minister of X" and any(fold(w) in BODY_WORDS for w in entity.split()):
            return None  # "the President of the General Assembly": an office of a UN body, not a delegation
        if _AND_OFFICE.search(entity):
            return None  # "… of Azerbaijan and the Foreign Secretary of Bangladesh": two speakers
        entity = DEMONYMS.get(fold(entity), entity)  # "the Chinese representative": China
        return Speaker(entity, raw, entity, rule.name)
    # "named" and "after_verb": a name, perhaps with a role before it or after it. A run that goes on
    # from a longer title ("…Committee on Administrative and Budgetary Questions") is no name.
    if re.search(r"\b(?:of|and|on|for)\s+$", m.string[: m.start("run")]):
        return None
    titled_role: str = (groups.get("role2") or groups.get("role6") or "") if rule.name == "name, role, verb" else ""
    inner = person_from_run(titled_role) if titled_role else None
    if (
        inner is not None
        and inner[1]
        and len(inner[0].split()) > 1
        and starts_as_a_title(inner[1])
        and not any(fold(w) in ROLE_WORDS for w in inner[0].split())
    ):
        # "In an address to mark African Industrialization Day, Secretary-General Kofi Annan told…":
        # the titled name next to the verb is its subject, not an appositive of the words before it.
        name = titlecase_name(inner[0])
        person = roster.find(name)
        return Speaker(person.name if person else name, titled_role.strip(), inner[1], rule.name)
    if rule.name == "name, who verb" and groups.get("role") and starts_as_a_title(groups["run"]):
        # "the Minister for Foreign Affairs of Cuba, Roberto Robaina Gonzales, who said": the title
        # first, the person after it
        named = person_from_run(groups["role"])
        if named is None or named[1] or len(named[0].split()) < 2:
            return None
        groups["run"], groups["role"] = groups["role"], groups["run"]
    found = person_and_place(groups["run"], titled=bool(groups.get("title")))
    if found is None:
        return None
    name, role_prefix, of_place = found
    if any(_AND_PERSON.search(groups.get(k) or "") for k in _ROLE_GROUPS):
        return NO_SPEAKER  # "Laura Vaccari, Chief of the Unit, and Margaret Novicki, Chief of …, briefed": two people
    for key in _ROLE_GROUPS:  # "The draft, Member States, said"; "A, B and…"
        if rule.kind == "named" and groups.get(key) and not any(is_role_word(w) for w in groups[key].split()):
            if key != "role" or rule.name == "role, name, verb":
                return None
    if rule.name == "role, name, verb":
        # "The Republic of Korea’s Deputy Minister …, Chun Yung-Woo, said": a title, of that State
        state = _STATE_POSSESSIVE.match(groups["role"])
        if not starts_as_a_title(groups["role"][state.end() if state else 0 :]):
            return None  # "A critical debate that followed briefings by … the Director of X, Name, highlighted"
        place = place or (state.group("state") if state else None)
        if state is not None and not state.group("state"):
            groups["role"] = groups["role"][state.end() :]  # "the country’s newly elected President": President
    name = titlecase_name(name)
    role = _title_only(next((groups[k].strip() for k in _ROLE_GROUPS if groups.get(k)), "")) or role_prefix or None
    place = place or of_place
    person = roster.find(name)
    if person is not None and len(person.tokens) >= len(name.split()):
        return _with_role(Speaker(person.name, raw, place or person.affiliation or role, rule.name), role)
    return _with_role(Speaker(name, raw, place or role, rule.name), role)


# Where a title set off by commas ends: at a participle or a phrase of the occasion ("Committee Chair,
# opening the meeting"; "Special Representative, in his briefing to the Council"). A phrase that opens
# on one ("describing it as a challenge", "Speaking as the Committee continued") is no title at all.
_AFTER_TITLE = re.compile(
    r"(?:^|,\s+)(?:(?!outgoing|incoming)[a-z]+ing\s+[a-z]|Speaking\b|in\s+(?:his|her|their|its|an?)\s)"
)


def _title_only(role: str) -> str | None:
    """The title in a phrase set off by commas beside a name, without the occasion after it."""
    end = _AFTER_TITLE.search(role)
    return (role[: end.start()] if end else role).strip(" ,") or None


def _with_role(sp: Speaker, role: str | None) -> Speaker:
    """Keep a title the lead gives when the affiliation is something else (a country)."""
    role = re.sub(r"^(?:speaking|spoke)\s+", "", role or "").strip(" ,")
    if role and sp.affiliation and fold(role) not in fold(sp.affiliation):
        sp.role = role
    return sp


# "…, said Deara Percaya (Indonesia), speaking on behalf of the President of the Economic and Social Council."
_ON_BEHALF = re.compile(
    r"\b(?:speaking|spoke|who\s+spoke)\s+(?P<role>(?:also\s+)?(?:on\s+behalf\s+of|for)\s+the\s+[^,;.“”\"]{3,120})"
)


# "Addressing the Commission was Marciano Barbeiro, Minister of Defence, who …": the opening clause
# is an inversion, and the one it names is the speaker.
_INVERTED_SUBJECT = re.compile(r"\b(?:was|were)\s+(?:the\s+)?[A-ZÀ-Þ]")


_APPOSED_NAME = re.compile(rf"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?{NAME_RUN}(?:\s*{PLACE})?,\s+")


def lead_speaker(lead: str, roster: Roster) -> Speaker | None:
    """The speaker a lead sentence introduces; NO_SPEAKER for votes, rosters, lists; None if none."""
    lead = hyphens(lead)
    intro = INTRO_CLAUSE.match(lead)
    if intro is not None and not _INVERTED_SUBJECT.search(intro.group(0)):
        # Whoever the opening clause mentions, the speaker comes after it (if anyone does), and
        # after the name of the one it mentions when that is set off after it: "Speaking before a
        # briefing by his Special Representative, Lakhdar Brahimi, the Secretary-General stressed…".
        rest = lead[intro.end() :]
        named = _APPOSED_NAME.match(rest)
        if named and UNNAMED_OFFICIAL.match(rest[named.end() :]):
            rest = rest[named.end() :]
        found = lead_speaker(rest, roster)
        if found is not None:
            return found
        if UNNAMED_OFFICIAL.match(rest):
            return None  # "Speaking before a briefing by X, the Secretary-General stressed…": the office, not X
    best: tuple[int, int, Speaker] | None = None
    silent: tuple[int, int] | None = None  # where a phrase saying no single person speaks begins and ends
    for order in _rules_found(lead):
        rule = RULES[order]
        if rule.kind == "agent":
            continue  # only consulted by agent_speaker()
        hit = _match_rule(rule, lead, roster)
        if hit is None:
            continue
        pos, end, sp = hit
        if rule.kind == "none":
            silent = silent or (pos, end)
        elif best is None or (pos, order) < best[:2]:
            best = (pos, order, sp)
    if silent is not None and (best is None or best[0] > 0 or _named_within(lead, best[2], *silent)):
        # (unless a quotation opens the lead and its speaker follows it, before the silent phrase: in
        # "“…,” Secretary-General X said as he opened a meeting that heard briefings from …" the
        # quotation is X's, and what the meeting heard after it does not silence X)
        quoted = _QUOTATION_FIRST.match(lead)
        if best is None or quoted is None or not quoted.end() - 4 <= best[0] <= quoted.end() < silent[0]:
            return NO_SPEAKER
    return best[2] if best else None


# A lead that opens on a quotation whose speaker follows it: "“…,” the Secretary-General said".
_QUOTATION_FIRST = re.compile(r"[“\"][^“”\"]+[,?!]\s*[”\"]\s*,?\s*")


def _named_within(lead: str, sp: Speaker, start: int, end: int) -> bool:
    """Is the speaker named inside the phrase between start and end ("In a statement read out by
    X, the Council …": X only reads what the Council says)?"""
    at = lead.find(sp.raw) if sp.raw else -1
    return start <= at < end


# "Inga Rhonda King (Saint Vincent and the Grenadines)" anywhere in the text: a person and country.
_NAMED_WITH_PLACE = re.compile(
    r"(?P<name>[A-ZÀ-Þ][\w’'\-]+(?:\s+(?:[A-Z]\.|[A-ZÀ-Þ][\w’'\-]+|de|da|dos|van|von|der|al|el|bin|ibn)){1,5})"
    r"\s*,?\s*\(\s*(?P<place>[A-Z][^()]{2,60}?)\s*\)"
)
# "an unexpected intervention by Secretary-General Ban Ki-moon": an office, then a name, anywhere.
_OFFICES = (
    r"(?:Secretary-General|Under-Secretary-General|Assistant\s+Secretary-General|Deputy\s+Secretary-General|"
    r"High\s+Commissioner|Director-General|Executive\s+Director|Special\s+(?:Representative|Envoy|Rapporteur)|"
    r"Administrator|Prosecutor)\b"
)
# Words one of which every office above holds: a paragraph with none is not searched for one.
_OFFICE_WORDS = ("Secretary-General", "Commissioner", "Director", "Special", "Administrator", "Prosecutor")
_TITLED_NAME = re.compile(rf"\b{_OFFICES}(?:\s+(?:(?:of|for|on|to|the|and)\s+)*(?:[A-Z][\w’'\-]*|\([A-Z]+\))){{1,10}}")
# "…briefed by Jean-Marie Guéhenno, Under-Secretary-General for Peacekeeping Operations.": a name,
# then the office it holds, anywhere in the text; "the Under-Secretary-General said" is then that person.
_NAME_THEN_OFFICE = re.compile(
    rf"(?<![\w’'\-])(?P<run>{NAME_RUN}),\s+(?:the\s+)?(?P<office>(?:[A-Z][\w-]*[’']s\s+)?{_OFFICES}[^,;.()“”\"]{{0,100}}?)"
    rf"(?=\s*(?:[,;.()]|$))"
)
# "The Commission elected Marc-André Blanchard (Canada) as Chair of its 2020 session": the office is his.
_ELECTED = re.compile(
    rf"\belected\s+(?:by\s+acclamation\s+)?(?P<run>{NAME_RUN})\s*\(\s*(?P<place>[^()]{{2,60}}?)\s*\)\s*,?\s+as\s+"
    rf"(?:its\s+|the\s+)?(?:new\s+)?(?P<office>(?:Vice-)?(?:Chair|Chairperson|Chairman|Chairwoman|President|Rapporteur)\b)"
)
# "The Committee heard reports by its Chairman, Keba Birane Cisse (Senegal)": the office is his, so a
# later "the Chairman said" is his too, as with an election.
_OFFICE_THEN_NAMED = re.compile(
    rf"\b(?:[Ii]ts|[Tt]he|[Tt]heir)\s+(?:new\s+)?(?P<office>(?:Vice-)?(?:Chair|Chairperson|Chairman|Chairwoman|"
    rf"President|Rapporteur))\s*,\s+(?P<run>{NAME_RUN})\s*\(\s*(?P<place>[^()]{{2,60}}?)\s*\)"
)
# The words just before an office in apposition: "Bernard Kouchner, the Special Representative … told".
_RUN_AT_END = re.compile(rf"(?<![\w’'\-])(?P<run>{NAME_RUN})$")
ROLE_RULES = (
    "representative of",
    "national capacity",
    "X's representative",
    "X's minister",
    "the Minister of X",
    "X representative",
    "continuation",
)


def agent_speaker(lead: str, roster: Roster) -> Speaker | None:
    """'…, introduced by Singapore’s representative, …': the delegation acting in the lead.
    Not one an opening clause mentions ("Responding to a statement by the representative of X, …")."""
    intro = INTRO_CLAUSE.match(hyphens(lead))
    if intro is not None:
        lead = hyphens(lead)[intro.end() :]
    for rule in RULES:
        if rule.kind == "agent":
            hit = _match_rule(rule, hyphens(lead), roster)
            return hit[2] if hit else None
    return None


def collect_roster(paragraphs: list[Paragraph]) -> Roster:
    """Everyone the release introduces: panel rosters, named introductions with a role or
    country, and people named with their country anywhere in the text."""
    roster = Roster()
    texts = [_prose(p) for p in paragraphs]
    flat = [hyphens(t) for t in texts]
    for text in texts:
        roster.add_from_paragraph(text)
    for text in texts:
        sp = lead_speaker(lead_sentence(text), Roster())
        if sp is not None and sp.affiliation and sp.rule not in ROLE_RULES and len(sp.name.split()) > 1:
            roster.add(sp.name, sp.affiliation)
    with_office = [text for text in flat if any(word in text for word in _OFFICE_WORDS)]
    for text in with_office:
        for m in _TITLED_NAME.finditer(text):
            found = person_from_run(m.group(0))
            if found is not None and found[1] and len(found[0].split()) > 1:
                roster.add(titlecase_name(found[0]), found[1])
    for text in with_office:
        for m in _NAME_THEN_OFFICE.finditer(text):
            found = person_from_run(m.group("run"))
            if found is None or found[1] or len(found[0].split()) < 2 or m.group("run") in STATES:
                continue
            if re.search(rf"\b{VERBS}", m.group("office")) or person_from_run(m.group("office")):
                continue  # "…, Secretary-General Kofi Annan told": a title before a name, or a clause
            roster.add(titlecase_name(found[0]), m.group("office").strip())
    for text in flat:
        for m in (*_ELECTED.finditer(text), *_OFFICE_THEN_NAMED.finditer(text)):
            found = person_from_run(m.group("run"))  # "elected X (Canada) as Chair", "its Chairman, X (Senegal)"
            if found is not None and len(found[0].split()) > 1:
                roster.add(titlecase_name(found[0]), m.group("place"), m.group("office"))
    for text in flat:
        for m in _NAMED_WITH_PLACE.finditer(text):
            place = m.group("place")
            if place.isupper() and len(place) <= 8:
                continue  # "(UNODC)": an acronym, not a country
            found = person_from_run(m.group("name"))
            if found is not None and len(found[0].split()) > 1:
                roster.add(titlecase_name(found[0]), place)
    return roster


def _cue(text: str) -> re.Match[str] | None:
    text = hyphens(text)
    return CONTINUATION.search(text) or CONTINUATION_OPENING.search(text) or CONTINUATION_QUOTE.search(text)


_THAT_COUNTRY = re.compile(
    r"\b(?:representative|delegate|delegation|observer)\s+(?:of|for)\s+that\s+(?:country|State)\b"
    r"|\bthat\s+(?:country|State)[’']s\s+(?:representative|delegate|delegation|observer)\b"
)
_STATE_NAMES = re.compile(rf"\b{STATE_NAME}\b")
_ITS_REPRESENTATIVE_SAID = re.compile(
    r",\s+its\s+(?:representative|delegate)\s+(?:also\s+)?(?:said|stated|added|noted|stressed|explained)\.?$"
    r"|,\s+(?:said|stated|added)\s+its\s+(?:representative|delegate|delegation)\b"
    rf"|\bwhose\s+(?:representative|delegate)\s+(?:also\s+)?{VERBS}"
)


# "The ICRC was disappointed that …, its representative said.": the subject is the one speaking.
_ITS_REPRESENTATIVE = re.compile(
    rf"^(?:[Tt]he\s+)?(?P<entity>{ENTITY})\s+[a-z][^“”\"]*,\s+(?:its|their)\s+"
    r"(?:representative|delegate|observer|spokesperson|spokesman|spokeswoman)\s+(?:also\s+)?"
    r"(?:said|stated|added|noted|stressed|explained|argued|insisted|warned|told\s+[^,.]{1,80})\.?$"
)
_THE_BODY = re.compile(rf"\bthe\s+(?P<entity>{ENTITY})")
# "Canada's representative, Philippe Kirsch, who chaired …, said": the delegate named in apposition.
_DELEGATE_NAMED = re.compile(rf"^\s*,\s+(?:(?:{PLAIN_TITLES})\.?\s+)?(?P<run>{NAME_RUN})\s*,")
_OFFICE_OF_STATE = re.compile(
    r"(?:[Aa]n?\s|[Tt]he\s|(?:Deputy\s+)?Permanent\s+Representative\b|(?:(?:Deputy|Vice-|Prime|Foreign)\s*)?Minister\b)"
)
_NAMED_BEFORE = re.compile(rf"(?:^|\bby\s+|,\s+)(?:(?:{PLAIN_TITLES})\.?\s+)?(?P<run>{NAME_RUN})\s*,\s*$")


# "Australia, said its speaker, was always willing to do its share …": the same, as an aside.
_ITS_REPRESENTATIVE_ASIDE = re.compile(
    rf"^(?:[Tt]he\s+)?(?P<entity>{ENTITY}),\s+(?:said|stated|added|noted|stressed|explained)\s+(?:its|their)\s+"
    r"(?:representative|delegate|speaker|observer|spokesperson|spokesman|spokeswoman)\s*,"
)


# A bare surname with a verb, as some releases write it: '“The peoples of the world,” Mbeki said'.
_SURNAME_SAYS = re.compile(
    rf"(?:^|[”\"]\s*,?\s+|,\s+)(?P<run>{CAP}(?:\s+{CAP})?)\s+(?:also\s+)?(?:said|stated|added|stressed|noted|told|"
    rf"urged|warned|continued|explained|declared|insisted|observed|emphasized|emphasised|recalled|asked)\b"
    rf"|[”\"],?\s+(?:said|added|continued)\s+(?P<run2>{CAP}(?:\s+{CAP})?)\s*[.,;]"
)


def _surname_says(lead: str, roster: Roster) -> Speaker | None:
    """A bare surname that says something, when the release has introduced that person in full
    ("South Africa President Thabo Mbeki opened …"): only the roster's exact surname counts."""
    for m in _SURNAME_SAYS.finditer(lead):
        run = m.group("run") or m.group("run2")
        if fold(run.split()[0]) in NOT_NAMES or run in STATES:
            continue
        person = roster.find(run)
        want = name_tokens(run)
        if person is not None and want and person.tokens[-len(want) :] == want and len(person.tokens) > len(want):
            return Speaker(person.name, run, person.affiliation, "surname, verb")
    return None


def _its_representative(lead: str) -> Speaker | None:
    m = _ITS_REPRESENTATIVE.match(lead) or _ITS_REPRESENTATIVE_ASIDE.match(lead)
    if m is None:
        return None
    entity = _clean_entity(m.group("entity"))
    if entity and fold(entity.split()[0]) in NOT_NAMES:
        # The sentence opens with a phrase, not its subject: "Among the lessons the World Bank had
        # learned … was that …, its representative said" — the body named first is the one meant.
        named = _THE_BODY.search(lead, m.end("entity"))
        entity = _clean_entity(named.group("entity")) if named else ""
    if not entity or fold(entity.split()[0]) in NOT_NAMES:
        return None
    return Speaker(entity, m.group(0), entity, "its representative")


def _delegate_named(lead: str, sp: Speaker) -> Speaker:
    """A delegation's speaker named right after it, between commas, is the speaker (with the country);
    so is one named right before it ("an address by Alessio Bruni, a representative of the Office")."""
    at = lead.find(sp.raw)
    m = _DELEGATE_NAMED.match(lead[at + len(sp.raw) :]) if at >= 0 and sp.raw else None
    # (or an office in apposition: "Ambassador Robert Wood, Permanent Representative of the United States, …")
    # (or a minister's: "chaired by Guillermo Fernandez de Soto, Minister for Foreign Affairs of Colombia, …")
    if m is None and at > 0 and _OFFICE_OF_STATE.match(sp.raw):
        m = _NAMED_BEFORE.search(lead[:at])
    found = person_from_run(m.group("run"), titled=True) if m else None
    if found is None or found[1] or len(found[0].split()) < 2:
        return sp
    return Speaker(titlecase_name(found[0]), sp.raw, sp.affiliation, sp.rule)


def _that_country(lead: str) -> Speaker | None:
    """'Angola was battling …, the representative of that country said': the State named before.
    '… continued to be Malaysia’s overriding goal, its representative said', 'Argentina … had firmly
    rooted the Convention …, said its delegation', 'Bangladesh was among the top troop contributors whose
    representative voiced concern': the one State named."""
    m = _THAT_COUNTRY.search(lead)
    states = _STATE_NAMES.findall(lead[: m.start()]) if m else []
    if m is None or not states:
        m = _ITS_REPRESENTATIVE_SAID.search(lead)
        states = _STATE_NAMES.findall(lead[: m.start()]) if m else []
        if m is None or len(set(states)) != 1:
            return None
    return Speaker(states[-1], m.group(0), states[-1], "representative of that country")


def _named_later(text: str, lead: str, roster: Roster, sentences: int = 2) -> Speaker | None:
    """A sentence of summary, then the speaker: "Throughout the afternoon, the petitioners presented
    a complex picture. The fact that … was anachronistic, Chief Minister Peter Caruana asserted."."""
    rest = text[len(lead) :].lstrip()
    for _ in range(sentences):
        if not rest:
            return None
        sentence = lead_sentence(rest)
        if _MANY_SPEAK.match(sentence):
            return None  # "Representatives of A, B and C took the floor…": many speakers, no one's block
        found = lead_speaker(sentence, roster)
        if found is not None:
            return found if found.name else None
        rest = rest[len(sentence) :].lstrip()
    return None


def _in_apposition(before: str, role: str) -> Speaker | None:
    """A person's name right before the office: 'Bernard Kouchner, the Secretary-General's Special
    Representative and head of UNMIK told the Council' (the appositive's closing comma left out)."""
    before = before.rstrip()
    m = _RUN_AT_END.search(before)
    if m is not None and not re.search(r"(?:^|[,”\"—]|\s--?)\s*$", before[: m.start()]):
        return None  # "…against girls in Myanmar’s Rakhine State, the Special Representative told": no subject
    intro = INTRO_CLAUSE.match(before)
    if m is not None and intro is not None and intro.end() == m.start():  # the name ends the opening clause
        return None  # "Speaking before a briefing by his Special Representative, X, the Secretary-General said"
    found = person_from_run(m.group("run")) if m else None
    if m is None or found is None or found[1] or len(found[0].split()) < 2 or m.group("run") in STATES:
        return None
    office = office_of(role)
    return Speaker(titlecase_name(found[0]), m.group("run"), office, "name, the office, verb")


def _named_in_next_sentence(text: str, lead: str, role: str) -> Speaker | None:
    """An office in the lead, a person as the next sentence's subject: that person, in that office."""
    rest = text[len(lead) :].lstrip()
    m = NAMED_SUBJECT.match(hyphens(lead_sentence(rest))) if rest else None
    found = person_from_run(m.group("run")) if m else None
    if found is None or found[1]:
        return None
    return Speaker(titlecase_name(found[0]), m.group("run") if m else "", office_of(role), "named next sentence")


@dataclass
class _Reading:
    """What one paragraph says on its own, before continuation is resolved."""

    own: Speaker | None  # the speaker its lead names (NO_SPEAKER: explicitly nobody)
    cue: re.Match[str] | None  # a continuation cue ("he said")
    unnamed_role: str | None  # "A senior United Nations official …": named elsewhere
    lead: str  # its lead sentence
    summary: bool  # summarises many speakers
    text: str  # the paragraph as attribution reads it (no dateline in front)

    def reads_as_statement(self) -> bool:
        """A speech verb in the lead (asked only of paragraphs left without a speaker, to report them)."""
        return bool(STATEMENT.search(self.lead))


# A delegation's speaker may be named beside it ("Mr. X, the Deputy Prime Minister of Italy stressed").
_NAMED_DELEGATE_RULES = ("representative of", "X's representative", "X representative", "the Minister of X")

# "what he called", "what she termed": the pronoun of a free relative names the subject that follows.
_WHAT_BEFORE = re.compile(r"\b[Ww]hat\s+$")

# A subordinate clause whose pronoun names the main clause's subject, who follows it.
_PRONOUN_AHEAD = re.compile(r"^(?:Before|After|As|When|While|Once|Until|Since)\s+(?:he|she)\b[^,;]*,\s+")


# A lead that names whose words the paragraph before gave: "This view was expressed by X", "That
# message was delivered by X", "These concerns were echoed by …".
_THIS_VIEW = re.compile(
    r"^(?:This|That|These|Those|Such)\s+(?:\w+\s+)?(?:view|views|message|point|points|call|calls|warning|appeal|"
    r"concern|concerns|assessment|position|argument)\s+(?:was|were)\s+(?:also\s+)?\w+ed\b[^.]*?\bby\b"
)


# A lead sentence that ends on its reporter: "…, she recalled." The whole sentence is reported speech.
_ENDS_ON_PRONOUN_SAYS = re.compile(rf",\s+(?:he|she)\s+(?:also\s+|further\s+|then\s+)?{VERBS}[.:]?\s*$")


def _read(p: Paragraph, roster: Roster) -> _Reading:
    text = _prose(p)
    lead = lead_sentence(text)
    flat = hyphens(lead)  # the lead with every hyphen a plain one, as the patterns expect
    pronoun_says = CONTINUATION.search(flat)  # "…, he pointed out": he goes on
    if pronoun_says is not None and _WHAT_BEFORE.search(flat[: pronoun_says.start()]):
        pronoun_says = None  # "Drawing attention to what he called double standards, X said": he is X
    own = lead_speaker(lead, roster)
    if own is not None and own.raw:
        if pronoun_says is not None and 0 <= pronoun_says.start() < flat.find(own.raw):
            # "Outlining recent successes, he pointed out that … the Committee delegation …": he speaks; but in
            # "Before he introduced his report, High Commissioner X urged …" the pronoun looks ahead to X.
            ahead = _PRONOUN_AHEAD.match(flat)
            if ahead is None or flat[ahead.end() : flat.find(own.raw)] not in ("", "the "):
                own = None
    if own is NO_SPEAKER and _ENDS_ON_PRONOUN_SAYS.search(flat):
        own = None  # "The Committee adopted 63 drafts, she recalled.": her account of the meeting, not narration
    role = None
    if own is None and CONTINUATION.search(hyphens(text)):
        own = agent_speaker(lead, roster)  # "introduced by X’s representative … he said"
    if own is None:
        own = _that_country(flat) or _its_representative(flat)
    if own is not None and own.rule in _NAMED_DELEGATE_RULES:
        own = _delegate_named(flat, own)
    if own is None and pronoun_says is None:
        # After a summary of many speakers, only the very next sentence may name the block's one speaker,
        # and not when the summary already names several ("…, including the Russian Federation and Luxembourg").
        summary = _SUMMARY.search(lead)
        own = _named_later(text, lead, roster, sentences=2 if not summary else 0 if _STATE_NAMES.search(lead) else 1)
    if own is None:
        m = UNNAMED_OFFICIAL.search(flat)
        if m is not None:
            role = m.group("role") or m.group("role2")
            person = roster.find_role(role)
            named = _in_apposition(flat[: m.start()], role) if m.group(0).startswith(",") and m.group("role") else None
            if named is not None:
                own, role = named, None
            elif person is not None:
                own = Speaker(person.name, m.group(0).strip(" ,"), person.affiliation, "role")
                role = None
            else:
                own = _named_in_next_sentence(text, lead, role)
                role = None if own is not None else role
    if own is None and role is None:
        own = _surname_says(lead, roster)
    if own is not None and own.name and not own.role:
        behalf = _ON_BEHALF.search(flat)
        if behalf is not None:
            own.role = behalf.group("role").strip(" ,")
    return _Reading(
        own=own,
        cue=_cue(text) if own is None else None,
        text=text,
        unnamed_role=role,
        lead=lead,
        summary=bool(_SUMMARY.search(lead)),
    )


_STATES = frozenset(STATES)  # a delegation speaker's name


# The narrator's own voice: the present tense ("Resolution 1373 is…", "The carnage has aroused…"),
# an editor's note in brackets, or a lead that opens on a list of people ("A, B, C and D gave
# statements"). Reported speech is backshifted, so such a lead is not one speaker's.
_NARRATOR = re.compile(r"^\[|\b(?:is|are|has|have)\b|^(?:[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*,\s+){2,}")


def _presiding_officers(readings: Iterable[_Reading]) -> dict[str | None, Speaker]:
    """The one named speaker a release titles its Chair (or its President), by bare title:
    'Chairman Julian Hunte (Saint Lucia) said …' makes 'The Chairman agreed …' his. Two people with
    the same title (an outgoing and an incoming Chair) name no one."""
    found: dict[str | None, dict[str, Speaker]] = {}
    for r in readings:
        sp = r.own
        if sp is None or not sp.name or not (sp.role or sp.affiliation) or sp.rule in ROLE_RULES:
            continue
        # (the title may stand where a country would: "Rita Izsak-Ndiaye, Committee Rapporteur, said")
        for title in presiding_keys(sp.role or "") or presiding_keys(sp.affiliation or ""):
            found.setdefault(title, {})[sp.name] = sp
    return {title: next(iter(people.values())) for title, people in found.items() if len(people) == 1}


def _office_holder(sp: Speaker, roster: Roster) -> Speaker:
    """'…, stated the Secretary-General': an office that speaks is the one person the release gives
    that office ('United Nations Secretary-General Kofi Annan'); with no such person, or two, the
    office stays the speaker."""
    if head_title(sp.name) is None or roster.find(sp.name) is not None:
        return sp
    found = [p for p in roster.people if any(t and holds(t, sp.name) for t in (p.affiliation, p.role))]
    if len(found) != 1:
        return sp
    return Speaker(found[0].name, sp.raw, found[0].affiliation, sp.rule, sp.role)


_COUNTRY_OFFICE_OF = re.compile(r"^(?:the\s+|its\s+)?(?P<office>.+?)\s+of\s+")


def _minister_named(sp: Speaker, roster: Roster) -> Speaker:
    """'the Deputy Chief Minister of Gibraltar stressed …' is the one person the release names with
    that title ('continued the Deputy Chief Minister, Keith Azopardi'), for that country; with no such
    person, or two, the country stays the speaker."""
    if sp.rule != "the Minister of X":
        return sp
    m = _COUNTRY_OFFICE_OF.match(sp.raw)
    if m is None:
        return sp
    found = [p for p in roster.people if any(t and holds(t, m.group("office")) for t in (p.affiliation, p.role))]
    if len(found) != 1:
        return sp
    return Speaker(found[0].name, sp.raw, sp.affiliation, sp.rule, found[0].affiliation)


# "According to the organization of work (document A/C.2/60/L.1), the Committee would …": what a text
# says, in the narrator's voice ("According to Committee Secretary Eric Tistounet, …" names a speaker).
_CITES_A_SOURCE = re.compile(r"According\s+to\s+(?:the|a|an|its|their|this|that)\s")


def _reported(text: str) -> bool:
    """Reported speech (backshifted: "had adopted", "had carefully considered", "would", "must") or an
    argument going on ("However, …") in the lead sentence, or reported speech in the next one when the
    lead is no present-tense narration ("In all reviews, the Committee noted …. The observations would
    be issued …")."""
    lead = lead_sentence(text)
    if text.startswith("[") or _CITES_A_SOURCE.match(lead):
        return False  # an editor's note; the narrator citing a text ("According to the report, …")
    if REPORTED_SPEECH.search(lead) or ARGUMENT_GOES_ON.match(lead):
        return True
    if _NARRATOR.search(lead):
        return False
    return bool(REPORTED_SPEECH.search(lead_sentence(text[len(lead) :].lstrip())))


def attribute(doc: Document) -> Document:
    """Fill speaker, speaker_raw, affiliation and unattributed on every paragraph.

    Order of evidence: the paragraph's own lead; else a continuation cue, which carries the
    previous speaker forward — across one paragraph that names nobody and is not a summary,
    when the cue follows it ("…, he said. / Authorities reported… / “…,” he warned.");
    else an unnamed official in the lead, resolved by the roster or by the person the next
    paragraph names."""
    roster = collect_roster(doc.paragraphs)
    body = [p for p in doc.paragraphs if p.kind != "heading"]
    readings = {id(p): _read(p, roster) for p in body}
    assigned: dict[int, Speaker | None] = {}
    previous: Speaker | None = None
    paras = doc.paragraphs
    presiding = _presiding_officers(readings.values())
    for i, p in enumerate(paras):
        if p.kind == "heading":
            previous = None  # a new section: no continuation across a heading
            continue
        r = readings[id(p)]
        sp = r.own
        if sp is None and previous is not None and r.cue is not None:
            sp = Speaker(previous.name, r.cue.group(0), previous.affiliation, "continuation")
        # (one unnamed office does not go on as another: "the Mayor of Heidelberg said …" then
        # "…, the President of the World Travel and Tourism Council said …")
        # (nor does a delegation go on as an office: "Argentina said …" then "…, at the end of which the
        # President of the Conference remarked …")
        # (nor does a titled person go on as another office: "Ms. X, Committee Chairperson, said …" then
        # "The Secretary of the Committee said …")
        other_office = (
            r.unnamed_role is not None
            and previous is not None
            and (
                previous.rule == "office"
                and office_of(r.unnamed_role) != previous.name
                or previous.name in _STATES
                or not may_hold(r.unnamed_role, previous.role or previous.affiliation or "")
            )
        )
        if sp is None and previous is not None and not r.summary and not other_office and i + 1 < len(paras):
            after = readings.get(id(paras[i + 1]))
            if after is not None and after.own is None and after.cue is not None and after.unnamed_role is None:
                sp = Speaker(previous.name, "(continues)", previous.affiliation, "continuation")
        if sp is None and previous is not None and not r.summary and not other_office and _reported(r.text):
            sp = Speaker(previous.name, "(reported speech)", previous.affiliation, "continuation")
        if sp is None and r.unnamed_role is not None and i + 1 < len(paras):
            after = readings.get(id(paras[i + 1]))
            if (
                after is not None
                and after.own is not None
                and after.own.name
                and after.own.rule not in ROLE_RULES
                and may_hold(r.unnamed_role, after.own.role or after.own.affiliation or "")
            ):
                sp = Speaker(after.own.name, r.unnamed_role, after.own.affiliation, "named next")
        if sp is None and not r.summary and i + 1 < len(paras):
            # "…. / This view was expressed this morning by X": the next paragraph names whose view it was
            after = readings.get(id(paras[i + 1]))
            if after is not None and after.own is not None and after.own.name and _THIS_VIEW.match(after.lead):
                sp = Speaker(after.own.name, "(named next)", after.own.affiliation, "named next")
        if sp is None and r.unnamed_role is not None:
            # Never named in the release: the office speaks ("the Deputy Executive Director of UNFPA");
            # "the Chairman" is the one person the release calls its Chairman, if there is one.
            office = office_of(r.unnamed_role)
            holder = next((presiding[k] for k in presiding_keys(office) if k in presiding), None) if office else None
            if holder is not None:
                sp = Speaker(holder.name, r.unnamed_role, holder.affiliation, "office")
            elif office:
                sp = Speaker(office, r.unnamed_role, None, "office")
        if sp is not None and sp.name:
            sp = _office_holder(sp, roster)
            sp = _minister_named(sp, roster)
        assigned[id(p)] = sp if sp is not None and sp.name else None
        previous = assigned[id(p)]
        if sp is None:
            p.unattributed = not r.summary and r.reads_as_statement()
    roles: dict[str, str] = {}  # a title given once goes with every paragraph of that speaker
    for r in readings.values():
        if r.own is not None and r.own.name and r.own.role:
            roles.setdefault(r.own.name, r.own.role)
    for person in roster.people:  # "Co-chaired by …": the panel's chairs
        if person.role:
            roles.setdefault(person.name, person.role)
    for p in body:
        sp = assigned.get(id(p))
        if sp is None:
            p.speaker = p.speaker_raw = p.affiliation = p.role = None
        else:
            p.speaker, p.speaker_raw, p.affiliation = sp.name, sp.raw, sp.affiliation
            p.role = roles.get(sp.name)
            p.unattributed = False
    return doc


__all__ = ["attribute", "lead_sentence", "lead_speaker", "titlecase_name", "Speaker", "Person"]
