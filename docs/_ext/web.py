"""Sphinx extension: the paper's web (furo HTML) and EPUB 3 editions, described from its paper.json."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import textwrap
import time
import unicodedata
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZIP_STORED, ZipFile, ZipInfo

from babel.dates import format_date
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.epub3 import Epub3Builder
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util.osutil import copyfile
from sphinx.writers.html5 import HTML5Translator

# Builders whose output is the web site; the EPUB builder also writes HTML but must stay free of web-only markup.
WEB_BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})
# The other editions the web page offers for download: (builder and file extension, label), in display order.
EDITIONS = (("pdf", "PDF"), ("epub", "EPUB"))
COVER = "_static/cover.svg"
CITE_ID = "cite-this-paper"
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def load_paper(confdir: str | os.PathLike[str]) -> dict[str, Any]:
    """Read the paper's metadata, as paper2myst wrote it beside conf.py."""
    data: dict[str, Any] = json.loads((Path(confdir) / "paper.json").read_text(encoding="utf-8"))
    return data


def paper_of(app: Sphinx) -> dict[str, Any]:
    return load_paper(app.confdir)


def paper_date(paper: dict[str, Any]) -> date | None:
    try:
        return date.fromisoformat(paper.get("date") or "")
    except ValueError:
        return None


def source_date_epoch(confdir: str | os.PathLike[str]) -> str | None:
    """Pick a fixed build time: the paper's own date, else the last commit's time (None outside git)."""
    day = paper_date(load_paper(confdir))
    if day is not None:
        return str(int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()))
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=confdir, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return out or None


def build_time() -> time.struct_time:
    """Return the build time every edition records: SOURCE_DATE_EPOCH when set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return time.gmtime(int(epoch)) if epoch else time.gmtime()


# --- configuration -------------------------------------------------------------------------------------------


def configure(app: Sphinx, config: Config) -> None:
    """Fill the EPUB and web settings Sphinx leaves at placeholders ("unknown") from paper.json."""
    paper = paper_of(app)
    if not config.html_baseurl:
        # Read the Docs tells each build where it will be served; absolute URLs make citation_pdf_url/og:url valid.
        config.html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
    identifier = paper.get("doi") or paper.get("url") or f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, paper['title'])}"
    defaults: dict[str, Any] = {
        "epub_identifier": ("unknown", identifier),
        "epub_scheme": ("unknown", "DOI" if paper.get("doi") else "URI"),
        "epub_uid": ("unknown", "pub-id"),
        "epub_description": ("unknown", paper.get("abstract") or paper["title"]),
        "epub_contributor": ("unknown", paper.get("publisher") or ""),
        "epub_cover": ((), (COVER, "epub-cover.html")),
    }
    for name, (placeholder, value) in defaults.items():
        if config[name] == placeholder:
            config[name] = value
    if paper.get("publisher"):
        config.epub_publisher = paper["publisher"]


def add_assets(app: Sphinx) -> None:
    if app.builder.name in WEB_BUILDERS:
        app.add_css_file("web.css")
        # Deferred: previews attach once the page is parsed; without JavaScript the notes stay plain links.
        app.add_js_file("notes.js", loading_method="defer")
    elif app.builder.name == "epub":
        app.add_css_file("paper-epub.css")


# --- the other editions -------------------------------------------------------------------------------------


def editions(app: Sphinx) -> Iterator[tuple[str, str, Path]]:
    """Yield (label, file name, path) of the editions already built beside this output (``<outdir>/../<fmt>/``)."""
    name = paper_of(app)["name"]
    for fmt, label in EDITIONS:
        path = Path(app.outdir).parent / fmt / f"{name}.{fmt}"
        if path.is_file():
            yield label, path.name, path


def editions_changed(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Rewrite the landing page when the set of downloadable editions changed since the last web build."""
    if app.builder.name not in WEB_BUILDERS:
        return []
    available = [file for _label, file, _path in editions(app)]
    if getattr(env, "web_editions", None) == available:
        return []
    env.web_editions = available  # type: ignore[attr-defined]
    return [app.config.root_doc]


def copy_editions(app: Sphinx, exception: Exception | None) -> None:
    """Copy the PDF and EPUB into the web output, so that the download links resolve wherever it is served."""
    if exception is None and app.builder.name in WEB_BUILDERS:
        for _label, file, path in editions(app):
            copyfile(path, Path(app.outdir) / file, force=True)


# --- the landing page: downloads and "Cite this paper" ------------------------------------------------------


def page_url(app: Sphinx) -> str:
    base = app.config.html_baseurl
    return str(base if base.endswith("/") or not base else base + "/") or str(paper_of(app).get("url") or "")


def formatted_citation(paper: dict[str, Any], url: str) -> str:
    """Format a plain-text reference to the paper: authors, “title”, series, publisher, date, URL."""
    parts = [", ".join(paper.get("authors") or []) or paper.get("publisher") or "", f"“{paper['title']}”"]
    if paper.get("series"):
        parts.append(f"{paper['series']}" + (f", No. {paper['number']}" if paper.get("number") else ""))
    if paper.get("publisher"):
        parts.append(paper["publisher"])
    day = paper_date(paper)
    if day is not None:
        parts.append(format_date(day, "d MMMM y", locale=paper.get("language") or "en"))
    if paper.get("doi"):
        parts.append(f"https://doi.org/{paper['doi']}")
    elif url:
        parts.append(url)
    return ", ".join(p for p in parts if p) + "."


def bibtex_escape(text: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", text)


def bibtex_key(paper: dict[str, Any]) -> str:
    ascii_name = unicodedata.normalize("NFKD", paper.get("name") or paper["title"]).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]", "", ascii_name).lower() or "paper"


def bibtex_entry(paper: dict[str, Any], url: str) -> str:
    """Write a BibTeX ``@techreport`` for the paper itself (policy papers are reports of their institute)."""
    # (field, value, braced): month macros stay unbraced, so that styles can abbreviate or translate them.
    fields: list[tuple[str, str, bool]] = []
    if paper.get("authors"):
        fields.append(("author", " and ".join(bibtex_escape(a) for a in paper["authors"]), True))
    # Double braces keep the title's capitals as printed.
    fields.append(("title", "{" + bibtex_escape(paper["title"]) + "}", True))
    if paper.get("publisher"):
        fields.append(("institution", bibtex_escape(paper["publisher"]), True))
    if paper.get("series"):
        fields.append(("type", bibtex_escape(paper["series"]), True))
    if paper.get("number"):
        fields.append(("number", bibtex_escape(str(paper["number"])), True))
    day = paper_date(paper)
    if day is not None:
        fields.append(("year", str(day.year), True))
        fields.append(("month", BIBTEX_MONTHS[day.month - 1], False))
    if paper.get("doi"):
        fields.append(("doi", paper["doi"], True))
    if url:
        fields.append(("url", url, True))
    width = max(len(k) for k, _, _ in fields)
    body = [f"  {k.ljust(width)} = {'{' + v + '}' if braced else v}," for k, v, braced in fields]
    return f"@techreport{{{bibtex_key(paper)},\n" + "\n".join(body) + "\n}"


def downloads_node(app: Sphinx) -> nodes.container:
    """Make a row of links under the abstract: the other editions that exist, and the citation block."""
    para = nodes.paragraph()
    for label, file, path in editions(app):
        size = f"{path.stat().st_size / 1024:.0f} KB"
        ref = nodes.reference("", "", refuri=file, classes=["edition-download"], download=file)
        ref += nodes.Text(f"{label}")
        para += ref
        para += nodes.inline("", f" ({size})", classes=["edition-size"])
        para += nodes.Text(" · ")
    para += nodes.reference("", "Cite this paper", refid=CITE_ID, internal=True)
    box = nodes.container("", classes=["paper-downloads"])
    box += para
    return box


def citation_section(app: Sphinx, document: nodes.document) -> nodes.section:
    paper = paper_of(app)
    url = page_url(app)
    section = nodes.section("", ids=[CITE_ID], names=[CITE_ID], classes=["cite-this-paper"])
    section += nodes.title("", "Cite this paper")
    section += nodes.paragraph("", formatted_citation(paper, url), classes=["formatted-citation"])
    bibtex = bibtex_entry(paper, url)
    block = nodes.literal_block(bibtex, bibtex, language="bibtex", classes=["bibtex"])
    block["force"] = False
    block["highlight_args"] = {}
    section += block
    return section


def landing_page(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Add downloads and "Cite this paper" to the web edition's landing page (the paper) only."""
    if app.builder.name not in WEB_BUILDERS or docname != app.config.root_doc:
        return
    top = next(iter(doctree.findall(nodes.section)), None)
    if top is None:
        return
    # After the front matter in reading order: keywords, else abstract, else byline, else the title.
    anchor: nodes.Element = top[0]
    for cls in ("keywords", "abstract", "byline"):
        found = [n for n in top.findall(nodes.container) if cls in n["classes"] and n.parent is top]
        if found:
            anchor = found[0]
            break
    top.insert(top.index(anchor) + 1, downloads_node(app))
    top += citation_section(app, doctree)


# --- head metadata: Highwire Press (Google Scholar, Zotero) and OpenGraph ------------------------------------


def meta(name: str, content: str, attr: str = "name") -> str:
    return f'<meta {attr}="{html.escape(name)}" content="{html.escape(content)}" />'


def head_metadata(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    if app.builder.name not in WEB_BUILDERS:
        return
    paper = paper_of(app)
    base = page_url(app)
    is_paper = pagename == app.config.root_doc
    abstract = " ".join((paper.get("abstract") or "").split())
    tags: list[str] = []
    if is_paper:
        tags.append(meta("citation_title", paper["title"]))
        tags += [meta("citation_author", a) for a in paper.get("authors") or []]
        day = paper_date(paper)
        if day is not None:
            tags.append(meta("citation_publication_date", day.strftime("%Y/%m/%d")))
        if paper.get("publisher"):
            tags.append(meta("citation_publisher", paper["publisher"]))
            tags.append(meta("citation_technical_report_institution", paper["publisher"]))
        if paper.get("series"):
            tags.append(meta("citation_series_title", paper["series"]))
        if paper.get("number"):
            tags.append(meta("citation_technical_report_number", str(paper["number"])))
        if paper.get("doi"):
            tags.append(meta("citation_doi", paper["doi"]))
        if paper.get("language"):
            tags.append(meta("citation_language", paper["language"]))
        if paper.get("keywords"):
            tags.append(meta("citation_keywords", "; ".join(paper["keywords"])))
        for label, file, _path in editions(app):
            if label == "PDF":
                tags.append(meta("citation_pdf_url", base + file))
        if base:
            tags.append(meta("citation_abstract_html_url", base))
        if abstract:
            tags.append(meta("description", abstract))
    title = paper["title"] if is_paper else f"{context.get('title', '')} | {paper['title']}"
    tags.append(meta("og:type", "article" if is_paper else "website", "property"))
    tags.append(meta("og:title", html.unescape(re.sub(r"<[^>]+>", "", title)), "property"))
    if is_paper and abstract:
        tags.append(meta("og:description", abstract, "property"))
    if paper.get("publisher"):
        tags.append(meta("og:site_name", paper["publisher"], "property"))
    if base:
        tags.append(meta("og:url", base + (context.get("pagename", "") + ".html" if not is_paper else ""), "property"))
    if is_paper:
        if paper.get("date"):
            tags.append(meta("article:published_time", paper["date"], "property"))
        tags += [meta("article:author", a, "property") for a in paper.get("authors") or []]
        tags += [meta("article:tag", k, "property") for k in paper.get("keywords") or []]
    context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(tags) + "\n"


# --- EPUB 3 --------------------------------------------------------------------------------------------------


class EpubTranslator(HTML5Translator):
    """Mark notes with EPUB structural semantics, so that reading systems show them as pop-ups."""

    def visit_footnote_reference(self, node: nodes.Element) -> None:
        super().visit_footnote_reference(node)
        start = len(self.body) - 1
        while start >= 0 and not self.body[start].startswith("<a "):
            start -= 1
        self.body[start] = self.body[start].replace("<a ", '<a epub:type="noteref" ', 1)

    def visit_footnote(self, node: nodes.Element) -> None:
        super().visit_footnote(node)
        self.body[-1] = self.body[-1].replace("<aside ", '<aside epub:type="footnote" ', 1)


def cover_svg(paper: dict[str, Any]) -> str:
    """Draw a typographic cover (no network, no fonts to embed): publisher, title, authors, date."""
    width, height = 1200, 1800
    # SVG text does not wrap: break the title by characters, sized so that 20 bold serif ones fit the width.
    title_lines = textwrap.wrap(paper["title"], 20) or [""]
    size = 80 if len(title_lines) <= 6 else max(44, int(80 * 6 / len(title_lines)))
    esc = html.escape
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">',
        f"<title>{esc(paper['title'])}</title>",
        f'<rect width="{width}" height="{height}" fill="#1f3a4d"/>',
        '<rect x="90" y="300" width="160" height="10" fill="#e0b04a"/>',
        '<g font-family="Georgia, \'DejaVu Serif\', serif" fill="#ffffff">',
    ]
    if paper.get("publisher"):
        for i, line in enumerate(textwrap.wrap(paper["publisher"], 40)[:2]):
            out.append(f'<text x="90" y="{150 + 50 * i}" font-size="40" fill="#cfdbe3">{esc(line)}</text>')
    y = 420
    for line in title_lines:
        out.append(f'<text x="90" y="{y}" font-size="{size}" font-weight="bold">{esc(line)}</text>')
        y += int(size * 1.2)
    y += 80
    for author in paper.get("authors") or []:
        out.append(f'<text x="90" y="{y}" font-size="56">{esc(author)}</text>')
        y += 72
    day = paper_date(paper)
    if day is not None:
        when = format_date(day, "MMMM y", locale=paper.get("language") or "en")
        out.append(f'<text x="90" y="{height - 120}" font-size="40" fill="#cfdbe3">{esc(when)}</text>')
    out += ["</g>", "</svg>", ""]
    return "\n".join(out)


class PaperEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder with the paper's full metadata, its sections in the nav, and a reproducible zip."""

    def handle_finish(self) -> None:
        if self.config.epub_cover and self.config.epub_cover[0] == COVER:
            cover = Path(self.outdir) / COVER
            cover.parent.mkdir(parents=True, exist_ok=True)
            cover.write_text(cover_svg(load_paper(self.confdir)), encoding="utf-8")
        super().handle_finish()

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
        if self.config.epub_cover:
            # EPUB 3 names the cover image by a manifest property (the <meta name="cover"> is for EPUB 2 readers).
            href = re.escape(html.escape(self.config.epub_cover[0]))
            text = re.sub(
                rf'(<item id="[^"]+" href="{href}" media-type="[^"]+") />', r'\1 properties="cover-image" />', text
            )
        opf.write_text(text, encoding="utf-8")

    def opf_metadata(self) -> str:
        paper = load_paper(self.confdir)
        esc = html.escape
        cfg = self.config
        lines = [
            '<metadata xmlns:opf="http://www.idpf.org/2007/opf" xmlns:dc="http://purl.org/dc/elements/1.1/">',
            f'    <dc:identifier id="{esc(cfg.epub_uid)}">{esc(cfg.epub_identifier)}</dc:identifier>',
            f"    <dc:title>{esc(cfg.epub_title)}</dc:title>",
            f"    <dc:language>{esc(cfg.epub_language)}</dc:language>",
        ]
        for i, author in enumerate(paper.get("authors") or [cfg.epub_author], start=1):
            lines += [
                f'    <dc:creator id="creator{i}">{esc(author)}</dc:creator>',
                f'    <meta refines="#creator{i}" property="role" scheme="marc:relators">aut</meta>',
                f'    <meta refines="#creator{i}" property="display-seq">{i}</meta>',
            ]
        if cfg.epub_publisher:
            lines.append(f"    <dc:publisher>{esc(cfg.epub_publisher)}</dc:publisher>")
        if paper.get("date"):
            lines.append(f"    <dc:date>{esc(paper['date'])}</dc:date>")
        lines.append(f"    <dc:description>{esc(' '.join(cfg.epub_description.split()))}</dc:description>")
        lines += [f"    <dc:subject>{esc(k)}</dc:subject>" for k in paper.get("keywords") or []]
        if cfg.epub_copyright:
            lines.append(f"    <dc:rights>{esc(cfg.epub_copyright)}</dc:rights>")
        if paper.get("source"):
            lines.append(f"    <dc:source>{esc(Path(paper['source']).name)}</dc:source>")
        modified = time.strftime("%Y-%m-%dT%H:%M:%SZ", build_time())
        lines.append(f'    <meta property="dcterms:modified">{modified}</meta>')
        if cfg.epub_cover:
            lines.append(f'    <meta name="cover" content="{esc(self.make_id(cfg.epub_cover[0]))}" />')
        lines.append("  </metadata>")
        return "\n".join(lines)

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


def _ancestors(node: nodes.Node) -> Iterator[nodes.Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def setup(app: Sphinx) -> dict[str, Any]:
    if "SOURCE_DATE_EPOCH" not in os.environ and (epoch := source_date_epoch(app.confdir)):
        # Sphinx and this extension date every output from it, so two builds of one paper are byte-identical.
        os.environ["SOURCE_DATE_EPOCH"] = epoch
    app.add_builder(PaperEpubBuilder, override=True)
    app.set_translator("epub", EpubTranslator, override=True)
    app.connect("config-inited", configure)
    app.connect("builder-inited", add_assets)
    app.connect("env-get-outdated", editions_changed)
    app.connect("doctree-resolved", landing_page)
    app.connect("html-page-context", head_metadata)
    app.connect("build-finished", copy_editions)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
