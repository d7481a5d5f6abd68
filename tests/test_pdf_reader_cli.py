"""``paper2myst report.pdf``: the same contract as the text route — files written once, then up to date."""

from __future__ import annotations

from pathlib import Path

import pytest
from paper2myst.cli import main

REPORT = Path(__file__).resolve().parent / "fixtures" / "pdf" / "R48913.pdf"


def test_converts_a_pdf_deterministically(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs, bib = tmp_path / "docs", tmp_path / "refs" / "references.bib"
    args = [str(REPORT), "--docs", str(docs), "--bib", str(bib)]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "52 notes" in captured.out and "lines of page furniture, cover and contents left out" in captured.out
    assert f"{REPORT}:p5: the paper has no reference list" in captured.err  # diagnostics name the page
    index = (docs / "index.md").read_text(encoding="utf-8")
    assert index.count("[^") >= 2 * 52  # every note called and defined
    first = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}  # the pages and the images
    assert main([*args, "--check"]) == 0  # nothing to do: the output is what a new run writes
    assert main(args) == 0
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == first


def test_strict_fails_on_what_the_reader_was_unsure_of(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    assert main([str(REPORT), "--docs", str(docs), "--bib", str(tmp_path / "r.bib"), "--strict"]) == 2
    assert ":p5: the paper has no reference list" in capsys.readouterr().err
    assert not docs.exists()
