"""The conventions of UN meetings coverage, kept as data.

Each rule is a regular expression over the *lead* of a paragraph (its first sentence,
typographic hyphens already mapped to '-') and the kind of speaker it names. The
attribution engine (:mod:`untrack.attribute`) takes the earliest match in the lead;
rules never name a person or a country of one particular release.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import STATES

# Verbs that report speech in these releases ("said", "stressed", "pointed out"...).
SPEECH_VERBS = (
    "said",
    "says",
    "stated",
    "noted",
    "added",
    "stressed",
    "emphasized",
    "emphasised",
    "underlined",
    "underscored",
    "pointed out",
    "pointed to",
    "observed",
    "recalled",
    "highlighted",
    "outlined",
    "asked",
    "replied",
    "responded",
    "explained",
    "described",
    "expressed",
    "welcomed",
    "urged",
    "called",
    "reiterated",
    "affirmed",
    "reaffirmed",
    "declared",
    "announced",
    "recommended",
    "recounted",
    "told",
    "warned",
    "cautioned",
    "commended",
    "praised",
    "agreed",
    "acknowledged",
    "maintained",
    "argued",
    "insisted",
    "suggested",
    "proposed",
    "voiced",
    "questioned",
    "wondered",
    "inquired",
    "enquired",
    "reported",
    "informed",
    "briefed",
    "presented",
    "introduced",
    "echoed",
    "concluded",
    "continued",
    "went on",
    "remarked",
    "commented",
    "shared",
    "detailed",
    "hailed",
    "saluted",
    "condemned",
    "deplored",
    "regretted",
    "lauded",
    "applauded",
    "invited",
    "encouraged",
    "requested",
    "sought",
    "drew attention",
    "thanked",
    "congratulated",
    "cited",
    "listed",
    "spoke",
    "asserted",
    "contended",
    "opened",
    "expressed concern",
    "appealed",
    "pledged",
    "assured",
    "clarified",
    "stated",
    "declared",
    "objected",
    "rejected",
    "supported",
    "endorsed",
    "reminded",
    "illustrated",
    "focused",
    "elaborated",
    "summarized",
    "summarised",
    "addressed",
    "spotlighted",
    "reviewed",
    "indicated",
    "believed",
    "felt",
    "lamented",
    "recognized",
    "recognised",
    "joined",
    "reflected",
    "considered",
    "turned",
    "delivered",
    "began",
    "started",
    "provided",
    "gave",
    "offered",
    "mentioned",
    "touched",
    # found reporting speech in the corpus of openings (eval/corpus): "Dr. Tedros weighed in, stating…"
    "weighed in",
    # a warning or an appeal issued is one given in words: "X, delivering opening remarks, issued a warning that"
    "issued a warning",
    "issued an appeal",
    "issued a strong appeal",
    "issued a call",
    "countered",
    "promised",
    "moderated",
    "confirmed",
    "ventured",
    "conveyed",
    "updated",
    "predicted",
    "made an appeal",
    "made a plea",
    "made an urgent call",
    "made a call",
    "made a statement",
    "summed up",
    "made remarks",
    "made opening remarks",
    "made closing remarks",
    "made concluding remarks",
    "made introductory remarks",
    "discussed",
    "paid tribute",
    # reporting verbs found in the corpus after session 5 (counted over eval/corpus and realdocs)
    "advised",
    "hoped",
    "feared",
    "read out",
    "drew attention",
    "drew the attention",
    # a wish to say something is saying it: "wished to take the opportunity to recall", "wanted to stress"
    "wished to",
    "wanted to",
    "took the opportunity to",
)
VERBS = (
    "(?:"
    + "|".join(sorted({re.escape(v).replace(r"\ ", r"\s+") for v in SPEECH_VERBS}, key=len, reverse=True))
    + r")\b"
)

# Honorifics that precede a speaker's surname in capitals ("Ms. BACHELET").
TITLES = (
    r"Mr|Ms|Mrs|Mme|Mlle|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|Baron|Archbishop|Bishop|"
    r"Cardinal|Monsignor|Msgr|Mgr|Sheikh|Sheikha|Shaikh|Shaikha|Prince|Princess|King|Queen|Emir|Judge|"
    r"Justice|Ambassador|General|Lieutenant\s+General|Major\s+General|Brigadier\s+General|Colonel|"
    r"Admiral|Rev|Reverend|Father|Sister|Brother|Rabbi|Imam|Hon|Senator|Dato|Datuk|Tan\s+Sri|Dasho|"
    r"Nana|Chief|Count|Countess|Her\s+Royal\s+Highness|His\s+Royal\s+Highness|H\.E"
)
UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
LOWER = "a-zß-öø-ÿā-ž"
PARTICLES = (
    r"(?:de|da|do|dos|das|del|della|dei|di|du|des|van|von|der|den|ter|la|le|lo|bin|binti|ben|ibn|"
    r"al|el|bint|abu|ould|y|e|d'|d’|DE|DA|DO|DOS|DAS|DEL|DI|DU|VAN|VON|DER|DEN|LA|LE|BIN|BEN|AL|EL|"
    r"Al|El|De|Da|Del|Van|Von|Le|La|Abu|Ould)"
)
# A surname in capitals: AL-NASSER, O’NEILL, McCARTHY, DE SOUSA, ZHANG.
CAPS_WORD = rf"(?:Mc|Mac|O’|O'|D’|D')?[{UPPER}][{UPPER}’'\-]*[{UPPER}]\.?"
CAPS_NAME = rf"(?:{PARTICLES}\s+)*{CAPS_WORD}(?:\s+(?:{PARTICLES}\s+)*{CAPS_WORD})*"
# Given names after a family name in capitals ("Mr. ZHANG Jun").
GIVEN_AFTER = rf"(?:\s+[{UPPER}][{LOWER}]+(?:-[{LOWER}]+)?(?=\s*(?:\(|,|\s[{LOWER}])))?"
# A capitalised word of a name or a proper noun: Nassir, Al-Nasser, Ki-moon, N., d’Ivoire, al-Thani.
CAP = rf"(?:(?:d|l)[’']|(?:al|el|ad|ar|as|ash|at|az|ul|bin|ibn)-)?[{UPPER}][\w’'\-.]*"
CONNECT = r"(?:of|and|the|for|on|in|de|du|da|del|des|to|against|y|et)"
# A country, organization or group as named after "representative of".
ENTITY = rf"(?:the\s+)?{CAP}(?:\s+(?:{CONNECT}\s+)*(?:{CAP}|\d+\b))*(?:\s*\((?:[^()]{{1,40}})\))?"
# A run of capitalised words that may hold a role and a name ("Secretary-General Ban Ki-moon").
# A body's acronym may stand inside a title, before more of the run: "Administrator of the United
# Nations Development Programme (UNDP) Mark Malloch Brown".
NAME_RUN = rf"{CAP}(?:\s+(?:\([{UPPER}][{UPPER}\-]{{1,11}}\)\s+)?(?:{PARTICLES}\s+|{CONNECT}\s+)*{CAP}){{0,9}}"
# The same, as few words as will do: where a name is followed by "to"/"for" that a run would take in
# ("… Antonio Maria Costa to Member States to …").
SHORTEST_NAME_RUN = NAME_RUN.replace("{0,9}", "{0,9}?")
PLACE = r"\(\s*(?P<place>[^()]{1,60}?)\s*\)"
# Where a name can start a clause: the lead's start, after a comma, a closing quotation mark or a
# dash, or after an opening phrase of time or place that has no comma ("At the closing meeting
# this afternoon Dilip Lahiri, Rapporteur of the Committee, presented…"), or after a sentence-opening
# "And"/"But" ("And Shafi Sami, Foreign Secretary of Bangladesh, said…").
CLAUSE_START = (
    r"(?:^(?:And|But)?\s*|,\s+|[”\"]\s*,?\s+|\s--?\s+|\s—\s*|"
    r"^(?:At|In|During|On|Before|After|Just\s+before)\s[^,“”\"]{0,100}?\s)"
)
# Words a title of office begins with ("Chair of the Working Group", "Special Rapporteur on …").
TITLE_START = (
    r"(?:Chair|Chairperson|Chairman|Chairwoman|President|Vice-|Director|Minister|Secretary|Under-Secretary|Assistant|"
    r"Special|Executive|Head|Chief|Deputy|Permanent|Ambassador|Commissioner|High|Rapporteur|Coordinator|"
    r"Administrator|Professor|Judge|Prosecutor|Registrar)"
)
# A State's name, as the lexicon spells it.
STATE_NAME = "(?:" + "|".join(sorted((re.escape(s) for s in STATES), key=len, reverse=True)) + ")"
# When, between a speaker and the verb: "Kofi Annan this morning called on…".
WHEN = r"(?:today|yesterday|this\s+(?:morning|afternoon|evening|week))"
# The occasion of a statement, between its speaker and the verb: "in opening remarks", "in his statement".
OCCASION = (
    r"in\s+(?:his|her|its|their|a|an|the|opening|closing|concluding|introductory)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:remarks|statement|address|speech|message)"
)
# Words that may stand before a title and name: "incoming Assembly President Joseph Deiss".
NAME_ADJECTIVES = r"(?:(?:incoming|outgoing|former|acting|interim|newly\s+elected|newly\s+appointed|then)\s+)?"
APPOSITIVE = (
    r"(?P<role>(?:[^;“”\"—]|—(?!\s*[a-z])){2,250}?)"  # (a dash before a lowercase word ends it: "— felt strongly")
)
# The closing comma is often left out after a body's acronym: "Noleen Heyzer, the Executive Director
# of the United Nations Development Fund for Women (UNIFEM) told the Commission".
APPOSITIVE_ACRONYM = rf"\s*,\s*(?P<role3>(?:the\s+)?[{UPPER}][^,;“”\"()]{{2,150}}?\s*\([{UPPER}][\w\-]{{1,11}}\))"
# Speech verbs as gerunds, for absolute clauses ("with X stressing that…").
GERUNDS = (
    r"(?:saying|stating|stressing|noting|emphasi[sz]ing|underlining|underscoring|pointing\s+out|"
    r"highlighting|warning|urging|calling|arguing|asserting|insisting|describing|explaining|expressing|"
    r"presenting|introducing|telling|recalling|reporting|suggesting|proposing|asking|adding|observing|"
    r"welcoming|cautioning|affirming|reaffirming|declaring|announcing|voicing|citing|"
    # (praise and blame are reported too: "with X (Nigeria) commending the Movement for its spirit")
    r"commending|praising|condemning|deploring|lamenting|reminding|reiterating|acknowledging)\b"
)
# "representative of X" names a delegation; a Special/High/Personal Representative is a person.
# ", Permanent Observer of the Holy See, said": a role in capitals between commas, then the verb.
ROLE_THEN_VERB = rf"(?:\s*,\s*(?P<role>[{UPPER}][^,;“”\"]{{2,150}}?)\s*,\s+(?:also\s+)?{VERBS})?"
# "…amendments proposed by Nigeria’s delegate": the agent of a passive verb is not the speaker.
# Nor is one in a letter from it, or one whose presence, absence or statement is mentioned.
NOT_AGENT = (
    r"(?<!\bby\s)(?<!\bby\sthe\s)(?<!\bby\sa\s)(?<!\bfrom\s)(?<!\bfrom\sthe\s)(?<!\bfrom\sa\s)(?<!\bwith\sthe\s)"
    # ("according to the representative of X": X speaks)
    r"(?:(?<=\baccording\sto\s)|(?<=\baccording\sto\sthe\s)|(?<!\bto\s)(?<!\bto\sthe\s))"
    r"(?<!\bof\sa\s)(?<!\bof\sthe\s)(?<!\bof\s)"
)
# "…, Ms. Jagjit Pavadia of India, stated": a country after "of" belongs to the name before it.
OF_PLACE = r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w’'\-]+(?:\s+(?:and\s+|the\s+)?[A-Z][\w’'\-]+){0,3}))?"
# What a country's office-holder is called when the release names the country, not the person.
COUNTRY_OFFICE = (
    r"(?:(?:Vice|Deputy|Prime|Foreign|First|Second|State|Chief)\s+)*"
    r"(?:Minister|Ambassador|President|Secretary\s+of\s+State|State\s+Secretary|Secretary|Chancellor)"
)
# Honorifics before a name in ordinary case ("Ms. Doe said"): only trusted with a verb after.
PLAIN_TITLES = (
    r"Mr|Ms|Mrs|Mme|Dr|Prof|Professor|Sir|Dame|Archbishop|Bishop|Cardinal|Monsignor|Sheikh|Sheikha|"
    r"Prince|Princess|Judge|Justice|Ambassador|Rev|Father|Rabbi|Imam"
)
DELEGATE = (
    r"(?<!Special\s)(?<!High\s)(?<!Personal\s)(?<!Executive\s)(?<!Resident\s)"
    # ("A Representative of Mexico told …", as Geneva summaries capitalise it; the capital after a title
    # is an office: "the Special Representative of the Secretary-General")
    r"(?:Permanent\s+|Deputy\s+|Alternate\s+)*(?:representative|(?<=\b[Aa]\s)Representative|delegate|observer|Observer|petitioner|"
    r"Permanent\s+Representative|speaker|spokesperson|Minister\s+for\s+Foreign\s+Affairs|Foreign\s+Minister|"
    r"counterpart|Head\s+of\s+(?:the\s+)?[Dd]elegation)"
)


@dataclass(frozen=True)
class Rule:
    """One convention: a pattern over the lead and what kind of speaker it names.

    kind: "caps" (Title + SURNAME), "caps_full" (FULL NAME (Country)), "delegation",
    "named" (a name, maybe with its role, before the verb), "after_verb" (…, said NAME),
    or "none" (the lead names no single speaker: votes, lists of speakers, rosters).
    """

    name: str
    kind: str
    pattern: re.Pattern[str]
    # Words of which the pattern cannot match without one (as written, case and all): a lead
    # holding none of them is not searched. Most leads name no representative, minister or
    # relative clause, and these rules, which try an entity's name at every capital, cost most.
    needs: tuple[str, ...] = ()

    def may_match(self, lead: str) -> bool:
        return not self.needs or any(word in lead for word in self.needs)


def _rule(name: str, kind: str, regex: str, flags: int = 0, needs: tuple[str, ...] = ()) -> Rule:
    return Rule(name, kind, re.compile(regex, flags), needs)


# DELEGATE's words; COUNTRY_OFFICE's last words (every title ends in one of them).
_DELEGATE_WORDS = (
    "epresentative",
    "delegate",
    "bserver",
    "petitioner",
    "speaker",
    "spokesperson",
    "Minister",
    "counterpart",
    "elegation",
)
_OFFICE_WORDS = ("Minister", "Ambassador", "President", "Secretary", "Chancellor")


# "…, said the Special Rapporteur on X, Jane Doe.": the verbs that may come before a role and a name.
_VERBS_BEFORE_A_ROLE = tuple(
    "said says stated noted added stressed declared observed warned continued explained emphasized emphasised"
    " recalled insisted concluded remarked argued underlined cautioned affirmed".split()
)

RULES: tuple[Rule, ...] = (
    # --- leads that report no single speaker -------------------------------------------
    _rule(
        "speaker list",
        "none",
        r"^(?:Also\s+(?:speaking|participating|taking\s+the\s+floor|making\s+statements?)(?!\s+was\b)|"
        r"Also\s+(?:addressing|briefing)\s+[^,.]{0,60}?\s+were\b|"
        r"Other\s+speakers|Speakers?\s+(?:also\s+)?included|Statements\s+were\s+(?:also\s+)?made|"
        r"(?:The\s+)?[Ss]peakers\s+(?:today\s+)?(?:were|included))\b",
    ),
    _rule(
        "roster",
        "none",
        r"^(?:Co-?chaired|Chaired|Moderated|Organized|Opened)\s+by\b|"
        r"\b(?:featured|included|heard)\s+(?:presentations|statements|remarks|briefings|panellists|panelists)"
        r"\s+(?:by|from)\b|\bpanel(?:lists|ists)\s+(?:were|included)\b",
    ),
    _rule(
        "action",
        "none",
        r"^(?:(?:Also\s+)?(?:At\s+the\s+outset[^,]*,\s+|Then,?\s+|Next,?\s+|Subsequently,?\s+|"
        r"(?:[Tt]his|[Tt]hat|[Ee]arlier|[Ll]ater)(?:\s+(?:morning|afternoon|evening|day|week))?,\s+|"
        r"(?:To|For|As)\s+(?:its|the|their)\s+[^,]{1,60},\s+|"
        r"(?:Amid|After|Following|Before|In|On|During|Concluding|Acting|Opening|Closing|Resuming|Continuing|"
        r"Beginning|Starting)\b[^,]{0,140},\s+)?"
        r"(?:[Tt]he\s+)?(?:General\s+)?(?:Assembly|Council|Committee|Commission|Board|Forum|Conference|"
        # (not the body's name run into a title: "Committee Chairman Aminu Wali (Nigeria) welcomed …")
        r"body|organ)\b(?!\s+(?:Chair(?:man|woman|person)?|Vice-Chair\w*|President|Rapporteur|[Mm]ember|Secretary|"
        r"[Ee]xpert)\b)(?:(?!\b(?:said|speaking|stated|noted|told|asked|had\s+been)\b)[^.]){0,160}?(?<!\bhad\s)(?<!\bhad\salso\s)"
        # (what the Committee "had adopted" or "had been" moved by is reported by someone; the narrator says "adopted")
        r"\b(?:adopted|approved|decided|elected|appointed|took\s+note|took\s+action|"
        r"concluded|deferred|rejected|extended|renewed|established|proclaimed|observed\s+a\s+minute)\b|"
        r"(?:By|In)\s+(?:a\s+)?(?:recorded\s+)?vote\s+of\b|(?:Acting\s+)?[Ww]ithout\s+a\s+vote\b|"
        r"The\s+meeting\s+(?:began|was\s+suspended|adjourned|opened|rose|ended|was\s+called)|"
        r"(?:Also\s+|Further,?\s+|Moreover,?\s+|Similarly,?\s+|Likewise,?\s+|In\s+addition,?\s+|"
        r"(?:Besides|In\s+addition\s+to|Apart\s+from|Beyond)\s[^,]{1,100},\s+)?"
        r"(?:[Tt]he|[Tt]hat|[Tt]his|[Aa]|[Aa]nother|(?:[Uu]nder|[Bb]y|[Tt]hrough)\s+(?:the|a|another)|"
        r"[Aa]ccording\s+to\s+the)\s+(?:terms\s+of\s+(?:(?:the|a|another|that|its)\s+)?)?"
        r"(?:lengthy\s+|long\s+|short\s+|omnibus\s+)?(?:draft\s+|new\s+|revised\s+|further\s+|related\s+|second\s+|third\s+)?"
        r"(?:(?:annex|annexes)\s+to\s+the\s+)?(?:text|resolution|decision|declaration|report|draft)\b"
        # (a document symbol's dots do not end the sentence: "(document A/C.2/72/L.19/Rev.1) would")
        r"(?:[^.]|\.(?=\S)){0,160}?\b(?:would|calls|called|urges|urged|requests|requested|asks|asked|decides|reaffirms|"
        r"was\s+adopted|is\s+adopted|contains|contained|recommends|expresses|welcomes|notes|stresses|"
        r"emphasizes|encourages|invites)\b)",
    ),
    # A presidential statement: the Council speaks, its President only reads it out ("In a statement
    # read out by U. Joy Ogwu (Nigeria), President for July, the Council … called …").
    _rule(
        "statement read out for the body",
        "none",
        r"^(?:In|Through|By|With|Via)\s+(?:a|the|its|another|that)\s+(?:\w+\s+){0,2}?statement\s+"
        r"(?:\w+\s+)?read\s+(?:out\s+)?(?:by|on\s+its\s+behalf)\b(?:[^.]|(?<=\b[A-Z])\.){0,200}?,\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?"
        r"(?:Council|Assembly|Committee|Commission|Conference|body|organ)\b",
        needs=("read",),
    ),
    # a draft's content: "Among other drafts was one on storms, by which the Assembly would recognize…"
    _rule(
        "by which the body would",
        "none",
        r",\s+by\s+(?:which|whose\s+terms)\s+(?:the\s+)?(?:General\s+)?(?:Assembly|Council|Committee|Commission|"
        r"Conference)\s+would\b",
    ),
    # --- a named speaker ----------------------------------------------------------------
    _rule(
        "title + SURNAME",
        "caps",
        rf"(?<![\w.])(?P<title>(?:{TITLES}))\.?\s+(?P<name>{CAPS_NAME}{GIVEN_AFTER})(?![{LOWER}])"
        rf"(?:\s*{PLACE})?{ROLE_THEN_VERB}",
    ),
    _rule(
        "FULL NAME (Country)",
        "caps_full",
        rf"(?<![\w.])(?P<name>{CAPS_WORD}(?:\s+(?:{PARTICLES}\s+)*{CAPS_WORD})+)(?![{LOWER}])\s*{PLACE}"
        rf"{ROLE_THEN_VERB}",
    ),
    _rule(
        "title + Surname, verb",
        "caps",
        rf"(?<![\w.])(?P<title>{PLAIN_TITLES})\.?\s+(?P<name>(?:{PARTICLES}\s+)?{CAP}(?:\s+(?:{PARTICLES}\s+)*{CAP}){{0,2}})"
        # (an aside between dashes may stand between the name and the verb: "Mr. Le Roy -- who took over
        # two months ago -- underscored")
        rf"(?:\s*{PLACE}|{OF_PLACE})(?:\s*,\s*{APPOSITIVE}\s*,|\s*,|\s+(?:--?|–|—)\s*[^“”\"–—]{{1,150}}?\s*(?:--?|–|—))?"
        rf"\s+(?:also\s+|then\s+|further\s+)?{VERBS}",
    ),
    _rule(
        "national capacity",
        "delegation",
        rf"\bin\s+(?:his|her|their|its)\s+(?:national\s+)?capacity\s+as\s+(?:the\s+)?{DELEGATE}\s+"
        rf"(?:of|for|from)\s+(?P<entity>{ENTITY})",
        needs=("capacity",),
    ),
    _rule(
        "representative of",
        "delegation",
        rf"{NOT_AGENT}(?<![\w])(?:[Tt]he\s+|[Aa]\s+|[Ii]ts\s+)?{DELEGATE}\s+(?:of|for|from)\s+(?P<entity>{ENTITY})",
        needs=_DELEGATE_WORDS,
    ),
    _rule(
        "X's representative",
        "delegation",
        rf"{NOT_AGENT}(?P<entity>{ENTITY})[’']s?\s+(?:(?:Permanent|Deputy)\s+)?"
        rf"(?:[Rr]epresentative|delegate|observer|delegation|speaker|spokesperson)\b(?![’']s\b)",
        needs=("epresentative", "delegat", "observer", "speaker", "spokesperson"),
    ),
    _rule(
        "X's minister",
        "delegation",
        # (a portfolio listed with commas ends in one before the verb: "Ireland’s Minister of State with
        # responsibility for Equality, Disability Issues and Mental Health, said")
        rf"{NOT_AGENT}(?P<entity>{ENTITY})[’']s?\s+{COUNTRY_OFFICE}\b(?:[^,;“”\"]{{0,60}}?|[^;“”\".]{{0,140}}?\band\s[^,;“”\".]{{1,60}},)\s+{VERBS}|"
        rf"(?:[,”\"]\s*|\s)(?:said|added|stressed|noted|asked|declared)\s+(?P<entity2>{ENTITY})[’']s?\s+{COUNTRY_OFFICE}\b",
        needs=_OFFICE_WORDS,
    ),
    _rule(
        "the Minister of X",
        "delegation",
        rf"{NOT_AGENT}(?<![\w’'])(?:[Tt]he\s+|[Ii]ts\s+)?{COUNTRY_OFFICE}(?:\s+(?:for|of)\s+(?!the\s+United\s+Nations)"
        rf"(?:the\s+)?{CAP}(?:\s+(?:and\s+)?{CAP})*)?\s+of\s+(?P<entity>{ENTITY})\s*,?\s+(?:on\s+that\s+note,\s+)?"
        rf"(?:{WHEN}\s+)?{VERBS}",
        needs=_OFFICE_WORDS,
    ),
    _rule(
        "X representative",
        "delegation",
        rf"{NOT_AGENT}(?<![\w’'])(?P<entity>{ENTITY})\s+(?:representative|delegate|delegation|speaker)\b(?!s|[’']s\b)",
        needs=("representative", "delegat", "speaker"),
    ),
    # A State as the subject, as Geneva summaries report delegations: "Egypt said…", "Speaking on behalf of
    # the Arab Group, Egypt stressed…".
    _rule(
        "State, verb",
        "delegation",
        rf"(?:^|,\s+|;\s+)(?:the\s+)?(?P<entity>{STATE_NAME})"
        # (an aside on whom it speaks for, which may hold a list between dashes: "Trinidad and Tobago, also
        # speaking for the members of CARICOM -- Antigua and Barbuda, Barbados, … -- said")
        rf"(?:\s*,\s*(?:also\s+)?(?:speaking\s+)?(?:also\s+)?(?:on\s+behalf\s+of|for|as)\s+"
        rf"(?:[^,;]{{1,80}},|[^;“”\"]{{1,400}}?\s--?))?"
        rf"\s+(?:also\s+|then\s+)?{VERBS}",
    ),
    # The agent of a passive who then speaks: "She was supported by the German representative, who noted…".
    _rule(
        "X representative, who verb",
        "delegation",
        rf"\bby\s+(?:the\s+)?(?:(?:{DELEGATE})\s+(?:of|for)\s+(?P<entity>{ENTITY})|"
        # (an aside in parentheses may come first: "(speaking on behalf of the European Union), who …")
        rf"(?P<entity2>{ENTITY})[’']?s?\s+(?:representative|delegate|delegation))(?:\s*\([^()]{{1,120}}\))?\s*,\s+who\s+"
        rf"(?:also\s+)?{VERBS}",
        needs=("who",),
    ),
    # A view put by a delegate, in the passive: "Concern was expressed by the representative of the United
    # States that …", "That view was echoed by the representative of Sudan, who said …", "A point of order
    # was raised by the representative of …", "Legal rules … were called for by the representative of Libya".
    _rule(
        "view expressed by X",
        "delegation",
        rf"\b(?:was|were)\s+(?:also\s+)?(?:expressed|echoed|voiced|raised|shared|reiterated|made|put\s+forward|"
        rf"called\s+for|proposed|suggested|stressed|emphasized|underlined|underscored|advocated)\s+"
        rf"(?:{WHEN}\s+)?by\s+(?:the\s+|a\s+)?{DELEGATE}\s+(?:of|for)\s+(?P<entity>{ENTITY})",
        needs=_DELEGATE_WORDS,
    ),
    # A named person as the agent of a passive main clause that ends with them: "The draft report was
    # introduced by the Committee Rapporteur, Joseph Cassar (Malta).", "This view was expressed this
    # morning by Deputy Secretary-General Louise Fréchette at the inaugural meeting". (Not in a relative
    # clause, "The report, which was introduced by X, notes …", nor a list: "… by A, and … by B".)
    _rule(
        "passive by name",
        "named",
        rf"^(?:The|This|That|These|Those|Its|Their|A|An)\s+[^,;“”\"]{{1,80}}?\s+(?:was|were)\s+(?:also\s+)?"
        rf"(?:introduced|presented|expressed|echoed|voiced|made|delivered|read\s+out)\s+(?:{WHEN}\s+)?by\s+"
        rf"(?:the\s+|its\s+|their\s+)?(?:(?P<role>[{UPPER}][^,;“”\"]{{2,100}}?),\s+)?(?:(?P<title>{PLAIN_TITLES})\.?\s+)?"
        rf"(?P<run>{NAME_RUN})(?:\s*{PLACE})?(?=\s*(?:\.|$)|\s+(?:at|in|during|on|before)\s)",
        needs=("by",),
    ),
    # A meeting that opens with someone's words: "The Commission … opened its session this morning with a
    # vow from Secretary-General Kofi Annan to be …", "… opened today with a call by UNODC Executive
    # Director Antonio Maria Costa to Member States to …".
    _rule(
        "opened with a call by X",
        "named",
        rf"\bopened\b[^,;“”\"]{{0,100}}?\bwith\s+(?:a|an)\s+(?:\w+\s+)?(?:call|appeal|plea|vow|warning|pledge)\s+"
        rf"(?:by|from)\s+(?:the\s+)?(?:(?P<title>{PLAIN_TITLES})\.?\s+)?(?P<run>{SHORTEST_NAME_RUN})(?:\s*{PLACE})?"
        rf"(?=\s+(?:to|for|that)\s|\s*[,.])",
        needs=("with",),
    ),
    # "…, introduced by Singapore’s representative, …. …, he said": the agent of a passive verb
    # speaks only if a pronoun later reports speech (checked by the engine).
    _rule(
        "introduced by X",
        "agent",
        rf"\bby\s+(?:the\s+)?(?:{DELEGATE})\s+(?:of|for)\s+(?P<entity>{ENTITY})|"
        rf"\bby\s+(?P<entity2>{ENTITY})[’']s?\s+(?:representative|delegate|delegation)\b",
        needs=("by",),
    ),
    _rule(
        "role, name, verb",
        "named",
        rf"{CLAUSE_START}(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+)?(?P<role>(?:[a-z-]+(?:[’']s)?\s+){{0,2}}[{UPPER}][^,;“”\"]{{2,160}}?),\s+"
        rf"(?:(?:His|Her)\s+(?:Excellency|Royal\s+Highness)\s+)?(?:(?P<title>{PLAIN_TITLES})\.?\s+)?"
        rf"(?P<run>{NAME_RUN})(?:\s*{PLACE})?,\s+(?:also\s+|then\s+|today\s+)?(?P<verb>{VERBS})",
    ),
    _rule(
        "name, role, verb",
        "named",
        rf"{CLAUSE_START}{NAME_ADJECTIVES}(?!(?:Mr|Ms|Mrs|Mme|Miss|Dr|Prof|Sir|Dame)\.?\s)(?P<run>{NAME_RUN})"
        # (or a participle clause: "Jose Mauricio Bustani, speaking as the Committee continued, said")
        rf"(?:\s*{PLACE}(?:\s*,)?)?(?:"
        # (a quoted title whole: "…, opening the segment entitled “The forests we want”, said")
        rf"\s*,?\s+(?:speaking|addressing|introducing|opening|closing|concluding|responding)\b"
        rf"(?:[^,;“”\"]|“[^“”]{{1,120}}”){{1,160}}?,|"
        # (a relative clause between dashes: "Petronellar Nyagura (Zimbabwe) — who was elected Vice-Chair — said")
        rf"(?<=\))\s*(?:--?|–|—)\s*(?:who|whose)\s[^;“”\"–—]{{1,200}}?\s*(?:--?|–|—)|"
        rf"\s*,\s*{APPOSITIVE}\s*,|{APPOSITIVE_ACRONYM}|"
        # (a title whose closing comma is left out: "Dorothy Estrada Tanck, Chair of the Working Group … said")
        # (a parenthesis may close the title, nested: "…, Assistant Secretary-General for Human Rights
        # (Office of the United Nations High Commissioner for Human Rights (OHCHR)) said")
        rf"\s*,\s*(?P<role6>(?:the\s+)?{TITLE_START}[^,;“”\"()]{{2,150}}?(?:\s*\((?:[^()]|\([^()]*\)){{1,150}}\))?)"
        rf"(?=\s+(?:said|stated|stressed|noted|told)\b)|"
        # (a role run on after the country: "Jargalsaikhany Enkhsaikhan (Mongolia) Committee Chairman, said")
        rf"(?<=\))\s+(?P<role5>[{UPPER}][^,;“”\"()]{{2,80}}?)\s*,|"
        # (an aside between dashes after the role: "…, Chair of the body — formally known as … — asked")
        rf"\s*,\s*(?P<role4>[{UPPER}][^,;“”\"–—]{{2,150}}?)\s+(?:--?|–|—)\s*[^“”\"–—]{{1,250}}?\s*(?:--?|–|—)|\s*,\s*(?P<role2>(?:the\s+)?[{UPPER}][\w-]*(?:[’']s)?(?:\s+(?:{CONNECT}\s+)*[{UPPER}][\w-]*)+))?"
        # (an adverb or the occasion before the verb: "strongly condemned", "in opening remarks said"; or
        # after another of the speaker's acts: "High Commissioner Zeid referred to the crisis and said")
        rf"\s+(?:also\s+|then\s+|further\s+|later\s+|again\s+|had\s+|{WHEN}\s+|[a-z]{{3,}}ly\s+|{OCCASION}\s+)?"
        rf"(?:[{LOWER}]{{3,}}ed\s[^.;,“”\"]{{1,80}}?\s+and\s+(?:also\s+)?)?(?P<verb>{VERBS})",
    ),
    # A title in ordinary words run into the name: "Chief United Nations weapons inspector Hans Blix
    # reported…", "UN human rights chief Navi Pillay said…", "Australian Forum member Megan Davis agreed…".
    _rule(
        "common-noun title, name, verb",
        "named",
        rf"{CLAUSE_START}(?:[\w’'\-]+\s+){{0,5}}?(?:inspector|chief|envoy|official|expert|negotiator|mediator|"
        rf"coordinator|spokesperson|spokesman|spokeswoman|commissioner|rapporteur|adviser|advisor|head|member|"
        # (a presiding office after ordinary words: "Burundi configuration Chairman John Løvald (Norway) said")
        rf"Chair|Chairman|Chairwoman|Chairperson)\s+"
        rf"(?P<run>{NAME_RUN})(?:\s*{PLACE})?\s+(?:also\s+|{WHEN}\s+)?(?P<verb>{VERBS})",
    ),
    # A meeting that "heard" someone speak: "The Fifth Committee today heard United Nations
    # Secretary-General Ban Ki-moon formally unveil an initial budget proposal…".
    _rule(
        "heard name verb",
        "named",
        # (or with the office after the name: "heard X (Benin), Chairman of working group I, introduce …")
        rf"\bheard\s+(?:from\s+)?(?:(?P<title>{PLAIN_TITLES})\.?\s+)?(?P<run>{NAME_RUN})(?:\s*{PLACE})?"
        rf"(?:\s*,\s*{APPOSITIVE}\s*,)?\s+"
        rf"(?:[a-z]{{3,}}ly\s+)?(?P<verb>say|present|introduce|unveil|outline|describe|explain|warn|urge|call|stress|"
        rf"emphasi[sz]e|note|argue|state|report|brief|propose|announce|highlight|underline|express|appeal|tell|ask)\b",
        needs=("heard",),
    ),
    _rule(
        "verb was name",
        "named",
        rf"^(?:Also\s+|Next,?\s+|Then,?\s+|Finally,?\s+)?(?:[Bb]riefing|[Ss]peaking|[Aa]ddressing\s+the\s+\w+|"
        rf"[Tt]aking\s+the\s+floor|[Pp]resenting|[Ii]ntroducing)\s+(?:[^,.;“”\"]{{0,60}}?\s+)?was\s+"
        # (or the office first: "Presenting the document was the Chairman of the configuration, Johan Løvald")
        rf"(?:the\s+(?P<role>[{UPPER}][^,;“”\"]{{2,120}}?),\s+)?(?:(?P<title>{PLAIN_TITLES})\.?\s+)?(?P<run>{NAME_RUN})",
    ),
    _rule(
        "name (Country) acts",
        "named",
        rf"(?:^|,\s+)(?!(?:Mr|Ms|Mrs|Mme|Miss|Dr|Prof|Sir|Dame)\.?\s)(?P<run>{NAME_RUN})\s*{PLACE}"
        rf"(?:\s*,\s*{APPOSITIVE}\s*,)?\s+(?:also\s+|then\s+|today\s+|again\s+)?"
        # (not what happens to a person in an election or a post: "X (Ecuador) received 15 votes")
        rf"(?!(?:received|obtained|elected|appointed|nominated|replaced|succeeded|served|retired|resigned|died)\b)"
        rf"(?P<verb>[{LOWER}]{{3,}}ed)\b",
    ),
    # A relative clause: "…heard from many voices, including naturalist David Attenborough, who called…".
    _rule(
        "name, who verb",
        "named",
        rf"(?<![\w’'])(?!(?:Mr|Ms|Mrs|Mme|Miss|Dr|Prof|Sir|Dame)\.?\s)(?P<run>{NAME_RUN})(?:\s*{PLACE})?"
        rf"(?:\s*,\s*{APPOSITIVE})?,\s+who\s*(?:,\s+[^,;“”\"]{{1,80}},\s+)?(?:also\s+|then\s+|{WHEN}\s+)?"
        # (where the words were said: "…, who in her address stressed that …")
        rf"(?:in\s+(?:his|her|their|its)\s+(?:\w+\s+)?(?:address|statement|remarks|briefing|presentation|speech)"
        rf"\s*,?\s+)?(?P<verb>{VERBS})",
        needs=("who",),
    ),
    # An absolute clause after a summary: "…, with the representative of X stressing that…",
    # "…, with António Guterres, the High Commissioner, presenting a report".
    _rule(
        "with X -ing",
        "named",
        rf"\bwith\s+{NAME_ADJECTIVES}(?:(?P<title>{PLAIN_TITLES})\.?\s+)?(?P<run>{NAME_RUN})(?:\s*{PLACE})?"
        rf"(?:\s*,\s*{APPOSITIVE}\s*,)?\s+(?:also\s+)?(?P<verb>{GERUNDS})",
        needs=("with",),
    ),
    _rule(
        "with the representative of X -ing",
        "delegation",
        rf"\bwith\s+(?:the\s+|a\s+)?{DELEGATE}\s+(?:of|for|from)\s+(?P<entity>{ENTITY})"
        rf"(?:\s*[,—–-]+\s*[^,;“”\"]{{1,60}}?)?\s+(?:also\s+)?{GERUNDS}",
        needs=("with",),
    ),
    # The body told by someone: "…, the Sixth Committee was told today by the Deputy Secretary-General,
    # Asha-Rose Migiro, as…", "the Committee was urged today by Under-Secretary-General Shashi Tharoor to…".
    _rule(
        "told by name",
        "named",
        rf"\b(?:was|were)\s+(?:told|urged|informed|reminded|assured|warned|briefed)\s+(?:{WHEN}\s+)?by\s+"
        rf"(?:the\s+(?P<role>[{UPPER}][^,;“”\"]{{2,120}}?),\s+|(?P<title>{PLAIN_TITLES})\.?\s+)?(?P<run>{NAME_RUN})"
        rf"(?=\s*(?:{PLACE}|,|\.|\s+(?:to|as|that|who|at|in|on)\b))",
        needs=("by",),
    ),
    # A lead that opens on its source: "According to Committee Secretary Eric Tistounet, 17 reports remain …".
    _rule(
        "according to name",
        "named",
        # (or the office first: "According to the Chairman of Working Group I, Abdelkadar Mesdoua (Algeria), …")
        rf"^According\s+to\s+(?:(?:the|its|their)\s+(?P<role>[{UPPER}][^,;“”\"()]{{2,100}}?),\s+)?"
        rf"(?:(?P<title>{PLAIN_TITLES})\.?\s+)?(?P<run>{NAME_RUN})(?:\s*{PLACE})?,",
        needs=("According",),
    ),
    # "“…,” said the Secretary-General of the Conference, Wally N'Dow."
    _rule(
        "verb + role, name",
        "named",
        rf"(?:[,”\"]\s*|\s)(?:{'|'.join(_VERBS_BEFORE_A_ROLE)}|according\s+to)\s+the\s+"
        rf"{NAME_ADJECTIVES}(?P<role>[{UPPER}][^,;“”\"]{{2,120}}?),\s+(?:(?P<title>{PLAIN_TITLES})\.?\s+)?(?P<run>{NAME_RUN})(?:\s*{PLACE})?"
        rf"(?=\s*(?:[.,;]|$))",
        needs=(*_VERBS_BEFORE_A_ROLE, "according"),
    ),
    _rule(
        "verb + name",
        "after_verb",
        rf"(?:[,”\"]\s*|\s)(?:said|says|stated|noted|added|stressed|emphasized|declared|observed|"
        rf"remarked|continued|explained|warned|asked|urged|affirmed|concluded|recalled|insisted)\s+"
        rf"{NAME_ADJECTIVES}(?:(?P<title>Mr|Ms|Mrs|Mme|Dr|Prof|Professor|Ambassador|Judge)\.?\s+)?(?=(?P<run>{NAME_RUN}))(?P=run)(?:\s*{PLACE})?(?!\s+(?:to|that|whether|if|for|about)\b)"
        rf"(?:\s*,\s*(?P<role>[^,;“”\"]{{2,200}}?)(?:,|\.?$))?",
    ),
)

# An opening clause that mentions someone other than the speaker:
# "Responding to the statement made by the representative of X, the representative of Y said…".
INTRO_CLAUSE = re.compile(
    r"^(?:Also\s+|Further\s+|Then\s+|Later\s+)?(?:Responding|Replying|Reacting|Referring|Turning|Thanking|"
    r"Welcoming|Echoing|Addressing|Following|After|Like|Unlike|Agreeing|Disagreeing|Joining|Answering|"
    r"Commenting|In\s+response|In\s+reply|In\s+answer|Speaking\s+(?:after|before|prior\s+to|ahead\s+of)|"
    r"Leading\s+off)\b"
    r"(?:[^,“”\"]|“[^“”]*”|\"[^\"]*\")*,\s*"
)

# A paragraph with no speaker of its own continues the previous one only on a cue like
# these: "he said", "she continued", "He went on to say", "said he".
CONTINUATION = re.compile(
    rf"\b(?:[Hh]e|[Ss]he)\s+(?:also\s+|further\s+|then\s+|later\s+|again\s+|had\s+|would\s+)?{VERBS}|"
    rf"\b(?:said|added|continued|stressed|noted)\s+(?:he|she)\b"
)
# A weaker cue, used when there is no stronger one: the paragraph opens with He/She/His/Her.
CONTINUATION_OPENING = re.compile(r"^(?:He|She|His|Her)\b")
# Also weaker: a paragraph that is a quotation with no one named after it goes on quoting the
# speaker before it ("“This is a campaign for them. …”" after "…, he said:").
CONTINUATION_QUOTE = re.compile(r"^[“\"](?![^”\"]*[”\"][^“\"]*\b(?:said|says|told|asked|added)\b)")
# And reported speech: backshifted tenses ("the Committee had adopted…", "States would need…")
# in a paragraph that names no one, straight after a speaker's paragraph, go on reporting them.
REPORTED_SPEECH = re.compile(
    r"\b(?:had\s+(?:also\s+|already\s+|just\s+|since\s+|never\s+|not\s+|[a-z]+ly\s+)?[a-z]+(?:ed|en|ne|wn|ught|un)|"
    r"would|must|should|could)\b"
)
# And an argument that goes on: a paragraph opening on a connective of argument ("However, …",
# "Fortunately, …", "Further, …") carries on the reasoning of the paragraph before it, so the speaker
# too, unless the meeting itself is its subject ("Moreover, the Council confirmed …": narration).
ARGUMENT_GOES_ON = re.compile(
    r"^(?:However|Nevertheless|Nonetheless|Yet|Further|Furthermore|Moreover|Fortunately|Unfortunately|"
    r"Regrettably|Sadly|Indeed|Clearly|Of course),\s+(?!the\s+(?:Council|Committee|Commission|Assembly|"
    r"Forum|Board|Conference|Meeting|Session)\b)"
)

# The lead's subject is an official who is not named ("A senior United Nations official today
# condemned…", "…, the Special Rapporteur on violence against women told the Commission"): the
# roster, or the next paragraph, names them.
# An office, as the genre names officials it does not name: titles, and informal ones ("the United
# Nations human rights chief", "its top gender official", "the head of the Department of …").
OFFICE = (
    rf"(?:(?:[\w-]+\s+)?[\w-]+[’']s\s+)?(?:(?:senior|top|high-level|United|Nations|UN|visiting|"
    rf"former|new|incoming|outgoing|Deputy|General|Assembly|Security|Council|Economic|and|Social|Committee|Commission)\s+|Vice-)*"
    rf"(?:(?:[a-z]{{3,}}\s+){{0,4}}(?:official|chief|mediator|negotiator|adviser|advisor|commander)\b|"
    rf"head\s+of\s+(?:the\s+)?[{UPPER}][\w-]*|Mayor\s+of\s+[{UPPER}][\w-]*|(?:(?<=\bUN\s)|(?<=Nations\s))Chief|"
    rf"envoy|Envoy|expert|Expert|Special\s+Rapporteur|Independent\s+Expert|"
    rf"Special\s+Representative|Special\s+Envoy|Special\s+Adviser|High\s+Commissioner|High\s+Representative|Secretary-General|"
    rf"Under-Secretary-General|Assistant\s+Secretary-General|Executive\s+Director|Director-General|"
    rf"Administrator|Prosecutor|Registrar|Chair|Chairperson|Chairman|Chairwoman|Rapporteur|President|"
    rf"Deputy\s+Executive\s+Director|Executive\s+Secretary|(?:Deputy\s+)?Director(?=\s+of\s)|Secretary\s+of\s+the\s+(?:Committee|Commission|Council|Conference|Forum|General\s+Assembly)|Coordinator|Commissioner|Head|"
    # (the staff who report the paperwork to treaty bodies: "A secretariat representative reported …")
    rf"[Ss]ecretariat\s+(?:representative|official|spokesperson)|(?:representative|member)\s+of\s+the\s+[Ss]ecretariat)\b(?![’']s)"
    # (an office word naming a body is no official: "The United Nations expert body … opened its session")
    rf"(?!\s+(?:body|bodies|panel|group|mechanism)\b)"
)
UNNAMED_OFFICIAL = re.compile(
    # (an office that "was asked" or "is requested" is spoken to, not speaking)
    # (or in a clause on what came before: "…, at the end of which the President of the Conference remarked")
    rf"(?:^(?:Also\s+)?(?:(?:this|that|later\s+this|earlier\s+this)\s+(?:morning|afternoon|evening)\s+)?|"
    rf",\s+(?:as\s+|(?:at\s+the\s+(?:end|close)\s+of|after|following|during)\s+which\s+)?|[”\"],?\s+)"
    rf"(?:[Aa]|[Tt]he|[Aa]nother|[Ii]ts|[Tt]heir|[Tt]hat|[Tt]his)\s+(?P<role>{OFFICE}(?:(?!\b(?:was|were|been|be|is|are|being)\b)[^;“”\"]){{0,160}}?)"
    # (an aside may stand between the office and its verb, set off by commas or dashes: "The
    # Director-General of the Organization, the body that verifies the Convention, told…")
    rf"(?:\s*,\s*(?:the|a|an|which|who|whose|responsible|[a-z]{{3,}}ing)\s[^;“”\"]{{1,200}}?,|\s+(?:--?|–|—)\s*[^;“”\"–—]{{1,200}}?\s*(?:--?|–|—))?"
    rf"\s+(?:today\s+|also\s+|further\s+|then\s+|again\s+|later\s+)?(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbe\s)(?P<verb>{VERBS})"
    # or the verb first: "…, said the United Nations top gender official at the closing".
    rf"|(?:,|[”\"])\s*(?P<verb2>said|told|stressed|warned|noted|added|declared|stated|emphasized|emphasised|"
    rf"explained|observed|underlined|continued|insisted|recalled|pointed\s+out)\s+(?:the|its|a)\s+"
    rf"(?P<role2>{OFFICE}(?:\s+(?:of|for|on)\s+[{UPPER}][^,;“”\"]{{0,80}}?)?)(?=[,.;]|\s+(?:at|in|on|to|today|this|as|who)\b|$)"
)

# The office named in the lead is a person named at the start of the next sentence:
# "“We lived with the times”, the High Commissioner told the Committee. Sadaka Ogata was describing…".
NAMED_SUBJECT = re.compile(
    rf"^(?:(?:Mr|Ms|Mrs|Dr|Sir|Dame)\.?\s+)?(?P<run>{CAP}(?:\s+(?:{PARTICLES}\s+)?{CAP}){{1,3}})"
    rf"\s+(?:(?:was|had|then|also)\s+)?(?:{VERBS}|[{LOWER}]+ing\b)"
)

# Reads like a statement: a speech verb anywhere (used to report unattributed paragraphs).
STATEMENT = re.compile(rf"\b{VERBS}", re.I)

# Capitalised words that start a run but are not names ("Speakers", "The", "Governments").
NOT_NAMES = frozenset(
    """a an the this that these those it its he she they we i his her their our also however
    speakers speaker delegates delegations delegation participants members member states state
    governments government countries country many some several other others most all both each
    panellists panelists experts representatives representative observers observer council
    assembly committee commission meeting session chair chairperson president secretariat
    further moreover meanwhile then still finally similarly likewise in on at by for with as of
    and to from during after before when while since although though if because today yesterday
    responding replying concluding introducing briefing opening closing echoing speaking
    turning noting among amid amidst despite following under over against across within without
    throughout beyond upon""".split()
)

# Words that make a run a role rather than (or before) a name.
ROLE_WORDS = frozenset(
    """secretary-general under-secretary-general assistant-secretary-general deputy
    secretary president vice-president chair chairperson chairman chairwoman co-chair director
    director-general executive administrator commissioner high rapporteur special envoy
    representative ambassador minister prime foreign adviser advisor coordinator head chief
    officer prosecutor registrar judge justice professor founder co-founder member expert
    spokesperson spokesman spokeswoman goodwill messenger general assembly council committee
    commission united nations un office board programme fund agency organization
    organisation bank court tribunal mission force operation department division group
    force commander chef cabinet emeritus acting interim senior permanent observer
    king queen prince princess emir sheikh sheikha pope archbishop bishop cardinal
    mayor governor senator delegate laureate""".split()
)
