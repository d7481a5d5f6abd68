"""The conventions both routes share (``paper2myst.conventions``): each pattern with forms just inside and outside.

The examples are made up; none is a real paper's words.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from paper2myst import conventions as c

CASES: list[tuple[re.Pattern[str], list[str], list[str]]] = [
    (
        c.CONTINUED_TAIL,
        ["As the act provides (continued...)", "In the year (cont'd)", "and so (Continued on next page) ", "x (cont.)"],
        ["Rules (continuedly)", "A note (continued) and more", "The (Continuing Act) of 2020", "Continued"],
    ),
    (
        c.CONTINUED_LINE,
        ["(continued)", "(Continued on next page)", "(cont.)", "Continued", "cont'd.", "( continued … )"],
        ["Continued growth is expected.", "continued to fall", "(continuedly)", "Discontinued"],
    ),
    (
        c.CAPTION,
        ["Figure 3. Imaginary Rainfall", "Table A-1: Made-up Counts", "Chart 2 — Sample Series", "Box 1.2. Terms"],
        [
            "Figure 3 shows the rainfall.",
            "figure 3. Imaginary Rainfall",
            "Fig. 3. Rainfall",
            "Figure 3.",
            "Table 1234. X",
        ],
    ),
    (
        c.CAPTION_OPENING,
        [
            "FIGURE 3.",
            "Fig. 2: Rainfall",
            "Table A‐1.",
            "Table 4b: Counts",
            "Figure 3 .",
            "Exhibit 12:",
            "Fig. 2 | Rain",
        ],
        [
            "Figure 3 shows the rainfall.",
            "Table of Contents",
            "Figures 3 and 4.",
            "Fig 2: no stop after Fig",
            "Fig. 2 shows | a bar",
        ],
    ),
    (
        c.CAPTION_NOTE,
        ["Source: Made-up Survey, 2020.", "Notes: Figures are rounded.", "Note : See above.", "SOURCES: Imaginary"],
        ["Noted: earlier", "Source of funds", "Footnotes: none", " Source: indented"],
    ),
    (
        c.TABLE_NOTE,
        ["a. Figures are rounded.", "b. Excludes imaginary towns."],
        ["a.m. on Monday", "A. Heading", "ab. Two letters", "a.  "],
    ),
    (
        c.EQUATION,
        ["(A1) Rev = tRK/(1-t)", "(3) x(t) = 0 or"],
        ["(3) The rule applies.", "(123) y = 2", "A1) y = 2"],
    ),
    (
        c.BYLINE,
        ["By Ada B. Tester and Dan Sample*", "by Eve F. Model", "BY CARA EXAMPLE"],
        ["Bylines", "by", "Stand by me", "Byron Tester"],
    ),
    (
        c.ADDRESS_LINE,
        ["https://example.org/report", "<https://example.org/x>", "www.example.org", "HTTP://EXAMPLE.ORG"],
        ["See https://example.org/x", "example.org", "https://example.org/x and more"],
    ),
    (
        c.ADDRESS_SUFFIX,
        ["pdf", "html;", "htm)", "pdf. The next", "org/macros/latex", "aspx?id=3", "gov,"],
        ["ibid.", "and the", "pdfs", "html-like", "Pdf", "organisation", "the pdf"],
    ),
    (
        c.CUT_ADDRESS,
        ["1992, https://www.", "Foreign https://www.example.", "see www.example.", "<https://www.example."],
        ["see example.org.", "at https://www.example.org.", "https://example.org/report.", "the end.", "www.x.de."],
    ),
    (
        c.REFERENCES_HEADING,
        ["References", "BIBLIOGRAPHY", "Works Cited", "Sources", "7 References", "12. Bibliography", "VI. References"],
        ["References to the Act", "Notes", "Reference", "2020 References", "123 References", "7References"],
    ),
    (
        c.ENDNOTES_HEADING,
        ["Notes", "Endnotes", "End Notes", "ENDNOTES", "8 Notes", "8. Notes", "VIII. Notes", "IV Notes"],
        ["Note", "Notes on Method", "Footnotes", "2020 Notes", "Civil Notes", "civil notes", "8 Notes on Method"],
    ),
    (
        c.END_MATTER_HEADING,
        ["Acknowledgments", "Acknowledgements:", "Author contributions", "Funding", "6 Acknowledgments", "V. Funding"],
        ["Acknowledgments of Sources", "Funding Sources for Towns", "2020 Funding", "Funded"],
    ),
    (
        c.KEYWORDS_LINE,
        ["Keywords: rainfall; made-up towns", "Key words : imaginary", "KEYWORDS:sample"],
        ["Keywords", "Keywords:", "Keyword: rainfall"],
    ),
    (
        c.FRONT_LABEL,
        ["Abstract", "ABSTRACT:", "Keywords.", "Key words"],
        ["Abstract art", "Keywords: rainfall", "Abstracts"],
    ),
    (
        c.SUMMARY_HEADING,
        ["Summary", "Executive Summary", "SUMMARY"],
        ["Summary of Findings", "In Summary"],
    ),
    (
        c.NUMBERED_HEADING,
        ["1. Made-up Findings", "2.3 Rainfall", "1.2.1 Imaginary Towns", "4.1.2.3 Depth"],
        ["2020 was dry", "1.2.3.4.5 Too Deep", "123 Main Street", "1. " + "x" * 150],
    ),
    (
        c.APPENDIX_HEADING,
        ["Appendix A. Made-up Tables", "Annex 2: Sample Data", "Appendix B", "Appendix. Method"],
        ["Appendix A shows the data.", "Appendices", "Appendix: made-up"],
    ),
    (
        c.LETTER_HEADING,
        ["A. Imaginary Rivers", "B. The Made-up Act"],
        ["A. Tester; B. Model", "A. lower case", "AB. Two Letters"],
    ),
    (
        c.PAGE_NUMBER,
        ["7", "iv", "Page 3", "page 3 of 8", "3 / 8"],
        ["12345", "Page three", "3 of", "seven"],
    ),
    (
        c.LEADER,
        ["Rainfall ..... 3 Towns ..... 5", "Towns . . . . . iv", "Rainfall …… 3"],
        ["Wait... what", "Rainfall ........", "Towns .... page"],
    ),
    (
        c.LEADER_END,
        ["Rainfall ........ 3", "Towns . . . . . iv", "Rainfall ........"],
        ["Rainfall ........ 3 more", "Wait... 3", "Rainfall . . . 3"],
    ),
    (
        c.DATE_LEAD,
        ["Updated April 13, 2026", "Accepted: 2 May 2024", "Last updated 1 May 2026", "Date: 2026-05-04"],
        ["Dated April 13, 2026", "April 13, 2026", "Unpublished draft", "The update of May 2026"],
    ),
    (
        c.RUNNING_HEAD_SEPARATOR,
        ["Imaginary Register / Notices", "Vol. 1 | No. 2", "Institute · Brief", "Rivers • 2026"],
        ["and/or", "Vol. 1|No. 2", "A·B", "2026/27"],
    ),
    (
        c.FURNITURE_LINE,
        ["7", "Page 3", "Page 3 of 8", "<https://example.org/x>", "https://example.org/x", "R12345", "12-345"],
        ["FY 2025", "iv", "Page three", "12345", "R12345 is due", "52-48"],
    ),
]


@pytest.mark.parametrize(("pattern", "inside", "outside"), CASES, ids=lambda v: getattr(v, "pattern", "")[:30])
def test_each_convention_takes_its_forms_and_leaves_the_rest(
    pattern: re.Pattern[str], inside: list[str], outside: list[str]
) -> None:
    search = (
        pattern.search
        if pattern in {c.CONTINUED_TAIL, c.CUT_ADDRESS, c.LEADER, c.LEADER_END, c.RUNNING_HEAD_SEPARATOR}
        else pattern.match
    )
    assert [text for text in inside if not search(text)] == []
    assert [text for text in outside if search(text)] == []


def test_a_continued_tail_starts_where_the_note_stops() -> None:
    text = "The act provides for it (continued...)"
    match = c.CONTINUED_TAIL.search(text)
    assert match and text[: match.start()] == "The act provides for it"


def test_the_tail_takes_every_mark_either_route_took_before() -> None:
    # The text route's old mark and the PDF reader's old mark, both within the one tail.
    for tail in [
        "(continued)",
        "(continued...)",
        "(continued …)",
        "(cont.)",
        "(cont. ...)",
        "(cont'd)",
        "( continued)",
    ]:
        assert c.CONTINUED_TAIL.search(f"A cut note {tail}"), tail


def test_a_caption_names_its_kind_by_its_first_word() -> None:
    match = c.CAPTION.match("Table 2. Made-up Counts")
    assert match and match.group(1) == "Table"


def test_a_byline_gives_its_names_and_its_mark() -> None:
    match = c.BYLINE.match("By Ada B. Tester and Dan Sample*")
    assert match and match.group("names", "marker") == ("Ada B. Tester and Dan Sample", "*")


def test_the_keywords_line_gives_label_and_words() -> None:
    match = c.KEYWORDS_LINE.match("Key words: rainfall; made-up towns")
    assert match and match.group("label", "words") == ("Key words", "rainfall; made-up towns")


@pytest.mark.parametrize(
    ("words", "keywords"),
    [
        ("rainfall; made-up towns, lakes", ["rainfall", "made-up towns, lakes"]),  # semicolons part: commas stay
        ("rainfall | towns", ["rainfall", "towns"]),
        ("rainfall, made-up towns", ["rainfall", "made-up towns"]),  # no semicolon or bar: commas part
    ],
)
def test_keywords_part_by_semicolons_or_bars_else_by_commas(words: str, keywords: list[str]) -> None:
    assert c.split_keywords(words) == keywords


@pytest.mark.parametrize(
    ("line", "history"),
    [("Received: 3 May 2026", True), ("Published online: 9 June 2026", True), ("Received wisdom says", False)],
)
def test_a_history_line_opens_with_its_label(line: str, history: bool) -> None:
    assert bool(c.HISTORY_LEAD.match(line)) == history


def test_bullets_are_signs_and_never_a_dash() -> None:
    assert "•" in c.BULLETS and "✓" in c.BULLETS
    assert not set("-–—o") & set(c.BULLETS)


def test_conventions_import_nothing_from_the_routes() -> None:
    tree = ast.parse(Path(c.__file__).read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not {m for m in imported if m.startswith(("paper2myst.stages", "paper2myst.readers"))}
    assert imported <= {"__future__", "re"}


def test_end_matter_runs_from_its_heading_to_the_next_back_matter_heading() -> None:
    from paper2myst.conventions import end_matter

    parts = ["Author Information", None, "Acknowledgments", None, "Further thanks", None, "Disclaimer", None]
    assert end_matter(parts) == [False, False, True, True, True, True, False, False]
