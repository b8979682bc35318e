"""Whether a paragraph lists a panel (who chaired it, who spoke on it): the two patterns that
:mod:`untrack.roster` reads rosters from. Kept apart from it because every plain question asks
this of its best paragraphs (untrack.answers.lists_participants), and importing the roster
module, with its classes, cost a cold search about 6 M instructions."""

from __future__ import annotations

import re

from .textutil import hyphens

# Lists of panellists follow one of these phrases.
ROSTER_LEAD = re.compile(
    r"\b(?:presentations|statements|remarks|briefings|interventions|contributions)\s+(?:by|from)\s*:?\s*"
    r"|\bpanel(?:l)?ists\s+(?:were|included)\s*:?\s*|\b(?:featured|included)\s*:\s*",
    re.I,
)
CHAIRED = re.compile(r"^(?:Co-?chaired|Chaired|Moderated|Co-?moderated)\s+by\s+(?P<who>.+?)(?:,\s+the\s+|$)", re.I)


def is_roster(text: str) -> bool:
    """Whether a paragraph lists who chaired or spoke on a panel (the paragraphs a roster reads)."""
    text = hyphens(text)
    return bool(CHAIRED.match(text) or ROSTER_LEAD.search(text))
