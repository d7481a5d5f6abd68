"""Tiny Sphinx project exercising the bibliography, citation links and the house style."""

import sys
from pathlib import Path

sys.path.insert(0, str((Path(__file__).parent / "../../../docs/_ext").resolve()))

project = "bib test"
author = "paper2myst"
copyright = "2024, paper2myst"
version = release = "1.0"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "housestyle"]
exclude_patterns = ["_build"]
# The house style keeps the quotes as printed; docutils must not curl them.
smartquotes = False
bibtex_bibfiles = ["references.bib"]
bibtex_default_style = "housestyle"
bibtex_cite_id = "cite-{key}"
epub_basename = "bibtest"
epub_show_urls = "no"  # as docs/conf.py: the entries print their URLs already
