"""Front matter from the forms covers and signatures take, by both routes; each rule pinned at its edge.

The PDF cases are synthetic pages (runs placed by hand, made-up names), read by ``build`` as a PDF would be.
"""

from __future__ import annotations

import pytest
from paper2myst.conventions import (
    AUTHOR_HEADING,
    BACK_MATTER_HEADING,
    author_names,
    continues_role,
    is_role,
    name_before_role,
    name_list,
    names_in,
    signed_name,
)
from paper2myst.dates import parse_date
from paper2myst.model import AuthorLines, Block, BlockKind, Front, FrontEvidence, Heading, Paragraph, Seen, Span
from paper2myst.pipeline import convert
from paper2myst.readers import Reading
from paper2myst.readers.pdf import build
from paper2myst.readers.pdf.extract import Font, Page, Run
from paper2myst.readers.pdf.front import (
    _sidebar,
    affiliation_lines,
    byline_lines,
    letter_spaced,
    line_date,
    title_lines,
    title_rows,
)
from paper2myst.readers.pdf.lines import Line, make_line
from paper2myst.stages.structure import _addressees, front_from


def front_of(reading: Reading) -> Front:
    """The front matter the structure stage makes of what the PDF reader found."""
    assert reading.evidence is not None
    return front_from(reading.evidence)[0]


ROMAN = Font("Serif", False, False)
BOLD = Font("Serif-Bold", True, False)


def run(text: str, x: float, y: float, size: float = 10.0, font: Font = ROMAN) -> Run:
    """A run of ``text`` at (x, baseline y), its width guessed from its length."""
    return Run(text, x, x + len(text) * size * 0.5, y - size * 0.2, y + size * 0.8, y, size, font)


def page(number: int, runs: list[Run]) -> Page:
    return Page(number, 612.0, 792.0, 0, runs)


BODY = "This line of the body runs on as a paragraph of ordinary text does, across the measure of the page."


def body(y0: float, count: int, x: float = 72.0) -> list[Run]:
    return [run(BODY, x, y0 - i * 12) for i in range(count)]


# --- conventions -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Ada B. Tester Senior Specialist in Public Policy", "Ada B. Tester"),
        ("Cara D. Example Legislative Attorney", "Cara D. Example"),
        ("Dan Sample Analyst in Science and Technology Policy", "Dan Sample"),
        ("Eve F. Model, Specialist in Energy Policy", "Eve F. Model"),
        ("Gil M'Hand, U.S. Navy Fellow", "Gil M'Hand"),
        ("Hana Placeholder", "Hana Placeholder"),
        ("Legislative Attorney", ""),
        ("Senior Research Librarian", ""),
        ("Specialist in Income Security", ""),
        ("Congressional Research Service", ""),  # "Research" opens a role: one word left, no name
    ],
)
def test_the_name_before_the_role(line: str, name: str) -> None:
    assert name_before_role(line) == name


def test_a_role_is_not_a_name() -> None:
    assert is_role("Legislative Attorney")
    assert is_role("Analyst in Public Finance")
    assert not is_role("Ada B. Tester Legislative Attorney")
    assert not is_role("Hana Placeholder")


def test_a_signature_carries_a_role_a_reference_does_not() -> None:
    assert signed_name("Eve F. Model, Specialist in Energy Policy") == "Eve F. Model"
    assert signed_name("Eve F. Model, Analyst in International Trade and") == "Eve F. Model"
    assert signed_name("Eve F. Model, Rebuilding the Fleet: A Research Paper, 2020") == ""
    assert signed_name("Companion Proceedings, 2024") == ""
    assert signed_name("Hana Placeholder") == ""  # a name alone signs nothing: no role beside it
    # Ten words of role are a role; eleven are a sentence.
    assert signed_name("Eve Model, Specialist in Aa Bb Cc Dd Ee Ff Gg Hh") == "Eve Model"
    assert signed_name("Eve Model, Specialist in Aa Bb Cc Dd Ee Ff Gg Hh Ii") == ""


def test_a_role_goes_on_under_its_name() -> None:
    assert continues_role("Government")
    assert continues_role("and Finance")
    assert continues_role("Assistance Policy")
    assert not continues_role("appropriations.")
    assert not continues_role("FY2025 Funding")
    assert continues_role("Aa Bb Cc Dd Ee Ff")  # six words: a role's tail
    assert not continues_role("Aa Bb Cc Dd Ee Ff Gg")  # seven: a line of its own


def test_author_headings_are_one_list_for_both_routes() -> None:
    for heading in ("Author Information", "Author Contact Information", "About the Authors", "Authors", "Contributors"):
        assert AUTHOR_HEADING.match(heading)
        assert BACK_MATTER_HEADING.match(heading)
    assert BACK_MATTER_HEADING.match("Disclaimer")
    assert not AUTHOR_HEADING.match("Disclaimer")
    assert not AUTHOR_HEADING.match("Authors of the Act")


# --- the text route ----------------------------------------------------------------------------------------------

DISCLAIMER = " ".join(["This document was prepared for the public and may be copied without permission."] * 40)


def text_paper(tail: str) -> str:
    return f"Rivers Without Treaties\n\nMarch 1, 2024\n\n{BODY}\n\n{BODY}\n\n{tail}"


def test_text_route_author_section_with_roles_and_a_long_disclaimer() -> None:
    paras = "\n\n".join([BODY] * 15)
    source = text_paper(
        f"{paras}\n\nAuthor Information\n\nAda B. Tester Legislative Attorney\n\n"
        f"Cara Example Senior Research Librarian\n\nDisclaimer\n\n{DISCLAIMER}\n\n{DISCLAIMER}\n\n"
        + "\n\n".join([DISCLAIMER] * 12)
    )
    doc = convert(source.encode(), "paper.txt")
    assert doc.front.authors == ["Ada B. Tester", "Cara Example"]


def test_text_route_author_heading_inside_the_body_is_not_the_author_section() -> None:
    # Paragraphs, not a back-matter heading, follow the names: a section of the body.
    source = text_paper(f"Authors\n\nAda B. Tester Legislative Attorney\n\n{BODY}\n\n{BODY}")
    doc = convert(source.encode(), "paper.txt")
    assert doc.front.authors == []


# --- the PDF route: signatures at the end of the body --------------------------------------------------------------


def _signed(tail: list[Run]) -> list[str]:
    first = page(1, [run("Rivers Without Treaties", 72, 700, 18, BOLD), *body(660, 30)])
    second = page(2, [*body(700, 20), *tail])
    third = page(3, [run("Disclaimer", 72, 700, 14, BOLD), run(BODY, 72, 680)])
    reading = build([first, second, third])
    return front_of(reading).authors


def test_pdf_signatures_before_the_back_matter_in_two_columns() -> None:
    tail = [
        run("Eve F. Model, Analyst in International Trade and", 72, 300),
        run("Finance", 72, 288),
        run("Ada B. Tester, Legislative Attorney", 330, 312),
    ]
    assert _signed(tail) == ["Eve F. Model", "Ada B. Tester"]


def test_pdf_a_reference_before_the_back_matter_is_not_a_signature() -> None:
    assert _signed([run("Eve F. Model, Rebuilding the Fleet, Research Paper 12, 2020", 72, 300)]) == []


# --- the PDF route: report numbers --------------------------------------------------------------------------------


def _numbered(heading: str, again: bool) -> tuple[str, list[str]]:
    """A two-page paper with a heading of a number's shape on page 2; ``again``: page 3 repeats it in its foot."""
    first = page(1, [run("Rivers Without Treaties", 72, 700, 18, BOLD), *body(660, 30)])
    second = page(2, [*body(700, 10), run(heading, 72, 560, 12, BOLD), *body(540, 10)])
    third = page(3, [*body(700, 10), *([run(f"{heading} · VERSION 2", 250, 40, 8)] if again else [])])
    reading = build([first, second, third])
    return front_of(reading).number, [b.text for b in reading.blocks if b.kind.name != "FURNITURE"]


def test_a_heading_shaped_like_a_number_stays_the_authors() -> None:
    number, texts = _numbered("COP28", again=False)
    assert number == ""
    assert "COP28" in texts


def test_a_number_repeated_in_a_running_foot_is_the_reports() -> None:
    number, texts = _numbered("AB12345", again=True)
    assert number == "AB12345"
    assert "AB12345" not in texts


def test_a_number_closing_the_body_before_the_back_matter_is_furniture() -> None:
    first = page(1, [run("Rivers Without Treaties", 72, 700, 18, BOLD), *body(660, 30)])
    second = page(2, [*body(700, 10), run("AB12345", 500, 560, 8.5, BOLD)])
    third = page(3, [run("Disclaimer", 72, 700, 14, BOLD), run(BODY, 72, 680)])
    reading = build([first, second, third])
    assert "AB12345" not in [b.text for b in reading.blocks if b.kind.name != "FURNITURE"]
    assert "AB12345" in [b.text for b in reading.blocks if b.kind.name == "FURNITURE"]
    assert front_of(reading).number == "AB12345"


# --- the PDF route: the title ---------------------------------------------------------------------------------------


def _line(text: str, x: float, y: float, size: float = 10.0, font: Font = ROMAN, column: int = 0) -> Line:
    return make_line(1, [run(text, x, y, size, font)], column)


def test_a_title_row_cut_by_the_columns_is_put_back_in_place() -> None:
    # The column finder read the right piece first; the two pieces touch ("K-" + "2E5"), one word.
    right = _line("2E5 Dam Programme", 0, 700, 18, BOLD, column=2)
    left = _line("The River's K-", 0, 700, 18, BOLD, column=1)
    right.x0 = right.runs[0].x0 = left.runs[0].x1 + 1
    right.x1 = right.runs[0].x1 = right.x0 + 150
    lines = [right, left, _line(BODY, 72, 670), _line(BODY, 72, 658)]
    title = title_lines(lines, 10.0)
    assert title == [left, right]
    assert [ln.text for ln in title_rows(title)] == ["The River's K-2E5 Dam Programme"]


def test_a_logos_word_set_as_large_as_the_title_is_not_the_title() -> None:
    logo = _line("IRI", 40, 720, 36)
    title = [_line("MINISTRY OF", 220, 600, 36), _line("WATER", 220, 564, 36)]
    lines = [logo, *title, _line(BODY, 72, 400)]
    assert title_lines(lines, 10.0) == title
    # Two lines' height under the last line still joins the title; a little more does not.
    near = _line("Rivers Apart", 220, 564 - 72, 36)
    assert title_lines([logo, *title, near], 10.0) == [*title, near]
    far = _line("Rivers Apart and the Treaties Not Yet Made", 220, 564 - 73, 36)
    assert title_lines([logo, *title, far], 10.0) == title  # the top block that says more than a word


def test_no_type_larger_than_the_body_the_first_lines_are_the_title() -> None:
    lines = [_line("Water Rights", 72, 700, 10.2), _line(BODY, 72, 680, 10.2), _line(BODY, 72, 400, 10.2)]
    assert title_lines(lines, 10.0) == lines[:2]  # in reading order, up to a gap: as the reader did before


# --- the PDF route: names under the title, without "by" -----------------------------------------------------------


def test_names_listed_with_their_marks() -> None:
    assert name_list("Ada Tester1,9, Ben Sample 2,9, Cara Example3") == ["Ada Tester", "Ben Sample", "Cara Example"]
    assert name_list("Ada Tester *, Ben Sample & Cara Example") == ["Ada Tester", "Ben Sample", "Cara Example"]
    assert name_list("Dan Model∗") == ["Dan Model"]
    assert name_list("Ada Tester, Legislative Attorney") == []
    assert name_list("Department of Electrical and") == []


def _byline(gap: float, *extra: Line) -> list[str]:
    title = [_line("Rivers Without Treaties", 72, 700, 18, BOLD)]
    names = _line("Ada Tester1, Ben Sample2 and Cara Example3", 72, 700 - gap, 11)
    lines = [*title, *extra, names, _line(BODY, 72, 600), _line(BODY, 72, 588)]
    return [ln.text for ln in byline_lines(lines, title)]


def test_names_under_the_title_are_its_byline_up_to_four_title_lines_below() -> None:
    assert _byline(18 * 4) == ["Ada Tester1, Ben Sample2 and Cara Example3"]
    assert _byline(18 * 4 + 1) == []


def test_a_date_or_prose_under_the_title_is_no_byline() -> None:
    assert _byline(40, _line("Updated April 23, 2026", 72, 680)) == ["Ada Tester1, Ben Sample2 and Cara Example3"]
    assert _byline(40, _line("This paper asks what the two states could agree on", 72, 680)) == []


def test_a_grid_of_names_row_by_row_with_the_affiliations_passed_over() -> None:
    title = [_line("Rivers Without Treaties", 72, 700, 18, BOLD)]
    grid = [
        _line("Ben Sample", 270, 673, 12),
        _line("Ada Tester", 100, 673, 12),
        _line("Institute of Technology", 90, 661),
        _line("Cara Example∗", 100, 614, 12),
        _line("Institute of Technology", 90, 602),
    ]
    assert [ln.text for ln in byline_lines([*title, *grid, _line(BODY, 72, 500)], title)] == [
        "Ada Tester",
        "Ben Sample",
        "Cara Example∗",
    ]


# --- dates that say what they are ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Thursday, August 6, 2020", "2020-08-06"),
        ("Accepted: 26 March 2025", "2025-03-26"),
        ("Published online: 3 May 2024", "2024-05-03"),
        ("Received: 30 September 2024", None),  # the day a manuscript came in is not the paper's date
        ("Thursday August", None),
    ],
)
def test_dates_a_cover_prints(line: str, iso: str | None) -> None:
    assert parse_date(line) == iso


# --- the PDF route: findings ---------------------------------------------------------------------------------------


def _badge(rise: float) -> tuple[str, list[str]]:
    badge = run("OPEN", 60, 700 + rise, 12, BOLD)
    title = run("Rivers Without Treaties", 100, 700, 26, BOLD)
    reading = build([page(1, [badge, title, run("April 10, 2026", 72, 660), *body(630, 30)])])
    return front_of(reading).title, [d.message for d in reading.diagnostics if d.kind.name == "SUSPICIOUS_FRONT"]


def test_a_badge_raised_before_the_title_is_left_out_of_it_with_a_finding() -> None:
    title, findings = _badge(5.0)  # raised by a fifth of the title's size: not the title's words
    assert title == "Rivers Without Treaties"
    assert any("'OPEN'" in f for f in findings)
    title, findings = _badge(0.0)  # on the title's baseline: part of it
    assert title.startswith("OPEN")
    assert findings == []


def test_no_date_is_a_finding() -> None:
    reading = build([page(1, [run("Rivers Without Treaties", 72, 700, 18, BOLD), *body(660, 30)])])
    assert [d.message for d in reading.diagnostics if d.kind.name == "SUSPICIOUS_FRONT"] == [
        "no date found: the paper prints none apart"
    ]


def test_the_sidebar_of_a_summary_page_gives_names_and_roles_not_its_date() -> None:
    box = [
        _line("April 14, 2026", 460, 662),
        _line("Ada B. Tester", 460, 640, 9, BOLD),
        _line("Analyst in Science and", 460, 629, 9),
        _line("Technology Policy", 460, 618, 9),
        _line("Cara Example", 460, 590, 9, BOLD),
        _line("Senior Research Librarian", 460, 579, 9),
        _line("Dan Sample", 460, 550, 9, BOLD),  # a name with no role under it: not an author's entry
    ]
    for line in box:
        line.role = "aside"
    kept = _sidebar(box)
    assert [ln.text for ln in kept] == [ln.text for ln in box[1:6]]
    assert box[0].role == "aside" and box[6].role == "aside"


def test_letter_spaced_labels() -> None:
    assert letter_spaced("N E W S L E T T E R")
    assert letter_spaced("S P E C IAL I S SUE Open Access")  # seven letters alone of twelve pieces
    assert not letter_spaced("A B C Programs")  # three letters alone: not yet a label
    assert not letter_spaced("R E S T Programs of the Year in Review Today")  # four alone of eleven pieces


def test_a_label_far_above_the_title_is_the_covers_not_the_body() -> None:
    label = run("Legal Notes", 440, 667, 18, BOLD)  # four title lines above: too far for a banner
    title = run("Rivers Without Treaties", 72, 586, 22, BOLD)
    reading = build([page(1, [label, title, run("April 10, 2026", 72, 560), *body(530, 30)])])
    texts = {b.text: b.kind.name for b in reading.blocks}
    assert texts["Legal Notes"] == "FURNITURE"
    assert reading.date is not None and reading.date.iso == "2026-04-10"


def test_text_route_names_under_the_title_without_by() -> None:
    doc = convert(f"Rivers Without Treaties\n\nAda Tester1, Ben Sample2 and Cara Example\n\n{BODY}\n".encode(), "p.txt")
    assert doc.front.authors == ["Ada Tester", "Ben Sample", "Cara Example"]
    signed = "Ada B. Tester, Legislative Attorney\n\nCara Example, Senior Fellow"
    doc = convert(f"Rivers Without Treaties\n\n{signed}\n\n{BODY}\n".encode(), "p.txt")
    assert doc.front.authors == ["Ada B. Tester", "Cara Example"]


def test_text_route_one_name_shaped_line_under_the_title_names_no_one() -> None:
    # Two names make a list; one name-shaped line alone could be a heading.
    doc = convert(f"Rivers Without Treaties\n\nKey Findings\n\n{BODY}\n".encode(), "p.txt")
    assert doc.front.authors == []
    assert "Key Findings" in [b.text for b in doc.body if hasattr(b, "text")]


def test_the_publishers_name_over_its_web_address_is_the_imprint() -> None:
    imprint = [run("Imaginary Research Institute", 396, 109, 10, BOLD), run("https://example.org", 404, 92)]
    start = [run("Rivers Without Treaties", 72, 700, 18, BOLD), run("April 10, 2026", 72, 660)]
    reading = build([page(1, [*start, *body(630, 30), *imprint])])
    assert front_of(reading).publisher == "Imaginary Research Institute"
    # Three lines' height between them: the name no longer stands over the address.
    apart = [imprint[0], run("https://example.org", 404, 109 - 10 * 2.5)]
    reading = build([page(1, [*start, *body(630, 30), *apart])])
    assert front_of(reading).publisher == ""


def test_a_history_line_gives_its_last_date_that_says_what_it_is() -> None:
    assert line_date("Received: 23 October 2023; Accepted: 2 May 2024") == "2024-05-02"
    assert line_date("Received: 23 October 2023; Revised: 2 January 2024") == "2024-01-02"
    assert line_date("Received: 23 October 2023; Reviewed: 2 May 2024") == ""  # no part says what the date is
    assert line_date("April 10, 2026") == "2026-04-10"


def test_name_and_role_lines_under_the_title_are_its_byline() -> None:
    title = [_line("Rivers Without Treaties", 72, 700, 18, BOLD)]
    signed = [_line("Ada Tester, Senior Fellow", 72, 670, 11), _line("Ben Sample, Research Analyst", 72, 656, 11)]
    lines = [*title, *signed, _line(BODY, 72, 600)]
    assert byline_lines(lines, title) == signed
    assert [n for ln in signed for n in names_in(ln.text)] == ["Ada Tester", "Ben Sample"]


@pytest.mark.parametrize(
    ("banner", "publisher"),
    [("Imaginary Studies", "Imaginary Studies"), ("Article", ""), ("https://doi.org/10.1234/abc.5", "")],
)
def test_a_banner_over_the_title_names_the_publisher_in_two_words_or_more(banner: str, publisher: str) -> None:
    lines = [run(banner, 72, 730, 9), run("Rivers Without Treaties", 72, 700, 22, BOLD), run("April 10, 2026", 72, 670)]
    reading = build([page(1, [*lines, *body(640, 30)])])
    assert front_of(reading).publisher == publisher
    assert front_of(reading).doi == ("10.1234/abc.5" if banner.startswith("https") else "")


def test_pdf_signatures_closing_a_text_without_back_matter() -> None:
    first = page(1, [run("Rivers Without Treaties", 72, 700, 18, BOLD), *body(660, 30)])
    last = page(2, [*body(700, 20), run("Eve F. Model, Analyst in Water Policy", 72, 300)])
    reading = build([first, last])
    assert front_of(reading).authors == ["Eve F. Model"]


def test_a_raised_ordinal_stays_in_its_place_in_the_title() -> None:
    head = run("Issues in the 119", 72, 700, 22, BOLD)
    th = run("th", head.x1 + 0.5, 708, 13, BOLD)
    tail = run(" Congress", th.x1 + 0.5, 700, 22, BOLD)
    reading = build([page(1, [head, th, tail, run("April 10, 2026", 72, 660), *body(630, 30)])])
    assert front_of(reading).title == "Issues in the 119th Congress"


def test_text_route_signatures_closing_the_body() -> None:
    source = text_paper(
        f"Eve F. Model, Analyst in American National\n\nGovernment\n\nAda Tester, Legislative Attorney\n\n"
        f"Disclaimer\n\n{DISCLAIMER}"
    )
    doc = convert(source.encode(), "paper.txt")
    assert doc.front.authors == ["Eve F. Model", "Ada Tester"]
    assert [b.text for b in doc.back_matter][:3] == [
        "Eve F. Model, Analyst in American National",
        "Government",
        "Ada Tester, Legislative Attorney",
    ]


def test_text_route_a_closing_line_without_a_role_is_the_bodys() -> None:
    doc = convert(text_paper("Eve F. Model, Rebuilding the Fleet, 2020\n\nDisclaimer\n\nText.").encode(), "paper.txt")
    assert doc.front.authors == []


def test_text_route_author_section_after_the_references_stays_in_the_back_matter() -> None:
    source = text_paper(
        "References\n\nTester, Ada. 2020. Rivers. Imaginary Press.\n\n"
        f"Author Information\n\nAda B. Tester Legislative Attorney\n\nDisclaimer\n\n{DISCLAIMER}"
    )
    doc = convert(source.encode(), "paper.txt")
    assert doc.front.authors == ["Ada B. Tester"]
    assert "Ada B. Tester Legislative Attorney" in [b.text for b in doc.back_matter]


def test_the_series_label_under_the_imprint_at_the_pages_foot() -> None:
    imprint = [run("Imaginary Research Institute", 396, 109, 10, BOLD), run("https://example.org", 404, 92)]
    foot = [run("IRI BRIEF", 73, 53, 8.9, BOLD), run("Prepared for Its Readers", 73, 44, 8.9)]
    start = [run("Rivers Without Treaties", 72, 700, 18, BOLD), run("April 10, 2026", 72, 660)]
    reading = build([page(1, [*start, *body(630, 30), *imprint, *foot])])
    assert front_of(reading).series == "IRI BRIEF"
    assert "Prepared for Its Readers" not in [b.text for b in reading.blocks if b.kind.name != "FURNITURE"]
    # At nine-tenths of the body's size or more the lines are the body's.
    foot = [run("IRI BRIEF", 73, 53, 9.0, BOLD), run("Prepared for Its Readers", 73, 44, 9.0)]
    reading = build([page(1, [*start, *body(630, 30), *imprint, *foot])])
    assert front_of(reading).series == ""


@pytest.mark.parametrize(
    ("masthead", "publisher"),
    [("United Imaginary Accountability Office", "United Imaginary Accountability Office"), ("Report to Readers", "")],
)
def test_a_masthead_naming_an_institution_is_the_publisher(masthead: str, publisher: str) -> None:
    lines = [run(masthead, 216, 752, 12, BOLD), run("Rivers Without Treaties", 216, 603, 36)]
    reading = build([page(1, [*lines, run("December 2016", 36, 560), *body(500, 30)])])
    assert front_of(reading).publisher == publisher
    assert front_of(reading).title == "Rivers Without Treaties"


def test_an_author_blocks_names_not_a_biographys_wrapped_lines() -> None:
    block = [
        _line("Ada B. Tester", 72, 600),
        _line("Legislative Attorney", 72, 588),
        _line("Ben Sample, Senior Fellow", 72, 570),
        _line("Cara Example is a researcher at the", 72, 552),
        _line("United Nations Development Programme in New York", 72, 540),
    ]
    assert author_names([ln.text for ln in block]) == ["Ada B. Tester", "Ben Sample", "Cara Example"]


def test_a_heading_shaped_like_a_number_named_again_in_a_sentence_stays() -> None:
    first = page(1, [run("Rivers Without Treaties", 72, 700, 18, BOLD), *body(660, 30)])
    second = page(2, [*body(700, 10), run("COP28", 72, 560, 12, BOLD), *body(540, 10)])
    third = page(3, [*body(700, 10), run("The parties met again at COP28 to agree on water.", 72, 560)])
    reading = build([first, second, third])
    assert front_of(reading).number == ""
    assert "COP28" in [b.text for b in reading.blocks if b.kind.name != "FURNITURE"]


def test_paragraphs_above_a_title_found_too_far_down_stay_the_bodys() -> None:
    # No title: the largest type is a heading after a paragraph; the paragraph is not the cover's.
    first = "The first section's paragraph says what the paper found before any heading as large."
    runs = [run("Results", 72, 720, 15), *[run(first, 72, 700 - 12 * i) for i in range(3)]]
    runs += [run("Background and Changes", 72, 640, 15), *body(620, 20)]
    reading = build([page(1, runs)])
    assert first in " ".join(b.text for b in reading.blocks if b.kind.name != "FURNITURE")
    assert front_of(reading).title == "Background and Changes"


def _acknowledged(above: str | None, word: str = "Acknowledgments") -> tuple[list[str], list[str]]:
    """A last page with a ``word`` heading line, under ``above`` (a heading's first line) or alone."""
    first = page(1, [run("Rivers Without Treaties", 72, 700, 18, BOLD), *body(660, 30)])
    second = page(2, body(700, 20))
    head = [run(above, 72, 700, 16, BOLD)] if above else []
    third = page(3, [*head, run(word, 72, 680, 16, BOLD), *body(650, 3)])
    reading = build([first, second, third])
    headings = [b.text for b in reading.blocks if b.kind.name == "HEADING"]
    return headings, [b.text for b in reading.evidence.back] if reading.evidence else []


def test_a_back_matter_word_ending_a_wrapped_heading_opens_no_back_matter() -> None:
    headings, back = _acknowledged("Appendix VI: Contact and Staff")
    assert headings[-1] == "Appendix VI: Contact and Staff Acknowledgments"
    assert back == []
    headings, back = _acknowledged("Appendix VI: Contact and Staff", "Disclaimer")
    assert headings[-1] == "Appendix VI: Contact and Staff Disclaimer" and back == []
    headings, back = _acknowledged(None, "Disclaimer")  # a heading of its own: the back matter
    assert "Disclaimer" not in headings and back


def test_acknowledgments_are_the_authors_end_matter_in_the_body_even_inside_the_back_matter() -> None:
    headings, back = _acknowledged(None)  # a heading of its own: the author's words, a section of the body
    assert headings[-1] == "Acknowledgments" and back == []


def test_a_sections_title_set_again_small_in_its_pages_margin_is_its_running_head() -> None:
    def roles(title: str) -> list[str]:
        first = page(1, [run("Rivers Without Treaties", 72, 700, 18, BOLD), *body(660, 30)])
        last = page(2, [run("Appendix V: Comments", 216, 760, 8, BOLD), run(title, 36, 700, 27), *body(650, 20)])
        reading = build([first, last])
        return [b.kind.name for b in reading.blocks if b.text == "Appendix V: Comments"]

    assert sorted(roles("Appendix V: Comments")) == ["FURNITURE", "HEADING"]
    assert "FURNITURE" not in roles("Appendix V: Other Comments")  # another title: the line stays the text's


def test_a_paragraph_goes_on_past_a_small_line_in_another_face_at_the_pages_foot() -> None:
    def texts(foot_font: Font, size: float = 8.5) -> list[str]:
        first = page(1, [run("Rivers Without Treaties", 72, 700, 18, BOLD), *body(660, 30)])
        foot = run("Questrom School of Business, Boston University, Boston, MA 02215", 72, 45, size, foot_font)
        cut = run("and so the rivers of the plain ran on without a treaty for many years", 72, 290)
        second = page(2, [*body(700, 20), cut, foot])
        rest = run("depending on the rains, which the treaty never named at all.", 72, 700)
        third = page(3, [rest, *body(680, 20)])
        return [b.text for b in build([first, second, third]).blocks if b.kind.name != "FURNITURE"]

    joined = texts(Font("Sans", False, False))
    assert any(
        t.endswith("for many years depending on the rains, which the treaty never named at all.") for t in joined
    )
    assert any(t.startswith("Questrom School") for t in joined)  # kept, as a block of its own (a box)
    apart = texts(Font("Sans", False, False), 10.0)  # at the text's size: text, what goes on goes on from it
    assert not any("many years depending" in t for t in apart)


def test_text_route_acknowledgments_after_the_author_section_are_the_authors_words_in_the_body() -> None:
    source = text_paper(
        "Author Information\n\nAda B. Tester Legislative Attorney\n\n"
        f"Acknowledgments\n\nThe author thanks the river commissions for their data.\n\nDisclaimer\n\n{DISCLAIMER}"
    )
    doc = convert(source.encode(), "paper.txt")
    assert doc.front.authors == ["Ada B. Tester"]
    body = [n.text for n in doc.body if isinstance(n, Paragraph | Heading)]
    assert body[-2:] == ["Acknowledgments", "The author thanks the river commissions for their data."]
    back = [b.text for b in doc.back_matter]
    assert "Disclaimer" in back and "Acknowledgments" not in back


@pytest.mark.parametrize(("banner", "asked"), [("Policy Brief Series", True), ("Policy Brief Series Four", False)])
def test_text_route_a_short_title_over_a_longer_line_and_the_date_is_asked_about(banner: str, asked: bool) -> None:
    """Up to BANNER_WORDS (3) words over a longer line and the date: maybe a banner, which the text cannot tell."""
    body = "The rivers of the region cross five borders, and no treaty governs their use. " * 3
    source = f"{banner}\n\nRivers Without Treaties in a Dry Decade\n\nApril 10, 2026\n\n{body}\n"
    doc = convert(source.encode(), "paper.txt")
    assert any("series banner" in d.message for d in doc.diagnostics) is asked


def test_the_structure_stage_makes_the_front_of_a_readers_evidence() -> None:
    """The PDF reader only tells lines apart; the stage joins the title, parts the banner, falls back to a signature."""
    evidence = FrontEvidence(
        title=["Rivers Without Treaties", "A Made-up Study"],
        title_span=Span((1, 2)),
        banner=Seen("Imaginary Institute · Brief No. 7", Span((3,)), 1),
        signature=Seen("Dan Sample,\nDirector, Imaginary Rivers", Span((40,)), 3),
    )
    front, found = front_from(evidence)
    assert front.title == "Rivers Without Treaties: A Made-up Study"
    assert (front.publisher, front.series, front.number) == ("Imaginary Institute", "Brief", "7")
    assert front.authors == ["Dan Sample"] and front.roles == {"Dan Sample": "Director, Imaginary Rivers"}
    assert [(d.line, "on page 3" in d.message) for d in found] == [(40, True)]
    evidence.byline = Seen("by Ada Tester*", Span((4,)), 1)  # a byline: the signature names no author
    front, found = front_from(evidence)
    assert front.authors == ["Ada Tester"] and front.author_note_marker and front.byline == "by Ada Tester"
    assert found == []


def test_back_matter_authors_and_their_roles_from_the_readers_lines() -> None:
    """An author section's names open its lines; each role is read under its name, column by column."""
    lines = [Seen(t, Span((n,)), 2) for n, t in enumerate(["Ada Tester", "Ben Sample", "Legislative Attorney"], 10)]
    read = ["Ada Tester", "Legislative Attorney", "Ben Sample"]
    evidence = FrontEvidence(back_authors=AuthorLines(lines, read))
    front, _ = front_from(evidence)
    assert front.authors == ["Ada Tester", "Ben Sample"] and front.roles == {"Ada Tester": "Legislative Attorney"}


# --- a journal's first page: affiliations under the names, history lines, the foot's affiliation -------------------


def _grid(step: float) -> tuple[list[Line], list[Line]]:
    """Two names (12pt) side by side, each with an institution and a place (10pt) under it, ``step`` points apart."""
    names = [_line("Ada Tester", 100, 650, 12), _line("Bea Sample", 300, 650, 12)]
    under = [
        _line("Imaginary University", 90, 650 - step, 10),
        _line("Made-up Institute", 290, 650 - step, 10),
        _line("Springfield, XY", 95, 650 - 2 * step, 10),
        _line("Shelbyville, XY", 295, 650 - 2 * step, 10),
    ]
    return names, under


@pytest.mark.parametrize(("step", "kept"), [(19.0, 4), (21.0, 0)])
def test_affiliation_lines_go_on_under_the_names_up_to_two_of_their_sizes_apart(step: float, kept: int) -> None:
    names, under = _grid(step)
    lines = [*names, *under, _line(BODY, 72, 500)]
    assert len(affiliation_lines(lines, names)) == kept


def test_affiliation_lines_stop_at_a_heading_prose_or_a_line_beside_the_names() -> None:
    names, under = _grid(12.0)
    heading = _line("1 Introduction", 300, 650 - 36, 10, BOLD)
    beside = _line("Received: 3 May 2026", -5, 650 - 12, 10)  # in the margin column, left of the names
    prose = _line("the text of the body runs on here", 100, 650 - 36, 10)
    for after in (heading, prose):
        assert affiliation_lines([*names, *under, beside, after], names) == under


def test_a_journal_first_page_keeps_its_history_badge_and_foot_affiliation_out_of_the_body() -> None:
    title = [run("Rivers and the Made-up Lakes of the North", 72, 700, 24, BOLD)]
    history = [run("Received: 3 May 2026", 72, 660), run("Accepted: 9 June 2026", 72, 648)]
    badge = [run("Check for updates", 72, 636)]
    foot = [run("Imaginary University, Springfield, XY 12345. email: ada@example.org", 72, 60, 8.5)]
    reading = build([page(1, [*title, *history, *badge, *body(600, 30), *foot]), page(2, body(700, 40))])
    texts = [b.text for b in reading.blocks if b.kind is not BlockKind.FURNITURE]
    assert not any(t.startswith(("Received", "Check for", "Imaginary University")) for t in texts)
    front = front_of(reading)
    assert front.title.startswith("Rivers")
    # History and affiliation are the front's, each line as printed; the badge no field holds stays in a finding.
    # (The last history line that says what date it is, "Accepted", is the paper's date: shown once, as the date.)
    assert front.history == ["Received: 3 May 2026"]
    assert front.affiliations == ["Imaginary University, Springfield, XY 12345. email: ada@example.org"]
    messages = [d.message for d in reading.diagnostics]
    assert any("Check for updates" in m for m in messages)
    assert not any("Received: 3 May 2026" in m or "ada@example.org" in m for m in messages)
    # The foot line set in the body's size is the body's (a last line of a paragraph, say): it stays.
    same = [run("Imaginary University, Springfield, XY 12345. email: ada@example.org", 72, 60)]
    reading = build([page(1, [*title, *body(600, 30), *same]), page(2, body(700, 40))])
    assert any(b.text.startswith("Imaginary University") for b in reading.blocks if b.kind is not BlockKind.FURNITURE)


def test_a_keywords_line_with_its_label_is_the_front_s_keywords() -> None:
    title = [run("Rivers and the Made-up Lakes of the North", 72, 700, 24, BOLD)]
    keywords = [run("Keywords: rivers, made-up lakes, treaties", 72, 660)]
    reading = build([page(1, [*title, *keywords, *body(620, 30)]), page(2, body(700, 40))])
    front = front_of(reading)
    assert (front.keywords_label, front.keywords) == ("Keywords", ["rivers", "made-up lakes", "treaties"])


# --- a letter's addressees ---------------------------------------------------------------------------------------


def _text(words: str) -> Block:
    return Block(BlockKind.TEXT, words, Span((1,)))


@pytest.mark.parametrize(("extra", "kept"), [(23, True), (24, False)])
def test_an_addressee_block_holds_at_most_thirty_words(extra: int, kept: bool) -> None:
    address = "The Honorable Ada Tester Chair Committee on " + " ".join(["Rivers"] * extra)  # 7 + extra words
    front = Front()
    rest = _addressees(front, [_text(address), _text(BODY)])
    assert (len(front.addressees), len(rest)) == ((1, 1) if kept else (0, 2))


def test_addressees_are_the_first_run_of_them_never_a_sentence() -> None:
    front = Front()
    blocks = [_text("The Honorable Ada Tester Chair"), _text("The Honorable Bea Sample Member"), _text(BODY)]
    blocks += [_text("The Honorable Cy Example Senate")]
    assert _addressees(front, blocks) == blocks[2:]
    assert [p.text for p in front.addressees] == ["The Honorable Ada Tester Chair", "The Honorable Bea Sample Member"]
    sentence = [_text("The Honorable member for Springfield said so.")]
    assert _addressees(Front(), sentence) == sentence


@pytest.mark.parametrize(("gap", "apart"), [(24.0, True), (26.0, False)])
def test_a_labelled_section_between_abstract_and_keywords_is_front_matter(gap: float, apart: bool) -> None:
    # Its lines follow its label up to a paragraph's gap (2.5 of their size) below: further down, the body's.
    title = [run("Rivers and the Made-up Lakes of the North", 72, 700, 24, BOLD)]
    abstract = [run("Abstract", 72, 660, 11, BOLD), run("Rivers run on through the made-up lands.", 72, 646)]
    section = [run("Subject Areas", 72, 620, 11, BOLD), run("Hydrology; made-up places", 72, 620 - gap)]
    keywords = [run("Keywords", 72, 560, 11, BOLD), run("rivers; lakes", 72, 546)]
    reading = build([page(1, [*title, *abstract, *section, *keywords, *body(500, 30)]), page(2, body(700, 40))])
    texts = [b.text for b in reading.blocks if b.kind is not BlockKind.FURNITURE]
    assert any("Hydrology" in t for t in texts) is not apart
    assert front_of(reading).keywords == ["rivers", "lakes"]
