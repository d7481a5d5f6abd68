"""Display equations (scripts read from the glyphs' size and baseline), their numbers and the links to them.

Each threshold is pinned just inside and just outside; R48913 (tests/fixtures/pdf) is the real case: its
equations (1)–(7) and (A1)–(B2), read against the page images (pdftoppm -r 110, pages 21, 22, 23 and 25).
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest
from paper2myst import mathtext
from paper2myst.emit import emit
from paper2myst.mathtext import Piece
from paper2myst.model import Equation, Paragraph
from paper2myst.pipeline import convert, convert_reading
from paper2myst.readers.pdf import read_pdf
from paper2myst.readers.pdf.boxes import PANEL_SLACK, panel
from paper2myst.readers.pdf.extract import Box, Font, Page, Run
from paper2myst.readers.pdf.lines import PUNCT_GAP, make_line, needs_space
from paper2myst.readers.pdf.maths import (
    MATHS_SHARE,
    SCRIPT_SCALE,
    SUB_DROP,
    SUP_RISE,
    display,
    equation,
    level,
    maths_spaces,
)
from paper2myst.stages.xrefs import references

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "docs" / "_ext"))

import typstmath

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"
SERIF = Font("Serif", bold=False, italic=False)
SIZE = 11.0
BASE = 500.0


def run(text: str, x0: float, size: float = SIZE, shift: float = 0.0) -> Run:
    """A run of ``text`` at ``x0``, its baseline ``shift`` (in the line's ems) off the line's."""
    baseline = BASE + shift * SIZE
    x1 = x0 + len(text) * size * 0.5
    return Run(text, x0, x1, baseline - size * 0.2, baseline + size * 0.7, baseline, size, SERIF)


def scripted(size: float, shift: float) -> int:
    """The level a run of ``size`` set ``shift`` ems off the baseline gets on a line of 11-point text."""
    line = make_line(1, [run("(1) Y = X", 72), run("it", 140, size, shift), run(" + Z", 150)], 0)
    return level(line.runs[1], line)


# --- scripts ---------------------------------------------------------------------------------------------------


def test_a_superscript_is_smaller_and_raised_past_the_threshold() -> None:
    small = SIZE * SCRIPT_SCALE - 0.1
    assert scripted(small, SUP_RISE + 0.01) == 1
    assert scripted(small, SUP_RISE - 0.01) == 0  # raised less: on the line


def test_a_subscript_is_smaller_and_lowered_past_the_threshold() -> None:
    small = SIZE * SCRIPT_SCALE - 0.1
    assert scripted(small, -SUB_DROP - 0.01) == -1
    assert scripted(small, -SUB_DROP + 0.01) == 0  # as small capitals: smaller, on the baseline


def test_a_run_as_large_as_the_line_is_no_script_however_far_off_the_baseline() -> None:
    assert scripted(SIZE * SCRIPT_SCALE + 0.1, SUP_RISE + 0.2) == 0
    assert scripted(SIZE * SCRIPT_SCALE + 0.1, -SUB_DROP - 0.2) == 0
    assert scripted(SIZE * SCRIPT_SCALE - 0.1, -SUB_DROP - 0.2) == -1


def test_a_script_follows_its_base_without_a_space() -> None:
    # A word processor set the "=" after "Y_it " in the subscripts' size and baseline: still the line's sign.
    line = make_line(
        1,
        [run("(B1) ", 72), run("Y", 100), run("it ", 106, 7.0, -0.09), run("= ", 112, 7.0, -0.09), run("α", 120)],
        0,
    )
    found = equation(line)
    assert found is not None
    assert (found.number, found.latex) == ("B1", r"\mathrm{Y}_{\mathrm{it}} = \alpha")


def test_the_number_may_stand_after_the_equation() -> None:
    line = make_line(1, [run("x = y", 200), run(" (4)", 480)], 0)
    found = equation(line)
    assert found is not None
    assert (found.number, found.latex) == ("4", r"\mathrm{x} = \mathrm{y}")


def test_a_sign_without_latex_here_leaves_the_equation_as_printed() -> None:
    assert equation(make_line(1, [run("(3) x ⊗ y = z", 72)], 0)) is None


# --- LaTeX of printed pieces ---------------------------------------------------------------------------------------


def test_greek_letters_operators_and_upright_words() -> None:
    assert mathtext.latex([Piece("δτ B + τ δB = 0")]) == r"\delta \tau \  \mathrm{B} + \tau \  \delta \mathrm{B} = 0"
    assert mathtext.latex([Piece("x ≤ 2 × y", italic=True)]) == r"x \leq 2 \times y"
    # ϕ (U+03D5) and φ (U+03C6) are two letters in LaTeX as in Unicode; ε is \varepsilon, ϵ \epsilon.
    assert mathtext.latex([Piece("ϕφεϵ")]) == r"\phi \varphi \varepsilon \epsilon"


def test_scripts_attach_to_the_atom_before_them() -> None:
    pieces = [Piece("B = A(1- τ)"), Piece("ε", 1), Piece(" + X"), Piece("i", -1), Piece("t", -1)]
    assert mathtext.latex(pieces) == r"\mathrm{B} = \mathrm{A} ( 1 - \tau )^{\varepsilon} + \mathrm{X}_{\mathrm{it}}"
    assert mathtext.latex([Piece("2", 1)]) == "{}^{2}"  # nothing before it: an empty base


def test_labels_of_printed_numbers() -> None:
    assert [mathtext.label(n) for n in ("4", "B1", "2.3")] == ["eq-4", "eq-b1", "eq-2-3"]
    assert mathtext.number("(B1) Y = X") == "B1"
    assert mathtext.number("Y = X (12)") == "12"
    assert mathtext.number("Y = X") == ""


# --- R48913: the acceptance case ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def r48913() -> tuple[list[Equation], str]:
    doc = convert_reading(read_pdf((FIXTURES / "R48913.pdf").read_bytes(), images=False), "R48913.pdf")
    index = emit(doc, "en", "../refs/references.bib").pages["index.md"]
    return [n for n in doc.body if isinstance(n, Equation)], index


def test_r48913_equations_keep_their_numbers_and_scripts(r48913: tuple[list[Equation], str]) -> None:
    equations, _ = r48913
    found = {e.number: e.latex for e in equations}
    assert list(found) == ["A1", "A2", "A3", "B1", "B2", "1", "2", "3", "4", "5", "6", "7"]
    # As the page prints them (page 25): the elasticity ε raised over τ in (1) and over the bracket in (2).
    assert found["1"] == r"\mathrm{B} = \mathrm{A} \  \tau^{\varepsilon}"
    assert found["2"] == r"\mathrm{B} = \mathrm{A} ( 1 - \tau )^{\varepsilon}"
    assert found["4"] == r"\delta \tau \  \mathrm{B} + \tau \  \delta \mathrm{B} = 0"
    assert found["7"] == r"\tau = 1 / ( 1 + \mathrm{e} )"
    # Page 22: the subscripts it of Y, X and ε lowered and smaller; page 21: the l of t_l.
    assert found["B1"] == (
        r"\mathrm{Y}_{\mathrm{it}} = \alpha + \beta \mathrm{X}_{\mathrm{it}} + \varepsilon_{\mathrm{it}}"
    )
    assert r"\nu_{\mathrm{i}} + \phi_{\mathrm{t}} + \eta_{\mathrm{it}}" in found["B2"]
    assert r"\mathrm{t}_{\mathrm{l}} \mathrm{WL}" in found["A3"]


def test_r48913_equations_are_numbered_targets_and_the_text_links_to_them(r48913: tuple[list[Equation], str]) -> None:
    _, index = r48913
    assert "(eq-4)=\n```{math}\n" in index and r"\tag{4}" in index
    # "If the value for δB is substituted from (5) into (4) … from (6) is substituted into (4)"
    assert "substituted from [(5)](#eq-5) into [(4)](#eq-4)" in index
    assert "is substituted into [(4)](#eq-4)" in index
    assert "differentiating equations [(1)](#eq-1) and [(2)](#eq-2)" in index
    # Counted points of a sentence are no equations: "differences among countries in (1) the measurement …"
    assert "in (1) the measurement" in index
    assert "[**Table B-1**](#table-b-1)" in index and "[**Appendix C**](#appendix-c)" in index
    assert "(appendix-c)=\n## Appendix C." in index


# --- cross-references ----------------------------------------------------------------------------------------


def keys(text: str, targets: set[str]) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.key) for c in references(text, targets)]


def test_numbers_after_equation_words_and_lists_of_them() -> None:
    targets = {"eq-1", "eq-2", "eq-3", "eq-b1"}
    assert keys("equations (1), (2) and (3) hold", targets) == [("(1)", "eq-1"), ("(2)", "eq-2"), ("(3)", "eq-3")]
    assert keys("as in equation (B1).", targets) == [("(B1)", "eq-b1")]
    assert keys("substituted from (1) into (2)", targets) == [("(1)", "eq-1"), ("(2)", "eq-2")]


def test_counted_points_and_missing_targets_are_no_links() -> None:
    targets = {"eq-1", "eq-2", "figure-1"}
    assert keys("differences in (1) the data, (2) the rules", targets) == []
    assert keys("see equation (5) and Figure 2", targets) == []  # no such equation, no such figure here
    assert keys("**Figure 1** shows", targets) == [("**Figure 1**", "figure-1")]
    assert keys("**Figure 1 shows** it", targets) == []  # inside a longer emphasis: left as printed


def test_the_text_route_links_a_figure_it_names() -> None:
    doc = convert(b"A Title\n\nFigure 1 shows it.\n\nFigure 1. Rainfall\n", "paper.txt")
    index = emit(doc, "en", "../refs/references.bib").pages["index.md"]
    assert "[Figure 1](#figure-1) shows it." in index and "(figure-1)=" in index


# --- print: Typst maths --------------------------------------------------------------------------------------


def test_latex_to_typst() -> None:
    assert typstmath.typst(r"\mathrm{Y}_{\mathrm{it}} = \alpha + x^{2}") == '"Y"_("it") = α + x^(2)'
    assert typstmath.typst(r"\tau = 1 / ( 1 + \mathrm{e} )") == 'τ = 1 \\/ (1 + "e")'  # a slash, not a fraction
    assert typstmath.typst(r"a \  b") == "a space b"
    assert typstmath.split_tag(r"x = 1 \tag{B1}") == ("x = 1", "B1")
    with pytest.raises(typstmath.Unsupported):
        typstmath.typst(r"\frac{a}{b}")


def test_typst_sets_the_equation_with_its_number(tmp_path: Path) -> None:
    typst = pytest.importorskip("typst")
    source = tmp_path / "eq.typ"
    source.write_text(typstmath.block(r"\mathrm{B} = \mathrm{A} \  \tau^{\varepsilon} \tag{1}"), encoding="utf-8")
    pdf = typst.compile(str(source))
    pypdf = pytest.importorskip("pypdf")
    from io import BytesIO

    text = unicodedata.normalize("NFKC", pypdf.PdfReader(BytesIO(pdf)).pages[0].extract_text())
    assert "(1)" in text and "τε" in text  # Typst's maths italic letters, read back as the letters
    assert typstmath.alt(r"\mathrm{Y}_{\mathrm{it}} = \alpha") == "Y_it = α"


# --- a paper typeset by Typst: centred equations, numbers at the margin, maths italic letters -------------------


def test_typst_s_numbered_equations_are_read_with_their_numbers_and_scripts() -> None:
    typst = pytest.importorskip("typst")
    pdf = typst.compile(str(Path(__file__).resolve().parent / "fixtures" / "typeset" / "equations.typ"))
    doc = convert_reading(read_pdf(pdf, images=False), "equations.pdf")
    found = [(n.number, n.latex) for n in doc.body if isinstance(n, Equation)]
    assert found == [
        ("1", r"Y_{it} = \alpha + \beta X_{it} + \varepsilon_{it}"),
        ("2", r"B = A \tau^{\varepsilon}"),
    ]
    index = emit(doc, "en", "../refs/references.bib").pages["index.md"]
    assert "Substituting [(2)](#eq-2) into [(1)](#eq-1) gives" in index
    assert "(1)" not in "".join(n.text for n in doc.body if isinstance(n, Paragraph) and n.text.startswith("where"))


# --- spaces between runs: a stop after a kerning gap, a capital after a small letter ------------------------------


def gap_between(left: str, right: str, gap: float, spaced: bool) -> bool:
    """Whether a space is read between runs ``left`` and ``right`` set ``gap`` ems apart."""
    first = run(left, 100)
    second = run(right, first.x1 + gap * SIZE)
    return needs_space(first, second, spaced)


def test_no_word_space_before_a_stop_inside_the_kerning_gap() -> None:
    # "Figure 1" ". Illustration": the caption's stop set 0.26 em after its number (R48913, page 6).
    assert not gap_between("Figure 1", ". Illustration", PUNCT_GAP - 0.01, spaced=True)
    assert gap_between("Figure 1", ". Illustration", PUNCT_GAP + 0.01, spaced=True)
    assert not gap_between("word", ", and", PUNCT_GAP - 0.01, spaced=False)
    assert gap_between("5", ".5 more", PUNCT_GAP - 0.01, spaced=False)  # ".5" is a number, no closing stop


def test_a_capital_after_a_small_letter_opens_a_word_in_a_smaller_gap() -> None:
    # "the" "Three": 0.19 em apart in a caption whose producer writes its spaces (R48913, page 24).
    assert gap_between("the", "Three", 0.16, spaced=True)
    assert not gap_between("the", "Three", 0.14, spaced=True)
    assert not gap_between("the", "three", 0.2, spaced=True)  # letter spacing inside a word, as before


# --- boxes: a shaded panel → its title, its paragraphs and list; front matter printed again → not again ---------


def test_a_shaded_panel_is_an_admonition_with_its_title_paragraphs_and_list() -> None:
    typst = pytest.importorskip("typst")
    pdf = typst.compile(str(Path(__file__).resolve().parent / "fixtures" / "typeset" / "panel.typ"))
    doc = convert_reading(read_pdf(pdf, images=False), "panel.pdf")
    index = emit(doc, "en", "../refs/references.bib").pages["index.md"]
    opened = index.index("`````{admonition} Where the Data Come From\n:class: panel\n")
    closed = index.index("\n`````\n", opened)
    inside = index[opened:closed]
    assert "The archives sent their own lists of boxes, which the survey team checked" in inside
    assert "- lists typed from the shelf labels, box by box;" in inside
    assert "- lists written by hand on a visit." in inside
    assert index.index("The survey counted") < opened < closed < index.index("The text goes on after the panel")


def test_a_panel_of_only_what_the_front_matter_gives_is_not_printed_again(r48913: tuple[list[Equation], str]) -> None:
    # R48913's summary page prints its date again in the shaded sidebar beside the summary (page 2).
    _, index = r48913
    assert index.count("April 21, 2026") == 1
    assert "```text\nApril 21, 2026" not in index


def test_a_panel_holds_lines_up_to_its_slack_over_the_edge() -> None:
    line = make_line(1, [run("A line of the panel", 100)], 0)
    edge = line.x0 + PANEL_SLACK * SIZE  # the line may start this far left of the fill (a glyph's overhang)
    page = Page(1, 612.0, 792.0, 0, fills=[Box(edge - 0.1, line.bottom - 5, line.x1 + 5, line.top + 5)])
    assert panel([line], {1: page})
    page.fills = [Box(edge + 0.1, line.bottom - 5, line.x1 + 5, line.top + 5)]
    assert not panel([line], {1: page})
    assert not panel([line], {1: Page(1, 612.0, 792.0, 0)})  # no fill at all: no panel


def test_a_line_is_set_in_maths_when_most_of_its_letters_are_mathematical() -> None:
    # "𝑎 = 𝑏" with plain words beside it: four of the eight letters mathematical is half, three is less.
    half = make_line(1, [run("𝑎𝑏𝑐𝑑 = wxyz", 100)], 0)
    less = make_line(1, [run("𝑎𝑏𝑐 = vwxyz", 100)], 0)
    assert MATHS_SHARE == 0.5
    assert display(half)
    assert not display(less)
    assert not display(make_line(1, [run("𝑎𝑏𝑐𝑑 and wxyz", 100)], 0))  # no relation sign: no equation


# --- inline scripts: a lowered, smaller run glued to its word is a subscript in the text too -------------------


def test_r48913_keeps_the_subscripts_of_its_running_text(r48913: tuple[list[Equation], str]) -> None:
    _, index = r48913
    # Page 22: "where Yit is the dependent variable, Xit is the independent variable", "it" lowered and smaller.
    assert "where Y{sub}`it` is the dependent variable, X{sub}`it` is the independent variable" in index
    assert "X{sub}`it` and ν{sub}`i` will be correlated" in index  # "i" and "t" set as two runs: one script


def test_a_script_s_role_passes_through_and_reads_as_its_text() -> None:
    from paper2myst.inline import plain, to_myst

    assert to_myst("CO{sub}`2` and Y{sub}`it`") == "CO{sub}`2` and Y{sub}`it`"
    assert to_myst("a {note}`x` here") == r"a \{note\}\`x\` here"  # no other role is let through
    assert plain("CO{sub}`2` and *Y*{sub}`it`") == "CO2 and Yit"


def test_raised_text_that_calls_no_note_stays_raised_in_running_text(r48913: tuple[list[Equation], str]) -> None:
    # Page 13: "an additional loss of revenues of 23% by the 10th year", "th" raised and smaller; no note "th".
    _, index = r48913
    assert "by the 10{sup}`th` year" in index


def test_an_exponent_read_as_a_line_of_its_own_stays_in_its_paragraph_and_maths_letters_keep_no_false_space() -> None:
    typst = pytest.importorskip("typst")
    pdf = typst.compile(str(Path(__file__).resolve().parent / "fixtures" / "typeset" / "exponent.typ"))
    doc = convert_reading(read_pdf(pdf, images=False), "exponent.pdf")
    texts = [n.text for n in doc.body if isinstance(n, Paragraph)]
    assert len(texts) == 2
    assert "has weight 𝛼{sup}`𝑇`−Age" in texts[0] and "Age{sup}`𝑎`𝑡, where the age" in texts[0]
    assert "𝒪︀(𝑡, 𝑇) as the set of all 𝑇-recent observations." in texts[0]


def test_a_space_after_maths_letters_stays_where_the_gap_is_a_word_space() -> None:
    def at(text: str, x0: float, x1: float) -> Run:
        return Run(text, x0, x1, BASE - 2, BASE + 8, BASE, SIZE, SERIF)

    # "𝑎 " then "∈ A" a third of an em on: a word space, printed; "𝑇 " then "-recent" touching it: none.
    line = make_line(1, [at("𝑎 ", 100, 105), at("∈ A", 108.7, 120), at("𝑇 ", 140, 146), at("-recent", 146.5, 180)], 0)
    assert maths_spaces([line])[0].text == "𝑎 ∈ A 𝑇-recent"


def test_a_sums_limit_read_as_a_line_of_its_own_goes_with_its_equation_and_the_text_after_it_stands_apart() -> None:
    typst = pytest.importorskip("typst")
    pdf = typst.compile(str(Path(__file__).resolve().parent / "fixtures" / "typeset" / "sum.typ"))
    doc = convert_reading(read_pdf(pdf, images=False), "sum.pdf")
    texts = [getattr(n, "text", "") for n in doc.body]
    assert "𝑦𝑎𝑡 = 𝛿𝑙𝑙(𝑎) + ∑𝑡′ 𝜃𝑡′𝑥𝑡′ + 𝜀𝑎𝑡," in texts  # the limit after its operator, no box of its own
    assert "where the sum runs over the months of the study and the errors are independent of one another." in texts


def test_a_display_equation_as_wide_as_the_measure_stands_apart_from_the_text_after_its_comma() -> None:
    typst = pytest.importorskip("typst")
    pdf = typst.compile(str(Path(__file__).resolve().parent / "fixtures" / "typeset" / "wide-equation.typ"))
    doc = convert_reading(read_pdf(pdf, images=False), "wide-equation.pdf")
    kinds = [type(n).__name__ for n in doc.body]
    assert kinds == ["Paragraph", "Equation", "Paragraph", "Paragraph"]
    assert doc.body[2].text.startswith("where the terms run")  # type: ignore[union-attr]
