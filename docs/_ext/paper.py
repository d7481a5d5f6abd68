"""Sphinx extension: paper-agnostic glue between paper2myst's output and Sphinx."""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from docutils.transforms import Transform
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config

# Editions that list the notes after the text; the PDF sets each note at the foot of its page instead.
LISTED_NOTES = frozenset({"html", "dirhtml", "singlehtml", "epub"})
NOTES_ID = "notes"
DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]*[^\s\"<>.,;:)\]]")
# Addresses printed as text (a back page's "info@example.org", "example.org"): a DOI, an e-mail address, a web address.
# Each ends before the sentence's punctuation; the leftmost wins, so a DOI inside a printed URL stays the URL's.
ADDRESS = re.compile(
    rf"(?P<doi>{DOI.pattern})"
    r"|(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b)"
    r"|(?P<web>\b(?:https?://|www\.)[^\s\"<>]*[^\s\"<>.,;:)\]])"
)


def address_uri(match: re.Match[str]) -> str:
    """Where a printed address leads: the DOI's resolver, a mail to the address, the web page."""
    text = match.group()
    if match.group("doi"):
        return f"https://doi.org/{text}"
    if match.group("email"):
        return f"mailto:{text}"
    return text if "://" in text else f"https://{text}"


class AuthorNoteSymbol(Transform):  # type: ignore[misc]  # docutils is untyped here
    """Show the author note ``[^*]`` as ``*``, as printed, instead of an auto-number.

    MyST makes a non-numeric footnote label auto-numbered; docutils' symbol footnotes
    (``auto="*"``) are labelled ``*`` by its own Footnotes transform (priority 620), so we
    switch them over just before it runs.
    """

    default_priority = 615

    def apply(self, **kwargs: Any) -> None:
        for node in self.document.findall(nodes.footnote):
            if node.get("names") == ["*"]:
                node["auto"] = "*"
                self.document.symbol_footnotes.append(node)
                self.document.autofootnotes.remove(node)
        for ref in self.document.findall(nodes.footnote_reference):
            if ref.get("refname") == "*":
                ref["auto"] = "*"
                self.document.symbol_footnote_refs.append(ref)
                self.document.autofootnote_refs.remove(ref)


def keep_authors_characters(app: Sphinx, config: Config) -> None:
    """The author's quotes and dashes are not ours to change: no "smart" quotes, ever."""
    config.smartquotes = False


def notes_parent(doctree: nodes.document) -> nodes.section | None:
    """The section the converter defined the notes in (MyST keeps them where they are written), if any."""
    for note in doctree.findall(nodes.footnote):
        if isinstance(note.parent, nodes.section):
            return note.parent
    return None


def notes_in_contents(app: Sphinx, doctree: nodes.document) -> None:
    """List the "Notes" section (made for the listing editions) in the page's contents, after the section before it.

    The section itself is made when a listing edition writes the page (``notes_section``): the PDF has none.
    """
    parent = notes_parent(doctree)
    docname = app.env.docname
    toc = app.env.tocs.get(docname)
    if parent is None or toc is None or not parent["ids"]:
        return
    entry = nodes.reference("", app.config.paper_notes_title, internal=True, refuri=docname, anchorname="#" + NOTES_ID)
    listed = nodes.list_item("", addnodes.compact_paragraph("", "", entry))
    for ref in toc.findall(nodes.reference):
        item = ref.parent.parent
        if isinstance(parent.parent, nodes.document) and ref.get("anchorname") == "":
            # The notes belong to the paper's own (title) section: list them among its sections, after those.
            sublists = [c for c in item.children if isinstance(c, nodes.bullet_list)]
            if not sublists:
                sublists = [nodes.bullet_list()]
                item += sublists[0]
            sublists[0] += listed
            return
        if ref.get("anchorname") == "#" + parent["ids"][0]:
            item.parent.insert(item.parent.index(item) + 1, listed)
            return


def notes_section(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Gather the notes under their own "Notes" heading after the section that held them (web and e-book)."""
    if app.builder.name not in LISTED_NOTES:
        return
    parent = notes_parent(doctree)
    if parent is None:
        return
    section = nodes.section("", ids=[NOTES_ID], names=[NOTES_ID], classes=["notes"])
    section += nodes.title("", app.config.paper_notes_title)
    notes = [n for n in parent.children if isinstance(n, nodes.footnote)]
    if isinstance(parent.parent, nodes.document):
        # A paper without sections: the Notes become its one subsection, where the notes were.
        parent.insert(parent.index(notes[0]), section)
    else:
        parent.parent.insert(parent.parent.index(parent) + 1, section)
    for note in notes:
        parent.remove(note)
        section += note


def mark_bibliography(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Class the rendered reference list "bibliography" (sphinxcontrib-bibtex marks it with nothing), for the styles."""
    prefix = str(getattr(app.config, "bibtex_cite_id", "") or "").split("{")[0]
    if not prefix:
        return
    for found in doctree.findall(nodes.bullet_list):
        items = [i for i in found.children if isinstance(i, nodes.list_item)]
        if items and all(any(x.startswith(prefix) for x in i["ids"]) for i in items):
            found["classes"].append("bibliography")


def glue_backrefs(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Keep an entry's "↩ 11, 19" on the line of the entry's last word: the space before it becomes a no-break one.

    (CSS ``white-space: nowrap`` keeps the back-links together but still lets the line break before them.)
    """
    from housestyle import BACKREFS_CLASS  # the bibliography's own markup

    for inline in doctree.findall(nodes.inline):
        if BACKREFS_CLASS in inline["classes"] and inline.children and isinstance(inline[0], nodes.Text):
            first = str(inline[0])
            if first.startswith(" "):
                inline.replace(inline[0], nodes.Text("\u00a0" + first[1:]))


def link_addresses(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Make each DOI, e-mail and web address printed as text a link; the words shown stay the author's."""
    if app.builder.name not in LISTED_NOTES:
        return
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None or isinstance(parent, nodes.FixedTextElement | nodes.reference):
            continue
        if any(isinstance(a, nodes.reference | nodes.FixedTextElement) for a in _ancestors(parent)):
            continue
        source = str(text)
        pieces: list[nodes.Node] = []
        at = 0
        for match in ADDRESS.finditer(source):
            pieces.append(nodes.Text(source[at : match.start()]))
            pieces.append(nodes.reference(match.group(), match.group(), refuri=address_uri(match)))
            at = match.end()
        if pieces:
            pieces.append(nodes.Text(source[at:]))
            parent.replace(text, [p for p in pieces if not isinstance(p, nodes.Text) or str(p)])


# A list-table's cell that spans columns, as paper2myst writes it: a class "span-ROW-COLUMN-WIDTH" on the table
# (a list-table has no spans), the cell's text in the first of the columns and the others left empty.
SPAN_CLASS = re.compile(r"^span-(\d+)-(\d+)-(\d+)$")


def table_spans(app: Sphinx, doctree: nodes.document) -> None:
    """Each cell a table's classes say spans columns spans them in every edition (its empty fellows go)."""
    for table in doctree.findall(nodes.table):
        spans = [m for m in (SPAN_CLASS.match(c) for c in table["classes"]) if m]
        group = next(table.findall(nodes.tgroup), None)
        if not spans or group is None:
            continue
        rows = [row for part in group.children if isinstance(part, nodes.thead | nodes.tbody) for row in part.children]
        # From the right, so that a row's earlier columns keep their places while its later ones merge.
        for match in sorted(spans, key=lambda m: (int(m.group(1)), -int(m.group(2)))):
            row, column, width = (int(g) for g in match.groups())
            entries = rows[row].children if row < len(rows) else []
            fellows = entries[column + 1 : column + width]
            if column + width > len(entries) or any(e.astext().strip() for e in fellows):
                continue  # (not as written: left as it is, every cell kept)
            for entry in fellows:
                rows[row].remove(entry)
            entries[column]["morecols"] = width - 1
        table["classes"] = [c for c in table["classes"] if not SPAN_CLASS.match(c)]


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    out = []
    while node.parent is not None:
        node = node.parent
        out.append(node)
    return out


def setup(app: Sphinx) -> dict[str, Any]:
    # The heading over the listed notes, in the paper's language.
    app.add_config_value("paper_notes_title", "Notes", "env", types=[str])
    app.connect("config-inited", keep_authors_characters)
    app.add_transform(AuthorNoteSymbol)
    app.connect("doctree-read", table_spans)
    app.connect("doctree-read", notes_in_contents, priority=600)  # after Sphinx's toc collector (500)
    app.connect("doctree-resolved", notes_section)
    app.connect("doctree-resolved", mark_bibliography)
    app.connect("doctree-resolved", link_addresses)
    app.connect("doctree-resolved", glue_backrefs, priority=600)  # after housestyle adds them (500)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
