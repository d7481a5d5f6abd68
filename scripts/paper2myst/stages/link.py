"""Stage ``link``: parse the reference list into entries and link the notes' citing words to them."""

from __future__ import annotations

from paper2myst import bib
from paper2myst.model import Document


def link(doc: Document) -> None:
    entries, diagnostics = bib.parse_references(doc.references)
    doc.entries = list(entries)
    doc.diagnostics.extend(diagnostics)
    doc.diagnostics.extend(bib.find_citations(doc.notes, entries))
