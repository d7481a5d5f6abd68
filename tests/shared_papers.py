"""Measure every paper of ../shared/papers/ against its truth file, by the PDF route and (where given) the text route.

The comparison is the one ../shared/papers/crs/README.md describes: normalise both sides (NFKC, straight quotes,
one dash, no soft hyphens, single spaces), drop note calls, then count truth paragraphs found exactly as one
paragraph of the output, truth notes equal to the output's note of the same label, truth headings found (case
ignored), truth notes whose opening stands inside a body paragraph, and whether title, authors and date are right.
The other publishers' truth (``more/``) is lighter: a sample of paragraphs and notes, counts, headings.

Precision as well as recall: ``foreign`` counts the output's body paragraphs that hold none of the truth's
paragraphs and are not part of one (running heads, table cells, page numbers: text that is not the author's body),
where the truth lists every body paragraph; ``other`` counts the truth's sample of such non-body strings
(``other_text_sample``) found inside the output's body paragraphs, which works with a partial list too.
For more/, tests/fixtures/more/<name>.truth.json (read from the rendered pages and the text layer) is preferred
over the shared file.

Run as ``python tests/shared_papers.py [-v] [NAME...]``; the held-out papers (tests/heldout.txt) are totalled apart.
"""

from __future__ import annotations

import ast
import json
import os
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from paper2myst.diagnostics import ConversionError
from paper2myst.inline import SCRIPT
from paper2myst.model import DateLine, Document, Heading, ItemList, Paragraph, Quote

HERE = Path(__file__).resolve().parent
# $PAPER2MYST_PAPERS, else the nearest shared/papers/ beside the checkout or one of its parents (a worktree's).
_NEAREST = next((p / "shared" / "papers" for p in HERE.parents if (p / "shared" / "papers").is_dir()), None)
SHARED = Path(os.environ.get("PAPER2MYST_PAPERS") or _NEAREST or HERE.parent.parent / "shared" / "papers")
FIXTURES = HERE / "fixtures" / "more"  # fuller truth for more/, read from the pages, preferred when present
HELDOUT = frozenset(
    line.strip()
    for line in (HERE / "heldout.txt").read_text(encoding="utf-8").splitlines()
    if line.strip()[:1].isalnum()
)

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "\u00a0": " ", "\u00ad": None})
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_CALLS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ]+")


def normalise(text: str) -> str:
    """The README's normal form."""
    text = unicodedata.normalize("NFKC", text.translate(_QUOTES))
    return " ".join(_DASHES.sub("-", text).split())


def plain(text: str, calls: bool = True) -> str:
    """The text form's inline markup reduced to its text (links and emphasis to their text; calls dropped)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("zero").enable(["emphasis", "link", "autolink", "escape"])
    tokens = md.parseInline(_CALLS.sub("", text) if calls else text)
    out: list[str] = []
    autolink = False
    for token in tokens[0].children or [] if tokens else []:
        if token.type == "link_open" and token.markup == "autolink":
            autolink = True
            out.append(str(token.attrs["href"]))
        elif token.type == "link_close":
            autolink = False
        elif token.type == "text" and not autolink:
            out.append(token.content)
        elif token.type == "softbreak":
            out.append(" ")
    return normalise(SCRIPT.sub(r"\2", "".join(out)))  # a script's role: its text


@dataclass
class Truth:
    """What a faithful edition carries, from either truth format."""

    title: str
    authors: list[str]
    date: str
    headings: list[str]
    paragraphs: list[str]
    notes: dict[str, str]
    notes_total: int  # notes the paper prints (a sample may be given of them)
    paragraphs_complete: bool = True  # every body paragraph listed: only then is foreign text counted
    other: list[str] = field(default_factory=list)  # text on the pages that is not body (heads, cells, numbers)
    # The author's words outside the body paragraphs (a CRS report's boxes, as its HTML edition sets them apart):
    # a paragraph made of them is the author's, whatever notes it cites.
    aside: list[str] = field(default_factory=list)


def _listed(value: object) -> list[object]:
    """A field some truth files give as the repr of a list."""
    if isinstance(value, str):
        try:
            value = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return []
    return list(value) if isinstance(value, list) else []


def load_truth(path: Path) -> Truth:
    """A paper's truth: for more/, the fuller file of tests/fixtures/more/ when there is one."""
    fuller = FIXTURES / path.name
    if path.parent.name == "more" and fuller.exists():
        path = fuller
    data = json.loads(path.read_text(encoding="utf-8"))
    if "paragraphs" in data and "date" in data:  # a CRS report: full truth
        return Truth(
            data["title"],
            data["authors"],
            data["date"],
            data["headings"],
            data["paragraphs"],
            dict(data["notes"]),
            len(data["notes"]),
            aside=[str(o) for o in data.get("other_text", [])],
        )
    if "paragraphs" in data:  # tests/fixtures/more/: read from the pages
        notes = {str(k): str(v) for k, v in dict(data.get("notes") or {}).items()}
        return Truth(
            data.get("title", ""),
            list(data.get("authors", [])),
            data.get("date_iso", ""),
            [str(h) for h in data.get("headings", [])],
            [str(p) for p in data["paragraphs"]],
            notes,
            int(data.get("notes_count") or len(notes)),
            bool(data.get("paragraphs_complete", False)),
            [str(o) for o in data.get("other_text_sample", [])],
        )
    paragraphs = [p["text"] if isinstance(p, dict) else str(p) for p in _listed(data.get("body_paragraphs"))]
    notes = {str(n["n"]): n["text"] for n in _listed(data.get("notes_sample")) if isinstance(n, dict)}
    headings = [str(h) for h in _listed(data.get("section_headings")) if not str(h).startswith("(")]
    return Truth(
        data.get("title", ""),
        list(data.get("authors", [])),
        data.get("date_iso", ""),
        headings,
        paragraphs,
        notes,
        int(data.get("notes_count") or 0),
        False,
    )


def other_in_body(other: list[str], body: list[str]) -> int:
    """How many of the truth's non-body strings stand in the output's body paragraphs.

    A short string (a page number, a one-word cell) counts only when a paragraph is that string alone, since as a
    substring it would match ordinary prose; a longer one counts wherever it stands inside a paragraph.
    """
    count = 0
    for text in (normalise(o) for o in other):
        if len(text) < 12:
            count += text in body
        else:
            count += any(text in p for p in body)
    return count


@dataclass
class Figures:
    """How one paper fared by one route."""

    name: str
    route: str
    refused: str = ""
    paragraphs: tuple[int, int] = (0, 0)
    foreign: int = 0  # body paragraphs that are none of the truth's (when the truth lists them all)
    other_in_body: int = 0  # the truth's non-body strings (running heads, cells) found in body paragraphs
    body: int = 0
    notes: tuple[int, int] = (0, 0)
    notes_found: int = 0  # notes the output has at all (against the paper's count)
    notes_total: int = 0
    notes_in_body: int = 0
    headings: tuple[int, int] = (0, 0)
    title: bool = False
    authors: bool = False
    date: bool = False
    diagnostics: int = 0
    seconds: float = 0.0
    missing: list[str] = field(default_factory=list)

    def line(self) -> str:
        if self.refused:
            return f"{self.name:22} {self.route:4} REFUSED {self.refused[:140]}"
        p, n, h = self.paragraphs, self.notes, self.headings
        fm = "".join("TAD"[i] if ok else "-" for i, ok in enumerate((self.title, self.authors, self.date)))
        return (
            f"{self.name:22} {self.route:4} para {p[0]:3}/{p[1]:<3} foreign {self.foreign:3}/{self.body:<3} "
            f"other {self.other_in_body:2} "
            f"notes {n[0]:3}/{n[1]:<3} ({self.notes_found}/{self.notes_total}) in-body {self.notes_in_body:3} "
            f"head {h[0]:2}/{h[1]:<2} front {fm} diag {self.diagnostics:3} {self.seconds:5.2f}s"
        )


def _body(doc: Document) -> list[str]:
    texts = [p.text for p in doc.front.abstract]
    texts += [n.text for n in doc.body if isinstance(n, Paragraph | Quote)]
    texts += [item.text for n in doc.body if isinstance(n, ItemList) for item in n.items]
    return [plain(t) for t in texts]


def convert_paper(path: Path) -> Document:
    """One paper through the converter as the command line does (no images: they do not change the text)."""
    from paper2myst.pipeline import convert, convert_reading

    if path.suffix == ".pdf":
        from paper2myst.readers.pdf import read_pdf

        return convert_reading(read_pdf(path.read_bytes(), images=False), path.name)
    return convert(path.read_bytes(), path.name)


def measure(path: Path, truth: Truth) -> Figures:
    figures = Figures(path.stem, path.suffix[1:])
    start = time.perf_counter()
    try:
        doc = convert_paper(path)
    except ConversionError as err:
        figures.refused = "; ".join(f"{d.line}: {d.message}" for d in err.diagnostics[:3])
        return figures
    figures.seconds = time.perf_counter() - start
    body = _body(doc)
    found = set(body)
    want = [normalise(p) for p in truth.paragraphs]
    figures.paragraphs = (sum(p in found for p in want), len(want))
    figures.missing = [f"paragraph {p[:110]}" for p in want if p not in found]
    figures.body = len(body)
    if want and truth.paragraphs_complete:
        # A box's text is the author's too (the converter sets it as a panel; the truth lists it apart): not foreign.
        joined = "\n".join(want + [normalise(a) for a in truth.aside])
        figures.foreign = sum(1 for p in body if p and p not in joined)
    figures.other_in_body = other_in_body(truth.other, body)
    # A label printed twice (numbering restarted in an appendix): the truth's note is the first of that label.
    notes: dict[str, str] = {}
    for note in doc.notes:
        notes.setdefault(note.label, plain(note.text, calls=False))
    truth_notes = {k: normalise(v) for k, v in truth.notes.items()}
    figures.notes = (sum(notes.get(k) == v for k, v in truth_notes.items()), len(truth_notes))
    figures.notes_found = len(doc.notes)
    figures.notes_total = truth.notes_total
    figures.missing += [
        f"note {k}: {notes.get(k, '(none)')[:100]}" for k, v in truth_notes.items() if notes.get(k) != v
    ]
    # Only paragraphs that are not the author's as printed count: a note may open with words the body prints too.
    truth_set = set(want)
    aside = "\n".join(normalise(o) for o in truth.aside)
    wrong = [p for p in body if p not in truth_set and not (len(p) >= 20 and p in aside)]
    openings = [v[:50] for v in truth_notes.values() if len(v) >= 20]
    figures.notes_in_body = sum(any(o in p for p in wrong) for o in openings)
    headings = {plain(h.text).casefold() for h in doc.body if isinstance(h, Heading)}
    # The output sets these as headings too: the reference list's ("## References") and the abstract's (a rubric).
    labels = [doc.front.abstract_label, doc.references_heading.text if doc.references_heading else ""]
    headings |= {plain(label).casefold() for label in labels if label}
    figures.headings = (
        sum(normalise(h).casefold() in headings for h in truth.headings),
        len(truth.headings),
    )
    figures.missing += [f"heading {h}" for h in truth.headings if normalise(h).casefold() not in headings]
    figures.title = normalise(plain(doc.front.title)) == normalise(truth.title)
    # Compared as a set: the CRS truth lists authors alphabetically (the publisher's HTML sorts them; every
    # multi-author file is in surname order) while the PDF prints them in its own order, which the converter keeps
    # (R48447's cover names Whittaker before Isaacs).
    figures.authors = sorted(normalise(a) for a in doc.front.authors) == sorted(normalise(a) for a in truth.authors)
    dates = [n.iso for n in doc.body if isinstance(n, DateLine)]
    figures.date = truth.date in dates
    if not figures.title:
        figures.missing.append(f"title {doc.front.title!r}")
    if not figures.authors:
        figures.missing.append(f"authors {doc.front.authors!r}")
    if not figures.date:
        figures.missing.append(f"date {dates!r}")
    figures.diagnostics = len(doc.diagnostics)
    return figures


def papers(names: list[str] | None = None) -> list[tuple[Path, Path]]:
    """Each (source, truth) pair of the shared papers: the PDF, and the text where one is given."""
    found: list[tuple[Path, Path]] = []
    for truth in sorted(SHARED.glob("*/*.truth.json")):
        stem = truth.name.removesuffix(".truth.json")
        if names and stem not in names:
            continue
        for suffix in (".pdf", ".txt"):
            source = truth.with_name(stem + suffix)
            if source.exists():
                found.append((source, truth))
    return found


def totals(results: list[Figures]) -> str:
    def ratio(pairs: list[tuple[int, int]]) -> str:
        a, b = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
        return f"{a}/{b} ({100 * a / max(b, 1):.0f}%)"

    ok = [r for r in results if not r.refused]
    return (
        f"{len(results)} conversions, {len(results) - len(ok)} refused; "
        f"paragraphs {ratio([r.paragraphs for r in ok])}, "
        f"notes {ratio([r.notes for r in ok])}, notes in body {sum(r.notes_in_body for r in ok)}, "
        f"headings {ratio([r.headings for r in ok])}, foreign {sum(r.foreign for r in ok)}, "
        f"other in body {sum(r.other_in_body for r in ok)}, "
        f"title {sum(r.title for r in ok)}, authors {sum(r.authors for r in ok)}, date {sum(r.date for r in ok)} "
        f"of {len(results)}"
    )


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    heldout = "--heldout" in argv
    names = [a for a in argv if not a.startswith("-")]
    results: dict[bool, list[Figures]] = {False: [], True: []}
    for source, truth_path in papers(names or None):
        held = source.stem in HELDOUT
        if held and not (heldout or names):
            continue
        result = measure(source, load_truth(truth_path))
        results[held].append(result)
        print(("[held out] " if held else "") + result.line(), flush=True)
        if verbose and not held:
            for miss in result.missing:
                print("     ", miss)
    for held, label in ((False, "tuned"), (True, "held out")):
        for route in ("pdf", "txt"):
            mine = [r for r in results[held] if r.route == route]
            if mine:
                print(f"{label} {route}: {totals(mine)}")


if __name__ == "__main__":
    main(sys.argv[1:])
