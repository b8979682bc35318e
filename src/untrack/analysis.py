"""Text analysis: how words are read into the index and out of queries, and the schema.

Everything that decides which words an index holds lives here (analyzers, the schema, the
digest of the word tables that the manifest records), so the store and the query reader share
one definition. Indexes pickle two classes defined here (Whoosh keeps a schema as a pickle);
they are made lazily, since they subclass Whoosh's, and are on untrack.safepickle's allow-list.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from .sessions import lede_years, session_years, symbol_years

if TYPE_CHECKING:
    from .model import Document

# 12: a release of no known year marked so (UNKNOWN_YEAR); 11: `year` also from the session a headline
# or lede names (10: two years, from a session)
SCHEMA_VERSION = 12
_WORDS = re.compile(r"\w+(?:[.'’]\w+)*")


class Analyzers(NamedTuple):
    text: Any  # prose for ranking: folded, stop words dropped, stemmed
    exact: Any  # prose as written (folded only): to confirm quoted phrases
    names: Any  # speakers, sections, bodies: folded words


@lru_cache(maxsize=1)
def analyzers() -> Analyzers:
    """Words are folded (case, accents); prose also loses stop words, has irregular forms
    regularised ('children' → 'child') and is stemmed with Porter2 (Snowball English)."""
    from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
    from whoosh.support.charset import accent_map

    from .lexicon import STOP_WORDS

    words = RegexTokenizer(_WORDS.pattern)
    folded = words | LowercaseFilter() | CharsetFilter(accent_map)
    return Analyzers(
        text=folded | StopFilter(stoplist=STOP_WORDS) | _irregular_filter_class()() | StemFilter(lang="en"),
        exact=folded,
        names=RegexTokenizer(r"\w+") | LowercaseFilter() | CharsetFilter(accent_map) | StopFilter(stoplist=STOP_WORDS),
    )


@lru_cache(maxsize=1)
def analysis_fingerprint() -> str:
    """A digest of everything that decides which words an index holds: the schema version, the
    tokenizer, and the stop words, irregular forms and spellings of the lexicon. An index built
    with another digest would silently miss words (a change to the spelling table once made
    'program' find nothing), so it asks to be rebuilt instead."""
    import hashlib

    from .lexicon import IRREGULAR, SPELLINGS, STOP_WORDS

    parts = [
        str(SCHEMA_VERSION),
        _WORDS.pattern,
        " ".join(sorted(STOP_WORDS)),
        " ".join(f"{k}>{v}" for k, v in sorted(IRREGULAR.items())),
        " ".join(f"{k}>{v}" for k, v in sorted(SPELLINGS.items())),
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def regular_forms() -> dict[str, str]:
    """Folded word → the form the text field holds it as, before stemming ('children' → 'child')."""
    from .lexicon import IRREGULAR, SPELLINGS

    return {**SPELLINGS, **IRREGULAR}


@lru_cache(maxsize=1)
def _irregular_filter_class() -> Any:
    from whoosh.analysis import Filter

    forms = regular_forms()

    class IrregularForms(Filter):
        """'children' → 'child', 'gave' → 'give': irregular forms join their regular family;
        'program', 'organisation' → 'programme', 'organization': one spelling, the UN's."""

        def __call__(self, tokens: Any) -> Any:
            for t in tokens:
                t.text = forms.get(t.text, t.text)
                yield t

    IrregularForms.__module__ = __name__
    IrregularForms.__qualname__ = "IrregularForms"
    return IrregularForms


# Filters that read one token at a time (what they make of a word does not depend on its neighbours).
_WORDWISE = ("RegexTokenizer", "LowercaseFilter", "CharsetFilter", "StopFilter", "StemFilter", "IrregularForms")
_WORD_MEMO = 65536  # distinct words remembered per field and writer, then forgotten all at once


@lru_cache(maxsize=1)
def _repeated_text_class() -> Any:
    from whoosh.analysis import CompositeAnalyzer
    from whoosh.fields import TEXT
    from whoosh.formats import Frequency
    from whoosh.system import pack_uint

    class RepeatedText(TEXT):
        """A text field whose values, or whose words, repeat over many paragraphs: each distinct
        value (title, body, section, speaker, affiliation) is analysed once per writer, not once
        per paragraph; in a field without positions (the prose of `text`, titles) each distinct
        word is. The caches are never pickled into the index."""

        def index(self, value: Any, **kwargs: Any) -> Any:
            if not kwargs and isinstance(value, str) and self._wordwise():
                return self._index_words(value)
            cache = self.__dict__.setdefault("_cache", {})
            key = (value, tuple(sorted(kwargs.items())))
            if key not in cache:
                if len(cache) > 4096:
                    cache.clear()
                cache[key] = list(super().index(value, **kwargs))
            return iter(cache[key])

        def _wordwise(self) -> bool:
            """Frequencies only, and an analyzer that reads word by word: a word then always gives
            the same terms, wherever it stands, and the text's terms are its words' terms."""
            known = self.__dict__.get("_wordwise_known")
            if known is None:
                ana = self.analyzer
                known = (
                    type(self.format) is Frequency
                    and type(ana) is CompositeAnalyzer
                    and all(type(item).__name__ in _WORDWISE for item in ana.items)
                    and type(ana.items[0]).__name__ == "RegexTokenizer"
                    and not ana.items[0].gaps
                )
                self.__dict__["_wordwise_known"] = known
            return bool(known)

        def _index_words(self, value: str) -> Any:
            """What Whoosh's `index` gives (term bytes, frequency, weight, encoded frequency), its
            analyzer run once per distinct word: on the word alone it gives the terms (and their
            boosts) that it gives for that word in a paragraph."""
            words = self.__dict__.setdefault("_words", {})
            analyzer = self.analyzer
            freqs: dict[str, int] = {}
            weights: dict[str, float] = {}
            for word in analyzer.items[0].expression.findall(value):
                terms = words.get(word)
                if terms is None:
                    if len(words) >= _WORD_MEMO:
                        words.clear()
                    made = analyzer(word, mode="index", boosts=True)
                    terms = words[word] = tuple((t.text, t.boost) for t in made if not t.stopped)
                for text, boost in terms:
                    freqs[text] = freqs.get(text, 0) + 1
                    weights[text] = weights.get(text, 0.0) + boost
            boost = self.format.field_boost
            return ((t.encode("utf-8"), n, weights[t] * boost, pack_uint(n)) for t, n in freqs.items())

        def __getstate__(self) -> dict[str, Any]:
            state = dict(self.__dict__)
            for memo in ("_cache", "_words", "_wordwise_known"):
                state.pop(memo, None)
            return state

    RepeatedText.__module__ = __name__
    RepeatedText.__qualname__ = "RepeatedText"
    return RepeatedText


def __getattr__(name: str) -> Any:
    # Indexes pickle their schema; the field class is made lazily (it subclasses Whoosh's TEXT).
    if name == "RepeatedText":
        return _repeated_text_class()
    if name == "IrregularForms":
        return _irregular_filter_class()
    raise AttributeError(name)


def make_schema() -> Any:
    from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, Schema

    text, _, names = analyzers()
    repeated = _repeated_text_class()
    return Schema(
        id=ID(stored=True, unique=True),
        doc=ID(stored=True, sortable=True),
        # One term a paragraph: `n` is searched only in short ranges (a paragraph's neighbours, a
        # release's first records), which Whoosh's coarser tiers (7 more terms each) do not speed up.
        n=NUMERIC(stored=True, sortable=True, shift_step=0),
        kind=ID(stored=True),
        date=ID(stored=True, sortable=True),
        # The meeting's year: questions name it to tell releases apart ("in 2019"). Without a date, the
        # years its session spans (untrack.sessions): the General Assembly's run over two.
        year=KEYWORD(),
        symbol=ID(stored=True),
        title=repeated(analyzer=text, phrase=False),  # read like the text: a paragraph's headline
        body=repeated(analyzer=names),
        section=repeated(analyzer=names, phrase=True),
        speaker=repeated(analyzer=names, phrase=True),
        affiliation=repeated(analyzer=names, phrase=True),
        role=repeated(analyzer=names, phrase=True),
        text=repeated(analyzer=text, phrase=False),  # no positions (see untrack.ranking); each word analysed once
        record=STORED(),
    )


# The `year` of a paragraph whose release gives no year: a question's year may be its year, as
# it is not another's (untrack.query gives it part of a match's weight).
UNKNOWN_YEAR = "unknown"


def release_years(doc: Document) -> list[str]:
    """The years a release's meeting took place in: its date's, else those of the session its
    meeting lines name, else those of the session its headline or lede says is meeting ("opened
    its twenty-second session"). A release that prints no date is still found by a question's year."""
    if doc.date:
        return [doc.date[:4]]
    lede = [doc.title or "", *doc.subtitles, *(p.text for p in doc.paragraphs[:1])]
    return (
        session_years(doc.meeting, doc.symbol, doc.body)
        or lede_years(lede, doc.body)
        or symbol_years([p.text for p in doc.paragraphs])
    )


def document_fields(record: dict[str, Any], years: list[str] | None = None) -> dict[str, Any]:
    """Whoosh fields for one paragraph record; `years` are its release's (`release_years`), else
    read from the record's date and meeting lines."""
    fields: dict[str, Any] = {
        "id": record["id"],
        "doc": record["doc"],
        "n": record["n"],
        "kind": record["kind"],
        "text": record["text"],
        "record": record,
    }
    for key in ("date", "symbol", "title", "body", "section", "speaker", "affiliation", "role"):
        if record.get(key):
            fields[key] = record[key]
    if years is None:
        years = (
            [record["date"][:4]]
            if record.get("date")
            else session_years(record.get("meeting") or [], record.get("symbol"), record.get("body"))
        )
    fields["year"] = " ".join(years) if years else UNKNOWN_YEAR
    return fields
