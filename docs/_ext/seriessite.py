"""Sphinx configuration and extension of a series' listing site (landing, author and keyword pages): see paperseries."""

from __future__ import annotations

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


def configure(folder: Path) -> dict[str, Any]:
    """The listing project's settings, for its generated conf.py: ``globals().update(configure(HERE))``."""
    settings: dict[str, Any] = json.loads((folder / SETTINGS).read_text(encoding="utf-8"))
    title = str(settings["title"])
    return {
        "project": title,
        "author": "",
        "copyright": "",
        "language": settings.get("language") or "en",
        "extensions": ["myst_parser", "editions", "seriessite"],
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


def setup(app: Sphinx) -> dict[str, Any]:
    # Whether the site has a feed: only with a base URL (Atom's ids and links are absolute).
    app.add_config_value("series_feed", False, "html", bool)
    app.connect("html-page-context", feed_link)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
