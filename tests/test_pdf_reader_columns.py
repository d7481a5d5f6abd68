"""The PDF reader on other layouts: sizes from the text matrix, words from glyph gaps, columns, indents, notes."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

from paper2myst.model import BlockKind
from paper2myst.readers.pdf.extract import Box, Font, Page, Run, set_size
from paper2myst.readers.pdf.lines import (
    CALL_REACH,
    COLUMN_MIN_WIDTH,
    GUTTER_MIN_ROWS,
    ROW_NEAR,
    Line,
    _gutters,
    _rows,
    make_line,
    page_lines,
)
from paper2myst.readers.pdf.paragraphs import FACE_LINES, FACE_SCALE, group_lines, mark_faces


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


def _pdf(content: str, width: int = 300, height: int = 200, form: str = "") -> bytes:
    """A one-page PDF drawing ``content`` (a content stream) with Helvetica as /F1.

    ``form``: the stream of a form XObject /Fm1 the content may draw (``/Fm1 Do``).
    """
    stream = content.encode("latin-1")
    drawn = form.encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >> >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 400 400] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Length %d >>\nstream\n" % len(drawn) + drawn + b"\nendstream",
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


def test_text_of_a_form_drawn_scaled_stands_where_the_form_puts_it() -> None:
    """A chart placed as a form XObject: its labels are read at their place and size on the page."""
    from paper2myst.readers.pdf.extract import read_pages

    label = "BT /F1 20 Tf 1 0 0 1 10 20 Tm (Axis label) Tj ET"
    page = read_pages(_pdf("q 0.5 0 0 0.5 100 50 cm /Fm1 Do Q", form=label))[0]
    run = page.runs[0]
    assert run.text == "Axis label"
    assert (round(run.size, 1), round(run.baseline, 1)) == (10.0, 60.0)  # 50 + 0.5 × 20
    assert 104 <= run.x0 <= 106 and run.x1 < 100 + 0.5 * 150  # 100 + 0.5 × 10, at half the width
    nested = read_pages(_pdf("q 1 0 0 1 30 0 cm /Fm1 Do Q", form=f"q 2 0 0 2 0 0 cm {label} Q"))[0].runs[0]
    assert (round(nested.size, 1), round(nested.baseline, 1)) == (40.0, 40.0)  # the form's own scaling too


def test_the_labels_of_a_graphic_placed_scaled_are_read_apart_from_the_text() -> None:
    from paper2myst.readers.pdf.extract import read_pages
    from paper2myst.readers.pdf.lines import page_lines

    text = " ".join(
        f"BT /F1 10 Tf 20 {180 - 12 * i} Td (Words of the running text on line {i}) Tj ET" for i in range(6)
    )
    label = "BT /F1 20 Tf 1 0 0 1 10 20 Tm (Axis) Tj ET"
    page = read_pages(_pdf(f"{text} q 0.5 0 0 0.5 150 110 cm /Fm1 Do Q", form=label))[0]
    lines = page_lines(page)
    assert [ln.role for ln in lines if ln.text == "Axis"] == ["aside"]
    assert all(ln.role == "body" for ln in lines if ln.text != "Axis")
    # Placed unscaled, or carrying most of the page's text (a page printed scaled into a form): read as it stands.
    unscaled = read_pages(_pdf(f"{text} q 1 0 0 1 150 110 cm /Fm1 Do Q", form=label))[0]
    assert all(ln.role == "body" for ln in page_lines(unscaled))
    whole = read_pages(_pdf("q 0.9 0 0 0.9 10 10 cm /Fm1 Do Q", form=f"{text} {label}"))[0]
    assert all(ln.role == "body" for ln in page_lines(whole))


def test_a_sentence_that_opens_with_continued_is_not_a_continued_mark() -> None:
    from paper2myst.conventions import CONTINUED_LINE

    assert CONTINUED_LINE.match("(continued)")
    assert CONTINUED_LINE.match("(Continued on next page)")
    assert CONTINUED_LINE.match("Continued")
    assert not CONTINUED_LINE.match("continued to rely on oil, and U.S. energy companies reduced their")


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


def _page(runs: list[Run], width: float = 612, height: float = 792) -> Page:
    page = Page(1, width, height, 0)
    page.runs = runs
    return page


def _column_lines(x0: float, x1: float, top: float, count: int, size: float = 10, pitch: float = 12) -> list[Run]:
    """``count`` full lines of a column from ``x0`` to ``x1``, the first on baseline ``top``."""
    return [run("word " * 8, x0, top - i * pitch, size, x1=x1) for i in range(count)]


def test_two_columns_below_a_title_that_spans_the_page() -> None:
    title = [run("A title set across the whole page", 60, 740, 18, x1=550), run("Byline", 200, 715, 10, x1=410)]
    runs = title + _column_lines(60, 295, 680, 30) + _column_lines(317, 552, 680, 30)
    gutters = _gutters(_page(runs))
    assert len(gutters) == 1
    (gutter,) = gutters
    assert 295 <= gutter.middle <= 317
    assert gutter.bottom <= 680 - 29 * 12 and gutter.top >= 680  # the columns' rows, not the title's
    assert not gutter.beside(title[0]) and not gutter.beside(title[1])


def test_three_columns() -> None:
    runs = _column_lines(40, 200, 700, 20, 8, 10) + _column_lines(214, 374, 700, 20, 8, 10)
    runs += _column_lines(388, 548, 700, 20, 8, 10)
    assert len(_gutters(_page(runs))) == 2


def test_a_column_needs_lines_beside_the_gutter_on_enough_rows() -> None:
    # GUTTER_MIN_ROWS rows of text on both sides make a gutter; one fewer do not.
    def page(rows: int) -> Page:
        left = _column_lines(60, 295, 680, rows)
        right = _column_lines(317, 552, 680, rows)
        span = _column_lines(60, 552, 680 - rows * 12, 10)  # single-column text below
        return _page(left + right + span)

    assert len(_gutters(page(GUTTER_MIN_ROWS))) == 1
    assert _gutters(page(GUTTER_MIN_ROWS - 1)) == []


def test_a_margin_of_side_headings_is_no_column() -> None:
    heads = [run("Results in Brief", 36, 600, 17, x1=152), run("Background", 36, 400, 17, x1=130)]
    assert _gutters(_page(heads + _column_lines(216, 572, 620, 40, 11, 13))) == []


def test_a_tables_cells_are_no_columns() -> None:
    # Item names and figures in a table beside a column of text: cells narrower than a column's lines.
    cells = [run("Privacy given", 57, 670 - 10 * i, 8, x1=150) for i in range(12)]
    cells += [run("99 1 97", 192, 670 - 10 * i, 8, x1=272) for i in range(12)]
    text = _column_lines(57, 290, 540, 25) + _column_lines(305, 539, 680, 50)
    gutters = _gutters(_page(cells + text))
    assert len(gutters) == 1 and 290 <= gutters[0].middle <= 305  # the page's gutter only


def test_a_column_line_must_be_wide() -> None:
    # A line narrower than COLUMN_MIN_WIDTH ems does not count as a column's line beside a gutter.
    def page(width_ems: float) -> Page:
        left = [run("w", 200 - width_ems * 10, 700 - 12 * i, 10, x1=200) for i in range(12)]
        right = [run("w", 230, 700 - 12 * i, 10, x1=230 + width_ems * 10) for i in range(12)]
        return _page(left + right)

    assert len(_gutters(page(COLUMN_MIN_WIDTH + 0.5))) == 1
    assert _gutters(page(COLUMN_MIN_WIDTH - 0.5)) == []


def _line(text: str, x0: float, baseline: float, size: float = 9, x1: float | None = None, bold: bool = False) -> Line:
    font = Font("Bold" if bold else "Body", bold, False)
    width = x1 - x0 if x1 is not None else len(text) * size * 0.5
    piece = Run(text, x0, x0 + width, baseline - size * 0.2, baseline + size * 0.8, baseline, size, font)
    return make_line(1, [piece], 1)


def test_a_big_operator_raised_within_call_reach_joins_its_line() -> None:
    # A formula's big operator mapped to a letter ("Ð"), raised above its line's baseline.
    text = run("in month t, and O (T) = the entire set", 54, 506.0, 9)

    def rows(rise: float) -> int:
        return len(_rows([run("Ð", 145.7, 506.0 + rise, 9), text]))

    assert rows(CALL_REACH * 9 - 0.1) == 1
    assert rows(CALL_REACH * 9 + 0.1) == 2


def test_a_numbered_heading_under_a_heading_is_a_heading_of_its_own() -> None:
    lines = [_line("3 Results", 54, 600, 10, bold=True), _line("3.1 Comparative Time Series", 54, 586, 10, bold=True)]
    groups = group_lines([*lines, _line("Figure 2 shows a comparative time series of views.", 54, 570, 9)], 9, {})
    assert [(g.kind, len(g.lines)) for g in groups][:2] == [(BlockKind.HEADING, 1), (BlockKind.HEADING, 1)]


def test_a_side_heading_beside_the_text_is_read_before_it_whole() -> None:
    # A heading in the left margin, larger than the text, its lines level with the text's first lines.
    heading = [
        run("DOE's Budget Authority", 37, 426.8, 14, x1=184),
        run("for Renewable, Fossil", 37, 411.7, 14, x1=199),
    ]
    text = [run("As shown in figure 3, the budget authority", 216, 440.5 - 13 * i, 11, x1=560) for i in range(6)]
    lines = page_lines(_page(heading + text))
    assert [ln.text for ln in lines][:4] == [text[0].text, heading[0].text, heading[1].text, text[1].text]


def test_a_larger_run_off_the_baseline_across_a_gap_is_another_line() -> None:
    # The side heading's second line sits 2.8pt below a text line's baseline, 17pt left of it.
    text = run("authority each peaked in the late 1970s", 216.3, 414.5, 11, x1=569)
    near = run("for Renewable, Fossil, and", 216.3 - 17.4 - 162, 411.7, 14, x1=216.3 - 17.4)
    assert len(_rows([text, near])) == 2
    # A script right next to its word, a little lower, is part of the line.
    script = run("2", 569.5, 412.5, 7)
    assert len(_rows([text, script])) == 1
    assert len(_rows([text, run("2", 569 + ROW_NEAR * 7 + 0.5, 412.5, 7)])) == 2


def test_text_turned_up_the_margin_is_read_apart_from_the_columns() -> None:
    from paper2myst.readers.pdf.extract import read_pages

    lines = " ".join(
        f"BT /F1 9 Tf 60 {700 - 12 * i} Td (Words of the page's own text, line {i}) Tj ET" for i in range(20)
    )
    stamp = "BT /F1 5 Tf 0 5 -5 0 20 20 Tm (a stamp set up the side of the page) Tj ET"
    page = read_pages(_pdf(f"{lines} {stamp}", height=792, width=612))[0]
    assert [r.turned for r in page.runs].count(True) == 1
    read = page_lines(page)
    assert read[-1].text == "a stamp set up the side of the page" and read[-1].role == "aside"
    assert all(ln.role == "body" for ln in read[:-1])


def test_three_columns_whose_outer_gutter_is_broken_by_a_wide_line() -> None:
    # The right gutter is crossed by a line spanning the two right columns: two stretches of one band still
    # make one gutter with the left one, not a table of three.
    runs = _column_lines(40, 200, 700, 30, 8, 10) + _column_lines(214, 374, 700, 30, 8, 10)
    runs += [*_column_lines(388, 548, 700, 12, 8, 10), run("a table title across two columns", 214, 575, 8, x1=548)]
    runs += _column_lines(388, 548, 560, 15, 8, 10)
    middles = {round(g.middle) for g in _gutters(_page(runs))}
    assert len(middles) == 2


def test_a_sections_running_head_on_two_pages_running_is_furniture() -> None:
    from paper2myst.readers.pdf.furniture import mark_furniture

    def page(number: int, head: str, size: float = 8) -> tuple[Page, list[Line]]:
        body = [
            _line("Words of the body text, set larger than the running head.", 216, 600 - 13 * i, 11) for i in range(5)
        ]
        top = _line(head, 216, 740, size, bold=True)
        return Page(number, 612, 792, 0), [top, *body]

    pages = [page(1, "Appendix I: Estimated Tax Expenditures"), page(2, "Appendix I: Estimated Tax Expenditures")]
    pages += [page(n, f"Appendix II: Scope {n}") for n in (3, 5)] + [page(6, "Appendix III: Alone on its page")]
    pages += [page(n, "A heading at the text's size", 11) for n in (7, 8)]
    pages += [page(n, f"Another head {'x' * n}") for n in range(9, 17)]  # enough pages that two are not "repeated"
    mark_furniture([p for p, _ in pages], [lines for _, lines in pages])
    roles = [lines[0].role for _, lines in pages]
    assert roles[:2] == ["furniture", "furniture"]
    assert roles[4:7] == ["body", "body", "body"]  # on one page only; at the text's size


def test_a_word_set_letter_by_letter_in_small_runs_is_no_call() -> None:
    # A running head's letters set as runs of their own, just above a large title: not the title's calls.
    letters = [run(t, 216 + 6 * i, 730.8, 8) for i, t in enumerate(["A", "c", "kno", "w", "l", "edg"])]
    title = run("Appendix VI: GAO Contact and Staff", 35.7, 726.2, 27, x1=466)
    assert len(_rows([*letters, title])) == 2
    assert len(_rows([run("12", 300, 730.8, 8), title])) == 1  # a call of a few characters joins


def _faced(text: str, x0: float, baseline: float, size: float, face: str, x1: float) -> Line:
    piece = Run(text, x0, x1, baseline - size * 0.2, baseline + size * 0.8, baseline, size, Font(face, False, False))
    return make_line(1, [piece], 1)


def _body(top: float, count: int) -> list[Line]:
    text = "Words of the running text set in the body face across the whole column"
    return [_faced(text, 40, top - 10.7 * i, 8.2, "Serif", 294) for i in range(count)]


def test_a_line_in_a_rare_face_a_little_larger_is_a_heading() -> None:
    def kinds(scale: float) -> list[BlockKind]:
        head = _faced("Question generation and response parsing", 40, 210.6, 8.2 * scale, "Sans", 211)
        lines = [*_body(300, 8), head, *_body(199.9, 8)]
        mark_faces(lines, 8.2)
        return [g.kind for g in group_lines(lines, 8.2, {8.2: 10.7}, justified=True)]

    assert kinds(FACE_SCALE + 0.01) == [BlockKind.TEXT, BlockKind.HEADING, BlockKind.TEXT]
    assert BlockKind.HEADING not in kinds(FACE_SCALE - 0.01)


def test_a_passage_in_another_face_is_no_heading() -> None:
    # More than FACE_LINES short lines in a row in the other face: a box or a summary, not a heading.
    passage = [
        _faced("a short line of a summary box", 40, 210 - 11 * i, 8.6, "Sans", 200) for i in range(FACE_LINES + 1)
    ]
    lines = [*_body(300, 8), *passage, *_body(150, 8)]
    mark_faces(lines, 8.2)
    assert not any(ln.face_apart for ln in lines)


def test_a_ragged_block_at_the_body_size_is_not_cut_at_each_line() -> None:
    # A bold abstract, ragged, in a justified paper: its lines end short of the edge, all of them.
    ragged = [
        _line(f"abstract line {i} that ends wherever the words run out", 156, 559 - 11 * i, 9, x1=520 + i % 3 * 10)
        for i in range(6)
    ]
    justified = [_line("justified text runs to the edge", 156, 480 - 10 * i, 9, x1=554.1) for i in range(10)]
    groups = group_lines([*ragged, *justified], 9, {9.0: 10.0}, justified=True)
    assert len(groups[0].lines) == 6


def test_the_last_line_of_a_passage_in_the_other_face_is_no_heading() -> None:
    # A list item set in its own face: its short last line follows a line of the same family.
    item = [
        _faced("1. the organization of patient flow and care within the", 65, 193, 9.8, "Listface", 285),
        _faced("department", 76, 181, 9.8, "Listface", 123),
    ]
    caption = _faced("Table 2. Program Funding", 40, 150, 9.8, "Sans-Bold", 200)
    lines = [*_body(300, 8), *item, *_body(170, 1), caption, *_body(140, 4)]
    mark_faces(lines, 9.8)
    assert not any(ln.face_apart for ln in lines)


def test_a_bold_lead_sentence_over_lines_stays_in_its_paragraph() -> None:
    lines = [
        _line("• Observed non-compliance with robots.txt among other-", 64, 300, 9, bold=True),
        _line("wise respectful bots can sometimes be attributed to spoof-", 72, 289, 9, bold=True),
        _line("ing, in which malicious bots present a false user agent.", 72, 278, 9),
    ]
    groups = group_lines(lines, 9, {9.0: 11.0})
    assert [len(g.lines) for g in groups] == [3]


def test_a_bold_paragraph_is_one_block_not_headings() -> None:
    texts = ["Generative artificial intelligence technologies, especially large", "are revolutionizing information"]
    texts += ["These technologies have a significant potential to impact", "in online knowledge communities."]
    lines = [_line(t, 156, 559 - 11 * i, 9, bold=True) for i, t in enumerate(texts)]
    groups = group_lines(lines, 9, {9.0: 11.0})
    assert [(g.kind, len(g.lines)) for g in groups] == [(BlockKind.TEXT, 4)]


def test_display_type_without_a_letter_is_kept_as_printed_not_a_heading() -> None:
    lines = [*_body(400, 3), _line("93%", 103, 300, 14, bold=True), *_body(250, 3)]
    kinds = [g.kind for g in group_lines(lines, 8.2, {8.2: 10.7})]
    assert kinds == [BlockKind.TEXT, BlockKind.TABLE, BlockKind.TEXT]
    lines[3] = _line("S. 121", 103, 300, 14, bold=True)  # a bill's number: a letter, a heading
    assert [g.kind for g in group_lines(lines, 8.2, {8.2: 10.7})][1] is BlockKind.HEADING


def test_a_headings_wrapped_line_set_in_under_its_words_stays_in_the_heading() -> None:
    lines = [
        _line("3 Our dataset for analyzing", 54.3, 614.3, 10.9, bold=True),
        _line("robots.txt compliance at scale", 71.3, 601.3, 10.9, bold=True),
        _line("3.1 Dataset Preparation", 54.3, 585.6, 10.9, bold=True),
        *_body(571.9, 3),
    ]
    groups = group_lines(lines, 8.2, {8.2: 10.7})
    assert [(g.kind, len(g.lines)) for g in groups][:2] == [(BlockKind.HEADING, 2), (BlockKind.HEADING, 1)]


def test_a_paragraph_of_the_middle_column_is_no_quotation() -> None:
    def column(x0: float, x1: float, number: int) -> list[Line]:
        made = [
            _line("Words of a paragraph in its column, set full width.", x0, 700 - 11 * i, 9, x1=x1) for i in range(9)
        ]
        for line in made:
            line.column = number
        return made

    lines = column(40, 200, 1) + column(214, 374, 2) + column(388, 548, 3)
    groups = group_lines(lines, 9, {9.0: 11.0}, justified=True)
    assert {g.kind for g in groups} == {BlockKind.TEXT}


def test_a_dash_closed_up_to_its_word_at_a_line_end_stays_closed_up_after_a_written_space() -> None:
    from paper2myst.readers.pdf.inline import join_lines, render

    first = make_line(1, [run("locating Docket No. FAA–2020– ", 45, 700, 9)], 1)
    second = make_line(1, [run("0686; or in person at Docket Operations", 45, 690, 9)], 1)
    assert (
        render(join_lines([first, second], {}, spaced=True))
        == "locating Docket No. FAA–2020–0686; or in person at Docket Operations"
    )
    third = make_line(1, [run("the result — ", 45, 700, 9)], 1)
    assert render(join_lines([third, second], {}, spaced=True)).startswith("the result — 0686")


def test_an_address_cut_after_a_slash_goes_on_its_path_after_a_written_space() -> None:
    from paper2myst.readers.pdf.inline import join_lines, render

    first = make_line(1, [run("in the report (https://example.org/docs/ ", 45, 700, 9)], 1)
    path = make_line(1, [run("draft_rules/2020.pdf) of the agency", 45, 690, 9)], 1)
    joined = render(join_lines([first, path], {}, spaced=True))
    assert joined == "in the report (https://example.org/docs/draft_rules/2020.pdf) of the agency"
    word = make_line(1, [run("for public comment and review", 45, 690, 9)], 1)
    assert render(join_lines([first, word], {}, spaced=True)).endswith("/docs/ for public comment and review")


def test_small_type_above_the_text_of_the_columns_is_no_note_area() -> None:
    from paper2myst.readers.pdf.notes import mark_notes

    page = Page(7, 612, 792, 0)
    caption = [
        _line("Table 5. Bots are most likely to comply with the crawl delay", 54, 280 - 8 * i, 7) for i in range(3)
    ]
    text = []
    for number, x0 in ((1, 54), (2, 318)):
        for i in range(10):
            line = _line("Words of the text of a column below the table, body size.", x0, 250 - 11 * i, 9, x1=x0 + 240)
            line.column = number
            text.append(line)
    for line in caption:
        line.column = 0
    lines = [*caption, *text]
    mark_notes(page, lines, 9)
    assert all(ln.role == "body" for ln in lines)
    # The same small lines at the foot of the page, below the text, with a rule above them, are notes.
    foot = [_line(f"{i + 1} A note at the foot of the page, in small type.", 54, 100 - 8 * i, 7) for i in range(3)]
    for line in foot:
        line.column = 0
    page.rules = [Box(54, 112, 120, 112.5)]
    above = [
        _line("Words of the text above the notes, at the body size.", 54, 300 - 11 * i, 9, x1=550) for i in range(10)
    ]
    mark_notes(page, [*above, *foot], 9)
    assert [ln.role for ln in foot] == ["note"] * 3


def test_small_type_below_a_framed_box_at_the_page_s_foot_is_no_note_area() -> None:
    from paper2myst.readers.pdf.notes import mark_notes

    def page_with(rules: list[Box]) -> list[str]:
        page = Page(9, 612, 792, 0)
        page.rules = rules
        above = [
            _line("Words of the text above the small type, at the body size.", 54, 400 - 11 * i, 9, x1=290)
            for i in range(8)
        ]
        boxed = [_line("Additional file 1: made-up appendices.", 60, 218, 7)]
        small = [_line("Competing interests", 54, 190, 7), _line("The authors declare none at all.", 54, 182, 7)]
        lines = [*above, *boxed, *small]
        mark_notes(page, lines, 9)
        return [ln.role for ln in small]

    # A box drawn as two rules of one extent, above and below its line: its edges, no note area's separator.
    assert page_with([Box(58, 228, 288, 228.5), Box(58, 212, 288, 212.5)]) == ["body", "body"]
    assert page_with([Box(58, 212, 120, 212.5)]) == ["note", "note"]  # one short rule: the notes' separator


def test_a_rule_high_up_a_column_rules_off_no_note_area_below_its_last_heading() -> None:
    from paper2myst.readers.pdf.notes import mark_notes

    def column(rule_top: float) -> list[str]:
        """A column of 11pt text beside another: a rule, a heading, text, a heading, 10pt text without labels."""
        page = Page(2, 612, 792, 0)
        page.rules = [Box(44, rule_top - 0.5, 190, rule_top)]
        heads = [_line("Why We Did This Study", 44, 600, 12, bold=True), _line("What We Suggest", 44, 180, 12, True)]
        running = [_line("Words of the column at the body's size.", 46, 580 - 12 * i, 11, x1=190) for i in range(30)]
        under = [_line("Words of the column set small.", 46, 164 - 11 * i, 10, x1=190) for i in range(5)]
        wide = [_line("Words of the body beside the column, at 11pt, the body's size.", 230, 580, 11, x1=580)]
        for line in [*heads, *running, *under]:
            line.column = 1
        wide[0].column = 2
        mark_notes(page, [heads[0], *running, heads[1], *under, *wide], 11)
        return [ln.role for ln in under]

    # The heading's line bottoms at 177.6 and the text under it tops at 172: a rule between the two opens an area.
    assert column(175) == ["note"] * 5
    # A rule higher up the column (above its first heading: a banner's, a logo's) rules off nothing below the text.
    assert column(689) == ["body"] * 5


def test_a_heading_of_small_type_in_a_family_of_its_own_heads_the_text_under_it() -> None:
    from paper2myst.readers.pdf import _small_heads
    from paper2myst.readers.pdf.paragraphs import Group

    def small(text: str, baseline: float, font: str, x0: float = 57) -> Line:
        piece = Run(
            text, x0, x0 + len(text) * 3.5, baseline - 1.5, baseline + 6, baseline, 7.5, Font(font, False, False)
        )
        return make_line(9, [piece], 1)

    def split(head_font: str, beside: bool = False) -> list[BlockKind]:
        head = small("Competing interests", 360, head_font)
        text = small("The authors declare that they have no competing interests at all.", 351, "Text")
        lines = [head, text] + ([small("Yes", 360, "Text", x0=200)] if beside else [])
        group = Group(BlockKind.TEXT, lines)
        items, _ = _small_heads([group], [group], 9.8)
        return [g.kind for g in items]

    assert split("Head") == [BlockKind.HEADING, BlockKind.TEXT]  # its own family over the text's
    assert split("Text") == [BlockKind.TEXT]  # the text's family: a box's title or the text's first words
    assert split("Head", beside=True) == [BlockKind.TEXT]  # a cell beside it on its row: a table's header

    from paper2myst.readers.pdf import _under_small_head

    def under(head_font: str) -> bool:
        head = Group(BlockKind.HEADING, [small("Competing interests", 360, head_font)])
        text = Group(BlockKind.TEXT, [small("The authors declare that they have no competing interests.", 351, "Text")])
        return _under_small_head([head, text], text)

    assert under("Head")  # a section's text in small type, not a box
    assert not under("Text-Bold")  # a title in the text's own family: a box's


def test_the_body_size_is_the_running_texts_not_a_tables() -> None:
    from paper2myst.readers.pdf import body_size

    running = [
        _line("Words of the running text, one line alone on its row.", 90, 700 - 13 * i, 11, x1=520) for i in range(10)
    ]
    cells = [
        _line(f"cell {i} {j}", 90 + 120 * j, 500 - 11 * i, 9, x1=180 + 120 * j) for i in range(40) for j in range(4)
    ]
    assert body_size([*running, *cells]) == 11.0


def test_a_paragraph_after_a_bullet_item_is_not_cut_at_each_line() -> None:
    lines = [
        _line("• Gus Schumacher Nutrition Incentive Program", 58.2, 246.6, 10, x1=269.4),
        _line("(GusNIP) grants.", 71.8, 235.1, 10, x1=139.0),
        _line("These programs are administered by the U.S. Department of", 57.8, 221.4, 10, x1=299.0),
        _line("Agriculture’s (USDA’s) Food and Nutrition Service (FNS),", 57.7, 211.0, 10, x1=296.0),
        _line("(except for GusNIP, administered by USDA’s National", 58.0, 200.4, 10, x1=278.7),
        _line("and program summaries.)", 58.0, 190.0, 10, x1=160.1),
    ]
    groups = group_lines(lines, 10, {10.0: 10.6})
    assert [(g.kind, len(g.lines)) for g in groups] == [(BlockKind.LIST_ITEM, 2), (BlockKind.TEXT, 4)]


def test_a_run_in_head_after_a_sentences_end_opens_a_paragraph() -> None:
    bold, body = Font("Body-Bold", True, False), Font("Body", False, False)

    def opening(head: str, text: str, baseline: float) -> Line:
        first = Run(head, 58, 58 + len(head) * 4.5, baseline - 1.8, baseline + 7.2, baseline, 9, bold)
        rest = Run(text, first.x1 + 2, 290, baseline - 1.8, baseline + 7.2, baseline, 9, body)
        return make_line(1, [first, rest], 1)

    lines = [
        _line("This categorization allows us to analyze collective bot", 58, 300, x1=290),
        _line("behaviors.", 58, 289, x1=100),
        opening("Ethical considerations.", "Data collection and analysis", 278),
        _line("adhered to a protocol approved by the board, and went", 58, 267, x1=290),
        opening("Figure 2", "shows the traffic of the bots over the", 256),  # no stop: a bold word opens a line
    ]
    groups = group_lines(lines, 9, {9.0: 11.0})
    assert [len(g.lines) for g in groups] == [2, 3]


def test_a_caption_s_words_go_on_after_its_bold_line_when_it_wraps() -> None:
    body = [
        _line(f"Words of the running text of the column, line {i} of the column", 58, 400 - 11 * i, x1=290)
        for i in range(6)
    ]
    wrapped = [
        _line("Table 1: Made-up regression of counts and rates with the", 58, 300, x1=290, bold=True),
        _line("x = 6 (the counts of six months), with all weights equal.", 58, 289, x1=250),
    ]
    groups = group_lines([*body, *wrapped], 9, {9.0: 11.0}, justified=True)
    assert [(g.kind, len(g.lines)) for g in groups][-1] == (BlockKind.CAPTION, 2)
    short = [_line("Table 1: Made-up counts", 58, 300, x1=160, bold=True), _line("(in millions)", 58, 289, x1=120)]
    groups = group_lines([*body, *short], 9, {9.0: 11.0}, justified=True)
    assert [(g.kind, len(g.lines)) for g in groups][-2:] == [(BlockKind.CAPTION, 1), (BlockKind.TEXT, 1)]


def test_a_region_under_a_caption_ends_where_a_paragraph_from_the_last_column_goes_on() -> None:
    from dataclasses import replace

    from paper2myst.readers.pdf import _figures
    from paper2myst.readers.pdf.paragraphs import Group

    def at(line: Line, column: int, number: int) -> Line:
        return replace(line, column=column, number=number)

    cut = [at(_line("Words of a paragraph that the column's foot cuts", 58, 120, x1=290), 1, 1)]
    caption = Group(BlockKind.CAPTION, [at(_line("Table 3. Made-up counts", 318, 700, x1=450), 2, 2)])
    rows = [at(_line(f"Row {i} 15.2", 318, 680 - 11 * i, x1=400), 2, 3 + i) for i in range(5)]
    rest = [at(_line("on under the table, in the next column.", 318, 600, x1=558), 2, 9)]
    paragraph = Group(BlockKind.TEXT, cut + rest)  # (the paragraph went on: its lines in both columns)
    groups = [paragraph, caption, Group(BlockKind.TABLE, rows)]
    page = Page(1, 612, 792, 0)
    [figure] = _figures(groups, [], [page], [*cut, *caption.lines, *rows, *rest], 9, "Body")
    assert figure.lines == tuple(range(3, 8))  # the rows, not the paragraph's rest under them


def test_a_region_under_a_caption_takes_rows_at_the_text_s_size_and_ends_at_prose_in_its_column() -> None:
    from dataclasses import replace

    from paper2myst.readers.pdf import _figures
    from paper2myst.readers.pdf.paragraphs import Group

    def at(line: Line, column: int, number: int) -> Line:
        return replace(line, column=column, number=number)

    caption = Group(BlockKind.CAPTION, [at(_line("Table 1: Made-up counts of the survey", 54, 700, x1=250), 1, 1)])
    cells = [
        make_line(1, [run(f"Row {i} of counts", 80, 680 - 11 * i, 9), run("6,060", 200, 680 - 11 * i, 9)], 1)
        for i in range(4)
    ]
    rows = [Group(BlockKind.QUOTE, [at(line, 1, 2 + i)]) for i, line in enumerate(cells)]
    prose = at(_line("Words of the running text of the column under the table, at last.", 54, 620, x1=294), 1, 6)
    heading = at(_line("4 Conclusion", 318, 680, 11, bold=True), 2, 7)  # beside the rows, in the next column
    groups = [caption, *rows, Group(BlockKind.TEXT, [prose]), Group(BlockKind.HEADING, [heading])]
    lines = [*caption.lines, *(g.lines[0] for g in rows), prose, heading]
    [figure] = _figures(groups, [], [Page(1, 612, 792, 0)], lines, 9, "Body")
    assert figure.lines == (2, 3, 4, 5)


def test_where_paragraphs_open_indented_a_line_at_the_edge_after_an_unfinished_sentence_goes_on() -> None:
    from dataclasses import replace

    from paper2myst.readers.pdf.paragraphs import Group, continues, opens_indented

    def paragraph(indent: float) -> Group:
        return Group(BlockKind.TEXT, [_line("Opening words of it", 54 + indent, 300), _line("and its rest", 54, 289)])

    assert opens_indented([paragraph(9), paragraph(9), paragraph(0)])  # most open set in
    assert not opens_indented([paragraph(9), paragraph(0)])  # half: no more than the others

    prev = Group(BlockKind.TEXT, [_line("The FAA will issue a draft of the Flight Standardization", 222, 100, x1=363)])
    top = replace(_line("Board Report at the agency's site for public comment.", 399, 700, x1=549), column=3)
    nxt = Group(BlockKind.TEXT, [top])
    assert continues(prev, nxt, 390, 399, indented=True)  # ragged, a capital: still the sentence's rest
    assert not continues(prev, nxt, 390, 399)  # paragraphs at the edge: the capital may open one
    ended = Group(BlockKind.TEXT, [_line("The FAA will issue a draft report.", 222, 100, x1=330)])
    assert not continues(ended, nxt, 390, 399, indented=True)
    # A colon announces what follows: a line at the edge after it goes on (a quotation run in), as it would not
    # where paragraphs open at the edge.
    announces = Group(BlockKind.TEXT, [_line("A journalist summarised the feeling in a post:", 222, 100, x1=330)])
    assert continues(announces, nxt, 390, 399, indented=True)
    assert not continues(announces, nxt, 390, 399)


def test_an_unreadable_glyph_set_apart_at_a_lines_start_is_a_bullet() -> None:
    lines = [
        _line("The interview sought to identify:", 58, 246.6, 10, x1=220),
        _line("\ufffd the patient’s perspective of the quality of care", 58, 234.6, 10, x1=290),
        _line("delivery and", 68, 222.6, 10, x1=120),
        _line("\ufffd the patient’s satisfaction with the services", 58, 210.6, 10, x1=280),
        _line("\ufffdHe said.", 58, 198.6, 10, x1=120),  # glued to a word: a letter lost, not a bullet
    ]
    groups = group_lines(lines, 10, {10.0: 12.0})
    kinds = [(g.kind, len(g.lines)) for g in groups]
    assert kinds == [(BlockKind.TEXT, 1), (BlockKind.LIST_ITEM, 2), (BlockKind.LIST_ITEM, 2)]


def test_a_bare_letter_at_a_lines_start_is_a_bullet_not_a_notes_label() -> None:
    from paper2myst.readers.pdf.notes import is_labelled

    def opening(label: str, raised: bool = False) -> Line:
        size = 6 if raised else 10
        mark = Run(
            label,
            90.8,
            95,
            440 + (3 if raised else 0),
            448,
            440 + (3 if raised else 0),
            size,
            Font("Body", False, False),
        )
        return make_line(1, [mark, run("Generative AI—products that focus on", 108, 440, 10)], 0)

    assert not is_labelled(opening("o"))
    assert is_labelled(opening("a."))
    assert is_labelled(opening("12"))
    assert is_labelled(opening("a", raised=True))


def test_bold_ending_in_a_dash_before_a_word_closes_before_the_dash() -> None:
    from paper2myst.readers.pdf.inline import Piece, render

    pieces = [Piece("AI Overview: Technology and Regulation—", bold=True), Piece("products that provide")]
    assert render(pieces) == "**AI Overview: Technology and Regulation**—products that provide"
    assert render([Piece("see "), Piece("“Title,”", italic=True), Piece(" then")]) == "see *“Title,”* then"


def test_calls_in_a_heading_and_a_list_item_are_counted_in_their_order() -> None:
    from paper2myst.diagnostics import Kind
    from paper2myst.model import Document, Heading, ItemList, ListItem, Note, Paragraph, Span
    from paper2myst.stages.markers import markers

    doc = Document(
        body=[
            Heading("Regular Elections of the Speaker¹", Span((1,))),
            ItemList([ListItem("•", "wages earned in covered work² over a year", Span((2,)))], Span((2,))),
            Paragraph("The text goes on.³", Span((3,))),
        ],
        notes=[Note(str(n), f"Note {n}.", Span((10 + n,))) for n in (1, 2, 3)],
    )
    markers(doc)
    assert not [d for d in doc.diagnostics if d.kind in {Kind.MARKER_ORDER, Kind.NOTE_WITHOUT_MARKER}]


def test_a_sentence_going_on_over_a_table_number_at_a_lines_start_is_no_caption() -> None:
    lines = [
        _line("Many agencies have offices that perform similar functions to the offices in", 72, 500, 12, x1=540),
        _line("Table 1. The plan states that USDA is to remove duplicate functions and", 72, 486, 12, x1=540),
        _line("generally plans to consolidate functions into single offices.", 72, 472, 12, x1=400),
    ]
    groups = group_lines(lines, 12, {12.0: 14.0})
    assert [(g.kind, len(g.lines)) for g in groups] == [(BlockKind.TEXT, 3)]


def test_paragraphs_set_apart_by_a_little_space_part() -> None:
    from paper2myst.readers.pdf.paragraphs import PARA_SPACE

    def groups(extra: float) -> int:
        first = [
            _line("Words of the first paragraph set in a column.", 58, 600 - 10.5 * i, 10, x1=290) for i in range(4)
        ]
        top = 600 - 10.5 * 3 - 10.5 - extra
        second = [
            _line("Words of the next paragraph set in a column.", 58, top - 10.5 * i, 10, x1=290) for i in range(4)
        ]
        return len(group_lines([*first, *second], 10, {10.0: 10.5}))

    assert groups(PARA_SPACE * 10 + 0.2) == 2
    assert groups(PARA_SPACE * 10 - 0.2) == 1


def test_a_designations_hyphen_at_a_line_end_closes_up_to_its_number() -> None:
    from paper2myst.readers.pdf.inline import join_lines, render

    first = make_line(1, [run("and one platoon of M-", 58, 700, 10)], 1)
    second = make_line(1, [run("1E3 Abrams tanks by the end of the year.", 58, 688, 10)], 1)
    assert render(join_lines([first, second], {})) == "and one platoon of M-1E3 Abrams tanks by the end of the year."


def test_a_soft_hyphen_drawn_at_a_line_end_is_the_typesetter_s_and_the_word_goes_on_whole() -> None:
    from paper2myst.readers.pdf.inline import join_lines, render

    first = make_line(1, [run("this does not remove responsibil", 58, 700, 10), run("\xad", 209, 700, 10)], 1)
    second = make_line(1, [run("ity of the government.", 58, 688, 10)], 1)
    assert render(join_lines([first, second], {})) == "this does not remove responsibility of the government."


def test_a_quotation_cut_by_a_column_break_goes_on_set_in() -> None:
    from paper2myst.readers.pdf.paragraphs import Group, continues

    def quoted(x0: float, top: float, column: int, texts: list[str]) -> Group:
        lines = [_line(t, x0, top - 11.5 * i, 10, x1=x0 + 205) for i, t in enumerate(texts)]
        for line in lines:
            line.column = column
        return Group(BlockKind.QUOTE, lines)

    before = quoted(
        76, 65.6, 1, ["[w]ill include the best features of the new", "and will comply with the latest modular open"]
    )
    after = quoted(331.8, 646.7, 2, ["systems architecture standards, allowing quicker", "technology upgrades."])
    assert continues(before, after, 292.0, 313.0)


def test_unlabelled_small_type_goes_on_from_a_note_only_if_the_note_is_unfinished_and_near() -> None:
    from paper2myst.readers.pdf import _goes_on

    def note_line(text: str, page: int) -> Line:
        line = _line(text, 216, 100, 8)
        line.page = page
        return line

    unfinished = note_line("About half of the demand is for oil, which is", 50)
    finished = note_line("About half of the demand is for oil.", 50)
    assert _goes_on(unfinished, note_line("primarily imported.", 51))
    assert not _goes_on(finished, note_line("Total estimated expenditures", 51))
    assert _goes_on(finished, note_line("and so on, in lower case.", 51))
    assert not _goes_on(unfinished, note_line("primarily imported.", 60))  # ten pages on: another thing


def test_a_written_space_the_next_glyph_is_set_over_is_not_the_texts() -> None:
    from paper2myst.readers.pdf.lines import SQUEEZE

    def text(back: float) -> str:
        first = run("Appendix I: Estimated Federal T ", 35.7, 726.2, 27, x1=418.8)
        second = run("ax Expenditures", 418.8 - back, 726.2, 27)
        return make_line(1, [first, second], 0).text

    assert text(SQUEEZE * 27 + 0.05) == "Appendix I: Estimated Federal Tax Expenditures"
    assert text(SQUEEZE * 27 - 0.05) == "Appendix I: Estimated Federal T ax Expenditures"


def test_a_heading_may_end_with_an_abbreviations_point() -> None:
    def kind(text: str) -> BlockKind:
        lines = [*_body(400, 3), _line(text, 54, 300, 12, bold=True), *_body(280, 3)]
        return group_lines(lines, 8.2, {8.2: 10.7})[1].kind

    assert kind("Latest Action: United States v. Example Technologies, Inc.") is BlockKind.HEADING
    assert kind("Trade with the U.S.") is BlockKind.HEADING
    assert kind("The bold sentence ends a thought.") is BlockKind.TEXT


def test_a_section_number_set_apart_from_its_title_stays_with_it() -> None:
    from paper2myst.readers.pdf.lines import SECTION_GAP

    def parts(gap_ems: float, size: float = 14) -> list[str]:
        number = Run("2", 54, 62, 600, 611, 602, 14, Font("Sans-Bold", True, False))
        x0 = 62 + gap_ems * 14
        title = Run(
            "Understanding foundation models", x0, x0 + 230, 600, 611, 602, size, Font("Sans-Bold", True, False)
        )
        return [ln.text for ln in page_lines(_page([number, title]))]

    assert parts(SECTION_GAP - 0.5) == ["2 Understanding foundation models"]
    assert parts(SECTION_GAP + 0.5) == ["2", "Understanding foundation models"]
    assert parts(2.0, size=9) == ["2", "Understanding foundation models"]  # another size: a chart's label


def test_a_wrapped_heading_in_its_own_face_is_one_heading_and_a_list_in_its_own_face_none() -> None:
    head = [
        _faced("Potential bias of GPT-4o as an evaluator, parser, and question", 40, 585.4, 8.7, "Sans", 289),
        _faced("generator", 40, 574.8, 8.7, "Sans", 80),
    ]
    lines = [*_body(700, 8), *head, *_body(564, 8)]
    mark_faces(lines, 8.2)
    assert [ln.face_apart for ln in head] == [True, True]
    items = [
        _faced("1. the organization of patient flow and care within the", 40, 585.4, 8.7, "Listface", 289),
        _faced("department", 50, 574.8, 8.7, "Listface", 100),
    ]
    lines = [*_body(700, 8), *items, *_body(564, 8)]
    mark_faces(lines, 8.2)
    assert [ln.face_apart for ln in items] == [False, False]


def _side_page(head_size: float, head_end: float = 203.0, bold: bool = False, text: str = "Ethanol") -> list[Line]:
    """Text set from x=216 at 11pt, and a margin line level with its first line, ``head_size`` large."""
    font = Font("Body-Bold" if bold else "Body", bold, False)
    head = Run(text, 37, head_end, 419, 431, 421.3, head_size, font)
    body = [run("DOE's ethanol R&D program, the primary component of its biomass R&D", 216, 421.3, 11, x1=560)]
    body += [
        run(f"line {i} of the text goes on as the text goes on to its end", 216, 408.3 - 13 * i, 11, x1=560)
        for i in range(8)
    ]
    return page_lines(_page([head, *body]))


def test_a_side_heading_a_little_larger_than_the_text_is_a_heading_read_first() -> None:
    from paper2myst.readers.pdf.lines import SIDE_STEP
    from paper2myst.readers.pdf.paragraphs import is_heading

    lines = _side_page(11 * (1 + SIDE_STEP) + 0.1)
    assert lines[0].text == "Ethanol" and lines[0].side and is_heading(lines[0], 11)
    assert lines[1].text.startswith("DOE's ethanol")
    lines = _side_page(11 * (1 + SIDE_STEP) - 0.1)  # the text's size, or nearly: a table's first cell
    assert lines[0].text.startswith("Ethanol DOE's") and not lines[0].side  # one line, as printed
    assert _side_page(11, bold=True)[0].side  # bold at the text's size: a heading too


def test_a_side_heading_closer_to_the_text_than_a_column_gap_is_a_line_of_its_own() -> None:
    from paper2myst.readers.pdf.lines import SIDE_GAP

    size = 11 * 1.09
    # Ending SIDE_GAP ems short of the text's edge: parted from the text's line (COLUMN_GAP would not part them).
    lines = _side_page(size, head_end=216 - SIDE_GAP * 11 - 0.5)  # (the text's ems)
    assert [ln.text for ln in lines][:2] == ["Ethanol", lines[1].text] and lines[1].text.startswith("DOE's")
    # Closer: one line, as printed.
    lines = _side_page(size, head_end=216 - SIDE_GAP * 11 + 0.5)
    assert lines[0].text.startswith("Ethanol DOE's")
    # A list's label in the margin is no heading, whatever its size: it stays with its item.
    lines = _side_page(size, head_end=216 - (SIDE_GAP + 0.3) * size, text="1.")
    assert lines[0].text.startswith("1. DOE's")
    # A year ending a wrapped side heading is the heading's, not a label.
    assert _side_page(size, head_end=216 - (SIDE_GAP + 0.3) * size, text="1997")[0].text == "1997"


def test_two_single_quotation_marks_set_together_are_a_double_one() -> None:
    from paper2myst.readers.pdf.extract import paired_quotes

    assert paired_quotes("known as its ‘‘pitch attitude.’’ On") == "known as its “pitch attitude.” On"
    assert paired_quotes("the ‘pilot’s’ view") == "the ‘pilot’s’ view"  # one mark at a time: single quotes
    assert paired_quotes("a ‘ ‘ gap") == "a ‘ ‘ gap"  # apart: two marks


def test_break_marks_drawn_as_nothing_are_no_part_of_the_words() -> None:
    from paper2myst.readers.pdf.extract import visible

    assert visible("example.org/long\u200bpath") == "example.org/longpath"  # a zero-width space in an address
    assert visible("\ufeffWord\u2060s") == "Words"
    assert visible("a\u00a0b\u200cc") == "a\u00a0b\u200cc"  # a no-break space, a non-joiner: the text's own


def test_an_accent_drawn_over_the_letter_before_it_joins_the_letter() -> None:
    from paper2myst.readers.pdf.lines import accents

    def text(accent_x0: float) -> str:
        word = run("authorities: Age", 200, 500, 10, x1=287.1)
        rest = run("ncia Nacional", 287.2, 500, 10, x1=350)
        return "".join(r.text for r in accents([word, run("ˆ", accent_x0, 500, 10, x1=accent_x0 + 2.8), rest]))

    assert text(287.1 - 3.3) == "authorities: Agência Nacional"  # drawn back over the "e"
    assert text(287.1 + 0.1) == "authorities: Ageˆncia Nacional"  # after the letter: kept as printed


def test_a_heading_as_wide_as_the_text_is_one_in_the_face_of_the_documents_other_headings() -> None:
    from paper2myst.readers.pdf.paragraphs import FACE_FILL

    def apart(face: str, fill: float) -> bool:
        short = _faced("URL analysis", 40, 620, 8.7, "Sans", 90)  # a heading set apart by its face, short
        wide = _faced("Editing model responses to improve statement relevance", 40, 400, 8.7, face, 40 + fill * 254)
        lines = [*_body(700, 8), short, *_body(610, 8), wide, *_body(390, 8)]
        mark_faces(lines, 8.2)
        assert short.face_apart
        return wide.face_apart

    assert apart("Sans", FACE_FILL - 0.01)
    assert apart("Sans", FACE_FILL + 0.1)  # as wide as the text, but in the headings' face
    assert not apart("Mono", FACE_FILL + 0.1)  # another rare face no heading uses: a passage's line
    assert apart("Mono", FACE_FILL - 0.01)


def test_a_heading_in_its_own_face_may_name_a_title_in_italics() -> None:
    italic = Run("SourceCheckup", 306, 366, 616, 625, 617.6, 8.7, Font("SansI", False, True))
    rest = Run("evaluation framework", 368, 450, 616, 625, 617.6, 8.7, Font("Sans", False, False))
    head = make_line(1, [italic, rest], 1)
    lines = [*_body(700, 8), head, *_body(607, 8)]
    mark_faces(lines, 8.2)
    assert head.face_apart
    all_italic = make_line(1, [italic, replace(rest, font=Font("SansI", False, True))], 1)
    lines = [*_body(700, 8), all_italic, *_body(607, 8)]
    mark_faces(lines, 8.2)
    assert not all_italic.face_apart  # wholly in italics: an emphasised line, no heading


def test_of_two_runs_starting_together_the_shorter_is_read_first() -> None:
    from paper2myst.readers.pdf.lines import START_TIE

    def text(offset_ems: float) -> str:
        word = run("more of a ‘verbal expression", 57, 588.9, 9.8, x1=231.4)
        comma = run(", rather than a", 231.66, 588.9, 9.8, x1=290.5)
        quote = run("’", 231.66 + offset_ems * 9.8, 588.9, 9.8, x1=233.0 + offset_ems * 9.8)
        return page_lines(_page([word, comma, quote]))[0].text

    assert text(START_TIE - 0.01) == "more of a ‘verbal expression’, rather than a"
    assert text(START_TIE + 0.01) != "more of a ‘verbal expression’, rather than a"  # apart: in the order they start


def test_an_abstract_goes_on_past_side_text_set_level_with_it() -> None:
    # Dates in the margin left of an abstract set larger than the text: reading by height puts a side line
    # between the abstract's first and second lines; the abstract is one paragraph, its first line no heading.
    from paper2myst.readers.pdf.paragraphs import SAME_SIZE

    def groups(side_size: float, side_x1: float) -> list[tuple[BlockKind, int]]:
        abstract = [_faced(f"abstract words of line {i} run on", 217, 523 - 14 * i, 10, "Serif", 560) for i in range(6)]
        side = _faced("Check for updates", 52, 513.7, side_size, "Sans", side_x1)
        lines = [abstract[0], side, *abstract[1:], *_body(300, 6)]
        return [(g.kind, len(g.lines)) for g in group_lines(lines, 8.2, {8.2: 10.7, 10.0: 14.0}, justified=True)]

    assert groups(10 - SAME_SIZE - 0.01, 119)[0] == (BlockKind.TEXT, 6)
    assert groups(10 - SAME_SIZE + 0.01, 119)[0] != (BlockKind.TEXT, 6)  # the same size: text of its own
    assert groups(10 - SAME_SIZE - 0.01, 218)[0] != (BlockKind.TEXT, 6)  # under the abstract's first line


def test_where_captions_stand_under_their_tables_the_region_is_above_each() -> None:
    # A journal's layout: each table's rows, then its caption under them, then the running text straight on;
    # a report's: the caption, its rows under it. Either way the region holds the rows, never the text.

    from paper2myst.readers.pdf import _figures
    from paper2myst.readers.pdf.paragraphs import Group

    prose = "Words of the running text of the column, set as a paragraph is."

    def table(top: float, under: bool) -> list[Group]:
        """Text, then rows and caption (in the order set), then text, from ``top`` down; lines numbered by row."""
        rows_top, caption_at = (top - 20, top - 80) if under else (top - 40, top - 20)
        above = Group(BlockKind.TEXT, [_line(prose, 54, top, x1=294)])
        rows = Group(BlockKind.QUOTE, [_line(f"Row {i} 15.2", 90, rows_top - 11 * i, x1=200) for i in range(4)])
        caption = Group(BlockKind.CAPTION, [_line("Table 1. Made-up counts", 54, caption_at, x1=200)])
        after = Group(BlockKind.TEXT, [_line(prose, 54, top - 100 - 11 * k, x1=294) for k in range(2)])
        return [above, rows, caption, after] if under else [above, caption, rows, after]

    for under in (True, False):
        groups = [*table(700, under), *table(400, under)]
        lines = sorted((ln for g in groups for ln in g.lines), key=lambda ln: -ln.baseline)
        for number, line in enumerate(lines, start=1):
            line.number = number
        rows = [[ln.number for ln in g.lines] for g in groups if g.kind is BlockKind.QUOTE]
        figures = _figures(groups, [], [Page(1, 612, 792, 0)], lines, 9, "Body")
        assert [list(f.lines) for f in figures] == rows, under


def test_a_figure_s_region_takes_in_the_whole_width_of_an_image_it_meets() -> None:
    from paper2myst.readers.pdf import _widened

    chart = Box(72, 580, 554, 730)  # set wider than the caption's column (154 to 556)
    assert _widened((154, 572, 556, 757), [chart]) == (72, 572, 556, 757)
    assert _widened((154, 300, 556, 500), [chart]) == (154, 300, 556, 500)  # an image elsewhere on the page


def test_a_figure_s_region_ends_over_its_source_line_set_small_apart_from_the_body() -> None:
    # "Source: CRS." set small under a chart: the figure's note, shown under the image, not in it nor in its alt.
    from dataclasses import replace

    from paper2myst.readers.pdf import _figures
    from paper2myst.readers.pdf.paragraphs import Group

    caption = Group(BlockKind.CAPTION, [replace(_line("Figure 1. Made-up rainfall", 90, 700, 11, x1=300), number=1)])
    label = replace(_line("2021 2022 2023", 120, 500, 8, x1=300), number=2)
    source = replace(_line("Source: CRS.", 108, 330, 8, x1=160), number=3)
    text = Group(
        BlockKind.TEXT, [replace(_line("Words of the running text under the figure.", 90, 300, 11, x1=510), number=4)]
    )
    [figure] = _figures(
        [caption, text], [], [Page(1, 612, 792, 0)], [*caption.lines, label, source, *text.lines], 11, "Body"
    )
    assert figure.lines == (2,)
    assert figure.box[1] > source.top


def test_a_date_beside_the_text_that_the_front_gives_already_is_not_printed_again() -> None:
    # A report's summary page sets its date beside the text ("April 14, 2026"), its cover "Updated April 14, 2026".
    from paper2myst.readers.pdf.boxes import panels
    from paper2myst.readers.pdf.paragraphs import Group

    def kinds(text: str) -> list[BlockKind]:
        aside = Group(BlockKind.TABLE, [_line(text, 460, 660, 10, x1=518)])
        return [g.kind for g in panels([aside], [Page(1, 612, 792, 0)], {"Updated April 14, 2026"}, {})]

    assert kinds("April 14, 2026") == [BlockKind.FURNITURE]
    assert kinds("April 15, 2026") == [BlockKind.TABLE]  # another date: the author's, kept
    assert kinds("Updated April 14, 2026") == [BlockKind.FURNITURE]


def test_two_captions_side_by_side_are_read_each_whole_and_each_figure_as_wide_as_its_caption() -> None:
    # Two figures in a row across the page, each caption under its own; reading by height interleaves their lines.
    from paper2myst.readers.pdf import _figures

    def caption(x0: float, x1: float, words: str) -> list[Line]:
        return [_line(f"{words} line {i} of the caption", x0, 557 - 8 * i, 7, x1=x1) for i in range(3)]

    left = caption(54, 271, "Figure 2. Made-up bars")
    right = caption(291, 558, "Figure 3. Made-up curves")
    lines = [ln for pair in zip(left, right, strict=True) for ln in pair]
    for number, line in enumerate(lines, start=1):
        line.number = number
    groups = group_lines(lines, 9, {9.0: 11.0, 7.0: 8.0}, justified=True)
    assert [[ln.number for ln in g.lines] for g in groups] == [[1, 3, 5], [2, 4, 6]]
    assert all(g.kind is BlockKind.CAPTION for g in groups)
    [one, two] = _figures(groups, [], [Page(1, 612, 792, 0)], lines, 9, "Body")
    assert one.box[2] < two.box[0]  # side by side, apart
