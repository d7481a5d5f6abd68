"""Page furniture: running heads and feet, page numbers, banners repeated page after page, "(continued)" marks."""

from __future__ import annotations

import re
from collections import Counter

from paper2myst.conventions import CONTINUED_LINE, LEADER_END, PAGE_NUMBER
from paper2myst.readers.pdf.extract import Page
from paper2myst.readers.pdf.lines import Line

# How far from the page's top and bottom edges running heads and feet stand.
MARGIN = 0.1
# A page number stands apart: no line of text overlapping it across within this many of its sizes above or below
# (a number ending a note's address, wrapped onto the page's last line, stands at the note's own pitch).
NUMBER_APART = 1.5


def _key(line: Line) -> str:
    """What stays the same from page to page: the words, with numbers left out."""
    return re.sub(r"\d+", "#", line.text.lower())


def _in_margin(line: Line, page: Page) -> bool:
    return line.bottom > page.height * (1 - MARGIN) or line.top < page.height * MARGIN


def mark_furniture(pages: list[Page], lines: list[list[Line]]) -> None:
    """Mark running heads, feet, page numbers and "(continued)" marks (``role = "furniture"``)."""
    seen: Counter[str] = Counter()
    for page, page_lines in zip(pages, lines, strict=True):
        seen.update({_key(ln) for ln in page_lines if _in_margin(ln, page)})
    repeated = max(2, len(pages) // 4) if len(pages) > 2 else 2
    running = [key for key, count in seen.items() if count >= repeated and len(key) >= 10]
    margins = [[ln for ln in page_lines if _in_margin(ln, page)] for page, page_lines in zip(pages, lines, strict=True)]
    keys = [{_key(ln) for ln in mine} for mine in margins]
    size = _text_size([ln for page_lines in lines for ln in page_lines])
    numbers = page_numbers(lines) | running_ends(lines, repeated)
    for index, (page, page_lines) in enumerate(zip(pages, lines, strict=True)):
        near = set().union(*keys[max(0, index - 1) : index], *keys[index + 1 : index + 2])
        for line in page_lines:
            margin = _in_margin(line, page)
            key = _key(line)
            # A running foot with something added on one page (a version stamp) is still the running foot;
            # a section's own running head, smaller than the text, repeats on the next or the last page.
            # Only a line in the margin can be furniture here, so only there is its neighbourhood looked at. A bare
            # number repeats as a running head only standing apart: the same "#." ending three pages' notes (an
            # address's last piece) is three notes' words.
            apart = margin and _apart(line, page_lines)
            worded = any(ch.isalpha() for ch in key)
            # A bare number repeats as a page number only where the others stand: an address's last figures wrapped
            # to a column's foot ("2926218") shares a page number's key, not its place.
            placed = worded or (apart and _placed(line, index, key, margins))
            again = (seen[key] >= repeated and placed) or any(key.startswith(r) for r in running)
            again = again or (key in near and line.size < size and len(key) >= 10)
            # A section's title (larger than the text) set again smaller than the text in the margin of its own
            # page: its running head, though the section has only that page.
            again = again or (line.size < size and any(o.text == line.text and o.size > size for o in page_lines))
            number = PAGE_NUMBER.match(line.text) and apart
            if (margin and (again or number)) or id(line) in numbers or CONTINUED_LINE.match(line.text):
                line.role = "furniture"
        # What shares a row with a running foot or head in the margin belongs to it (a version stamp beside it).
        rows = {round(ln.baseline) for ln in page_lines if ln.role == "furniture" and _in_margin(ln, page)}
        for line in page_lines:
            if _in_margin(line, page) and rows & {
                round(line.baseline) - 1,
                round(line.baseline),
                round(line.baseline) + 1,
            }:
                line.role = "furniture"


def page_numbers(lines: list[list[Line]]) -> set[int]:
    """The pages' numbers wherever the margins put them (``id`` of each line).

    A bare number standing apart as a page's last (or first) line, at one height on many pages, or counting the
    pages on many of them (the page's place plus one offset: a first page numbered at its foot, the others at
    their head).

    A margin of fixed share misses them on pages with wide margins (a page number 11% up the page); the document
    says where its own stand: at the same height, within ``NUMBER_LEVEL`` points, on at least ``NUMBER_PAGES`` of
    its pages (and on two at least).
    """
    ends = [ln for page_lines in lines for ln in _ends(page_lines) if _bare_number(ln, page_lines)]
    need = max(2, len(lines) * NUMBER_PAGES)
    found = set()
    counting = Counter(_offset(ln) for ln in ends if _offset(ln) is not None)
    for line in ends:
        level = {other.page for other in ends if abs(other.baseline - line.baseline) <= NUMBER_LEVEL}
        offset = _offset(line)
        if len(level) >= need or (offset is not None and counting[offset] >= need):
            found.add(id(line))
    return found


def _offset(line: Line) -> int | None:
    """How far the number a line prints is from its page's place in the file (None: no number in figures)."""
    return int(line.text) - line.page if line.text.isdigit() else None


def running_ends(lines: list[list[Line]], repeated: int) -> set[int]:
    """Running heads and feet wherever the margins put them (``id`` of each line).

    A page's first or last line whose words (numbers aside, ten characters at least) stand first or last, at one
    height within ``NUMBER_LEVEL``, on ``repeated`` pages or more: the pages repeat it, so it is theirs, not the text's.
    """
    ends = [ln for page_lines in lines for ln in _ends(page_lines)]
    found = set()
    for line in ends:
        key = _key(line)
        if len(key) < 10 or not any(ch.isalpha() for ch in key):
            continue
        same = {o.page for o in ends if _key(o) == key and abs(o.baseline - line.baseline) <= NUMBER_LEVEL}
        if len(same) >= repeated:
            found.add(id(line))
    return found


def _ends(lines: list[Line]) -> list[Line]:
    """The page's highest and lowest lines (one, if it has one line)."""
    if not lines:
        return []
    low = min(lines, key=lambda ln: ln.baseline)
    high = max(lines, key=lambda ln: ln.baseline)
    return [high] if low is high else [high, low]


def _bare_number(line: Line, lines: list[Line]) -> bool:
    return bool(PAGE_NUMBER.match(line.text)) and _apart(line, lines)


#: Page numbers stand at one height: their baselines this many points apart at most...
NUMBER_LEVEL = 1.0
#: ...on this share of the pages at least.
NUMBER_PAGES = 0.5


def _placed(line: Line, index: int, key: str, margins: list[list[Line]]) -> bool:
    """A line of another page's margin reads as ``line`` does (numbers aside) within its size of its height."""
    return any(
        k != index and _key(other) == key and abs(other.baseline - line.baseline) < line.size
        for k, mine in enumerate(margins)
        for other in mine
    )


def _apart(line: Line, lines: list[Line]) -> bool:
    """No other line over or under ``line`` (overlapping it across) within ``NUMBER_APART`` of its size."""
    reach = line.size * NUMBER_APART
    return not any(
        other is not line and other.x0 < line.x1 and line.x0 < other.x1 and abs(other.baseline - line.baseline) < reach
        for other in lines
    )


def _text_size(lines: list[Line]) -> float:
    """The size most characters are set in."""
    weight: Counter[float] = Counter()
    for line in lines:
        weight[round(line.size, 1)] += len(line.text)
    return weight.most_common(1)[0][0] if weight else 0.0


def mark_contents(lines: list[list[Line]]) -> None:
    """A page most of whose lines end in dot leaders is a contents list: left out (the editions make their own)."""
    for page_lines in lines:
        body = [ln for ln in page_lines if ln.role == "body"]
        leaders = sum(1 for ln in body if LEADER_END.search(ln.text))
        if body and leaders >= 1 and leaders * 2 >= len(body):
            for line in body:
                line.role = "contents"
