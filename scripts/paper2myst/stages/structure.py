"""Stage ``structure``: find the cover, the title page, the body, the reference list and the back matter."""

from __future__ import annotations

import re

from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.model import Block, BlockKind, Document, Heading, Paragraph, Reference

_BYLINE = re.compile(r"^by\s+(?P<names>.+?)(?P<marker>\*?)$", re.IGNORECASE | re.DOTALL)
REFERENCES = re.compile(r"^(References|Bibliography|Works cited|Sources)$", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[5-9]|20)\d\d\b")
_URL = re.compile(r"https?://|<www\.|\bwww\.")


def one_line(text: str) -> str:
    return " ".join(text.split())


def split_authors(names: str) -> list[str]:
    """``A, B and C`` → ``[A, B, C]``."""
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", names)
    return [p.strip() for p in parts if p.strip()]


def looks_like_reference(block: Block) -> bool:
    return block.kind is not BlockKind.NOTE and bool(_YEAR.search(block.text) or _URL.search(block.text))


def structure(doc: Document) -> None:
    """Assign the cover, title page and trailing parts; leave the body blocks in ``doc.blocks``."""
    blocks = doc.blocks
    if not blocks:
        doc.diagnostics.append(Diagnostic(Kind.EMPTY, 1, "the file has no text"))
        return
    front = doc.front
    title = blocks[0]
    front.title = one_line(title.text)
    front.title_spans.append(title.span)
    # The cover page repeats the title on the title page: everything between is cover material.
    repeat = next((i for i, b in enumerate(blocks[1:], 1) if one_line(b.text) == front.title), None)
    if repeat is not None:
        front.title_spans.append(blocks[repeat].span)
        _cover(doc, blocks[1:repeat])
        rest = blocks[repeat + 1 :]
    else:
        rest = blocks[1:]
    if rest and _BYLINE.match(rest[0].text):
        _byline(doc, rest[0])
        rest = rest[1:]
    end = next((i for i, b in enumerate(rest) if REFERENCES.match(b.text.strip())), None)
    if end is None:
        doc.blocks = rest
        return
    doc.blocks = rest[:end]
    doc.references_heading = Heading(rest[end].text.strip(), rest[end].span)
    tail = rest[end + 1 :]
    # The reference list ends at the first block that cites no year and no address:
    # the publisher's back matter (its name, address, series list) follows.
    stop = next((i for i, b in enumerate(tail) if not looks_like_reference(b)), len(tail))
    doc.references = [Reference(one_line(b.text), b.span) for b in tail[:stop]]
    doc.back_matter = tail[stop:]


def _byline(doc: Document, block: Block) -> None:
    match = _BYLINE.match(block.text)
    assert match is not None
    front = doc.front
    names = one_line(match.group("names"))
    if not front.byline:
        front.byline = f"{block.text[: match.start('names')]}{names}".replace("\n", " ")
        front.authors = split_authors(names)
    front.byline_spans.append(block.span)
    front.author_note_marker = front.author_note_marker or bool(match.group("marker"))


def _cover(doc: Document, blocks: list[Block]) -> None:
    """Cover page: byline, ABSTRACT label and text, the keywords line and its label."""
    front = doc.front
    for block in blocks:
        text = one_line(block.text)
        if _BYLINE.match(block.text):
            _byline(doc, block)
        elif text.lower() == "abstract" and not front.abstract_label:
            front.abstract_label = text
            front.label_spans.append(block.span)
        elif text.lower() in {"keywords", "key words", "keywords:"} and not front.keywords_label:
            front.keywords_label = text
            front.label_spans.append(block.span)
        elif " | " in text and not front.keywords_line:
            front.keywords_line = text
            front.keywords = [k.strip() for k in text.split("|") if k.strip()]
            front.label_spans.append(block.span)
        else:
            front.abstract.append(Paragraph(text, block.span))
