"""The years a release's meeting line names, for releases that print no date.

A release of the UN's meetings coverage heads its text with a meeting line: "2023 Session, 10th
Meeting (AM)" for the bodies that number sessions by year (ECOSOC, the Special Committees), and
"Seventy-seventh Session, 20th Meeting (AM)" for the General Assembly, whose Nth session opens in
September of 1945 + N and runs to the next September. Many page copies keep that line and drop the
date; a question that names a year ("the 2022 First Committee debate") then has only the session to
go by. Other bodies number their sessions too (the Commission on the Status of Women's sixty-seventh
was in 2023), each from its own first year, so an ordinal is read only for General Assembly
releases (symbol GA/…).
"""

from __future__ import annotations

import re

from .ordinals import ordinal

_YEAR_SESSION = re.compile(r"^((?:19|20)\d\d)\s+(?:Regular\s+|Substantive\s+|Resumed\s+)?Session\b", re.I)
_ORDINAL_SESSION = re.compile(r"^([A-Za-z]+(?:-[A-Za-z]+)?)\s+Session\b")
_FIRST_GA_YEAR = 1945  # the first session opened in 1946: session N opens in 1945 + N


def session_years(meeting: list[str], symbol: str | None) -> list[str]:
    """The years the meeting lines name: ['2023'] for "2023 Session", ['2022', '2023'] for the
    General Assembly's "Seventy-seventh Session"; [] when they name none."""
    for line in meeting:
        m = _YEAR_SESSION.match(line)
        if m:
            return [m.group(1)]
        m = _ORDINAL_SESSION.match(line)
        n = ordinal(m.group(1)) if m else None
        if n is not None and (symbol or "").startswith("GA/"):
            return [str(_FIRST_GA_YEAR + n), str(_FIRST_GA_YEAR + n + 1)]
    return []
