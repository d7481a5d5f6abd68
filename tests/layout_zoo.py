"""The PDF route on one paper set in many layouts: Typst typesets the seed's words in drawn layouts, the reader reads.

Each layout is drawn from a seed: paper size, margins, body face and size, leading, one or two columns, justified or
ragged, paragraphs marked by an indent or by space, headings numbered or not and set larger or in bold, notes at
the page foot with or without a rule (or gathered as endnotes), running heads and page numbers at the head or the
foot. The truth is the source: its paragraphs, notes and headings, which no run of the converter made. The figures
are the shared papers' (tests/shared_papers.py): paragraphs found exactly, notes exact, headings found, body
paragraphs that are no paragraph of the paper ("foreign").

Run as ``python tests/layout_zoo.py [-v] [N] [FIRST]`` (N layouts from seed FIRST; -v lists what was missed and
keeps each layout's PDF in /tmp/layout-zoo/); tests/test_layout_zoo.py holds a few layouts to a floor.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))
sys.path.insert(0, str(HERE))

from shared_papers import normalise, plain  # noqa: E402

SOURCE = HERE.parent / "docs" / "index.md"
TEXT = HERE.parent / "refs" / "alieva-2023-decolonising.txt"  # the seed as extracted: its reference list
FACES = ["Libertinus Serif", "New Computer Modern", "DejaVu Serif", "DejaVu Sans", "Latin Modern Roman"]
_CALL = re.compile(r"\[\^([^\]]+)\]")


@dataclass
class Paper:
    """The words of a paper: its title, headings and paragraphs in order, and its notes by label."""

    title: str
    parts: list[tuple[str, str]]  # ("heading" | "paragraph", text with [^label] calls)
    notes: dict[str, str]
    references: list[str] = field(default_factory=list)  # the reference list's entries, in order


def source_paper(path: Path = SOURCE) -> Paper:
    """The seed's title, headings, body paragraphs and notes, as plain text (its MyST markup reduced)."""
    body = path.read_text(encoding="utf-8").split("```{bibliography}")[0]
    title = next(line[2:] for line in body.splitlines() if line.startswith("# "))
    notes = {m[1]: plain(m[2], calls=False) for m in re.finditer(r"^\[\^(\d+)\]: (.+)$", body, flags=re.M)}
    parts: list[tuple[str, str]] = []
    inside = False  # within a container (byline, abstract, keywords): front matter, not body
    for block in (b.strip() for b in re.split(r"\n\s*\n", body)):
        fences = sum(line.startswith("````") for line in block.splitlines())
        if fences:
            inside = inside != (fences % 2 == 1)
        elif inside or not block or block.startswith(("# ", "[^", "%", "```", ":::", "(", "{", "- ", "|")):
            continue
        elif block.startswith("#"):
            # The paper's own numbers go: a layout numbers its headings or not.
            parts.append(("heading", re.sub(r"^\d+\.\s+", "", plain(block.lstrip("# ")))))
        else:
            marked = _CALL.sub(lambda m: f"CALL{m[1]}CALL" if m[1] in notes else "", block)
            text = re.sub(r"CALL(\d+)CALL", r"[^\1]", plain(marked, calls=False))
            parts.append(("paragraph", text))
    # A heading with no paragraph under it (the reference list's, whose entries the seed gives apart) goes.
    followed = [k + 1 < len(parts) and parts[k + 1][0] == "paragraph" for k in range(len(parts))]
    parts = [part for part, more in zip(parts, followed, strict=True) if part[0] == "paragraph" or more]
    return Paper(plain(title), parts, notes, source_references())


def source_references(path: Path = TEXT) -> list[str]:
    """The entries under the seed's "References" heading, as plain text: blocks that give a year."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))]
    start = blocks.index("References") + 1
    entries = []
    for block in blocks[start:]:
        if not re.search(r"\b(19|20)\d\d\b", block):
            break
        entries.append(plain(block, calls=False))
    return entries


@dataclass
class Layout:
    """One drawn layout; ``typst`` is the preamble that sets it."""

    seed: int
    traits: list[str] = field(default_factory=list)
    preamble: str = ""
    endnotes: bool = False
    heading_scale: float = 1.0
    leading: float = 0.65
    hanging: bool = True  # the reference list's entries hang (set in after their first line), or stand apart


def draw(seed: int) -> Layout:
    """A layout drawn from ``seed``: every choice is one a publisher makes somewhere."""
    rng = random.Random(seed)
    layout = Layout(seed)
    paper = rng.choice(["a4", "us-letter"])
    margin = rng.choice([1.8, 2.2, 2.5, 3.0])
    face = rng.choice(FACES)
    size = rng.choice([9.5, 10, 10.5, 11, 12])
    leading = layout.leading = rng.choice([0.5, 0.6, 0.65, 0.75, 0.9])
    columns = rng.choice([1, 1, 2])
    justify = rng.choice([True, True, False])
    indent = rng.choice([True, False])
    numbered = rng.choice([True, False])
    heading_scale = layout.heading_scale = rng.choice([1.0, 1.15, 1.3, 1.5])
    heading_bold = rng.choice([True, True, False]) if heading_scale > 1 else True
    rule = rng.choice([True, False])
    layout.endnotes = rng.random() < 0.2
    layout.hanging = rng.choice([True, False])
    head = rng.choice(["none", "title", "page-top"])
    foot = rng.choice(["number", "none"]) if head != "page-top" else "none"
    layout.traits = [
        paper,
        f"{margin}cm",
        face,
        f"{size}pt",
        f"leading {leading}em",
        f"{columns} col",
        "justified" if justify else "ragged",
        "indent" if indent else "spaced",
        "numbered" if numbered else "unnumbered",
        f"headings ×{heading_scale}{' bold' if heading_bold else ''}",
        "endnotes" if layout.endnotes else ("notes ruled" if rule else "notes unruled"),
        "references hanging" if layout.hanging else "references spaced",
        f"head {head}",
        f"foot {foot}",
    ]
    header = {
        "none": "none",
        "title": "[#set text(size: 0.8em); #emph[TITLE] #h(1fr)]",
        "page-top": "[#set text(size: 0.8em); #h(1fr) #context counter(page).display()]",
    }[head]
    footer = "[#set align(center); #set text(size: 0.85em); #context counter(page).display()]"
    # Paragraphs set apart by space get at least a third of an em more than the lines' own gap: less is no break a
    # reader sees either (Typst's default is 0.55em more).
    apart = round(leading + rng.choice([0.35, 0.55, 0.8]), 2)
    marked = (
        f"first-line-indent: 1.5em, spacing: {leading}em" if indent else f"first-line-indent: 0pt, spacing: {apart}em"
    )
    paragraph = f"#set par(justify: {str(justify).lower()}, leading: {leading}em, {marked})"
    weight = '"bold"' if heading_bold else '"regular"'
    layout.preamble = "\n".join(
        [
            f'#set page(paper: "{paper}", margin: {margin}cm, columns: {columns}, header: {header}, '
            f"footer: {footer if foot == 'number' else 'none'})",
            f'#set text(font: "{face}", size: {size}pt, lang: "en")',
            paragraph,
            '#set heading(numbering: "1.1")' if numbered else "",
            "#show heading: it => block(above: 1.4em, below: 0.8em, "
            f"text(size: {heading_scale}em, weight: {weight}, it))",
            "#set footnote.entry(separator: none)" if not rule else "",
        ]
    )
    return layout


def _escape(text: str) -> str:
    """Text as Typst markup shows it literally."""
    return re.sub(r"([\\#$*_@<>`\[\]~=/-])", r"\\\1", text)


def typeset(paper: Paper, layout: Layout) -> str:
    """The Typst source of ``paper`` in ``layout``: notes as footnotes, or numbered and gathered at the end."""
    out = [layout.preamble.replace("TITLE", _escape(paper.title))]
    # The title is the page's largest type, as on every paper: above the largest heading (Typst's is 1.4em).
    title_size = f"{max(1.6, round(layout.heading_scale * 1.4 + 0.3, 2))}em"
    out.append(
        '#place(top + center, scope: "parent", float: true)[#text(size: TITLE_SIZE, weight: "bold")['
        f"{_escape(paper.title)}]#v(1em)]".replace("TITLE_SIZE", title_size)
    )
    used: list[str] = []
    for kind, text in paper.parts:
        if kind == "heading":
            out.append(f"= {_escape(text)}")
            continue
        pieces = _CALL.split(text)
        markup = ""
        for k, piece in enumerate(pieces):
            if k % 2 == 0:
                markup += _escape(piece)
            elif layout.endnotes:
                used.append(piece)
                markup += f"#super[{len(used)}]"
            else:
                used.append(piece)
                markup += f"#footnote[{_escape(paper.notes[piece])}]"
        out.append(markup)
    if layout.endnotes and used:
        out.append("= Notes")
        out += [f"#super[{n}] {_escape(paper.notes[label])}" for n, label in enumerate(used, start=1)]
    if paper.references:
        out.append("= References")
        # Entries hang, or stand apart by half an em more than the lines' gap.
        apart = round(layout.leading + 0.5, 2)
        style = "hanging-indent: 1.5em, spacing: 0.9em" if layout.hanging else f"spacing: {apart}em"
        entries = "\n\n".join(_escape(entry) for entry in paper.references)
        out.append(
            f"#[#set par(justify: false, first-line-indent: 0pt, {style})\n#set text(size: 0.92em)\n\n{entries}\n]"
        )
    return "\n\n".join(out) + "\n"


@dataclass
class Result:
    layout: Layout
    paragraphs: tuple[int, int] = (0, 0)
    notes: tuple[int, int] = (0, 0)
    headings: tuple[int, int] = (0, 0)
    references: tuple[int, int] = (0, 0)
    foreign: int = 0
    refused: str = ""
    missing: list[str] = field(default_factory=list)

    def line(self) -> str:
        if self.refused:
            return f"{self.layout.seed:4} REFUSED {self.refused[:100]}  [{', '.join(self.layout.traits)}]"
        p, n, h = self.paragraphs, self.notes, self.headings
        return (
            f"{self.layout.seed:4} para {p[0]:2}/{p[1]:<2} notes {n[0]:2}/{n[1]:<2} head {h[0]:2}/{h[1]:<2} "
            f"refs {self.references[0]:2}/{self.references[1]:<2} foreign {self.foreign:2}  "
            f"[{', '.join(self.layout.traits)}]"
        )


def measure(seed: int, paper: Paper | None = None, keep: Path | None = None) -> Result:
    """Typeset the paper in layout ``seed``, read it back, and compare with the source."""
    import typst
    from paper2myst.diagnostics import ConversionError
    from paper2myst.model import Heading
    from paper2myst.pipeline import convert_reading
    from paper2myst.readers.pdf import read_pdf

    paper = paper or source_paper()
    layout = draw(seed)
    result = Result(layout)
    pdf = typst.compile(typeset(paper, layout).encode("utf-8"))
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        (keep / f"layout-{seed}.pdf").write_bytes(pdf)
    try:
        doc = convert_reading(read_pdf(pdf, images=False), f"layout-{seed}.pdf")
    except ConversionError as err:
        result.refused = "; ".join(d.message for d in err.diagnostics[:2])
        return result
    from shared_papers import _body

    body = _body(doc)
    want = [normalise(_CALL.sub("", t)) for kind, t in paper.parts if kind == "paragraph"]
    found = set(body)
    result.paragraphs = (sum(p in found for p in want), len(want))
    result.missing = [f"paragraph {p[:100]}" for p in want if p not in found]
    joined = "\n".join(want)
    result.foreign = sum(1 for p in body if p and p not in joined)
    result.missing += [f"foreign {p[:100]}" for p in body if p and p not in joined]
    cited = [label for kind, t in paper.parts if kind == "paragraph" for label in _CALL.findall(t)]
    got = [plain(n.text, calls=False) for n in doc.notes]
    truth = [normalise(paper.notes[label]) for label in cited]
    result.notes = (sum(t in got for t in truth), len(truth))
    result.missing += [f"note {t[:100]}" for t in truth if t not in got]
    headings = {re.sub(r"^[\d.]+\s+", "", plain(h.text)).casefold() for h in doc.body if isinstance(h, Heading)}
    wanted = [normalise(t).casefold() for kind, t in paper.parts if kind == "heading"]
    result.headings = (sum(h in headings for h in wanted), len(wanted))
    result.missing += [f"heading {h}" for h in wanted if h not in headings]
    entries = {plain(r.text, calls=False) for r in doc.references}
    truth_entries = [normalise(e) for e in paper.references]
    result.references = (sum(e in entries for e in truth_entries), len(truth_entries))
    result.missing += [f"reference {e[:100]}" for e in truth_entries if e not in entries]
    return result


def ratio(pairs: list[tuple[int, int]]) -> str:
    """Found of total over the pairs (found, total), with its percentage."""
    a, b = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
    return f"{a}/{b} ({100 * a / max(b, 1):.0f}%)"


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    numbers = [int(a) for a in argv if a.isdigit()]
    count = numbers[0] if numbers else 20
    first = numbers[1] if len(numbers) > 1 else 1
    paper, keep = source_paper(), Path("/tmp/layout-zoo") if verbose else None
    results = [measure(seed, paper, keep) for seed in range(first, first + count)]
    for result in results:
        print(result.line())
        if verbose:
            for miss in result.missing[:12]:
                print("      ", miss)
    done = [r for r in results if not r.refused]

    def total(attr: str) -> str:
        return ratio([getattr(r, attr) for r in done])

    print(
        f"{len(results)} layouts, {len(results) - len(done)} refused; paragraphs {total('paragraphs')}, "
        f"notes {total('notes')}, headings {total('headings')}, references {total('references')}, "
        f"foreign {sum(r.foreign for r in done)}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
