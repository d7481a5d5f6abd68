"""Real reports nobody on the project wrote (CRS, public domain): the text route against their truth files.

The figures are those of tests/fixtures/crs/README.md (normalise both sides, compare); ``python tests/crs.py -v``
prints them. The targets are the issue's: paragraphs ≥ 98% exact, every note exact, no note text in the body,
every heading, the front matter right — and whatever is still wrong named in a diagnostic.
"""

from __future__ import annotations

import pytest
from crs import REPORTS, measure


@pytest.fixture(scope="module", params=REPORTS)
def figures(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    result = measure(request.param)
    print(result.line())
    return result


def test_converts(figures) -> None:  # type: ignore[no-untyped-def]
    assert not figures.refused


def test_paragraphs(figures) -> None:  # type: ignore[no-untyped-def]
    right, total = figures.paragraphs
    assert right >= 0.98 * total, figures.missing


def test_no_note_text_in_the_body(figures) -> None:  # type: ignore[no-untyped-def]
    assert figures.notes_in_body == 0


def test_headings(figures) -> None:  # type: ignore[no-untyped-def]
    right, total = figures.headings
    assert right == total, figures.missing


def test_front_matter(figures) -> None:  # type: ignore[no-untyped-def]
    assert (figures.title, figures.authors, figures.date) == (True, True, True)


def test_notes(figures) -> None:  # type: ignore[no-untyped-def]
    right, total = figures.notes
    assert right == total, figures.missing


def test_wrong_notes_are_named(figures) -> None:  # type: ignore[no-untyped-def]
    """Every note still wrong has a diagnostic on one of its lines."""
    wrong = [m.split()[1] for m in figures.missing if m.startswith("note ")]
    assert set(wrong) <= figures.reported_notes
