"""The PDF route on the seed's words typeset by Typst in 30 drawn layouts (tests/layout_zoo.py), held to a floor.

The floor is what the reader reached (paragraphs, notes, headings, the reference list) when the layouts were drawn;
a change that reads some layout worse fails here before it fails on a paper nobody has seen. The layouts are drawn
from fixed seeds, so the test is repeatable. Known below it: layout 3 (two narrow columns of 12pt type, the
reference list in 11pt) takes the list's size for the body's, and loses its first page's headings.
"""

from __future__ import annotations

import pytest
from layout_zoo import Result, measure, source_paper

pytestmark = pytest.mark.slow

SEEDS = range(1, 31)


@pytest.fixture(scope="module")
def results() -> list[Result]:
    pytest.importorskip("typst")
    paper = source_paper()
    return [measure(seed, paper) for seed in SEEDS]


def test_no_layout_is_refused_and_nearly_every_heading_is_found(results: list[Result]) -> None:
    assert [r.layout.seed for r in results if r.refused] == []
    found, total = sum(r.headings[0] for r in results), sum(r.headings[1] for r in results)
    assert found >= 0.99 * total, [r.line() for r in results if r.headings[0] < r.headings[1]]


def test_paragraphs_and_notes_come_out_exact_in_nearly_every_layout(results: list[Result]) -> None:
    paragraphs = [r.paragraphs for r in results]
    notes = [r.notes for r in results]
    found, total = sum(p[0] for p in paragraphs), sum(p[1] for p in paragraphs)
    assert found >= 0.99 * total, f"{found}/{total}"
    found, total = sum(n[0] for n in notes), sum(n[1] for n in notes)
    assert found >= 0.99 * total, f"{found}/{total}"
    assert sum(r.foreign for r in results) <= 2


def test_the_reference_list_comes_out_whole_hanging_or_spaced(results: list[Result]) -> None:
    """Entries in smaller type than the body, cut by page breaks, beside a page's notes: still the list's."""
    found = sum(r.references[0] for r in results)
    total = sum(r.references[1] for r in results)
    assert found >= 0.99 * total, f"{found}/{total}"
