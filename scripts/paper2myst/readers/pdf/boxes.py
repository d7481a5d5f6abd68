"""Boxes: text set in a shaded panel → the panel's title and its own paragraphs, or front matter printed again."""

from __future__ import annotations

from paper2myst.dates import parse_date
from paper2myst.model import BlockKind
from paper2myst.readers.pdf.extract import Box, Page
from paper2myst.readers.pdf.lines import ROW_EXACT, Line, make_line
from paper2myst.readers.pdf.paragraphs import BULLET, Group, group_lines

# A panel's lines stand inside its fill, up to this many of their ems over its edge (a glyph's side bearing).
PANEL_SLACK = 0.25


def _inside(line: Line, box: Box) -> bool:
    slack = PANEL_SLACK * line.size
    return (
        box.x0 - slack <= line.x0
        and line.x1 <= box.x1 + slack
        and box.bottom - slack <= line.bottom
        and line.top <= box.top + slack
    )


def panel(lines: list[Line], pages: dict[int, Page]) -> bool:
    """Whether each page's share of ``lines`` stands inside one filled panel of that page."""
    for number in {ln.page for ln in lines}:
        mine = [ln for ln in lines if ln.page == number]
        page = pages.get(number)
        if page is None or not any(all(_inside(ln, box) for ln in mine) for box in page.fills):
            return False
    return True


def _title(lines: list[Line]) -> list[Line]:
    """The box's title: its first lines while they are bold and the text after them is not."""
    head = []
    for line in lines:
        if not line.bold:
            break
        head.append(line)
    return head if len(head) < len(lines) else []


def panels(items: list[Group], pages: list[Page], front: set[str], steps: dict[float, float]) -> list[Group]:
    """Each box the reader found (a TABLE group labelled "box") that a shaded panel holds, as a panel's groups.

    A box, in a panel or not, whose every line the front matter gives already (a summary page's date beside the
    text) is page furniture: printed once, in the front matter. Any other panel becomes its title ("panel-open",
    empty for none), its paragraphs and lists read as the body's are, and its end ("panel-close").
    """
    by_number = {p.number: p for p in pages}
    dates = {iso for text in front if (iso := parse_date(text))}
    out: list[Group] = []
    for group in items:
        if (
            group.kind is BlockKind.TABLE
            and group.label in {"box", ""}
            and all(_given(ln, front, dates) for ln in group.lines)
        ):
            out.append(Group(BlockKind.FURNITURE, group.lines))
            continue
        if group.kind is not BlockKind.TABLE or group.label not in {"box", ""} or not panel(group.lines, by_number):
            out.append(group)
            continue
        if group.label != "box":  # a table's rows under its caption, shaded: the table's, not a box
            out.append(group)
            continue
        lines, bullets = _bullets_in_line(group.lines)
        title = _title(lines)
        body = lines[len(title) :]
        size = min(ln.size for ln in body)
        out.append(Group(BlockKind.TABLE, title or body[:1], "panel-open" if title else "panel-untitled"))
        out += _across_pages(group_lines(body, size, steps))
        # The close carries the bullets' own lines: they are the items' marks now, and so placed.
        out.append(Group(BlockKind.TABLE, [*body[-1:], *bullets], "panel-close"))
    return out


def _given(line: Line, front: set[str], dates: set[str]) -> bool:
    """The front matter gives the line already: its text, or the date it reads.

    ("April 14, 2026" beside the text of a report whose front says "Updated April 14, 2026".)
    """
    text = " ".join(line.text.split())
    return text in front or (parse_date(text) or "-") in dates


def _across_pages(groups: list[Group]) -> list[Group]:
    """A paragraph of the panel cut by a page break goes on where the panel goes on: a line opening in lower case."""
    out: list[Group] = []
    for group in groups:
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind is group.kind is BlockKind.TEXT
            and group.lines[0].page > last.lines[-1].page
            and group.lines[0].text[:1].islower()
        ):
            last.lines += group.lines
            continue
        out.append(group)
    return out


def _bullets_in_line(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The lines with each bullet read apart (a gap wide as a column's) put back before its item's first line.

    Also the bullets' own lines, so that they can be placed.
    """
    out: list[Line] = []
    bullets: list[Line] = []
    for line in lines:
        text = next(
            (
                ln
                for ln in out
                if ln.page == line.page
                and abs(ln.baseline - line.baseline) <= ROW_EXACT * line.size
                and line.x1 < ln.x0
                and len(line.text.strip()) == 1
                and BULLET.match(line.text.strip())
            ),
            None,
        )
        if text is None:
            out.append(line)
            continue
        joined = make_line(text.page, [*line.runs, *text.runs], text.column)
        joined.number, joined.role = text.number, text.role
        out[out.index(text)] = joined
        bullets.append(line)
    return out, bullets
