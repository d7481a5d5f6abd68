"""Sphinx configuration for any paper: everything paper-specific comes from paper.json (by paper2myst)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS / "_ext"))

PAPER: dict[str, Any] = json.loads((DOCS / "paper.json").read_text(encoding="utf-8"))

project = PAPER["title"]
author = ", ".join(PAPER["authors"]) or PAPER["publisher"] or "Unknown"
language = PAPER["language"]
# The edition is named by its date; EPUB 3 needs some version even for an undated paper.
release = version = PAPER["date"] or "1"
copyright = f"{(PAPER['date'] or '')[:4]} {author}".strip()

# "web" also fills the EPUB's metadata, cover and identifier from paper.json, and fixes SOURCE_DATE_EPOCH.
# "editions" keeps incremental rebuilds equal to clean ones (docs/_ext/editions.py).
extensions = ["myst_parser", "paper", "web", "pdfbuilder", "editions"]
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# The bibliography: the reference list as BibTeX, rendered in the paper's own house style
# (housestyle) with the ids that paper2myst's citation links point to.
if PAPER.get("bibfile"):
    extensions += ["sphinxcontrib.bibtex", "housestyle"]
    bibtex_bibfiles = [PAPER["bibfile"]]
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
html_title = PAPER["title"]
html_static_path = ["_static"]
html_use_index = False  # a paper has no index; also keeps genindex out of the EPUB spine
html_copy_source = False

epub_basename = PAPER["name"]
epub_title = PAPER["title"]
epub_show_urls = "no"  # the notes print their URLs already; "footnote"/"inline" would repeat them
epub_tocscope = "includehidden"  # the nav lists the back matter too
