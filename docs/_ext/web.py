"""Sphinx extension: the paper's web (furo HTML) and EPUB 3 editions, one small extension per concern.

- ``paperdata``: reads paper.json and publication.toml, fixes SOURCE_DATE_EPOCH;
- ``masthead``: the header under the byline (series, date, publisher, rights, DOI or permalink, downloads);
- ``downloads``: the PDF and EPUB offered and carried by the web edition;
- ``citethis``: "Cite this paper" (text, BibTeX, RIS, CSL-JSON);
- ``headmeta``: Highwire Press tags, description, OpenGraph; ``schemaorg``: JSON-LD;
- ``ebook``: the EPUB's metadata, accessibility, landmarks and packaging;
- ``tablescope``: a table's header cells say what they head (``scope``), on the web and in the book.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform

TEMPLATES = Path(__file__).resolve().parent / "templates"
EXTENSIONS = ("paperdata", "masthead", "downloads", "citethis", "headmeta", "schemaorg", "ebook", "tablescope")


def add_assets(app: Sphinx) -> None:
    if app.builder.name in {"html", "dirhtml", "singlehtml"}:
        app.add_css_file("web.css")
        # Deferred: previews attach once the page is parsed; without JavaScript the notes stay plain links.
        app.add_js_file("notes.js", loading_method="defer")


# furo's box round each table, that scrolls a wide one sideways: its opening tag, and the table's caption text.
_TABLE_BOX = re.compile(r'<div class="table-wrapper docutils container"( id="[^"]*")?>(\s*<table[^>]*>\s*<caption>)')
_CAPTION_TEXT = re.compile(r'<span class="caption-text">(.*?)</span>', re.S)


def focusable_tables(body: str) -> str:
    """Each table's scrolling box reachable from the keyboard (a scrolled region must be), named by its caption."""

    def box(match: re.Match[str]) -> str:
        caption = _CAPTION_TEXT.search(body, match.end())
        name = html.escape(re.sub(r"<[^>]+>", "", html.unescape(caption.group(1))), quote=True) if caption else ""
        label = f' role="region" aria-label="{name}"' if name else ""
        return (
            f'<div class="table-wrapper docutils container"{match.group(1) or ""} tabindex="0"{label}>{match.group(2)}'
        )

    return _TABLE_BOX.sub(box, body)


def tables_in_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if app.builder.name in {"html", "dirhtml", "singlehtml"} and "body" in context:
        context["body"] = focusable_tables(context["body"])


def add_templates(app: Sphinx, config: Config) -> None:
    """Our templates (furo's footer with the rights, the EPUB's cover page) come with the extensions."""
    # Relative to conf.py, as the setting usually is: an absolute path would make two checkouts' builds differ.
    config.templates_path = [*config.templates_path, os.path.relpath(TEMPLATES, app.confdir)]


class OneId(SphinxPostTransform):
    """Furo wraps each display equation and table in a container and copies its ids onto it: each id kept once.

    Else the page has each id twice (an equation's label on the wrapper and on the equation), which HTML forbids.
    An equation's stay on its wrapper; a table's on the table, which Sphinx numbers by its id.
    """

    default_priority = 510  # after furo's wrapping (500)

    def run(self, **kwargs: Any) -> None:
        for wrapper in self.document.findall(nodes.container):
            inner = wrapper.children[0] if wrapper.children else None
            if not isinstance(inner, nodes.Element):
                continue
            if "math-wrapper" in wrapper["classes"]:
                inner["ids"] = [i for i in inner["ids"] if i not in wrapper["ids"]]
            elif "table-wrapper" in wrapper["classes"]:
                wrapper["ids"] = [i for i in wrapper["ids"] if i not in inner["ids"]]


def setup(app: Sphinx) -> dict[str, Any]:
    for name in EXTENSIONS:
        app.setup_extension(name)
    app.add_post_transform(OneId)
    app.connect("config-inited", add_templates)
    app.connect("builder-inited", add_assets)
    app.connect("html-page-context", tables_in_page)
    return {"version": "0.2", "parallel_read_safe": True, "parallel_write_safe": True}
