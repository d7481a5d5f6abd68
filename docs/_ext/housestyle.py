"""Sphinx extension: the bibliography as the paper prints it (any house style), and back-links to citing notes."""

from __future__ import annotations

from typing import Any

import pybtex.plugin
from docutils import nodes
from paper2myst.dates import MONTHS, SEASON_NAMES  # the converter writes the dates this style prints
from paper2myst.latex import LABEL_FIELD, PRINTED_FIELD, latex_unescape, printed_parts
from pybtex.database import Entry
from pybtex.richtext import HRef, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.template import FieldIsMissing, field, href, join, names, node, tag
from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

STYLE_NAME = "housestyle"
BACKREFS_CLASS = "housestyle-backrefs"
# Back-links to citations in the running text are lettered (a, b, c ...), those to notes numbered.
TEXT_CITATION_PREFIX = "citation-"
TEXT_LABELS = "abcdefghijklmnopqrstuvwxyz"

# ISO 8601-2 (EDTF) season codes, as written by the converter for "Spring 2020".
SEASONS = {str(code): name for code, name in SEASON_NAMES.items()}


def format_date(iso: str, numeric: bool = False) -> str:
    """ISO 8601 to the house style: "3 May 2022", "March 2020", "Spring 2020", "2019".

    ``numeric`` gives the EU Official Journal form "26.6.2023".
    """
    parts = iso.split("-")
    if len(parts) == 3:
        year, month, day = parts
        if numeric:
            return f"{int(day)}.{int(month)}.{year}"
        return f"{int(day)} {MONTHS[int(month) - 1]} {year}"
    if len(parts) == 2:
        year, month = parts
        return f"{SEASONS[month]} {year}" if month in SEASONS else f"{MONTHS[int(month) - 1]} {year}"
    return iso


def _date(children: Any, context: dict[str, Any], numeric: bool = False) -> Text:
    """Format the entry's ``date`` field in house style."""
    entry: Entry = context["entry"]
    if "date" not in entry.fields:
        raise FieldIsMissing("date", entry)
    return Text(format_date(str(entry.fields["date"]), numeric))


date: Any = node(_date)  # a pybtex template node, usable as date or date(numeric=True)


def printed(entry: Entry) -> Text:
    """The entry exactly as the list prints it: its label, then its words with emphasis and links."""
    parts: list[Any] = []
    if LABEL_FIELD in entry.fields:
        parts.append(latex_unescape(str(entry.fields[LABEL_FIELD])) + " ")
    for kind, text, url in printed_parts(str(entry.fields[PRINTED_FIELD])):
        run: Any = Text(text)
        if "link" in kind:
            run = HRef(url, run)
        if "em" in kind:
            run = Tag("em", run)
        parts.append(run)
    return Text(*parts)


def _printed(children: Any, context: dict[str, Any]) -> Text:
    return printed(context["entry"])


printed_node: Any = node(_printed)


def has(entry: Entry, name: str) -> bool:
    """Whether the entry has a field (or a name list) called ``name``."""
    return name in entry.fields or name in entry.persons


class HouseStyle(BaseStyle):  # type: ignore[misc]  # pybtex is untyped
    """Reproduces the reference list as the paper prints it, whatever its house style.

    Each entry the converter writes carries its printed text (``usera``, LaTeX markup): that is what is
    shown, so a parse can never change what the reader sees. A .bib from elsewhere (no ``usera``)
    falls back to a template from the fields, in the comma-notes form:
    ``Names, "Title", in *Container*, Vol. V, No. N (Date), p. P, DOI D, URL`` for parts of a
    container; ``Names, *Title*, City, Publisher, Year`` for standalone works; an authorless document
    (a resolution) prints its designation plainly and runs on into its dated qualifier.
    """

    default_name_style = "plain"  # full names as written: "Anna M. Rossi", "Jan van Dijk"
    default_label_style = "number"  # labels are not shown (bullet list), but must exist
    default_sorting_style = "none"  # pybtex's own: keep the order of the .bib file (the list's)

    def get_template(self, e: Entry) -> Any:
        """The printed text when the entry carries it (as the converter writes every entry); else the fields."""
        if PRINTED_FIELD in e.fields:
            return printed_node
        return self.fields_template(e)

    def fields_template(self, e: Entry) -> Any:
        """Build a template from the fields present (the same for all entry types)."""
        parts: list[Any] = []
        role = "author" if has(e, "author") else "editor" if has(e, "editor") else ""
        if role:
            who = names(role, sep=", ", sep2=" and ", last_sep=" and ")
            if role == "editor":
                who = join[who, " (eds.)" if len(e.persons["editor"]) > 1 else " (ed.)"]
            parts.append(who)
        # EU Official Journal, cited the EU way: "*Title*, OJ L 160, 26.6.2023, p. 12".
        official_journal = e.fields.get("journaltitle") == "OJ"
        container = next((f for f in ("journaltitle", "series", "organization") if f in e.fields), "")
        if official_journal:
            parts.append(tag("em")[field("title")])
            parts.append(join(sep=" ")[field("journaltitle"), field("series"), field("number")])
            container = ""
        elif container or has(e, "institution"):
            parts.append(join['"', field("title"), '"'])
        elif e.type == "online" or not role:
            parts.append(field("title"))  # "Blog post"; "UN Security Council Resolution 2334 (2016)"
        else:
            parts.append(tag("em")[field("title")])
        if container:
            parts.append(join["in ", tag("em")[field(container)]])
        elif has(e, "institution"):
            parts.append(join["in ", tag("em")[join(sep=" ")[field("institution"), field("type")]]])
        numbering = [join["Vol. ", field("volume")]] if has(e, "volume") else []
        if has(e, "number") and not official_journal:
            numbering.append(join["No. ", field("number")])
        if numbering and has(e, "date"):
            # "Vol. 12, No. 2 (Spring 2020)": an issue's date goes in brackets after its number.
            numbering[-1] = join[numbering[-1], " (", date, ")"]
        parts.extend(numbering)
        parts.extend(field(f) for f in ("location", "publisher", "howpublished") if has(e, f))
        dated = date(numeric=official_journal)
        if has(e, "note"):
            dated = join(sep=" ")[field("note"), dated]
        if not numbering and has(e, "date"):
            if not role and e.type == "misc" and has(e, "note"):
                parts[-1] = join(sep=" ")[parts[-1], dated]  # "... (2016) adopted on 23 December 2016"
            else:
                parts.append(dated)
        elif has(e, "note"):
            parts.append(field("note"))
        if has(e, "pages"):
            parts.append(join["p. ", field("pages")])
        if has(e, "doi"):
            parts.append(join["DOI ", field("doi", raw=True)])
        if has(e, "url"):
            parts.append(href(field("url", raw=True))[field("url", raw=True)])
        return join(sep=", ")[parts]

    def format_entry(self, label: str, entry: Entry, bib_data: Any = None) -> FormattedEntry:
        """Format any entry type (pybtex would look a template up by type; every type shares the one above)."""
        context = {"entry": entry, "style": self, "bib_data": bib_data}
        return FormattedEntry(entry.key, self.get_template(entry).format_data(context), label)


def register() -> None:
    """Make the style known to pybtex (and so to sphinxcontrib-bibtex) as ``housestyle``."""
    pybtex.plugin.register_plugin("pybtex.style.formatting", STYLE_NAME, HouseStyle)


def add_backrefs(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """After resolving, end each bibliography entry with links to the footnotes citing it."""
    domain = app.env.get_domain("cite")
    entry_ids = {c.citation_id for c in getattr(domain, "citations", []) if c.bibliography_key.docname == docname}
    citing: dict[str, list[tuple[str, str]]] = {}
    for ref in doctree.findall(nodes.reference):
        target = ref.get("refid")
        if target not in entry_ids:
            continue
        footnote = ref.parent
        while footnote is not None and not isinstance(footnote, nodes.footnote):
            footnote = footnote.parent
        if footnote is None:
            # A citation in the running text (author-date or numbered): the link back goes to the citation itself.
            if not ref["ids"]:
                doctree.set_id(ref, suggested_prefix=TEXT_CITATION_PREFIX)
            places = citing.setdefault(target, [])
            places.append((ref["ids"][0], TEXT_LABELS[sum(not lbl.isdigit() for _, lbl in places) % len(TEXT_LABELS)]))
            continue
        if not footnote["ids"]:
            continue
        label = footnote.next_node(nodes.label)
        backref = (footnote["ids"][0], label.astext() if label else "")
        if backref not in citing.setdefault(target, []):
            citing[target].append(backref)
    for item in doctree.findall(nodes.Element):
        refs = [r for i in item["ids"] if i in citing for r in citing[i]] if item.get("ids") else []
        if not refs or isinstance(item, nodes.reference):
            continue
        links = nodes.inline("", " ↩ ", classes=[BACKREFS_CLASS])
        for n, (fn_id, label) in enumerate(refs):
            if n:
                links += nodes.Text(", ")
            title = f"note {label}" if label.isdigit() or label == "*" else "citation in the text"
            links += nodes.reference("", label, refid=fn_id, internal=True, reftitle=title)
        para = item.next_node(nodes.paragraph)
        (para if para is not None else item).append(links)


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the pybtex style and the back-link pass."""
    app.setup_extension("sphinxcontrib.bibtex")
    register()
    app.connect("doctree-resolved", add_backrefs)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
