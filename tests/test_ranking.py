"""The bulk ranker (untrack.ranking) scores as Whoosh's BM25F does, finds what Whoosh finds,
checks phrases on the stored text, and follows the index across segments and re-indexing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import query as wq

from helpers import segmented_index
from untrack.index import IndexStore
from untrack.query import Filters
from untrack.search import opened, search
from untrack.sources import Source

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"

# Stems that occur in the bundled release's text, common to rare, and speaker, affiliation and role words.
TEXT_STEMS = ["traffick", "victim", "fund", "trust", "court", "footbal", "poverti", "women", "law", "nobodi"]
NAME_TERMS = [
    ("speaker", "bachelet"),
    ("speaker", "ezeilo"),
    ("affiliation", "rapporteur"),
    ("affiliation", "unodc"),
    ("role", "president"),  # a field with its own B (untrack.query.FIELD_B)
]


def whoosh_scores(store: IndexStore, q: wq.Query) -> dict[int, float]:
    """Every match of q with Whoosh's own matcher and BM25F (for shapes Whoosh scores right)."""
    s = opened(store).searcher
    return {hit.docnum: hit.score for hit in s.search(q, limit=None)}


def ranker_scores(store: IndexStore, q: wq.Query) -> dict[int, float]:
    return dict(opened(store).ranker.top(q, None))


def same(a: dict[int, float], b: dict[int, float]) -> bool:
    return a.keys() == b.keys() and all(abs(a[d] - b[d]) <= 1e-9 * max(1.0, abs(a[d])) for d in a)


term = st.one_of(
    st.builds(lambda w, b: wq.Term("text", w, boost=b), st.sampled_from(TEXT_STEMS), st.sampled_from([1.0, 0.5, 1.5])),
    st.builds(lambda fw, b: wq.Term(fw[0], fw[1], boost=b), st.sampled_from(NAME_TERMS), st.sampled_from([1.0, 0.8])),
)
tree = st.recursive(
    term,
    lambda kids: st.one_of(
        st.builds(wq.Or, st.lists(kids, min_size=1, max_size=4)),
        st.builds(wq.And, st.lists(kids, min_size=1, max_size=3)),
        st.builds(wq.AndMaybe, kids, kids),
    ),
    max_leaves=8,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=tree)
def test_scores_equal_whooshs_for_terms_and_boolean_trees(seed_index: Path, q: wq.Query) -> None:
    """The oracle combines Whoosh's own term scores by each operator's definition (Whoosh's
    matchers themselves drop an AndMaybe's optional score inside an And: see the next test)."""
    store = IndexStore(seed_index)
    assert same(ranker_scores(store, q), oracle_scores(store, q)), q


def oracle_scores(store: IndexStore, q: wq.Query) -> dict[int, float]:
    """Or sums what matches, And sums where all match, AndMaybe adds the optional side's score."""
    if isinstance(q, wq.Term):
        return whoosh_scores(store, q)
    kids = [oracle_scores(store, k) for k in q.children()]
    if isinstance(q, wq.Or):
        return {d: sum(k[d] for k in kids if d in k) for d in set().union(*kids)}
    if isinstance(q, wq.And):
        common = set(kids[0]).intersection(*kids[1:])
        return {d: sum(k[d] for k in kids) for d in common}
    if isinstance(q, wq.AndMaybe):
        required, optional = kids
        return {d: score + optional.get(d, 0.0) for d, score in required.items()}
    raise AssertionError(f"no oracle for {q!r}")


def test_flat_trees_score_as_whooshs_own_matchers_do(seed_index: Path) -> None:
    store = IndexStore(seed_index)
    for q in [
        wq.Or([wq.Term("text", "fund"), wq.Term("speaker", "bachelet"), wq.Term("role", "president")]),
        wq.And([wq.Term("text", "traffick"), wq.Term("text", "victim")]),
        wq.AndMaybe(wq.Term("text", "victim"), wq.Term("text", "court")),
    ]:
        assert same(ranker_scores(store, q), whoosh_scores(store, q)), q


def test_and_maybe_inside_and_keeps_its_optional_score(seed_index: Path) -> None:
    """Whoosh's matchers drop the optional clause's score for some documents of
    And([traffick, AndMaybe(victim, traffick)]) (paragraph 43 of the bundled release: 4.33
    instead of 6.29); the ranker adds it."""
    store = IndexStore(seed_index)
    q = wq.And([wq.Term("text", "traffick"), wq.AndMaybe(wq.Term("text", "victim"), wq.Term("text", "traffick"))])
    assert same(ranker_scores(store, q), oracle_scores(store, q))


def test_and_not_removes_every_document_the_second_clause_matches(seed_index: Path) -> None:
    """Whoosh's own AndNotMatcher lets the first document through unchecked (here: paragraph 1
    mentions trafficking but came back for `victim ANDNOT traffick`); the ranker does not."""
    store = IndexStore(seed_index)
    victim, traffick = wq.Term("text", "victim"), wq.Term("text", "traffick")
    got = ranker_scores(store, wq.AndNot(victim, traffick))
    want = {d: sc for d, sc in ranker_scores(store, victim).items() if d not in ranker_scores(store, traffick)}
    assert got == want
    assert got.keys() == ranker_scores(store, wq.And([victim, wq.Not(traffick)])).keys()


def test_top_k_is_the_head_of_the_full_ranking_with_ties_to_the_lower_docnum(seed_index: Path) -> None:
    store = IndexStore(seed_index)
    q = wq.Or([wq.Term("text", "traffick"), wq.Term("text", "victim")])
    full = opened(store).ranker.top(q, None)
    assert opened(store).ranker.top(q, 7) == full[:7]
    assert full == sorted(full, key=lambda ds: (-ds[1], ds[0]))


def test_alternatives_count_the_best_one_plus_a_share_of_the_rest(seed_index: Path) -> None:
    """DisjunctionMax: Whoosh's own matcher can report another document's score, so untrack
    computes max + tiebreak × (sum − max) itself."""
    store = IndexStore(seed_index)
    a, b = wq.Term("text", "fund"), wq.Term("text", "trust", boost=0.5)
    sa, sb = ranker_scores(store, a), ranker_scores(store, b)
    got = ranker_scores(store, wq.DisjunctionMax([a, b], tiebreak=0.25))
    assert got.keys() == sa.keys() | sb.keys()
    for d, score in got.items():
        parts = [x for x in (sa.get(d), sb.get(d)) if x is not None]
        assert score == pytest.approx(max(parts) + 0.25 * (sum(parts) - max(parts)))


def test_quoted_phrase_matches_only_the_words_as_written(seed_index: Path) -> None:
    store = IndexStore(seed_index)
    hits = search(store, '"trafficking victims"', limit=None)
    assert hits and all(re.search(r"trafficking\W+victims", h.record["text"], re.I) for h in hits)
    # Both words occur apart (or as "victims of trafficking") in other paragraphs: not hits.
    both = [
        r for r in store.records() if r["kind"] != "heading" and {"trafficking", "victims"} <= set(r["text"].split())
    ]
    assert len(both) > len(hits)


def test_phrase_top_k_checks_in_score_order_and_agrees_with_the_full_list(seed_index: Path) -> None:
    store = IndexStore(seed_index)
    full = [h.record["id"] for h in search(store, '"human trafficking"', limit=None)]
    assert [h.record["id"] for h in search(store, '"human trafficking"', limit=3)] == full[:3]


def test_phrase_inside_a_question_and_after_not(seed_index: Path) -> None:
    store = IndexStore(seed_index)
    with_phrase = {h.record["id"] for h in search(store, '"trust fund" AND NOT "private sector"', limit=None)}
    private = {h.record["id"] for h in search(store, '"private sector"', limit=None)}
    trust = {h.record["id"] for h in search(store, '"trust fund"', limit=None)}
    assert with_phrase == trust - private and with_phrase


def test_hyphenated_question_word_is_checked_as_adjacent_stems(seed_index: Path) -> None:
    """'re-trafficked' is a phrase of two stems; paragraphs with both apart do not count for it."""
    store = IndexStore(seed_index)
    hits = search(store, "re-trafficked", limit=None)
    assert hits and "re-trafficked" in hits[0].record["text"]


def test_sort_by_date_with_a_phrase_finds_the_same_paragraphs(seed_index: Path) -> None:
    store = IndexStore(seed_index)
    by_rank = {h.record["id"] for h in search(store, '"trust fund"', limit=None)}
    by_doc = [h.record["id"] for h in search(store, '"trust fund"', limit=None, sort="doc")]
    assert set(by_doc) == by_rank
    assert by_doc == sorted(by_doc, key=lambda pid: int(pid.rsplit("#", 1)[1]))


def test_filters_and_headings_are_applied(seed_index: Path) -> None:
    store = IndexStore(seed_index)
    hits = search(store, "courts victims", filters=Filters(speaker="bachelet"), limit=None)
    assert hits and all("Bachelet" in h.record["speaker"] for h in hits)
    assert all(h.record["kind"] != "heading" for h in search(store, "trafficking", limit=None))


def test_many_segments_and_deleted_documents_score_as_whoosh_does(tmp_path: Path, seed_index: Path) -> None:
    """Index generations are merged to one segment, but the ranker must not depend on it: on an
    index of several segments with deleted documents it sees what Whoosh's own search sees."""
    from untrack.query import BM25_B, BM25_K1, phrase_present
    from untrack.ranking import Ranker

    records = [r for r in IndexStore(seed_index).records()]
    ix = segmented_index(records, str(tmp_path), 20, slice(5, 50, 4))  # three segments
    from whoosh import scoring

    with ix.searcher(weighting=scoring.BM25F(B=BM25_B, K1=BM25_K1)) as s:
        assert len(s.leaf_searchers()) > 1 and s.reader().has_deletions()
        ranker = Ranker(s, BM25_B, BM25_K1, lambda d: s.stored_fields(d)["record"], phrase_present)
        for q in [wq.Term("text", "traffick"), wq.Or([wq.Term("text", "fund"), wq.Term("speaker", "bachelet")])]:
            want = {hit.docnum: hit.score for hit in s.search(q, limit=None)}
            assert same(dict(ranker.top(q, None)), want), q


def test_a_process_that_searches_again_sees_a_new_index_generation(tmp_path: Path) -> None:
    first, second = sorted(FIXTURES.glob("*.txt"))[:2]
    probe = IndexStore(tmp_path / "probe")
    probe.update([Source.of(first), Source.of(second)], rebuild=True)
    words = {
        d: set(re.findall(r"[a-z]{7,}", " ".join(r["text"].lower() for r in probe.records() if r["doc"] == d)))
        for d in (first.stem, second.stem)
    }
    word = sorted(words[second.stem] - words[first.stem])[0]

    store = IndexStore(tmp_path / "index")
    store.update([Source.of(first)], rebuild=True)
    assert search(store, word) == []  # this search opens the index and keeps it open
    store.update([Source.of(first), Source.of(second)])
    assert {h.record["doc"] for h in search(store, word)} == {second.stem}


def test_a_phrase_inside_a_query_kind_the_ranker_hands_to_whoosh_still_matches_as_written(seed_index: Path) -> None:
    """Query kinds the ranker does not score in bulk go through Whoosh's matcher; a quoted phrase
    inside one is checked the same way (paragraph text keeps no positions for Whoosh to use)."""
    from untrack.query import parse_query

    store = IndexStore(seed_index)
    o = opened(store)
    parsed = parse_query(o.index, '"trust fund"')  # Or(text phrase, speaker phrase, affiliation phrase)
    phrase = next(sub for sub in parsed.subqueries if type(sub).__name__ == "VerifiedPhrase")
    wrapped = {d for d, _ in o.ranker.top(wq.ConstantScoreQuery(phrase), None)}
    assert wrapped == {d for d, _ in o.ranker.top(phrase, None)} and wrapped


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.integers(0, 40), st.floats(0.01, 50), min_size=1, max_size=30),
    st.sets(st.integers(0, 40), max_size=8),
    st.floats(0, 0.5),
    st.floats(0, 0.5),
)
def test_paragraph_context_only_adds_and_never_crosses_a_release(
    raw: dict[int, float], starts: set[int], before: float, after: float
) -> None:
    from untrack.ranking import Context

    found = sorted(raw.items(), key=lambda t: (-t[1], t[0]))
    out = dict(Context(starts, before, after).rescore(found, raw))
    assert set(out) == set(raw)
    for d, score in raw.items():
        gained = out[d] - score
        assert gained >= -1e-9
        if d in starts:  # a release's headline stands alone
            assert gained == 0
        expect = 0.0
        if d not in starts:
            expect += before * raw.get(d - 1, 0.0) if d - 1 not in starts else 0.0
            expect += after * raw.get(d + 1, 0.0) if d + 1 not in starts else 0.0
        assert abs(gained - expect) < 1e-6
    ranked = Context(starts, 0.0, 0.0).rescore(found, raw)
    assert ranked == found  # no context: the order is the words' order


def test_a_paragraph_that_goes_on_from_the_one_before_is_found_by_its_topic(tmp_path: Path) -> None:
    """'By other terms of that resolution, …' names no topic; the paragraph before it does. Two such
    paragraphs, alike but for their neighbours: the one next to the topic asked about comes first."""
    texts = {
        "b.txt": "Assembly Adopts Texts\n\nThe Assembly adopted a resolution on fisheries subsidies and oceans.\n\n"
        "By other terms of that resolution, adopted by a recorded vote of 120 in favour to 2 against, the"
        " Assembly urged States to act.\n",
        "a.txt": "Assembly Adopts Texts\n\nThe Assembly adopted a resolution on migration and its governance.\n\n"
        "By other terms of that resolution, adopted by a recorded vote of 150 in favour to 3 against, the"
        " Assembly urged States to act.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = IndexStore(tmp_path / "ix")
    store.update([Source.of(tmp_path / name) for name in sorted(texts)], rebuild=True)
    hits = search(store, "recorded vote fisheries", limit=5)
    votes = [h.record["text"] for h in hits if "recorded vote" in h.record["text"]]
    assert "120 in favour" in votes[0]  # (without context, the tie would go to the first release indexed)


def test_a_chair_is_found_whatever_the_release_calls_the_office(tmp_path: Path) -> None:
    """Releases say Chair, Chairperson, Chairman or Chairwoman for one office; a question says any."""
    (tmp_path / "a.txt").write_text(
        "Committee Opens Session\n\nThe Committee elected Ahmed Example of Egypt as its new Chairperson this"
        " morning, and heard a report on its working methods.\n",
        encoding="utf-8",
    )
    store = IndexStore(tmp_path / "ix")
    store.update([Source.of(tmp_path / "a.txt")], rebuild=True)
    assert any("Chairperson" in h.record["text"] for h in search(store, "chair", limit=3))


def test_a_word_is_read_as_a_speakers_name_only_if_it_names_speakers_more_than_it_fills_paragraphs(
    tmp_path: Path,
) -> None:
    """ "rights" is in the name of a speaking organization, but it is an ordinary word of the text;
    "Bachelet" names a speaker. Only a name asks for that person's words."""
    from untrack.search import explain

    paras = [
        "The observer for the International Service for Human Rights said that defenders needed protection.",
        "Ms. BACHELET (Chile) said that women's rights were human rights and had to be defended everywhere.",
        *[f"Delegates discussed human rights {i}: the rights of children, migrants and minorities." for i in range(8)],
    ]
    (tmp_path / "a.txt").write_text("Council Debates Rights\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    store = IndexStore(tmp_path / "ix")
    store.update([Source.of(tmp_path / "a.txt")], rebuild=True)
    assert "that person's words" in explain(store, "what did bachelet say about women")
    assert "that person's words" not in explain(store, "what was said about human rights")


def test_a_body_filter_read_on_headlines_lets_through_what_the_paragraph_filter_does(tmp_path: Path) -> None:
    """--body is matched once per release (on its headline) and stands for the release's records;
    a release with no headline still starts a run of its own."""
    from untrack.query import build_filter
    from untrack.search import opened

    prose = "The members heard a long statement on the situation and adopted a text without a vote after debate."
    texts = {
        "a.txt": f"Security Council\n\nSC/1001\n\n3 April 2012\n\nCouncil Adopts Text\n\n{prose}\n\n{prose}\n",
        "b.txt": f"General Assembly\n\nGA/2002\n\n4 April 2012\n\n{prose}\n\n{prose}\n\n{prose}\n",
        "c.txt": f"Security Council\n\nSC/1003\n\n5 April 2012\n\nCouncil Meets Again\n\n{prose}\n",
        "d.txt": f"General Assembly\n\nGA/2004\n\n6 April 2012\n\nAssembly Elects Members\n\n{prose}\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = IndexStore(tmp_path / "ix")
    store.update([Source.of(tmp_path / name) for name in sorted(texts)], rebuild=True)
    o = opened(store)
    assert len(o.release_starts()) == len(texts)
    for body in ("Security Council", "general assembly", "Council"):
        by_paragraph = o.ranker.docs(build_filter(Filters(body=body)))
        assert o.allowed(Filters(body=body)) & set(range(o.searcher.doc_count())) == by_paragraph


@given(
    a=st.text(alphabet="abcdé", max_size=9),
    b=st.text(alphabet="abcdé", max_size=9),
    k=st.integers(min_value=0, max_value=3),
)
def test_fuzzy_terms_are_the_words_whoosh_counts_within_the_edits(a: str, b: str, k: int) -> None:
    """`word~` finds the same index words as Whoosh's own fuzzy expansion: within k insertions,
    deletions, substitutions or swaps of neighbours (its distance), only found faster."""
    from whoosh.support.levenshtein import distance

    from untrack.ranking import within_edits

    assert within_edits(a, b, k) == (distance(a, b) <= k)


@pytest.mark.parametrize("query", ["traficking~", "trafficing~2", "childen~", "bachelett~"])
def test_a_fuzzy_search_expands_to_the_terms_whoosh_would(seed_index: Path, query: str) -> None:
    """A misspelled word~ finds what it stands for in every field: the same words as Whoosh's own
    expansion."""
    from untrack.ranking import fuzzy_words

    store = IndexStore(seed_index)
    reader = opened(store).searcher.reader()
    word, _, dist = query.partition("~")
    for field in ("text", "speaker", "affiliation", "role"):
        q = wq.FuzzyTerm(field, word, maxdist=int(dist or 1))
        assert sorted(fuzzy_words(q, reader)) == sorted(q._btexts(reader))
    assert search(store, query, limit=5)
