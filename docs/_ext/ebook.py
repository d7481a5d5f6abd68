"""Sphinx extension: the EPUB 3 edition — OPF and accessibility metadata, cover, landmarks, language, packaging."""

from __future__ import annotations

import html
import re
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZIP_STORED, ZipFile, ZipInfo

from coverart import write_cover
from docutils import nodes
from latex2mathml import converter
from paperdata import Publication, build_time, load, paper_of
from sphinx.application import Sphinx
from sphinx.builders.epub3 import Epub3Builder
from sphinx.config import Config
from sphinx.writers.html5 import HTML5Translator
from tablescope import HeaderScopes
from typst_writer import column_samples
from typstmath import split_tag

# A table wider than the narrowest reading column runs into the next page (a reading system cannot scroll a page
# sideways): such a table is set smaller, in tight cells, to fit. The column: a 360-px phone's, 16 px to the em.
PHONE_COLUMN_EM = 22.5
# A figure of a text face is half an em wide (tabular figures are; letters average less): an upper estimate.
CHARACTER_EM = 0.5
# The book's table type and a cell's padding and rule (paper-epub.css), in ems of the text; in a tight cell.
TABLE_SIZE = 0.85
CELL_EM, TIGHT_CELL_EM = 0.5, 0.2
# The smallest table type a reader can still make out on a phone, in ems of the text.
SMALLEST_TABLE_SIZE = 0.55
COVER = "_static/cover.png"
COVER_TEMPLATE = "paper-cover.html"
# EPUB Accessibility 1.1: what the book offers and lacks, as its metadata declares it (checked by Ace).
ACCESSIBILITY = (
    ("schema:accessMode", "textual"),
    ("schema:accessMode", "visual"),  # the cover
    ("schema:accessModeSufficient", "textual"),  # the cover's alternative text is the title
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityFeature", "alternativeText"),
    ("schema:accessibilityFeature", "displayTransformability"),
    ("schema:accessibilityHazard", "none"),
    ("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"),
)
IMAGE = re.compile(r"<img\b[^>]*>")
ALT = re.compile(r'\balt="([^"]*)"')


def accessibility_summary(images: int, described: int, notes: int, bibliography: bool) -> str:
    """The accessibility summary of what this book holds: its notes, bibliography and images, counted."""
    parts = ["headings", "a navigable table of contents"]
    if notes:
        parts.append(f"{notes} linked note{'s' if notes != 1 else ''}")
    if bibliography:
        parts.append("a bibliography")
    text = "Text with " + ", ".join(parts[:-1]) + " and " + parts[-1] + ". "
    if not images:
        return text + "The only image, the cover, is described by the title."
    pictures = f"{images} image{'s' if images != 1 else ''} in the text"
    if described == images:
        return text + f"The cover is described by the title; the {pictures} each have a text alternative."
    return text + f"The cover is described by the title; {described} of the {pictures} have a text alternative."


def table_size_to_fit(longest_words: list[int]) -> float | None:
    """The type size (in ems of the text) that fits a table to a phone's column, or None if it fits as set.

    ``longest_words`` are the characters of each column's longest word: no column is narrower than its longest
    word, as no cell breaks a word. None where the table, each column as wide as that word, fits the column.
    """
    letters = sum(longest_words) * CHARACTER_EM
    if letters * TABLE_SIZE + len(longest_words) * CELL_EM <= PHONE_COLUMN_EM:
        return None
    room = PHONE_COLUMN_EM - len(longest_words) * TIGHT_CELL_EM
    return round(max(SMALLEST_TABLE_SIZE, min(TABLE_SIZE, room / letters)), 2)


def configure(app: Sphinx, config: Config) -> None:
    """Fill the EPUB settings Sphinx leaves at placeholders ("unknown") from the paper."""
    paper = paper_of(app)
    identifier = paper.doi_url or paper.url or f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, paper.title)}"
    defaults: dict[str, Any] = {
        "epub_identifier": ("unknown", identifier),
        "epub_scheme": ("unknown", "DOI" if paper.doi else "URI"),
        "epub_uid": ("unknown", "pub-id"),
        "epub_description": ("unknown", paper.abstract or paper.title),
        "epub_contributor": ("unknown", paper.publisher or ", ".join(paper.authors) or paper.title),
        "epub_cover": ((), (COVER, COVER_TEMPLATE)),
    }
    for name, (placeholder, value) in defaults.items():
        if config[name] == placeholder:
            config[name] = value
    # Sphinx's default publisher is the author: the book names only the publisher the paper or editor named.
    config.epub_publisher = paper.publisher
    # The web's maths as the book's: MathML, which browsers set themselves (no script fetched from elsewhere, so
    # the page reads offline and its maths is in the page for assistive technology).
    config.html_math_renderer = config.html_math_renderer or "mathml"


def add_assets(app: Sphinx) -> None:
    if app.builder.name == "epub":
        app.add_css_file("paper-epub.css")


class EpubTranslator(HeaderScopes, HTML5Translator):
    """Mark notes with EPUB structural semantics, so that reading systems show them as pop-ups."""

    def visit_footnote_reference(self, node: nodes.Element) -> None:
        super().visit_footnote_reference(node)
        start = len(self.body) - 1
        while start >= 0 and not self.body[start].startswith("<a "):
            start -= 1
        self.body[start] = self.body[start].replace("<a ", '<a epub:type="noteref" ', 1)

    def visit_table(self, node: nodes.Element) -> None:
        super().visit_table(node)
        group = next(node.findall(nodes.tgroup), None)
        size = (
            table_size_to_fit([max(map(len, words), default=0) for words, _ in column_samples(group)])
            if group
            else None
        )
        if size is not None:
            # Set smaller, in tight cells, to fit a phone's column (the theme's size would run into the next page).
            self.body[-1] = self.body[-1].replace('class="', f'style="font-size: {size}em" class="tight ', 1)

    def visit_footnote(self, node: nodes.Element) -> None:
        super().visit_footnote(node)
        self.body[-1] = self.body[-1].replace("<aside ", '<aside epub:type="footnote" ', 1)


def math_block(self: HTML5Translator, node: nodes.Element) -> None:
    """A display equation as MathML, its printed number (its ``\\tag``) beside it as text."""
    latex, tag = split_tag(node.astext())
    number = f'<span class="eqno">({html.escape(tag)})</span>' if tag else ""
    self.body.append(self.starttag(node, "div", CLASS="math"))
    self.body.append(f"{mathml(latex, 'block')}{number}</div>\n")
    raise nodes.SkipNode


def math_inline(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(mathml(node.astext(), "inline"))
    raise nodes.SkipNode


def mathml(latex: str, display: str) -> str:
    """MathML of ``latex``, with the LaTeX as its alternative text (read aloud where MathML is not)."""
    out = converter.convert(latex, display=display)
    return out.replace("<math ", f'<math alttext="{html.escape(latex)}" ', 1)


def backlinks_to_calls(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Point links into a note (the bibliography's "cited in note N") at the note's call in the text instead.

    Reading systems show ``epub:type="footnote"`` asides only as pop-ups and hide them in the flow, so a link
    to an element inside one leads nowhere; the call it answers is always in the text.
    """
    if app.builder.name != "epub":
        return
    owner: dict[str, nodes.footnote] = {}
    for note in doctree.findall(nodes.footnote):
        for element in note.findall(nodes.Element):
            for id_ in element.get("ids", []):
                owner[id_] = note
    for ref in doctree.findall(nodes.reference):
        note = owner.get(ref.get("refid", ""))
        if note is not None and note.get("backrefs") and note not in _ancestors(ref):
            ref["refid"] = note["backrefs"][0]


def _ancestors(node: nodes.Node) -> Iterator[nodes.Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def landmarks(labels: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f'\n      <li><a epub:type="{t}" href="{html.escape(h)}">{html.escape(x)}</a></li>' for t, h, x in labels
    )
    return f'  <nav epub:type="landmarks" id="landmarks" hidden="hidden">\n    <ol>{items}\n    </ol>\n  </nav>\n'


class PaperEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder with the paper's metadata, language, landmarks and a reproducible zip."""

    def paper(self) -> Publication:
        return load(self.confdir)

    def handle_finish(self) -> None:
        if self.config.epub_cover and self.config.epub_cover[0] == COVER:
            write_cover(self.paper(), Path(self.outdir) / COVER)
        super().handle_finish()

    def handle_page(self, pagename: str, addctx: dict[str, Any], *args: Any, **kwargs: Any) -> None:
        """Write the page as Sphinx does, then give it the book's language and drop what it duplicates."""
        super().handle_page(pagename, addctx, *args, **kwargs)
        path = Path(self.get_outfilename(pagename))
        if path.is_file():
            path.write_text(self.fix_page(path.read_text(encoding="utf-8")), encoding="utf-8")

    def fix_page(self, text: str) -> str:
        lang = html.escape(self.config.language or "en")
        text = re.sub(r"<html (?![^>]*\blang=)", f'<html lang="{lang}" xml:lang="{lang}" ', text, count=1)
        # The epub theme and its base both declare a viewport, which reading systems must ignore in a reflowable book.
        text = re.sub(r'<meta name="viewport"[^>]*/>\s*', "", text)
        # The notes' collection, for reading systems that gather notes (EPUB 3 structural semantics).
        text = text.replace('<aside class="footnote-list', '<aside epub:type="footnotes" class="footnote-list')
        if 'class="highlight' not in text:
            # No highlighted code in the paper: its stylesheet (and thus the file) stays out of the book.
            text = re.sub(r'\s*<link rel="stylesheet" type="text/css" href="_static/pygments.css" />', "", text)
        return text

    def copy_static_files(self) -> None:
        super().copy_static_files()
        css = Path(self.outdir) / "_static" / "epub.css"
        if css.is_file():
            # The theme's search-result icon: a book has no search page, and the image would be packed in unused.
            text = css.read_text(encoding="utf-8")
            css.write_text(re.sub(r"\n\s*background-image: url\(file\.png\);", "", text), encoding="utf-8")

    def toc_add_files(self, refnodes: list[dict[str, Any]]) -> None:
        """List the paper's own sections under its title: Sphinx's nav stops at documents."""
        super().toc_add_files(refnodes)
        root = self.config.root_doc
        index = next(i for i, n in enumerate(refnodes) if n["refuri"] == html.escape(root + self.out_suffix))
        sections: list[dict[str, Any]] = []
        toc = self.env.tocs.get(root)
        for ref in toc.findall(nodes.reference) if toc is not None else ():
            anchor = ref.get("anchorname", "")
            # The document's own title is the outermost list; its sections are nested one list deeper each.
            level = sum(isinstance(a, nodes.bullet_list) for a in _ancestors(ref))
            if anchor and 1 < level <= self.config.epub_tocdepth:
                refuri = root + self.out_suffix + self.fix_fragment("", anchor)
                sections.append({"level": level, "refuri": html.escape(refuri), "text": html.escape(ref.astext())})
        refnodes[index + 1 : index + 1] = sections

    def toc_metadata(self, level: int, navpoints: list[Any]) -> dict[str, Any]:
        metadata = super().toc_metadata(level, navpoints)
        # The NCX must carry the book's identifier itself; Sphinx puts the identifier's XML id there.
        metadata["uid"] = html.escape(self.config.epub_identifier)
        return metadata

    def build_navigation_doc(self) -> None:
        """Write nav.xhtml as Sphinx does, with the book's language, the toc's ARIA role and a landmarks nav."""
        super().build_navigation_doc()
        nav = Path(self.outdir) / "nav.xhtml"
        text = self.fix_page(nav.read_text(encoding="utf-8"))
        text = text.replace('<nav epub:type="toc">', '<nav epub:type="toc" id="toc" role="doc-toc">', 1)
        root = self.config.root_doc + self.out_suffix
        # (A "toc" landmark would point at nav.xhtml, which is not in the spine: epubcheck rejects that.)
        marks = [("bodymatter", root, self.config.epub_title)]
        if self.config.epub_cover:
            marks.insert(0, ("cover", self.coverpage_name, self.guide_titles["cover"]))
        for entry in self.refnodes:
            # The bibliography by the id Sphinx gives the references' section, if the paper has one.
            if entry["refuri"].startswith(root + "#") and entry["refuri"].endswith("#references"):
                marks.append(("bibliography", html.unescape(entry["refuri"]), html.unescape(entry["text"])))
        text = text.replace("</body>", landmarks(marks) + "</body>", 1)
        nav.write_text(text, encoding="utf-8")

    def unused_static_files(self) -> list[str]:
        """List files in _static that no page (or stylesheet a page uses) refers to, the cover image aside.

        html_static_path is shared by every builder, so it also holds the other editions' assets (the PDF's
        print stylesheet, the web's scripts); epubcheck rejects CSS that e-readers cannot parse, and unused
        files only bloat the book.
        """
        out = Path(self.outdir)
        used: set[Path] = set()
        pending = list(out.glob("*.xhtml"))
        while pending:
            page = pending.pop()
            text = page.read_text(encoding="utf-8", errors="replace")
            for ref in re.findall(r'(?:href|src)="([^"#?:]+)|url\(["\']?([^"\')#?:]+)', text):
                target = (page.parent / (ref[0] or ref[1])).resolve()
                if target not in used:
                    used.add(target)
                    if target.suffix == ".css" and target.is_file():
                        pending.append(target)
        keep = {(out / self.config.epub_cover[0]).resolve()} if self.config.epub_cover else set()
        static = sorted(p for p in (out / "_static").rglob("*") if p.is_file())
        return [p.relative_to(out).as_posix() for p in static if p.resolve() not in used | keep]

    def build_content(self) -> None:
        """Write content.opf as Sphinx does, then replace its metadata with the paper's (one creator per author)."""
        configured = self.config.epub_exclude_files
        self.config.epub_exclude_files = [*configured, *self.unused_static_files()]
        try:
            super().build_content()
        finally:
            self.config.epub_exclude_files = configured
        opf = Path(self.outdir) / "content.opf"
        text = opf.read_text(encoding="utf-8")
        text = re.sub(r"<metadata\b.*?</metadata>", lambda _m: self.opf_metadata(), text, count=1, flags=re.S)
        # The EPUB 2 guide's table of contents is the navigation document, not the text's first page.
        text = re.sub(r'(<reference type="toc" [^>]*href=")[^"]*"', r'\1nav.xhtml"', text)
        # A page with MathML says so in the manifest (EPUB 3: the "mathml" property), else epubcheck fails the book.
        for page in self.files:
            if page.endswith(".xhtml") and "<math" in (Path(self.outdir) / page).read_text(encoding="utf-8"):
                ref = re.escape(html.escape(page))
                text = re.sub(
                    rf'(<item id="[^"]+" href="{ref}" media-type="[^"]+") />', r'\1 properties="mathml" />', text
                )
        if self.config.epub_cover:
            # EPUB 3 names the cover image by a manifest property (the <meta name="cover"> is for EPUB 2 readers).
            href = re.escape(html.escape(self.config.epub_cover[0]))
            text = re.sub(
                rf'(<item id="[^"]+" href="{href}" media-type="[^"]+") />', r'\1 properties="cover-image" />', text
            )
        opf.write_text(text, encoding="utf-8")

    def opf_metadata(self) -> str:
        paper = self.paper()
        esc = html.escape
        cfg = self.config
        lines = [
            '<metadata xmlns:opf="http://www.idpf.org/2007/opf" xmlns:dc="http://purl.org/dc/elements/1.1/">',
            f'    <dc:identifier id="{esc(cfg.epub_uid)}">{esc(cfg.epub_identifier)}</dc:identifier>',
            f"    <dc:title>{esc(cfg.epub_title)}</dc:title>",
            f"    <dc:language>{esc(cfg.epub_language)}</dc:language>",
        ]
        # The authors the paper names, none made up ("Unknown", the publisher): EPUB 3 does not require a creator.
        for i, author in enumerate(paper.authors, start=1):
            lines += [
                f'    <dc:creator id="creator{i}">{esc(author)}</dc:creator>',
                f'    <meta refines="#creator{i}" property="role" scheme="marc:relators">aut</meta>',
                f'    <meta refines="#creator{i}" property="display-seq">{i}</meta>',
            ]
        if paper.publisher:
            lines.append(f"    <dc:publisher>{esc(paper.publisher)}</dc:publisher>")
        if paper.date is not None:
            lines.append(f"    <dc:date>{paper.date.isoformat()}</dc:date>")
        lines.append(f"    <dc:description>{esc(' '.join(cfg.epub_description.split()))}</dc:description>")
        lines += [f"    <dc:subject>{esc(k)}</dc:subject>" for k in paper.keywords]
        if paper.rights:
            lines.append(f"    <dc:rights>{esc(paper.rights)}</dc:rights>")
        if paper.series:
            # EPUB 3 collections: the series the paper belongs to, and its number in it.
            lines.append(f'    <meta property="belongs-to-collection" id="series">{esc(paper.series)}</meta>')
            lines.append('    <meta refines="#series" property="collection-type">series</meta>')
            if paper.number:
                lines.append(f'    <meta refines="#series" property="group-position">{esc(paper.number)}</meta>')
        if paper.issn:
            lines.append(f'    <dc:identifier id="issn">urn:issn:{esc(paper.issn)}</dc:identifier>')
        if paper.license_url:
            lines.append(f'    <link rel="dcterms:license" href="{esc(paper.license_url)}" />')
        lines += [f'    <meta property="{p}">{esc(v)}</meta>' for p, v in ACCESSIBILITY]
        lines.append(f'    <meta property="schema:accessibilitySummary">{esc(self.summary())}</meta>')
        modified = time.strftime("%Y-%m-%dT%H:%M:%SZ", build_time())
        lines.append(f'    <meta property="dcterms:modified">{modified}</meta>')
        if cfg.epub_cover:
            lines.append(f'    <meta name="cover" content="{esc(self.make_id(cfg.epub_cover[0]))}" />')
        lines.append("  </metadata>")
        return "\n".join(lines)

    def summary(self) -> str:
        """The accessibility summary, from the pages as written: images (the cover apart), notes, bibliography."""
        pages = [p for p in Path(self.outdir).glob("*.xhtml") if p.name not in {self.coverpage_name, "nav.xhtml"}]
        text = "".join(p.read_text(encoding="utf-8") for p in sorted(pages))
        images = IMAGE.findall(text)
        described = sum(bool((alt := ALT.search(i)) and alt.group(1).strip()) for i in images)
        notes = text.count('epub:type="footnote"')
        bibliography = any(e["refuri"].endswith("#references") for e in self.refnodes)
        return accessibility_summary(len(images), described, notes, bibliography)

    def build_epub(self) -> None:
        """Zip the book reproducibly: mimetype first and stored, then fixed order, times and permissions."""
        stamp = max(build_time()[:6], (1980, 1, 1, 0, 0, 0))  # the zip format starts in 1980
        target = Path(self.outdir) / f"{self.config.epub_basename}.epub"
        names = ["mimetype", "META-INF/container.xml", "content.opf", "toc.ncx", *self.files]
        with ZipFile(target, "w") as epub:
            for name in dict.fromkeys(names):
                info = ZipInfo(name, date_time=stamp)
                info.compress_type = ZIP_STORED if name == "mimetype" else ZIP_DEFLATED
                info.create_system = 3  # Unix, whatever the build machine
                info.external_attr = 0o644 << 16
                epub.writestr(info, (Path(self.outdir) / name).read_bytes(), compresslevel=9)


def drop_sphinx_metadata_check(app: Sphinx) -> None:
    """Take out Sphinx's check that every Dublin Core field of its OPF template is filled.

    It asks for an author, a publisher and a copyright for every book; a paper that names none has none, and
    making one up would be a false fact. The OPF's metadata is ours (opf_metadata), written from what is known;
    epubcheck (tests/test_epub.py) checks what EPUB 3 requires of it.
    """
    from sphinx.builders import epub3

    for listener in list(app.events.listeners.get("builder-inited", [])):
        if listener.handler is epub3.validate_config_values:
            app.disconnect(listener.id)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("paperdata")
    drop_sphinx_metadata_check(app)
    app.add_builder(PaperEpubBuilder, override=True)
    app.set_translator("epub", EpubTranslator, override=True)
    app.connect("config-inited", configure)
    # Maths as MathML, which reading systems and browsers show offline (MathJax is a script from the web): the book's
    # renderer, and the web edition's too (see configure).
    app.add_html_math_renderer("mathml", (math_inline, None), (math_block, None))
    app.add_config_value("epub_math_renderer", "mathml", "env")
    app.connect("builder-inited", add_assets)
    app.connect("doctree-resolved", backlinks_to_calls, priority=600)  # after housestyle adds them (500)
    return {"version": "0.2", "parallel_read_safe": True, "parallel_write_safe": True}
