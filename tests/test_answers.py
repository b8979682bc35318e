"""Questions whose form says what would answer them: a number, some countries, a speaker's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from untrack import answers
from untrack.index import IndexStore
from untrack.search import search
from untrack.sources import Source


@pytest.mark.parametrize(
    ("query", "kinds"),
    [
        ("how much did Australia give?", ["a sum of money"]),
        ("how much money do traffickers make", ["a sum of money"]),
        ("how long has IOM worked on trafficking", ["a length of time"]),
        ("How many victims are there", ["a number"]),
        ("what percentage of victims are women", ["a share"]),
        ("what share of victims end up in forced labour", ["a share"]),
        ("who organised the dialogue", ["who organised it"]),
        ("Which panelists were themselves survivors?", []),
        ("which countries pledged money to the trust fund", ["countries"]),
        ("What other delegations spoke", ["countries"]),
        ("who else took the floor", ["countries"]),
        ("who chaired the afternoon panel", ["who took part"]),
        ("who were the speakers on the first panel", ["who took part"]),
        ("co-chairs afternoon panel", ["who took part"]),
        ("which speakers appealed for donations", ["a speaker's words"]),
        ("what did the Cape Verde co-chair say", ["a speaker's words"]),
        ("what did the Secretary-General say about poverty", ["a speaker's words"]),
        ("according to Bachelet, why do courts fail", ["a speaker's words"]),
        ("who answered the question on the private sector", ["a reply"]),
        ("how did Swing respond to Luxembourg", ["a reply"]),
        ("who asked about demand", ["a question from the floor", "a speaker's words"]),
        ("Luxembourg question to the IOM chief", ["a question from the floor"]),
        ("summary of the 2012 General Assembly meeting on human trafficking", ["the release's summary"]),
        ("What was the recorded vote on the Kosovo draft?", ["how a vote went"]),
        ("which Council members abstained on the Libya resolution", ["how a vote went", "countries"]),
        # a Council's members are States; a treaty body's members are experts
        ("which permanent members vetoed the draft on Syria", ["countries"]),
        ("which members of the Committee raised concerns", []),
        ("Kosovo resolution 1244 vote abstentions", ["how a vote went"]),
        ("what did Iceland's delegate say about men and boys", ["that State's words", "a speaker's words"]),
        ("What did Kenya say at the Conference on Disarmament in 2020", ["that State's words", "a speaker's words"]),
        ("How did Russia’s envoy answer Ukraine's accusations", ["a reply", "that State's words"]),
        ("When did the Council extend the mission's mandate?", ["a date"]),
        ("on what dates did the Council visit the Congo", ["a date"]),
        ("When the Council met, what did the chair say about it", ["a speaker's words"]),
        ("trust fund donations", []),
        ("mobile courts", []),
    ],
)
def test_question_forms_ask_for_kinds_of_answer(query: str, kinds: list[str]) -> None:
    assert [p.name for p in answers.preferences(query) if p.name != answers.NOT_A_ROSTER] == kinds


def test_a_state_in_a_speakers_place_prefers_that_delegations_paragraphs() -> None:
    """The State a question makes the speaker ("Russia's envoy", "the representative of the United
    Kingdom") is named as the index names delegations; one it only mentions ("about Ukraine") is not."""
    assert answers.speaking_states("How did Russia’s envoy answer Ukraine's accusations?") == {"Russian Federation"}
    assert answers.speaking_states("What did the representative of the United Kingdom say?") == {"United Kingdom"}
    assert answers.speaking_states("What did the Secretary-General's envoy say about Ukraine?") == set()
    # a delegation votes, abstains and objects in its statements: "why did X vote against …?" asks for them
    assert answers.speaking_states("Why did the United States vote against the resolution?") == {"United States"}
    assert answers.speaking_states("Why did France object to the meeting?") == {"France"}
    (pref,) = [
        p for p in answers.preferences("How did Russia's envoy answer Ukraine?") if p.name == "that State's words"
    ]
    assert pref.factor({"speaker": "Russian Federation", "affiliation": "Russian Federation", "text": ""}) > 1
    assert pref.factor({"speaker": "Ukraine", "affiliation": "Ukraine", "text": ""}) == 1


def test_states_are_counted_once_each_and_only_as_whole_names() -> None:
    assert answers.names_states("the Russian Federation ($30,000) and Luxembourg ($40,000); Luxembourg again") == 2
    assert answers.names_states("Guinea-Bissau and Niger") == 2  # not also Guinea, not Nigeria
    assert answers.names_states("the Nigerian delegation") == 0


def test_amounts_figures_and_percentages_count_as_numbers_but_years_do_not() -> None:
    assert answers.states_quantity("an initial grant of $200,000")
    assert answers.states_quantity("an estimated 2.4 million people")
    assert answers.states_quantity("27 per cent of victims")
    assert not answers.states_quantity("the 2010 Global Plan of Action")


def test_which_countries_puts_a_paragraph_naming_donor_countries_first(seed_index: Path) -> None:
    hits = search(IndexStore(seed_index), "which countries donated money to the trust fund", limit=3)
    assert answers.names_states(hits[0].record["text"]) >= 2
    assert "donations" in hits[0].record["text"]


def test_what_did_a_role_say_puts_that_speakers_own_words_first(seed_index: Path) -> None:
    hits = search(IndexStore(seed_index), "what did the Manpower executive say", limit=3)
    assert hits[0].record["speaker"] == "David Arkless"


@pytest.mark.parametrize(
    ("query", "speaker"),
    [
        ("what did the Ukrainian representative say", "Ukraine"),
        ("Japanese statement", "Japan"),
        ("Thai delegation on victims", "Thailand"),
        # A capital stands for its Government, as the press writes.
        ("Bangkok delegation on victims", "Thailand"),
        ("what did Bangkok's envoy say about victims", "Thailand"),
    ],
)
def test_a_demonym_or_a_capital_finds_that_states_delegation(seed_index: Path, query: str, speaker: str) -> None:
    hits = search(IndexStore(seed_index), query, limit=1)
    assert hits[0].record["speaker"] == speaker


def test_multi_word_demonyms_and_plain_words_are_not_confused() -> None:
    from untrack.lexicon import DEMONYMS

    assert DEMONYMS["south african"] == "South Africa"
    assert DEMONYMS["greek"] == "Greece"
    assert (DEMONYMS["north korean"], DEMONYMS["south korean"]) == (
        "Democratic People's Republic of Korea",
        "Republic of Korea",
    )
    assert "south" not in DEMONYMS and "african" not in DEMONYMS


def test_capitals_that_are_everyday_words_or_spelt_like_their_state_are_left_out() -> None:
    from untrack.lexicon import CAPITALS

    assert CAPITALS["new delhi"] == CAPITALS["delhi"] == "India"
    assert not {"male", "victoria", "kuwait", "singapore", "new"} & CAPITALS.keys()


def test_a_question_about_a_vote_puts_the_paragraph_reporting_it_first(tmp_path: Path) -> None:
    """The genre reports a vote in a fixed formula; a question about the vote wants that paragraph,
    not the one that says what the text would do (indexed first, so it wins a tie of words)."""
    (tmp_path / "a.txt").write_text(
        "Committee Approves Draft on Kosovo\n\nThe Committee approved a draft on Kosovo, by which the Assembly"
        " would urge dialogue between the parties and an end to the violence.\n\nThe text was approved by a"
        " recorded vote of 120 in favour to 3 against, with 40 abstentions, after a debate.\n",
        encoding="utf-8",
    )
    store = IndexStore(tmp_path / "ix")
    store.update([Source.of(tmp_path / "a.txt")], rebuild=True)
    hits = search(store, "What was the vote on the Kosovo draft?", limit=2)
    assert "in favour" in hits[0].record["text"]
