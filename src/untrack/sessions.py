"""The years a release's meeting line names, for releases that print no date.

A release of the UN's meetings coverage heads its text with a meeting line: "2023 Session, 10th
Meeting (AM)" for the bodies that number sessions by year (ECOSOC, the Special Committees), and
"Seventy-seventh Session, 20th Meeting (AM)" for the General Assembly, whose Nth session opens in
September of 1945 + N and runs to the next September. Many page copies keep that line and drop the
date; a question that names a year ("the 2022 First Committee debate") then has only the session to
go by.

The functional commissions number their yearly sessions too, each from its own year, after early
years in which some met every other year: the Commission on the Status of Women's sixty-seventh
session was in 2023 (1956 + 67). Their offsets below hold from 1995, where the coverage begins; each
was checked against the releases of `eval/corpus` that print both a date and the session (in
brackets, how many agreed of how many). A body not listed, or whose sessions were not yearly
throughout (the Forum on Forests), is not read.
"""

from __future__ import annotations

import re

from .ordinals import ordinal

_YEAR_SESSION = re.compile(r"^((?:19|20)\d\d)\s+(?:Regular\s+|Substantive\s+|Resumed\s+)?Session\b", re.I)
_ORDINAL_SESSION = re.compile(r"^([A-Za-z]+(?:-[A-Za-z]+)?)\s+Session\b")
_FIRST_GA_YEAR = 1945  # the first session opened in 1946: session N opens in 1945 + N
# Session N of each commission met in the year offset + N (from 1995 on).
_YEARLY_SESSIONS = {
    "Commission on the Status of Women": 1956,  # (20 of 21)
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
        if (symbol or "").startswith("GA/"):
            return [str(_FIRST_GA_YEAR + n), str(_FIRST_GA_YEAR + n + 1)]
        if body in _YEARLY_SESSIONS:
            return [str(_YEARLY_SESSIONS[body] + n)]
    return []
