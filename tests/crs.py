"""Measure a conversion against a report's truth file as tests/fixtures/crs/README.md says (normalise, compare).

Run as ``python tests/crs.py`` to print the figures of every report; tests/test_crs.py asserts them.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from markdown_it import MarkdownIt
from paper2myst.diagnostics import ConversionError
from paper2myst.model import DateLine, Document, Heading, Paragraph
from paper2myst.pipeline import convert

CRS = Path(__file__).resolve().parent / "fixtures" / "crs"
REPORTS = ("IN12422", "R48903", "R48913")

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "\u00a0": " ", "\u00ad": None})
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_CALLS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹ⁱᵛˣ]+|[*†‡§](?=\s|$)")
_MD = MarkdownIt("commonmark", {"html": False})


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text.translate(_QUOTES))
    text = _DASHES.sub("-", text)
    return " ".join(text.split())


_AUTOLINK = re.compile(r"<(https?://[^\s>]+)>")


def plain(source: str, calls: bool = True) -> str:
    """The text form's inline markup reduced to its text (links to their text, emphasis and calls dropped).

    ``calls``: drop note calls (body text); in a note, superscripts are the author's (``b²``), kept.
    """
    # An autolink's text is its address as printed (markdown-it would percent-decode it).
    tokens = _MD.parseInline(_AUTOLINK.sub(lambda m: m.group(1).replace("_", "\\_"), source))
    children = tokens[0].children or [] if tokens else []
    words = "".join(t.content if t.type == "text" else " " if t.type == "softbreak" else "" for t in children)
    # NFKC turns superscript digits into digits: drop the calls first.
    return normalise(_CALLS.sub("", words) if calls else words)


@dataclass
class Figures:
    """What one report's conversion got right."""

    name: str
    refused: str = ""
    paragraphs: tuple[int, int] = (0, 0)
    notes: tuple[int, int] = (0, 0)
    notes_in_body: int = 0
    headings: tuple[int, int] = (0, 0)
    title: bool = False
    authors: bool = False
    date: bool = False
    diagnostics: int = 0
    missing: list[str] = field(default_factory=list)
    reported_notes: set[str] = field(default_factory=set)  # notes with a diagnostic on one of their lines

    def line(self) -> str:
        if self.refused:
            return f"{self.name}: refused ({self.refused})"
        p, n, h = self.paragraphs, self.notes, self.headings
        return (
            f"{self.name}: paragraphs {p[0]}/{p[1]} ({100 * p[0] / max(p[1], 1):.1f}%), notes {n[0]}/{n[1]}, "
            f"notes in body {self.notes_in_body}, headings {h[0]}/{h[1]}, title {'ok' if self.title else 'WRONG'}, "
            f"authors {'ok' if self.authors else 'WRONG'}, date {'ok' if self.date else 'WRONG'}, "
            f"{self.diagnostics} diagnostics"
        )


def body_paragraphs(doc: Document) -> list[str]:
    texts = [p.text for p in doc.front.abstract]
    texts += [p.text for p in doc.body if isinstance(p, Paragraph)]
    texts += [item.text for node in doc.body for item in getattr(node, "items", [])]
    return [plain(t) for t in texts]


def measure(name: str) -> Figures:
    truth = json.loads((CRS / f"{name}.truth.json").read_text(encoding="utf-8"))
    figures = Figures(name)
    try:
        doc = convert((CRS / f"{name}.txt").read_bytes(), f"{name}.txt")
    except ConversionError as err:
        figures.refused = "; ".join(f"{d.line}: {d.message}" for d in err.diagnostics[:3])
        return figures
    paragraphs = body_paragraphs(doc)
    found = set(paragraphs)
    want = [normalise(p) for p in truth["paragraphs"]]
    figures.paragraphs = (sum(p in found for p in want), len(want))
    figures.missing = [p[:100] for p in want if p not in found]
    notes = {n.label: plain(n.text, calls=False) for n in doc.notes}
    figures.notes = (sum(notes.get(k) == normalise(v) for k, v in truth["notes"].items()), len(truth["notes"]))
    figures.missing += [f"note {k}" for k, v in truth["notes"].items() if notes.get(k) != normalise(v)]
    openings = [normalise(v)[:50] for v in truth["notes"].values()]
    figures.notes_in_body = sum(any(o in p for p in paragraphs) for o in openings)
    headings = {plain(h.text).casefold() for h in doc.body if isinstance(h, Heading)}
    figures.headings = (sum(normalise(h).casefold() in headings for h in truth["headings"]), len(truth["headings"]))
    figures.missing += [f"heading {h}" for h in truth["headings"] if normalise(h).casefold() not in headings]
    figures.title = normalise(doc.front.title) == normalise(truth["title"])
    figures.authors = [normalise(a) for a in doc.front.authors] == [normalise(a) for a in truth["authors"]]
    figures.date = _date(doc) == truth["date"]
    figures.diagnostics = len(doc.diagnostics)
    lines = {d.line for d in doc.diagnostics}
    figures.reported_notes = {n.label for n in doc.notes if lines & set(n.span.lines)}
    return figures


def _date(doc: Document) -> str | None:
    return next((n.iso for n in doc.body if isinstance(n, DateLine)), None)


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    for report in REPORTS:
        result = measure(report)
        print(result.line())
        if verbose:
            for miss in result.missing:
                print("   missing:", miss)
