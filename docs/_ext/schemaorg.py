"""Sphinx extension: schema.org JSON-LD for the paper's landing page (a Report of its publisher's series)."""

from __future__ import annotations

import json
from typing import Any

from citethis import canonical_url, name_parts
from docutils import nodes
from downloads import WEB_BUILDERS, editions
from headmeta import SOCIAL_IMAGE
from paperdata import Publication, base_url, paper_of
from sphinx.application import Sphinx


def agent(name: str, role: str = "") -> dict[str, str]:
    """An author: a ``Person`` with family and given names and any role printed, or an ``Organization``."""
    parts = name_parts(name)
    if parts is None:
        return {"@type": "Organization", "name": name}
    person = {"@type": "Person", "name": name, "familyName": parts[0], "givenName": parts[1]}
    return person | ({"jobTitle": role} if role else {})


def report(app: Sphinx, paper: Publication) -> dict[str, Any]:
    """The paper as a schema.org ``Report``: only what is known, URLs only when absolute."""
    base = base_url(app)
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Report", "name": paper.title}
    data["headline"] = paper.title
    if paper.authors:
        data["author"] = [agent(a, paper.role(a)) for a in paper.authors]
    if paper.date is not None:
        data["datePublished"] = paper.date.isoformat()
    if paper.publisher:
        data["publisher"] = {"@type": "Organization", "name": paper.publisher}
    if paper.series:
        series: dict[str, Any] = {"@type": "CreativeWorkSeries", "name": paper.series}
        if paper.issn:
            series["issn"] = paper.issn
        data["isPartOf"] = series
    if paper.number:
        data["reportNumber"] = paper.number
    if paper.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": paper.doi}
        data["sameAs"] = paper.doi_url
    if paper.license_url or paper.license:
        data["license"] = paper.license_url or paper.license
    if paper.copyright:
        data["copyrightNotice"] = paper.copyright
    if paper.language:
        data["inLanguage"] = paper.language
    if paper.abstract:
        data["abstract"] = paper.abstract
    if paper.keywords:
        data["keywords"] = list(paper.keywords)
    if base:
        data["url"] = canonical_url(app)
        data["image"] = base + SOCIAL_IMAGE
    encodings = []
    for _label, file, path, media in editions(app):
        encoding: dict[str, Any] = {
            "@type": "MediaObject",
            "encodingFormat": media,
            "contentSize": f"{path.stat().st_size} B",
        }
        encoding["contentUrl"] = base + file if base else file
        encodings.append(encoding)
    if encodings:
        data["encoding"] = encodings
    return data


def script(data: dict[str, Any]) -> str:
    """The JSON-LD block; "<" escaped so that no text in it can close the script element."""
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("<", "\\u003c")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def add_json_ld(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    if app.builder.name in WEB_BUILDERS and pagename == app.config.root_doc:
        context["metatags"] = context.get("metatags", "") + script(report(app, paper_of(app))) + "\n"


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("paperdata")
    app.connect("html-page-context", add_json_ld)
    return {"version": "0.2", "parallel_read_safe": True, "parallel_write_safe": True}
