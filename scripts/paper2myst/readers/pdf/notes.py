"""The note area at a page's foot: smaller type below the body, often after a rule; notes open with a raised label."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from paper2myst.readers.pdf.extract import Box, Page
from paper2myst.readers.pdf.lines import Line, is_prose

# Notes are set smaller than the body text.
NOTE_SCALE = 0.92
# ... and, where no rule stands above them, smaller by more than this (points) than running text above them on the page.
NOTE_MARGIN = 0.3


_LABEL = re.compile(r"^(?:\d{1,3}|[*†‡§¶]{1,3}|[a-z]|[ivxlc]{1,5})\.?$")


def is_labelled(line: Line) -> bool:
    """A note's first line: it opens with a label, raised or set apart from the text that follows (hanging)."""
    first = line.runs[0]
    if line.first_is_call:
        return len(first.text.strip()) <= 4
    apart = len(line.runs) > 1 and line.runs[1].x0 - first.x1 > first.size * 0.2
    label = first.text.strip()
    # A letter set level with the text is a label only with its full stop ("a."): a bare "o" is a bullet.
    if label.isalpha() and not label.endswith("."):
        return False
    return bool(_LABEL.match(label)) and (apart or first.text.endswith((" ", "\t")))


# A note area's separator is short: under this share of the page's width (a rule across the text parts sections).
SHORT_RULE = 0.5


def short_rule(rule: Box, page: Page) -> bool:
    """A rule short enough to set a column's notes off from its text."""
    return rule.x1 - rule.x0 < page.width * SHORT_RULE


def mark_notes(page: Page, lines: list[Line], body_size: float, carried: Line | None = None) -> Line | None:
    """Mark the page's note areas (``role = "note"``): each column's smaller lines after its last body-size line.

    ``carried``: the last line of the note areas before (the previous column's, the previous page's). Where that
    note is unfinished, a column's foot in its size and faces goes on with it, labelled or not (a long note runs on
    into the next column's foot or the next page's). Returns the last note line so far, for the next page.
    """
    for column in sorted({ln.column for ln in lines}):
        mine = [ln for ln in lines if ln.column == column]
        left, right = min(ln.x0 for ln in mine), max(ln.x1 for ln in mine)
        rules = [
            r for r in page.rules if short_rule(r, page) and r.x0 < right and r.x1 > left and not _paired(r, page.rules)
        ]
        # Text at the body's size below the area, in a column the area spans, says it is no foot of the page.
        beside = [ln for ln in lines if ln.role == "body" and (column == 0 or ln.column == 0)]
        below = min((ln.baseline for ln in beside if ln.size > body_size * NOTE_SCALE), default=float("inf"))
        going_on = carried if carried is not None and page.number - carried.page <= 1 and unfinished(carried) else None
        _mark_area([ln for ln in mine if ln.role == "body"], rules, body_size, below, going_on)
        carried = next((ln for ln in reversed(mine) if ln.role == "note"), carried)
    return carried


def unfinished(line: Line) -> bool:
    """The note's last line ends no sentence: the note may go on (an address ends one as often as a full stop)."""
    return not line.text.rstrip().endswith((".", "?", "!", ".)", ".”", '."'))


def labelled_feet(lines: list[Line]) -> set[int]:
    """The numbers of the lines each column sets at its foot from a labelled line on, smaller than its text above.

    Notes without a rule over them: in narrow columns their longer lines of smaller type may carry more characters
    of "running text" than the body's, so the body's size is read without them. The foot is the column's last
    lines under NOTE_SCALE of the size most of the characters above are set in, one of them labelled; the lines
    above outnumber them (a title over its text is no text over notes).
    """
    feet: set[int] = set()
    for column in {ln.column for ln in lines}:
        mine = [ln for ln in lines if ln.column == column and ln.role == "body"]
        weight: Counter[float] = Counter()
        for line in mine:
            weight[round(line.size, 1)] += len(line.text)
        if not weight:
            continue
        size = weight.most_common(1)[0][0]
        start = len(mine)
        while start > 0 and mine[start - 1].size < size * NOTE_SCALE:
            start -= 1
        foot = mine[start:]
        if foot and start > len(foot) and any(is_labelled(ln) for ln in foot):
            feet |= {ln.number for ln in foot}
    return feet


def _paired(rule: Box, rules: list[Box]) -> bool:
    """Another rule of the same extent stands on the page: the two are a frame's or a table's edges.

    No note area's separator, then: a note area has one rule above it, of its own length.
    """
    return any(
        other is not rule and abs(other.x0 - rule.x0) < 1 and abs(other.x1 - rule.x1) < 1 and other.top != rule.top
        for other in rules
    )


def _set_small(above: list[Line], first: Line) -> bool:
    """The column's text above is set mostly in the size and face of ``first``: a column set small throughout.

    The commonest size and face of the lines above, not any line's: a table or a quotation set in the notes' size
    above a page's notes is in a face of its own, or fewer lines than the body's.
    """
    faces = Counter((round(ln.size, 1), _faces(ln)) for ln in above)
    if not faces:
        return False
    (size, face), _ = faces.most_common(1)[0]
    return abs(size - first.size) < NOTE_MARGIN and face == _faces(first)


def _own_tail(area: list[Line], carried: Line) -> int:
    """Where the area's last lines set as ``carried`` is (see :func:`same_type`) begin: ``len(area)`` if none are."""
    own = len(area)
    while own > 0 and same_type(area[own - 1], carried):
        own -= 1
    return own


def _under_text(line: Line, above: list[Line], body_size: float) -> bool:
    """``line`` is set smaller than running text above it (not a title): a page set small throughout has no notes."""
    return any(line.size + NOTE_MARGIN < ln.size < body_size * 1.15 and is_prose(ln) for ln in above)


def _goes_on(line: Line, carried: Line, above: list[Line], body_size: float) -> bool:
    """An unlabelled line at a column's foot goes on with the unfinished note ``carried``.

    It is set in the note's size and in a face of its line (a heading set small is in a face of its own), smaller
    than running text above it.
    """
    return same_type(line, carried) and _under_text(line, above, body_size)


def same_type(line: Line, other: Line) -> bool:
    """Set as ``other`` is: in its size (within NOTE_MARGIN) and in a face of its line."""
    return abs(line.size - other.size) < NOTE_MARGIN and bool(_faces(line) & _faces(other))


def _faces(line: Line) -> frozenset[str]:
    return frozenset(run.font.name for run in line.runs if run.text.strip())


def _mark_area(
    body: list[Line], rules: list[Box], body_size: float, below: float = float("inf"), carried: Line | None = None
) -> None:
    start = len(body)
    while start > 0 and body[start - 1].size <= body_size * NOTE_SCALE:
        start -= 1
    area = body[start:]
    if not area or below < area[0].baseline:
        return
    # Where a short rule stands above the area, the area begins below it; otherwise at the first labelled line.
    # The rule stands between the line and the one above it (in the area or the body): one higher up the column (a
    # banner's, a logo's) rules nothing off below the text it stands above.
    first = next((i for i, ln in enumerate(area) if is_labelled(ln)), None)
    ruled = [
        i
        for i, ln in enumerate(area)
        if any(r.bottom > ln.top and (start + i == 0 or r.top < body[start + i - 1].bottom) for r in rules)
    ]
    above = body[: start + (first or 0)]
    if ruled:
        begin = ruled[-1]
        if not is_labelled(area[begin]) and _set_small(body[: start + begin], area[begin]):
            return  # the rule heads more of the column's own text (a sidebar set small throughout), no notes
    elif carried is not None and (own := _own_tail(area, carried)) < len(area) and (first is None or own < first):
        if not _goes_on(area[own], carried, body[: start + own], body_size):
            return
        begin = own  # the note before goes on at the foot (under smaller text: a list's), above the first label
    elif first is not None and _under_text(area[first], above, body_size):
        begin = first  # smaller than running text (not a title) above it: a page set small throughout has no notes
        # A note carried over from the page before opens the area unlabelled: its lines, in the notes' size and
        # faces, stand above the first label no further apart than the labelled notes stand from one another (a line
        # in a face of its own there heads a section set small, "Author details", and goes on from nothing).
        steps = [a.baseline - b.baseline for a, b in pairwise(area[first:])]
        faces = {run.font.name for ln in area[first:] for run in ln.runs}
        while (
            begin > 0
            and steps
            and {run.font.name for run in area[begin - 1].runs if run.text.strip()} <= faces
            and area[begin - 1].baseline - area[begin].baseline <= max(steps)
            and abs(area[begin - 1].size - area[first].size) < NOTE_MARGIN
        ):
            begin -= 1
    else:
        return
    for line in area[begin:]:
        line.role = "note"
