"""Stage ``checks``: plausibility checks that turn a suspicious result into a diagnostic the editor sees."""

from __future__ import annotations

import bisect
import itertools
import re

from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.model import Caption, Document, Heading, Paragraph
from paper2myst.stages.blocks import ends_sentence

# A body paragraph that reads like a note: a number and a space, then a source with a year or an address.
# An address the extraction broke at a line end: "<https://…/Revenu> es/link/…", "?_tp= eyJ…", "…/> 3985…".
_BROKEN_ADDRESS = re.compile(r"<https?://[^\s>]+>\s?[\w%.\-]*/|[?&][\w-]+=\s\S|<https?://[^\s>]+/>\s\w")
_NOTE_LIKE = re.compile(r"^\d{1,3}\.?\s+[A-Z].*(?:\b(?:1[89]|20)\d\d\b|https?://)")


def checks(doc: Document) -> None:
    shredded(doc)
    split_words(doc)
    missed_references(doc)
    uncaptioned(doc)
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


# A run of this many body paragraphs, each cut from the next (no sentence end, the next in lower case), is a
# paragraph shredded into its lines (or pieces), not a writer's style.
SHRED_RUN = 3
# This many paragraphs in a row shaped like reference entries (a name, initials, a year) make a reference list.
REFERENCE_RUN = 5
# A piece of a split word is printed at most this often elsewhere ("repo" "rt"); a common word ("a") is no piece.
SPLIT_PIECE_SEEN = 2
_ENTRY = re.compile(r"^(?:\[\d{1,3}\]\s*|\d{1,3}\.\s+)?[A-Z][\w'’-]+,\s+(?:[A-Z]\.|[A-Z][a-z]+)")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d[a-z]?\b")
_TOKEN = re.compile(r"[^\W\d_]+")


def _cut(head: str, tail: str) -> bool:
    """``head`` stops mid-sentence and ``tail`` goes on in lower case: one paragraph in two pieces."""
    stripped = head.rstrip()
    return bool(stripped) and not ends_sentence(stripped) and not stripped.endswith(":") and tail[:1].islower()


def uncaptioned(doc: Document) -> None:
    """Lines set apart like a table's rows under no caption: a finding each.

    They are often what a reader trips over between the paragraphs (a sidebar's date, a chart's label, a stamp in
    the margin). A box (text set in a frame, a sidebar) is the paper's own and stands as printed, no finding.
    """
    for node in doc.body:
        if isinstance(node, Caption) and not node.text and node.kind == "table" and node.rows:
            lines = _count(len(node.rows), "line")
            first = node.rows[0] if len(node.rows[0]) <= 40 else f"{node.rows[0][:39]}…"
            message = f"text set apart like a table's rows under no caption ({lines}, {first!r}): check it belongs here"
            doc.diagnostics.append(Diagnostic(Kind.TABLE_AS_TEXT, node.span.first, message))


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"


def shredded(doc: Document) -> None:
    """Runs of paragraphs cut from one another: one finding per run, with its length."""
    paragraphs = [n for n in doc.body if isinstance(n, Paragraph)]
    run: list[Paragraph] = []
    for k, head in enumerate(paragraphs):
        tail = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        if tail is not None and _cut(head.text, tail.text):
            run = run or [head]
            run.append(tail)
            continue
        if len(run) >= SHRED_RUN:
            message = f"{len(run)} paragraphs in a row each go on in the next: one paragraph shredded into lines?"
            doc.diagnostics.append(Diagnostic(Kind.SUSPICIOUS_JOIN, run[0].span.first, message))
        run = []


def split_words(doc: Document) -> None:
    """Two rare pieces that make a word the paper prints whole elsewhere: a word split by the extraction."""
    texts = [n.text for n in doc.body if isinstance(n, Paragraph)] + [n.text for n in doc.notes]
    counts: dict[str, int] = {}
    for text in texts:
        for word in _TOKEN.findall(text.lower()):
            counts[word] = counts.get(word, 0) + 1
    for node in [n for n in doc.body if isinstance(n, Paragraph)]:
        words = list(_TOKEN.finditer(node.text))
        for first, second in itertools.pairwise(words):
            if node.text[first.end() : second.start()] != " ":
                continue
            a, b = first.group().lower(), second.group().lower()
            # The tail of a word cut inside it is in lower case ("Energy Star" is two words of a name).
            tail = second.group()[:1].islower()
            # Both pieces rare, one printed only here: "a broad" is two words however often "abroad" stands.
            rare = sorted((counts.get(a, 0), counts.get(b, 0)))
            if tail and len(a + b) >= 5 and counts.get(a + b, 0) and rare[0] == 1 and rare[1] <= SPLIT_PIECE_SEEN:
                line = node.span.line_at(node.offsets, first.start())
                shown = node.text[first.start() : second.end()]
                message = f"{shown!r}: a word split in two? The paper prints {a + b!r} elsewhere"
                doc.diagnostics.append(Diagnostic(Kind.SUSPICIOUS_JOIN, line, message))
                break  # one per paragraph: a word split by the extraction is rarely alone


def missed_references(doc: Document) -> None:
    """Paragraphs shaped like a reference list's entries, in a paper where no list was read."""
    if doc.references:
        return
    run: list[Paragraph] = []
    for node in [*doc.body, None]:
        if isinstance(node, Paragraph) and _ENTRY.match(node.text) and _YEAR.search(node.text):
            run.append(node)
            continue
        if len(run) >= REFERENCE_RUN:
            message = f"{len(run)} paragraphs in a row read like reference entries, but no reference list was found"
            doc.diagnostics.append(Diagnostic(Kind.NO_REFERENCE_LIST, run[0].span.first, message))
            return
        run = []


_BARE_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})[ \t]*$", re.MULTILINE)
_DIRECTIVE_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})\{", re.MULTILINE)
_INDENTED = re.compile(r"(?:^|\n)[ \t]*\n(?: {4}|\t)[ \t]*\S")


def literal_blocks(myst: str) -> list[int]:
    """The lines (1-based) where a literal block opens in MyST text: a fence that is no directive, or indented code.

    A directive's body is MyST again (a container's, a table's): looked into, at its own lines. Text whose every
    fence closes a directive and that indents nothing is read no further (no parser loaded for it).
    """
    fences = myst.count("```") + myst.count("~~~")
    if not fences and not _INDENTED.search(myst):
        return []
    if len(_BARE_FENCE.findall(myst)) == len(_DIRECTIVE_FENCE.findall(myst)) and not _INDENTED.search(myst):
        return []
    from markdown_it import MarkdownIt  # (only for text that may hold one: a paper's usual output loads none)

    found: list[int] = []
    for token in MarkdownIt("commonmark").parse(myst):
        start = token.map[0] if token.map else 0
        if token.type == "code_block" or (token.type == "fence" and not token.info.startswith("{")):
            found.append(start + 1)
        elif token.type == "fence":
            body = token.content.split("\n")
            skip = next((k for k, line in enumerate(body) if not line.startswith(":")), len(body))
            found += [start + 1 + skip + n for n in literal_blocks("\n".join(body[skip:]))]
    return found


def debris(doc: Document) -> None:
    """A literal block in the output the paper never printed as code (a table's rows, a box's lines): a finding."""
    from paper2myst.emit import body  # (emit renders; the check reads what it wrote)

    parts = body(doc)
    owners = [n.span.first for n in doc.body] if len(parts) == len(doc.body) else [1] * len(parts)
    # Read whole, as emit joins it: a part may open a fence another closes (a boxed panel's edges).
    starts = list(itertools.accumulate((part.count("\n") + 1 for part in parts), initial=1))
    counts: dict[int, int] = {}
    for found in literal_blocks("\n".join(parts)):
        owner = owners[bisect.bisect_right(starts, found) - 1]
        counts[owner] = counts.get(owner, 0) + 1
    for line, count in counts.items():
        message = f"{count} literal block(s) in the output for text the paper does not print as code: check it"
        doc.diagnostics.append(Diagnostic(Kind.LITERAL_BLOCK, line, message))
