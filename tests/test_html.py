"""The web edition (furo HTML): front matter, notes both ways, head metadata, downloads, citation, second paper."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
from conftest import DOCS, ROOT, Builder, sphinx_build
from test_axe import node_env  # skips, saying why, where node, its modules or Chromium are missing

pytestmark = pytest.mark.slow

PAPER: dict[str, Any] = json.loads((DOCS / "paper.json").read_text(encoding="utf-8"))
# Every note the converter defined, the author note ``[^*]`` included.
NOTE_LABELS = re.findall(r"^\[\^([^\]]+)\]:", (DOCS / "index.md").read_text(encoding="utf-8"), flags=re.M)


class Page(HTMLParser):
    """Elements of a page as (tag, attributes, text inside), enough to check links and metadata."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self._open: list[tuple[str, dict[str, str], list[str]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = (tag, {k: v or "" for k, v in attrs}, [])
        self.elements.append(element)
        if tag not in {"meta", "link", "br", "img", "input", "hr", "source", "use"}:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                del self._open[i:]
                break

    def handle_data(self, data: str) -> None:
        for _tag, _attrs, text in self._open:
            text.append(data)

    def find(self, tag: str, cls: str | None = None, **attrs: str) -> list[tuple[str, dict[str, str], list[str]]]:
        return [
            e
            for e in self.elements
            if e[0] == tag
            and (cls is None or cls in e[1].get("class", "").split())
            and all(e[1].get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def meta(self, key: str, attr: str = "name") -> list[str]:
        return [a.get("content", "") for _t, a, _x in self.elements if _t == "meta" and a.get(attr) == key]


def text_of(element: tuple[str, dict[str, str], list[str]]) -> str:
    return " ".join("".join(element[2]).split())


@pytest.fixture(scope="module")
def site(editions: Builder) -> Path:
    """Build the web edition as `nox -s build` does: after the EPUB and (when its builder exists) the PDF."""
    build = editions("epub").parent
    try:
        editions("pdf")
    except AssertionError as error:
        # Until the PDF builder is registered, the web edition must simply not offer a PDF.
        if "Builder name pdf not registered" not in str(error):
            raise
    result = sphinx_build(build.parent / "docs", build / "site", "html", build / "doctrees")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.strip() == "", result.stderr
    return build / "site"


@pytest.fixture(scope="module")
def page(site: Path) -> Page:
    return Page((site / "index.html").read_text(encoding="utf-8"))


def test_html_build_writes_the_landing_page(editions: Builder) -> None:
    index = editions("html") / "index.html"
    assert index.is_file()
    assert PAPER["title"] in html.unescape(index.read_text(encoding="utf-8"))


def test_landing_page_is_the_paper(page: Page) -> None:
    assert text_of(page.find("h1")[0]).rstrip("¶ ").strip() == PAPER["title"]
    byline = text_of(page.find("div", "byline")[0])
    assert all(author in byline for author in PAPER["authors"])
    assert " ".join(PAPER["abstract"].split()) in text_of(page.find("div", "abstract")[0]).replace("’", "'").replace(
        "“", '"'
    ).replace("”", '"')
    keywords = text_of(page.find("div", "keywords")[0])
    assert all(k in keywords for k in PAPER["keywords"])
    assert len(page.find("h2")) >= 2


def test_every_note_is_linked_both_ways(page: Page) -> None:
    refs = {a["id"]: a["href"] for _t, a, _x in page.find("a", "footnote-reference")}
    notes = {a["id"]: a for _t, a, _x in page.find("aside", "footnote")}
    assert len(notes) == len(NOTE_LABELS) == 32
    # Back-links: the note's label links to each call.
    backlinks: dict[str, set[str]] = {}
    current = None
    for tag, attrs, _text in page.elements:
        if tag == "aside" and "footnote" in attrs.get("class", "").split():
            current = attrs["id"]
        elif tag == "a" and attrs.get("role") == "doc-backlink" and current:
            backlinks.setdefault(current, set()).add(attrs["href"].lstrip("#"))
    for ref_id, href in refs.items():
        assert href.lstrip("#") in notes, f"call {ref_id} points nowhere"
        assert ref_id in backlinks[href.lstrip("#")], f"note {href} has no link back to {ref_id}"
    assert set(backlinks) == set(notes), "a note is never called or has no back-link"
    labels = ["".join(x).strip("[] ") for _t, a, x in page.find("a", role="doc-noteref")]
    assert "*" in labels  # the author note keeps its printed mark


def test_head_metadata(page: Page, site: Path) -> None:
    assert page.meta("citation_title") == [PAPER["title"]]
    assert page.meta("citation_author") == PAPER["authors"]  # one tag per author, in order
    assert page.meta("citation_publication_date") == [PAPER["date"].replace("-", "/")]
    assert page.meta("citation_publisher") == [PAPER["publisher"]]
    assert page.meta("og:title", "property") == [PAPER["title"]]
    assert page.meta("og:type", "property") == ["article"]
    # A local build has no base URL: no relative URLs where machines expect absolute ones.
    assert page.meta("citation_pdf_url") == [] and page.meta("og:url", "property") == []
    assert not page.find("link", rel="canonical")


def test_description_is_short_and_cut_at_a_word(page: Page) -> None:
    abstract = " ".join(PAPER["abstract"].split())
    for description in [*page.meta("description"), *page.meta("og:description", "property")]:
        assert len(description) <= 200 and description.endswith("…")
        kept = description.removesuffix("…")
        assert abstract.startswith(kept) and abstract[len(kept)] in " ,;:", "cut inside a word"
    assert len(page.meta("description")) == len(page.meta("og:description", "property")) == 1


def test_head_declares_one_viewport_and_no_guessed_locale(page: Page) -> None:
    """One viewport, the theme's (docutils writes a second); og:locale only with a territory the paper gave ("en")."""
    assert len(page.find("meta", name="viewport")) == 1
    assert PAPER["language"] == "en" and page.meta("og:locale", "property") == []


def test_back_matter_addresses_are_links(site: Path) -> None:
    """The publisher's page's e-mail and web addresses, printed as text, are links; their words unchanged."""
    back = Page((site / "back-matter.html").read_text(encoding="utf-8"))
    links = {text_of(a): a[1]["href"] for a in back.find("a", "reference")}
    assert links["iai@iai.it"].replace("%40", "@") == "mailto:iai@iai.it"
    assert links["www.iai.it"] == "https://www.iai.it"
    assert links["r.alcaro@iai.it"].replace("%40", "@") == "mailto:r.alcaro@iai.it"


@pytest.mark.slow
def test_measure_on_a_desktop_is_for_reading(site: Path) -> None:
    """On a laptop or desktop window, some 60 to 75 characters a line (furo's manual column set about 90)."""
    runner = Path(__file__).parent / "browser" / "measure.cjs"
    result = subprocess.run(
        ["node", str(runner), (site / "index.html").as_uri(), "1280", "1024"],
        capture_output=True,
        text=True,
        env=node_env(),
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    measures = json.loads(result.stdout)
    assert all(58 <= characters <= 78 for characters in measures.values()), measures


def test_cite_this_paper_kept_on_one_line(site: Path) -> None:
    """At 390 px the download row breaks between its offers, not inside "Cite this paper" or "(704 KB)"."""
    css = (site / "_static" / "web.css").read_text(encoding="utf-8")
    rule = css[css.index("article .paper-downloads a,") :].split("}")[0]
    assert ".edition-size" in rule and "white-space: nowrap" in rule


def test_download_links_resolve(page: Page, site: Path) -> None:
    links = [a["href"] for _t, a, _x in page.find("a", "edition-download")]
    assert f"{PAPER['name']}.epub" in links
    for href in links:
        assert (site / href).is_file(), f"download {href} does not resolve"
    epub = site.parent / "epub" / f"{PAPER['name']}.epub"
    assert (site / epub.name).read_bytes() == epub.read_bytes()
    if (site.parent / "pdf" / f"{PAPER['name']}.pdf").is_file():
        assert f"{PAPER['name']}.pdf" in links


def test_no_dangling_download_without_editions(editions: Builder) -> None:
    """An HTML build with no other editions beside it offers none (and does not warn: the fixture checks)."""
    out = editions("html")
    for ext in ("epub", "pdf"):
        if not (out.parent / ext / f"{PAPER['name']}.{ext}").is_file():
            assert f'href="{PAPER["name"]}.{ext}"' not in (out / "index.html").read_text(encoding="utf-8")


def format_text(page: Page, cls: str) -> str:
    """The text of one format of "Cite this paper" (the ``pre`` in its box)."""
    box = page.elements.index(page.find("div", cls)[0])
    return "".join(next(e for e in page.elements[box:] if e[0] == "pre")[2])


def test_cite_this_paper(page: Page) -> None:
    """House style, BibTeX, RIS and CSL-JSON, each as plain text (copy buttons come with cite.js)."""
    assert page.find("section", id="cite-this-paper")
    labels = [text_of(e) for e in page.find("p", "citation-format-label")]
    assert labels == ["Text", "BibTeX", "RIS", "CSL-JSON"]
    formatted = format_text(page, "cite-text")
    assert PAPER["title"] in formatted and all(a in formatted for a in PAPER["authors"])
    bibtex = format_text(page, "bibtex")
    library = bibtexparser.parse_string(bibtex)
    assert len(library.entries) == 1 and not library.failed_blocks
    entry = library.entries[0]
    assert entry.entry_type == "techreport"
    # Persons as family and given names (the seed's author prints two: given, then family).
    people = [name.rsplit(" ", 1)[::-1] for name in PAPER["authors"]]
    assert entry["author"] == " and ".join(f"{family}, {given}" for family, given in people)
    assert entry["title"] == "{" + PAPER["title"] + "}"
    assert entry["year"] == PAPER["date"][:4]
    assert (entry["type"], entry["number"], entry["institution"]) == (
        PAPER["series"],
        PAPER["number"],
        PAPER["publisher"],
    )
    ris = format_text(page, "ris").strip().splitlines()
    assert ris[0] == "TY  - RPRT" and ris[-1].rstrip() == "ER  -"
    assert [line[6:] for line in ris if line.startswith("AU")] == [f"{family}, {given}" for family, given in people]
    assert f"T3  - {PAPER['series']}" in ris and f"SN  - {PAPER['number']}" in ris
    assert f"TI  - {PAPER['title']}" in ris
    (item,) = json.loads(format_text(page, "csl-json"))
    assert item["type"] == "report" and item["title"] == PAPER["title"]
    assert item["author"] == [{"family": family, "given": given} for family, given in people]
    assert (item["collection-title"], item["number"]) == (PAPER["series"], PAPER["number"])
    assert item["issued"]["date-parts"] == [[int(x) for x in PAPER["date"].split("-")]]


def test_copy_buttons_are_added_by_script_only(page: Page, site: Path) -> None:
    assert not page.find("button", "copy-citation")  # without JavaScript: plain text to select
    assert [a for _t, a, _x in page.find("script", defer="defer") if a["src"].startswith("_static/cite.js")]
    script = (site / "_static" / "cite.js").read_text(encoding="utf-8")
    assert "navigator.clipboard" in script and 'role", "status"' in script


def test_header_has_date_publisher_and_downloads(page: Page) -> None:
    """The date moves up from after the conclusion into the header, verbatim; the publisher and downloads join it."""
    header = page.find("div", "paper-masthead")
    assert len(header) == 1
    text = text_of(header[0])
    assert PAPER["publisher"] in text and PAPER["date_text"] in text
    dates = page.find("span", "date")
    assert [text_of(d) for d in dates] == [PAPER["date_text"]]
    assert page.elements.index(header[0]) < page.elements.index(page.find("h2")[0])
    publisher = page.find("a", "paper-publisher")
    assert publisher and publisher[0][1]["href"] == "back-matter.html"


def test_no_documentation_chrome(page: Page) -> None:
    """No site navigation repeating the title, no generator credit; no rights line nobody gave in the footer."""
    assert not page.find("div", "sidebar-tree") and not page.find("a", "sidebar-brand")
    footer = text_of(next(e for e in page.elements if e[0] == "footer"))
    assert "Made with" not in footer and "Furo" not in footer and "Sphinx" not in footer
    assert "©" not in footer and "copyright" not in footer.lower()  # the paper prints none; none is made up


def test_notes_have_their_heading_and_contents_entry(page: Page) -> None:
    notes = page.find("section", id="notes")
    assert len(notes) == 1
    headings = [text_of(h).rstrip("#¶ ") for h in page.find("h2")]
    assert "Notes" in headings
    # Every note sits inside the Notes section (the next section starts after the last note).
    start = page.elements.index(notes[0])
    after = [e for e in page.elements[start + 1 :] if e[0] == "section"]
    end = page.elements.index(after[0]) if after else len(page.elements)
    inside = [e for e in page.elements[start:end] if e[0] == "aside" and "footnote" in e[1].get("class", "").split()]
    assert len(inside) == len(NOTE_LABELS)
    contents = page.elements.index(page.find("div", "toc-tree")[0])
    toc = [a["href"] for t, a, _x in page.elements[contents:] if t == "a" and a.get("href", "").startswith("#")]
    assert "#notes" in toc
    # "On this page" lists Notes after the last body section and before the references; the citation last.
    assert toc.index("#notes") < toc.index("#references") < toc.index("#cite-this-paper")


def test_note_labels_as_printed(site: Path) -> None:
    """Labels read "1" and "*", not "[1]": the brackets are hidden by the style sheet."""
    css = (site / "_static" / "web.css").read_text(encoding="utf-8")
    assert re.search(r"aside\.footnote \.label \.fn-bracket \{\s*display: none;", css)
    assert re.search(r"a\.footnote-reference \.fn-bracket \{\s*display: none;", css)


def test_bibliography_hangs_without_bullets(page: Page, site: Path) -> None:
    lists = page.find("ul", "bibliography")
    assert len(lists) == 1
    entries = [a for _t, a, _x in page.find("li") if a.get("id", "").startswith("cite-")]
    assert len(entries) == len(
        re.findall(r"^@\w+\{", (ROOT / "refs" / "references.bib").read_text(encoding="utf-8"), re.M)
    )
    css = (site / "_static" / "web.css").read_text(encoding="utf-8")
    assert re.search(r"ul\.bibliography \{\s*list-style: none;", css)
    assert re.search(r"ul\.bibliography > li \{[^}]*text-indent: -2em;", css)


def test_backlinks_never_wrap_alone(site: Path) -> None:
    """The space before "↩ N" is a no-break space, and the back-links themselves do not wrap."""
    text = (site / "index.html").read_text(encoding="utf-8")
    backrefs = re.findall(r'<span class="housestyle-backrefs">(.)', text)
    assert backrefs and set(backrefs) == {"\u00a0"}
    assert re.search(r"\.housestyle-backrefs \{\s*white-space: nowrap;", (site / "_static" / "web.css").read_text())


def test_dois_are_links(page: Page) -> None:
    dois = set()
    for _tag, _attrs, text in page.find("p"):
        dois |= set(re.findall(r"\b10\.\d{4,9}/[^\s\"<>]*[^\s\"<>.,;:)\]]", "".join(text)))
    assert dois, "the paper prints DOIs"
    links = {a["href"] for _t, a, _x in page.find("a")}
    for doi in dois:
        assert f"https://doi.org/{doi}" in links, doi


def test_previews_leave_out_the_entries_back_links(site: Path) -> None:
    script = (site / "_static" / "notes.js").read_text(encoding="utf-8")
    assert ".housestyle-backrefs" in script


def test_print_style_sheet(site: Path) -> None:
    css = (site / "_static" / "web.css").read_text(encoding="utf-8")
    block = css[css.index("@media print") :]
    for hidden in (".skip-to-content", ".toc-drawer", ".mobile-header", ".paper-downloads"):
        assert hidden in block


def test_previews_degrade_to_links(page: Page, site: Path) -> None:
    scripts = [a["src"] for _t, a, _x in page.find("script") if "notes.js" in a.get("src", "")]
    assert len(scripts) == 1 and page.find("script", src=scripts[0], defer="defer")
    assert (site / "_static" / "notes.js").is_file() and (site / "_static" / "web.css").is_file()
    # Without JavaScript every note call is an ordinary in-page link.
    assert all(a["href"].startswith("#") for _t, a, _x in page.find("a", "footnote-reference"))


def test_configuration_does_not_name_the_paper() -> None:
    """conf.py and the extensions take everything from paper.json: a second paper needs no edit."""
    names = [PAPER["title"], *PAPER["authors"], PAPER["publisher"], PAPER["name"], PAPER["abstract"][:40]]
    code = [DOCS / "conf.py", ROOT / "noxfile.py", *(DOCS / "_ext").glob("*.py")]
    code += [p for p in (DOCS / "_static").glob("*") if p.suffix in {".css", ".js"}]
    for path in code:
        text = path.read_text(encoding="utf-8")
        for name in names:
            assert name not in text, f"{path.name} names the paper ({name!r})"


SECOND_PAPER = {
    "generated_by": "test",
    "source": "refs/second.txt",
    "name": "second-paper",
    "title": "A Second Paper on Nothing in Particular",
    "byline": "by Ada Example and Bo Sample",
    "authors": ["Ada Example", "Bo Sample"],
    "date": "2021-03-04",
    "date_text": "4 March 2021",
    "abstract": "An abstract of two sentences. It says little.",
    "keywords": ["Testing", "Editions"],
    "language": "en",
    "publisher": "Example Institute",
    "bibfile": "../refs/references.bib",
}

SECOND_INDEX = """\
# A Second Paper on Nothing in Particular

````{container} byline
by Ada Example and Bo Sample[^*]
````

````{container} abstract
```{rubric} Abstract
```

An abstract of two sentences. It says little.
````

````{container} keywords
```{rubric} Keywords
```

Testing \\| Editions
````

## Introduction

A claim.[^1] Another claim.[^2]

## Conclusion

Nothing follows.

[^*]: Both authors are fictional.

[^1]: A note with a long URL, <https://example.org/a/very/long/path/that/goes/on/and/on/and/on/index.html>.

[^2]: A second note.
"""


def test_same_conf_builds_a_second_paper(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(DOCS / "conf.py", docs / "conf.py")
    shutil.copytree(DOCS / "_ext", docs / "_ext", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(DOCS / "_static", docs / "_static")
    (docs / "paper.json").write_text(json.dumps(SECOND_PAPER), encoding="utf-8")
    (docs / "index.md").write_text(SECOND_INDEX, encoding="utf-8")
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "references.bib").write_text("", encoding="utf-8")
    for builder in ("epub", "html"):
        result = sphinx_build(docs, tmp_path / "_build" / builder, builder, tmp_path / "dt")
        assert result.returncode == 0 and not result.stderr.strip(), result.stdout + result.stderr
    page = Page((tmp_path / "_build" / "html" / "index.html").read_text(encoding="utf-8"))
    assert page.meta("citation_title") == [SECOND_PAPER["title"]]
    assert page.meta("citation_author") == SECOND_PAPER["authors"]
    assert len(page.find("aside", "footnote")) == 3
    assert "second-paper.epub" in [a["href"] for _t, a, _x in page.find("a", "edition-download")]
    assert (tmp_path / "_build" / "epub" / "second-paper.epub").is_file()


FLAT_INDEX = """\
# A Paper Without Sections

````{container} byline
by Ada Example
````

A claim.[^1] Another, DOI 10.1000/xyz123.[^2]

[^1]: A note.

[^2]: Another note.
"""


def test_a_paper_without_sections_or_publisher(tmp_path: Path) -> None:
    """The notes become the paper's one subsection; nothing is asked of a publisher the paper does not name."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("_build", "__pycache__", "*.md", "paper.json"))
    paper = {**SECOND_PAPER, "name": "flat", "title": "A Paper Without Sections", "authors": ["Ada Example"]}
    (docs / "paper.json").write_text(json.dumps({**paper, "publisher": "", "bibfile": ""}), encoding="utf-8")
    (docs / "index.md").write_text(FLAT_INDEX, encoding="utf-8")
    for builder in ("epub", "html"):
        result = sphinx_build(docs, tmp_path / "_build" / builder, builder, tmp_path / "dt")
        assert result.returncode == 0 and not result.stderr.strip(), result.stdout + result.stderr
    page = Page((tmp_path / "_build" / "html" / "index.html").read_text(encoding="utf-8"))
    assert [text_of(h).rstrip("#¶ ") for h in page.find("h2")] == ["Notes", "Cite this paper"]
    assert "#notes" in [a["href"] for _t, a, _x in page.find("a", "reference")]
    assert "https://doi.org/10.1000/xyz123" in [a["href"] for _t, a, _x in page.find("a")]
    nav = (tmp_path / "_build" / "epub" / "nav.xhtml").read_text(encoding="utf-8")
    assert '<a href="index.xhtml#notes">Notes</a>' in nav
