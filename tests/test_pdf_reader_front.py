"""Front matter from a title page set by another engine (Typst): a banner above the title, a byline with its mark."""

from __future__ import annotations

from pathlib import Path

import pytest
from paper2myst.conventions import banner_parts
from paper2myst.readers.pdf import read_pdf
from paper2myst.stages.structure import front_from

TITLE_PAGE = """\
#set page(paper: "a4", margin: 2.5cm)
#set text(size: 10.5pt)
#text(size: 9pt)[Centre for Imaginary Studies]
#v(0.5em)
#text(size: 22pt, weight: "bold")[Rivers That Cross Borders: Water Sharing After the Drought]
#v(0.5em)
#text(size: 12pt)[by Ana Example and Ben Sample#super(typographic: false, size: 0.9em, baseline: -0.5em)[\\*]]

1 March 2024

#text(size: 8pt, weight: "bold")[ABSTRACT]

#text(size: 9.5pt)[Two states share one river and no treaty. This paper asks what they could agree on first.]

#text(size: 8pt, weight: "bold")[KEYWORDS]

#text(size: 9.5pt)[Water | Borders | Cooperation]

#pagebreak()
= Introduction

The river has fed both banks for as long as anyone has written about it, and it still does today, though
less each year than the year before.
"""


def test_banner_above_the_title_is_the_publisher_not_the_title(tmp_path: Path) -> None:
    typst = pytest.importorskip("typst")
    source = tmp_path / "title.typ"
    source.write_text(TITLE_PAGE, encoding="utf-8")
    reading = read_pdf(typst.compile(str(source)), images=False)
    assert reading.evidence is not None
    front = front_from(reading.evidence)[0]
    assert front.title == "Rivers That Cross Borders: Water Sharing After the Drought"
    assert front.publisher == "Centre for Imaginary Studies"
    assert front.byline == "by Ana Example and Ben Sample"
    assert front.authors == ["Ana Example", "Ben Sample"]
    assert front.author_note_marker
    assert [p.text for p in front.abstract] == [
        "Two states share one river and no treaty. This paper asks what they could agree on first."
    ]
    assert front.keywords == ["Water", "Borders", "Cooperation"]
    assert reading.date is not None and reading.date.iso == "2024-03-01"


@pytest.mark.parametrize(
    ("banner", "parts"),
    [
        ("Imaginary Institute · Working Papers 22 | 23", ("Imaginary Institute", "Working Papers", "22 | 23")),
        ("Imaginary Institute · Brief No. 7", ("Imaginary Institute", "Brief", "7")),
        ("Imaginary Institute · Rome", ("Imaginary Institute · Rome", "", "")),  # no number: no series either
        ("Imaginary Institute · Papers 7 · Rome", ("Imaginary Institute · Papers 7 · Rome", "", "")),  # three items
        ("Imaginary Institute", ("Imaginary Institute", "", "")),
    ],
)
def test_a_banner_names_the_publisher_then_the_series_and_number(banner: str, parts: tuple[str, str, str]) -> None:
    assert banner_parts(banner) == parts


@pytest.mark.parametrize(("words", "flagged"), [(38, True), (30, False)])
def test_a_title_under_running_text_is_a_finding(words: int, flagged: bool) -> None:
    """Largest type under TITLE_ABOVE (200) characters of running text: a heading larger than the title, said so.

    Above the larger heading: the small title's 15 characters and 38 words of "word" (190), 205 in all; or 30
    words, 165.
    """
    typst = pytest.importorskip("typst")
    text = " ".join(["word"] * words)
    source = (
        '#set page(paper: "a4", margin: 2.5cm)\n#set text(size: 10pt)\n'
        f'#text(size: 14pt, weight: "bold")[A Made-up Title]\n\n{text}.\n\n'
        '#text(size: 20pt, weight: "bold")[A Heading Set Larger]\n\n'
        + "Running text under the heading, long enough to be prose on its own line. "
        * 6
    )
    reading = read_pdf(typst.compile(source.encode()), images=False)
    messages = [d.message for d in reading.diagnostics if "stands under" in d.message]
    assert bool(messages) is flagged, messages
