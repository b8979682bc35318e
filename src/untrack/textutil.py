"""Small text helpers: whitespace normalisation, accent folding, terminal safety."""

from __future__ import annotations

import re
import unicodedata

# Spaces that press releases use between sentences and inside names.
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2009\u200a\u3000\ufeff]+")
_ALL_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse every run of whitespace (non-breaking spaces included) to one space."""
    return _ALL_WS.sub(" ", _SPACES.sub(" ", text)).strip()


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'José' and 'JOSE' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def hyphens(text: str) -> str:
    """Map non-breaking and other typographic hyphens to '-' (same length, offsets kept)."""
    return text.translate(_HYPHENS)


_HYPHENS = {0x2010: "-", 0x2011: "-", 0x2012: "-", 0x00AD: "-"}

# C0/C1 controls (but tab/newline), DEL, and the bidi embedding/override/isolate marks.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(m: re.Match[str]) -> str:
    c = m.group(0)
    code = ord(c)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture" for the C0 code
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def terminal_safe(text: str) -> str:
    """Make text inert on a terminal: escapes and bidi overrides become visible symbols."""
    return _UNSAFE.sub(_visible, text)
