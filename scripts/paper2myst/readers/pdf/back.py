"""Back matter from the layout: the pages after a back-matter heading, the authors named there or signing the body."""

from __future__ import annotations

from itertools import pairwise

from paper2myst.conventions import (
    AUTHOR_HEADING,
    BACK_MATTER_HEADING,
    REPORT_NUMBER,
    banner_parts,
    continues_role,
    end_matter,
    signature,
    signed_name,
)
from paper2myst.model import AuthorLines, Seen, Span
from paper2myst.readers.pdf.front import by_column, close
from paper2myst.readers.pdf.lines import Line
from paper2myst.readers.pdf.paragraphs import is_heading


def signatory(lines: list[Line]) -> Seen | None:
    """The first signature in the body, as a letter or a notice closes: its lines, at its name's line.

    A name set alone on its line, its role on the next line of the same text ("Dan Sample," / "Director,
    Imaginary Rivers" / "and Lakes"); None where the body has no signature.
    """
    body = [ln for ln in lines if ln.role == "body"]
    for i, (name, role) in enumerate(pairwise(body)):
        # (A name alone is two to five words: the words' count spares the patterns most of the body's lines.)
        if len(name.text.split()) <= 5 and signature([name.text, role.text])[0] and close(name, role):
            block = [name, role]
            for line in body[i + 2 :]:
                if not close(block[-1], line):
                    break
                block.append(line)
            return Seen("\n".join(ln.text for ln in block), Span((name.number,)), name.page)
    return None


def find_back(lines: list[Line], size: float, width: float, banner: Line | None = None) -> AuthorLines:
    """From the first back-matter heading on, the body lines are back matter; return the author lines there.

    The banner's name set again as a heading at the top of a later page opens the publisher's page.
    Without an author heading, "Name, role" lines just before the back matter name the authors.
    """
    body = [ln for ln in lines if ln.role == "body"]
    # A heading's wrapped last line ("… Contact and Staff" / "Acknowledgments") heads nothing of its own.
    wrapped = {id(b) for a, b in pairwise(body) if is_heading(a, size) and close(a, b)}
    start = next(
        (
            i
            for i, ln in enumerate(lines)
            if (_opens_back(ln, size) and id(ln) not in wrapped)
            or (_publisher_page(ln, banner, size) and ln.page == lines[i - 1].page + 1)
        ),
        None,
    )
    if start is None:  # no back matter: signatures may still close the text
        _closing_number(lines)
        return _signatures(lines, width)
    for line in lines[start:]:
        if line.role == "body" or (line is lines[start] and line.role == "furniture"):
            line.role = "back"
    back = [ln for ln in lines[start:] if ln.role == "back"]
    _end_matter(back, size)
    if AUTHOR_HEADING.match(back[0].text):
        return _authors(back, size)
    _closing_number(lines[:start])
    return _signatures(lines[:start], width)


def _opens_back(line: Line, size: float) -> bool:
    """A heading of the body's that opens the back matter ("Author Information", "Disclaimer")."""
    return line.role == "body" and is_heading(line, size) and bool(BACK_MATTER_HEADING.match(line.text))


def _end_matter(back: list[Line], size: float) -> None:
    """The author's end matter standing in the back matter ("Acknowledgments" after the author section) is body again.

    From its heading up to the next back-matter heading: the author's words, kept in the paper.
    """
    for line, mine in zip(back, end_matter([ln.text if is_heading(ln, size) else None for ln in back]), strict=True):
        if mine:
            line.role = "body"


def _closing_number(lines: list[Line]) -> None:
    """A report number printed as the body's last line, the back matter next: furniture, not a heading.

    A heading heads text; a line of a number's shape with nothing of the body after it heads nothing.
    """
    last = next((ln for ln in reversed(lines) if ln.role not in {"furniture", "front", "note"}), None)
    if last is not None and last.role == "body" and REPORT_NUMBER.match(last.text):
        last.role = "furniture"


def _signatures(lines: list[Line], width: float) -> AuthorLines:
    """Authors signing the end of the body: "Name, Role" lines just before the back matter.

    A role too long for its line goes on under it ("Analyst in Regional Water" / "Policy"). The lines
    may stand on the page before the back matter's, side by side in two columns; notes and running elements
    between are passed over. What they hold goes to the back matter.
    """
    block: list[Line] = []
    for line in reversed(lines):
        if line.role in {"furniture", "front", "note"}:
            continue
        if line.role != "body" or not (signed_name(line.text) or continues_role(line.text)):
            break
        block.insert(0, line)
    # Column by column, as a reader takes a block of names set side by side.
    block.sort(key=lambda ln: (ln.x0 >= width / 2, -ln.top))
    while block and not signed_name(block[0].text):
        block.pop(0)  # a role's second line without its name above: part of the body
    for line in block:
        line.role = "back"
    return _author_lines(block, signed=True)


def _publisher_page(line: Line, banner: Line | None, size: float) -> bool:
    """The line is the banner's name set as a heading on a later page (whatever role the margins gave it).

    The banner's publisher is its name, where the banner prints a series and number beside it.
    """
    return (
        banner is not None
        and line.page > banner.page
        and line.role in {"body", "furniture"}
        and line.text in {banner.text, banner_parts(banner.text)[0]}
        and is_heading(line, size)
    )


# Lines side by side: their baselines this many ems apart at most, their columns' starts this many ems.
ROW_SLACK = 0.3
COLUMN_SLACK = 1.0


def _baseline_rows(lines: list[Line]) -> list[list[Line]]:
    """Lines in reading order cut into rows: the lines of a row stand on one baseline."""
    rows: list[list[Line]] = []
    for line in lines:
        last = rows[-1][-1] if rows else None
        if last is not None and last.page == line.page and abs(last.baseline - line.baseline) <= ROW_SLACK * line.size:
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def columns_first(lines: list[Line]) -> list[Line]:
    """Lines set side by side in columns (two authors' names over their roles) read column by column.

    A run of rows of as many lines each, the lines of each row starting where the row above's do: its left column's
    lines first, then the next column's. Read row by row, a name would go with the role beside the one under it.
    """
    out: list[Line] = []
    rows = _baseline_rows(lines)
    at = 0
    while at < len(rows):
        end = at + 1
        while end < len(rows) and _aligned(rows[end - 1], rows[end]):
            end += 1
        run = [sorted(row, key=lambda ln: ln.x0) for row in rows[at:end]]
        if len(run[0]) > 1 and len(run) > 1:
            out += [row[k] for k in range(len(run[0])) for row in run]
        else:
            out += [ln for row in run for ln in row]
        at = end
    return out


def _aligned(above: list[Line], below: list[Line]) -> bool:
    """Whether two rows of several lines each hold their lines in the same columns."""
    if len(above) < 2 or len(above) != len(below):
        return False
    starts = zip(sorted(ln.x0 for ln in above), sorted(ln.x0 for ln in below), strict=True)
    return all(abs(a - b) <= COLUMN_SLACK * below[0].size for a, b in starts)


def _authors(back: list[Line], size: float) -> AuthorLines:
    """The lines under an author-information heading, up to the next back-matter heading."""
    start = next((i for i, ln in enumerate(back) if AUTHOR_HEADING.match(ln.text)), None)
    if start is not None:
        block = []
        for line in back[start + 1 :]:
            if line.role != "back" or (is_heading(line, size) and BACK_MATTER_HEADING.match(line.text)):
                break
            block.append(line)
        return _author_lines(block)
    return AuthorLines()


def _author_lines(lines: list[Line], signed: bool = False) -> AuthorLines:
    """Author lines as found, and column by column (each role under its name), for the structure stage to read."""
    return AuthorLines([_seen(ln) for ln in lines], [ln.text for ln in by_column(lines)], signed)


def _seen(line: Line) -> Seen:
    return Seen(line.text, Span((line.number,)), line.page)
