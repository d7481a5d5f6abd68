"""paper2myst: turn a policy paper's PDF-extracted text into MyST Markdown and BibTeX."""

__version__ = "0.1.0"
