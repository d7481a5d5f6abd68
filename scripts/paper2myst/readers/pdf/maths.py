"""A display equation's line → its printed number and LaTeX, scripts read from each run's size and baseline."""

from __future__ import annotations

import re
from dataclasses import dataclass

from paper2myst.conventions import EQUATION
from paper2myst.mathtext import LEADING_NUMBER, TRAILING_NUMBER, Piece, known, latex, math_letter
from paper2myst.readers.pdf.extract import Run
from paper2myst.readers.pdf.lines import ROW_EXACT, Line, make_line, needs_space

# A script is set smaller than its line (as a note call is: lines.CALL_SCALE) ...
SCRIPT_SCALE = 0.85
# ... and a superscript's baseline stands above the line's by more than this part of the line's size, a
# subscript's below it by more than SUB_DROP (measured: a word processor lowers its subscripts by 0.09 em,
# TeX and Typst by 0.15 to 0.25 em; a run merely set smaller, as small capitals, keeps the baseline).
SUP_RISE = 0.12
SUB_DROP = 0.04
# A line set in maths has at least this share of its letters in Unicode's mathematical alphanumerics.
MATHS_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Equation:
    """A display equation as read: its printed number ("" for none), its LaTeX, its text as printed."""

    number: str
    latex: str
    text: str


_NUMBER_ALONE = re.compile(r"^\s*\(([A-Z]?\d{1,2}(?:\.\d{1,2})?[a-z]?)\)\s*$")


def _maths(text: str) -> bool:
    """Text that reads as maths: a relation sign, or a letter of Unicode's mathematical alphanumerics."""
    return "=" in text or any(math_letter(c) for c in text)


def join_numbers(lines: list[Line]) -> list[Line]:
    """A page's lines with each equation's number, set apart at the margin on the equation's baseline, in its line.

    A typesetter sets the number "(4)" far right of a centred equation: read as a line of its own, it would be
    parted from its equation (a cell of a table, a line of the text).
    """
    out = list(lines)
    for number in lines:
        if not _NUMBER_ALONE.match(number.text) or number not in out:
            continue
        beside = [
            ln
            for ln in out
            if ln is not number
            and ln.x1 < number.x0
            and abs(ln.baseline - number.baseline) <= ROW_EXACT * min(ln.size, number.size)
            and _maths(ln.text)
        ]
        if len(beside) != 1:
            continue
        (line,) = beside
        joined = make_line(line.page, [*line.runs, *number.runs], line.column)
        out[out.index(line)] = joined
        out.remove(number)
    return out


def display(line: Line) -> bool:
    """A line that sets a display equation: numbered before ("(A1) Rev = …"), or set in maths, numbered after or not.

    Set in maths: a relation sign, and most of its letters Unicode's mathematical ones (a line of prose with a
    symbol in it has few).
    """
    text = line.text.strip()
    if EQUATION.match(text):
        return True
    found = TRAILING_NUMBER.search(text)
    body = text[: found.start()] if found else text
    letters = [c for c in body if c.isalpha()]
    maths = sum(1 for c in letters if math_letter(c))
    return "=" in body and bool(letters) and maths >= MATHS_SHARE * len(letters)


def level(run: Run, line: Line) -> int:
    """1 for a superscript, -1 for a subscript, 0 for a run on the line: by its size and baseline against the line's."""
    if not line.size or run.size >= SCRIPT_SCALE * line.size:
        return 0
    shift = (run.baseline - line.baseline) / line.size
    if shift > SUP_RISE:
        return 1
    return -1 if shift < -SUB_DROP else 0


def pieces(line: Line) -> list[Piece]:
    """The line's runs as pieces at their script level; a script follows its base with no space between."""
    out: list[Piece] = []
    prev: Run | None = None
    for run in line.runs:
        text = run.text.replace("\x02", "-")
        if prev is not None and needs_space(prev, run, spaced=True):  # a wide gap: the number set at the margin
            text = " " + text
        prev = run
        step = level(run, line)
        glued = bool(out) and not out[-1].text[-1:].isspace() and not text[:1].isspace()
        if step and glued:  # a trailing space belongs to the line again: "Y" "it " "= " is Y_{it} =
            body = text.rstrip()
            out.append(Piece(body, step, run.font.italic))
            if body != text:
                out.append(Piece(text[len(body) :], 0, run.font.italic))
        else:
            out.append(Piece(text, 0, run.font.italic))
    return out


def _strip(pieces: list[Piece], count: int, end: bool) -> list[Piece]:
    """``pieces`` without their first (or last) ``count`` characters: the printed number taken off."""
    out = list(reversed(pieces)) if end else list(pieces)
    while count > 0 and out:
        piece = out.pop(0)
        if len(piece.text) > count:
            rest = piece.text[:-count] if end else piece.text[count:]
            out.insert(0, Piece(rest, piece.level, piece.italic))
        count -= len(piece.text)
    return list(reversed(out)) if end else out


def equation(line: Line) -> Equation | None:
    """The equation a display line sets, or None where a character has no LaTeX here (it stays text, reported)."""
    found = pieces(line)
    text = "".join(p.text for p in found)
    number = ""
    if match := LEADING_NUMBER.match(text):
        number, found = match.group(1), _strip(found, match.end(), end=False)
    elif match := TRAILING_NUMBER.search(text):
        number, found = match.group(1), _strip(found, len(text) - match.start(), end=True)
    if not all(known(char) for p in found for char in p.text) or not _based(found):
        return None
    return Equation(number, latex(found), " ".join(line.text.split()))


def _based(pieces: list[Piece]) -> bool:
    """Whether every script follows a letter, a number or a closing bracket.

    A script after a sign ("≥" over "Dec 2022") was read apart from its own base: a check must settle it.
    """
    before = ""
    for piece in pieces:
        if piece.level and not (before[-1:].isalnum() or before[-1:] in ")]'"):
            return False
        if not piece.level:
            before = piece.text.rstrip()
    return True
