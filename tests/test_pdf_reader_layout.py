"""The PDF reader on other layouts: sizes from the text matrix, words from glyph gaps, columns, indents, notes."""

from __future__ import annotations

from types import SimpleNamespace

from paper2myst.readers.pdf.extract import set_size


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
