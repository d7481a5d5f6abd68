"""The series' pure parts: listing order, slugs, abstract openings, the merged search index, the feed, file syncing."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from paperseries import feed, listing, search
from paperseries.convert import paper_publication, usable_name
from paperseries.files import sync

ATOM = "{http://www.w3.org/2005/Atom}"


def make(name: str, day: date | None, **kw: object) -> listing.Entry:
    return listing.Entry(name=name, title=f"Title {name}", date=day, **kw)  # type: ignore[arg-type]


def test_newest_first_then_undated_then_by_name() -> None:
    entries = [make("b", date(2020, 1, 1)), make("u", None), make("a", date(2020, 1, 1)), make("n", date(2024, 5, 1))]
    assert [e.name for e in listing.newest_first(entries)] == ["n", "a", "b", "u"]


def test_slugs_fold_accents_and_number_clashes() -> None:
    found = listing.slugs(["Aïssata Diallo", "Aissata  Diallo", "Пётр", "Ana"])
    assert found["Ana"] == "ana"
    assert {found["Aïssata Diallo"], found["Aissata  Diallo"]} == {"aissata-diallo", "aissata-diallo-2"}
    assert found["Пётр"] == "entry"  # nothing ASCII is left: a neutral name, still distinct


@pytest.mark.parametrize(("length", "cut"), [(listing.ABSTRACT_CHARS, False), (listing.ABSTRACT_CHARS + 1, True)])
def test_excerpt_cuts_only_past_the_limit(length: int, cut: bool) -> None:
    text = ("abcd " * length)[: length - 1] + "z"  # words of four letters, exactly ``length`` characters
    assert len(text) == length
    out = listing.excerpt(text)
    assert out.endswith(" …") is cut
    if cut:
        assert text.startswith(out.removesuffix(" …")) and len(out) <= listing.ABSTRACT_CHARS + 2


def test_excerpt_never_cuts_a_word() -> None:
    text = "alpha " * 100
    out = listing.excerpt(text.strip(), 20)
    assert out == "alpha alpha alpha …"


def test_pages_link_authors_and_keywords() -> None:
    entries = [
        make("p1", date(2023, 1, 1), authors=("Ann Lee",), keywords=("Water",)),
        make("p2", date(2024, 1, 1), authors=("Ann Lee", "Bo Kim"), abstract="An abstract."),
    ]
    pages = listing.pages(entries, "Series")
    assert set(pages) == {
        "index.md",
        "authors/index.md",
        "authors/ann-lee.md",
        "authors/bo-kim.md",
        "keywords/index.md",
        "keywords/water.md",
    }
    landing = pages["index.md"]
    assert landing.index("papers/p2/index.html") < landing.index("papers/p1/index.html")
    assert 'href="authors/ann-lee.html"' in landing and "An abstract." in landing
    assert 'href="../papers/p1/index.html"' in pages["keywords/water.md"]
    assert "p2" not in pages["keywords/water.md"]
    assert "(2)" in pages["authors/index.md"]


def test_pages_without_keywords_have_no_keyword_pages() -> None:
    pages = listing.pages([make("p", None, authors=("A B",))])
    assert "keywords/index.md" not in pages and "keywords/index" not in pages["index.md"]


def test_heading_keeps_markdown_characters_literal() -> None:
    assert listing.heading("A *b* [c]") == "# A \\*b\\* \\[c\\]\n"


def test_search_merge_renumbers_each_papers_documents() -> None:
    site = {
        "docnames": ["index"],
        "filenames": ["index.md"],
        "titles": ["Home"],
        "terms": {"water": 0, "gone": []},
        "titleterms": {},
        "alltitles": {"Home": [[0, None]]},
        "indexentries": {},
        "objects": {},
    }
    paper = {
        "docnames": ["back-matter", "index"],
        "filenames": ["back-matter.md", "index.md"],
        "titles": ["B", "P"],
        "terms": {"water": [0, 1], "nile": 1},
        "titleterms": {"p": 1},
        "alltitles": {"Notes": [[1, "notes"]]},
        "indexentries": {},
    }
    merged = search.merge(site, {"x": paper})
    assert merged["docnames"] == ["index", "papers/x/back-matter", "papers/x/index"]
    assert merged["terms"] == {"water": [0, 1, 2], "nile": 2}  # a word of no page left ("gone") dropped
    assert merged["titleterms"] == {"p": 2}
    assert merged["alltitles"]["Notes"] == [[2, "notes"]]
    assert search.loads(search.dumps(merged)) == merged


def test_feed_is_atom_newest_first_and_leaves_undated_out() -> None:
    entries = [
        make("old", date(2020, 1, 2), authors=("Ann Lee",), doi="10.1/x"),
        make("new", date(2021, 3, 4), authors=("Bo Kim",), keywords=("Water",), abstract="Summary."),
        make("undated", None, authors=("Cy",)),
    ]
    data, left_out = feed.atom(entries, "Series", "https://example.org/s/")
    assert left_out == ["undated"]
    root = ET.fromstring(data)
    assert root.tag == f"{ATOM}feed" and root.findtext(f"{ATOM}updated", "").startswith("2021-03-04")
    items = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in items] == ["Title new", "Title old"]
    assert items[0].find(f"{ATOM}link").get("href") == "https://example.org/s/papers/new/index.html"  # type: ignore[union-attr]
    assert items[1].findtext(f"{ATOM}id") == "https://doi.org/10.1/x"
    assert items[0].find(f"{ATOM}category").get("term") == "Water"  # type: ignore[union-attr]
    assert feed.atom(entries, "Series", "https://example.org/s/")[0] == data  # no clock in it


def test_paper_publication_gives_each_paper_its_url() -> None:
    out = paper_publication({"title": "S", "site_url": "https://e.org/s", "publisher": "P"})
    assert out == b'publisher = "P"\nurl = "https://e.org/s/papers/{name}/"\n'
    assert paper_publication({"title": "S"}) is None


def test_sync_writes_only_changes_and_deletes_the_rest(tmp_path: Path) -> None:
    (tmp_path / "old" / "x").mkdir(parents=True)
    (tmp_path / "old" / "x" / "gone.txt").write_text("g")
    (tmp_path / "same.txt").write_text("s")
    before = (tmp_path / "same.txt").stat().st_mtime_ns
    sync(tmp_path, {"same.txt": b"s", "new/n.txt": b"n"})
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["new", "new/n.txt", "same.txt"]
    assert (tmp_path / "same.txt").stat().st_mtime_ns == before


@pytest.mark.parametrize(
    ("stem", "usable"),
    [("R48913", True), ("alieva-2023_x.v2", True), ("my paper", False), ("-x", False), (".x", False), ("é", False)],
)
def test_a_source_name_must_serve_as_a_url_as_it_is(stem: str, usable: bool) -> None:
    assert usable_name(stem) is usable
