"""The PDF reader on other layouts: sizes from the text matrix, words from glyph gaps, columns, indents, notes."""

from __future__ import annotations

from types import SimpleNamespace

from paper2myst.readers.pdf.extract import Font, Run, set_size
from paper2myst.readers.pdf.lines import _rows


def test_size_is_the_font_size_times_the_matrix_scale() -> None:
    # A producer that sets its fonts at size 1 and scales them with the text matrix.
    assert set_size(1.0, SimpleNamespace(a=9.0, b=0.0, c=0.0, d=9.0)) == 9.0
    assert set_size(10.0, SimpleNamespace(a=1.0, b=0.0, c=0.0, d=1.0)) == 10.0
    # Text turned a quarter: the scale is the matrix's, whichever way it points.
    assert set_size(1.0, SimpleNamespace(a=0.0, b=8.0, c=-8.0, d=0.0)) == 8.0
    # A degenerate matrix leaves the size as the font gives it.
    assert set_size(7.0, SimpleNamespace(a=0.0, b=0.0, c=0.0, d=0.0)) == 7.0


def test_style_from_a_short_suffix_to_the_font_name() -> None:
    from paper2myst.readers.pdf.extract import _BOLD, _ITALIC

    styles = {name: (bool(_BOLD.search(name)), bool(_ITALIC.search(name))) for name in _FONT_NAMES}
    assert styles == _FONT_NAMES


_FONT_NAMES = {
    "AdvOT3d287b35.B": (True, False),
    "AdvOTece73436.BI": (True, True),
    "AdvTT7329fd89.I": (False, True),
    "MinionPro-It": (False, True),
    "Arial,BoldItalic": (True, True),
    "AdvTT86d47313+20": (False, False),  # an encoding's suffix, not a style
    "AdvTT99c4c969": (False, False),
    "Century-Book": (False, False),
    "Helvetica-Bold": (True, False),
}


def _pdf(content: str, width: int = 300, height: int = 200) -> bytes:
    """A one-page PDF drawing ``content`` (a content stream) with Helvetica as /F1."""
    stream = content.encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_text_drawn_twice_on_the_same_spot_is_read_once() -> None:
    from paper2myst.readers.pdf.extract import read_pages

    twice = "BT /F1 12 Tf 20 100 Td (Hello there) Tj ET BT /F1 12 Tf 20 100 Td (Hello there) Tj ET"
    apart = "BT /F1 12 Tf 20 60 Td (Hello there) Tj ET"
    page = read_pages(_pdf(f"{twice} {apart}"))[0]
    assert [r.text for r in page.runs] == ["Hello there", "Hello there"]  # the one drawn elsewhere stays
    assert page.overprinted <= 1  # PDFium's text page may already give the second object no text


def test_size_from_a_scaled_matrix_in_a_real_page() -> None:
    from paper2myst.readers.pdf.extract import read_pages

    page = read_pages(_pdf("BT /F1 1 Tf 9 0 0 9 20 100 Tm (Small font, big matrix) Tj ET"))[0]
    assert round(page.runs[0].size, 1) == 9.0


def test_a_sentence_that_opens_with_continued_is_not_a_continued_mark() -> None:
    from paper2myst.readers.pdf.furniture import _CONTINUED

    assert _CONTINUED.match("(continued)")
    assert _CONTINUED.match("(Continued on next page)")
    assert _CONTINUED.match("Continued")
    assert not _CONTINUED.match("continued to rely on oil, and U.S. energy companies reduced their")


def run(text: str, x0: float, baseline: float, size: float = 10.0, x1: float | None = None, font: str = "Body") -> Run:
    """A run as the extractor makes it; its width from a plain average glyph width unless given."""
    width = x1 - x0 if x1 is not None else len(text) * size * 0.5
    return Run(
        text, x0, x0 + width, baseline - size * 0.2, baseline + size * 0.8, baseline, size, Font(font, False, False)
    )


def test_a_blank_run_above_a_note_does_not_take_the_notes_label() -> None:
    # A wide space glyph (a separator drawn as text) above a note whose label is raised by half its size.
    blank = run(" ", 216, 170.3, 11, x1=295.5)
    label = run("1", 216.5, 164.8, 5.5)
    text = run("DOE is also responsible for energy efficiency programs,", 219, 160.3, 9)
    rows = _rows([blank, label, text])
    assert [[r.text for r in row] for row in rows] == [["1", text.text]]


def test_a_blank_run_between_words_stays_in_its_line() -> None:
    a, space, b = run("one", 10, 100), run(" ", 25, 100, x1=28), run("two", 28, 100)
    assert [[r.text for r in row] for row in _rows([a, space, b])] == [["one", "two", " "]]
