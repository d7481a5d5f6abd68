"""Front matter from the layout: the title (the largest type of the first page), the date, the authors."""

from __future__ import annotations

import re

from paper2myst.dates import MONTH_NUMBERS, MONTHS
from paper2myst.readers.pdf.lines import Line

_MONTH = "|".join(MONTHS)
_ABBREVIATED = "|".join(m[:3] for m in MONTHS)
_PREFIX = r"(?:(?:Updated|Published|Revised|Last updated|Date)(?: on)?:? )?"
_SAYS_WHAT = re.compile(r"^(?:Updated|Published|Revised|Last updated|Date)\b")
_DATES = (
    re.compile(rf"^{_PREFIX}(?P<month>{_MONTH}|{_ABBREVIATED})\.? (?P<day>\d{{1,2}}),? (?P<year>\d{{4}})$"),
    re.compile(rf"^{_PREFIX}(?P<day>\d{{1,2}}) (?P<month>{_MONTH}|{_ABBREVIATED})\.?,? (?P<year>\d{{4}})$"),
    re.compile(rf"^{_PREFIX}(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})$"),
    re.compile(rf"^{_PREFIX}(?P<month>{_MONTH}) (?P<year>\d{{4}})$"),
)
# Headings that open the back matter: who the authors are, the publisher's notices.
BACK_MATTER = re.compile(
    r"^(?:authors?(?: information)?|about the authors?|author contact information|disclaimer|acknowledge?ments?)$",
    re.IGNORECASE,
)
AUTHOR_BLOCK = re.compile(
    r"^(?:authors?(?: information)?|about the authors?|author contact information)$", re.IGNORECASE
)
_NAME = re.compile(r"^(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.)(?: (?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.|van|von|de|da|del|der|le)){1,4}$")


def iso_date(text: str) -> str:
    """``April 10, 2026`` → ``2026-04-10``; empty when the text is no date."""
    for pattern in _DATES:
        match = pattern.match(text.strip())
        if not match:
            continue
        parts = match.groupdict()
        month = parts["month"]
        number = int(month) if month.isdigit() else next(n for m, n in MONTH_NUMBERS.items() if m.startswith(month))
        day = int(parts.get("day") or 1)
        if 1 <= number <= 12 and 1 <= day <= 31:
            return f"{parts['year']}-{number:02d}-{day:02d}" if parts.get("day") else f"{parts['year']}-{number:02d}"
    return ""


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


def date_line(lines: list[Line], prefixed: bool = False) -> Line | None:
    """The first line that is a date (with ``prefixed``: one that says what date, "Updated 1 November 2023")."""
    for line in lines:
        if line.role == "body" and iso_date(line.text) and (not prefixed or _SAYS_WHAT.match(line.text)):
            return line
    return None


def author_names(lines: list[Line]) -> list[str]:
    """Names in an author block: a line (or a line's first part before a comma) that is only a name."""
    names: list[str] = []
    for line in lines:
        head = line.text.split(",")[0].strip()
        if _NAME.match(head) and head not in names:
            names.append(head)
    return names
