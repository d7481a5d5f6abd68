"""Stage ``xrefs``: "Table 2", "Figure 1", "Appendix A", "equation (4)" in the text linked to what they name."""

from __future__ import annotations

import re

from paper2myst import mathtext
from paper2myst.conventions import appendix_label, caption_label
from paper2myst.inline import plain
from paper2myst.model import Caption, Citation, Document, Equation, Heading, Paragraph

# "Figure 1", "Table B-1", "Tables 2" (the first of "Tables 2 and 3"): a kind and its printed number.
_NAMED = re.compile(r"\b(?P<kind>Figure|Table)s?\s(?P<number>[A-Z]?-?\d{1,3}(?:[.-]\d{1,2})?)\b(?!\.\d)")
_APPENDIX = re.compile(r"\bAppendix\s(?P<number>[A-Z])\b(?![.-]\d)")
# An equation's number in brackets: "(4)", "(B1)"; a bare one names an equation only after the words below.
_NUMBER = re.compile(r"\((?P<number>[A-Z]?\d{1,2})\)")
# "equation (4)", "equations (1) and (2)", "eq. (3)": the numbers that follow name equations ...
_EQUATION_WORD = re.compile(r"\b(?:equations?|eqs?\.)\s*$", re.IGNORECASE)
_JOIN = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or)\s*")
# ... and so does a bracketed number that something is put into, taken from or worked with ("substituted from (5)
# into (4)", "Substituting (2) into (1)", "combining (3) and (4)"). Not after "in" or a comma: "differences in (1)
# the measurement …, (2) …" counts the points of a sentence.
_MOVED = re.compile(r"\b(?:into|from|substitut\w*|insert\w*|combin\w*|using)\s*$", re.IGNORECASE)


def xrefs(doc: Document) -> None:
    """Give each paragraph its links to the figures, tables, appendices and equations of this document."""
    targets = labels(doc)
    for node in doc.body:
        if isinstance(node, Paragraph):
            taken = [(c.start, c.end) for c in node.citations]
            node.xrefs = [x for x in references(node.text, targets) if not _overlaps(x, taken)]


def labels(doc: Document) -> set[str]:
    """The targets this document has: its captions' labels, its equations', its appendices' and its other nodes'."""
    found = {caption_label(plain(n.text)) for n in doc.body if isinstance(n, Caption) and n.text}
    found |= {mathtext.label(n.number) for n in doc.body if isinstance(n, Equation) and n.number}
    found |= {appendix_label(n.text) for n in doc.body if isinstance(n, Heading)}
    # A node that names itself (a table read into cells, named "table-2") is a target too.
    found |= {own for n in doc.body if isinstance(own := getattr(n, "name", None), str)}
    return found - {""}


def references(text: str, targets: set[str]) -> list[Citation]:
    """The spans of ``text`` that name one of ``targets``, each with its target's label (as ``key``)."""
    found: list[Citation] = []
    for match in _NAMED.finditer(text):
        label = f"{match['kind'].lower()}-{match['number'].lower().replace('.', '-')}"
        found.append(Citation(match.start(), match.end(), label))
    for match in _APPENDIX.finditer(text):
        found.append(Citation(match.start(), match.end(), f"appendix-{match['number'].lower()}"))
    found += _equations(text)
    spans = (_whole(text, c) for c in found if c.key in targets)
    return sorted((c for c in spans if c is not None), key=lambda c: c.start)


def _whole(text: str, span: Citation) -> Citation | None:
    """The span with the emphasis marks set around just it ("**Figure 1**"); None inside other markup.

    A link is made of whole inline markup: words cut out of a longer emphasis or a link stay unlinked.
    """
    start, end = span.start, span.end
    while start and end < len(text) and text[start - 1] == text[end] and text[end] in "*_":
        start, end = start - 1, end + 1
    head = text[:start]
    if len(re.findall(r"\*+", head)) % 2 or head.count("[") != head.count("]") or head.count("`") % 2:
        return None
    return Citation(start, end, span.key)


def _equations(text: str) -> list[Citation]:
    """Bracketed numbers that name equations: after "equation(s)", "into" or "from", and the list they open."""
    found: list[Citation] = []
    last = -1  # where the last equation's number ended, if the list of them may go on
    for match in _NUMBER.finditer(text):
        head = text[: match.start()]
        named = bool(_EQUATION_WORD.search(head) or _MOVED.search(head))
        named = named or (last >= 0 and bool(_JOIN.fullmatch(text[last : match.start()])))
        if named:
            found.append(Citation(match.start(), match.end(), mathtext.label(match["number"])))
        last = match.end() if named else -1
    return found


def _overlaps(span: Citation, taken: list[tuple[int, int]]) -> bool:
    return any(span.start < end and start < span.end for start, end in taken)
