"""Front matter from the layout: the title (the largest type of the first page), the date, the authors."""

from __future__ import annotations

import re

from paper2myst.conventions import AUTHOR_HEADING, BACK_MATTER_HEADING, name_before_role
from paper2myst.dates import parse_date
from paper2myst.readers.pdf.lines import Line

_SAYS_WHAT = re.compile(r"^(?:Updated|Published|Revised|Last updated|Date)\b")
# The headings that open the back matter and the author section: one list for both routes.
BACK_MATTER = BACK_MATTER_HEADING
AUTHOR_BLOCK = AUTHOR_HEADING


def title_lines(lines: list[Line]) -> list[Line]:
    """The first page's largest lines, one after the other: the title."""
    candidates = [ln for ln in lines if ln.role == "body" and len(ln.text) > 2]
    if not candidates:
        return []
    largest = max(ln.size for ln in candidates)
    start = next(i for i, ln in enumerate(candidates) if ln.size >= largest - 0.5)
    title = [candidates[start]]
    for line in candidates[start + 1 :]:
        if line.size < largest - 0.5 or title[-1].baseline - line.baseline > line.size * 2:
            break
        title.append(line)
    return title


def banner_line(lines: list[Line], title: list[Line]) -> Line | None:
    """A short line in smaller type just above the title: a publisher's or series' banner, never the title."""
    if not title:
        return None
    above = [
        ln
        for ln in lines
        if ln.page == title[0].page and ln.bottom > title[0].top and len(ln.text) > 2 and not parse_date(ln.text)
    ]
    if not above:
        return None
    line = min(above, key=lambda ln: ln.bottom)  # the nearest one
    near = line.bottom - title[0].top < title[0].size * 3
    return line if near and line.size < title[0].size * 0.8 and len(line.text.split()) <= 10 else None


def date_line(lines: list[Line], prefixed: bool = False) -> Line | None:
    """The first line that is a date (with ``prefixed``: one that says what date, "Updated 1 November 2023")."""
    for line in lines:
        if line.role == "body" and parse_date(line.text) and (not prefixed or _SAYS_WHAT.match(line.text)):
            return line
    return None


def author_names(lines: list[Line]) -> list[str]:
    """Names in an author block: the name that opens a line ("Name", "Name, Role", "Name Role").

    A line that is only a role ("Legislative Attorney", "Specialist in Income Security") names no one.
    """
    names: list[str] = []
    for line in lines:
        head = name_before_role(line.text)
        if head and head not in names:
            names.append(head)
    return names
