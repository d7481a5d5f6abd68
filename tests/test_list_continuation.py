"""A list's last item cut by a page break goes on after the page's notes, as a paragraph does: boundaries."""

from __future__ import annotations

from paper2myst.model import ItemList, Paragraph
from paper2myst.pipeline import convert

TOP = "A Generated Title\n\n1. Background\n\nThe water policy came first.¹\n\n"
ITEMS = "• The first item of the list ends here. • The second item could have some impact on"


def parts(text: str) -> tuple[list[str], list[str]]:
    """The last list's items and the paragraphs after the first."""
    doc = convert(text.encode("utf-8"), "generated.txt")
    lists = [n for n in doc.body if isinstance(n, ItemList)]
    items = [i.text for i in lists[-1].items] if lists else []
    return items, [n.text for n in doc.body if isinstance(n, Paragraph)][1:]


def test_an_item_cut_at_the_foot_goes_on_after_the_notes() -> None:
    items, paragraphs = parts(TOP + ITEMS + "\n\n¹ Note one.\n\nthe river basins of the region.\n")
    assert items[-1] == "The second item could have some impact on the river basins of the region."
    assert paragraphs == []


def test_an_item_that_ends_a_sentence_is_not_gone_on() -> None:
    items, paragraphs = parts(TOP + ITEMS + ".\n\n¹ Note one.\n\nthe river basins of the region.\n")
    assert items[-1] == "The second item could have some impact on."
    assert paragraphs == ["the river basins of the region."]


def test_no_note_area_between_no_join() -> None:
    items, paragraphs = parts(TOP + "¹ Note one.\n\n" + ITEMS + "\n\nthe river basins of the region.\n")
    assert items[-1] == "The second item could have some impact on"
    assert paragraphs == ["the river basins of the region."]


def test_a_capital_after_the_notes_opens_a_paragraph() -> None:
    items, paragraphs = parts(TOP + ITEMS + "\n\n¹ Note one.\n\nThe river basins of the region.\n")
    assert items[-1] == "The second item could have some impact on"
    assert paragraphs == ["The river basins of the region."]
