"""Stage ``layout``: undo the page layout — place notes, rejoin paragraphs and notes cut by page breaks.

The extraction prints each page as its body blocks followed by that page's notes. A paragraph
cut at the foot of a page goes on with the next body block; a note cut at the foot of a page
goes on at the head of the *next* note area, i.e. in the block just before the next note start.
"""

from __future__ import annotations

import re
from itertools import pairwise

from paper2myst import mathtext
from paper2myst.conventions import CONTINUED_TAIL
from paper2myst.dates import parse_date
from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.model import (
    Block,
    BlockKind,
    Caption,
    DateLine,
    Document,
    Equation,
    Heading,
    ItemList,
    ListItem,
    Note,
    PanelEdge,
    Paragraph,
    Quote,
)
from paper2myst.stages.blocks import ends_sentence

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
    if _DASH_END.search(head) and tail[:1].isalnum():
        return f"{head}{tail}"  # "Rural Business-" | "Cooperative Service": the page broke after the dash
    return f"{head} {tail}"


# An address the extraction broke at a line end: "<https://…/Revenu> es/link/…", "<https://…?_tp=> eyJjb…".
_ADDRESS_BREAK = re.compile(r"<(https?://[^\s>]+)>( ?)([\w%\-./?=&#~+]+)")


def _glue(match: re.Match[str]) -> str:
    address, _space, token = match.groups()
    piece = token.rstrip(".,;:")
    # Only what cannot be a word goes into the address: a path piece, a run after "=" or "/", a long code.
    if (
        ("/" in piece and len(piece) >= 10)
        or (address.endswith(("/", "=", "_")) and len(piece) >= 4)
        or (len(piece) >= 12 and re.fullmatch(r"[\w-]+", piece) and re.search(r"[_\d]", piece))
    ):
        return f"<{address}{piece}>{token[len(piece) :]}"
    return match.group()


def mend_addresses(text: str) -> str:
    """Rejoin addresses broken at line ends: an address holds no spaces, so what goes on with it is part of it."""
    while True:
        mended = _ADDRESS_BREAK.sub(_glue, text)
        if mended == text:
            return text
        text = mended


def flatten(block: Block) -> tuple[str, tuple[int, ...]]:
    """A block's lines as one line of text, with where each input line starts in it.

    A line that ends in a dash closed up to its word goes on without a space ("Rural Business-" "Cooperative
    Service"): the dash is kept (a compound's or a dash's, as printed), the line end is no word space.
    """
    lines = block.text.split("\n")
    offsets, start, text = [], 0, ""
    for k, line in enumerate(lines):
        glued = k > 0 and (
            (_DASH_END.search(lines[k - 1]) is not None and line[:1].isalnum()) or address_goes_on(lines[k - 1], line)
        )
        if k and not glued:
            text += " "
            start += 1
        offsets.append(start)
        text += line
        start += len(line)
    return text, tuple(offsets)


_DASH_END = re.compile(r"(?<=[^\W\d_])[-–—]$")  # a dash closed up to the word it ends


def _joined_offsets(
    head: str, head_offsets: tuple[int, ...], tail_offsets: tuple[int, ...], tail: str = ""
) -> tuple[int, ...]:
    space = 0 if _DASH_END.search(head.rstrip()) and tail.lstrip()[:1].isalnum() else 1  # as join_cut joins
    return head_offsets + tuple(len(head.rstrip()) + space + o for o in tail_offsets)


_ENDS_IN_ADDRESS = re.compile(r"(?:<https?://[^\s>]+>|https?://\S+)$")
_OPEN_ADDRESS_END = re.compile(r"https?://[^\s<>]*$")  # a bare address ending a line


def entry_text(text: str) -> str:
    """A reference entry's lines as one line: a space at each line end, none inside an address cut there."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    out = lines[0] if lines else ""
    for prev, line in pairwise(lines):
        out += ("" if address_goes_on(prev, line) else " ") + line
    return " ".join(out.split())


def address_goes_on(line: str, nxt: str) -> bool:
    """Whether ``nxt`` goes on the bare address ``line`` ends with (no space between: an address holds none).

    Sure where the address stops at its scheme ("https://") or the next line opens with a hyphen or slash (no
    word does); where the address stops at a slash or "=", the next line goes on it unless it opens a sentence.
    """
    if not _OPEN_ADDRESS_END.search(line) or not nxt[:1].strip():
        return False
    if line.endswith("://") or re.match(r"[-_/.?=&#%~]\w", nxt):
        return True
    return line.endswith(("/", "=", "_", "-", "?", "&")) and not re.match(r"[A-Z][a-z]+\b(?![/=?&%_.-])", nxt)


def continued_mark(text: str) -> int:
    """Where a "(continued...)" mark that ends a cut note starts; -1 if there is none."""
    match = CONTINUED_TAIL.search(text)
    return match.start() if match else -1


def is_cut(note: Block) -> bool:
    """Whether a note was cut by a page break: marked so, or ending mid-sentence (an address ends a note)."""
    if continued_mark(note.text) >= 0:
        return True
    return not ends_sentence(note.text) and not _ENDS_IN_ADDRESS.search(note.text.rstrip())


def find_continuations(blocks: list[Block]) -> dict[int, int]:
    """Map the index of each note-continuation block to the index of the note it continues."""
    found: dict[int, int] = {}
    for i, block in enumerate(blocks):
        if block.kind is not BlockKind.NOTE or block.complete or not is_cut(block):
            continue
        # Only the last numbered note of an area can be cut; the author note may follow it.
        after = i + 1
        while after < len(blocks) and blocks[after].kind is BlockKind.NOTE and blocks[after].label == "*":
            after += 1
        if after < len(blocks) and blocks[after].kind is BlockKind.NOTE:
            continue
        # The next note area starts after at least one body block of the next page.
        j = next((k for k in range(after + 1, len(blocks)) if blocks[k].kind is BlockKind.NOTE), None)
        # A page with no notes of its own: the cut note goes on alone in its note area, after that page's body and
        # before the next page's; text in lower case after a block that ends a sentence can only be that.
        alone = next(
            (
                k
                for k in range(after + 1, j if j is not None else len(blocks))
                if blocks[k].kind is BlockKind.TEXT
                and blocks[k].text[:1].islower()
                and blocks[k - 1].kind is BlockKind.TEXT
                and ends_sentence(blocks[k - 1].text)
            ),
            None,
        )
        if alone is not None:
            found[alone] = i
        elif j is not None and j - 1 > after and blocks[j - 1].kind in {BlockKind.TEXT, BlockKind.HEADING}:
            found[j - 1] = i
    return found


def layout(doc: Document) -> None:
    """Turn the body blocks into body nodes and notes."""
    blocks = doc.blocks
    continuations = find_continuations(blocks)
    notes: dict[int, Note] = {}  # block index → note, to find a continuation's note
    by_label: dict[str, Note] = {}
    repeats: dict[str, int] = {}  # label → how many notes carry it so far
    page_break = False  # a note area stands between the last body block and this one
    for i, block in enumerate(blocks):
        if block.kind is BlockKind.NOTE:
            page_break = True
            mark = continued_mark(block.text)
            if mark >= 0:
                block = Block(block.kind, block.text[:mark], block.span, block.label)
            text, offsets = flatten(block)
            note = Note(block.label, mend_addresses(text), block.span, offsets)
            if block.label in by_label:
                # The label printed again (numbering restarts, a table's own lettered notes): a note of its own,
                # under a key of its own; its calls are matched to it where they stand (stage markers).
                repeats[block.label] = repeats.get(block.label, 1) + 1
                note.key = f"{block.label}-{repeats[block.label]}"
                doc.diagnostics.append(
                    Diagnostic(
                        Kind.DUPLICATE_NOTE,
                        block.span.first,
                        f"note {block.label} is labelled {block.label} again (first at line "
                        f"{by_label[block.label].span.first}): kept as a note of its own, linked to the calls near it",
                    )
                )
            else:
                by_label[block.label] = note
            notes[i] = note
            doc.notes.append(note)
        elif i in continuations:
            page_break = True
            note = notes[continuations[i]]
            text, offsets = flatten(block)
            note.offsets = _joined_offsets(note.text, note.offsets, offsets, text)
            note.text = mend_addresses(join_cut(note.text, text))
            note.span = note.span + block.span
            note.continued = True
        else:
            if block.kind is BlockKind.HEADING and not block.complete and _starts_paragraph(blocks, i, continuations):
                # A heading-like line at the foot of a page whose next body block goes on in lower case:
                # the first piece of a paragraph cut by the page break, not a heading.
                block = Block(BlockKind.TEXT, block.text, block.span)
            _place_body(doc, block, page_break)
            page_break = False
    whole = {b.label for b in blocks if b.kind is BlockKind.NOTE and b.complete}  # a reader joined them already
    for note in doc.notes:
        if is_cut(Block(BlockKind.NOTE, note.text, note.span)) and not note.continued and note.label not in whole:
            doc.diagnostics.append(
                Diagnostic(
                    Kind.UNRESOLVED_CONTINUATION,
                    note.span.first,
                    f"note {note.label} seems cut by a page break but no continuation was found",
                )
            )
    doc.blocks = []


def _starts_paragraph(blocks: list[Block], i: int, continuations: dict[int, int]) -> bool:
    """Whether the heading-like block ``i`` stands at a page's foot and the next body block continues it."""
    after = i + 1
    if not (after < len(blocks) and (blocks[after].kind is BlockKind.NOTE or after in continuations)):
        return False
    while after < len(blocks) and (blocks[after].kind is BlockKind.NOTE or after in continuations):
        after += 1
    return after < len(blocks) and blocks[after].kind is BlockKind.TEXT and blocks[after].text[:1].islower()


_INITIALS_END = re.compile(r"\b(?:[A-Z]\.){2,}$")  # "U.S.", "D.C.": an abbreviation's dots at the end


def sibling(head: Paragraph, block: Block) -> bool:
    """``block`` opens with a capital and with the word ``head`` opened with: a list's next entry, not more of it.

    A list set as paragraphs ("Series Report …", "Series Video …") repeats its entries' opening word.
    """
    first, tail = head.text.split(maxsplit=1)[:1], block.text.split(maxsplit=1)[:1]
    return bool(first and tail) and first[0] == tail[0] and tail[0][:1].isupper()


def _should_join(head: Paragraph, block: Block, page_break: bool) -> bool:
    """Whether ``block`` goes on with the paragraph ``head`` (cut by a page break) — decided on evidence."""
    tail = block.text.lstrip()
    if page_break and not block.complete and block.kind is BlockKind.TEXT and tail[:1].islower():
        # "… coordinates the U.S." | notes | "government's involvement …": initials end no sentence here.
        return bool(_INITIALS_END.search(head.text)) or not ends_sentence(head.text)
    if block.complete or ends_sentence(head.text):
        return False
    if head.text.rstrip().endswith(":") and not tail[:1].islower():
        return False  # a colon introduces what follows (a list, an equation, a quotation)
    if not page_break and block.kind is BlockKind.TEXT and sibling(head, block):
        return False
    if block.kind is BlockKind.HEADING:
        return page_break  # cut at a page's foot: whatever comes next goes on, even if it looks like a heading
    return block.kind is BlockKind.TEXT


def _place_body(doc: Document, block: Block, page_break: bool) -> None:
    text, offsets = flatten(block)
    last = doc.body[-1] if doc.body else None
    if isinstance(last, Paragraph) and not last.complete and _should_join(last, block, page_break):
        last.offsets = _joined_offsets(last.text, last.offsets, offsets, text)
        last.text = join_cut(last.text, text)
        last.span = last.span + block.span
        last.joins += 1
        if block.kind is BlockKind.HEADING:
            doc.diagnostics.append(
                Diagnostic(
                    Kind.SUSPICIOUS_JOIN,
                    block.span.first,
                    "a line that looks like a heading was joined to the paragraph cut before it",
                )
            )
        elif not page_break and not text[:1].islower():
            doc.diagnostics.append(
                Diagnostic(
                    Kind.SUSPICIOUS_JOIN,
                    block.span.first,
                    "joined to the paragraph before it (which does not end a sentence) with no page break between",
                )
            )
        if last.joins == 3:
            doc.diagnostics.append(
                Diagnostic(Kind.SUSPICIOUS_JOIN, last.span.first, "a paragraph made of several page-break joins")
            )
    elif (
        isinstance(last, ItemList)
        and page_break
        and block.kind is BlockKind.TEXT
        and not block.complete
        and text[:1].islower()
        and (bool(_INITIALS_END.search(last.items[-1].text)) or not ends_sentence(last.items[-1].text))
    ):
        # "• … this EU program could have some impact on" | notes | "natural gas facility operations …": a list's
        # last item cut by the page break goes on after the note area, as a paragraph does.
        item = last.items[-1]
        item.text = join_cut(item.text, text)
        item.span = item.span + block.span
        last.span = last.span + block.span
    elif block.kind is BlockKind.HEADING:
        doc.body.append(Heading(text, block.span, block.level or 1))
    elif isinstance(last, Paragraph) and not last.complete and block.kind is BlockKind.TEXT and sibling(last, block):
        before = doc.body[-2] if len(doc.body) > 1 else None
        chain = isinstance(before, Paragraph) and sibling(before, Block(BlockKind.TEXT, last.text, last.span))
        if not ends_sentence(last.text) and not chain:  # once for a run of entries
            doc.diagnostics.append(
                Diagnostic(
                    Kind.SUSPICIOUS_JOIN,
                    block.span.first,
                    "kept apart from the paragraph before it, which does not end a sentence: both open with the "
                    "same word, as a list's entries do",
                )
            )
        doc.body.append(Paragraph(text, block.span, offsets, complete=block.complete))
    elif block.kind is BlockKind.DATE:
        doc.body.append(DateLine(text, parse_date(text) or "", block.span))
    elif block.kind is BlockKind.LIST_ITEM:
        item = ListItem(block.label, text, block.span)
        if isinstance(last, ItemList) and last.items[-1].label[:1] == block.label[:1]:
            last.items.append(item)
            last.span = last.span + block.span
        else:
            doc.body.append(ItemList([item], block.span))
    elif block.kind is BlockKind.QUOTE:
        doc.body.append(Quote(block.text, block.span))
    elif block.kind is BlockKind.CAPTION and block.label != "source":
        doc.body.append(Caption(block.label, text, block.span))
    elif block.kind is BlockKind.TABLE and isinstance(last, Caption) and not last.rows and block.label != "equation":
        last.rows = block.text.split("\n")
        last.span = last.span + block.span
    elif block.kind is BlockKind.TABLE and block.label == "equation":
        _equation(doc, block)
    elif block.kind is BlockKind.TABLE and block.label in {"panel-open", "panel-close"}:
        doc.body.append(PanelEdge(block.text, block.span, opening=block.label == "panel-open"))
    elif block.kind is BlockKind.TABLE:  # a table or box with no caption above it
        kind = block.label if block.label == "box" else "table"
        doc.body.append(Caption(kind, "", block.span, rows=block.text.split("\n")))
    elif block.kind is BlockKind.CAPTION and isinstance(last, Caption):
        last.notes.append(text)
        last.span = last.span + block.span
    elif block.kind is BlockKind.FURNITURE:
        doc.furniture.append(block)
    else:
        doc.body.append(Paragraph(text, block.span, offsets, complete=block.complete))


def _equation(doc: Document, block: Block) -> None:
    """A display equation as maths; one whose LaTeX could not be made stays its printed text, reported."""
    text = " ".join(block.text.split())
    latex = block.math if block.math is not None else mathtext.plain(text)
    if not latex:
        message = "an equation whose signs or scripts this converter could not settle: kept as printed text; check it"
        doc.diagnostics.append(Diagnostic(Kind.EQUATION, block.span.first, message))
        doc.body.append(Paragraph(text, block.span, complete=True))
        return
    if block.math is None:  # from plain text: a script was set as a letter on the line
        message = "an equation read from plain text: its sub- and superscripts cannot be told there; check it"
        doc.diagnostics.append(Diagnostic(Kind.EQUATION, block.span.first, message))
    doc.body.append(Equation(latex, mathtext.number(text), text, block.span))
