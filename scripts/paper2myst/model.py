"""The typed document model: every node knows the input lines it came from."""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from paper2myst.diagnostics import Diagnostic

if TYPE_CHECKING:  # bib builds on this model; the type is only for the checker
    from paper2myst.bib import BibEntry


@dataclass(frozen=True, slots=True)
class Span:
    """Input line numbers (1-based) a node was made from, in reading order."""

    lines: tuple[int, ...]

    @property
    def first(self) -> int:
        return self.lines[0]

    def line_at(self, offsets: tuple[int, ...], offset: int) -> int:
        """The input line of character ``offset``, given where each line starts in the text."""
        return self.lines[bisect.bisect_right(offsets, offset) - 1]

    def __add__(self, other: Span) -> Span:
        return Span(self.lines + other.lines)


class BlockKind(enum.Enum):
    """What the parse stage recognised a block as."""

    TEXT = "text"  # body paragraph (or a piece of one, or a note continuation)
    NOTE = "note"  # start of a note: superscript number or '*' then a space
    HEADING = "heading"
    DATE = "date"  # "Updated 1 November 2023"


@dataclass(slots=True)
class Block:
    """A run of non-blank input lines, as extracted (source text, not yet MyST)."""

    kind: BlockKind
    text: str
    span: Span
    label: str = ""  # note label ("1", "*") for NOTE blocks


@dataclass(slots=True)
class Citation:
    """Characters [start, end) of a note's text cite bibliography entry ``key``."""

    start: int
    end: int
    key: str


@dataclass(slots=True)
class Note:
    """A footnote: its original label and its full (rejoined) source text."""

    label: str
    text: str
    span: Span
    offsets: tuple[int, ...] = (0,)  # where each line of ``span`` starts in ``text``
    continued: bool = False  # cut by a page break and rejoined
    citations: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class Paragraph:
    """A body paragraph, rejoined across page breaks."""

    text: str
    span: Span
    offsets: tuple[int, ...] = (0,)  # where each line of ``span`` starts in ``text``
    joins: int = 0
    citations: list[Citation] = field(default_factory=list)  # author-date or numbered calls (stage link)


@dataclass(slots=True)
class Heading:
    """A section heading, e.g. ``1. Military way dominates`` or ``Conclusion``."""

    text: str
    span: Span


@dataclass(slots=True)
class DateLine:
    """The publication date line, kept verbatim (``Updated 1 November 2023``)."""

    text: str
    iso: str
    span: Span


BodyNode = Paragraph | Heading | DateLine


@dataclass(slots=True)
class Reference:
    """One entry of the paper's reference list, verbatim."""

    text: str
    span: Span


@dataclass(slots=True)
class Front:
    """Title page material."""

    title: str = ""
    title_spans: list[Span] = field(default_factory=list)
    byline: str = ""  # "by A and B", verbatim without the author-note marker
    byline_spans: list[Span] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    author_note_marker: bool = False
    abstract_label: str = ""
    abstract: list[Paragraph] = field(default_factory=list)
    keywords_label: str = ""
    keywords_line: str = ""
    keywords: list[str] = field(default_factory=list)
    label_spans: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    """A whole paper after the stages have run."""

    source_name: str = ""
    front: Front = field(default_factory=Front)
    body: list[BodyNode] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    references_heading: Heading | None = None
    references: list[Reference] = field(default_factory=list)
    entries: list[BibEntry] = field(default_factory=list)  # one per reference
    back_matter: list[Block] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Working state between stages: the blocks still to be placed.
    blocks: list[Block] = field(default_factory=list)
