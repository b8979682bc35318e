"""Turn a press release (as blocks of text) into document metadata and paragraphs.

A release starts with a header (title, date, symbol, issuing body, meeting lines,
sub-headlines, boilerplate) and ends with a trailer ("* *** *", "For information
media..."). Everything between is body: prose paragraphs and short headings that
open sections. Speaker attribution is left to :mod:`untrack.attribute`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as _date

from .bodies import BODIES, body_of, is_body_name
from .model import Document, Paragraph
from .textutil import squash

MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}
_MONTH = "(?:" + "|".join(MONTHS) + ")"
DATE_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s*,?\s+(\d{{4}})\b", re.I)
DATE_MDY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)
# A header line that is a date in figures, as UN pages of the 2000s print it: day first ("03/05/2005",
# "14/10/02"), unless the first number cannot be a month's day-first reading ("04/19/2001"). A year in
# two figures is of the coverage's own span (1995 on): 95–99 are the 1990s, the rest this century.
DATE_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})/((?:19|20)?\d\d)$")

# Document symbols: GA/11226, SC/12345, GA/SHC/4021, SG/SM/14203-GA/11226-OBV/1089.
SYMBOL = re.compile(r"^(?:[A-Z]{1,8}(?:/[A-Z]{1,8})*/[0-9]{1,6}(?:[-–][A-Z]{1,8}(?:/[A-Z]{1,8})*/[0-9]{1,6})*)\b")

BOILERPLATE = re.compile(
    r"^(?:\*[\s*]*|For information media.*|Department of (?:Public Information|Global Communications).*"
    r"|Meetings Coverage and Press Releases.*|Press Release|Meetings Coverage|United Nations"
    r"|\*\s*\*\*\*\s*\*.*|Note:.*|Please note.*|Skip to (?:main )?content|In progress at UNHQ.*"
    r"|Welcome to the United Nations|Toggle navigation|Search|Menu|Share|Print|Email"
    r"|For information only\W+not an official document\.?)$",
    re.I,
)


# Short header lines that describe the meeting rather than headline it.
MEETING = re.compile(
    r"\b(?:meetings?|session|plenary|debate|dialogue|segment|hearing|forum|conference|summit|"
    r"AM|PM|briefing|consultations?)\b|^\d+(?:st|nd|rd|th)\b|^(?:\w+-)?(?:first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|\w+ieth)\b",
    re.I,
)

SENTENCE_END = re.compile(r"[.!?;:][\"”’'»)\]]*$")
# A full sentence ends in . ! or ? (a headline may end in ';' or ',' and run on).
PROSE_END = re.compile(r"[.!?][\"”’'»)\]]*$")
# Unmistakable meeting lines: "4th & 5th Meetings (AM & PM)", "Fifty-eighth Session, 9th Meeting (AM)".
MEETING_LINE = re.compile(
    r"\bMeetings?\*?\s*\((?:AM|PM)|^\d+\s*(?:st|nd|rd|th)\b.*\bMeetings?\b|^(?:[A-Z]\w+-)?[A-Z]\w+(?:th|st|nd|rd)"
    r"\s+(?:Session|General Assembly)\b"
)
# "General AssemblyGA/SPD/400": a body name and the symbol run together when a page is saved as text.
GLUED_SYMBOL = re.compile(r"^(?P<body>.*[a-z)])(?P<symbol>[A-Z]{1,8}(?:/[A-Z]{1,8})*/\d{1,6})$")


@dataclass
class Block:
    """A blank-line-separated block of text, whitespace already collapsed."""

    text: str
    lines: list[str] = field(default_factory=list)
    # Set by the HTML reader when markup says what the block is.
    kind: str | None = None  # "title", "date", "symbol", "heading", "paragraph", "meta"


def split_blocks(text: str) -> list[Block]:
    """Split plain text into blocks at blank lines (lines holding only whitespace)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = re.split(r"\n[ \t\u00a0\u2007\u202f\ufeff]*\n", text)
    blocks = []
    for c in chunks:
        lines = [line for line in map(squash, c.split("\n")) if line]
        if lines:
            blocks.append(Block(" ".join(lines), lines))
    return blocks


# The compact date old releases print glued to the text ("19990623The Council began…", "— 19971120").
DATE_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
# Where a dateline ends: "GENEVA (14 March 2018) - The Council…", "Vienna, 9 March 2015 - Addressing…".
_DATELINE = re.compile(r"^.{0,80}?(?:\s[-–—]{1,2}\s|\)\s*[-–—]{1,2})")


def dateline_date(header_lines: list[str], first_paragraph: str) -> str | None:
    """A release whose header gives no date line may still date itself: a compact date in the
    header or glued to the first paragraph ("19990623The Council…"), or a dateline opening the first
    paragraph ("GENEVA (14 March 2018) - …"). Dates later in the text are about other things."""
    for text in [*header_lines, first_paragraph[:12]]:
        m = DATE_COMPACT.search(text)
        if m:
            try:
                return _date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
            except ValueError:
                continue
    m = _DATELINE.match(first_paragraph)
    return parse_date(m.group(0)) if m else None


def parse_date(text: str) -> str | None:
    """The first '3 April 2012' or 'April 3, 2012' in text, or a text that is '03/04/2012' or
    '03/04/12' (day first), as ISO 8601."""
    m = DATE_DMY.search(text)
    if m:
        d, mon, y = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
    elif m := DATE_MDY.search(text):
        mon, d, y = MONTHS[m.group(1).lower()], int(m.group(2)), int(m.group(3))
    elif m := DATE_NUMERIC.match(text.strip()):
        d, mon, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if y < 100:
            y += 1900 if y >= 95 else 2000
        if mon > 12:
            d, mon = mon, d
    else:
        return None
    try:
        return _date(y, mon, d).isoformat()
    except ValueError:
        return None


def is_prose(text: str) -> bool:
    """A body paragraph: long, or a full sentence that ends in punctuation."""
    words = len(text.split())
    if words >= 40:
        return True
    return bool(PROSE_END.search(text)) and words >= 6


def is_heading(text: str) -> bool:
    """A section heading: a short line without closing punctuation."""
    if is_boilerplate(text):
        return False
    words = text.split()
    if not 0 < len(words) <= 25 or SENTENCE_END.search(text) or text.startswith(("“", '"')):
        return False
    # Headings are in title case ("Action on Draft Resolutions"); a run of mostly lowercase words
    # is prose cut off before its full stop (a page copy that ends mid-sentence).
    lower = sum(w[:1].islower() for w in words)
    return len(words) < 10 or lower <= len(words) // 2


def is_boilerplate(text: str) -> bool:
    return bool(BOILERPLATE.match(text))


def _joins(first: str, second: str) -> bool:
    """Does a headline block continue into the next one?"""
    if first.endswith((",", ":", ";", "-", "—", "–")):
        return True
    last = first.split()[-1] if first.split() else ""
    opening = second.split()[0] if second.split() else ""
    return last.lower() in _ENDS_UNFINISHED or second[:1].islower() or opening.lower() in _CONTINUES


# A headline block ending on one of these words goes on in the next block; so does a block opening
# on one of the others, which no headline starts with ("… Role for Women in Peace Processes" / "Is
# Called for in Day-long Security Council Debate", as title-case headlines break).
_ENDS_UNFINISHED = frozenset({"of", "for", "to", "in", "and", "on", "the", "a", "an", "by", "with", "as", "at"})
_CONTINUES = frozenset({"is", "are", "was", "were", "of", "for", "to", "in", "and", "on", "by", "with", "into", "from"})


def _headlines(blocks: list[str]) -> list[str]:
    """Join headline blocks the release broke across lines."""
    out: list[str] = []
    for b in blocks:
        if out and _joins(out[-1], b):
            out[-1] = f"{out[-1]} {b}"
        else:
            out.append(b)
    return out


def build_document(doc_id: str, blocks: list[Block]) -> Document:
    """Classify blocks into header, body and trailer, and build the Document."""
    doc = Document(doc=doc_id)
    start = next(
        (
            i
            for i, b in enumerate(blocks)
            if b.kind == "paragraph" or (b.kind is None and is_prose(b.text) and not is_boilerplate(b.text))
        ),
        len(blocks),
    )
    header, body = blocks[:start], blocks[start:]

    headline_blocks: list[str] = []
    header_lines: list[str] = []
    for b in header:
        if b.kind == "title":
            doc.title = doc.title or b.text
            continue
        pending: list[str] = []  # headline lines of this block, joined at its end
        for line in _unglue(b.lines or [b.text]):
            kind = classify_header_line(line)
            if kind != "headline":
                header_lines.append(line)
            if kind == "date":
                doc.date = doc.date or parse_date(line)
            elif kind == "symbol":
                doc.symbol = doc.symbol or line.split()[0]
            elif kind == "meeting" and line.rstrip(",;") not in doc.meeting:
                doc.meeting.append(line.rstrip(",;"))
            elif kind == "headline":
                pending.append(line)
        if pending and b.kind != "meta":
            headline_blocks.append(" ".join(pending))
    # A header line that is a body's whole name, broken over two blocks, reads as a headline.
    names = [h for h in _headlines(headline_blocks) if is_body_name(h)]
    doc.body = body_of(header_lines + names, body[0].text if body else "", doc.symbol)
    if doc.date is None:
        doc.date = dateline_date(header_lines + headline_blocks, body[0].text if body else "")

    # The title: given by markup, else the first headline; a later run of headline
    # blocks that spells the title again (broken across blocks) is the title too.
    if doc.title is None and headline_blocks:
        doc.title = _headlines(headline_blocks)[0]
    rest = _drop_title_repeats(headline_blocks, doc.title)
    doc.subtitles = _headlines(rest)

    section: str | None = None
    n = 0
    for b in body:
        text = b.text
        if b.kind == "meta" or is_boilerplate(text):
            continue
        n += 1
        if b.kind == "heading" or (b.kind is None and is_heading(text)):
            section = text
            doc.paragraphs.append(Paragraph(n=n, text=text, section=section, kind="heading"))
            continue
        doc.paragraphs.append(Paragraph(n=n, text=text, section=section))
    return doc


# A symbol line with its label, as UN Information Service releases print it: "Press Release No: UNIS/NAR/683".
_LABELLED_SYMBOL = re.compile(r"^Press\s+Release\s+No\.?:?\s*(?=\S+$)", re.I)


def _unglue(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        line = _LABELLED_SYMBOL.sub("", line)
        m = GLUED_SYMBOL.match(line)
        if m and m.group("body").strip() in BODIES:
            out += [m.group("body").strip(), m.group("symbol")]
        else:
            out.append(line)
    return out


def classify_header_line(line: str) -> str:
    """One header line is a date, symbol, boilerplate, body name, meeting line or headline."""
    words = len(line.split())
    if words <= 6 and parse_date(line):
        return "date"
    if words <= 2 and SYMBOL.match(line):
        return "symbol"
    if is_boilerplate(line) or line in BODIES:
        return "boilerplate"
    if words <= 12 and MEETING_LINE.search(line):
        return "meeting"
    if words <= 6 and MEETING.search(line) and (line[:1].isupper() or line[:1].isdigit()) and not line.isupper():
        return "meeting"
    return "headline"


def _drop_title_repeats(blocks: list[str], title: str | None) -> list[str]:
    """Remove blocks that are the title, or that together spell it again."""
    if not title:
        return blocks
    out: list[str] = []
    i = 0
    while i < len(blocks):
        if blocks[i] == title:
            i += 1
            continue
        joined, j = blocks[i], i
        while title.startswith(joined) and joined != title and j + 1 < len(blocks):
            j += 1
            joined = f"{joined} {blocks[j]}"
        if joined == title:
            i = j + 1
            continue
        out.append(blocks[i])
        i += 1
    return out
