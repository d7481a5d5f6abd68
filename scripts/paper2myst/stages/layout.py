"""Stage ``layout``: undo the page layout — place notes, rejoin paragraphs and notes cut by page breaks.

The extraction prints each page as its body blocks followed by that page's notes. A paragraph
cut at the foot of a page goes on with the next body block; a note cut at the foot of a page
goes on at the head of the *next* note area, i.e. in the block just before the next note start.
"""

from __future__ import annotations

import re

from paper2myst.dates import MONTH_NUMBERS
from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.model import Block, BlockKind, DateLine, Document, Heading, Note, Paragraph
from paper2myst.stages.blocks import DATE_LINE, ends_sentence

# The extraction closes emphasis at a cut ("in *CNIS Working*" … "Papers, No. 14"): the
# capitalised words that open the continuation belong inside it (titles are title-cased).
_TITLE_WORDS = re.compile(r"^[A-Z0-9][\w'’\-]*(?: [A-Z0-9][\w'’\-]*)*")


def join_cut(head: str, tail: str) -> str:
    """Join two pieces of one paragraph or note split by a page break, mending emphasis."""
    head, tail = head.rstrip(), tail.lstrip()
    if head.endswith("*") and not head.endswith("**") and head.count("*") % 2 == 0:
        if tail.startswith("*") and not tail.startswith("**"):
            # Emphasis closed at the cut and reopened after it: make it one span.
            return f"{head[:-1]} {tail[1:]}"
        words = _TITLE_WORDS.match(tail)
        if words:
            return f"{head[:-1]} {words.group(0)}*{tail[words.end() :]}"
    return f"{head} {tail}"


def flatten(block: Block) -> tuple[str, tuple[int, ...]]:
    """A block's lines as one line of text, with where each input line starts in it."""
    lines = block.text.split("\n")
    offsets, start = [], 0
    for line in lines:
        offsets.append(start)
        start += len(line) + 1
    return " ".join(lines), tuple(offsets)


def _joined_offsets(head: str, head_offsets: tuple[int, ...], tail_offsets: tuple[int, ...]) -> tuple[int, ...]:
    return head_offsets + tuple(len(head.rstrip()) + 1 + o for o in tail_offsets)


def iso_date(text: str) -> str:
    match = DATE_LINE.match(text)
    assert match is not None
    day, month, year = match.groups()
    return f"{year}-{MONTH_NUMBERS[month]:02d}-{int(day):02d}"


def find_continuations(blocks: list[Block]) -> dict[int, int]:
    """Map the index of each note-continuation block to the index of the note it continues."""
    found: dict[int, int] = {}
    for i, block in enumerate(blocks):
        if block.kind is not BlockKind.NOTE or block.complete or ends_sentence(block.text):
            continue
        # Only the last numbered note of an area can be cut; the author note may follow it.
        after = i + 1
        while after < len(blocks) and blocks[after].kind is BlockKind.NOTE and blocks[after].label == "*":
            after += 1
        if after < len(blocks) and blocks[after].kind is BlockKind.NOTE:
            continue
        # The next note area starts after at least one body block of the next page.
        j = next((k for k in range(after + 1, len(blocks)) if blocks[k].kind is BlockKind.NOTE), None)
        if j is not None and j - 1 > after and blocks[j - 1].kind is not BlockKind.NOTE:
            found[j - 1] = i
    return found


def layout(doc: Document) -> None:
    """Turn the body blocks into body nodes and notes."""
    blocks = doc.blocks
    continuations = find_continuations(blocks)
    notes: dict[int, Note] = {}  # block index → note, to find a continuation's note
    by_label: dict[str, Note] = {}
    for i, block in enumerate(blocks):
        if block.kind is BlockKind.NOTE:
            text, offsets = flatten(block)
            note = Note(block.label, text, block.span, offsets)
            if block.label in by_label:
                doc.diagnostics.append(
                    Diagnostic(
                        Kind.DUPLICATE_NOTE,
                        block.span.first,
                        f"note {block.label} is defined twice (first at line {by_label[block.label].span.first})",
                    )
                )
                continue
            notes[i] = by_label[block.label] = note
            doc.notes.append(note)
        elif i in continuations:
            note = notes[continuations[i]]
            text, offsets = flatten(block)
            note.offsets = _joined_offsets(note.text, note.offsets, offsets)
            note.text = join_cut(note.text, text)
            note.span = note.span + block.span
            note.continued = True
        else:
            if block.kind is BlockKind.HEADING and not block.complete and _ends_page(blocks, i + 1, continuations):
                # Headings are kept with the text that follows them: one at the foot of a
                # page is really the start of a paragraph cut by the page break.
                block = Block(BlockKind.TEXT, block.text, block.span)
            _place_body(doc, block)
    whole = {b.label for b in blocks if b.kind is BlockKind.NOTE and b.complete}  # a reader joined them already
    for note in doc.notes:
        if not ends_sentence(note.text) and not note.continued and note.label not in whole:
            doc.diagnostics.append(
                Diagnostic(
                    Kind.UNRESOLVED_CONTINUATION,
                    note.span.first,
                    f"note {note.label} seems cut by a page break but no continuation was found",
                )
            )
    doc.blocks = []


def _ends_page(blocks: list[Block], after: int, continuations: dict[int, int]) -> bool:
    return after < len(blocks) and (blocks[after].kind is BlockKind.NOTE or after in continuations)


def _place_body(doc: Document, block: Block) -> None:
    text, offsets = flatten(block)
    last = doc.body[-1] if doc.body else None
    if isinstance(last, Paragraph) and not ends_sentence(last.text) and not block.complete:
        # Cut by a page break: whatever comes next (even if it looks like a heading) goes on.
        last.offsets = _joined_offsets(last.text, last.offsets, offsets)
        last.text = join_cut(last.text, text)
        last.span = last.span + block.span
        last.joins += 1
    elif block.kind is BlockKind.HEADING:
        doc.body.append(Heading(text, block.span))
    elif block.kind is BlockKind.DATE:
        doc.body.append(DateLine(text, iso_date(text), block.span))
    else:
        doc.body.append(Paragraph(text, block.span, offsets))
