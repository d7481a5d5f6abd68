"""The PDF edition, read back with pypdf: the text in order, each note on its marker's page, the title page.

Also the running heads, references, metadata, links, tags, fonts, reproducibility.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import statistics
import subprocess
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from zipfile import ZipFile

import pypdfium2
import pytest
from conftest import DOCS, ROOT, Builder, make_builder, requires_tool, sphinx_build
from plain import plain, squash
from pypdf import PdfReader
from pypdf.generic import ArrayObject, Destination, DictionaryObject

pytestmark = pytest.mark.slow

SOURCE_REFS = sorted((ROOT / "refs").glob("*.txt"))[0].read_text(encoding="utf-8")
PAPER = json.loads((DOCS / "paper.json").read_text(encoding="utf-8"))
MARKER = re.compile(r"\[\^([^\]\s]+)\]")
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# A paragraph's words may be interrupted (page foot notes, running head, page number) by at most this many words.
MAX_GAP = 400


def words(text: str) -> list[str]:
    """Comparable words: a hyphen at a line end joins (hyphenation), other hyphens vanish, '*' counts as a word.

    Letters and digits are separate words: a note call follows its word without a space ("territory21"). A soft
    hyphen counts as a hyphen: that is how a PDF may map the hyphen it sets at a break.
    """
    text = re.sub(r"-[ \t]*\n\s*", "", text.translate(SUPERSCRIPTS).replace("\xad", "-"))
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
def reader(pdf: Path) -> PdfReader:
    return PdfReader(pdf)


@pytest.fixture(scope="module")
def pages(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


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
        # The call's words in a row; else its last word and label in a row (a page break fell before that word);
        # else with a page break (a page's notes, running head) inside. A gap tried first would match words strewn
        # over a page's notes ("in" … "1992" … "18 January").
        found = find(call, hay, at) or find(call[-2:], hay, at) or find(call, hay, at, MAX_GAP)
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


def test_metadata(reader: PdfReader) -> None:
    info = reader.metadata
    assert info is not None
    assert info.title == PAPER["title"]
    assert info.author == ", ".join(PAPER["authors"])
    assert info.subject == PAPER["abstract"]
    assert info["/Keywords"] == ", ".join(PAPER["keywords"])
    assert info["/CreationDate"].startswith("D:")


@requires_tool("qpdf", "pdfinfo")
def test_no_structural_errors(pdf: Path) -> None:
    """No structural error: none for qpdf, every page read in pypdf's strict mode, no syntax error from poppler."""
    checked = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0 and "No syntax or stream encoding errors" in checked.stdout, checked.stdout
    strict = PdfReader(pdf, strict=True)
    assert all(page.extract_text() for page in strict.pages)
    assert strict.trailer["/Root"]["/MarkInfo"]["/Marked"]  # still tagged after the Suspects entry went
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False)
    assert info.returncode == 0 and info.stderr == "", info.stderr


def characters_per_line(reader: PdfReader) -> list[int]:
    """The length of each full line set in the body size (the size most characters are set in)."""
    runs: list[tuple[int, int, float, str]] = []
    for number, page in enumerate(reader.pages):

        def at(text: str, cm: list[float], tm: list[float], font: object, size: float, number: int = number) -> None:
            if text.strip():
                runs.append((number, round(tm[5] * cm[3] + cm[5]), round(size * abs(tm[0] * cm[0] or 1), 1), text))

        page.extract_text(visitor_text=at)
    body = Counter(size for _, _, size, text in runs for _char in text).most_common(1)[0][0]
    lines: dict[tuple[int, int], str] = defaultdict(str)
    for number, y, size, text in runs:
        if size == body:
            lines[number, y] += text
    lengths = sorted(len(" ".join(line.split())) for line in lines.values())
    longest = lengths[len(lengths) * 9 // 10]  # not the very longest: a line of unbroken URL pieces
    return [n for n in lengths if n >= 0.8 * longest]  # full lines: not a paragraph's last, not a heading


def test_measure(reader: PdfReader) -> None:
    """60-75 characters a line, the measure a reader's eye follows without losing the next line."""
    full = characters_per_line(reader)
    assert len(full) > 100
    assert 60 <= statistics.median(full) <= 75, statistics.median(full)


def test_a4(reader: PdfReader) -> None:
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_tagged_pdf_ua_and_a(reader: PdfReader) -> None:
    """Tagged (a structure tree, marked content), the paper's language, PDF/UA-1 and PDF/A-2a declared in the XMP."""
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == PAPER["language"]
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part[^0-9]{1,3}1", xmp), xmp[:500]
    assert re.search(r"pdfaid:part[^0-9]{1,3}2", xmp) and re.search(r"pdfaid:conformance[^A-Z]{1,3}A", xmp)


def fonts_of(reader: PdfReader) -> dict[str, DictionaryObject]:
    """Every font the pages use, by name, with its descriptor (a composite font's is its descendant's)."""
    found = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            found[str(font["/BaseFont"])] = described["/FontDescriptor"].get_object()
    return found


def test_fonts_embedded(reader: PdfReader) -> None:
    fonts = fonts_of(reader)
    assert fonts
    for name, descriptor in fonts.items():
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), f"font not embedded: {name}"


def bookmarks(items: list[object], depth: int = 0) -> list[tuple[int, Destination]]:
    """The bookmarks with their depth, nested ones in order after their parent."""
    found: list[tuple[int, Destination]] = []
    for item in items:
        if isinstance(item, list):
            found += bookmarks(item, depth + 1)
        else:
            assert isinstance(item, Destination)
            found.append((depth, item))
    return found


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """The bookmarks as (depth, title, page number from 1)."""
    return [
        (depth, squash(item.title or ""), reader.get_destination_page_number(item) + 1)
        for depth, item in bookmarks(reader.outline)
    ]


def test_bookmarks(reader: PdfReader) -> None:
    marks = outline(reader)
    assert marks[0] == (0, PAPER["title"], 1)
    sections = [title for depth, title, _ in marks if depth == 1]
    assert "Introduction" in sections and "References" in sections
    # The back matter's heading is a section of the paper's outline, not a child of the references.
    back = squash(next(line for line in (DOCS / "back-matter.md").read_text().splitlines() if line.startswith("# ")))
    assert (1, back[2:], len(reader.pages)) in marks
    assert all(page >= 1 for _, _, page in marks)


Rect = tuple[float, float, float, float]  # left, bottom, right, top


def links(reader: PdfReader) -> list[tuple[int, str, object, Rect]]:
    """Every link annotation as (page number from 1, "/URI" or "/GoTo", URI or destination, rectangle)."""
    found = []
    for number, page in enumerate(reader.pages, start=1):
        for annot in page.get("/Annots") or []:
            link = annot.get_object()
            if link.get("/Subtype") != "/Link":
                continue
            action = link.get("/A")
            x0, y0, x1, y1 = (float(v) for v in link["/Rect"])
            rect = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
            if action is not None and action.get("/S") == "/URI":
                found.append((number, "/URI", str(action["/URI"]), rect))
            else:
                found.append((number, "/GoTo", link.get("/Dest") or action.get("/D"), rect))
    return found


def internal_links(reader: PdfReader) -> list[tuple[int, Rect, tuple[int, float, float]]]:
    """Every link inside the document: (its page from 1, its rectangle, (target page from 1, x, y)).

    Typst writes each destination as an explicit [page /XYZ x y zoom] array.
    """
    numbers = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, start=1)}
    found = []
    for number, kind, dest, rect in links(reader):
        if kind == "/GoTo":
            dest = dest.get_object() if hasattr(dest, "get_object") else dest
            assert isinstance(dest, ArrayObject), dest
            found.append((number, rect, (numbers[dest[0].idnum], float(dest[2]), float(dest[3]))))
    return found


def test_links(reader: PdfReader, pdf: Path) -> None:
    urls = {target for _, kind, target, _ in links(reader) if kind == "/URI"}
    source = (DOCS / "index.md").read_text(encoding="utf-8")
    expected = set(re.findall(r"<(https?://[^>\s]+)>", source))
    assert expected and expected <= urls, sorted(expected - urls)  # every URL of the notes is live
    # Every link inside the paper is one of three. A citation (a word or more wide) lands on its entry: on the
    # list's pages, at the list's left edge, where its heading starts. A note call (a few points wide, its label)
    # lands on its own page's foot. No back-link goes from an entry to the pages citing it ("↑ 3, 5"): print has none.
    heading = next(item for _, item in bookmarks(reader.outline) if squash(item.title or "") == "References")
    references = reader.get_destination_page_number(heading) + 1
    internal = internal_links(reader)
    cites = [
        (page, target)
        for page, rect, target in internal
        if rect[2] - rect[0] > 12 and target[0] >= references and abs(target[1] - float(heading.left)) < 1
    ]
    calls = [(page, target) for page, rect, target in internal if rect[2] - rect[0] <= 12 and page == target[0]]
    assert len(cites) >= len(re.findall(r"\]\(#cite-[^)]+\)", source)) >= 25
    assert len(calls) >= 32
    others = [(page, target) for page, _, target in internal if (page, target) not in cites + calls]
    assert others == []
    document = pypdfium2.PdfDocument(pdf)
    assert not any("↑" in document[i].get_textpage().get_text_range() for i in range(references - 1, len(document)))


def test_urls_break_where_a_reader_expects(pages: list[str]) -> None:
    """A URL cut at a line end is cut after a slash or before punctuation, never right after its scheme."""
    source = (DOCS / "index.md").read_text(encoding="utf-8")
    urls = set(re.findall(r"https?://[^>\s)]+", source)) | {
        u.rstrip(".") for u in re.findall(r"https?://[^\s,<>]+", SOURCE_REFS)
    }
    cut = []
    for page in pages:
        for line in page.splitlines():
            tail = line.rstrip().rsplit(" ", 1)[-1]
            if not tail.startswith("http") or tail.rstrip(".,;") in urls:
                continue
            whole = [u for u in urls if u.startswith(tail) and len(u) > len(tail)]
            if whole:
                cut.append((tail, whole[0][len(tail)]))
    assert cut, "no URL is cut at a line end: the test sees nothing"
    assert not [t for t, _ in cut if re.search(r"://(www\.?)?$", t)], cut
    wrong = [(tail, after) for tail, after in cut if not tail.endswith("/") and after not in ".?#&=_~-"]
    assert not wrong, wrong


def test_title_page(pages: list[str]) -> None:
    first = re.sub(r"-\s+", "-", squash(pages[0]))  # a title broken after its hyphen ("Azerbaijan-/Armenian")
    assert squash(PAPER["title"]) in first
    assert "ABSTRACT" in first and "KEYWORDS" in first
    # Each keyword whole: none cut by a hyphen at a line's end (the abstract above may be).
    keywords = pages[0].split("KEYWORDS", 1)[1]
    assert all(squash(word) in squash(keywords) for word in PAPER["keywords"]), keywords
    assert PAPER["publisher"] in first
    day = PAPER["date"].split("-")
    assert re.search(rf"\b{int(day[2])} \w+ {day[0]}\b", first)  # the date, in words
    # The author note: its mark after the byline, its text at the foot of the title page.
    assert re.search(rf"{re.escape(PAPER['authors'][-1])}\s*\*", first)
    # No page number and no running head on the title page.
    assert not re.search(r"\b1\s*$", pages[0])
    assert not first.startswith(PAPER["authors"][0])


def test_running_heads(pages: list[str]) -> None:
    short = PAPER["title"].split(":")[0]
    for number, page in enumerate(pages[1:-1], start=2):
        lines = page.strip().splitlines()
        assert squash(lines[0]) == f"{PAPER['authors'][0]} {short}", (number, lines[0])
        assert lines[-1].strip() == str(number)
    # The publisher's back page carries no running head.
    assert short not in pages[-1].splitlines()[0] and PAPER["authors"][0] not in pages[-1].splitlines()[0]


def test_no_web_back_links(pages: list[str]) -> None:
    assert not any("↩" in page for page in pages)


def test_reference_list_has_hanging_indents(reader: PdfReader) -> None:
    """Each entry's first line starts at the margin, its other lines 1.5 em further in."""
    page = reader.pages[-2]
    starts: list[float] = []

    def at(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            starts.append(round(tm[4] * cm[0] + tm[5] * cm[2] + cm[4], 1))  # x on the page, in points

    page.extract_text(visitor_text=at)
    lefts = sorted(set(starts))
    assert len(lefts) >= 2
    assert 10 < lefts[1] - lefts[0] < 20, lefts[:4]  # 1.5 em of 9.5 pt type, in points


def test_reproducible_and_noop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same SOURCE_DATE_EPOCH, same bytes (in another folder too); a rebuild with nothing changed does not typeset."""
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


def test_title_page_with_publication_details(tmp_path: Path) -> None:
    """Series, number, ISSN and DOI from docs/publication.toml reach the title page; the DOI is a live link."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(ROOT / "refs", tmp_path / "refs")
    # The seed prints its own series and number, which win over the series file: taken out to show the file's.
    own = {k: v for k, v in PAPER.items() if k not in ("series", "number")}
    (docs / "paper.json").write_text(json.dumps(own, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (docs / "publication.toml").write_text(
        'series = "Test Papers"\nnumber = "7 | 12"\nissn = "1234-5679"\ndoi = "10.9999/test.7-12"\n',
        encoding="utf-8",
    )
    pdf = make_builder(docs, tmp_path / "_build")("pdf") / f"{PAPER['name']}.pdf"
    reader = PdfReader(pdf)
    first = squash(reader.pages[0].extract_text())
    for expected in ("Test Papers 7 | 12", "ISSN 1234-5679", "DOI 10.9999/test.7-12", PAPER["publisher"]):
        assert expected in first.replace("\xad", "-"), expected
    assert (1, "/URI", "https://doi.org/10.9999/test.7-12") in [link[:3] for link in links(reader)]


def struct_elements(node: object) -> list[DictionaryObject]:
    """Every element of a tagged PDF's structure tree, depth first."""
    node = node.get_object() if hasattr(node, "get_object") else node
    found = []
    if isinstance(node, DictionaryObject):
        if "/S" in node:
            found.append(node)
        kids = node.get("/K")
        for kid in kids if isinstance(kids, ArrayObject) else [kids] if kids is not None else []:
            found += struct_elements(kid)
    return found


def test_structures_of_another_paper(tmp_path: Path) -> None:
    """Lists, a table, a figure, code, a note called twice and a note of two paragraphs, in French."""
    root = ROOT / "tests" / "roots" / "pdf"
    pdf = make_builder(root, tmp_path)("pdf") / "structures.pdf"
    reader = PdfReader(pdf)
    first, body = (squash(page.extract_text()) for page in reader.pages[:2])
    assert "Institut de Test" in first and "15 février 2024" in first
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    # The note called twice keeps its label at both calls and is printed once.
    assert "une note1 et la même note appelée deux fois1, puis une autre2" in body
    assert body.count("Première note, premier paragraphe. Second paragraphe de la même note.") == 1
    for text in ("• premier point", "1. un", "2. deux", "Une citation, en bloc.", "France 12", 'print("#x")'):
        assert text in body, text
    # The caption is the author's, with no number of ours in front of it; the image has its alternative text.
    assert "Figure 1. Un carré rouge." in body and "Fig." not in body.replace("Figure", "")
    figures = [e for e in struct_elements(reader.trailer["/Root"]["/StructTreeRoot"]) if e["/S"] == "/Figure"]
    assert [str(f.get("/Alt")) for f in figures] == ["Un carré rouge"]
    # The cross-reference to a section is a live link to its page; the URL too.
    kinds = [link[1] for link in links(reader)]
    assert kinds.count("/URI") == 1 and kinds.count("/GoTo") >= 4  # the section link and three note calls


def test_rebuilt_when_another_edition_reread_the_sources(tmp_path: Path) -> None:
    """A changed bibliography re-read by the EPUB build (one shared doctree cache) still reaches the PDF."""
    shutil.copytree(DOCS, tmp_path / "docs", ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(ROOT / "refs", tmp_path / "refs")
    build = make_builder(tmp_path / "docs", tmp_path / "_build")
    pdf = build("epub") and build("pdf") / f"{PAPER['name']}.pdf"
    bib = next((tmp_path / "refs").glob("*.bib"))
    text = bib.read_text(encoding="utf-8")
    assert "Test Case for the South Caucasus" in text
    bib.write_text(text.replace("Test Case for the South Caucasus", "Changed Case for the South Caucasus"), "utf-8")
    for builder in ("epub", "pdf"):
        result = sphinx_build(
            tmp_path / "docs", tmp_path / "_build" / builder, builder, tmp_path / "_build" / "doctrees"
        )
        assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    printed = squash(" ".join(page.extract_text() for page in PdfReader(pdf).pages))
    assert "Changed Case for the South Caucasus" in printed


def test_scripts_the_text_face_lacks(tmp_path: Path) -> None:
    """Greek and Cyrillic letters (an economist's σ and μ, a Russian title) print from the fallback face.

    Never as empty boxes: a character no packaged face has is a warning, which -W makes an error.
    """
    root = tmp_path / "src"
    shutil.copytree(ROOT / "tests" / "roots" / "pdf", root)
    conf = root / "conf.py"  # the copy finds the extensions where the original does
    conf.write_text(
        conf.read_text(encoding="utf-8").replace(
            'Path(__file__).resolve().parents[3] / "docs" / "_ext"', repr(str(DOCS / "_ext"))
        ),
        encoding="utf-8",
    )
    index = root / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8") + "\n\nWhere σ is the elasticity and μ the share (Война и мир).\n",
        encoding="utf-8",
    )
    pdf = make_builder(root, tmp_path / "_build")("pdf") / "structures.pdf"
    reader = PdfReader(pdf)
    text = squash(" ".join(page.extract_text() for page in reader.pages))
    assert "Where σ is the elasticity and μ the share (Война и мир)." in text
    assert any("NotoSerif" in name for name in fonts_of(reader)), list(fonts_of(reader))
    # A script neither face has (here Devanagari) is refused with a clear warning rather than printed as boxes.
    index.write_text(index.read_text(encoding="utf-8") + "\n\nनमस्ते\n", encoding="utf-8")
    result = sphinx_build(root, tmp_path / "_again", "pdf", tmp_path / "_again_doctrees")
    assert result.returncode != 0 and "no glyph for U+0928" in result.stderr, result.stderr


def test_front_page_of_a_paper_without_byline(tmp_path: Path) -> None:
    """A paper whose authors were found on its cover, with a number and no series: one front page everywhere.

    The authors and the number on the PDF's title page, in the HTML and EPUB header, the same way; the date once,
    as printed; no © line nobody gave.
    """
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(ROOT / "refs", tmp_path / "refs")
    index = (docs / "index.md").read_text(encoding="utf-8")
    byline = re.search(r"````\{container\} byline\n.*?\n````\n\n", index, re.S)
    assert byline is not None
    index = re.sub(r"^\[\^\*\]:.*?\n\n", "", index.replace(byline.group(), ""), flags=re.M | re.S)  # its note too
    (docs / "index.md").write_text(index, encoding="utf-8")
    paper = json.loads((docs / "paper.json").read_text(encoding="utf-8"))
    paper = {key: value for key, value in paper.items() if key != "series"}  # (the seed's own series: none here)
    (docs / "paper.json").write_text(json.dumps({**paper, "byline": "", "number": "R12345"}), encoding="utf-8")
    build = make_builder(docs, tmp_path / "_build")
    first = squash(PdfReader(build("pdf") / f"{PAPER['name']}.pdf").pages[0].extract_text())
    expected = [PAPER["publisher"], "R12345", PAPER["title"], PAPER["authors"][0], PAPER["date_text"]]
    at = [re.sub(r"-\s+", "-", first).find(squash(e)) for e in expected]
    assert -1 not in at and at == sorted(at), list(zip(expected, at, strict=True))
    assert first.count(PAPER["date_text"].split()[-1]) == 1 and "©" not in first
    html = (build("html") / "index.html").read_text(encoding="utf-8")
    with ZipFile(build("epub") / f"{PAPER['name']}.epub") as book:
        xhtml = book.read("index.xhtml").decode("utf-8")
    for page in (html, xhtml):
        header = page[page.index('<div class="paper-masthead') :].split("</div>")[0]
        assert f'<p class="paper-authors">{PAPER["authors"][0]}</p>' in header
        assert '<p class="paper-series">R12345</p>' in header and "©" not in header


def copy_of_structures(tmp_path: Path) -> Path:
    """A copy of the structures paper to add to; its conf.py finds the extensions where the original does."""
    root = tmp_path / "src"
    shutil.copytree(ROOT / "tests" / "roots" / "pdf", root)
    conf = root / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace(
            'Path(__file__).resolve().parents[3] / "docs" / "_ext"', repr(str(DOCS / "_ext"))
        ),
        encoding="utf-8",
    )
    return root


def right_overhang(document: pypdfium2.PdfDocument) -> float:
    """How far the printed text reaches past the right margin, at most, on any page (margins are equal)."""
    reach = -float("inf")
    for page in document:
        textpage = page.get_textpage()
        boxes = [textpage.get_charbox(i) for i in range(textpage.count_chars())]
        printed = [box for box in boxes if box[2] > box[0]]
        reach = max(reach, max(box[2] for box in printed) - (page.get_width() - min(box[0] for box in printed)))
    return reach


def test_a_table_wider_than_the_line_keeps_each_word_in_its_column(tmp_path: Path) -> None:
    """Columns of a table too wide for the line are each at least as wide as their longest word.

    Just outside: fifteen columns, the first with a long name: the name is whole and ends before the next cell
    begins (an even share of the line would cut or overprint it), the table inside the margins (the cells'
    padding narrowed to what the line leaves) and in the tables' size. Further out: sixteen columns of a long word
    each, too wide even in tight cells, are set smaller (not below 6.5 pt), every word whole in its cell. Just
    inside: the two-column table that fits keeps its natural widths, far narrower than the line.
    """
    root = copy_of_structures(tmp_path)
    index = root / "index.md"
    head = "| Nom | " + " | ".join(f"C{n}" for n in range(1, 15)) + " |\n"
    rule = "| --- " * 15 + "|\n"
    row = "| Wordsworthianism | " + " | ".join(f"N{n}" for n in range(1, 15)) + " |\n"
    words = ["Wd" + chr(ord("A") + n) + "s" for n in range(16)]  # 16 × 4 letters: too wide at 8.5 pt, not at 6.5
    wider = "| " + " | ".join(words) + " |\n" + "| --- " * 16 + "|\n" + "| " + " | ".join("1" for _ in words) + " |\n"
    index.write_text(index.read_text(encoding="utf-8") + "\n\n" + head + rule + row + "\n\n" + wider, "utf-8")
    pdf = make_builder(root, tmp_path / "_build")("pdf") / "structures.pdf"
    document = pypdfium2.PdfDocument(pdf)

    def size(text: str) -> float:
        for page in document:
            textpage = page.get_textpage()
            found = textpage.search(text, match_case=True, match_whole_word=True).get_next()
            if found:
                return float(pypdfium2.raw.FPDFText_GetFontSize(textpage.raw, found[0]))
        raise AssertionError(f"{text} not printed whole")

    def box(text: str) -> tuple[float, float]:
        for page in document:
            textpage = page.get_textpage()
            found = textpage.search(text, match_case=True, match_whole_word=True).get_next()
            if found:
                start, count = found
                return textpage.get_charbox(start)[0], textpage.get_charbox(start + count - 1)[2]
        raise AssertionError(f"{text} not printed whole")

    assert box("Wordsworthianism")[1] < box("N1")[0]
    assert right_overhang(document) <= 4  # a hyphen or stop at a line's end hangs a few points into the margin
    assert size("Wordsworthianism") == pytest.approx(8.5, abs=0.05)
    assert 6.5 - 0.05 <= size(words[0]) < 8.4
    assert all(box(a)[1] < box(b)[0] for a, b in itertools.pairwise(words))
    # The table that fits: its columns as wide as their text, not spread over the line.
    assert box("12")[1] - box("France")[0] < document[0].get_width() / 3


def test_a_table_caption_stays_with_its_first_row(tmp_path: Path) -> None:
    """A caption above a table that breaks across pages is never left alone at a page's foot.

    Tables after texts of growing length: some caption falls where only it, not its first row, would fit.
    """
    root = copy_of_structures(tmp_path)
    filler = "Words of a paragraph to move the next table down the page a little further. "
    parts = []
    for k in range(1, 31):
        rows = "".join(f"| R{k}x{i} | {i} |\n" for i in range(8))
        table = f"```{{table}} Caption{k} of a table\n| Name | Value |\n| --- | --- |\n{rows}```\n"
        parts.append(f"{filler * (k % 7 + 1)}\n\n{table}")
    index = root / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n\n" + "\n".join(parts), encoding="utf-8")
    pdf = make_builder(root, tmp_path / "_build")("pdf") / "structures.pdf"
    pages = [squash(page.extract_text()) for page in PdfReader(pdf).pages]
    alone = []
    for k in range(1, 31):
        (caption,) = [n for n, text in enumerate(pages) if f"Caption{k} " in text]
        (row,) = [n for n, text in enumerate(pages) if f"R{k}x0 " in text]
        if caption != row:
            alone.append(k)
    assert alone == []


def test_a_url_token_wider_than_the_line_breaks_inside_it(tmp_path: Path) -> None:
    """A URL's run of letters and digits wider than the text (a query string) breaks rather than run off the page.

    Just outside: a token longer than a line is cut between two characters, nothing printed past the right
    margin, and the text a reader copies holds the token whole (no invisible character inserted). Just inside: a
    token that fits on a line is never cut, though it starts near the line's end.
    """
    root = copy_of_structures(tmp_path)
    wide, narrow = "Q" + "x7" * 70, "K" + "y8" * 12
    index = root / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8")
        + f"\n\nA document at <https://example.org/get?t={wide}> has a long token.\n"
        + f"\n\nAnother of the documents we read is at the address <https://example.org/get?t={narrow}> too.\n",
        encoding="utf-8",
    )
    pdf = make_builder(root, tmp_path / "_build")("pdf") / "structures.pdf"
    document = pypdfium2.PdfDocument(pdf)
    assert right_overhang(document) <= 4  # a hyphen or stop at a line's end hangs a few points into the margin
    lines = [line for page in document for line in page.get_textpage().get_text_range().splitlines()]
    text = " ".join(lines)
    assert "\u200b" not in text
    cut = [line for line in lines if wide[:20] in line]
    assert cut and wide not in cut[0], cut  # cut at a line's end...
    assert wide in "".join(squash(line) for line in lines if "x7x7" in line)  # ...and whole when joined
    assert any(narrow in line for line in lines), [line for line in lines if "y8" in line]
