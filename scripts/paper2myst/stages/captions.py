"""Stage ``captions``: a figure's or table's caption gathers what stands under it up to its "Source:" line.

Between a caption ("Table 2. …") and its "Source:"/"Notes:" line stand the table's rows or the figure's text;
they become one TABLE block (never joined to a paragraph). A caption whose end cannot be found is reported.
"""

from __future__ import annotations

import re

from paper2myst.conventions import CAPTION_NOTE_WORDS, TABLE_NOTE_OPENING
from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.model import Block, BlockKind, Document, Span
from paper2myst.stages.blocks import ends_sentence

PROSE_WORDS = 30  # running text: a paragraph this long (a table's cells are shorter)


def is_prose(block: Block) -> bool:
    """Running text, never a table's row: ``PROSE_WORDS`` words or more, mostly lower case, a sentence's end.

    A table's rows (names, numbers, labels) are mostly capitalised or figures and end without a full stop.
    """
    words = block.text.split()
    if block.kind is not BlockKind.TEXT or len(words) < PROSE_WORDS or not ends_sentence(block.text):
        return False
    return sum(w[:1].islower() for w in words) * 2 >= len(words)


def _source_at(blocks: list[Block], start: int) -> int | None:
    """The "Source:"/"Notes:" line that closes the caption at ``start``; none if running text or a caption comes first.

    A table may run over pages, its header and the page furniture repeated: no count of blocks limits it.
    """
    for k in range(start + 1, len(blocks)):
        block = blocks[k]
        if block.kind is BlockKind.CAPTION:
            return k if block.label == "source" else None
        if is_prose(block):
            return None
    return None


def _continues_caption(caption: str, block: Block) -> bool:
    """A caption the extraction broke in two: the rest starts in lower case or reads as more of a title."""
    if block.kind not in {BlockKind.TEXT, BlockKind.HEADING} or ends_sentence(caption) or " | " in block.text:
        return False
    text = block.text
    words = text.split()
    return text[:1].islower() or (
        len(words) >= 5 and not any(c.isdigit() for c in text) and sum(w[:1].isupper() for w in words) * 2 > len(words)
    )


def _pipe_rows(rows: list[str]) -> bool:
    """Rows given as ``a | b | c`` with the same number of cells each: a table MyST can carry as a table."""
    counts = {row.count(" | ") for row in rows}
    return len(rows) >= 2 and len(counts) == 1 and counts != {0}


# A "Sources:" / "Notes:" line run into the end of a block of text: that text was a box's (a sidebar's).
_RUN_IN_SOURCE = re.compile(rf"(?<=[.!?”\")])\s+(?=(?:{CAPTION_NOTE_WORDS}):\s)")


def _boxes(doc: Document, blocks: list[Block]) -> list[Block]:
    """Text whose own "Sources:" line ran into its end is a box set beside the body, never the body's.

    The box is that block, with the pieces of it a page break cut off before it (text that ends no sentence,
    notes between) and the heading lines right above it (its title); its source line becomes its note.
    """
    out = list(blocks)
    for i in range(len(out) - 1, -1, -1):
        block = out[i]
        match = _RUN_IN_SOURCE.search(block.text) if block.kind is BlockKind.TEXT else None
        if match is None or "\n" in block.text[match.end() :]:
            continue
        pieces = [i]
        k = i - 1
        while k >= 0 and out[k].kind is BlockKind.NOTE:
            k -= 1
        if k >= 0 and k < i - 1 and out[k].kind is BlockKind.TEXT and not ends_sentence(out[k].text):
            pieces.insert(0, k)  # the box's first part, before the page's notes
            k -= 1
        titles: list[int] = []
        while k >= 0 and out[k].kind is BlockKind.HEADING and len(out[k].text.split()) > 1 and len(titles) < 3:
            titles.insert(0, k)
            k -= 1
        text = "\n".join([*(out[p].text for p in pieces[:-1]), block.text[: match.start()]])
        span = Span(tuple(n for p in pieces for n in out[p].span.lines))
        box = Block(BlockKind.TABLE, text, span, "box", complete=True)
        source = Block(BlockKind.CAPTION, block.text[match.end() :], block.span, "source", complete=True)
        title = " ".join(out[t].text for t in titles)
        head = [Block(BlockKind.CAPTION, title, Span(tuple(n for t in titles for n in out[t].span.lines)), "box")]
        between = [out[n] for n in range(pieces[0] + 1, i) if n not in pieces]
        start = titles[0] if titles else pieces[0]
        out[start : i + 1] = [*(head if titles else []), box, source, *between]
        message = "text with its own 'Sources:' line run into it: kept as a box beside the body, not a paragraph"
        doc.diagnostics.append(Diagnostic(Kind.UNCERTAIN_EXTENT, span.first, message))
    return out


def captions(doc: Document) -> None:
    blocks = _boxes(doc, doc.blocks)
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        out.append(block)
        i += 1
        if block.kind is not BlockKind.CAPTION or block.label == "source":
            continue
        # A table's header row repeated on each page it runs over is the table's, not more of its caption.
        repeated = i < len(blocks) and any(b.text == blocks[i].text for b in blocks[i + 1 : i + 200])
        if i < len(blocks) and _continues_caption(block.text, blocks[i]) and not repeated:
            block.text = f"{block.text} {blocks[i].text}"
            block.span = block.span + blocks[i].span
            i += 1
        end = _source_at(blocks, i - 1)
        if end is None:
            doc.diagnostics.append(
                Diagnostic(
                    Kind.UNCERTAIN_EXTENT,
                    block.span.first,
                    f"a {block.label} caption with no 'Source:' or 'Notes:' line under it: where its "
                    f"{block.label} ends is unknown, so its text may stand in the body",
                )
            )
            continue
        inside = [b for b in blocks[i:end] if b.kind is not BlockKind.NOTE]
        notes = [b for b in blocks[i:end] if b.kind is BlockKind.NOTE]
        if inside:
            span = Span(tuple(n for b in inside for n in b.span.lines))
            rows = "\n".join(b.text for b in inside)
            out.append(Block(BlockKind.TABLE, rows, span, block.label, complete=True))
            if block.label == "table" and not _pipe_rows(rows.split("\n")):
                doc.diagnostics.append(
                    Diagnostic(
                        Kind.TABLE_AS_TEXT,
                        span.first,
                        f"a table given as text ({len(inside)} rows): no cells told apart, a paragraph a row; check it",
                    )
                )
        out += notes
        i = end
    doc.blocks = [piece for block in out for piece in _note_lines(block)]


# Where a caption's notes run into one line: "Source: … Notes: … a. … b. …" (each its own note, as printed).
_NOTE_START = re.compile(rf"(?<=[.!?)”\"])\s+(?=(?:{CAPTION_NOTE_WORDS}):\s|{TABLE_NOTE_OPENING})")


def _note_lines(block: Block) -> list[Block]:
    """A caption's source line holding its notes run together: one block per "Source:", "Notes:" and "a." note."""
    if block.kind is not BlockKind.CAPTION or block.label != "source" or "\n" in block.text:
        return [block]
    return [
        Block(BlockKind.CAPTION, piece, block.span, "source", complete=True)
        for piece in _NOTE_START.split(block.text)
        if piece.strip()
    ]


# Cells of a row given as text: set apart by two spaces or more, or a tab (a single space parts words).
_CELL_GAP = re.compile(r" {2,}|\t+")
_FIGURE = re.compile(r"^[\s(\[$€£-]*[-−–]?\d[\d.,]*\s*[%)\]*]*$")


def text_cells(rows: list[str]) -> list[list[str]]:
    """A table's rows given as text, split into cells where every row splits alike; else nothing.

    Each row must split into the same number of cells (two at least), and two rows at least must be given:
    a table whose cells cannot be told apart so stays rows of text (a paragraph each), never a guess.
    """
    cells = [[c for c in _CELL_GAP.split(row.strip())] for row in rows if row.strip()]
    if len(cells) < 2 or len({len(row) for row in cells}) != 1 or len(cells[0]) < 2:
        return []
    return cells


def header_count(cells: list[list[str]]) -> int:
    """The first row heads the table when it holds no figure and a later row does (names over values)."""
    first = any(_FIGURE.match(c) for c in cells[0])
    later = any(_FIGURE.match(c) for row in cells[1:] for c in row)
    return 1 if later and not first else 0
