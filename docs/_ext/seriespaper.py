"""Sphinx extension for a paper of a series (paperseries): its web pages lead back to the series' landing page."""

from __future__ import annotations

from html import escape
from typing import Any

from sphinx.application import Sphinx

WEB_BUILDERS = frozenset({"html", "dirhtml"})  # not the EPUB: a book has no site to go back to


def home_link(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Put a link to the series' landing page (two folders up: papers/<name>/) above the page's text."""
    title = str(app.config.series_title)
    if app.builder.name not in WEB_BUILDERS or not title or "body" not in context:
        return
    up = "../" * (pagename.count("/") + 2)
    nav = f'<nav class="series-home" aria-label="Series"><a href="{up}index.html">{escape(title)}</a></nav>\n'
    context["body"] = nav + context["body"]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("series_title", "", "html", str)
    app.connect("html-page-context", home_link)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
