"""The review report: findings grouped by kind (worst first), one item per table, printed pages, page crops."""

from __future__ import annotations

import re
from pathlib import Path

from paper2myst.cli import main
from paper2myst.diagnostics import Diagnostic, Kind
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
    assert kinds[0] is Kind.NO_REFERENCE_LIST
    assert sorted(map(sorted, (lines for group in shown for lines in group))) == [[5], [38, 40], [90, 91], [120]]


def test_output_around_a_line() -> None:
    output = "# Title\n\nFirst paragraph of the text.\n\nThe second paragraph, with a table's caption.\n"
    assert around(output, "The second  paragraph, with a") == "The second paragraph, with a table's caption."
    assert around(output, "words nowhere in it") == ""
    assert around("", "First paragraph") == ""


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
