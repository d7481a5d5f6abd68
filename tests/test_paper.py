"""The paper itself: the converter recovers its structure exactly as the hand-written gold file says."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from paper2myst.emit import emit
from paper2myst.model import DateLine, Document, Heading, Paragraph
from paper2myst.pipeline import convert, placed_lines

GOLD = json.loads((Path(__file__).parent / "fixtures" / "paper" / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def lines(paper_source: Path) -> list[str]:
    return paper_source.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def doc(paper_source: Path) -> Document:
    return convert(paper_source.read_bytes(), "refs/paper.txt")


def joined(lines: list[str], numbers: list[int]) -> str:
    return " ".join(lines[n - 1].strip() for n in numbers)


def test_front(doc: Document, lines: list[str]) -> None:
    front = doc.front
    assert front.title == lines[GOLD["title_lines"][0] - 1]
    assert [s.first for s in front.title_spans] == GOLD["title_lines"]
    assert [s.first for s in front.byline_spans] == GOLD["byline_lines"]
    assert front.authors == GOLD["authors"]
    assert front.author_note_marker
    assert [p.span.lines for p in front.abstract] == [tuple(GOLD["abstract_lines"])]
    assert front.keywords_line == lines[GOLD["keywords_line"] - 1]
    assert len(front.keywords) == 5
    assert sorted(s.first for s in front.label_spans) == sorted([*GOLD["labels"], GOLD["keywords_line"]])


def test_headings(doc: Document) -> None:
    headings = [(h.span.first, h.text) for h in doc.body if isinstance(h, Heading)]
    assert headings == [tuple(h) for h in GOLD["headings"]]


def test_paragraphs(doc: Document, lines: list[str]) -> None:
    paragraphs = [p for p in doc.body if isinstance(p, Paragraph)]
    assert [list(p.span.lines) for p in paragraphs] == GOLD["paragraphs"]
    for paragraph, numbers in zip(paragraphs, GOLD["paragraphs"], strict=True):
        assert paragraph.text == joined(lines, numbers)
    assert sum(p.joins for p in paragraphs) == 4
    # 34 body paragraphs and the abstract: the 35 paragraphs of the author's text.
    assert len(paragraphs) + len(doc.front.abstract) == 35


def test_body_order(doc: Document) -> None:
    firsts = [n.span.first for n in doc.body]
    assert firsts == sorted(firsts)
    assert isinstance(doc.body[-1], DateLine)
    assert doc.body[-1].span.first == GOLD["date_line"]
    assert doc.body[-1].iso == GOLD["date_iso"]


def test_notes(doc: Document, lines: list[str]) -> None:
    notes = {n.label: n for n in doc.notes}
    assert sorted(notes) == sorted(GOLD["notes"])
    for label, numbers in GOLD["notes"].items():
        note = notes[label]
        assert list(note.span.lines) == numbers, label
        prefix = len(lines[numbers[0] - 1].split(" ", 1)[0]) + 1  # the marker and its space
        expected = GOLD["note_text"].get(label) or joined(lines, numbers)[prefix:]
        assert note.text == expected, label
    assert sorted(n.label for n in doc.notes if n.continued) == ["10", "27"]


def test_references_and_back_matter(doc: Document, lines: list[str]) -> None:
    assert doc.references_heading is not None
    assert doc.references_heading.span.first == GOLD["references_heading"]
    assert [r.span.first for r in doc.references] == GOLD["references"]
    assert [r.text for r in doc.references] == [lines[n - 1] for n in GOLD["references"]]
    assert [b.span.first for b in doc.back_matter] == GOLD["back_matter"]


def test_every_line_is_placed(doc: Document, lines: list[str]) -> None:
    """Faithfulness: each non-blank input line lands in some node of the document (or a diagnostic)."""
    nonblank = {n for n, line in enumerate(lines, start=1) if line.strip()}
    accounted = placed_lines(doc) | {d.line for d in doc.diagnostics}
    assert nonblank - accounted == set()
    assert doc.diagnostics == [] or all(not d.is_error for d in doc.diagnostics)


def test_every_word_is_emitted(doc: Document, lines: list[str]) -> None:
    """Every word of the source appears in the generated MyST pages and .bib as many times as in the source.

    Counts, not sets: a dropped note whose words also stand elsewhere must fail. The title page repeats the
    cover's title and byline; the edition prints them once (the metadata file is not counted).
    """
    output = emit(doc, "en", "../refs/references.bib")
    pages = [text for name, text in output.pages.items() if name.endswith(".md")]
    text = "\n".join([*pages, output.bibtex])

    def words(s: str) -> Counter[str]:
        # Superscript digits are word characters to ``re`` but markers, not words.
        return Counter(re.findall(r"[^\W\d_]{3,}", re.sub("[⁰¹²³⁴⁵⁶⁷⁸⁹]", " ", s)))

    repeats = {n for span in doc.front.title_spans[1:] + doc.front.byline_spans[1:] for n in span.lines}
    # The reference list goes into the .bib as fields (months as ``apr``): its words are checked as a set.
    listed = {n for r in doc.references for n in r.span.lines}
    emitted = words(text.replace("\\", ""))
    source = words("\n".join(line for n, line in enumerate(lines, start=1) if n not in repeats | listed))
    assert source - emitted == Counter()
    assert set(words("\n".join(lines[n - 1] for n in listed))) - set(emitted) == set()
