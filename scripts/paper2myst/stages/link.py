"""Stage ``link``: parse the reference list into entries; link the notes' and the text's citations to them."""

from __future__ import annotations

from paper2myst import bib
from paper2myst.citations import same_names, text_citations, text_index, works_in_notes
from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.model import Document, Paragraph, Reference


def link(doc: Document) -> None:
    entries, diagnostics = bib.parse_references(doc.references)
    doc.entries = list(entries)
    doc.diagnostics.extend(diagnostics)
    cited = bib.find_citations(doc.notes, entries)
    if not entries and cited:
        # Many reports cite only in their notes: one summary, not one finding per work.
        doc.diagnostics.append(
            Diagnostic(
                Kind.NO_REFERENCE_LIST,
                cited[0].line,
                f"the paper has no reference list: {len(cited)} works cited in the notes stay text "
                "(--works-cited makes one from them)",
            )
        )
    else:
        doc.diagnostics.extend(cited)
    if entries:
        doc.diagnostics.extend(link_text(doc, entries))


def link_text(doc: Document, entries: list[bib.BibEntry]) -> list[Diagnostic]:
    """Author-date and numbered citations in the body; each unlisted work is reported once, where first cited."""
    reported: set[str] = set()
    diagnostics: list[Diagnostic] = []
    index = text_index(entries)
    printed = {e.key: e.source for e in entries}
    for node in doc.body:
        if not isinstance(node, Paragraph):
            continue
        node.citations, unlisted = text_citations(node.text, index)
        for work, offset in unlisted:
            if work in reported:
                continue
            reported.add(work)
            line = node.span.line_at(node.offsets, offset)
            near = same_names(work, index[0])
            also = f" (the entry with the same name, not linked: {printed[near]!r})" if near else ""
            diagnostics.append(
                Diagnostic(
                    Kind.UNLISTED_CITATION,
                    line,
                    f"the text cites a work missing from the reference list: {work!r}{also}",
                )
            )
    return diagnostics


def works_cited(doc: Document) -> None:
    """Opt-in: give a paper without a reference list one made from the works its notes cite (deduplicated).

    The list's entries are the notes' own words for each work, first citation first; the notes then link to
    them as to any list (``Ibid.`` and short forms too), and each entry links back to its notes.
    """
    if doc.references:
        return
    doc.references = [Reference(text, note.span) for text, note in works_in_notes(doc.notes)]
    doc.diagnostics = [d for d in doc.diagnostics if d.kind not in {Kind.UNLISTED_CITATION, Kind.NO_REFERENCE_LIST}]
    link(doc)
