"""Stage ``markers``: check that note markers and notes match one to one, in order."""

from __future__ import annotations

import re

from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.model import Document, Paragraph
from paper2myst.stages.blocks import SUPERSCRIPT_DIGITS, superscript_to_int

MARKER = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")


def markers(doc: Document) -> None:
    found: list[tuple[int, int]] = []  # (number, line)
    for node in doc.body:
        if isinstance(node, Paragraph):
            for match in MARKER.finditer(node.text):
                found.append((superscript_to_int(match.group()), node.span.line_at(node.offsets, match.start())))
    labels = {n.label: n for n in doc.notes}
    expected = 1
    seen: set[int] = set()
    for number, line in found:
        if number in seen:
            doc.diagnostics.append(Diagnostic(Kind.MARKER_ORDER, line, f"note marker {number} is used twice"))
        elif number != expected:
            doc.diagnostics.append(
                Diagnostic(Kind.MARKER_ORDER, line, f"note marker {number} is out of order (expected {expected})")
            )
        if str(number) not in labels:
            doc.diagnostics.append(Diagnostic(Kind.MARKER_WITHOUT_NOTE, line, f"note marker {number} has no note"))
        seen.add(number)
        expected = max(expected, number + 1)
    for note in doc.notes:
        if note.label == "*":
            if not doc.front.author_note_marker:
                doc.diagnostics.append(
                    Diagnostic(
                        Kind.NOTE_WITHOUT_MARKER, note.span.first, "the author note '*' has no '*' in the byline"
                    )
                )
        elif note.label.isdigit() and int(note.label) not in seen:  # a reader reports other labels itself
            doc.diagnostics.append(
                Diagnostic(Kind.NOTE_WITHOUT_MARKER, note.span.first, f"note {note.label} has no marker in the text")
            )
    if doc.front.author_note_marker and "*" not in labels:
        line = doc.front.byline_spans[-1].first if doc.front.byline_spans else 1
        doc.diagnostics.append(Diagnostic(Kind.MARKER_WITHOUT_NOTE, line, "the byline's '*' has no author note"))
