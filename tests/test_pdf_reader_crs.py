"""The PDF route on real reports: four public-domain CRS reports, judged against their truth files.

The truth (tests/fixtures/pdf/*.truth.json) comes from the publisher's own HTML edition checked
against the PDF; see tests/fixtures/pdf/README.md for how to compare. Run with ``-s`` to see the
figures per report.
"""

from __future__ import annotations

import json
import re
import struct
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from paper2myst.inline import SCRIPT
from paper2myst.model import BlockKind, Document, Heading, ItemList, Paragraph, Quote
from paper2myst.pipeline import convert_reading
from paper2myst.readers.pdf import read_pdf

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"
REPORTS = ["R48903", "R48913", "IN12422", "IF13199"]

_CALLS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ]+")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def normalise(text: str) -> str:
    """The README's normal form: NFKC, straight quotes, one dash, no soft hyphens, single spaces."""
    text = unicodedata.normalize("NFKC", text.replace("\u00ad", ""))
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "}))
    return " ".join(_DASHES.sub("-", text).split())


_MD = MarkdownIt("zero").enable(["emphasis", "link", "autolink", "escape"])


def plain(text: str) -> str:
    """Text-form markup removed (parsed as the converter parses it): calls dropped, links and emphasis → their text."""
    tokens = _MD.parseInline(_CALLS.sub("", text))
    out: list[str] = []
    autolink = False
    for token in tokens[0].children or [] if tokens else []:
        if token.type == "link_open" and token.markup == "autolink":
            autolink = True
            out.append(str(token.attrs["href"]))  # the address as written (the link text is decoded)
        elif token.type == "link_close":
            autolink = False
        elif token.type == "text" and not autolink:
            out.append(token.content)
    return normalise(SCRIPT.sub(r"\2", "".join(out)))  # a script's role: its text


@dataclass
class Figures:
    """How one report fared."""

    paragraphs: int
    paragraphs_exact: int
    notes: int
    notes_exact: int
    notes_in_body: int
    headings: int
    headings_found: int
    title: bool
    authors: bool
    date: bool
    seconds: float
    missed: list[str]


def measure(report: str) -> Figures:
    truth = json.loads((FIXTURES / f"{report}.truth.json").read_text(encoding="utf-8"))
    start = time.perf_counter()
    reading = read_pdf((FIXTURES / f"{report}.pdf").read_bytes())
    doc: Document = convert_reading(reading, f"{report}.pdf")
    seconds = time.perf_counter() - start
    # Body paragraphs: what the reader read as paragraphs, list items (each a paragraph in the truth) or quotations,
    # not table or figure text.
    prose = {b.span.first for b in reading.blocks if b.kind in {BlockKind.TEXT, BlockKind.LIST_ITEM, BlockKind.QUOTE}}
    texts = [n.text for n in doc.body if isinstance(n, Paragraph | Quote) and n.span.first in prose]
    texts += [item.text for n in doc.body if isinstance(n, ItemList) for item in n.items]
    body = [plain(text) for text in texts]
    headings = {plain(n.text).lower() for n in doc.body if isinstance(n, Heading)}
    notes = {n.label: plain(n.text) for n in doc.notes}
    expected = [normalise(p) for p in truth["paragraphs"]]
    exact = [p for p in expected if p in set(body)]
    truth_notes = {k: normalise(v) for k, v in truth["notes"].items()}
    openings = [v[:60] for v in truth_notes.values()]
    in_body = sum(1 for o in openings if any(o in p for p in body))
    return Figures(
        paragraphs=len(expected),
        paragraphs_exact=len(exact),
        notes=len(truth_notes),
        notes_exact=sum(1 for k, v in truth_notes.items() if notes.get(k) == v),
        notes_in_body=in_body,
        headings=len(truth["headings"]),
        headings_found=sum(1 for h in truth["headings"] if normalise(h).lower() in headings),
        title=normalise(doc.front.title) == normalise(truth["title"]),
        authors=doc.front.authors == truth["authors"],
        date=any(getattr(n, "iso", "") == truth["date"] for n in doc.body),
        seconds=seconds,
        missed=[p for p in expected if p not in set(body)],
    )


@pytest.fixture(scope="module")
def figures() -> dict[str, Figures]:
    results = {report: measure(report) for report in REPORTS}
    for report, f in results.items():
        print(
            f"\n{report}: paragraphs {f.paragraphs_exact}/{f.paragraphs}, notes {f.notes_exact}/{f.notes}, "
            f"notes in body {f.notes_in_body}, headings {f.headings_found}/{f.headings}, "
            f"title {f.title}, authors {f.authors}, date {f.date}, {f.seconds:.2f} s"
        )
    return results


@pytest.mark.parametrize("report", REPORTS)
def test_no_note_inside_the_body(figures: dict[str, Figures], report: str) -> None:
    assert figures[report].notes_in_body == 0


@pytest.mark.parametrize("report", REPORTS)
def test_notes_exact(figures: dict[str, Figures], report: str) -> None:
    f = figures[report]
    assert f.notes_exact == f.notes


@pytest.mark.parametrize("report", REPORTS)
def test_front_matter(figures: dict[str, Figures], report: str) -> None:
    f = figures[report]
    assert (f.title, f.authors, f.date) == (True, True, True)


@pytest.mark.parametrize("report", REPORTS)
def test_headings(figures: dict[str, Figures], report: str) -> None:
    f = figures[report]
    assert f.headings_found == f.headings


@pytest.mark.parametrize("report", REPORTS)
def test_paragraphs(figures: dict[str, Figures], report: str) -> None:
    f = figures[report]
    assert f.paragraphs_exact / f.paragraphs >= 0.99, "\n".join(m[:100] for m in f.missed)


@pytest.mark.parametrize("report", REPORTS)
def test_figures_as_images_and_tables_as_cells(report: str) -> None:
    """Every captioned figure an image of its region (charts included); every table read into cells, or an image."""
    truth = json.loads((FIXTURES / f"{report}.truth.json").read_text(encoding="utf-8"))
    figures = read_pdf((FIXTURES / f"{report}.pdf").read_bytes()).figures
    names = [f.name for f in figures]
    assert sum(n.startswith("figure") for n in names) == truth["figures"]
    assert sum(n.startswith("table") for n in names) == truth["tables"]
    for figure in figures:
        if figure.columns:  # read into cells: a table, not an image
            assert figure.name.startswith("table") and not figure.png and figure.header + figure.body
            continue
        assert figure.png.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = struct.unpack(">II", figure.png[16:24])
        assert width > 200 and height > 80, (figure.name, width, height)
