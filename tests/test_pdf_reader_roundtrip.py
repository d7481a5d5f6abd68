"""Round trip: a paper's PDF, read back, is the document the text route makes of the paper's text.

Two engines set the PDFs: this project's own PDF edition (whatever engine docs/conf.py uses), and
Typst (the PyPI ``typst`` package) from a small Typst source written here from the text route's
document — another layout, other fonts, other footnotes, hyphenation on.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import DOCS, ROOT, SOURCE, make_builder
from paper2myst.model import DateLine, Document, Heading, Paragraph
from paper2myst.pipeline import convert, convert_reading
from paper2myst.readers import Reading
from paper2myst.readers.pdf import read_pdf
from test_pdf_reader_crs import normalise, plain

PAPERS = Path(__file__).parent / "fixtures" / "papers"
SOURCES = {"seed": SOURCE} | {p.stem: p for p in sorted(PAPERS.glob("*.txt"))}
_CALL = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|(?<=\S)\*(?=\s|$)")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# Which entry each note cites, read by hand from each paper's text: the links are checked against it, not
# against the other route (both could lose the same link).
CITED = json.loads((PAPERS / "citations.json").read_text(encoding="utf-8"))


def summary(doc: Document) -> dict[str, object]:
    """What must survive the round trip, markup-insensitive (``<url>`` and a bare address are one link)."""
    paragraphs = [n for n in doc.body if isinstance(n, Paragraph)]
    places = {}
    for i, p in enumerate(paragraphs):
        for call in re.finditer("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", p.text):
            places[call.group().translate(_SUPERSCRIPTS)] = (i, plain(p.text[: call.start()])[-40:])
    front = doc.front
    return {
        "title": normalise(front.title),
        "byline": normalise(front.byline),
        "authors": front.authors,
        "author note": front.author_note_marker,
        "abstract": [plain(p.text) for p in front.abstract],
        "keywords": front.keywords,
        "labels": (front.abstract_label.lower(), front.keywords_label.lower()),
        "date": [n.iso for n in doc.body if isinstance(n, DateLine)],
        "headings": [normalise(n.text) for n in doc.body if isinstance(n, Heading)],
        "paragraphs": [plain(p.text) for p in paragraphs],
        "notes": {n.label: plain(n.text) for n in doc.notes},
        "note places": places,
        "references heading": doc.references_heading.text if doc.references_heading else "",
        "references": [plain(r.text) for r in doc.references],
    }


def assert_same(text_doc: Document, pdf_doc: Document) -> None:
    expected, found = summary(text_doc), summary(pdf_doc)
    for key in expected:
        assert found[key] == expected[key], key


def assert_same_or_reported(text_doc: Document, reading: Reading) -> None:
    """The same document, except paragraphs and notes that differ where the reader reported a guess."""
    expected, found = summary(text_doc), summary(convert_reading(reading, "paper.pdf"))
    guessed = [re.search(r"'([^']*)'", d.message) for d in reading.diagnostics if "hyphen" in d.message]
    reported = [m.group(1).rstrip(",.;") for m in guessed if m]
    words = [w.replace("-", "") for w in reported] + reported  # as dropped, or as kept
    for key in expected:
        if key in {"paragraphs", "notes"}:
            continue
        assert found[key] == expected[key], key
    pairs = list(zip(expected["paragraphs"], found["paragraphs"], strict=True))  # type: ignore[call-overload]
    notes = expected["notes"]
    assert isinstance(notes, dict)
    pairs += [(text, found["notes"].get(label, "")) for label, text in notes.items()]  # type: ignore[union-attr]
    for want, got in pairs:
        if want != got:
            assert any(w and (w in got or w.lower() in got.lower()) for w in words), (want, got)


def note_links(doc: Document) -> dict[str, list[str]]:
    """Each note's citations, in order, as the printed text (markup dropped) of the entry each links to."""
    printed = {e.key: normalise(plain(e.source)) for e in doc.entries}
    return {n.label: [printed[c.key] for c in n.citations] for n in doc.notes if n.citations}


def assert_links_true(name: str, doc: Document) -> None:
    """Every note links the entries the paper's truth says it cites, and nothing else."""
    truth = {label: cited for label, cited in CITED[name].items() if not label.startswith("_")}
    found = note_links(doc)
    assert sorted(found) == sorted(truth), (found, truth)
    for label, cited in truth.items():
        assert len(found[label]) == len(cited), (label, found[label], cited)
        for got, want in zip(found[label], cited, strict=True):
            assert got.startswith(normalise(want)), (label, got, want)


def text_doc(name: str) -> Document:
    return convert(SOURCES[name].read_bytes(), SOURCES[name].name)


# --- this project's PDF edition ---------------------------------------------------------------------------


def edition_pdf(name: str, work: Path) -> Path:
    """Build the PDF edition of a paper: the seed's committed docs/, or a test paper's expected pages."""
    docs = work / "docs"
    shutil.copytree(
        DOCS, docs, ignore=shutil.ignore_patterns("_build", *([] if name == "seed" else ["*.md", "paper.json"]))
    )
    if name == "seed":
        shutil.copytree(ROOT / "refs", work / "refs")
    else:
        (work / "refs").mkdir()
        for file in (PAPERS / f"{name}.expected").iterdir():
            shutil.copy(file, work / "refs" / file.name if file.suffix == ".bib" else docs / file.name)
    out = make_builder(docs, work / "_build")("pdf")
    return next(out.glob("*.pdf"))


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SOURCES))
def test_own_pdf_edition_reads_back(name: str, tmp_path: Path) -> None:
    pdf = edition_pdf(name, tmp_path)
    expected, found = text_doc(name), convert_reading(read_pdf(pdf.read_bytes()), pdf.name)
    assert_same(expected, found)
    assert_links_true(name, found)
    # The edition prints the publisher's name above the title (a banner, never the title) and on its last page.
    assert found.front.publisher == expected.front.publisher


@pytest.mark.parametrize("name", list(SOURCES))
def test_text_route_links_every_citation_the_truth_names(name: str) -> None:
    assert_links_true(name, text_doc(name))


# --- the same papers set by Typst ---------------------------------------------------------------------------

_TYPST_SPECIAL = re.compile(r"([\\#$*_`<>@\[\]~=\-+/\"';])")  # Typst markup; ";" would end an embedded call
_LINK = re.compile(
    r"<(https?://[^>]+)>|\[((?:\\.|[^\]])*)\]\(((?:[^()\s]|\([^()]*\))*)\)|\*([^*]+)\*|(https?://\S+[^\s.,;:)])"
)
_UNESCAPE = re.compile(r"\\(.)")


def typst_inline(text: str, notes: dict[str, str], endnotes: bool = False) -> str:
    """The text form in Typst markup: emphasis, links, and each call as the footnote it opens."""
    out, at = [], 0
    calls = [(m.start(), m.end(), m.group()) for m in _CALL.finditer(text)]
    pieces = []
    for start, end, call in calls:
        pieces.append((text[at:start], call))
        at = end
    pieces.append((text[at:], ""))
    for chunk, call in pieces:
        out.append(_typst_markup(chunk))
        label = call.translate(_SUPERSCRIPTS) if call else ""
        if label in notes and endnotes:
            out.append(f"#super[{esc(label)}]")
        elif label in notes:
            numbering = '(numbering: "*")' if label == "*" else ""
            out.append(f"#footnote{numbering}[{_typst_markup(notes[label])}]")
    return "".join(out)


def esc(text: str) -> str:
    """Plain text for Typst: its markup characters escaped."""
    return _TYPST_SPECIAL.sub(r"\\\1", text)


def _typst_markup(text: str) -> str:
    out, at = [], 0
    for m in _LINK.finditer(text):
        out.append(esc(text[at : m.start()]))
        if m.group(1) or m.group(5):
            url = m.group(1) or m.group(5)
            out.append(f'#link("{url}")[{esc(url)}]')
        elif m.group(3) is not None:
            visible = _UNESCAPE.sub(r"\1", m.group(2))
            out.append(f'#link("{m.group(3).strip("<>")}")[{esc(visible)}]')
        else:
            out.append(f"_{esc(m.group(4))}_")
        at = m.end()
    out.append(esc(text[at:]))
    return "".join(out)


def typst_source(doc: Document, endnotes: bool = False) -> str:
    """The paper in Typst: footnotes at the page foot, or (``endnotes``) a numbered "Notes" section at the end."""
    notes = {n.label: n.text for n in doc.notes}
    front = doc.front
    setup = [
        '#set page(paper: "us-letter", margin: (x: 2.2cm, y: 2.5cm), numbering: "1",',
        f"  header: context {{ if counter(page).get().first() > 1 [#text(size: 8pt)[#emph[{esc(front.title)}]]] }})",
        '#set text(size: 11pt, lang: "en")',
        "#set par(justify: true, first-line-indent: 1.2em, spacing: 0.65em)",
        "#show heading: set block(above: 1.4em, below: 1em)",
    ]
    parts = [
        "\n".join(setup),
        f'#align(center)[#text(size: 20pt, weight: "bold")[{esc(front.title)}]]',
    ]
    if front.byline:
        note = ""
        if front.author_note_marker and endnotes:
            note = "#super[\\*]"
        elif front.author_note_marker:  # the author note does not count: the numbered notes start at 1
            note = f'#footnote(numbering: "*")[{_typst_markup(notes["*"])}]#counter(footnote).update(0)'

        byline = esc(front.byline) + note
        parts.append(f"#align(center)[{byline}]")
    if front.abstract:
        parts.append(f'#text(weight: "bold")[{esc(front.abstract_label)}]')
        parts += [esc(p.text) + "\n" for p in front.abstract]
    if front.keywords_line:
        parts.append(f'#text(weight: "bold")[{esc(front.keywords_label)}]')
        parts.append(esc(front.keywords_line) + "\n")
    for node in doc.body:
        if isinstance(node, Heading):
            parts.append(f"= {esc(node.text)}")
        elif isinstance(node, DateLine):
            parts.append(esc(node.text) + "\n")
        else:
            parts.append(typst_inline(node.text, notes, endnotes) + "\n")
    if endnotes:
        parts.append("= Notes")
        parts += [f"{esc(n.label)}\\. {_typst_markup(n.text)}" for n in doc.notes]
    if doc.references_heading:
        parts.append(f"= {esc(doc.references_heading.text)}")
        parts += [
            f"#par(hanging-indent: 1.5em, first-line-indent: 0em)[{_typst_markup(r.text)}]" for r in doc.references
        ]
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize("endnotes", [False, True], ids=["footnotes", "endnotes"])
@pytest.mark.parametrize("name", list(SOURCES))
def test_typst_typeset_paper_reads_back(name: str, endnotes: bool, tmp_path: Path) -> None:
    """Typst's layout, fonts and notes; where a line-end hyphen could not be told, the reader says so."""
    typst = pytest.importorskip("typst")
    doc = text_doc(name)
    source = tmp_path / f"{name}.typ"
    source.write_text(typst_source(doc, endnotes), encoding="utf-8")
    reading = read_pdf(typst.compile(str(source)))
    assert_same_or_reported(doc, reading)
    assert_links_true(name, convert_reading(reading, "paper.pdf"))


@pytest.mark.parametrize("name", list(SOURCES))
def test_typst_two_columns_reads_back_or_says_where_unsure(name: str, tmp_path: Path) -> None:
    """Two narrow columns, notes at each column's foot, many hyphenated line ends.

    Whatever differs from the text route must be where the reader said it guessed (a line-end hyphen).
    """
    typst = pytest.importorskip("typst")
    doc = text_doc(name)
    source = tmp_path / f"{name}.typ"
    source.write_text(typst_source(doc).replace('paper: "us-letter",', 'paper: "a4", columns: 2,'), encoding="utf-8")
    assert_same_or_reported(doc, read_pdf(typst.compile(str(source))))
