"""A journal article's front matter as publishers' classes set it: run-in abstract labels, marked and capital names."""

from __future__ import annotations

from paper2myst.model import BlockKind, Front
from paper2myst.readers import Reading
from paper2myst.readers.pdf import build
from paper2myst.readers.pdf.extract import Font, Page, Run
from paper2myst.readers.pdf.front import (
    in_name_case,
    lead_name,
    name_text,
    names_written,
    printed_form,
    run_in,
)
from paper2myst.readers.pdf.lines import make_line
from paper2myst.stages.structure import front_from

ROMAN = Font("Serif", False, False)
BOLD = Font("Serif-Bold", True, False)
BOLD_ITALIC = Font("Serif-BoldItalic", True, True)
CAPS = Font("Serif-Caps", False, False)
TITLE = "Rivers and the Made-up Lakes of the North"
BODY = "This line of the body runs on as a paragraph of ordinary text does, across the measure of the page."
ABSTRACT = [
    "This article examines how the made-up rivers were shaped by the",
    "old treaties, and why the lakes that followed them stayed apart.",
]


def run(text: str, x: float, y: float, size: float = 10.0, font: Font = ROMAN) -> Run:
    """A run of ``text`` at (x, baseline y), its width guessed from its length."""
    return Run(text, x, x + len(text) * size * 0.5, y - size * 0.2, y + size * 0.8, y, size, font)


def after(previous: Run, text: str, size: float | None = None, font: Font = ROMAN, rise: float = 0.0) -> Run:
    """A run set right after ``previous`` on its line (raised by ``rise``)."""
    return run(text, previous.x1, previous.baseline + rise, size or previous.size, font)


def page(number: int, runs: list[Run]) -> Page:
    return Page(number, 612.0, 792.0, 0, runs)


def body(y0: float, count: int) -> list[Run]:
    return [run(BODY, 72, y0 - i * 12) for i in range(count)]


def front_of(reading: Reading) -> Front:
    assert reading.evidence is not None
    return front_from(reading.evidence)[0]


def texts(reading: Reading) -> str:
    return " ".join(b.text for b in reading.blocks if b.kind is not BlockKind.FURNITURE)


def with_abstract(
    label: Run, opening: str, font: Font, weight: Font = ROMAN, below: list[Run] | None = None
) -> Reading:
    """A first page: title, names, then an abstract whose first line opens with ``label``, then the body."""
    first = [run(TITLE, 72, 720, 18, BOLD), run("Ada Tester and Bea Sample", 72, 690, 11)]
    first += [label, after(label, opening, font=font), run(ABSTRACT[1], 72, 638, 9, weight)]
    first += below or []
    return build([page(1, [*first, *body(560, 30)]), page(2, body(700, 40))])


def test_a_run_in_abstract_label_in_its_own_face_opens_the_abstract() -> None:
    # "Abstract." in bold, small type, the words on in regular (a proceedings' style).
    reading = with_abstract(run("Abstract. ", 72, 650, 9, BOLD), ABSTRACT[0], ROMAN)
    front = front_of(reading)
    assert [p.text for p in front.abstract] == [" ".join(ABSTRACT)]
    assert front.abstract_label == "Abstract."
    assert ABSTRACT[1] not in texts(reading)


def test_a_bold_abstract_after_a_dash_goes_on_in_bold_and_ends_at_the_index_terms() -> None:
    # "Abstract" in bold italic, "—This article…" in bold, all of it bold; "Index Terms—" labels the keywords.
    terms = run("Index Terms", 72, 626, 9, BOLD_ITALIC)
    below = [terms, after(terms, "—rivers, made-up lakes", font=BOLD)]
    reading = with_abstract(run("Abstract", 72, 650, 9, BOLD_ITALIC), "—" + ABSTRACT[0], BOLD, BOLD, below)
    front = front_of(reading)
    assert [p.text for p in front.abstract] == [" ".join(ABSTRACT)]
    assert front.keywords == ["rivers", "made-up lakes"] and front.keywords_label == "Index Terms"
    assert "made-up lakes" not in texts(reading)


def test_a_first_word_abstract_in_the_texts_own_face_is_no_label() -> None:
    label = run("Abstract", 72, 650, 9)
    assert run_in(make_line(1, [label, after(label, " art of the made-up lakes")], 0)) is None
    bold = run("Abstract", 72, 650, 9, BOLD)
    assert run_in(make_line(1, [bold, after(bold, " art of the lakes")], 0)) is not None
    assert run_in(make_line(1, [run("Abstract art", 72, 650, 9, BOLD), run("x", 200, 650, 9)], 0)) is None


def test_letters_raised_after_names_are_marks_not_letters_of_the_names() -> None:
    name = run("Ada Tester", 72, 690, 12)
    mark = after(name, "a", 8, rise=4)
    other = after(mark, ", Bea Sample", 12, rise=-4)
    line = make_line(1, [name, mark, other, after(other, "b", 8, rise=4)], 0)
    assert name_text(line).replace(" ,", ",") == "Ada Tester, Bea Sample"
    first = [run(TITLE, 72, 720, 18, BOLD), name, mark, other, after(other, "b", 8, rise=4)]
    reading = build([page(1, [*first, *body(600, 30)]), page(2, body(700, 40))])
    assert front_of(reading).authors == ["Ada Tester", "Bea Sample"]


def test_names_in_capitals_are_written_as_the_document_prints_them_elsewhere_else_guessed_with_a_finding() -> None:
    assert in_name_case("ADA TESTER AND BEA MCSAMPLE") == "Ada Tester and Bea Mcsample"
    assert in_name_case("Ada TESTER") == "Ada TESTER"  # small letters: as printed
    assert printed_form("Bea Mcsample", ["ADA TESTER", "Tester and Bea McSample"]) == "Bea McSample"
    assert printed_form("Bea Mcsample", ["BEA MCSAMPLE"]) == ""
    line = make_line(1, [run("ADA TESTER AND BEA MCSAMPLE", 72, 690, 8)], 0)
    line.number = 3
    assert names_written([line], ["Ada Tester and Bea McSample"]) == ({3: "Ada Tester and Bea McSample"}, [])
    assert names_written([line], []) == ({3: "Ada Tester and Bea Mcsample"}, ["Ada Tester", "Bea Mcsample"])
    first = [run(TITLE.upper(), 72, 720, 12, BOLD), run("ADA TESTER AND BEA SAMPLE", 72, 700, 8)]
    reading = build([page(1, [*first, *body(600, 30)]), page(2, body(700, 40))])
    assert front_of(reading).authors == ["Ada Tester", "Bea Sample"]
    assert any("printed in capitals only" in d.message for d in reading.diagnostics)


def unlabelled(size: float, ending: str = ".") -> Reading:
    """Title, names, two lines of ``size`` type without a label (ending with ``ending``), a gap, the body."""
    first = [run(TITLE, 72, 720, 18, BOLD), run("Ada Tester and Bea Sample", 72, 690, 11)]
    first += [run(ABSTRACT[0], 72, 660, size), run(ABSTRACT[1].removesuffix(".") + ending, 72, 649, size)]
    return build([page(1, [*first, *body(600, 30)]), page(2, body(700, 40))])


def test_smaller_type_under_the_names_without_a_label_is_the_abstract_with_a_finding() -> None:
    # SMALLER_TYPE = 0.95 of the body's 10 points: 9.4 is smaller, 9.6 is not.
    reading = unlabelled(9.4)
    assert [p.text for p in front_of(reading).abstract] == [" ".join(ABSTRACT)]
    assert any("abstract without a label" in d.message for d in reading.diagnostics)
    assert ABSTRACT[1] not in texts(reading)
    assert front_of(unlabelled(9.6)).abstract == []
    assert front_of(unlabelled(9.4, ending=",")).abstract == []  # no whole sentence: not an abstract


def test_a_name_in_its_own_type_before_its_affiliation_is_an_author_and_the_rest_the_affiliation() -> None:
    first = [run(TITLE, 72, 720, 18, BOLD)]
    for k, (name, place) in enumerate(
        [("ADA TESTER, ", "Imaginary University, Norway"), ("BEA SAMPLE, ", "Made-up Institute")]
    ):
        head = run(name, 72, 690 - 13 * k, 10.9)
        first += [head, after(head, place, 9)]
    heads = [run("Ada Tester and Bea Sample", 72, 760, 8)]  # the running head prints the names in small letters
    reading = build([page(1, [*first, *body(600, 30)]), page(2, [*heads, *body(700, 40)])])
    front = front_of(reading)
    assert front.authors == ["Ada Tester", "Bea Sample"]
    assert front.affiliations == ["Imaginary University, Norway", "Made-up Institute"]
    assert not any("printed in capitals only" in d.message for d in reading.diagnostics)
    same = run("Ada Tester, ", 72, 690)
    assert lead_name(make_line(1, [same, after(same, "Imaginary University")], 0)) is None  # one type: no lead
    other = run("Ada Tester, ", 72, 690, 10.9)
    assert lead_name(make_line(1, [other, after(other, "Chief of staff", 9)], 0)) is None  # no place after it


def test_affiliations_lettered_by_raised_letters_under_the_names_are_the_authors() -> None:
    name = run("Ada Tester", 72, 690, 12)
    mark = after(name, "a", 8, rise=4)
    other = after(mark, ", Bea Sample", 12, rise=-4)
    first = [run(TITLE, 72, 720, 18, BOLD), name, mark, other, after(other, "b", 8, rise=4)]
    for k, place in enumerate(["Imaginary University, Springfield", "Made-up Institute, Shelbyville"]):
        letter = run("ab"[k], 72, 676 - 12 * k, 7)  # the affiliation 18 points under the names
        first += [letter, after(letter, place, 10, rise=-4)]
    reading = build([page(1, [*first, *body(600, 30)]), page(2, body(700, 40))])
    front = front_of(reading)
    assert front.authors == ["Ada Tester", "Bea Sample"]
    assert front.affiliations == ["ᵃImaginary University, Springfield", "ᵇMade-up Institute, Shelbyville"]
