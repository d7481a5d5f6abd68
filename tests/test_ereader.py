"""The EPUB in a reading system: epub.js turns every page of the seed's book and of a report with tables, on a phone.

epub.js is the engine of many web and app e-readers; it reads both books on a phone and on a tablet, upright.

What a reader would meet is a failure: a contents entry that leads nowhere, a chapter that shows no page, an image
that does not load, an element wider than the reading column (cut off, or run into the next page), an error.
epubjs and jszip come from npm (``npm install -g epubjs jszip``) and drive Debian's Chromium with puppeteer-core;
the test is skipped, saying why, where any is missing. ``node tests/browser/ereader.cjs BOOK.epub DIR 390x700``
saves every page it turned as a PNG, to look at.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZIP_STORED, ZipFile

import pytest
from conftest import Builder
from test_axe import node_env

pytestmark = pytest.mark.slow

RUNNER = Path(__file__).parent / "browser" / "ereader.cjs"
SIZES = ("390x700", "768x1024")  # a phone and a tablet, upright


def read(book: Path) -> list[dict[str, Any]]:
    """What epub.js met on every page of ``book``, per screen size."""
    env = node_env()
    probe = subprocess.run(
        ["node", "-e", "require.resolve('epubjs'); require.resolve('jszip')"], env=env, capture_output=True
    )
    if probe.returncode:
        pytest.skip("epubjs or jszip missing (npm install -g epubjs jszip)")
    result = subprocess.run(
        ["node", str(RUNNER), str(book), "-", *SIZES],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


@pytest.fixture(scope="module", params=["seed", "R48913"])
def reading(request: pytest.FixtureRequest) -> list[dict[str, Any]]:
    builder: Builder = request.getfixturevalue("editions" if request.param == "seed" else "r48913_editions")
    (book,) = builder("epub").glob("*.epub")
    return read(book)


def test_every_contents_entry_leads_to_a_page_and_nothing_raises(reading: list[dict[str, Any]]) -> None:
    for size in reading:
        assert size["toc"] > 0, size["size"]
        assert size["unresolved"] == [], size["size"]
        assert size["errors"] == [], size["size"]


def test_every_chapter_shows_its_pages_with_their_images(reading: list[dict[str, Any]]) -> None:
    for size in reading:
        for item in size["spine"]:
            assert item["pages"] >= 1, (size["size"], item["href"])
            assert item["broken"] == [], (size["size"], item["href"])
        assert sum(item["words"] for item in size["spine"]) > 1000, size["size"]  # the paper, not a shell


def test_nothing_is_wider_than_the_reading_column(reading: list[dict[str, Any]]) -> None:
    wide = [(size["size"], item["href"], line) for size in reading for item in size["spine"] for line in item["wide"]]
    assert wide == []


def test_numbers_and_captions_stay_with_what_they_label(reading: list[dict[str, Any]]) -> None:
    """An equation's number beside its equation; a table's caption on the page where its table starts."""
    apart = [(size["size"], item["href"], item["apart"]) for size in reading for item in size["spine"] if item["apart"]]
    assert apart == []


def tiny_book(path: Path, body: str) -> Path:
    """A one-chapter EPUB 3 with ``body`` as its chapter's body."""
    chapter = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="en">'
        f"<head><title>c</title></head><body>{body}</body></html>"
    )
    nav = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops" lang="en"><head><title>n</title></head><body>'
        '<nav epub:type="toc"><ol><li><a href="c.xhtml">Chapter</a></li></ol></nav></body></html>'
    )
    opf = (
        '<?xml version="1.0" encoding="utf-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x'
        "</dc:identifier><dc:title>t</dc:title><dc:language>en</dc:language></metadata><manifest>"
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        '<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest>'
        '<spine><itemref idref="c"/></spine></package>'
    )
    container = (
        '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
        '<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles>'
        "</container>"
    )
    with ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/epub+zip", compress_type=ZIP_STORED)
        for name, text in [("META-INF/container.xml", container), ("content.opf", opf), ("nav.xhtml", nav)]:
            book.writestr(name, text, compress_type=ZIP_DEFLATED)
        book.writestr("c.xhtml", chapter, compress_type=ZIP_DEFLATED)
    return path


def test_the_check_sees_a_wide_table_and_a_missing_image(tmp_path: Path) -> None:
    """The check can fail: a table twice a phone's width and an image the book does not hold are both seen."""
    body = '<p>Words.</p><table style="width:600px"><tr><td>a</td></tr></table><img src="gone.png" alt="gone"/>'
    (phone, tablet) = read(tiny_book(tmp_path / "bad.epub", body))
    (item,) = phone["spine"]
    assert item["broken"] == ["gone.png"]
    assert any(line.startswith("<table> 600 px") for line in item["wide"])
    assert not any(line.startswith("<table>") for line in tablet["spine"][0]["wide"])  # 600 px fits a tablet


def test_the_check_sees_an_equation_number_under_its_equation(tmp_path: Path) -> None:
    """A number floated right after its display equation drops below it; one beside it (a flex row) is not seen."""
    math = '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><mi>x</mi></math>'
    under = f'<div class="math">{math}<span class="eqno" style="float: right">(1)</span></div>'
    beside = f'<div class="math" style="display: flex">{math}<span class="eqno">(2)</span></div>'
    (phone, _) = read(tiny_book(tmp_path / "eq.epub", f"<p>Words.</p>{under}{beside}"))
    assert phone["spine"][0]["apart"] == ["(1)"]


def test_the_check_sees_a_caption_apart_from_its_table(tmp_path: Path) -> None:
    """A caption left on one page, its rows forced onto the next, is seen; a caption with its rows is not."""
    rows = "<tr><td>a</td></tr>" * 3
    apart = (
        f'<table><caption>Apart</caption><tbody><tr style="break-before: column"><td>a</td></tr>{rows}</tbody></table>'
    )
    kept = f"<table><caption>Kept</caption><tbody>{rows}</tbody></table>"
    (phone, _) = read(tiny_book(tmp_path / "caption.epub", f"<p>Words.</p>{kept}{apart}"))
    assert phone["spine"][0]["apart"] == ["Apart"]


def test_a_table_just_narrower_than_the_column_is_not_wide(tmp_path: Path) -> None:
    body = '<p>Words.</p><table style="width:300px"><tr><td>a</td></tr></table>'
    (phone, _) = read(tiny_book(tmp_path / "ok.epub", body))
    assert phone["spine"][0]["wide"] == []
