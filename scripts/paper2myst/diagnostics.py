"""Diagnostics are data: a kind, an input line and a message."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass


class Kind(enum.Enum):
    """What went wrong; reported as ``[paper2myst.<value>]``."""

    # Errors: the input cannot be converted faithfully.
    EMPTY = "empty"
    BINARY = "binary"
    ENCODING = "encoding"
    STRUCTURE = "structure"
    NOT_PDF = "not_pdf"
    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt"
    NO_TEXT = "no_text"
    # Warnings: converted, but an editor should look. A paper's own quirks of numbering are never a refusal.
    MARKER_WITHOUT_NOTE = "marker_without_note"
    NOTE_WITHOUT_MARKER = "note_without_marker"
    DUPLICATE_NOTE = "duplicate_note"  # a label printed for two notes (numbering restarts): kept apart
    MARKER_ORDER = "marker_order"  # a call out of order or repeated: linked where it stands
    UNPLACED = "unplaced"
    UNPARSED_REFERENCE = "unparsed_reference"
    UNLISTED_CITATION = "unlisted_citation"
    UNRESOLVED_CONTINUATION = "unresolved_continuation"
    SUSPICIOUS_FRONT = "suspicious_front"  # a title, date or byline that reads like something else, or is missing
    SUSPICIOUS_JOIN = "suspicious_join"  # a paragraph made of several page-break joins, or joined without evidence
    SUSPICIOUS_NOTES = "suspicious_notes"  # note-like blocks but no calls, or calls but no notes
    SUSPICIOUS_HEADINGS = "suspicious_headings"  # several headings in a row: table rows or figure text?
    TABLE_AS_TEXT = "table_as_text"  # a table given as text: kept a paragraph a row
    UNCERTAIN_EXTENT = "uncertain_extent"  # a caption whose table or figure has no visible end
    BROKEN_ADDRESS = "broken_address"  # an address with a space inside it: the extraction broke it
    NO_REFERENCE_LIST = "no_reference_list"  # notes cite works, but the paper lists none
    LEFT_OUT = "left_out"  # most of the text left out as page furniture, cover or contents: the body among it?
    EQUATION = "equation"  # a display equation kept as printed text, or read from text without its scripts
    PDF_LAYOUT = "pdf_layout"  # the PDF reader was unsure of a page's layout (rotated page, unlabelled note)
    UNREADABLE_TEXT = "unreadable_text"  # a PDF's characters with no Unicode meaning (a font without a map): as U+FFFD
    LITERAL_BLOCK = "literal_block"  # a literal (code) block in the output the paper did not print as code
    UNTRUSTED_LINK = "untrusted_link"  # a PDF link to an address an edition must not open (javascript:): words kept


ERRORS = frozenset(
    {
        Kind.EMPTY,
        Kind.BINARY,
        Kind.ENCODING,
        Kind.STRUCTURE,
        Kind.NOT_PDF,
        Kind.ENCRYPTED,
        Kind.CORRUPT,
        Kind.NO_TEXT,
    }
)


#: Warnings from the one an editor must see first to the least: lost or misplaced words of the author's, then
#: notes and calls, then what is shaped wrong, then what is only unsure. Kinds not listed come after them, OPTIONS
#: last of all.
SEVERITY = (
    Kind.LEFT_OUT,
    Kind.UNPLACED,
    Kind.UNREADABLE_TEXT,
    Kind.NOTE_WITHOUT_MARKER,
    Kind.MARKER_WITHOUT_NOTE,
    Kind.UNRESOLVED_CONTINUATION,
    Kind.SUSPICIOUS_NOTES,
    Kind.SUSPICIOUS_JOIN,
    Kind.SUSPICIOUS_FRONT,
    Kind.SUSPICIOUS_HEADINGS,
    Kind.UNTRUSTED_LINK,
    Kind.DUPLICATE_NOTE,
    Kind.MARKER_ORDER,
)
#: Findings that offer the editor an option rather than name a defect a reader would see (a paper that cites works
#: in its notes only has no reference list to miss): after every other.
OPTIONS = (Kind.NO_REFERENCE_LIST,)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding about the input, located at a 1-based line."""

    kind: Kind
    line: int
    message: str

    @property
    def is_error(self) -> bool:
        return self.kind in ERRORS

    @property
    def severity(self) -> int:
        """Rank among warnings: 0 is the worst (see SEVERITY)."""
        if self.kind in OPTIONS:
            return len(SEVERITY) + 1 + OPTIONS.index(self.kind)
        return SEVERITY.index(self.kind) if self.kind in SEVERITY else len(SEVERITY)

    def format(self, filename: str, where: Callable[[int], str] = str) -> str:
        """``file:line: message [paper2myst.kind]``; ``where`` locates a line (``12`` in a text, ``p5`` in a PDF)."""
        place = f"{where(self.line)}:" if self.line else ""  # a whole-file problem has no line: "file: message"
        return f"{filename}:{place} {self.message} [paper2myst.{self.kind.value}]"


class ConversionError(Exception):
    """Raised when the input cannot be converted; carries its diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = diagnostics
