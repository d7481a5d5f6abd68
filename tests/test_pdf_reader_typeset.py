"""The PDF reader on small papers typeset with Typst in layouts other than the CRS reports' (tests/fixtures/typeset)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from paper2myst.model import BlockKind
from paper2myst.readers import Reading
from paper2myst.readers.pdf import read_pdf

HERE = Path(__file__).resolve().parent / "fixtures" / "typeset"


def read(name: str) -> Reading:
    typst = pytest.importorskip("typst")
    return read_pdf(typst.compile(str(HERE / f"{name}.typ")), images=False)


def source_paragraphs(name: str) -> list[str]:
    """The source's paragraphs of running text (long lines that open with a capital, footnotes taken out)."""
    text = (HERE / f"{name}.typ").read_text(encoding="utf-8")
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line[:1].isupper() and len(line) > 60:
            line = re.sub(r"#footnote\[[^\]]*\]", "", line).replace("--", "–").replace("'", "’")
            found.append(line.replace('"', "“", 1).replace('"', "”", 1))
    return found


def kinds(reading: Reading, kind: BlockKind) -> list[str]:
    """The text of the blocks of one kind, note calls left out."""
    return [re.sub("[¹²³⁴⁵⁶⁷⁸⁹⁰]", "", b.text) for b in reading.blocks if b.kind is kind]


def test_two_columns_under_a_spanning_title() -> None:
    reading = read("two-columns")
    assert kinds(reading, BlockKind.TEXT) == source_paragraphs("two-columns")
    assert kinds(reading, BlockKind.HEADING) == [
        "1 Introduction",
        "1.1 Background",
        "2 Method",
        "3 Results",
        "4 Discussion",
    ]
    assert [b.level for b in reading.blocks if b.kind is BlockKind.HEADING] == [1, 2, 1, 1, 1]
    # Notes in smaller type at the column's foot, with no rule above them.
    assert kinds(reading, BlockKind.NOTE) == [
        "The first survey counted the boxes on the shelves, not the records inside them.",
        "Interviews were held in the reading rooms, between requests for boxes.",
    ]


def test_headings_in_the_margin_beside_the_text() -> None:
    reading = read("side-headings")
    assert kinds(reading, BlockKind.TEXT) == source_paragraphs("side-headings")
    headings = kinds(reading, BlockKind.HEADING)
    # The first may be taken for the title; the others stand whole, before the text beside them.
    assert headings[-2:] == ["Background and the Changes Made to the Research Programs Since They Began", "Conclusions"]
    order = [b.text[:20] for b in reading.blocks if b.kind in {BlockKind.TEXT, BlockKind.HEADING}]
    assert order.index("Background and the C") < order.index("The research programs"[:20])
    assert len(kinds(reading, BlockKind.NOTE)) == 2


def test_indented_paragraphs_and_a_hanging_reference_list() -> None:
    reading = read("hanging")
    paragraphs = source_paragraphs("hanging")
    body = kinds(reading, BlockKind.TEXT) + [b.text for b in (reading.evidence.back if reading.evidence else [])]
    for paragraph in paragraphs:
        assert paragraph in body


def test_a_paragraph_runs_on_to_the_next_page_after_bullets_hung_in_the_margin() -> None:
    reading = read("hung-bullets")
    assert (
        kinds(reading, BlockKind.TEXT) == source_paragraphs("hung-bullets")[:1] + source_paragraphs("hung-bullets")[-2:]
    )
    assert len(kinds(reading, BlockKind.LIST_ITEM)) == 5
    assert len({b.span.lines[0] for b in reading.blocks}) == len(reading.blocks)
