"""The PDF reader on small synthetic pages: runs placed by hand, each rule pinned just inside and just outside."""

from __future__ import annotations

from paper2myst.readers.pdf.extract import Font, Page, Run
from paper2myst.readers.pdf.lines import DROP_CAP_SCALE, Line, page_lines

SERIF = Font("Serif", bold=False, italic=False)


def run(text: str, x0: float, baseline: float, size: float = 11.0, font: Font = SERIF, width: float = 0.0) -> Run:
    """A run of ``text`` at ``x0`` on ``baseline`` (its box as a typesetter's would be: ascent 0.7, descent 0.2)."""
    x1 = x0 + (width or len(text) * size * 0.45)
    return Run(text, x0, x1, baseline - size * 0.2, baseline + size * 0.7, baseline, size, font)


def page(*runs: Run) -> Page:
    return Page(1, 612.0, 792.0, 0, list(runs))


def dropped(scale: float) -> list[Line]:
    """A paragraph whose first letter is set ``scale`` times the text's size beside its first three lines."""
    cap = Run("T", 91.6, 118.6, 675.4, 709.4, 675.4, 11 * scale, SERIF)  # level with the top line, down three
    return page_lines(
        page(
            cap,
            run("he act of May 15, 1862, established the department as a federal", 120.3, 700.4, width=390),
            run("department to acquire and to diffuse among the people useful", 120.7, 687.8, width=390),
            run("information on subjects connected with agriculture in the most", 120.6, 675.1, width=390),
            run("general and comprehensive sense of that word, and to procure.", 90.5, 662.5, width=420),
        )
    )


def test_drop_cap_joins_its_paragraph_first_word() -> None:
    lines = dropped(DROP_CAP_SCALE + 0.1)
    assert lines[0].text.startswith("The act of May 15")
    assert len(lines) == 4
    # The lines beside the cap are indented by it alone: they start where the paragraph's other lines start.
    assert all(abs(ln.x0 - lines[0].x0) < 2 for ln in lines[:3])


def test_a_large_letter_not_much_larger_than_the_text_is_no_drop_cap() -> None:
    lines = dropped(DROP_CAP_SCALE - 0.1)
    assert not any(line.text.startswith("The act") for line in lines)
