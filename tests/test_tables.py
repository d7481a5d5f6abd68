"""Tables read into cells from their lines' geometry (readers/pdf/tables.py), written as MyST list-tables.

Small tables typeset by Typst in several styles (tests/fixtures/tables/tables.typ: ruled, unruled with cells
over two lines, a spanning header with lettered notes), and every threshold of the table reader pinned just
inside and just outside on lines made by hand.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from docutils import nodes
from docutils.core import publish_doctree
from myst_parser.parsers.docutils_ import Parser
from paper2myst.diagnostics import Kind
from paper2myst.emit import table
from paper2myst.model import Paragraph, Span, Table, TableCell
from paper2myst.pipeline import convert_reading
from paper2myst.readers.pdf import read_pdf
from paper2myst.readers.pdf.extract import Box, Font, Run
from paper2myst.readers.pdf.lines import Line, make_line
from paper2myst.readers.pdf.tables import (
    CELL_GAP,
    CLOSE_LINES,
    FAR_ROWS,
    LEADING_TOLERANCE,
    OVERLAP_SHARE,
    ROW_TOLERANCE,
    SIZE_TOLERANCE,
    SPLIT_GAP,
    WIDER_GAPS,
    cells_in,
    header_rows,
    line_breaks,
    own_rows,
    read_table,
    rows_of,
)
from paper2myst.stages.checks import literal_blocks

HERE = Path(__file__).resolve().parent / "fixtures" / "tables"
SANS = Font("Sans", bold=False, italic=False)
SANS_BOLD = Font("Sans-Bold", bold=True, italic=False)
SERIF = Font("Serif", bold=False, italic=False)
SIZE = 9.0


def run(text: str, x0: float, baseline: float, size: float = SIZE, font: Font = SANS, width: float = 0.0) -> Run:
    """A run of ``text`` at ``x0`` on ``baseline`` (ascent 0.7, descent 0.2 of its size)."""
    x1 = x0 + (width or len(text) * size * 0.45)
    return Run(text, x0, x1, baseline - size * 0.2, baseline + size * 0.7, baseline, size, font)


def line(text: str, x0: float, baseline: float, number: int = 0, **kwargs: object) -> Line:
    made = make_line(1, [run(text, x0, baseline, **kwargs)], 0)  # type: ignore[arg-type]
    made.number = number
    return made


def grid_of(rows: list[list[str]], step: float = SIZE * 1.6, xs: tuple[float, ...] = (72, 200, 300)) -> list[Line]:
    """Lines for a table given as rows of cell texts, one row every ``step`` points, columns at ``xs``."""
    out = []
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text:
                out.append(line(text, xs[c], 600 - r * step, number=len(out) + 1))
    return out


def texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in [*table.header, *table.body]]


# --- tables typeset by Typst --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def typeset() -> list[Table]:
    typst = pytest.importorskip("typst")
    doc = convert_reading(read_pdf(typst.compile(str(HERE / "tables.typ")), images=False), "tables.pdf")
    tables = [n for n in doc.body if isinstance(n, Table)]
    assert not any("1,207" in n.text or "Eastham" in n.text for n in doc.body if isinstance(n, Paragraph))
    return tables


def test_a_ruled_table_reads_into_its_cells_its_bold_first_row_the_header(typeset: list[Table]) -> None:
    first = typeset[0]
    assert first.caption == "Table 1. Cargo Landed at Three Ports, by Year"
    assert [[c.text for c in row] for row in first.header] == [["Port", "1921", "1925", "1929"]]
    assert texts(first)[1:] == [
        ["Eastham", "412", "388", "301"],
        ["Northby", "95", "140", "233"],
        ["Westcliff", "1,207", "1,310", "1,452"],
    ]
    assert first.notes == ["Source: Harbour ledgers, made-up figures for this test."]
    assert first.name == "table-1"


def test_an_unruled_table_joins_a_cell_set_on_two_lines(typeset: list[Table]) -> None:
    second = typeset[1]
    assert texts(second) == [
        ["Port", "Grain", "Timber"],
        ["Southwick harbour and the landing stage beside it", "12", "7"],
        ["Easton quay", "30", "11"],
        ["Marsh End, its two jetties and the ferry slip", "4", "19"],
    ]
    assert len(second.header) == 1  # no rule, no bold: the row of names over the figures


def test_a_spanning_header_and_lettered_notes(typeset: list[Table]) -> None:
    third = typeset[2]
    assert [[(c.text, c.span) for c in row] for row in third.header] == [
        [("", 1), ("Small ships", 2), ("Large ships", 2)],
        [("Port", 1), ("1921", 1), ("1929", 1), ("1921", 1), ("1929", 1)],
    ]
    assert [[(c.text, c.marks) for c in row] for row in third.body] == [
        [("Eastham", ""), ("61", ""), ("48", "a"), ("12", ""), ("9", "")],
        [("Northby", ""), ("20", ""), ("37", ""), ("2", ""), ("5", "b")],
    ]
    assert [n[:2] for n in third.notes] == ["So", "a.", "b."]


# --- the MyST written -------------------------------------------------------------------------------------------


def test_a_table_is_a_list_table_with_its_header_name_caption_and_notes() -> None:
    node = Table(
        "Table 2. Rates *and* shares",
        Span((1,)),
        [[TableCell(""), TableCell("Small ships", 2)]],
        [[TableCell("-0.04"), TableCell("1. x"), TableCell("5", marks="a")]],
        3,
        ["Source: made up."],
        "table-2",
    )
    myst = table(node, frozenset())
    assert literal_blocks(myst) == []
    tree = publish_doctree(myst, parser=Parser(), settings_overrides={"report_level": 2, "halt_level": 2})
    (found,) = tree.findall(nodes.table)
    assert "table-2" in found["ids"]
    assert found.next_node(nodes.title).astext() == "Table 2. Rates and shares"
    assert [len(row) for row in found.findall(nodes.row)] == [3, 3]  # a span written as a cell and an empty one
    body = [e.astext() for e in found.findall(nodes.entry)]
    assert body == ["", "Small ships", "", "-0.04", "1. x", "5a"]  # nothing read as a list or a number
    assert found.next_node(nodes.superscript).astext() == "a"
    assert next(iter(found.findall(nodes.thead))).astext().strip() == "Small ships"
    assert "Source: made up." in tree.astext()


def test_literal_blocks_are_found_wherever_they_stand() -> None:
    assert literal_blocks("Text.\n\n```text\nrows\n```\n") == [3]
    assert literal_blocks("````{container} box\n```\nrows\n```\n````\n") == [2]
    assert literal_blocks("Text.\n\n    indented code\n") == [3]
    assert literal_blocks("````{list-table} T\n* - a\n````\n\n````{container} notes\nSource.\n````\n") == []


def test_a_panel_opened_and_closed_by_two_nodes_is_no_literal_block() -> None:
    """The debris check reads the body as emit writes it: a panel's closing fence alone is no bare fence."""
    from paper2myst.model import Document, PanelEdge
    from paper2myst.stages.checks import debris

    doc = Document(source_name="x.pdf")
    doc.body = [
        PanelEdge("A box", Span((10,))),
        Paragraph("The box's text.", Span((11,))),
        PanelEdge("", Span((12,)), opening=False),
        Paragraph("After the box.", Span((13,))),
    ]
    debris(doc)
    assert doc.diagnostics == []


def test_a_literal_block_is_found_at_the_node_that_wrote_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import paper2myst.emit
    from paper2myst.model import Document
    from paper2myst.stages.checks import debris

    doc = Document(source_name="x.pdf")
    doc.body = [Paragraph(f"p{n}", Span((n,))) for n in (10, 20, 30, 40)]
    parts = ["`````{admonition} A box\n:class: panel\n", "Text.\n", "`````\n", "Rows:\n\n```\nrow\n```\n"]
    monkeypatch.setattr(paper2myst.emit, "body", lambda doc: parts)
    debris(doc)
    assert [(d.line, d.message[:18]) for d in doc.diagnostics] == [(40, "1 literal block(s)")]


# --- thresholds, just inside and just outside -------------------------------------------------------------------


def test_row_tolerance() -> None:
    inside = [line("a", 72, 600), line("b", 200, 600 - ROW_TOLERANCE * SIZE + 0.01)]
    outside = [line("a", 72, 600), line("b", 200, 600 - ROW_TOLERANCE * SIZE - 0.01)]
    assert len(rows_of(inside)) == 1
    assert len(rows_of(outside)) == 2


def _rows_at(baselines: list[float]) -> list[list[Line]]:
    """Printed rows at these baselines: a label and a figure each."""
    return [[line(f"r{k}", 72, y), line(str(k), 200, y)] for k, y in enumerate(baselines)]


def test_wider_gaps() -> None:
    leading, step = SIZE * 1.2, SIZE * 1.6
    # A cell's second line one leading below its first, then rows a step apart: joined where the step parts
    # rows in WIDER_GAPS places of the page.
    rows = [600, 600 - leading]
    for _ in range(WIDER_GAPS):
        rows.append(rows[-1] - step)
    assert line_breaks(_rows_at(rows), {}) == [True] + [False] * WIDER_GAPS
    # One place fewer (a header's gap alone): the rows stand the leading apart, nothing joined.
    assert not any(line_breaks(_rows_at(rows[:-1]), {}))


def test_leading_tolerance() -> None:
    leading, step = SIZE * 1.2, SIZE * 2.4

    def third(second: float) -> bool:
        r1 = 600 - leading
        r3 = r1 - step - second
        return line_breaks(_rows_at([600, r1, r1 - step, r3, r3 - step]), {})[2]

    assert third(leading * LEADING_TOLERANCE - 0.05)  # near enough the table's leading: a line of the same cell
    assert not third(leading * LEADING_TOLERANCE + 0.05)


def test_a_rule_between_rows_parts_them() -> None:
    leading, step = SIZE * 1.2, SIZE * 2.4
    rows = _rows_at([600, 600 - leading, 600 - leading - step, 600 - leading - 2 * step])
    assert line_breaks(rows, {})[0]
    rule = Box(60, rows[1][0].top + 0.5, 400, rows[1][0].top + 1.0)
    assert not line_breaks(rows, {1: [rule]})[0]


def test_close_lines() -> None:
    def first_break(gap: float) -> bool:
        rows = [[line("a", 72, 600)], [line("b", 72, 600 - gap)], [line("c", 72, 580)], [line("d", 72, 560)]]
        return line_breaks(rows, {})[0]

    assert first_break(CLOSE_LINES * SIZE - 0.05)  # too close to be two rows: the same row
    rows_apart = [[line("a", 72, 600)], [line("b", 72, 600 - CLOSE_LINES * SIZE - 0.05)], [line("c", 72, 590)]]
    assert line_breaks(rows_apart, {})[0] is False  # all gaps of one kind: nothing joined


def test_split_gap() -> None:
    """A line running from one column into the next is cut at its gap between them, if that is no word space."""
    rows = grid_of([["Port", "Grain", "Timber"], ["Easton", "30", "11"], ["Marsh", "4", "19"]])
    second = min(ln.x0 for ln in rows if ln.x0 >= 200)

    def cells(gap: float) -> list[str]:
        below = 600 - 3 * SIZE * 1.6  # a row further down, one step below the last
        words = run("Southwick harbour", 72, below, width=80)  # ends in the gap before column 2
        figure = run("12", words.x1 + gap, below, width=second + 20 - words.x1 - gap)  # well into column 2
        grid = read_table([*rows, make_line(1, [words, figure], 0)], {})
        assert grid is not None
        return [c.text for c in grid.body[-1]]

    assert cells(SPLIT_GAP * SIZE + 0.05) == ["Southwick harbour", "12", ""]
    assert cells(SPLIT_GAP * SIZE - 0.05) == ["Southwick harbour 12", ""]


def test_cell_gap() -> None:
    def pieces(gap: float) -> list[str]:
        first = run("Eastham", 72, 600)
        second = run("412", first.x1 + gap, 600)
        return [c.text for c in cells_in(make_line(1, [first, second], 0))]

    assert pieces(CELL_GAP * SIZE + 0.05) == ["Eastham", "412"]
    assert pieces(CELL_GAP * SIZE - 0.05) == ["Eastham 412"]


def test_far_rows() -> None:
    step = SIZE * 1.6
    rows = rows_of(grid_of([["a", "1"], ["b", "2"], ["c", "3"], ["d", "4"]], step=step))
    near = [*rows, [line("foot", 72, rows[-1][0].baseline - FAR_ROWS * step + 0.05)]]
    far = [*rows, [line("foot", 72, rows[-1][0].baseline - FAR_ROWS * step - 0.05)]]
    assert len(own_rows(near)) == 5
    assert len(own_rows(far)) == 4


def test_size_tolerance() -> None:
    rows = rows_of(grid_of([["a", "1"], ["b", "2"], ["c", "3"]]))
    base = rows[-1][0].baseline - SIZE * 1.6

    def kept(size: float) -> int:
        other = make_line(1, [run("foot", 72, base, size=size, font=SERIF)], 0)
        return len(own_rows([*rows, [other]]))

    assert kept(SIZE * (1 + SIZE_TOLERANCE) - 0.01) == 4  # its size is the table's: kept
    assert kept(SIZE * (1 + SIZE_TOLERANCE) + 0.05) == 3  # another face and size: a page's, not the table's


def test_overlap_share() -> None:
    rows = grid_of([["Port", "Grain", "Timber"], ["Easton", "30", "11"], ["Marsh", "4", "19"]])
    second = [ln for ln in rows if 200 <= ln.x0 < 300]
    left, right = min(ln.x0 for ln in second), max(ln.x1 for ln in second)  # the second column's extent

    def span(width: float) -> int:
        wide = line("a wide label", 72, 600 - 3 * SIZE * 1.6, width=width)
        grid = read_table([*rows, wide], {})
        assert grid is not None
        return grid.body[-1][0].span

    # The width at which the line covers exactly the share of the second column's extent.
    edge = left - 72 + OVERLAP_SHARE * (right - left)
    assert span(edge + 0.5) == 2
    assert span(edge - 0.5) == 1


def test_header_rows() -> None:
    bold = [[line("Port", 72, 600, font=SANS_BOLD), line("Grain", 200, 600, font=SANS_BOLD)]]
    plain = [[line("Easton", 72, 570), line("30", 200, 570)], [line("Marsh", 72, 555), line("4", 200, 555)]]
    names = [[line("Port", 72, 600), line("Grain", 200, 600)], [line("Port", 72, 585), line("Grain", 200, 585)]]
    assert header_rows(bold + plain, {}) == 1
    assert header_rows(names[:1] + plain, {}) == 1  # names over figures
    assert header_rows(plain, {}) == 0  # figures from the first row: no header
    assert header_rows(names + plain, {1: [Box(60, 592, 400, 592.5)]}) == 1  # a rule under the first row
    assert header_rows(names + plain, {1: [Box(60, 577, 400, 577.5)]}) == 2  # under the second


def test_the_web_edition_s_table_boxes_are_focusable_and_named() -> None:
    """A wide table scrolls in furo's box: the box takes the keyboard's focus and its caption names it."""
    import sys

    from conftest import DOCS

    sys.path.insert(0, str(DOCS / "_ext"))
    import web

    body = (
        '<div class="table-wrapper docutils container" id="table-2">\n<table class="docutils">\n'
        '<caption><span class="caption-text">Table 2. Rates &amp; <em>shares</em></span></caption></table></div>'
    )
    out = web.focusable_tables(body)
    assert 'id="table-2" tabindex="0" role="region" aria-label="Table 2. Rates &amp; shares">' in out
    assert out.count("tabindex") == 1


def test_a_note_letter_inside_a_cell_is_raised_where_it_stands() -> None:
    leading, step = SIZE * 1.2, SIZE * 2.4
    ys = [600, 600 - step, 600 - step - leading, 600 - 2 * step - leading, 600 - 3 * step - leading]
    first = make_line(1, [run("$2.3 billion", 200, ys[1]), replace(run("a", 254, ys[1]), raised=True)], 0)
    rows = [
        line("Item", 72, ys[0]),
        line("Amount", 200, ys[0]),
        line("Grants", 72, ys[1]),
        first,
        line("FY08: $285 million", 200, ys[2]),
        line("Loans", 72, ys[3]),
        line("$4", 200, ys[3]),
        line("Bonds", 72, ys[4]),
        line("$5", 200, ys[4]),
    ]
    grid = read_table(rows, {})
    assert grid is not None
    cell = grid.body[0][1]
    assert (cell.text, cell.inner, cell.marks) == ("$2.3 billion FY08: $285 million", ((12, "a"),), "")
    node = Table("Table 1. T", Span((1,)), grid.header, grid.body, grid.columns, [], "table-1")
    assert "\\$2.3 billion{sup}`a` FY08: \\$285 million" in table(node, frozenset())


TEXT_PAPER = """Water Rights Today

by Ann Author

Table 1 lists the shares.

Table 1. Shares of Water Use

{rows}

Source: National statistics.

The shares changed little.
"""


def test_a_table_given_as_text_with_cells_two_spaces_apart_is_a_table() -> None:
    from paper2myst.pipeline import convert

    rows = "Sector  Jordan  Israel\n\nFarming  60%  55%\n\nTowns  30%  35%"
    doc = convert(TEXT_PAPER.format(rows=rows).encode(), "paper.txt")
    (node,) = [n for n in doc.body if isinstance(n, Table)]
    assert texts(node) == [["Sector", "Jordan", "Israel"], ["Farming", "60%", "55%"], ["Towns", "30%", "35%"]]
    assert len(node.header) == 1 and node.name == "table-1" and node.notes == ["Source: National statistics."]
    assert not [d for d in doc.diagnostics if d.kind.value == "table_as_text"]


def test_rows_that_do_not_split_alike_stay_rows_of_text() -> None:
    from paper2myst.emit import emit
    from paper2myst.pipeline import convert

    rows = "Sector  Jordan  Israel\n\nFarming  60% 55%\n\nTowns 30% 35%"
    doc = convert(TEXT_PAPER.format(rows=rows).encode(), "paper.txt")
    assert not [n for n in doc.body if isinstance(n, Table)]
    index = emit(doc, "en", "../refs/references.bib").pages["index.md"]
    assert literal_blocks(index) == [] and "````{container} table-rows" in index
    assert [d.kind.value for d in doc.diagnostics if d.kind.value == "table_as_text"] == ["table_as_text"]


def test_running_text_is_never_a_table_s() -> None:
    """A line as long as prose, in the body's face and no smaller than a box's scale of its size: running text."""
    from paper2myst.readers.pdf import BOX_SCALE, PROSE_LINE, _running_text

    body = 11.0

    def running(length: int, size: float, font: Font = SERIF) -> bool:
        return _running_text(make_line(1, [run("x" * length, 72, 600, size=size, font=font)], 0), body, "Serif")

    assert running(PROSE_LINE, body * BOX_SCALE + 0.01)
    assert not running(PROSE_LINE - 1, body)  # shorter than prose: a cell may be
    assert not running(PROSE_LINE, body * BOX_SCALE - 0.01)  # smaller: a table's type
    assert not running(PROSE_LINE, body, SANS)  # another face: a table's


def test_a_spanning_cell_spans_its_columns_in_the_editions() -> None:
    """Emit marks a spanning cell on the table (a list-table has no spans); the editions' extension joins it."""
    import sys

    from conftest import DOCS

    sys.path.insert(0, str(DOCS / "_ext"))
    import paper

    node = Table(
        "Table 3. Ships",
        Span((1,)),
        [[TableCell(""), TableCell("Small ships", 2), TableCell("Large ships", 2)]],
        [[TableCell("A. Eastern ports", 5)], [TableCell("Eastham"), *(TableCell(str(k)) for k in range(4))]],
        5,
        [],
        "table-3",
    )
    myst = table(node, frozenset())
    assert ":class: span-0-1-2 span-0-3-2 span-1-0-5" in myst
    tree = publish_doctree(myst, parser=Parser(), settings_overrides={"report_level": 2, "halt_level": 2})
    paper.table_spans(None, tree)  # type: ignore[arg-type]
    (found,) = tree.findall(nodes.table)
    rows = [[(e.astext(), e.get("morecols", 0)) for e in row.children] for row in found.findall(nodes.row)]
    assert rows[:2] == [[("", 0), ("Small ships", 1), ("Large ships", 1)], [("A. Eastern ports", 4)]]
    assert len(rows[2]) == 5 and not [c for c in found["classes"] if c.startswith("span-")]


def test_a_cell_s_note_letter_links_to_the_table_s_note() -> None:
    node = Table(
        "Table 4. Funding",
        Span((1,)),
        [[TableCell("Program"), TableCell("Funding")]],
        [[TableCell("TEFAP"), TableCell("$552 million", marks="a")], [TableCell("CFP"), TableCell("$5", marks="z")]],
        2,
        ["Source: made up.", "a. Entitlement foods only.", "a. The same letter again."],
        "table-4",
    )
    myst = table(node, frozenset())
    assert "[{sup}`a`](#table-4-note-a)" in myst  # a note of its letter: linked
    assert "{sup}`z`" in myst and "note-z" not in myst  # none: raised, not linked
    assert myst.count("(table-4-note-a)=") == 1  # one target for a letter printed twice
    tree = publish_doctree(myst, parser=Parser(), settings_overrides={"report_level": 2, "halt_level": 2})
    (found,) = [r for r in tree.findall(nodes.reference) if r.astext() == "a"]
    assert found.next_node(nodes.superscript) is not None


def test_rows_that_make_no_grid_are_no_table() -> None:
    assert read_table(grid_of([["one line a row"], ["and another"], ["and a third"]]), {}) is None
    # The fullest rows' cells do not line up: the second row's first cell runs past the first row's second.
    rows = [line("Port", 72, 600), line("Grain", 200, 600), line("Easton harbour and quay", 72, 580, width=200)]
    rows.append(line("30", 300, 580))
    assert read_table(rows, {}) is None


def test_a_table_kept_as_an_image_has_its_rows_as_its_description_and_nowhere_else() -> None:
    from paper2myst.emit import caption
    from paper2myst.model import Caption, Image

    rows = ["Port Grain", "Easton 30", "Marsh 4"]  # the last on the next page: not in the image
    node = Caption("table", "Table 5. Unread", Span((1,)), rows=rows, notes=["Source: x."])
    image = Image("table-5.png", b"", 1, "Port Grain\nEaston 30")
    myst = caption(node, frozenset(), (image, "_static/figures/p-table-5.png"))
    assert ':alt: "Port Grain Easton 30"' in myst  # what the image shows, its description
    assert myst.count("Easton 30") == 1 and myst.count("Marsh 4") == 1  # the rest shown, once
    assert literal_blocks(myst) == [] and "````{container} table-rows\nMarsh 4\n````" in myst


def test_a_rule_just_above_a_header_cell_spans_its_columns() -> None:
    from paper2myst.readers.pdf.tables import ruled_span

    bands = [(72.0, 100.0), (200.0, 220.0), (300.0, 320.0)]
    head = line("Ships", 240, 600)  # between the two last columns, over neither

    def rule(gap: float, x0: float = 195.0) -> dict[int, list[Box]]:
        return {1: [Box(x0, head.top + gap, 325.0, head.top + gap + 0.5)]}

    assert ruled_span(head, bands, rule(2 * SIZE - 0.05), [head]) == [1, 2]
    assert ruled_span(head, bands, rule(2 * SIZE + 0.05), [head]) == []  # too far above: another row's
    assert ruled_span(head, bands, rule(1.0, x0=210.0), [head]) == []  # over one column only
    other = line("Boats", 300, 600)  # another cell of the row under the same rule: the rule is the table's
    assert ruled_span(head, bands, rule(1.0), [head, other]) == []


def test_a_bold_row_ruled_off_after_the_first_rule_goes_on_the_header() -> None:
    bold = [line("Port", 72, 585, font=SANS_BOLD), line("Grain", 200, 585, font=SANS_BOLD)]
    top = [line("Ships", 200, 600, font=SANS_BOLD)]
    plain = [[line("Easton", 72, 570), line("30", 200, 570)], [line("Marsh", 72, 555), line("4", 200, 555)]]
    rules = {1: [Box(60, 592, 400, 592.5), Box(60, 577, 400, 577.5)]}
    assert header_rows([top, bold, *plain], rules) == 2
    assert header_rows([top, [line("Port", 72, 585), line("Grain", 200, 585)], *plain], rules) == 1


def test_a_label_printed_twice_names_two_targets_never_one_twice() -> None:
    """A table numbering restarted (an appendix's "Table 2" after the body's) gives "table-2-2"; Sphinx wants unique."""
    from paper2myst.emit import targets
    from paper2myst.model import Caption, Document, Span, Table, TableCell

    def table(line: int) -> Table:
        return Table("Table 2. Rates", Span((line,)), [[TableCell("Year")]], [[TableCell("2020")]], 1, name="table-2")

    first, second = table(1), table(9)
    again = Caption("table", "Table 2. Rates (continued)", Span((12,)))  # no image: a target only if linked
    pictured = Caption("table", "Table 2. Rates (continued)", Span((14,)))  # an image is always a target
    doc = Document(body=[first, second, again, pictured])
    names = targets(doc, {14: object()}, {"table-2"})
    assert [names[id(n)] for n in doc.body] == ["table-2", "table-2-2", "", "table-2-3"]


def test_header_cells_say_what_they_head() -> None:
    """A header row's cells get scope="col", a stub column's scope="row" (WCAG H63), in the web and the book."""
    import sys
    from pathlib import Path

    from docutils.core import publish_parts

    sys.path.insert(0, str(Path(__file__).parents[1] / "docs" / "_ext"))
    from docutils.writers import html5_polyglot
    from tablescope import HeaderScopes

    class Translator(HeaderScopes, html5_polyglot.HTMLTranslator):  # docutils' own, with the mixin
        pass

    writer = html5_polyglot.Writer()
    writer.translator_class = Translator
    source = (
        ".. list-table::\n   :header-rows: 1\n   :stub-columns: 1\n\n   * - Year\n     - Rate\n   * - 2020\n     - 3%\n"
    )
    body = publish_parts(source, writer=writer)["body"]
    assert body.count('<th scope="col"') == 2 and body.count('<th scope="row"') == 1
    assert "<td scope" not in body and "<td>3%</td>" in body.replace("<td><p>3%</p></td>", "<td>3%</td>")


def test_lines_set_apart_under_no_caption_are_a_finding_a_box_is_not() -> None:
    from paper2myst.model import Caption, Document
    from paper2myst.stages.checks import uncaptioned

    doc = Document(source_name="x.pdf")
    doc.body = [
        Paragraph("Text.", Span((1,))),
        Caption("table", "", Span((5,)), rows=["April 14, 2026"]),
        Caption("box", "", Span((9,)), rows=["A sidebar's words", "and more"]),
        Caption("table", "Table 1. Votes", Span((12,)), rows=["1913 111"]),
        Caption("table", "", Span((20,)), rows=["x" * 41, "y"]),
    ]
    uncaptioned(doc)
    assert [(d.kind, d.line, d.message) for d in doc.diagnostics] == [
        (
            Kind.TABLE_AS_TEXT,
            5,
            "text set apart like a table's rows under no caption (1 line, 'April 14, 2026'): check it belongs here",
        ),
        (
            Kind.TABLE_AS_TEXT,
            20,
            f"text set apart like a table's rows under no caption (2 lines, '{'x' * 39}…'): check it belongs here",
        ),
    ]
