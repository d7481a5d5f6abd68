"""Readers turn a source (text or PDF) into numbered lines and blocks for the stages (one model, two readers)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from paper2myst.diagnostics import Diagnostic
from paper2myst.model import Block, DateLine, FrontEvidence, TableCell


def line_number(number: int) -> str:
    """Where a text source's line is: its number."""
    return str(number)


@dataclass(slots=True)
class Figure:
    """A figure or table as an image of its page region: its caption's first line, the file name, the PNG.

    ``box`` is the region on page ``page`` (x0, bottom, x1, top in PDF units) the image shows.
    """

    line: int
    page: int
    box: tuple[float, float, float, float]
    name: str  # "figure-1.png", "table-2.png": emit saves it under docs/_static/figures/
    png: bytes = b""
    lines: tuple[int, ...] = ()  # the text lines printed inside the region, row by row (a table's cells)
    # A table read into cells (header rows, body rows, its width in columns): written as a table, not an image.
    header: list[list[TableCell]] = field(default_factory=list)
    body: list[list[TableCell]] = field(default_factory=list)
    columns: int = 0
    subtitle: list[tuple[int, str]] = field(default_factory=list)  # (line, text) printed between caption and table


@dataclass(slots=True)
class Reading:
    """What a reader read: the source as numbered lines, its blocks, and how to name a line's place."""

    lines: list[str]  # the source as numbered text lines (for a PDF: the lines it read, in order)
    blocks: list[Block]  # what split_blocks makes for text; the PDF reader makes them from geometry
    where: Callable[[int], str] = line_number  # line number → location for diagnostics: "12", or "p5" for a PDF
    # What a reader that sees the layout already knows (the text route leaves these to the stages):
    evidence: FrontEvidence | None = None  # the lines of the front and back matter, for the structure stage
    date: DateLine | None = None
    furniture: int = 0  # lines of page furniture, contents pages and cover left out (placed, counted)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # what the reader was unsure of
    # Figures and tables as images of their page region (a PDF reader's; emit saves them under _static/):
    figures: list[Figure] = field(default_factory=list)
    # Where each line stands (a PDF reader's, for the review report): line → (page, (x0, bottom, x1, top)) ...
    boxes: dict[int, tuple[int, tuple[float, float, float, float]]] = field(default_factory=dict)
    printed: dict[int, str] = field(default_factory=dict)  # ... and each page's number as printed on it ("7", "iv")
