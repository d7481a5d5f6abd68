"""Thresholds outside the PDF reader's geometry pinned just inside and just outside their documented values.

Found by ``tests/mutants.py``: each of these survived a change of 30% either way. Like ``test_thresholds.py``,
the cases are written with literal numbers, never from the constant, so that they do not move with it.
"""

from __future__ import annotations

import pytest
from paper2myst import readers
from paper2myst.backpage import is_list, measure, wrapped
from paper2myst.citations import _Work, candidates_in, tokens
from paper2myst.diagnostics import ConversionError, Kind
from paper2myst.model import Block, BlockKind, Document, Paragraph, Span
from paper2myst.pipeline import left_out
from paper2myst.readers.pdf import _boxed
from paper2myst.readers.pdf.back import _aligned, _baseline_rows
from paper2myst.readers.pdf.boxes import panel
from paper2myst.readers.pdf.extract import Box, Font, Page, Run
from paper2myst.readers.pdf.front import (
    _running_date,
    by_column,
    find_front,
    foot_entries,
    title_parts,
    unlabelled_abstract,
)
from paper2myst.readers.pdf.lines import Line, _side, _split, _stretches, make_line
from paper2myst.readers.pdf.maths import display, join_operators, join_scripts, level
from paper2myst.readers.pdf.notes import _mark_area
from paper2myst.readers.pdf.tables import _covered, cells_in, in_style, line_breaks, own_rows, rows_of, split_at_columns
from paper2myst.stages.checks import missed_references, shredded, split_words
from paper2myst.stages.structure import _check_banner

# --- the publisher's back page: FIT, NARROWEST, LIST_RUN --------------------------------------------------------


def test_fit_a_break_is_the_typesetter_s_where_the_next_word_would_have_run_past_0_8_of_the_measure() -> None:
    assert wrapped("x" * 75, "words follow", 100)  # 75 + 1 + 5 = 81 of 100: no room, so a wrap
    assert not wrapped("x" * 70, "words follow", 100)  # 76 of 100: the word fitted, the break is the author's


def block(*lines: str) -> Block:
    return Block(BlockKind.TEXT, "\n".join(lines), Span(tuple(range(1, len(lines) + 1))))


def test_narrowest_the_measure_is_never_taken_under_45_characters() -> None:
    assert measure([block("x" * 40, "x" * 20)]) == 45  # an address's short lines show no measure
    assert measure([block("x" * 50)]) == 50


def test_list_run_three_numbered_lines_are_a_list_two_may_be_an_address() -> None:
    assert is_list(["22 | 23 A paper", "21 | 23 Another", "20 | 23 A third"])
    assert not is_list(["12 High Street", "10115 Berlin"])


# --- a note's citation of a listed work: MIN_TITLE_SCORE, PREFIX_SCORE ------------------------------------------


def work(title: str) -> _Work:
    return _Work("key", ("Smith",), title, tuple(tokens(title)))


def found(note: str, title: str) -> bool:
    return bool(candidates_in(note, [work(title)]))


def test_min_title_score_a_note_s_title_agrees_with_the_listed_one_from_0_75() -> None:
    # Three of the note's three words among the listed four, in order: 2·3/7 = 0.86.
    assert found("Smith, Water rights Asia, 2019.", "Water rights in Asia")
    # Two of three words agree: 2·2/6 = 0.67, another work of the same author.
    assert not found("Smith, Water rights Africa, 2019.", "Water rights Asia")


def test_prefix_score_a_note_citing_a_title_by_its_start_scores_0_9_under_an_exact_title() -> None:
    # "Water rights" opens "Water rights in a dry century" (ratio 2·2/8 = 0.5): linked as its short title.
    prefix = candidates_in("Smith, Water rights, 2019.", [work("Water rights in a dry century")])
    assert [c.score for c in prefix] == [pytest.approx(0.9)]
    exact = candidates_in("Smith, Water rights, 2019.", [work("Water rights")])
    assert prefix[0].score < exact[0].score  # where both are listed, the exact title wins


# --- a paper reduced to its furniture: LEFT_OUT_SHARE -------------------------------------------------------------


@pytest.mark.parametrize(("left", "reported"), [(55, True), (45, False)])
def test_left_out_share_a_finding_when_over_half_the_text_was_left_out(left: int, reported: bool) -> None:
    lines = ["x" * left, "y" * (100 - left)]
    doc = Document()
    left_out(doc, lines, frozenset({1}))
    assert [d.kind for d in doc.diagnostics] == ([Kind.LEFT_OUT] if reported else [])


# --- fonts without a Unicode map: UNREADABLE_SHARE ----------------------------------------------------------------


def pages_with(lost: int) -> list[Page]:
    """One page of 100 characters of which ``lost`` are glyph codes (no Unicode map)."""
    page = Page(1, 612, 792, 0)
    text = "\x01" * lost + "a" * (100 - lost)
    page.runs = [Run(text, 50, 550, 498, 508, 500, 10, Font("Body", False, False))]
    return [page]


@pytest.mark.parametrize(("lost", "refused"), [(6, True), (4, False)])
def test_unreadable_share_over_5_percent_of_glyphs_without_text_needs_ocr(
    lost: int, refused: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from paper2myst.readers import pdf

    monkeypatch.setattr(pdf, "read_pages", lambda data: pages_with(lost))
    if refused:
        with pytest.raises(ConversionError, match="needs OCR"):
            pdf.read_pdf(b"%PDF", images=False)
    else:
        reading: readers.Reading = pdf.read_pdf(b"%PDF", images=False)
        assert any(d.kind is Kind.UNREADABLE_TEXT for d in reading.diagnostics)


# --- self-checks that need no truth: SHRED_RUN, REFERENCE_RUN, SPLIT_PIECE_SEEN -------------------------------------


def paragraphs(*texts: str) -> Document:
    doc = Document()
    doc.body = [Paragraph(text, Span((k,))) for k, text in enumerate(texts, start=1)]
    return doc


@pytest.mark.parametrize(("pieces", "reported"), [(3, True), (2, False)])
def test_shred_run_three_paragraphs_each_going_on_in_the_next_are_one_shredded(pieces: int, reported: bool) -> None:
    doc = paragraphs(*(["the line stops and"] * (pieces - 1)), "goes on here.", "A new paragraph.")
    shredded(doc)
    assert [d.kind for d in doc.diagnostics] == ([Kind.SUSPICIOUS_JOIN] if reported else [])


@pytest.mark.parametrize(("entries", "reported"), [(5, True), (4, False)])
def test_reference_run_five_paragraphs_shaped_like_entries_are_a_missed_list(entries: int, reported: bool) -> None:
    doc = paragraphs("Body text.", *(f"Smith, J. A title of {2000 + k}." for k in range(entries)), "Body again.")
    missed_references(doc)
    assert [d.kind for d in doc.diagnostics] == ([Kind.NO_REFERENCE_LIST] if reported else [])


@pytest.mark.parametrize(("seen", "reported"), [(2, True), (3, False)])
def test_split_piece_seen_a_piece_printed_twice_elsewhere_may_be_a_split_word(seen: int, reported: bool) -> None:
    # "repo rt": "rt" stands once, "repo" ``seen`` times in all; "report" is printed whole elsewhere.
    doc = paragraphs("The repo rt came.", "A report came.", *(["The repo was read."] * (seen - 1)))
    split_words(doc)
    assert [d.kind for d in doc.diagnostics] == ([Kind.SUSPICIOUS_JOIN] if reported else [])


# --- a table's cells from its lines' geometry (readers/pdf/tables.py) ------------------------------------------------

BODY = Font("Body", False, False)


def a_run(text: str, x0: float, baseline: float, x1: float | None = None, size: float = 10.0) -> Run:
    """A run as the extractor makes it; half an em a character unless its right edge is given."""
    right = x1 if x1 is not None else x0 + len(text) * size * 0.5
    return Run(text, x0, right, baseline - size * 0.2, baseline + size * 0.8, baseline, size, BODY)


def a_line(*runs: Run) -> Line:
    return make_line(1, list(runs), 0)


@pytest.mark.parametrize(("gap", "cells"), [(7.5, 2), (6.5, 1)])
def test_cell_gap_runs_0_7_em_apart_are_two_cells(gap: float, cells: int) -> None:
    left = a_run("Total", 50, 500)
    assert len(cells_in(a_line(left, a_run("1,250", left.x1 + gap, 500)))) == cells


@pytest.mark.parametrize(("lower", "rows"), [(2.5, 1), (3.5, 2)])
def test_row_tolerance_baselines_0_3_of_the_size_apart_share_a_row(lower: float, rows: int) -> None:
    assert len(rows_of([a_line(a_run("Name", 50, 500)), a_line(a_run("12", 200, 500 - lower))])) == rows


def breaks(*gaps: float) -> list[bool]:
    """Which rows go on the row above, for one-line rows ``gaps`` points apart (10 pt type)."""
    baselines = [500 - sum(gaps[:k]) for k in range(len(gaps) + 1)]
    return line_breaks([[a_line(a_run("cell text", 50, b))] for b in baselines], {})


def test_close_lines_rows_under_0_8_of_their_size_apart_are_one_row() -> None:
    assert breaks(7.5) == [True]
    assert breaks(8.5) == [False]


def test_leading_tolerance_a_gap_up_to_1_05_of_the_smallest_is_a_cell_s_leading() -> None:
    # 12.5 is within 1.05 × 12 (12.6): a line break in a cell; 13 is a step between rows.
    assert breaks(12, 12.5, 13, 20, 12, 20) == [True, True, False, False, True, False]


def test_wider_gaps_two_wider_gaps_show_the_rows_one_alone_says_nothing() -> None:
    assert breaks(12, 20, 12, 20, 12) == [True, False, True, False, True]
    assert breaks(12, 20, 12, 12) == [False, False, False, False]


BANDS = [(50.0, 150.0), (160.0, 260.0)]


@pytest.mark.parametrize(("gap", "cells"), [(4.5, 2), (3.5, 1)])
def test_split_gap_a_line_over_two_columns_is_cut_at_a_gap_of_0_4_em(gap: float, cells: int) -> None:
    left = a_run("a long label", 50, 500, x1=152)
    assert len(split_at_columns(a_line(left, a_run("value", 152 + gap, 500, x1=256)), BANDS)) == cells


def test_overlap_share_a_line_stands_in_a_column_it_covers_half_of() -> None:
    bands = [(0.0, 100.0), (110.0, 210.0)]
    assert _covered(a_line(a_run("wide label", 40, 500, x1=200)), bands) == [0, 1]  # 60 of 100
    assert _covered(a_line(a_run("wide label", 60, 500, x1=200)), bands) == [1]  # 40 of 100


def table_rows(first_size: float) -> list[list[Line]]:
    first = [a_line(a_run("Table subtitle", 50, 520, size=first_size))]
    return [first, *([a_line(a_run("A", 50, b)), a_line(a_run("1", 200, b))] for b in (500, 488, 476))]


def test_size_tolerance_a_first_row_alone_in_a_size_0_05_off_the_table_s_is_the_caption_s() -> None:
    assert len(in_style(table_rows(10.6))) == 3  # 6% larger: a subtitle, not a row
    assert len(in_style(table_rows(10.4))) == 4  # 4%: the table's size, rounded


@pytest.mark.parametrize(("below", "rows"), [(30, 6), (42, 5)])
def test_far_rows_a_row_3_steps_below_the_rest_is_not_the_table_s(below: float, rows: int) -> None:
    baselines = [500, 488, 476, 464, 452, 452 - below]
    assert len(own_rows([[a_line(a_run("A", 50, b)), a_line(a_run("1", 200, b))] for b in baselines])) == rows


# --- a page's note area: NOTE_SCALE -------------------------------------------------------------------------------


@pytest.mark.parametrize(("size", "role"), [(10.0, "note"), (10.3, "body")])
def test_note_scale_notes_are_set_at_most_0_92_of_the_body_s_size(size: float, role: str) -> None:
    text = "the committee heard from many witnesses over the course of the year"
    lines = [a_line(a_run(text, 72, 700 - 13 * k, size=11)) for k in range(3)]
    labelled = [a_run("1", 72, 650, x1=77, size=size), a_run("A note on the source of the figure.", 90, 650, size=size)]
    lines.append(make_line(1, labelled, 0))
    _mark_area(lines, [], 11)
    assert lines[-1].role == role  # 10pt is 0.91 of 11pt, 10.3pt 0.94


# --- the column and side-heading geometry of a row (readers/pdf/lines.py) -------------------------------------------


@pytest.mark.parametrize(("gap", "parts"), [(17, 2), (15, 1)])
def test_column_gap_a_gap_over_1_6_em_parts_two_columns(gap: float, parts: int) -> None:
    assert len(_split([a_run("left words", 50, 500, x1=100), a_run("right", 100 + gap, 500)])) == parts


@pytest.mark.parametrize(("after", "order"), [(0.4, ["b", "a,"]), (0.6, ["a,", "b"])])
def test_start_tie_runs_starting_within_0_05_em_start_together_the_shorter_first(
    after: float, order: list[str]
) -> None:
    row = [a_run("a,", 100, 500, x1=110), a_run("b", 100 + after, 500, x1=105)]
    assert [r.text for r in _split(row)[0]] == order


@pytest.mark.parametrize(("off", "side"), [(2.5, True), (3.5, False)])
def test_edge_align_a_line_starts_at_the_text_s_edge_within_0_3_em(off: float, side: bool) -> None:
    heading = [a_run("Heading", 10, 500, x1=30, size=12)]
    assert _side(heading, a_run("The text", 50 + off, 500), 50.0) is side


@pytest.mark.parametrize(("rows", "found"), [(6, [(0, 9)]), (5, [])])
def test_gutter_min_rows_text_comes_up_to_a_gutter_on_6_rows(rows: int, found: list[tuple[int, int]]) -> None:
    assert _stretches(set(), set(range(rows)), set(range(rows)), 10) == found


# --- a display equation's scripts and its share of maths (readers/pdf/maths.py) --------------------------------------


def script(size: float, shift: float) -> int:
    """The level of a run of ``size`` set ``shift`` points off the baseline of a 10pt line."""
    base = a_run("x = y", 50, 500)
    small = a_run("2", base.x1, 500 + shift, size=size)
    return level(small, make_line(1, [base, small], 0))


def test_script_scale_a_script_is_set_at_most_0_85_of_the_line_s_size() -> None:
    assert script(8.0, 2) == 1
    assert script(9.0, 2) == 0  # 0.9 of the line: a word set a little smaller


def test_sup_rise_a_superscript_stands_over_0_12_of_the_line_s_size_up() -> None:
    assert script(7, 1.4) == 1
    assert script(7, 1.0) == 0


def test_sub_drop_a_subscript_stands_over_0_04_of_the_line_s_size_down() -> None:
    assert script(7, -0.5) == -1
    assert script(7, -0.3) == 0  # small capitals keep the baseline, give or take rounding


def test_maths_share_a_display_line_has_half_its_letters_in_mathematical_alphanumerics() -> None:
    assert display(a_line(a_run("\U0001d465 = \U0001d466\U0001d467 + ab", 200, 500)))  # 3 of 5
    assert not display(a_line(a_run("\U0001d465 = \U0001d466 + abc", 200, 500)))  # 2 of 5


# --- a shaded panel holds its lines: PANEL_SLACK ------------------------------------------------------------------


@pytest.mark.parametrize(("over", "inside"), [(2.0, True), (3.0, False)])
def test_panel_slack_a_panel_s_line_may_stand_0_25_em_over_its_edge(over: float, inside: bool) -> None:
    page = Page(1, 612, 792, 0)
    page.fills = [Box(100, 400, 300, 520)]
    line = a_line(a_run("Text in a box", 100 - over, 500, x1=250))  # 0.2 or 0.3 of its 10pt over the left edge
    assert panel([line], {1: page}) is inside


# --- the cover and the back matter (readers/pdf/front.py, back.py, stages/structure.py) ------------------------------


def a_row(text: str, x0: float, baseline: float, size: float = 10.0, page: int = 1) -> Line:
    return make_line(page, [a_run(text, x0, baseline, size=size)], 0)


@pytest.mark.parametrize(("gap", "parts"), [(36, 2), (34, 1)])
def test_title_part_gap_a_step_1_5_times_the_title_s_pitch_parts_its_subtitle(gap: float, parts: int) -> None:
    rows = [a_row(text, 72, baseline, 20) for text, baseline in [("A title", 700), ("set on", 676), ("three", 652)]]
    rows.append(a_row("A subtitle", 72, 652 - gap, 20))  # 24pt the title's pitch: 1.5 or 1.42 of it
    assert len(title_parts(rows)) == parts


@pytest.mark.parametrize(("right", "first"), [(9, "Role of B"), (11, "Name A")])
def test_aligned_left_edges_within_1_em_start_one_column(right: float, first: str) -> None:
    lines = [a_row("Name A", 100, 500), a_row("Role of B", 100 + right, 520)]
    assert by_column(lines)[0].text == first  # one column: top to bottom; two: the left one first


def running_heads(pages: int) -> list[list[Line]]:
    head = "Imaginary Conference ’26, October 28–31, 2026, Springfield"
    out = []
    for page in range(2, 2 + pages):
        line = a_row(head, 72, 760, 8, page)
        line.role = "furniture"
        out.append([line])
    return out


def test_running_date_pages_a_date_two_running_heads_repeat_is_the_paper_s() -> None:
    assert _running_date(running_heads(2)) is not None
    assert _running_date(running_heads(1)) is None  # one page's head: an event named once


def furniture(page: int, text: str) -> Line:
    line = a_row(text, 72, 760, 8, page)
    line.role = "furniture"
    return line


@pytest.mark.parametrize(("pages", "masthead"), [(2, True), (1, False)])
def test_masthead_pages_a_title_in_two_pages_running_heads_beside_other_pieces_is_a_masthead(
    pages: int, masthead: bool
) -> None:
    first = [a_row("Notices", 72, 700, 24), a_row("A bold heading over the text", 72, 660, 12)]
    first += [a_row("Running text of the first page, in its body's size.", 72, 640 - 12 * k) for k in range(3)]
    rest = [[furniture(p, "Federal Thing / Vol. 1 / Notices")] for p in range(2, 2 + pages)]
    found = find_front([first, *rest, [furniture(9, "Another head")]], 10)
    assert any("masthead" in d.message for d in found.findings) is masthead


@pytest.mark.parametrize(("chars", "reported"), [(210, True), (190, False)])
def test_title_above_200_characters_of_running_text_over_the_largest_type_say_it_is_no_title(
    chars: int, reported: bool
) -> None:
    above = [a_row("x" * 10, 72, 760 - 12 * k) for k in range(chars // 10)]
    first = [*above, a_row("A heading set large", 72, 400, 24), a_row("The text goes on here.", 72, 380)]
    found = find_front([first, [a_row("A second page.", 72, 700, page=2)]], 10)
    assert any("stands under" in d.message for d in found.findings) is reported


@pytest.mark.parametrize(("lower", "rows"), [(2.5, 1), (3.5, 2)])
def test_row_slack_back_matter_lines_0_3_em_apart_share_a_row(lower: float, rows: int) -> None:
    assert len(_baseline_rows([a_row("Name A", 72, 500), a_row("Name B", 300, 500 - lower)])) == rows


@pytest.mark.parametrize(("shift", "aligned"), [(9, True), (11, False)])
def test_column_slack_rows_whose_lines_start_within_1_em_stand_in_columns(shift: float, aligned: bool) -> None:
    above = [a_row("Name A", 72, 500), a_row("Name B", 300, 500)]
    below = [a_row("Role A", 72 + shift, 488), a_row("Role B", 300, 488)]
    assert _aligned(above, below) is aligned


def opening(title: str) -> list[Block]:
    blocks = [title, "The title of the paper itself, longer than a banner", "1 May 2024"]
    kinds = [BlockKind.TEXT, BlockKind.TEXT, BlockKind.DATE]
    return [Block(kind, text, Span((k,))) for k, (kind, text) in enumerate(zip(kinds, blocks, strict=True), 1)]


@pytest.mark.parametrize(("title", "reported"), [("Policy Brief Series", True), ("A Policy Brief Series", False)])
def test_banner_words_a_title_of_three_words_over_a_longer_line_may_be_a_banner(title: str, reported: bool) -> None:
    doc = Document()
    _check_banner(doc, opening(title))
    assert [d.kind for d in doc.diagnostics] == ([Kind.SUSPICIOUS_FRONT] if reported else [])


@pytest.mark.parametrize(("size", "boxed"), [(9.0, True), (9.4, False)])
def test_box_scale_text_under_0_92_of_the_body_s_size_in_another_face_is_a_box_s(size: float, boxed: bool) -> None:
    line = make_line(1, [Run("A label", 72, 120, 498, 508, 500, size, Font("Sans", False, False))], 0)
    assert _boxed(line, 10, "Body") is boxed  # 0.90 or 0.94 of the body's 10pt


# --- the reference tagger's confidence: MIN_CONFIDENCE -----------------------------------------------------------


@pytest.mark.parametrize(("confidence", "kept"), [(0.55, True), (0.45, False)])
def test_min_confidence_an_entry_the_tagger_reads_under_0_5_sure_stays_misc(
    confidence: float, kept: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from paper2myst.bib import parse_list
    from paper2myst.bib.segment import Segmenter

    read = Segmenter.segments
    monkeypatch.setattr(Segmenter, "segments", lambda self, text: (read(self, text)[0], confidence))
    entry = "Imaginary Basin Initiative, Water for Everyone: A Made-up Report, Springfield, Secretariat, 2019"
    _, entries, problems = parse_list([entry])
    assert entries[0].reader == "tagger"  # (no house style reads it: the tagger does)
    assert (entries[0].type != "misc") is kept
    assert bool(problems) is not kept


# --- a journal's affiliations at the first page's foot: ENTRY_END, MARK_REACH -------------------------------------

ROMAN = Font("Serif", False, False)


def foot(text: str, x0: float, x1: float, baseline: float, size: float = 8.0) -> Line:
    return make_line(1, [Run(text, x0, x1, baseline - 2, baseline + 6, baseline, size, ROMAN)], 0)


@pytest.mark.parametrize(("short", "parted"), [(2.9, False), (3.1, True)])
def test_entry_end_a_foot_line_ending_over_3_ems_short_of_the_measure_ends_its_affiliation(
    short: float, parted: bool
) -> None:
    full = foot("Made-up Institute, Springfield, XY, and the Imaginary", 72, 300, 60)
    last = foot("University Press", 72, 300 - 8 * short, 50)  # 8-point type: ``short`` ems short
    after = foot("Ogdenville Office, Ogdenville", 72, 200, 40)
    assert len(foot_entries([full, last, after], [])) == (2 if parted else 1)


@pytest.mark.parametrize(("gap", "labels"), [(0.3, True), (0.36, False)])
def test_mark_reach_a_mark_over_the_foot_labels_the_run_starting_within_0_33_ems_of_its_end(
    gap: float, labels: bool
) -> None:
    runs = [
        Run("Made-up Institute. ", 72, 160, 58, 66, 60, 9, ROMAN),
        Run("Imaginary University.", 200, 290, 58, 66, 60, 9, ROMAN),
    ]
    mark = make_line(1, [Run("2", 195, 200 - 9 * gap, 62, 67, 63, 5, ROMAN)], 0)  # 9-point type: ``gap`` ems
    assert [e.label for e in foot_entries([make_line(1, runs, 0)], [mark])] == (["", "2"] if labels else [""])


# --- a script read as a line of its own: SCRIPT_REACH ---------------------------------------------------------------


@pytest.mark.parametrize(("rise", "joined"), [(0.55, True), (0.65, False), (-0.55, True), (-0.65, False)])
def test_script_reach_a_script_line_under_0_6_ems_off_the_baseline_goes_back_in_its_line(
    rise: float, joined: bool
) -> None:
    host = make_line(1, [Run("has weight α", 72, 130, 98, 108, 100, 10, ROMAN)], 0)
    script = make_line(1, [Run("T−Age", 130.5, 150, 100, 107, 100 + 10 * rise, 7, ROMAN)], 0)
    after = make_line(1, [Run(", where", 151, 180, 98, 108, 100, 10, ROMAN)], 0)
    lines = join_scripts([host, script, after])
    assert (len(lines) == 1) is joined
    if joined:
        assert lines[0].text.replace(" ", "") == "hasweightαT−Age,where"


# --- a display cut at its large operator, its limits: OPERATOR_DROP, OPERATOR_GAP, LIMIT_REACH, LIMIT_SLACK -------


def piece(text: str, x0: float, x1: float, baseline: float, size: float = 10.0) -> Line:
    return make_line(1, [Run(text, x0, x1, baseline - 2, baseline + 8, baseline, size, ROMAN)], 0)


def cut_at_operator(drop: float, gap: float) -> list[Line]:
    """The pieces "y = a +", "∑" (``drop`` ems off the row, ``gap`` ems after it) and "x + b", in 10-point type."""
    big = piece("∑", 100 + gap * 10, 110 + gap * 10, 100 + drop * 10)
    return [piece("y = a +", 50, 100, 100), big, piece("x + b", big.x1 + 5, big.x1 + 40, 100)]


@pytest.mark.parametrize(("drop", "joined"), [(1.15, True), (1.25, False)])
def test_operator_drop_an_operator_drawn_up_to_1_2_ems_off_its_row_joins_it(drop: float, joined: bool) -> None:
    assert (len(join_operators(cut_at_operator(drop, 0.5))) == 1) is joined


@pytest.mark.parametrize(("gap", "joined"), [(0.95, True), (1.05, False)])
def test_operator_gap_the_text_before_an_operator_up_to_1_em_off_it_joins_it(gap: float, joined: bool) -> None:
    assert (len(join_operators(cut_at_operator(0.0, gap))) == 1) is joined


@pytest.mark.parametrize(("reach", "joined"), [(1.9, True), (2.1, False)])
def test_limit_reach_a_limit_under_2_ems_off_the_row_goes_with_its_operator(reach: float, joined: bool) -> None:
    row = make_line(1, [Run("y = ", 50, 70, 98, 108, 100, 10, ROMAN), Run("∑", 70, 80, 98, 108, 100, 10, ROMAN)], 0)
    limit = piece("t", 73, 77, 100 - reach * 10, 7)
    lines = join_operators([row, limit])
    assert (len(lines) == 1) is joined
    if joined:
        assert lines[0].text.replace(" ", "") == "y=∑t"


@pytest.mark.parametrize(("slack", "joined"), [(0.45, True), (0.55, False)])
def test_limit_slack_a_limits_centre_up_to_half_an_em_past_its_operator_goes_with_it(
    slack: float, joined: bool
) -> None:
    row = make_line(1, [Run("y = ", 50, 70, 98, 108, 100, 10, ROMAN), Run("∑", 70, 80, 98, 108, 100, 10, ROMAN)], 0)
    centre = 80 + slack * 10
    assert (len(join_operators([row, piece("t", centre - 2, centre + 2, 90, 7)])) == 1) is joined


# --- running text in narrow columns: PROSE_WIDTH, PROSE_SHARE (readers/pdf/lines.py) ----------------------------


@pytest.mark.parametrize(("ems", "prose"), [(15.5, True), (14.5, False)])
def test_prose_width_a_line_15_ems_wide_is_running_text_however_few_its_characters(ems: float, prose: bool) -> None:
    from paper2myst.readers.pdf.lines import is_prose

    line = a_line(a_run("the text of a narrow column.", 72, 500, x1=72 + ems * 12, size=12))  # 28 characters
    assert is_prose(line) is prose


@pytest.mark.parametrize(("short_lines", "width_decides"), [(16, False), (20, True)])
def test_prose_share_lines_of_40_characters_decide_where_they_carry_a_tenth_of_the_text(
    short_lines: int, width_decides: bool
) -> None:
    from paper2myst.readers.pdf.lines import prose_lines

    long = a_line(a_run("x" * 40, 72, 700, size=10))
    short = [a_line(a_run("y" * 20, 72, 400 - 12 * k, x1=72 + 200, size=12)) for k in range(short_lines)]
    chosen = prose_lines([long, *short])  # 40 of 360 characters (0.11) in a line of 40, or 40 of 440 (0.09)
    assert chosen == ([long, *short] if width_decides else [long])  # (the short lines 16.7 ems wide)


# --- a page foot's notes (readers/pdf/notes.py) ------------------------------------------------------------------


def foot_column(note_size: float, label: str) -> list[Line]:
    """Eight 12pt lines of a narrow column over three longer lines of ``note_size``, the first opening ``label``."""
    lines = [a_line(a_run("narrow running text line", 72, 700 - 14 * k, x1=272, size=12)) for k in range(8)]
    first = [a_run(label, 72, 560, x1=77, size=note_size), a_run("A note on its source, longer.", 80, 560)]
    lines.append(make_line(1, first, 0))
    lines += [a_line(a_run("the rest of the note in its small type", 72, 548 - 11 * k, size=note_size)) for k in (0, 1)]
    for number, line in enumerate(lines, start=1):
        line.number = number
    return lines


def test_a_column_s_foot_set_smaller_from_a_label_on_is_left_out_of_the_body_s_size() -> None:
    from paper2myst.readers.pdf.notes import labelled_feet

    assert labelled_feet(foot_column(10.0, "1")) == {9, 10, 11}  # 10pt under 12pt (0.83), a label: notes
    assert labelled_feet(foot_column(10.0, "A")) == set()  # no label: the column's own small text
    assert labelled_feet(foot_column(11.2, "1")) == set()  # 0.93 of the text's size: the text goes on


@pytest.mark.parametrize(("ended", "role"), [("https://example.org/a/", "note"), ("the source, 2019.", "body")])
def test_an_unfinished_note_goes_on_unlabelled_at_the_next_page_s_foot(ended: str, role: str) -> None:
    from paper2myst.readers.pdf.notes import mark_notes

    text = "the committee heard from many witnesses over the course of the year"
    lines = [make_line(2, [a_run(text, 72, 700 - 13 * k, size=11)], 0) for k in range(3)]
    lines.append(make_line(2, [a_run("goes on, unlabelled, in the notes' small type", 72, 600, size=9)], 0))
    carried = make_line(1, [a_run(f"the note's last line, ending {ended}", 72, 80, size=9)], 0)
    assert mark_notes(Page(2, 612, 792, 0), lines, 11, carried) is (lines[-1] if role == "note" else carried)
    assert lines[-1].role == role  # (a note that ended a sentence goes on only under a label)


@pytest.mark.parametrize(("size", "role"), [(8.25, "note"), (8.35, "body")])
def test_an_unfinished_note_goes_on_under_a_list_set_small_in_its_own_size_within_0_3(size: float, role: str) -> None:
    from paper2myst.readers.pdf.notes import mark_notes

    text = "the committee heard from many witnesses over the course of the year"
    lines = [make_line(2, [a_run(text, 72, 700 - 13 * k, size=11)], 0) for k in range(3)]
    entry = "An Author, A Title of a Work in a List, 2020, https://example.org/"
    lines += [make_line(2, [a_run(entry, 72, 600 - 11 * k, size=9.5)], 0) for k in range(3)]  # a list, set small
    lines.append(make_line(2, [a_run("JAMNews, 23 September 2023, https://example.net/", 72, 80, size=size)], 0))
    carried = make_line(1, [a_run("the note's last line, going on, in", 72, 80, size=8.0)], 0)
    mark_notes(Page(2, 612, 792, 0), lines, 11, carried)
    assert [ln.role for ln in lines[3:]] == ["body"] * 3 + [role]  # (0.25 or 0.35 points from the note's size)


# --- the front matter: SMALLER_TYPE -------------------------------------------------------------------------


@pytest.mark.parametrize(("size", "taken"), [(9.4, True), (9.6, False)])
def test_smaller_type_a_block_under_the_names_at_0_95_of_the_body_size_or_less_is_an_unlabelled_abstract(
    size: float, taken: bool
) -> None:
    serif = Font("Serif", False, False)
    title = make_line(1, [Run("Rivers of the North", 72, 300, 712, 730, 716, 18.0, serif)], 0)
    texts = ["This article examines how the made-up rivers were shaped by the", "old treaties of the north."]
    lines = [
        make_line(1, [Run(t, 72, 500, 660 - 11 * k, 670 - 11 * k, 662 - 11 * k, size, serif)], 0)
        for k, t in enumerate(texts)
    ]
    title.role = "front"
    found = unlabelled_abstract([title, *lines], [title], 10.0)
    assert (found == lines) is taken
