"""The PDF reader: pages → runs → lines → roles (furniture, notes, front, body) → blocks in the text form."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from paper2myst.conventions import (
    CAPTION_NOTE,
    CONTINUED_TAIL,
    ENDNOTES_HEADING,
    PAGE_NUMBER,
    REFERENCES_HEADING,
    REPORT_NUMBER,
    TABLE_NOTE,
)
from paper2myst.dates import first_day
from paper2myst.diagnostics import ConversionError, Diagnostic, Kind
from paper2myst.model import AuthorLines, Block, BlockKind, DateLine, FrontEvidence, Paragraph, Seen, Span
from paper2myst.readers import Figure, Reading
from paper2myst.readers.pdf.back import columns_first, find_back, signatory
from paper2myst.readers.pdf.boxes import panels
from paper2myst.readers.pdf.extract import (
    UNREADABLE_SHARE,
    Box,
    Link,
    Page,
    family,
    make_readable,
    read_pages,
    unreadable_share,
)
from paper2myst.readers.pdf.figures import render_figures
from paper2myst.readers.pdf.front import (
    FrontLines,
    by_column,
    cased,
    find_front,
    in_title_case,
    line_date,
    name_text,
    title_parts,
    title_rows,
)
from paper2myst.readers.pdf.furniture import mark_contents, mark_furniture
from paper2myst.readers.pdf.inline import (
    Calls,
    Words,
    escape_markup,
    join_lines,
    render,
    separates_hyphens,
    trusted_links,
    vocabulary,
)
from paper2myst.readers.pdf.lines import (
    PROSE_LINE,
    Line,
    is_prose,
    mark_sidebar,
    page_lines,
    prose_lines,
    writes_spaces,
)
from paper2myst.readers.pdf.maths import (
    display,
    equation,
    join_numbers,
    join_operators,
    join_scripts,
    maths_spaces,
)
from paper2myst.readers.pdf.notes import NOTE_SCALE, is_labelled, labelled_feet, mark_notes, same_type, short_rule
from paper2myst.readers.pdf.paragraphs import (
    BULLET,
    FACE_WORDS,
    SAME_SIZE,
    Group,
    continues,
    group_lines,
    heading_levels,
    is_heading,
    is_justified,
    justified_entries,
    mark_faces,
    opens_indented,
    pitch,
)
from paper2myst.readers.pdf.tables import read_table

_ENDNOTE_LABEL = re.compile(r"^(\d{1,3}|[*†‡])(?:[.)]\s*|\s+)\S")
_LETTER_LABEL = re.compile(r"[a-z]")  # a note label that is one letter: a table's note where notes are numbered
# A reference entry closed by its address (an entry ends as often without a full stop as with one), and an entry
# opening with a word, not the rest of an address broken over the break.
_CLOSING_ADDRESS = re.compile(r"(?:https?://|doi:\s*|DOI\s+)\S+$|^[^\s/]+/\S*$")  # (or an address's rest, alone)
_OPENING_WORD = re.compile(r"^[A-Z][^\s/.]*[\s,]")
# An edition's links back from an entry to what cites it: note numbers or letters ("↩ 20, b") on screen, page
# numbers ("↑ 3, 5") in print.
_BACKLINKS = re.compile(r"(?:\s*[↩↑](?:\s*(?:\d{1,3}|[a-z])[,;]?)*)+$")


# Text set smaller than this share of the body's size (and in another face) is a table's, a figure's or a box's.
BOX_SCALE = 0.92
INSET = 4.0  # ems: a line of running text starts no further in from its column's left edge (a table's cell may)
SPREAD = 1.3  # a line setting its characters this many times wider apart than the running text is a table's row


def body_size(lines: list[Line], ruled: frozenset[int] = frozenset()) -> float:
    """The type size most of the body's characters are set in.

    Only lines of running text count (where there are any): a report whose tables run for pages carries more
    characters in their cells than in its prose. A page's upper half counts double: notes gather at the foot,
    and on a short paper with long notes they may carry as many characters as the body. Lines a column's foot
    rules off as smaller type, or sets smaller from a label on (``ruled``, by number: see :func:`ruled_feet` and
    :func:`labelled_feet`), are its notes and do not count.
    """
    body = [ln for ln in lines if ln.role == "body" and ln.number not in ruled]
    size = _most_set(body, lines)
    if len({ln.page for ln in lines}) < 2:
        return size  # a page's own size is what it holds, a reference list's too (a sidebar beside it is smaller)
    # A reference list is no running text of the document: its entries, set in long lines of smaller type, may
    # outweigh a body set in narrow columns. The document is read without it where its heading stands as one.
    listed = [i for i, ln in enumerate(body) if REFERENCES_HEADING.match(ln.text.strip()) and is_heading(ln, size)]
    return _most_set(body[: listed[-1]], lines) if listed and listed[-1] > 0 else size


def ruled_feet(page: Page, lines: list[Line]) -> set[int]:
    """The numbers of the lines each column sets below its lowest short rule in smaller type than its text above.

    Notes gather at a column's foot under a short rule: in narrow columns their longer lines of smaller type
    may carry more characters of "running text" than the body's, so the body's size is read without them. The
    text above is the rule's column's lines over it, its size the one most of their characters are set in; they
    outnumber the lines below (a title over a short rule stands over its text, not over notes).
    """
    feet: set[int] = set()
    short = [r for r in page.rules if short_rule(r, page)]
    for column in {ln.column for ln in lines}:
        mine = [ln for ln in lines if ln.column == column and ln.role == "body"]
        spans = [r for r in short if mine and r.x0 < max(ln.x1 for ln in mine) and r.x1 > min(ln.x0 for ln in mine)]
        if not spans:
            continue
        lowest = min(spans, key=lambda r: r.top)
        above = [ln for ln in mine if ln.bottom > lowest.top]
        below = [ln for ln in mine if ln.top < lowest.bottom]
        weight: Counter[float] = Counter()
        for ln in above:
            weight[round(ln.size, 1)] += len(ln.text)
        # (more lines above than below: a column's text over its notes, not a title over a rule and the text)
        if len(above) > len(below) > 0 and all(ln.size < weight.most_common(1)[0][0] * NOTE_SCALE for ln in below):
            feet |= {ln.number for ln in below}
    return feet


def _most_set(body: list[Line], lines: list[Line]) -> float:
    """The size most of the characters of ``body``'s running text are set in (``lines``: the whole page's)."""
    weight: Counter[float] = Counter()
    # Each page's middle, from its lines' extent: one pass over the lines, not one per page.
    extent: dict[int, tuple[float, float]] = {}
    for ln in lines:
        top, bottom = extent.get(ln.page, (ln.top, ln.bottom))
        extent[ln.page] = (max(top, ln.top), min(bottom, ln.bottom))
    middle = {page: (top + bottom) / 2 for page, (top, bottom) in extent.items()}
    prose = prose_lines(body) or body
    # Running text stands alone on its row of its column; a table's cells share their rows: where lines
    # standing alone say, they decide.
    rows = Counter((ln.page, ln.column, round(ln.baseline)) for ln in lines)
    alone = [ln for ln in prose if rows[ln.page, ln.column, round(ln.baseline)] == 1] or prose
    for line in alone:
        weight[round(line.size, 1)] += len(line.text) * (2 if line.bottom > middle[line.page] else 1)
    return weight.most_common(1)[0][0] if weight else 10.0


def face(line: Line) -> str:
    """The family of the font most of the line's characters are set in ("TimesNewRomanPS-BoldMT" → "TimesNewRoman")."""
    weight: Counter[str] = Counter()
    for run, call in zip(line.runs, line.calls, strict=True):
        if not call and run.text.strip():
            weight[run.font.name] += len(run.text.strip())
    return family(weight.most_common(1)[0][0] if weight else "")


def body_face(lines: list[Line], size: float) -> str:
    """The family the body's running text is set in: most characters of the prose lines at the body's size."""
    weight: Counter[str] = Counter()
    for line in lines:
        if line.role == "body" and abs(line.size - size) < 0.6 and is_prose(line):
            weight[face(line)] += len(line.text)
    return weight.most_common(1)[0][0] if weight else ""


def _boxed(line: Line, size: float, family: str) -> bool:
    """A line of a table, a figure or a text box: smaller than the body and in another face."""
    return line.size < size * BOX_SCALE and face(line) != family


def _boxes(items: list[Group], body_groups: list[Group], size: float, family: str) -> tuple[list[Group], list[Group]]:
    """Text set smaller than the body and in another face is a table's, a figure's or a box's, never the body's.

    Such groups become one TABLE group per run (nothing of the body between; a page break with only notes and
    furniture between goes on with it): the rows of the caption above it, or a box of its own (label "box").
    A heading in the box's own face just above it (less than two of its ems away) is its title. Under a
    caption, the "Source:"/"Notes:" lines and the lettered notes ("a. …") after them are the caption's notes
    (CAPTION groups labelled "source"). A reference list is the author's, whatever its face: left as it is.
    """
    if not family:
        return items, body_groups
    items, body_groups = _sub_items(*_in_sentence(items, body_groups, size, family))
    items, body_groups = _caption_rows(_notes_run_on(items, size, family), body_groups)
    items, body_groups = _small_heads(items, body_groups, size)
    body = {id(g) for g in body_groups}
    end = next(
        (i for i, g in enumerate(items) if g.kind is BlockKind.HEADING and REFERENCES_HEADING.match(_text(g))),
        len(items),
    )
    boxed: set[int] = set()  # groups set as a box's, a table's or a figure's text
    for group in items[:end]:
        lines = group.lines
        if group.kind is BlockKind.NOTE and all(_boxed(ln, size, family) for ln in lines):
            for line in lines:  # a table's lettered notes, set at the page's foot in the table's face
                line.role = "body"
            body.add(id(group))
        elif id(group) not in body or group.kind not in {
            BlockKind.TEXT,
            BlockKind.QUOTE,
            BlockKind.LIST_ITEM,
            BlockKind.TABLE,
        }:
            continue
        if all(_boxed(ln, size, family) for ln in lines) and not _under_small_head(items, group):
            group.kind, group.label = BlockKind.TABLE, ""
            boxed.add(id(group))
    for group, after in itertools.pairwise(items[:end]):
        if (
            group.kind is BlockKind.HEADING
            and id(group) in body
            and id(after) in boxed
            and group.lines[-1].page == after.lines[0].page
            and group.lines[-1].bottom - after.lines[0].top < group.lines[-1].size * 2
            and face(group.lines[0]) == face(after.lines[0]) != family
        ):
            group.kind = BlockKind.TABLE  # the box's title, in the box's face
            boxed.add(id(group))
    out: list[Group] = []
    kept: set[int] = set()
    under_caption = False  # the run of table lines stands under a caption
    current: Group | None = None  # the table rows or the caption note the next line may go on with
    for group in items:
        if id(group) not in body:  # notes, furniture, asides: a table may go on after them on the next page
            out.append(group)
            continue
        if group.kind is not BlockKind.TABLE or not (under_caption or id(group) in boxed):
            out.append(group)
            kept.add(id(group))
            under_caption = group.kind is BlockKind.CAPTION
            current = None
            continue
        for line in group.lines:
            note = under_caption and bool(CAPTION_NOTE.match(line.text) or TABLE_NOTE.match(line.text))
            if (
                current is not None
                and not note
                and (current.kind is BlockKind.TABLE or current.lines[-1].page == line.page)
            ):
                current.lines.append(line)
                continue
            if note:
                current = Group(BlockKind.CAPTION, [line], "source")
            else:
                current = Group(BlockKind.TABLE, [line], "" if under_caption else "box")
                kept.add(id(current))
            out.append(current)
    kinds = {BlockKind.TEXT, BlockKind.LIST_ITEM, BlockKind.QUOTE, BlockKind.HEADING}  # centred: a heading's place
    for group in out:  # a display equation alone on its line: maths, no paragraph
        if len(group.lines) == 1 and group.kind in kinds and display(group.lines[0]):
            group.kind, group.label = BlockKind.TABLE, "equation"
    return _across_boxes(out, [g for g in out if id(g) in kept])


def _small_head(line: Line, text: list[Line], size: float, shared: frozenset[tuple[int, int, int]]) -> bool:
    """A heading of text set small (a journal's end matter: "Competing interests" over its statement).

    Set smaller than the body, short, no sentence, and in a family of its own: none of the lines of ``text``
    (the text under it, in one size with it) is set in its family; a box's title is in its text's family.
    Each line stands alone on its row of its column (``shared``: the rows a table's cells share).
    """
    return (
        line.size < size * BOX_SCALE
        and not any((ln.page, ln.column, round(ln.baseline)) in shared for ln in [line, *text])
        and any(len(ln.text) >= PROSE_LINE for ln in text)  # over prose, not over a table's cells
        and all(abs(ln.size - line.size) < SAME_SIZE for ln in text)
        and len(line.text.split()) <= FACE_WORDS
        and not line.text.rstrip().endswith((".", ",", ";"))
        and not re.match(r"[\[(]?\d", line.text)  # "[40] Author, A. …": a numbered entry's first line
        and all(face(ln) != face(line) for ln in text)
    )


def _small_heads(items: list[Group], body_groups: list[Group], size: float) -> tuple[list[Group], list[Group]]:
    """Headings of small type split off the text they head (or a line alone over the next group) as headings."""
    out_items, out_body = list(items), list(body_groups)
    shared = _shared_rows(items)
    text = {BlockKind.TEXT, BlockKind.LIST_ITEM}
    for k, group in enumerate(body_groups):
        if group.kind is not BlockKind.TEXT or not group.lines:
            continue
        first, rest = group.lines[0], group.lines[1:]
        nxt = body_groups[k + 1] if k + 1 < len(body_groups) else None
        after = nxt.lines if nxt is not None and nxt.kind in text and not rest else []
        if not _small_head(first, rest or after[:3], size, shared):
            continue
        if not rest:
            group.kind, group.label = BlockKind.HEADING, ""
            continue
        head = Group(BlockKind.HEADING, [first])
        group.lines = rest
        for where in (out_items, out_body):
            at = next(i for i, g in enumerate(where) if g is group)
            where.insert(at, head)
    return out_items, out_body


def _shared_rows(items: list[Group]) -> frozenset[tuple[int, int, int]]:
    """The rows (page, column, baseline) on which more than one line stands: a table's cells share their rows."""
    rows = Counter((ln.page, ln.column, round(ln.baseline)) for g in items for ln in g.lines)
    return frozenset(row for row, count in rows.items() if count > 1)


def _under_small_head(items: list[Group], group: Group) -> bool:
    """The group stands right under a heading of its size in another family: a section's text, not a box."""
    at = next(i for i, g in enumerate(items) if g is group)
    before = next((g for g in reversed(items[:at]) if g.kind not in {BlockKind.NOTE, BlockKind.FURNITURE}), None)
    if before is None or before.kind is not BlockKind.HEADING:
        return False
    return _small_head(before.lines[0], group.lines[:3], before.lines[0].size / BOX_SCALE + 1, _shared_rows(items))


_SUB_BULLETS = {"o", "-", "–", "§", "\uf0a7", "\uf0b7"}  # second-level bullets, drawn as a letter or a sign


def _sub_bullet(line: Line) -> bool:
    """The line opens with a sub-item's bullet: a lone "o" (or sign) in a font of its own, set apart from the text."""
    if len(line.runs) < 2:
        return False
    mark, text = line.runs[0], line.runs[1]
    return mark.text.strip() in _SUB_BULLETS and mark.font.name != text.font.name and text.x0 - mark.x1 > mark.size


def _sub_items(items: list[Group], body_groups: list[Group]) -> tuple[list[Group], list[Group]]:
    """A list item (or a paragraph) with a sub-item's bullet line inside it: the sub-item is an item of its own."""
    out_items, out_body = list(items), list(body_groups)
    for group in body_groups:
        if group.kind not in {BlockKind.LIST_ITEM, BlockKind.TEXT}:
            continue
        if group.kind is BlockKind.TEXT and _sub_bullet(group.lines[0]):
            group.kind, group.label = BlockKind.LIST_ITEM, group.lines[0].runs[0].text.strip()
        cuts = [k for k, line in enumerate(group.lines) if k and _sub_bullet(line)]
        if not cuts:
            continue
        parts = [group.lines[a:b] for a, b in itertools.pairwise([0, *cuts, len(group.lines)])]
        group.lines = parts[0]
        new = [Group(BlockKind.LIST_ITEM, part, part[0].runs[0].text.strip()) for part in parts[1:]]
        for where in (out_items, out_body):
            at = next(i for i, g in enumerate(where) if g is group) + 1
            where[at:at] = new
    return out_items, out_body


def column_edges(
    lines: Iterable[Line], hung_bullets: bool = False
) -> tuple[dict[tuple[int, int], float], dict[tuple[int, int], float]]:
    """Each column's edges on each page, from ``lines``: where its lines start (left), where its full lines end.

    ``hung_bullets``: a bullet hung out into the margin does not move the column's left edge.
    """
    left: dict[tuple[int, int], float] = {}
    right: dict[tuple[int, int], float] = {}
    for line in lines:
        key = (line.page, line.column)
        right[key] = max(right.get(key, 0.0), line.x1)
        x0 = line.x0 + line.size * 2 if hung_bullets and BULLET.match(line.text) else line.x0
        left[key] = min(left.get(key, x0), x0)
    return left, right


def _in_sentence(
    items: list[Group], body_groups: list[Group], size: float, family: str
) -> tuple[list[Group], list[Group]]:
    """A "Table 1." opening a line in the body's face and size, in a sentence left open above it, is no caption.

    It is the sentence's words ("… similar to the offices in / Table 1. The plan states …"); so is text in lower
    case after a full line that ends no sentence, though a gap sets it off (never after a display line, which
    stops short of the column's edge: "… = βX / where X is …" stays apart).
    """
    edge = column_edges(ln for g in body_groups for ln in g.lines)[1]

    def full(line: Line) -> bool:
        return line.x1 >= edge[line.page, line.column] - line.size

    gone: set[int] = set()
    into: dict[int, Group] = {}  # a group merged away → the paragraph it went into
    for before, group in itertools.pairwise(body_groups):
        target = into.get(id(before), before)
        head, last = group.lines[0], target.lines[-1]
        words = "".join(r.text for r, call in zip(last.runs, last.calls, strict=True) if not call).rstrip()
        same = (head.page, head.column) == (last.page, last.column)
        if (
            group.kind is BlockKind.CAPTION
            and target.kind is BlockKind.TEXT
            and same
            and abs(head.size - size) < 0.6
            and face(head) == family
            and not words.endswith(_SENTENCE_ENDS)
        ) or (
            # The rest of a sentence, set off by a gap (after an in-sentence "Table 4." line, or a line the
            # gap measure split): "… computed with the bootstrap method / and are shown in …".
            (
                id(before) in gone
                or (target.kind is BlockKind.TEXT and full(last) and not words.endswith(_SENTENCE_ENDS))
            )
            and group.kind is BlockKind.TEXT
            and same
            and head.text[:1].islower()
            and not display(last)  # a display equation's comma: the text after it is its own paragraph
        ):
            target.lines += group.lines
            gone.add(id(group))
            into[id(group)] = target
    return [g for g in items if id(g) not in gone], [g for g in body_groups if id(g) not in gone]


def _notes_run_on(items: list[Group], size: float, family: str) -> list[Group]:
    """A note's lines on a later page in a table's face are that page's table notes, not more of the note.

    A note cut by a page break goes on at the head of the next note area; where that area is a table's notes
    (its "Notes:" and lettered lines, in the table's face), they stand on the page as a group of their own. A face
    the note itself sets words in on its first page (a web address's) is the note's, not a table's.
    """
    out = list(items)
    for group in items:
        if group.kind is not BlockKind.NOTE or _boxed(group.lines[0], size, family):
            continue
        first = group.lines[0].page
        own = {r.font.family for ln in group.lines if ln.page == first for r in ln.runs if r.text.strip()}
        moved = [ln for ln in group.lines if ln.page > first and _boxed(ln, size, family) and face(ln) not in own]
        if not moved:
            continue
        group.lines = [ln for ln in group.lines if ln not in moved]
        for page in sorted({ln.page for ln in moved}):  # each page's lines where that page's groups stand
            at = max((i + 1 for i, g in enumerate(out) if g.lines[0].page <= page), default=len(out))
            out.insert(at, Group(BlockKind.NOTE, [ln for ln in moved if ln.page == page]))
    return out


def _caption_rows(items: list[Group], body_groups: list[Group]) -> tuple[list[Group], list[Group]]:
    """Text on a caption's own row, to its right, is the rest of the caption (a column split cut the row)."""
    gone: set[int] = set()
    for caption in body_groups:
        if caption.kind is not BlockKind.CAPTION:
            continue
        head = caption.lines[0]
        row = [head]  # the caption's first row, left to right, as far as it goes on
        found = True
        while found:
            found = False
            for group in body_groups:
                first = group.lines[0]
                if (
                    id(group) not in gone
                    and group is not caption
                    and len(group.lines) == 1
                    and group.kind is not BlockKind.CAPTION
                    and first.page == head.page
                    and abs(first.baseline - head.baseline) < 1
                    and row[-1].x1 <= first.x0 < row[-1].x1 + head.size * 2
                ):
                    row.append(first)
                    gone.add(id(group))
                    found = True
        caption.lines[1:1] = row[1:]
    return [g for g in items if id(g) not in gone], [g for g in body_groups if id(g) not in gone]


def _across_boxes(items: list[Group], body_groups: list[Group]) -> tuple[list[Group], list[Group]]:
    """A paragraph cut by a page or column break goes on after a box, table or figure set at the break."""
    left, right = column_edges(ln for g in body_groups if g.kind is BlockKind.TEXT for ln in g.lines)
    gone: set[int] = set()
    listed = False  # in the reference list: its entries end without a full stop as often as not
    for i, group in enumerate(body_groups):
        if group.kind is BlockKind.HEADING and REFERENCES_HEADING.match(_text(group)):
            listed = True
        if listed:
            _entry_goes_on(group, body_groups[i + 1 : i + 2], gone)
            continue
        if group.kind not in {BlockKind.TEXT, BlockKind.LIST_ITEM} or id(group) in gone:
            continue
        k = i + 1
        while k < len(body_groups) and body_groups[k].kind in {BlockKind.TABLE, BlockKind.CAPTION}:
            k += 1
        if k == len(body_groups):
            continue
        nxt, last = body_groups[k], group.lines[-1]
        first = nxt.lines[0]
        edge = left.get((first.page, first.column), 0.0)
        if group.kind is BlockKind.LIST_ITEM:  # an item goes on at its text's indent, not the column's edge
            edge = group.lines[1].x0 if len(group.lines) > 1 else float("-inf")
            if first.x0 < edge - first.size * 0.8:
                continue
        if (k > i + 1 and continues(group, nxt, right.get((last.page, last.column), 0.0), edge)) or _cut(
            group, nxt, edge
        ):
            group.lines += nxt.lines
            gone.add(id(nxt))
    return [g for g in items if id(g) not in gone], [g for g in body_groups if id(g) not in gone]


def _entry_goes_on(group: Group, following: list[Group], gone: set[int]) -> None:
    """A numbered entry cut by a column or page break goes on at the top of the next: set in at its text's indent.

    Only unnumbered text set in as far as the entry's own wrapped lines, in another column or on another page.
    """
    if group.kind is not BlockKind.LIST_ITEM or len(group.lines) < 2 or not following or id(group) in gone:
        return
    nxt, last = following[0], group.lines[-1]
    first = nxt.lines[0]
    moved = (first.page, first.column) != (last.page, last.column)
    if moved and nxt.kind in {BlockKind.TEXT, BlockKind.QUOTE} and first.x0 >= group.lines[1].x0 - first.size * 0.8:
        group.lines += nxt.lines
        gone.add(id(nxt))


_SENTENCE_ENDS = (".", "?", "!", "…", ":", ";", ".”", '."', "?”", ".)", ".’")


def _cut(group: Group, nxt: Group, left: float) -> bool:
    """A paragraph of several lines that stops mid-sentence at a page or column break goes on in the next text.

    The next text starts at its column's edge and does not open with the paragraph's own first word (as a list's
    next entry does); whatever letter it opens with (a name, a quotation mark), it is the rest of the sentence.
    """
    last, first = group.lines[-1], nxt.lines[0]
    words = "".join(r.text for r, call in zip(last.runs, last.calls, strict=True) if not call).rstrip()
    opening, after = group.lines[0].text.split()[:1], first.text.split()[:1]
    return (
        nxt.kind is BlockKind.TEXT
        and not (opening == after and after[0][:1].isupper())  # a list's next entry opens as the last one did
        and len(group.lines) > 1
        and (last.page, last.column) != (first.page, first.column)
        and abs(last.size - first.size) < 0.6
        and not words.endswith(_SENTENCE_ENDS)
        and not re.search(r"(?:://|www\.)\S*$", words)  # an address ends an entry, not a sentence
        and first.x0 <= left + first.size * 0.8
    )


def _rows_text(lines: list[Line]) -> str:
    """Lines as rows of text, one a line; where a line ends in a hyphen that says what it is, the word goes on.

    A hyphen drawn alone with an ActualText (see ``_hyphens``) is the word's own ("-": kept, "De-securitization")
    or the typesetter's (a soft hyphen: dropped); the two halves are then one word, not two rows.
    """
    out: list[str] = []
    glue = False
    for line in lines:
        last = line.runs[-1] if line.runs else None
        text = line.text
        if glue and out:
            out[-1] += text
        else:
            out.append(text)
        glue = last is not None and last.text.strip() in {"-", "\x02"} and last.actual in {"-", "\xad"}
        if glue and last is not None and last.actual == "\xad":
            out[-1] = out[-1].removesuffix("-")
    return "\n".join(out)


def _without_label(line: Line) -> Line:
    return replace(line, runs=line.runs[1:], calls=line.calls[1:])


def _span(lines: list[Line]) -> Span:
    return Span(tuple(ln.number for ln in lines))


def read_pdf(data: bytes, images: bool = True) -> Reading:
    """Read a PDF into numbered lines and blocks; raise :class:`ConversionError` if it cannot be read.

    ``images``: render each figure's and table's region as a PNG (``reading.figures``).
    """
    pages = read_pages(data)
    if not any(run.text.strip() for page in pages for run in page.runs):
        raise ConversionError([Diagnostic(Kind.NO_TEXT, 0, "the PDF has no text layer (a scan?); it needs OCR first")])
    share = unreadable_share(pages)
    if share > UNREADABLE_SHARE:
        message = (
            f"the PDF's text layer is not readable text ({share:.0%} of its characters are control or private-use "
            "codes: fonts without a Unicode map?); it needs OCR first"
        )
        raise ConversionError([Diagnostic(Kind.NO_TEXT, 0, message)])
    lost = make_readable(pages)  # before any line is made: no control character reaches the output
    reading = build(pages)
    reading.diagnostics += unreadable_findings(lost, reading)
    if images:  # (a table read into cells needs no image of it)
        render_figures(data, [f for f in reading.figures if not f.columns])
    return reading


def unreadable_findings(lost: dict[int, int], reading: Reading) -> list[Diagnostic]:
    """One finding for each page whose characters were unreadable, at its first line showing one (U+FFFD)."""
    if not lost:
        return []
    lines: dict[str, list[int]] = {}
    for number in range(1, len(reading.lines) + 1):
        lines.setdefault(reading.where(number), []).append(number)
    found: list[Diagnostic] = []
    for page, count in sorted(lost.items()):
        mine = lines.get(f"p{page}", [])
        line = next((n for n in mine if "\ufffd" in reading.lines[n - 1]), mine[0] if mine else 0)
        many = count > 1
        message = (
            f"{count} character{'s' if many else ''} on page {page} stand{'' if many else 's'} for no text (a font "
            "without a Unicode map?): each is written as U+FFFD (\ufffd); check the page against the PDF"
        )
        found.append(Diagnostic(Kind.UNREADABLE_TEXT, line, message))
    return found


def _hyphens(pages: list[Page]) -> None:
    """Say of each hyphen drawn alone whether it is the text's ("-") or the typesetter's (a soft hyphen).

    A tagged PDF's hyphen glyph stands for one of the two; the producer gives the other an ActualText.
    Where a font's hyphens carry an ActualText "-", its hyphens without one are the typesetter's.
    """
    runs = [run for page in pages for run in page.runs if run.text.strip() in {"\x02", "\xad", "-", "\u2010"}]
    marked = {run.font.name for run in runs if run.actual in {"-", "\u2010"}}
    for run in runs:
        if run.actual in {"-", "\u2010"}:
            run.actual = "-"
        elif run.actual is not None or run.font.name in marked:
            run.actual = "\xad"


def _figures(
    groups: list[Group],
    notes: list[Line],
    pages: list[Page],
    printed: list[Line],
    size: float,
    family: str,
    furniture: Iterable[Line] = (),
) -> list[Figure]:
    """Each caption's region: on the side of the caption where the paper sets its figures (or its tables).

    Most papers set a caption over its figure, the region below it, across its column, down to the next paragraph,
    a source line or the notes; a paper whose captions of a kind stand under their figures (:func:`_captions_under`)
    has the region above each, up to the text over it.
    ``printed``: the lines that may stand inside a region (the body's and the boxes' beside it); ``furniture``: the
    running heads and page numbers, which a region above a caption stops under.
    """
    heads = tuple(Group(BlockKind.FURNITURE, [ln]) for ln in furniture)
    text = Prose(size, family, _pitch_of_prose(printed, size, family))
    regions = {
        i: (_region_below(i, groups, notes, pages, text, printed), _region_above(i, groups, pages, text, heads))
        for i, group in enumerate(groups)
        if group.kind is BlockKind.CAPTION
    }
    under = _captions_under(groups, regions, pages, printed)
    found: list[Figure] = []
    for i, (below, above) in regions.items():
        caption = groups[i].lines
        page = caption[0].page
        kind = "table" if caption[0].text.lower().startswith("tab") else "figure"
        box = above if kind in under else below
        if box is None:
            continue
        box = _widened(box, pages[page - 1].images)
        number = sum(1 for f in found if f.name.startswith(kind)) + 1
        own = {ln.number for ln in caption}
        inside = [ln for ln in _inside(box, page, printed) if ln.number not in own]
        inside.sort(key=lambda ln: (-round(ln.baseline), ln.x0))  # row by row, as the eye reads a table
        found.append(
            Figure(caption[0].number, page, box, f"{kind}-{number}.png", lines=tuple(ln.number for ln in inside))
        )
    return found


Region = tuple[float, float, float, float]  # x0, bottom, x1, top


def _inside(box: Region, page: int, printed: list[Line]) -> list[Line]:
    """The lines printed inside a region of a page (a point's slack above and below)."""
    left, bottom, right, top = box
    return [
        ln
        for ln in printed
        if ln.page == page and bottom - 1 <= ln.bottom and ln.top <= top + 1 and ln.x1 > left and ln.x0 < right
    ]


def _caption_extent(groups: list[Group], i: int) -> tuple[list[Line], float, float]:
    """A caption's lines, and the left and right edges of its page's column."""
    caption = groups[i].lines
    page, column = caption[0].page, caption[0].column
    same = [ln for g in groups for ln in g.lines if ln.page == page and ln.column == column]
    # Another caption beside it, level with it (two figures side by side): each figure is as wide as its caption.
    left, right = min(ln.x0 for ln in caption), max(ln.x1 for ln in caption)
    low, high = min(ln.bottom for ln in caption), max(ln.top for ln in caption)
    if any(
        g.kind is BlockKind.CAPTION
        and g is not groups[i]
        and any(
            ln.page == page and ln.bottom < high and ln.top > low and (ln.x0 > right or ln.x1 < left) for ln in g.lines
        )
        for g in groups
    ):
        same = caption
    return caption, min(ln.x0 for ln in same) - 2, max(ln.x1 for ln in same) + 2


def _region_below(
    i: int, groups: list[Group], notes: list[Line], pages: list[Page], text: Prose, printed: Sequence[Line] = ()
) -> Region | None:
    """Below the caption, across its column, down to the next paragraph, a source line or the notes."""
    caption, left, right = _caption_extent(groups, i)
    page, column = caption[0].page, caption[0].column
    same = [ln for g in groups for ln in g.lines if ln.page == page and ln.column == column]
    top = min(ln.bottom for ln in caption) - 1
    # The next heading, caption or list item ends the region; so does a line of running text under it, in
    # any column it spans: a table's rows set at the text's size, too short for prose, are the table's.
    stops = [
        ln.top
        for g in groups[i + 1 :]
        if g.kind in {BlockKind.HEADING, BlockKind.CAPTION, BlockKind.LIST_ITEM}
        for ln in g.lines[:1]
        if ln.page == page and ln.x1 > left and ln.x0 < right
    ]
    stops += [ln.top for ln in _prose(groups, page, left, right, text)]
    # (a source line set small is no body group's: it is looked for among all the lines printed)
    stops += [
        ln.top
        for ln in [*same, *printed]
        if ln.page == page and ln.x1 > left and ln.x0 < right and ln.top < top and CAPTION_NOTE.match(ln.text)
    ]
    # A paragraph going on from an earlier column or page stands here too: where its lines here begin.
    stops += [
        on[0].top
        for g in groups
        if g.kind is not BlockKind.TABLE and (g.lines[0].page, g.lines[0].column) != (page, column)
        for on in [[ln for ln in g.lines if ln.page == page and ln.column == column]]
        if on
    ]
    stops += [ln.top for ln in notes if ln.page == page]
    bottom = max((t for t in stops if t < top), default=pages[page - 1].height * 0.08) + 1
    return (left, bottom, right, top) if top - bottom >= 20 else None


def _region_above(
    i: int, groups: list[Group], pages: list[Page], text: Prose, heads: tuple[Group, ...] = ()
) -> Region | None:
    """Above the caption, across its column, up to the running text, heading or caption over it."""
    caption, left, right = _caption_extent(groups, i)
    page = caption[0].page
    bottom = max(ln.top for ln in caption) + 1
    stops = [
        ln.bottom
        for g in [*groups, *heads]
        if g is not groups[i]
        and g.kind in {BlockKind.HEADING, BlockKind.CAPTION, BlockKind.LIST_ITEM, BlockKind.FURNITURE}
        for ln in g.lines[-1:]
        if ln.page == page and ln.x1 > left and ln.x0 < right and not _spread(ln, text)  # (a bold row: cells)
    ]
    # A paragraph's short last line is running text too: the line of its group right under a line of prose.
    # (a table's long cell, set in from the column's edge by more than INSET ems, is no paragraph's line)
    edge = left + 2  # (the region stands 2 points out from the text)
    prose = {ln.number: ln.bottom for ln in _prose(groups, page, left, right, text) if ln.x0 - edge <= INSET * ln.size}
    stops += list(prose.values())
    stops += [
        b.bottom
        for g in groups
        for a, b in pairwise(g.lines)
        if (a.number in prose or b.number in prose) and b.page == page and 0 < a.baseline - b.baseline < 2 * a.size
        if b.x1 > left and b.x0 < right
    ]
    top = min((t for t in stops if t > bottom), default=pages[page - 1].height * 0.92) - 1
    return (left, bottom, right, top) if top - bottom >= 20 else None


@dataclass(frozen=True, slots=True)
class Prose:
    """How the body's running text is set: its size, its face, the width of its characters (ems a character)."""

    size: float
    family: str
    pitch: float


def _char_pitch(line: Line) -> float:
    """How wide the line sets a character, spaces included, in ems."""
    return (line.x1 - line.x0) / max(len(line.text), 1) / max(line.size, 1.0)


def _pitch_of_prose(lines: list[Line], size: float, family: str) -> float:
    """The usual width of a character of the running text, in ems (0 where there is none)."""
    pitches = sorted(_char_pitch(ln) for ln in lines if _running_text(ln, size, family) and not _cells(ln))
    return pitches[len(pitches) // 2] if pitches else 0.0


def _prose(groups: list[Group], page: int, left: float, right: float, text: Prose) -> list[Line]:
    """The lines of running text on a page between two edges (no table's cells, however long).

    A row of cells the producer writes as one piece of text, its cells set apart by wide gaps, sets its characters
    further apart than prose does: more than SPREAD times the running text's usual width a character.
    """
    return [
        ln
        for g in groups
        if g.kind in {BlockKind.TEXT, BlockKind.QUOTE}
        for ln in g.lines
        if ln.page == page and ln.x1 > left and ln.x0 < right and _running_text(ln, text.size, text.family)
        if not _cells(ln) and not _spread(ln, text)
    ]


def _spread(line: Line, text: Prose) -> bool:
    """The line sets its characters more than SPREAD times as far apart as the running text: a row of cells."""
    return bool(text.pitch) and _char_pitch(line) > SPREAD * text.pitch


def _captions_under(
    groups: list[Group], regions: dict[int, tuple[Region | None, Region | None]], pages: list[Page], printed: list[Line]
) -> set[str]:
    """The kinds of caption ("figure", "table") the paper sets under what they caption, not over it.

    A caption with nothing under it before the text goes on (no region, or one holding no line and no image) stands
    under its figure; one with nothing over it stands over it. Where more of a kind's captions say under than over,
    that is how the paper sets them all.
    """
    votes: Counter[tuple[str, bool]] = Counter()
    for i, (below, above) in regions.items():
        caption = groups[i].lines
        kind = "table" if caption[0].text.lower().startswith("tab") else "figure"
        page = pages[caption[0].page - 1]
        own = {ln.number for ln in caption}
        for box, under in ((below, True), (above, False)):
            empty = box is None or not (
                [ln for ln in _inside(box, page.number, printed) if ln.number not in own]
                or any(_meets(box, image) for image in page.images)
            )
            votes[kind, under] += empty
    return {kind for kind in ("figure", "table") if votes[kind, True] > votes[kind, False]}


def _widened(box: Region, images: list[Box]) -> Region:
    """The region across the whole width of the images it meets (a figure set wider than the caption's column)."""
    left, bottom, right, top = box
    meets = [image for image in images if _meets(box, image)]
    return (min([left, *(i.x0 for i in meets)]), bottom, max([right, *(i.x1 for i in meets)]), top)


def _meets(box: Region, image: Box) -> bool:
    """The image reaches into the region."""
    left, bottom, right, top = box
    return image.x0 < right and image.x1 > left and image.bottom < top and image.top > bottom


# A page's number with its part's prefix, printed whole as the page's label ("A-3" in an appendix, "XY-12").
PAGE_LABEL = re.compile(r"^[A-Z]{1,4}-\d{1,4}$")


def printed_numbers(lines: list[Line]) -> dict[int, str]:
    """Each page's number as printed on it: its page-number furniture line ("7", "Page 7 of 30" → "7", "A-3")."""
    found: dict[int, str] = {}
    for line in lines:
        text = line.text.strip()
        if line.role != "furniture" or line.page in found:
            continue
        if PAGE_LABEL.match(text):
            found[line.page] = text
        elif PAGE_NUMBER.match(text):
            number = re.search(r"\d{1,4}|\b[ivxlcdm]{1,7}\b", text.lower().removeprefix("page"))
            if number:
                found[line.page] = number.group()
    return found


def _note_start(line: Line) -> bool:
    """A table's note opens on this line: "Source:", "Notes:", or a lettered note ("a. …")."""
    return bool(CAPTION_NOTE.match(line.text) or TABLE_NOTE.match(line.text))


def _table_lines(items: list[Group], at: int, region: list[Line]) -> list[Line]:
    """A table's lines: those of its region and its rows after the caption at ``at``, up to its first note.

    The rows that follow the caption as table groups (over a page break too) are the table's, up to the first
    group of the body or the first line opening a note of the table's.
    """
    stop = next((ln for ln in region if _note_start(ln)), None)
    mine = [ln for ln in region if stop is None or ln.page != stop.page or ln.baseline > stop.baseline + 1]
    for k, group in enumerate(items[at + 1 :], start=at + 1):
        if _heading_in_table(items, k, mine):
            mine += group.lines
        elif group.kind is BlockKind.TABLE and group.label != "equation":
            rows = list(itertools.takewhile(lambda ln: not _note_start(ln), group.lines))
            mine += rows
            if len(rows) < len(group.lines):
                break
        elif group.lines and group.kind not in {BlockKind.NOTE, BlockKind.FURNITURE} and group.lines[0].role == "body":
            break
    notes = {ln.number for ln in region if stop is not None and not any(ln is m for m in mine)}
    mine = [ln for ln in {ln.number: ln for ln in mine}.values() if ln.number not in notes]
    have = {ln.number for ln in mine}
    return mine + [ln for ln in _beside(items, mine) if ln.number not in have]


def _beside(items: list[Group], rows: list[Line]) -> list[Line]:
    """Table lines the page's reading set aside (as a sidebar) that stand among a table's rows on their page.

    A table's right-hand columns on a page it runs on to can be read as a column of their own, placed after the
    page's text: where they stand between the table's top and bottom rows there, they are its.
    """
    extent: dict[int, tuple[float, float]] = {}
    for line in rows:
        low, high = extent.get(line.page, (line.baseline, line.baseline))
        extent[line.page] = (min(low, line.baseline), max(high, line.baseline))
    found: list[Line] = []
    for group in items:
        if group.kind is not BlockKind.TABLE or not group.lines or any(ln.role != "aside" for ln in group.lines):
            continue
        for line in group.lines:
            low, high = extent.get(line.page, (1.0, 0.0))
            upright = not any(run.turned for run in line.runs)  # (a stamp up the margin is no table's)
            if upright and low - line.size <= line.baseline <= high + line.size and not _note_start(line):
                found.append(line)
    return found


def _heading_in_table(items: list[Group], k: int, rows: list[Line]) -> bool:
    """A "heading" amid a table's rows: cells in the rows' face, more rows (or such headings) after it before text."""
    group = items[k]
    if group.kind is not BlockKind.HEADING or not group.lines:
        return False
    skip = {BlockKind.NOTE, BlockKind.FURNITURE, BlockKind.HEADING}
    after = next((g for g in items[k + 1 :] if g.lines and g.kind not in skip), None)
    if after is None or after.kind is not BlockKind.TABLE or after.lines[0].page != group.lines[0].page:
        return False
    row = rows[0] if rows else after.lines[0]  # (under a caption at a page's foot: the rows after it)
    return all(face(ln) == face(row) and ln.size <= row.size for ln in group.lines)


def _notes_apart(items: list[Group], at: int) -> None:
    """The table groups after a table's rows that open with a note: one "source" caption group per note."""
    k = at + 1
    while k < len(items):
        group = items[k]
        if group.kind is BlockKind.TABLE and group.lines and _note_start(group.lines[0]):
            pieces: list[Group] = []
            for line in group.lines:
                if _note_start(line) or not pieces:
                    pieces.append(Group(BlockKind.CAPTION, [line], "source"))
                else:
                    pieces[-1].lines.append(line)
            items[k : k + 1] = pieces
            k += len(pieces)
        elif group.kind in {BlockKind.NOTE, BlockKind.FURNITURE, BlockKind.CAPTION} or not group.lines:
            k += 1
        else:
            return


def _cells(line: Line) -> bool:
    """The line's runs stand an em or more apart somewhere: a table's cells on a row, no line of prose."""
    return any(b.x0 - a.x1 >= line.size for a, b in pairwise(line.runs))


def _running_text(line: Line, size: float, family: str) -> bool:
    """A line of the body's running text: as long as prose, in the body's face and no smaller (no table cell)."""
    return len(line.text) >= PROSE_LINE and face(line) == family and line.size >= size * BOX_SCALE


def _tables(
    items: list[Group], figures: list[Figure], pages: list[Page], by_number: dict[int, Line], found: list[Diagnostic]
) -> list[Group]:
    """Each table's cells read from its lines' geometry; its lines gathered as one table group under its caption.

    The lines of a table's region go with the table wherever the grouping put them (a column of figures read as
    a paragraph of its own): its text then stands in the table (or in its image's description), nowhere else.
    Its notes, where the grouping took them for rows, become its notes. Lines of running text (``by_number``
    leaves them out) are never a table's, whatever region they stand in. A table caption with no region under it
    on its page (set at the page's foot, its rows on the next) is read from the rows after it: a table of its
    own where they make one (no image, the region being empty).
    """
    regions = {f.line: f for f in figures if f.name.startswith("table")}
    captions = [g.lines[0] for g in items if g.kind is BlockKind.CAPTION and g.label == "table" and g.lines]
    for caption in captions:
        figure = regions.get(caption.number)
        at = next((i for i, g in enumerate(items) if g.lines and g.lines[0].number == caption.number), None)
        if at is None:
            continue
        region = [by_number[n] for n in figure.lines if n in by_number] if figure else []
        lines = [ln for ln in _table_lines(items, at, region) if ln.number in by_number]
        if not lines:
            continue
        rules = {p: pages[p - 1].rules for p in {ln.page for ln in lines}}
        grid = read_table(lines, rules)
        if figure is None:
            if grid is None:
                continue  # (no region, no grid: the rows stay as read, reported by the captions stage)
            figure = Figure(caption.number, caption.page, (0.0, 0.0, 0.0, 0.0), f"table-{len(figures) + 1}.png")
            figures.append(figure)
        if grid is None:
            message = "a table whose cells could not be read into a grid: kept as an image, its cells its description"
            found.append(Diagnostic(Kind.PDF_LAYOUT, figure.line, message))
        else:
            figure.header, figure.body, figure.columns = grid.header, grid.body, grid.columns
            for doubt in grid.doubts:
                found.append(Diagnostic(Kind.PDF_LAYOUT, figure.line, f"table: {doubt}; check the cells"))
        mine = set(grid.lines) if grid is not None else {ln.number for ln in lines}
        if grid is not None:  # lines between the caption and the table's first row: its subtitle (a key, a date)
            top = (
                max(ln.top for ln in lines if ln.number in mine and ln.page == caption.page)
                if any(ln.number in mine and ln.page == caption.page for ln in lines)
                else None
            )
            above = [
                ln for ln in lines if ln.number not in mine and ln.page == caption.page and top and ln.bottom >= top
            ]
            figure.subtitle = [(ln.number, ln.text) for ln in sorted(above, key=lambda ln: -ln.baseline)]
            mine |= {ln.number for ln in above}
        lines = [ln for ln in lines if ln.number in mine]
        for group in items:
            if group is not items[at]:
                group.lines = [ln for ln in group.lines if ln.number not in mine]
        items.insert(at + 1, Group(BlockKind.TABLE, lines, ""))
        _notes_apart(items, at + 1)
    return [g for g in items if g.lines]


def build(pages: list[Page]) -> Reading:
    """Blocks from the pages' geometry (pure: no I/O)."""
    diagnostics: list[Diagnostic] = []
    lines = [maths_spaces(join_scripts(join_operators(join_numbers(page_lines(page))))) for page in pages]
    numbered = [ln for page in lines for ln in page]
    for number, line in enumerate(numbered, start=1):
        line.number = number
    where = {ln.number: f"p{ln.page}" for ln in numbered}
    mark_furniture(pages, lines)
    mark_contents(lines)
    ruled = frozenset(
        n
        for page, page_lines_ in zip(pages, lines, strict=True)
        for n in ruled_feet(page, page_lines_) | labelled_feet(page_lines_)
    )
    size = body_size(numbered, ruled)
    carried = None  # the last note line so far: a note may go on at the next column's or page's foot
    for page, page_lines_ in zip(pages, lines, strict=True):
        mark_sidebar(page_lines_, page.width, body_size(page_lines_))
        carried = mark_notes(page, page_lines_, size, carried)
    found = find_front(lines, size)
    authors = find_back(numbered, size, pages[0].width, found.banner)
    steps = pitch([ln for ln in numbered if ln.role in {"body", "note", "back"}])
    links: dict[int, list[Link]] = {}
    for page, page_lines_ in zip(pages, lines, strict=True):
        links[page.number], refused = trusted_links(page.links, page_lines_)  # a javascript: link opens nothing
        diagnostics += refused
    for page in pages:
        if page.rotation:
            first = next((ln.number for ln in numbered if ln.page == page.number), 0)
            diagnostics.append(Diagnostic(Kind.PDF_LAYOUT, first, f"page {page.number} is rotated; read as laid out"))
        if page.overprinted:
            first = next((ln.number for ln in numbered if ln.page == page.number), 0)
            message = f"page {page.number}: {page.overprinted} pieces of text drawn twice on the same spot; read once"
            diagnostics.append(Diagnostic(Kind.PDF_LAYOUT, first, message))

    items, body_groups, justified = _items(lines, found, size, steps, diagnostics)
    items = _endnotes(items)
    kept = {id(g) for g in items}  # by identity: comparing groups field by field is quadratic in their lines
    body_groups = [g for g in body_groups if id(g) in kept]
    family = body_face(numbered, size)
    items, body_groups = _boxes(items, body_groups, size, family)
    heading_levels(body_groups, size)
    printed = [ln for ln in numbered if ln.role in {"body", "aside"}]
    furniture = [ln for ln in numbered if ln.role == "furniture"]
    note_lines = [ln for ln in numbered if ln.role == "note"]
    figures = _figures(body_groups, note_lines, pages, printed, size, family, furniture)
    running = {ln.number for ln in numbered if _running_text(ln, size, family)}
    items = _tables(items, figures, pages, {ln.number: ln for ln in numbered if ln.number not in running}, diagnostics)
    spaced = writes_spaces([ln for ln in numbered if ln.role == "body"])
    notes = [item for item in items if item.kind is BlockKind.NOTE]
    note_pages: dict[str, set[int]] = {}
    for note in notes:
        note_pages.setdefault(note.label, set()).add(note.lines[0].page)
    calls = Calls({n.label for n in notes}, note_pages=note_pages, page_of={ln.number: ln.page for ln in numbered})
    separate = separates_hyphens([[r.text for r in ln.runs] for ln in numbered])
    _hyphens(pages)
    context = Context(links, spaced, vocabulary([ln.text for ln in numbered]), separate)
    # What the front matter gives: a box of nothing else (a summary page's date) is not printed again.
    given = [found.date, found.byline, *found.sidebar, *found.names]
    front_words = {" ".join(ln.text.split()) for ln in given if ln is not None} | {found.number} - {""}
    items = panels(items, pages, front_words, steps)
    blocks = [_block(item, context, calls) for item in items]
    for number, text in calls.stray:
        message = f"raised {text!r} calls no note on its page or after it (a citation number, a power?); kept as text"
        diagnostics.append(Diagnostic(Kind.PDF_LAYOUT, number, message))
    for label in sorted({i.label for i in items if i.kind is BlockKind.NOTE and not i.label.isdigit()} - {"*"}):
        at = next(i.lines[0].number for i in items if i.kind is BlockKind.NOTE and i.label == label)
        diagnostics.append(Diagnostic(Kind.PDF_LAYOUT, at, f"note {label!r}: only numbered notes and '*' are linked"))
    for number, word, dropped in context.doubts:
        done = "taken for the typesetter's and dropped" if dropped else "kept as the word's own"
        diagnostics.append(
            Diagnostic(Kind.PDF_LAYOUT, number, f"the hyphen in {word!r} at a line end was {done}; check")
        )
    back_lines = columns_first([ln for ln in numbered if ln.role == "back"])
    back = [_block(g, context, Calls(set())) for g in group_lines(back_lines, size, steps, justified=justified)]
    evidence = _evidence(found, context, steps, size, cased([ln.text for ln in numbered if ln.role == "body"]))
    # A number only the body's close prints (set apart as furniture there) is the report's too.
    evidence.number = evidence.number or next(
        (ln.text for ln in numbered if ln.role == "furniture" and REPORT_NUMBER.match(ln.text)), ""
    )
    diagnostics += found.findings
    evidence.back, evidence.back_authors, evidence.signature = back, authors, signatory(numbered)
    date = found.date
    date_node = None
    if date is not None:  # (a running head's date: the first day its line prints)
        date_node = DateLine(date.text, line_date(date.text) or first_day(date.text), Span((date.number,)))
    return Reading(
        lines=[ln.text for ln in numbered],
        blocks=blocks,
        where=lambda n: where.get(n, "p1"),
        evidence=evidence,
        date=date_node,
        furniture=sum(1 for b in blocks if b.kind is BlockKind.FURNITURE),
        figures=figures,
        boxes={ln.number: (ln.page, (ln.x0, ln.bottom, ln.x1, ln.top)) for ln in numbered},
        printed=printed_numbers(numbered),
        diagnostics=diagnostics,
    )


def _items(
    lines: list[list[Line]], found: FrontLines, size: float, steps: dict[float, float], diagnostics: list[Diagnostic]
) -> tuple[list[Group], list[Group], bool]:
    """Page after page: the body's blocks (one cut by a break joined where it starts), the notes, the furniture.

    Returns every group in output order, the body's groups, and whether the body is set justified.
    """
    numbered = [ln for page in lines for ln in page]
    items: list[Group] = []  # body groups, notes and furniture in output order
    body_groups: list[Group] = []
    last_note: Group | None = None
    numbers = [0]  # the last note number seen: numbered notes come in order
    left, right = column_edges((ln for ln in numbered if ln.role == "body"), hung_bullets=True)
    justified = is_justified([ln for ln in numbered if ln.role == "body" and abs(ln.size - size) < 0.6])
    measures: dict[tuple[int, int], float] = {}
    hang: dict[str, float] = {}
    if justified:
        measures, hang = _measures([ln for ln in numbered if ln.role == "body" and abs(ln.size - size) < SAME_SIZE])
    mark_faces([ln for ln in numbered if ln.role == "body"], size)
    family = body_face(numbered, size)
    listing = False  # under the reference list's heading
    for page_lines_ in lines:
        body = [ln for ln in page_lines_ if ln.role == "body"]
        groups = group_lines(body, size, steps, body_size(body), justified)
        # The page's text ends in a table's rows: what stands in small type below them is the table's (its notes,
        # its last rows), kept with it, no finding.
        table_foot = (
            min(ln.bottom for ln in groups[-1].lines) if groups and groups[-1].kind is BlockKind.TABLE else None
        )
        for group in _entries(groups, listing, justified):
            if group.kind is BlockKind.HEADING:
                listing = bool(REFERENCES_HEADING.match(_text(group)))
            elif listing and group.kind is BlockKind.TABLE and not group.label:
                # Under the reference list's heading, small type is its entries (a page of body text beside them
                # sets the page's size): text, whose entries go on over a page break as a paragraph does.
                group.kind = BlockKind.TEXT
            prev = body_groups[-1] if body_groups else None
            opening = group.lines[0]
            if (
                prev is not None
                and len(body_groups) > 1
                and prev.lines[0].page < opening.page
                and face(prev.lines[-1]) != face(opening) == face(body_groups[-2].lines[-1])
                and prev.lines[0].size < size
            ):
                # A line set small in another face at the page's foot (an affiliation) stands between a paragraph
                # and its rest on the next page: the paragraph goes on past it, in its own face.
                prev = body_groups[-2]
            edge = left[opening.page, opening.column]
            past = _before_figures(body_groups, opening, family)
            # Only the body text is known to be justified: smaller type (a reference list) may be set ragged; and a
            # reference list's entries may stand apart where the body's paragraphs open indented.
            flush = justified and abs(opening.size - size) < SAME_SIZE
            indented = not listing and opens_indented(body_groups)
            cut = next(
                (
                    g
                    for g in (prev, past)
                    if g is not None
                    and continues(g, group, _right(g, right, measures, hang), edge, flush, indented)
                    and not (listing and _closed_entry(g, group))
                ),
                None,
            )
            if cut is not None:
                cut.lines += group.lines  # a paragraph cut by a page or column break, placed where it starts
                continue
            body_groups.append(group)
            items.append(group)
        raised = {r.text.strip() for ln in body for r, up in zip(ln.runs, ln.calls, strict=True) if up}
        for opens, note in _note_groups([ln for ln in page_lines_ if ln.role == "note"], numbers, raised, steps):
            label = note[0].runs[0].text.strip().rstrip(".")
            tabled = table_foot is not None and note[0].top <= table_foot
            if opens and numbers[0] > 0 and _LETTER_LABEL.fullmatch(label):
                # Lettered notes where the notes are numbered: a table's own notes, kept as text after it (a finding
                # only where they stand under no table's rows).
                if not tabled:
                    message = f"note {label!r} among numbered notes: a table's note, kept as text"
                    diagnostics.append(Diagnostic(Kind.PDF_LAYOUT, note[0].number, message))
                last_note = Group(BlockKind.TABLE, note)
                items.append(last_note)
            elif opens:
                last_note = Group(BlockKind.NOTE, note, label)
                items.append(last_note)
            elif last_note is not None and _goes_on(last_note.lines[-1], note[0]):
                last_note.lines += note  # a note cut by the page break goes on at the head of the next note area
            elif (
                last_note is not None
                and note[0].page - last_note.lines[-1].page == 1
                and abs(note[0].x0 - min(ln.x0 for ln in last_note.lines)) < note[0].size
                and same_type(note[0], last_note.lines[-1])
            ):
                # Unlabelled at the head of the next page's notes, in the note's type at the edge its lines start at,
                # after a note that ended a sentence: most likely its rest (a note breaks at a sentence's end too),
                # joined, with a finding. (A table's cells set in the notes' size start elsewhere.)
                message = f"unlabelled small type heading the page's notes taken for note {last_note.label}'s rest"
                diagnostics.append(Diagnostic(Kind.PDF_LAYOUT, note[0].number, message))
                last_note.lines += note
            else:
                if not tabled:
                    message = "small type at the page's foot without a note's label: kept as printed after the page"
                    diagnostics.append(Diagnostic(Kind.PDF_LAYOUT, note[0].number, message))
                items.append(Group(BlockKind.TABLE, note))
        aside = [ln for ln in page_lines_ if ln.role == "aside"]
        if aside:
            items.append(Group(BlockKind.TABLE, aside))  # a box beside the text, after the page's body
        for line in page_lines_:
            if line.role in {"furniture", "contents"} or (line.role == "front" and not _in_front(line, found)):
                items.append(Group(BlockKind.FURNITURE, [line]))
    return items, body_groups, justified


def _closed_entry(prev: Group, group: Group) -> bool:
    """In a reference list, ``group`` opens an entry of its own, not ``prev``'s rest: two entries, not one cut.

    ``prev`` ends in an address and ``group`` opens with a word; or ``group`` opens with ``prev``'s own first word,
    capitalised (the next work of the same author).
    """
    opening, after = prev.lines[0].text.split()[:1], group.lines[0].text.split()[:1]
    return bool(_CLOSING_ADDRESS.search(prev.lines[-1].text) and _OPENING_WORD.match(group.lines[0].text)) or (
        opening == after and after[0][:1].isupper()
    )


def _measures(lines: list[Line]) -> tuple[dict[tuple[int, int], float], dict[str, float]]:
    """Where each column's justified lines end, and how far past it a line ending in a mark ends (its "hang").

    The measure is the end most lines ending in a letter or digit share (at least two); a hyphen or a full stop
    may hang past it (optical margins), by as much on every line it ends: the document's own marks say how much.
    """
    ends: dict[tuple[int, int], Counter[float]] = {}
    for line in lines:
        if line.text[-1:].isalnum():
            ends.setdefault((line.page, line.column), Counter())[round(line.x1, 1)] += 1
    shared = {key: counts.most_common(1)[0] for key, counts in ends.items()}
    measures = {key: end for key, (end, count) in shared.items() if count >= 2}
    past: dict[str, Counter[float]] = {}
    for line in lines:
        key = (line.page, line.column)
        if line.text[-1:] and not line.text[-1].isalnum() and key in measures:
            past.setdefault(line.text[-1], Counter())[round(line.x1 - measures[key], 1)] += 1
    shared_past = {mark: counts.most_common(1)[0] for mark, counts in past.items()}
    return measures, {mark: by for mark, (by, count) in shared_past.items() if count >= 2 and by > 0}


def _right(
    group: Group,
    right: dict[tuple[int, int], float],
    measures: dict[tuple[int, int], float] | None = None,
    hang: dict[str, float] | None = None,
) -> float:
    """The right edge of the column a group's last line stands in.

    Justified, the column's measure, past it by the line's last mark's ``hang``; where the document says nothing
    of that mark (or of the column), the farthest end of the column's lines.
    """
    last = group.lines[-1]
    key, mark, hang = (last.page, last.column), last.text[-1:], hang or {}
    if measures and key in measures and (mark.isalnum() or mark in hang):
        return measures[key] + hang.get(mark, 0.0)
    return right[key]


def _before_figures(body_groups: list[Group], opening: Line, family: str) -> Group | None:
    """The last group before a figure's matter, which a text opening a page or column may go on from.

    A figure or table set at a page's or column's head (or on a page of its own) stands between a paragraph and
    its rest: its captions, and text set smaller than the opening line (a chart's labels, a caption run on into
    the next column), are passed over; so are the lines above a caption on its page and column that are no
    running text (a table's rows over its caption, in the text's size). A heading (larger) or text of the
    opening's size ends the search.
    """
    caption: Line | None = None  # the caption passed over last: what stands above it may be its table's
    for group in reversed(body_groups):
        first = group.lines[0]
        if group.kind is BlockKind.CAPTION:
            caption = first
            continue
        if first.size < opening.size - SAME_SIZE:
            continue
        rows = caption is not None and all(
            ln.page == caption.page and ln.column == caption.column and not _running_text(ln, opening.size, family)
            for ln in group.lines
        )
        if not rows:
            return group
    return None


def _far_below(above: Line, line: Line, steps: dict[float, float]) -> bool:
    """``line`` stands NOTE_APART of its size's usual pitch or more under ``above``, on the same page."""
    pitch = steps.get(round(line.size, 1), line.size * 1.2)
    return above.page == line.page and above.baseline - line.baseline >= NOTE_APART * pitch


#: Pitches between a note's line and the next line of the note area at which that line is no more of the note.
NOTE_APART = 2.0


def _goes_on(last: Line, line: Line) -> bool:
    """Unlabelled note text can go on from the last note: on the same or the next page, the note unfinished."""
    unfinished = not last.text.rstrip().endswith((".", "?", "!", ".)", ".”", '."'))
    return line.page - last.page in {0, 1} and (unfinished or line.text[:1].islower())


def _endnotes(items: list[Group]) -> list[Group]:
    """A notes section at the end ("Notes", "Endnotes"): its numbered entries are the notes, the heading goes.

    Only where the pages carry no footnotes: then the entries, numbered 1, 2, 3… in order, are the notes.
    """
    if any(g.kind is BlockKind.NOTE for g in items):
        return items
    start = next(
        (i for i, g in enumerate(items) if g.kind is BlockKind.HEADING and ENDNOTES_HEADING.match(_text(g))), None
    )
    if start is None:
        return items
    end = next((i for i in range(start + 1, len(items)) if items[i].kind is BlockKind.HEADING), len(items))
    section = [ln for g in items[start + 1 : end] if g.kind is not BlockKind.FURNITURE for ln in g.lines]
    # Where most entries raise their number, a line opening with a number set level is an entry's rest ("18 January").
    labelled = [ln for ln in section if _ENDNOTE_LABEL.match(ln.text)]
    raised = sum(ln.first_is_call for ln in labelled) * 2 > len(labelled)
    notes: list[Group] = []
    for line in section:
        label = _ENDNOTE_LABEL.match(line.text) if line.first_is_call or not raised else None
        numbered = sum(1 for n in notes if n.label.isdigit())
        if label and (not label.group(1).isdigit() or int(label.group(1)) == numbered + 1):
            notes.append(Group(BlockKind.NOTE, [line], label.group(1)))
        elif notes:
            notes[-1].lines.append(line)
        else:
            return items  # text before the first entry: not a list of notes
    if not notes:
        return items
    furniture = [g for g in items[start + 1 : end] if g.kind is BlockKind.FURNITURE]
    return [*items[:start], Group(BlockKind.FURNITURE, items[start].lines), *notes, *furniture, *items[end:]]


def _text(group: Group) -> str:
    return " ".join(ln.text for ln in group.lines)


def _entries(groups: list[Group], listing: bool, justified: bool) -> list[Group]:
    """The page's groups, those under the reference list's heading parted into entries where set justified.

    Only in a document whose text is set justified (``justified``): a ragged list's lines may end level by chance.
    """
    out: list[Group] = []
    for group in groups:
        if group.kind is BlockKind.HEADING:
            listing = bool(REFERENCES_HEADING.match(_text(group)))
            out.append(group)
        elif justified and listing and group.kind in {BlockKind.TEXT, BlockKind.TABLE} and not group.label:
            out += justified_entries(group)
        else:
            out.append(group)
    return out


def _note_groups(
    lines: list[Line],
    numbers: list[int],
    raised: set[str] | frozenset[str] = frozenset(),
    steps: dict[float, float] | None = None,
) -> list[tuple[bool, list[Line]]]:
    """Split a page's note lines at each note's first line: (opens a note, lines).

    A labelled line opens a note if its number comes next or the page's text raises it as a call (numbering
    that restarts, a number skipped): a wrapped line starting "134." does neither. An unlabelled line standing
    NOTE_APART times its size's pitch (``steps``) or more below the line above goes on no note: a line of the page's
    foot (an imprint, a page number) stands apart, and is kept apart.
    """
    groups: list[tuple[bool, list[Line]]] = []
    for line in lines:
        label = line.runs[0].text.strip().rstrip(".")
        opens = is_labelled(line) and (not label.isdigit() or int(label) == numbers[0] + 1 or label in raised)
        if opens and label.isdigit():
            numbers[0] = int(label)
        if opens or not groups or _far_below(groups[-1][1][-1], line, steps or {}):
            groups.append((opens, [line]))
        else:
            groups[-1][1].append(line)
    return groups


def _in_front(line: Line, found: FrontLines) -> bool:
    kept = [*found.title, found.date, found.byline, *found.names, *found.sidebar, *found.labels, *found.abstract]
    kept += found.keywords + found.run_in
    return any(line is k for k in kept)


def _evidence(
    found: FrontLines, context: Context, steps: dict[float, float], size: float, words: frozenset[str] = frozenset()
) -> FrontEvidence:
    """The front matter's lines rendered as text, with their place: the evidence the structure stage decides from.

    ``words``: the words the document prints in small letters (a title set in capitals is written in title case).
    """
    evidence = FrontEvidence(number=found.number, doi=found.doi, series=found.series)
    if found.title:
        rows = title_rows(found.title)
        # A word set small and raised before the title's first word ("OPEN", an access badge) calls no note.
        lead = next((i for i, call in enumerate(rows[0].calls) if not call), 0)
        if lead:
            badge = " ".join(r.text.strip() for r in rows[0].runs[:lead])
            rows[0] = replace(rows[0], runs=rows[0].runs[lead:], calls=rows[0].calls[lead:])
            message = f"{badge!r}, set small before the title, is left out of it: a label?"
            found.findings.append(Diagnostic(Kind.SUSPICIOUS_FRONT, rows[0].number, message))
        parts = [_block(Group(BlockKind.HEADING, p), context, Calls(set())).text for p in title_parts(rows)]
        evidence.title = [in_title_case(part, words) for part in parts]
        evidence.title_span = _span(found.title)
    if found.byline is not None:
        evidence.byline = _seen([found.byline])
    # The names without the marks raised after them (a letter glued to a name would make another name); set in
    # capitals, with small letters (as printed elsewhere, or a guess the front's findings name).
    evidence.names = AuthorLines(
        [Seen(found.written.get(ln.number) or name_text(ln), _span([ln]), ln.page) for ln in found.names],
        [found.written.get(ln.number) or name_text(ln) for ln in by_column(found.names)],
    )
    evidence.sidebar = AuthorLines([_seen([ln]) for ln in found.sidebar], [ln.text for ln in by_column(found.sidebar)])
    evidence.labels = [_seen([label]) for label in found.labels]
    for group in group_lines(found.abstract, size, steps):
        block = _block(Group(BlockKind.TEXT, group.lines), context, Calls(set()))
        evidence.abstract.append(Paragraph(block.text, block.span))
    if found.keywords:
        # Joined as a paragraph's lines are: a word the typesetter hyphenated at the line's end is one word again.
        pieces = join_lines(
            found.keywords, context.links, False, context.spaced, context.words, context.separate_hyphens
        )
        evidence.keywords = Seen(" ".join("".join(piece.text for piece in pieces).split()), _span(found.keywords))
    evidence.banner = _seen([found.banner]) if found.banner is not None else None
    evidence.imprint = _seen([found.imprint]) if found.imprint is not None else None
    evidence.masthead = _seen([found.masthead]) if found.masthead is not None else None
    evidence.history = [_seen([ln]) for ln in found.history]
    evidence.affiliations = [Seen(e.text, _span(e.lines), e.lines[0].page) for e in found.affiliations]
    return evidence


def _seen(lines: list[Line]) -> Seen:
    return Seen(" ".join(ln.text for ln in lines), _span(lines), lines[0].page)


@dataclass(frozen=True, slots=True)
class Context:
    """What rendering a block needs to know of the whole document."""

    links: dict[int, list[Link]]
    spaced: bool  # the producer writes its spaces as characters
    words: Words  # the document's vocabulary, to tell a typesetter's hyphen from a word's
    separate_hyphens: bool = False  # the producer draws the hyphens it adds apart from the words
    doubts: list[tuple[int, str, bool]] = field(default_factory=list)  # line-end hyphens decided by a guess


def _block(group: Group, context: Context, calls: Calls) -> Block:
    """Render a group's lines in the text form."""
    span = _span(group.lines)
    if group.kind is BlockKind.FURNITURE:
        return Block(group.kind, group.lines[0].text, span, complete=True)
    lines = group.lines
    inline_label = group.kind is BlockKind.NOTE and lines[0].runs[0].text.strip().rstrip(".") != group.label
    if group.kind is BlockKind.NOTE and not inline_label:
        lines = [_without_label(lines[0]), *lines[1:]]
    if group.label in {"panel-open", "panel-untitled", "panel-close"}:  # a panel's edges: its title, if any
        title = " ".join(" ".join(ln.text for ln in lines).split()) if group.label == "panel-open" else ""
        edge = "panel-close" if group.label == "panel-close" else "panel-open"
        return Block(group.kind, escape_markup(title), span, edge, complete=True)
    if group.kind is BlockKind.TABLE and group.label == "equation":  # the scripts are read from the geometry
        found = equation(lines[0])
        return Block(group.kind, lines[0].text, span, group.label, complete=True, math=found.latex if found else "")
    if group.kind is BlockKind.TABLE:  # (a reference list in small type too: its back-links go as below)
        text = _BACKLINKS.sub("", _rows_text(lines))
        return Block(group.kind, text, span, group.label, complete=True)
    heading = group.kind is BlockKind.HEADING
    bold = heading or all(ln.bold for ln in lines)
    pieces = join_lines(
        lines,
        context.links,
        bold,
        context.spaced,
        context.words,
        context.separate_hyphens,
        context.doubts,
    )
    running = group.kind in {BlockKind.TEXT, BlockKind.LIST_ITEM, BlockKind.QUOTE}
    calls.resolve(pieces, prefer=group.kind is not BlockKind.NOTE, raise_text=running)  # a note's raised text: no call
    text = render(pieces)
    if group.kind is BlockKind.NOTE:
        text = CONTINUED_TAIL.sub("", text)
        if inline_label:  # an endnote's number set in its first run: "12. Text"
            text = re.sub(rf"^{re.escape(escape_markup(group.label))}[.)]?\s*", "", text)
    text = _BACKLINKS.sub("", text)  # an edition's links back to what cites the entry: not the author's words
    if group.kind is BlockKind.LIST_ITEM and text.startswith(escape_markup(group.label)):
        text = text[len(escape_markup(group.label)) :].lstrip()
    return Block(group.kind, text, span, group.label, group.level, complete=True)
