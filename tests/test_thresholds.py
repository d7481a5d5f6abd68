"""Every named threshold of the PDF reader pinned at its documented value by literal geometry.

The other tests often place their runs from the constant itself (a call at ``CALL_REACH * size + ε``), so they
move with it; these put small synthetic runs just inside and just outside the documented value, so that a
change of a threshold by 30% either way makes one of them fail ("mutate a threshold by 30%: if no test fails,
the test is missing").
"""

from __future__ import annotations

from paper2myst.readers.pdf.extract import Font, Page, Run
from paper2myst.readers.pdf.lines import _gutters, _rows, make_line, page_lines

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


# --- side headings: SIDE_GAP, SIDE_SCALE, SIDE_PITCH ---------------------------------------------------------------

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


def test_side_scale_a_side_heading_is_1_15_times_the_text_s_size() -> None:
    assert beside(size=13) == FIRST  # 1.18 times
    assert beside(size=12) == AS_SET  # 1.09 times


def test_side_pitch_a_side_heading_s_lines_follow_at_most_1_6_times_their_size_apart() -> None:
    assert beside(pitch=13) == FIRST
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


def test_documented_values() -> None:
    # The values the tests above were set around; change one only with its pin.
    from paper2myst.readers.pdf import lines

    assert (lines.CALL_SCALE, lines.CALL_RISE, lines.CALL_REACH) == (0.85, 0.12, 0.75)
    assert (lines.ROW_EXACT, lines.ROW_NEAR, lines.ROW_DRIFT) == (0.15, 1.0, 0.45)
    assert (lines.GUTTER_REACH, lines.GUTTER_WIDTH, lines.MAX_COLUMNS) == (4.0, 0.8, 3)
    assert (lines.COLUMN_MIN_WIDTH, lines.COLUMN_FILL) == (8.0, 0.6)
    assert (lines.SIDE_GAP, lines.SIDE_SCALE, lines.SIDE_PITCH) == (1.0, 1.15, 1.6)
    assert (lines.SQUEEZE, lines.DROP_CAP_SCALE, lines.SECTION_GAP) == (0.005, 2.5, 4.0)
