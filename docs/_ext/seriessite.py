"""Sphinx configuration and extension of a series' listing site (landing, author and keyword pages): see paperseries."""

from __future__ import annotations

import hashlib
import json
import os
from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

HERE = Path(__file__).resolve().parent
STATIC = HERE / "series_static"
TEMPLATES = HERE / "series_templates"
# Written by paperseries beside the generated pages: the site's title, language and base URL.
SETTINGS = "series.json"


# furo's sidebar without its navigation tree: the landing page links to the author and keyword pages.
SIDEBAR = ["sidebar/scroll-start.html", "sidebar/brand.html", "sidebar/search.html", "sidebar/scroll-end.html"]


def inputs() -> str:
    """A digest of this extension, its templates and styles: what Sphinx does not track itself."""
    digest = hashlib.sha256()
    for path in [Path(__file__).resolve(), *sorted(STATIC.rglob("*")), *sorted(TEMPLATES.rglob("*"))]:
        if path.is_file():
            digest.update(f"\0{path.name}\0".encode() + path.read_bytes())
    return digest.hexdigest()


def configure(folder: Path) -> dict[str, Any]:
    """The listing project's settings, for its generated conf.py: ``globals().update(configure(HERE))``."""
    settings: dict[str, Any] = json.loads((folder / SETTINGS).read_text(encoding="utf-8"))
    title = str(settings["title"])
    return {
        "project": title,
        "author": "",
        "copyright": "",
        "language": settings.get("language") or "en",
        # Not "editions": adding a paper must not rebuild every listing page. No page shows the others (no
        # navigation tree, no previous/next links), so Sphinx's own incremental build rewrites only the pages
        # that changed; paperseries publishes only the pages of current documents; a change of this extension,
        # its templates or styles re-reads everything (series_inputs).
        "extensions": ["myst_parser", "seriessite"],
        "series_inputs": inputs(),
        "html_sidebars": {"**": SIDEBAR},
        "exclude_patterns": ["_build"],
        "root_doc": "index",
        "html_theme": "furo",
        "html_title": title,
        "html_baseurl": settings.get("site_url") or "",
        # Relative to conf.py, as the settings usually are: an absolute path would make two checkouts' builds differ.
        "html_static_path": [os.path.relpath(STATIC, folder)],
        "templates_path": [os.path.relpath(TEMPLATES, folder)],
        "series_feed": bool(settings.get("site_url")),
        "html_css_files": ["series.css"],
        "html_use_index": False,
        "html_copy_source": False,
        "html_show_sourcelink": False,
        "html_show_sphinx": False,
        "html_show_copyright": False,
    }


def feed_link(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Announce the series' Atom feed in every listing page's head (feed readers find it from the landing page)."""
    if not app.config.series_feed:
        return
    depth = pagename.count("/")
    context["metatags"] = context.get("metatags", "") + (
        f'\n    <link rel="alternate" type="application/atom+xml" title="{escape(str(context.get("docstitle", "")))}"'
        f' href="{"../" * depth}atom.xml">'
    )


def no_neighbours(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """No previous/next links (head or footer): a page must not change when a page beside it comes or goes."""
    context["prev"] = context["next"] = None


def setup(app: Sphinx) -> dict[str, Any]:
    # Whether the site has a feed: only with a base URL (Atom's ids and links are absolute).
    app.add_config_value("series_feed", False, "html", bool)
    app.add_config_value("series_inputs", "", "env", str)
    app.connect("html-page-context", feed_link)
    app.connect("html-page-context", no_neighbours)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
