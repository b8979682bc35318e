"""Text analysis: how words are read into the index and out of queries, and the schema.

Everything that decides which words an index holds lives here (analyzers, the schema, the
digest of the word tables that the manifest records), so the store and the query reader share
one definition. Indexes pickle two classes defined here (Whoosh keeps a schema as a pickle);
they are made lazily, since they subclass Whoosh's, and are on untrack.safepickle's allow-list.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

SCHEMA_VERSION = 8  # 8: each release's headline is record 0 (kind "headline"), searchable
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
def _irregular_filter_class() -> Any:
    from whoosh.analysis import Filter

    from .lexicon import IRREGULAR, SPELLINGS

    forms = {**SPELLINGS, **IRREGULAR}

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


@lru_cache(maxsize=1)
def _repeated_text_class() -> Any:
    from whoosh.fields import TEXT

    class RepeatedText(TEXT):
        """A text field whose values repeat over many paragraphs (title, body, section,
        speaker, affiliation): each distinct value is analysed once per writer, not once per
        paragraph. The cache is never pickled into the index."""

        def index(self, value: Any, **kwargs: Any) -> Any:
            cache = self.__dict__.setdefault("_cache", {})
            key = (value, tuple(sorted(kwargs.items())))
            if key not in cache:
                if len(cache) > 4096:
                    cache.clear()
                cache[key] = list(super().index(value, **kwargs))
            return iter(cache[key])

        def __getstate__(self) -> dict[str, Any]:
            state = dict(self.__dict__)
            state.pop("_cache", None)
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
    from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

    text, _, names = analyzers()
    repeated = _repeated_text_class()
    return Schema(
        id=ID(stored=True, unique=True),
        doc=ID(stored=True, sortable=True),
        n=NUMERIC(stored=True, sortable=True),
        kind=ID(stored=True),
        date=ID(stored=True, sortable=True),
        year=ID(),  # the meeting's year: questions name it to tell releases apart ("in 2019")
        symbol=ID(stored=True),
        title=repeated(analyzer=text, phrase=False),  # read like the text: a paragraph's headline
        body=repeated(analyzer=names),
        section=repeated(analyzer=names, phrase=True),
        speaker=repeated(analyzer=names, phrase=True),
        affiliation=repeated(analyzer=names, phrase=True),
        role=repeated(analyzer=names, phrase=True),
        text=TEXT(analyzer=text, phrase=False),  # no positions: see untrack.ranking
        record=STORED(),
    )


def document_fields(record: dict[str, Any]) -> dict[str, Any]:
    """Whoosh fields for one paragraph record."""
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
    if record.get("date"):
        fields["year"] = record["date"][:4]
    return fields
