"""Sphinx extension: the web edition offers the other editions (PDF, EPUB) built beside it, and carries them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from paperdata import paper_of
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.osutil import copyfile

# Builders whose output is the web site; the EPUB builder also writes HTML but must stay free of web-only markup.
WEB_BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})
# The other editions the web page offers for download: (builder and file extension, label, media type).
EDITIONS = (("pdf", "PDF", "application/pdf"), ("epub", "EPUB", "application/epub+zip"))
CITE_ID = "cite-this-paper"


def editions(app: Sphinx) -> Iterator[tuple[str, str, Path, str]]:
    """Yield (label, file name, path, media type) of the editions built beside this output (``<outdir>/../<fmt>/``)."""
    name = paper_of(app).name
    for fmt, label, media in EDITIONS:
        path = Path(app.outdir).parent / fmt / f"{name}.{fmt}"
        if path.is_file():
            yield label, path.name, path, media


def editions_changed(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Rewrite the landing page when the downloadable editions changed since the last web build.

    By content, not by name: the page states each file's size (links, JSON-LD), so a PDF or EPUB made again
    with other bytes must not leave the page as it was.
    """
    if app.builder.name not in WEB_BUILDERS:
        return []
    available = [(file, hashlib.sha256(path.read_bytes()).hexdigest()) for _label, file, path, _media in editions(app)]
    if getattr(env, "web_editions", None) == available:
        return []
    env.web_editions = available  # type: ignore[attr-defined]
    return [app.config.root_doc]


def copy_editions(app: Sphinx, exception: Exception | None) -> None:
    """Copy the PDF and EPUB into the web output, so that the download links resolve wherever it is served."""
    if exception is None and app.builder.name in WEB_BUILDERS:
        for _label, file, path, _media in editions(app):
            copyfile(path, Path(app.outdir) / file, force=True)


def downloads_node(app: Sphinx) -> nodes.container:
    """Make the row of links in the header: the other editions that exist, and the citation block."""
    para = nodes.paragraph()
    for label, file, path, _media in editions(app):
        ref = nodes.reference("", "", refuri=file, classes=["edition-download"], download=file)
        ref += nodes.Text(label)
        para += ref
        para += nodes.inline("", f" ({path.stat().st_size / 1024:.0f} KB)", classes=["edition-size"])
        para += nodes.Text(" · ")
    para += nodes.reference("", "Cite this paper", refid=CITE_ID, internal=True, classes=["cite-link"])
    return nodes.container("", para, classes=["paper-downloads"])


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("paperdata")
    app.connect("env-get-outdated", editions_changed)
    app.connect("build-finished", copy_editions)
    return {"version": "0.2", "parallel_read_safe": True, "parallel_write_safe": True}
