"""Sphinx extension: the paper's header as a publisher prints it — series, date, publisher, rights, DOI, downloads."""

from __future__ import annotations

import html
from typing import Any

from babel.dates import format_date
from citethis import canonical_url
from docutils import nodes
from downloads import WEB_BUILDERS, downloads_node
from paper2myst.dates import join_names
from paperdata import Publication, paper_of
from sphinx.application import Sphinx

EDITIONS_WITH_HEADER = WEB_BUILDERS | {"epub"}
SEPARATOR = " · "


def joined(items: list[nodes.Node], classes: list[str]) -> nodes.paragraph:
    para = nodes.paragraph("", "", classes=classes)
    for i, item in enumerate(items):
        if i:
            para += nodes.Text(SEPARATOR)
        para += item
    return para


def link(text: str, url: str, classes: list[str] | None = None) -> nodes.Node:
    return nodes.reference(text, text, refuri=url, classes=classes or []) if url else nodes.Text(text)


def publisher_page(app: Sphinx, paper: Publication, docname: str) -> str:
    """The URI of the page about the publisher (a document titled with its name), if the paper has one."""
    for other, title in sorted(app.env.titles.items()):
        if other != docname and paper.publisher and title.astext() == paper.publisher:
            return app.builder.get_relative_uri(docname, other)
    return ""


def masthead(
    app: Sphinx, doctree: nodes.document, docname: str, date: nodes.Element | None, bylined: bool = True
) -> nodes.container:
    """Authors (when the text has no byline), affiliations, history; series, number; publisher, date; rights, DOI."""
    paper = paper_of(app)
    box = nodes.container("", classes=["paper-masthead"])
    if not bylined and paper.authors and paper.author_roles:
        # Authors with their roles as printed: one a line, the role after the name in a lighter style.
        for name in paper.authors:
            role = paper.role(name)
            after = [nodes.Text(", "), nodes.inline("", role, classes=["paper-role"])] if role else []
            box += nodes.paragraph("", "", nodes.Text(name), *after, classes=["paper-authors"])
    elif not bylined and paper.authors:
        # The converter found the authors on the cover, not as a byline in the text: the header names them.
        box += nodes.paragraph("", join_names(list(paper.authors)), classes=["paper-authors"])
    for line in paper.affiliations:  # each whole as printed, one a line, under the authors
        box += nodes.paragraph("", line, classes=["paper-affiliation"])
    if paper.history:
        box += joined([nodes.Text(line) for line in paper.history], ["paper-history"])
    if paper.series or paper.number:
        box += nodes.paragraph("", " ".join(p for p in (paper.series, paper.number) if p), classes=["paper-series"])
    facts: list[nodes.Node] = []
    if paper.publisher:
        facts.append(link(paper.publisher, publisher_page(app, paper, docname), ["paper-publisher"]))
    if date is not None:
        # The date as the paper prints it ("Updated 1 November 2023"), moved up from where the converter found it.
        facts.append(nodes.inline("", "", *[c.deepcopy() for c in date.findall(nodes.Text)], classes=["date"]))
    elif paper.date is not None:
        facts.append(nodes.inline("", format_date(paper.date, "d MMMM y", locale=paper.language), classes=["date"]))
    if facts:
        box += joined(facts, ["paper-facts"])
    rights: list[nodes.Node] = []
    if paper.copyright:
        rights.append(nodes.Text(paper.copyright))
    if paper.license:
        rights.append(link(paper.license, paper.license_url, ["paper-license"]))
    if paper.issn:
        # As the PDF's title page names it: the series' ISSN beside the paper's DOI.
        rights.append(nodes.inline("", f"ISSN {paper.issn}", classes=["paper-issn"]))
    if paper.doi:
        rights.append(nodes.inline("", "", nodes.Text("DOI "), link(paper.doi_url, paper.doi_url)))
    elif url := canonical_url(app) if app.builder.name in WEB_BUILDERS else "":
        rights.append(nodes.inline("", "", nodes.Text("Permalink "), link(url, url)))
    if rights:
        box += joined(rights, ["paper-rights"])
    return box


def add_masthead(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Put the header under the byline of the paper's page (HTML and EPUB), and the downloads under it (HTML)."""
    if app.builder.name not in EDITIONS_WITH_HEADER or docname != app.config.root_doc:
        return
    top = next(iter(doctree.findall(nodes.section)), None)
    if top is None:
        return
    # The converter puts the date where the source prints it (often after the text); the header shows it instead.
    dates = [n for n in top.findall(nodes.container) if "date" in n["classes"]]
    if dates:
        dates[0].parent.remove(dates[0])
    bylines = [n for n in top.findall(nodes.container) if n.parent is top and "byline" in n["classes"]]
    at = top.index(bylines[0]) + 1 if bylines else 1
    header = masthead(app, doctree, docname, dates[0] if dates else None, bylined=bool(bylines))
    if app.builder.name in WEB_BUILDERS:
        header += downloads_node(app)
    top.insert(at, header)


def footer_rights(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """The footer's line (templates/page.html): "© 2023 Publisher · licence", the licence linked to its deed."""
    paper = paper_of(app)
    parts = [html.escape(paper.copyright)] if paper.copyright else []
    if paper.license:
        text = html.escape(paper.license)
        parts.append(
            f'<a href="{html.escape(paper.license_url)}" rel="license">{text}</a>' if paper.license_url else text
        )
    context["paper_rights"] = SEPARATOR.join(parts)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("paperdata")
    app.connect("doctree-resolved", add_masthead)
    app.connect("html-page-context", footer_rights)
    return {"version": "0.2", "parallel_read_safe": True, "parallel_write_safe": True}
