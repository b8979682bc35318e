"""Reading a question the way a person means it: acronyms, words run together, the other words
people use, titles, the part of a meeting a question names, and who a list of names is not."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from untrack import answers, expansion
from untrack.index import IndexStore
from untrack.search import search
from untrack.sources import Source, load

REAL = Path(__file__).parent / "fixtures" / "real"


def top(seed_index: Path, query: str, n: int = 1) -> list[dict]:
    return [h.record for h in search(IndexStore(seed_index), query, limit=n)]


def _other_meetings(folder: Path, n: int = 12) -> None:
    """Dated Security Council releases on another topic, so that a year or a body's words are as
    rare as in a real index."""
    for k in range(n):
        (folder / f"other{k}.txt").write_text(
            f"Security Council\n\n{k + 1} March {1995 + k}\n\nCouncil Meets\n\n"
            "The Council heard a briefing on peacekeeping.\n",
            encoding="utf-8",
        )


def _indexed(folder: Path) -> IndexStore:
    store = IndexStore(folder / "ix")
    store.update([Source.of(p) for p in sorted(folder.glob("*.txt"))], rebuild=True)
    return store


def _undated_among_others(folder: Path, texts: list[str]) -> IndexStore:
    """These releases (printing no date) indexed among dated ones on another topic."""
    for k, text in enumerate(texts):
        (folder / f"r{k}.txt").write_text(text, encoding="utf-8")
    _other_meetings(folder)
    return _indexed(folder)


def test_an_acronym_finds_the_body_spelled_out(seed_index: Path) -> None:
    # The release never writes "ECOSOC": a delegate spoke for "the President of the Economic and Social Council".
    first = top(seed_index, "who spoke for the president of ECOSOC")[0]
    assert first["speaker"] == "Deara Percaya"


def test_a_spelled_out_name_finds_its_acronym(seed_index: Path) -> None:
    hits = top(seed_index, "Office on Drugs and Crime official donation", 3)
    assert any("A UNODC official" in r["text"] for r in hits)


def test_a_word_run_together_finds_the_hyphenated_form(seed_index: Path) -> None:
    hits = search(IndexStore(seed_index), "policymaking", limit=3)
    assert hits and "policy-making" in hits[0].record["text"]


def test_synonyms_apply_to_every_inflection_and_to_words_in_either_order() -> None:
    def alternatives(*words: str) -> list[str]:
        from untrack.index import analyzers

        stems = [tuple(t.text for t in analyzers().text(w)) for w in words]
        return [alt for alt, _ in expansion.alternatives(stems)[0]]

    assert "sector" in alternatives("industries") and "sector" in alternatives("industry")
    assert "earn" in alternatives("money", "traffickers", "make")  # "how much money do traffickers make"
    assert "Economic and Social Council" in alternatives("ecosoc")
    assert "ecosoc" in alternatives("economic", "social", "council")
    # The two Koreas as people name them, and as the UN lists them.
    assert "democratic people's republic of korea" in alternatives("north", "korea")
    assert "Democratic People's Republic of Korea" in alternatives("dprk")


@given(
    st.lists(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8), max_size=2), max_size=8)
)
def test_every_word_gets_a_list_of_alternatives(stems: list[list[str]]) -> None:
    out = expansion.alternatives([tuple(s) for s in stems])
    assert len(out) == len(stems)
    assert all(isinstance(alt, str) and isinstance(exact, bool) for alts in out for alt, exact in alts)


def test_a_title_given_once_goes_with_every_paragraph_of_that_speaker(seed_index: Path) -> None:
    recs = {r["n"]: r for r in IndexStore(seed_index).records()}
    assert (recs[5]["affiliation"], recs[5]["role"]) == ("Qatar", "General Assembly President")
    assert recs[60]["role"] == recs[61]["role"] == "General Assembly President"
    assert recs[6]["role"] == "on behalf of the President of the Economic and Social Council"
    assert recs[3]["role"] is None  # "Secretary-General" is already the affiliation


def test_speaking_on_behalf_of_a_group_is_a_role() -> None:
    doc, _, _ = load(Source.of(REAL / "socdev_2018_opening.txt"))
    roles = {r["speaker"]: r["role"] for r in doc.records() if r.get("role")}
    assert roles["Viet Nam"] == "on behalf of the Association of Southeast Asian Nations (ASEAN)"


def test_a_title_finds_the_speaker_whose_paragraphs_do_not_repeat_it(seed_index: Path) -> None:
    hits = top(seed_index, "General Assembly President closing remarks", 2)
    assert {r["n"] for r in hits} == {60, 61}


def test_how_much_money_wants_a_sum_of_money(seed_index: Path) -> None:
    first = top(seed_index, "how much did Australia pledge")[0]
    assert "$200,000" in first["text"]


def test_who_chaired_a_panel_named_by_its_topic_gets_that_panels_roster(seed_index: Path) -> None:
    first = top(seed_index, "who chaired the panel on protecting victims")[0]
    assert first["text"].startswith("Co-chaired by") and first["section"].startswith("Protecting")
    first = top(seed_index, "who chaired the panel on assistance to victims")[0]
    assert first["text"].startswith("Co-chaired by") and first["section"].startswith("Assistance")


def test_a_question_about_a_person_prefers_their_words_to_the_list_that_names_them(seed_index: Path) -> None:
    hits = top(seed_index, "What happened to Rani Jong as a child?", 2)
    assert all(r["speaker"] == "Rani Jong" for r in hits)


def test_a_part_of_a_meeting_is_named_by_its_headings_own_words() -> None:
    heads = [
        answers.Heading("d", "Protecting the Victims of Trafficking", frozenset({"protecting"})),
        answers.Heading("d", "Assistance to Victims of Trafficking", frozenset({"assistance"})),
    ]
    assert answers.named_sections("the panel on protecting victims", heads) == {("d", heads[0].text)}
    assert answers.named_sections("protecting victims", heads) == set()  # a topic, not a part of the meeting
    assert answers.named_sections("the panel on victims", heads) == set()  # both headings say it


def test_the_first_panel_is_the_panel_in_that_place_and_the_time_of_day_is_no_order() -> None:
    heads = [
        answers.Heading("d", "Protecting the Victims of Trafficking", frozenset({"protecting"})),
        answers.Heading("d", "Assistance to Victims of Trafficking", frozenset({"assistance"})),
        answers.Heading("d", "Closing Remarks", frozenset({"closing", "remark"})),
    ]
    assert answers.named_sections("who spoke in the first panel discussion", heads) == {("d", heads[0].text)}
    assert answers.named_sections("the second panel", heads) == {("d", heads[1].text)}
    assert answers.named_sections("the third panel", heads) == set()  # closing remarks are no panel
    # A meeting may hold two panels in its morning, or none: "afternoon" names no place in the order.
    assert answers.named_sections("co-chairs of the afternoon panel", heads) == set()
    assert answers.named_sections("which delegations asked questions in the afternoon", heads) == set()


def test_how_much_of_something_is_no_question_about_money() -> None:
    kinds = lambda q: [p.name for p in answers.preferences(q)]  # noqa: E731
    assert "a sum of money" not in kinds("how much progress has been made on gender equality")
    assert "a sum of money" not in kinds("how much time did delegations get")
    assert "a sum of money" in kinds("how much money do traffickers make")
    assert "a sum of money" in kinds("how much did Australia give to the fund")


def test_how_long_wants_a_length_of_time(seed_index: Path) -> None:
    first = top(seed_index, "how long has IOM worked on trafficking")[0]
    assert "20 years ago" in first["text"]


def test_who_answered_wants_a_reply_not_a_paragraph_about_answers(seed_index: Path) -> None:
    # "an answer to a simple question" (Swing's opening) is about answers; the reply is what is wanted.
    hits = top(seed_index, "who answered the question on getting the private sector involved", 3)
    assert not any("answer to a simple question" in r["text"] for r in hits)


def test_who_asked_wants_a_question_from_the_floor(seed_index: Path) -> None:
    first = top(seed_index, "Luxembourg question to the IOM chief")[0]
    assert first["speaker"] == "Luxembourg" and answers.asks(first["text"])


def test_american_and_ise_spellings_find_the_uns(seed_index: Path) -> None:
    from untrack.lexicon import SPELLINGS

    assert SPELLINGS["programs"] == "programmes" and SPELLINGS["organisation"] == "organization"
    assert SPELLINGS["centers"] == "centres" and SPELLINGS["criticising"] == "criticizing"
    first = top(seed_index, "anti-trafficking programs of multinational companies")[0]
    assert "programmes" in first["text"]
    assert any("criticize" in r["text"] for r in top(seed_index, "did the fund criticise business", 3))


def test_what_share_wants_a_percentage(seed_index: Path) -> None:
    first = top(seed_index, "what share of trafficking victims end up in forced labour")[0]
    assert "17 per cent" in first["text"]


def test_who_organised_wants_the_paragraph_that_says_so(seed_index: Path) -> None:
    first = top(seed_index, "who organised the General Assembly dialogue on trafficking")[0]
    assert "organized with the Group of Friends" in first["text"]


def test_a_summary_of_the_meeting_is_the_releases_opening(seed_index: Path) -> None:
    first = top(seed_index, "summary of the 2012 General Assembly meeting on human trafficking")[0]
    assert first["n"] <= 2


def test_who_were_the_speakers_lists_them_rather_than_mentioning_speakers(seed_index: Path) -> None:
    first = top(seed_index, "who were the speakers on the assistance to victims panel")[0]
    assert first["text"].startswith("Co-chaired by") and first["section"].startswith("Assistance")


def test_a_year_or_month_the_question_names_puts_that_meetings_paragraphs_first(tmp_path: Path) -> None:
    """People name a meeting's year (and month) to say which one they mean."""
    from untrack.index import IndexStore
    from untrack.search import search
    from untrack.sources import Source

    months = ["March"] * 30 + ["August"]
    years = list(range(1995, 2025)) + [2005]
    files = []
    for k, (month, year) in enumerate(zip(months, years, strict=True)):
        path = tmp_path / "releases" / f"r{k:02d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(
            f"General Assembly\n\n1 {month} {year}\n\nAssembly Hears Delegates, Meeting {k}\n\n"
            f"The representative of Chile said that ocean acidification deserved the attention of all States.\n",
            encoding="utf-8",
        )
        files.append(path)
    store = IndexStore(tmp_path / "ix")
    store.update([Source.of(f) for f in files], rebuild=True)

    def dates(q: str) -> list[str]:
        return [h.record["date"][:7] for h in search(store, q, limit=3)]

    assert dates("what did Chile say about ocean acidification in 2011")[0] == "2011-03"
    assert sorted(dates("Chile ocean acidification 2005")[:2]) == ["2005-03", "2005-08"]
    assert dates("what did Chile say about ocean acidification in August 2005")[0] == "2005-08"
    assert dates("what did Chile say about ocean acidification in March 2005")[0] == "2005-03"


def test_a_release_of_no_known_year_outranks_one_of_another_year(tmp_path: Path) -> None:
    """A question's year may be an undated release's; it is certainly not another year's. (Below
    the release of that very year, which says so.)"""
    from untrack.search import search

    said = "The representative of Chile said that ocean acidification deserved the attention of all States.\n"
    (tmp_path / "dated.txt").write_text(f"General Assembly\n\n3 March 2004\n\nDelegates Heard\n\n{said}")
    (tmp_path / "undated.txt").write_text(f"Delegates Heard\n\n{said}")
    (tmp_path / "same.txt").write_text(f"General Assembly\n\n3 March 2011\n\nDelegates Heard\n\n{said}")
    _other_meetings(tmp_path)
    store = _indexed(tmp_path)
    docs = [h.record["doc"] for h in search(store, "what did Chile say about ocean acidification in 2011", limit=3)]
    assert docs == ["same", "undated", "dated"]
    docs = [h.record["doc"] for h in search(store, "what did Chile say about ocean acidification in 2019", limit=3)]
    assert docs[0] == "undated"


def test_a_year_finds_an_undated_general_assembly_release_by_its_session(tmp_path: Path) -> None:
    """A page copy without a date still prints "Seventy-seventh Session": September 2022 to 2023."""
    from untrack.index import IndexStore
    from untrack.search import search
    from untrack.sessions import session_years
    from untrack.sources import Source

    units = ["", "-first", "-second", "-third", "-fourth", "-fifth", "-sixth", "-seventh", "-eighth", "-ninth"]
    sessions = [
        (tens + unit) if unit else tens[:-1] + "ieth"
        for tens in ("Fifty", "Sixty", "Seventy")
        for unit in units  # "Fiftieth", "Fifty-first", … "Seventy-ninth": 1995 to 2025
    ]
    files = []
    for k, session in enumerate(sessions):
        path = tmp_path / f"r{k}.txt"
        path.write_text(
            f"{session} Session,\n\n12th Meeting (AM)\n\nGA/DIS/{3000 + k}\n\nFirst Committee Hears Delegates\n\n"
            "The representative of Chile said that ocean acidification deserved the attention of all States.\n",
            encoding="utf-8",
        )
        files.append(path)
    store = IndexStore(tmp_path / "ix")
    store.update([Source.of(f) for f in files], rebuild=True)

    def years_of_first(q: str) -> set[int]:
        k = sessions.index(search(store, q, limit=1)[0].record["meeting"][0].split()[0])
        return {1995 + k, 1996 + k}  # the fiftieth session opened in September 1995

    for year in (1995, 2005, 2022, 2024):
        assert year in years_of_first(f"what did Chile say about ocean acidification in {year}")
    assert 2023 in years_of_first("Chile ocean acidification 2023")
    assert session_years(["Seventy-seventh Session"], "GA/DIS/3700") == ["2022", "2023"]
    assert session_years(["2023 Session"], "E/2023/SR.10") == ["2023"]
    assert session_years(["Sixtieth General Assembly", "Plenary"], None) == ["2005", "2006"]
    # A commission counts its sessions from its own year; a body it does not know is no guess.
    assert session_years(["Sixty-seventh Session"], "WOM/2222", "Commission on the Status of Women") == ["2023"]
    assert session_years(["Sixty-seventh Session"], "WOM/2222") == []
    assert session_years(["Twelfth Session"], "ENV/DEV/1", "United Nations Forum on Forests") == []


def test_a_year_finds_an_undated_release_by_the_session_its_lede_names(tmp_path: Path) -> None:
    """A commission with yearly sessions: the Commission for Social Development's thirty-ninth
    session met in 2001 (1962 + 39), its forty-fifth in 2007."""
    from untrack.search import search
    from untrack.sessions import lede_years

    store = _undated_among_others(
        tmp_path,
        [
            f"Social Protection Debated\n\nAt the opening this morning of the {words} session of the Commission"
            " for Social Development, the Chair said that social protection mattered more than ever.\n"
            for words in ["thirty-ninth", "forty-fifth", "fifty-first"]
        ],
    )
    for year, words in (("2001", "thirty-ninth"), ("2007", "forty-fifth"), ("2013", "fifty-first")):
        assert (
            words
            in search(store, f"what did the Chair say about social protection in {year}", limit=1)[0].record["text"]
        )
    assert lede_years(["COMMITTEE OPENS TWENTY-SECOND SESSION"], "Permanent Forum on Indigenous Issues") == ["2023"]
    assert lede_years(["The Sixth Committee concluded its seventy-sixth session."], "Sixth Committee") == [
        "2021",
        "2022",
    ]
    assert lede_years(["Concluding its 2023 resumed session today, the Committee approved its report."], None) == [
        "2023"
    ]
    council = "The Security Council today, unanimously adopting resolution 2216 (2015), demanded that all parties"
    assert lede_years([council + " end the fighting."], "Security Council") == ["2015"]
    assert lede_years(["The Council, recalling resolution 1325 (2000), heard briefings."], "Security Council") == []
    # Sessions that are not yearly, or a number read against the wrong body, name no year.
    assert lede_years(["The Committee against Torture opened its fortieth session."], "Committee against Torture") == []
    assert lede_years(["CEDAW closes nineteenth session"], "Commission on the Status of Women") == []


def test_a_year_finds_an_undated_release_by_the_documents_it_cites(tmp_path: Path) -> None:
    """A release that prints no date but cites its meeting's papers: "(document S/2015/617)" was issued
    in 2015; "A/80/534" is a paper of the Assembly's eightieth session (September 2025 to 2026)."""
    from untrack.search import search
    from untrack.sessions import symbol_years

    cites = {"2015": "(document S/2015/617)", "2025": "(document A/80/534)", "2019": "(document A/73/10)"}
    store = _undated_among_others(
        tmp_path,
        [
            f"Report Introduced\n\nIntroducing the report {cited}, the Rapporteur said that working methods"
            " had been streamlined.\n"
            for cited in cites.values()
        ],
    )
    for year, cited in cites.items():
        top = search(store, f"what did the Rapporteur say about working methods in {year}", limit=1)[0]
        assert cited in top.record["text"]
    assert symbol_years(["see S/2006/507 and S/2008/123", "E/CN.6/2023/3"]) == ["2023"]
    assert symbol_years(["the draft A/C.1/78/L.5"]) == ["2023", "2024"]
    assert symbol_years(["resolution 1325 (2000)", "A/19/1"]) == []  # no symbol, or a session before 1995


def test_every_ordinal_from_first_to_ninety_ninth_is_read_once() -> None:
    from untrack.ordinals import ORDINALS, in_words, ordinal

    assert sorted(ORDINALS.values()) == list(range(1, 100))
    assert all(ordinal(in_words(n) or "") == n for n in range(1, 100))
    assert (ordinal("Seventy-Seventh"), ordinal("twelfth"), ordinal("Fiftieth"), ordinal("tenth")) == (77, 12, 50, 10)
    assert ordinal("Seventy") is None and ordinal("session") is None


def test_an_ordinal_in_figures_finds_the_session_written_in_words(tmp_path: Path) -> None:
    """People type "51st session"; releases write "fifty-first session"."""
    from untrack.index import IndexStore
    from untrack.search import search
    from untrack.sources import Source

    for k, words in enumerate(["fiftieth", "fifty-first", "fifty-second"]):
        (tmp_path / f"r{k}.txt").write_text(
            f"Committee Opens Session\n\nThe Committee opened its {words} session today in Geneva with a long"
            " agenda of reports from States parties.\n",
            encoding="utf-8",
        )
    store = IndexStore(tmp_path / "ix")
    store.update([Source.of(p) for p in sorted(tmp_path.glob("r*.txt"))], rebuild=True)
    assert "fifty-first" in search(store, "Committee 51st session", limit=1)[0].record["text"]


@given(st.lists(st.text(max_size=40), max_size=3), st.one_of(st.none(), st.sampled_from(["GA/", "GA/AB/", "WOM/"])))
def test_a_meeting_line_names_at_most_two_years_and_never_fails(lines: list[str], symbol: str | None) -> None:
    from untrack.sessions import session_years

    years = session_years(lines, symbol)
    assert len(years) <= 2 and all(y.isdigit() and len(y) == 4 for y in years)
    assert len(years) < 2 or int(years[1]) == int(years[0]) + 1


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["UNODC", "trafficking", "Bachelet", "forced labour", "Interpol"]), st.booleans())
def test_a_parenthesis_or_a_colon_in_a_question_is_punctuation(seed_index: Path, aside: str, colon: bool) -> None:
    """ "The Falklands (Malvinas) resolution", "Sixth Committee 1998: a delegation argued …": people
    write both in questions; read as query syntax, the closing "for?" became a wildcard and the
    group an AND. The question ranks as its words do."""
    from untrack.index import IndexStore
    from untrack.query import is_plain
    from untrack.search import search

    store = IndexStore(seed_index)
    lead = "General Assembly 2012: " if colon else "General Assembly 2012 "
    question = f"{lead}what did the speaker ({aside}) say about victims of trafficking and who spoke for?"
    words = question.replace("(", " ").replace(")", " ").replace(":", " ")
    assert is_plain(question)
    ids = [h.record["id"] for h in search(store, question, limit=5)]
    assert ids and ids == [h.record["id"] for h in search(store, words, limit=5)]
    assert not is_plain("(trafficking OR smuggling) AND victims") and not is_plain("speaker:bachelet")


def test_a_question_naming_the_body_that_met_prefers_its_releases(tmp_path: Path) -> None:
    """The same words in two releases: the one whose body the question names ("the torture
    committee") comes first, though neither its headline nor its paragraph says "torture"."""
    from untrack.search import search

    paragraph = "The Committee heard a report on conditions of detention in prisons and police stations.\n"
    for name, body in (("cat", "Committee against Torture"), ("hrc", "Human Rights Council")):
        (tmp_path / f"{name}.txt").write_text(
            f"{body}\n\n12 May 2015\n\nCommittee Meets\n\n{paragraph}", encoding="utf-8"
        )
    _other_meetings(tmp_path)
    store = _indexed(tmp_path)
    top = search(store, "what did the torture committee hear about prison conditions", limit=1)[0]
    assert top.record["body"] == "Committee against Torture"
    top = search(store, "what did the human rights council hear about prison conditions", limit=1)[0]
    assert top.record["body"] == "Human Rights Council"
