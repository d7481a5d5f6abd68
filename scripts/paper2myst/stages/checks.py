"""Stage ``checks``: plausibility checks that turn a suspicious result into a diagnostic the editor sees."""

from __future__ import annotations

import re

from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.model import Document, Heading, Paragraph

# A body paragraph that reads like a note: a number and a space, then a source with a year or an address.
# An address the extraction broke at a line end: "<https://…/Revenu> es/link/…", "?_tp= eyJ…", "…/> 3985…".
_BROKEN_ADDRESS = re.compile(r"<https?://[^\s>]+>\s?[\w%.\-]*/|[?&][\w-]+=\s\S|<https?://[^\s>]+/>\s\w")
_NOTE_LIKE = re.compile(r"^\d{1,3}\.?\s+[A-Z].*(?:\b(?:1[89]|20)\d\d\b|https?://)")


def checks(doc: Document) -> None:
    # (A paper whose notes cite works but which lists none gets its one summary finding from the link stage.)
    for note in doc.notes:
        broken = _BROKEN_ADDRESS.search(note.text)
        if broken:
            doc.diagnostics.append(
                Diagnostic(
                    Kind.BROKEN_ADDRESS,
                    note.span.line_at(note.offsets, broken.start()),
                    f"note {note.label}: an address seems broken by a line end ({broken.group()!r}): check it",
                )
            )
    run: list[Heading] = []
    for node in [*doc.body, None]:
        if isinstance(node, Heading):
            run.append(node)
            continue
        if len(run) >= 3:
            doc.diagnostics.append(
                Diagnostic(
                    Kind.SUSPICIOUS_HEADINGS,
                    run[0].span.first,
                    f"{len(run)} headings in a row: the rows of a table or the text of a figure read as headings?",
                )
            )
        run = []
    if not doc.front.authors:
        line = doc.front.title_spans[0].first if doc.front.title_spans else 1
        doc.diagnostics.append(Diagnostic(Kind.SUSPICIOUS_FRONT, line, "no author found: the byline is empty"))
    note_like = [n for n in doc.body if isinstance(n, Paragraph) and _NOTE_LIKE.match(n.text)]
    if not doc.notes and len(note_like) >= 2:
        doc.diagnostics.append(
            Diagnostic(
                Kind.SUSPICIOUS_NOTES,
                note_like[0].span.first,
                f"no notes found, but {len(note_like)} paragraphs read like notes (a number, then a source)",
            )
        )
