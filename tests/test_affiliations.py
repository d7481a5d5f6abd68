"""A journal's affiliations and history: read from the first page, kept as printed, written and set in the editions."""

from __future__ import annotations

import json
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import DOCS
from paper2myst.emit import metadata
from paper2myst.model import BlockKind, Document, Front
from paper2myst.readers import Reading
from paper2myst.readers.pdf import build
from paper2myst.readers.pdf.extract import Box, Font, Page, Run
from paper2myst.readers.pdf.front import (
    ALIGNED,
    affiliation_lines,
    by_name,
    foot_entries,
    grid_entries,
)
from paper2myst.readers.pdf.lines import Line, make_line
from paper2myst.stages.structure import front_from

ROMAN = Font("Serif", False, False)
BOLD = Font("Serif-Bold", True, False)
BODY = "This line of the body runs on as a paragraph of ordinary text does, across the measure of the page."
AFFILIATION = "Imaginary University, Springfield, XY 12345"
FOOT = "Made-up Institute, Shelbyville, XY 67890. email: bea@example.org"


def run(text: str, x: float, y: float, size: float = 10.0, font: Font = ROMAN) -> Run:
    """A run of ``text`` at (x, baseline y), its width guessed from its length."""
    return Run(text, x, x + len(text) * size * 0.5, y - size * 0.2, y + size * 0.8, y, size, font)


def page(number: int, runs: list[Run]) -> Page:
    return Page(number, 612.0, 792.0, 0, runs)


def body(y0: float, count: int) -> list[Run]:
    return [run(BODY, 72, y0 - i * 12) for i in range(count)]


def journal() -> Reading:
    """A made-up journal's first page: names, an affiliation and a line of marks under them, history, badge, foot."""
    first = [run("Rivers and the Made-up Lakes of the North", 72, 720, 24, BOLD)]
    first += [run("Ada Tester and Bea Sample", 72, 680, 12), run("1,2", 72, 670, 6)]
    first += [run(AFFILIATION, 72, 662, 9)]
    first += [run("Received: 3 May 2026", 72, 630), run("Accepted: 9 June 2026", 72, 618)]
    first += [run("Check for updates", 72, 606), *body(570, 30), run(FOOT, 72, 60, 8.5)]
    return build([page(1, first), page(2, body(700, 40))])


def front_of(reading: Reading) -> Front:
    assert reading.evidence is not None
    return front_from(reading.evidence)[0]


def test_a_journals_affiliations_and_history_are_the_fronts_each_line_as_printed() -> None:
    reading = journal()
    front = front_of(reading)
    assert front.authors == ["Ada Tester", "Bea Sample"]
    assert front.affiliations == [AFFILIATION, FOOT]  # under the names, then at the foot: in order
    assert front.history == ["Received: 3 May 2026"]  # "Accepted", the date, is shown once, as the date
    texts = [b.text for b in reading.blocks if b.kind is not BlockKind.FURNITURE]
    assert not any(AFFILIATION in t or "bea@example.org" in t or t.startswith("Received") for t in texts)
    # Placed lines leave the findings; the badge and the names' marks, no field's, stay in one (none lost).
    messages = " ".join(d.message for d in reading.diagnostics)
    assert "Check for updates" in messages and "'1,2'" in messages
    assert AFFILIATION not in messages and "Received" not in messages


def test_paper_json_holds_the_affiliations_and_history_and_omits_them_when_none_is_printed() -> None:
    front = front_of(journal())
    data = json.loads(metadata(Document(front=front), "en", ""))
    assert data["affiliations"] == [AFFILIATION, FOOT] and data["history"] == ["Received: 3 May 2026"]
    data = json.loads(metadata(Document(front=Front(title="Rivers")), "en", ""))
    assert "affiliations" not in data and "history" not in data


def test_the_editions_read_the_affiliations_and_history_from_paper_json(tmp_path: Path) -> None:
    sys.path.insert(0, str(DOCS / "_ext"))
    from paperdata import load

    paper = {"name": "x", "title": "Rivers", "affiliations": [AFFILIATION], "history": ["Received: 3 May 2026"]}
    (tmp_path / "paper.json").write_text(json.dumps(paper))
    publication = load(tmp_path)
    assert (publication.affiliations, publication.history) == ((AFFILIATION,), ("Received: 3 May 2026",))
    (tmp_path / "paper.json").write_text(json.dumps({"name": "x", "title": "Rivers"}))
    assert (load(tmp_path).affiliations, load(tmp_path).history) == ((), ())


@pytest.mark.slow
def test_the_editions_set_the_affiliations_and_history_under_the_authors(tmp_path: Path) -> None:
    """The web header, the EPUB's and the PDF title page print each affiliation line and the history."""
    from conftest import sphinx_build
    from pypdf import PdfReader

    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("_build", "__pycache__", "*.md", "paper.json"))
    paper = {"name": "affil", "title": "A Paper With Affiliations", "byline": "", "authors": ["Ada Example"]}
    paper |= {"affiliations": [AFFILIATION, FOOT], "history": ["Received: 3 May 2026", "Revised: 1 June 2026"]}
    paper |= {"language": "en", "date": "2026-06-09", "date_text": "Accepted: 9 June 2026"}
    (docs / "paper.json").write_text(json.dumps(paper), encoding="utf-8")
    (docs / "index.md").write_text("# A Paper With Affiliations\n\nA claim of no consequence.\n", encoding="utf-8")
    for builder in ("html", "epub", "pdf"):
        result = sphinx_build(docs, tmp_path / "_build" / builder, builder, tmp_path / "dt")
        assert result.returncode == 0 and not result.stderr.strip(), result.stdout + result.stderr
    page = (tmp_path / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert f'<p class="paper-affiliation">{AFFILIATION}</p>' in page
    assert '<p class="paper-history">Received: 3 May 2026 · Revised: 1 June 2026</p>' in page
    with zipfile.ZipFile(tmp_path / "_build" / "epub" / "affil.epub") as book:
        xhtml = next(book.read(n).decode() for n in book.namelist() if n.endswith("index.xhtml"))
    assert f'<p class="paper-affiliation">{AFFILIATION}</p>' in xhtml and "Received: 3 May 2026" in xhtml
    first = " ".join(PdfReader(tmp_path / "_build" / "pdf" / "affil.pdf").pages[0].extract_text().split())
    assert AFFILIATION in first and "bea@example.org" in first and "Received: 3 May 2026" in first


@pytest.mark.parametrize(("raised", "apart"), [(8.0, True), (9.0, False)])
def test_a_row_of_marks_less_than_a_foot_lines_size_over_it_is_the_affiliations(raised: float, apart: bool) -> None:
    # The affiliation's marks "1,2", set raised on a row of their own over the foot's first line (8.5 points).
    first = [run("Rivers and the Made-up Lakes of the North", 72, 720, 24, BOLD), *body(680, 40)]
    first += [run("1,2", 66, 60 + raised, 5), run(FOOT, 72, 60, 8.5)]
    reading = build([page(1, first), page(2, body(700, 40))])
    assert front_of(reading).affiliations == [FOOT]
    texts = [b.text for b in reading.blocks if b.kind is not BlockKind.FURNITURE]
    assert ("1,2" not in texts) is apart
    assert any("'1,2'" in d.message for d in reading.diagnostics) is apart


def test_a_grid_of_names_gives_its_affiliations_author_by_author() -> None:
    """Two rows of two names, each over its own institution and place: read name by name, not row by row."""
    names, under = [], []
    for y, (left, right) in ((700, ("Ada Tester", "Bea Sample")), (640, ("Cy Example", "Di Person"))):
        names += [make_line(1, [run(left, 100, y, 12)], 0), make_line(1, [run(right, 300, y, 12)], 0)]
        for step, (a, b) in ((12, ("Imaginary University", "Made-up Institute")), (24, ("Springfield", "Ogdenville"))):
            under += [make_line(1, [run(f"{a} {y}", 90, y - step, 9)], 0)]
            under += [make_line(1, [run(f"{b} {y}", 290, y - step, 9)], 0)]
    found = affiliation_lines([*names, *under], names)
    assert [ln.text for ln in by_name(found, names)] == [
        "Imaginary University 700",
        "Springfield 700",
        "Made-up Institute 700",
        "Ogdenville 700",
        "Imaginary University 640",
        "Springfield 640",
        "Made-up Institute 640",
        "Ogdenville 640",
    ]


def block(name: str, x: float, y: float, lines: list[str]) -> tuple[Line, list[Line]]:
    """A name at (x, y) and its affiliation's lines under it, a line each 11 points apart, in smaller type."""
    under = [make_line(1, [run(text, x, y - 11 * (i + 1), 9)], 0) for i, text in enumerate(lines)]
    return make_line(1, [run(name, x, y, 12)], 0), under


WRAPPED = ["Department of Rivers and", "Made-up Lakes", "Imaginary University", "Springfield, XY"]


def test_a_grid_gives_one_affiliation_a_name_its_lines_its_fields_and_the_same_one_once() -> None:
    """A block wrapped over lines is one entry: a line ending in a small word goes on, the others are fields."""
    ada, ada_lines = block("Ada Tester", 90, 700, WRAPPED)
    bea, bea_lines = block("Bea Sample", 290, 700, WRAPPED)
    cy, cy_lines = block("Cy Example", 490, 700, ["Made-up Institute", "Ogdenville"])
    entries = grid_entries([*ada_lines, *bea_lines, *cy_lines], [ada, bea, cy])
    assert [e.text for e in entries] == [
        "Department of Rivers and Made-up Lakes, Imaginary University, Springfield, XY",
        "Made-up Institute, Ogdenville",
    ]


def test_side_by_side_blocks_read_as_one_row_are_cut_under_their_names() -> None:
    """The row finder joins two blocks' lines set a gap apart: each piece goes to the name it stands under."""
    ada, bea = make_line(1, [run("Ada Tester", 90, 700, 12)], 0), make_line(1, [run("Bea Sample", 290, 700, 12)], 0)
    row = make_line(1, [run("Imaginary University", 80, 689, 9), run("Made-up Institute", 280, 689, 9)], 0)
    place = make_line(1, [run("Springfield", 90, 678, 9), run("Ogdenville", 290, 678, 9)], 0)
    assert [e.text for e in grid_entries([row, place], [ada, bea])] == [
        "Imaginary University, Springfield",
        "Made-up Institute, Ogdenville",
    ]


def foot_line(pieces: list[tuple[str, bool]], y: float, x: float = 72.0) -> Line:
    """A foot line of 8-point text, its marks (``True``) raised and smaller, each piece right after the last."""
    runs = []
    for text, mark in pieces:
        size = 5.0 if mark else 8.0
        runs.append(run(text, x, y + (3 if mark else 0), size))
        x = runs[-1].x1 + (0 if mark else 2)
    return make_line(1, runs, 0)


def test_a_foots_raised_marks_part_its_affiliations_and_label_them() -> None:
    lines = [
        foot_line(
            [("1", True), ("Made-up Institute, Springfield, XY. ", False), ("2", True), ("Imaginary", False)], 60
        ),
        foot_line([("University, Shelbyville, XY.", False)], 50),
    ]
    assert [(e.label, e.text) for e in foot_entries(lines, [])] == [
        ("1", "¹Made-up Institute, Springfield, XY."),
        ("2", "²Imaginary University, Shelbyville, XY."),
    ]


def test_an_author_note_among_the_foots_affiliations_leaves_them_for_a_finding() -> None:
    first = [run("Rivers and the Made-up Lakes of the North", 72, 720, 24, BOLD)]
    first += [run("Ada Tester", 72, 680, 12), run("1,2", 133, 684, 6)]
    first += [*body(640, 40), run("1", 72, 63, 5), run("Made-up Institute, Springfield. ", 75, 60, 8.5)]
    first += [run("2", 214, 63, 5), run("These authors contributed equally to the work.", 217, 60, 8.5)]
    reading = build([page(1, first), page(2, body(700, 40))])
    assert front_of(reading).affiliations == ["¹Made-up Institute, Springfield."]
    texts = " ".join(b.text for b in reading.blocks if b.kind is not BlockKind.FURNITURE)
    assert "contributed equally" not in texts
    assert any("²These authors contributed equally" in d.message for d in reading.diagnostics)


def authors_foot(label: str, x: float = 72.0) -> Reading:
    """A first page with a name marked "1*" and a ruled note area: "* Correspondence", then ``label``'s line."""
    first = [run("Rivers and the Made-up Lakes of the North", 72, 720, 24, BOLD)]
    first += [run("Ada Tester", 72, 680, 12), run("1*", 133, 684, 7)]
    first += [*body(640, 40), run("* Correspondence: ada@example.org", 72, 70, 8)]
    first += [run(label, x, 63, 5), run("Made-up Institute, Springfield, XY", x + 4, 60, 8)]
    rule = Box(72, 80, 200, 80.5)
    return build([Page(1, 612.0, 792.0, 0, first, rules=[rule]), page(2, body(700, 40))])


def test_a_note_area_labelled_by_the_names_marks_is_the_authors_affiliations() -> None:
    front = front_of(authors_foot("1"))
    assert front.affiliations == ["*Correspondence: ada@example.org", "¹Made-up Institute, Springfield, XY"]


def test_a_note_area_with_a_label_no_name_carries_stays_where_it_was() -> None:
    reading = authors_foot("2")
    assert front_of(reading).affiliations == []
    texts = " ".join(b.text for b in reading.blocks if b.kind is not BlockKind.FURNITURE)
    assert "2Made-up Institute" in texts and "ada@example.org" in texts


@pytest.mark.parametrize(("offset", "taken"), [(7.9, True), (8.1, False)])
def test_the_authors_foot_is_its_lines_within_aligned_ems_of_its_first_labels_edge(offset: float, taken: bool) -> None:
    assert ALIGNED == 1.0
    # The labelled line at 72, the next one ``offset`` points (8-point type: ems) right of it.
    first = [run("Rivers and the Made-up Lakes of the North", 72, 720, 24, BOLD)]
    first += [run("Ada Tester", 72, 680, 12), run("1", 133, 684, 7)]
    first += [*body(640, 40), run("1", 72, 73, 5), run("Made-up Institute, Springfield, XY", 76, 70, 8)]
    first += [run("Ogdenville Office, Ogdenville", 72 + offset, 60, 8)]
    reading = build([Page(1, 612.0, 792.0, 0, first, rules=[Box(72, 80, 200, 80.5)]), page(2, body(700, 40))])
    found = " ".join(front_of(reading).affiliations)
    assert ("Ogdenville" in found) is taken


def test_a_note_area_the_pages_text_calls_stays_the_notes_though_the_names_carry_its_label() -> None:
    first = [run("Rivers and the Made-up Lakes of the North", 72, 720, 24, BOLD)]
    first += [run("Ada Tester", 72, 680, 12), run("1", 133, 684, 7)]
    first += [*body(640, 38), run("As the survey of the rivers found", 72, 170), run("1", 238, 174, 6)]
    first += [run("1", 72, 73, 5), run("See the Made-up Institute, Springfield, XY", 76, 70, 8)]
    reading = build([Page(1, 612.0, 792.0, 0, first, rules=[Box(72, 80, 200, 80.5)]), page(2, body(700, 40))])
    assert front_of(reading).affiliations == []
    assert any(b.kind is BlockKind.NOTE and "Made-up Institute" in b.text for b in reading.blocks)
