"""The same comparison as tests/shared_papers.py, applied to an off-the-shelf extractor's Markdown (pymupdf4llm).

Run in an environment that has pymupdf4llm (AGPL; a measuring peer, never a dependency of the product):
``python tests/peer_papers.py [--heldout] [NAME...]``. Paragraphs are the Markdown's paragraphs and list
items as text, headings its ATX headings; a note counts as exact when a paragraph reads "label text" or "text".
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from markdown_it import MarkdownIt
from shared_papers import HELDOUT, Figures, Truth, load_truth, normalise, papers, totals

_MD = MarkdownIt("commonmark")


def blocks(markdown: str) -> tuple[list[str], list[str]]:
    """The Markdown's paragraphs (list items included) and headings, as plain normalised text."""
    paragraphs: list[str] = []
    headings: list[str] = []
    tokens = _MD.parse(markdown)
    for i, token in enumerate(tokens):
        if token.type != "inline":
            continue
        words = "".join(
            c.content if c.type in {"text", "code_inline"} else " " if c.type in {"softbreak", "hardbreak"} else ""
            for c in token.children or []
        )
        text = normalise(words)
        (headings if tokens[i - 1].type == "heading_open" else paragraphs).append(text)
    return paragraphs, headings


def measure_peer(path: Path, truth: Truth) -> Figures:
    import pymupdf4llm  # type: ignore[import-not-found]

    figures = Figures(path.stem, "peer")
    start = time.perf_counter()
    body, heads = blocks(pymupdf4llm.to_markdown(str(path), show_progress=False))
    figures.seconds = time.perf_counter() - start
    want = [normalise(p) for p in truth.paragraphs]
    found = set(body)
    figures.paragraphs = (sum(p in found for p in want), len(want))
    figures.body = len(body)
    notes = {normalise(v) for v in truth.notes.values()}
    labelled = {normalise(f"{k} {v}") for k, v in truth.notes.items()}
    figures.notes = (
        sum(1 for k, v in truth.notes.items() if normalise(v) in found or normalise(f"{k} {v}") in found),
        len(truth.notes),
    )
    wrong = [p for p in body if p not in set(want) and p not in notes | labelled]
    figures.notes_in_body = sum(
        any(normalise(v)[:50] in p for p in wrong) for v in truth.notes.values() if len(v) >= 20
    )
    folded = {h.casefold().strip("*_ ") for h in heads}
    figures.headings = (sum(normalise(h).casefold() in folded for h in truth.headings), len(truth.headings))
    return figures


def main(argv: list[str]) -> None:
    heldout = "--heldout" in argv
    names = [a for a in argv if not a.startswith("-")]
    results: dict[bool, list[Figures]] = {False: [], True: []}
    for source, truth_path in papers(names or None):
        if source.suffix != ".pdf":
            continue
        held = source.stem in HELDOUT
        if held and not (heldout or names):
            continue
        result = measure_peer(source, load_truth(truth_path))
        results[held].append(result)
        print(("[held out] " if held else "") + result.line(), flush=True)
    for held, label in ((False, "tuned"), (True, "held out")):
        if results[held]:
            print(f"{label} pymupdf4llm: {totals(results[held])}")


if __name__ == "__main__":
    main(sys.argv[1:])
