"""The publisher's back page: headings, address lines, lists and small print as printed, each rule at its boundary."""

from __future__ import annotations

from paper2myst.backpage import (
    CONTACT,
    FIT,
    LIST_RUN,
    NARROWEST,
    back_matter_page,
    continued,
    heads,
    is_list,
    parts,
    wrapped,
)
from paper2myst.model import Block, BlockKind, Span
from paper2myst.readers.pdf.back import COLUMN_SLACK, ROW_SLACK, columns_first
from paper2myst.readers.pdf.extract import Font, Run
from paper2myst.readers.pdf.lines import Line, make_line

HEADER = "Generated"


def block(text: str, kind: BlockKind = BlockKind.TEXT, lines: int = 1) -> Block:
    return Block(kind, text, Span(tuple(range(1, lines + 1))))


def page(*blocks: Block) -> str:
    return back_matter_page(list(blocks), HEADER).removeprefix(f"% {HEADER}\n\n")


# --- line breaks: FIT -------------------------------------------------------------------------------------------


def test_a_break_is_the_publishers_where_the_next_word_would_have_fitted() -> None:
    width = 100  # the page's measure; FIT of it is where a wrapped line counts as full
    room = int(FIT * width)
    line = "x" * (room - 1 - 5)  # with a space and a five-letter word: just the room
    assert not wrapped(line, "words and more", width)
    assert wrapped(line + "x", "words and more", width)


def test_a_name_over_its_role_keeps_its_break_and_a_paragraph_its_wraps() -> None:
    disclaimer = "\n".join(["This document was prepared by a research service for the members of a legislature."] * 3)
    out = page(
        block("Author Information", BlockKind.HEADING),
        block("Jane Q. Public\nSenior Analyst in Economic Policy", BlockKind.TABLE, 2),
        block("Disclaimer", BlockKind.HEADING),
        block(disclaimer, BlockKind.TABLE, 3),
    )
    assert "Jane Q. Public\\\nSenior Analyst in Economic Policy\n" in out
    assert "## Disclaimer\n" in out
    assert "legislature. This document" in out  # wrapped lines run on


# --- the address: consecutive one-line blocks that end no sentence ------------------------------------------------


def test_an_address_is_one_block_of_lines_and_a_sentence_stays_a_paragraph() -> None:
    out = page(
        block("Example Institute", BlockKind.HEADING),
        block("The Example Institute is a think tank."),
        block("1 Example Street, 00100 Example City"),
        block("info@example.org"),
        block("www.example.org"),
        block("It was founded in 1900."),
    )
    assert "1 Example Street, 00100 Example City\\\ninfo@example.org\\\nwww.example.org\n" in out
    assert "\n\nIt was founded in 1900.\n" in out
    assert out.startswith("# Example Institute\n\nThe Example Institute is a think tank.\n\n1 Example")


def test_a_line_printed_over_two_lines_is_no_address_line() -> None:
    kinds = [p.kind for p in parts([block("Title"), block("Alpha", lines=1), block("Beta", lines=2)])]
    assert kinds == ["lines", "lines", "paragraph"]


# --- headings -----------------------------------------------------------------------------------------------------


def test_a_heading_heads_something() -> None:
    head, text = block("Latest papers", BlockKind.HEADING), block("Words.")
    assert heads(head, block("Last line."), text)
    assert not heads(head, block("Last line."), block("Other", BlockKind.HEADING))  # two headings: a name, a role
    assert not heads(head, block("Last line."), None)
    assert not heads(block("Tel. +1 202 555 0100", BlockKind.HEADING), None, text)  # a number to call
    assert not heads(block("Latest papers", BlockKind.TEXT), None, text)


def test_after_an_unfinished_line_only_a_back_matter_heading_heads() -> None:
    role = block("**A. Name**, Analyst in American National")
    assert not heads(block("Government", BlockKind.HEADING), role, block("Words."))  # the role's wrap
    assert heads(block("Disclaimer", BlockKind.HEADING), role, block("Words."))
    assert heads(block("Latest papers", BlockKind.HEADING), block("www.example.org"), block("Words."))


def test_a_telephone_number_has_six_digits() -> None:
    assert CONTACT.search("T +39 06 69")  # six digits
    assert not CONTACT.search("T +39 06 6")  # five: a postcode, a year and a number
    assert CONTACT.search("write to a.name@example.org")


# --- lists: LIST_RUN ---------------------------------------------------------------------------------------------


def test_lines_opening_with_numbers_are_a_list_from_list_run_on() -> None:
    lines = [f"23 | {n} A. Name, A Title" for n in range(LIST_RUN)]
    assert is_list(lines)
    assert not is_list(lines[:-1])  # an address's street and postcode
    assert is_list(["- one", "- two"])  # marked as a list


def test_a_numbered_list_is_a_list_of_the_lines() -> None:
    out = page(block("Title", BlockKind.HEADING), block("23 | 3 A, *One*\n23 | 2 B, *Two*\n23 | 1 C, *Three*", lines=3))
    assert out.endswith("- 23 \\| 3 A, *One*\n- 23 \\| 2 B, *Two*\n- 23 \\| 1 C, *Three*\n")


# --- small print -------------------------------------------------------------------------------------------------


def test_small_print_runs_from_a_licence_to_the_next_heading() -> None:
    out = page(
        block("Additional information", BlockKind.HEADING),
        block("Correspondence to the author."),
        block("This article is licensed under a licence.", lines=2),
        block("format, as long as you give credit.", lines=2),
        block("© The Authors 2024"),
    )
    small = out[out.index("````{container} small-print") :]
    assert "licensed" in small and "format, as long" in small and "© The Authors 2024" in small
    assert small.count("````") == 2  # one container
    assert "Correspondence" not in small


# --- the PDF reader: names over roles side by side (ROW_SLACK, COLUMN_SLACK) --------------------------------------


def _line(text: str, x0: float, baseline: float, number: int) -> Line:
    run = Run(text, x0, x0 + 100, baseline - 2, baseline + 8, baseline, 10.0, Font("Body", False, False))
    line = make_line(1, [run], 0)
    line.number = number
    return line


def side_by_side(rise: float = 0.0, shift: float = 0.0) -> list[int]:
    """The reading order of two names over two roles, the right column raised ``rise`` and set ``shift`` right."""
    lines = [
        _line("A. Name", 90, 400, 1),
        _line("B. Name", 310, 400 + rise, 2),
        _line("Analyst", 90, 386, 3),
        _line("Specialist", 310 + shift, 386 + rise, 4),
    ]
    return [ln.number for ln in columns_first(lines)]


def test_names_over_roles_side_by_side_are_read_column_by_column() -> None:
    assert side_by_side() == [1, 3, 2, 4]
    assert side_by_side(rise=ROW_SLACK * 10 - 0.1) == [1, 3, 2, 4]
    assert side_by_side(rise=ROW_SLACK * 10 + 0.1) == [1, 2, 3, 4]  # not on one baseline: read as they come
    assert side_by_side(shift=COLUMN_SLACK * 10 - 0.1) == [1, 3, 2, 4]
    assert side_by_side(shift=COLUMN_SLACK * 10 + 0.1) == [1, 2, 3, 4]  # not one column


def test_the_measure_is_never_narrower_than_the_narrowest_column() -> None:
    # A page of short lines only: a line of NARROWEST * FIT characters with its next word is no full line.
    name = "x" * (int(FIT * NARROWEST) - 1 - 4)
    assert parts([block("Title"), block(f"{name}\nRole of it", BlockKind.TABLE, 2)])[1].lines == [name, "Role of it"]
    longer = name + "xx"
    joined = parts([block("Title"), block(f"{longer}\nRole of it", BlockKind.TABLE, 2)])[1].lines
    assert joined == [f"{longer} Role of it"]


def test_list_items_read_one_by_one_are_one_list_their_numbers_kept_as_text() -> None:
    def item(label: str, text: str) -> Block:
        return Block(BlockKind.LIST_ITEM, text, Span((1,)), label)

    out = page(block("Title", BlockKind.HEADING), item("1.", "One paper"), item("2.", "Two papers"), item("•", "More"))
    assert out.endswith("- 1\\. One paper\n- 2\\. Two papers\n- More\n")


def test_the_title_stands_alone() -> None:
    assert page(block("Example Institute"), block("1 Example Street")).startswith("# Example Institute\n\n1 Example")
    listed = page(block("- A list first"), block("- and more"), block("- and one"))
    assert listed == "# - A list first\n\n- and more\n- and one\n"  # the items after the title one list


# --- a paragraph the reader left in pieces ------------------------------------------------------------------------


def test_a_paragraph_in_pieces_goes_on_where_a_piece_opens_in_lower_case_or_the_line_before_is_full() -> None:
    width = 100
    full = "w" * (int(FIT * width) - 1 - 8)  # with a space and "Creative": just the room, so no wrap
    pieces = [block("This licence permits use in any medium or", lines=2), block("format, as long as credit is given")]
    assert [b.text for b in continued(pieces, width)] == [
        "This licence permits use in any medium or\nformat, as long as credit is given"
    ]
    assert len(continued([block(full), block("Creative Commons licence.")], width)) == 2
    assert len(continued([block(full + "w"), block("Creative Commons licence.")], width)) == 1
    # Not after a sentence's end, an address or a number to call; not into an address; not from a line of unknown
    # length (two printed lines the reader has joined).
    assert len(continued([block("Ends here."), block("format, as long")], width)) == 2
    assert len(continued([block("T +39 06 6976831"), block("info@example.org")], width)) == 2
    assert len(continued([block("Write to"), block("info@example.org")], width)) == 2
    assert len(continued([block(full + "w", lines=2), block("Creative Commons licence.")], width)) == 2
