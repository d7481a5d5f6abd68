"""PDFs the converter must not trust: links to addresses an edition must not open, text layers that are no text."""

from __future__ import annotations

from pathlib import Path

import pytest
from paper2myst.cli import main
from paper2myst.diagnostics import Kind
from paper2myst.readers.pdf import read_pdf
from paper2myst.readers.pdf.inline import scheme, trusted_uri
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
