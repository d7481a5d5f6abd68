"""No fact made up: rights, publisher and authors only as the paper or the editor's publication.toml give them."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import DOCS
from docutils import nodes

sys.path.insert(0, str(DOCS / "_ext"))
import coverart
import pdfbuilder
from paperdata import load

PAPER: dict[str, Any] = json.loads((DOCS / "paper.json").read_text(encoding="utf-8"))


def folder(tmp_path: Path, paper: dict[str, Any], publication: str = "") -> Path:
    (tmp_path / "paper.json").write_text(json.dumps(paper), encoding="utf-8")
    if publication:
        (tmp_path / "publication.toml").write_text(publication, encoding="utf-8")
    return tmp_path


def test_no_copyright_line_nobody_gave(tmp_path: Path) -> None:
    """A date and a publisher (or authors) do not make a "© 2023 Publisher" line."""
    paper = load(folder(tmp_path, PAPER))
    assert paper.year and paper.publisher and paper.authors
    assert (paper.copyright, paper.rights) == ("", "")


def test_public_domain_carried_as_such(tmp_path: Path) -> None:
    """A work in the public domain says so, with no © before it and no holder made up."""
    toml = 'license = "Public domain: not subject to copyright protection in the United States."\n'
    paper = load(folder(tmp_path, {**PAPER, "publisher": ""}, toml))
    assert paper.rights == "Public domain: not subject to copyright protection in the United States"
    assert "©" not in paper.rights


def test_copyright_as_given(tmp_path: Path) -> None:
    """The editor's statement, as written, then the licence; the paper's own statement wins over the editor's."""
    toml = 'copyright = "© 2023 Example Institute"\nlicense = "CC BY 4.0"\n'
    assert load(folder(tmp_path, PAPER, toml)).rights == "© 2023 Example Institute. CC BY 4.0"
    printed = {**PAPER, "copyright": "© The author(s)"}
    assert load(folder(tmp_path, printed, toml)).copyright == "© The author(s)"


def test_sphinx_copyright_setting_is_only_what_was_given() -> None:
    """conf.py: Sphinx's copyright (and author) come from paper.json alone; the seed gives no copyright."""
    import runpy

    conf = runpy.run_path(str(DOCS / "conf.py"))
    assert "copyright" not in PAPER
    assert conf["copyright"] == ""
    assert conf["author"] == ", ".join(PAPER["authors"])


@pytest.mark.parametrize(
    ("pdf", "expected"),
    [
        (b"x/MarkInfo<</Marked true/Suspects false>>y", b"x/MarkInfo<</Marked true               >>y"),
        (b"x/MarkInfo<</Marked true/Suspects true>>y", b"x/MarkInfo<</Marked true/Suspects true>>y"),
        (b"x/MarkInfo<</Marked true>>y", b"x/MarkInfo<</Marked true>>y"),
    ],
)
def test_default_suspects_blanked_in_place(pdf: bytes, expected: bytes) -> None:
    """Only the redundant "/Suspects false" goes (poppler < 23 calls it a syntax error), every offset kept."""
    out = pdfbuilder.without_default_suspects(pdf)
    assert out == expected and len(out) == len(pdf)


def date_tree(text: str) -> nodes.document:
    tree = nodes.document(None, None)  # type: ignore[arg-type]
    section = nodes.section()
    section += nodes.container("", nodes.paragraph("", text), classes=["date"])
    tree += section
    return tree


def test_date_printed_once_on_the_title_page() -> None:
    """The paper's date line leaves the text when it is the date the title page prints (meta.date); else stays."""
    tree = date_tree("Updated 1 November 2023")
    pdfbuilder.move_date_to_title_page(tree, "Updated  1 November 2023")
    assert not [n for n in tree.findall(nodes.container)]
    other = date_tree("Revised 2 November 2023")
    pdfbuilder.move_date_to_title_page(other, "Updated 1 November 2023")
    assert [n.astext() for n in other.findall(nodes.container)] == ["Revised 2 November 2023"]
    none = date_tree("Updated 1 November 2023")
    pdfbuilder.move_date_to_title_page(none, "")
    assert len(list(none.findall(nodes.container))) == 1


def test_accessibility_summary_from_what_the_book_holds() -> None:
    """No fixed sentence: images (all described or not), notes and a bibliography as counted in the book."""
    from ebook import accessibility_summary

    assert accessibility_summary(0, 0, 0, False) == (
        "Text with headings and a navigable table of contents. The only image, the cover, is described by the title."
    )
    assert accessibility_summary(7, 7, 52, False) == (
        "Text with headings, a navigable table of contents and 52 linked notes. "
        "The cover is described by the title; the 7 images in the text each have a text alternative."
    )
    one = accessibility_summary(1, 0, 1, True)
    assert "1 linked note and a bibliography" in one and "0 of the 1 image in the text have" in one


@pytest.mark.parametrize(
    ("language", "locale"),
    [("en-GB", "en_GB"), ("en_gb", "en_GB"), ("en", ""), ("sr-Latn-RS", "sr_RS"), ("de-1996", ""), ("", "")],
)
def test_og_locale_only_with_a_given_territory(language: str, locale: str) -> None:
    from headmeta import og_locale

    assert og_locale(language) == locale


def test_description_falls_back_to_the_first_paragraph() -> None:
    """A report whose summary stands for its abstract: the first paragraph of text, not a header box's."""
    from headmeta import lead

    tree = nodes.document(None, None)  # type: ignore[arg-type]
    section = nodes.section()
    section += nodes.title("", "Title")
    section += nodes.container("", nodes.paragraph("", "April 21, 2026"), classes=["date"])
    summary = nodes.section()
    summary += nodes.title("", "Summary")
    summary += nodes.paragraph("", "Economists have long recognized it.")
    section += summary
    tree += section
    assert lead(tree) == "Economists have long recognized it."
    assert lead(None) == ""


@pytest.mark.parametrize(
    ("text", "links"),
    [
        (
            "Write to iai@iai.it or see www.iai.it.",
            [("iai@iai.it", "mailto:iai@iai.it"), ("www.iai.it", "https://www.iai.it")],
        ),
        ("(r.alcaro@iai.it)", [("r.alcaro@iai.it", "mailto:r.alcaro@iai.it")]),
        (
            "See https://doi.org/10.1234/ab.5, then 10.1234/ab.6.",
            [
                ("https://doi.org/10.1234/ab.5", "https://doi.org/10.1234/ab.5"),
                ("10.1234/ab.6", "https://doi.org/10.1234/ab.6"),
            ],
        ),
        ("an @ sign, user@host, a.b", []),
    ],
)
def test_addresses_printed_as_text_become_links(text: str, links: list[tuple[str, str]]) -> None:
    from paper import ADDRESS, address_uri

    assert [(m.group(), address_uri(m)) for m in ADDRESS.finditer(text)] == links


def test_the_cover_prints_the_date_as_the_paper_does(tmp_path: Path) -> None:
    """One date, one form: the EPUB's cover says what the title pages say ("Updated 1 November 2023")."""
    paper = load(folder(tmp_path, PAPER))
    assert coverart.cover_date(paper) == PAPER["date_text"] == "Updated 1 November 2023"
    iso_only = load(folder(tmp_path, {**PAPER, "date_text": ""}))
    assert coverart.cover_date(iso_only) == "November 2023"  # a date given only as ISO: month and year
    assert coverart.cover_date(load(folder(tmp_path, {**PAPER, "date_text": "", "date": None}))) == ""
