"""Calls matched to notes where they stand (issue 16): each rule's boundary, just inside and just outside.

One odd mark is one finding, never a cascade: no rule here depends on one running count of the whole paper.
"""

from __future__ import annotations

from paper2myst.diagnostics import Kind
from paper2myst.model import Note, Span
from paper2myst.pipeline import convert
from paper2myst.readers.pdf import _note_groups
from paper2myst.readers.pdf.extract import Font, Run
from paper2myst.readers.pdf.inline import Calls
from paper2myst.readers.pdf.lines import Line
from paper2myst.stages.markers import nearest

FONT = Font("Serif", False, False)


def note(label: str, line: int) -> Note:
    return Note(label, "text", Span((line,)))


def test_a_call_goes_to_the_note_of_its_label_that_follows_it() -> None:
    notes = [note("1", 10), note("1", 50)]
    assert nearest(notes, 9).span.first == 10  # before the first: the first
    assert nearest(notes, 10).span.first == 50  # on the first note's own line: not that note, the next
    assert nearest(notes, 49).span.first == 50  # just before the second: the second
    assert nearest(notes, 51).span.first == 50  # after every note (cited again): the last before it


def test_a_repeated_label_gets_a_key_of_its_own() -> None:
    assert note("1", 3).key == "1"
    assert Note("1", "t", Span((3,)), key="1-2").key == "1-2"


def calls(**pages: set[int]) -> Calls:
    """Notes labelled 1-5: the pages on which each opens given as ``n<label>={pages}``."""
    note_pages = {k[1:]: v for k, v in pages.items()}
    return Calls({"1", "2", "3", "4", "5"}, note_pages=note_pages, page_of={100: 3})


def test_the_next_number_is_a_call_wherever_its_note_stands() -> None:
    assert calls(n1={9}).is_call("1", 100, "word")
    assert not calls(n1={9}).is_call("6", 100, "word")  # no note labelled 6: never a call


def test_a_number_out_of_order_is_a_call_where_its_note_is_on_its_page() -> None:
    assert calls(n4={3}).is_call("4", 100, "word")  # expected is 1; note 4 opens on page 3, as the call
    assert not calls(n4={2}).is_call("4", 100, "word")  # note 4 on an earlier page: not this call's note


def test_a_later_note_takes_a_call_not_glued_to_a_digit() -> None:
    assert calls(n4={4}).is_call("4", 100, "word")  # an endnote, or a note on a later page
    assert not calls(n4={4}).is_call("4", 100, "of 10")  # "10⁴": a power, not a call
    assert not calls(n4={3}).is_call("x", 100, "word")  # a raised letter no note carries


def test_one_misread_mark_does_not_silence_the_calls_after_it() -> None:
    """A raised "119" (no such note) is one finding; the calls after it still link."""
    found = Calls({"1", "2"}, note_pages={"1": {1}, "2": {1}}, page_of={1: 1, 2: 1, 3: 1})
    assert not found.is_call("119", 1, "the")
    assert found.is_call("1", 2, "text") and found.is_call("2", 3, "text")


def line(text: str, page: int = 1) -> Line:
    words = text.split(" ", 1)
    runs = [Run(words[0], 72, 80, 100, 108, 101, 8, FONT), Run(words[1], 84, 300, 100, 108, 101, 8, FONT)]
    return Line(page, runs, [False, False], 72, 300, 100, 108, 101, 8, False, False, text=text)


def test_a_note_opens_on_the_next_number_or_a_number_its_page_raises() -> None:
    lines = [line("3 Third note"), line("5 wraps from a long note"), line("1 Restarted note")]
    groups = _note_groups(lines, [2])
    assert [opens for opens, _ in groups] == [True]  # 3 is next; 5 and 1 are neither next nor raised
    groups = _note_groups(lines, [2], {"1"})
    assert [opens for opens, _ in groups] == [True, True]  # 1 is raised on the page: numbering restarts
    assert [len(g) for _, g in groups] == [2, 1]


def test_a_restarted_numbering_converts_with_findings_and_links_locally() -> None:
    text = (
        "A Title\n\nby Ann Author\n\nIntroduction\n\nText.¹ More.²\n\n¹ First.\n\n² Second.\n\n"
        "Appendix A. Data\n\nAppendix text.¹\n\n¹ Appendix note.\n"
    )
    doc = convert(text.encode(), "paper.txt")
    assert [n.key for n in doc.notes] == ["1", "2", "1-2"]
    appendix = doc.body[-1]
    assert getattr(appendix, "note_keys", None) == {"1": "1-2"}
    kinds = [d.kind for d in doc.diagnostics]
    assert Kind.DUPLICATE_NOTE in kinds and Kind.MARKER_ORDER not in kinds  # a restart is not "out of order"
