"""Small text helpers: whitespace normalisation, accent folding, terminal safety, patterns compiled on
first use."""

from __future__ import annotations

import errno
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any


class LazyRegex:
    """A regular expression compiled when first used, not when its module is imported: a long
    case-insensitive pattern takes a millisecond or two to compile, and a cold start should pay
    only for the patterns it uses."""

    __slots__ = ("_pattern", "_flags", "_compiled", "_needs")

    def __init__(self, pattern: str, flags: int = 0, needs: tuple[str, ...] = ()) -> None:
        """`needs`: lowercase words one of which every ASCII text the pattern matches holds. A
        search of an ASCII text holding none of them is answered without compiling the pattern
        (a question asked of every query need not cost each query its compile)."""
        self._pattern, self._flags, self._needs = pattern, flags, needs
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._pattern, self._flags)
        return self._compiled

    def _cannot_match(self, string: str) -> bool:
        # ASCII only: under re.I a pattern's letters also match a few other letters ('k' the
        # Kelvin sign, 's' the long s), which lowercasing would not find.
        return bool(self._needs) and string.isascii() and not any(w in string.lower() for w in self._needs)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._cannot_match(string) else self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)


# Spaces that press releases use between sentences and inside names.
_SPACES = LazyRegex(r"[ \t\u00a0\u2007\u202f\u2009\u200a\u3000\ufeff]+")  # lazy: searching never squashes
_ALL_WS = LazyRegex(r"\s+")


def squash(text: str) -> str:
    """Collapse every run of whitespace (non-breaking spaces included) to one space."""
    return _ALL_WS.sub(" ", _SPACES.sub(" ", text)).strip()


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'José' and 'JOSE' fold alike."""
    if text.isascii():  # most text: nothing to decompose, and casefold is lower
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def hyphens(text: str) -> str:
    """Map non-breaking and other typographic hyphens to '-' (same length, offsets kept)."""
    if not any(c in text for c in _HYPHEN_CHARS):  # most text has none: four scans, not a lookup a character
        return text
    return text.translate(_HYPHENS)


_HYPHENS = {0x2010: "-", 0x2011: "-", 0x2012: "-", 0x00AD: "-"}
_HYPHEN_CHARS = tuple(map(chr, _HYPHENS))

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


# Any control character, tab and newline included: a file name must stay on its line.
# Lazy: a search that goes well never names a file.
_CONTROL = LazyRegex("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_QUOTED = LazyRegex('[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"\\\\]')
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\\": "\\\\", '"': '\\"'}


def _escape(m: re.Match[str]) -> str:
    c = m.group(0)
    return _ESCAPES.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def shown_path(path: object) -> str:
    """A file name as git shows it: as is, or in double quotes with C escapes when it holds
    control characters (``"a\\nb.txt"``), so one name is always one line and never an escape."""
    return _quoted(_tilde(str(path)))


def _quoted(text: str) -> str:
    return f'"{_QUOTED.sub(_escape, text)}"' if _CONTROL.search(text) else text


def _tilde(text: str) -> str:
    """A path in the user's home folder as `~/…`, the way a shell and most tools show it."""
    home = os.path.expanduser("~").rstrip(os.sep)
    return "~" + text[len(home) :] if home and text.startswith(home + os.sep) else text


def one_line(text: str) -> str:
    """A diagnostic for one terminal line: newlines and tabs written as escapes, other
    controls made visible."""
    return terminal_safe(text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))


def shell_word(text: str) -> str:
    """`text` as one word a shell reads back unchanged (quoted only when it must be)."""
    import shlex

    return shlex.quote(text) if not _CONTROL.search(text) else _quoted(text)


_OS_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EROFS: "read-only file system",
    errno.ENOSPC: "no space left on device",
    errno.EDQUOT: "disk quota exceeded",
    errno.ENOTDIR: "not a folder",
    errno.EISDIR: "is a folder",
    errno.EEXIST: "already exists",
    errno.ENOENT: "no such file or folder",
    errno.ELOOP: "too many levels of symbolic links",
    errno.ENAMETOOLONG: "file name too long",
}


def os_error(e: OSError) -> str:
    """An error from the operating system as one plain line: the path, then the reason."""
    reason = _OS_REASONS.get(e.errno or 0) or (e.strerror or type(e).__name__).lower()
    where = e.filename if e.filename is not None else None
    return f"{shown_path(where)}: {reason}" if where is not None else reason
