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
release = version = PAPER["date"] or ""
copyright = f"{(PAPER['date'] or '')[:4]} {author}".strip()

extensions = ["myst_parser", "paper", "web", "pdfbuilder"]
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
root_doc = "index"

# MyST: footnotes stay where paper2myst defines them (after the body), in their own order.
myst_footnote_sort = False
myst_heading_anchors = 2

html_theme = "furo"
html_title = PAPER["title"]
html_static_path = ["_static"]
