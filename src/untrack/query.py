"""Reading a query: the user's words and syntax as a Whoosh query, and filters.

Plain words and questions are read as a searcher would (question words dropped, each content
word once, in whichever field it scores best, its everyday synonyms and acronyms beside it,
read in the context of the paragraph's release); anything with syntax — AND/OR/NOT,
"phrases", field:term, wildcards, term~ — goes through Whoosh's parser over the same fields.
Filters (--speaker, --body, dates …) become a query that selects without ranking.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from . import answers, expansion
from .analysis import UNKNOWN_YEAR, analyzers
from .errors import UntrackError
from .ordinals import in_words
from .textutil import LazyRegex

# BM25F field weights: the paragraph text carries the meaning; a query word that names the
# speaker ("bachelet courts") lifts that speaker's paragraphs, and one that names the speaker's
# role ("what did the Secretary-General say") lifts them above paragraphs that only mention the
# role. Section headings are not ranked on (they repeat over many paragraphs) but stay
# searchable and filterable with section:/--section. Words are OR-ed plainly, without Whoosh's
# coordination factor. Weights and BM25 parameters were chosen on tests/relevance (docs/
# relevance.md).
FIELD_WEIGHTS = {"text": 1.0, "speaker": 0.8, "affiliation": 1.5, "role": 1.0}
# A paragraph is read in the context of its release: a question word in the release's headline
# or in the name of the body that met counts as it would in the paragraph itself, and a year names
# the meeting's year ("in 2019"), as people tell releases apart. Measured on eval/questions/q1 and,
# for the body, q1–q19 (docs/evaluation.md).
HEADLINE_WEIGHT = 1.0
# A year the question names is close to a filter: people name it to say which meeting they mean.
# Over q1–q4 (tuning), 1.0 → 5.0 raised MRR@10 on every set (mean 0.831 → 0.846). Over q1–q6 and
# 440 releases (more of them dated), 5 → 8 raised the mean 0.826 → 0.833; 12 the same, 20 0.804.
# Over q1–q19 and 1,334 releases (session 11): 8 → 0.795, 10 → 0.808, 12 → 0.811, 14 → 0.812,
# 16 → 0.808, 24 → 0.771; q1–q10 and q11–q19 each gain (0.804 → 0.814, 0.785 → 0.811 at 14). 12
# stands on the plateau, away from the fall beyond 16 (a year that outweighs every content word).
YEAR_WEIGHT = 12.0
_YEAR = re.compile(r"(?:19|20)\d\d")
# A release that gives no year gets this share of a year's weight when a question names one: it
# may be of that year, as a release of another year is not (q1–q21: 0.25–0.5 all gain, 0.35 best,
# +0.007 per question; 0.75 loses; docs/evaluation.md).
UNDATED_SHARE = 0.35
# A month named before the year counts this much more than the year alone.
MONTH_SHARE = 1.4
_MONTHS = {
    name: f"{k:02d}"
    for k, name in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}
# A headline word (or year) that most releases share says little about which release a paragraph
# is from, and reading its postings costs as much as a common word: only words in at most this
# share of the paragraphs' headlines are read in context.
HEADLINE_SHARE = 0.1


def _telling_in_context(reader: Any, field: str, words: list[str]) -> bool:
    """Do few paragraphs' releases hold these words in their headline (or body's name)?"""
    return all(0 < reader.doc_frequency(field, w) <= HEADLINE_SHARE * reader.doc_count() for w in words)


ROLE_FIELDS = ("affiliation", "role")  # what a speaker is: where synonyms of roles are looked for
BM25_B = 0.75
BM25_K1 = 1.0
# A role is a label that few paragraphs carry: lengths say nothing there (and BM25's average
# over all paragraphs, most without one, would make every role look long).
FIELD_B = {"role": 0.0}


class QueryError(UntrackError):
    """A query that cannot be parsed or run."""


# A question, a pasted sentence or paragraph fits; longer is refused so any query answers fast.
MAX_QUERY_CHARS = 2000


def check_length(query: str) -> None:
    """Refuse, in one line, a query too long to be a search (query reading is linear in its length)."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(
            f"query too long ({len(query):,} characters; the limit is {MAX_QUERY_CHARS:,}): search for its key words"
        )


class Filters(NamedTuple):
    """Exact filters that narrow a search without changing its ranking."""

    speaker: str | None = None
    section: str | None = None
    doc: str | None = None
    body: str | None = None
    date_from: str | None = None  # ISO date, inclusive; '2012' and '2012-04' allowed
    date_to: str | None = None

    def any(self) -> bool:
        return any((self.speaker, self.section, self.doc, self.body, self.date_from, self.date_to))


SORTS = ("relevance", "date", "doc")
_PARTIAL_DATE = LazyRegex(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")  # lazy (start-up): dates are rarely given


def date_bound(value: str, end: bool) -> str:
    """'2012' → '2012-01-01' (from) or '2012-12-31' (to); full ISO dates pass through. A date
    that is no date ('2012-13', '2012-02-30') is refused, not searched for."""
    import datetime

    value = value.strip()
    if not _PARTIAL_DATE.match(value):
        raise QueryError(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    full = value + {4: "-01-01", 7: "-01", 10: ""}[len(value)]
    try:
        datetime.date.fromisoformat(full)
    except ValueError:
        what = "month" if len(value) == 7 else "day"
        raise QueryError(f"bad date {value!r}: there is no such {what}") from None
    pad = {4: ("-01-01", "-12-31"), 7: ("-01", "-31"), 10: ("", "")}[len(value)]
    return value + pad[1 if end else 0]


def words_query(fieldname: str, words: list[str], boost: float = 1.0) -> Any:
    """Analysed words as a query on one field: a Term for one word, a Phrase for several (a
    hyphenated word, a name, a multi-word synonym), NullQuery for none."""
    from whoosh.query import NullQuery, Phrase, Term

    if not words:
        return NullQuery
    return Term(fieldname, words[0], boost=boost) if len(words) == 1 else Phrase(fieldname, words, boost=boost)


def _phrase(fieldname: str, value: str) -> Any:
    """A case- and accent-insensitive filter: the value's words, in order, in the field."""
    return words_query(fieldname, [t.text for t in analyzers().names(value)])


def build_filter(filters: Filters) -> Any | None:
    from whoosh.query import And, Term

    parts = []
    if filters.speaker:
        parts.append(_phrase("speaker", filters.speaker))
    if filters.section:
        parts.append(_phrase("section", filters.section))
    if filters.doc:
        parts.append(Term("doc", filters.doc))
    if filters.body:
        parts.append(_phrase("body", filters.body))
    if filters.date_from or filters.date_to:
        from whoosh.query import TermRange

        low = date_bound(filters.date_from, end=False) if filters.date_from else None
        high = date_bound(filters.date_to, end=True) if filters.date_to else None
        if low and high and low > high:
            raise QueryError(f"--from {filters.date_from} is after --to {filters.date_to}: no day is in that range")
        parts.append(TermRange("date", low, high))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def _verified_phrase_class() -> Any:
    from whoosh.matching.wrappers import FilterMatcher
    from whoosh.query.wrappers import WrappingQuery

    class VerifiedPhrase(WrappingQuery):
        """A phrase that must appear as written: paragraphs holding its (stemmed) words are the
        candidates; the stored paragraph text confirms the words, unstemmed, stop words kept."""

        def __init__(self, child: Any, words: tuple[str, ...]) -> None:
            super().__init__(child)
            self.words = tuple(words)
            self.boost = child.boost

        def __repr__(self) -> str:
            return f"VerifiedPhrase({self.child!r}, as written: {' '.join(self.words)!r})"

        def __eq__(self, other: object) -> bool:
            return isinstance(other, VerifiedPhrase) and (self.child, self.words) == (other.child, other.words)

        def __hash__(self) -> int:
            return hash((self.child, self.words))

        def _rewrap(self, child: Any) -> Any:
            return self.__class__(child, self.words)

        def matcher(self, searcher: Any, context: Any = None) -> Any:
            # untrack.ranking scores phrases itself; this is Whoosh's path, for query shapes the
            # ranker hands back to Whoosh. Paragraph text keeps no positions: the documents with
            # every word are the candidates, and the stored text confirms the phrase.
            from whoosh.query import And, Term

            words = And([Term(self.child.fieldname, w) for w in self.child.words], boost=self.child.boost)
            m = words.matcher(searcher, context)
            stored = searcher.stored_fields
            confirmed = {d for d in words.docs(searcher) if phrase_present(stored(d)["record"]["text"], self.words)}
            return FilterMatcher(m, confirmed)

    return VerifiedPhrase


@lru_cache(maxsize=256)
def _phrase_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    inner = r"[^\w]+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w])(?<![\w][.'’]){inner}(?![\w])(?![.'’]\w)", re.IGNORECASE)


def phrase_present(text: str, words: tuple[str, ...]) -> bool:
    """Does the phrase occur as written? A compiled regex answers for almost every paragraph;
    only text with accents that the regex missed is tokenized (case and accents aside)."""
    if _phrase_regex(words).search(text):
        return True
    return not text.isascii() and bool(phrase_spans(text, words))


def phrase_spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the words occur in text, in order, as written (case and accents aside)."""
    if not words:
        return []
    tokens = [(t.text, t.startchar, t.endchar) for t in analyzers().exact(text, chars=True)]
    seq = [t[0] for t in tokens]
    n = len(words)
    return [(tokens[i][1], tokens[i + n - 1][2]) for i in range(len(seq) - n + 1) if tuple(seq[i : i + n]) == words]


def _exact_phrase_plugin() -> Any:
    """Quoted phrases in paragraph text match the words as written (see VerifiedPhrase)."""
    from whoosh.qparser.plugins import PhrasePlugin

    verified = _verified_phrase_class()

    class ExactPhraseNode(PhrasePlugin.PhraseNode):
        def query(self, parser: Any) -> Any:
            q = super().query(parser)
            if (getattr(self, "fieldname", None) or parser.fieldname) != "text":
                return q
            words = tuple(t.text for t in analyzers().exact(self.text))
            return verified(q, words) if len(words) > 1 else q

    class ExactPhraseTagger(PhrasePlugin.PhraseTagger):
        def create(self, parser: Any, match: Any) -> Any:
            node = super().create(parser, match)
            return ExactPhraseNode(node.text, node.textstartchar, node.slop)

    class ExactPhrasePlugin(PhrasePlugin):
        def taggers(self, parser: Any) -> list[Any]:
            return [(ExactPhraseTagger(self.expr), 0)]

    return ExactPhrasePlugin()


_WORD = LazyRegex(r"\w+", re.UNICODE)  # lazy (start-up): only --literal reads it


def literal_text(text: str) -> str:
    """The query as plain words: no operators, phrases, fields or wildcards."""
    return " ".join(w.lower() for w in _WORD.findall(text))


# Query syntax: quotes, fields, wildcards, fuzzy, boosts, ranges, operators. Parentheses alone
# and a colon before a space are prose ("the Falklands (Malvinas) resolution", "Sixth Committee
# 1998: a delegation argued …"): a group of words without operators reads as the words would.
_SYNTAX = re.compile(r'"|\w:\S|[*~^\[\]{}]|(?<!\w)[+-]\w|\?\w|\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b')
# How much an everyday synonym of a typed word counts, against 1.0 for the word itself.
SYNONYM_WEIGHT = 0.7
# Synonyms are also looked for in speakers' roles, at this share of their weight there.
SYNONYMS_IN_ROLES = 0.5
# A word's alternatives (its text stem, the same word in a speaker's name or affiliation, its
# synonyms) count as the best of them plus this share of the rest.
TIEBREAK = 0.1


# A word that names a section ("closing", "remarks") lifts the paragraphs under it, at this
# weight, unless it heads more than SECTION_SHARE of all paragraphs ("trafficking" in every
# heading of a release on trafficking says nothing, and would be a long list to read).
SECTION_WEIGHT = 0.3
SECTION_SHARE = 0.2


def _distinctive_in_sections(reader: Any, word: str) -> bool:
    df = reader.doc_frequency("section", word)
    return 0 < df <= SECTION_SHARE * reader.doc_count()


def is_plain(text: str) -> bool:
    """Plain words (a question, keywords): no query syntax. A closing '?' is punctuation."""
    return not _SYNTAX.search(text)


def plain_query(reader: Any, text: str, require_all: bool = False) -> Any:
    """A question or keywords, read as a searcher would: question words and other stop words
    dropped, each content word counted once (in whichever field it scores best: the text, the
    speaker, the speaker's role, a section heading where the word is distinctive), and its
    everyday synonyms searched beside it at a lower weight. `reader` gives the section
    statistics. (Bonuses for typed words standing side by side were measured and changed
    nothing, so there are none.)"""
    from whoosh.query import And, DisjunctionMax, NullQuery, Phrase, Prefix, Term

    from .lexicon import CAPITALS, DEMONYMS
    from .textutil import fold

    an = analyzers()
    fields = (("text", an.text), ("speaker", an.names), ("affiliation", an.names))
    raw = [fold(w) for w in _WORD_OR_HYPHENATED.findall(text)]
    form = answers.form_words(text)
    if form and any(w not in form for w in raw):
        raw = [w for w in raw if w not in form]
    stems = [tuple(t.text for t in an.text(word)) for word in raw]
    content = [i for i, s in enumerate(stems) if s]
    expansions = dict(zip(content, expansion.alternatives([stems[i] for i in content]), strict=True))
    role_weight = round(SYNONYM_WEIGHT * FIELD_WEIGHTS["affiliation"] * SYNONYMS_IN_ROLES, 6)
    clauses = []
    context = []  # each word read in the context of the paragraph's release
    seen: set[str] = set()
    for i, word in enumerate(raw):
        stem = list(stems[i])
        if not stem or word in seen:
            continue
        seen.add(word)
        # A hyphenated word is one word: a phrase scores the sum of its parts, so in the text its
        # parts share the word's weight ("anti-trafficking" does not count twice). In names they
        # do not: "Ki-moon" names the speaker whatever else the question asks (measured).
        alts = [words_query("text", stem, 1.0 / len(stem))]
        names = [t.text for t in an.names(word)]  # "Secretary-General", "Ki-moon": the parts, in order
        if names:
            alts += [words_query(f, names, FIELD_WEIGHTS[f]) for f in FIELD_WEIGHTS if f != "text"]
            if SECTION_WEIGHT and len(names) == 1 and _distinctive_in_sections(reader, names[0]):
                alts.append(words_query("section", names, SECTION_WEIGHT))  # "closing remarks"
        if raw[i + 1 : i + 2] == ["again"] and len(stem) == 1:  # "trafficked again" ~ "re-trafficked"
            alts.append(Phrase("text", ["re", stem[0]]))
        parts = _compound_parts(reader, word, stem)
        if parts:  # "policymaking" ~ "policy-making"
            alts.append(Phrase("text", parts))
        spelled = _NUMERIC_ORDINAL.fullmatch(word) and in_words(int(word[:-2]))
        ordinal_words = [t.text for t in an.text(spelled)] if spelled else []
        if ordinal_words:  # "51st session" ~ "fifty-first session", as releases write it
            alts.append(words_query("text", ordinal_words, 1.0 / len(ordinal_words)))
        pair = " ".join(raw[i : i + 2])
        for key in (pair, word):  # "Greek", "South African", "Beijing's": the State, as a delegation is named
            key = _POSSESSIVE.sub("", key)
            state = DEMONYMS.get(key) or CAPITALS.get(key)
            if state:
                alts += [words_query(f, [t.text for t in analyze(state)], FIELD_WEIGHTS[f]) for f, analyze in fields]
        for alternative, exact in expansions[i]:
            # A phrase scores the sum of its words: shared out, a long name counts as one word.
            in_text = [t.text for t in an.text(alternative)]
            in_roles = [t.text for t in an.names(alternative)]
            if in_text == stem:
                continue  # "protect" → "protection": the word itself, already searched
            if exact:  # "ECOSOC" is also in the roles of those who speak for it
                alts.append(words_query("text", in_text, expansion.ACRONYM_WEIGHT / max(1, len(in_text))))
                alts += [words_query(f, in_roles, FIELD_WEIGHTS[f] / max(1, len(in_roles))) for f in ROLE_FIELDS]
            else:
                alts.append(words_query("text", in_text, SYNONYM_WEIGHT))
                if role_weight:  # "executive" finds a President, "agency" an Organization
                    alts += [words_query(f, in_roles, role_weight) for f in ROLE_FIELDS]
                if SECTION_WEIGHT and len(in_roles) == 1 and _distinctive_in_sections(reader, in_roles[0]):
                    alts.append(words_query("section", in_roles, SECTION_WEIGHT * SYNONYM_WEIGHT))  # "conclude"
        alts = [a for k, a in enumerate(alts) if a is not NullQuery and a not in alts[:k]]
        clauses.append(DisjunctionMax(alts, tiebreak=TIEBREAK) if len(alts) > 1 else alts[0])
        # The same word in the release's headline (or as its year) counts as if the paragraph said it.
        in_context = list(alts)
        if _telling_in_context(reader, "title", stem):
            in_context.append(words_query("title", stem, HEADLINE_WEIGHT / len(stem)))
        if names and _telling_in_context(reader, "body", names):  # "torture", "indigenous": the body that met
            in_context.append(words_query("body", names, HEADLINE_WEIGHT / len(names)))
        if _YEAR.fullmatch(word) and reader.doc_frequency("year", word) <= HEADLINE_SHARE * reader.doc_count():
            in_context.append(Term("year", word, boost=YEAR_WEIGHT))
            if UNDATED_SHARE:  # a release of no known year may be of this one; one of another year is not
                in_context.append(Term("year", UNKNOWN_YEAR, boost=YEAR_WEIGHT * UNDATED_SHARE))
            month = _MONTHS.get(raw[i - 1]) if i else None
            if month:  # "in August 1998": that month's meetings first
                in_context.append(Prefix("date", f"{word}-{month}", boost=YEAR_WEIGHT * MONTH_SHARE))
        in_context = [a for a in in_context if a is not NullQuery]
        context.append(DisjunctionMax(in_context, tiebreak=TIEBREAK) if len(in_context) > 1 else in_context[0])
    if not clauses:
        return NullQuery
    if require_all:
        return And(clauses)
    if context == clauses:  # no word is read differently in context: one query does
        return _either(clauses)
    # Which paragraphs match is decided by their own words (the part scored 0); how they rank,
    # by their words read in the context of their release.
    return And([_either(clauses, boost=0.0), _either(context)])


COMPOUND_MIN = 7  # shorter unknown words are more likely typos than two words run together
COMPOUND_MAX = 40  # longer than any English compound: not split (splitting costs the word's length squared)


def _either(clauses: list[Any], boost: float = 1.0) -> Any:
    """Any of the clauses (their scores summed), as one query."""
    from whoosh.query import Or

    if len(clauses) == 1:
        return clauses[0].with_boost(clauses[0].boost * boost) if boost != 1.0 else clauses[0]
    return Or(clauses, boost=boost)


def _compound_parts(reader: Any, word: str, stem: list[str]) -> list[str] | None:
    """The two indexed words an unindexed one runs together ("policymaking" → policy, make),
    the most frequent such split; None for indexed words and for words that split no way."""
    if len(stem) != 1 or not COMPOUND_MIN <= len(word) <= COMPOUND_MAX or not word.isalpha():
        return None
    if reader.doc_frequency("text", stem[0]):
        return None
    an = analyzers().text
    best: tuple[int, list[str]] | None = None
    for k in range(3, len(word) - 2):
        parts = [t.text for t in an(word[:k])] + [t.text for t in an(word[k:])]
        if len(parts) == 2:
            df = min(reader.doc_frequency("text", p) for p in parts)
            if df and (best is None or df > best[0]):
                best = (df, parts)
    return best[1] if best else None


_WORD_OR_HYPHENATED = re.compile(r"\w+(?:[-'’]\w+)*")
_POSSESSIVE = re.compile(r"[’']s$")  # "Moscow's" is Moscow
_NUMERIC_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)")  # "51st": in words, "fifty-first"


def parse_query(ix: Any, text: str, require_all: bool = False, literal: bool = False, reader: Any = None) -> Any:
    """The user's query as a Whoosh query: plain words and questions through
    :func:`plain_query`; anything with syntax through Whoosh's parser, over the weighted fields."""
    check_length(text)
    if literal:
        text = literal_text(text)
    if is_plain(text):
        if reader is None:
            with ix.reader() as own:
                return plain_query(own, text, require_all)
        return plain_query(reader, text, require_all)
    from whoosh import qparser  # only queries with syntax need Whoosh's parser (start-up: ~3 ms)

    check_fields(text, set(ix.schema.names()))
    group = qparser.AndGroup if require_all else qparser.OrGroup
    parser = qparser.MultifieldParser(list(FIELD_WEIGHTS), ix.schema, fieldboosts=FIELD_WEIGHTS, group=group)
    parser.remove_plugin_class(qparser.PhrasePlugin)
    parser.add_plugin(_exact_phrase_plugin())
    parser.add_plugin(qparser.FuzzyTermPlugin())
    try:
        return _fields_as_filters(parser.parse(text), _explicit_clauses(ix, text))
    except Exception as e:  # whoosh's parser raises assorted errors on odd input
        raise QueryError(f"cannot parse query {text!r}: {e}") from None


# Fields that a `field:value` clause restricts rather than ranks by, like --speaker and --body.
_FIELD_PREFIX = LazyRegex(  # lazy (start-up): only queries with syntax
    r"(?<![\w:/])([A-Za-z_]\w*):(?=[\w\"(\[])"
)


def check_fields(text: str, known: set[str]) -> None:
    """Refuse 'foo:bar' where foo is no field: Whoosh would quietly search for nothing."""
    for m in _FIELD_PREFIX.finditer(text):
        if m.group(1) not in known:
            raise QueryError(f"unknown field {m.group(1)!r}: fields are {', '.join(sorted(SYNTAX_FIELDS))}")


# The fields a query may name (field:term), as the help says.
SYNTAX_FIELDS = {"speaker", "section", "doc", "body", "date", "symbol", "affiliation", "role", "title", "text", "id"}

FILTER_FIELDS = {
    "speaker",
    "section",
    "doc",
    "body",
    "date",
    "symbol",
    "affiliation",
    "role",
    "title",
    "kind",
    "n",
    "id",
}


def _explicit_clauses(ix: Any, text: str) -> list[Any]:
    """Top-level clauses the user wrote with a filter field (`speaker:bachelet`, `date:[…]`)."""
    from whoosh import qparser
    from whoosh.query import Or

    plain = qparser.QueryParser("text", ix.schema, group=qparser.OrGroup).parse(text)
    clauses = plain.subqueries if isinstance(plain, Or) else [plain]
    out = []
    for sub in clauses:
        fields = {sub.field()} if sub.is_leaf() else {leaf.field() for leaf in sub.leaves()}
        if fields and fields <= FILTER_FIELDS:
            out.append(sub)
    return out


def _fields_as_filters(q: Any, explicit: list[Any]) -> Any:
    """`speaker:bachelet courts` means the same as `--speaker bachelet courts`: the fielded
    clause is required, the plain words stay optional and ranked."""
    from whoosh.query import And, Or

    if not isinstance(q, Or) or not explicit:
        return q
    required = [sub for sub in q.subqueries if sub in explicit]
    optional = [sub for sub in q.subqueries if sub not in explicit]
    if not required:
        return q
    if optional:
        required.append(Or(optional) if len(optional) > 1 else optional[0])
    return And(required)
