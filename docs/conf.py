"""Sphinx configuration for any paper: everything paper-specific comes from paper.json (by paper2myst)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS / "_ext"))

from paperdata import load  # noqa: E402  (lives in _ext, which the line above puts on the path)

PAPER = load(DOCS)

project = PAPER.title
# The authors the paper names; none made up (no "Unknown", no publisher standing in for an author).
author = ", ".join(PAPER.authors)
language = PAPER.language
# The edition is named by its date; EPUB 3 needs some version even for an undated paper.
release = version = PAPER.date.isoformat() if PAPER.date else "1"
# Only the statement the paper or publication.toml gives (Sphinx prints "© " before it): never one made up.
copyright = PAPER.copyright.removeprefix("© ").removeprefix("©")

# "web" also fills the EPUB's metadata, cover and identifier from paper.json (and publication.toml, if the
# editor wrote one), and fixes SOURCE_DATE_EPOCH. "editions" keeps incremental rebuilds equal to clean ones.
extensions = ["myst_parser", "paper", "web", "pdfbuilder", "editions"]
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# sitemap.xml when the base URL is known (publication.toml, Read the Docs): the pages at their canonical URLs.
# Only then is sphinx-sitemap loaded: it starts a helper process for every build (≈ 60 ms each), and a local
# build has no base URL, hence no sitemap.
if PAPER.url or os.environ.get("READTHEDOCS_CANONICAL_URL"):
    extensions.append("sphinx_sitemap")
    sitemap_url_scheme = "{link}"
    sitemap_excludes = ["search.html"]

# The bibliography: the reference list as BibTeX, rendered in the paper's own house style
# (housestyle) with the ids that paper2myst's citation links point to.
if PAPER.bibfile:
    extensions += ["sphinxcontrib.bibtex", "housestyle"]
    bibtex_bibfiles = [PAPER.bibfile]
    bibtex_default_style = "housestyle"
    bibtex_cite_id = "cite-{key}"
root_doc = "index"

# MyST: footnotes stay where paper2myst defines them (after the body), in their own order.
myst_footnote_sort = False
myst_heading_anchors = 2
# `#cite-…` and `#…` links are the document's own targets: look them up there only, not in every domain (the
# C++ domain would parse each one as a declaration).
myst_ref_domains = ["std"]

html_theme = "furo"
html_title = PAPER.title
html_static_path = ["_static"]
html_use_index = False  # a paper has no index; also keeps genindex out of the EPUB spine
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
# A publication, not a manual: no site navigation (the paper is one page; its contents are "On this page").
html_sidebars: dict[str, list[str]] = {"**": []}

epub_basename = PAPER.name
epub_title = PAPER.title
epub_show_urls = "no"  # the notes print their URLs already; "footnote"/"inline" would repeat them
epub_tocscope = "includehidden"  # the nav lists the back matter too
