"""Front matter from the layout: the title (the largest type of the first page), the date, the authors."""

from __future__ import annotations

import bisect
import re
from itertools import pairwise

from paper2myst.conventions import (
    ADDRESS_LINE,
    AUTHOR_HEADING,
    BACK_MATTER_HEADING,
    BIO_VERBS,
    ROLE_WORDS,
    TITLE_SMALL_WORDS,
    name_before_role,
    name_list,
    name_roles,
    signed_name,
)
from paper2myst.dates import parse_date
from paper2myst.readers.pdf.lines import Line, make_line

_SAYS_WHAT = re.compile(r"^(?:Updated|Published|Revised|Last updated|Accepted|Date)\b")
# The headings that open the back matter and the author section: one list for both routes.
BACK_MATTER = BACK_MATTER_HEADING
AUTHOR_BLOCK = AUTHOR_HEADING


def title_lines(lines: list[Line], size: float) -> list[Line]:
    """The first page's largest lines, one under the other: the title, row by row, each row left to right.

    The lines of the largest size fall into blocks, a line joining a block when it stands no more than two
    lines' height under it; the top block is the title, unless it is one word (a logo's, set as large). A
    title row the column finder cut in pieces ("Rivers Without" | "Treaties: ...") is put back together by
    position, not by the reading order of the columns. Where no type is larger than the body's (``size``),
    the largest lines are the first ones, in reading order.
    """
    candidates = [ln for ln in lines if ln.role == "body" and len(ln.text) > 2 and not letter_spaced(ln.text)]
    if not candidates:
        return []
    largest = max(ln.size for ln in candidates)
    if largest <= size * 1.05:
        start = next(i for i, ln in enumerate(candidates) if ln.size >= largest - 0.5)
        first = [candidates[start]]
        for line in candidates[start + 1 :]:
            if line.size < largest - 0.5 or first[-1].baseline - line.baseline > line.size * 2:
                break
            first.append(line)
        return first
    big = sorted((ln for ln in candidates if ln.size >= largest - 0.5), key=lambda ln: (-ln.baseline, ln.x0))
    blocks: list[list[Line]] = []
    for line in big:
        if blocks and blocks[-1][-1].baseline - line.baseline <= line.size * 2:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    # The top one, unless it is a single word (a logo's, set as large): then the next that says more.
    title = next((b for b in blocks if sum(len(ln.text.split()) for ln in b) > 1), blocks[0])
    rows: list[list[Line]] = []
    for line in title:
        if rows and abs(rows[-1][0].baseline - line.baseline) < line.size * 0.5:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [ln for row in rows for ln in sorted(row, key=lambda ln: ln.x0)]


#: A gap between a title's rows this many times its usual pitch (or more) parts a title from its subtitle.
TITLE_PART_GAP = 1.5


def title_parts(rows: list[Line]) -> list[list[Line]]:
    """A title's rows parted where a blank line stands between them: the title, then its subtitle.

    The usual pitch is the title's own (the smallest step between its rows); a step of ``TITLE_PART_GAP``
    pitches or more parts it. A title of two rows or less has no pitch of its own to compare: one part.
    """
    steps = [a.baseline - b.baseline for a, b in pairwise(rows)]
    if len(steps) < 2 or min(steps) <= 0:
        return [rows]
    pitch = min(steps)
    parts = [[rows[0]]]
    for step, row in zip(steps, rows[1:], strict=True):
        if step >= pitch * TITLE_PART_GAP:
            parts.append([])
        parts[-1].append(row)
    return parts


_LETTERS = re.compile(r"[^\W\d_]+")


def cased(lines: list[str]) -> frozenset[str]:
    """The words (lower case) the document prints in small letters somewhere: words, not acronyms."""
    return frozenset(w.lower() for text in lines for w in _LETTERS.findall(text) if not w.isupper())


def in_title_case(text: str, words: frozenset[str]) -> str:
    """A title (or its part) set in capitals, written in title case: "DEPARTMENT OF RIVERS" → "Department of Rivers".

    Capitals are the cover's style, not the words', where the document prints every one of them in small
    letters elsewhere: each is written as a title writes it, small words (``TITLE_SMALL_WORDS``) in small letters
    after the first. A word it never prints so ("NASA", a name it only prints in capitals) leaves the text as
    printed, as does text with small letters.
    """
    found = _LETTERS.findall(text)
    if not text.isupper() or not all(w.lower() in words for w in found):
        return text

    def word(match: re.Match[str]) -> str:
        if match.start() and match.group(0).lower() in TITLE_SMALL_WORDS:
            return match.group(0).lower()
        return match.group(0).capitalize()

    return _LETTERS.sub(word, text)


def letter_spaced(text: str) -> bool:
    """A label set in spaced capitals ("N E W S L E T T E R", "S P E C I A L  I S S U E"): not a title, not a name.

    Four letters standing alone at least, and they make half the line's pieces or more.
    """
    pieces = text.split()
    alone = sum(1 for p in pieces if len(p) == 1 and p.isalpha())
    return alone >= 4 and alone * 2 >= len(pieces)


def title_rows(title: list[Line]) -> list[Line]:
    """The title's lines with each row's pieces made one line again (numbered as its first piece)."""
    rows: list[list[Line]] = []
    for line in title:
        if rows and rows[-1][0].page == line.page and abs(rows[-1][0].baseline - line.baseline) < line.size * 0.5:
            rows[-1].append(line)
        else:
            rows.append([line])
    joined = []
    for row in rows:
        if len(row) == 1:
            joined.append(row[0])
            continue
        pieces = sorted(row, key=lambda ln: ln.x0)
        line = make_line(row[0].page, [r for ln in pieces for r in ln.runs], row[0].column)
        line.number, line.role = row[0].number, row[0].role
        joined.append(line)
    return joined


def banner_line(lines: list[Line], title: list[Line]) -> Line | None:
    """A short line in smaller type just above the title: a publisher's or series' banner, never the title."""
    if not title:
        return None
    above = [
        ln
        for ln in lines
        if ln.page == title[0].page
        and ln.bottom > title[0].top
        and len(ln.text) > 2
        and not parse_date(ln.text)
        and not ln.text.isdigit()  # a page number
        and not ADDRESS_LINE.match(ln.text)  # an address or a DOI names no publisher
    ]
    if not above:
        return None
    line = min(above, key=lambda ln: ln.bottom)  # the nearest one
    near = line.bottom - title[0].top < title[0].size * 3
    return line if near and line.size < title[0].size * 0.8 and len(line.text.split()) <= 10 else None


def date_line(lines: list[Line], prefixed: bool = False) -> Line | None:
    """The first line that is a date (with ``prefixed``: one that says what date, "Updated 1 November 2023").

    With ``prefixed``, a journal's history line counts too ("Received: 23 October 2023; Accepted: 2 May 2024").
    """
    for line in lines:
        if line.role != "body":
            continue
        if parse_date(line.text) and (not prefixed or _SAYS_WHAT.match(line.text)):
            return line
        if prefixed and len(line.text.split(";")) > 1 and line_date(line.text):
            return line
    return None


def dated_day(lines: list[Line], date: Line) -> Line:
    """The day a date by month stands for, where the paper prints it on a line of its own later.

    A cover dated by month ("December 2026") over a letter dated by day ("December 20, 2026"): the letter's
    date is the paper's, the fuller one of the same month. Any other date stays as found.
    """
    month = parse_date(date.text) or ""
    if len(month) != len("2026-12"):
        return date
    day = (ln for ln in lines if ln.role == "body" and (parse_date(ln.text) or "").startswith(f"{month}-"))
    return next(day, date)


def line_date(text: str) -> str:
    """The ISO date a date line gives; of a history line, its last part that says what date it is."""
    whole = parse_date(text)
    if whole:
        return whole
    for part in reversed(text.split(";")):
        if _SAYS_WHAT.match(part.strip()) and (iso := parse_date(part.strip())):
            return iso
    return ""


def author_names(lines: list[Line]) -> list[str]:
    """Names in an author block: the name that opens a line ("Name", "Name, Role", "Name Role", "Name is …").

    A line that is only a role ("Legislative Attorney", "Specialist in Water Security") names no one, nor does
    a biography's wrapped line that opens with capitalised words ("United Nations Programme in New York").
    """
    names: list[str] = []
    for line in lines:
        head = name_before_role(line.text)
        rest = " ".join(line.text.split())[len(head) :].split()
        opens = not rest or rest[0].startswith(",") or rest[0] in ROLE_WORDS or rest[0] in BIO_VERBS
        if head and opens and head not in names:
            names.append(head)
    return names


#: Left edges nearer than this (in ems of the line's type) start the same column of a grid of names.
ALIGNED = 1.0


def by_column(lines: list[Line]) -> list[Line]:
    """A block's lines column by column, as a reader takes names set side by side with each role under its name.

    A column is the lines whose left edges stand together (each new column starts more than ``ALIGNED`` ems
    right of the last one's first edge); within it, top to bottom, page by page.
    """
    edges: list[float] = []
    for line in sorted(lines, key=lambda ln: ln.x0):
        if not edges or line.x0 - edges[-1] > line.size * ALIGNED:
            edges.append(line.x0)
    return sorted(lines, key=lambda ln: (ln.page, bisect.bisect_right(edges, ln.x0), -ln.baseline))


def author_roles(lines: list[Line], names: list[str]) -> dict[str, str]:
    """Each of ``names`` with the role its author lines print beside or under it ("" where none is printed)."""
    roles = name_roles([ln.text for ln in by_column(lines)], names)
    return {name: roles.get(name, "") for name in names}


_SENTENCE = re.compile(r"\b[a-z]+\s+[a-z]+\s+[a-z]+\b")  # three lowercase words running: prose, not names


def names_in(text: str) -> list[str]:
    """The names a byline line gives: a list of names, or one name with its role ("Ada Tester, Senior Fellow")."""
    signed = signed_name(text)
    return [signed] if signed else name_list(text)


def byline_lines(lines: list[Line], title: list[Line]) -> list[Line]:
    """Lines naming the authors under the title, without a "by": one line, several, a grid, "Name, Role" lines.

    The first stands within four title lines' height under the title; the others share its size, row by row,
    left to right, with the affiliation and address lines between them passed over. Prose (an abstract, the
    body) or a label ends the search.
    """
    if not title:
        return []
    page, bottom, reach = title[0].page, min(ln.bottom for ln in title), title[-1].size * 4
    below = sorted(
        (ln for ln in lines if ln.page == page and ln.role == "body" and ln.top <= bottom + 1),
        key=lambda ln: (-round(ln.baseline), ln.x0),
    )
    found: list[Line] = []
    for line in below:
        if _SENTENCE.search(line.text) or AUTHOR_HEADING.match(line.text) or line.text.lower() == "abstract":
            break
        if parse_date(line.text) or not names_in(line.text):
            continue  # a date ("Updated April 23, 2026") lists no one
        if not found and title[-1].baseline - line.baseline > reach:
            break
        if not found or abs(line.size - found[0].size) < 0.3:
            found.append(line)
    return found
