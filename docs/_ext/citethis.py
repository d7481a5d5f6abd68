"""Sphinx extension: "Cite this paper" on the web edition — house style, BibTeX, RIS and CSL-JSON, each copyable."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from babel.dates import format_date
from docutils import nodes
from downloads import CITE_ID, WEB_BUILDERS
from paper2myst.citations import person, surname  # the converter's reading of a printed name
from paper2myst.latex import latex_escape  # the converter's escaper: one for every .bib we write
from paperdata import Publication, paper_of
from sphinx.application import Sphinx

BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def canonical_url(app: Sphinx) -> str:
    """The landing page's one URL (as Sphinx writes it in rel=canonical), or "" for a build without a base URL."""
    base = str(app.config.html_baseurl or "")
    if not base:
        return ""
    base = base if base.endswith("/") else base + "/"
    return base + app.builder.get_target_uri(app.config.root_doc)


def locator(paper: Publication, url: str) -> str:
    """Where the paper is found: its DOI, else its URL."""
    return paper.doi_url or url


def house_style(paper: Publication, url: str) -> str:
    """The paper as its own reference list would print it: authors, "title", in *series*, No. N (date), URL."""
    head = ", ".join(paper.authors) or paper.publisher
    parts = [head, f"“{paper.title}”"]
    if paper.series:
        parts.append(f"in {paper.series}" + (f", No. {paper.number}" if paper.number else ""))
    if paper.publisher and paper.publisher != head:
        parts.append(paper.publisher)
    if paper.date is not None:
        parts.append(format_date(paper.date, "d MMMM y", locale=paper.language or "en"))
    parts.append(locator(paper, url))
    return ", ".join(p for p in parts if p)


def name_parts(name: str) -> tuple[str, str] | None:
    """A person's (family, given) names as the paper prints them, or None for an organisation (kept whole)."""
    if not person(name):
        return None
    family = surname(name)
    return family, name[: len(name) - len(family)].strip()


def bibtex_name(name: str) -> str:
    """A person as "Family, Given" (particles stay with the family: "de Waal, Thomas"); an organisation braced."""
    parts = name_parts(name)
    return f"{latex_escape(parts[0])}, {latex_escape(parts[1])}" if parts else "{" + latex_escape(name) + "}"


def citation_key(paper: Publication) -> str:
    ascii_name = unicodedata.normalize("NFKD", paper.name or paper.title).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]", "", ascii_name).lower() or "paper"


def bibtex(paper: Publication, url: str) -> str:
    """A BibTeX ``@techreport`` for the paper (policy papers are reports of their institute)."""
    # (field, value, braced): month macros stay unbraced, so that styles can abbreviate or translate them.
    fields: list[tuple[str, str, bool]] = []
    if paper.authors:
        fields.append(("author", " and ".join(bibtex_name(a) for a in paper.authors), True))
    fields.append(("title", "{" + latex_escape(paper.title) + "}", True))  # double braces keep the capitals
    if paper.publisher:
        fields.append(("institution", latex_escape(paper.publisher), True))
    if paper.series:
        fields.append(("type", latex_escape(paper.series), True))
    if paper.number:
        fields.append(("number", latex_escape(paper.number), True))
    if paper.date is not None:
        fields.append(("year", str(paper.date.year), True))
        fields.append(("month", BIBTEX_MONTHS[paper.date.month - 1], False))
    if paper.issn:
        fields.append(("issn", paper.issn, True))
    if paper.doi:
        fields.append(("doi", paper.doi, True))
    if url:
        fields.append(("url", url, True))
    if paper.language:
        fields.append(("langid", paper.language, True))
    width = max(len(k) for k, _, _ in fields)
    body = [f"  {k.ljust(width)} = {'{' + v + '}' if braced else v}," for k, v, braced in fields]
    return f"@techreport{{{citation_key(paper)},\n" + "\n".join(body) + "\n}"


def ris(paper: Publication, url: str) -> str:
    """An RIS record (Zotero, EndNote, Mendeley): type RPRT, series as T3, report number as SN."""
    tags: list[tuple[str, str]] = [("TY", "RPRT")]
    tags += [("AU", ", ".join(name_parts(a) or (a,))) for a in paper.authors]  # RIS: "Family, Given"
    tags.append(("TI", paper.title))
    if paper.series:
        tags.append(("T3", paper.series))
    if paper.number:
        tags.append(("SN", paper.number))
    if paper.publisher:
        tags.append(("PB", paper.publisher))
    if paper.date is not None:
        tags += [("PY", str(paper.date.year)), ("DA", paper.date.strftime("%Y/%m/%d"))]
    if paper.doi:
        tags.append(("DO", paper.doi))
    if url:
        tags.append(("UR", url))
    if paper.language:
        tags.append(("LA", paper.language))
    tags += [("KW", k) for k in paper.keywords]
    tags.append(("ER", ""))
    return "\n".join(f"{tag}  - {value}".rstrip() for tag, value in tags)


def csl_json(paper: Publication, url: str) -> str:
    """A CSL-JSON item (Zotero, pandoc, citeproc): persons as family and given names, organisations ``literal``."""
    item: dict[str, Any] = {"id": citation_key(paper), "type": "report", "title": paper.title}
    if paper.authors:
        item["author"] = [csl_name(a) for a in paper.authors]
    if paper.date is not None:
        item["issued"] = {"date-parts": [[paper.date.year, paper.date.month, paper.date.day]]}
    optional = {
        "publisher": paper.publisher,
        "collection-title": paper.series,
        "number": paper.number,
        "ISSN": paper.issn,
        "DOI": paper.doi,
        "URL": url,
        "language": paper.language,
        "keyword": ", ".join(paper.keywords),
    }
    item.update({k: v for k, v in optional.items() if v})
    return json.dumps([item], ensure_ascii=False, indent=2)


def csl_name(name: str) -> dict[str, str]:
    parts = name_parts(name)
    return {"family": parts[0], "given": parts[1]} if parts else {"literal": name}


# The formats in display order: (label, class, Pygments lexer, formatter).
FORMATS: tuple[tuple[str, str, str, Callable[[Publication, str], str]], ...] = (
    ("Text", "cite-text", "none", house_style),
    ("BibTeX", "bibtex", "bibtex", bibtex),
    ("RIS", "ris", "none", ris),
    ("CSL-JSON", "csl-json", "json", csl_json),
)


def citation_section(app: Sphinx) -> nodes.section:
    paper = paper_of(app)
    url = canonical_url(app)
    section = nodes.section("", ids=[CITE_ID], names=[CITE_ID], classes=["cite-this-paper"])
    section += nodes.title("", "Cite this paper")
    for label, cls, lexer, formatter in FORMATS:
        text = formatter(paper, url)
        box = nodes.container("", classes=["citation-format", cls])
        box += nodes.paragraph("", label, classes=["citation-format-label"])
        block = nodes.literal_block(text, text, language=lexer)
        block["force"] = False
        block["highlight_args"] = {}
        box += block
        section += box
    return section


def add_citation(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """End the web edition's landing page (the paper) with the citation block."""
    if app.builder.name in WEB_BUILDERS and docname == app.config.root_doc:
        top = next(iter(doctree.findall(nodes.section)), None)
        if top is not None:
            top += citation_section(app)


def list_in_contents(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Add "Cite this paper" (made when the page is written, so unknown to Sphinx's contents) to "On this page"."""
    if app.builder.name not in WEB_BUILDERS or pagename != app.config.root_doc:
        return
    toc = str(context.get("toc") or "")
    end = "</ul>\n</li>\n</ul>\n"  # the end of the paper's sections, nested in its title's entry
    if toc.endswith(end):
        entry = f'<li><a class="reference internal" href="#{CITE_ID}">Cite this paper</a></li>\n'
        context["toc"] = toc.removesuffix(end) + entry + end


def add_assets(app: Sphinx) -> None:
    if app.builder.name in WEB_BUILDERS:
        # Copy buttons; without JavaScript each format stays selectable plain text.
        app.add_js_file("cite.js", loading_method="defer")


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("paperdata")
    app.connect("builder-inited", add_assets)
    app.connect("doctree-resolved", add_citation)
    app.connect("html-page-context", list_in_contents)
    return {"version": "0.2", "parallel_read_safe": True, "parallel_write_safe": True}
