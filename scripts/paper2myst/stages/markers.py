"""Stage ``markers``: check that note calls and notes match one to one, in order.

A call with no note is kept as the text printed, a note no call refers to as text after the body (both reported),
so one missing note or call does not lose the paper.
"""

from __future__ import annotations

from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.model import Document, Heading, ItemList, Paragraph
from paper2myst.stages.blocks import CALL, call_label


def markers(doc: Document) -> None:
    found: list[tuple[str, int]] = []  # (label, line)
    for node in doc.body:
        if isinstance(node, Paragraph):
            for match in CALL.finditer(node.text):
                found.append((call_label(match.group()), node.span.line_at(node.offsets, match.start())))
        # Calls in a heading or a list item count too: the notes are numbered through them.
        elif isinstance(node, Heading):
            found += [(call_label(match.group()), node.span.first) for match in CALL.finditer(node.text)]
        elif isinstance(node, ItemList):
            for item in node.items:
                found += [(call_label(match.group()), item.span.first) for match in CALL.finditer(item.text)]
    labels = {n.label: n for n in doc.notes}
    expected = 1
    seen: set[str] = set()
    for label, line in found:
        if label in seen:
            doc.diagnostics.append(Diagnostic(Kind.MARKER_ORDER, line, f"note marker {label} is used twice"))
        elif label.isdigit() and int(label) != expected:
            doc.diagnostics.append(
                Diagnostic(Kind.MARKER_ORDER, line, f"note marker {label} is out of order (expected {expected})")
            )
        if label not in labels:
            doc.unmatched_calls.add(label)
            doc.diagnostics.append(
                Diagnostic(Kind.MARKER_WITHOUT_NOTE, line, f"note marker {label} has no note: kept as printed")
            )
        seen.add(label)
        if label.isdigit():
            expected = max(expected, int(label) + 1)
    for note in doc.notes:
        if note.label == "*":
            if not doc.front.author_note_marker:
                doc.uncalled_notes.add(note.label)
                doc.diagnostics.append(
                    Diagnostic(
                        Kind.NOTE_WITHOUT_MARKER,
                        note.span.first,
                        "the author note '*' has no '*' in the byline: kept as text after the body",
                    )
                )
        elif note.label not in seen:
            doc.uncalled_notes.add(note.label)
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
