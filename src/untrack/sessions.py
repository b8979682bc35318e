"""The years a release's meeting line, headline or lede names, for releases that print no date.

A release of the UN's meetings coverage heads its text with a meeting line: "2023 Session, 10th
Meeting (AM)" for the bodies that number sessions by year (ECOSOC, the Special Committees), and
"Seventy-seventh Session, 20th Meeting (AM)" (or "Sixtieth General Assembly") for the General
Assembly, whose Nth session opens in September of 1945 + N and runs to the next September. Many page
copies keep that line and drop the date; a question that names a year ("the 2022 First Committee
debate") then has only the session to go by.

The functional commissions number their yearly sessions too, each from its own year, after early
years in which some met every other year: the Commission on the Status of Women's sixty-seventh
session was in 2023 (1956 + 67). Their offsets below hold from 1995, where the coverage begins; each
was checked against the releases of `eval/corpus` that print both a date and the session (in
brackets, how many agreed of how many). A body not listed, or whose sessions were not yearly
throughout (the Forum on Forests, the treaty bodies and the Human Rights Council, which meet two or
three times a year), is not read.

A copy that drops the meeting line may still say which session met, in its headline ("… Opens
Twenty-Second Session") or lede ("At the opening this morning of the thirty-ninth session of the
Commission for Social Development", "Concluding its 2023 resumed session"). Of the 100 releases of
`eval/corpus` that print a date and whose headline or lede names a session this way, 98 agree; the
others name the next session (of the Assembly; of ECOSOC, whose December meetings prepare the next
year's). Last, the documents a release cites carry a year ("S/2015/617") or the Assembly's session
("A/80/534") in their symbols.
"""

from __future__ import annotations

import re

from .ordinals import ordinal

_YEAR_SESSION = re.compile(r"^((?:19|20)\d\d)\s+(?:Regular\s+|Substantive\s+|Resumed\s+)?Session\b", re.I)
# ("Sixtieth General Assembly", as some meeting lines put the Assembly's sixtieth session)
_ORDINAL_SESSION = re.compile(r"^([A-Za-z]+(?:-[A-Za-z]+)?)\s+(?:Session\b|(?=General\s+Assembly\b))")
_FIRST_GA_YEAR = 1945  # the first session opened in 1946: session N opens in 1945 + N
_COVERAGE_BEGINS = 1995
# Session N of each commission met in the year offset + N (from 1995 on).
_YEARLY_SESSIONS = {
    "Commission on the Status of Women": 1956,  # (20 of 21)
    "Permanent Forum on Indigenous Issues": 2001,  # first session 2002
    "Committee on the Peaceful Uses of Outer Space": 1957,
    "Commission for Social Development": 1962,  # (9 of 9)
    "Commission on Population and Development": 1967,  # (11 of 11)
    "Commission on Sustainable Development": 1992,  # (9 of 10)
    "Commission on Narcotic Drugs": 1957,  # (4 of 4)
    "Committee on Information": 1978,  # (7 of 7)
}


def session_years(meeting: list[str], symbol: str | None, body: str | None = None) -> list[str]:
    """The years the meeting lines name: ['2023'] for "2023 Session", ['2022', '2023'] for the
    General Assembly's "Seventy-seventh Session", ['2023'] for the Commission on the Status of
    Women's "Sixty-seventh Session"; [] when they name none."""
    for line in meeting:
        m = _YEAR_SESSION.match(line)
        if m:
            return [m.group(1)]
        m = _ORDINAL_SESSION.match(line)
        n = ordinal(m.group(1)) if m else None
        if n is None:
            continue
        if (symbol or "").startswith("GA/") or "General Assembly" in line:
            return [str(_FIRST_GA_YEAR + n), str(_FIRST_GA_YEAR + n + 1)]
        if body in _YEARLY_SESSIONS:
            return [str(_YEARLY_SESSIONS[body] + n)]
    return []


# The General Assembly's Main Committees meet within its sessions and number them as it does.
_ASSEMBLY = {"General Assembly", *(f"{n} Committee" for n in "First Second Third Fourth Fifth Sixth".split())}
_ORD = r"([A-Za-z]+(?:[-‑][A-Za-z]+)?)"
_KIND = r"(?:regular\s+|annual\s+|substantive\s+)?"
_BODY_NAMES = "|".join(re.escape(b) for b in sorted({*_YEARLY_SESSIONS, "General Assembly"}, key=len, reverse=True))
# "the thirty-ninth session of the Commission for Social Development", "the General Assembly's
# seventy-second session": the body is named; "opened its twenty-second session", "COMMITTEE OPENS
# FIFTIETH SESSION": the release's own body.
_NAMED = re.compile(
    rf"\b{_ORD}\s+{_KIND}session\s+of\s+the\s+({_BODY_NAMES})\b|\b({_BODY_NAMES})(?:’s|'s)\s+{_ORD}\s+{_KIND}session\b",
    re.I,
)
_OWN = re.compile(
    rf"\b(?:opened|opens|began|begins|concluded|concludes|closed|closes|ended|ends|continued|continues|resumed|"
    rf"resumes|wrapped\s+up|wraps\s+up|concluding|closing|opening)\s+(?:its\s+)?{_ORD}\s+{_KIND}session\b",
    re.I,
)


# "Concluding its 2023 resumed session today, the Committee …": a session named by its year.
_YEAR_NAMED = re.compile(
    r"\b(?:its|the)\s+((?:19|20)\d\d)\s+(?:regular\s+|resumed\s+|substantive\s+|annual\s+)?session\b", re.I
)


# "…, unanimously adopting resolution 2216 (2015)", "Resolution 2177 (2014) was adopted …": a
# resolution's number carries the year it was adopted, the meeting's year when the meeting adopts it.
_ADOPTED_RESOLUTION = re.compile(
    r"\b(?:adopt(?:s|ed|ing)|approv(?:es|ed|ing))\s+(?:unanimously\s+|today\s+)?(?:as\s+)?resolution\s+\d{3,4}\s+"
    r"\(((?:19|20)\d\d)\)|\b[Rr]esolution\s+\d{3,4}\s+\(((?:19|20)\d\d)\)[^.]{0,80}?\bwas\s+(?:unanimously\s+)?adopted",
    re.I,
)


def lede_years(texts: list[str], body: str | None) -> list[str]:
    """The years a release's headline or lede says it met in: the session it names, for a body
    whose sessions are yearly ("opened its twenty-second session": the Permanent Forum, 2023; "the
    thirty-ninth session of the Commission for Social Development": 2001; "its 2023 resumed
    session"), or the year of the resolution it adopted ("adopting resolution 2216 (2015)"); [] when
    none is named."""
    for text in texts:
        year = _YEAR_NAMED.search(text) or _ADOPTED_RESOLUTION.search(text)
        if year:
            return [year.group(1) or year.group(2)]
        for m in _NAMED.finditer(text):
            word, name = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            years = _years_of(ordinal(word.replace("‑", "-")), _canonical(name))
            if years:
                return years
        for m in _OWN.finditer(text):
            years = _years_of(ordinal(m.group(1).replace("‑", "-")), body)
            if years:
                return years
    return []


def _canonical(name: str) -> str | None:
    return next((b for b in (*_YEARLY_SESSIONS, "General Assembly") if b.lower() == name.lower()), None)


def _years_of(n: int | None, body: str | None) -> list[str]:
    """The years of session n of body; none before the coverage begins (1995), where a session
    number read against the wrong body would land."""
    if n is None or body is None:
        return []
    if body in _ASSEMBLY:
        first = _FIRST_GA_YEAR + n
        return [str(first), str(first + 1)] if first + 1 >= _COVERAGE_BEGINS else []
    if body in _YEARLY_SESSIONS:
        year = _YEARLY_SESSIONS[body] + n
        return [str(year)] if year >= _COVERAGE_BEGINS else []
    return []


# The documents a release cites carry their year or the Assembly's session in their symbols: "(document
# S/2015/617)", "E/CN.6/2023/3", "A/AC.109/2025/19" name a year; "A/80/534", "A/C.1/78/L.5" the Assembly's
# 80th and 78th sessions. A release cites the papers of the meeting it covers, so the latest is its year
# (checked on the releases of eval/corpus that print a date: 34 of 35 year symbols, 14 of 14 sessions).
_YEAR_SYMBOL = re.compile(r"\b(?:S|E|A/AC\.\d+|E/CN\.\d+|E/C\.\d+|A/CONF\.\d+|A/HRC|CERD/C|CAT/C)/((?:19|20)\d\d)/")
_SESSION_SYMBOL = re.compile(r"\bA/(?:C\.\d/|RES/)?(\d\d)/")


def symbol_years(texts: list[str]) -> list[str]:
    """The year of the latest document a release cites by a symbol with a year in it, else the years of
    the latest Assembly session it cites a document of; [] when it cites none."""
    years = [int(y) for text in texts for y in _YEAR_SYMBOL.findall(text)]
    if years:
        return [str(max(years))]
    sessions = [int(n) for text in texts for n in _SESSION_SYMBOL.findall(text)]
    return _years_of(max(sessions), "General Assembly") if sessions else []
