"""Sphinx extension: the web edition's head — Highwire Press tags (Google Scholar, Zotero), OpenGraph, description."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from citethis import canonical_url
from coverart import write_cover
from docutils import nodes
from downloads import WEB_BUILDERS, editions
from paperdata import Publication, base_url, paper_of
from sphinx.application import Sphinx

DESCRIPTION_LENGTH = 200  # characters: what search results and link previews show
SOCIAL_IMAGE = "_static/cover.png"


def meta(name: str, content: str, attr: str = "name") -> str:
    return f'<meta {attr}="{html.escape(name)}" content="{html.escape(content)}" />'


def summary(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """Shorten ``text`` to at most ``limit`` characters, cut after a whole word and marked with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return cut + "…"


def scholar_tags(app: Sphinx, paper: Publication) -> list[str]:
    """Highwire Press tags, as Google Scholar's inclusion guidelines name them; URLs only when absolute."""
    base = base_url(app)
    tags = [meta("citation_title", paper.title)]
    tags += [meta("citation_author", a) for a in paper.authors]
    if paper.date is not None:
        tags.append(meta("citation_publication_date", paper.date.strftime("%Y/%m/%d")))
    if paper.publisher:
        tags.append(meta("citation_publisher", paper.publisher))
    if paper.number and paper.publisher:
        # A numbered paper of an institute's series is what Scholar calls a technical report.
        tags.append(meta("citation_technical_report_institution", paper.publisher))
        tags.append(meta("citation_technical_report_number", paper.number))
    if paper.series:
        tags.append(meta("citation_series_title", paper.series))
    if paper.issn:
        tags.append(meta("citation_issn", paper.issn))
    if paper.doi:
        tags.append(meta("citation_doi", paper.doi))
    if paper.language:
        tags.append(meta("citation_language", paper.language))
    if paper.keywords:
        tags.append(meta("citation_keywords", "; ".join(paper.keywords)))
    if base:
        tags += [meta("citation_pdf_url", base + file) for label, file, _p, _m in editions(app) if label == "PDF"]
        tags.append(meta("citation_abstract_html_url", canonical_url(app)))
    return tags


def og_locale(language: str) -> str:
    """OpenGraph's locale, language_TERRITORY ("en-GB" → "en_GB"); "" for a bare language ("en").

    Nobody gave the territory of a bare language: OpenGraph reads a missing og:locale as en_US, and a guessed
    one would be a made-up fact.
    """
    lang, _, region = language.replace("_", "-").partition("-")
    region = region.split("-")[-1]  # "sr-Latn-RS": the territory is the last subtag
    if not (lang.isalpha() and len(region) == 2 and region.isalpha()):
        return ""
    return f"{lang.lower()}_{region.upper()}"


def lead(doctree: nodes.document | None) -> str:
    """The page's first paragraph of text (a summary that stands as the abstract), for the description."""
    for para in doctree.findall(nodes.paragraph) if doctree is not None else ():
        boxes = [a for a in _ancestors(para) if isinstance(a, nodes.container)]
        if para.astext().strip() and not boxes and isinstance(para.parent, nodes.section):
            return str(para.astext())
    return ""


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


# docutils' HTML writer declares a viewport of its own; the theme (furo) declares one already.
DOCUTILS_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>\s*')


def social_tags(app: Sphinx, paper: Publication, pagename: str, title: str, description: str = "") -> list[str]:
    """OpenGraph (and its Twitter card): title, type, description, canonical URL, the cover as the image."""
    is_paper = pagename == app.config.root_doc
    base = base_url(app)
    tags = [meta("og:type", "article" if is_paper else "website", "property"), meta("og:title", title, "property")]
    if is_paper and description:
        tags.append(meta("og:description", summary(description), "property"))
    if paper.publisher:
        tags.append(meta("og:site_name", paper.publisher, "property"))
    if locale := og_locale(paper.language):
        tags.append(meta("og:locale", locale, "property"))
    if base:
        tags.append(meta("og:url", base + app.builder.get_target_uri(pagename), "property"))
        tags.append(meta("og:image", base + SOCIAL_IMAGE, "property"))
        tags.append(meta("og:image:alt", paper.title, "property"))
        tags.append(meta("twitter:card", "summary"))
    if is_paper:
        if paper.date is not None:
            tags.append(meta("article:published_time", paper.date.isoformat(), "property"))
        tags += [meta("article:author", a, "property") for a in paper.authors]
        tags += [meta("article:tag", k, "property") for k in paper.keywords]
    return tags


def head_metadata(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    if app.builder.name not in WEB_BUILDERS:
        return
    paper = paper_of(app)
    is_paper = pagename == app.config.root_doc
    page_title = html.unescape(re.sub(r"<[^>]+>", "", str(context.get("title", ""))))
    title = paper.title if is_paper else f"{page_title} | {paper.title}"
    tags: list[str] = []
    # The abstract; else the text's first paragraph (a report's summary, where it stands for an abstract).
    description = (paper.abstract or lead(doctree)) if is_paper else ""
    if is_paper:
        tags += scholar_tags(app, paper)
        if description:
            tags.append(meta("description", summary(description)))
    tags += social_tags(app, paper, pagename, title, description)
    metatags = DOCUTILS_VIEWPORT.sub("", str(context.get("metatags", "")))
    context["metatags"] = metatags + "\n" + "\n".join(tags) + "\n"


def write_social_image(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.name in WEB_BUILDERS and base_url(app):
        write_cover(paper_of(app), Path(app.outdir) / SOCIAL_IMAGE)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("paperdata")
    app.connect("html-page-context", head_metadata)
    app.connect("build-finished", write_social_image)
    return {"version": "0.2", "parallel_read_safe": True, "parallel_write_safe": True}
