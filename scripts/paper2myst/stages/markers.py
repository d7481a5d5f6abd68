"""Stage ``markers``: match each note call to its note where it stands; report what does not match one to one.

A paper's own quirks are findings, never a refusal: a call out of order or repeated is linked where it stands, a
label printed for two notes (numbering that restarts in an appendix, a table's lettered notes) keeps both notes,
each call going to the note of its label that follows it (a page's notes follow its body) or, failing that, the
nearest before. A call with no note is kept as the text printed, a note no call refers to as text after the
body (both reported), so one missing note or call does not lose the paper, and one odd mark is one finding.
"""

from __future__ import annotations

import bisect
import re

from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.model import BodyNode, Document, Heading, ItemList, ListItem, Note, Paragraph
from paper2myst.stages.blocks import CALL, SUPERSCRIPT_DIGITS, call_label

_PLAIN = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
# A chemical formula's subscript the extraction printed raised, inside a word of capitals that goes on in letters
# ("MMTCO²e", "N²O"; in emphasis closed around it, "MTCO*²*e"): never a call (a letter follows), read as its digit,
# as the PDF route reads it.
_IN_FORMULA = re.compile(rf"\b[A-Z][A-Z0-9]*(?:\*([{SUPERSCRIPT_DIGITS}]+)\*|([{SUPERSCRIPT_DIGITS}]+))(?=[A-Za-z])")
# A word of capitals a call-shaped raised digit may close as a formula's subscript ("CO²", "CH⁴)").
_FORMULA_END = re.compile(r"\b[A-Z][A-Z0-9]*[A-Z]$")


def nearest(notes: list[Note], line: int) -> Note:
    """Of the notes carrying one label (in reading order), the one a call on ``line`` refers to.

    The first that stands after the call (the notes of a page, or a chapter's endnotes, follow its text);
    a call after all of them (a note cited again later) goes to the last before it.
    """
    starts = [n.span.first for n in notes]
    at = bisect.bisect_right(starts, line)
    return notes[at] if at < len(notes) else notes[-1]


def markers(doc: Document) -> None:
    by_label: dict[str, list[Note]] = {}
    for note in doc.notes:
        by_label.setdefault(note.label, []).append(note)
    for same in by_label.values():
        same.sort(key=lambda n: n.span.first)
    called: set[str] = set()  # note keys
    expected = 1  # the number the next call should carry, after the last call that found its note
    for note in doc.notes:
        note.text, note.offsets = _formulas(note.text, note.offsets)
    for node in doc.body:
        for owner in _owners(node):
            # A paragraph's calls are placed on their line and may go to a note of a label printed again; a
            # heading's or a list item's stand at its first line and go to the label's first note.
            offsets: tuple[int, ...] | None = None
            keys: dict[str, str] | None = None
            if isinstance(owner, Paragraph):
                owner.text, owner.offsets = _formulas(owner.text, owner.offsets)
                offsets, keys = owner.offsets, owner.note_keys
            else:
                owner.text = _formulas(owner.text, (0,))[0]
            text, span = owner.text, owner.span
            subscripts: list[int] = []
            for match in CALL.finditer(text):
                label = call_label(match.group())
                line = span.line_at(offsets, match.start()) if offsets else span.first
                if _subscript(text, match, label, by_label, called, expected):
                    subscripts.append(match.start())
                    continue
                if label not in by_label:
                    doc.unmatched_calls.add(label)
                    message = f"note marker {label} has no note: kept as printed"
                    doc.diagnostics.append(Diagnostic(Kind.MARKER_WITHOUT_NOTE, line, message))
                    continue
                note = nearest(by_label[label], line)
                if keys is None:  # a heading's or a list item's call goes to its label's first note
                    note = by_label[label][0]
                elif keys.get(label, note.key) != note.key:
                    message = f"note marker {label} stands twice in this paragraph for two notes: both go to the first"
                    doc.diagnostics.append(Diagnostic(Kind.MARKER_ORDER, line, message))
                    note = next(n for n in by_label[label] if n.key == keys[label])
                elif note.key != label:
                    keys[label] = note.key
                restart = label == "1" and note.key != label
                if note.key in called:
                    message = f"note marker {label} is used again: linked to the same note (line {note.span.first})"
                    doc.diagnostics.append(Diagnostic(Kind.MARKER_ORDER, line, message))
                elif label.isdigit() and int(label) != expected and not restart:
                    message = f"note marker {label} is out of order (expected {expected}): linked where it stands"
                    doc.diagnostics.append(Diagnostic(Kind.MARKER_ORDER, line, message))
                called.add(note.key)
                if label.isdigit():
                    expected = int(label) + 1 if restart else max(expected, int(label) + 1)
            if subscripts:
                chars = list(text)
                for at in subscripts:
                    end = CALL.match(text, at).end()  # type: ignore[union-attr]
                    chars[at:end] = text[at:end].translate(_PLAIN)
                owner.text = "".join(chars)
    _uncalled(doc, called)


def _subscript(
    text: str, match: re.Match[str], label: str, by_label: dict[str, list[Note]], called: set[str], expected: int
) -> bool:
    """A raised number closing a word of capitals ("CO²", "CH⁴)") that the notes' sequence shows is no call.

    Its label has no note, or its note was called before and the calls have gone on past it: a formula's
    subscript the extraction raised, read as its digits. A call the sequence expects there stays a call.
    """
    if not label.isdigit() or not _FORMULA_END.search(text, 0, match.start()):
        return False
    if label not in by_label:
        return True
    return by_label[label][0].key in called and int(label) + 1 < expected


def _formulas(text: str, offsets: tuple[int, ...]) -> tuple[str, tuple[int, ...]]:
    """``text`` with its formulas' raised subscripts read as digits, and its line offsets moved to match."""
    out: list[str] = []
    last = 0
    moved: list[tuple[int, int]] = []  # (position in text, characters dropped up to there)
    dropped = 0
    for match in _IN_FORMULA.finditer(text):
        digits = match.group(1) or match.group(2)
        start = match.start(1) - 1 if match.group(1) else match.start(2)
        out += [text[last:start], digits.translate(_PLAIN)]
        last = match.end()
        dropped += (match.end() - start) - len(digits)
        moved.append((match.end(), dropped))
    if not moved:
        return text, offsets
    out.append(text[last:])
    shifted = tuple(o - max((d for at, d in moved if at <= o), default=0) for o in offsets)
    return "".join(out), shifted


def _owners(node: BodyNode) -> list[Paragraph | Heading | ListItem]:
    """The parts of a body node whose text may hold calls.

    Calls in a heading or a list item count too: the notes are numbered through them.
    """
    if isinstance(node, Paragraph | Heading):
        return [node]
    if isinstance(node, ItemList):
        return list(node.items)
    return []


def _uncalled(doc: Document, called: set[str]) -> None:
    """Notes no call refers to are kept as text after the body, each with a finding."""
    labels = {n.label for n in doc.notes}
    for note in doc.notes:
        if note.label == "*":
            if not doc.front.author_note_marker:
                doc.uncalled_notes.add(note.key)
                doc.diagnostics.append(
                    Diagnostic(
                        Kind.NOTE_WITHOUT_MARKER,
                        note.span.first,
                        "the author note '*' has no '*' in the byline: kept as text after the body",
                    )
                )
        elif note.key not in called:
            doc.uncalled_notes.add(note.key)
            doc.diagnostics.append(
                Diagnostic(
                    Kind.NOTE_WITHOUT_MARKER,
                    note.span.first,
                    f"note {note.label} has no marker in the text: kept as text after the body",
                )
            )
    if doc.front.author_note_marker and "*" not in labels:
        line = doc.front.byline_spans[-1].first if doc.front.byline_spans else 1
        doc.diagnostics.append(Diagnostic(Kind.MARKER_WITHOUT_NOTE, line, "the byline's '*' has no author note"))
