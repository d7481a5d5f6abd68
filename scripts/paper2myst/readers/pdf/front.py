"""Front matter from the layout: which lines are the title, byline, date, banner, imprint and sidebar (evidence)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise

from paper2myst.conventions import (
    ADDRESS_LINE,
    AUTHOR_HEADING,
    BYLINE,
    CONNECTORS,
    CROSSMARK_LABEL,
    DATE_LEAD,
    DOI_LINE,
    FRONT_LABEL,
    HISTORY_LEAD,
    INSTITUTION_WORDS,
    KEYWORDS_LINE,
    REPORT_NUMBER,
    RUN_IN_LABEL,
    RUN_IN_STOP,
    RUNNING_HEAD_SEPARATOR,
    TITLE_SMALL_WORDS,
    continues_role,
    is_role,
    name_before_role,
    names_in,
)
from paper2myst.dates import first_day, parse_date
from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.readers.pdf.extract import Run
from paper2myst.readers.pdf.lines import ROW_EXACT, Line, make_line


def title_lines(lines: list[Line], size: float) -> list[Line]:
    """The first page's largest lines, one under the other: the title, row by row, each row left to right.

    The lines of the largest size fall into blocks, a line joining a block when it stands no more than two
    lines' height under it; the top block is the title, unless it is one word (a logo's, set as large). A
    title row the column finder cut in pieces ("Rivers Without" | "Treaties: ...") is put back together by
    position, not by the reading order of the columns. Where no type is larger than the body's (``size``),
    the largest lines are the first ones, in reading order.
    """
    candidates = [ln for ln in lines if ln.role == "body" and len(ln.text) > 2 and not letter_spaced(ln.text)]
    if not candidates:
        return []
    largest = max(ln.size for ln in candidates)
    if largest <= size * 1.05:
        start = next(i for i, ln in enumerate(candidates) if ln.size >= largest - 0.5)
        first = [candidates[start]]
        for line in candidates[start + 1 :]:
            if line.size < largest - 0.5 or first[-1].baseline - line.baseline > line.size * 2:
                break
            first.append(line)
        return first
    big = sorted((ln for ln in candidates if ln.size >= largest - 0.5), key=lambda ln: (-ln.baseline, ln.x0))
    blocks: list[list[Line]] = []
    for line in big:
        if blocks and blocks[-1][-1].baseline - line.baseline <= line.size * 2:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    # The top one, unless it is a single word (a logo's, set as large): then the next that says more.
    title = next((b for b in blocks if sum(len(ln.text.split()) for ln in b) > 1), blocks[0])
    rows: list[list[Line]] = []
    for line in title:
        if rows and abs(rows[-1][0].baseline - line.baseline) < line.size * 0.5:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [ln for row in rows for ln in sorted(row, key=lambda ln: ln.x0)]


#: A gap between a title's rows this many times its usual pitch (or more) parts a title from its subtitle.
TITLE_PART_GAP = 1.5


def title_parts(rows: list[Line]) -> list[list[Line]]:
    """A title's rows parted where a blank line stands between them: the title, then its subtitle.

    The usual pitch is the title's own (the smallest step between its rows); a step of ``TITLE_PART_GAP``
    pitches or more parts it. A title of two rows or less has no pitch of its own to compare: one part.
    """
    steps = [a.baseline - b.baseline for a, b in pairwise(rows)]
    if len(steps) < 2 or min(steps) <= 0:
        return [rows]
    pitch = min(steps)
    parts = [[rows[0]]]
    for step, row in zip(steps, rows[1:], strict=True):
        if step >= pitch * TITLE_PART_GAP:
            parts.append([])
        parts[-1].append(row)
    return parts


_LETTERS = re.compile(r"[^\W\d_]+")


def cased(lines: list[str]) -> frozenset[str]:
    """The words (lower case) the document prints in small letters somewhere: words, not acronyms."""
    return frozenset(w.lower() for text in lines for w in _LETTERS.findall(text) if not w.isupper())


def in_title_case(text: str, words: frozenset[str]) -> str:
    """A title (or its part) set in capitals, written in title case: "DEPARTMENT OF RIVERS" → "Department of Rivers".

    Capitals are the cover's style, not the words', where the document prints every one of them in small
    letters elsewhere: each is written as a title writes it, small words (``TITLE_SMALL_WORDS``) in small letters
    after the first. A word it never prints so ("NASA", a name it only prints in capitals) leaves the text as
    printed, as does text with small letters.
    """
    found = _LETTERS.findall(text)
    if not text.isupper() or not all(w.lower() in words for w in found):
        return text

    def word(match: re.Match[str]) -> str:
        if match.start() and match.group(0).lower() in TITLE_SMALL_WORDS:
            return match.group(0).lower()
        return match.group(0).capitalize()

    return _LETTERS.sub(word, text)


def letter_spaced(text: str) -> bool:
    """A label set in spaced capitals ("N E W S L E T T E R", "S P E C I A L  I S S U E"): not a title, not a name.

    Four letters standing alone at least, and they make half the line's pieces or more.
    """
    pieces = text.split()
    alone = sum(1 for p in pieces if len(p) == 1 and p.isalpha())
    return alone >= 4 and alone * 2 >= len(pieces)


def title_rows(title: list[Line]) -> list[Line]:
    """The title's lines with each row's pieces made one line again (numbered as its first piece)."""
    rows: list[list[Line]] = []
    for line in title:
        if rows and rows[-1][0].page == line.page and abs(rows[-1][0].baseline - line.baseline) < line.size * 0.5:
            rows[-1].append(line)
        else:
            rows.append([line])
    joined = []
    for row in rows:
        if len(row) == 1:
            joined.append(row[0])
            continue
        pieces = sorted(row, key=lambda ln: ln.x0)
        line = make_line(row[0].page, [r for ln in pieces for r in ln.runs], row[0].column)
        line.number, line.role = row[0].number, row[0].role
        joined.append(line)
    return joined


def banner_line(lines: list[Line], title: list[Line]) -> Line | None:
    """A short line in smaller type just above the title: a publisher's or series' banner, never the title."""
    if not title:
        return None
    above = [
        ln
        for ln in lines
        if ln.page == title[0].page
        and ln.bottom > title[0].top
        and len(ln.text) > 2
        and not parse_date(ln.text)
        and not ln.text.isdigit()  # a page number
        and not ADDRESS_LINE.match(ln.text)  # an address or a DOI names no publisher
    ]
    if not above:
        return None
    line = min(above, key=lambda ln: ln.bottom)  # the nearest one
    near = line.bottom - title[0].top < title[0].size * 3
    return line if near and line.size < title[0].size * 0.8 and len(line.text.split()) <= 10 else None


def date_line(lines: list[Line], prefixed: bool = False) -> Line | None:
    """The first line that is a date (with ``prefixed``: one that says what date, "Updated 1 November 2023").

    With ``prefixed``, a journal's history line counts too ("Received: 23 October 2023; Accepted: 2 May 2024").
    """
    for line in lines:
        if line.role != "body":
            continue
        if parse_date(line.text) and (not prefixed or DATE_LEAD.match(line.text)):
            return line
        if prefixed and len(line.text.split(";")) > 1 and line_date(line.text):
            return line
    return None


def dated_day(lines: list[Line], date: Line) -> Line:
    """The day a date by month stands for, where the paper prints it on a line of its own later.

    A cover dated by month ("December 2026") over a letter dated by day ("December 20, 2026"): the letter's
    date is the paper's, the fuller one of the same month. Any other date stays as found.
    """
    month = parse_date(date.text) or ""
    if len(month) != len("2026-12"):
        return date
    day = (ln for ln in lines if ln.role == "body" and (parse_date(ln.text) or "").startswith(f"{month}-"))
    return next(day, date)


def line_date(text: str) -> str:
    """The ISO date a date line gives; of a history line, its last part that says what date it is."""
    whole = parse_date(text)
    if whole:
        return whole
    for part in reversed(text.split(";")):
        if DATE_LEAD.match(part.strip()) and (iso := parse_date(part.strip())):
            return iso
    return ""


#: Left edges nearer than this (in ems of the line's type) start the same column of a grid of names.
ALIGNED = 1.0


def by_column(lines: list[Line]) -> list[Line]:
    """A block's lines column by column, as a reader takes names set side by side with each role under its name.

    A column is the lines whose left edges stand together (each new column starts more than ``ALIGNED`` ems
    right of the last one's first edge); within it, top to bottom, page by page.
    """
    edges: list[float] = []
    for line in sorted(lines, key=lambda ln: ln.x0):
        if not edges or line.x0 - edges[-1] > line.size * ALIGNED:
            edges.append(line.x0)
    return sorted(lines, key=lambda ln: (ln.page, bisect.bisect_right(edges, ln.x0), -ln.baseline))


_SENTENCE = re.compile(r"\b[a-z]+\s+[a-z]+\s+[a-z]+\b")  # three lowercase words running: prose, not names


def byline_lines(lines: list[Line], title: list[Line]) -> list[Line]:
    """Lines naming the authors under the title, without a "by": one line, several, a grid, "Name, Role" lines.

    The first stands within four title lines' height under the title; the others share its size, row by row,
    left to right, with the affiliation and address lines between them passed over. Prose (an abstract, the
    body) or a label ends the search.
    """
    if not title:
        return []
    page, bottom, reach = title[0].page, min(ln.bottom for ln in title), title[-1].size * 4
    below = sorted(
        (ln for ln in lines if ln.page == page and ln.role == "body" and ln.top <= bottom + 1),
        key=lambda ln: (-round(ln.baseline), ln.x0),
    )
    found: list[Line] = []
    for line in below:
        if _SENTENCE.search(line.text) or AUTHOR_HEADING.match(line.text) or line.text.lower() == "abstract":
            break
        if parse_date(line.text) or not (names_in(in_name_case(name_text(line))) or lead_name(line)):
            continue  # a date ("Updated April 23, 2026") lists no one
        if not found and title[-1].baseline - line.baseline > reach:
            break
        if not found or abs(line.size - found[0].size) < 0.3:
            found.append(line)
    return found


def name_text(line: Line) -> str:
    """A line of names as it reads without the marks raised after them ("Sample" + raised "a": "Sample").

    A mark is told by its type, smaller and raised (a call), not by its characters: a letter ("a", "b") labels an
    affiliation as a number does, and glued to the name it would make another name.
    """
    if not any(line.calls):
        return line.text
    return _piece(line, [r for r, call in zip(line.runs, line.calls, strict=True) if not call]).text


def in_name_case(text: str) -> str:
    """A line of names set in capitals, each word written as a name is: "Ada Tester and Dan Sample".

    "and" in small letters; text with small letters stays as printed. Capitals hide a name's inner capitals
    ("MCDONALD"): where the document prints the name in small letters too, that form is the name's
    (``names_written``).
    """
    if not text.isupper():
        return text

    def word(match: re.Match[str]) -> str:
        return match.group(0).lower() if match.group(0).lower() == "and" else match.group(0).capitalize()

    return _LETTERS.sub(word, text)


def printed_form(name: str, texts: list[str]) -> str:
    """``name`` as the document prints it somewhere with small letters (a running head: "Dan Sample"); "" if never."""
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
    return next((m.group(0) for text in texts for m in pattern.finditer(text) if not m.group(0).isupper()), "")


def lead_name(line: Line) -> tuple[str, Line] | None:
    """A line opening with one name in type of its own, then a comma and the author's affiliation: both, or None.

    "ADA TESTER, Imaginary University, Springfield": the name is the line's first run, set in another size or font
    than the words after it, a comma closing it; the rest names an institution (``_places``). The name as printed.
    """
    runs = [r for r, call in zip(line.runs, line.calls, strict=True) if not call]
    if len(runs) < 2:
        return None
    head, rest = runs[0], runs[1:]
    if head.font.name == rest[0].font.name and abs(head.size - rest[0].size) < 0.3:
        return None
    name = head.text.strip()
    if not name.endswith(",") and not rest[0].text.lstrip().startswith(","):
        return None
    name = name.removesuffix(",").strip()
    if names_in(in_name_case(name)) != [in_name_case(name)]:
        return None
    words = [replace(rest[0], text=rest[0].text.lstrip().removeprefix(",").lstrip()), *rest[1:]]
    piece = _piece(line, [r for r in words if r.text.strip()])
    return (name, piece) if _places(piece.text) else None


def names_written(names: list[Line], texts: list[str]) -> tuple[dict[int, str], list[str]]:
    """The lines of names set in capitals, written with small letters: by line number, and the names guessed.

    Each name is written as the document prints it elsewhere with small letters (``printed_form``), else word by
    word as a name is (``in_name_case``): a guess, listed for a finding.
    """
    written: dict[int, str] = {}
    guessed: list[str] = []
    for line in names:
        lead = lead_name(line)
        text = lead[0] if lead is not None else name_text(line)
        if not text.isupper():
            if lead is not None:
                written[line.number] = text  # the name alone, without the affiliation after it
            continue
        cased = in_name_case(text)
        for name in names_in(cased):
            if printed := printed_form(name, texts):
                cased = cased.replace(name, printed)
            else:
                guessed.append(name)
        written[line.number] = cased
    return written, guessed


#: Lines under a block of names no more than this many of their own sizes apart go on with the block (an address).
AFFILIATION_STEP = 2.0


def affiliation_lines(lines: list[Line], names: list[Line]) -> list[Line]:
    """The affiliation and address lines set among and under the authors' names (a grid: name, then its lines).

    Lines of the names' page, under them (not beside), standing between the first name's row and the last one,
    then those going on under the last row, each no more than ``AFFILIATION_STEP`` of its own sizes below the
    line above; all in type smaller than the names', none prose. A label, a heading or a paragraph ends it.
    """
    if not names:
        return []
    page, top, size = names[0].page, max(ln.top for ln in names), min(ln.size for ln in names)
    lowest = min(ln.baseline for ln in names)
    left, right = min(ln.x0 for ln in names), max(ln.x1 for ln in names)
    below = sorted(
        (ln for ln in lines if ln.page == page and ln.top <= top and ln.x1 > left and ln.x0 < right),
        key=lambda ln: (-ln.baseline, ln.x0),
    )
    found: list[Line] = []
    last = names[0]
    for line in below:
        if any(line is n for n in names):
            last = line if line.baseline < last.baseline else last
            continue
        if line.baseline > lowest and line.baseline < last.baseline + line.size:
            inside = True  # between two rows of names
        else:
            inside = last.baseline - line.baseline <= line.size * AFFILIATION_STEP
        prose = line.bold or _SENTENCE.search(line.text)  # a heading or a paragraph, not an address
        if line.role != "body" or line.size >= size - 0.3 or prose or not inside:
            if line.baseline < lowest:
                break
            continue
        found.append(line)
        last = line
    return found


def by_name(lines: list[Line], names: list[Line]) -> list[Line]:
    """Affiliation lines author by author: each under the name it stands under, in the names' order, top to bottom.

    A line's name is the one of the nearest row of names above it whose centre is nearest its own (a grid of
    names, each over its own institution and address); a line over every name goes first.
    """
    return sorted(lines, key=lambda ln: (_owner(ln.x0, ln.x1, ln.baseline, names), -ln.baseline, ln.x0))


NAME_MARKS = re.compile(r"[\d,*†‡§¶\s]+")  # the marks a name carries to its affiliations and notes
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")


@dataclass(slots=True)
class Affiliation:
    """One affiliation as printed: the mark that labels it ("3", "" for none) and its lines (pieces of lines).

    ``fields``: each line is one field of it (a grid's block under a name: department, institution, place), not
    running text wrapped at the measure (a foot's).
    """

    label: str
    lines: list[Line]
    fields: bool = False

    @property
    def text(self) -> str:
        """Its lines as one text: a grid's fields parted by commas, running text by spaces; its mark raised first."""
        text = ""
        for line in self.lines:
            piece = line.text.strip()
            if not text:
                text = piece
            elif text.endswith("-") or not self.fields or _goes_on(text, piece):
                text += piece if text.endswith("-") else f" {piece}"
            else:
                text += f", {piece}"
        return f"{self.label.translate(_RAISED)}{text}"


_RAISED = str.maketrans("0123456789abcdefghijklmnoprstuvwxyz", "⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ")


def _plain(text: str) -> str:
    """An affiliation's text without its last full stop: the same one, printed twice, with and without it."""
    return text.removesuffix(".")


def _goes_on(text: str, piece: str) -> bool:
    """A field's line wrapped: the line above ends with a small word or a stop's sign, or this one opens small."""
    last = text.split()[-1]
    return last in TITLE_SMALL_WORDS or last[-1] in ",;:&" or piece[:1].islower()


def name_marks(names: list[Line]) -> frozenset[str]:
    """The marks the authors' names carry, raised after them ("1,2", "*"): each one."""
    found: set[str] = set()
    for line in names:
        raised = [r.text for r, call in zip(line.runs, line.calls, strict=True) if call]
        alone = [line.text] if NAME_MARKS.fullmatch(line.text) else []  # a row of marks of its own
        for text in raised + alone:
            found |= set(_MARK.findall(text))
    return frozenset(found)


_MARK = re.compile(r"\d+|[*†‡§¶]")  # one mark of a name's marks ("1*" is "1" and "*")
# A mark set level with the text, a space after it: "* Correspondence".
_LEVEL_MARK = re.compile(r"([*†‡§¶]{1,3})\s+(?=\S)")


def marked(lines: list[Line], fields: bool = False, above: list[Line] | None = None) -> list[Affiliation]:
    """Affiliations parted at their marks: each raised mark (or one set level before a space) opens the next.

    ``above``: the first line's marks set raised on a row of their own (over the foot): each labels the run
    that begins where it ends. Text before the first mark is an entry of its own, unlabelled.
    """
    entries: list[Affiliation] = []
    label, pieces = "", []  # the open entry's label and its lines' pieces
    for index, line in enumerate(lines):
        after = [(_run_after(mark, line), mark.text.strip()) for mark in above or [] if index == 0]
        over = {id(run): text for run, text in after if run is not None}
        runs: list[Run] = []
        for run, call in zip(line.runs, line.calls, strict=True):
            level = _LEVEL_MARK.match(run.text) if not runs and not call else None
            mark = run.text.strip() if call and _raised_mark(run.text) else over.get(id(run), "")
            if level:
                mark = level.group(1)
            if mark:
                if runs:
                    pieces.append(_piece(line, runs))
                if pieces:
                    entries.append(Affiliation(label, pieces, fields))
                label, pieces, runs = mark, [], []
                if call:
                    continue
                if level:
                    run = replace(run, text=run.text[level.end() :])
            runs.append(run)
        if runs:
            pieces.append(_piece(line, runs))
    if pieces:
        entries.append(Affiliation(label, pieces, fields))
    return entries


def _raised_mark(text: str) -> bool:
    """A raised run that labels an affiliation: marks ("1,2", "*"), or one small letter ("a") as journals use."""
    return bool(NAME_MARKS.fullmatch(text) or _LETTER_MARK.fullmatch(text))


_LETTER_MARK = re.compile(r"\s*[a-z]\s*")


def _piece(line: Line, runs: list[Run]) -> Line:
    """The part of ``line`` that ``runs`` set, numbered as the line (its place in the reading)."""
    if runs == line.runs:
        return line
    piece = make_line(line.page, runs, line.column)
    piece.number, piece.role = line.number, line.role
    return piece


def grid(names: list[Line]) -> bool:
    """Names set side by side and row under row, one a line, each over its own affiliation's lines."""
    return len(names) > 1 and all(len(names_in(n.text)) == 1 for n in names)


def _owner(x0: float, x1: float, baseline: float, names: list[Line]) -> int:
    """The name a piece of text stands under: of the nearest row of names above it, the one nearest its centre.

    -1 where no name stands above it.
    """
    above = [n for n in names if n.baseline > baseline]
    if not above:
        return -1
    row = min(n.baseline for n in above)
    near = [n for n in above if n.baseline - row < n.size / 2]
    centre = (x0 + x1) / 2
    name = min(near, key=lambda n: abs((n.x0 + n.x1) / 2 - centre))
    return next(i for i, n in enumerate(names) if n is name)


def under_names(line: Line, names: list[Line]) -> list[Line]:
    """A line cut where its runs stand under different names (blocks side by side read as one row), left to right."""
    parts: list[list[Run]] = []
    last = None
    for run in sorted(line.runs, key=lambda r: r.x0):
        owner = _owner(run.x0, run.x1, line.baseline, names)
        if parts and owner == last:
            parts[-1].append(run)
        else:
            parts.append([run])
        last = owner
    return [_piece(line, runs) for runs in parts]


def grid_entries(lines: list[Line], names: list[Line]) -> list[Affiliation]:
    """The affiliations under the names: of a grid, each name's block one (its lines its fields), the same once.

    Otherwise (a row of names over their affiliations), parted at the marks, or a line each where none is printed.
    """
    if not grid(names):
        if any(any(ln.calls[:1]) for ln in lines):
            return marked(lines)
        return [Affiliation("", [ln]) for ln in lines]
    pieces = by_name([p for ln in lines for p in under_names(ln, names)], names)
    blocks: dict[int, list[Line]] = {}
    for piece in pieces:
        blocks.setdefault(_owner(piece.x0, piece.x1, piece.baseline, names), []).append(piece)
    entries: list[Affiliation] = []
    for block in blocks.values():
        marks = any(any(ln.calls[:1]) for ln in block)
        for entry in marked(block) if marks else [Affiliation("", block, fields=True)]:
            if all(_plain(entry.text) != _plain(e.text) for e in entries):  # the same under several names: once
                entries.append(entry)
    return entries


#: A mark raised on a row of its own labels the run of the line under it that begins within this many ems of its end.
MARK_REACH = 0.33


def _run_after(mark: Line, line: Line) -> Run | None:
    """The run of ``line`` that begins where a mark over it ends, within ``MARK_REACH`` of the line's ems."""
    near = [r for r in line.runs if abs(r.x0 - mark.x1) < line.size * MARK_REACH]
    return min(near, key=lambda r: abs(r.x0 - mark.x1)) if near else None


def author_note(entry: Affiliation) -> bool:
    """An entry that says something of the authors ("These authors contributed equally"), no place: an author note.

    Prose (three small words running) naming no institution and no e-mail address.
    """
    text = entry.text
    words = set(re.findall(r"[A-Z]\w+", text))
    return bool(_SENTENCE.search(text)) and not words & INSTITUTION_WORDS and not _EMAIL.search(text)


def _journal_front(
    lines: list[Line], size: float, marks: frozenset[str] = frozenset()
) -> tuple[list[Line], list[Line], list[Line], list[Line]]:
    """A journal's first-page lines apart from the text: history; the crossmark's label; affiliation; its marks.

    History lines: "Received: …", "Accepted: …" (a label, then a date). An affiliation at the foot stands under
    the text, a paragraph's gap or more below it (not ``close``), in type smaller than the body's, and names an
    institution or an e-mail address; where the body has none, the note area may be the authors' (``_authors_foot``).
    Its first line's marks set raised on a row of their own label its entries, one mark each; a row of several
    ("1,2") no field holds: it goes with the badge's label.
    """
    body = [ln for ln in lines if ln.role == "body"]
    history = [ln for ln in body if HISTORY_LEAD.match(ln.text) and first_day(ln.text)]
    badge = [ln for ln in body if CROSSMARK_LABEL.match(ln.text)]
    foot: list[Line] = []
    for above, line in zip([None, *body], body, strict=False):
        small = line.size < size * 0.95
        if foot and small and close(foot[-1], line):
            foot.append(line)
        elif small and above is not None and not close(above, line) and line.baseline < above.baseline:
            foot = [line] if _places(line.text) else []
        else:
            foot = []
    if not foot:
        foot = _authors_foot(lines, marks)
    # A line set apart beside the foot's last, on its row (an address after an envelope's sign), goes with it.
    foot += [ln for ln in lines if ln.role == "aside" and foot and _beside(foot[-1], ln)]
    raised = _raised_marks(body, foot)
    over = [ln for ln in raised if "," not in ln.text and len(ln.text.split()) == 1]
    return history, badge + [ln for ln in raised if ln not in over], foot, over


def _beside(line: Line, other: Line) -> bool:
    """``other`` stands right of ``line`` on its row, in its size."""
    same = abs(line.baseline - other.baseline) <= ROW_EXACT * line.size and abs(line.size - other.size) < 0.6
    return line.page == other.page and same and other.x0 > line.x1


def _places(text: str) -> bool:
    """Text that names an institution (a word of ``INSTITUTION_WORDS``) or gives an e-mail address."""
    return bool(set(re.findall(r"[A-Z]\w+", text)) & INSTITUTION_WORDS or _EMAIL.search(text))


def _label_of(line: Line) -> str:
    """The mark a line opens with: raised, or set level before a space ("* Correspondence"); "" for none."""
    if line.first_is_call:
        return line.runs[0].text.strip()
    level = _LEVEL_MARK.match(line.text)
    return level.group(1) if level else ""


def _authors_foot(lines: list[Line], marks: frozenset[str]) -> list[Line]:
    """The first page's note area, where it is the authors' foot: each of its labels one the names carry.

    Its notes are the affiliations and the corresponding author's address the names' marks call ("1*" after a
    name, "*", "1" at the foot): every labelled line's label is one of ``marks``, and it names a place
    (``_places``); its lines start at the first label's left edge (within ``ALIGNED`` ems). A note area whose labels
    the names do not carry, or the page's text calls, is the notes'.
    """
    notes = [ln for ln in lines if ln.role == "note"]
    first = next((ln for ln in notes if _label_of(ln)), None)
    if first is None:
        return []
    # Its lines start at its first label's left edge (a box beside it, the licence's, is none of them).
    area = [ln for ln in notes if abs(ln.x0 - first.x0) <= ln.size * ALIGNED]
    labels = {label for ln in area if (label := _label_of(ln))}
    if not labels <= marks:
        return []
    # A label the text calls (raised in a line of the body) is a footnote's: the names' marks call nothing there.
    calls = {r.text.strip() for ln in lines if ln.role == "body" for r, c in zip(ln.runs, ln.calls, strict=True) if c}
    if labels & calls:
        return []
    return area if any(_places(ln.text) for ln in area) else []


#: A line of an affiliation at the foot ending more than this many of its ems short of the foot's measure ends it:
#: the next line opens another (the foot is set justified, its entries running on).
ENTRY_END = 3.0


def foot_entries(foot: list[Line], over: list[Line]) -> list[Affiliation]:
    """The foot's affiliations: parted at their marks, and where a line ends short of the measure (``ENTRY_END``)."""
    if not foot:
        return []
    right = max(ln.x1 for ln in foot)
    stretches: list[list[Line]] = [[]]
    for line in foot:
        stretches[-1].append(line)
        if right - line.x1 > line.size * ENTRY_END:
            stretches.append([])
    entries: list[Affiliation] = []
    for i, stretch in enumerate(s for s in stretches if s):
        entries += marked(stretch, above=over if i == 0 else None)
    return entries


def _raised_marks(lines: list[Line], foot: list[Line]) -> list[Line]:
    """The affiliations' marks ("1", "2") set raised on a row of their own, less than a foot line's size above it."""
    return [
        ln
        for ln in lines
        if NAME_MARKS.fullmatch(ln.text) and any(0 < ln.baseline - f.baseline < f.size for f in foot[:1])
    ]


# Characters of running text above the largest type on the first page that say it is no title (a heading set larger
# than the title): fewer are a cover's labels, a masthead, a running head.
TITLE_ABOVE = 200


@dataclass(slots=True)
class FrontLines:
    """The lines the front matter is made of, found before the blocks are rendered."""

    title: list[Line] = field(default_factory=list)
    banner: Line | None = None  # a short line in smaller type above the title: the publisher's or series' name
    date: Line | None = None
    byline: Line | None = None
    labels: list[Line] = field(default_factory=list)  # "ABSTRACT", "KEYWORDS"
    run_in: list[Line] = field(default_factory=list)  # lines opening with a run-in label: its piece and the words'
    abstract: list[Line] = field(default_factory=list)
    keywords: list[Line] = field(default_factory=list)
    names: list[Line] = field(default_factory=list)  # the authors' names under the title, without a "by"
    written: dict[int, str] = field(default_factory=dict)  # a line of names set in capitals, with small letters
    sidebar: list[Line] = field(default_factory=list)  # names and roles beside a summary page's text
    imprint: Line | None = None  # the publisher's name a cover prints over its web address
    masthead: Line | None = None  # an institution's name set over the title, further up than a banner
    doi: str = ""  # the DOI the first page prints on a line of its own
    series: str = ""  # the series label printed under the imprint
    findings: list[Diagnostic] = field(default_factory=list)
    number: str = ""  # the report number the document prints on its cover or repeats on its pages
    affiliations: list[Affiliation] = field(default_factory=list)  # under the names, then at the first page's foot
    history: list[Line] = field(default_factory=list)  # "Received: …", "Accepted: …"


def _report_number(pages: list[list[Line]], cover: bool, size: float) -> str:
    """The report number, where the document shows a line of that shape is one; its lines become furniture.

    A line shaped like a number ("R12345", "ABC-01-234") is the report's number if it stands on a cover (a first
    page without running text) or its text recurs on another page (alone, or in a running foot: "R12345 ·
    VERSION 6"; not in a sentence of the body, which may name a heading's subject).
    Elsewhere it is the author's words, a heading of the body ("FY 2025", "COP28"), and stays.
    """
    lines = [ln for page in pages for ln in page]
    edges = {id(f(page, key=lambda ln: ln.baseline)) for page in pages if page for f in (min, max)}
    # Running elements: furniture, or a page's first or last line in type smaller than the body's (the author's
    # sentences may name a heading's subject).
    running = [o for o in lines if o.role == "furniture" or (id(o) in edges and o.size < size)]
    found = ""
    for line in lines:
        if not REPORT_NUMBER.match(line.text) or line.role not in {"body", "note", "front", "furniture"}:
            continue
        word = re.compile(rf"(?<![\w-]){re.escape(line.text)}(?![\w-])")
        # Again on another page: alone, or inside a running element.
        again = any(o.page != line.page for o in lines if o.text == line.text) or any(
            o.page != line.page and word.search(o.text) for o in running
        )
        if (line.page == 1 and cover) or again:
            found = found or line.text
            if line.role in {"body", "note"}:
                line.role = "furniture"
    return found


def _imprint(lines: list[Line]) -> Line | None:
    """The publisher's name the first page prints just over its bare web address ("Imaginary Institute" / "https://…").

    The name is a few capitalised words, the address a line of its own under it: both are the page's imprint,
    not the body.
    """
    for above, line in pairwise(lines):
        words = above.text.split()
        if (
            ADDRESS_LINE.match(line.text)
            and above.role in {"front", "body"}
            and 1 < len(words) <= 6
            and all(w[:1].isupper() or w in CONNECTORS for w in words)
            and not parse_date(above.text)
            and not REPORT_NUMBER.match(above.text)
            and line.baseline < above.baseline < line.baseline + above.size * 2.5
        ):
            above.role = line.role = "front"
            return above
    return None


def _masthead(line: Line, title: list[Line]) -> bool:
    """A line over the title naming an institution (its last word one: "… Imaginary Office")."""
    words = line.text.split()
    return (
        bool(title)
        and line.role == "front"
        and line.page == title[0].page
        and line.bottom > title[0].top
        and 1 < len(words) <= 8
        and words[-1] in INSTITUTION_WORDS
        and all(w[:1].isupper() or w in CONNECTORS for w in words)
    )


def _series(lines: list[Line], imprint: Line, size: float) -> str:
    """Under the imprint, at the page's foot in type smaller than the body's: the series label and its motto.

    The lines are the cover's; the first, set bold, names the series ("Working Papers", a product line's name).
    """
    foot = [
        ln
        for ln in lines
        if ln.role == "body" and ln.top < imprint.bottom and ln.size < size * 0.9 and ln.number > imprint.number
    ]
    for line in foot:
        line.role = "front"
    return foot[0].text if foot and foot[0].bold and len(foot[0].text.split()) <= 4 else ""


def find_front(pages: list[list[Line]], size: float) -> FrontLines:
    """Mark the title, byline, abstract, keywords and date (and a cover page's other lines) as front matter."""
    first = pages[0]
    found = FrontLines(title=title_lines(first, size))
    for line in found.title:
        line.role = "front"
    masthead = " ".join(ln.text for ln in title_rows(found.title))
    largest = True  # the title is the page's largest type (not taken from under a masthead)
    if (count := _masthead_pages(pages[1:], masthead)) >= MASTHEAD_PAGES:
        largest = False
        # The largest type names the publication's section; the document's own title heads its text.
        found.title = _headed(first)
        for line in found.title:
            line.role = "front"
        title = " ".join(ln.text for ln in title_rows(found.title))
        taken = f"the title is taken from the bold lines over the first paragraph ({title!r})"
        message = (
            f"{masthead!r}, the largest type of the first page, is a piece of the running heads of {count} more "
            f"pages beside the publication's other particulars: a masthead, not the title; "
            f"{taken if found.title else 'no other title stands out'}; check the title"
        )
        found.findings.append(Diagnostic(Kind.SUSPICIOUS_FRONT, first[0].number if first else 1, message))
    found.banner = banner_line(first, found.title)
    if found.banner is not None:
        found.banner.role = "front"
        if letter_spaced(found.banner.text) or len(found.banner.text.split()) < 2:
            # A label in spaced capitals ("N E W S L E T T E R") or one word ("Article", "BRIEF"): the
            # cover's furniture, not a publisher's name.
            found.banner = None
    _labelled(first, found)
    if found.byline is None:
        found.names = byline_lines(first, found.title)
        for line in found.names:
            line.role = "front"
        found.written, guessed = names_written(found.names, [ln.text for page in pages for ln in page])
        if guessed:
            message = (
                f"the authors' names are printed in capitals only: written {', '.join(guessed)!r} word by word "
                "as names are (a name's inner capitals, as in 'McDonald', cannot be told); check"
            )
            found.findings.append(Diagnostic(Kind.SUSPICIOUS_FRONT, found.names[0].number, message))
        # A name with its affiliation after it on its line: the affiliation is the rest of the line.
        found.affiliations = [Affiliation("", [lead[1]]) for ln in found.names if (lead := lead_name(ln)) is not None]
        under = affiliation_lines(first, found.names)
        # A line of marks alone ("3", "1,2,5") is a name's raised marks set on a row of their own: no affiliation.
        kept = _placed([ln for ln in under if not NAME_MARKS.fullmatch(ln.text)])
        found.affiliations += grid_entries(kept, found.names)
        _set_apart([ln for ln in under if NAME_MARKS.fullmatch(ln.text)], "marks of the authors' names", found)
    found.date = date_line([ln for page in pages[:2] for ln in page]) or date_line(
        [ln for page in pages for ln in page], prefixed=True
    )
    if found.date is not None:
        found.date = dated_day([ln for page in pages for ln in page], found.date)
        found.date.role = "front"
    elif (running := _running_date(pages[1:])) is not None:
        found.date = running
        message = f"no date printed apart: the date is the one the running heads repeat ({running.text!r}); check"
        found.findings.append(Diagnostic(Kind.SUSPICIOUS_FRONT, running.number, message))
    title_text = " ".join(ln.text for ln in title_rows(found.title))
    above = [ln for ln in first if found.title and ln.role == "body" and ln.bottom > found.title[0].top]
    if sum(len(ln.text) for ln in above) < TITLE_ABOVE:
        # A few short lines above the title, where the body has not begun: a series label, a masthead, a running
        # head, the cover's. (Paragraphs there say the title was found too far down: they stay the body's.)
        for line in above:
            line.role = "front"
    elif largest:
        # The largest type stands under running text: a heading set larger than the title, or no title at all.
        message = (
            f"the title taken from the largest type ({title_text[:60]!r}) stands under "
            f"{len(above)} lines of running text: check the title (a heading set larger than it?)"
        )
        found.findings.append(Diagnostic(Kind.SUSPICIOUS_FRONT, found.title[0].number, message))
    # A cover carries no running text: a few short lines, not paragraphs (in one column or two).
    # A paper of one page has no cover: its page is the paper.
    cover = len(pages) > 1 and sum(len(ln.text) for ln in first if ln.role == "body" and ln.size <= size * 1.05) < 300
    for page in pages:
        for line in page:
            if line.role != "body":
                continue
            if (line.page == 1 and cover) or (found.date is not None and line.text == found.date.text):
                line.role = "front"
    if not found.abstract and (found.names or found.byline is not None):
        found.abstract = unlabelled_abstract(first, found.title, size)
        if found.abstract:
            words = " ".join(ln.text for ln in found.abstract)
            message = (
                f"an abstract without a label taken from the smaller type under the names ({words[:60]!r}…); check"
            )
            found.findings.append(Diagnostic(Kind.SUSPICIOUS_FRONT, found.abstract[0].number, message))
    history, badge, foot, over = _journal_front(first, size, name_marks(found.names))
    found.history = _placed(history)
    found.affiliations += foot_entries(_placed(foot), _placed(over))
    # The full list of the authors' details a later page prints at its foot, labelled by the names' marks, too.
    for page in pages[1:]:
        for entry in foot_entries(_placed(_authors_foot(page, name_marks(found.names))), []):
            if all(_plain(entry.text) != _plain(e.text) for e in found.affiliations):
                found.affiliations.append(entry)
    # An author note among them ("These authors contributed equally") is no affiliation: its words stay in a finding.
    notes = [entry for entry in found.affiliations if author_note(entry)]
    found.affiliations = [entry for entry in found.affiliations if not any(entry is n for n in notes)]
    for entry in notes:
        message = f"an author note printed among the affiliations, kept here: {entry.text!r}"
        found.findings.append(Diagnostic(Kind.SUSPICIOUS_FRONT, entry.lines[0].number, message))
    # The crossmark's label is the publisher's badge, the raised marks a row of their own: no field holds them, so
    # their words stay in a finding.
    _set_apart(badge, "a journal's badge or the affiliations' marks on its first page", found)
    found.number = _report_number(pages, cover, size)
    found.imprint = _imprint(first)
    found.masthead = next((ln for ln in first if _masthead(ln, found.title)), None)
    if found.imprint is not None:
        found.series = _series(first, found.imprint, size)
    doi = next((m for ln in first if (m := DOI_LINE.match(ln.text))), None)
    if doi is not None:
        found.doi = doi.group(1)
    at = first[0].number if first else 1
    if not found.title:
        message = "no title found: no line of the first page stands out"
        found.findings.append(Diagnostic(Kind.SUSPICIOUS_FRONT, at, message))
    if found.date is None:
        found.findings.append(Diagnostic(Kind.SUSPICIOUS_FRONT, at, "no date found: the paper prints none apart"))
    for page in pages[1:]:
        if _title_again(page, title_text, size) and not found.sidebar:
            found.sidebar = _sidebar(page)
        # A running head that repeats the title is furniture even where no other page repeats it.
        edge = [ln for ln in page if ln.role == "body"]
        for line in edge[:1] + edge[-1:]:
            if line.size < size * 0.95 and len(line.text) > 10 and title_text.startswith(line.text.rstrip(".… ")):
                line.role = "furniture"
    return found


def _placed(lines: list[Line]) -> list[Line]:
    """Lines of the front matter a field holds (affiliations, history): out of the body, into the front."""
    for line in lines:
        line.role = "front"
    return lines


def _set_apart(lines: list[Line], what: str, found: FrontLines) -> None:
    """Lines of the front matter no field holds: out of the body, their words kept in a finding (none lost)."""
    for line in lines:
        line.role = "front"
    if lines:
        words = " / ".join(ln.text for ln in lines)
        message = f"{what}, set apart from the body as front matter: {words!r}"
        found.findings.append(Diagnostic(Kind.SUSPICIOUS_FRONT, lines[0].number, message))


#: Pages (besides the first) whose running heads hold the title as a piece, beside other pieces: a masthead.
MASTHEAD_PAGES = 2


def _masthead_pages(pages: list[list[Line]], title: str) -> int:
    """How many pages print ``title`` as one piece of a running head of several pieces (not the whole head).

    A register's or a series' section name ("Notices") is set large on the first page and repeated in every
    running head beside the issue's name and date; a paper's own title, repeated, is the whole running head.
    """
    count = 0
    for page in pages:
        pieces = [RUNNING_HEAD_SEPARATOR.split(ln.text) for ln in page if ln.role == "furniture"]
        count += any(len(p) > 1 and title in p for p in pieces)
    return count


def _headed(lines: list[Line]) -> list[Line]:
    """The bold lines that head the page's first paragraph, where the largest type is a masthead: the title.

    In reading order, the first line in regular type after a bold line of the page's largest bold size ends the
    title; the title is that bold block, its lines one text (``_close``: same size, a line's gap). [] where no
    such block stands.
    """
    body = [ln for ln in lines if ln.role == "body" and ln.text.strip()]
    largest = max((ln.size for ln in body if ln.bold), default=0.0)
    for i in range(1, len(body)):
        if body[i].bold or not body[i - 1].bold or abs(body[i - 1].size - largest) >= 0.6:
            continue
        start = i - 1
        while start and body[start - 1].bold and close(body[start - 1], body[start]):
            start -= 1
        return body[start:i]
    return []


#: Pages whose running heads must repeat a date for it to be the paper's (an event's, an issue's).
RUNNING_DATE_PAGES = 2


def _running_date(pages: list[list[Line]]) -> Line | None:
    """The running head that prints a date, repeated on ``RUNNING_DATE_PAGES`` pages or more; None if none does.

    A conference paper's running head names the event, its days and place ("Imaginary Conference ’26, October
    28–31, 2026, Springfield"); a periodical's, its issue and date. The paper's date is its first day.
    """
    heads = [ln for page in pages for ln in page if ln.role == "furniture" and first_day(ln.text)]
    seen = Counter(ln.text for ln in heads)
    return next((ln for ln in heads if seen[ln.text] >= RUNNING_DATE_PAGES), None)


def close(above: Line, line: Line) -> bool:
    """The next line of the same text: same page, same size, no more than a paragraph's gap below."""
    return (
        above.page == line.page
        and abs(above.size - line.size) < 0.6
        and above.baseline - line.baseline < line.size * 2.5
    )


def _labelled(lines: list[Line], found: FrontLines) -> None:
    """The byline under the title; an abstract and keywords after their labels, up to the first heading.

    A section between the abstract and the keywords' label, headed by a label set as theirs are (same size, bold:
    a classification's "Subject Areas"), is front matter too: set apart, its words kept in a finding.
    """
    body = [ln for ln in lines if ln.role == "body"]
    after = body.index(found.title[-1]) + 1 if found.title and found.title[-1] in body else 0
    rest = [ln for ln in lines if ln.role == "body"][after:]
    if rest and BYLINE.match(rest[0].text):
        found.byline = rest[0]
        rest[0].role = "front"
    current: list[Line] | None = None
    between: list[Line] = []  # labelled sections after the abstract, before the keywords
    section = False  # the last line was one of such a section's
    for line in rest:
        if line.role != "body":
            continue
        label = FRONT_LABEL.match(line.text)
        lead = run_in(line)
        # The section's lines go on in the weight its first line of words is set in (an abstract set bold, all of it).
        weight = bool(current) and current is not None and current[0].bold
        if KEYWORDS_LINE.match(line.text) and not found.keywords:  # "Keywords: a, b", label and words on one line
            found.keywords.append(line)
            line.role = "front"
            current = found.keywords
        elif label or lead is not None:
            name = label.group(1) if label else lead[0].text if lead is not None else ""
            if not name.lower().startswith("abstract"):
                _set_apart(between, "a labelled section between the abstract and the keywords", found)
            between, section = [], False
            found.labels.append(lead[0] if lead is not None else line)
            line.role = "front"
            current = found.abstract if name.lower().startswith("abstract") else found.keywords
            if lead is not None:  # a run-in label: its words, on its line, open the section
                found.run_in.append(line)
                current.append(lead[1])
        elif current is not None and line.bold == weight and (not current or close(current[-1], line)):
            if current and line.column != current[-1].column and abs(line.x0 - current[-1].x0) < line.size * ALIGNED:
                # Its last short line, under the others at their left edge, taken by the column finder for the
                # column under a text set across the page: the same block's, read as one paragraph.
                line.column = current[-1].column
            current.append(line)
            line.role = "front"
        else:
            current = None
            if found.abstract and line.bold and any(abs(line.size - lb.size) < 0.3 for lb in found.labels):
                between.append(line)
                section = True
            elif section and not line.bold and _under(between[-1], line):
                between.append(line)
            else:
                section = False


def run_in(line: Line) -> tuple[Line, Line] | None:
    """A line opening with a run-in label (``RUN_IN_LABEL``): the label and the words after it, as two pieces.

    The label is the line's whole first run, set in a font other than the words' (bold, bold italic, small
    capitals): a paragraph's first word in its own type would share the next run's font. The label's stop set
    with the words ("—This article") is the label's, not theirs. None for any other line.
    """
    runs = line.runs
    if len(runs) < 2 or any(line.calls[:2]) or not RUN_IN_LABEL.match(runs[0].text):
        return None
    if runs[0].font.name == runs[1].font.name:
        return None
    opening = RUN_IN_STOP.sub("", runs[1].text, count=1)
    words = ([replace(runs[1], text=opening)] if opening.strip() else []) + runs[2:]
    if not words:
        return None
    return _piece(line, runs[:1]), _piece(line, words)


#: Type this share of the body's size or smaller is set smaller than the body (an abstract's, a foot's).
SMALLER_TYPE = 0.95
_CLOSED = re.compile(r"[.!?][\"'”’)]*$")  # a sentence's end, after its closing quotes or bracket


def unlabelled_abstract(lines: list[Line], title: list[Line], size: float) -> list[Line]:
    """The abstract a journal sets without a label: the first page's first block of text, in smaller type.

    Under the title, with nothing of the body above it (the names and their affiliations are the front's); a block
    of ``close`` lines in one weight, in type ``SMALLER_TYPE`` of the body's or smaller, of whole sentences (prose,
    ending with a stop), that the next line does not go on (a gap, a heading, the body's own type). [] otherwise.
    """
    body = [ln for ln in lines if ln.role == "body"]
    if not body or not title:
        return []
    first = body[0]
    if first.baseline > min(ln.baseline for ln in title) or first.size > size * SMALLER_TYPE:
        return []
    block = [first]
    for line in body[1:]:
        if not close(block[-1], line) or line.bold != first.bold:
            break
        block.append(line)
    rest = body[len(block) :]
    if rest and close(block[-1], rest[0]) and not rest[0].bold:
        return []  # the same text goes on in another weight: no block of its own
    text = " ".join(ln.text for ln in block)
    if not _SENTENCE.search(text) or not _CLOSED.search(text):
        return []
    for line in block:
        line.role = "front"
    return block


def _under(above: Line, line: Line) -> bool:
    """The next line of a section under its label or its last line: same page, no larger, a paragraph's gap at most."""
    return above.page == line.page and line.size <= above.size and above.baseline - line.baseline < line.size * 2.5


def _title_again(lines: list[Line], title: str, size: float) -> bool:
    """The title set again in large type (on a summary page) is front matter, not a heading; say if it is."""
    large = [ln for ln in lines if ln.role == "body" and ln.size >= size * 1.3]
    for i in range(len(large)):
        text = ""
        for j in range(i, len(large)):
            text = f"{text} {large[j].text}".strip()
            if text == title:
                for line in large[i : j + 1]:
                    line.role = "front"
                return True
            if not title.startswith(text):
                break
    return False


def _sidebar(lines: list[Line]) -> list[Line]:
    """The authors beside a summary page's text: each a name, then its role on a line or more under it.

    Taken from the box beside the text (``aside``) into the front matter: the names and their roles, no other
    line of the box (its date, a name without a role under it).
    """
    aside = [ln for ln in lines if ln.role == "aside"]
    kept: list[Line] = []
    for i, line in enumerate(aside):
        named = name_before_role(line.text) == line.text and i + 1 < len(aside) and is_role(aside[i + 1].text)
        # A role's next line is set as the role is (a name in its own weight opens the next entry).
        goes_on = continues_role(line.text) and line.bold == aside[i - 1].bold
        role = bool(kept) and kept[-1] is aside[i - 1] and (is_role(line.text) or goes_on)
        if named or role:
            kept.append(line)
    for line in kept:
        line.role = "front"
    return kept
