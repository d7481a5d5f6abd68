"""Translate a resolved Sphinx doctree into Typst markup, for print.typ to typeset (never changes the doctree)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import typstmath
from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

# The web edition's back-links from a reference list entry to the notes citing it ("↩ 20"): screen-only. Print
# has none: a printed reference list does not send the reader back to the pages citing it.
BACKREFS_CLASS = "housestyle-backrefs"
# A URL as its visible text: breaks go after slashes and before dots and other punctuation, never in the scheme.
URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)\S+$", re.I)
URL_BREAK = re.compile(r"(?<=/)(?!/)|(?=[.?#&=_~-])")
LABEL = re.compile(r"[^A-Za-z0-9_:.-]")


def string(text: str) -> str:
    """A Typst string literal: inside it no character is markup, only the backslash and the quote need escaping."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'


def text(value: str) -> str:
    """Running text as markup: a string literal embedded with ``#``, never read as markup.

    So ``#``, ``*``, ``_``, ``$``, ``@``, ``<``, brackets, ``//``, ``--``, ``...``, URLs and line-start markers
    (``=``, ``-``, ``+``, ``/``, ``1.``) stay text, and no "smart" quote replaces the author's.
    """
    # Line breaks inside a paragraph's source are spaces, as in HTML.
    value = re.sub(r"[ \t]*\n[ \t]*", " ", value)
    return f"#{string(value)};" if value else ""


# MyST writes a hard line break as two raw nodes, one for HTML and one for LaTeX, side by side.
HARD_BREAK = {"html": "<br />", "latex": "\\\\"}


def hard_break(node: nodes.Node) -> bool:
    """Whether a raw node is one of the two MyST makes of a hard line break (the other beside it)."""
    if not isinstance(node, nodes.raw) or HARD_BREAK.get(node.get("format", "")) != node.astext().strip():
        return False
    parent = node.parent
    at = parent.index(node) if parent is not None else -1
    beside = [parent[i] for i in (at - 1, at + 1) if parent is not None and 0 <= i < len(parent)]
    return any(
        isinstance(b, nodes.raw)
        and b.get("format") != node.get("format")
        and b.get("format") in HARD_BREAK
        and HARD_BREAK[b["format"]] == b.astext().strip()
        for b in beside
    )


def label(node_id: str) -> str:
    """A Typst label for a doctree id (docutils ids are already simple; anything else becomes '-')."""
    return f"<{LABEL.sub('-', node_id)}>"


def column_samples(group: nodes.tgroup) -> list[tuple[list[str], str]]:
    """Per column, its words (each once) and its longest cell's text: what the PDF's table measures widths by.

    All the words, not the one of most letters: "Madden" is wider than "Gillett" in print.

    A cell spanning columns is left out (its text is shared among them); a cell a row span covers from above
    moves the row's next cells to the right, as in the printed grid.
    """
    columns = int(group.get("cols", 1))
    words: list[dict[str, None]] = [{} for _ in range(columns)]  # ordered sets
    wholes = [""] * columns
    covered: dict[tuple[int, int], bool] = {}  # (row, column) taken by a cell spanning rows from above
    rows = [row for part in group.children if isinstance(part, (nodes.thead, nodes.tbody)) for row in part.children]
    for r, row in enumerate(rows):
        column = 0
        for entry in row.children:
            while covered.get((r, column)):
                column += 1
            across, down = entry.get("morecols", 0) + 1, entry.get("morerows", 0) + 1
            for below in range(1, down):
                for c in range(column, column + across):
                    covered[(r + below, c)] = True
            if across == 1 and column < columns:
                whole = " ".join(entry.astext().split())
                words[column].update(dict.fromkeys(whole.split()))
                if len(whole) > len(wholes[column]):
                    wholes[column] = whole
            column += across
    return [(list(column), whole) for column, whole in zip(words, wholes, strict=True)]


def url_pieces(url: str) -> list[str]:
    """Cut a URL where a line may break: after a slash, before punctuation; the scheme and host start stay whole."""
    scheme = re.match(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\.)?[^/.?#]*", url, re.I)
    head = scheme.group(0) if scheme else ""
    rest = url[len(head) :]
    pieces = [head] if head else []
    for piece in URL_BREAK.split(rest):
        if not piece:
            continue
        # A piece of punctuation alone ("." before "/") stays with what follows it.
        if pieces and (len(pieces[-1]) == 1 and not pieces[-1].isalnum()):
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return pieces


@dataclass(slots=True)
class Context:
    """What the translator needs from the builder, beyond the doctree."""

    notes: dict[str, nodes.footnote]  # note id → the note
    targets: set[str]  # ids some internal link points at: only those become Typst labels
    bibliography: set[str]  # ids of reference list entries
    images: dict[str, str] = field(default_factory=dict)  # image URI → path in the output folder


def collect(tree: nodes.document, bibliography: Iterable[str]) -> Context:
    """Read (never change) the tree: its notes, the ids internal links point at."""
    notes = {node_id: note for note in tree.findall(nodes.footnote) for node_id in note["ids"]}
    targets: set[str] = set()
    for ref in tree.findall(nodes.reference):
        if ref.get("refid"):
            targets.add(ref["refid"])
        elif ref.get("refuri", "").startswith("#"):
            targets.add(ref["refuri"][1:])
    for ref in tree.findall(nodes.footnote_reference):
        targets.add(ref.get("refid", ""))
    for ref in tree.findall(nodes.citation_reference):
        targets.add(ref.get("refid", ""))
    return Context(notes, targets, set(bibliography))


class TypstTranslator(nodes.NodeVisitor):  # type: ignore[misc]  # docutils has no type stubs
    """Typst markup for a doctree: ``astext()`` after ``walkabout``.

    Every node type it does not know is kept as its text, with a warning: nothing the author wrote is dropped
    silently.
    """

    def __init__(self, document: nodes.document, context: Context, root_docname: str) -> None:
        super().__init__(document)
        self.context = context
        self.body: list[str] = []
        self.level = 0  # section depth: 1 = the paper's title
        self.root_docname = root_docname
        self.placed: set[str] = set()  # notes already typeset (a second call refers to the first)
        self.labelled: set[str] = set()  # ids already given as labels (Typst labels must be unique)
        self.in_note = 0
        self.deferred: list[nodes.footnote] = []  # notes left for their calls
        self.linked: dict[str, nodes.Element] = {}  # internal link targets, with the first link to each
        self.titled = False  # the paper's title page is written
        self.levels: list[int] = []  # section depth outside each document part
        self.front: nodes.section | None = None  # the title page's section, until its first subsection
        self.details_pending = False  # the title page's date, set after the byline
        self.bylined = False  # the title page has the text's byline (else it prints the authors from the metadata)

    def astext(self) -> str:
        return "".join(self.body)

    # --- helpers ---------------------------------------------------------------------------------------------

    def render(self, children: Iterable[nodes.Node]) -> str:
        """Markup for some nodes, apart from the running output."""
        saved, self.body = self.body, []
        for child in children:
            child.walkabout(self)
        out, self.body = "".join(self.body), saved
        return out.strip()

    def anchors(self, node: nodes.Element, skip: int = 0) -> str:
        """Invisible link targets for the node's ids that something links to."""
        out = []
        for node_id in node.get("ids", [])[skip:]:
            if node_id in self.context.targets and node_id not in self.labelled:
                self.labelled.add(node_id)
                out.append(f"#metadata(none){label(node_id)}")
        return "".join(out)

    def own_label(self, node: nodes.Element) -> str:
        """The label for the element just written (its first linked id), or ''."""
        for node_id in node.get("ids", []):
            if node_id in self.context.targets and node_id not in self.labelled:
                self.labelled.add(node_id)
                return label(node_id)
        return ""

    def block_end(self) -> None:
        self.body.append("\n\n")

    def dispatch_visit(self, node: nodes.Node) -> None:
        # On the title page, the date goes after the title and byline, before anything else.
        byline = isinstance(node, nodes.container) and "byline" in node["classes"]
        self.bylined = self.bylined or (byline and node.parent is self.front)
        if self.details_pending and node.parent is self.front and not isinstance(node, nodes.title) and not byline:
            self.details()
        super().dispatch_visit(node)

    def details(self) -> None:
        # A paper whose authors the converter found on its cover, not in a byline: the title page names them.
        authors = "" if self.bylined else ', authors: meta.authors, roles: meta.at("roles", default: ())'
        # The affiliations (each whole) and a journal's history (a line each): under the authors (none: nothing).
        printed = "".join(f', {key}: meta.at("{key}", default: ())' for key in ("affiliations", "history"))
        self.body.append(f"#front-details(meta.date{authors}{printed})\n\n")
        self.details_pending = False

    def end_front(self) -> None:
        if self.details_pending:
            self.details()
        self.body.append("]\n#end-of-front(meta)\n\n")
        self.front = None

    # --- structure -------------------------------------------------------------------------------------------

    def visit_document(self, node: nodes.document) -> None:
        pass

    def depart_document(self, node: nodes.document) -> None:
        pass

    def visit_section(self, node: nodes.section) -> None:
        if self.front is not None and node.parent is self.front:
            self.end_front()  # the first section ends the title page
        self.level += 1
        if self.level == 1 and not self.levels and self.front is None and not self.titled:
            self.body.append("#title-page[\n")
            self.front = node
            self.titled = True

    def depart_section(self, node: nodes.section) -> None:
        if node is self.front:
            self.end_front()
        self.level -= 1

    def visit_title(self, node: nodes.title) -> None:
        if isinstance(node.parent, nodes.section):
            content = self.render(node.children)
            section = node.parent
            self.body.append(f"#heading(level: {max(self.level, 1)})[{content}]{self.own_label(section)}")
            self.body.append(self.anchors(section))
            self.block_end()
            if section is self.front:
                self.details_pending = True
        elif isinstance(node.parent, (nodes.table, nodes.figure)):
            return  # the table's or figure's caption: written by the parent
        else:  # a topic's, sidebar's or admonition's title: written by the parent
            return
        raise nodes.SkipNode

    def visit_start_of_file(self, node: nodes.Element) -> None:
        # A document pulled in by the toctree (e.g. back matter): a part of its own, its headings under the title.
        self.body.append(f"#document-part[#metadata(none){label('document-' + node['docname'])}\n")
        self.labelled.add("document-" + node["docname"])
        self.levels.append(self.level)
        self.level = 1

    def depart_start_of_file(self, node: nodes.Element) -> None:
        self.level = self.levels.pop()
        self.body.append("]\n\n")

    def visit_paragraph(self, node: nodes.paragraph) -> None:
        self.body.append(self.anchors(node))

    def depart_paragraph(self, node: nodes.paragraph) -> None:
        self.block_end()

    def visit_compact_paragraph(self, node: nodes.Element) -> None:
        pass

    def depart_compact_paragraph(self, node: nodes.Element) -> None:
        self.block_end()

    def visit_container(self, node: nodes.container) -> None:
        classes = ", ".join(string(c) for c in node["classes"])
        content = self.render(node.children)
        self.body.append(f"#container(({classes},))[{self.anchors(node)}{content}]\n\n")
        raise nodes.SkipNode

    def visit_compound(self, node: nodes.compound) -> None:
        self.body.append(self.anchors(node))

    def depart_compound(self, node: nodes.compound) -> None:
        pass

    def visit_rubric(self, node: nodes.rubric) -> None:
        self.body.append(f"#rubric[{self.render(node.children)}]{self.own_label(node)}\n\n")
        raise nodes.SkipNode

    def visit_transition(self, node: nodes.transition) -> None:
        self.body.append("#align(center, line(length: 30%, stroke: 0.5pt))\n\n")
        raise nodes.SkipNode

    def visit_block_quote(self, node: nodes.block_quote) -> None:
        self.body.append(f"#quote(block: true)[{self.anchors(node)}{self.render(node.children)}]\n\n")
        raise nodes.SkipNode

    def visit_attribution(self, node: nodes.attribution) -> None:
        self.body.append(f"#align(right)[— {self.render(node.children)}]\n\n")
        raise nodes.SkipNode

    def visit_literal_block(self, node: nodes.literal_block) -> None:
        self.body.append(f"#raw(block: true, {string(node.astext())}){self.own_label(node)}\n\n")
        raise nodes.SkipNode

    def visit_line_block(self, node: nodes.line_block) -> None:
        lines = [self.render(line.children) for line in node.findall(nodes.line)]
        self.body.append(f"#block[{self.anchors(node)}{' #linebreak() '.join(lines)}]\n\n")
        raise nodes.SkipNode

    # --- lists and tables ------------------------------------------------------------------------------------

    def is_bibliography(self, node: nodes.Element) -> bool:
        items = [c for c in node.children if isinstance(c, nodes.list_item)]
        return bool(items) and all(set(i["ids"]) & self.context.bibliography for i in items)

    def items(self, node: nodes.Element) -> str:
        return "".join(f"[{self.anchors(item)}{self.render(item.children)}]" for item in node.children)

    def visit_bullet_list(self, node: nodes.bullet_list) -> None:
        if self.is_bibliography(node):
            entries = []
            for item in node.children:
                text_ = self.render(item.children)
                key = next((i for i in item["ids"] if i in self.context.bibliography), "")
                entries.append(f"#entry(key: {string(key)})[{text_}]{self.own_label(item)}{self.anchors(item)}\n")
            self.body.append(f"#reference-list[{self.anchors(node)}\n{''.join(entries)}]\n\n")
        else:
            self.body.append(f"#list{self.items(node)}{self.own_label(node)}\n\n")
        raise nodes.SkipNode

    def visit_enumerated_list(self, node: nodes.enumerated_list) -> None:
        kind = {"arabic": "1", "loweralpha": "a", "upperalpha": "A", "lowerroman": "i", "upperroman": "I"}
        pattern = node.get("prefix", "") + kind.get(node.get("enumtype", "arabic"), "1") + node.get("suffix", ".")
        start = node.get("start", 1)
        self.body.append(f"#enum(start: {start}, numbering: {string(pattern)}){self.items(node)}\n\n")
        raise nodes.SkipNode

    def visit_definition_list(self, node: nodes.definition_list) -> None:
        items = []
        for item in node.children:
            term = self.render(c for c in item.children if isinstance(c, nodes.term))
            definition = self.render(c for c in item.children if isinstance(c, nodes.definition))
            items.append(f"terms.item[{self.anchors(item)}{term}][{definition}]")
        self.body.append(f"#terms({', '.join(items)})\n\n")
        raise nodes.SkipNode

    def visit_field_list(self, node: nodes.field_list) -> None:
        items = []
        for item in node.children:
            name = self.render(c for c in item.children if isinstance(c, nodes.field_name))
            body = self.render(c for c in item.children if isinstance(c, nodes.field_body))
            items.append(f"terms.item[{name}][{body}]")
        self.body.append(f"#terms({', '.join(items)})\n\n")
        raise nodes.SkipNode

    def visit_table(self, node: nodes.table) -> None:
        group = next(node.findall(nodes.tgroup), None)
        if group is None:
            self.unknown_visit(node)
            return
        cells: list[str] = []
        for part in group.children:
            if not isinstance(part, (nodes.thead, nodes.tbody)):
                continue
            row_cells: list[str] = []
            for row in part.children:
                for entry in row.children:
                    span = []
                    if entry.get("morecols"):
                        span.append(f"colspan: {entry['morecols'] + 1}")
                    if entry.get("morerows"):
                        span.append(f"rowspan: {entry['morerows'] + 1}")
                    content = self.render(entry.children)
                    if isinstance(part, nodes.thead) and content.strip():
                        content = f"#strong[{content}]"  # the header rows set apart, as a report prints them
                    row_cells.append(f"table.cell({', '.join(span)})[{content}]" if span else f"[{content}]")
            if isinstance(part, nodes.thead):
                cells.append(f"table.header({', '.join(row_cells)})")
            else:
                cells.extend(row_cells)
        caption = self.render(c for c in node.children if isinstance(c, nodes.title))
        samples = ", ".join(
            f"(({''.join(string(w) + ', ' for w in words)}), {string(whole)})" for words, whole in column_samples(group)
        )
        table = f"fitted-table(({samples},), stroke: 0.5pt, align: left, {', '.join(cells)})"
        if caption:
            # The caption is printed as written: it carries its own number, if any.
            figure = f"#figure({table}, kind: table, numbering: none, caption: [{caption}])"
            self.body.append(f"{figure}{self.own_label(node)}\n\n")
        else:
            self.body.append(f"#{table}{self.own_label(node)}\n\n")
        raise nodes.SkipNode

    # --- figures ---------------------------------------------------------------------------------------------

    def image(self, node: nodes.image) -> str:
        path = self.context.images.get(node["uri"])
        if path is None:
            logger.warning("PDF: image %s not found; left out", node["uri"], location=node, type="pdf")
            return ""
        alt = node.get("alt", "")
        width = ""
        if str(node.get("width", "")).endswith("%"):
            width = f", width: {node['width']}"
        return f"image({string(path)}, alt: {string(alt)}{width})"

    def visit_image(self, node: nodes.image) -> None:
        image = self.image(node)
        if image:
            self.body.append(f"#{image}")
        raise nodes.SkipNode

    def visit_figure(self, node: nodes.figure) -> None:
        image = next(node.findall(nodes.image), None)
        caption = self.render(c for c in node.children if isinstance(c, (nodes.caption, nodes.legend)))
        body = self.image(image) if image is not None else "[]"
        # The caption is printed as written: it carries its own number ("Figure 1."), if any.
        figure = f"#figure({body or '[]'}, numbering: none, caption: [{caption}])"
        self.body.append(f"{figure}{self.own_label(node)}\n\n")
        raise nodes.SkipNode

    def visit_caption(self, node: nodes.caption) -> None:
        pass

    def depart_caption(self, node: nodes.caption) -> None:
        pass

    def visit_legend(self, node: nodes.legend) -> None:
        pass

    def depart_legend(self, node: nodes.legend) -> None:
        pass

    # --- admonitions, topics, sidebars -----------------------------------------------------------------------

    def framed(self, node: nodes.Element) -> None:
        title_node = next((c for c in node.children if isinstance(c, nodes.title)), None)
        title = f"[{self.render(title_node.children)}]" if title_node is not None else "none"
        content = self.render(c for c in node.children if not isinstance(c, nodes.title))
        self.body.append(f"#framed({title}, [{self.anchors(node)}{content}])\n\n")
        raise nodes.SkipNode

    visit_topic = visit_sidebar = visit_admonition = framed

    # --- inline ----------------------------------------------------------------------------------------------

    def visit_Text(self, node: nodes.Text) -> None:
        self.body.append(text(node.astext()))

    def depart_Text(self, node: nodes.Text) -> None:
        pass

    def wrap(self, function: str) -> Callable[[nodes.Element], None]:
        def visit(node: nodes.Element) -> None:
            self.body.append(f"#{function}[{self.anchors(node)}{self.render(node.children)}]")
            raise nodes.SkipNode

        return visit

    def visit_emphasis(self, node: nodes.emphasis) -> None:
        self.wrap("emph")(node)

    def visit_title_reference(self, node: nodes.title_reference) -> None:
        self.wrap("emph")(node)

    def visit_strong(self, node: nodes.strong) -> None:
        self.wrap("strong")(node)

    def visit_superscript(self, node: nodes.superscript) -> None:
        self.wrap("super")(node)

    def visit_subscript(self, node: nodes.subscript) -> None:
        self.wrap("sub")(node)

    def visit_literal(self, node: nodes.literal) -> None:
        self.body.append(f"#raw({string(node.astext())})")
        raise nodes.SkipNode

    def visit_inline(self, node: nodes.inline) -> None:
        if BACKREFS_CLASS in node["classes"]:
            # Screen-only: print has no back-links (see BACKREFS_CLASS).
            raise nodes.SkipNode
        self.body.append(self.anchors(node))

    def depart_inline(self, node: nodes.inline) -> None:
        pass

    def visit_abbreviation(self, node: nodes.Element) -> None:
        pass

    def depart_abbreviation(self, node: nodes.Element) -> None:
        pass

    def visit_reference(self, node: nodes.reference) -> None:
        visible = node.astext()
        if node.get("refuri") and not node["refuri"].startswith("#"):
            target = string(node["refuri"])
            if URL.match(visible) and len(node.children) == 1 and isinstance(node[0], nodes.Text):
                pieces = ", ".join(string(p) for p in url_pieces(visible))
                content = f"#url({pieces})"
            else:
                content = self.render(node.children)
        else:
            refid = node.get("refid") or node.get("refuri", "#")[1:]
            self.linked.setdefault(refid, node)
            # xref: a link if the target is in print (checked by Typst too, so that a missing one never fails); a
            # citation of a reference list entry goes through print.typ's `cite`, for the print design to style.
            call = "cite" if refid in self.context.bibliography else "xref"
            self.body.append(f"#{call}({label(refid)})[{self.render(node.children)}]")
            raise nodes.SkipNode
        self.body.append(f"#link({target})[{content}]")
        raise nodes.SkipNode

    def visit_math_block(self, node: nodes.Element) -> None:
        try:
            self.body.append(f"{self.anchors(node)}{typstmath.block(node.astext())}\n\n")
        except typstmath.Unsupported as error:
            logger.warning("PDF: %s; the equation is kept as its LaTeX", error, location=node, type="pdf")
            self.body.append(f"#raw({string(node.astext())}, block: true)\n\n")
        raise nodes.SkipNode

    def visit_math(self, node: nodes.Element) -> None:
        try:
            self.body.append(f"{self.anchors(node)}{typstmath.inline(node.astext())}")
        except typstmath.Unsupported as error:
            logger.warning("PDF: %s; kept as its LaTeX", error, location=node, type="pdf")
            self.body.append(f"#raw({string(node.astext())})")
        raise nodes.SkipNode

    def visit_target(self, node: nodes.target) -> None:
        self.body.append(self.anchors(node))
        raise nodes.SkipNode

    def visit_footnote_reference(self, node: nodes.footnote_reference) -> None:
        note = self.context.notes.get(node.get("refid", ""))
        if note is None:
            logger.warning("PDF: note %s has no text", node.astext(), location=node, type="pdf")
            self.body.append(f"#super[{text(node.astext())}]")
            raise nodes.SkipNode
        first = next(iter(note.findall(nodes.label)), None)
        note_label = first.astext() if first is not None else node.astext()
        numbering = f"numbering: note-numbering({string(note_label)})"
        note_id = note["ids"][0]
        if note_id in self.placed:
            # A second call of the same note: the same label, pointing at the note already at a page foot.
            self.body.append(f"#footnote({label(note_id)}, {numbering})")
            raise nodes.SkipNode
        if self.in_note:
            logger.warning("PDF: a note inside a note is set inline", location=node, type="pdf")
        self.placed.add(note_id)
        self.in_note += 1
        content = self.render(c for c in note.children if not isinstance(c, nodes.label))
        self.in_note -= 1
        self.labelled.add(note_id)
        self.body.append(f"#footnote({numbering})[{content}]{label(note_id)}")
        raise nodes.SkipNode

    def visit_footnote(self, node: nodes.footnote) -> None:
        if any(node_id in self.placed for node_id in node["ids"]) or node.get("backrefs"):
            self.deferred.append(node)  # typeset at its call (checked at the end: a call in print must exist)
            raise nodes.SkipNode
        # A note nothing calls: kept where it stands, with its label, rather than lost.
        logger.warning("PDF: note %s is never called; printed where it stands", node.astext()[:20], location=node)
        first = next(iter(node.findall(nodes.label)), None)
        content = self.render(c for c in node.children if not isinstance(c, nodes.label))
        self.body.append(f"#block[#note-label({string(first.astext() if first else '')}) {content}]\n\n")
        raise nodes.SkipNode

    def visit_label(self, node: nodes.label) -> None:
        raise nodes.SkipNode

    def visit_citation(self, node: nodes.citation) -> None:
        first = next(iter(node.findall(nodes.label)), None)
        content = self.render(c for c in node.children if not isinstance(c, nodes.label))
        prefix = f"[{text(first.astext())}] " if first is not None else ""
        self.body.append(f"#reference-list[#entry[{prefix}{content}]{self.own_label(node)}]\n\n")
        raise nodes.SkipNode

    def visit_citation_reference(self, node: nodes.citation_reference) -> None:
        refid = node.get("refid", "")
        self.linked.setdefault(refid, node)
        self.body.append(f"#xref({label(refid)})[{text(f'[{node.astext()}]')}]")
        raise nodes.SkipNode

    def visit_pending_xref(self, node: nodes.Element) -> None:
        pass  # unresolved (Sphinx has warned): its text stays

    def depart_pending_xref(self, node: nodes.Element) -> None:
        pass

    # --- not printed -----------------------------------------------------------------------------------------

    def skip(self, node: nodes.Node) -> None:
        raise nodes.SkipNode

    visit_comment = visit_substitution_definition = visit_meta = skip
    visit_toctree = visit_index = visit_system_message = skip

    def visit_raw(self, node: nodes.raw) -> None:
        if hard_break(node):  # MyST's hard line break (a line ending in a backslash): its HTML and LaTeX forms
            if node.get("format") == "html":
                self.body.append("#linebreak()")
        elif "typst" in node.get("format", "").split():
            self.body.append(node.astext())
        else:
            # Raw HTML or LaTeX has no print form here: say so rather than lose it silently.
            logger.warning("PDF: raw %s is not printed", node.get("format", "?"), location=node, type="pdf")
        raise nodes.SkipNode

    def visit_problematic(self, node: nodes.problematic) -> None:
        self.body.append(text(node.astext()))  # the markup docutils could not read (it has warned) stays visible
        raise nodes.SkipNode

    def visit_only(self, node: nodes.Element) -> None:
        pass

    def depart_only(self, node: nodes.Element) -> None:
        pass

    # --- anything else ---------------------------------------------------------------------------------------

    def unknown_visit(self, node: nodes.Node) -> None:
        logger.warning(
            "PDF: no print form for %s; its text is kept plain", node.__class__.__name__, location=node, type="pdf"
        )
        self.body.append(text(node.astext()) + "\n\n")
        raise nodes.SkipNode

    def unknown_departure(self, node: nodes.Node) -> None:
        pass


def translate(tree: nodes.document, context: Context, root_docname: str) -> str:
    """The Typst markup of a resolved doctree."""
    translator = TypstTranslator(tree, context, root_docname)
    tree.walkabout(translator)
    for note in translator.deferred:
        if note["ids"][0] not in translator.placed:
            logger.warning(
                "PDF: note %s is called only where print has no text; it is not printed",
                note.astext()[:20],
                location=note,
            )
    for refid, node in translator.linked.items():
        if refid not in translator.labelled:
            logger.warning("PDF: the link target #%s is not in print; the link is plain text", refid, location=node)
    return translator.astext()
