"""PDFs the converter must not trust: links to addresses an edition must not open, text layers that are no text."""

from __future__ import annotations

import io
import math
import re
from pathlib import Path

import pytest
from paper2myst.cli import main
from paper2myst.diagnostics import Kind
from paper2myst.readers.pdf import read_pdf
from paper2myst.readers.pdf.extract import UNREADABLE_SHARE, Font, Page, Run, read_pages, readable, unreadable_share
from paper2myst.readers.pdf.inline import scheme, trusted_uri
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject
from test_untrusted import links_in

PAPER = """\
#set page(paper: "a4", margin: 2.5cm)
#set text(size: 10.5pt)
#text(size: 22pt, weight: "bold")[Rivers That Cross Borders]

by Ana Example

= Introduction

The river has fed both banks for as long as anyone has written about it, and it still does today, though
less each year than the year before. {links}

The second paragraph says more about the river and the towns along it, and what they take from it each
summer when the water runs low and the fields need it most.
"""

LINKS = (
    'Some text with a #link("javascript:alert(document.cookie)")[dangerous link] in the middle, '
    '#link("data:text/html;base64,PHNjcmlwdD4=")[data words], #link("file:///etc/passwd")[file words], '
    '#link("vbscript:msgbox(1)")[basic words] and #link("tel:+15555550100")[phone words]; '
    'a #link("https://example.org/rivers")[good link], a #link("mailto:ana@example.org")[mail link] '
    'and a #link("doi:10.1000/182")[handbook link].'
)
DROPPED = {
    "javascript": "dangerous link",
    "data": "data words",
    "file": "file words",
    "vbscript": "basic words",
    "tel": "phone words",
}


def _pdf(tmp_path: Path, body: str) -> Path:
    typst = pytest.importorskip("typst")
    source = tmp_path / "paper.typ"
    source.write_text(PAPER.format(links=body), encoding="utf-8")
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(typst.compile(str(source)))
    return pdf


def test_untrusted_links_are_dropped_their_words_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = _pdf(tmp_path, LINKS)
    docs = tmp_path / "docs"
    assert main([str(pdf), "--docs", str(docs), "--bib", str(tmp_path / "r.bib")]) == 0
    myst = (docs / "index.md").read_text(encoding="utf-8")
    assert links_in(myst) == ["https://example.org/rivers", "mailto:ana@example.org", "https://doi.org/10.1000/182"]
    for name, words in DROPPED.items():
        assert f"{name}:" not in myst
        assert f" {words}" in myst  # as plain text: no brackets, no escapes around it
    err = capsys.readouterr().err
    for name, words in DROPPED.items():
        assert f"{pdf}:p1: a link to a {name}: address was dropped" in err
        assert f"its words {words!r} are kept as plain text [paper2myst.untrusted_link]" in err


def test_untrusted_link_finding_names_its_line(tmp_path: Path) -> None:
    reading = read_pdf(_pdf(tmp_path, LINKS).read_bytes(), images=False)
    found = [d for d in reading.diagnostics if d.kind is Kind.UNTRUSTED_LINK]
    assert len(found) == len(DROPPED)
    for diagnostic in found:
        words = next(w for w in DROPPED.values() if repr(w) in diagnostic.message)
        assert words.split()[0] in reading.lines[diagnostic.line - 1]


def test_untrusted_link_fails_strict(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path, 'Some text with a #link("javascript:alert(1)")[dangerous link] in it.')
    docs = tmp_path / "docs"
    assert main([str(pdf), "--docs", str(docs), "--bib", str(tmp_path / "r.bib"), "--strict"]) == 2
    assert not docs.exists()


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("https://example.org/a?b=c", "https://example.org/a?b=c"),
        ("http://example.org", "http://example.org"),
        ("HTTPS://example.org", "HTTPS://example.org"),
        ("mailto:ana@example.org", "mailto:ana@example.org"),
        ("ftp://ftp.example.org/file.txt", "ftp://ftp.example.org/file.txt"),
        ("doi:10.1000/182", "https://doi.org/10.1000/182"),
        ("DOI:10.1000/182", "https://doi.org/10.1000/182"),
        ("doi: 10.1000/182", "https://doi.org/10.1000/182"),
        ("www.example.org/reprints", "www.example.org/reprints"),  # no scheme: runs nothing, kept as it was
        ("", ""),  # a link inside the document
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        (" \x01javascript:alert(1)", None),  # a browser strips leading controls and spaces
        ("java\tscript:alert(1)", None),  # ... and drops tabs and newlines anywhere
        ("java\nscript:alert(1)", None),
        ("javascript&colon;alert(1)", None),  # a Markdown reader decodes entities in a destination
        ("&#106;avascript:alert(1)", None),
        ("vbscript:msgbox(1)", None),
        ("data:text/html;base64,PHNjcmlwdD4=", None),
        ("file:///etc/passwd", None),
        ("tel:+15555550100", None),
    ],
)
def test_trusted_uri(uri: str, expected: str | None) -> None:
    assert trusted_uri(uri) == expected


def test_scheme() -> None:
    assert scheme("HTTPS://example.org") == "https"
    assert scheme("www.example.org") == ""
    assert scheme("\x00 JavaScript:x") == "javascript"


def _without_unicode_maps(pdf: bytes, font: str = "") -> bytes:
    """The PDF with the Unicode maps (ToUnicode) of its fonts named ``font`` taken out ("" for every font).

    Typst subsets its fonts with glyph codes from 1, so PDFium reads such a font's glyphs as control characters:
    a PDF made by a producer that writes no Unicode maps.
    """
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        for ref in page["/Resources"]["/Font"].values():
            entry = ref.get_object()
            if font in str(entry["/BaseFont"]):
                del entry[NameObject("/ToUnicode")]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def test_text_layer_without_unicode_maps_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "garbled.pdf"
    pdf.write_bytes(_without_unicode_maps(_pdf(tmp_path, LINKS).read_bytes()))
    docs, bib = tmp_path / "docs", tmp_path / "r.bib"
    assert main([str(pdf), "--docs", str(docs), "--bib", str(bib)]) == 2
    err = capsys.readouterr().err
    assert f"{pdf}: the PDF's text layer is not readable text (100% of its characters" in err
    assert "it needs OCR first [paper2myst.no_text]" in err
    assert "verdict: nothing written — the input cannot be converted: 1 error (no_text)" in err
    assert "--strict" not in err  # not given, and no reason for the refusal
    assert not docs.exists() and not bib.exists()


def _mixed(tmp_path: Path, unreadable: int) -> bytes:
    """The paper with ``unreadable`` characters set in a font without a Unicode map, the rest readable."""
    garbled = f'and #text(font: "DejaVu Sans Mono")[{"x" * unreadable}] end.'
    return _without_unicode_maps(_pdf(tmp_path, garbled).read_bytes(), font="Mono")


def _at_the_threshold(tmp_path: Path) -> tuple[int, int]:
    """The most unreadable characters the paper may have and still be read, and one more."""
    readable = round(1 / unreadable_share(read_pages(_mixed(tmp_path, 1)))) - 1
    inside = math.floor(UNREADABLE_SHARE * readable / (1 - UNREADABLE_SHARE))
    return inside, inside + 1


def test_unreadable_share_threshold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inside, outside = _at_the_threshold(tmp_path)
    just_inside, just_outside = _mixed(tmp_path, inside), _mixed(tmp_path, outside)
    assert unreadable_share(read_pages(just_inside)) <= UNREADABLE_SHARE < unreadable_share(read_pages(just_outside))
    pdf = tmp_path / "outside.pdf"
    pdf.write_bytes(just_outside)
    assert main([str(pdf), "--docs", str(tmp_path / "no"), "--bib", str(tmp_path / "no.bib")]) == 2
    assert "the PDF's text layer is not readable text" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()
    pdf = tmp_path / "inside.pdf"
    pdf.write_bytes(just_inside)
    docs = tmp_path / "docs"
    assert main([str(pdf), "--docs", str(docs), "--bib", str(tmp_path / "r.bib")]) == 0
    err = capsys.readouterr().err
    assert (
        f"{pdf}:p1: {inside} characters on page 1 stand for no text (a font without a Unicode map?): "
        "each is written as U+FFFD (\ufffd); check the page against the PDF [paper2myst.unreadable_text]"
    ) in err
    myst = (docs / "index.md").read_text(encoding="utf-8")
    assert f"and {chr(0xFFFD) * inside} end." in myst
    for written in docs.rglob("*"):
        if written.is_file() and written.suffix in {".md", ".py", ".txt", ".bib"}:
            assert not CONTROL.search(written.read_text(encoding="utf-8")), written


@pytest.mark.parametrize(("count", "said"), [(1, "1 character on page 1 stands"), (3, "3 characters on page 1 stand")])
def test_unreadable_finding_names_its_line(tmp_path: Path, count: int, said: str) -> None:
    reading = read_pdf(_mixed(tmp_path, count), images=False)
    found = [d for d in reading.diagnostics if d.kind is Kind.UNREADABLE_TEXT]
    assert len(found) == 1 and found[0].message.startswith(f"{said} for no text")
    assert "\ufffd" * count in reading.lines[found[0].line - 1]
    assert not any(CONTROL.search(line) for line in reading.lines)


@pytest.mark.parametrize(
    ("text", "expected", "count"),
    [
        ("plain words", "plain words", 0),
        ("tab\tand\nnew\r\nlines", "tab\tand\nnew\r\nlines", 0),
        ("hyphen\x02", "hyphen\x02", 0),  # PDFium's line-end hyphen
        ("hyphen\x02 ", "hyphen\x02 ", 0),
        ("\x02", "\x02", 0),  # the hyphen drawn alone
        ("\x01\x02\x03", "\ufffd\ufffd\ufffd", 3),
        ("\x01\x02", "\ufffd\x02", 1),  # a run's last \x02 is taken for the hyphen (one character of doubt)
        ("a\x7fb\x85c", "a\ufffdb\ufffdc", 2),  # DEL, a C1 control
        ("bullet \uf0b7 and \U000f0001", "bullet \ufffd and \ufffd", 2),  # private use
        ("lost \ufffd", "lost \ufffd", 1),
        ("soft\xadhyphen, no\u00a0break", "soft\xadhyphen, no\u00a0break", 0),
    ],
)
def test_readable(text: str, expected: str, count: int) -> None:
    assert readable(text) == (expected, count)


def _page(*texts: str) -> Page:
    font = Font("Serif", bold=False, italic=False)
    return Page(1, 600, 800, 0, runs=[Run(t, 0, 10, 0, 10, 0, 10, font) for t in texts])


def test_unreadable_share_counts_characters_not_spaces() -> None:
    assert unreadable_share([]) == 0.0
    assert unreadable_share([_page("a b\tc\n", "\x01 ")]) == 0.25
    # The threshold itself is still read: one character in twenty; one in nineteen is not.
    assert unreadable_share([_page("\x01" + "a" * 19)]) == UNREADABLE_SHARE
    assert unreadable_share([_page("\x01" + "a" * 18)]) > UNREADABLE_SHARE
