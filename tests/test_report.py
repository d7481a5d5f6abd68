"""The review report: findings grouped by kind (worst first), one item per table, printed pages, page crops."""

from __future__ import annotations

import re
from pathlib import Path

from paper2myst.cli import main
from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.readers.pdf.lines import Line
from paper2myst.report import around, items, verdict

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"


def test_grouped_by_kind_worst_first_and_one_item_per_table() -> None:
    found = [
        Diagnostic(Kind.TABLE_AS_TEXT, 40, "a table given as text"),
        Diagnostic(Kind.PDF_LAYOUT, 38, "a table kept as an image"),
        Diagnostic(Kind.NO_REFERENCE_LIST, 5, "the paper has no reference list"),
        Diagnostic(Kind.PDF_LAYOUT, 90, "another table kept as an image"),
        Diagnostic(Kind.TABLE_AS_TEXT, 91, "another table given as text"),
        Diagnostic(Kind.TABLE_AS_TEXT, 120, "a table given as text, in no region"),
    ]
    region = {38: "table 1", 40: "table 1", 90: "table 2", 91: "table 2"}.get
    groups = items(found, region)
    shown = [[[d.line for d in item.findings] for item in group] for group in groups]
    # The kinds in the order a reader notices them (diagnostics.SEVERITY); the two findings of each table together,
    # under the worse one's kind.
    kinds = [group[0].first.kind for group in groups]
    assert kinds == sorted(kinds, key=lambda k: Diagnostic(k, 1, "").severity) and len(set(kinds)) == len(kinds)
    assert kinds[-1] is Kind.NO_REFERENCE_LIST  # an option offered (--works-cited), no defect a reader sees
    assert sorted(map(sorted, (lines for group in shown for lines in group))) == [[5], [38, 40], [90, 91], [120]]


def test_findings_on_one_line_are_one_item() -> None:
    """Two raised letters of one word ("119th") on one line: one item, not two items quoting the same line."""
    found = [
        Diagnostic(Kind.PDF_LAYOUT, 70, "raised 't' calls no note"),
        Diagnostic(Kind.PDF_LAYOUT, 70, "raised 'h' calls no note"),
        Diagnostic(Kind.PDF_LAYOUT, 71, "raised 'x' calls no note"),
        Diagnostic(Kind.NO_REFERENCE_LIST, 70, "the paper has no reference list"),
    ]
    groups = items(found, lambda line: None)
    assert [[[d.message[:10] for d in item.findings] for item in group] for group in groups] == [
        [["raised 't'", "raised 'h'", "the paper "], ["raised 'x'"]],  # under the worse kind
    ]


def test_one_finding_on_several_lines_of_a_table_is_said_once() -> None:
    found = [Diagnostic(Kind.PDF_LAYOUT, n, "small type kept after the page") for n in (360, 491, 600)]
    found.append(Diagnostic(Kind.PDF_LAYOUT, 700, "a hyphen kept"))
    (group,) = items(found, lambda line: "table 1")
    assert group[0].said() == [
        ("small type kept after the page (3 times)", "pdf_layout"),
        ("a hyphen kept", "pdf_layout"),
    ]


def test_output_around_a_line() -> None:
    output = "# Title\n\nFirst paragraph of the text.\n\nThe second paragraph, with a table's caption.\n"
    assert around(output, "The second  paragraph, with a") == "The second paragraph, with a table's caption."
    assert around(output, "words nowhere in it") == ""
    assert around("", "First paragraph") == ""
    # A date printed twice: the stray line itself, not the first paragraph holding the words.
    dated = "Updated April 14, 2026\n\nText.\n\n````{container} table-rows\nApril 14, 2026\n````\n"
    assert around(dated, "April 14, 2026") == "````{container} table-rows\nApril 14, 2026\n````"


def test_the_verdict_counts_in_words_and_calls_an_option_no_defect() -> None:
    one = [Diagnostic(Kind.NO_REFERENCE_LIST, 3, "the paper has no reference list")]
    assert verdict(one) == (
        "verdict: converted; check 1 decision before publishing (--report FILE lists them); "
        "an option: the paper has no reference list"
    )
    two = [*one, Diagnostic(Kind.TABLE_AS_TEXT, 9, "a table given as text")]
    assert "check 2 decisions before publishing" in verdict(two)
    assert verdict(two).endswith("; the worst: a table given as text")


def test_the_report_does_not_point_to_itself() -> None:
    found = [Diagnostic(Kind.TABLE_AS_TEXT, 3, "a table given as text")]
    assert "(--report FILE lists them)" in verdict(found)
    assert "--report" not in verdict(found, listed=True)


def test_pdf_report_names_printed_pages_and_shows_the_page(tmp_path: Path) -> None:
    """R48913: its tables' findings merged, each item with its printed page, a crop of it, the output there."""
    report = tmp_path / "review.html"
    docs = ["--docs", str(tmp_path / "docs"), "--bib", str(tmp_path / "r.bib")]
    assert main([str(FIXTURES / "R48913.pdf"), *docs, "--report", str(report)]) == 0
    text = report.read_text(encoding="utf-8")
    assert "(--report FILE lists them)" not in text
    pages = re.findall(r"<strong>page (\d+) \(PDF sheet (\d+)\)</strong>", text)
    assert pages and all(int(sheet) > int(page) for page, sheet in pages)  # cover, summary, contents: unnumbered
    assert text.count('<img alt="the page around it" src="data:image/png;base64,') == text.count('<li id="line-')
    # Its tables are read into cells now, so no finding names them; findings on one table are merged into one
    # item, which the grouping test above pins on findings made for it.
    assert "a table kept as an image" not in text
    assert "The output there:" in text
    assert 'href="docs/_build/html/index.html"' in text


def test_printed_page_numbers_and_labels() -> None:
    """A page's number as printed: "7", "Page 7 of 30", or a label with its part's prefix ("A-3"), kept whole."""
    from paper2myst.readers.pdf import printed_numbers
    from paper2myst.readers.pdf.extract import Font, Run
    from paper2myst.readers.pdf.lines import make_line

    def furniture(page: int, text: str) -> Line:
        line = make_line(page, [Run(text, 72, 120, 40, 50, 40, 9, Font("Body", False, False))], 0)
        line.role, line.text = "furniture", text
        return line

    texts = ["7", "Page 8 of 30", "A-3", "ABCD-12", "ABCDE-12", "A-", "Report A-3"]
    found = printed_numbers([furniture(k + 1, text) for k, text in enumerate(texts)])
    assert found == {1: "7", 2: "8", 3: "A-3", 4: "ABCD-12"}


def test_a_pdf_report_takes_a_table_over_pages_for_one_region() -> None:
    """The rows of a table read into cells, on every page it runs over, are one region: one item in the report."""
    from paper2myst.cli import pdf_review
    from paper2myst.readers import Reading

    reading = Reading(lines=["x"] * 20, blocks=[])
    review = pdf_review(b"", reading, "", "", tables=[(5, 6, 12, 13)])
    assert review.region(5) == review.region(13) is not None
    assert review.region(7) is None


def test_each_kind_is_headed_in_words_with_its_code_to_search() -> None:
    from paper2myst.report import html_report, markdown_report

    found = [Diagnostic(Kind.TABLE_AS_TEXT, 2, "a table given as text")]
    lines = ["Title", "Year Count", "Words of the text."]
    text = markdown_report("paper.txt", lines, found, str)
    assert "## Table as text — `table_as_text` (1 item)" in text
    assert "<h2>Table as text <code>table_as_text</code> (1 item)</h2>" in html_report("paper.txt", lines, found, str)
