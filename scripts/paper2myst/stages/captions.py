"""Stage ``captions``: a figure's or table's caption gathers what stands under it up to its "Source:" line.

Between a caption ("Table 2. …") and its "Source:"/"Notes:" line stand the table's rows or the figure's text;
they become one TABLE block (never joined to a paragraph). A caption whose end cannot be found is reported.
"""

from __future__ import annotations

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


def captions(doc: Document) -> None:
    blocks = doc.blocks
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        out.append(block)
        i += 1
        if block.kind is not BlockKind.CAPTION or block.label == "source":
            continue
        if i < len(blocks) and _continues_caption(block.text, blocks[i]):
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
                        f"a table given as text ({len(inside)} rows): kept as a literal block; check it",
                    )
                )
        out += notes
        i = end
    doc.blocks = out
