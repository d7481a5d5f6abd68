"""The PDF reader on small synthetic pages: runs placed by hand, each rule pinned just inside and just outside."""

from __future__ import annotations

import pytest
from paper2myst.model import Caption, Document, Equation, Heading, ItemList, Paragraph, Table
from paper2myst.pipeline import convert_reading
from paper2myst.readers.pdf import BOX_SCALE, PROSE_LINE, body_size, build
from paper2myst.readers.pdf.extract import Box, Font, Page, Run
from paper2myst.readers.pdf.inline import Piece, render
from paper2myst.readers.pdf.lines import DROP_CAP_SCALE, Line, make_line, page_lines
from paper2myst.readers.pdf.notes import NOTE_MARGIN

SERIF = Font("Serif", bold=False, italic=False)


def run(text: str, x0: float, baseline: float, size: float = 11.0, font: Font = SERIF, width: float = 0.0) -> Run:
    """A run of ``text`` at ``x0`` on ``baseline`` (its box as a typesetter's would be: ascent 0.7, descent 0.2)."""
    x1 = x0 + (width or len(text) * size * 0.45)
    return Run(text, x0, x1, baseline - size * 0.2, baseline + size * 0.7, baseline, size, font)


def page(*runs: Run) -> Page:
    return Page(1, 612.0, 792.0, 0, list(runs))


def dropped(scale: float) -> list[Line]:
    """A paragraph whose first letter is set ``scale`` times the text's size beside its first three lines."""
    cap = Run("T", 91.6, 118.6, 675.4, 709.4, 675.4, 11 * scale, SERIF)  # level with the top line, down three
    return page_lines(
        page(
            cap,
            run("he act of May 15, 1862, established the department as a federal", 120.3, 700.4, width=390),
            run("department to acquire and to diffuse among the people useful", 120.7, 687.8, width=390),
            run("information on subjects connected with agriculture in the most", 120.6, 675.1, width=390),
            run("general and comprehensive sense of that word, and to procure.", 90.5, 662.5, width=420),
        )
    )


def test_drop_cap_joins_its_paragraph_first_word() -> None:
    lines = dropped(DROP_CAP_SCALE + 0.1)
    assert lines[0].text.startswith("The act of May 15")
    assert len(lines) == 4
    # The lines beside the cap are indented by it alone: they start where the paragraph's other lines start.
    assert all(abs(ln.x0 - lines[0].x0) < 2 for ln in lines[:3])


def test_a_large_letter_not_much_larger_than_the_text_is_no_drop_cap() -> None:
    lines = dropped(DROP_CAP_SCALE - 0.1)
    assert not any(line.text.startswith("The act") for line in lines)


# --- tables, figures and boxes: text in another, smaller face is never the body's --------------------------------

SANS = Font("Sans", bold=False, italic=False)
SANS_BOLD = Font("Sans-Bold", bold=True, italic=False)
PROSE = (
    "The committee heard from many witnesses over the course of the year and wrote down all they said",
    "about the rivers and the roads, the schools and the courts, and the money that paid for each of",
    "them in turn; it then asked what the next year would bring and how the law should change for it",
)


def prose(top: float, lines: int, size: float = 11.0) -> list[Run]:
    """``lines`` lines of running text in the body's face, from baseline ``top`` down; the last ends a sentence."""
    texts = [PROSE[k % len(PROSE)] for k in range(lines)]
    texts[-1] = texts[-1].split(";")[0] + "."
    return [run(text, 72, top - k * size * 1.2, size) for k, text in enumerate(texts)]


def boxed(top: float, lines: int, size: float, font: Font = SANS) -> list[Run]:
    """``lines`` lines of a box's text in ``font`` at ``size``, from baseline ``top`` down."""
    return [
        run(
            f"Box line {k} tells the reader of one more rule the agency set down for the program",
            80,
            top - k * size * 1.2,
            size,
            font,
        )
        for k in range(lines)
    ]


def pages(*contents: list[Run]) -> list[Page]:
    return [Page(k + 1, 612.0, 792.0, 0, list(runs)) for k, runs in enumerate(contents)]


def read(*contents: list[Run]) -> Document:
    """The document the reader makes of these pages, a title set large above the first one's text."""
    title = run("A Synthetic Report", 72, 750, 20, Font("Serif-Bold", bold=True, italic=False))
    first, *rest = contents
    return convert_reading(build(pages([title, *first], *rest)), "synthetic.pdf")


def paragraphs(doc: Document) -> list[str]:
    return [n.text for n in doc.body if isinstance(n, Paragraph)]


def box_page(scale: float, font: Font = SANS) -> Document:
    """Page 1 running text; page 2 mostly a box (so the page's own size is the box's), then running text."""
    return read(prose(700, 20), [*boxed(700, 20, 11 * scale, font), *prose(400, 3)])


def test_text_smaller_than_the_body_in_another_face_is_a_box() -> None:
    doc = box_page(BOX_SCALE - 0.01)
    assert not any(p.startswith("Box line") for p in paragraphs(doc))
    boxes = [n for n in doc.body if isinstance(n, Caption) and any(r.startswith("Box line") for r in n.rows)]
    assert len(boxes) == 1 and len(boxes[0].rows) == 20  # one box, every line of it


def test_text_almost_the_body_size_in_another_face_is_the_body() -> None:
    doc = box_page(BOX_SCALE + 0.01)
    assert any(p.startswith("Box line") for p in paragraphs(doc))


def test_smaller_text_in_the_body_face_on_a_page_of_its_own_is_the_body() -> None:
    """A summary page set smaller than the report, in the same face, is running text."""
    doc = box_page(BOX_SCALE - 0.01, SERIF)
    assert any(p.startswith("Box line") for p in paragraphs(doc))


def titled(gap: float) -> Document:
    """A box with a bold title in its own face ``gap`` ems of the title's size above its first line."""
    title = run("What the Law Requires", 200, 700, 11, SANS_BOLD)
    first = 700 - 11 * 0.2 - gap * 11 - 9 * 0.7  # the box's first baseline: its top ``gap`` ems under the title
    return read(prose(700, 20), [title, *boxed(first, 20, 9), *prose(first - 20 * 9 * 1.2 - 20, 3)])


def test_a_heading_in_the_box_face_just_above_it_is_its_title() -> None:
    doc = titled(1.9)
    assert "What the Law Requires" not in [n.text for n in doc.body if isinstance(n, Heading)]
    assert any(isinstance(n, Caption) and "What the Law Requires" in n.rows for n in doc.body)


def test_a_heading_in_the_box_face_further_above_it_stays_a_heading() -> None:
    doc = titled(2.1)
    assert "What the Law Requires" in [n.text for n in doc.body if isinstance(n, Heading)]


def cells(top: float, rows: int, length: int, size: float = 9.0, per_row: int = 4) -> list[Run]:
    """A table's rows in the sans face: ``per_row`` cells of ``length`` characters each, row after row."""
    return [
        run(f"{k:02d}" + "x" * (length - 2), 72 + c * 130, top - k * size * 1.4, size, SANS, width=length * size * 0.3)
        for k in range(rows)
        for c in range(per_row)
    ]


def test_the_body_size_is_the_running_text_s_not_a_long_table_s() -> None:
    """A report whose tables carry more characters than its prose: its body is still the prose's size."""
    prose_lines = [make_line(1, [r], 0) for r in prose(700, 10)]
    for line in prose_lines:
        line.role = "body"
    # One long cell a row (a table that stands alone on its rows, like running text): its length decides.
    short = [make_line(2, [r], 0) for r in cells(700, 120, PROSE_LINE - 1, per_row=1)]
    assert body_size(prose_lines + short) == 11.0
    long = [make_line(2, [r], 0) for r in cells(700, 120, PROSE_LINE, per_row=1)]
    assert body_size(prose_lines + long) == 9.0  # cells as long as prose lines count as prose
    # Cells that share their rows are a table's, however long: lines standing alone on their row decide.
    shared = [make_line(2, [r], 0) for r in cells(700, 30, PROSE_LINE)]
    assert body_size(prose_lines + shared) == 11.0


def test_the_body_size_is_the_running_text_s_not_its_reference_list_s() -> None:
    """Narrow columns of 12 pt prose and a reference list in long lines of 11 pt: the body is set in 12 pt."""
    narrow = [make_line(1, [run("words of a narrow column.", 72, 700 - k * 14, 12.0)], 0) for k in range(40)]
    heading = make_line(2, [run("References", 72, 720, 18.0)], 0)
    entry = "An Author, A title of a work cited, 2020. " * 2
    entries = [make_line(2, [run(entry, 72, 700 - k * 13, 11.0)], 0) for k in range(40)]
    lines = [*narrow, heading, *entries]
    for line in lines:
        line.role = "body"
    assert body_size(lines) == 12.0
    assert body_size([*narrow, *entries]) == 11.0  # (no heading: nothing says it is a list)
    assert body_size([heading, *entries]) == 11.0  # (one page: its own size is what it holds)


def caption_of(node: object) -> str:
    """A table's or a figure's caption text (a table read into cells, or a caption kept as text)."""
    return node.caption if isinstance(node, Table) else node.text if isinstance(node, Caption) else ""


def note_line(label: str, text: str, baseline: float, size: float, font: Font) -> list[Run]:
    """A note's first line: its label set apart from its text."""
    return [run(label, 72, baseline, size, font, width=size * 0.8), run(text, 84, baseline, size, font)]


def test_a_table_s_source_and_lettered_notes_stay_with_it_never_the_paper_s_notes() -> None:
    table = [
        run("Table 1. Votes Cast on Each Ballot", 72, 520, 11, SANS_BOLD),
        *cells(500, 6, 12),
        run("Source: Journal of the House, each session cited in the text above.", 72, 410, 8, SANS),
        *note_line("a.", "Special election to fill a vacancy in the office.", 398, 8, SANS),
        *note_line("b.", "Elected by resolution, not by roll call.", 388, 8, SANS),
    ]
    first = [*prose(700, 12), *table, *prose(370, 3)]
    first[2] = run(PROSE[2][:40] + "\u00b9 and more words after the call go on to the end", 72, 700 - 2 * 13.2)
    notes = note_line("1", "See the Journal of the House for each of the ballots and every vote.", 90, 9, SERIF)
    doc = read([*first, *notes], prose(700, 20))
    assert [n.label for n in doc.notes] == ["1"]
    (table_node,) = [n for n in doc.body if isinstance(n, Table) and n.caption.startswith("Table 1")]
    assert table_node.notes[0].startswith("**Source:**") or table_node.notes[0].startswith("Source:")
    assert [n[:2] for n in table_node.notes[1:]] == ["a.", "b."]
    assert not any("Special election" in p or "x" * 8 in p for p in paragraphs(doc))


def test_a_paragraph_cut_at_a_page_foot_goes_on_after_a_box_at_the_next_page_head() -> None:
    cut = prose(700, 20)
    cut[-1] = run("and so the paragraph runs on to the foot of the page where it is cut in", 72, 700 - 19 * 13.2)
    doc = read(
        cut, [*boxed(700, 6, 9), run("the middle of a sentence that ends on the next page.", 72, 600), *prose(580, 3)]
    )
    assert any(p.endswith("is cut in the middle of a sentence that ends on the next page.") for p in paragraphs(doc))


def test_text_on_the_caption_s_row_right_of_it_is_the_rest_of_the_caption() -> None:
    def page(x0: float) -> list[Run]:
        caption = run("Table 1.", 72, 520, 11, SANS_BOLD, width=40)
        rest = run("Votes Cast on Ballots", x0, 520, 11, SANS_BOLD, width=120)
        return [*prose(700, 12), caption, rest, *cells(500, 6, 12), *prose(400, 3)]

    near = read(page(112 + 11 * 1.9))
    assert any(isinstance(n, Table) and n.caption == "Table 1. Votes Cast on Ballots" for n in near.body)
    far = read(page(112 + 11 * 2.1))
    assert not any(isinstance(n, Table | Caption) and "Votes Cast" in caption_of(n) for n in far.body)


# --- emphasis Markdown can read ----------------------------------------------------------------------------------


def test_punctuation_at_a_bold_lead_s_edge_touching_a_word_goes_outside_the_marks() -> None:
    pieces = [Piece("AI and Defense—", bold=True), Piece("products that cover the defense sector.")]
    assert render(pieces) == "**AI and Defense**—products that cover the defense sector."
    # Followed by a space, the punctuation stays inside (Markdown reads "**Note:** text" as bold).
    assert render([Piece("Note:", bold=True), Piece(" the text goes on.")]) == "**Note:** the text goes on."


def test_a_period_alone_in_italics_after_a_word_is_left_plain() -> None:
    assert render([Piece("recall it voluntarily"), Piece(".", italic=True), Piece(" Recalls may")]) == (
        "recall it voluntarily. Recalls may"
    )


# --- a page set small throughout has no note area ----------------------------------------------------------------


def small_page(above: float) -> Document:
    """Page 2: running text at ``above`` points, then lines at 10 points, one opening with a "1" set apart."""
    title = [run("A Summary Page Title Set Large Above Its Text", 72, 730, 20)]  # larger, but no running text
    top = title + [run(text, 72, 700 - k * 13, above) for k, text in enumerate(PROSE)]
    small = [
        run("the rule applies to many of the same facilities and sets a deadline for them to report", 72, 640, 10),
        run("1", 72, 628, 10, width=5),
        run("rulemaking in March 2024 and a final rule in December that extends the deadlines.", 90, 628, 10),
    ]
    return read(prose(700, 20), [*top, *small])


def test_lines_smaller_than_the_running_text_above_them_open_a_note_area() -> None:
    doc = small_page(10.0 + NOTE_MARGIN + 0.05)
    assert [n.label for n in doc.notes] == ["1"]


def test_lines_no_smaller_than_the_running_text_above_them_are_no_notes() -> None:
    doc = small_page(10.0 + NOTE_MARGIN - 0.05)
    assert not doc.notes
    assert any("rulemaking in March 2024" in p for p in paragraphs(doc))


def test_a_note_s_lines_in_a_table_s_face_on_a_later_page_are_that_page_s_table_notes() -> None:
    """A note area on a later page that holds a table's notes: not the rest of the last note before it."""
    first = [
        *prose(700, 20),
        *note_line("1", "See the Journal of the House for each of the ballots and votes.", 90, 9, SERIF),
    ]
    later = [
        *prose(700, 12),
        run("Table 1. Votes Cast on Each Ballot", 72, 520, 11, SANS_BOLD),
        *cells(500, 6, 12),
        run("Source: Journal of the House, each session cited in the text above.", 72, 410, 8, SANS),
        run("and more of what the table's notes say about the votes cast on each of the days", 72, 90, 8, SANS),
    ]
    title = run("A Synthetic Report", 72, 750, 20, Font("Serif-Bold", bold=True, italic=False))
    one, two = pages([title, *first], later)
    two.rules.append(Box(72, 100, 200, 100.5))  # a short rule above the page's note area
    doc = convert_reading(build([one, two]), "synthetic.pdf")
    assert [n.text for n in doc.notes] == ["See the Journal of the House for each of the ballots and votes."]
    (table,) = [n for n in doc.body if isinstance(n, Table) and n.caption.startswith("Table 1")]
    assert any("votes cast on each of the days" in note for note in table.notes)


# --- paragraphs cut mid-sentence by a page break ------------------------------------------------------------------


FULL = len(PROSE[0]) * 11 * 0.45  # the width of the running text's full lines


def cut_at_page_foot(opening: str, rest: str) -> Document:
    """A paragraph opening with ``opening`` stops mid-sentence at page 1's foot; page 2 opens with ``rest``."""
    page_one = prose(700, 16)
    page_one += [  # after a paragraph's gap, two lines; the second stops short (the next word did not fit)
        run(f"{opening} said the Secretary released a memorandum in the spring and", 72, 470, width=FULL),
        run("the agency then published what the memorandum called its plan titled", 72, 456.8, width=330),
    ]
    return read(page_one, [run(rest, 72, 700), *prose(680, 4)])


def test_a_paragraph_stopping_mid_sentence_goes_on_at_the_next_page_head_whatever_its_first_letter() -> None:
    doc = cut_at_page_foot("Congress", "“Department of Agriculture Reorganization Plan” in July.")
    assert any(p.endswith("titled “Department of Agriculture Reorganization Plan” in July.") for p in paragraphs(doc))


def test_text_at_the_next_page_head_opening_as_the_paragraph_did_is_a_list_s_next_entry() -> None:
    doc = cut_at_page_foot("Congress", "Congress also released a second memorandum in July.")
    assert "Congress also released a second memorandum in July." in paragraphs(doc)


def test_a_table_number_in_the_body_s_own_face_inside_an_open_sentence_is_no_caption() -> None:
    def page(font: Font) -> list[Run]:
        return [
            *prose(700, 12),
            run("Many agencies have offices that perform functions similar to the offices in", 72, 520, width=400),
            run("Table 1. The plan states that the department is to remove duplicate functions.", 72, 506.8, 11, font),
            *prose(480, 3),
        ]

    sentence = (
        "similar to the offices in Table 1. The plan states that the department is to remove duplicate functions."
    )
    assert any(p.endswith(sentence) for p in paragraphs(read(page(SERIF))))
    assert not any(p.endswith(sentence) for p in paragraphs(read(page(SANS_BOLD))))  # a caption's face: a caption


def test_a_display_equation_on_its_own_line_is_kept_as_printed_not_as_a_paragraph() -> None:
    doc = read([*prose(700, 12), run("(A1) Rev = tRK/(1-t)", 250, 500), *prose(470, 3)])
    equations = [(n.number, n.text, n.latex) for n in doc.body if isinstance(n, Equation)]
    assert equations == [("A1", "(A1) Rev = tRK/(1-t)", r"\mathrm{Rev} = \mathrm{tRK} / ( 1 - \mathrm{t} )")]
    assert not any("Rev =" in p for p in paragraphs(doc))


def item_cut(x0: float) -> Document:
    """A bulleted item stops mid-sentence at page 1's foot; page 2 opens with a line at ``x0``."""
    page_one = [
        *prose(700, 16),
        run("• International Developments. Production may be influenced by the policies of other", 72, 470, width=FULL),
        run("countries; the details are uncertain, but this program could have some impact on", 90, 456.8, width=300),
    ]
    return read(page_one, [run("natural gas operations in the United States.", x0, 700), *prose(680, 4)])


def test_a_list_item_cut_by_a_page_break_goes_on_at_its_text_s_indent() -> None:
    items = [i.text for n in item_cut(90).body if isinstance(n, ItemList) for i in n.items]
    assert any(t.endswith("some impact on natural gas operations in the United States.") for t in items)


def test_text_at_the_column_s_edge_after_a_cut_item_is_not_the_item_s() -> None:
    items = [i.text for n in item_cut(72 - 11).body if isinstance(n, ItemList) for i in n.items]
    assert not any(t.endswith("United States.") for t in items)


def sub_item(font: Font) -> Document:
    """A bulleted item whose third line opens with an "o" in ``font``, set apart from its text."""
    page = [
        *prose(700, 12),
        run("•", 72, 500, 11, Font("Symbol", bold=False, italic=False), width=4),
        run(
            "Overview—products that give background on the program in general, its terms and", 90, 500, width=FULL - 18
        ),
        run("the topics related to its regulation and governance.", 90, 486.8, width=250),
        run("o", 90, 473.6, 11, font, width=6),
        run("Generative tools—products that focus on the newest of the program's tools.", 108, 473.6, width=330),
        *prose(440, 3),
    ]
    return read(page)


def test_a_sub_item_s_bullet_in_a_font_of_its_own_opens_an_item() -> None:
    items = [
        i.text
        for n in sub_item(Font("Courier", bold=False, italic=False)).body
        if isinstance(n, ItemList)
        for i in n.items
    ]
    assert items[-1] == "Generative tools—products that focus on the newest of the program's tools."


def test_an_o_in_the_text_s_own_font_opens_no_item() -> None:
    items = [i.text for n in sub_item(SERIF).body if isinstance(n, ItemList) for i in n.items]
    assert not any(t.startswith("Generative tools") for t in items)


def test_the_sentence_after_an_in_sentence_table_number_goes_on_in_lower_case() -> None:
    page = [
        *prose(700, 12),
        run("Full results are displayed in the Supplementary", 72, 520, width=FULL),
        run("Table 4. The intervals are computed with the bootstrap method", 72, 506.8, width=FULL),
        run("and are shown in the error bars.", 72, 488, width=200),  # set off by a paragraph's gap
        *prose(460, 3),
    ]
    assert any(p.endswith("method and are shown in the error bars.") for p in paragraphs(read(page)))


@pytest.mark.parametrize(("end", "start", "joined"), [("M-", "1E3", "M-1E3"), ("(σ-", "tlμ)", "(σ- tlμ)")])
def test_a_line_end_hyphen_after_one_letter_is_the_word_s_own(end: str, start: str, joined: str) -> None:
    page = [
        *prose(700, 12),
        run(f"The division will take on two platoons of the new vehicle and one platoon of {end}", 72, 520, width=FULL),
        run(f"{start} tanks by the end of the year.", 72, 506.8, width=200),
        *prose(470, 3),
    ]
    assert any(f"{joined} tanks by the end" in p for p in paragraphs(read(page)))


def test_lower_case_text_after_a_display_line_stays_apart() -> None:
    """Text in lower case after a gap goes on a full line's open sentence, never a display line's (short)."""
    page = [
        *prose(700, 12),
        run("The estimated equation takes the following form, for each firm and year", 72, 520, width=FULL),
        run("Y = a + bX + e", 200, 500, width=80),  # a display line: well short of the column's edge
        run("where Y is the outcome and X the tax rate.", 72, 480, width=200),
        *prose(460, 3),
    ]
    texts = paragraphs(read(page))
    assert not any("b X + e where" in t or "bX + e where" in t for t in texts)
    assert any(t.startswith("where Y is the outcome") for t in texts)


def test_appendices_after_the_reference_list_are_the_authors_text_up_to_the_back_matter() -> None:
    from paper2myst.model import Block, BlockKind, FrontEvidence, Span
    from paper2myst.readers import Reading

    def doc(after: str) -> Document:
        texts = [
            (BlockKind.HEADING, "Results"),
            (BlockKind.TEXT, "The bots kept to the rules most of the time."),
            (BlockKind.HEADING, "References"),
            (BlockKind.TEXT, "[1] Ann Author. 2020. Robots and their rules. In Proc. of Rules."),
            (BlockKind.HEADING, after),
            (BlockKind.TEXT, "This paper raises few ethical concerns."),
            (BlockKind.HEADING, "Acknowledgments"),
            (BlockKind.TEXT, "We thank the reviewers."),
        ]
        blocks = [Block(kind, text, Span((i + 1,)), level=1) for i, (kind, text) in enumerate(texts)]
        reading = Reading([t for _, t in texts], blocks, evidence=FrontEvidence(title=["Robots"]))
        return convert_reading(reading, "robots.pdf")

    appendix = doc("A.1 Ethics")
    body = [n.text for n in appendix.body if isinstance(n, Heading | Paragraph)]
    assert body[-4:-2] == ["A.1 Ethics", "This paper raises few ethical concerns."]
    assert len(appendix.references) == 1
    # Acknowledgments are the author's end matter: in the body, after the appendix, as printed.
    assert body[-2:] == ["Acknowledgments", "We thank the reviewers."] and appendix.back_matter == []
    from paper2myst.emit import emit

    page = emit(appendix, "en", "../refs/references.bib").pages["index.md"]  # in the order printed: after the list
    assert page.index("Results") < page.index("## References") < page.index("A.1 Ethics") < page.index("We thank")
    back = doc("Disclaimer")  # a back-matter heading right after the list: all of it is back matter
    assert "This paper raises few ethical concerns." not in [n.text for n in back.body if isinstance(n, Paragraph)]


def test_a_numbered_reference_list_goes_on_through_an_entry_without_a_year_or_address() -> None:
    from paper2myst.model import Block, BlockKind, FrontEvidence, Span
    from paper2myst.readers import Reading

    texts = [
        (BlockKind.TEXT, "The bots kept to the rules most of the time."),
        (BlockKind.HEADING, "References"),
        (BlockKind.LIST_ITEM, "Author, A. Robots and their rules. Proc. of Rules (2020)."),
        (BlockKind.LIST_ITEM, "Proposed Taxonomy for Rules - An Anthology."),  # a web page's title alone
        (BlockKind.LIST_ITEM, "Author, B. More rules. J. Rules 3, 1-2 (2021)."),
        (BlockKind.TEXT, "Imaginary Press, 1 Main Street"),  # no entry: the publisher's page
    ]
    blocks = [Block(kind, text, Span((i + 1,)), level=1) for i, (kind, text) in enumerate(texts)]
    reading = Reading([t for _, t in texts], blocks, evidence=FrontEvidence(title=["Robots"]))
    doc = convert_reading(reading, "robots.pdf")
    assert [r.text[:9] for r in doc.references] == ["Author, A", "Proposed ", "Author, B"]
    assert [b.text for b in doc.back_matter] == ["Imaginary Press, 1 Main Street"]


def lettered_at_foot(caption: bool) -> Document:
    """Numbered notes on page 1; page 2's note area holds lettered notes, under a table's caption or not."""
    first = [*prose(700, 20), *note_line("1", "See the Journal of the House for each of the ballots.", 90, 9, SERIF)]
    table = [run("Table 1. Votes Cast on Each Ballot", 72, 520, 11, SANS_BOLD), *cells(500, 6, 12)] if caption else []
    lettered = note_line("a.", "Special election to fill a vacancy in the office.", 90, 8, SANS)
    later = [*prose(700, 12), *table, *lettered]
    title = run("A Synthetic Report", 72, 750, 20, Font("Serif-Bold", bold=True, italic=False))
    one, two = pages([title, *first], later)
    two.rules.append(Box(72, 100, 200, 100.5))  # a short rule above the page's note area
    return convert_reading(build([one, two]), "synthetic.pdf")


def test_lettered_notes_among_numbered_ones_are_a_finding_only_without_a_table_on_their_page() -> None:
    def lettered(doc: Document) -> list[str]:
        return [d.message for d in doc.diagnostics if "among numbered notes" in d.message]

    assert lettered(lettered_at_foot(caption=False)) == ["note 'a' among numbered notes: a table's note, kept as text"]
    assert lettered(lettered_at_foot(caption=True)) == []


def foot_text(table: bool) -> Document:
    """Page 2 ends in a table's rows (or in prose); unlabelled small type stands at its foot, under a rule."""
    first = [*prose(700, 20), *note_line("1", "See the Journal of the House for each of the ballots.", 90, 9, SERIF)]
    rows = [run("Table 1. Votes Cast on Each Ballot", 72, 520, 11, SANS_BOLD), *cells(500, 6, 12)] if table else []
    foot = run("Joseph W. Martin (MA) Sam Rayburn (TX) Others Votes", 72, 90, 8, SANS)
    title = run("A Synthetic Report", 72, 750, 20, Font("Serif-Bold", bold=True, italic=False))
    one, two = pages([title, *first], [*prose(700, 12), *rows, foot])
    two.rules.append(Box(72, 100, 200, 100.5))
    return convert_reading(build([one, two]), "synthetic.pdf")


def test_small_type_under_a_table_s_last_rows_is_the_table_s_no_finding() -> None:
    def found(doc: Document) -> int:
        return sum("small type at the page's foot" in d.message for d in doc.diagnostics)

    assert found(foot_text(table=False)) == 1
    assert found(foot_text(table=True)) == 0


def test_a_short_word_after_a_call_is_no_call_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """The glyph found at a short run's start must be its own: " This" opening with a space finds the raised "5"."""
    import ctypes

    from paper2myst.readers.pdf import extract

    class Glyphs:
        """A text page holding one glyph: a "5" drawn high and small at 504.7 to 507.3, a 10.5pt line's call."""

        @staticmethod
        def FPDFText_GetCharIndexAtPos(page: object, x: float, y: float, dx: float, dy: float) -> int:
            return 0 if 504.7 - dx <= x <= 507.3 + dx else -1

        @staticmethod
        def FPDFText_GetUnicode(page: object, index: int) -> int:
            return ord("5")

        @staticmethod
        def FPDFText_GetCharBox(page: object, index: int, *box: ctypes.c_double) -> bool:
            for value, at in zip(box, (504.7, 507.3, 359.7, 364.0), strict=True):
                value.value = at
            return True

    monkeypatch.setattr(extract, "pdfium_c", Glyphs)
    call = Run("5", 504.7, 507.3, 355.0, 363.0, 356.06, 10.5, SERIF)
    word = Run(" This ", 507.6, 532.9, 353.0, 364.0, 356.06, 10.5, SERIF)
    assert extract._drawn_high(object(), call)
    assert not extract._drawn_high(object(), word)


# --- notes cut by a page break, and endnotes numbered in raised figures -----------------------------------------


def note_pages(rest_x0: float) -> Document:
    """Note 1 ends a sentence at page 1's foot; page 2's notes open with an unlabelled line at ``rest_x0``."""
    called = [*prose(700, 8), run("1", 500, 620.4, 7.0)]  # the call raised after the last line
    first = [run("1", 72, 100, 7.0), run("A note whose first part ends a sentence.", 80, 97, 9.0)]
    second = [run("And goes on over the page, in the notes' type.", rest_x0, 94, 9.0)]
    second += [run("2", 72, 86, 7.0), run("The second note, in its own right,", 80, 83, 9.0)]
    second += [run("over two lines.", 72, 72, 9.0)]
    return read([*called, *first], [*prose(700, 8), run("2", 500, 620.4, 7.0), *second])


@pytest.mark.parametrize(("rest_x0", "joined"), [(80.5, True), (81.5, False)])
def test_an_unlabelled_line_heading_the_next_page_s_notes_within_its_size_of_their_edge_is_the_last_note_s_rest(
    rest_x0: float, joined: bool
) -> None:
    notes = {n.label: n.text for n in note_pages(rest_x0).notes}  # 8.5 or 9.5 points in from the note's edge (9pt)
    rest = " And goes on over the page, in the notes' type."
    assert notes["1"] == "A note whose first part ends a sentence." + (rest if joined else "")
    assert notes["2"] == "The second note, in its own right, over two lines."


def test_where_endnotes_raise_their_numbers_a_line_opening_with_a_level_number_goes_on_the_entry() -> None:
    """An entry cut by a column break goes on with "2 January 1995": no entry 2, whose number is raised."""
    from paper2myst.model import BlockKind
    from paper2myst.readers.pdf import _endnotes
    from paper2myst.readers.pdf.paragraphs import Group

    heading = Group(BlockKind.HEADING, [make_line(1, [run("Notes", 72, 700, 16.0)], 0)])
    texts = ["A note citing a report of the Service, in its Reports,", "2 January 1995, p. 9.", "The next note."]
    lines = [make_line(1, [run("1", 72, 663, 7.0), run(texts[0], 80, 660)], 0)]
    lines.append(make_line(1, [run(texts[1], 72, 646)], 0))
    lines.append(make_line(1, [run("2", 72, 635, 7.0), run(texts[2], 80, 632)], 0))
    notes = [g for g in _endnotes([heading, Group(BlockKind.TEXT, lines)]) if g.kind is BlockKind.NOTE]
    assert [n.label for n in notes] == ["1", "2"]
    assert [ln.text for ln in notes[0].lines][1] == "2 January 1995, p. 9."
