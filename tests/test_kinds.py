"""Each block kind the text route knows, input → expected MyST (written by hand), one case per kind.

Cases live in tests/fixtures/kinds/*.md in MyST-Parser's fixture form: a title line, ``.``, the input, ``.``,
the expected MyST of the body and the notes, ``.``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from paper2myst.emit import body, emit, notes
from paper2myst.pipeline import convert

FIXTURES = Path(__file__).parent / "fixtures" / "kinds"


def read_cases() -> list[tuple[str, str, str]]:
    cases = []
    for path in sorted(FIXTURES.glob("*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        at = 0
        while at < len(lines):
            if not lines[at].strip():
                at += 1
                continue
            title = lines[at]
            assert lines[at + 1] == ".", title
            end_input = lines.index(".", at + 2)
            end_output = lines.index(".", end_input + 1)
            cases.append((title, "\n".join(lines[at + 2 : end_input]), "\n".join(lines[end_input + 1 : end_output])))
            at = end_output + 1
    return cases


CASES = read_cases()


@pytest.mark.parametrize(("title", "source", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_kind(title: str, source: str, expected: str) -> None:
    doc = convert((source + "\n").encode("utf-8"), "paper.txt")
    assert "\n".join([*body(doc), *notes(doc)]).rstrip("\n") == expected


FRONT = """WORKING PAPER

Water Rights Today

Sharing a River in a Warming Climate

by Ann Author and Ben Writer

Working Paper No. 14/2024

DOI: 10.1234/wp.2024.14

ISSN 2280-4331

1 November 2023

Abstract

Rivers are shared or fought over.

Keywords: water; climate; treaties

Executive Summary

The summary of the paper.

1. Introduction

The paper itself.
"""

REPORT = """Water Rights Today

April 10, 2026

Introduction

The report itself.

Author Information

Ann Author Senior Fellow in Water Policy

Ben Writer Analyst in Trade Policy

Disclaimer

The views are the authors' own.
"""


def test_front_matter_forms() -> None:
    """A series banner, a subtitle, a series line, DOI, ISSN, a date, an abstract and keywords after labels."""
    doc = convert(FRONT.encode("utf-8"), "paper.txt")
    meta = json.loads(emit(doc, "en", "refs.bib").pages["paper.json"])
    assert (meta["title"], meta["subtitle"]) == ("Water Rights Today", "Sharing a River in a Warming Climate")
    assert meta["authors"] == ["Ann Author", "Ben Writer"]
    assert (meta["series"], meta["number"], meta["doi"], meta["issn"]) == (
        "Working Paper",
        "14/2024",
        "10.1234/wp.2024.14",
        "2280-4331",
    )
    assert meta["date"] == "2023-11-01"
    assert meta["abstract"] == "Rivers are shared or fought over."
    assert meta["keywords"] == ["water", "climate", "treaties"]
    # An executive summary is a section of the body, as the publisher's edition shows it.
    assert "\n".join(body(doc)).count("## ") == 2 and "## Executive Summary" in "\n".join(body(doc))
    assert doc.diagnostics == []


def test_report_cover_and_author_information() -> None:
    """No byline: the authors come from the "Author Information" block; it goes to the back matter."""
    doc = convert(REPORT.encode("utf-8"), "paper.txt")
    meta = json.loads(emit(doc, "en", "refs.bib").pages["paper.json"])
    assert meta["authors"] == ["Ann Author", "Ben Writer"]
    assert meta["date"] == "2026-04-10"
    assert [b.text for b in doc.back_matter][:2] == ["Author Information", "Ann Author Senior Fellow in Water Policy"]
    assert doc.diagnostics == []
