"""A chemical formula's subscript the text form prints raised ("CO²", "MMTCO²e"): read as its digit, never a call.

Each rule's boundary, just inside and just outside: a raised digit inside a word of capitals that goes on in
letters is never a call; one that closes a word of capitals is a subscript only where the notes' sequence shows
it is no call (its label has no note, or its note was called before and the calls have gone on past it).
"""

from __future__ import annotations

from paper2myst.emit import emit
from paper2myst.model import Heading, Paragraph
from paper2myst.pipeline import convert

TOP = "A Generated Title\n\n1. Background\n\n"
HEAD = TOP + "The water policy came first.¹ The treaty came next.² The trade came last.³\n\n"
NOTES = "¹ Note one.\n\n² Note two.\n\n³ Note three.\n\n"


def body(text: str) -> str:
    """The body's paragraphs and headings as converted, one a line."""
    doc = convert(text.encode("utf-8"), "generated.txt")
    return "\n".join(n.text for n in doc.body if isinstance(n, Paragraph | Heading))


def index(text: str) -> str:
    return emit(convert(text.encode("utf-8"), "generated.txt"), "en", "../refs/references.bib").pages["index.md"]


def test_a_raised_digit_inside_a_word_of_capitals_is_its_digit() -> None:
    assert "Emissions of 59 MMTCO2e in all of the years." in body(
        HEAD + NOTES + "Emissions of 59 MMTCO²e in all of the years.\n"
    )
    assert "Emissions of N2O from the river basins." in body(HEAD + NOTES + "Emissions of N²O from the river basins.\n")
    # A word that is not all capitals keeps its raised digit ("km²s" is no formula).
    assert "An area of 5 km²s in all of the river basins." in body(
        HEAD + NOTES + "An area of 5 km²s in all of the river basins.\n"
    )


def test_a_heading_in_emphasis_closed_around_the_subscript() -> None:
    assert "WEC 25,000 MTCO2e Emissions Threshold" in body(
        HEAD + NOTES + "*WEC 25,000 MTCO*²*e Emissions Threshold*\n\nText of the section follows here.\n"
    )


def test_a_raised_digit_closing_a_word_of_capitals_after_the_calls_went_past_it() -> None:
    text = HEAD + NOTES + "Methane (or CH²) is a gas, and so is CO² in the air.\n"
    assert "Methane (or CH2) is a gas, and so is CO2 in the air." in body(text)
    assert "[^2]" in index(text)  # the real call keeps its link


def test_a_repeated_call_the_sequence_just_reached_stays_a_call() -> None:
    # Note 3 was the last called: "CO³" right after may be that note cited again.
    text = HEAD + "The gas CO³ was named again.\n\n" + NOTES
    assert "The gas CO³ was named again." in body(text)


def test_a_call_the_sequence_expects_after_capitals_stays_a_call() -> None:
    text = TOP + "The agency was the EPA.¹ It was the USA.²\n\n¹ Note one.\n\n² Note two.\n"
    assert "It was the USA.²" in body(text)  # "²" after "." is no formula; and note 2 is the next call
    text = TOP + "The agency was the EPA¹ and the USA² too.\n\n¹ Note one.\n\n² Note two.\n"
    assert "The agency was the EPA¹ and the USA² too." in body(text)


def test_a_raised_digit_closing_a_word_of_capitals_with_no_note_is_its_digit() -> None:
    assert "Emissions of CO2 from the river basins." in body(TOP + "Emissions of CO² from the river basins.\n")
    # After a word in lower case it stays what it was: a call with no note, kept as printed.
    assert "Emissions of water² from the river basins." in body(TOP + "Emissions of water² from the river basins.\n")
