"""Sphinx extension: a table's header cells say what they head (``scope``), in the web edition and the book."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing; type checkers read it as True
_Translator = HTML5Translator if TYPE_CHECKING else object  # a mixin: the translator it goes on comes after it


class HeaderScopes(_Translator):  # type: ignore[misc,valid-type]
    """A header row's cells head their columns (scope="col"), a stub column's cells their rows (scope="row").

    Screen readers then read each cell with its headers, as WCAG's technique H63 asks of data tables. A mixin for
    any HTML translator (the web edition's, the book's).
    """

    def visit_entry(self, node: nodes.Element) -> None:
        super().visit_entry(node)
        opening = self.body[-1]
        if opening.startswith("<th"):
            scope = "col" if isinstance(node.parent.parent, nodes.thead) else "row"
            self.body[-1] = opening.replace("<th", f'<th scope="{scope}"', 1)


class PaperHTMLTranslator(HeaderScopes, HTML5Translator):
    """The web edition's translator: Sphinx's, with scoped header cells."""


def setup(app: Sphinx) -> dict[str, Any]:
    for builder in ("html", "dirhtml", "singlehtml"):
        app.set_translator(builder, PaperHTMLTranslator, override=True)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
