"""The paper's HTML edition shows the author's text verbatim: every paragraph, note, heading and reference."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import Builder
from plain import plain, squash

GOLD = json.loads((Path(__file__).parent / "fixtures" / "paper" / "gold.json").read_text(encoding="utf-8"))
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def lines(paper_source: Path) -> list[str]:
    return paper_source.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def soup(editions: Builder) -> BeautifulSoup:
    html = (editions("html") / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    article = page.find("article") or page
    # Show each note reference the way the source printed it (a superscript number or '*').
    for ref in article.select("a.footnote-reference"):
        label = ref.get_text().strip("[]")
        ref.replace_with(label.translate(SUPERSCRIPT))
    return BeautifulSoup(str(article), "html.parser")


def text(node: Tag) -> str:
    return squash(node.get_text(" ")).replace(" ,", ",")


def blocks_text(node: Tag) -> str:
    """The text of each block element on a line of its own (inline markup adds no spaces)."""
    return "\n".join(squash(e.get_text()) for e in node.find_all(["p", "li", "h1", "h2", "dd", "div"]))


def visible(source: str) -> str:
    return squash(plain(source))


def joined(lines: list[str], numbers: list[int]) -> str:
    return " ".join(lines[n - 1].strip() for n in numbers)


def body_paragraphs(soup: BeautifulSoup) -> list[str]:
    out = []
    for p in soup.find_all("p"):
        if p.find_parent(["aside", "div"], class_=["footnote", "byline", "keywords", "date", "rubric"]):
            continue
        if "rubric" in (p.get("class") or []):
            continue
        out.append(squash(p.get_text()))
    return out


def test_all_paragraphs_in_order(soup: BeautifulSoup, lines: list[str]) -> None:
    shown = body_paragraphs(soup)
    expected = [visible(joined(lines, GOLD["abstract_lines"]))]
    expected += [visible(joined(lines, numbers)) for numbers in GOLD["paragraphs"]]
    positions = [shown.index(e) for e in expected]  # ValueError names a missing paragraph
    assert positions == sorted(positions)
    assert len(expected) == 35


def test_headings(soup: BeautifulSoup, lines: list[str]) -> None:
    assert squash(soup.find("h1").get_text()).rstrip("¶#") == lines[GOLD["title_lines"][0] - 1]
    h2 = [squash(h.get_text()).rstrip("¶#") for h in soup.find_all("h2")]
    assert h2[: len(GOLD["headings"])] == [h[1] for h in GOLD["headings"]]


def test_notes_linked_both_ways(editions: Builder, lines: list[str]) -> None:
    html = (editions("html") / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    refs = page.select("a.footnote-reference")
    assert len(refs) == 32  # 31 notes and the author note
    for ref in refs:
        note = page.find(id=ref["href"].lstrip("#"))
        assert note is not None and "footnote" in note.get("class", [])
        backlinks = {a["href"].lstrip("#") for a in note.select("a[role=doc-backlink]")}
        assert ref["id"] in backlinks
    labels = [squash(r.get_text()).strip("[]") for r in refs]
    assert sorted(labels, key=lambda x: -1 if x == "*" else int(x)) == ["*", *[str(n) for n in range(1, 32)]]


def test_note_texts(editions: Builder, lines: list[str]) -> None:
    html = (editions("html") / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    shown = {}
    for note in page.select("aside.footnote"):
        label = squash(note.select_one(".label").get_text()).strip("[]")
        note.select_one(".label").decompose()
        shown[label] = squash(note.get_text())
    for label, numbers in GOLD["notes"].items():
        source = GOLD["note_text"].get(label) or joined(lines, numbers).split(" ", 1)[1]
        assert shown[label] == visible(source), label


def test_author_note_and_front(soup: BeautifulSoup, lines: list[str]) -> None:
    byline = soup.select_one(".byline")
    assert byline is not None and squash(byline.get_text()) == lines[GOLD["byline_lines"][1] - 1]
    keywords = soup.select_one(".keywords")
    assert keywords is not None and visible(lines[GOLD["keywords_line"] - 1]) in squash(keywords.get_text())
    date = soup.select_one(".date")
    assert date is not None and squash(date.get_text()) == lines[GOLD["date_line"] - 1]


def test_references_in_order(soup: BeautifulSoup, lines: list[str]) -> None:
    section = soup.find(id="references")
    assert section is not None
    shown = blocks_text(section)
    at = 0
    for number in GOLD["references"]:
        entry = visible(lines[number - 1])
        found = shown.find(entry, at)
        assert found >= 0, entry
        at = found + len(entry)


def test_back_matter_page(editions: Builder, lines: list[str]) -> None:
    html = (editions("html") / "back-matter.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    shown = blocks_text(page.find("article") or page)
    for number in GOLD["back_matter"]:
        assert visible(lines[number - 1].removeprefix("- ")) in shown
