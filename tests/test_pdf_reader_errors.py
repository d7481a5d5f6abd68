"""Bad PDFs: a clear ``file: message``, exit status 2 and nothing written; rotated pages are read and reported."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from paper2myst.cli import main
from pypdf import PdfReader, PdfWriter

REPORT = Path(__file__).resolve().parent / "fixtures" / "pdf" / "R48903.pdf"


def _write(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _encrypted() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(REPORT))
    writer.encrypt(user_password="secret", owner_password="owner")
    return _write(writer)


def _blank() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    return _write(writer)


def _no_pages() -> bytes:
    return _write(PdfWriter())


BAD = {
    "encrypted": (_encrypted, "encrypted"),
    "truncated": (lambda: REPORT.read_bytes()[:20000], "damaged or truncated"),
    "not a PDF": (lambda: b"Dear editor,\nthis is a letter, not a PDF.\n", "not a PDF"),
    "no pages": (_no_pages, "no pages"),
    "scanned (no text layer)": (_blank, "needs OCR"),
}


@pytest.mark.parametrize("case", BAD)
def test_bad_pdf(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make, message = BAD[case]
    source = tmp_path / "report.pdf"
    source.write_bytes(make())
    docs, bib = tmp_path / "docs", tmp_path / "refs" / "references.bib"
    assert main([str(source), "--docs", str(docs), "--bib", str(bib)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{source}: "), err
    assert message in err
    assert not docs.exists() and not bib.exists()


def test_rotated_page_is_read_and_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    writer = PdfWriter(clone_from=PdfReader(REPORT))
    writer.pages[2].rotate(90)
    source = tmp_path / "report.pdf"
    source.write_bytes(_write(writer))
    docs = tmp_path / "docs"
    assert main([str(source), "--docs", str(docs), "--bib", str(tmp_path / "r.bib")]) == 0
    assert f"{source}:p3: page 3 is rotated" in capsys.readouterr().err
    assert "Before U.S. and Israeli military operations began" in (docs / "index.md").read_text(encoding="utf-8")
    # --strict fails on what the reader was unsure of, and writes nothing.
    strict = tmp_path / "strict"
    assert main([str(source), "--docs", str(strict), "--bib", str(tmp_path / "s.bib"), "--strict"]) == 2
    assert not strict.exists()
