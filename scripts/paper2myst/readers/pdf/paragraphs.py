"""Body lines → blocks: paragraphs from gaps and indents, headings from size, weight and face, lists, captions."""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from paper2myst.conventions import BULLETS, CAPTION_OPENING, CUT_ADDRESS
from paper2myst.model import BlockKind
from paper2myst.readers.pdf.extract import Run
from paper2myst.readers.pdf.lines import Line
from paper2myst.readers.pdf.maths import display

# A bullet opening a line (a dash that opens a line is as often the author's); or a lone glyph that could not be
# read (U+FFFD, reported as unreadable), set apart from the words: a dingbat font's bullet without a Unicode map.
BULLET = re.compile(rf"^([{BULLETS}]|\ufffd(?=\s))\s*")
_NUMBERED = re.compile(r"^(\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s+")
_CAPTION = CAPTION_OPENING
_NUMBERING = re.compile(r"^(?:(?:Appendix|Annex|Part|Chapter|Section)\s+)?(?:\d+(?:\.\d+)*|[A-Z]|[IVX]+)[.)]?\s")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|(?:[A-Z]\.)+[A-Z])\.$")  # "Inc.", "U.S.": no full stop
_DEPTH = re.compile(r"^(\d+(?:\.\d+)*)\.?\s")
# Lines further apart than PARA_GAP times their usual pitch, or PARA_SPACE ems more than it, are in two blocks.
PARA_GAP = 1.3
PARA_SPACE = 0.25
LOW_SHARE = 0.3  # the shorter steps of a size are its pitch when they are at least so many of its steps...
LOW_GAP = 0.35  # ...and at least so many ems shorter than the median
SIZE_STEP = 0.05  # lines whose sizes differ by more than this part are different kinds of text
FACE_SCALE = 0.93  # a heading set apart by its face is at least this size against the text's...
FACE_WORDS = 15  # ...and has at most so many words, on at most so many lines
FACE_LINES = 2
FACE_FILL = 0.8  # ...the last shorter than this part of the widest line of its column
FACE_RARE = 0.1  # ...in a face that sets no more than this part of the characters the text's face sets
FLUSH = 1.5  # points: a justified line ends this close to its column's edge
HEADING_WORDS = 30  # at most so many words in a heading of more than four lines
SAME_SIZE = 0.6  # points: lines whose sizes differ by less are set in one size (a paragraph goes on between them)
_ENDS = (".", "?", "!", "…", ":", ".”", '."', "?”", ".)")


@dataclass(slots=True)
class Group:
    """Lines that make one block, and what they are."""

    kind: BlockKind
    lines: list[Line] = field(default_factory=list)
    label: str = ""
    level: int = 0


def pitch(lines: list[Line]) -> dict[float, float]:
    """The usual distance between the baselines of consecutive lines, per type size."""
    steps: dict[float, list[float]] = {}
    for a, b in itertools.pairwise(lines):
        if a.page == b.page and a.column == b.column and abs(a.size - b.size) < 0.3:
            step = a.baseline - b.baseline
            if 0 < step < 3 * a.size:
                steps.setdefault(round(a.size, 1), []).append(step)
    return {size: _usual(values, size) for size, values in steps.items()}


def _usual(steps: list[float], size: float) -> float:
    """The lines' own pitch among their steps: the median, or the shorter steps' where entries stand apart.

    In a list of short entries set apart by a little space (references of two lines, one-line notes) the steps
    between entries are as many as those within one, and the median may be a step between two entries. Steps at
    least LOW_GAP of an em shorter than the (upper) median, LOW_SHARE of all or more, are the lines' own pitch: a
    gap clearly wider than PARA_SPACE, so that the longer steps part their lines every time, not by a rounding.
    """
    high = statistics.median_high(steps)
    low = [step for step in steps if step <= high - LOW_GAP * size]
    return statistics.median(low) if len(low) >= LOW_SHARE * len(steps) else statistics.median(steps)


def is_heading(line: Line, body_size: float) -> bool:
    """Bigger than the body, or bold at body size, and short: a heading line."""
    return not _CAPTION.match(line.text) and _display(line, body_size)


def _display(line: Line, body_size: float) -> bool:
    words = line.text.split()
    # A bold line at the text's size that starts in lower case or breaks a word at its end is the middle of a
    # bold passage (a run-in lead sentence), not a heading.
    inside = line.text[:1].islower() or line.text.endswith(("-", "\xad"))
    return 0 < len(words) <= 25 and (
        line.size >= body_size * 1.15
        or (line.bold and line.size >= body_size * 0.97 and not inside)
        or line.face_apart
        or line.side
        or _numbered_capitals(line, body_size)
    )


def _numbered_capitals(line: Line, body_size: float) -> bool:
    """A numbered heading in bold capitals, set a little smaller than the text ("I. INTRODUCTION", as REVTeX sets it).

    At least CAPS_SCALE of the body's size: smaller bold capitals are a table's column heads.
    """
    letters = [c for c in line.text if c.isalpha()]
    return (
        line.bold
        and line.size >= body_size * CAPS_SCALE
        and len(letters) >= 4
        and all(c.isupper() for c in letters)
        and bool(_NUMBERING.match(line.text))
    )


#: The smallest size, against the text's, of a numbered heading set in bold capitals.
CAPS_SCALE = 0.85


def mark_faces(lines: list[Line], body_size: float) -> None:
    """Set ``face_apart`` on short lines set wholly in a face the body text never uses, a little larger.

    A heading may differ from the text only by its face (a sans among serifs) and a size ``FACE_SCALE``
    times the text's: the document's own text face is the one most of its body-size characters are set in.
    """
    weight: Counter[str] = Counter()
    for line in lines:
        if abs(line.size - body_size) < SIZE_STEP * body_size:
            for run in line.runs:
                weight[run.font.name] += len(run.text.strip())
    if not weight:
        return
    face = weight.most_common(1)[0][0]
    used: Counter[str] = Counter()  # characters per face, at any size: a heading's face is used little
    for line in lines:
        for run in line.runs:
            used[run.font.name] += len(run.text.strip())
    rare = {name for name, count in used.items() if count <= FACE_RARE * used[face]}
    widest: dict[tuple[int, int], float] = {}
    for line in lines:
        key = (line.page, line.column)
        widest[key] = max(widest.get(key, 0.0), line.x1 - line.x0)
    apart = [_apart(line, face, body_size) and all(r.font.name in rare for r in _worded(line)) for line in lines]
    # A heading stands out from the text before it: a line going on from a line in its own family is the
    # end of a passage in that face (a list item's last line, a caption's second line).
    for i in range(1, len(lines)):
        if apart[i] and not apart[i - 1] and _faces(lines[i - 1]) & _faces(lines[i]):
            apart[i] = False
    # A heading's lines follow one another in one family. A stretch of more than FACE_LINES such lines is a
    # passage set in another face (a summary, a box); a heading opens with a capital (a list item's "1. the"
    # does not), and its last line stops short of the column's measure (its first, wrapped, may not).
    stretches: list[tuple[int, int]] = []
    start = 0
    for i in range(len(lines) + 1):
        if i < len(lines) and apart[i] and (i == start or _faces(lines[i]) & _faces(lines[i - 1])):
            continue
        if start < i:
            stretches.append((start, i))
        start = i if i < len(lines) and apart[i] else i + 1
    full: list[tuple[int, int]] = []  # one line as wide as the text: a heading only in the headings' own face
    for start, i in stretches:
        first, last = lines[start], lines[i - 1]
        letter = next((c for c in first.text if c.isalpha()), "")
        short = last.x1 - last.x0 < FACE_FILL * widest[last.page, last.column]
        for line in lines[start:i]:
            line.face_apart = i - start <= FACE_LINES and short and letter.isupper()
        if i - start == 1 and not short and letter.isupper():
            full.append((start, i))
    # The face (font and size) the document's other headings set apart by their face are set in says a line is
    # one of them, however far it runs.
    heads = {_set_in(ln) for ln in lines if ln.face_apart}
    for start, _ in full:
        lines[start].face_apart = _set_in(lines[start]) in heads


def _set_in(line: Line) -> tuple[frozenset[str], float]:
    """The fonts of the line's words and its size: how it is set."""
    return frozenset(r.font.name for r in line.runs if r.text.strip()), round(line.size, 1)


def _faces(line: Line) -> set[str]:
    """The families of the line's faces: the names without their style ("Calibri-Bold": "Calibri")."""
    return {re.split(r"[-,.+]", r.font.name)[0] for r in _worded(line)}


def _worded(line: Line) -> list[Run]:
    """The runs that set the line's words: no calls, and no section number ahead ("1. " in the text's face)."""
    words = [r for r, call in zip(line.runs, line.calls, strict=True) if not call and r.text.strip()]
    return words[1:] if len(words) > 1 and _SECTION_NUMBER.match(words[0].text) else words


_SECTION_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[IVX]+)\.?\s*$")


def _apart(line: Line, face: str, body_size: float) -> bool:
    words = _worded(line)
    return (
        bool(words)
        and not _CAPTION.match(line.text)
        and all(r.font.name != face for r in words)
        and not all(r.font.italic for r in words)  # (an italic word in a heading: a title it names)
        and line.size >= body_size * FACE_SCALE
        and len(line.text.split()) <= FACE_WORDS
        and not _stops("".join(r.text for r in words).rstrip())
    )


def _full_stop(text: str) -> bool:
    """The text ends in a full stop, not an ellipsis (a heading may trail off, as it may ask or announce)."""
    return text.endswith(".") and not text.endswith(("...", "…"))


def _stops(text: str) -> bool:
    """The text ends a sentence; an ellipsis trails off ("Costly change of paradigms…", a heading may)."""
    return text.endswith(_ENDS) and not text.endswith(("...", "…"))


def _breaks(
    prev: Line, line: Line, steps: dict[float, float], body_size: float, justified: float, caption: bool = False
) -> bool:
    """Whether a block must end between two lines: another page, column, size or kind, a gap, a bullet.

    ``justified``: the right edge of a justified column (0 if ragged), where only a paragraph's last
    line of body text stops short. ``caption``: the block is a caption, whose words go on in the text's
    weight after its bold label's line.
    """
    if prev.page != line.page or prev.column != line.column:
        return True
    if abs(prev.size - line.size) > SIZE_STEP * max(prev.size, line.size):
        return True
    # Display lines and text lines part, but a bold passage goes on through its lines whatever they look like.
    if _display(prev, body_size) != _display(line, body_size) and not ((prev.bold and line.bold) or caption):
        return True
    if display(prev) != display(line):
        return True  # a display equation stands apart from the text around it
    usual = steps.get(round(line.size, 1), line.size * 1.2)
    # A gap: the lines stand further apart than the usual pitch by PARA_SPACE of an em (paragraphs set apart
    # by a little space), or by PARA_GAP times the pitch.
    step = prev.baseline - line.baseline
    if step > min(usual * PARA_GAP, usual + PARA_SPACE * line.size) or line.baseline > prev.baseline:
        return True
    if BULLET.match(line.text):
        return True
    if _run_in(line) and _ends(prev) and not prev.bold:
        return True  # "Ethical considerations. Data were …" after a sentence's end: a run-in head opens a paragraph
    if _CAPTION.match(line.text) and _ends(prev):
        return True  # (a sentence going on over "Table 1." at a line's start is no caption)
    if _display(line, body_size) and _DEPTH.match(line.text):
        return True  # a numbered heading opens its own block, even right under the section's heading
    # In justified text only a paragraph's last line stops short (an indented line after it is left to the
    # indents: the next paragraph's first line, or the next line of a hanging entry).
    short = justified and prev.x1 < justified - prev.size * 2 and line.x0 <= prev.x0 + line.size * 0.8
    return bool(short) and abs(line.size - body_size) < 0.6


def _run_in(line: Line) -> bool:
    """The line opens with a run-in head ("Data sources. We use …").

    Bold words ending in a full stop or colon, the line's text going on after them in the text's own weight.
    """
    head = list(itertools.takewhile(lambda run: run.font.bold, line.runs))
    rest = line.runs[len(head) :]
    words = "".join(run.text for run in head).strip()
    return bool(head and rest) and words.endswith((".", ":")) and any(run.text.strip() for run in rest)


def _in_hanging_entry(run: list[Line], line: Line, edge: float) -> bool:
    """``line`` goes on the set-in lines of a hanging entry: under a full line at the run's edge, set in as they are.

    A first-line indent opens a paragraph after a short line; set-in lines after a full one wrap an entry.
    """
    if not edge or len(run) < 2:
        return False
    left = min(ln.x0 for ln in run)
    inset = left + line.size * 0.8
    opener = next((i for i in range(len(run) - 1, -1, -1) if run[i].x0 <= inset), None)
    if opener is None or opener == len(run) - 1:
        return False
    first = run[opener]
    full = first.x1 >= edge - first.size * 2
    return full and line.x0 > inset and abs(line.x0 - run[-1].x0) <= line.size * 0.8


def _ends(line: Line) -> bool:
    """The line ends a sentence (calls aside): it may be a paragraph's last line.

    A web address cut at a dot in its host ("https://www.") ends no sentence: its dot is the address's own.
    """
    text = "".join(r.text for r, call in zip(line.runs, line.calls, strict=True) if not call).rstrip()
    return text.endswith(_ENDS) and not CUT_ADDRESS.search(text)


def _by_indent(run: list[Line], right: float, justified: bool, top: bool = False) -> list[list[Line]]:
    """Split a run of evenly spaced lines into entries by their indents.

    Paragraphs with a first-line indent start at the indented lines; a hanging list (references) starts
    its entries at the outdented ones. Which one it is: an indented line after a full line (a wrapped
    entry goes on) is hanging; after a short line (a paragraph's last), it opens a paragraph.
    """
    if len(run) < 2:
        return [run]
    edge = min(ln.x0 for ln in run)
    indent = run[0].size * 0.8
    inner = [i for i in range(1, len(run)) if run[i].x0 > edge + indent]
    if not inner:
        return [run]
    slack = 1.5 if justified else run[0].size * 3  # how short of the edge a wrapped line may stop
    full = sum(
        1 for i in inner if run[i - 1].x1 >= right - slack and run[i - 1].x0 <= edge + indent and not _ends(run[i - 1])
    )
    # A wrapped first line, not a one-line paragraph; nor, at the column's top (``top``), a paragraph's last line
    # (its full stop, then a line set in and one at the edge again: a paragraph's indent, where a hanging entry
    # goes on set in).
    tail = top and _ends(run[0]) and len(run) > 2 and run[2].x0 <= edge + indent
    long_first = run[0].x1 >= right - (right - edge) * 0.25 and not tail
    # Justified text ends a paragraph short of the edge: one wrapped (flush) line before an indent says hanging.
    # A line at the edge and every line after it set in (two or more) is one hanging entry, however short its first
    # line: a paragraph's indent sets in its first line only.
    entry = len(run) > 2 and inner == list(range(1, len(run)))
    # Set-in lines more than twice the lines at the edge: entries of three lines and more, each set in after its first
    # (a paragraph's indent sets in one line of many), whatever the column opens with (an entry's rest, an address).
    most = len(inner) > 2 * (len(run) - len(inner))
    hanging = (
        (1 in inner and long_first) or full * 2 > len(inner) or entry or most or _numbered_at_edge(run, edge + indent)
    )
    if BULLET.match(run[0].text):
        # A bullet's item runs over its set-in lines; what follows at the edge is text of its own.
        end = next((i for i in range(1, len(run)) if run[i].x0 <= edge + indent), len(run))
        return [run[:end], *(_by_indent(run[end:], right, justified) if end < len(run) else [])]
    # A hanging list starts its entries at the outdented lines; paragraphs start theirs at the indented ones.
    starts = {i for i in range(1, len(run)) if run[i].x0 <= edge + indent} if hanging else set(inner)
    entries: list[list[Line]] = [[run[0]]]
    for i in range(1, len(run)):
        if i in starts:
            entries.append([run[i]])
        else:
            entries[-1].append(run[i])
    return entries


def _numbered_at_edge(run: list[Line], inset: float) -> bool:
    """Most lines at the edge open with a number ("15.", "16."), over set-in lines: a numbered hanging list.

    Ragged entries (addresses, short last lines) leave few full lines before the set-in ones; the numbers say it.
    """
    outer = [ln for ln in run if ln.x0 <= inset]
    labelled = sum(1 for ln in outer if _NUMBERED.match(ln.text))
    return labelled >= 2 and labelled * 2 > len(outer)


def is_justified(lines: list[Line]) -> bool:
    """Whether the text is set justified: many of its long lines end at the same edge (ragged text: few do)."""
    long = [ln for ln in lines if len(ln.text) > 20]
    if len(long) < 8:
        return False
    # Each column its own edge: side by side, no one edge is most lines' (a column's, with its marks hung past it).
    ends: dict[int, Counter[int]] = {}
    for line in long:
        ends.setdefault(line.column, Counter())[round(line.x1)] += 1
    edges = {column: counts.most_common(1)[0][0] for column, counts in ends.items()}
    return sum(1 for ln in long if abs(ln.x1 - edges[ln.column]) <= 1.5) * 100 >= len(long) * 35


def _right_edge(lines: list[Line]) -> float:
    ends = Counter(round(ln.x1) for ln in lines if len(ln.text) > 20)
    return float(ends.most_common(1)[0][0]) if ends else max((ln.x1 for ln in lines), default=0.0)


def group_lines(
    lines: list[Line], body_size: float, steps: dict[float, float], page_size: float = 0.0, justified: bool = False
) -> list[Group]:
    """Split body lines into blocks and say what each is (``page_size``: the page's own text size)."""
    columns = {ln.column for ln in lines}
    rights = {c: _right_edge([ln for ln in lines if ln.column == c]) for c in columns}
    edges = {c: rights[c] if justified else 0.0 for c in columns}
    runs: list[list[Line]] = []
    for line in lines:
        # The run is justified text only once one of its lines reaches the edge (a ragged block may share
        # the body's size: a bold abstract).
        edge = edges[line.column] if runs and _reaches(runs[-1], edges[line.column]) else 0.0
        if runs and _in_hanging_entry(runs[-1], line, edge):
            edge = 0.0  # a hanging entry's set-in lines may stop short (an address) and still go on
        caption = bool(runs) and bool(_CAPTION.match(runs[-1][0].text)) and full_line(runs[-1][-1], rights[line.column])
        # Two captions side by side (under two figures of a row): a line beside a caption's goes on its own caption.
        apart = bool(runs) and _beside(runs[-1][-1], line) and _captions(runs[-1], line)
        if runs and not apart and not _breaks(runs[-1][-1], line, steps, body_size, edge, caption):
            runs[-1].append(line)
        elif (stack := _stack_beside(runs, line)) is not None and not _breaks(
            stack[-1],
            line,
            steps,
            body_size,
            edges[line.column] if _reaches(stack, edges[line.column]) else 0.0,
            bool(_CAPTION.match(stack[0].text)),
        ):
            stack.append(line)  # its own stack goes on past side text set level with it
        else:
            runs.append([line])
    # Only the body text is known to be justified: smaller type (a reference list) may be set ragged.
    tops = {id(next(ln for ln in lines if ln.column == c)) for c in columns}
    groups = [
        Group(BlockKind.TEXT, entry)
        for run in runs
        for entry in (
            [run]  # a heading's lines: a wrapped line set in under the heading's words is no new paragraph
            if len(run) <= 4 and all(ln.size >= body_size * 1.15 and _display(ln, body_size) for ln in run)
            else _by_indent(
                run, rights[run[0].column], justified and abs(run[0].size - body_size) < 0.6, id(run[0]) in tops
            )
        )
    ]
    for group in groups:
        group.kind, group.label = classify(group, body_size, page_size or body_size)
    _numbered_items(groups)
    _quotations(groups, body_size)
    return groups


def justified_entries(group: Group) -> list[Group]:
    """A list's entries set justified with neither an indent nor a space between them, parted at their last lines.

    Where most of the group's lines (and ENTRY_LINES at least) end at one edge, within FLUSH of it, the lines are
    justified, and a line stopping two ems or more short of the edge is an entry's last (a reference list set so).
    """
    lines = group.lines
    if len(lines) < ENTRY_LINES:
        return [group]
    edge = Counter(round(ln.x1) for ln in lines).most_common(1)[0][0]
    if sum(1 for ln in lines if abs(ln.x1 - edge) <= FLUSH) * 2 <= len(lines):
        return [group]
    parts: list[list[Line]] = [[]]
    for line in lines:
        parts[-1].append(line)
        # (An address cut after a separator goes on: a web address too long to break stops its line short.)
        # (or a title's colon: its subtitle follows).
        going_on = line.text.rstrip().endswith(("/", "-", "_", ":", "=", "&")) or CUT_ADDRESS.search(line.text.rstrip())
        if line.x1 < edge - 2 * line.size and line is not lines[-1] and not going_on:
            parts.append([])
    return [Group(group.kind, part, group.label, group.level) for part in parts]


#: Lines a group must have for its own edge to say it is set justified.
ENTRY_LINES = 4


def _reaches(run: list[Line], edge: float) -> bool:
    """One of the run's lines ends at the justified edge."""
    return any(abs(ln.x1 - edge) <= FLUSH for ln in run)


def _beside(a: Line, b: Line) -> bool:
    """The two lines share no stretch of the page's width: one stands wholly left of the other."""
    return a.x1 < b.x0 or b.x1 < a.x0


def _captions(run: list[Line], line: Line) -> bool:
    """The run is a caption's, or the line opens one."""
    return bool(_CAPTION.match(run[0].text) or _CAPTION.match(line.text))


def _stack_beside(runs: list[list[Line]], line: Line) -> list[Line] | None:
    """The run a line goes on from across side text set level with it (dates in a margin beside an abstract).

    Reading by height interleaves two stacks of lines that stand side by side in one column: the latest run
    whose last line stands over this one is its own, when every line read since stands beside it, in another size
    or in a caption's stack (two captions side by side).
    """
    for k in range(len(runs) - 1, 0, -1):
        if not all(_beside(ln, line) for ln in runs[k]) or not (
            _CAPTION.match(runs[k][0].text) or all(abs(ln.size - line.size) > SAME_SIZE for ln in runs[k])
        ):
            return None
        if not _beside(runs[k - 1][-1], line):
            return runs[k - 1] if runs[k - 1][-1].page == line.page else None
    return None


def _numbered_items(groups: list[Group]) -> None:
    """Paragraphs that open with "1.", "2." (or "(a)", "(b)") one after another are a numbered list."""
    numbered = [g.kind is BlockKind.TEXT and bool(_NUMBERED.match(g.lines[0].text)) for g in groups]
    for i, group in enumerate(groups):
        if numbered[i] and ((i > 0 and numbered[i - 1]) or (i + 1 < len(groups) and numbered[i + 1])):
            match = _NUMBERED.match(group.lines[0].text)
            assert match is not None
            group.kind, group.label = BlockKind.LIST_ITEM, match.group(1)


def _quotations(groups: list[Group], body_size: float) -> None:
    """A paragraph set in from both edges of its column, between paragraphs that are not: a block quotation."""
    for column in {g.lines[0].column for g in groups}:
        _column_quotations([g for g in groups if g.kind is BlockKind.TEXT and g.lines[0].column == column], body_size)


def _column_quotations(texts: list[Group], body_size: float) -> None:
    """Block quotations among one column's paragraphs (edges are the column's own)."""
    if len(texts) < 3:
        return
    left = min(ln.x0 for g in texts for ln in g.lines)
    right = max(ln.x1 for g in texts for ln in g.lines)
    for group in texts:
        lines = group.lines
        inset = min(ln.x0 for ln in lines) > left + body_size * 1.5
        short = max(ln.x1 for ln in lines) < right - body_size * 1.5
        if inset and short and len(lines) >= 2:
            group.kind = BlockKind.QUOTE


def classify(group: Group, body_size: float, page_size: float) -> tuple[BlockKind, str]:
    first = group.lines[0]
    if _CAPTION.match(first.text):  # labelled as the text route labels it: "figure", "table"
        return BlockKind.CAPTION, "table" if first.text.lower().startswith("tab") else "figure"
    text = " ".join(ln.text for ln in group.lines)
    # A heading of many short lines (set in a narrow margin) is still a heading: its words are few.
    few = len(group.lines) <= 4 or len(text.split()) <= HEADING_WORDS
    if (
        all(is_heading(ln, body_size) for ln in group.lines)
        and few
        and (not _full_stop(text) or _NUMBERING.match(text) or _ABBREVIATION.search(text))
    ):
        # Display type without a letter is a figure's or a formula's ("93%", a big sum sign), kept as printed.
        return (BlockKind.HEADING, "") if re.search(r"[^\W\d_]", text) else (BlockKind.TABLE, "")
    if bullet := BULLET.match(first.text):
        return BlockKind.LIST_ITEM, bullet.group(1)
    if first.size < min(body_size, page_size) * 0.92:
        return BlockKind.TABLE, ""  # small type among the body: a table's or a figure's text
    return BlockKind.TEXT, ""


def heading_levels(groups: list[Group], body_size: float) -> None:
    """Levels by size, then weight: the largest headings are sections (1), the next subsections (2)..."""
    heads = [g for g in groups if g.kind is BlockKind.HEADING]
    sizes = sorted({round(max(ln.size for ln in g.lines)) for g in heads}, reverse=True)
    for group in heads:
        rank = sizes.index(round(max(ln.size for ln in group.lines))) + 1
        numbered = _DEPTH.match(group.lines[0].text)
        # "1.2" is a subsection even when set in the section's size.
        group.level = max(rank, len(numbered.group(1).split("."))) if numbered else rank


def full_line(line: Line, right: float) -> bool:
    """The line runs to the column's right edge: its paragraph goes on."""
    return line.x1 >= right - line.size * 2.5


def continues(
    prev: Group, nxt: Group, right: float, left: float, justified: bool = False, indented: bool = False
) -> bool:
    """A paragraph or quotation cut by a column or page break: last line full, text going on, no indent.

    ``justified``: the body is set justified, where only a paragraph's last line stops short of the edge, so a line
    stretched to the edge (within FLUSH) goes on in the next column even after a full stop. ``indented``: the
    body opens its paragraphs indented, so a line at the edge after an unfinished sentence (or a colon: what it
    announces) goes on, whatever its first letter and however short the last line (ragged text).
    """
    last, first = prev.lines[-1], nxt.lines[0]
    indent = first.size * 0.8
    hanging = len(prev.lines) > 1 and prev.lines[1].x0 > prev.lines[0].x0 + indent
    # A hanging entry's set-in lines going on at the next page's head read as a quotation there (set in, alone).
    set_in = hanging and nxt.kind is BlockKind.QUOTE and abs(first.x0 - prev.lines[1].x0) <= indent
    if (
        (prev.kind is not nxt.kind and not (set_in and prev.kind is BlockKind.TEXT))
        or prev.kind not in {BlockKind.TEXT, BlockKind.QUOTE}
        or (prev.lines[-1].page == nxt.lines[0].page and prev.lines[-1].column == nxt.lines[0].column)
    ):
        return False
    if abs(last.size - first.size) > SAME_SIZE:
        return False
    if hanging:  # an entry of a hanging list goes on indented; one at the edge is the next entry
        return first.x0 > left + indent and all(ln.x0 > left + indent for ln in nxt.lines[1:2])
    if first.x0 > left + indent and prev.kind is BlockKind.TEXT:  # (a quotation goes on set in, as it was)
        return False
    ended = _ends(last)
    starts_lower = first.text[:1].islower()
    stretched = justified and abs(last.x1 - right) <= FLUSH and len(prev.lines) > 1
    # Set ragged, a line is broken where the next word would not fit: a last line with room left for the next
    # line's first word ended its paragraph, one without it most likely did not (however short: a long word).
    wrapped = not justified and len(prev.lines) > 1 and right - last.x1 < first_word_width(first)
    return (
        (full_line(last, right) and (not ended or starts_lower or stretched or wrapped))
        or (not ended and (starts_lower or wrapped))
        or (indented and (not ended or _announces(last)) and prev.kind is BlockKind.TEXT)
    )


def _announces(line: Line) -> bool:
    """The line ends in a colon (calls aside): what it announces follows, in the same paragraph if set flush."""
    return "".join(r.text for r, call in zip(line.runs, line.calls, strict=True) if not call).rstrip().endswith(":")


def first_word_width(line: Line) -> float:
    """How wide the line's first word is, with the space before it (a quarter em): from its run's width."""
    run = line.runs[0]
    word = run.text.split()[0] if run.text.split() else ""
    share = len(word) / max(len(run.text), 1)
    return (run.x1 - run.x0) * share + line.size * 0.25


def opens_indented(groups: list[Group]) -> bool:
    """Most of the paragraphs (of two lines or more) open with a first line set in from their second."""
    paragraphs = [g.lines for g in groups if g.kind is BlockKind.TEXT and len(g.lines) > 1]
    set_in = sum(1 for lines in paragraphs if lines[0].x0 > lines[1].x0 + lines[0].size * 0.8)
    return set_in * 2 > len(paragraphs)
