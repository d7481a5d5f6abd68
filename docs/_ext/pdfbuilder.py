"""Sphinx extension: the ``pdf`` builder, the paper's doctree as Typst markup typeset by Typst (from PyPI)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib.util
import json
import os
import re
import shutil
import unicodedata
from collections.abc import Iterable, Sequence, Set
from pathlib import Path
from typing import Any, ClassVar

import paperdata
from docutils import nodes
from paper2myst.dates import join_names
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.errors import ExtensionError, SphinxError
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.display import progress_message
from sphinx.util.nodes import inline_all_toctrees
from typst_writer import collect, string, translate

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
# Bump when the markup this builder writes changes, so that an up-to-date check never keeps a stale PDF.
LAYOUT_VERSION = "2"

# The builder's settings (conf.py may set them; the defaults come from paper.json and this module).
CONFIG = (
    "pdf_basename",
    "pdf_title",
    "pdf_authors",
    "pdf_subject",
    "pdf_keywords",
    "pdf_template",
    "pdf_font_packages",
    "pdf_standards",
)
# The weights print.typ sets text in (regular and semibold).
TEXT_WEIGHTS = (400, 600)
# What the title page prints when the paper's metadata has it (paper.json, else docs/publication.toml).
PUBLICATION_KEYS = ("publisher", "series", "number", "issn", "doi", "copyright", "licence")


class PdfError(SphinxError):
    category = "PDF edition error"


def font_files(packages: Iterable[str]) -> list[Path]:
    """Every font file of the given Python font packages (``fontpkg`` layout).

    Fonts come from pinned Python packages, never from the system, so that every machine sets the same text
    with the same glyphs. A missing package is an error, not a silent fallback to whatever the machine has.
    """
    return [path for package in packages for path, _weight in font_package(package)]


def font_package(package: str) -> list[tuple[Path, int | None]]:
    """A ``fontpkg`` package's font files with their weights (None for a variable font); missing is an error."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise PdfError(__("font package %r is not installed (pip install the docs extra)") % package)
    root = Path(spec.origin).parent
    meta = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
    return [(root / entry["path"], entry.get("weight")) for entry in meta["files"]]


def text_fonts(packages: Iterable[str]) -> list[list[Path]]:
    """The font files print.typ sets text in, per package (a family).

    Regular (400) and semibold (600), upright and italic; or a variable font's files, which hold every weight.
    """
    return [[path for path, weight in font_package(p) if weight in (*TEXT_WEIGHTS, None)] for p in packages]


# A variation selector asks for a variant of the character before it; a face without it sets that character plain.
_VARIATION_SELECTOR = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def missing_glyphs(tree: nodes.document, families: list[list[Path]]) -> dict[str, nodes.Node]:
    """Characters of the text that no family has in every style it is set in, each with the first node holding it.

    The first family sets the text; a later one (print.typ's font list) only the characters the first lacks.
    Typst sets a character no family has as an empty box without a word: the reader would lose it silently.
    """
    from fontTools.ttLib import TTFont

    covered: set[int] = set()
    for files in families:
        family: set[int] | None = None
        for path in files:
            cmap = set(TTFont(path, lazy=True).getBestCmap())
            family = cmap if family is None else family & cmap
        covered |= family or set()
    missing: dict[str, nodes.Node] = {}
    for node in tree.findall(nodes.Text):
        for char in set(node.astext()) - missing.keys():
            if (
                not char.isspace()
                and ord(char) not in covered
                and unicodedata.category(char)[0] != "C"
                and not (_VARIATION_SELECTOR.match(char))
            ):
                missing[char] = node.parent
    return missing


#: Typst's own faces, last in print.typ's font list: they set only the characters the packaged faces lack (its
#: text face: "∗", "⌀"; its maths face: the mathematical alphabets "𝑎", "𝜏" and signs "∈" of a paper set in LaTeX).
FALLBACK_FAMILIES = ("New Computer Modern", "New Computer Modern Math")


def is_sign(char: str) -> bool:
    """A sign or a letter of the mathematical alphabets: what Typst's own faces may set for the text's faces.

    A script the text faces lack (Devanagari, say) stays an error: set in a maths face it would be badly set.
    """
    return unicodedata.category(char).startswith("S") or 0x1D400 <= ord(char) <= 0x1D7FF


def typst_has(chars: Iterable[str], families: Sequence[str] = FALLBACK_FAMILIES) -> set[str]:
    """Of ``chars``, those Typst's embedded ``families`` have a glyph for, upright, bold and italic.

    Typst's own faces live inside it, out of fontTools' reach: the characters are typeset in those families alone
    (no other fallback) and read back from the PDF; one they lack comes back as U+0000 (an empty box).
    """
    import pypdfium2 as pdfium
    import typst

    wanted = sorted(set(chars))
    if not wanted:
        return set()
    words = json.dumps(" ".join(wanted), ensure_ascii=False)  # a Typst string: no character read as markup
    source = (
        f"#set text(font: ({', '.join(json.dumps(family) for family in families)},), fallback: false)\n"
        "#set page(width: auto, height: auto, margin: 1pt)\n"
        f"#let words = {words}\n#words\n\n#strong(words)\n\n#emph(words)\n"
    )
    fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=[])
    document = pdfium.PdfDocument(typst.compile(source.encode("utf-8"), font_paths=fonts))
    try:
        text = "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    return {char for char in wanted if text.count(char) >= 3}


def paper_metadata(srcdir: Path) -> dict[str, Any]:
    """The paper's metadata as paperdata reads it (paper.json over publication.toml), as plain values."""
    paper = dataclasses.asdict(paperdata.load(srcdir))
    paper["date"] = paper["date"].isoformat() if paper["date"] else ""
    paper["licence"] = paper["license"]
    return paper


# Typst writes the catalogue's MarkInfo with "/Suspects false", the default, which PDF allows; poppler before 23.x
# (pdfinfo, pdffonts, pdftoppm) calls any Suspects value but true "wrong type (boolean)" and prints a syntax error
# on every run. Blanking the entry to spaces of the same length keeps every byte offset (the xref table) valid.
DEFAULT_SUSPECTS = b"/MarkInfo<</Marked true/Suspects false>>"


def without_default_suspects(pdf: bytes) -> bytes:
    """The PDF without its catalogue's redundant "/Suspects false" (see DEFAULT_SUSPECTS); else unchanged."""
    blank = b"/MarkInfo<</Marked true" + b" " * len(b"/Suspects false") + b">>"
    return pdf.replace(DEFAULT_SUSPECTS, blank, 1)


def move_date_to_title_page(tree: nodes.document, date_text: str) -> None:
    """Take out the paper's date line where the converter found it: the title page prints it (meta.date), once."""
    for node in tree.findall(nodes.container):
        if "date" in node["classes"] and date_text and " ".join(node.astext().split()) == " ".join(date_text.split()):
            node.parent.remove(node)
            return


def display_date(iso: str, language: str) -> str:
    """The paper's date as the title page prints it, in the paper's language: "1 November 2023"."""
    from babel.core import UnknownLocaleError  # Sphinx's own dependency
    from babel.dates import format_date

    parts = iso.split("-")
    try:
        day = dt.date(*(int(p) for p in parts[:3]), *([1] * (3 - len(parts))))
        pattern = {3: "d MMMM y", 2: "MMMM y"}.get(len(parts), "y")
        return str(format_date(day, pattern, locale=language.replace("-", "_")))
    except (TypeError, ValueError, UnknownLocaleError):
        return iso  # not a date, or a language babel does not know: as written


def typst_value(value: Any) -> str:
    """A Python value as a Typst literal (strings, numbers, lists, None)."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return string(str(value))  # printed as written: "23", not a Typst number
    if isinstance(value, (list, tuple)):
        return "(" + "".join(f"{typst_value(v)}, " for v in value) + ")"
    return string(str(value))


class PdfBuilder(Builder):
    """Builds ``<outdir>/<pdf_basename>.pdf``: all documents as one Typst file, typeset by the Typst compiler."""

    name = "pdf"
    format = "pdf"
    epilog = __("The PDF edition is in %(outdir)s.")
    supported_image_types: ClassVar[list[str]] = ["image/svg+xml", "image/png", "image/jpeg", "image/gif"]
    supported_remote_images = False

    def init(self) -> None:
        self.paper = paper_metadata(Path(self.confdir))
        self.markup = ""

    # --- what to build -------------------------------------------------------------------------------------------

    @property
    def basename(self) -> str:
        name: str = self.config.pdf_basename or self.paper.get("name") or self.config.project
        return name

    @property
    def target(self) -> Path:
        return Path(self.outdir) / f"{self.basename}.pdf"

    @property
    def template(self) -> Path:
        return Path(self.confdir) / str(self.config.pdf_template)

    def signature(self) -> str:
        """What the PDF depends on: the doctrees, template, fonts, metadata, options, Typst and this code."""
        import typst

        digest = hashlib.sha256(LAYOUT_VERSION.encode())
        for path in [self.template, HERE / "typst_writer.py", Path(__file__)]:
            digest.update(path.read_bytes() if path.is_file() else b"-")
        options = [self.config[name] for name in CONFIG]
        options += [self.basename, self.paper, os.environ.get("SOURCE_DATE_EPOCH"), getattr(typst, "__version__", "")]
        options += [str(f) for f in font_files(self.config.pdf_font_packages)]
        for docname in sorted(self.env.found_docs):
            doctree = Path(self.doctreedir) / f"{docname}.doctree"
            options.append(hashlib.sha256(doctree.read_bytes()).hexdigest() if doctree.is_file() else docname)
            # And the files each document depends on (Sphinx's record: the bibliography, included files, images).
            for dependency in sorted(map(str, self.env.dependencies.get(docname, ()))):
                path = Path(self.srcdir) / dependency
                options.append(hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else dependency)
        digest.update(json.dumps(options, default=str, sort_keys=True).encode())
        return digest.hexdigest()

    @property
    def stamp(self) -> Path:
        return Path(self.outdir) / ".buildinfo"

    def get_outdated_docs(self) -> str | list[str]:
        # A no-op rebuild must not typeset again. A changed source is re-read and written anyway; the hashes of the
        # doctrees and their dependencies in the signature catch what another builder re-read into the shared
        # cache (a changed bibliography, say).
        if not self.target.is_file() or not self.stamp.is_file():
            return "all documents"
        if self.stamp.read_text(encoding="utf-8") != self.signature():
            return "all documents"
        return []

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        # Everything is one document: a link to another part goes to its start.
        return "#document-" + docname if docname != self.config.root_doc else ""

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return self.get_target_uri(to, typ)

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    # --- writing -------------------------------------------------------------------------------------------------

    def assemble_doctree(self) -> nodes.document:
        """All documents in one tree, references resolved: fresh copies from the environment, ours to change."""
        root = self.config.root_doc
        tree = inline_all_toctrees(self, set(), root, self.env.get_doctree(root), lambda text: text, [root])
        tree["docname"] = root
        self.env.resolve_references(tree, root, self)
        return tree

    def bibliography_ids(self) -> set[str]:
        """The reference list's entries (sphinxcontrib-bibtex's citations), if the paper has one."""
        try:
            domain = self.env.get_domain("cite")
        except ExtensionError:
            return set()
        return {c.citation_id for c in getattr(domain, "citations", [])}

    def write_documents(self, _docnames: Set[str]) -> None:
        with progress_message(__("assembling single document"), nonl=False):
            tree = self.assemble_doctree()
            self.post_process_images(tree)
        with progress_message(__("writing Typst markup")):
            missing = missing_glyphs(tree, text_fonts(self.config.pdf_font_packages))
            for char in typst_has(c for c in missing if is_sign(c)):  # Typst's own faces set these (print.typ)
                del missing[char]
            for char, node in missing.items():
                logger.warning(
                    __("PDF: the font has no glyph for U+%04X %s; it would print as an empty box"),
                    ord(char),
                    unicodedata.name(char, "?"),
                    location=node,
                    type="pdf",
                    subtype="glyph",
                )
            move_date_to_title_page(tree, str(self.paper.get("date_text") or ""))
            context = collect(tree, self.bibliography_ids())
            context.images = {uri: f"_images/{Path(name).name}" for uri, name in self.images.items()}
            self.markup = self.document(translate(tree, context, self.config.root_doc))

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass  # all documents are written at once, by write_documents

    def metadata(self) -> dict[str, Any]:
        """What print.typ needs to know about the paper: PDF metadata, running heads, the title page."""
        config = self.config
        title = config.pdf_title or self.paper.get("title") or config.project
        # The authors the paper names, none made up: a paper without a byline has no PDF /Author.
        authors: list[str] = config.pdf_authors or self.paper.get("authors") or []
        subject = config.pdf_subject if config.pdf_subject is not None else self.paper.get("abstract", "")
        keywords: list[str] = config.pdf_keywords if config.pdf_keywords is not None else self.paper.get("keywords", [])
        language = config.language or "en"
        lang, _, region = language.replace("_", "-").partition("-")
        meta: dict[str, Any] = {
            "title": title,
            # The running head takes a long title up to its colon, as journals do.
            "short-title": title.split(":")[0] if len(title) > 60 and ":" in title else title,
            "authors": authors,
            "byline": join_names(authors),
            # Each author's role as printed beside the name, "" where none is: the title page sets it after the name.
            "roles": [str(dict(self.paper.get("author_roles") or {}).get(a, "")) for a in authors],
            # The affiliations (each whole) and a journal's history (a line each): the title page sets them under the
            # authors.
            "affiliations": [str(line) for line in self.paper.get("affiliations") or []],
            "history": [str(line) for line in self.paper.get("history") or []],
            "description": subject or None,
            "keywords": keywords,
            "lang": lang.lower(),
            "region": region.lower() or None,
            # The date once, as the paper prints it ("Updated 1 November 2023"); else the ISO date in words.
            "date": self.paper.get("date_text")
            or (display_date(self.paper["date"], language) if self.paper.get("date") else None),
        }
        meta.update({key: self.paper.get(key) or None for key in PUBLICATION_KEYS})
        return meta

    def document(self, body: str) -> str:
        """The main Typst file: the template, the paper's metadata, then the body."""
        fields = "".join(f"  {key}: {typst_value(value)},\n" for key, value in self.metadata().items())
        return (
            f"// Written by Sphinx's pdf builder from the paper's sources. Do not edit.\n"
            f'#import "{self.template.name}": *\n'
            f"#let meta = (\n{fields})\n"
            f"#show: paper.with(..meta)\n\n{body}"
        )

    def finish(self) -> None:
        if not self.markup:
            return  # nothing was written: the PDF is up to date
        out = Path(self.outdir)
        if self.images:
            (out / "_images").mkdir(exist_ok=True)
            for uri, name in self.images.items():
                shutil.copyfile(Path(self.srcdir) / uri, out / "_images" / Path(name).name)
        if not self.template.is_file():
            raise PdfError(__("print template %s not found (pdf_template)") % self.template)
        shutil.copyfile(self.template, out / self.template.name)
        source = out / f"{self.basename}.typ"
        source.write_text(self.markup, encoding="utf-8")
        with progress_message(__("typesetting %s") % self.target.name):
            pages = self.render(source)
        logger.info(__("%d pages"), pages)
        self.stamp.write_text(self.signature(), encoding="utf-8")

    def render(self, source: Path) -> int:
        """Typeset ``source`` into the target PDF with the packaged fonts only; return the page count."""
        import typst  # imported here: a no-op rebuild never needs it

        dirs = sorted({str(f.parent) for f in font_files(self.config.pdf_font_packages)})
        # Only the packaged fonts and Typst's own (its maths face, pinned with Typst), never the machine's: the output
        # is the same everywhere. The text is set in the packaged faces, and in Typst's own text face only what they
        # lack (print.typ: that list, no other fallback).
        fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=dirs)
        try:
            pdf, warnings = typst.compile_with_warnings(
                source,
                root=source.parent,
                font_paths=fonts,
                ignore_system_fonts=True,
                pdf_standards=list(self.config.pdf_standards),
                timestamp=paperdata.build_epoch(),
            )
        except typst.TypstError as error:
            raise PdfError(
                __("Typst could not typeset %s: %s\n%s") % (source, error.message, error.diagnostic)
            ) from error
        for warning in warnings:
            logger.warning("Typst: %s %s", warning.message, warning.diagnostic.strip(), type="pdf", subtype="typst")
        self.target.write_bytes(without_default_suspects(pdf))
        return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_builder(PdfBuilder)
    # Defaults come from paper.json (written by the converter); conf.py may override any of them. They rebuild
    # nothing in the environment (""): the builder's own signature notices a change and typesets again.
    app.add_config_value("pdf_basename", "", "", str)
    app.add_config_value("pdf_title", "", "", str)
    app.add_config_value("pdf_authors", [], "", list)
    app.add_config_value("pdf_subject", None, "", (str, type(None)))
    app.add_config_value("pdf_keywords", None, "", (list, type(None)))
    app.add_config_value("pdf_template", str(HERE / "print.typ"), "", str)
    # The text face, then a face with the scripts it lacks (Greek, Cyrillic, more Latin): print.typ names both.
    app.add_config_value("pdf_font_packages", ["fontpkg_ibm_plex_serif", "fontpkg_noto_serif"], "", list)
    # PDF/UA-1 (tagged, with a title, a language, alternative texts) and PDF/A-2a (archival: everything embedded,
    # XMP metadata): Typst checks their rules as it writes and fails on a breach.
    app.add_config_value("pdf_standards", ["a-2a", "ua-1"], "", list)
    return {"version": "0.2", "parallel_read_safe": True, "parallel_write_safe": True}
