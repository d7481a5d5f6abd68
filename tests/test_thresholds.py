"""Every named threshold of the PDF reader pinned at its documented value by literal geometry.

The other tests often place their runs from the constant itself (a call at ``CALL_REACH * size + ε``), so they
move with it; these put small synthetic runs just inside and just outside the documented value, so that a
change of a threshold by 30% either way makes one of them fail ("mutate a threshold by 30%: if no test fails,
the test is missing").
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from paper2myst.model import BlockKind
from paper2myst.readers.pdf.extract import Box, Font, Page, Run
from paper2myst.readers.pdf.lines import Line, _gutters, _rows, make_line, page_lines
from paper2myst.readers.pdf.paragraphs import group_lines, mark_faces, pitch

BODY = Font("Body", False, False)
BOLD = Font("Sans-Bold", True, False)


def run(text: str, x0: float, baseline: float, size: float = 10.0, x1: float | None = None, font: Font = BODY) -> Run:
    """A run as the extractor makes it; its width half an em a character unless given."""
    width = x1 - x0 if x1 is not None else len(text) * size * 0.5
    return Run(text, x0, x0 + width, baseline - size * 0.2, baseline + size * 0.8, baseline, size, font)


def a_page(runs: list[Run], width: float = 612, height: float = 792) -> Page:
    page = Page(1, width, height, 0)
    page.runs = runs
    return page


# --- note calls: CALL_SCALE, CALL_RISE, CALL_REACH ----------------------------------------------------------------


def calls(size: float, rise: float) -> list[bool]:
    """Which runs of a 10pt line are calls, a "1" of ``size`` set ``rise`` points above its baseline after it."""
    text = run("the text of a line of the paper", 50, 500)
    return make_line(1, [text, run("1", text.x1, 500 + rise, size)], 0).calls


def test_call_scale_a_run_at_most_0_85_of_the_line_s_size_is_a_call() -> None:
    assert calls(8.4, 3) == [False, True]
    assert calls(9.0, 3) == [False, False]  # 0.9 of the line's size: not small enough


def test_call_rise_a_call_stands_at_least_0_12_of_the_line_s_size_above_it() -> None:
    assert calls(7, 1.4) == [False, True]  # 0.14 em up
    assert calls(7, 1.0) == [False, False]  # 0.10 em up: a smaller word on the line, no call


def rows(*runs: Run) -> int:
    return len(_rows(list(runs)))


def test_call_reach_a_call_joins_the_line_below_up_to_0_75_of_its_size() -> None:
    text = run("the text of a line of the paper", 50, 500)
    assert rows(run("1", text.x1, 507, 6), text) == 1  # 0.70 em above
    assert rows(run("1", text.x1, 508, 6), text) == 2  # 0.80 em above


# --- rows: ROW_EXACT, ROW_NEAR, ROW_DRIFT --------------------------------------------------------------------------


def test_row_exact_runs_apart_on_a_row_share_its_baseline_to_0_15_of_their_size() -> None:
    left = run("alpha beta", 50, 500)
    assert rows(left, run("gamma delta", 300, 498.6)) == 1  # 0.14 em off, far to the right
    assert rows(left, run("gamma delta", 300, 498.4)) == 2  # 0.16 em off


def test_row_near_a_run_off_the_baseline_joins_next_to_the_row_within_1_em() -> None:
    left = run("alpha beta", 50, 500)
    assert rows(left, run("gamma delta", left.x1 + 9, 497)) == 1  # 0.9 em to its right, 0.3 em lower
    assert rows(left, run("gamma delta", left.x1 + 11, 497)) == 2  # 1.1 em to its right


def test_row_drift_a_run_next_to_the_row_joins_it_up_to_0_45_of_its_size_lower() -> None:
    left = run("alpha beta", 50, 500)
    assert rows(left, run("gamma delta", left.x1 + 2, 495.8)) == 1  # 0.42 em lower
    assert rows(left, run("gamma delta", left.x1 + 2, 495.2)) == 2  # 0.48 em lower


# --- columns: GUTTER_REACH, GUTTER_WIDTH, MAX_COLUMNS, COLUMN_MIN_WIDTH, COLUMN_FILL ------------------------------


def column(x0: float, x1: float, top: float = 700, count: int = 12, size: float = 10, pitch: float = 12) -> list[Run]:
    """``count`` lines of a column from ``x0`` to ``x1``, the first on baseline ``top``."""
    return [run("word " * 8, x0, top - i * pitch, size, x1=x1) for i in range(count)]


def gutters(*columns: list[Run]) -> int:
    return len(_gutters(a_page([r for c in columns for r in c])))


def test_gutter_reach_ragged_columns_come_up_to_a_gutter_from_4_ems() -> None:
    # 10pt columns 6 ems apart: each side's text reaches the band between them from within 4 ems.
    assert gutters(column(60, 260), column(320, 540)) == 1
    assert gutters(column(60, 260), column(350, 540)) == 0  # 9 ems apart: no text comes near the middle


def test_gutter_width_a_gutter_is_0_8_em_wide() -> None:
    # Quiet 2pt bins between the columns (from 122.4, a fifth of the page): four are 8pt wide, three 6pt.
    assert gutters(column(100, 323.4), column(333, 480)) == 1
    assert gutters(column(100, 323.4), column(332, 480)) == 0


def test_max_columns_four_columns_side_by_side_are_a_table_s() -> None:
    three = [column(40, 200, size=8, pitch=10), column(214, 374, size=8, pitch=10), column(388, 548, size=8, pitch=10)]
    assert gutters(*three) == 2
    four = [column(x, x + 110, size=8, pitch=10) for x in (40, 164, 288, 412)]
    assert gutters(*four) == 0


def test_column_min_width_a_column_s_lines_are_8_ems_wide() -> None:
    def count(width_ems: float) -> int:
        left = [run("w", 200 - width_ems * 10, 700 - 12 * i, 10, x1=200) for i in range(12)]
        right = [run("w", 230, 700 - 12 * i, 10, x1=230 + width_ems * 10) for i in range(12)]
        return gutters(left, right)

    assert count(8.5) == 1
    assert count(7.5) == 0


def test_column_fill_a_column_s_lines_are_0_6_of_the_page_s_usual_line() -> None:
    # Thirty lines 300pt wide below make the usual line; the columns' lines are 200pt (0.67) or 150pt (0.5) wide.
    below = column(100, 400, top=500, count=30)
    assert gutters(column(100, 300), column(320, 520), below) == 1
    assert gutters(column(100, 250), column(270, 420), below) == 0


def test_short_column_rows_a_last_page_s_short_column_beside_a_full_one_is_a_column() -> None:
    # Twelve rows (twice GUTTER_MIN_ROWS) down the left column; three rows beside them are a column, two are not.
    below = column(60, 552, top=500, count=10)  # text across the page under the columns
    assert gutters(column(60, 295), column(317, 552, count=3), below) == 1
    assert gutters(column(60, 295), column(317, 552, count=2), below) == 0
    # Three rows beside eleven: the full column is no longer twice GUTTER_MIN_ROWS.
    assert gutters(column(60, 295, count=11), column(317, 552, count=3), below) == 0


# --- side headings: SIDE_GAP, SIDE_STEP, SIDE_PITCH ----------------------------------------------------------------

TEXT = [run(f"Line {i} of the text beside the margin, set in", 216, 440.5 - 13 * i, 11, x1=560) for i in range(6)]


def beside(x1: float = 184, size: float = 14, pitch: float = 13, bold: bool = False) -> list[str]:
    """The reading of a heading's two lines in the left margin (ending at ``x1``) beside 11pt text from x 216.

    The heading's baselines fall half-way between the text's, so that each is a line of its own.
    """
    font = BOLD if bold else Font("Head", False, False)
    heading = [
        run("Side heading", 37, 434, size, x1=x1, font=font),
        run("goes on", 37, 434 - pitch, size, x1=x1, font=font),
    ]
    return [ln.text.split(" of the text")[0] for ln in page_lines(a_page(heading + TEXT))][:5]


AS_SET = ["Line 0", "Side heading", "Line 1", "goes on", "Line 2"]  # no side heading: top to bottom
FIRST = ["Side heading", "goes on", "Line 0", "Line 1", "Line 2"]  # a side heading: whole, before its text


def test_side_gap_a_side_heading_ends_1_em_short_of_the_text() -> None:
    assert beside(x1=204) == FIRST  # 1.09 ems short
    assert beside(x1=206) == AS_SET  # 0.91 ems short


def test_side_step_a_side_heading_is_set_over_5_percent_larger_than_the_text() -> None:
    # 11pt text: over 11.55pt the margin lines are a heading, read whole; at 11.5pt each is a line as set.
    assert beside(size=11.6) == ["Line 0", "Side heading", "goes on", "Line 1", "Line 2"]
    assert beside(size=11.5) == AS_SET


def test_side_pitch_a_side_heading_s_lines_follow_at_most_1_6_times_their_size_apart() -> None:
    assert beside(pitch=13) == FIRST
    assert beside(pitch=20) == FIRST  # 1.43 times 14pt: one heading
    # 26pt (1.86 times 14pt) apart: two headings, each before the text at its level.
    assert beside(pitch=26)[:4] == ["Side heading", "Line 0", "Line 1", "goes on"]


# --- a line's letters: SQUEEZE, DROP_CAP_SCALE, SECTION_GAP ------------------------------------------------------


def test_squeeze_a_written_space_is_no_space_where_the_next_glyph_starts_0_005_em_back() -> None:
    def text(back: float) -> str:
        first = run("Appendix I: Estimated Federal T ", 35.7, 726.2, 27, x1=418.8)
        second = run("ax Expenditures", 418.8 - back, 726.2, 27)
        return make_line(1, [first, second], 0).text

    # 0.005 em of 27pt is 0.135pt.
    assert text(0.16) == "Appendix I: Estimated Federal Tax Expenditures"
    assert text(0.11) == "Appendix I: Estimated Federal T ax Expenditures"


def test_word_gap_a_written_space_before_a_comma_set_closer_than_0_15_em_is_not_on_the_page() -> None:
    def text(gap: float) -> str:
        symbol = run("T ", 50, 500, x1=55)
        return make_line(1, [symbol, run(", and so on", 55 + gap, 500)], 0).text

    assert text(1.3) == "T, and so on"  # 0.13 em: the symbol's own bearing
    assert text(1.7) == "T , and so on"  # 0.17 em: a space the author typed, printed as wide as a word space


def test_word_gap_after_a_raised_call_is_measured_in_the_text_s_size() -> None:
    def text(gap: float) -> str:
        word, call = run("scrapers", 50, 500, x1=90), run("3", 90.5, 503, 6.5, x1=93)
        return make_line(1, [word, call, run("—agents", 93 + gap, 500)], 0).text

    assert text(1.4) == "scrapers3—agents"  # 0.14 em of the 10pt text (0.22 of the 6.5pt call)
    assert text(1.6) == "scrapers3 —agents"  # 0.16 em of the text


def dropped(scale: float) -> list[str]:
    """A paragraph whose first letter is set ``scale`` times the text's 11pt beside its first three lines."""
    serif = Font("Serif", False, False)

    def text(words: str, x0: float, baseline: float, width: float) -> Run:
        return Run(words, x0, x0 + width, baseline - 2.2, baseline + 7.7, baseline, 11, serif)

    cap = Run("T", 91.6, 118.6, 675.4, 709.4, 675.4, 11 * scale, serif)
    runs = [
        cap,
        text("he act of May 15, 1862, established the department as a federal", 120.3, 700.4, 390),
        text("department to acquire and to diffuse among the people useful", 120.7, 687.8, 390),
        text("information on subjects connected with agriculture in the most", 120.6, 675.1, 390),
        text("general and comprehensive sense of that word, and to procure.", 90.5, 662.5, 420),
    ]
    return [ln.text for ln in page_lines(a_page(runs))]


def test_drop_cap_scale_a_drop_cap_is_2_5_times_the_text_s_size() -> None:
    assert dropped(2.6)[0].startswith("The act of May 15")
    assert not any(line.startswith("The act") for line in dropped(2.4))


def test_section_gap_a_section_s_number_stays_with_its_title_within_4_ems() -> None:
    def parts(gap_ems: float) -> list[str]:
        number = Run("2", 54, 62, 600, 611, 602, 14, BOLD)
        x0 = 62 + gap_ems * 14
        title = Run("Understanding foundation models", x0, x0 + 230, 600, 611, 602, 14, BOLD)
        return [ln.text for ln in page_lines(a_page([number, title]))]

    assert parts(3.6) == ["2 Understanding foundation models"]
    assert parts(4.4) == ["2", "Understanding foundation models"]


# --- paragraphs: PARA_GAP, PARA_SPACE, SIZE_STEP, FLUSH, HEADING_WORDS ---------------------------------------------


def line(text: str, baseline: float, size: float = 10, x0: float = 58, x1: float = 290, font: Font = BODY) -> Line:
    return make_line(1, [run(text, x0, baseline, size, x1=x1, font=font)], 1)


def blocks(steps: list[float], size: float = 10, pitch: float = 12, sizes: list[float] | None = None) -> list[int]:
    """How many lines each block holds, of lines ``steps`` apart (``pitch`` the usual)."""
    sizes = sizes or [size] * (len(steps) + 1)
    baselines = [600.0]
    for step in steps:
        baselines.append(baselines[-1] - step)
    lines = [line("Words of a paragraph set in a column", b, s) for b, s in zip(baselines, sizes, strict=True)]
    return [len(g.lines) for g in group_lines(lines, size, {round(s, 1): pitch for s in sizes})]


def test_para_gap_lines_1_3_times_their_pitch_apart_are_two_blocks() -> None:
    # A 6pt pitch for 10pt type: 1.3 times it (7.8pt) is less than 0.25 em more (8.5pt).
    assert blocks([6, 6, 8.2, 6], pitch=6) == [3, 2]  # 1.37 times
    assert blocks([6, 6, 7.5, 6], pitch=6) == [5]  # 1.25 times


def test_para_space_lines_0_25_em_further_apart_than_their_pitch_are_two_blocks() -> None:
    # A 12pt pitch for 10pt type: 0.25 em more (14.5pt) is less than 1.3 times it (15.6pt).
    assert blocks([12, 12, 14.8, 12]) == [3, 2]  # 0.28 em more
    assert blocks([12, 12, 14.2, 12]) == [5]  # 0.22 em more


def usual_pitch(steps: list[float], size: float = 10) -> float:
    """The pitch :func:`pitch` finds for lines ``steps`` apart."""
    baselines = [700.0]
    for step in steps:
        baselines.append(baselines[-1] - step)
    return pitch([line("Words of an entry set in a list", b, size) for b in baselines])[size]


def test_low_share_the_shorter_steps_are_the_pitch_when_0_3_of_all_or_more() -> None:
    # Entries of a list set apart by 0.4 em: steps of 12pt within an entry, 16pt between two.
    assert usual_pitch([12.0] * 8 + [16.0] * 17) == 12  # 0.32 of the steps
    assert usual_pitch([12.0] * 7 + [16.0] * 18) == 16  # 0.28: the median, a step between entries


def test_low_gap_shorter_steps_are_the_pitch_only_0_35_em_shorter_than_the_median() -> None:
    assert usual_pitch([12.0] * 10 + [15.6] * 15) == 12  # 0.36 em shorter
    assert usual_pitch([12.0] * 10 + [15.4] * 15) == pytest.approx(15.4)  # 0.34 em: too near PARA_SPACE to part


def test_size_step_lines_whose_sizes_differ_by_0_05_are_other_text() -> None:
    assert blocks([12, 12, 12], sizes=[10, 10, 10.6, 10.6]) == [2, 2]  # 0.057 of the larger
    assert blocks([12, 12, 12], sizes=[10, 10, 10.4, 10.4]) == [4]  # 0.038 of the larger


def test_flush_a_line_within_1_5_points_of_the_edge_makes_the_text_justified() -> None:
    # Justified text (its edge at 300): only a paragraph's last line stops short of the edge.
    def first_block(short_of_edge: float) -> int:
        opening = [
            line("Words of a paragraph set in a justified column", 600, x1=300 - short_of_edge),
            line("stopping short", 588, x1=200),
            line("Words of what the short line should have ended", 576, x1=300 - short_of_edge),
        ]
        rest = [line("Words of the running text justified to the edge", 500 - 12 * i, x1=300) for i in range(5)]
        return len(group_lines([*opening, *rest], 10, {10.0: 12}, justified=True)[0].lines)

    assert first_block(1.4) == 2  # the run reaches the edge: its short line ends a paragraph
    assert first_block(1.6) == 3  # a ragged run: no line of it is flush, a short one ends nothing


def test_heading_words_a_heading_of_more_than_four_lines_has_at_most_30_words() -> None:
    def kind(words: list[int]) -> BlockKind:
        texts = [" ".join(["Word"] * n) for n in words]
        heads = [line(t, 600 - 16 * i, 14, font=BOLD) for i, t in enumerate(texts)]
        return group_lines(heads, 10, {14.0: 16})[0].kind

    assert kind([6, 6, 6, 6, 6]) is BlockKind.HEADING
    assert kind([6, 6, 6, 6, 7]) is BlockKind.TEXT


# --- headings set apart by their face: FACE_SCALE, FACE_WORDS, FACE_LINES, FACE_FILL, FACE_RARE -------------------

BODY_TEXT = "Words of the running text set in the body face across the column of a page of a paper on policy and."
SANS = Font("Sans", False, False)


def body(top: float, count: int) -> list[Line]:
    """``count`` lines of 8.2pt body text of 100 characters each, 254pt wide."""
    return [line(BODY_TEXT, top - 10.7 * i, 8.2, x0=40, x1=294) for i in range(count)]


def apart(heads: list[Line], above: int = 8, below: int = 8) -> list[bool]:
    lines = [*body(700, above), *heads, *body(heads[-1].baseline - 10.7, below)]
    mark_faces(lines, 8.2)
    return [ln.face_apart for ln in heads]


def head(text: str = "Question generation and response parsing", size: float = 8.7, x1: float = 211) -> Line:
    return line(text, 585.4, size, x0=40, x1=x1, font=SANS)


def test_same_size_a_paragraph_goes_on_past_a_figure_s_text_set_0_6_points_smaller() -> None:
    from paper2myst.readers.pdf import _before_figures
    from paper2myst.readers.pdf.paragraphs import Group

    cut = Group(BlockKind.TEXT, [line("Words of a paragraph cut at the page's foot and going", 100)])
    opening = replace(line("on at the next page's head, past a figure", 700), page=2)

    def label(size: float) -> Group:
        return Group(BlockKind.TEXT, [replace(line("2021 2022 2023", 720, size=size), page=2)])

    caption = Group(BlockKind.CAPTION, [replace(line("Figure 2. Made-up rainfall", 710), page=2)])
    assert _before_figures([cut, caption, label(9.3)], opening, "Body") is cut  # labels 0.7 points smaller
    assert _before_figures([cut, caption, label(9.5)], opening, "Body") is not cut  # 0.5 smaller: the text's size


def test_a_paragraph_goes_on_past_a_tables_rows_above_its_caption_not_past_running_text() -> None:
    from paper2myst.readers.pdf import _before_figures
    from paper2myst.readers.pdf.paragraphs import Group

    cut = Group(BlockKind.TEXT, [line("Words of a paragraph cut at the column's foot and going", 100)])
    opening = replace(line("on at the next column's head, under a table", 500), column=2)
    rows = Group(BlockKind.QUOTE, [replace(line("Made-up row 1 15.2 8.23", 700 - 11 * i), column=2) for i in range(4)])
    caption = Group(BlockKind.CAPTION, [replace(line("Table 3. Made-up counts", 640), column=2)])
    assert _before_figures([cut, rows, caption], opening, "Body") is cut
    prose = Group(BlockKind.TEXT, [replace(line("A paragraph of running text above the caption here", 660), column=2)])
    assert _before_figures([cut, prose, caption], opening, "Body") is prose  # a caption over its table


def test_cells_runs_an_em_apart_on_a_line_are_a_table_s_cells() -> None:
    from paper2myst.readers.pdf import _cells

    def gapped(gap: float) -> bool:
        label = run("Observations of the made-up survey", 50, 500, x1=200)
        return _cells(make_line(1, [label, run("6,060", 200 + gap, 500)], 0))

    assert gapped(11)  # 1.1 em
    assert not gapped(9)  # 0.9 em: a stretched word space of a justified line


def test_spread_a_line_setting_its_characters_1_3_times_as_far_apart_as_the_text_is_a_row_of_cells() -> None:
    from paper2myst.readers.pdf import Prose, _char_pitch, _spread

    text = "Known bots 11,291 405 52,612 179 16,706,054,178"  # one piece of text, its cells set wide apart
    prose = Prose(10, "Body", 0.45)

    def row(ratio: float) -> Line:
        return line(text, 500, x0=58, x1=58 + len(text) * 10 * 0.45 * ratio)

    assert abs(_char_pitch(row(1.0)) - 0.45) < 1e-9
    assert _spread(row(1.31), prose)  # (literal ratios: a test moving with the constant pins nothing)
    assert not _spread(row(1.29), prose)  # a loose justified line of prose


def test_inset_a_long_line_set_in_over_4_ems_above_a_caption_is_a_table_s_cell_not_running_text() -> None:
    from paper2myst.readers.pdf import Prose, _region_above
    from paper2myst.readers.pdf.paragraphs import Group

    prose = "Words of the running text of the column, set as a paragraph is."

    def top(inset_ems: float) -> float:
        """Where the region over a caption ends, a table's long cell set ``inset_ems`` in from the column's edge."""
        x0 = 58 + inset_ems * 10
        above = Group(BlockKind.TEXT, [line(prose, 700)])
        cell = Group(
            BlockKind.TEXT, [line("Refers to a bot with a self-declared user agent string", 640, x0=x0, x1=x0 + 230)]
        )
        caption = Group(BlockKind.CAPTION, [line("Table 1. Made-up fields", 600)])
        region = _region_above(2, [above, cell, caption], [a_page([])], Prose(10, "Body", 0.45))
        assert region is not None
        return region[3]

    assert top(4.1) > 690  # the cell is the table's: the region goes up to the paragraph over it
    assert top(3.9) < 640  # set in no more than a paragraph may be: running text ends the region


def test_face_scale_a_heading_in_its_own_face_is_at_least_0_93_of_the_text_s_size() -> None:
    assert apart([head(size=8.2 * 0.95)]) == [True]
    assert apart([head(size=8.2 * 0.9)]) == [False]


def test_face_words_a_heading_in_its_own_face_has_at_most_15_words() -> None:
    assert apart([head(" ".join(["Word"] * 15))]) == [True]
    assert apart([head(" ".join(["Word"] * 16))]) == [False]


def test_face_lines_a_heading_in_its_own_face_has_at_most_2_lines() -> None:
    def lines(count: int) -> list[Line]:
        return [
            line("Potential bias of the evaluator", 585.4 - 10.7 * i, 8.7, x0=40, x1=200, font=SANS)
            for i in range(count)
        ]

    assert apart(lines(2)) == [True, True]
    assert apart(lines(3)) == [False, False, False]  # a passage in another face (a box)


def test_face_fill_a_heading_s_last_line_is_shorter_than_0_8_of_the_column() -> None:
    assert apart([head(x1=240)]) == [True]  # 200pt of the column's 254 (0.79)
    assert apart([head(x1=256)]) == [False]  # 216pt (0.85)


def test_face_rare_a_heading_s_face_sets_at_most_0_1_of_the_text_s_characters() -> None:
    # The heading's face sets 35 characters; the text's 100 a line.
    text = "Question generation and its parsing"
    assert apart([head(text)], above=3, below=1) == [True]  # 35 of 400
    assert apart([head(text)], above=2, below=1) == [False]  # 35 of 300


# --- notes, furniture, running text: NOTE_MARGIN, MARGIN, PROSE_LINE, captions' PROSE_WORDS ------------------------


def test_note_margin_notes_are_0_3_points_smaller_than_running_text_above_them() -> None:
    from paper2myst.readers.pdf.notes import _mark_area

    def roles(above: float) -> list[str]:
        text = "the committee heard from many witnesses over the course of the year"
        lines = [make_line(2, [run(text, 72, 700 - 13 * k, above)], 0) for k in range(3)]
        lines.append(make_line(2, [run("the rule applies to many of the same facilities and sets", 72, 640)], 0))
        labelled = [run("1", 72, 628, x1=77), run("rulemaking in March 2024 and a final rule in December.", 90, 628)]
        lines.append(make_line(2, labelled, 0))
        _mark_area(lines, [], 11)
        return [ln.role for ln in lines[3:]]

    # Page 2 set at 10pt below a body of 11pt; above the small lines, running text at 10.35pt or 10.25pt.
    assert roles(10.35) == ["body", "note"]
    assert roles(10.25) == ["body", "body"]  # a page set small throughout has no notes


def test_note_margin_a_ruled_area_in_the_size_and_face_of_most_of_the_column_above_is_its_text() -> None:
    from paper2myst.readers.pdf.notes import _mark_area

    def roles(size: float, small: int = 12, large: int = 0, font: Font = BODY, label: str = "") -> list[str]:
        """``small`` lines at ``size`` and ``large`` at 11pt, a heading, a rule, then three 10pt lines."""
        text = "the committee heard from many witnesses"
        lines = [make_line(2, [run(text, 72, 700 - 13 * k, 11)], 0) for k in range(large)]
        lines += [make_line(2, [run(text, 72, 560 - 12 * k, size, font=font)], 0) for k in range(small)]
        lines.append(make_line(2, [run("What We Suggest", 72, 300, 12, font=BOLD)], 0))
        first = [run(label, 72, 280, x1=77), run(text, 90, 280)] if label else [run(text, 72, 280)]
        lines.append(make_line(2, first, 0))
        lines += [make_line(2, [run(text, 72, 268 - 12 * k)], 0) for k in range(2)]
        _mark_area(lines, [Box(72, 292, 200, 292.5)], 11)
        return [ln.role for ln in lines[-3:]]

    # Below a heading's rule, 10pt text under a column set at 10.2pt (its own size to 0.3pt) or at 10.4pt.
    assert roles(10.2) == ["body"] * 3  # a column set small throughout has no notes
    assert roles(10.4) == ["note"] * 3
    assert roles(10.0, font=BOLD) == ["note"] * 3  # in a face of its own above: a table, a quotation
    assert roles(10.0, small=10, large=11) == ["note"] * 3  # most of the column above at the body's size
    assert roles(10.0, small=10, large=9) == ["body"] * 3
    assert roles(10.0, label="1") == ["note"] * 3  # a labelled note is a note whatever stands above it


def test_a_note_carried_over_opens_the_note_area_no_further_from_the_first_label_than_the_notes_stand_apart() -> None:
    from paper2myst.readers.pdf.notes import _mark_area

    def roles(gap: float, font: Font = BODY) -> list[str]:
        """Lines of 11pt text, a 10pt line without a label ``gap`` above two notes 14pt apart."""
        text = "the committee heard from many witnesses over the course of the year"
        lines = [make_line(2, [run(text, 72, 700 - 13 * k, 11)], 0) for k in range(3)]
        lines.append(make_line(2, [run("Press, 2003, p. 238, with its address.", 72, 620 + gap, font=font)], 0))
        for k, note in enumerate(["Rosoboronexport website: Cooperation.", "The study of 2018 proved it."]):
            lines.append(make_line(2, [run(f"{k + 1}", 72, 620 - 14 * k, x1=77), run(note, 90, 620 - 14 * k)], 0))
        _mark_area(lines, [], 11)
        return [ln.role for ln in lines[3:]]

    assert roles(13.9) == ["note", "note", "note"]  # the rest of the page before's last note
    assert roles(14.1) == ["body", "note", "note"]  # further apart than the notes: text of the page
    assert roles(12, BOLD) == ["body", "note", "note"]  # in a face no note is set in: a heading set small


def test_margin_running_heads_and_feet_stand_in_the_page_s_outer_tenth() -> None:
    from paper2myst.readers.pdf.furniture import mark_furniture

    def role(top: float) -> str:
        """A page number whose top stands ``top`` points up a 792pt page."""
        number = make_line(1, [run("12", 300, top - 8)], 0)
        text = make_line(1, [run("Words of the running text of the page", 72, 400)], 0)
        mark_furniture([a_page([])], [[number, text]])
        return number.role

    assert role(75) == "furniture"  # 0.095 of the page's height from its foot
    assert role(85) == "body"  # 0.107


def test_number_apart_a_page_number_stands_1_5_of_its_size_from_any_line_over_or_under_it() -> None:
    from paper2myst.readers.pdf.furniture import mark_furniture

    def role(gap: float) -> str:
        """A "1234" in the page's foot, 8pt, ``gap`` points under a note's line it overlaps across."""
        note = make_line(1, [run("Made-up note text with its address https://example.org/record/", 72, 60 + gap, 8)], 0)
        number = make_line(1, [run("1234", 72, 60, 8)], 0)
        text = make_line(1, [run("Words of the running text of the page", 72, 400)], 0)
        mark_furniture([a_page([])], [[text, note, number]])
        return number.role

    assert role(13) == "furniture"  # 1.63 of its size below the note: a page number apart
    assert role(11) == "body"  # 1.38: the note's last line, at the note's pitch


def test_a_bare_number_at_three_pages_feet_is_no_running_foot() -> None:
    from paper2myst.readers.pdf.furniture import mark_furniture

    def page(number: int, tail: str) -> tuple[Page, list[Line]]:
        text = make_line(number, [run("Words of the running text of the page", 72, 400)], 0)
        note = make_line(number, [run("A note ending in an address https://example.org/a/", 72, 70, 8)], 0)
        return a_page([]), [text, note, make_line(number, [run(tail, 72, 60, 8)], 0)]

    pages = [page(n, tail) for n, tail in enumerate(["165604.", "2162582.", "44.", "7."], start=1)]
    mark_furniture([p for p, _ in pages], [lines for _, lines in pages])
    assert [lines[2].role for _, lines in pages] == ["body"] * 4  # "#." repeats, but no word does
    # The same bare numbers standing apart, at the head of each page: a register's page numbers, five figures long.
    heads = [(a_page([]), [make_line(n, [run(f"{47697 + n}", 72, 760, 8)], 0)]) for n in range(1, 5)]
    mark_furniture([p for p, _ in heads], [lines for _, lines in heads])
    assert [lines[0].role for _, lines in heads] == ["furniture"] * 4


def test_prose_line_a_line_of_40_characters_is_running_text() -> None:
    from paper2myst.readers.pdf import body_size

    words = "The committee heard from many witnesses over the course of the year"
    prose = [make_line(1, [run(words, 72, 700 - 13 * k, 11)], 0) for k in range(10)]
    for line in prose:
        line.role = "body"

    def size(length: int) -> float:
        """The body's size beside a long table in 9pt whose cells, one a row, are ``length`` characters long."""
        table = [make_line(2, [run(f"{k:02d}" + "x" * (length - 2), 72, 700 - 12.6 * k, 9)], 0) for k in range(120)]
        return body_size(prose + table)

    assert size(40) == 9.0  # cells as long as prose lines count as prose
    assert size(39) == 11.0


def test_prose_words_running_text_under_a_caption_has_30_words() -> None:
    from paper2myst.model import Block, Span
    from paper2myst.stages.captions import is_prose

    def block(words: int) -> Block:
        text = " ".join(["the committee heard more witnesses"] * 10).split()[: words - 1]
        return Block(BlockKind.TEXT, "So " + " ".join(text) + ".", Span((1,)))

    assert is_prose(block(30))
    assert not is_prose(block(29))


def test_documented_values() -> None:
    # The values the tests above were set around; change one only with its pin.
    from paper2myst.readers.pdf import lines

    assert (lines.CALL_SCALE, lines.CALL_RISE, lines.CALL_REACH) == (0.85, 0.12, 0.75)
    assert (lines.ROW_EXACT, lines.ROW_NEAR, lines.ROW_DRIFT) == (0.15, 1.0, 0.45)
    assert (lines.GUTTER_REACH, lines.GUTTER_WIDTH, lines.MAX_COLUMNS) == (4.0, 0.8, 3)
    assert (lines.COLUMN_MIN_WIDTH, lines.COLUMN_FILL) == (8.0, 0.6)
    assert (lines.SIDE_GAP, lines.SIDE_STEP, lines.SIDE_PITCH) == (1.0, 0.05, 1.6)
    assert (lines.SQUEEZE, lines.DROP_CAP_SCALE, lines.SECTION_GAP) == (0.005, 2.5, 4.0)
    assert (lines.PUNCT_GAP, lines.WORD_GAP) == (0.5, 0.15)

    from paper2myst.readers.pdf import paragraphs

    assert (paragraphs.PARA_GAP, paragraphs.PARA_SPACE, paragraphs.SIZE_STEP) == (1.3, 0.25, 0.05)
    assert (paragraphs.FLUSH, paragraphs.HEADING_WORDS) == (1.5, 30)
    assert (paragraphs.FACE_SCALE, paragraphs.FACE_WORDS, paragraphs.FACE_LINES) == (0.93, 15, 2)
    assert (paragraphs.FACE_FILL, paragraphs.FACE_RARE, paragraphs.SAME_SIZE) == (0.8, 0.1, 0.6)

    from paper2myst.readers.pdf import PROSE_LINE, furniture, notes
    from paper2myst.stages import captions

    assert (notes.NOTE_MARGIN, furniture.MARGIN, PROSE_LINE, captions.PROSE_WORDS) == (0.3, 0.1, 40, 30)


def test_a_line_end_hyphen_inside_a_compound_the_document_prints_whole_is_kept() -> None:
    """A line-end "differences-in-" + "differences" keeps its hyphen where the paper prints the compound whole."""
    from paper2myst.readers.pdf.inline import Words, hyphenated

    words = Words(frozenset({"differences-in-differences", "differences", "in", "during"}), True)
    assert hyphenated("differences-in-", "differences", words) == (False, True)
    # Without the compound elsewhere, the last piece decides: "in" + "differences" makes no English word, and
    # "differences" is one, so the hyphen is the author's (before the word list: dropped, a guess reported).
    fewer = Words(frozenset({"differences", "in", "during"}), True)
    assert hyphenated("differences-in-", "differences", fewer) == (False, True)


# --- hanging numbered entries: _numbered_at_edge, _in_hanging_entry --------------------------------------------------


def _entries(lines: list[Line]) -> list[str]:
    return [g.lines[0].text for g in group_lines(lines, 10, {10.0: 12}, justified=True)]


def test_numbers_at_the_edge_over_set_in_lines_make_a_hanging_list_whatever_the_lines_lengths() -> None:
    from paper2myst.readers.pdf.paragraphs import _numbered_at_edge

    def entries(labels: list[str]) -> list[Line]:
        out: list[Line] = []
        for k, label in enumerate(labels):
            top = 600 - k * 36
            out += [
                line(f"{label} Author, A. A title of a work set over two lines of the list", top, x0=58, x1=290),
                line("going on under it, set in, with an address", top - 12, x0=70, x1=200),  # ragged: short
                line("(2023).", top - 24, x0=70, x1=100),
            ]
        return out

    assert _numbered_at_edge(entries(["1.", "2."]), 58 + 8)
    # One number alone is no list; numbers on fewer than half of the lines at the edge are no list either.
    assert not _numbered_at_edge(entries(["1.", "A"]), 58 + 8)
    assert not _numbered_at_edge(entries(["1.", "2.", "A", "B", "C"]), 58 + 8)


def test_a_short_set_in_line_under_a_full_opener_goes_on_its_hanging_entry() -> None:
    """A set-in line of an entry stops short (an address), and the entry goes on set in: one entry, not two."""
    lines = [
        line("15. Author, A. A title of a work set over the whole width of the list", 600, x0=58, x1=290),
        line("of the journal with a volume 13, 17885", 588, x0=70, x1=200),
        line("(2023).", 576, x0=70, x1=100),
        line("16. Author, B. Another title of a work over the whole width of the list", 564, x0=58, x1=290),
        line("going on set in to its end (2024).", 552, x0=70, x1=180),
    ]
    assert _entries(lines) == [lines[0].text, lines[3].text]


@pytest.mark.parametrize(("opener_end", "goes_on"), [(290 - 2 * 10 + 1, True), (290 - 2 * 10 - 1, False)])
def test_a_hanging_entrys_opener_is_full_within_two_ems_of_the_edge(opener_end: float, goes_on: bool) -> None:
    """Under a short opener (a paragraph's last line) a set-in line opens a paragraph: the indents decide."""
    from paper2myst.readers.pdf.paragraphs import _in_hanging_entry

    run = [
        line("An entry's first line at the column's edge", 600, x0=58, x1=opener_end),
        line("set in and stopping short", 588, x0=70, x1=200),
    ]
    assert _in_hanging_entry(run, line("(2023).", 576, x0=70, x1=100), 290) is goes_on
    # A line at the edge, or set in further than the entry's lines, is not the entry's.
    assert not _in_hanging_entry(run, line("16. Next entry", 576, x0=58, x1=290), 290)
    assert not _in_hanging_entry(run, line("a quotation", 576, x0=90, x1=200), 290)


@pytest.mark.parametrize(("inset", "joined"), [(70 - 10 * 0.8 + 1, True), (70 - 10 * 0.8 - 1, False)])
def test_a_numbered_entry_cut_by_a_column_break_goes_on_set_in_at_the_next_columns_top(
    inset: float, joined: bool
) -> None:
    """Only text set in (within 0.8 em) as far as the entry's wrapped lines, in the next column, goes on the entry."""
    from dataclasses import replace

    from paper2myst.readers.pdf import _entry_goes_on
    from paper2myst.readers.pdf.paragraphs import Group

    entry = Group(
        BlockKind.LIST_ITEM,
        [line("14. Author, A. A title set over the list's width", 100), line("and an address cut at the", 88, x0=70)],
        "14.",
    )
    top = replace(line("column's foot (2020).", 700, x0=inset + 250, x1=500), column=2)
    top = replace(top, x0=inset)  # set in, at the next column's top (its edge at 58 as the first column's)
    rest = Group(BlockKind.TEXT, [top])
    gone: set[int] = set()
    _entry_goes_on(entry, [rest], gone)
    assert (len(entry.lines) == 3) is joined and (id(rest) in gone) is joined


# --- a justified line stretched to the edge goes on past a page break (FLUSH) ---------------------------------------


@pytest.mark.parametrize(("end", "goes_on"), [(290 - 1.4, True), (290 - 1.6, False)])
def test_a_justified_line_stretched_to_the_edge_goes_on_after_its_full_stop(end: float, goes_on: bool) -> None:
    """Within FLUSH (1.5 pt) of a justified column's edge a line was stretched: no last line, full stop or not."""
    from dataclasses import replace

    from paper2myst.readers.pdf.paragraphs import Group, continues

    prev = Group(
        BlockKind.TEXT,
        [line("Words of a paragraph set justified across", 100, x1=290), line("the failure.", 88, x1=end)],
    )
    nxt = Group(BlockKind.TEXT, [replace(line("The composition of the group", 700, x1=290), page=2)])
    assert continues(prev, nxt, 290, 58, justified=True) is goes_on


@pytest.mark.parametrize(("room", "goes_on"), [(10.0, True), (12.0, False)])
def test_a_ragged_line_with_no_room_for_the_next_word_goes_on_after_its_full_stop(room: float, goes_on: bool) -> None:
    """Set ragged, a line breaks where the next word would not fit: "A" (8.3 pt) and a space (2.5 pt) need 10.8 pt."""
    from dataclasses import replace

    from paper2myst.readers.pdf.paragraphs import Group, continues

    prev = Group(
        BlockKind.TEXT,
        [line("Words of a paragraph set ragged across", 100, x1=280), line("the failure.", 88, x1=290 - room)],
    )
    nxt = Group(BlockKind.TEXT, [replace(line("A composition of the group", 700, x1=58 + 8.3 * 26), page=2)])
    assert continues(prev, nxt, 290, 58, justified=False) is goes_on


@pytest.mark.parametrize(("room", "goes_on"), [(30.0, True), (32.0, False)])
def test_a_ragged_line_far_short_of_the_edge_goes_on_when_the_next_long_word_had_no_room(
    room: float, goes_on: bool
) -> None:
    """Three ems short of the edge (no full line) a ragged line still wraps an unfinished entry before a long word.

    The next line's first word takes 28.8 pt, with the space before it 31.3 pt: a gap of 30 pt had no room for it.
    """
    from dataclasses import replace

    from paper2myst.readers.pdf.paragraphs import Group, continues

    prev = Group(
        BlockKind.TEXT,
        [line("Words of an entry set ragged across its", 100, x1=280), line("the Nagorno-", 88, x1=290 - room)],
    )
    first = replace(line("Karabakh Issue, in Papers, 2018", 700, x1=58 + 28.8 * 31 / 8), page=2)
    assert continues(prev, Group(BlockKind.TEXT, [first]), 290, 58, justified=False) is goes_on


def test_two_justified_columns_side_by_side_are_justified_each_at_its_own_edge() -> None:
    """Six of ten lines end at each column's edge (four hang a mark past it): 60% each, 30% at either edge alone."""
    from dataclasses import replace

    from paper2myst.readers.pdf.paragraphs import is_justified

    def column(number: int, left: float, edge: float) -> list[Line]:
        ends = [edge] * 6 + [edge + 1.8] * 4
        return [
            replace(line("words of a justified column of text", 700 - 12 * k, x0=left, x1=end), column=number)
            for k, end in enumerate(ends)
        ]

    assert is_justified([*column(1, 58, 290), *column(2, 318, 550)])
    assert not is_justified([*column(1, 58, 290), *column(2, 318, 550)][::3])  # (fewer than eight long lines)


def test_a_justified_column_s_measure_is_where_two_lines_or_more_end_and_its_marks_hang_past_it() -> None:
    """Lines ending in a letter end at the measure (290); a stop or a hyphen may hang past it, by as much each time."""
    from paper2myst.readers.pdf import _measures, _right
    from paper2myst.readers.pdf.paragraphs import Group

    def at(*ends: tuple[str, float]) -> tuple[dict[tuple[int, int], float], dict[str, float]]:
        return _measures([line(f"words of the text{mark}", 700 - 12 * i, x1=x1) for i, (mark, x1) in enumerate(ends)])

    assert at(("s", 290), ("s", 290), ("s", 280)) == ({(1, 1): 290}, {})  # two lines share the end: the measure
    assert at(("s", 290), ("s", 280)) == ({}, {})  # one line each: no measure
    measures, hang = at(("s", 290), ("s", 290), (".", 292.6), (".", 292.6), ("-", 291.5))
    assert hang == {".": 2.6}  # a hyphen seen once hangs by no known amount
    stop, dash = Group(BlockKind.TEXT, [line("stop.", 88, x1=292.6)]), Group(BlockKind.TEXT, [line("a-", 88, x1=291.5)])
    farthest = {(1, 1): 295.0}
    assert _right(stop, farthest, measures, hang) == pytest.approx(292.6)
    assert _right(dash, farthest, measures, hang) == 295  # (the farthest end: nothing says how far it hangs)


def test_an_entry_at_the_edge_with_every_line_after_it_set_in_is_one_hanging_entry() -> None:
    """Its first line short (a name), no line full: still one entry, as a paragraph's indent sets in one line only."""
    from paper2myst.readers.pdf.paragraphs import _by_indent

    first = line("Edward D. Mansfield and Jack Snyder,", 700, x0=58, x1=200)
    rest = [line(text, 688 - 12 * k, x0=72, x1=x1) for k, (text, x1) in enumerate(ENTRY)]
    assert [len(e) for e in _by_indent([first, *rest], 290, justified=False)] == [4]
    assert [len(e) for e in _by_indent([first, *rest[:1]], 290, justified=False)] == [1, 1]  # (two lines: who knows)


def test_an_address_cut_at_a_dot_ends_no_sentence_at_a_column_top() -> None:
    """A hanging list at a column's top whose first line ends "https://www." (its host cut by the line's end)."""
    from paper2myst.readers.pdf.paragraphs import _by_indent

    def entries(cut: str) -> list[int]:
        run = [
            line(f"Author, A. A law of a year, 24 October 1992, {cut}", 700, x0=58, x1=288),
            line("example.org/statute/106/page-3320.pdf", 688, x0=72, x1=230),
            line("Author, B. A call of a state for an end of it all, 19 September 2023,", 676, x0=58, x1=286),
            line("https://www.example.org/call-for-an-end", 664, x0=72, x1=240),
        ]
        return [len(e) for e in _by_indent(run, 290, justified=False, top=True)]

    assert entries("https://www.") == [2, 2]  # the address goes on: a hanging list of two entries
    # A full stop after a whole sentence, then a set-in line and one at the edge: a paragraph's last line, then
    # paragraphs opening at their set-in lines.
    assert entries("the end.") == [1, 2, 1]


@pytest.mark.parametrize(("set_in", "entries"), [((3, 3), [2, 4, 4]), ((2, 3), [1, 2, 1, 2, 1, 1, 1])])
def test_set_in_lines_more_than_twice_those_at_the_edge_are_a_hanging_list(
    set_in: tuple[int, int], entries: list[int]
) -> None:
    """A column opening with an entry's rest ("...doc.htm."), then two entries at the edge with set-in lines.

    Seven of ten lines set in (more than twice the three at the edge): a hanging list. Six of nine (twice): paragraphs
    opening at their set-in lines.
    """
    from paper2myst.readers.pdf.paragraphs import _by_indent

    run = [line("https://example.org/en/2018/ga12030.doc.", 700, x0=72, x1=280), line("htm.", 688, x0=72, x1=90)]
    for k, count in enumerate(set_in):
        run.append(line("Author, A. A resolution of a council of 1993,", 676 - 48 * k, x0=58, x1=286))
        text = "adopted on 30 April 1993, https://example.org"
        run += [line(text, 664 - 48 * k - 12 * j, x0=72) for j in range(count)]
    assert [len(e) for e in _by_indent(run, 290, justified=False, top=True)] == entries


ENTRY = [
    ("Democratization and the Danger of War, in", 268),
    ("1995), p. 5-38, https://example.org/files/", 273),
    ("3411125/download", 233),
]


def test_a_reference_entry_closed_by_its_address_takes_no_entry_of_the_next_page() -> None:
    from paper2myst.readers.pdf import _closed_entry
    from paper2myst.readers.pdf.paragraphs import Group

    closed = Group(BlockKind.TEXT, [line("in EPRS Studies, 2022, https://example.org/document/STU(2022)73", 88)])
    assert _closed_entry(closed, Group(BlockKind.TEXT, [line("Edward D. Mansfield and Jack Snyder", 700)]))
    assert not _closed_entry(closed, Group(BlockKind.TEXT, [line("Documents/2022.pdf, accessed", 700)]))
    rest = Group(BlockKind.TEXT, [line("state.gov/call-for-end-of-hostilities", 88)])  # an address's rest, alone
    assert _closed_entry(rest, Group(BlockKind.TEXT, [line("Cristi Vlas, A title", 700)]))
    cut = Group(BlockKind.TEXT, [line("Possible without Revising the", 88)])
    assert not _closed_entry(cut, Group(BlockKind.TEXT, [line("Karabakh Issue, in Working Papers", 700)]))
    # The same author's next work opens as the last one did (its first word, capitalised).
    author = Group(BlockKind.TEXT, [line("Laurence Broers, Armenia and Azerbaijan,", 100), line("Press, 2019", 88)])
    assert _closed_entry(author, Group(BlockKind.TEXT, [line("Laurence Broers (ed.), The Limits", 700)]))
    assert not _closed_entry(author, Group(BlockKind.TEXT, [line("Anatomy of a Rivalry", 700)]))


def test_an_address_goes_on_over_a_separator_drawn_apart_and_after_a_hyphen() -> None:
    from paper2myst.readers.pdf.lines import address_goes_on

    assert address_goes_on("see https://example.org/ethiopia/271", "-")
    assert address_goes_on("see https://example.org/ethiopia/271-", "bridging")
    assert not address_goes_on("see https://example.org/", "for")  # a slash may end an address: a word follows
    assert not address_goes_on("see the report", "-bridging")  # no address before it


def test_rows_join_over_a_hyphen_that_says_what_it_is() -> None:
    from paper2myst.readers.pdf import _rows_text

    def ended(text: str, actual: str | None) -> Line:
        return make_line(1, [run(text, 58, 600, x1=200), Run("-", 200, 203, 598, 608, 600, 10, BODY, actual=actual)], 1)

    second = line("securitization, 2018", 588)
    assert _rows_text([ended("Impedes De", "-"), second]) == "Impedes De-securitization, 2018"
    assert _rows_text([ended("Impedes De", "\xad"), second]) == "Impedes Desecuritization, 2018"
    assert _rows_text([ended("Impedes De", None), second]).split("\n") == ["Impedes De-", "securitization, 2018"]


def test_a_paragraph_s_last_line_at_a_page_s_top_before_an_indent_is_no_hanging_entry() -> None:
    """A long line with its full stop, a line set in, one at the edge: a paragraph's tail, then a new paragraph.

    A hanging entry goes on set in ("[12] Tester, A." / set in / set in / "[13] …" at the edge).
    """
    from paper2myst.readers.pdf.paragraphs import _by_indent

    def entries(texts: list[tuple[str, float]], top: bool = True) -> list[int]:
        lines = [line(t, 700 - 12 * k, x0=x0, x1=280) for k, (t, x0) in enumerate(texts)]
        return [len(e) for e in _by_indent(lines, 290, False, top)]

    tail = ("the end of a paragraph cut by the page break.", 58)
    three = [tail, ("Most of the next paragraph opens set in", 73), ("and goes on at the edge", 58)]
    assert entries(three) == [1, 2]
    assert entries(three, top=False) == [2, 1]  # inside a column: a two-line hanging entry, then the next
    hanging = [("[12] Tester, A. and Sample, B.", 58), ("A made-up title of a work,", 73), ("Made-up Press.", 73)]
    assert entries([*hanging, ("[13] Model, E.", 58)]) == [3, 1]


# --- the body's size read without a column's ruled-off foot: NOTE_SCALE, a rule under half the page's width -------


def ruled_column(note_size: float, rule_width: float = 100, above: int = 20, below: int = 3) -> tuple[Page, list[Line]]:
    """``above`` 10pt lines over a short rule at 300 and ``below`` longer lines of ``note_size`` under it, numbered."""
    lines = [line("a narrow column's running text", 700 - 12 * k) for k in range(above)]
    lines += [
        line("a note's line set long in its smaller type, longer", 280 - 9 * k, size=note_size) for k in range(below)
    ]
    for number, ln in enumerate(lines, start=1):
        ln.number = number
    page = a_page([])
    page.rules = [Box(58, 299.5, 58 + rule_width, 300)]
    return page, lines


def test_a_column_s_foot_ruled_off_in_smaller_type_is_left_out_of_the_body_s_size() -> None:
    from paper2myst.readers.pdf import ruled_feet

    assert ruled_feet(*ruled_column(9.1)) == {21, 22, 23}  # 0.91 of the text above: notes
    assert ruled_feet(*ruled_column(9.3)) == set()  # 0.93: the column's own text goes on under a divider
    assert ruled_feet(*ruled_column(9.1, rule_width=0.49 * 612)) == {21, 22, 23}
    assert ruled_feet(*ruled_column(9.1, rule_width=0.51 * 612)) == set()  # a rule across the page parts no notes
    assert ruled_feet(*ruled_column(9.1, above=4, below=3)) == {5, 6, 7}
    assert ruled_feet(*ruled_column(9.1, above=3, below=3)) == set()  # no more text above: a title over its text


def test_narrow_columns_over_long_ruled_notes_keep_their_own_body_size() -> None:
    """Body lines shorter than PROSE_LINE, longer note lines under a rule: the body's size is the column's text's."""
    from paper2myst.readers.pdf import body_size, ruled_feet

    pages = []
    numbered: list[Line] = []
    for number in (1, 2):
        page, lines = ruled_column(8.0)
        page.number = number
        for ln in lines:
            ln.page, ln.number = number, ln.number + 23 * (number - 1)
            ln.runs = [replace(r, text=r.text * 3) for r in ln.runs] if ln.size < 9 else ln.runs
            ln.text = "".join(r.text for r in ln.runs)
        pages.append(page)
        numbered += lines
    ruled = frozenset(n for page in pages for n in ruled_feet(page, [ln for ln in numbered if ln.page == page.number]))
    assert body_size(numbered) == 8.0  # (the notes' long lines outweigh the body's short ones)
    assert body_size(numbered, ruled) == 10.0


# --- page numbers wherever the margins put them: NUMBER_LEVEL, NUMBER_PAGES ----------------------------------------


def numbered_pages(baselines: list[float | None], pages: int = 10) -> list[str]:
    """The roles of bare numbers set at ``baselines`` (None: no number) at the foot of ``pages`` pages of text.

    Each number stands 92 points up a 792-point page (0.12 of its height: above the margin's tenth), as LaTeX's
    default margins set it, under a page of text; it reads twice the page's place, so only its height can tell.
    """
    from paper2myst.readers.pdf.furniture import mark_furniture

    lines, numbers = [], []
    for page in range(1, pages + 1):
        mine = [make_line(page, [run("Words of the running text of the page", 72, 400 - 13 * k)], 0) for k in range(3)]
        base = baselines[page - 1] if page - 1 < len(baselines) else None
        if base is not None:
            number = make_line(page, [run(str(page * 2), 300, base)], 0)  # (no count of the pages: the height rules)
            mine.append(number)
            numbers.append(number)
        lines.append(mine)
    mark_furniture([a_page([]) for _ in range(pages)], lines)
    return [n.role for n in numbers]


def test_number_level_page_numbers_stand_within_a_point_of_one_height() -> None:
    assert numbered_pages([92.0] * 6 + [92.9] * 4) == ["furniture"] * 10  # 0.9 pt apart: one height
    # 1.1 pt apart: the four set higher stand at a height of their own, on less than half the pages.
    assert numbered_pages([92.0] * 6 + [93.1] * 4) == ["furniture"] * 6 + ["body"] * 4


def test_number_pages_page_numbers_stand_at_one_height_on_half_the_pages() -> None:
    assert numbered_pages([92.0] * 5) == ["furniture"] * 5  # five of ten pages
    assert numbered_pages([92.0] * 4) == ["body"] * 4  # four of ten: a number ending a few pages' text


def test_a_bare_number_over_the_page_s_last_line_is_no_page_number() -> None:
    """Only a page's lowest (or highest) line can be its number: one above a line of text is the text's."""
    from paper2myst.readers.pdf.furniture import page_numbers

    pages = [
        [
            make_line(p, [run("Words of the running text of the page", 72, 400)], 0),
            make_line(p, [run(str(p), 300, 92)], 0),
            make_line(p, [run("The last line of the page's text", 72, 60)], 0),
        ]
        for p in range(1, 5)
    ]
    assert page_numbers(pages) == set()


def test_a_face_s_design_size_is_no_family_of_its_own() -> None:
    """A face cut for two sizes ("LMRoman12", "LMRoman8") is one family; "F1" and "F2" are two fonts."""
    from paper2myst.readers.pdf import face

    def family(name: str) -> str:
        return face(make_line(1, [run("Words", 72, 400, font=Font(name, False, False))], 0))

    assert family("LMRoman12-Regular") == family("LMRoman8-Regular") == "LMRoman"
    assert family("CMR10") == "CMR"
    assert family("TimesNewRomanPSMT") == "TimesNewRoman"
    assert family("F1") != family("F2")


# --- a line far under a page's notes is no more of them: NOTE_APART -------------------------------------------------


def test_note_apart_a_line_two_pitches_under_the_notes_goes_on_no_note() -> None:
    from paper2myst.readers.pdf import _note_groups

    def groups(gap: float) -> list[int]:
        """How many lines each group holds: a note of two lines at a 10pt pitch, then a line ``gap`` under it."""
        lines = [
            make_line(1, [run("1", 72, 140, 8), run("A note's first line, set small", 80, 140, 8)], 0),
            make_line(1, [run("and its second line.", 72, 130, 8)], 0),
            make_line(1, [run("Preprint submitted to a journal", 72, 130 - gap, 8)], 0),
        ]
        return [len(g) for _, g in _note_groups(lines, [0], {"1"}, {8.0: 10.0})]

    assert groups(19) == [3]  # 1.9 pitches: the note goes on
    assert groups(21) == [2, 1]  # 2.1 pitches: a line of the page's foot, kept apart


def test_page_numbers_counting_the_pages_wherever_each_stands() -> None:
    """A first page numbered at its foot, the others at their head: each number is its page's place."""
    from paper2myst.readers.pdf.furniture import page_numbers

    def page(number: int, printed: str, at: float) -> list[Line]:
        text = [
            make_line(number, [run("Words of the running text of the page", 72, 500 - 13 * k)], 0) for k in range(3)
        ]
        return [*text, make_line(number, [run(printed, 300, at)], 0)]

    pages = [page(1, "1", 90), *(page(n, str(n), 700) for n in range(2, 5))]
    assert len(page_numbers(pages)) == 4
    # Numbers that do not count the pages ("7" on every page's last line, at heights of their own) are none.
    pages = [page(n, "7", 90 + 7 * n) for n in range(1, 5)]
    assert page_numbers(pages) == set()


def test_a_scheme_cut_from_its_address_at_a_line_end_goes_on_it() -> None:
    from paper2myst.readers.pdf.inline import join_lines

    lines = [
        make_line(1, [run("Politico, 12 April 2023, https:", 72, 500)], 0),
        make_line(1, [run("//www.example.org/news/article.", 72, 488)], 0),
    ]
    assert "".join(p.text for p in join_lines(lines, {})) == (
        "Politico, 12 April 2023, https://www.example.org/news/article."
    )


def test_a_note_s_address_going_on_over_a_page_break_in_its_own_face_stays_the_note_s() -> None:
    """A note's web address set in a typewriter face, cut by the page break: the next page's line is the note's."""
    from paper2myst.readers.pdf import _notes_run_on
    from paper2myst.readers.pdf.paragraphs import Group

    mono = Font("LMMono9-Regular", False, False)
    first = make_line(
        1, [run("Le Monde, 2023, ", 72, 100, 8), run("https://www.example.org/", 140, 100, 8, font=mono)], 0
    )
    rest = make_line(2, [run("2023/09/19/article-of-the-day.html", 72, 700, 8, font=mono)], 0)
    table = make_line(3, [run("a. A table's own note, set in its face", 72, 700, 8, font=mono)], 0)
    note = Group(BlockKind.NOTE, [first, rest], "2")
    assert _notes_run_on([note], 11, "Body") == [note] and note.lines == [first, rest]
    other = Group(BlockKind.NOTE, [make_line(1, [run("A note in the text's face.", 72, 100, 8)], 0), table], "3")
    out = _notes_run_on([other], 11, "Body")
    assert len(out) == 2 and out[1].lines == [table]  # a face the note never sets: the later page's table notes


def test_a_heading_set_apart_by_its_face_may_carry_its_number_in_the_text_s_face() -> None:
    """The AMS class's "1. Introduction": its number in the text's face, its words in small capitals."""
    caps = Font("LMRomanCaps10-Regular", False, False)
    text = [
        make_line(1, [run("Words of the running text of the page, set long", 72, 700 - 13 * k, 10)], 0)
        for k in range(30)
    ]
    heads = [
        make_line(1, [run("1. ", 200, 300, 10), run("Introduction", 212, 300, 10, font=caps)], 0),
        make_line(1, [run("3. ", 200, 250, 10), run("Costly change of paradigms...", 212, 250, 10, font=caps)], 0),
        make_line(1, [run("3. ", 200, 200, 10), run("A sentence in capitals.", 212, 200, 10, font=caps)], 0),
    ]
    lines = [*text[:10], heads[0], *text[10:20], heads[1], *text[20:], heads[2]]
    mark_faces(lines, 10)
    assert [h.face_apart for h in heads] == [True, True, False]


def test_caps_scale_a_numbered_heading_in_bold_capitals_may_be_0_85_of_the_text_s_size() -> None:
    from paper2myst.readers.pdf.paragraphs import is_heading

    def heading(size: float, text: str = "I. INTRODUCTION") -> bool:
        return is_heading(make_line(1, [run(text, 72, 400, size, font=BOLD)], 0), 10)

    assert heading(8.6)  # 0.86 of the text's size
    assert not heading(8.4)  # 0.84: a table's column heads
    assert not heading(9.0, "INTRODUCTION")  # unnumbered: bold capitals a little small say no more
    assert not heading(9.0, "I. Introduction")  # not capitals


# --- a reference list set justified, its entries without indent or space: ENTRY_LINES ------------------------------


def test_entry_lines_a_justified_list_parts_at_lines_stopping_short_from_four_lines_on() -> None:
    from paper2myst.readers.pdf.paragraphs import Group, justified_entries

    def parts(ends: list[float]) -> list[int]:
        lines = [line("Author, Title of a work, Publisher, 2020", 700 - 12 * k, x1=end) for k, end in enumerate(ends)]
        return [len(g.lines) for g in justified_entries(Group(BlockKind.TEXT, lines))]

    assert parts([290, 290, 200, 290]) == [3, 1]  # four lines, three at the edge: the short one ends an entry
    assert parts([290, 200, 290]) == [3]  # three lines: too few to say the list is justified
    assert parts([290, 270, 200, 290, 250]) == [5]  # two of five at one edge: ragged, never parted
    assert parts([290, 290, 272, 290]) == [4]  # 1.8 em short: no entry's end
    assert parts([290, 290, 269, 290]) == [3, 1]  # 2.1 em short


def test_a_justified_list_does_not_part_after_an_address_cut_at_its_separator() -> None:
    from paper2myst.readers.pdf.paragraphs import Group, justified_entries

    lines = [
        line("Author, Title of a work, Publisher, 2020", 700, x1=290),
        line("Studies, November 2022, https://www.example.eu/", 688, x1=290),
        line("https://www.example.eu/thinktank/en/document/", 676, x1=240),
        line("EPRS_STU(2022)734676", 664, x1=150),
        line("Another Author, Another Title, Press, 2019", 652, x1=290),
        line("Another Author, Another Title, Press, 2019", 640, x1=290),
        line("and its last line.", 628, x1=120),
    ]
    assert [len(g.lines) for g in justified_entries(Group(BlockKind.TEXT, lines))] == [4, 3]


def test_running_heads_repeated_as_the_pages_first_line_wherever_the_margin_is() -> None:
    """A head 0.88 of the way up each page (above the margin's tenth): its repeats say it is the pages'."""
    from paper2myst.readers.pdf.furniture import mark_furniture

    def heads(texts: list[str], raised: float = 0.0) -> list[str]:
        """The roles of each page's first line; the last page's set ``raised`` points higher."""
        lines = []
        for page, text in enumerate(texts, start=1):
            head = make_line(page, [run(text, 72, 700 + (raised if page == len(texts) else 0), 7)], 0)
            body = [
                make_line(page, [run("Words of the running text of the page", 72, 650 - 13 * k)], 0) for k in range(3)
            ]
            lines.append([head, *body])
        mark_furniture([a_page([]) for _ in texts], lines)
        return [page[0].role for page in lines]

    author = [f"{n} AUTHOR AND ANOTHER" for n in range(2, 10, 2)]
    assert heads(author) == ["furniture"] * 4  # the same words, numbers aside, as four pages' first lines
    assert heads(author, raised=0.9) == ["furniture"] * 4  # within a point: one height
    assert heads(author, raised=1.1) == ["furniture"] * 3 + ["body"]  # at a height of its own
    assert heads(["A heading of its own", "Another heading here", "A third heading line", "The fourth"]) == ["body"] * 4


@pytest.mark.parametrize(
    ("head", "tail", "dropped", "sure"),
    [
        ("co-", "chairmen", False, True),  # a prefix before a word, not one word: the author's hyphen
        ("nation-", "state", False, True),  # two words making none
        ("ethno-", "territorial", False, True),
        ("regard-", "less", True, False),  # one word ("less" a word too: said)
        ("authori-", "tarian", True, True),  # one word, and "tarian" none
        ("co-", "operation", True, False),  # a short prefix making a word with a word: written both ways
        ("liberalisa-", "tion", True, False),  # neither known: a guess, said
    ],
)
def test_a_line_end_hyphen_the_document_cannot_tell_is_told_by_the_english_word_list(
    head: str, tail: str, dropped: bool, sure: bool
) -> None:
    from paper2myst.readers.pdf.inline import Words, hyphenated

    assert hyphenated(head, tail, Words(frozenset(), hyphenates=True)) == (dropped, sure)


def test_a_bold_heading_may_trail_off_in_an_ellipsis_but_not_end_in_a_full_stop() -> None:
    from paper2myst.readers.pdf.paragraphs import Group, classify

    def kind(text: str) -> BlockKind:
        return classify(Group(BlockKind.TEXT, [make_line(1, [run(text, 200, 400, 10, font=BOLD)], 0)]), 10, 10)[0]

    assert kind("Costly change of paradigms...") is BlockKind.HEADING
    assert kind("What does the law require?") is BlockKind.HEADING
    assert kind("The bold sentence of the text.") is BlockKind.TEXT


def test_a_hanging_entry_goes_on_in_set_in_lines_at_the_next_page_s_head() -> None:
    """Read alone at the page's head, the set-in rest of an entry looks like a quotation: it is the entry's."""
    from dataclasses import replace

    from paper2myst.readers.pdf.paragraphs import Group, continues

    entry = Group(
        BlockKind.TEXT,
        [line("[3] Author, A Title Running Over", 100, x0=58), line("the lines of the entry of", 88, x0=75)],
    )
    rest = [replace(line("Survey, Vol. 6, 2018, p. 183-202", 700 - 12 * k, x0=75), page=2) for k in range(2)]
    assert continues(entry, Group(BlockKind.QUOTE, rest), 290, 58) is True
    far = [replace(ln, x0=95) for ln in rest]  # set in further than the entry's lines: a quotation of its own
    assert continues(entry, Group(BlockKind.QUOTE, far), 290, 58) is False


def test_a_bare_number_in_the_margin_is_a_running_foot_only_where_the_others_stand() -> None:
    """Page numbers at one place page after page; a number wrapped to a column's foot elsewhere is the text's."""
    from paper2myst.readers.pdf.furniture import mark_furniture

    def pages(tail_baseline: float) -> list[tuple[Page, list[Line]]]:
        out = []
        for number in range(1, 5):
            text = make_line(number, [run("Words of the running text of the page", 72, 400)], 0)
            folio = make_line(number, [run(f"{number}", 300, 30, 9)], 0)
            out.append((a_page([]), [text, folio]))
        out[2][1].append(make_line(3, [run("2926218", 72, tail_baseline, 9)], 0))
        return out

    def tail_role(baseline: float) -> str:
        laid = pages(baseline)
        mark_furniture([p for p, _ in laid], [lines for _, lines in laid])
        assert all(lines[1].role == "furniture" for _, lines in laid)
        return laid[2][1][2].role

    assert tail_role(60) == "body"  # 30 points (3.3 of its sizes) above the page numbers: an address's tail
    assert tail_role(39.5) == "body"  # 1.06 of its size above them
    assert tail_role(38.5) == "furniture"  # 0.94 of its size: where the page numbers stand


def test_an_address_cut_by_a_line_break_with_its_link_over_one_piece_is_one_link() -> None:
    from paper2myst.readers.pdf.inline import Piece, render

    head = [Piece("in USIP, 1998, https://www.usip.org/"), Piece("node/82561.", uri="https://www.usip.org/node/82561")]
    assert render(head) == "in USIP, 1998, <https://www.usip.org/node/82561>."
    uri = "https://www.usip.org/node/82561"
    tail = [Piece("see "), Piece("https://www.usip.org/", uri=uri), Piece("node/82561 today")]
    assert render(tail) == "see <https://www.usip.org/node/82561> today"
    other = [Piece("see https://example.org/ "), Piece("a page", uri=uri)]  # another address: not the link's
    assert render(other) == "see <https://example.org/> [a page](https://www.usip.org/node/82561)"


def test_stretch_gap_a_justified_line_an_address_stretched_stays_one_line_up_to_8_ems() -> None:
    from paper2myst.readers.pdf.lines import _split

    def parts(gap: float, address: str = "https://twitter.com/status/1705490") -> int:
        """A 10pt row from the text's edge (72) to its right edge (300): "2023," then ``gap`` ems of space."""
        first = run("2023,", 72, 500, 10, x1=95)
        last = run(address, 95 + gap * 10, 500, 10, x1=300)
        return len(_split([first, last], 72, 300))

    assert parts(7.9) == 1  # a stretched space
    assert parts(8.1) == 2  # too wide for a space: two pieces side by side
    assert parts(4.0, "the other column's words") == 2  # no address to stretch the line: side by side


def test_bullet_gap_a_lone_o_in_a_face_of_its_own_half_an_em_before_the_words_is_a_bullet() -> None:
    from paper2myst.readers.pdf.lines import letter_bullet

    courier = Font("CourierNewPSMT", False, False)

    def first(gap: float, font: Font = courier) -> str:
        """The first run's text of "o" then words ``gap`` ems after it (10pt)."""
        mark = run("o ", 90, 500, 10, x1=96, font=font)
        words = run("Generative AI products", 96 + gap * 10, 500, 10)
        return letter_bullet([mark, words])[0].text

    assert first(0.6) == "◦ "  # Word's second-level bullet
    assert first(0.4) == "o "  # too close: a letter of the text
    assert first(1.2, BODY) == "o "  # in the words' own face: the author's "o"
