"""Stage ``structure``: find the cover, the title page, the body, the reference list and the back matter.

One stage for both routes: a layout-aware reader (the PDF's) hands on what it told apart by geometry (a
:class:`FrontEvidence`), and this stage makes the front and back matter of it; without such evidence (the text
route) it finds the same parts from the text. The jobs both need (a byline's names, names from roles, the
signatory and its finding) are done once, here and in :mod:`paper2myst.conventions`.
"""

from __future__ import annotations

import re

from paper2myst.conventions import (
    ADDRESSEE,
    AUTHOR_HEADING,
    BACK_MATTER_HEADING,
    BYLINE,
    END_MATTER_HEADING,
    ENDNOTES_HEADING,
    KEYWORDS_LINE,
    REFERENCES_HEADING,
    SUMMARY_HEADING,
    author_names,
    author_roles,
    banner_parts,
    continues_role,
    end_matter,
    name_before_role,
    name_list,
    name_roles,
    names_in,
    signature,
    signed_name,
    split_keywords,
)
from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.model import (
    AuthorLines,
    Block,
    BlockKind,
    Document,
    Front,
    FrontEvidence,
    Heading,
    Paragraph,
    Reference,
    Seen,
    Span,
)
from paper2myst.stages.layout import entry_text

# An entry of an endnote list: "1. Text", "12 Text", "iv. Text" (the superscript form is a NOTE already).
_ENDNOTE = re.compile(r"^(?:(\d{1,3})\.?|([ivxlc]{1,6})\.)\s+(?=\S)")
_YEAR = re.compile(r"\b(1[5-9]|20)\d\d[a-z]?\b")  # "2020a": a second work of an author that year
_URL = re.compile(r"https?://|<www\.|\bwww\.")


def one_line(text: str) -> str:
    return " ".join(text.split())


def split_authors(names: str) -> list[str]:
    """``A, B and C`` → ``[A, B, C]``."""
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", names)
    return [p.strip() for p in parts if p.strip()]


def looks_like_reference(block: Block) -> bool:
    return block.kind is not BlockKind.NOTE and bool(_YEAR.search(block.text) or _URL.search(block.text))


def _is_banner(block: Block) -> bool:
    """A cover's series banner or logo word ("INSIGHT", "WORKING PAPER") rather than a title."""
    words = block.text.split()
    return block.kind is BlockKind.FURNITURE or (
        block.kind is not BlockKind.NOTE
        and ((len(words) == 1 and block.text[:1].isupper()) or (len(words) <= 3 and block.text.isupper()))
    )


def structure(doc: Document) -> None:
    """Assign the cover, title page and trailing parts; leave the body blocks in ``doc.blocks``.

    Where a reader handed on evidence (``doc.evidence``), the front and back matter are made of it.
    """
    _structure(doc)
    doc.blocks = _addressees(doc.front, doc.blocks)


def _addressees(front: Front, blocks: list[Block]) -> list[Block]:
    """The blocks naming a letter's addressees ("The Honorable …", name, title, body) go to the front matter.

    The first run of them only, each an address and no sentence: at most ``ADDRESS_WORDS`` words, ending in no
    sentence's stop ("The Honorable member said so." is the body's).
    """

    def address(block: Block) -> bool:
        text = block.text.strip()
        short = len(text.split()) <= ADDRESS_WORDS and not text.endswith((".", "?", "!", ":"))
        return block.kind is BlockKind.TEXT and bool(ADDRESSEE.match(text)) and short

    start = next((i for i, b in enumerate(blocks) if address(b)), None)
    if start is None:
        return blocks
    end = start
    while end < len(blocks) and address(blocks[end]):
        front.addressees.append(Paragraph(blocks[end].text, blocks[end].span))
        end += 1
    return blocks[:start] + blocks[end:]


#: Words an addressee's block holds at most (name, title, committee, house): more is a paragraph.
ADDRESS_WORDS = 30


def _structure(doc: Document) -> None:
    if doc.evidence is not None:
        doc.front, found = front_from(doc.evidence)
        doc.diagnostics += found
        doc.back_matter = list(doc.evidence.back)
        _references(doc)
        return
    blocks = doc.blocks
    if not blocks:
        doc.diagnostics.append(Diagnostic(Kind.EMPTY, 1, "the file has no text"))
        return
    front = doc.front
    start = 0
    while start < len(blocks) - 1 and _is_banner(blocks[start]):
        doc.furniture.append(blocks[start])
        start += 1
    title = blocks[start]
    front.title = one_line(title.text)
    front.title_spans.append(title.span)
    _check_title(doc, title)
    _check_banner(doc, blocks[start : start + 3])
    if _is_subtitle(blocks, start + 1):
        front.subtitle = one_line(blocks[start + 1].text)
        front.subtitle_spans.append(blocks[start + 1].span)
        start += 1
    # The cover page repeats the title on the title page: everything between is cover material.
    repeat = next((i for i, b in enumerate(blocks[start + 1 :], start + 1) if one_line(b.text) == front.title), None)
    if repeat is not None:
        summary = next((i for i in range(start + 1, repeat) if SUMMARY_HEADING.match(blocks[i].text.strip())), repeat)
        extra = _cover(doc, blocks[start + 1 : summary])
        if summary < repeat:  # a summary page before the title page: it is a section of the body
            rest = extra + blocks[summary:]
        else:
            front.title_spans.append(blocks[repeat].span)
            rest = extra + blocks[repeat + 1 :]
    else:
        rest = blocks[start + 1 :]
    if rest and front.subtitle and one_line(rest[0].text) == front.subtitle:
        front.subtitle_spans.append(rest[0].span)  # the title page repeats the subtitle too
        rest = rest[1:]
    if rest and BYLINE.match(rest[0].text):
        _byline(doc.front, rest[0])
        rest = rest[1:]
    else:
        rest = _names_under_title(doc, rest)
    if repeat is None:
        rest = _opening(doc, rest)
    rest = _authors_section(doc, rest)
    rest = _endnotes(doc, rest)
    end = next((i for i, b in enumerate(rest) if REFERENCES_HEADING.match(b.text.strip())), None)
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
    doc.back_matter = tail[stop:] + doc.back_matter  # an author section after the list stays in it
    front.publisher = front.publisher or (doc.back_matter[0].text.replace("\n", " ") if doc.back_matter else "")


def _is_subtitle(blocks: list[Block], at: int) -> bool:
    """A line between the title and the byline that is neither: the subtitle."""
    if at + 1 >= len(blocks) or not BYLINE.match(blocks[at + 1].text):
        return False
    block = blocks[at]
    return block.kind in {BlockKind.HEADING, BlockKind.TEXT} and not BYLINE.match(block.text) and len(block.text) < 200


def _opening(doc: Document, blocks: list[Block]) -> list[Block]:
    """A paper with no separate title page: an "Abstract" label and its paragraphs, a "Keywords:" line."""
    front = doc.front
    # Cover lines (a date, a series line, a DOI) may stand before the label: they stay where they are.
    label = next(
        (i for i, b in enumerate(blocks[:8]) if one_line(b.text).lower().rstrip(":") in {"abstract", "keywords"}), 0
    )
    if any(b.kind in {BlockKind.NOTE, BlockKind.HEADING} and b.level for b in blocks[:label]):
        label = 0
    before, blocks, at = blocks[:label], blocks[label:], 0
    if at < len(blocks) and one_line(blocks[at].text).lower().rstrip(":") == "abstract":
        front.abstract_label = one_line(blocks[at].text)
        front.label_spans.append(blocks[at].span)
        at += 1
        while at < len(blocks) and blocks[at].kind is BlockKind.TEXT and not KEYWORDS_LINE.match(blocks[at].text):
            front.abstract.append(Paragraph(one_line(blocks[at].text), blocks[at].span))
            at += 1
    if at < len(blocks) and (match := KEYWORDS_LINE.match(one_line(blocks[at].text))):
        _keywords(doc, blocks[at], match)
        at += 1
    return before + blocks[at:]


def _keywords(doc: Document, block: Block, match: re.Match[str]) -> None:
    """``Keywords: a; b; c`` — the label and the keywords in one line."""
    front = doc.front
    front.keywords_label = match.group("label")
    front.keywords_line = match.group("words")
    front.keywords = split_keywords(match.group("words"))
    front.label_spans.append(block.span)


def _endnotes(doc: Document, blocks: list[Block]) -> list[Block]:
    """A numbered "Notes" / "Endnotes" list after the body: its entries are the notes."""
    for at in range(len(blocks) - 1, -1, -1):
        if ENDNOTES_HEADING.match(blocks[at].text.strip()) and at + 1 < len(blocks):
            end = at + 1
            while end < len(blocks) and (blocks[end].kind is BlockKind.NOTE or _ENDNOTE.match(blocks[end].text)):
                entry = _ENDNOTE.match(blocks[end].text)
                if entry and blocks[end].kind is not BlockKind.NOTE:
                    label = entry.group(1) or entry.group(2)
                    blocks[end] = Block(BlockKind.NOTE, blocks[end].text[entry.end() :], blocks[end].span, label)
                end += 1
            if end > at + 1:
                blocks[at].label = "notes heading"
                doc.furniture.append(blocks[at])
                return blocks[:at] + blocks[at + 1 :]
            return blocks
    return blocks


def _check_title(doc: Document, title: Block) -> None:
    """A title that reads like something else is reported: the editor must look."""
    text = one_line(title.text)
    what = (
        "a keywords line"
        if " | " in text or text.count(";") >= 2
        else "a date"
        if title.kind is BlockKind.DATE
        else "a note"
        if title.kind is BlockKind.NOTE
        else "a paragraph"
        if len(text.split()) > 30 or text.endswith(".")
        else ""
    )
    if what:
        doc.diagnostics.append(Diagnostic(Kind.SUSPICIOUS_FRONT, title.span.first, f"the title looks like {what}"))


def _check_banner(doc: Document, opening: list[Block]) -> None:
    """A short title over a longer line and then the date: a series banner over the title? The text cannot tell.

    A PDF shows the banner's size and face; the text form shows only its words, so the editor is asked to look.
    """
    if len(opening) < 3 or opening[2].kind is not BlockKind.DATE or opening[1].kind is BlockKind.NOTE:
        return
    title, nxt = one_line(opening[0].text), one_line(opening[1].text)
    if len(title.split()) <= BANNER_WORDS < len(nxt.split()) and not title.endswith((".", ":")):
        message = f"the title {title!r} may be a series banner over the title {nxt!r}: check the cover"
        doc.diagnostics.append(Diagnostic(Kind.SUSPICIOUS_FRONT, opening[0].span.first, message))


#: A banner's words: a series or product name ("Policy Brief", "Research Note", "Working Paper Series").
BANNER_WORDS = 3


def _authors_section(doc: Document, blocks: list[Block]) -> list[Block]:
    """An "Author Information" section after the body names the authors.

    The section is a heading, author lines ("Name Role", "Name, Role"), then the end of the text or another
    heading of the back matter (a disclaimer, however long): so a heading of that name inside the body, which
    paragraphs follow, is not taken. The last such section counts. It and what follows go to the back matter,
    except notes, which belong to the page they stand on.
    """
    at = None
    for i, block in enumerate(blocks):
        if block.kind is BlockKind.NOTE or not AUTHOR_HEADING.match(block.text.strip()):
            continue
        rest = [b for b in blocks[i + 1 :] if b.kind is not BlockKind.NOTE]
        count = next((k for k, b in enumerate(rest) if not name_before_role(one_line(b.text))), len(rest))
        if count and (count == len(rest) or _closes_back(rest[count].text.strip())):
            at = i
    if at is None:
        rest = _signatures(doc, blocks)
        if not doc.front.authors:
            _signatory(doc, rest)
        return rest
    front = doc.front
    lines: list[str] = []
    for block in blocks[at + 1 :]:
        if block.kind is BlockKind.NOTE:
            continue
        name = name_before_role(one_line(block.text))
        if not name:
            break
        lines.append(one_line(block.text))
        if not front.byline:
            front.authors.append(name)
    _roles(front, lines)
    kept = [b for b in blocks[at:] if b.kind is BlockKind.NOTE]
    back, end = _end_matter([b for b in blocks[at:] if b.kind is not BlockKind.NOTE])
    doc.back_matter = back
    body = blocks[:at] + kept + end
    # The same author lines printed beside the summary (a sidebar) belong to the byline, not the body.
    for block in body:
        if one_line(block.text) in lines and block.kind is not BlockKind.NOTE:
            front.byline_spans.append(block.span)
    return [b for b in body if b.kind is BlockKind.NOTE or one_line(b.text) not in lines]


def _closes_back(text: str) -> bool:
    """A heading that ends an author section or a body's closing signatures: back matter, or the author's end matter."""
    return bool(BACK_MATTER_HEADING.match(text) or END_MATTER_HEADING.match(text))


def _end_matter(back: list[Block]) -> tuple[list[Block], list[Block]]:
    """The back matter split: the rest, and the author's end matter ("Acknowledgments", to the next back heading).

    The author's words stay in the paper: they go back to the body, after what it printed before them.
    """
    # Every block may be a heading here (the text form marks none for sure): the patterns tell.
    marks = dict(zip(map(id, back), end_matter([block.text.strip() for block in back]), strict=True))
    return [b for b in back if not marks[id(b)]], [b for b in back if marks[id(b)]]


def _names_under_title(doc: Document, blocks: list[Block]) -> list[Block]:
    """Authors printed under the title without a "by": a list of names ("A, B and C"), or "Name, Role" lines.

    A block that is one name-shaped line and no more ("Key Findings") names no one: two names at least, or a
    name with its role. The blocks taken go to the byline.
    """
    front = doc.front
    taken = 0
    names: list[str] = []
    for block in blocks:
        text = one_line(block.text)
        if block.kind is BlockKind.NOTE:
            break
        listed = name_list(text)
        found = listed if len(listed) >= 2 else [signed_name(text)] if signed_name(text) else []
        if not found:
            break
        names += found
        taken += 1
    if not taken:
        return blocks
    front.byline = front.byline or "; ".join(one_line(b.text) for b in blocks[:taken])
    front.authors = front.authors or names
    _roles(front, [one_line(b.text) for b in blocks[:taken]])
    front.byline_spans += [b.span for b in blocks[:taken]]
    return blocks[taken:]


def _signatures(doc: Document, blocks: list[Block]) -> list[Block]:
    """Signatures closing the body, "Name, Role" lines (before the back matter's first heading, or the end).

    A role too long for its line goes on in the next block ("Government"). Notes between stay where they are;
    the signatures go to the back matter.
    """
    end = next((i for i, b in enumerate(blocks) if _closes_back(b.text.strip())), len(blocks))
    start = end
    for i in range(end - 1, -1, -1):
        text = one_line(blocks[i].text)
        if blocks[i].kind is BlockKind.NOTE:
            continue
        if not (signed_name(text) or continues_role(text)):
            break
        start = i
    while start < end and (blocks[start].kind is BlockKind.NOTE or not signed_name(one_line(blocks[start].text))):
        start += 1  # a role's second line without its name: part of the body
    signed = [b for b in blocks[start:end] if b.kind is not BlockKind.NOTE]
    if not signed:
        return blocks
    if not doc.front.authors:
        doc.front.authors = [n for b in signed if (n := signed_name(one_line(b.text)))]
    _roles(doc.front, [one_line(b.text) for b in signed])
    doc.back_matter = signed + doc.back_matter
    return [b for b in blocks if not any(b is s for s in signed)]


def _roles(front: Front, lines: list[str]) -> None:
    """The roles author lines print beside or under the authors' names ("Name, Role"): kept, never made up."""
    for name, role in name_roles(lines, front.authors).items():
        if name in front.authors:
            front.roles.setdefault(name, role)


def _signatory(doc: Document, blocks: list[Block]) -> None:
    """No byline and no author section: the person who signed the text (a letter, a notice) is its author.

    The first block that is a signature ("Dan Sample," / "Director, Imaginary Rivers"); it stays where it stands.
    """
    for block in blocks:
        if block.kind is BlockKind.TEXT and (found := _signed(doc.front, Seen(block.text, block.span))):
            doc.diagnostics.append(found)
            return


def _signed(front: Front, seen: Seen) -> Diagnostic | None:
    """The signature's name is the author, its role the role, with a finding to check; None if it is no signature.

    ``seen``: the signature's lines ("Dan Sample," / "Director, Imaginary Rivers" / "and Lakes"), at the name's.
    """
    name, role = signature(seen.text.split("\n"))
    if not name:
        return None
    front.authors, front.roles = [name], {name: role}
    where = f" on page {seen.page}" if seen.page else ""
    message = f"no byline and no author section: the author is taken from the signature{where} ({name}, {role}); check"
    return Diagnostic(Kind.SUSPICIOUS_FRONT, seen.span.first, message)


def _byline(front: Front, block: Block) -> None:
    """``By A and B*``: the byline as printed (its author-note marker apart), the authors it names."""
    match = BYLINE.match(block.text)
    assert match is not None
    names = one_line(match.group("names"))
    if not front.byline:
        front.byline = f"{block.text[: match.start('names')]}{names}".replace("\n", " ")
        front.authors = split_authors(names)
    front.byline_spans.append(block.span)
    front.author_note_marker = front.author_note_marker or bool(match.group("marker"))


def _cover(doc: Document, blocks: list[Block]) -> list[Block]:
    """Cover page: byline, ABSTRACT label and text, the keywords line and its label.

    Returns what the body takes: a date line, a banner, a heading.
    """
    front = doc.front
    extra: list[Block] = []
    for block in blocks:
        text = one_line(block.text)
        if BYLINE.match(block.text):
            _byline(front, block)
        elif text.lower() == "abstract" and not front.abstract_label:
            front.abstract_label = text
            front.label_spans.append(block.span)
        elif text.lower() in {"keywords", "key words", "keywords:"} and not front.keywords_label:
            front.keywords_label = text
            front.label_spans.append(block.span)
        elif (match := KEYWORDS_LINE.match(text)) and not front.keywords_line:
            _keywords(doc, block, match)
        elif " | " in text and not front.keywords_line:
            front.keywords_line = text
            front.keywords = split_keywords(text)
            front.label_spans.append(block.span)
        elif block.kind in {BlockKind.DATE, BlockKind.FURNITURE, BlockKind.HEADING}:
            extra.append(block)
        else:
            front.abstract.append(Paragraph(text, block.span))
    return extra


def _references(doc: Document) -> None:
    """The reference list after a layout-aware reader's heading, up to the first block that is no reference.

    What follows it is back matter, before what the reader found; an appendix after the list is the body's.
    """
    end = next(
        (i for i, b in enumerate(doc.blocks) if b.kind is BlockKind.HEADING and REFERENCES_HEADING.match(b.text)), None
    )
    if end is None:
        return
    heading, tail = doc.blocks[end], doc.blocks[end + 1 :]
    doc.references_heading = Heading(heading.text, heading.span)
    entries = [b for b in tail if b.kind is not BlockKind.NOTE]
    # A numbered list goes on through an entry that gives no year or address (a web page's title alone).
    numbered = bool(entries) and entries[0].kind is BlockKind.LIST_ITEM
    stop = next(
        (
            i
            for i, b in enumerate(entries)
            if not looks_like_reference(b) and not (numbered and b.kind is BlockKind.LIST_ITEM)
        ),
        len(entries),
    )
    doc.references = [Reference(entry_text(b.text), b.span) for b in entries[:stop]]
    rest = entries[stop:]
    # A heading after the list that opens no back matter ("A Appendix", "A.1 Ethics") opens the appendices: the
    # author's text again, up to the first back-matter heading.
    appendix = 0
    if rest and rest[0].kind is BlockKind.HEADING and not BACK_MATTER_HEADING.match(rest[0].text.strip()):
        appendix = next(
            (
                i
                for i, b in enumerate(rest)
                if b.kind is BlockKind.HEADING and BACK_MATTER_HEADING.match(b.text.strip())
            ),
            len(rest),
        )
    doc.back_matter = rest[appendix:] + doc.back_matter
    doc.blocks = doc.blocks[:end] + [b for b in tail if b.kind is BlockKind.NOTE] + rest[:appendix]


def front_from(evidence: FrontEvidence) -> tuple[Front, list[Diagnostic]]:
    """The front matter a layout-aware reader's evidence gives, and the findings of what was taken on trust."""
    front = Front(number=evidence.number, doi=evidence.doi, series=evidence.series)
    found: list[Diagnostic] = []
    if evidence.title:
        # A title and its subtitle set apart by a blank line are one title, "Title: Subtitle", as it is cited.
        front.title = evidence.title[0]
        for part in evidence.title[1:]:
            glue = " " if front.title.endswith((":", ".", "?", "!", "—", "–")) else ": "
            front.title += glue + part
    if evidence.title_span is not None:
        front.title_spans.append(evidence.title_span)
    if evidence.byline is not None:
        _byline(front, Block(BlockKind.TEXT, evidence.byline.text, evidence.byline.span))
    if evidence.names.lines:
        front.authors = [name for seen in evidence.names.lines for name in names_in(seen.text)]
        front.byline = ", ".join(front.authors)  # the names as listed, without their marks
        front.byline_spans.append(_span(evidence.names.lines))
    if evidence.sidebar.lines:
        front.byline_spans.append(_span(evidence.sidebar.lines))
    for label in evidence.labels:
        front.label_spans.append(label.span)
        if label.text.lower().startswith("abstract"):
            front.abstract_label = label.text
        else:
            front.keywords_label = label.text
    front.abstract = list(evidence.abstract)
    if evidence.keywords is not None:
        front.keywords_line = evidence.keywords.text
        if (lead := KEYWORDS_LINE.match(front.keywords_line)) is not None:  # "Keywords: a, b" on the line itself
            front.keywords_label, front.keywords_line = lead.group("label"), lead.group("words")
        front.keywords = split_keywords(front.keywords_line)
        front.label_spans.append(evidence.keywords.span)
    # Affiliations and history as printed, a line each: never parsed into parts the page does not set apart.
    front.affiliations = [seen.text for seen in evidence.affiliations]
    front.history = [seen.text for seen in evidence.history]
    back = _named(evidence.back_authors)
    sidebar = [seen.text for seen in evidence.sidebar.lines if name_before_role(seen.text)]
    front.authors = front.authors or list(back) or sidebar
    # Each author's role as printed: in the author section or signatures, beside the summary, under the title.
    beside, under = (author_roles(lines.read, front.authors) for lines in (evidence.sidebar, evidence.names))
    sources = [back, beside, under]
    front.roles = {
        name: role for name in front.authors if (role := next((g[name] for g in sources if g.get(name)), ""))
    }
    if not front.authors and evidence.signature is not None and (signed := _signed(front, evidence.signature)):
        found.append(signed)
    if evidence.banner is not None:
        front.publisher, series, number = banner_parts(evidence.banner.text)
        front.series, front.number = front.series or series, front.number or number
    elif evidence.imprint is not None:
        front.publisher = evidence.imprint.text
    elif evidence.masthead is not None:
        front.publisher = evidence.masthead.text
    return front, found


def _named(lines: AuthorLines) -> dict[str, str]:
    """The authors an author section or the body's signatures name, each with the role printed with it ("" if none)."""
    texts = [seen.text for seen in lines.lines]
    names = [n for text in texts if (n := signed_name(text))] if lines.signed else author_names(texts)
    return author_roles(lines.read, names)


def _span(seen: list[Seen]) -> Span:
    return Span(tuple(number for s in seen for number in s.span.lines))
