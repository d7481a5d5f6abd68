"""The PDF edition, read back: the text in order, each note on its marker's page, references, metadata, links."""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import DOCS, ROOT, Builder, sphinx_build
from plain import plain, squash
from pypdf import PdfReader
from pypdf.generic import Destination

pytestmark = pytest.mark.slow

PAPER = json.loads((DOCS / "paper.json").read_text(encoding="utf-8"))
MARKER = re.compile(r"\[\^([^\]\s]+)\]")
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# A paragraph's words may be interrupted (page foot notes, running head, page number) by at most this many words.
MAX_GAP = 400


def words(text: str) -> list[str]:
    """Comparable words: a hyphen at a line end joins (hyphenation), other hyphens vanish, '*' counts as a word.

    Letters and digits are separate words: a note call follows its word without a space ("territory21").
    """
    text = re.sub(r"-[ \t]*\n\s*", "", text.translate(SUPERSCRIPTS))
    return re.findall(r"[^\W\d_]+|\d+|\*", text.replace("-", "").lower())


def visible(markdown: str) -> str:
    """What a reader sees of a MyST paragraph, without its note markers."""
    return squash(plain(MARKER.sub("", markdown)))


@dataclass
class Source:
    """docs/index.md, cut into the parts the PDF must show."""

    paragraphs: list[str]  # abstract and body, in order
    notes: dict[str, str]  # label → visible text
    calls: list[tuple[str, str]]  # (label, the visible text just before its marker), in order


def read_source(path: Path) -> Source:
    blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    paragraphs: list[str] = []
    notes: dict[str, str] = {}
    calls: list[tuple[str, str]] = []
    in_body = in_abstract = False
    for block in blocks:
        if block.startswith("````{container} abstract"):
            in_abstract = True
            continue
        if in_abstract:
            if block.startswith("````"):
                in_abstract = False
            elif not block.startswith("```"):
                paragraphs.append(visible(block))
            continue
        if note := re.match(r"\[\^([^\]]+)\]:\s*(.*)", block, re.S):
            notes[note.group(1)] = visible(note.group(2))
            continue
        if block.startswith("## References"):
            in_body = False
        elif block.startswith("## "):
            in_body = True
        for marker in MARKER.finditer(block):
            if not block.startswith("[^"):
                calls.append((marker.group(1), visible(block[: marker.start()].split("\n")[-1])))
        if in_body and not block.startswith(("#", "`", "%", "[^", ":", "{")):
            paragraphs.append(visible(block))
    return Source(paragraphs, notes, calls)


@pytest.fixture(scope="module")
def pdf(editions: Builder) -> Path:
    path = editions("pdf") / f"{PAPER['name']}.pdf"
    assert path.is_file(), sorted(p.name for p in path.parent.iterdir())
    return path


@pytest.fixture(scope="module")
def pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    return text.stdout.split("\f")[:-1]


@pytest.fixture(scope="module")
def source() -> Source:
    return read_source(DOCS / "index.md")


@pytest.fixture(scope="module")
def stream(pages: list[str]) -> tuple[list[str], list[int]]:
    """Every word of the PDF with the (0-based) page it is on."""
    all_words: list[str] = []
    on_page: list[int] = []
    for number, page in enumerate(pages):
        found = words(page)
        all_words += found
        on_page += [number] * len(found)
    return all_words, on_page


def find(needle: list[str], hay: list[str], start: int = 0, gap: int = 0) -> tuple[int, int] | None:
    """Where ``needle`` occurs in ``hay`` from ``start`` in order, with at most ``gap`` foreign words in between."""
    first = needle[0]
    for begin in range(start, len(hay)):
        if hay[begin] != first:
            continue
        at, skipped = begin + 1, 0
        for word in needle[1:]:
            while at < len(hay) and hay[at] != word and skipped <= gap:
                at, skipped = at + 1, skipped + 1
            if at >= len(hay) or skipped > gap:
                break
            at += 1
        else:
            return begin, at
    return None


def test_body_paragraphs_in_order(stream: tuple[list[str], list[int]], source: Source) -> None:
    hay, _ = stream
    at = 0
    assert len(source.paragraphs) >= 30
    for paragraph in source.paragraphs:
        found = find(words(paragraph), hay, at, MAX_GAP)
        assert found is not None, f"paragraph missing or out of order: {paragraph[:80]}"
        at = found[1]


def test_notes_on_their_markers_page(stream: tuple[list[str], list[int]], source: Source) -> None:
    hay, page_of = stream
    assert len(source.notes) == 32  # the author note and 31 numbered notes
    at = 0
    placed = []
    for label, before in source.calls:
        call = [*words(before)[-3:], label.lower()]
        found = find(call, hay, at, 200)  # a page break (notes, running head) may fall inside
        assert found is not None, f"note call {label} not found after {' '.join(call)}"
        at = found[1]
        marker_page = page_of[found[1] - 1]
        # A note starts with its label at the foot of the page (if long, it continues on the next one).
        note = find([label.lower(), *words(source.notes[label])[:8]], hay)
        assert note is not None, f"note {label} not found"
        placed.append((label, marker_page + 1, page_of[note[0]] + 1))
    wrong = [(label, marker, note) for label, marker, note in placed if marker != note]
    assert not wrong, f"notes off their marker's page (label, marker page, note page): {wrong}"
    assert len(placed) == 32


def reference_titles(text: str) -> list[str]:
    """A key for each entry of the source's reference list: its title (first quoted or italic part), else its head.

    Entries are the paragraphs after the "References" line that cite something (a comma, then a year); the
    first paragraph that does not (the back matter's heading) ends the list.
    """
    lines = text.split("\n")
    start = lines.index("References") + 1
    keys = []
    for line in lines[start:]:
        if not line.strip():
            continue
        if not re.search(r"\b(1[89]|20)\d\d\b", line):
            break
        title = re.search(r'"(.+?)"|“(.+?)”|\*(.+?)\*', line)
        keys.append(next(g for g in title.groups() if g) if title else line.split(", ")[0])
    return keys


def test_references(stream: tuple[list[str], list[int]], pages: list[str]) -> None:
    # Entries are found by title after the heading, so the test holds for plain paragraphs and a bibliography.
    hay, _ = stream
    heading = max(i for i, word in enumerate(hay) if word == "references")
    titles = reference_titles(sorted((ROOT / "refs").glob("*.txt"))[0].read_text(encoding="utf-8"))
    assert len(titles) == 28
    missing = [t for t in titles if find(words(t), hay, heading, 5) is None]
    assert not missing


def test_metadata(pdf: Path) -> None:
    info = PdfReader(pdf).metadata
    assert info is not None
    assert info.title == PAPER["title"]
    assert info.author == ", ".join(PAPER["authors"])
    assert info.subject == PAPER["abstract"]
    assert info["/Keywords"] == ", ".join(PAPER["keywords"])
    assert info["/CreationDate"].startswith("D:")


def test_fonts_embedded(pdf: Path) -> None:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        assert row.split()[-5] == "yes", f"font not embedded: {row}"


def test_bookmarks_and_links(pdf: Path) -> None:
    reader = PdfReader(pdf)
    outline = reader.outline
    flat: list[Destination] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                assert isinstance(item, Destination)
                flat.append(item)

    walk(outline)
    titles = [squash(d.title or "") for d in flat]
    assert titles[0] == PAPER["title"]
    assert "References" in titles
    assert all(reader.get_destination_page_number(d) >= 0 for d in flat)
    names = set(reader.named_destinations)
    external = internal = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            link = annot.get_object()
            if link.get("/Subtype") != "/Link":
                continue
            action = link.get("/A")
            if action is not None and action.get("/S") == "/URI":
                external += 1
            elif (action is not None and action.get("/S") == "/GoTo") or "/Dest" in link:
                internal += 1
                dest = link.get("/Dest") or action.get("/D")
                # Named destinations must exist; explicit ones point at a page object.
                assert not isinstance(dest, str) or dest in names, dest
    assert external >= 28  # every note and reference URL is clickable
    assert internal >= 0


def test_running_head_and_title_page(pages: list[str]) -> None:
    first = squash(pages[0])
    assert squash(PAPER["title"]) in first
    assert "ABSTRACT" in first and "KEYWORDS" in first
    second = squash(pages[1])
    assert PAPER["authors"][0] in second
    assert PAPER["title"].split(":")[0] in second
    assert squash(pages[1]).endswith("2") or "2" in pages[1].split()[-3:]


def test_reproducible_and_noop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same SOURCE_DATE_EPOCH, same bytes; a rebuild with nothing changed does not typeset again."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    built = []
    for run in ("a", "b"):
        result = sphinx_build(DOCS, tmp_path / run / "pdf", "pdf", tmp_path / run / "doctrees")
        assert result.returncode == 0 and not result.stderr.strip(), result.stderr
        built.append((tmp_path / run / "pdf" / f"{PAPER['name']}.pdf").read_bytes())
    assert built[0] == built[1]
    assert "D:20231114221320" in PdfReader(tmp_path / "a" / "pdf" / f"{PAPER['name']}.pdf").metadata["/CreationDate"]
    target = tmp_path / "a" / "pdf" / f"{PAPER['name']}.pdf"
    before = target.stat().st_mtime_ns
    result = sphinx_build(DOCS, tmp_path / "a" / "pdf", "pdf", tmp_path / "a" / "doctrees")
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    assert target.stat().st_mtime_ns == before
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"
