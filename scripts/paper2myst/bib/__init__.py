"""Reference lists in any house style: parse into biblatex entries, write BibTeX, keep each entry as printed.

``parse_references`` reads a list: it takes off the list's own labels, detects the house style
(:mod:`paper2myst.bib.styles`), reads each entry with the style's exact rules when it has them and
otherwise with the trained tagger (:mod:`paper2myst.bib.segment`), and gives each entry a confidence;
an entry read with too little confidence becomes ``@misc`` with its text in ``note`` and a diagnostic.
Every entry carries its printed text (``usera``), which is what the bibliography shows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from paper2myst.bib.core import (
    FIELD_ORDER,
    BibEntry,
    bibliography_myst,
    format_bibtex,
    make_key,
    settle_type,
    unique_keys,
)
from paper2myst.bib.styles import STYLES, detect
from paper2myst.citations import citation_myst, find_citations
from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.latex import LABEL_FIELD, PRINTED_FIELD, latex_escape, printed_latex
from paper2myst.model import Reference

__all__ = [
    "FIELD_ORDER",
    "MIN_CONFIDENCE",
    "BibEntry",
    "bibliography_myst",
    "citation_myst",
    "find_citations",
    "format_bibtex",
    "make_key",
    "parse_list",
    "parse_references",
    "split_label",
]

# Below this, the tagger's least sure word makes the fields a guess: keep the entry as @misc instead.
MIN_CONFIDENCE = 0.5
# A list's own labels: "1.", "12)", "[12]", "(12)", Roman "iv" / "IV." — only when most entries have one.
_LABEL = re.compile(r"^(?P<label>\[\d+[a-z]?\]|\(\d+\)|\d+[.)]|[ivxlcdm]+\.?|[IVXLCDM]+\.)\s+(?=\S)")


def split_label(text: str) -> tuple[str, str]:
    """Split a leading list label off: "[3] A. Smith, ..." -> ("[3]", "A. Smith, ...")."""
    m = _LABEL.match(text)
    return (m["label"], text[m.end() :]) if m else ("", text)


def list_labels(texts: Sequence[str]) -> list[tuple[str, str]]:
    """Take labels off only when the list is labelled (most entries start with one, of the same kind)."""
    split = [split_label(t) for t in texts]
    kinds = [re.sub(r"[0-9]+[a-z]?|[ivxlcdm]+|[IVXLCDM]+", "n", label) for label, _ in split]
    labelled = max(set(kinds), key=kinds.count) if kinds else ""
    if not labelled or kinds.count(labelled) * 2 <= len(texts):
        return [("", t) for t in texts]
    return [
        (label, rest) if kind == labelled else ("", text)
        for (label, rest), kind, text in zip(split, kinds, texts, strict=True)
    ]


def parse_list(texts: Sequence[str]) -> tuple[str, list[BibEntry], list[tuple[int, str]]]:
    """Parse a list's entries (MyST inline text, one per entry): its style, the entries, and (index, problem) pairs."""
    from paper2myst.model import Span

    entries, problems, style = _parse([Reference(t, Span((i + 1,))) for i, t in enumerate(texts)])
    return style, entries, [(i, msg) for i, msg in problems]


def parse_references(refs: Sequence[Reference]) -> tuple[list[BibEntry], list[Diagnostic]]:
    """Parse every reference, in list order, into entries with unique keys."""
    entries, problems, _ = _parse(refs)
    return entries, [Diagnostic(Kind.UNPARSED_REFERENCE, refs[i].span.first, msg) for i, msg in problems]


def _parse(refs: Sequence[Reference]) -> tuple[list[BibEntry], list[tuple[int, str]], str]:
    labelled = list_labels([r.text.strip() for r in refs])
    style_name = detect([text for _, text in labelled], numbered=any(label for label, _ in labelled))
    style = STYLES.get(style_name)
    entries: list[BibEntry] = []
    problems: list[tuple[int, str]] = []
    previous_author = ""
    for i, (ref, (label, text)) in enumerate(zip(refs, labelled, strict=True)):
        fields: dict[str, str] = {}
        etype, confidence, used = "", 0.0, "rules"
        if style is not None and style.rules is not None:
            try:
                etype, fields = style.rules(text)
                confidence = 1.0
            except ValueError:
                pass
        if not etype:
            # The tagger (its features, the CRF model) loads only for an entry the style's rules cannot read.
            from paper2myst.bib.fields import fields_from_segments, plain
            from paper2myst.bib.segment import default_segmenter

            segments, confidence = default_segmenter().segments(plain(text))
            etype, fields = fields_from_segments(segments, previous_author)
            used = "tagger"
        if confidence < MIN_CONFIDENCE or not fields.get("title"):
            why = f"confidence {confidence:.2f}" if fields.get("title") else "no title found"
            problems.append(
                (i, f"reference read with {why} ({style_name}, {used}): kept as @misc with its text in note")
            )
            # biblatex wants a title: the whole text is the only one that is not a guess.
            from paper2myst.bib.fields import plain

            etype, fields = "misc", {"title": latex_escape(plain(text)), "note": latex_escape(plain(text))}
        etype, fields = settle_type(etype, fields)
        previous_author = fields.get("author", previous_author)
        if label:
            fields = {LABEL_FIELD: latex_escape(label), **fields}
        fields[PRINTED_FIELD] = printed_latex(text)
        entries.append(BibEntry("", etype, fields, ref.span, text, label, style_name, used, confidence))
    for entry, key in zip(entries, unique_keys([make_key(e.fields) for e in entries]), strict=True):
        entry.key = key
    return entries, problems, style_name
