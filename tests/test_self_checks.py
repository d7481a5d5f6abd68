"""Self-checks that need no truth (issue 16): a result the converter is unsure of is a finding, at its boundary."""

from __future__ import annotations

from pathlib import Path

import pytest
from paper2myst.diagnostics import Kind
from paper2myst.model import Document, Paragraph, Span
from paper2myst.pipeline import LEFT_OUT_SHARE, convert_reading, left_out
from paper2myst.readers.pdf import read_pdf
from paper2myst.stages.checks import (
    REFERENCE_RUN,
    SHRED_RUN,
    SPLIT_PIECE_SEEN,
    missed_references,
    shredded,
    split_words,
)

TYPESET = Path(__file__).parent / "fixtures" / "typeset"


def kinds(doc: Document) -> list[Kind]:
    return [d.kind for d in doc.diagnostics]


@pytest.mark.parametrize(("furniture", "found"), [(51, True), (49, False)])
def test_most_of_the_text_left_out_is_a_finding(furniture: int, found: bool) -> None:
    """Just over the share left out as furniture: a finding; just under: none."""
    assert LEFT_OUT_SHARE == 0.5
    lines = ["x" * furniture, "y" * (100 - furniture)]
    doc = Document()
    left_out(doc, lines, frozenset({1}))
    assert (Kind.LEFT_OUT in kinds(doc)) is found


def test_a_one_page_paper_has_no_cover() -> None:
    """A short paper of one page (title, byline, heading, a few sentences) keeps its body: no page is a cover."""
    typst = pytest.importorskip("typst")
    pdf = typst.compile(str(TYPESET / "one-page.typ"))
    doc = convert_reading(read_pdf(pdf, images=False), "one-page.pdf")
    text = " ".join(n.text for n in doc.body if isinstance(n, Paragraph))
    for words in ("Small river basins", "Allocation rules vary widely", "proportional rules lose least"):
        assert words in text
    assert Kind.LEFT_OUT not in kinds(doc)


def paragraphs(*texts: str) -> Document:
    doc = Document()
    doc.body = [Paragraph(text, Span((k + 1,))) for k, text in enumerate(texts)]
    return doc


def messages(doc: Document) -> list[str]:
    return [d.message for d in doc.diagnostics]


def test_a_run_of_paragraphs_each_cut_from_the_next_is_a_finding() -> None:
    assert SHRED_RUN == 3
    pieces = ["The first line of a", "paragraph goes on here and", "ends on this line."]
    doc = paragraphs(*pieces)
    shredded(doc)
    assert len(doc.diagnostics) == 1 and "3 paragraphs in a row" in messages(doc)[0]
    doc = paragraphs(pieces[0], "paragraph goes on and ends.", "Another one.")
    shredded(doc)
    assert doc.diagnostics == []  # two pieces: one cut, below the run


def test_a_word_split_in_two_is_a_finding_when_the_paper_prints_it_whole() -> None:
    assert SPLIT_PIECE_SEEN == 2
    doc = paragraphs("The repo rt failed.", "Other reports and the report did not.")
    split_words(doc)
    assert messages(doc) == ["'repo rt': a word split in two? The paper prints 'report' elsewhere"]
    doc = paragraphs("The repo rt failed.", "No whole word.")
    split_words(doc)
    assert doc.diagnostics == []  # the whole word printed nowhere: no evidence
    doc = paragraphs("The repo rt failed; a repo and a repo.", "The report.")
    split_words(doc)
    assert doc.diagnostics == []  # "repo" printed three times: a word of the paper, not a piece
    doc = paragraphs("The repo rt failed; a repo.", "The report.")
    split_words(doc)
    assert len(doc.diagnostics) == 1  # "repo" twice: still a piece
    doc = paragraphs("The Energy Star label.", "See energystar online.")
    split_words(doc)
    assert doc.diagnostics == []  # a capitalised second piece is a word of its own


def test_paragraphs_shaped_like_entries_without_a_reference_list_are_a_finding() -> None:
    assert REFERENCE_RUN == 5
    entries = [f"Author{k}, A. (20{10 + k}). A title. Journal." for k in range(5)]
    doc = paragraphs("Body text.", *entries)
    missed_references(doc)
    assert len(doc.diagnostics) == 1 and doc.diagnostics[0].kind is Kind.NO_REFERENCE_LIST
    doc = paragraphs("Body text.", *entries[:4])
    missed_references(doc)
    assert doc.diagnostics == []


def test_the_verdict_names_the_worst_finding_first() -> None:
    """Not the first by line: the one an editor must see first (a lost note before a call out of order)."""
    from paper2myst.diagnostics import Diagnostic
    from paper2myst.report import verdict

    found = [
        Diagnostic(Kind.MARKER_ORDER, 1, "note marker 3 is out of order"),
        Diagnostic(Kind.NOTE_WITHOUT_MARKER, 9, "note 4 has no marker in the text"),
        Diagnostic(Kind.NOTE_WITHOUT_MARKER, 12, "note 5 has no marker in the text"),
    ]
    line = verdict(found)
    assert line.startswith("verdict: converted; check 3 decisions")
    assert line.endswith("the worst: note 4 has no marker in the text (and 1 more like it)")
