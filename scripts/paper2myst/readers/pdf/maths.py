"""A display equation's line → its printed number and LaTeX, scripts read from each run's size and baseline."""

from __future__ import annotations

from dataclasses import dataclass

from paper2myst.mathtext import LEADING_NUMBER, TRAILING_NUMBER, Piece, known, latex
from paper2myst.readers.pdf.extract import Run
from paper2myst.readers.pdf.lines import Line

# A script is set smaller than its line (as a note call is: lines.CALL_SCALE) ...
SCRIPT_SCALE = 0.85
# ... and a superscript's baseline stands above the line's by more than this part of the line's size, a
# subscript's below it by more than SUB_DROP (measured: a word processor lowers its subscripts by 0.09 em,
# TeX and Typst by 0.15 to 0.25 em; a run merely set smaller, as small capitals, keeps the baseline).
SUP_RISE = 0.12
SUB_DROP = 0.04


@dataclass(frozen=True, slots=True)
class Equation:
    """A display equation as read: its printed number ("" for none), its LaTeX, its text as printed."""

    number: str
    latex: str
    text: str


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
    for run in line.runs:
        text = run.text.replace("\x02", "-")
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
    if not all(known(char) for p in found for char in p.text):
        return None
    return Equation(number, latex(found), " ".join(line.text.split()))
