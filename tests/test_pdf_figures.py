"""A PDF's figures and tables kept as images: written under docs/_static/figures/, shown by every edition."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import DOCS, FIXTURES, SOURCE, make_builder
from docutils import nodes
from docutils.core import publish_doctree
from myst_parser.parsers.docutils_ import Parser
from paper2myst.cli import main
from paper2myst.emit import figure
from paper2myst.model import Caption, Image, Span

PDFS = FIXTURES / "pdf"
PNG = b"\x89PNG\r\n\x1a\n"
FIGURE = re.compile(r"^````\{figure\} /_static/figures/(\S+)\n:alt: (\".*\")\n:name: (\S+)\n\n(.+)\n````$", re.M)


class Images(HTMLParser):
    """Every <img> of a page: (src, alt)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            values = dict(attrs)
            self.found.append((values.get("src") or "", values.get("alt") or ""))


def docs_folder(tmp_path: Path) -> Path:
    """The real configuration, extensions and static files, without the committed paper's pages."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("_build", "*.md", "paper.json", "figures"))
    return docs


def convert(name: str, docs: Path, *more: str) -> int:
    return main([str(PDFS / f"{name}.pdf"), "--docs", str(docs), "--bib", str(docs.parent / "refs" / "r.bib"), *more])


@pytest.mark.slow
def test_figures_as_images_and_tables_as_tables_in_the_html(tmp_path: Path) -> None:
    docs = docs_folder(tmp_path)
    figures = docs / "_static" / "figures"
    figures.mkdir()
    (figures / "old-paper-figure-9.png").write_bytes(PNG)  # a previous paper's image: emit owns the folder
    assert convert("R48913", docs) == 0
    truth = json.loads((PDFS / "R48913.truth.json").read_text(encoding="utf-8"))
    images = sorted(p.name for p in figures.iterdir())
    assert len(images) == truth["figures"] == 3  # the four tables are read into cells: tables, not images
    assert all((figures / name).read_bytes().startswith(PNG) for name in images)
    assert (docs / "_static" / "web.css").is_file()  # only the figures folder is emit's
    index = (docs / "index.md").read_text(encoding="utf-8")
    directives = FIGURE.findall(index)
    assert sorted(path for path, *_ in directives) == images  # each image shown by exactly one figure
    for path, alt, name, caption in directives:
        assert path == f"R48913-{name}.png"
        assert caption.startswith("Figure" if name.startswith("figure") else "Table")
        assert json.loads(alt)
    assert convert("R48913", docs, "--check") == 0  # the images compared byte for byte
    html = make_builder(docs, tmp_path / "_build")("html")  # -n -W: no warning
    page = Images()
    page.feed((html / "index.html").read_text(encoding="utf-8"))
    shown = {Path(src).name: alt for src, alt in page.found if "R48913-" in src}
    assert sorted(shown) == images
    assert shown["R48913-figure-1.png"].startswith("Figure 1")  # a chart: its caption says what it shows
    # A table read into cells: a table of the page, its caption its caption, its cells selectable text.
    html_text = (html / "index.html").read_text(encoding="utf-8")
    assert html_text.count("<table") == truth["tables"] == 4
    assert re.search(r'<table[^>]*id="table-1"', html_text)
    assert re.search(r"<th[^>]*>\s*<p>Specification</p>", html_text)
    assert all((html / "_images" / name).read_bytes() == (figures / name).read_bytes() for name in images)


def test_tables_read_into_cells_are_no_images(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = docs_folder(tmp_path)
    assert convert("R48913", docs) == 0
    captured = capsys.readouterr()
    assert "a table kept as an image" not in captured.err
    assert ", 3 images," in captured.out  # the summary counts them: the figures'
    assert "7 figures and tables" in captured.out
    index = (docs / "index.md").read_text(encoding="utf-8")
    assert index.count("{list-table}") == 4 and "```text" not in index


def test_stale_images_go_and_check_sees_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = docs_folder(tmp_path)
    figures = docs / "_static" / "figures"
    assert convert("R48913", docs) == 0
    assert sorted(p.name for p in figures.iterdir()) == [f"R48913-figure-{n}.png" for n in (1, 2, 3)]
    (figures / "other.png").write_bytes(PNG)
    assert convert("R48913", docs, "--check") == 1
    assert "other.png: not made by this conversion" in capsys.readouterr().err
    assert (figures / "other.png").exists()  # --check writes and removes nothing
    # Another paper, by the text route: no images, so the folder's files all go; the rest of _static stays.
    bib = tmp_path / "refs" / "references.bib"
    assert main([str(SOURCE), "--docs", str(docs), "--bib", str(bib)]) == 0
    assert list(figures.iterdir()) == []
    assert "{figure}" not in (docs / "index.md").read_text(encoding="utf-8")
    assert (docs / "_static" / "web.css").is_file()


@pytest.mark.slow
def test_pdf_edition_prints_the_tables_as_tables(tmp_path: Path) -> None:
    docs = docs_folder(tmp_path)
    assert convert("IN12422", docs) == 0
    out = make_builder(docs, tmp_path / "_build")("pdf")
    markup = (out / "IN12422.typ").read_text(encoding="utf-8")
    assert "_images/IN12422-table-" not in markup  # read into cells: no image of them
    assert markup.count("kind: table") == 2
    assert (out / "IN12422.pdf").stat().st_size > 0


def test_caption_and_alt_text_are_the_authors_words_verbatim() -> None:
    """Quotes, backslashes, '#', ':' and markup characters of a caption or of a table's cells reach the reader."""
    node = Caption("table", r'Table 1. The "best" \* rates \\ 50% a\_b: c # d', Span((1,)))
    cells = 'A "quoted" \\ cell: x # y — ü'
    myst = figure(node, Image("table-1.png", b"", 1, cells), "_static/figures/p-table-1.png", frozenset())
    tree = publish_doctree(myst, parser=Parser(), settings_overrides={"report_level": 2, "halt_level": 2})
    assert [n["alt"] for n in tree.findall(nodes.image)] == [cells]
    assert [n.astext() for n in tree.findall(nodes.caption)] == ['Table 1. The "best" * rates \\ 50% a_b: c # d']
