"""Stage ``blocks``: lines → blocks (runs of non-blank lines), each tagged with what it looks like."""

from __future__ import annotations

import re

from paper2myst.conventions import (
    APPENDIX_HEADING,
    BULLETS,
    CAPTION,
    CAPTION_NOTE,
    EQUATION,
    FURNITURE_LINE,
    LETTER_HEADING,
    NUMBERED_HEADING,
)
from paper2myst.dates import DATE_LINE, parse_date
from paper2myst.model import Block, BlockKind, Span

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# Roman-numeral and letter calls as the text form prints them (ⁱ ⁱⁱ ⁱᵛ ᵃ ᵇ …).
SUPERSCRIPT_LETTERS = "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"
SYMBOL_CALLS = "†‡"
_TO_ASCII = str.maketrans(SUPERSCRIPT_DIGITS + SUPERSCRIPT_LETTERS, "0123456789abcdefghijklmnoprstuvwxyz")
# A call: superscript digits or letters glued to the word before, or a dagger; what follows is a space,
# punctuation or the end (a superscript letter inside a word, "10ᵗʰ", is an ordinal, not a call; a superscript
# digit a letter follows, "CO²e", is part of its word).
CALL = re.compile(
    rf"[{SUPERSCRIPT_DIGITS}]+(?![^\W\d_])|[{SUPERSCRIPT_LETTERS}]+(?![\w{SUPERSCRIPT_LETTERS}])|[{SYMBOL_CALLS}]+"
)

# A note starts with its call (superscript number or letters, '*' the author note, a dagger) and a space.
_NOTE = re.compile(
    rf"^(?:([{SUPERSCRIPT_DIGITS}]+)|([{SUPERSCRIPT_LETTERS}]+)|(\*)|([{SYMBOL_CALLS}]+))[ \u00a0]+(?=\S)"
)
_BULLET = re.compile(rf"^([{BULLETS}])\s+")
_SUB_BULLET = "o"
_DASH_ITEM = re.compile(r"^[–—]\s+\S")
_TITLE_WORD = re.compile(r"[A-Z0-9][\w'’-]*")


def call_label(call: str) -> str:
    """A call as printed → the note's label: ``¹²`` → ``12``, ``ⁱᵛ`` → ``iv``, ``†`` → ``†``."""
    return call.translate(_TO_ASCII)


def superscript_to_int(text: str) -> int:
    return int(text.translate(_TO_ASCII))


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence, so that nothing was cut after it."""
    stripped = text.rstrip().rstrip(SUPERSCRIPT_DIGITS + SUPERSCRIPT_LETTERS + SYMBOL_CALLS + ")]\"'”’»*>")
    return stripped.endswith((".", "?", "!", "…"))


def heading_level(text: str) -> int:
    """The level a numbered heading's number says (``1.`` → 1, ``1.1`` → 2, ``Appendix A.`` → 1); 0 unknown."""
    numbered = NUMBERED_HEADING.match(text)
    if numbered:
        return numbered.group("number").count(".") + 1
    return 1 if APPENDIX_HEADING.match(text) else 0


# Words a title leaves in lower case however long they are (the short ones are never counted).
_MINOR_WORDS = frozenset(
    [
        "from",
        "with",
        "into",
        "onto",
        "over",
        "upon",
        "than",
        "that",
        "this",
        "their",
        "these",
        "under",
        "after",
        "about",
        "among",
        "between",
        "through",
        "within",
        "without",
        "versus",
        "during",
    ]
)
# An abbreviation's dots ("H.R.", "U.S.", "P.L."): one capital letter and its period, no sentence's end.
_INITIALS = re.compile(r"\b([A-Z])\.(?=[A-Z]|\s|$)")
# A heading printed in emphasis as a whole ("*Imaginary Office*"): emphasis closed around a raised mark inside.
_EMPHASISED = re.compile(
    rf"^\*(?!\*)(?P<text>[^*]+(?:\*[{SUPERSCRIPT_DIGITS}{SUPERSCRIPT_LETTERS}{SYMBOL_CALLS}]+\*[^*]+)*)\*$"
)
# A note call that ends a heading ("Regular Elections¹"): the heading's, not a reason to doubt it.
_TRAILING_CALL = re.compile(rf"(?<=\w)(?:[{SUPERSCRIPT_DIGITS}]+|[{SYMBOL_CALLS}]+)$")


def _title_cased(words: list[str]) -> bool:
    # A capital that opens a sentence is prose's as much as a title's: in a line of several sentences ("Water of
    # of? Water of of?"; a full stop's sentence is never a heading) those words show nothing, and the title case
    # must show in the words inside them.
    ends = [w.rstrip(")]\"'”’»*").endswith(("?", "!")) for w in words]
    if any(ends[:-1]):
        words = [w for i, w in enumerate(words) if i > 0 and not ends[i - 1]]
    long = [w.strip("()[]'‘’\"“”") for w in words if len(w) > 3 and not w[0].isdigit()]
    long = [w for w in long if w not in _MINOR_WORDS]
    return bool(long) and sum(bool(_TITLE_WORD.match(w)) for w in long) >= 0.85 * len(long)


def emphasised_heading(text: str) -> str:
    """The words of a line printed in emphasis as a whole that reads as a heading ("" if it does not).

    A short phrase in emphasis alone on its line, starting with a capital and ending without a sentence's full
    stop (an abbreviation's dot aside), is a run-in subheading; a sentence in emphasis is not.
    """
    match = _EMPHASISED.match(text)
    if match is None or "\n" in text:
        return ""
    words = match.group("text").replace("*", "")
    plain = _INITIALS.sub(r"\1", words).rstrip()
    if not plain[:1].isupper() or len(plain.split()) > 20 or plain.endswith((".", ",", ";", ":")):
        return ""
    return match.group("text") if not re.search(r"[.!]\s", plain) else ""


def looks_like_heading(text: str) -> bool:
    """Section headings: numbered (``1.``, ``1.1``, ``Appendix A.``), a short phrase, or a title-cased line.

    Abbreviations' dots ("H.R. 1234", "U.S. Imaginary Exports") and a note call at the end are a heading's too.
    """
    text = _TRAILING_CALL.sub("", text)
    if "\n" in text or re.search(rf"[{SUPERSCRIPT_DIGITS}{SUPERSCRIPT_LETTERS}{SYMBOL_CALLS}*<>\[\]|]", text):
        return False
    quoted = bool(re.search('["“”]', text))
    if quoted and (text.count('"') % 2 or text.count("“") != text.count("”")):
        return False
    if NUMBERED_HEADING.match(text):
        dotted = text.split()[0].count(".")
        if dotted > 1 or (dotted == 1 and not text.split()[0].endswith(".")):
            # "1.1 Heading": a subsection must look like a title, not like "2.5 percent of …".
            return text.split()[1][:1].isupper() and not ends_sentence(text)
        return not (text.endswith(".") and not text.endswith("..."))
    if APPENDIX_HEADING.match(text):
        return not text.endswith(".") or len(text.split()) <= 3
    if LETTER_HEADING.match(text) and not text.endswith("."):
        return len(text.split()) <= 12
    words = text.split()
    if not words or (not text[0].isupper() and not text[0].isdigit()):
        return False
    bare = _INITIALS.sub(r"\1", text)
    if len(words) <= 6 and text[0].isupper() and not re.search(r"[.,;:!?()\"“”]", bare) and not DATE_LINE.match(text):
        return True
    # A longer heading is title-cased and ends without a sentence's full stop (a question mark may end it).
    return (
        len(words) <= 25
        and not re.search(r"[.,;:!]$|\.\s|[;$%]", bare)
        and _title_cased(words)
        and parse_date(text) is None
    )


# Emphasis around punctuation alone glued to a word ("voluntarily*.*"): no emphasis Markdown reads, only its marks.
_PUNCTUATION_EMPHASIS = re.compile(r"(?<=\w)(\*{1,3})([^\w\s*\\]{1,3})\1(?![\w*])")


# A dash closed up to the word before it and spaced from the word after ("Business- Cooperative", "workers— are"):
# a line end the extraction turned into a space. A suspended hyphen ("country- and time-fixed") keeps its space,
# and so does a minus among a formula's Greek letters ("(1- τ)", "(σ- tlμ)": the author's spacing).
_LINE_END_DASH = re.compile(
    r"(?<=\w)(?<![\u0370-\u03ff])([-–—]) (?!(?:and|or|nor|to|but|through)\b)(?=[^\W\u0370-\u03ff])"
)


def split_blocks(lines: list[str]) -> list[Block]:
    """Group non-blank lines into blocks; classify notes, headings and date lines."""
    blocks: list[Block] = []
    run: list[tuple[int, str]] = []

    def flush() -> None:
        if run:
            text = "\n".join(line for _, line in run)
            blocks.extend(classify(text, Span(tuple(n for n, _ in run))))
            run.clear()

    for number, line in enumerate(lines, start=1):
        if line.strip():
            text = _PUNCTUATION_EMPHASIS.sub(r"\2", line.strip())
            run.append((number, _LINE_END_DASH.sub(r"\1", text)))
        else:
            flush()
    flush()
    return _drop_caps(blocks)


def _drop_caps(blocks: list[Block]) -> list[Block]:
    """A capital alone before a paragraph that opens in lower case is its drop cap: the paragraph's first letter."""
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if (
            last is not None
            and len(last.text) == 1
            and last.text.isupper()
            and block.kind is BlockKind.TEXT
            and block.text[:1].islower()
        ):
            out[-1] = Block(BlockKind.TEXT, last.text + block.text, last.span + block.span, complete=block.complete)
        else:
            out.append(block)
    return out


def classify(text: str, span: Span) -> list[Block]:
    """What one block is; a run of bulleted items printed as one block gives one block per item."""
    note = _NOTE.match(text)
    if note:
        digits, letters, star, symbol = note.groups()
        label = str(superscript_to_int(digits)) if digits else call_label(letters) if letters else star or symbol
        return [Block(BlockKind.NOTE, text[note.end() :], span, label)]
    lines = text.split("\n")
    if len(lines) > 1 and all(_DASH_ITEM.match(line) for line in lines):
        # One item a line, each set off by a dash.
        return [
            Block(BlockKind.LIST_ITEM, line[2:].strip(), Span((number,)), line[0], complete=True)
            for number, line in zip(span.lines, lines, strict=True)
        ]
    if _BULLET.match(text):
        # Items the extraction ran into one block: split at the same bullet set off by spaces, and at a sub-item's
        # "o" (the usual second-level bullet) between an item's end and a capital.
        bullet = re.escape(text[0])
        starts = list(re.finditer(rf"(?:^|(?<=\s))({bullet})\s+|(?<=[.;:,])\s+({_SUB_BULLET})\s+(?=[A-Z])", text))
        return [
            Block(BlockKind.LIST_ITEM, text[at.end() : nxt.start() if nxt else len(text)].strip(), span, label, 0, True)
            for at, nxt in zip(starts, [*starts[1:], None], strict=True)
            for label in [at.group(1) or at.group(2)]
        ]
    if text.startswith("> "):
        return [Block(BlockKind.QUOTE, re.sub(r"(?m)^> ?", "", text), span, complete=True)]
    if DATE_LINE.match(text) and parse_date(text):
        return [Block(BlockKind.DATE, text, span)]
    if CAPTION.match(text):
        return [Block(BlockKind.CAPTION, text, span, text.split()[0].lower(), complete=True)]
    if CAPTION_NOTE.match(text):
        return [Block(BlockKind.CAPTION, text, span, "source", complete=True)]
    if FURNITURE_LINE.match(text):
        return [Block(BlockKind.FURNITURE, text, span)]
    if looks_like_heading(text):
        return [Block(BlockKind.HEADING, text, span, level=heading_level(text))]
    if words := emphasised_heading(text):
        return [Block(BlockKind.HEADING, words, span, level=heading_level(words))]
    if EQUATION.match(text):  # a display equation: kept as printed, never a paragraph of running text
        return [Block(BlockKind.TABLE, text, span, "equation", complete=True)]
    return [Block(BlockKind.TEXT, text, span)]
