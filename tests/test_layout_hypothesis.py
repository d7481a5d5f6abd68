"""Generated papers, laid out across pages the way the PDF extraction does, are recovered exactly.

The layout model: a page holds some body words; a paragraph that does not fit is cut mid-sentence
and goes on at the top of the next page; each page's notes follow its body; the last note of a
page may be cut mid-sentence (even inside emphasis, which the extraction then closes at the cut)
and goes on at the head of the next page's note area. Headings are kept with the text after them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from paper2myst.model import Heading, Paragraph
from paper2myst.pipeline import convert
from paper2myst.stages.blocks import ends_sentence

SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
LOWER = [
    "water",
    "policy",
    "border",
    "states",
    "river",
    "treaty",
    "trade",
    "army",
    "crisis",
    "reform",
    "of",
    "the",
    "and",
]
NAMES = ["Europe", "Jordan", "Mali", "Armenia", "Baku", "Niger", "Israel", "Rome"]

word = st.one_of(st.sampled_from(LOWER), st.sampled_from(NAMES))


@st.composite
def sentence(draw: st.DrawFn) -> list[str]:
    words = draw(st.lists(word, min_size=3, max_size=10))
    words[0] = words[0].capitalize()
    words[-1] += "."
    return words


@st.composite
def note_text(draw: st.DrawFn) -> str:
    words: list[str] = []
    for s in draw(st.lists(sentence(), min_size=1, max_size=3)):
        words += s
    if draw(st.booleans()):
        # A cited title, title-cased, closed by a comma as the house style prints it.
        title = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4))
        words[1:1] = (
            ["Author,", f"*{title[0]}", *title[1:-1], f"{title[-1]}*,"]
            if len(title) > 1
            else [
                "Author,",
                f"*{title[0]}*,",
            ]
        )
    return " ".join(words)


@dataclass
class Paper:
    sections: list[tuple[str, list[list[str]]]]  # heading, paragraphs as word lists
    notes: dict[int, str] = field(default_factory=dict)


@st.composite
def paper(draw: st.DrawFn) -> Paper:
    sections = []
    n = 0
    for i in range(draw(st.integers(1, 3))):
        heading = f"{i + 1}. {' '.join(draw(st.lists(st.sampled_from(LOWER), min_size=1, max_size=4)))}"
        if draw(st.booleans()):
            heading = draw(st.sampled_from(["Background", "Conclusion", "Looking Ahead"]))
        paragraphs = []
        for _ in range(draw(st.integers(1, 3))):
            words: list[str] = []
            for s in draw(st.lists(sentence(), min_size=2, max_size=5)):
                if draw(st.integers(0, 2)) == 0:
                    n += 1
                    s[-1] += str(n).translate(SUP)
                words += s
            paragraphs.append(words)
        sections.append((heading, paragraphs))
    result = Paper(sections)
    result.notes = {k: draw(note_text()) for k in range(1, n + 1)}
    return result


def cut_points(words: list[str], orphans: int = 1) -> list[int]:
    """Where a page break may cut a word sequence: never right after a sentence's end.

    ``orphans``: the fewest words left at the foot of the page. Typesetters keep at least two
    lines of a paragraph there, so a cut paragraph's first piece is longer than any heading.
    """
    return [k for k in range(orphans, len(words)) if not ends_sentence(words[k - 1])]


@dataclass
class Page:
    body: list[str] = field(default_factory=list)  # blocks


def lay_out(paper: Paper, capacity: int, draw: st.DrawFn) -> list[Page]:
    pages = [Page()]
    room = capacity

    def new_page() -> None:
        nonlocal room
        pages.append(Page())
        room = capacity

    for heading, paragraphs in paper.sections:
        if room < 10:
            new_page()
        pages[-1].body.append(heading)
        room -= 3
        for words in paragraphs:
            rest = words
            while rest:
                fits = [k for k in cut_points(rest, orphans=7) if k <= room]
                if len(rest) <= room:
                    piece, rest = rest, []
                elif fits:
                    k = draw(st.sampled_from(fits))
                    piece, rest = rest[:k], rest[k:]
                else:
                    piece = []
                if piece:
                    pages[-1].body.append(" ".join(piece))
                    room -= len(piece)
                if rest:
                    moved = [] if piece or pages[-1].body[-1:] != [heading] else [pages[-1].body.pop()]
                    new_page()  # a heading is kept with the text after it
                    pages[-1].body += moved
                    room -= 3 * len(moved)
    return [p for p in pages if p.body]


def marker_number(word: str) -> int:
    digits = "".join(c for c in word if c in "⁰¹²³⁴⁵⁶⁷⁸⁹")
    return int(digits.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")))


def render(paper: Paper, pages: list[Page], draw: st.DrawFn) -> str:
    blocks = [
        "Generated Paper Title",
        "by Ann Author and Ben Writer",
        "ABSTRACT",
        "An abstract sentence.",
        "Alpha | Beta",
        "keywords",
        "Generated Paper Title",
        "by Ann Author and Ben Writer*",
    ]
    carry: str | None = None
    for index, page in enumerate(pages):
        blocks += page.body
        notes = []
        if carry is not None:
            notes.append(carry)
            carry = None
        numbers = sorted({marker_number(w) for b in page.body for w in b.split() if w[-1] in "⁰¹²³⁴⁵⁶⁷⁸⁹"})
        for i, number in enumerate(numbers):
            text = f"{str(number).translate(SUP)} {paper.notes[number]}"
            last = i == len(numbers) - 1
            following = pages[index + 1] if index + 1 < len(pages) else None
            next_has_notes = following is not None and any(
                w[-1] in "⁰¹²³⁴⁵⁶⁷⁸⁹" for b in following.body for w in b.split()
            )
            words = text.split()
            points = [k for k in cut_points(words) if k >= 2]
            if last and next_has_notes and points and draw(st.booleans()):
                k = draw(st.sampled_from(points))
                head, tail = words[:k], words[k:]
                if " ".join(head).count("*") % 2:  # cut inside emphasis: closed at the cut
                    head[-1] += "*"
                    tail = [w.replace("*", "") for w in tail]
                notes.append(" ".join(head))
                carry = " ".join(tail)
            else:
                notes.append(text)
        if index == 0:
            notes.append("* Ann Author and Ben Writer are fellows.")
        blocks += notes
    assert carry is None
    return "\n\n".join(blocks) + "\n"


@given(data=st.data())
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_layout_is_undone(data: st.DataObject) -> None:
    original = data.draw(paper())
    capacity = data.draw(st.integers(12, 80))
    pages = lay_out(original, capacity, data.draw)
    text = render(original, pages, data.draw)
    note(text)
    doc = convert(text.encode("utf-8"), "generated.txt")
    assert [d for d in doc.diagnostics] == []
    expected_body: list[str] = []
    for heading, paragraphs in original.sections:
        expected_body.append(heading)
        expected_body += [" ".join(words) for words in paragraphs]
    assert [n.text for n in doc.body if isinstance(n, Heading | Paragraph)] == expected_body
    assert {n.label: n.text for n in doc.notes if n.label != "*"} == {str(k): v for k, v in original.notes.items()}
    assert doc.front.authors == ["Ann Author", "Ben Writer"]
