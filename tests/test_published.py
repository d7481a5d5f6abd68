"""A paper of a series with a publication.toml and a base URL: header, one canonical URL, Scholar, JSON-LD, sitemap."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zipfile import ZipFile

import pytest
from conftest import DOCS, ROOT, sphinx_build
from test_html import Page, text_of

pytestmark = pytest.mark.slow

PAPER: dict[str, Any] = json.loads((DOCS / "paper.json").read_text(encoding="utf-8"))
# What an editor writes once for the series (docs/publication.toml); "{name}" becomes each paper's name.
PUBLICATION = """\
series = "Example Papers"
number = "7"
copyright = "© 2023 Example Institute"
license = "CC BY 4.0"
license_url = "https://creativecommons.org/licenses/by/4.0/"
doi = "10.1234/example.7"
issn = "2610-9603"
url = "https://papers.example.org/{name}"
"""
BASE = f"https://papers.example.org/{PAPER['name']}/"
CANONICAL = BASE + "index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build EPUB then HTML of the paper with the series' file; a stand-in PDF sits where the PDF builder puts it."""
    work = tmp_path_factory.mktemp("published")
    shutil.copytree(DOCS, work / "docs", ignore=shutil.ignore_patterns("_build", "__pycache__"))
    shutil.copytree(ROOT / "refs", work / "refs")
    (work / "docs" / "publication.toml").write_text(PUBLICATION, encoding="utf-8")
    # The seed prints its own series and number (its back matter's list), which win over the series file
    # (test_paper_json_wins_over_the_series_file): taken out here, so that the file's values are the ones shown.
    own = {k: v for k, v in PAPER.items() if k not in ("series", "number")}
    (work / "docs" / "paper.json").write_text(json.dumps(own, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (work / "_build" / "pdf").mkdir(parents=True)
    (work / "_build" / "pdf" / f"{PAPER['name']}.pdf").write_bytes(b"%PDF-1.7\n%stand-in\n")
    for builder in ("epub", "html"):
        result = sphinx_build(work / "docs", work / "_build" / builder, builder, work / "_build" / "doctrees")
        assert result.returncode == 0 and not result.stderr.strip(), result.stdout + result.stderr
    return work / "_build"


@pytest.fixture(scope="module")
def page(site: Path) -> Page:
    return Page((site / "html" / "index.html").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def json_ld(page: Page) -> dict[str, Any]:
    scripts = page.find("script", type="application/ld+json")
    assert len(scripts) == 1
    data: dict[str, Any] = json.loads("".join(scripts[0][2]))
    return data


def test_header_shows_the_series_facts(page: Page) -> None:
    header = text_of(page.find("div", "paper-masthead")[0])
    for fact in (
        "Example Papers 7",
        PAPER["publisher"],
        PAPER["date_text"],
        "© 2023 Example Institute",
        "CC BY 4.0",
        "ISSN 2610-9603",
        "https://doi.org/10.1234/example.7",
    ):
        assert fact in header, fact
    links = {a["href"] for _t, a, _x in page.find("a")}
    assert "https://creativecommons.org/licenses/by/4.0/" in links and "https://doi.org/10.1234/example.7" in links


def test_one_canonical_url(page: Page, json_ld: dict[str, Any]) -> None:
    """rel=canonical, og:url, citation_abstract_html_url, JSON-LD and the citations all name the same URL."""
    assert [a["href"] for _t, a, _x in page.find("link", rel="canonical")] == [CANONICAL]
    assert page.meta("og:url", "property") == [CANONICAL]
    assert page.meta("citation_abstract_html_url") == [CANONICAL]
    assert json_ld["url"] == CANONICAL
    box = page.elements.index(page.find("div", "bibtex")[0])
    bibtex = "".join(next(e for e in page.elements[box:] if e[0] == "pre")[2])
    assert f"{{{CANONICAL}}}" in bibtex


def test_scholar_tags(page: Page) -> None:
    assert page.meta("citation_author") == PAPER["authors"]
    (pdf,) = page.meta("citation_pdf_url")
    assert urlsplit(pdf).scheme == "https" and urlsplit(pdf).netloc == urlsplit(CANONICAL).netloc
    assert pdf == BASE + f"{PAPER['name']}.pdf"
    assert page.meta("citation_technical_report_institution") == [PAPER["publisher"]]
    assert page.meta("citation_technical_report_number") == ["7"]
    assert page.meta("citation_doi") == ["10.1234/example.7"]
    assert page.meta("citation_issn") == ["2610-9603"]


def test_social_image_is_the_cover(page: Page, site: Path) -> None:
    (image,) = page.meta("og:image", "property")
    assert image == BASE + "_static/cover.png"
    png = (site / "html" / "_static" / "cover.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    with ZipFile(site / "epub" / f"{PAPER['name']}.epub") as book:
        assert book.read("_static/cover.png") == png  # one cover for the e-book and the link previews
    assert page.meta("og:image:alt", "property") == [PAPER["title"]]
    assert page.meta("twitter:card") == ["summary"]


def test_json_ld_describes_the_report(json_ld: dict[str, Any]) -> None:
    assert json_ld["@context"] == "https://schema.org" and json_ld["@type"] == "Report"
    assert json_ld["name"] == PAPER["title"]
    assert [a["name"] for a in json_ld["author"]] == PAPER["authors"]
    assert all(a["@type"] == "Person" for a in json_ld["author"])
    assert json_ld["datePublished"] == PAPER["date"]
    assert json_ld["publisher"] == {"@type": "Organization", "name": PAPER["publisher"]}
    assert json_ld["isPartOf"] == {"@type": "CreativeWorkSeries", "name": "Example Papers", "issn": "2610-9603"}
    assert json_ld["reportNumber"] == "7"
    assert json_ld["identifier"] == {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.1234/example.7"}
    assert json_ld["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert json_ld["inLanguage"] == PAPER["language"]
    assert json_ld["abstract"] == " ".join(PAPER["abstract"].split())
    encodings = {e["encodingFormat"]: e["contentUrl"] for e in json_ld["encoding"]}
    assert encodings == {
        "application/pdf": BASE + f"{PAPER['name']}.pdf",
        "application/epub+zip": BASE + f"{PAPER['name']}.epub",
    }


def test_sitemap_lists_the_canonical_urls(site: Path) -> None:
    tree = ET.parse(site / "html" / "sitemap.xml")
    locs = [e.text for e in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert CANONICAL in locs and BASE + "back-matter.html" in locs
    assert not any("search" in (loc or "") for loc in locs)


def test_epub_carries_the_series(site: Path) -> None:
    with ZipFile(site / "epub" / f"{PAPER['name']}.epub") as book:
        opf = book.read("content.opf").decode("utf-8")
    assert '<dc:identifier id="pub-id">https://doi.org/10.1234/example.7</dc:identifier>' in opf
    assert "<dc:rights>© 2023 Example Institute. CC BY 4.0</dc:rights>" in opf  # as the editor gave it
    assert '<meta property="belongs-to-collection" id="series">Example Papers</meta>' in opf
    assert '<link rel="dcterms:license" href="https://creativecommons.org/licenses/by/4.0/" />' in opf


def test_paper_json_wins_over_the_series_file(tmp_path: Path) -> None:
    """Where the converter found a value in the source, the editor's default does not replace it."""
    import sys

    sys.path.insert(0, str(DOCS / "_ext"))
    from paperdata import load

    (tmp_path / "paper.json").write_text(json.dumps({**PAPER, "number": "12", "series": ""}), encoding="utf-8")
    (tmp_path / "publication.toml").write_text(PUBLICATION, encoding="utf-8")
    paper = load(tmp_path)
    assert paper.number == "12"  # from the source
    assert paper.series == "Example Papers"  # the source printed none
    assert paper.url == f"https://papers.example.org/{PAPER['name']}"
    (tmp_path / "publication.toml").unlink()
    bare = load(tmp_path)
    assert (bare.series, bare.doi, bare.license, bare.url) == ("", "", "", "")  # missing values are simply omitted


def test_axe_finds_nothing_serious_on_the_full_header(site: Path) -> None:
    """The header with every fact (series, licence, DOI) passes axe-core too, at desktop and phone widths."""
    from test_axe import FAILING, axe

    bad = [v for v in axe(site / "html" / "index.html") if v["impact"] in FAILING]
    assert bad == [], json.dumps(bad, indent=1)
