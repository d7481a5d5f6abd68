"""The typed document model: every node knows the input lines it came from."""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, field

from paper2myst.diagnostics import Diagnostic

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~2 ms); type checkers read it as True
if TYPE_CHECKING:  # bib builds on this model; the type is only for the checker
    from paper2myst.bib.core import BibEntry


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
    DATE = "date"  # "Updated 1 November 2023", "April 10, 2026"
    LIST_ITEM = "list_item"  # label: its bullet or number as printed; text without it
    QUOTE = "quote"
    CAPTION = "caption"  # "Figure 1. …", "Table 2. …"; label "source" for a "Source:"/"Notes:" line under one
    TABLE = "table"  # rows as lines
    FURNITURE = "furniture"  # running heads, page numbers, banners, contents pages: counted, not emitted


@dataclass(slots=True)
class Block:
    """A run of non-blank input lines, as extracted (source text, not yet MyST)."""

    kind: BlockKind
    text: str
    span: Span
    label: str = ""  # note label ("1", "*") for NOTE blocks
    level: int = 0  # HEADING: 1 = section, 2 = subsection...; 0 = unknown (stages decide)
    complete: bool = False  # the reader knows this block is whole: layout must never join it to another
    # A display equation's LaTeX, where a reader built it from the glyphs' geometry ("": it could not; None: no
    # geometry was read, as from plain text).
    math: str | None = None


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
    # The note's name in the output: its label, made unique where the paper prints the label again (numbering
    # that restarts in an appendix, a table's lettered notes): "1", then "1-2" for the second note labelled 1.
    key: str = ""

    def __post_init__(self) -> None:
        self.key = self.key or self.label


@dataclass(slots=True)
class Paragraph:
    """A body paragraph, rejoined across page breaks."""

    text: str
    span: Span
    offsets: tuple[int, ...] = (0,)  # where each line of ``span`` starts in ``text``
    joins: int = 0
    complete: bool = False  # a display line (an equation): never joined to what follows
    citations: list[Citation] = field(default_factory=list)  # author-date or numbered calls (stage link)
    # Calls whose note is not the one of their label's first note (the label printed again): label → note key.
    note_keys: dict[str, str] = field(default_factory=dict)
    # Words naming a figure, table, appendix or equation of the document ("Table 2", "(4)"): key = its label.
    xrefs: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class Heading:
    """A section heading, e.g. ``1. Military way dominates`` or ``Conclusion``; level 1 = section."""

    text: str
    span: Span
    level: int = 1


@dataclass(slots=True)
class ListItem:
    """One item of a list: its label as printed (bullet or number) and its text."""

    label: str
    text: str
    span: Span


@dataclass(slots=True)
class ItemList:
    """A bulleted or numbered list."""

    items: list[ListItem]
    span: Span

    @property
    def ordered(self) -> bool:
        return all(item.label[:1].isalnum() for item in self.items)


@dataclass(slots=True)
class Quote:
    """A block quotation."""

    text: str
    span: Span


@dataclass(slots=True)
class Caption:
    """A figure's or table's caption ("Figure 1. …"), with its source/notes lines and, for a table, its rows."""

    kind: str  # "figure" or "table"
    text: str
    span: Span
    rows: list[str] = field(default_factory=list)  # a table's rows as the text gives them
    notes: list[str] = field(default_factory=list)  # "Source: …", "Notes: …"


@dataclass(slots=True)
class DateLine:
    """The publication date line, kept verbatim (``Updated 1 November 2023``)."""

    text: str
    iso: str
    span: Span


@dataclass(frozen=True, slots=True)
class TableCell:
    """One cell of a table: its text as printed, how many columns it spans, the note calls raised after it."""

    text: str
    span: int = 1
    marks: str = ""  # "a", "b,c": a table's note letters set as superscripts at the cell's end
    inner: tuple[tuple[int, str], ...] = ()  # such letters inside the cell: (where in ``text``, letters)


@dataclass(slots=True)
class Table:
    """A table read into cells: its caption ("Table 2. …"), header and body rows, and its own notes.

    ``name`` is its label ("table-2"), for references to it; ``page`` where it starts in the source.
    """

    caption: str
    span: Span
    header: list[list[TableCell]]
    body: list[list[TableCell]]
    columns: int
    notes: list[str] = field(default_factory=list)  # "Source: …", "Notes: …", "a. …"
    name: str = ""
    page: int = 0
    subtitle: list[str] = field(default_factory=list)  # lines printed between the caption and the table


@dataclass(slots=True)
class Equation:
    """A display equation: its LaTeX, its printed number ("" for none) and its text as printed (the alternative)."""

    latex: str
    number: str
    text: str
    span: Span


@dataclass(slots=True)
class PanelEdge:
    """Where a boxed panel opens (``title``: its title, "" for none) or closes; the body nodes between are its text."""

    title: str
    span: Span
    opening: bool = True


BodyNode = Paragraph | Heading | DateLine | ItemList | Quote | Caption | Table | Equation | PanelEdge


@dataclass(slots=True)
class Image:
    """A figure or table as an image of its page region (a PDF reader's), shown with the caption on line ``line``.

    ``text`` is the text printed inside the region (a table's cells, a chart's labels), as read: a line each.
    """

    name: str  # "figure-1.png", "table-2.png": emit saves it as _static/figures/<paper>-<name>
    png: bytes
    line: int  # the first line of its caption
    text: str = ""


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
    # An author's role as the paper prints it beside the name ("Specialist in Water Policy"), by name; an author
    # whose role is not printed has none here (never made up).
    roles: dict[str, str] = field(default_factory=dict)
    author_note_marker: bool = False
    abstract_label: str = ""
    abstract: list[Paragraph] = field(default_factory=list)
    keywords_label: str = ""
    keywords_line: str = ""
    keywords: list[str] = field(default_factory=list)
    label_spans: list[Span] = field(default_factory=list)
    subtitle: str = ""
    subtitle_spans: list[Span] = field(default_factory=list)
    number: str = ""  # the report number the cover prints ("R12345")
    series: str = ""  # "Working Paper", "Policy Brief": the series line the cover prints
    doi: str = ""
    issn: str = ""
    publisher: str = ""  # the publisher's name, where a banner prints it
    # The addressees a letter names under its date ("The Honorable …" / title / body), each block its lines.
    addressees: list[Paragraph] = field(default_factory=list)
    # The authors' affiliations and addresses, each one whole as printed (its raised mark first, "¹Imaginary
    # University, Springfield"), in order (under the names or at the foot); the same one under several names once.
    affiliations: list[str] = field(default_factory=list)
    # A journal's history, each line as printed ("Received: 30 September 2026"), in order.
    history: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Seen:
    """A line (or run of lines) a layout-aware reader set apart by its place, size or face: its text, lines, page."""

    text: str
    span: Span
    page: int = 0


@dataclass(slots=True)
class AuthorLines:
    """Lines naming authors and their roles: as found, and in the order a reader takes them (column by column)."""

    lines: list[Seen] = field(default_factory=list)
    read: list[str] = field(default_factory=list)  # a grid of names read a column at a time: each role under its name
    signed: bool = False  # signatures closing the body ("Name, Role"), not an author section under its heading


@dataclass(slots=True)
class FrontEvidence:
    """What a layout-aware reader (the PDF's) found of the front and back matter; the ``structure`` stage decides.

    Each part is lines the reader told apart by geometry (the first page's largest type, a line under the title,
    a short line over it, a box beside a summary, the pages after a back-matter heading), rendered as text.
    """

    title: list[str] = field(default_factory=list)  # its parts as printed: the title, then a subtitle set apart
    title_span: Span | None = None
    byline: Seen | None = None  # "By A and B"
    names: AuthorLines = field(default_factory=AuthorLines)  # names under the title, without a "by"
    sidebar: AuthorLines = field(default_factory=AuthorLines)  # names and roles beside a summary page's text
    labels: list[Seen] = field(default_factory=list)  # "Abstract", "Keywords"
    abstract: list[Paragraph] = field(default_factory=list)
    keywords: Seen | None = None  # the keywords' line(s), joined
    banner: Seen | None = None  # a short line in smaller type over the title: publisher, series, number
    imprint: Seen | None = None  # the publisher's name printed over its web address
    masthead: Seen | None = None  # an institution's name set over the title
    number: str = ""  # the report number: on the cover, in the running elements, or closing the body
    doi: str = ""
    series: str = ""  # the series label printed under the imprint
    back: list[Block] = field(default_factory=list)  # the back matter's blocks (author information, disclaimers)
    back_authors: AuthorLines = field(default_factory=AuthorLines)  # its author section, or the body's signatures
    # The first signature in the body, as a letter or a notice closes: its lines ("Name," / "Role" / "role's rest"),
    # at its name's line.
    signature: Seen | None = None
    affiliations: list[Seen] = field(default_factory=list)  # lines under the names or at the first page's foot
    history: list[Seen] = field(default_factory=list)  # "Received: …", "Accepted: …", each line as printed


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
    images: list[Image] = field(default_factory=list)  # figures and tables as images, each with its caption
    diagnostics: list[Diagnostic] = field(default_factory=list)
    furniture: list[Block] = field(default_factory=list)  # left out of the output: banners, contents pages
    evidence: FrontEvidence | None = None  # a layout-aware reader's findings for the structure stage
    unmatched_calls: set[str] = field(default_factory=set)  # calls with no note: emitted as printed, not linked
    uncalled_notes: set[str] = field(default_factory=set)  # keys of notes no call refers to: kept as text, reported
    # Working state between stages: the blocks still to be placed.
    blocks: list[Block] = field(default_factory=list)
