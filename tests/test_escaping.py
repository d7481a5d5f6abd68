"""Text that looks like HTML or MyST syntax is the author's text: it shows literally in the HTML."""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, make_builder
from paper2myst.emit import emit
from paper2myst.pipeline import convert
from plain import squash

HOSTILE = [
    "<script>alert('x')</script>",
    "```{raw} html",
    "{eval-rst}",
    "[^x]",
    "$$",
    ":::",
    "<b>bold</b> &amp; {{ subst }} `code` ~~strike~~ | a | b |",
    "(target)=",
    "% not a comment",
    "- not a list",
    "1999. not a list either",
    "# not a heading",
]

PAPER = "\n\n".join(
    [
        "A Paper About Syntax",
        "by Ann Author",
        "Introduction",
        *[
            f"{h} is what the author wrote, verbatim.{str(i + 1).translate(str.maketrans('0123456789', '⁰¹²³⁴⁵⁶⁷⁸⁹'))}"
            for i, h in enumerate(HOSTILE)
        ],
        *[
            f"{str(i + 1).translate(str.maketrans('0123456789', '⁰¹²³⁴⁵⁶⁷⁸⁹'))} A note quoting {h} as well."
            for i, h in enumerate(HOSTILE)
        ],
    ]
)


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> BeautifulSoup:
    work = tmp_path_factory.mktemp("escaping")
    docs = work / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("_build", "*.md", "paper.json"))
    doc = convert(PAPER.encode("utf-8"), "refs/syntax.txt")
    for name, text in emit(doc, "en", "../refs/references.bib").pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    out = make_builder(docs, work / "_build")("html")
    return BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.slow
def test_hostile_text_is_literal(html: BeautifulSoup) -> None:
    article = html.find("article") or html
    paragraphs = [squash(p.get_text()) for p in article.find_all("p")]
    for text in HOSTILE:
        assert any(p.startswith(f"{text} is what the author wrote") for p in paragraphs), text
    notes = [squash(n.get_text()) for n in article.select("aside.footnote p")]
    for text in HOSTILE:
        assert f"A note quoting {text} as well." in notes
    assert article.find("script") is None
    assert article.find("b") is None
    assert article.find("code") is None


def test_hostile_text_is_escaped_in_myst() -> None:
    doc = convert(PAPER.encode("utf-8"), "refs/syntax.txt")
    index = emit(doc, "en", "").pages["index.md"]
    assert "<script>" not in index
    assert "\n```{raw}" not in index
    assert "\n% not" not in index
