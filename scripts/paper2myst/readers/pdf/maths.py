"""A display equation's line → its printed number and LaTeX, scripts read from each run's size and baseline."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from paper2myst.conventions import EQUATION
from paper2myst.mathtext import LEADING_NUMBER, TRAILING_NUMBER, Piece, known, latex, math_letter
from paper2myst.readers.pdf.extract import Run
from paper2myst.readers.pdf.lines import PUNCT_GAP, ROW_EXACT, WORD_GAP, Line, make_line, needs_space

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


#: A script line stands this many ems at most above (or below) the baseline of the line it belongs to: an
#: exponent that carries its own subscript is raised more than a note call, never a line's height.
SCRIPT_REACH = 0.6


def join_scripts(lines: list[Line]) -> list[Line]:
    """A page's lines with each script read as a line of its own put back in the line it is set in.

    A raised exponent of several runs ("α" then "T−Age" raised, "at" under it) can stand too high for the row
    finder: it becomes a line of its own, and the text after it on the same row another. A line all in type
    smaller than another's (``SCRIPT_SCALE``), its baseline less than ``SCRIPT_REACH`` of that line's size above or
    below it, and starting where that line ends (within a word space, ``WORD_GAP``), is set in it; a line that goes
    on from the script on that line's baseline (within ``PUNCT_GAP``: a comma after the exponent) too.
    """
    out = list(lines)
    gone: set[int] = set()  # (by identity: comparing lines field by field is slow)
    for script in lines:
        if id(script) in gone:
            continue
        host = next((ln for ln in out if ln is not script and _scripted(ln, script)), None)
        if host is None:
            continue
        runs = [*host.runs, *script.runs]
        out = [ln for ln in out if ln is not script]
        gone.add(id(script))
        after = next((ln for ln in out if ln is not host and _goes_on_after(host, script, ln)), None)
        if after is not None:
            runs += after.runs
            out = [ln for ln in out if ln is not after]
            gone.add(id(after))
        joined = make_line(host.page, runs, host.column)
        joined.role = host.role
        out[next(i for i, ln in enumerate(out) if ln is host)] = joined
        gone.add(id(host))  # (replaced by the joined line: no script of its own any more)
    return out


# A run of one letter, a space and an opening bracket ("O (" before "𝑡,𝑇"): a function's letter set in maths
# (a sentence's text object holds its words too).
_APPLIED = re.compile(r"\w \(")


def maths_spaces(lines: list[Line]) -> list[Line]:
    """A page's lines without the spaces the text layer gives maths that the page does not print.

    The text layer ends a maths letter's run with a space (or sets one between a function's letter and its
    bracket) where the next run follows too close for a word space (``needs_space`` of a text with spaces):
    "𝑇 " "-recent" is "𝑇-recent", "O (" "𝑡,𝑇" is "O(𝑡,𝑇". Only beside maths letters (a sentence's spaces
    are the text's own).
    """
    out = []
    for line in lines:
        runs = list(line.runs)
        for i, (run, after) in enumerate(pairwise(line.runs)):
            maths = any(math_letter(c) for c in run.text)
            trimmed = replace(run, text=run.text.rstrip())
            if maths and run.text.endswith(" ") and trimmed.text and not needs_space(trimmed, after, spaced=True):
                runs[i] = replace(runs[i], text=runs[i].text.rstrip())
            elif _APPLIED.fullmatch(run.text) and math_letter(after.text[:1]) and not needs_space(run, after, True):
                runs[i] = replace(runs[i], text=f"{run.text[0]}(")
        if runs == line.runs:
            out.append(line)
            continue
        fixed = make_line(line.page, runs, line.column)
        fixed.role = line.role
        out.append(fixed)
    return out


_BIG = frozenset("∑∏∐∫∬∭∮⋀⋁⋂⋃⨀⨁⨂⨄⨆")  # n-ary operators: a display sets them large, their limits under and over
#: A large operator drawn on a baseline of its own stands less than this many of its sizes off its row ...
OPERATOR_DROP = 1.2
#: ... the text before and after it no more than this many ems from its edges.
OPERATOR_GAP = 1.0
#: Its limits, in smaller type, stand less than this many ems above or below the row ...
LIMIT_REACH = 2.0
#: ... their centre within its run's width widened by this many ems on each side.
LIMIT_SLACK = 0.5


def _big(line: Line) -> bool:
    """A line that is one n-ary operator alone ("∑", a variation selector after it or not)."""
    text = "".join(c for c in line.text if not 0xFE00 <= ord(c) <= 0xFE0F).strip()
    return len(text) == 1 and text in _BIG


def join_operators(lines: list[Line]) -> list[Line]:
    """A page's lines with a display line cut at its large operator ("… + ∑ θ … ") made one again, limits and all.

    The operator may be drawn on a baseline of its own: the row finder parts the text before it from the text
    after it. The pieces stand on either side of it, within ``OPERATOR_GAP`` ems of its edges and ``OPERATOR_DROP``
    of its size of its baseline. Its limits (set under or over it in smaller type, a line of their own: within
    ``LIMIT_REACH`` ems of the row, ``LIMIT_SLACK`` of its width) go after it, as its scripts.
    """
    out = list(lines)
    for big in (ln for ln in lines if _big(ln)):
        em = big.size
        row = em * OPERATOR_DROP
        near = [ln for ln in out if ln is not big and ln.page == big.page and abs(ln.baseline - big.baseline) <= row]
        left = [ln for ln in near if 0 <= big.x0 - ln.x1 <= em * OPERATOR_GAP]
        right = [ln for ln in near if 0 <= ln.x0 - big.x1 <= em * OPERATOR_GAP]
        if len(left) != 1 or len(right) != 1:
            continue
        joined = make_line(big.page, [*left[0].runs, *big.runs, *right[0].runs], left[0].column)
        joined.role = left[0].role
        out[out.index(left[0])] = joined
        out = [ln for ln in out if ln is not big and ln is not right[0]]
    # Only lines that set an operator can have limits (most pages have none): the rest are looked at once.
    ops = [o for o in out if _operator(o) is not None]
    if not ops:
        return out
    return [
        _with_limits(line, out) if line in ops else line for line in out if not any(_limit_of(line, o) for o in ops)
    ]


def _operator(line: Line) -> Run | None:
    """The run of ``line`` that sets a large operator, if any."""
    return next((r for r in line.runs if any(c in _BIG for c in r.text)), None)


def _limit_of(line: Line, of: Line) -> bool:
    """``line`` is a limit of ``of``'s operator: smaller type within its width, under ``LIMIT_REACH`` off its row."""
    op = _operator(of) if line is not of else None
    if op is None or line.page != of.page or line.size >= of.size * SCRIPT_SCALE:
        return False
    centre = (line.x0 + line.x1) / 2
    slack = of.size * LIMIT_SLACK
    return op.x0 - slack <= centre <= op.x1 + slack and abs(line.baseline - of.baseline) < LIMIT_REACH * of.size


def _with_limits(line: Line, lines: list[Line]) -> Line:
    """``line`` with the limits of its operator set after it (read as its scripts)."""
    limits = [ln for ln in lines if _limit_of(ln, line)]
    op = _operator(line)
    if not limits or op is None:
        return line
    at = line.runs.index(op) + 1
    runs = [*line.runs[:at], *(r for ln in limits for r in ln.runs), *line.runs[at:]]
    joined = make_line(line.page, runs, line.column)
    joined.role, joined.number = line.role, line.number
    return joined


def _scripted(host: Line, script: Line) -> bool:
    """``script`` is set in ``host``'s type as its script, starting where ``host`` ends."""
    return (
        host.page == script.page
        and 0 <= script.x0 - host.x1 <= WORD_GAP * host.size
        and 0 < abs(script.baseline - host.baseline) < SCRIPT_REACH * host.size
        and all(r.size < SCRIPT_SCALE * host.size for r in script.runs if r.text.strip())
    )


def _goes_on_after(host: Line, script: Line, line: Line) -> bool:
    """``line`` stands on ``host``'s baseline right after its script, in its size."""
    return (
        line.page == host.page
        and abs(line.baseline - host.baseline) <= ROW_EXACT * host.size
        and abs(line.size - host.size) < 0.3
        and 0 <= line.x0 - script.x1 <= PUNCT_GAP * host.size
    )


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
