"""Sphinx extension: paper-agnostic glue between paper2myst's output and Sphinx."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.transforms import Transform
from sphinx.application import Sphinx
from sphinx.config import Config


class AuthorNoteSymbol(Transform):  # type: ignore[misc]  # docutils is untyped here
    """Show the author note ``[^*]`` as ``*``, as printed, instead of an auto-number.

    MyST makes a non-numeric footnote label auto-numbered; docutils' symbol footnotes
    (``auto="*"``) are labelled ``*`` by its own Footnotes transform (priority 620), so we
    switch them over just before it runs.
    """

    default_priority = 615

    def apply(self, **kwargs: Any) -> None:
        for node in self.document.findall(nodes.footnote):
            if node.get("names") == ["*"]:
                node["auto"] = "*"
                self.document.symbol_footnotes.append(node)
                self.document.autofootnotes.remove(node)
        for ref in self.document.findall(nodes.footnote_reference):
            if ref.get("refname") == "*":
                ref["auto"] = "*"
                self.document.symbol_footnote_refs.append(ref)
                self.document.autofootnote_refs.remove(ref)


def keep_authors_characters(app: Sphinx, config: Config) -> None:
    """The author's quotes and dashes are not ours to change: no "smart" quotes, ever."""
    config.smartquotes = False


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", keep_authors_characters)
    app.add_transform(AuthorNoteSymbol)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
