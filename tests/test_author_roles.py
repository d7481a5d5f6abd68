"""Authors' roles as printed beside or under their names, by both routes, into paper.json; never made up."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from conftest import DOCS
from paper2myst.conventions import name_roles, role_after_name, signature
from paper2myst.dates import first_day
from paper2myst.emit import metadata
from paper2myst.model import Front
from paper2myst.pipeline import convert
from paper2myst.readers import Reading
from paper2myst.readers.pdf import build
from paper2myst.readers.pdf.back import signatory
from paper2myst.readers.pdf.extract import Font, Page, Run
from paper2myst.readers.pdf.front import (
    ALIGNED,
    MASTHEAD_PAGES,
    RUNNING_DATE_PAGES,
    TITLE_PART_GAP,
    _masthead_pages,
    _running_date,
    by_column,
    cased,
    in_title_case,
    title_parts,
)
from paper2myst.readers.pdf.lines import Line, make_line
from paper2myst.stages.structure import front_from


def front_of(reading: Reading) -> Front:
    """The front matter the structure stage makes of what the PDF reader found."""
    assert reading.evidence is not None
    return front_from(reading.evidence)[0]


ROMAN = Font("Serif", False, False)
BOLD = Font("Serif-Bold", True, False)
BODY = "This line of the body runs on as a paragraph of ordinary text does, across the measure of the page."
DISCLAIMER = " ".join(["This document was prepared for the public and may be copied without permission."] * 40)


def run(text: str, x: float, y: float, size: float = 10.0, font: Font = ROMAN) -> Run:
    return Run(text, x, x + len(text) * size * 0.5, y - size * 0.2, y + size * 0.8, y, size, font)


def body(y0: float, count: int) -> list[Run]:
    return [run(BODY, 72, y0 - i * 12) for i in range(count)]


# --- conventions: what follows a name ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Eve F. Model, Specialist in Water Policy", "Specialist in Water Policy"),
        ("Cara D. Example Senior Research Librarian", "Senior Research Librarian"),
        ("Ada B. Tester", ""),
        ("Legislative Attorney", ""),  # a role alone names no one
    ],
)
def test_the_role_after_the_name(line: str, role: str) -> None:
    assert role_after_name(line) == role


def test_roles_beside_their_names_and_a_role_that_goes_on() -> None:
    lines = ["Eve F. Model, Specialist in Imaginary", "Water Policy", "Ada Tester, Legislative Attorney"]
    assert name_roles(lines) == {
        "Eve F. Model": "Specialist in Imaginary Water Policy",
        "Ada Tester": "Legislative Attorney",
    }


def test_roles_under_names_set_alone_the_next_name_opens_the_next_entry() -> None:
    lines = ["Dan Sample,", "Director, Imaginary Rivers", "and Lakes.", "Ada Tester", "Legislative Attorney"]
    assert name_roles(lines) == {
        "Dan Sample": "Director, Imaginary Rivers and Lakes",
        "Ada Tester": "Legislative Attorney",
    }


def test_a_second_role_under_a_role_beside_the_name_is_not_the_names() -> None:
    assert name_roles(["Cara D. Example Senior Research Librarian", "Legislative Attorney"]) == {
        "Cara D. Example": "Senior Research Librarian"
    }


def test_a_known_name_under_a_role_opens_its_own_entry() -> None:
    lines = ["Eve F. Model, Legislative Attorney", "Cara Example"]
    assert name_roles(lines) == {"Eve F. Model": "Legislative Attorney Cara Example"}  # the words could go on
    assert name_roles(lines, ["Eve F. Model", "Cara Example"]) == {"Eve F. Model": "Legislative Attorney"}


def test_no_role_from_a_biography_a_heading_or_nothing() -> None:
    assert name_roles(["Ada Tester is a fellow of the", "United Nations Programme in Rivers"]) == {}
    assert name_roles(["Ada Tester", "Disclaimer"]) == {}  # the back matter's heading ends the entry
    assert name_roles(["Ada Tester", "Ben Sample"]) == {}
    assert name_roles(["Legislative Attorney", "Ada Tester"]) == {}  # a role before any name is nobody's


# --- the PDF route: a grid of names, each role under its name ------------------------------------------------------


def _line(text: str, x: float, y: float) -> Line:
    return make_line(1, [run(text, x, y)], 0)


@pytest.mark.parametrize(("offset", "columns"), [(ALIGNED * 10 - 0.5, 1), (ALIGNED * 10 + 0.5, 2)])
def test_left_edges_within_an_em_start_one_column(offset: float, columns: int) -> None:
    # 10 pt type: an em is 10 points; a role's line starting that far left of its name's is still under it.
    lines = [
        _line("Ada Tester", 72, 700),
        _line("Ben Sample", 300, 700),
        _line("Legislative Attorney", 72 - offset, 688),
    ]
    order = [ln.text for ln in by_column(lines)]
    if columns == 1:
        assert order == ["Ada Tester", "Legislative Attorney", "Ben Sample"]
    else:
        assert order == ["Legislative Attorney", "Ada Tester", "Ben Sample"]


def test_pdf_author_section_in_a_grid_gives_each_author_the_role_under_the_name() -> None:
    first = Page(1, 612.0, 792.0, 0, [run("Rivers Without Treaties", 72, 700, 18, BOLD), *body(660, 30)])
    section = [
        run("Author Information", 72, 700, 14, BOLD),
        run("Ada B. Tester", 72, 670),
        run("Ben Sample", 311, 670),
        run("Legislative Attorney", 72, 658),
        run("Analyst in Imaginary Water Policy", 311, 658),
        run("Disclaimer", 72, 600, 14, BOLD),
        run(BODY, 72, 580),
    ]
    reading = build([first, Page(2, 612.0, 792.0, 0, [*body(760, 3), *section])])
    assert front_of(reading).authors == ["Ada B. Tester", "Ben Sample"]
    assert front_of(reading).roles == {
        "Ada B. Tester": "Legislative Attorney",
        "Ben Sample": "Analyst in Imaginary Water Policy",
    }


def test_pdf_signatures_keep_their_roles() -> None:
    first = Page(1, 612.0, 792.0, 0, [run("Rivers Without Treaties", 72, 700, 18, BOLD), *body(660, 30)])
    last = Page(2, 612.0, 792.0, 0, [*body(700, 20), run("Eve F. Model, Analyst in Water Policy", 72, 300)])
    reading = build([first, last])
    assert front_of(reading).roles == {"Eve F. Model": "Analyst in Water Policy"}


# --- the text route, and paper.json --------------------------------------------------------------------------------


def _text_paper(tail: str) -> str:
    return f"Rivers Without Treaties\n\nMarch 1, 2024\n\n{BODY}\n\n{BODY}\n\n{tail}"


def test_text_route_author_section_roles_into_paper_json() -> None:
    source = _text_paper(
        f"Author Information\n\nAda B. Tester Legislative Attorney\n\nCara Example\n\nDisclaimer\n\n{DISCLAIMER}"
    )
    doc = convert(source.encode(), "paper.txt")
    assert doc.front.authors == ["Ada B. Tester", "Cara Example"]
    assert doc.front.roles == {"Ada B. Tester": "Legislative Attorney"}  # Cara Example's role is not printed
    data = json.loads(metadata(doc, "en", ""))
    assert data["authors"] == ["Ada B. Tester", "Cara Example"]
    assert data["author_roles"] == {"Ada B. Tester": "Legislative Attorney"}


def test_text_route_signatures_roles_go_on_in_the_next_block() -> None:
    source = _text_paper(f"Eve F. Model, Analyst in American National\n\nGovernment\n\nDisclaimer\n\n{DISCLAIMER}")
    doc = convert(source.encode(), "paper.txt")
    assert doc.front.roles == {"Eve F. Model": "Analyst in American National Government"}


def test_a_byline_without_roles_writes_none() -> None:
    doc = convert(f"Rivers Without Treaties\n\nby Ada Tester\n\nMarch 1, 2024\n\n{BODY}".encode(), "paper.txt")
    assert doc.front.authors == ["Ada Tester"] and doc.front.roles == {}
    assert "author_roles" not in json.loads(metadata(doc, "en", ""))


# --- a letter's signature, where the paper names no author otherwise ----------------------------------------------


def _letter(gap: float) -> list[Page]:
    """A cover, a letter signed "Dan Sample," with the role ``gap`` points under the name, then an appendix."""
    first = Page(1, 612.0, 792.0, 0, [run("Rivers Without Treaties", 72, 700, 18, BOLD), *body(660, 30)])
    letter = [*body(700, 10), run("Dan Sample,", 72, 500), run("Director, Imaginary Rivers", 72, 500 - gap)]
    letter.append(run("and Lakes", 72, 500 - gap - 12))
    appendix = [run("Appendix I: Made-up Tables", 72, 700, 14, BOLD), *body(670, 20)]
    return [first, Page(2, 612.0, 792.0, 0, letter), Page(3, 612.0, 792.0, 0, appendix)]


@pytest.mark.parametrize(("gap", "signed"), [(24.0, True), (26.0, False)])  # close: 2.5 lines of 10 pt
def test_pdf_the_signatory_is_the_author_where_no_other_is_named(gap: float, signed: bool) -> None:
    reading = build(_letter(gap))
    assert reading.evidence is not None
    front, found = front_from(reading.evidence)
    if signed:
        assert front.authors == ["Dan Sample"]
        assert front.roles == {"Dan Sample": "Director, Imaginary Rivers and Lakes"}
        assert [d.message for d in found] == [
            "no byline and no author section: the author is taken from the signature on page 2 (Dan Sample, "
            "Director, Imaginary Rivers and Lakes); check"
        ]
    else:
        assert front.authors == []


def test_pdf_a_signature_does_not_displace_a_byline() -> None:
    pages = _letter(12.0)
    pages[0].runs.insert(1, run("by Ada Tester", 72, 680))
    reading = build(pages)
    assert front_of(reading).authors == ["Ada Tester"]


def test_text_route_the_signatory_is_the_author_where_no_other_is_named() -> None:
    source = _text_paper(f"Dan Sample,\nDirector, Imaginary Rivers\nand Lakes\n\nAppendix A. Tables\n\n{BODY}")
    doc = convert(source.encode(), "paper.txt")
    assert doc.front.authors == ["Dan Sample"]
    assert doc.front.roles == {"Dan Sample": "Director, Imaginary Rivers and Lakes"}
    assert any("signature" in d.message for d in doc.diagnostics)


@pytest.mark.parametrize(
    ("lines", "signed"),
    [
        (["Dan Sample,", "Director, Imaginary Rivers"], ("Dan Sample", "Director, Imaginary Rivers")),
        (["Dan Sample", "went to the river on a made-up day."], ("", "")),
        (["Director, Imaginary Rivers", "Dan Sample"], ("", "")),
        (["Dan Sample"], ("", "")),
    ],
)
def test_a_signature_is_a_name_over_its_role(lines: list[str], signed: tuple[str, str]) -> None:
    assert signature(lines) == signed


# --- a cover's title in parts and in capitals; a cover dated by month over a letter dated by day -----------------


def _title_rows(gap: float) -> list[Line]:
    """Four title rows of 20 pt on a 24 pt pitch, the third ``gap`` points under the second."""
    tops = [700.0, 676.0, 676.0 - gap, 652.0 - gap]
    texts = ["DEPARTMENT OF", "RIVERS", "Made-up Challenges", "Remain Ahead"]
    return [make_line(1, [run(t, 72, y, 20, BOLD)], 0) for t, y in zip(texts, tops, strict=True)]


@pytest.mark.parametrize(("factor", "parts"), [(TITLE_PART_GAP - 0.05, 1), (TITLE_PART_GAP + 0.05, 2)])
def test_a_blank_line_in_the_title_parts_it_from_its_subtitle(factor: float, parts: int) -> None:
    assert len(title_parts(_title_rows(24.0 * factor))) == parts


def test_two_rows_have_no_pitch_of_their_own_one_part() -> None:
    assert len(title_parts(_title_rows(60.0)[1:3])) == 1


def test_a_title_set_in_capitals_in_title_case_where_the_document_prints_its_words_small() -> None:
    words = cased(["The department of rivers reported to the Congress.", "The NASA rivers"])
    assert in_title_case("DEPARTMENT OF RIVERS", words) == "Department of Rivers"
    assert in_title_case("OF THE RIVERS", words) == "Of the Rivers"  # the first word opens it
    assert in_title_case("NASA RIVERS", words) == "NASA RIVERS"  # NASA is never printed small: left as printed
    assert in_title_case("Rivers of NASA", words) == "Rivers of NASA"  # small letters: left as printed


def test_pdf_title_and_subtitle_apart_are_one_title_in_title_case() -> None:
    # Set solid (a 20 pt pitch for 20 pt type), a blank line between the parts, as a cover may set them.
    rows = [run(t, 72, y, 20, BOLD) for t, y in [("DEPARTMENT OF", 700), ("RIVERS", 680), ("Made-up", 640)]]
    rows.append(run("Challenges Ahead", 72, 620, 20, BOLD))
    cover = Page(1, 612.0, 792.0, 0, [*rows, run("December 2026", 72, 560)])
    text = [run("The department of rivers reported on the state of the made-up rivers.", 72, 700), *body(680, 30)]
    reading = build([cover, Page(2, 612.0, 792.0, 0, text)])
    assert front_of(reading).title == "Department of Rivers: Made-up Challenges Ahead"


@pytest.mark.parametrize(("later", "iso"), [("December 20, 2026", "2026-12-20"), ("November 20, 2026", "2026-12")])
def test_a_cover_dated_by_month_takes_the_letters_day_of_that_month(later: str, iso: str) -> None:
    cover = Page(1, 612.0, 792.0, 0, [run("Rivers Without Treaties", 72, 700, 20, BOLD), run("December 2026", 72, 660)])
    letter = Page(3, 612.0, 792.0, 0, [run(later, 200, 720), *body(690, 30)])
    reading = build([cover, Page(2, 612.0, 792.0, 0, body(700, 30)), letter])
    assert reading.date is not None and reading.date.iso == iso


# --- the editions read them: paper.json → Publication → JSON-LD ----------------------------------------------------


def test_the_editions_read_each_authors_role_and_schema_org_gives_it_as_job_title(tmp_path: Path) -> None:
    sys.path.insert(0, str(DOCS / "_ext"))
    from paperdata import load
    from schemaorg import agent

    paper = {"name": "x", "title": "Rivers", "authors": ["Ada Tester", "Ben Sample"]}
    (tmp_path / "paper.json").write_text(json.dumps(paper | {"author_roles": {"Ada Tester": "Legislative Attorney"}}))
    publication = load(tmp_path)
    assert [publication.role(a) for a in publication.authors] == ["Legislative Attorney", ""]
    assert agent("Ada Tester", publication.role("Ada Tester"))["jobTitle"] == "Legislative Attorney"
    assert "jobTitle" not in agent("Ben Sample", publication.role("Ben Sample"))


# --- a masthead taken for the title is reported -------------------------------------------------------------------


def _heads(texts: list[str]) -> list[list[Line]]:
    pages = []
    for number, text in enumerate(texts, start=2):
        head = make_line(number, [run(text, 72, 760, 8)], 0)
        head.role = "furniture"
        pages.append([head])
    return pages


@pytest.mark.parametrize(("count", "reported"), [(MASTHEAD_PAGES - 1, False), (MASTHEAD_PAGES, True)])
def test_a_title_repeated_as_a_piece_of_the_running_heads_is_a_masthead(count: int, reported: bool) -> None:
    pages = _heads(["Imaginary Register / Vol. 1, No. 2 / Monday, May 4, 2026 / Notices"] * count)
    assert (_masthead_pages(pages, "Notices") >= MASTHEAD_PAGES) is reported


def test_a_title_repeated_as_the_whole_running_head_is_the_papers() -> None:
    assert _masthead_pages(_heads(["Rivers Without Treaties"] * 5), "Rivers Without Treaties") == 0


@pytest.mark.slow
def test_the_editions_set_each_role_after_its_name(tmp_path: Path) -> None:
    """The web header and the PDF title page name the authors found on the cover, each role after its name."""
    from conftest import sphinx_build
    from pypdf import PdfReader

    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("_build", "__pycache__", "*.md", "paper.json"))
    paper = {"name": "roles", "title": "A Paper With Roles", "byline": "", "authors": ["Ada Example", "Bo Sample"]}
    paper |= {"author_roles": {"Ada Example": "Legislative Attorney"}, "language": "en", "date": "2021-03-04"}
    (docs / "paper.json").write_text(json.dumps(paper), encoding="utf-8")
    (docs / "index.md").write_text("# A Paper With Roles\n\nA claim of no consequence.\n", encoding="utf-8")
    for builder in ("html", "pdf"):
        result = sphinx_build(docs, tmp_path / "_build" / builder, builder, tmp_path / "dt")
        assert result.returncode == 0 and not result.stderr.strip(), result.stdout + result.stderr
    page = (tmp_path / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert '<p class="paper-authors">Ada Example, <span class="paper-role">Legislative Attorney</span></p>' in page
    assert '<p class="paper-authors">Bo Sample</p>' in page  # no role printed, none made up
    first = PdfReader(tmp_path / "_build" / "pdf" / "roles.pdf").pages[0].extract_text()
    assert "Ada Example, Legislative Attorney" in first and "Bo Sample" in first


def _register(bold_title: bool) -> list[Page]:
    """A register's first page: its section's name set large (repeated in the running heads), the document's."""
    head = [run("Notices", 72, 745, 18, BOLD), run("DEPARTMENT OF RIVERS", 72, 712, 10, BOLD)]
    title = [run("Made-up Rule on the", 72, 680, 10, BOLD if bold_title else ROMAN)]
    title.append(run("Imaginary Rivers", 72, 668, 10, BOLD if bold_title else ROMAN))
    pages = [Page(1, 612.0, 792.0, 0, [*head, *title, *body(650, 40)])]
    for number in (2, 3, 4):
        foot = run("Imaginary Register / Vol. 1, No. 2 / Monday, May 4, 2026 / Notices", 72, 770, 8)
        pages.append(Page(number, 612.0, 792.0, 0, [foot, run(str(number), 540, 770, 8), *body(740, 50)]))
    return pages


def test_a_masthead_set_largest_gives_way_to_the_bold_lines_over_the_first_paragraph() -> None:
    reading = build(_register(bold_title=True))
    assert front_of(reading).title == "Made-up Rule on the Imaginary Rivers"
    assert any("masthead" in d.message for d in reading.diagnostics)


def test_a_masthead_over_a_title_in_regular_type_takes_the_bold_line_over_it_with_a_finding() -> None:
    reading = build(_register(bold_title=False))
    assert front_of(reading).title == "DEPARTMENT OF RIVERS"
    assert any("masthead" in d.message for d in reading.diagnostics)


# --- a date only the running heads print ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Imaginary Conference ’26, October 28–31, 2026, Springfield", "2026-10-28"),
        ("Made-up Companion ’26, April 28-May 2, 2026, Shelbyville", "2026-04-28"),
        ("Workshop, 4–6 May 2026, Ogdenville", "2026-05-04"),
        ("Imaginary Register / Vol. 1, No. 2 / Monday, May 4, 2026 / Notices", "2026-05-04"),
        ("Imaginary Conference 2026, Springfield", ""),  # a year is no date
    ],
)
def test_the_first_day_a_line_prints(line: str, iso: str) -> None:
    assert first_day(line) == iso


@pytest.mark.parametrize(("count", "dated"), [(RUNNING_DATE_PAGES - 1, False), (RUNNING_DATE_PAGES, True)])
def test_a_date_repeated_in_the_running_heads_is_the_papers(count: int, dated: bool) -> None:
    pages = _heads(["Imaginary Conference ’26, October 28–31, 2026, Springfield"] * count)
    found = _running_date(pages)
    assert (found is not None and first_day(found.text) == "2026-10-28") is dated


@pytest.mark.parametrize(("name", "found"), [("Ana B. C. Maria Sample,", True), ("Ana B. C. D. Maria Sample,", False)])
def test_pdf_a_signatures_name_is_five_words_at_most(name: str, found: bool) -> None:
    """A name alone is two to five words (``NAME``): a longer line is passed over before the patterns are tried."""
    lines = [_line(name, 72, 500), _line("Director, Imaginary Rivers", 72, 488)]
    for line in lines:
        line.role = "body"
    seen = signatory(lines)
    assert (seen is not None and seen.text.split("\n")[0] == name) is found
