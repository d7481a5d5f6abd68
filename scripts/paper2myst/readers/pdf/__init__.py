"""The PDF reader: pages → runs → lines → roles (furniture, notes, front, body) → blocks in the text form."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from paper2myst.dates import parse_date
from paper2myst.diagnostics import ConversionError, Diagnostic, Kind
from paper2myst.model import Block, BlockKind, DateLine, Front, Paragraph, Span
from paper2myst.readers import Figure, Reading
from paper2myst.readers.pdf.extract import Link, Page, read_pages
from paper2myst.readers.pdf.figures import render_figures
from paper2myst.readers.pdf.front import (
    AUTHOR_BLOCK,
    BACK_MATTER,
    author_names,
    banner_line,
    date_line,
    title_lines,
)
from paper2myst.readers.pdf.furniture import mark_contents, mark_furniture
from paper2myst.readers.pdf.inline import (
    Calls,
    Words,
    escape_markup,
    join_lines,
    render,
    separates_hyphens,
    vocabulary,
)
from paper2myst.readers.pdf.lines import Line, mark_sidebar, page_lines, writes_spaces
from paper2myst.readers.pdf.notes import is_labelled, mark_notes
from paper2myst.readers.pdf.paragraphs import (
    BULLET,
    Group,
    continues,
    group_lines,
    heading_levels,
    is_heading,
    is_justified,
    mark_faces,
    pitch,
)
from paper2myst.stages.structure import split_authors

_ENDNOTES = re.compile(r"^(?:end\s?notes|notes)$", re.IGNORECASE)
_ENDNOTE_LABEL = re.compile(r"^(\d{1,3}|[*†‡])(?:[.)]\s*|\s+)\S")
_SOURCE = re.compile(r"^(?:Sources?|Notes?)\s*:", re.IGNORECASE)
_TABLE_NOTE = re.compile(r"[a-z]")
_BYLINE = re.compile(r"^by\s+\S", re.IGNORECASE)
_FRONT_LABEL = re.compile(r"^(abstract|keywords|key words)[:.]?$", re.IGNORECASE)
# An edition's links back from an entry to what cites it: note numbers or letters ("↩ 20, b") on screen, page
# numbers ("↑ 3, 5") in print.
_BACKLINKS = re.compile(r"(?:\s*[↩↑](?:\s*(?:\d{1,3}|[a-z])[,;]?)*)+$")
_REPORT_NUMBER = re.compile(r"^[A-Z]{1,4}[- ]?\d{3,6}$")
_CONTINUED_TAIL = re.compile(r"\s*\(\s*(?:continued|cont(?:'d|\.))[^)]*\)\s*$", re.IGNORECASE)


def body_size(lines: list[Line]) -> float:
    """The type size most of the body's characters are set in.

    A page's upper half counts double: notes gather at the foot, and on a short paper with long notes
    they may carry as many characters as the body.
    """
    weight: Counter[float] = Counter()
    middle = {}
    for page in {ln.page for ln in lines}:
        mine = [ln for ln in lines if ln.page == page]
        middle[page] = (max(ln.top for ln in mine) + min(ln.bottom for ln in mine)) / 2
    for line in lines:
        if line.role == "body":
            weight[round(line.size, 1)] += len(line.text) * (2 if line.bottom > middle[line.page] else 1)
    # Running text stands alone on its row of its column; a table's cells share their rows: where lines
    # standing alone say, they decide.
    rows = Counter((ln.page, ln.column, round(ln.baseline)) for ln in lines)
    running: Counter[float] = Counter()
    for line in lines:
        if line.role == "body" and rows[line.page, line.column, round(line.baseline)] == 1:
            running[round(line.size, 1)] += len(line.text) * (2 if line.bottom > middle[line.page] else 1)
    if running:
        weight = running
    return weight.most_common(1)[0][0] if weight else 10.0


@dataclass(slots=True)
class FrontLines:
    """The lines the front matter is made of, found before the blocks are rendered."""

    title: list[Line] = field(default_factory=list)
    banner: Line | None = None  # a short line in smaller type above the title: the publisher's or series' name
    date: Line | None = None
    byline: Line | None = None
    labels: list[Line] = field(default_factory=list)  # "ABSTRACT", "KEYWORDS"
    abstract: list[Line] = field(default_factory=list)
    keywords: list[Line] = field(default_factory=list)


def _front(pages: list[list[Line]], size: float) -> FrontLines:
    """Mark the title, byline, abstract, keywords and date (and a cover page's other lines) as front matter."""
    first = pages[0]
    found = FrontLines(title=title_lines(first))
    for line in found.title:
        line.role = "front"
    found.banner = banner_line(first, found.title)
    if found.banner is not None:
        found.banner.role = "front"
    _labelled(first, found)
    found.date = date_line([ln for page in pages[:2] for ln in page]) or date_line(
        [ln for page in pages for ln in page], prefixed=True
    )
    if found.date is not None:
        found.date.role = "front"
    title_text = " ".join(ln.text for ln in found.title)
    # A cover carries no running text: a few short lines, not paragraphs (in one column or two).
    cover = sum(len(ln.text) for ln in first if ln.role == "body" and ln.size <= size * 1.05) < 300
    for page in pages:
        for line in page:
            if line.role != "body":
                continue
            if (line.page == 1 and cover) or (found.date is not None and line.text == found.date.text):
                line.role = "front"
            elif _REPORT_NUMBER.match(line.text):
                line.role = "furniture"
    for page in pages[1:]:
        _title_again(page, title_text, size)
        # A running head that repeats the title is furniture even where no other page repeats it.
        edge = [ln for ln in page if ln.role == "body"]
        for line in edge[:1] + edge[-1:]:
            if line.size < size * 0.95 and len(line.text) > 10 and title_text.startswith(line.text.rstrip(".… ")):
                line.role = "furniture"
    return found


def _close(above: Line, line: Line) -> bool:
    """The next line of the same text: same page, same size, no more than a paragraph's gap below."""
    return (
        above.page == line.page
        and abs(above.size - line.size) < 0.6
        and above.baseline - line.baseline < line.size * 2.5
    )


def _labelled(lines: list[Line], found: FrontLines) -> None:
    """The byline under the title; an abstract and keywords after their labels, up to the first heading."""
    body = [ln for ln in lines if ln.role == "body"]
    after = body.index(found.title[-1]) + 1 if found.title and found.title[-1] in body else 0
    rest = [ln for ln in lines if ln.role == "body"][after:]
    if rest and _BYLINE.match(rest[0].text):
        found.byline = rest[0]
        rest[0].role = "front"
    current: list[Line] | None = None
    for line in rest:
        if line.role != "body":
            continue
        label = _FRONT_LABEL.match(line.text)
        if label:
            found.labels.append(line)
            line.role = "front"
            current = found.abstract if label.group(1).lower() == "abstract" else found.keywords
        elif current is not None and not line.bold and (not current or _close(current[-1], line)):
            current.append(line)
            line.role = "front"
        else:
            current = None


def _title_again(lines: list[Line], title: str, size: float) -> None:
    """The title set again in large type (on a summary page) is front matter, not a heading."""
    large = [ln for ln in lines if ln.role == "body" and ln.size >= size * 1.3]
    for i in range(len(large)):
        text = ""
        for j in range(i, len(large)):
            text = f"{text} {large[j].text}".strip()
            if text == title:
                for line in large[i : j + 1]:
                    line.role = "front"
                return
            if not title.startswith(text):
                break


def _back(lines: list[Line], size: float, width: float, banner: Line | None = None) -> list[str]:
    """From the first back-matter heading on, the body lines are back matter; return the authors named there.

    The banner's name set again as a heading at the top of a later page opens the publisher's page.
    Without an author heading, "Name, role" lines just before the back matter name the authors.
    """
    start = next(
        (
            i
            for i, ln in enumerate(lines)
            if (ln.role == "body" and is_heading(ln, size) and BACK_MATTER.match(ln.text))
            or (_publisher_page(ln, banner, size) and ln.page == lines[i - 1].page + 1)
        ),
        None,
    )
    if start is None:
        return []
    for line in lines[start:]:
        if line.role == "body" or (line is lines[start] and line.role == "furniture"):
            line.role = "back"
    back = [ln for ln in lines[start:] if ln.role == "back"]
    if AUTHOR_BLOCK.match(back[0].text):
        return _authors(back, size)
    before: list[Line] = []
    for line in reversed(lines[:start]):
        if line.role in {"furniture", "front"}:
            continue
        if line.role != "body" or line.page != back[0].page or is_heading(line, size):
            break
        before.insert(0, line)
    # Column by column, as a reader takes a block of names set side by side.
    before.sort(key=lambda ln: (ln.x0 >= width / 2, -ln.top))
    names = author_names([ln for ln in before if "," in ln.text])
    if names:
        for line in before:
            line.role = "back"
    return names


def _publisher_page(line: Line, banner: Line | None, size: float) -> bool:
    """The line is the banner's name set as a heading on a later page (whatever role the margins gave it)."""
    return (
        banner is not None
        and line.page > banner.page
        and line.role in {"body", "furniture"}
        and line.text == banner.text
        and is_heading(line, size)
    )


def _without_label(line: Line) -> Line:
    return replace(line, runs=line.runs[1:], calls=line.calls[1:])


def _span(lines: list[Line]) -> Span:
    return Span(tuple(ln.number for ln in lines))


def _authors(back: list[Line], size: float) -> list[str]:
    """Names under an author-information heading, or "Name, role" lines before the back matter."""
    start = next((i for i, ln in enumerate(back) if AUTHOR_BLOCK.match(ln.text)), None)
    if start is not None:
        block = []
        for line in back[start + 1 :]:
            if is_heading(line, size) and BACK_MATTER.match(line.text):
                break
            block.append(line)
        return author_names(block)
    return []


def read_pdf(data: bytes, images: bool = True) -> Reading:
    """Read a PDF into numbered lines and blocks; raise :class:`ConversionError` if it cannot be read.

    ``images``: render each figure's and table's region as a PNG (``reading.figures``).
    """
    pages = read_pages(data)
    if not any(run.text.strip() for page in pages for run in page.runs):
        raise ConversionError([Diagnostic(Kind.NO_TEXT, 0, "the PDF has no text layer (a scan?); it needs OCR first")])
    reading = build(pages)
    if images:
        render_figures(data, reading.figures)
    return reading


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


def _figures(groups: list[Group], notes: list[Line], pages: list[Page], printed: list[Line]) -> list[Figure]:
    """Each caption's region: below it, across its column, down to the next paragraph, a source line or the notes.

    ``printed``: the lines that may stand inside a region (the body's and the boxes' beside it).
    """
    found: list[Figure] = []
    for i, group in enumerate(groups):
        if group.kind is not BlockKind.CAPTION:
            continue
        caption = group.lines
        page, column = caption[0].page, caption[0].column
        same = [ln for g in groups for ln in g.lines if ln.page == page and ln.column == column]
        top = min(ln.bottom for ln in caption) - 1
        stops = [
            ln.top for g in groups[i + 1 :] if g.kind is not BlockKind.TABLE for ln in g.lines[:1] if ln.page == page
        ]
        stops += [ln.top for ln in same if ln.top < top and _SOURCE.match(ln.text)]
        stops += [ln.top for ln in notes if ln.page == page]
        height = pages[page - 1].height
        bottom = max((t for t in stops if t < top), default=height * 0.08) + 1
        if top - bottom < 20:
            continue
        left = min(ln.x0 for ln in same) - 2
        right = max(ln.x1 for ln in same) + 2
        kind = "table" if caption[0].text.lower().startswith("tab") else "figure"
        number = sum(1 for f in found if f.name.startswith(kind)) + 1
        own = {ln.number for ln in caption}
        inside = [
            ln
            for ln in printed
            if ln.page == page and ln.number not in own and bottom - 1 <= ln.bottom and ln.top <= top + 1
            if ln.x1 > left and ln.x0 < right
        ]
        inside.sort(key=lambda ln: (-round(ln.baseline), ln.x0))  # row by row, as the eye reads a table
        found.append(
            Figure(
                caption[0].number,
                page,
                (left, bottom, right, top),
                f"{kind}-{number}.png",
                lines=tuple(ln.number for ln in inside),
            )
        )
    return found


def build(pages: list[Page]) -> Reading:
    """Blocks from the pages' geometry (pure: no I/O)."""
    diagnostics: list[Diagnostic] = []
    lines = [page_lines(page) for page in pages]
    numbered = [ln for page in lines for ln in page]
    for number, line in enumerate(numbered, start=1):
        line.number = number
    where = {ln.number: f"p{ln.page}" for ln in numbered}
    mark_furniture(pages, lines)
    mark_contents(lines)
    size = body_size(numbered)
    for page, page_lines_ in zip(pages, lines, strict=True):
        mark_sidebar(page_lines_, page.width, body_size(page_lines_))
        mark_notes(page, page_lines_, size)
    found = _front(lines, size)
    authors = _back(numbered, size, pages[0].width, found.banner)
    steps = pitch([ln for ln in numbered if ln.role in {"body", "note", "back"}])
    links = {page.number: page.links for page in pages}
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
    body_groups = [g for g in body_groups if g in items]
    heading_levels(body_groups, size)
    printed = [ln for ln in numbered if ln.role in {"body", "aside"}]
    figures = _figures(body_groups, [ln for ln in numbered if ln.role == "note"], pages, printed)
    for figure in figures:
        if figure.name.startswith("table"):
            message = "a table kept as an image of its region, its text as lines after it; check the cells"
            diagnostics.append(Diagnostic(Kind.PDF_LAYOUT, figure.line, message))
    spaced = writes_spaces([ln for ln in numbered if ln.role == "body"])
    calls = Calls({item.label for item in items if item.kind is BlockKind.NOTE})
    separate = separates_hyphens([[r.text for r in ln.runs] for ln in numbered])
    _hyphens(pages)
    context = Context(links, spaced, vocabulary([ln.text for ln in numbered]), separate)
    blocks = [_block(item, context, calls) for item in items]
    for number, text in calls.stray:
        message = f"raised {text!r} is not the next note's call (a citation number, a power?); kept as plain text"
        diagnostics.append(Diagnostic(Kind.PDF_LAYOUT, number, message))
    for label in sorted({i.label for i in items if i.kind is BlockKind.NOTE and not i.label.isdigit()} - {"*"}):
        at = next(i.lines[0].number for i in items if i.kind is BlockKind.NOTE and i.label == label)
        diagnostics.append(Diagnostic(Kind.PDF_LAYOUT, at, f"note {label!r}: only numbered notes and '*' are linked"))
    for number, word, dropped in context.doubts:
        done = "taken for the typesetter's and dropped" if dropped else "kept as the word's own"
        diagnostics.append(
            Diagnostic(Kind.PDF_LAYOUT, number, f"the hyphen in {word!r} at a line end was {done}; check")
        )
    back_lines = [ln for ln in numbered if ln.role == "back"]
    back = [_block(g, context, Calls(set())) for g in group_lines(back_lines, size, steps, justified=justified)]
    front = _front_node(found, context, steps, size)
    front.authors = front.authors or authors
    if found.banner is not None:
        front.publisher = found.banner.text
    date = found.date
    date_node = DateLine(date.text, parse_date(date.text) or "", Span((date.number,))) if date is not None else None
    return Reading(
        lines=[ln.text for ln in numbered],
        blocks=blocks,
        where=lambda n: where.get(n, "p1"),
        front=front,
        date=date_node,
        back=back,
        furniture=sum(1 for b in blocks if b.kind is BlockKind.FURNITURE),
        figures=figures,
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
    # Each column's edges on each page: where its full lines end, where its lines start.
    right: dict[tuple[int, int], float] = {}
    left: dict[tuple[int, int], float] = {}
    for line in numbered:
        if line.role == "body":
            key = (line.page, line.column)
            right[key] = max(right.get(key, 0.0), line.x1)
            # A bullet hung out into the margin does not move the column's edge.
            x0 = line.x0 if not BULLET.match(line.text) else line.x0 + line.size * 2
            left[key] = min(left.get(key, x0), x0)
    justified = is_justified([ln for ln in numbered if ln.role == "body" and abs(ln.size - size) < 0.6])
    mark_faces([ln for ln in numbered if ln.role == "body"], size)
    for page_lines_ in lines:
        body = [ln for ln in page_lines_ if ln.role == "body"]
        for group in group_lines(body, size, steps, body_size(body), justified):
            prev = body_groups[-1] if body_groups else None
            opening = group.lines[0]
            edge = right[prev.lines[-1].page, prev.lines[-1].column] if prev else 0.0
            if prev is not None and continues(prev, group, edge, left[opening.page, opening.column]):
                prev.lines += group.lines  # a paragraph cut by a page or column break, placed where it starts
                continue
            body_groups.append(group)
            items.append(group)
        for opens, note in _note_groups([ln for ln in page_lines_ if ln.role == "note"], numbers):
            label = note[0].runs[0].text.strip().rstrip(".")
            if opens and numbers[0] > 0 and _TABLE_NOTE.fullmatch(label):
                # Lettered notes where the notes are numbered: a table's own notes, kept as text after it.
                message = f"note {label!r} among numbered notes: a table's note, kept as text"
                diagnostics.append(Diagnostic(Kind.PDF_LAYOUT, note[0].number, message))
                last_note = Group(BlockKind.TABLE, note)
                items.append(last_note)
            elif opens:
                last_note = Group(BlockKind.NOTE, note, label)
                items.append(last_note)
            elif last_note is not None and _goes_on(last_note.lines[-1], note[0]):
                last_note.lines += note  # a note cut by the page break goes on at the head of the next note area
            else:
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
    start = next((i for i, g in enumerate(items) if g.kind is BlockKind.HEADING and _ENDNOTES.match(_text(g))), None)
    if start is None:
        return items
    end = next((i for i in range(start + 1, len(items)) if items[i].kind is BlockKind.HEADING), len(items))
    section = [ln for g in items[start + 1 : end] if g.kind is not BlockKind.FURNITURE for ln in g.lines]
    notes: list[Group] = []
    for line in section:
        label = _ENDNOTE_LABEL.match(line.text)
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


def _note_groups(lines: list[Line], numbers: list[int]) -> list[tuple[bool, list[Line]]]:
    """Split a page's note lines at each note's first line: (opens a note, lines).

    A labelled line opens a note only if its number comes next: a wrapped line starting "134." does not.
    """
    groups: list[tuple[bool, list[Line]]] = []
    for line in lines:
        label = line.runs[0].text.strip().rstrip(".")
        opens = is_labelled(line) and (not label.isdigit() or int(label) == numbers[0] + 1)
        if opens and label.isdigit():
            numbers[0] = int(label)
        if opens or not groups:
            groups.append((opens, [line]))
        else:
            groups[-1][1].append(line)
    return groups


def _in_front(line: Line, found: FrontLines) -> bool:
    kept = [*found.title, found.date, found.byline, *found.labels, *found.abstract, *found.keywords]
    return any(line is k for k in kept)


def _front_node(found: FrontLines, context: Context, steps: dict[float, float], size: float) -> Front:
    """The front matter as the model has it: title, byline and authors, abstract, keywords."""
    front = Front()
    if found.title:
        front.title = _block(Group(BlockKind.HEADING, found.title), context, Calls(set())).text
        front.title_spans.append(_span(found.title))
    if found.byline is not None:
        names = re.sub(r"^by\s+", "", found.byline.text, flags=re.IGNORECASE).rstrip()
        front.author_note_marker = names.endswith("*")
        names = names.rstrip("*").rstrip()
        front.byline = found.byline.text.rstrip().rstrip("*").rstrip()
        front.authors = split_authors(names)
        front.byline_spans.append(_span([found.byline]))
    for label in found.labels:
        front.label_spans.append(_span([label]))
        if label.text.lower().startswith("abstract"):
            front.abstract_label = label.text
        else:
            front.keywords_label = label.text
    for group in group_lines(found.abstract, size, steps):
        block = _block(Group(BlockKind.TEXT, group.lines), context, Calls(set()))
        front.abstract.append(Paragraph(block.text, block.span))
    if found.keywords:
        front.keywords_line = " ".join(ln.text for ln in found.keywords)
        front.keywords = [k.strip() for k in re.split(r"\s*[|;]\s*", front.keywords_line) if k.strip()]
        front.label_spans.append(_span(found.keywords))
    return front


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
    if group.kind is BlockKind.TABLE:  # (a reference list in small type too: its back-links go as below)
        text = _BACKLINKS.sub("", "\n".join(ln.text for ln in lines))
        return Block(group.kind, text, span, complete=True)
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
    calls.resolve(pieces, prefer=group.kind is not BlockKind.NOTE)  # a note's raised text is not a call
    text = render(pieces)
    if group.kind is BlockKind.NOTE:
        text = _CONTINUED_TAIL.sub("", text)
        if inline_label:  # an endnote's number set in its first run: "12. Text"
            text = re.sub(rf"^{re.escape(escape_markup(group.label))}[.)]?\s*", "", text)
    text = _BACKLINKS.sub("", text)  # an edition's links back to what cites the entry: not the author's words
    if group.kind is BlockKind.LIST_ITEM and text.startswith(escape_markup(group.label)):
        text = text[len(escape_markup(group.label)) :].lstrip()
    return Block(group.kind, text, span, group.label, group.level, complete=True)
