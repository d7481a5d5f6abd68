"""The Typst translator: hostile text stays text, URLs are cut where a reader expects, the doctree is untouched."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from conftest import DOCS
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from pypdf import PdfReader

sys.path.insert(0, str(DOCS / "_ext"))
import pdfbuilder
import typst_writer

# Each line is one paragraph: Typst markup, shorthands, line-start markers, comments, URLs, escapes.
HOSTILE = [
    '#set text(fill: red) #import "x": * #let a = 1 #{a}',
    "@ref <label> $x^2$ *bold* _em_ `raw` back\\slash \\ and \\u{41} and \\#",
    "= Not a heading",
    "- not a list item",
    "+ not a numbered item",
    "/ Not: a term",
    "1. not an enumeration",
    "// not a comment /* nor this */ https://example.com/a_b?c=d&e#f",
    "--- em -- en ... ellipsis ~ tilde -? soft 'single' \"double\" [brackets] {braces} (parens)",
    ']) ]; } #) a: b; c "',
]


def tree_of(paragraphs: list[str]) -> nodes.document:
    document = new_document("<test>", get_default_settings(Parser))
    section = nodes.section(ids=["s"])
    section += nodes.title("", "A title")
    for text in paragraphs:
        section += nodes.paragraph("", "", nodes.Text(text))
    document += section
    return document


def typeset(markup: str, tmp_path: Path) -> PdfReader:
    """Typeset a body with the real template and fonts."""
    shutil.copy(DOCS / "_ext" / "print.typ", tmp_path / "print.typ")
    meta = {"title": "T", "authors": ["A"], "byline": "A", "date": None} | {
        k: None for k in pdfbuilder.PUBLICATION_KEYS
    }
    fields = "".join(f"{key}: {pdfbuilder.typst_value(value)}, " for key, value in meta.items())
    source = tmp_path / "test.typ"
    source.write_text(
        f'#import "print.typ": *\n#let meta = ({fields})\n#show: paper.with(..meta)\n'
        f"#set text(hyphenate: false)\n{markup}",
        encoding="utf-8",
    )
    import typst

    files = pdfbuilder.font_files(["fontpkg_ibm_plex_serif", "fontpkg_noto_serif"])  # as print.typ names them
    fonts = typst.Fonts(  # as the PDF builder: Typst's own fonts for its maths face
        include_system_fonts=False, include_embedded_fonts=True, font_paths=sorted({str(f.parent) for f in files})
    )
    pdf, warnings = typst.compile_with_warnings(source, root=tmp_path, font_paths=fonts, pdf_standards=["ua-1"])
    assert not warnings, [w.message for w in warnings]
    (tmp_path / "test.pdf").write_bytes(pdf)
    return PdfReader(tmp_path / "test.pdf")


def test_hostile_text_is_printed_as_written(tmp_path: Path) -> None:
    tree = tree_of(HOSTILE)
    context = typst_writer.collect(tree, [])
    reader = typeset(typst_writer.translate(tree, context, "index"), tmp_path)
    printed = "".join(page.extract_text() for page in reader.pages)
    squashed = re.sub(r"\s+", "", printed)
    for line in HOSTILE:
        assert re.sub(r"\s+", "", line) in squashed, line


def test_the_doctree_is_not_changed() -> None:
    tree = tree_of(HOSTILE)
    before = tree.pformat()
    typst_writer.translate(tree, typst_writer.collect(tree, []), "index")
    assert tree.pformat() == before


@pytest.mark.parametrize(
    ("url", "pieces"),
    [
        (
            "https://www.europarl.europa.eu/thinktank/en/document/EPRS_STU(2022)734676",
            ["https://www.europarl", ".europa", ".eu/", "thinktank/", "en/", "document/", "EPRS", "_STU(2022)734676"],
        ),
        ("https://europa.eu/!VBPjtm", ["https://europa", ".eu/", "!VBPjtm"]),
        ("http://a.b/c/?d=e&f=g", ["http://a", ".b/", "c/", "?d", "=e", "&f", "=g"]),
        ("www.iai.it", ["www.iai", ".it"]),
    ],
)
def test_url_pieces(url: str, pieces: list[str]) -> None:
    assert typst_writer.url_pieces(url) == pieces
    assert "".join(pieces) == url


def test_string_literals_escape_only_what_a_string_needs() -> None:
    assert typst_writer.string('a "b" \\ c\nd') == '"a \\"b\\" \\\\ c\\nd"'
    assert typst_writer.text("x\n  y") == '#"x y";'


def test_a_link_to_nothing_in_print_is_text_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    tree = tree_of(["See "])
    paragraph = next(iter(tree.findall(nodes.paragraph)))
    paragraph += nodes.reference("", "the web-only part", refid="web-only", internal=True)
    markup = typst_writer.translate(tree, typst_writer.collect(tree, []), "index")
    assert "not in print" in caplog.text
    reader = typeset(markup, tmp_path)
    assert "See the web-only part" in reader.pages[0].extract_text()
    assert not reader.pages[0].get("/Annots")


def test_a_table_read_from_a_paper_is_typeset_as_a_table_over_pages(tmp_path: Path) -> None:
    """A list-table as emit writes it: caption above, header again on each page it runs over, PDF/UA clean.

    (A Typst table in a figure, tagged as the PDF/UA standard asks: no warning.)
    """
    from myst_parser.parsers.docutils_ import Parser as MystParser
    from paper2myst.emit import table
    from paper2myst.model import Span, Table, TableCell

    body = [[TableCell(f"Row {k}"), TableCell(f"{k * 7}", marks="a" if k == 3 else "")] for k in range(90)]
    node = Table(
        "Table 2. A long table",
        Span((1,)),
        [[TableCell("Name"), TableCell("Votes")]],
        body,
        2,
        ["Source: made up."],
        "table-2",
    )
    from docutils.core import publish_doctree

    tree = publish_doctree(table(node, frozenset()), parser=MystParser())
    context = typst_writer.collect(tree, [])
    markup = typst_writer.translate(tree, context, "index")
    assert "kind: table" in markup and "table.header(" in markup
    reader = typeset(markup, tmp_path)
    assert len(reader.pages) >= 2  # breakable: the table runs on to the next page
    first, second = (page.extract_text() for page in reader.pages[:2])
    assert first.index("Table 2. A long table") < first.index("Row 0")  # the caption above the table
    assert "Name" in second and "Votes" in second  # the header again on the next page
    assert "Source: made up." in "".join(page.extract_text() for page in reader.pages)


def test_a_hard_line_break_is_a_line_break_in_print(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """MyST's hard break (an address's lines) is an HTML and a LaTeX raw node side by side: a line break in print.

    A raw node alone is still not printed, with a warning.
    """
    tree = tree_of(["1 Example Street"])
    paragraph = next(iter(tree.findall(nodes.paragraph)))
    paragraph += [nodes.raw("", "<br />\n", format="html"), nodes.raw("", "\\\\\n", format="latex")]
    paragraph += nodes.Text("00100 Example City")
    markup = typst_writer.translate(tree, typst_writer.collect(tree, []), "index")
    assert '#"1 Example Street";#linebreak()#"00100 Example City";' in markup
    assert "not printed" not in caplog.text
    lines = typeset(markup, tmp_path).pages[0].extract_text().splitlines()
    assert "1 Example Street" in lines and "00100 Example City" in lines
    lone = tree_of(["x"])
    next(iter(lone.findall(nodes.paragraph))).append(nodes.raw("", "<br />\n", format="html"))
    typst_writer.translate(lone, typst_writer.collect(lone, []), "index")
    assert "raw html is not printed" in caplog.text
