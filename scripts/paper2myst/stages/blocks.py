"""Stage ``blocks``: lines → blocks (runs of non-blank lines), each tagged with what it looks like."""

from __future__ import annotations

import re

from paper2myst.dates import MONTHS
from paper2myst.model import Block, BlockKind, Span

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_ASCII = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

# A note starts with its superscript number (or '*', the author note) and a space.
_NOTE = re.compile(rf"^(?:([{SUPERSCRIPT_DIGITS}]+)|(\*))[ \u00a0]+(?=\S)")
# "1. Heading", "2. Heading...", "3. ...and heading"; never a sentence that ends with a lone period.
_NUMBERED_HEADING = re.compile(r"^\d{1,2}\.\s+\S.{0,118}$")
_MONTHS = "|".join(MONTHS)
DATE_LINE = re.compile(rf"^(?:(?:Updated|Published|Revised|Last updated)(?: on)? )?(\d{{1,2}}) ({_MONTHS}) (\d{{4}})$")


def superscript_to_int(text: str) -> int:
    return int(text.translate(_TO_ASCII))


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence, so that nothing was cut after it."""
    stripped = text.rstrip().rstrip(SUPERSCRIPT_DIGITS + ")]\"'”’»*>")
    return stripped.endswith((".", "?", "!", "…"))


def looks_like_heading(text: str) -> bool:
    """Section headings: numbered (``1. …``) or a short capitalised phrase without punctuation."""
    if "\n" in text:
        return False
    if _NUMBERED_HEADING.match(text):
        return not (text.endswith(".") and not text.endswith("..."))
    words = text.split()
    return (
        0 < len(words) <= 6
        and text[0].isupper()
        and not re.search(r"[.,;:!?()\"“”*<>\[\]|]", text)
        and not DATE_LINE.match(text)
    )


def split_blocks(lines: list[str]) -> list[Block]:
    """Group non-blank lines into blocks; classify notes, headings and date lines."""
    blocks: list[Block] = []
    run: list[tuple[int, str]] = []

    def flush() -> None:
        if run:
            text = "\n".join(line for _, line in run)
            blocks.append(classify(text, Span(tuple(n for n, _ in run))))
            run.clear()

    for number, line in enumerate(lines, start=1):
        if line.strip():
            run.append((number, line.strip()))
        else:
            flush()
    flush()
    return blocks


def classify(text: str, span: Span) -> Block:
    note = _NOTE.match(text)
    if note:
        label = str(superscript_to_int(note.group(1))) if note.group(1) else "*"
        return Block(BlockKind.NOTE, text[note.end() :], span, label)
    if DATE_LINE.match(text):
        return Block(BlockKind.DATE, text, span)
    if looks_like_heading(text):
        return Block(BlockKind.HEADING, text, span)
    return Block(BlockKind.TEXT, text, span)
