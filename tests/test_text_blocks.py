"""The text route's blocks and their layout on small made-up inputs: each rule pinned inside and outside its bounds."""

from __future__ import annotations

import pytest
from paper2myst.diagnostics import Kind
from paper2myst.model import Block, BlockKind, Caption, Document, Equation, Paragraph, Span
from paper2myst.pipeline import convert
from paper2myst.stages.blocks import classify, emphasised_heading, looks_like_heading, split_blocks
from paper2myst.stages.captions import PROSE_WORDS
from paper2myst.stages.layout import address_goes_on, entry_text, flatten, join_cut


def kind(text: str) -> BlockKind:
    return classify(text, Span((1,)))[0].kind


@pytest.mark.parametrize(
    "text",
    [
        "H.R. 1119",  # a bill's number: the dots are an abbreviation's
        "S. 3760/H.R. 7306",
        "U.S. Methane Emissions and Sources",
        "P.L. 119-21, Ending Unemployment Payments to Jobless Millionaires",
        "Estimated Effects from EPA's 2024 Regulatory Analysis",  # "from" is a title's lower-case word
        "Receipt of UI by Higher-Income Unemployed Workers (“Millionaires”)",
        "Conditional Exemption⁵³",  # a note call ends it
        "Appendix. Multi-Ballot Speaker Elections Since 1913",
    ],
)
def test_headings_with_abbreviations_calls_and_quotes(text: str) -> None:
    assert looks_like_heading(text)


@pytest.mark.parametrize(
    "text",
    [
        "See H.R. 1119. It passed.",  # a sentence's full stop after the abbreviation
        "The U.S. economy grew.",
        "Receipt of UI by “Millionaires and Others",  # a quotation not closed: a sentence's piece
        "Estimated effects from the agency's regulatory analysis of the rule",  # not title-cased
        "Conditional exemption applies⁵³ here",  # a call inside: running text
    ],
)
def test_sentences_with_abbreviations_calls_and_quotes_are_no_headings(text: str) -> None:
    assert not looks_like_heading(text)


def test_a_phrase_in_emphasis_alone_on_its_line_is_a_heading_without_its_emphasis() -> None:
    (block,) = classify("*Farm Service Agency*", Span((1,)))
    assert (block.kind, block.text) == (BlockKind.HEADING, "Farm Service Agency")
    assert emphasised_heading("*Temporary State Adoption of Optional EB Triggers Based on 100% Federal Financing*")
    # Emphasis closed around a raised mark inside ("MTCO₂e" printed with a superscript) is one heading.
    assert emphasised_heading("*WEC 25,000 MTCO*²*e Emissions Threshold*") == "WEC 25,000 MTCO*²*e Emissions Threshold"


@pytest.mark.parametrize(
    "text",
    [
        "*The agency may act.*",  # a sentence in emphasis
        "*the rest of a title cut by the page*",  # no capital
        "*One, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, thirteen, fourteen, fifteen, "
        "sixteen, seventeen, eighteen, nineteen, twenty, twenty-one*",  # longer than a heading (over 20 words)
        "*Some* words in emphasis and some not",
    ],
)
def test_emphasis_that_is_no_heading(text: str) -> None:
    assert not emphasised_heading(text)
    assert kind(text) is not BlockKind.HEADING


def test_twenty_words_in_emphasis_is_still_a_heading() -> None:
    words = " ".join(["Word"] * 20)
    assert emphasised_heading(f"*{words}*") == words
    assert split_blocks([f"*{words}*"])[0].kind is BlockKind.HEADING


# --- a caption gathers its table's rows up to its "Source:" line ------------------------------------------------

OPENING = "The committee met in the spring and heard from every side of the question before it wrote its report."


def paper(*blocks: str) -> Document:
    text = "\n\n".join(["A Made-Up Report on Votes", OPENING, *blocks, OPENING]) + "\n"
    return convert(text.encode(), "paper.txt")


def rows(n: int) -> list[str]:
    return [f"{1913 + 2 * k} James R. Mann (IL) {100 + k} Champ Clark (MO) {200 + k}" for k in range(n)]


def test_a_table_runs_over_pages_of_rows_to_its_source_line() -> None:
    header = "Year Republican Votes Democratic Votes"  # repeated at the head of the next page
    doc = paper("Table 1. Votes Cast for Speaker", *rows(40), header, *rows(45), "Source: Journals of the House.")
    (table,) = [n for n in doc.body if isinstance(n, Caption)]
    assert len(table.rows) == 86 and table.notes == ["Source: Journals of the House."]
    assert [n.text for n in doc.body if isinstance(n, Paragraph)] == [OPENING, OPENING]


def prose_block(words: int) -> str:
    text = " ".join(["the committee heard more witnesses"] * (words // 5 + 1)).split()[:words]
    return "So " + " ".join(text[1:]) + "."


def test_running_text_ends_a_caption_that_has_no_source_line_before_it() -> None:
    doc = paper("Table 1. Votes Cast for Speaker", *rows(3), prose_block(PROSE_WORDS), "Source: Journals of the House.")
    assert prose_block(PROSE_WORDS) in [n.text for n in doc.body if isinstance(n, Paragraph)]
    assert any(d.kind is Kind.UNCERTAIN_EXTENT for d in doc.diagnostics)


def test_a_shorter_sentence_under_a_caption_is_one_of_its_cells() -> None:
    short = prose_block(PROSE_WORDS - 1)
    doc = paper("Table 1. Votes Cast for Speaker", *rows(3), short, "Source: Journals of the House.")
    assert short not in [n.text for n in doc.body if isinstance(n, Paragraph)]


# --- lists set as paragraphs, and sub-items run into their item --------------------------------------------------

ENTRIES = [
    "CRS Report R48555, *Regulating Artificial Intelligence*, by Ada Tester",
    "CRS Video WVB00794, *Science and Technology Q&A*, by Ada Tester and Ben Sample",
    "CRS Insight IN12546, *A Commission's Final Report*, by Ben Sample",
]


def test_paragraphs_that_open_alike_are_a_list_s_entries_not_one_cut_paragraph() -> None:
    doc = paper(*ENTRIES, "Other Products")
    assert [n.text for n in doc.body if isinstance(n, Paragraph)][1:4] == ENTRIES
    kept_apart = [d for d in doc.diagnostics if d.kind is Kind.SUSPICIOUS_JOIN]
    assert len(kept_apart) == 1  # one finding for the run of entries


def test_a_paragraph_not_ending_a_sentence_goes_on_in_the_next_that_opens_otherwise() -> None:
    doc = paper("CRS Report R48555 was written by Ada Tester and", "Ben Sample, who wrote it in the spring.")
    assert "CRS Report R48555 was written by Ada Tester and Ben Sample, who wrote it in the spring." in [
        n.text for n in doc.body if isinstance(n, Paragraph)
    ]


def items(text: str) -> list[tuple[str, str]]:
    return [(b.label, b.text) for b in classify(text, Span((1,)))]


def test_a_sub_item_run_into_its_item_is_split_at_its_o() -> None:
    assert items("• Overview—products on AI in general. o Generative AI—products on GenAI. • Defense—products.") == [
        ("•", "Overview—products on AI in general."),
        ("o", "Generative AI—products on GenAI."),
        ("•", "Defense—products."),
    ]


@pytest.mark.parametrize("text", ["• Paid in pesos o Dollars, as agreed.", "• Paid in pesos. o dollars as agreed."])
def test_an_o_that_follows_no_item_s_end_or_no_capital_is_a_word(text: str) -> None:
    assert len(items(text)) == 1


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("may recall it voluntarily*.* Voluntary recalls", "may recall it voluntarily. Voluntary recalls"),
        ("Payments to Jobless Millionaires*.*” The bill", "Payments to Jobless Millionaires.” The bill"),
        ("the *E. coli* cases and **Note:** text", "the *E. coli* cases and **Note:** text"),  # emphasis of words
        ("an asterisk \\*.\\* escaped", "an asterisk \\*.\\* escaped"),
    ],
)
def test_emphasis_around_punctuation_alone_is_only_its_marks(line: str, text: str) -> None:
    assert split_blocks([line])[0].text == text


def test_a_capital_alone_before_a_paragraph_in_lower_case_is_its_drop_cap() -> None:
    blocks = split_blocks(["T", "", "he Act of May 15, 1862, established the department.", ""])
    assert [(b.kind, b.text, b.span.lines) for b in blocks] == [
        (BlockKind.TEXT, "The Act of May 15, 1862, established the department.", (1, 3))
    ]


@pytest.mark.parametrize("after", ["The Act of May 15, 1862, established the department.", "Th"])
def test_a_capital_alone_before_text_in_capitals_stays_apart(after: str) -> None:
    assert len(split_blocks(["A", "", after])) == 2


# --- paragraphs and notes cut by page breaks ---------------------------------------------------------------------


def test_a_cut_note_goes_on_alone_on_a_page_with_no_notes_of_its_own() -> None:
    """Page 1 ends with note 1 cut; page 2 has no notes: the rest of note 1 stands after page 2's body."""
    doc = paper(
        "The agency was renamed in the farm bill.¹",
        "¹ The name designation (continued...)",
        "This section details the agency's structure.",
        "was changed by the Consolidated Appropriations Act.",
        "Directly under the Secretary is the Deputy Secretary, a position created in",
        "² 7 U.S.C. §2202.",
        "1934.² The Deputy Secretary serves as the first assistant.",
    )
    assert doc.notes[0].text == "The name designation was changed by the Consolidated Appropriations Act."
    assert any(
        p.text.startswith("Directly under the Secretary") and p.text.endswith("first assistant.")
        for p in doc.body
        if isinstance(p, Paragraph)
    )


def test_initials_at_a_page_foot_end_no_sentence_when_the_next_page_goes_on_in_lower_case() -> None:
    doc = paper(
        "The office coordinates the U.S.",
        "¹ A note on the page.",
        "government's part in the work.¹",
    )
    assert "The office coordinates the U.S. government's part in the work.¹" in [
        n.text for n in doc.body if isinstance(n, Paragraph)
    ]


def test_a_sentence_ending_at_a_page_foot_does_not_go_on_in_a_paragraph_in_capitals() -> None:
    doc = paper("The office coordinates the work of the U.S.", "¹ A note on the page.", "Government work goes on.¹")
    assert "Government work goes on.¹" in [n.text for n in doc.body if isinstance(n, Paragraph)]


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("the Rural Business- Cooperative Service", "the Rural Business-Cooperative Service"),
        ("gig economy workers— are the largest group", "gig economy workers—are the largest group"),
        ("MEUC– expired in 2021", "MEUC–expired in 2021"),
        ("country- and time-fixed effects", "country- and time-fixed effects"),  # a suspended hyphen
        ("from a one- to multi-year period", "from a one- to multi-year period"),
        ("the net-of-tax share or (1- τ) and is", "the net-of-tax share or (1- τ) and is"),  # a formula's minus
        ("a pause - then more", "a pause - then more"),  # a dash spaced on both sides
    ],
)
def test_a_dash_closed_up_before_and_spaced_after_is_a_line_end_s(line: str, text: str) -> None:
    assert split_blocks([line])[0].text == text


def test_a_display_equation_is_kept_as_printed_not_as_a_paragraph() -> None:
    doc = paper(
        "Table 1. Revenue Rates", "Source: CRS.", "(A1) Rev = tRK/(1-t)", "(A1) of the model is not an equation"
    )
    (table,) = [n for n in doc.body if isinstance(n, Caption)]
    (equation,) = [n for n in doc.body if isinstance(n, Equation)]
    assert (equation.number, equation.text) == ("A1", "(A1) Rev = tRK/(1-t)")
    assert not table.rows  # the equation is no row of the table above it
    # From plain text no script can be told from a letter on the line: said so, where the equation stands.
    (found,) = [d for d in doc.diagnostics if d.kind is Kind.EQUATION]
    assert found.line == equation.span.first
    assert "(A1) of the model is not an equation" in " ".join(n.text for n in doc.body if isinstance(n, Paragraph))


def test_a_line_or_page_ending_in_a_closed_up_dash_goes_on_without_a_space() -> None:
    text, offsets = flatten(Block(BlockKind.TEXT, "the Rural Business-\nCooperative Service", Span((1, 2))))
    assert (text, offsets) == ("the Rural Business-Cooperative Service", (0, 19))
    assert join_cut("three agencies: the Rural Business-", "Cooperative Service") == (
        "three agencies: the Rural Business-Cooperative Service"
    )
    assert join_cut("costs rose in 2020 -", "and fell") == "costs rose in 2020 - and fell"  # a spaced dash


def test_a_page_break_after_a_closed_up_dash_joins_the_paragraph_without_a_space() -> None:
    doc = paper("RD is run by three agencies: the Rural Business-", "¹ A note.", "Cooperative Service and two more.¹")
    (joined,) = [n for n in doc.body if isinstance(n, Paragraph) and n.text.startswith("RD is run")]
    assert joined.text == "RD is run by three agencies: the Rural Business-Cooperative Service and two more.¹"
    at = joined.text.index("Cooperative")
    assert joined.span.line_at(joined.offsets, at) == joined.span.lines[-1]  # its line is the next page's


def test_text_with_its_own_sources_line_run_in_is_a_box_with_its_title_and_its_first_part() -> None:
    doc = paper(
        "Relocation of Two Research Agencies",
        "In 2018, the Administration proposed to move two agencies out of the capital region to",
        "¹ A note on the page.",
        "a new site. GAO reviewed the move. Sources: USDA, press release, August 9, 2018.",
        "The plan went ahead.¹",
    )
    (box,) = [n for n in doc.body if isinstance(n, Caption)]
    assert (box.kind, box.text) == ("box", "Relocation of Two Research Agencies")
    assert box.rows[-1] == "a new site. GAO reviewed the move."
    assert box.notes == ["Sources: USDA, press release, August 9, 2018."]
    assert [n.text for n in doc.body if isinstance(n, Paragraph)] == [OPENING, "The plan went ahead.¹", OPENING]
    assert any(d.kind is Kind.UNCERTAIN_EXTENT for d in doc.diagnostics)


def test_a_paragraph_naming_its_sources_in_a_sentence_is_no_box() -> None:
    doc = paper("The agency's sources: the census and the survey, both of 2020.", "The plan went ahead.")
    assert not [n for n in doc.body if isinstance(n, Caption)]


def test_a_header_row_repeated_on_the_next_page_is_the_table_s_not_more_of_its_caption() -> None:
    header = "Year Republican Nominee Votes Democratic Nominee Votes"
    repeated = paper("Table 1. Votes Cast for Speaker", header, *rows(3), header, *rows(3), "Source: Journals.")
    once = paper("Table 1. Votes Cast for Speaker", header, *rows(3), "Source: Journals.")
    assert [n.text for n in repeated.body if isinstance(n, Caption)] == ["Table 1. Votes Cast for Speaker"]
    assert [n.text for n in once.body if isinstance(n, Caption)] == [f"Table 1. Votes Cast for Speaker {header}"]


def test_a_table_s_notes_run_into_one_line_are_each_a_note_of_the_table() -> None:
    doc = paper(
        "Table 1. Support Offices",
        *rows(3),
        "Source: Compiled by CRS. Notes: Figures are rounded. a. Created in 1962. b. Renamed in 1995, e.g. twice.",
    )
    (table,) = [n for n in doc.body if isinstance(n, Caption)]
    assert table.notes == [
        "Source: Compiled by CRS.",
        "Notes: Figures are rounded.",
        "a. Created in 1962.",
        "b. Renamed in 1995, e.g. twice.",
    ]
    assert not doc.notes  # lettered notes are the table's, never the paper's


@pytest.mark.parametrize(
    ("line", "nxt", "goes_on"),
    [
        ("see https://", "example.org/a", True),  # stopped at its scheme
        ("https://example.org/271", "-bridging-gap", True),  # no word opens with a hyphen
        ("https://example.org/a", "/b/c", True),
        ("https://example.org/a/", "b-c/d", True),  # stopped at a slash, the next is no sentence's start
        ("https://example.org/a/", "Next we turn", False),  # a capitalised word opens a sentence
        ("https://example.org/a", "and more", False),  # an address ending in a letter: the line ended there
        ("<https://example.org/a>", "-b", False),  # an autolink is closed
        ("no address here-", "-b", False),
    ],
)
def test_an_address_cut_at_a_line_end_goes_on(line: str, nxt: str, goes_on: bool) -> None:
    assert address_goes_on(line, nxt) is goes_on


def test_a_reference_entry_s_lines_join_with_a_space_except_inside_a_cut_address() -> None:
    assert entry_text("Meta. Pageviews. https://meta.example.org/wiki/\nPageviews_Analysis. Accessed") == (
        "Meta. Pageviews. https://meta.example.org/wiki/Pageviews_Analysis. Accessed"
    )
    assert entry_text("Journal of Sci-\nence, 2009") == "Journal of Sci- ence, 2009"  # a word's hyphen: not here
