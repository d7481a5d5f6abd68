"""Text the converter must not trust: each case ends in a diagnostic at its line, and none passes --strict."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt
from paper2myst.diagnostics import ConversionError, Kind
from paper2myst.emit import body
from paper2myst.pipeline import convert

KEYWORDS_AS_TITLE = """Water security | Jordan | Israel | Transboundary rivers

by Ann Author

Introduction

A paragraph that says something.
"""

NOTE_AREA_WITHOUT_CALLS = """Water Rights Today

by Ann Author

Introduction

A paragraph that calls no note at all.

¹ A note nothing calls.

² Another note nothing calls.
"""

NOTES_NOT_RECOGNISED = """Water Rights Today

by Ann Author

Introduction

A paragraph whose calls the extraction lost.

1 Hussein A. Amery, Water Wars in the Middle East, Austin, 2015.

2 Mark Zeitoun, Power and Water in the Middle East, London, 2012, <https://example.org/zeitoun>.
"""


def ten_joins() -> str:
    """One paragraph cut by ten page breaks: each piece goes on after a note area, in lower case."""
    sup = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
    blocks = ["Water Rights Today", "by Ann Author", "Introduction"]
    for k in range(1, 12):
        start = "A sentence" if k == 1 else "and"
        end = " ends here." if k == 11 else ""
        blocks.append(f"{start} that goes on with its piece {k}{str(k).translate(sup)}{end}")
        blocks.append(f"{str(k).translate(sup)} Note {k}.")
    return "\n\n".join(blocks) + "\n"


FIGURE_WITHOUT_SOURCE = """Water Rights Today

by Ann Author

Introduction

A paragraph before the figure.

Figure 1. Water Use by Sector

Farming

Towns

Industry

A paragraph after the figure.
"""

CASES = {
    "keywords line as title": (KEYWORDS_AS_TITLE, Kind.SUSPICIOUS_FRONT, 1, "keywords line"),
    "note area with no calls": (NOTE_AREA_WITHOUT_CALLS, Kind.NOTE_WITHOUT_MARKER, 9, "no marker"),
    "notes not recognised": (NOTES_NOT_RECOGNISED, Kind.SUSPICIOUS_NOTES, 9, "read like notes"),
    "a paragraph of ten joins": (ten_joins(), Kind.SUSPICIOUS_JOIN, 7, "several page-break joins"),
    "a figure with no source line": (FIGURE_WITHOUT_SOURCE, Kind.UNCERTAIN_EXTENT, 9, "where its figure ends"),
    "figure text read as headings": (FIGURE_WITHOUT_SOURCE, Kind.SUSPICIOUS_HEADINGS, 11, "3 headings in a row"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_untrusted_input_is_reported(case: str) -> None:
    text, kind, line, message = CASES[case]
    try:
        diagnostics = convert(text.encode("utf-8"), "paper.txt").diagnostics
    except ConversionError as err:  # refused outright is reported too
        diagnostics = err.diagnostics
    found = [d for d in diagnostics if d.kind is kind]
    assert found, diagnostics
    assert found[0].line == line and message in found[0].message


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_untrusted_input_fails_strict(case: str) -> None:
    with pytest.raises(ConversionError):
        convert(CASES[case][0].encode("utf-8"), "paper.txt", strict=True)


def links_in(myst: str) -> list[str]:
    """Every link destination a Markdown reader could make of ``myst``, even one it would refuse to open."""
    md = MarkdownIt("commonmark")
    md.validateLink = lambda url: True  # see every link, not only the ones markdown-it itself deems safe
    return [
        str(token.attrs["href"])
        for block in md.parse(myst)
        for token in block.children or []
        if token.type == "link_open"
    ]


SCRIPT_LINKS = [
    "<javascript:alert(1)>",
    "<JaVaScRiPt:alert(1)>",
    "<vbscript:msgbox(1)>",
    "[the words](javascript:alert(1))",
    "[the words](<javascript:alert(document.cookie)>)",
    "[the words](JaVaScRiPt:alert(1))",
    "[the words](javascript&colon;alert(1))",
    "[the words](&#106;avascript:alert(1))",
    "[the words](vbscript:msgbox(1))",
    "[the words](data:text/html;base64,PHNjcmlwdD4=)",
    "[the words](file:///etc/passwd)",
]


@pytest.mark.parametrize("link", SCRIPT_LINKS)
def test_script_link_in_text_is_shown_never_opened(link: str) -> None:
    """The text route writes a javascript: (data:, file:, vbscript:) link as its literal text, never a live link."""
    text = f"Water Rights Today\n\nby Ann Author\n\nIntroduction\n\nA paragraph with {link} in it.\n"
    myst = "\n".join(body(convert(text.encode("utf-8"), "paper.txt")))
    assert links_in(myst) == []
    shown = myst.replace("\\", "")  # the escapes that keep it text
    assert f"A paragraph with {link} in it." in shown
