"""The publisher's back page set as printed: its headings, address lines, lists of papers and small print."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from paper2myst.conventions import BACK_MATTER_HEADING, END_MATTER_HEADING
from paper2myst.inline import line_start_safe, to_myst
from paper2myst.model import Block, BlockKind

# A printed line break is the line's own where the next line's first word would have fitted after it: the line
# ends short of the measure (the page's longest printed line) by more than that word. Type is proportional, so a
# wrapped line counts as full from this share of the measure on.
FIT = 0.8
# The measure is never taken narrower than this many characters, the narrowest column of running text (a page of
# short lines only, an address, has no full line to show its measure).
NARROWEST = 45
# A run of printed lines, each opening with a number ("22 | 23 Name, Title", "2023/04 …"), from this many on, is a
# list (of the publisher's latest papers); two could be an address's street and postcode.
LIST_RUN = 3
# An address to write to or visit, or a telephone number (six digits or more among spaces, dots, dashes, brackets).
CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.\w|\bwww\.|https?://|(?:\+|\b)(?:\d[\s().-]?){5,}\d")
# What the publisher prints in small type at the foot of its page: the copyright, the licence, the ISSN/ISBN.
SMALL_PRINT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\blicen[cs]ed?\b|all rights reserved|\bIS[SB]N\b", re.I)
SENTENCE_END = re.compile(r"[.!?][\"'’”)*]*$")
NUMBERED = re.compile(r"^\d")


@dataclass(frozen=True, slots=True)
class Part:
    """One block of the back page: its printed lines (wrapped lines joined) and what it is set as."""

    lines: list[str]
    kind: str  # "heading", "list", "lines", "paragraph"
    small: bool = False  # set in small type (a copyright or licence)
    single: bool = False  # one printed line that ends no sentence: runs of them are one block of lines


def measure(blocks: Sequence[Block]) -> int:
    """The page's measure in characters: its longest printed line.

    Only a block whose printed lines are known counts: one line a source line ("\\n"-separated), not a paragraph
    the reader has joined already (two printed lines, one line of text).
    """
    known = [b for b in blocks if b.text.count("\n") + 1 == len(b.span.lines)]
    return max([NARROWEST, *(len(line) for b in known for line in b.text.split("\n"))])


def continued(blocks: Sequence[Block], width: int) -> list[Block]:
    """Blocks with a paragraph the reader left in pieces put together.

    A piece after one that ends no sentence goes on from it where it opens in lower case ("format, as long as …")
    or the line before it is full. The break between them is kept ("\\n"), for :func:`printed_lines` to judge.
    """
    out: list[Block] = []
    piece: Block | None = None  # the last block put in, whose last line ``out[-1]`` ends with
    for block in blocks:
        if piece is not None and out[-1].kind is BlockKind.TEXT is block.kind and _goes_on(piece, block, width):
            out[-1] = Block(BlockKind.TEXT, f"{out[-1].text}\n{block.text}", out[-1].span + block.span)
        else:
            out.append(block)
        piece = block
    return out


def _goes_on(last: Block, block: Block, width: int) -> bool:
    """Whether ``block`` is the rest of the paragraph ``last`` ends (neither an address nor a number to call)."""
    before, first = last.text.rsplit("\n", 1)[-1], block.text.split("\n", 1)[0]
    if SENTENCE_END.search(before) or CONTACT.search(before) or CONTACT.match(first):
        return False
    known = last.text.count("\n") + 1 == len(last.span.lines)  # its last printed line is the text's last line
    return bool(re.match(r"[a-z]+\b", first)) or (known and wrapped(before, first, width))


def wrapped(line: str, following: str, width: int) -> bool:
    """Whether the break after ``line`` is the typesetter's: the next line's first word would not have fitted."""
    word = following.split(" ", 1)[0]
    return len(line) + 1 + len(word) > FIT * width


def printed_lines(text: str, width: int) -> list[str]:
    """A block's printed lines with its wrapped lines joined: the breaks left are the publisher's."""
    lines: list[str] = []
    previous = ""
    for line in text.split("\n"):
        if lines and wrapped(previous, line, width):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
        previous = line
    return lines


def heads(block: Block, before: Block | None, after: Block | None) -> bool:
    """Whether a block is a heading of the back page, on its own evidence and its neighbours'.

    The reader's heading that is one line, no address or number to call, and heads something (the next block is
    no heading too). After a line that ends unfinished (no full stop, no address), the line may be its wrap: a
    heading then only if its words are a back-matter heading's ("Disclaimer", "About the author").
    """
    text = block.text
    if block.kind is not BlockKind.HEADING or "\n" in text or CONTACT.search(text) or SENTENCE_END.search(text):
        return False
    if after is None or after.kind is BlockKind.HEADING:
        return False
    if BACK_MATTER_HEADING.match(text) or END_MATTER_HEADING.match(text):
        return True
    last = before.text.rsplit("\n", 1)[-1] if before is not None else ""
    return before is None or before.kind is BlockKind.HEADING or bool(SENTENCE_END.search(last) or CONTACT.search(last))


def is_list(lines: list[str]) -> bool:
    """A list as the source marks it ("- " each line), or a run of lines that each open with a number."""
    if all(line.startswith("- ") for line in lines):
        return True
    return len(lines) >= LIST_RUN and all(NUMBERED.match(line) for line in lines)


def part(block: Block, before: Block | None, after: Block | None, width: int) -> Part:
    """What one block is set as."""
    lines = printed_lines(block.text, width)
    small = bool(SMALL_PRINT.search(block.text))
    if heads(block, before, after):
        return Part(lines, "heading")
    if block.kind is BlockKind.LIST_ITEM:  # a number as printed stays; a bullet is the list's own
        label = [block.label] if any(c.isalnum() for c in block.label) else []
        return Part([f"- {' '.join([*label, *lines])}"], "list")
    printed = block.text.split("\n")  # a list's items as printed, before any line is taken for a wrap
    items = printed if is_list(printed) else lines
    if is_list(items):
        return Part([line if line.startswith("- ") else f"- {line}" for line in items], "list")
    if len(lines) > 1:
        return Part(lines, "lines", small)
    single = len(block.span.lines) == 1 and not SENTENCE_END.search(lines[0]) and not small
    return Part(lines, "lines" if single else "paragraph", small, single)


def parts(blocks: Sequence[Block]) -> list[Part]:
    """What each block is set as; a run of one-line blocks (an address) is one block of lines, list items a list."""
    width = measure(blocks)
    blocks = continued(blocks, width)
    out: list[Part] = []
    small = False  # small print runs on to the next heading (a licence the reader read line by line)
    for i, block in enumerate(blocks):
        found = part(block, blocks[i - 1] if i else None, blocks[i + 1] if i + 1 < len(blocks) else None, width)
        small = found.kind != "heading" and (small or found.small)
        if small and not found.small and found.kind in {"lines", "paragraph"}:
            found = Part(found.lines, found.kind, small=True)
        last = out[-1] if len(out) > 1 else None  # (the first part is the page's title, on its own)
        if last is not None and found.single and last.single:
            out[-1] = Part([*last.lines, *found.lines], "lines", single=True)
        elif last is not None and found.kind == "list" and last.kind == "list":
            out[-1] = Part([*last.lines, *found.lines], "list")
        else:
            out.append(found)
    return out


def inline(text: str) -> str:
    return to_myst(text, markers=False)


def render(part: Part, title: bool) -> str:
    """One part as MyST: the page's first block its title; lines end in a hard break (a backslash) but the last.

    Small print is put in its container by :func:`back_matter_page`.
    """
    if title:
        return f"# {inline(' '.join(part.lines))}\n"
    if part.kind == "heading":
        return f"## {inline(' '.join(part.lines))}\n"
    if part.kind == "list":
        return "".join(f"- {line_start_safe(inline(line[2:]))}\n" for line in part.lines)
    if part.kind == "lines":
        return "\\\n".join(line_start_safe(inline(line)) for line in part.lines) + "\n"
    return line_start_safe(inline(" ".join(part.lines))) + "\n"


def back_matter_page(blocks: Sequence[Block], header: str) -> str:
    """The publisher's page: its first block the title, then each part as the publisher printed it.

    A run of small print (a disclaimer, a licence, the copyright) is one container, "small-print".
    """
    out, small = [f"% {header}\n"], []
    for i, found in enumerate(parts(blocks)):
        if found.small:
            small.append(render(found, i == 0))
            continue
        if small:
            out.append(_small_print(small))
            small = []
        out.append(render(found, i == 0))
    if small:
        out.append(_small_print(small))
    return "\n".join(out)


def _small_print(texts: list[str]) -> str:
    body = "\n".join(texts)
    return f"````{{container}} small-print\n{body}````\n"
