"""Every paper of ../shared/papers/ by both routes, against its truth: printed per paper, held-out papers apart.

Run with ``-s`` to see the table (``python tests/shared_papers.py`` prints it too). The papers are not part of
the checkout: the tests skip where ../shared/papers/ (or $PAPER2MYST_PAPERS) is absent.
"""

from __future__ import annotations

import pytest
from shared_papers import HELDOUT, SHARED, Figures, load_truth, measure, papers, totals

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason=f"no shared papers at {SHARED}")


@pytest.fixture(scope="module")
def results() -> list[Figures]:
    found = [measure(source, load_truth(truth)) for source, truth in papers()]
    for held, label in ((False, "tuned"), (True, "held out")):
        mine = [r for r in found if (r.name in HELDOUT) is held]
        print(f"\n{label}:")
        for figures in mine:
            print(figures.line())
        for route in ("pdf", "txt"):
            routed = [r for r in mine if r.route == route]
            if routed:
                print(f"{label} {route}: {totals(routed)}")
    return found


def test_no_real_paper_is_refused(results: list[Figures]) -> None:
    """A paper's own quirks are findings: without --strict no real paper is refused (held-out ones included)."""
    assert [f"{r.name}.{r.route}: {r.refused}" for r in results if r.refused] == []


def test_no_more_note_text_in_the_body_of_tuned_papers(results: list[Figures]) -> None:
    """The papers tuned to: no more conversions than today with a note's opening in a paragraph not the author's."""
    wrong = [f"{r.name}.{r.route}" for r in results if r.name not in HELDOUT and r.notes_in_body]
    assert len(wrong) <= FLOORS["notes_in_body_papers"], wrong


# What the tuned papers reach today: a change that lowers a figure fails here (raise them as the converter improves).
FLOORS = {
    "notes_in_body_papers": 0,
    "pdf_paragraphs": 0.98,
    "txt_paragraphs": 0.97,
    "pdf_notes": 0.99,
    "txt_notes": 0.99,
    "pdf_headings": 0.99,
    "txt_headings": 0.98,
}
# Precision: at most this many body paragraphs that are none of the author's (foreign), and of the truth's non-body
# strings (running heads, cells, small print) inside body paragraphs, on the tuned papers (lower them as it improves).
CEILINGS = {"pdf_foreign": 9, "pdf_other": 5, "txt_foreign": 5, "txt_other": 0}


@pytest.mark.parametrize("route", ["pdf", "txt"])
def test_tuned_papers_keep_their_figures(results: list[Figures], route: str) -> None:
    mine = [r for r in results if r.name not in HELDOUT and r.route == route and not r.refused]
    paragraphs = sum(r.paragraphs[0] for r in mine) / max(sum(r.paragraphs[1] for r in mine), 1)
    notes = sum(r.notes[0] for r in mine) / max(sum(r.notes[1] for r in mine), 1)
    assert paragraphs >= FLOORS[f"{route}_paragraphs"]
    assert notes >= FLOORS[f"{route}_notes"]
    headings = sum(r.headings[0] for r in mine) / max(sum(r.headings[1] for r in mine), 1)
    assert headings >= FLOORS[f"{route}_headings"]


@pytest.mark.parametrize("route", ["pdf", "txt"])
def test_tuned_papers_keep_text_that_is_not_the_author_s_out_of_the_body(results: list[Figures], route: str) -> None:
    mine = [r for r in results if r.name not in HELDOUT and r.route == route and not r.refused]
    assert sum(r.foreign for r in mine) <= CEILINGS[f"{route}_foreign"], [r.line() for r in mine if r.foreign]
    assert sum(r.other_in_body for r in mine) <= CEILINGS[f"{route}_other"], [r.line() for r in mine if r.other_in_body]
