"""Runs → lines: columns found from their gutters, runs grouped by baseline, raised small runs marked as calls."""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from paper2myst.readers.pdf.extract import Page, Run

# A run this much smaller than its line and raised above its baseline is a note call (or a note's label).
CALL_SCALE = 0.85
CALL_RISE = 0.12
# Runs of one line share a baseline to within ROW_EXACT of the smaller size; off it, a run joins only next to
# the line's runs (ROW_NEAR ems) and within ROW_DRIFT; a call stands at most CALL_REACH of its line's size
# above the line's baseline.
ROW_DRIFT = 0.45
ROW_EXACT = 0.15
ROW_NEAR = 1.0
CALL_REACH = 0.75
# A gutter: a band no run crosses, which text comes up to from both sides on this many rows, this many ems
# wide; at most this many columns side by side (more are a table's).
GUTTER_MIN_ROWS = 6
# ...or on this many rows from one side beside twice GUTTER_MIN_ROWS from the other: a last page's short column
# (a list's last entries) beside a full one. (Equal short stretches both sides, a table's, stay no gutter.)
SHORT_COLUMN_ROWS = 3
GUTTER_REACH = 4.0  # ems: how far short of a gutter a column's lines may end (ragged text), or begin
GUTTER_WIDTH = 0.8
MAX_COLUMNS = 3
# A column's lines run at least this many ems wide, and this part of the page's usual line (a table's cells
# may not).
COLUMN_MIN_WIDTH = 8.0
COLUMN_FILL = 0.6
# A side heading ends this many ems left of the text; its lines follow at most this many times their size apart.
SIDE_GAP = 1.0
SIDE_PITCH = 1.6
# ...and is set larger than the text by more than this part of the text's size (the step at which two sizes are
# two kinds of text; a side heading's smallest rank is 12pt beside 11pt text, 9% larger), or bold.
SIDE_STEP = 0.05
# The text's edge: where the lines carrying most of a page's characters start; a line starts at it within
# this many ems.
EDGE_ALIGN = 0.3
# A space written at a run's end is no space where the next run starts this many ems back inside the run.
SQUEEZE = 0.005
# Runs of one row starting within this many ems of each other start together: the one ending first is read first
# (measured: a closing quotation mark 0.006 em right of the start of the comma set over it).
START_TIE = 0.05
# Before a stop, comma, colon or semicolon that ends a word (". Title", ", and"), a gap is a word space only when
# wider than this many ems: a typesetter's kerning opens up to a quarter em there, a word space is never set there.
PUNCT_GAP = 0.5
# A gap between two runs is a word space when wider than this many ems (a kerning or a glyph's side bearing is less).
WORD_GAP = 0.15
_CLOSING = re.compile(r"[.,;:](?:\s|$)")
# A comma, full stop or closing parenthesis that closes what comes before it: not ".5", ",000", "..." or ".org".
_STOP = re.compile(r"(?:[,.](?![.\w])|\))")
# A gap wider than this many ems inside a row separates columns (or table cells).
COLUMN_GAP = 1.6
# A drop cap: one letter at least this many times the size of the lines set beside it.
DROP_CAP_SCALE = 2.5
SECTION_GAP = 4.0  # ems: at most so far from its title, in its size and weight, a section's number stays with it
# Running text: a line this long is prose (a table's cells and a chart's labels are set in shorter pieces); or this
# many ems of its size wide: a narrow column's lines of large type hold fewer characters (12 pt in a column 204
# points wide: 17 ems, some 33 characters), and a table's cells are narrower.
PROSE_LINE = 40
PROSE_WIDTH = 15.0
# Lines of PROSE_LINE characters carry most of a document's running text (69% to 97% of the body's characters in
# the papers measured; 29% in a register set in three narrow columns); under this share of them, its running text is
# set too large for its columns to reach that length (1%: 12 pt type in columns 17 ems wide, notes aside).
PROSE_SHARE = 0.1
_SECTION = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.|[A-Z]\.)")


@dataclass(slots=True)
class Line:
    """One line of text on a page: its runs left to right, its box, and its dominant size and font."""

    page: int
    runs: list[Run]
    calls: list[bool]  # per run: a raised, smaller run
    x0: float
    x1: float
    bottom: float
    top: float
    baseline: float
    size: float
    bold: bool
    italic: bool
    column: int = 0  # 0 spans the page (or a single column), 1 the leftmost column, 2 the next...
    number: int = 0  # the line's number in the reading (1-based), set when it is placed
    role: str = "body"  # body, note, furniture, front, contents, figure
    text: str = field(default="")  # plain text, calls included as printed
    face_apart: bool = False  # set wholly in a face the body text never uses, a little larger (a heading)
    side: bool = False  # set in the margin left of the text, larger or bolder than it (a side heading)

    @property
    def first_is_call(self) -> bool:
        return bool(self.calls) and self.calls[0]


def is_prose(line: Line) -> bool:
    """The line is as long as running text's lines are: PROSE_LINE characters, or PROSE_WIDTH ems of its size."""
    return len(line.text) >= PROSE_LINE or line.x1 - line.x0 >= PROSE_WIDTH * line.size


def prose_lines(lines: list[Line]) -> list[Line]:
    """The lines of running text among ``lines``: those of PROSE_LINE characters, as a rule.

    Where those carry under PROSE_SHARE of the characters (large type in narrow columns), the lines as wide as
    running text (:func:`is_prose`).
    """
    long = [ln for ln in lines if len(ln.text) >= PROSE_LINE]
    if sum(len(ln.text) for ln in long) >= PROSE_SHARE * sum(len(ln.text) for ln in lines):
        return long
    return [ln for ln in lines if is_prose(ln)]


def _dominant(runs: Iterable[Run]) -> Run:
    """The run whose size carries most of the characters: it sets the line's size and baseline."""
    weight: dict[float, int] = {}
    chosen: dict[float, Run] = {}
    for run in runs:
        key = round(run.size, 1)
        weight[key] = weight.get(key, 0) + len(run.text.strip())
        chosen.setdefault(key, run)
    best = max(weight, key=lambda k: (weight[k], k))
    return chosen[best]


@dataclass(frozen=True, slots=True)
class Gutter:
    """An empty band between two columns, over the stretch of the page where the columns run side by side."""

    x0: float
    x1: float
    top: float  # the baselines of the first and last rows beside it
    bottom: float
    middle: float  # where it is quiet longest: what stands left of it is the left column

    def beside(self, run: Run) -> bool:
        return self.bottom - 0.5 <= run.baseline <= self.top + 0.5


def _gutters(page: Page) -> list[Gutter]:
    """Empty vertical bands between columns, each over its own stretch of rows (columns may start below a title).

    A band is a gutter where no run crosses it for a stretch of consecutive rows in which text comes up to
    it from both sides (lines as wide as a column's, ending or starting within ``GUTTER_REACH``
    ems of it) on at least ``GUTTER_MIN_ROWS`` rows; it must be
    ``GUTTER_WIDTH`` ems wide. More than ``MAX_COLUMNS`` - 1 gutters side by side are a table's cells.
    """
    runs = [r for r in page.runs if r.text.strip()]
    if len(runs) < 20:
        return []
    size = _dominant(runs).size
    step = 2.0
    lo, hi = page.width * 0.2, page.width * 0.8
    bins = int((hi - lo) / step)
    by_row: dict[int, list[Run]] = {}
    for run in runs:
        by_row.setdefault(round(run.baseline), []).append(run)
    baselines = sorted(by_row, reverse=True)
    hit: list[set[int]] = [set() for _ in range(bins)]
    ends: list[set[int]] = [set() for _ in range(bins)]  # rows with a line ending just left of the bin
    starts: list[set[int]] = [set() for _ in range(bins)]  # rows with a line starting just right of it
    reach = GUTTER_REACH * size
    chains = {y: _stretches_of_text(by_row[y], GUTTER_WIDTH * size) for y in baselines}
    usual = statistics.median(x1 - x0 for found in chains.values() for x0, x1 in found)
    wide = max(COLUMN_MIN_WIDTH * size, COLUMN_FILL * usual)
    for row, y in enumerate(baselines):
        for run in by_row[y]:
            for b in range(max(0, int((run.x0 - lo) / step)), min(bins, int((run.x1 - lo) / step) + 1)):
                hit[b].add(row)
        for x0, x1 in chains[y]:
            if x1 - x0 < wide:
                continue  # a table's cell, a number: not a column's line
            for b in range(max(0, int((x1 - lo) / step) + 1), min(bins, int((x1 + reach - lo) / step) + 1)):
                ends[b].add(row)
            for b in range(max(0, int((x0 - reach - lo) / step)), min(bins, int((x0 - lo) / step))):
                starts[b].add(row)
    stretches = [_stretches(hit[b], ends[b], starts[b], len(baselines)) for b in range(bins)]
    found: list[Gutter] = []
    start = None
    for b in range(bins + 1):
        quiet = b < bins and bool(stretches[b])
        if quiet and start is None:
            start = b
        elif not quiet and start is not None:
            if (b - start) * step >= GUTTER_WIDTH * size:
                # The band's quietest bin (the middle one of the quietest) stands for it: its edges may be quiet only
                # in part (a run's box takes in its trailing space).
                score = [sum(last - first for first, last in stretches[k]) for k in range(start, b)]
                ties = [start + k for k, value in enumerate(score) if value == max(score)]
                best = ties[len(ties) // 2]
                middle = lo + (best + 0.5) * step
                for first, last in stretches[best]:
                    found.append(Gutter(lo + start * step, lo + b * step, baselines[first], baselines[last], middle))
            start = None
    # Where more gutters than a page has columns stand over the same rows, they part a table's cells.
    return [g for g in found if len({(o.x0, o.x1) for o in found if _overlap(g, o)}) < MAX_COLUMNS]


def _stretches_of_text(runs: list[Run], gap: float) -> list[tuple[float, float]]:
    """The row's runs chained where they stand closer than ``gap``: (left, right) of each chain."""
    chains: list[tuple[float, float]] = []
    for run in sorted(runs, key=lambda r: r.x0):
        if chains and run.x0 - chains[-1][1] < gap:
            chains[-1] = (chains[-1][0], max(chains[-1][1], run.x1))
        else:
            chains.append((run.x0, run.x1))
    return chains


def _overlap(a: Gutter, b: Gutter) -> bool:
    return a.bottom <= b.top and b.bottom <= a.top


def _stretches(crossed: set[int], ends: set[int], starts: set[int], count: int) -> list[tuple[int, int]]:
    """Runs of consecutive rows (first, last) that nothing crosses and that text reaches from both sides."""
    found: list[tuple[int, int]] = []
    first = 0
    for i in range(count + 1):
        if i < count and i not in crossed:
            continue
        if i > first:
            inside = set(range(first, i))
            few, many = sorted((len(ends & inside), len(starts & inside)))
            if few >= GUTTER_MIN_ROWS or (few >= SHORT_COLUMN_ROWS and many >= 2 * GUTTER_MIN_ROWS):
                found.append((first, i - 1))
        first = i + 1
    return found


def _rows(runs: list[Run]) -> list[list[Run]]:
    """Group runs whose baselines are close (raised calls join the line below them).

    Blank runs (a space drawn as a glyph, maybe underlined into a rule) do not make rows: each joins the row
    it stands in, if any, as a word space.
    """
    rows: list[list[Run]] = []
    base = 0.0
    size = 0.0
    for run in sorted((r for r in runs if r.text.strip()), key=lambda r: (-r.baseline, r.x0)):
        # A row holding only a mark (a note's symbol set larger, raised by half an em) belongs to the line below.
        # (A lone glyph too: a big operator of a formula, whatever letter its font maps it to.)
        mark = rows and all(_mark(r.text.strip()) for r in rows[-1])
        if rows and _same_row(base, size, run, bool(mark), rows[-1]):
            rows[-1].append(run)
            if run.size >= size:  # the line's own baseline is its main text's, not a call's
                base, size = run.baseline, run.size
            continue
        rows.append([run])
        base, size = run.baseline, run.size
    for blank in (r for r in runs if not r.text.strip()):
        row = next((row for row in rows if _beside(blank, row)), None)
        if row is not None:
            row.append(blank)
    return rows


def _mark(text: str) -> bool:
    """A mark, not a word: up to three characters that are not letters, or a single glyph."""
    return len(text) == 1 or (len(text) <= 3 and not text.isalpha())


def _same_row(base: float, size: float, run: Run, mark: bool, row: list[Run]) -> bool:
    """Whether a run (no higher than the row) sits on the row's baseline, or the row so far is raised above it.

    Text on one line shares its baseline to within ``ROW_EXACT`` of the smaller size. A row holding only
    calls or a mark, small or raised, is the call of the text below it, up to ``CALL_REACH`` of that text's
    size. Otherwise a run off the baseline (a script) belongs to the row only next to its runs (within
    ``ROW_NEAR`` ems, not across a gap: a side heading beside the text) and up to ``ROW_DRIFT`` of the smaller
    size (a larger line just below is another row).
    """
    drop = base - run.baseline
    if abs(drop) <= ROW_EXACT * min(size, run.size):
        return True
    # Calls are a few characters in all (a producer may set a word's letters as runs of their own).
    calls = mark or (size <= run.size * CALL_SCALE and len("".join(r.text.strip() for r in row)) <= 4)
    if calls:
        return drop < CALL_REACH * run.size
    near = min(max(r.x0 - run.x1, run.x0 - r.x1) for r in row) <= ROW_NEAR * run.size
    return near and drop < ROW_DRIFT * min(size, run.size)


def _beside(blank: Run, row: list[Run]) -> bool:
    """A blank run stands in the row: on its baseline, starting among its runs or just after the last."""
    main = _dominant(row)
    return (
        abs(blank.baseline - main.baseline) < 0.2 * main.size
        and min(r.x0 for r in row) <= blank.x0 <= max(r.x1 for r in row) + main.size
    )


def text_edge(rows: list[list[Run]], right: bool = False) -> float | None:
    """Where the text's lines start (``right``: end): the end most of the rows' characters stand at (None: no rows)."""
    weight: Counter[int] = Counter()
    for row in rows:
        end = max(r.x1 for r in row) if right else min(r.x0 for r in row)
        weight[round(end)] += sum(len(r.text.strip()) for r in row)
    return float(weight.most_common(1)[0][0]) if weight else None


def _side(piece: list[Run], run: Run, edge: float | None) -> bool:
    """A side heading's words end the piece, ``run`` opening the text's line at its edge.

    The piece ends ``SIDE_GAP`` of the text's ems short of the edge, is no list's label ("1.", "(a)", a bullet),
    and is set larger than the text by more than ``SIDE_STEP`` of its size, or bold: then the gap parts them,
    however narrow.
    """
    last = piece[-1]
    return (
        edge is not None
        and abs(run.x0 - edge) <= EDGE_ALIGN * run.size
        and last.x1 < edge - SIDE_GAP * run.size
        and not _label("".join(r.text for r in piece))
        and (last.size > run.size * (1 + SIDE_STEP) or (last.font.bold and not run.font.bold))
    )


_LABEL = re.compile(r"\(?[0-9A-Za-z]{1,3}[.)]|\W{1,2}")


def _label(text: str) -> bool:
    """A list's or a note's label: "1.", "(a)", "iv)", a bullet."""
    return bool(_LABEL.fullmatch(text.strip()))


def _stretched(row: list[Run], edge: float | None, right: float | None) -> bool:
    """A justified line whose spaces a web address stretched wide (it breaks only at its slashes and dots).

    It starts at the text's edge or set in from it (a hanging entry's line) and ends at its right edge (within
    ``EDGE_ALIGN`` of the size), in one size, with an address among its words, its gaps no wider than
    ``STRETCH_GAP`` ems: columns side by side or a table's cells are no line of text with an address in it.
    """
    if edge is None or right is None or len(row) < 2:
        return False
    size = max(r.size for r in row)
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(sorted(row, key=lambda r: r.x0))]
    return (
        min(r.x0 for r in row) >= edge - EDGE_ALIGN * size
        and abs(max(r.x1 for r in row) - right) <= EDGE_ALIGN * size
        and max(r.size for r in row) - min(r.size for r in row) < 0.05 * size
        and any(_WEB.search(r.text) for r in row)
        and max(gaps) <= STRETCH_GAP * size
    )


_WEB = re.compile(r"https?://|www\.|doi\.org/")
#: Ems a justified line's stretched space may reach at most.
STRETCH_GAP = 8.0


def _split(row: list[Run], edge: float | None = None, right: float | None = None) -> list[list[Run]]:
    """Split a row at gaps wider than a column gap (side-by-side columns, table cells), or at a side heading's end.

    ``edge``, ``right``: where the text's lines start and end (see ``text_edge``); a row running
    from one to the other with its spaces stretched is one justified line, never split.
    """
    if _stretched(row, edge, right):
        return [sorted(row, key=lambda r: r.x0)]
    row.sort(key=lambda r: r.x0)
    # Of two runs starting together (a quotation mark kerned under the comma after it), the shorter comes first.
    for i in range(len(row) - 1):
        a, b = row[i], row[i + 1]
        if b.x0 - a.x0 <= START_TIE * min(a.size, b.size) and b.x1 < a.x1:
            row[i], row[i + 1] = b, a
    parts: list[list[Run]] = [[row[0]]]
    for run in row[1:]:
        last = parts[-1][-1]
        if _side(parts[-1], run, edge):
            parts.append([run])
            continue
        # A section's number set apart from its title ("2" ... "Understanding the models") stays with it.
        number = (
            len(parts[-1]) == 1
            and _SECTION.fullmatch(last.text.strip())
            and run.text.strip()[:1].isalpha()
            and abs(run.size - last.size) < 0.05 * run.size
            and run.font.bold == last.font.bold
            and run.x0 - last.x1 <= SECTION_GAP * run.size
        )
        if run.x0 - last.x1 > COLUMN_GAP * max(run.size, last.size) and last.text.strip() and not number:
            parts.append([run])
        else:
            parts[-1].append(run)
    return parts


def letter_bullet(runs: list[Run]) -> list[Run]:
    """A line opening with a letter "o" drawn as a bullet ("o" in a face of its own, apart): written as "◦".

    A word processor draws its second-level bullet as Courier's "o": a lone "o" in another font than the words
    after it, BULLET_GAP ems or more before them, is that bullet, never the author's letter.
    """
    if len(runs) < 2 or runs[0].text.strip() != "o":
        return runs
    first, second = runs[0], runs[1]
    apart = second.x0 - first.x1 >= BULLET_GAP * second.size
    if not apart or first.font.family == second.font.family:
        return runs
    return [replace(first, text=first.text.replace("o", "◦", 1)), *runs[1:]]


#: Ems between a letter drawn as a bullet and its item's words, at least.
BULLET_GAP = 0.5


def make_line(page: int, runs: list[Run], column: int) -> Line:
    main = _dominant(runs)
    calls = [
        bool(r.text.strip())
        and (r.raised or (r.size <= main.size * CALL_SCALE and r.baseline - main.baseline >= CALL_RISE * main.size))
        for r in runs
    ]
    words = [r for r, c in zip(runs, calls, strict=True) if not c and r.text.strip()]
    line = Line(
        page=page,
        runs=runs,
        calls=calls,
        x0=min(r.x0 for r in runs),
        x1=max(r.x1 for r in runs),
        bottom=min(r.bottom for r in runs),
        top=max(r.top for r in runs),
        baseline=main.baseline,
        size=main.size,
        bold=bool(words) and all(r.font.bold for r in words),
        italic=bool(words) and all(r.font.italic for r in words),
        column=column,
    )
    line.text = plain_text(line)
    return line


def plain_text(line: Line) -> str:
    """The line's characters as printed, a space where runs are apart.

    A line whose runs carry space characters of their own has its word spaces written: only a wide gap
    between its runs is a space (a narrow one is a letter set apart, inside a word).
    """
    spaced = any(" " in r.text.strip(" ") or r.text.endswith(" ") for r in line.runs)
    out = ""
    prev: Run | None = None
    for run in line.runs:
        if prev is not None and (squeezed(prev, run) or spaced_before_stop(prev, run)):
            out = out.rstrip(" ")
        if prev is not None and needs_space(prev, run, spaced) and not address_goes_on(out, run.text):
            out += " "
        out += run.text
        prev = run
    return " ".join(out.replace("\x02", "-").split())


# A token a line may end inside (its rest on the next line): a web address, or a word holding one ("<www.…").
ADDRESS = re.compile(r"^\S*(?:https?://|www\.)\S*$")


def address_goes_on(before: str, text: str) -> bool:
    """Whether a run's ``text`` is the rest of the address ``before`` ends with ("…/271" + "-bridging").

    A justified line stretches the gaps where an address may break; no word opens with a hyphen or a slash. The
    separator may be a run of its own ("271" "-" "bridging"); after one that no address ends with (a hyphen, an
    "=", not a slash: "https://example.org/ for details"), the next word is the address's too.
    """
    tail = before.split()
    if not tail or not ADDRESS.match(tail[-1]):
        return False
    return bool(re.match(r"[-_/.?=&#%~](?:\w|$)", text)) or (tail[-1][-1] in "-_=&?" and text[:1].isalnum())


def squeezed(prev: Run, run: Run) -> bool:
    """A space written at a run's end that the next glyph leaves no room for (it is set over it: "T " "a").

    Some producers cut a line at each kerning pair and end the piece with a space character; where the
    next piece starts SQUEEZE ems or more back inside the last one, that space is not the text's.
    """
    return prev.text.endswith(" ") and bool(prev.text.strip()) and run.x0 < prev.x1 - SQUEEZE * prev.size


def spaced_before_stop(prev: Run, run: Run) -> bool:
    """A space written at a run's end before a comma, full stop or closing parenthesis set close after it.

    A producer may end a run with a space wherever the next glyph is drawn apart (an italic symbol of a formula
    before ", and"); where the mark stands closer than a word space (WORD_GAP ems) that space is not on the page.
    A space the author typed there ("119-37 )") is printed as wide as any other, and kept.
    """
    if not (prev.text.endswith(" ") and prev.text.strip() and _STOP.match(run.text)):
        return False
    return (run.x0 - prev.x1) / min(prev.size, run.size) < WORD_GAP


def needs_space(prev: Run, run: Run, spaced: bool = False) -> bool:
    """Whether the gap between two runs is a word space the page does not carry as a character.

    Where the producer writes its spaces as characters (``spaced``), only a wide gap is a space:
    justified letter-spacing opens small gaps inside words.
    """
    if prev.text.endswith((" ", "\u00a0")) or run.text.startswith((" ", "\u00a0")):
        return False
    gap = (run.x0 - prev.x1) / max(prev.size, run.size)  # a space is set in the text's size, not a raised mark's
    if prev.text[-1:].isalnum() and _CLOSING.match(run.text):
        return gap > PUNCT_GAP  # "1" ". Title": a kerning gap before a stop, never a word space
    if spaced and prev.text[-1:].islower() and run.text[:1].isupper():
        return gap > 0.15  # "the" "Three": a capital after a small letter opens a word, in a gap of letter spacing
    return gap > (0.25 if spaced else WORD_GAP)


def writes_spaces(lines: list[Line]) -> bool:
    """Whether the producer ends its lines with a space character (then a line ending without one is a cut word)."""
    ends = [ln.runs[-1].text.endswith(" ") for ln in lines if is_prose(ln)]
    return bool(ends) and sum(ends) * 2 >= len(ends)


def drop_caps(runs: list[Run]) -> list[Run]:
    """A paragraph's first letter set large beside its first lines (a drop cap) joins the first line's text.

    The cap is one letter at least ``DROP_CAP_SCALE`` times the size of the text beside it, its top level with
    the top line beside it; the lines beside it start at the cap's left edge (they are indented only by it).
    """
    out = list(runs)
    for cap in runs:
        letter = cap.text.strip()
        if len(letter) != 1 or not letter.isalpha():
            continue
        beside = [
            r
            for r in out
            if r is not cap
            and r.text.strip()
            and r.size * DROP_CAP_SCALE <= cap.size
            and cap.x1 - 1 <= r.x0 <= cap.x1 + r.size * 2
            and cap.bottom - r.size * 0.5 <= r.baseline <= cap.top
        ]
        if not beside:
            continue
        first = max(beside, key=lambda r: r.baseline)
        if first.top < cap.top - first.size:  # the top line beside it must be level with the cap's top
            continue
        joined = replace(first, text=letter + first.text, x0=cap.x0)
        out = [joined if r is first else r for r in out if r is not cap]
        indent = first.x0
        for i, run in enumerate(out):
            if run in beside and run is not first and abs(run.x0 - indent) < run.size * 0.5:
                out[i] = replace(run, x0=cap.x0)
    return out


# Spacing accents a typesetter may draw as glyphs of their own over the letter before them, and the combining
# marks they stand for.
_ACCENTS = {"ˆ": "\u0302", "˜": "\u0303", "¸": "\u0327", "¨": "\u0308", "ˇ": "\u030c", "˚": "\u030a", "´": "\u0301"}


def accents(runs: list[Run]) -> list[Run]:
    """An accent drawn as a glyph of its own over the letter before it ("Age" "ˆ" "ncia") joins that letter ("ê").

    The accent is one spacing accent whose run starts inside the box of a run on its line that ends with a letter,
    and the two compose into one character; else it stays as printed.
    """
    out = list(runs)
    for accent in runs:
        mark = _ACCENTS.get(accent.text.strip()) if len(accent.text.strip()) == 1 else None
        if mark is None:
            continue
        base = next(
            (
                r
                for r in out
                if r is not accent
                and r.text.rstrip()[-1:].isalpha()
                and r.x0 < accent.x0 < r.x1
                and abs(r.baseline - accent.baseline) < r.size * ROW_EXACT
            ),
            None,
        )
        if base is None:
            continue
        word = base.text.rstrip()
        letter = unicodedata.normalize("NFC", word[-1] + mark)
        if len(letter) != 1:
            continue
        joined = replace(base, text=word[:-1] + letter + base.text[len(word) :])
        out = [joined if r is base else r for r in out if r is not accent]
    return out


def page_lines(page: Page) -> list[Line]:
    """The page's lines in reading order: spanning lines, then each column, band by band."""
    # Text turned along the side of the page (a stamp in the margin) is read apart; where most of it is turned
    # (a table set landscape), the page is read as it stands.
    aside = [r for r in page.runs if r.turned]
    landscape = len(aside) * 2 > len(page.runs)  # (its lines' left and right are the page's top and bottom)
    if landscape:
        aside = []
    # Text drawn in a graphic placed at another scale (a chart's labels) is the graphic's: read apart, unless it is
    # most of the page's text (a page printed scaled into a form).
    drawn = [r for r in page.runs if r.graphic and not r.turned]
    if sum(len(r.text.strip()) for r in drawn) * 2 >= sum(len(r.text.strip()) for r in page.runs):
        drawn = []
    upright = accents(drop_caps([r for r in page.runs if not any(r is a for a in [*aside, *drawn])]))
    gutters = _gutters(replace(page, runs=upright))
    groups: dict[int, list[Run]] = {k: [] for k in range(MAX_COLUMNS + 1)}
    for run in upright:
        groups[_column(run, [g.middle for g in gutters if g.beside(run)])].append(run)
    lines: list[Line] = []
    for column, runs in groups.items():
        rows = _rows([r for r in runs if r.text.strip() or r.text == " "])
        edge = None if landscape else text_edge(rows)
        right = None if landscape else text_edge(rows, right=True)
        for row in rows:
            for part in _split(row, edge, right):
                if any(r.text.strip() for r in part):
                    lines.append(make_line(page.number, letter_bullet(part), column))
    turned = [make_line(page.number, [r], 0) for r in aside if r.text.strip()]  # a run a line, kept aside
    labels = [make_line(page.number, row, 0) for row in _rows(drawn) if any(r.text.strip() for r in row)]
    for line in [*labels, *turned]:
        line.role = "aside"
    return reading_order(lines, sides=not landscape) + labels + turned


def _column(run: Run, middles: list[float]) -> int:
    """The column a run stands in (1 the leftmost), or 0 where it crosses a gutter (or there are none)."""
    if any(run.x0 < m < run.x1 for m in middles) or not middles:
        return 0
    return 1 + sum(1 for m in middles if m <= run.x0)


def reading_order(lines: list[Line], sides: bool = True) -> list[Line]:
    """Top to bottom; where columns run side by side, the left column before the right one.

    ``sides``: look for side headings in the margin (not on a page set landscape: its margins are not the text's).
    """
    spanning = sorted((ln for ln in lines if ln.column == 0), key=lambda ln: -ln.top)
    if sides:
        spanning = _side_headings_first(spanning)
    columns = sorted((ln for ln in lines if ln.column), key=lambda ln: (-ln.top, ln.x0))
    ordered: list[Line] = []
    # Each spanning line closes a band: the column lines above it come first, left column then right.
    for line in [*spanning, None]:
        limit = line.top if line is not None else float("-inf")
        band = [c for c in columns if c.top > limit]
        columns = [c for c in columns if c.top <= limit]
        # What one column holds above everything of the other (a label over a sidebar) is read first.
        tops = {k: max((c.top for c in band if c.column == k), default=float("-inf")) for k in {c.column for c in band}}
        head = [c for c in band if all(c.bottom > top for k, top in tops.items() if k != c.column)]
        ordered += sorted(head, key=lambda c: -c.top)
        ordered += sorted((c for c in band if c not in head), key=lambda c: (c.column, -c.top, c.x0))
        if line is not None:
            ordered.append(line)
    return ordered


def _side_headings_first(lines: list[Line]) -> list[Line]:
    """Headings set in the margin left of the text: each heading's lines together, before the text beside it.

    The text's left edge is where most long lines start; a margin line ends a ``SIDE_GAP`` em short of it
    and is set as a heading: larger than the text by more than ``SIDE_STEP`` of its size, or bold (a table's
    first cells are not). Such a line is marked ``side``: its place says it is a heading.
    A heading's lines follow one another at no more than ``SIDE_PITCH`` times their size; the heading goes
    before the first text line whose baseline is no more than half its size above its own first baseline
    (a larger heading may sit a little lower).
    """
    long = [ln for ln in lines if len(ln.text) > 20]
    if not long:
        return lines
    edge = Counter(round(ln.x0) for ln in long).most_common(1)[0][0]
    size = _dominant(r for ln in long for r in ln.runs).size
    margin = [
        ln
        for ln in lines
        if ln.x1 < edge - SIDE_GAP * size
        and (ln.size > size * (1 + SIDE_STEP) or (ln.bold and ln.size >= size * 0.97))
        and not _label(ln.text)
    ]
    if not margin or len(margin) * 2 > len(lines):
        return lines
    for line in margin:
        line.side = True
    blocks: list[list[Line]] = []
    for line in margin:
        if blocks and blocks[-1][-1].baseline - line.baseline <= SIDE_PITCH * line.size:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    rest = [ln for ln in lines if not any(ln is m for m in margin)]
    ordered: list[Line] = []
    for line in rest:
        while blocks and line.baseline <= blocks[0][0].baseline + blocks[0][0].size * 0.5:
            ordered += blocks.pop(0)
        ordered.append(line)
    for block in blocks:
        ordered += block
    return ordered


def mark_sidebar(lines: list[Line], width: float, size: float) -> None:
    """Small lines standing beside the text at the right of the page (an author box): ``role = "aside"``."""
    right = [
        ln for ln in lines if ln.role == "body" and ln.column == 0 and ln.x0 > width * 0.6 and ln.size < size * 1.05
    ]
    beside = [
        ln
        for ln in right
        if any(o is not ln and o.x1 < ln.x0 - ln.size and abs(o.baseline - ln.baseline) < ln.size for o in lines)
    ]
    if len(beside) < 2:
        return
    top, bottom = max(ln.top for ln in beside), min(ln.bottom for ln in beside)
    edge = min(ln.x0 for ln in beside)
    for line in right:
        if bottom - line.size * 3 <= line.baseline <= top + line.size * 3 and line.x0 >= edge - 2:
            line.role = "aside"
