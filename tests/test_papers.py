"""Further papers written for the tests: the same code recovers papers laid out differently.

Each ``fixtures/papers/NAME.txt`` has its expected output beside it (``NAME.expected/``);
``UPDATE_FIXTURES=1 pytest tests/test_papers.py`` rewrites them — review the diff before committing.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import DOCS, make_builder
from paper2myst.diagnostics import Kind
from paper2myst.emit import emit
from paper2myst.model import Document, Heading, Paragraph
from paper2myst.pipeline import convert

PAPERS = Path(__file__).parent / "fixtures" / "papers"
NAMES = sorted(p.stem for p in PAPERS.glob("*.txt"))


def load(name: str) -> Document:
    return convert((PAPERS / f"{name}.txt").read_bytes(), f"refs/{name}.txt")


def only_unlisted_citations(doc: Document) -> bool:
    """The papers cite a news item or two they do not list: the editor is told, nothing else."""
    return all(d.kind is Kind.UNLISTED_CITATION for d in doc.diagnostics)


@pytest.mark.parametrize("name", NAMES)
def test_expected_output(name: str) -> None:
    doc = load(name)
    output = emit(doc, "en", "../refs/references.bib")
    files = dict(output.pages)
    if output.bibtex:
        files["references.bib"] = output.bibtex
    expected_dir = PAPERS / f"{name}.expected"
    if os.environ.get("UPDATE_FIXTURES"):
        expected_dir.mkdir(exist_ok=True)
        for old in expected_dir.iterdir():
            old.unlink()
        for file, text in files.items():
            (expected_dir / file).write_text(text, encoding="utf-8")
    expected = {p.name: p.read_text(encoding="utf-8") for p in expected_dir.iterdir()}
    assert files == expected


def test_two_authors_and_capitalised_continuation() -> None:
    doc = load("jordan-basin")
    assert doc.front.authors == ["Marta Rossi", "Karim Haddad"]
    assert only_unlisted_citations(doc)
    headings = [h.text for h in doc.body if isinstance(h, Heading)]
    assert "Introduction" not in headings
    assert headings[-1] == "Conclusion"  # an unnumbered last section
    joined = [p for p in doc.body if isinstance(p, Paragraph) and p.joins]
    assert len(joined) == 1
    # The cut fell before a capitalised word: still one paragraph.
    assert "signed by Jordan and Israel in the same year" in joined[0].text
    notes = {n.label: n for n in doc.notes}
    assert notes["2"].continued and notes["2"].text.endswith("I.B. Tauris, 2008, p. 74-80.")
    # The continuation came after a later page's body, right before that page's first note.
    assert notes["2"].span.lines[-1] > notes["*"].span.first
    assert notes["3"].text == "Ibid., p. 112."
    assert "cit." in notes["4"].text


def test_three_authors_note_continued_a_page_later() -> None:
    doc = load("sahel-security")
    assert doc.front.authors == ["Aïssata Diallo", "Pierre Lefèvre", "Lena Schmidt"]
    assert only_unlisted_citations(doc)
    assert [n.label for n in doc.notes if n.continued] == ["2"]
    note = next(n for n in doc.notes if n.label == "2")
    assert "described as contrary to the interests of the nation." in note.text
    headings = [h.text for h in doc.body if isinstance(h, Heading)]
    assert headings == ["1. The end of an intervention", "2. Partners of circumstance", "Background", "Conclusion"]
    paragraphs = [p for p in doc.body if isinstance(p, Paragraph)]
    assert any("trained more than thirty thousand" in p.text for p in paragraphs)
    assert len(doc.references) == 2


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_builds_every_edition_with_the_same_conf(name: str, tmp_path: Path) -> None:
    """The test papers go through the real docs/ configuration: HTML, EPUB and PDF, no warnings."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("_build", "*.md", "paper.json"))
    (tmp_path / "refs").mkdir()
    for file in (PAPERS / f"{name}.expected").iterdir():
        target = tmp_path / "refs" / file.name if file.suffix == ".bib" else docs / file.name
        shutil.copy(file, target)
    build = make_builder(docs, tmp_path / "_build")
    for builder in ["epub", "pdf", "html"]:
        build(builder)
    paper = json.loads((docs / "paper.json").read_text(encoding="utf-8"))
    assert (tmp_path / "_build" / "pdf" / f"{paper['name']}.pdf").stat().st_size > 0
    assert (tmp_path / "_build" / "epub" / f"{paper['name']}.epub").stat().st_size > 0
    html = (tmp_path / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert html.count('role="doc-noteref"') == len(load(name).notes)
    assert 'href="#cite-' in html  # the notes' citations link to the bibliography
