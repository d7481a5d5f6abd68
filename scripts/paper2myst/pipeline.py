"""The ordered, named stages: parse (read, blocks, structure) → repair (layout, markers) → link → emit."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath

from paper2myst.diagnostics import ConversionError, Diagnostic, Kind
from paper2myst.emit import pipe_cells
from paper2myst.model import BlockKind, Caption, Document, Heading, Image, Span, Table, TableCell
from paper2myst.stages.blocks import split_blocks
from paper2myst.stages.captions import captions, header_count, text_cells
from paper2myst.stages.checks import checks, debris
from paper2myst.stages.furniture import furniture
from paper2myst.stages.layout import layout
from paper2myst.stages.link import link, works_cited
from paper2myst.stages.markers import markers
from paper2myst.stages.read import read_lines
from paper2myst.stages.structure import structure
from paper2myst.stages.xrefs import xrefs

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~2 ms); type checkers read it as True
if TYPE_CHECKING:  # a reading comes from the PDF reader, which loads only for a PDF
    from paper2myst.readers import Reading

Stage = Callable[[Document], None]

#: The stages after reading, in order; each mutates the document (like markdown-it's rule chains).
STAGES: list[tuple[str, Stage]] = [
    ("structure", structure),
    ("furniture", furniture),
    ("captions", captions),
    ("layout", layout),
    ("markers", markers),
    ("link", link),
    ("xrefs", xrefs),
    ("checks", checks),
]


def placed_lines(doc: Document) -> set[int]:
    """Every input line some node of ``doc`` was made from."""
    spans: list[Span] = [*doc.front.title_spans, *doc.front.byline_spans, *doc.front.label_spans]
    spans += doc.front.subtitle_spans
    spans += [p.span for p in doc.front.abstract] + [p.span for p in doc.front.addressees]
    spans += [n.span for n in doc.body] + [n.span for n in doc.notes]
    spans += [r.span for r in doc.references] + [b.span for b in doc.back_matter]
    spans += [b.span for b in doc.furniture]
    if doc.references_heading:
        spans.append(doc.references_heading.span)
    return {line for span in spans for line in span.lines}


def with_works_cited(stages: list[tuple[str, Stage]]) -> list[tuple[str, Stage]]:
    """The stages with the opt-in "Works cited" list made right after ``link`` (before the checks judge the notes)."""
    at = [name for name, _ in stages].index("link") + 1
    return [*stages[:at], ("works-cited", generated_works_cited), *stages[at:]]


def generated_works_cited(doc: Document) -> None:
    """A paper without a reference list gets one made from the works its notes cite, under its own heading."""
    works_cited(doc)
    if doc.references and doc.references_heading is None:
        doc.references_heading = Heading("Works cited", doc.references[0].span)


def convert(data: bytes, source_name: str, strict: bool = False, works: bool = False) -> Document:
    """Run every stage on ``data``; raise :class:`ConversionError` on errors (or any diagnostic if strict).

    ``works``: make a "Works cited" list from the notes when the paper has no reference list.
    """
    lines = read_lines(data)
    doc = Document(source_name=source_name, blocks=split_blocks(lines))
    for _name, stage in with_works_cited(STAGES) if works else STAGES:
        stage(doc)
    _text_tables(doc)
    return finish(doc, lines, strict)


def _text_tables(doc: Document) -> None:
    """A table given as text whose rows all split alike into cells (two spaces or a tab apart): a table."""
    for k, node in enumerate(doc.body):
        if not isinstance(node, Caption) or node.kind != "table" or not node.text or pipe_cells(node.rows):
            continue
        cells = text_cells(node.rows)
        if not cells:
            continue
        label = _TABLE_LABEL.match(node.text)
        name = f"table-{label.group(1).lower()}" if label else ""
        rows = [[TableCell(c) for c in row] for row in cells]
        heads = header_count(cells)
        lines = set(node.span.lines)
        doc.diagnostics = [d for d in doc.diagnostics if d.kind is not Kind.TABLE_AS_TEXT or d.line not in lines]
        doc.body[k] = Table(node.text, node.span, rows[:heads], rows[heads:], len(cells[0]), node.notes, name)


def finish(doc: Document, lines: list[str], strict: bool, left_out: frozenset[int] = frozenset()) -> Document:
    """Close a conversion: report unplaced lines, sort the diagnostics, raise on errors (on any if ``strict``).

    Every non-blank line must have made a node or a diagnostic; ``left_out`` lines (furniture) are counted apart.
    """
    debris(doc)
    placed = placed_lines(doc) | {d.line for d in doc.diagnostics} | left_out
    for number, line in enumerate(lines, start=1):
        if line.strip() and number not in placed:
            doc.diagnostics.append(Diagnostic(Kind.UNPLACED, number, "this line was not placed in the output"))
    doc.diagnostics.sort(key=lambda d: d.line)
    failing = [d for d in doc.diagnostics if d.is_error or strict]
    if failing:
        raise ConversionError(failing)
    return doc


# A table's label as its caption prints it ("Table 2.", "Table B-1 ."): its name in the output is "table-b-1".
_TABLE_LABEL = re.compile(r"\W*Table\s+([A-Z]?-?\d{1,3}[a-z]?)\b", re.IGNORECASE)


def _tables(doc: Document, reading: Reading) -> None:
    """Each table the reader read into cells takes its caption's place: a table, with the caption's notes."""
    read = {f.line: f for f in reading.figures if f.columns}
    for k, node in enumerate(doc.body):
        figure = read.get(node.span.first) if isinstance(node, Caption) and node.kind == "table" else None
        if figure is None or not isinstance(node, Caption):
            continue
        label = _TABLE_LABEL.match(node.text)
        name = f"table-{label.group(1).lower()}" if label else PurePosixPath(figure.name).stem
        # The rows read into cells need no "table given as text" finding any more.
        rows = set(node.span.lines)
        doc.diagnostics = [d for d in doc.diagnostics if d.kind is not Kind.TABLE_AS_TEXT or d.line not in rows]
        span = node.span + Span(tuple(n for n, _ in figure.subtitle))
        subtitle = [text for _, text in figure.subtitle]
        doc.body[k] = Table(
            node.text, span, figure.header, figure.body, figure.columns, node.notes, name, figure.page, subtitle
        )


def _images(doc: Document, reading: Reading) -> None:
    """Each rendered figure or table goes with its caption; one no caption carries is reported, not written."""
    _tables(doc, reading)
    captions = {n.span.first for n in doc.body if isinstance(n, Caption) and n.text}
    for figure in reading.figures:
        if figure.columns and figure.line not in captions:
            continue  # read into cells: a table, no image
        if not figure.png:
            continue  # not rendered (the caller asked for text only)
        if figure.line not in captions:
            message = f"the image of the region under this caption ({figure.name}) has no caption to go with; left out"
            doc.diagnostics.append(Diagnostic(Kind.PDF_LAYOUT, figure.line, message))
            continue
        text = "\n".join(reading.lines[n - 1] for n in figure.lines)  # a line each, as printed in the region
        doc.images.append(Image(figure.name, figure.png, figure.line, text))


def convert_reading(reading: Reading, source_name: str, strict: bool = False, works: bool = False) -> Document:
    """Run the stages on what a layout-aware reader (the PDF's) read; like :func:`convert`."""
    doc = Document(source_name=source_name, blocks=[b for b in reading.blocks if b.kind is not BlockKind.FURNITURE])
    doc.diagnostics += reading.diagnostics
    doc.evidence = reading.evidence  # what the reader told apart by geometry: the structure stage decides from it
    for _name, stage in with_works_cited(STAGES) if works else STAGES:
        stage(doc)
    if reading.date is not None:  # where it stands among the body's nodes (first, if on the cover)
        date = reading.date
        doc.body.insert(sum(1 for n in doc.body if n.span.first < date.span.first), date)
    _images(doc, reading)
    # The date is a body node now, so placed like any other; furniture is counted in the summary instead.
    furniture = frozenset(line for b in reading.blocks if b.kind is BlockKind.FURNITURE for line in b.span.lines)
    left_out(doc, reading.lines, furniture)
    return finish(doc, reading.lines, strict, furniture)


#: Page furniture (running heads, page numbers), a cover and contents pages are a small part of a paper's text;
#: where they take more than this share of its characters, the body was probably taken for them.
LEFT_OUT_SHARE = 0.5


def left_out(doc: Document, lines: list[str], furniture: frozenset[int]) -> None:
    """A finding when most of the text was left out as furniture: never a paper silently reduced to its title."""
    total = sum(len(line.strip()) for line in lines)
    out = sum(len(lines[n - 1].strip()) for n in furniture)
    if total and out > LEFT_OUT_SHARE * total:
        first = min(furniture)
        message = (
            f"{100 * out // total}% of the text ({len(furniture)} lines) was left out as page furniture, cover or "
            "contents: check that no body text is among it"
        )
        doc.diagnostics.append(Diagnostic(Kind.LEFT_OUT, first, message))
