"""Sphinx extension: the ``pdf`` builder, the paper as one HTML page typeset by WeasyPrint with a print stylesheet."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import importlib.util
import json
import logging as logging_
import os
from collections.abc import Iterable, Set
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.errors import SphinxError
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.display import progress_message
from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)

# Bump when the HTML this module writes changes, so that an up-to-date check never keeps a stale PDF.
LAYOUT_VERSION = "1"


# The builder's settings (conf.py may set them; the defaults come from paper.json and this module).
CONFIG = (
    "pdf_basename",
    "pdf_title",
    "pdf_authors",
    "pdf_subject",
    "pdf_keywords",
    "pdf_stylesheets",
    "pdf_font_packages",
    "pdf_variant",
)


def name_list(names: list[str]) -> str:
    """Names as a byline prints them: "A", "A and B", "A, B and C"."""
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


class PdfError(SphinxError):
    category = "PDF edition error"


class footnote_float(nodes.Inline, nodes.Element):  # type: ignore[misc]  # docutils has no type stubs
    """A note moved to its reference: the print stylesheet floats it to the foot of the page (``float: footnote``)."""


class footnote_para(nodes.Inline, nodes.TextElement):  # type: ignore[misc]
    """One paragraph of a note, as an inline box: a ``<p>`` may not nest inside the ``<p>`` holding the call."""


class PdfTranslator(HTML5Translator):
    """HTML for print: notes where they are called, each document part a block of its own."""

    def visit_footnote_float(self, node: footnote_float) -> None:
        ids = list(node["ids"])
        label = html.escape(node["label"], quote=True)
        anchor = f' id="{ids[0]}"' if ids else ""
        # WeasyPrint reads the label for ::footnote-call and ::footnote-marker through attr(data-label): the
        # note keeps the number (or '*') it has in the source instead of a counter that could drift from it.
        self.body.append(f'<span class="footnote" data-label="{label}"{anchor}>')
        # Further ids (the reference's own) stay link targets.
        self.body.extend(f'<span id="{extra}"></span>' for extra in ids[1:])

    def depart_footnote_float(self, node: footnote_float) -> None:
        self.body.append("</span>")

    def visit_footnote_para(self, node: footnote_para) -> None:
        self.body.append('<span class="footnote-para">')

    def depart_footnote_para(self, node: footnote_para) -> None:
        self.body.append("</span>")

    def visit_start_of_file(self, node: nodes.Element) -> None:
        # A document pulled in by the toctree (e.g. back matter) is a part of its own: print.css starts it on a
        # new page. The id is the one Sphinx's single-page builder uses, so cross-document links resolve.
        self.docnames.append(node["docname"])
        self.body.append(f'<div class="document-part" id="document-{node["docname"]}">')

    def depart_start_of_file(self, node: nodes.Element) -> None:
        self.docnames.pop()
        self.body.append("</div>")


def notes_to_floats(tree: nodes.document) -> int:
    """Move each note's text to (the first of) its references; return how many notes were moved."""
    notes = {node_id: note for note in tree.findall(nodes.footnote) for node_id in note["ids"]}
    placed: set[int] = set()
    for ref in list(tree.findall(nodes.footnote_reference)):
        note = notes.get(ref.get("refid", ""))
        if note is None or id(note) in placed:
            # A second call of the same note stays a link (to the note at the foot of the earlier page).
            continue
        placed.add(id(note))
        label = note[0].astext() if note.children and isinstance(note[0], nodes.label) else ref.astext()
        moved = footnote_float(ids=list(note["ids"]) + list(ref["ids"]), label=label)
        for child in note.children:
            if isinstance(child, nodes.label):
                continue
            if isinstance(child, nodes.paragraph):
                moved += footnote_para("", "", *child.children)
            else:
                moved += child
        ref.replace_self(moved)
    for note in list(tree.findall(nodes.footnote)):
        if id(note) in placed:
            note.parent.remove(note)
    return len(placed)


def font_faces(packages: Iterable[str]) -> tuple[str, list[Path]]:
    """``@font-face`` rules for every file of the given Python font packages (``fontpkg`` layout), and the files.

    Fonts come from pinned Python packages, never from the system, so that every machine sets the same text
    with the same glyphs. A missing package is an error, not a silent fallback to whatever fontconfig finds.
    """
    rules: list[str] = []
    files: list[Path] = []
    for package in packages:
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            raise PdfError(__("font package %r is not installed (pip install the docs extra)") % package)
        root = Path(spec.origin).parent
        meta = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
        for entry in meta["files"]:
            path = root / entry["path"]
            files.append(path)
            weight = entry.get("weight") or "100 900"
            rules.append(
                f'@font-face {{ font-family: "{meta["family"]}"; src: url("{path.as_uri()}"); '
                f"font-weight: {weight}; font-style: {entry.get('style', 'normal')}; }}"
            )
    return "\n".join(rules), files


def build_date() -> str:
    """The PDF's creation and modification date: ``SOURCE_DATE_EPOCH`` when set, so that rebuilds are identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (
        dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC) if epoch else dt.datetime.now(tz=dt.UTC).replace(microsecond=0)
    )
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def paper_metadata(srcdir: Path) -> dict[str, Any]:
    """The paper's metadata written by the converter beside the sources (``paper.json``), if there is one."""
    path = srcdir / "paper.json"
    if not path.is_file():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


class WeasyPrintWarnings(logging_.Handler):
    """WeasyPrint's warnings (unknown CSS, missing fonts or images) as Sphinx warnings, which ``-W`` makes errors."""

    def emit(self, record: logging_.LogRecord) -> None:
        logger.warning("WeasyPrint: %s", record.getMessage(), type="pdf", subtype="weasyprint")


def quiet_weasyprint() -> None:
    """Route WeasyPrint's log to Sphinx: its progress is noise, and another library may have configured root."""
    weasy = logging_.getLogger("weasyprint")
    weasy.propagate = False
    weasy.setLevel(logging_.WARNING)
    if not any(isinstance(h, WeasyPrintWarnings) for h in weasy.handlers):
        weasy.addHandler(WeasyPrintWarnings(logging_.WARNING))


class PdfBuilder(SingleFileHTMLBuilder):
    """Builds ``<outdir>/<pdf_basename>.pdf``: the single-page HTML of the paper, typeset by WeasyPrint."""

    name = "pdf"
    format = "html"
    epilog = __("The PDF edition is in %(outdir)s.")
    default_translator_class = PdfTranslator
    add_permalinks = False  # no '¶' after headings on paper
    search = False
    copysource = False
    use_index = False

    def init(self) -> None:
        super().init()
        self.paper = paper_metadata(self.srcdir)
        self.html_text = ""

    def get_theme_config(self) -> tuple[str, dict[str, Any]]:
        # Sphinx's bare theme: the web theme's hooks (and its files) have nothing to do in a PDF.
        return "basic", {}

    # --- what to build -------------------------------------------------------------------------------------------

    @property
    def basename(self) -> str:
        name: str = self.config.pdf_basename or self.paper.get("name") or self.config.project
        return name

    @property
    def target(self) -> Path:
        return Path(self.outdir) / f"{self.basename}.pdf"

    def stylesheets(self) -> list[Path]:
        return [Path(self.confdir) / sheet for sheet in self.config.pdf_stylesheets]

    def signature(self) -> str:
        """What the PDF depends on besides the sources: stylesheets, fonts, options and this module."""
        digest = hashlib.sha256(LAYOUT_VERSION.encode())
        for path in [*self.stylesheets(), Path(__file__)]:
            digest.update(path.read_bytes() if path.is_file() else b"-")
        options = [self.config[name] for name in CONFIG] + [self.basename, os.environ.get("SOURCE_DATE_EPOCH")]
        digest.update(json.dumps(options, default=str).encode())
        return digest.hexdigest()

    @property
    def stamp(self) -> Path:
        return Path(self.outdir) / ".buildinfo"

    def get_outdated_docs(self) -> str | list[str]:  # type: ignore[override]
        # A no-op rebuild must not re-typeset: WeasyPrint is most of the build's time.
        if not self.target.is_file() or not self.stamp.is_file():
            return "all documents"
        if self.stamp.read_text(encoding="utf-8") != self.signature():
            return "all documents"
        built = self.target.stat().st_mtime_ns
        for docname in self.env.found_docs:
            if docname not in self.env.all_docs:
                return "all documents"
            source = self.env.doc2path(docname)
            if not source.is_file() or source.stat().st_mtime_ns > built:
                return "all documents"
        return []

    # --- writing -------------------------------------------------------------------------------------------------

    def copy_assets(self) -> None:
        # The theme's CSS, JavaScript and fonts are for screens; the PDF takes only print.css.
        pass

    def write_documents(self, _docnames: Set[str]) -> None:
        self.prepare_writing(self.env.all_docs.keys())
        with progress_message(__("assembling single document"), nonl=False):
            doctree = self.assemble_doctree()
            self.env.toc_secnumbers = self.assemble_toc_secnumbers()
            self.env.toc_fignumbers = self.assemble_toc_fignumbers()
            notes_to_floats(doctree)
        with progress_message(__("writing")):
            self.write_doc_serialized(self.config.root_doc, doctree)
            self.write_doc(self.config.root_doc, doctree)

    def handle_page(
        self,
        pagename: str,
        addctx: dict[str, Any],
        templatename: str = "page.html",
        *,
        outfilename: Path | None = None,
        event_arg: Any = None,
    ) -> None:
        # No theme template: a bare page whose <head> carries exactly the PDF's metadata.
        if pagename != self.config.root_doc:
            return
        self.html_text = self.page(addctx["body"])

    def page(self, body: str) -> str:
        """The single page WeasyPrint typesets: the body, with the PDF's metadata in its head."""
        config = self.config
        title = config.pdf_title or self.paper.get("title") or config.project
        authors: list[str] = config.pdf_authors or self.paper.get("authors") or [config.author]
        subject = config.pdf_subject if config.pdf_subject is not None else self.paper.get("abstract", "")
        keywords: list[str] = config.pdf_keywords if config.pdf_keywords is not None else self.paper.get("keywords", [])
        # The running head takes a long title up to its colon, as journals do.
        short = title.split(":")[0] if len(title) > 60 and ":" in title else title
        date = build_date()

        def meta(name: str, content: str) -> str:
            return f'<meta name="{name}" content="{html.escape(content, quote=True)}">'

        head = [
            '<meta charset="utf-8">',
            f"<title>{html.escape(title)}</title>",
            *(meta("author", a) for a in authors),
            meta("description", subject) if subject else "",
            meta("keywords", ", ".join(keywords)) if keywords else "",
            meta("generator", f"Sphinx {__import__('sphinx').__version__}, WeasyPrint"),
            meta("dcterms.created", date),
            meta("dcterms.modified", date),
        ]
        attrs = (
            f'data-title="{html.escape(short, quote=True)}" '
            f'data-authors="{html.escape(name_list(authors), quote=True)}"'
        )
        lang = html.escape(config.language or "en", quote=True)
        return (
            f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n'
            + "\n".join(h for h in head if h)
            + f"\n</head>\n<body {attrs}>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
        )

    def finish(self) -> None:
        if not self.html_text:
            return  # nothing was written: the PDF is up to date
        self.copy_image_files()
        with progress_message(__("typesetting %s") % self.target.name):
            self.render()
        self.stamp.write_text(self.signature(), encoding="utf-8")

    def render(self) -> None:
        try:
            # Imported here, not at init: loading Pango takes most of a second, which a no-op rebuild skips.
            from weasyprint import CSS, HTML
            from weasyprint.text.fonts import FontConfiguration
        except (ImportError, OSError) as error:  # OSError: cffi could not load the Pango libraries
            raise PdfError(
                __(
                    "WeasyPrint cannot be loaded (%s). It needs Pango ≥ 1.44: install the system package "
                    "(e.g. libpango-1.0-0) and `pip install weasyprint`."
                )
                % error
            ) from error

        quiet_weasyprint()

        fonts = FontConfiguration()
        faces, _ = font_faces(self.config.pdf_font_packages)
        sheets = [CSS(string=faces, font_config=fonts)]
        for path in self.stylesheets():
            if not path.is_file():
                raise PdfError(__("print stylesheet %s not found (pdf_stylesheets)") % path)
            sheets.append(CSS(filename=str(path), font_config=fonts))
        options: dict[str, Any] = {"pdf_identifier": True}  # identifier from the content's hash: reproducible
        if self.config.pdf_variant:
            options["pdf_variant"] = self.config.pdf_variant
        # base_url: images are copied to <outdir>/_images, where the single page's relative links point.
        document = HTML(string=self.html_text, base_url=str(self.outdir) + os.sep).render(
            stylesheets=sheets, font_config=fonts, **options
        )
        document.write_pdf(self.target, **options)
        logger.info(__("%d pages"), len(document.pages))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(footnote_float)
    app.add_node(footnote_para)
    app.add_builder(PdfBuilder)
    # Defaults come from paper.json (written by the converter); conf.py may override any of them. They rebuild
    # nothing in the environment (""): the builder's own signature notices a change and typesets again.
    app.add_config_value("pdf_basename", "", "", str)
    app.add_config_value("pdf_title", "", "", str)
    app.add_config_value("pdf_authors", [], "", list)
    app.add_config_value("pdf_subject", None, "", (str, type(None)))
    app.add_config_value("pdf_keywords", None, "", (list, type(None)))
    app.add_config_value("pdf_stylesheets", ["_static/print.css"], "", list)
    app.add_config_value("pdf_font_packages", ["fontpkg_ibm_plex_serif"], "", list)
    app.add_config_value("pdf_variant", "pdf/ua-1", "", str)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
