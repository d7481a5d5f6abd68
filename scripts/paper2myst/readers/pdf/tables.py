"""A table's cells from its lines' geometry: rows from baselines, columns from the gaps its fullest rows leave."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from paper2myst.model import TableCell
from paper2myst.readers.pdf.extract import Box
from paper2myst.readers.pdf.lines import Line, make_line

# Two lines share a row when their baselines are this share of their size apart or less (a raised call, a
# cell set a hair lower by its font's metrics).
ROW_TOLERANCE = 0.3
# A gap between rows at most this many times the table's smallest is a line break inside a row (a cell set on
# two lines: its leading, give or take a baseline's rounding); some tables set their rows only a point further
# apart than their cells' lines.
LEADING_TOLERANCE = 1.05
# Wider gaps must part the rows in this many places of one page at least, or no row is joined: one wider gap
# alone (under a header, above a total) says nothing of the rows, which then stand the smallest gap apart.
WIDER_GAPS = 2
# Lines closer than this share of their size are no two rows of text (no typesetter sets lines that tight): a
# piece set a little lower or higher than its row (a smaller line beside a cell's). They go on the row above.
CLOSE_LINES = 0.8
# A gap between two pieces of a line this many of its ems wide or wider parts two cells: the gaps inside a
# cell (a word space, a "$" set apart from its figure) stay under about half an em, the gaps between cells
# seen in reports' tables start at about four fifths of one. (The line's reader parts only wider gaps.)
CELL_GAP = 0.7
# A line crossing from one column into the next is cut where a gap of at least this many of its ems falls
# between the two columns' extents (a word space, a third of an em, is no cell's end; a tight table's cells may
# stand only half an em apart).
SPLIT_GAP = 0.4
# Rows this many times the table's wider steps (the upper quartile of its gaps: rows, not a cell's lines) below
# or above the rest of its rows on a page are not its: a page's foot or head, text after it. Of a page's runs
# of rows parted by such gaps, the longest is the table's.
FAR_ROWS = 3.0
# Lines whose sizes differ by at most this share are set in one size (a PDF's sizes carry rounding).
SIZE_TOLERANCE = 0.05
# A line stands in a column when it covers this share of the column's extent (or of its own width, if narrower):
# a wide label over narrow columns of figures spans them, a long label just reaching into the next one does not.
OVERLAP_SHARE = 0.5
_NUMBER = re.compile(r"^[\s(\[$€£-]*[-−–]?\d[\d.,]*\s*[%)\]*]*$")


@dataclass(slots=True)
class Grid:
    """A table read into cells: header rows and body rows, each a list of cells covering ``columns`` columns."""

    header: list[list[TableCell]]
    body: list[list[TableCell]]
    columns: int
    lines: tuple[int, ...] = ()  # the lines the cells were read from (their numbers)
    joined: int = 0  # rows set on two lines or more, joined into one
    doubts: list[str] = field(default_factory=list)  # what is uncertain about the grid (a finding each)


def cells_in(line: Line) -> list[Line]:
    """A line cut where its runs stand ``CELL_GAP`` ems apart or more: one line a cell (numbered as the line)."""
    pieces: list[list[int]] = [[]]
    last = None
    for k, run in enumerate(line.runs):
        if run.text.strip() and last is not None and run.x0 - last.x1 >= CELL_GAP * line.size:
            pieces.append([])
        pieces[-1].append(k)
        if run.text.strip():
            last = run
    if len(pieces) == 1:
        return [line]
    out = []
    for piece in pieces:
        runs = [line.runs[k] for k in piece]
        while runs and not runs[-1].text.strip():
            runs.pop()
        if runs:
            cell = make_line(line.page, runs, line.column)
            cell.number, cell.role = line.number, line.role
            out.append(cell)
    return out


def rows_of(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into printed rows, page by page, top to bottom, each left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.page, -ln.baseline, ln.x0)):
        row = rows[-1] if rows else None
        if (
            row is not None
            and row[0].page == line.page
            and abs(row[0].baseline - line.baseline) <= ROW_TOLERANCE * max(line.size, row[0].size)
        ):
            row.append(line)
        else:
            rows.append([line])
    for row in rows:
        row.sort(key=lambda ln: ln.x0)
    return rows


Rules = dict[int, list[Box]]  # the horizontal rules drawn on each page, by page number


def _ruled_between(upper: list[Line], lower: list[Line], rules: Rules) -> bool:
    """A horizontal rule runs between two printed rows of one page."""
    if upper[0].page != lower[0].page:
        return False
    top = min(ln.bottom for ln in upper)
    bottom = max(ln.top for ln in lower)
    left = min(ln.x0 for ln in upper + lower)
    right = max(ln.x1 for ln in upper + lower)
    return any(
        bottom - 1 <= rule.top and rule.bottom <= top + 1 and rule.x0 < right and rule.x1 > left
        for rule in rules.get(upper[0].page, [])
    )


def line_breaks(rows: list[list[Line]], rules: Rules) -> list[bool]:
    """For each pair of printed rows, whether the lower goes on the upper's row (a cell broken over lines).

    Only where the table's own gaps fall in two kinds: the leading inside a cell (the smallest gap) and the
    wider step between rows (in ``WIDER_GAPS`` places at least). A table whose rows are all one step apart has
    no breaks to find, and so has one whose only wider gap is one (under its header, above a total): its rows
    are its smallest gaps apart. A rule between two rows always parts them.
    """
    pairs = list(itertools.pairwise(rows))
    # Across a page break there is no gap to measure: the rows stay apart.
    gaps = [upper[0].baseline - lower[0].baseline if upper[0].page == lower[0].page else 0.0 for upper, lower in pairs]
    close = [
        0 < gap < CLOSE_LINES * min(upper[0].size, lower[0].size)
        for gap, (upper, lower) in zip(gaps, pairs, strict=True)
    ]
    measured = [gap for gap, near in zip(gaps, close, strict=True) if gap > 0 and not near]
    least = min(measured, default=0.0)
    wider: dict[int, int] = {}  # per page: a header repeated on each page adds one on each
    for gap, (upper, _) in zip(gaps, pairs, strict=True):
        if gap > least * LEADING_TOLERANCE:
            wider[upper[0].page] = wider.get(upper[0].page, 0) + 1
    if max(wider.values(), default=0) < WIDER_GAPS:
        return close
    return [
        near or (0 < gap <= least * LEADING_TOLERANCE and not _ruled_between(upper, lower, rules))
        for gap, near, (upper, lower) in zip(gaps, close, pairs, strict=True)
    ]


def columns_of(rows: list[list[Line]]) -> list[tuple[float, float]] | None:
    """Each column's extent (left, right), from the rows with the most cells; none if they disagree.

    The fullest rows (as many lines as any row has) fix the columns: the k-th line of each stands in the k-th
    column. Columns that overlap mean the rows do not line up: no grid.
    """
    most = max(len(row) for row in rows)
    if most < 2:
        return None
    full = [row for row in rows if len(row) == most]
    bands = [(min(row[k].x0 for row in full), max(row[k].x1 for row in full)) for k in range(most)]
    if any(left[1] >= right[0] for left, right in itertools.pairwise(bands)):
        return None
    return bands


def ruled_span(line: Line, bands: list[tuple[float, float]], rules: Rules, row: list[Line]) -> list[int]:
    """The columns a header's cell spans: those a rule drawn just above it runs over, alone of its ``row``.

    Tables drawn with a rule over each header cell show a spanning cell's extent by its rule: the rule nearest
    above the line (within two of its ems), running past both its ends, over two columns or more. A rule over
    the whole table, over other cells of the row too, spans nothing.
    """
    above = [
        rule
        for rule in rules.get(line.page, [])
        if rule.x0 <= line.x0 + 1 and rule.x1 >= line.x1 - 1 and 0 <= rule.bottom - line.top <= 2 * line.size
    ]
    if not above:
        return []
    rule = min(above, key=lambda r: r.bottom - line.top)
    inside = [k for k, (x0, x1) in enumerate(bands) if x0 >= rule.x0 - 1 and x1 <= rule.x1 + 1]
    if any(other is not line and rule.x0 - 1 <= other.x0 and other.x1 <= rule.x1 + 1 for other in row):
        return []
    return inside if len(inside) >= 2 and inside == list(range(inside[0], inside[-1] + 1)) else []


def split_at_columns(line: Line, bands: list[tuple[float, float]]) -> list[Line]:
    """A line that runs over from one column into the next, cut at its gap between the two (one line a cell)."""
    if len(_covered(line, bands)) < 2:
        return [line]
    cuts = []
    for k in range(1, len(line.runs)):
        left, right = line.runs[k - 1], line.runs[k]
        middle = (left.x1 + right.x0) / 2
        between = any(a[1] <= middle <= b[0] for a, b in itertools.pairwise(bands))
        if right.text.strip() and between and right.x0 - left.x1 >= SPLIT_GAP * line.size:
            cuts.append(k)
    out = []
    for start, end in itertools.pairwise([0, *cuts, len(line.runs)]):
        runs = line.runs[start:end]
        if any(run.text.strip() for run in runs):
            cell = make_line(line.page, runs, line.column)
            cell.number, cell.role = line.number, line.role
            out.append(cell)
    return out or [line]


def _covered(line: Line, bands: list[tuple[float, float]]) -> list[int]:
    """The columns a line stands in: those it covers enough of, else the nearest."""
    hit = [
        k
        for k, (x0, x1) in enumerate(bands)
        if min(line.x1, x1) - max(line.x0, x0) >= OVERLAP_SHARE * max(min(line.x1 - line.x0, x1 - x0), 1.0)
    ]
    if hit:
        return list(range(hit[0], hit[-1] + 1))
    middle = (line.x0 + line.x1) / 2
    return [min(range(len(bands)), key=lambda k: abs((bands[k][0] + bands[k][1]) / 2 - middle))]


def marks_of(line: Line) -> str:
    """The note calls raised at the line's end ("a", "b,c"): the text's own, set apart from it."""
    marks = ""
    for run, call in zip(reversed(line.runs), reversed(line.calls), strict=True):
        if not run.text.strip():
            continue
        if not call:
            break
        marks = run.text.strip() + marks
    return marks if line.text.endswith(marks) and len(marks) < len(line.text.strip()) else ""


def _row_cells(
    texts: list[list[str]], spans: list[int], marks: list[str], inner: list[list[tuple[int, str]]]
) -> list[TableCell]:
    """One row's cells: a text per column, a spanning cell standing for the columns it covers."""
    cells: list[TableCell] = []
    k = 0
    while k < len(texts):
        cells.append(TableCell(" ".join(texts[k]), spans[k], marks[k], tuple(inner[k])))
        k += spans[k]
    return cells


def is_number(text: str) -> bool:
    """A figure: digits with their signs, separators, brackets and per cent."""
    return bool(_NUMBER.match(text))


def header_rows(rows: list[list[Line]], rules: Rules) -> int:
    """How many of the rows head the table: those above its first rule inside it, else its leading bold rows.

    Past that first rule, a bold row ruled off below goes on the header (a spanning heading's rule, then the
    columns' own names). Else the first row if it holds no figure while a later row does (names over values).
    """
    for k in range(1, len(rows)):
        if _ruled_between(rows[k - 1], rows[k], rules):
            while k + 1 < len(rows) and all(ln.bold for ln in rows[k]) and _ruled_between(rows[k], rows[k + 1], rules):
                k += 1
            return k
    bold = 0
    while bold < len(rows) - 1 and all(ln.bold for ln in rows[bold]):
        bold += 1
    if bold:
        return bold
    first_figures = any(is_number(ln.text) for ln in rows[0])
    later_figures = any(is_number(ln.text) for row in rows[1:] for ln in row)
    return 1 if len(rows) > 1 and not first_figures and later_figures else 0


def family(line: Line) -> str:
    """The family of the font of the line's first words ("GillSansMT-Bold" → "GillSans")."""
    name = next((run.font.name for run in line.runs if run.text.strip()), "")
    return re.sub(r"(?:PS)?(?:MT)?$", "", re.split(r"[-,+]", name)[0])


def _main_size(lines: list[Line]) -> float:
    """The size most of the lines are set in."""
    sizes = sorted(round(ln.size, 1) for ln in lines)
    return max(set(sizes), key=sizes.count)


def in_style(rows: list[list[Line]]) -> list[list[Line]]:
    """The rows set in the table's own type: a row whose every line is in another family and size is not its.

    The table's family is the one most of its characters are set in, its size the one most of its lines are.
    (A page's foot or a banner the grouping left among a table's rows is set in the page's type, not the table's.)
    """
    lines = [ln for row in rows for ln in row]
    if not lines:
        return rows
    weights: dict[str, int] = {}
    for line in lines:
        weights[family(line)] = weights.get(family(line), 0) + len(line.text)
    main = max(weights, key=lambda name: weights[name])
    size = _main_size(lines)
    kept = [
        row for row in rows if any(family(ln) == main or abs(ln.size - size) <= SIZE_TOLERANCE * size for ln in row)
    ]
    # A line alone on the first row in another size is the caption's (a subtitle, a date), not a row.
    while len(kept) > 1 and len(kept[0]) == 1 and abs(kept[0][0].size - size) > SIZE_TOLERANCE * size:
        kept = kept[1:]
    return kept


def own_rows(rows: list[list[Line]]) -> list[list[Line]]:
    """The table's rows: on each page, the longest run of rows with no gap ``FAR_ROWS`` times its wider steps."""
    rows = in_style(rows)
    gaps = sorted(a[0].baseline - b[0].baseline for a, b in itertools.pairwise(rows) if a[0].page == b[0].page)
    if not gaps or not rows:
        return rows
    step = gaps[(len(gaps) - 1) * 3 // 4]  # (of a few gaps, never the widest: that one is judged)
    runs: list[list[list[Line]]] = []
    for row in rows:
        last = runs[-1][-1] if runs else None
        if last is None or last[0].page != row[0].page or last[0].baseline - row[0].baseline > FAR_ROWS * step:
            runs.append([row])
        else:
            runs[-1].append(row)
    kept: list[list[Line]] = []
    for page in dict.fromkeys(run[0][0].page for run in runs):
        mine: list[list[list[Line]]] = [run for run in runs if run[0][0].page == page]
        kept += mine[max(range(len(mine)), key=lambda k: len(mine[k]))]
    return kept


def _repeated(parts: list[list[Line]], header: list[list[str]], page: int) -> bool:
    """A row that repeats a header row at the top of a page the table runs on to."""
    texts = [ln.text for row in parts for ln in row]
    return parts[0][0].page != page and any(texts == row for row in header)


def read_table(lines: list[Line], rules: Rules) -> Grid | None:
    """The table printed in ``lines`` (its cells, without caption or notes) as a grid; none if it has no grid.

    ``rules``: the horizontal rules drawn across the table (they part rows and mark the header's end).
    """
    printed = own_rows(rows_of([cell for ln in lines if ln.text.strip() for cell in cells_in(ln)]))
    if len(printed) < 2:
        return None
    bands = columns_of(printed)
    if bands is None:
        return None
    printed = [[cell for ln in row for cell in split_at_columns(ln, bands)] for row in printed]
    breaks = line_breaks(printed, rules)
    # Rows as the table means them: printed rows joined where a cell goes on over a line break.
    logical: list[list[list[Line]]] = [[printed[0]]]
    for broken, row in zip(breaks, printed[1:], strict=True):
        if broken:
            logical[-1].append(row)
        else:
            logical.append([row])
    heads = header_rows([[ln for row in parts for ln in row] for parts in logical], rules)
    header = [[ln.text for row in parts for ln in row] for parts in logical[:heads]]
    grid_rows: list[list[TableCell]] = []
    doubts: list[str] = []
    for index, parts in enumerate(logical):
        if index >= heads and _repeated(parts, header, logical[0][0][0].page):
            continue  # the header printed again on the next page: the table's, said once
        texts: list[list[str]] = [[] for _ in bands]
        spans = [1] * len(bands)
        marks = [""] * len(bands)
        inner: list[list[tuple[int, str]]] = [[] for _ in bands]
        for row in parts:
            for line in row:
                cover = _covered(line, bands)
                if index < heads:  # a header's cell may span the columns its rule spans
                    cover = ruled_span(line, bands, rules, row) or cover
                first, last = cover[0], cover[-1]
                mark = marks_of(line)
                if marks[first]:  # a call that ended a line inside the cell: raised where it stands
                    inner[first].append((len(" ".join(texts[first])), marks[first]))
                texts[first].append(line.text[: len(line.text) - len(mark)].rstrip() if mark else line.text)
                marks[first] = mark
                spans[first] = max(spans[first], last - first + 1)
        for k, span in enumerate(spans):  # a cell spanning columns that hold text of their own: no grid
            if span > 1 and any(texts[j] for j in range(k + 1, k + span)):
                doubts.append(f"a cell spanning {span} columns over text of its own: {' '.join(texts[k])!r}")
                return None
        grid_rows.append(_row_cells(texts, spans, marks, inner))
    numbers = tuple(dict.fromkeys(ln.number for row in printed for ln in row))
    joined = sum(1 for parts in logical if len(parts) > 1)
    return Grid(grid_rows[:heads], grid_rows[heads:], len(bands), numbers, joined, doubts)
