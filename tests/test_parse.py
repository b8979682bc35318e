"""Parsing a release into metadata and numbered body paragraphs."""

from __future__ import annotations

from untrack.parse import build_document, parse_date, split_blocks


def seed_doc(seed_text: str):
    return build_document("seed", split_blocks(seed_text))


def test_metadata_of_the_seed(seed_text: str) -> None:
    doc = seed_doc(seed_text)
    assert doc.title == (
        "Citing ‘Abject Poverty’, Secretary-General Urges Social Protections for Most Vulnerable, "
        "in Remarks to General Assembly Dialogue on Human Trafficking"
    )
    assert doc.date == "2012-04-03"
    assert doc.body == "General Assembly"
    assert doc.meeting == ["Sixty-sixth General Assembly", "Interactive Thematic Debate", "AM & PM Meetings"]
    assert doc.subtitles == [
        "Voluntary Trust Fund Needs Strong, Continued Support, Assembly President Says as Participants "
        "Hear from Experts, Former Victims"
    ]


def test_header_and_boilerplate_are_not_paragraphs(seed_text: str) -> None:
    texts = [p.text for p in seed_doc(seed_text).paragraphs]
    assert texts[0].startswith("Top United Nations officials pressed Governments")
    assert texts[-1].startswith("“We must ensure that women have a leading role")
    joined = "\n".join(texts)
    for boiler in ("For information media", "* *** *", "Department of Public Information", "AM & PM Meetings"):
        assert boiler not in joined


def test_paragraphs_numbered_once_in_order_with_whitespace_normalised(seed_text: str) -> None:
    paras = seed_doc(seed_text).paragraphs
    assert [p.n for p in paras] == list(range(1, len(paras) + 1))
    assert len(paras) == 61 and sum(p.kind == "paragraph" for p in paras) == 58
    assert len({p.text for p in paras}) == len(paras)
    for p in paras:
        assert "\u00a0" not in p.text and "  " not in p.text and p.text == p.text.strip()
    # Text is otherwise untouched: punctuation and quotes as published.
    assert paras[15].text.startswith("Mr. BASSIOUNI said: “There is no human rights subject")


def test_sections_follow_headings_and_headings_are_records_of_their_own_kind(seed_text: str) -> None:
    paras = seed_doc(seed_text).paragraphs
    assert paras[0].section is None
    heading = paras[10]
    assert heading.kind == "heading" and heading.text == heading.section
    assert heading.text == "Protecting the Victims of Trafficking: Partnerships and Innovation"
    assert paras[12].section == heading.text and paras[12].kind == "paragraph"
    assert [p.text for p in paras if p.kind == "heading"][-1] == "Closing Remarks"
    assert paras[-1].section == "Closing Remarks"


def test_dates_in_both_orders() -> None:
    assert parse_date("3 April 2012") == "2012-04-03"
    assert parse_date("Thursday, April 3, 2012") == "2012-04-03"
    assert parse_date("31 February 2012") is None
    # In figures, as UN pages of the 2000s print a date line: day first, unless that cannot be.
    assert parse_date("03/05/2005") == "2005-05-03"
    assert parse_date("04/19/2001") == "2001-04-19"
    assert parse_date("14/10/02") == "2002-10-14"  # two figures: this century, or the 1990s from 95
    assert parse_date("13/11/96") == "1996-11-13"
    assert parse_date("14/10/2") is None
    assert parse_date("resolution 03/05/2005 of the Council") is None


def test_title_broken_across_blocks_is_joined() -> None:
    text = (
        "Security Council\n\nSC/99999\n\n12 May 2020\n\nCouncil Extends Mission in the Region for\n\n"
        "Another Year, Unanimously\n\n"
        "The Security Council today extended the mandate of the Mission for another year, adopting a "
        "resolution unanimously after a debate in which members spoke about the situation on the ground.\n"
    )
    doc = build_document("t", split_blocks(text))
    assert doc.title == "Council Extends Mission in the Region for Another Year, Unanimously"
    assert doc.symbol == "SC/99999" and doc.body == "Security Council" and doc.date == "2020-05-12"
    assert len(doc.paragraphs) == 1


def test_header_furniture_meeting_lines_and_glued_symbols() -> None:
    text = (
        "In progress at UNHQ\n\nSkip to main content\n\nFifty-eighth Session, 4th & 5th Meetings (AM & PM)\n\n"
        "10 October 2008\nGeneral AssemblyGA/SPD/400\n\nFourth Committee\n\n"
        "DELEGATES URGE MOMENTUM IN NEGOTIATIONS,\n\nAS FOURTH COMMITTEE CONCLUDES DEBATE\n\n"
        "Morocco Proffers Autonomy Proposal as ‘Real Opportunity’ to End Deadlock;\n\n"
        "The Fourth Committee concluded its general debate on decolonization issues today as delegates called"
        " for the momentum created by the negotiation process to be preserved.\n"
    )
    doc = build_document("t", split_blocks(text))
    assert doc.title == "DELEGATES URGE MOMENTUM IN NEGOTIATIONS, AS FOURTH COMMITTEE CONCLUDES DEBATE"
    assert doc.meeting == ["Fifty-eighth Session, 4th & 5th Meetings (AM & PM)"]
    assert (doc.symbol, doc.body, doc.date) == ("GA/SPD/400", "Fourth Committee", "2008-10-10")
    assert doc.subtitles == ["Morocco Proffers Autonomy Proposal as ‘Real Opportunity’ to End Deadlock;"]
    assert [p.text[:20] for p in doc.paragraphs] == ["The Fourth Committee"]


def test_body_comes_from_header_lines_not_from_headlines() -> None:
    text = (
        "Seventy-eighth Session,\n45th Meeting (AM)\nGA/12570\n\n"
        "General Assembly Takes Up Draft Texts from Fourth and Sixth Committees\n\n"
        "The General Assembly today adopted several draft resolutions recommended by its Main Committees,"
        " by recorded votes and without a vote.\n"
    )
    assert build_document("t", split_blocks(text)).body == "General Assembly"


def test_a_release_without_a_body_line_takes_the_body_its_lede_says_met() -> None:
    """Page copies without a header (UN Geneva's, most of all) name their body only in the lede;
    a body the lede names as its topic, its organ or a draft's subject is not the one that met."""

    def body(lede: str, header: str = "Committee Opens Session") -> str | None:
        return build_document("t", split_blocks(f"{header}\n\n{lede} It heard statements from experts.\n")).body

    assert (
        body("The Committee against Torture this morning opened its fortieth session.") == "Committee against Torture"
    )
    assert body("GENEVA (4 May) - The Human Rights Council held a debate on water.") == "Human Rights Council"
    assert body("The Committee on Elimination of Racial Discrimination began its session.") == (
        "Committee on the Elimination of Racial Discrimination"
    )
    assert body("Reform of the Security Council was overdue, the General Assembly heard today.") == "General Assembly"
    assert (
        body(
            "Acting on the recommendations of its Second Committee (Economic and Financial) and Third Committee"
            " (Social, Humanitarian and Cultural), the General Assembly adopted 40 texts."
        )
        == "General Assembly"
    )
    assert body("Meeting concurrently with the Security Council, the General Assembly today elected judges.") == (
        "General Assembly"
    )
    assert body("The General Assembly would urge States to ratify the Convention, under a draft.") is None
    # A body's own session is its meeting at the lede's start or as where things happen, not as a topic.
    assert body("The Disarmament Commission’s 2023 substantive session began today.") == "Disarmament Commission"
    assert body("During the debate in the General Assembly’s special session on AIDS, delegates spoke.") == (
        "General Assembly"
    )
    assert body("The agenda for the General Assembly's special session was approved by the Commission.") is None
    # An officer's body gives way to the body the officer addressed; it is the meeting's when alone.
    assert (
        body("Crises raged, General Assembly President Jane Roe told the First Committee today.") == "First Committee"
    )
    assert body("Security Council President Jane Roe read out a statement to the press.") == "Security Council"
    # A header's parent organ gives way to the subsidiary body the lede says met.
    assert body(
        "The Special Committee on Peacekeeping Operations opened its session.", "General Assembly\n\nGA/PK/1"
    ) == ("Special Committee on Peacekeeping Operations")
    # A body's name broken over two header blocks is still the header's (WOM/ is CSW's and CEDAW's).
    broken = (
        "Committee Concludes Its Work in New York\n\n10 July 1998\n\nCommittee on Elimination of\n\n"
        "Discrimination against Women\n\nNineteenth Session\n\n403rd Meeting (PM)\n\nWOM/1073"
    )
    assert body("States parties were urged to comply with the Convention.", broken) == (
        "Committee on the Elimination of Discrimination against Women"
    )


def test_a_release_without_a_date_line_is_dated_by_its_dateline_or_compact_date() -> None:
    def date_of(text: str) -> str | None:
        return build_document("t", split_blocks(text)).date

    body = " The Council met this morning and heard a long briefing on the situation in the region."
    assert date_of("COUNCIL MEETS\n\nGENEVA (14 March 2018) -" + body) == "2018-03-14"
    assert date_of("COUNCIL MEETS\n\nVienna, 9 March 2015 -" + body) == "2015-03-09"
    assert date_of("COUNCIL MEETS\n\n19990623The Council met." + body) == "1999-06-23"
    assert date_of("COUNCIL MEETS — 19971120 Texts Adopted\n\nThe Council met." + body) == "1997-11-20"
    # A date the text mentions is about something else; a number is not a date.
    assert date_of("COUNCIL MEETS\n\nThe Council recalled its resolution of 3 April 2001." + body) is None
    assert date_of("COUNCIL MEETS\n\nThe Council approved 20001399 dollars." + body) is None


def test_an_information_service_release_keeps_its_header_out_of_the_body() -> None:
    text = (
        "For information only - not an official document.\n\nPress Release No:   UNIS/NAR/683\n\n"
        "Release Date:   17 March 2000\n\nStronger Role for Women in Peace Processes\n\n"
        "Is Called for in Day-long Council Debate\n\n"
        "VIENNA, 15 March (UN Information Service) -- Governments agreed to intensify efforts in implementing"
        " effective strategies against illicit drugs.\n"
    )
    doc = build_document("t", split_blocks(text))
    assert (doc.symbol, doc.date) == ("UNIS/NAR/683", "2000-03-17")
    assert doc.title == "Stronger Role for Women in Peace Processes Is Called for in Day-long Council Debate"
    assert [p.text[:6] for p in doc.paragraphs] == ["VIENNA"]
