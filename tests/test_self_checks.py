"""Self-checks that need no truth (issue 16): a result the converter is unsure of is a finding, at its boundary."""

from __future__ import annotations

from pathlib import Path

import pytest
from paper2myst.diagnostics import Kind
from paper2myst.model import Document, Paragraph
from paper2myst.pipeline import LEFT_OUT_SHARE, convert_reading, left_out
from paper2myst.readers.pdf import read_pdf

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
