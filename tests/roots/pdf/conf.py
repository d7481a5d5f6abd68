"""A small paper using every structure the PDF builder translates (lists, tables, figures, repeated notes)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "docs" / "_ext"))

project = "Structures: A Test Paper"
author = "Ada Tester"
language = "fr"
extensions = ["myst_parser", "paper", "pdfbuilder"]
myst_footnote_sort = False
myst_heading_anchors = 2
pdf_basename = "structures"
pdf_keywords = ["tests"]
