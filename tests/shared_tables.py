"""Measure the tables of every paper of ../shared/papers/ whose truth lists them (``table_structures``).

Per paper: tables found (a truth table whose caption an output table carries) out of the truth's tables; cells
exact (the truth's non-empty cells found, as a multiset, among the cells of that output table) out of the truth's
non-empty cells; a tree-edit similarity; and debris (literal blocks in the emitted MyST, which the paper never
prints as code). A table the truth lists but the output does not make scores 0 on cells and similarity.

The similarity is a documented approximation of TEDS (Zhong et al. 2020, tree-edit distance over the table's
HTML tree ``table → rows → cells``): the rows of the two tables are aligned by edit distance, a row inserted or
deleted costing its cells plus one (the row node), a row substituted costing the cells' own edit distance
(a cell substituted costing its normalised text distance, one minus difflib's ratio). The sum is divided by the
larger table's node count (rows plus cells) and taken from one: 1.0 is the same table, 0 nothing in common.
Header and body rows are compared as one sequence, header first; a spanning cell counts once.

Run as ``python tests/shared_tables.py [NAME...]``; the held-out papers (tests/heldout.txt) are totalled apart.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from paper2myst.diagnostics import ConversionError
from paper2myst.emit import emit
from paper2myst.model import Table
from paper2myst.stages.checks import literal_blocks
from shared_papers import HELDOUT, SHARED, convert_paper, normalise, plain


@dataclass
class TableFigures:
    """One paper's tables against its truth."""

    name: str
    truth: int = 0
    found: int = 0
    cells: int = 0  # non-empty truth cells
    exact: int = 0
    teds: float = 0.0  # summed over the truth's tables (a missing one adds 0)
    debris: int = 0
    error: str = ""

    def line(self) -> str:
        if self.error:
            return f"{self.name:24} ERROR {self.error}"
        similarity = f"{self.teds / self.truth:.3f}" if self.truth else "  -  "
        return (
            f"{self.name:24} tables {self.found:2}/{self.truth:<2} cells {self.exact:4}/{self.cells:<4} "
            f"TEDS {similarity}  debris {self.debris}"
        )


Rows = list[list[str]]


def _cost(a: str, b: str) -> float:
    return 0.0 if a == b else 1.0 - SequenceMatcher(None, a, b).ratio()


def _distance(a: list[str], b: list[str]) -> float:
    """Edit distance between two rows' cells (insert/delete 1, substitute by text distance)."""
    previous = [float(j) for j in range(len(b) + 1)]
    for i, x in enumerate(a, start=1):
        current = [float(i)]
        for j, y in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + _cost(x, y)))
        previous = current
    return previous[-1]


def similarity(truth: Rows, got: Rows) -> float:
    """The TEDS-like similarity of two tables given as rows of cell texts (see the module's docstring)."""
    previous = [0.0]
    for row in got:
        previous.append(previous[-1] + len(row) + 1)
    for t in truth:
        current = [previous[0] + len(t) + 1]
        for j, g in enumerate(got, start=1):
            current.append(
                min(previous[j] + len(t) + 1, current[j - 1] + len(g) + 1, previous[j - 1] + _distance(t, g))
            )
        previous = current
    nodes = max(sum(len(r) + 1 for r in truth), sum(len(r) + 1 for r in got), 1)
    return max(0.0, 1.0 - previous[-1] / nodes)


def _label(caption: str) -> str:
    """A caption's label ("Table B-1"), spacing normalised."""
    words = plain(caption, calls=False).replace(" .", ".").split()
    return " ".join(words[:2]).rstrip(".:").lower() if words else ""


def _rows(table: Table) -> Rows:
    return [[normalise(c.text) for c in row] for row in [*table.header, *table.body]]


def measure_tables(path: Path, truth_path: Path) -> TableFigures:
    """One paper's tables and debris."""
    data = json.loads(truth_path.read_text(encoding="utf-8"))
    figures = TableFigures(path.stem)
    try:
        doc = convert_paper(path)
    except ConversionError as err:
        figures.error = str(err.diagnostics[0].message)
        return figures
    output = emit(doc, "en", "../refs/references.bib")
    figures.debris = sum(len(literal_blocks(page)) for page in output.pages.values())
    made = {_label(n.caption): n for n in doc.body if isinstance(n, Table)}
    for table in data.get("table_structures", []):
        figures.truth += 1
        structure = table["structure"]
        truth_rows = [[normalise(c) for c in row] for row in [*structure["header"], *structure["body"]]]
        cells = Counter(c for row in truth_rows for c in row if c)
        figures.cells += sum(cells.values())
        got = made.get(_label(table["caption"]))
        if got is None:
            continue
        figures.found += 1
        rows = _rows(got)
        figures.exact += sum((cells & Counter(c for row in rows for c in row if c)).values())
        figures.teds += similarity(truth_rows, rows)
    return figures


def table_papers(names: list[str] | None = None) -> list[tuple[Path, Path]]:
    """The papers of ../shared/papers/ with a PDF and a truth file (those named, if any)."""
    found = []
    for truth in sorted(SHARED.glob("*/*.truth.json")):
        pdf = truth.with_name(truth.name.replace(".truth.json", ".pdf"))
        if pdf.exists() and (not names or pdf.stem in names):
            found.append((pdf, truth))
    return found


def share(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.0%})" if b else f"{a}/{b}"


def totals(results: list[TableFigures]) -> str:
    truth = sum(r.truth for r in results)
    found = sum(r.found for r in results)
    cells = sum(r.cells for r in results)
    exact = sum(r.exact for r in results)
    teds = sum(r.teds for r in results)
    debris = sum(r.debris for r in results)
    return (
        f"tables {share(found, truth)}, cells exact {share(exact, cells)}, "
        f"TEDS {teds / truth if truth else 0:.3f}, debris blocks {debris}"
    )


def main(argv: list[str]) -> None:
    names = [a for a in argv if not a.startswith("-")]
    held = "--heldout" in argv  # the held-out papers are measured only when asked (never while tuning)
    results = []
    for pdf, truth in table_papers(names or None):
        if pdf.stem in HELDOUT and not held:
            continue
        figures = measure_tables(pdf, truth)
        results.append(figures)
        if pdf.stem not in HELDOUT:
            print(figures.line(), flush=True)
    tuned = [r for r in results if r.name not in HELDOUT]
    print(f"TUNED ({len(tuned)} papers): {totals(tuned)}")
    kept = [r for r in results if r.name in HELDOUT]
    if kept:
        print(f"HELD OUT ({len(kept)} papers, totals only): {totals(kept)}")


if __name__ == "__main__":
    main(sys.argv[1:])
