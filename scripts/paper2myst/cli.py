"""Command line: ``paper2myst SOURCE.txt [--docs DIR] [--bib FILE] [--check] [--strict]``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from paper2myst import __version__
from paper2myst.config import Config
from paper2myst.diagnostics import ConversionError, Diagnostic
from paper2myst.emit import FIGURES, emit
from paper2myst.model import Caption, Document, ItemList, Paragraph, Quote, Table
from paper2myst.pipeline import convert, convert_reading
from paper2myst.report import html_report, markdown_report, verdict

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~2 ms); type checkers read it as True
if TYPE_CHECKING:
    from typing import NoReturn


def _columns() -> int:
    """The terminal's width as shutil.get_terminal_size finds it: $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0 and sys.__stdout__ is not None:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (ValueError, OSError):
            columns = 0
    return max(columns, 0) or 80


def _formatter(prog: str) -> argparse.HelpFormatter:
    """The help layout of argparse, at the width argparse would choose.

    argparse makes a formatter for every argument added (to check it), and its default one imports shutil for
    the terminal's width: ~3 ms of every run, for help that is rarely shown.
    """
    return argparse.HelpFormatter(prog, width=_columns() - 2)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="paper2myst",
        description="Convert a paper's PDF-extracted text into MyST Markdown (docs/) and BibTeX.",
        epilog="Exit status: 0 done, 1 --check found stale files, 2 bad input (nothing written).",
        formatter_class=_formatter,
    )
    parser.add_argument("source", type=Path, help="the paper: its PDF, or its text extracted from the PDF (UTF-8)")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="Sphinx source folder (default: docs)")
    parser.add_argument(
        "--bib", type=Path, default=Path("refs/references.bib"), help="BibTeX output (default: refs/references.bib)"
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the files on disk differ")
    parser.add_argument("--strict", action="store_true", help="treat every diagnostic as an error")
    parser.add_argument(
        "--works-cited",
        action="store_true",
        help="a paper with no reference list gets one made from the works its notes cite (each once, linked back)",
    )
    parser.add_argument(
        "--report",
        type=Path,
        help="write a review report of every diagnostic with its lines (.html for HTML, else Markdown)",
    )
    parser.add_argument("--language", default="en", help="the paper's language, a BCP 47 tag (default: en)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _write_atomic(path: Path, text: str | bytes) -> None:
    """Write through a temporary file in the same folder, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Named after this process, so no other writer shares it; one left by a dead process of the same id goes.
    # (Not tempfile.mkstemp: importing tempfile costs more than all the writing.) Read and write for all the
    # umask allows, as open() would make the file: the folder's other tools and a web server read these files.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _up_to_date(path: Path, data: str | bytes) -> bool:
    """The file holds ``data``: text compared as text, images byte for byte."""
    if not path.is_file():
        return False
    return path.read_bytes() == data if isinstance(data, bytes) else path.read_text(encoding="utf-8") == data


def summary(doc: Document) -> str:
    numbered = [n for n in doc.notes if n.label != "*"]
    paragraphs = [n for n in doc.body if isinstance(n, Paragraph)]
    joins = sum(p.joins for p in paragraphs)
    kinds = [
        (sum(isinstance(n, ItemList) for n in doc.body), "lists"),
        (sum(isinstance(n, Quote) for n in doc.body), "quotations"),
        (
            sum(isinstance(n, Table) or (isinstance(n, Caption) and bool(n.text)) for n in doc.body),
            "figures and tables",
        ),
        # Table or figure text with no caption of its own (a chart's labels, a table's cells set apart).
        (sum(isinstance(n, Caption) and not n.text for n in doc.body), "uncaptioned table blocks"),
        (len(doc.images), "images"),  # a PDF's: written under docs/_static/figures/
    ]
    extra = "".join(f", {count} {what}" for count, what in kinds if count)
    contents = sum(b.label == "contents" for b in doc.furniture)
    # The house style the reference list was read in (paper2myst.bib.styles), for the editor to confirm.
    style = f" ({doc.entries[0].style} style)" if doc.entries and doc.entries[0].style else ""
    if doc.furniture:
        # Left out of the output, never silently: banners, page furniture, the contents pages.
        extra += f", {len(doc.furniture)} furniture blocks left out ({contents} of them contents lists)"
    return (
        f"{len(paragraphs)} paragraphs, {len(numbered)} notes"
        f"{' + author note' if len(numbered) != len(doc.notes) else ''}, "
        f"{sum(n.continued for n in doc.notes)} notes continued across pages, {joins} page-break joins, "
        f"{len(doc.references)} references{style}{extra}, {len(doc.diagnostics)} diagnostics"
    )


def _write_report(
    path: Path,
    source: str,
    lines: list[str],
    diagnostics: list[Diagnostic],
    where: Callable[[int], str],
    refused: bool = False,
    strict: bool = False,
) -> None:
    render = html_report if path.suffix.lower() in {".html", ".htm"} else markdown_report
    _write_atomic(path, render(source, lines, diagnostics, where, refused, strict))


def _text_lines(data: bytes) -> list[str]:
    """The source's lines as the review report shows them (undecodable bytes replaced)."""
    return data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def run(config: Config, check: bool, report: Path | None = None) -> int:
    source = config.source
    try:
        data = source.read_bytes()
    except OSError as err:
        print(f"{source}:1: cannot read: {err.strerror}", file=sys.stderr)
        return 2
    where: Callable[[int], str] = str  # a text's line is named by its number; a PDF's by its page
    left_out = ""
    lines: list[str] = []  # what the review report quotes around each finding
    try:
        if source.suffix.lower() == ".pdf":
            # PDFium loads only for a PDF: the text route keeps its start-up short.
            from paper2myst.readers.pdf import read_pdf

            reading = read_pdf(data)
            left_out = f", {reading.furniture} lines of page furniture, cover and contents left out"
            where, lines = reading.where, reading.lines  # diagnostics name the page: report.pdf:p5: …
            doc = convert_reading(reading, source.as_posix(), strict=config.strict, works=config.works_cited)
        else:
            lines = _text_lines(data)
            doc = convert(data, source.as_posix(), strict=config.strict, works=config.works_cited)
    except ConversionError as err:
        for diagnostic in err.diagnostics:
            print(diagnostic.format(str(source), where), file=sys.stderr)
        if report:  # the review report is the editor's file, not an output: written even when nothing else is
            _write_report(report, str(source), lines, err.diagnostics, where, refused=True, strict=config.strict)
        print(f"paper2myst: {verdict(err.diagnostics, refused=True, strict=config.strict)}", file=sys.stderr)
        return 2
    for diagnostic in doc.diagnostics:
        print(diagnostic.format(str(source), where), file=sys.stderr)
    if report:
        _write_report(report, str(source), lines, doc.diagnostics, where)
    bib_from_docs = os.path.relpath(config.bib, config.docs).replace(os.sep, "/")
    output = emit(doc, config.language, bib_from_docs)
    files: dict[Path, str | bytes] = {config.docs / name: text for name, text in output.pages.items()}
    if output.bibtex:
        files[config.bib] = output.bibtex
    files |= {config.docs / name: image for name, image in output.files.items()}
    # emit owns its images' folder: a file there this conversion does not make (a previous paper's) goes.
    figures = config.docs / FIGURES
    gone = sorted(p for p in figures.iterdir() if p.is_file() and p not in files) if figures.is_dir() else []
    if check:
        stale = [p for p, content in files.items() if not _up_to_date(p, content)]
        for path in stale:
            print(f"{path}: out of date; run paper2myst {source}", file=sys.stderr)
        for path in gone:
            print(f"{path}: not made by this conversion (another paper's?); run paper2myst {source}", file=sys.stderr)
        return 1 if stale or gone else 0
    for path, content in files.items():
        if not _up_to_date(path, content):
            _write_atomic(path, content)
    for path in gone:
        path.unlink()
    print(f"paper2myst: {summary(doc)}{left_out}")
    print(f"paper2myst: {verdict(doc.diagnostics)}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["refs"]:  # the reference-list command (paper2myst.refs), kept apart from the converter
        from paper2myst.refs import main as refs_main

        return refs_main(argv[1:])
    args = _parser().parse_args(argv)
    try:
        config = Config(args.source, args.docs, args.bib, args.strict, args.language, args.works_cited)
    except ValueError as err:
        print(f"paper2myst: error: {err}", file=sys.stderr)
        return 2
    return run(config, args.check, args.report)


def console() -> NoReturn:
    """The command (``paper2myst``, ``python -m paper2myst``): :func:`main`, then an exit without teardown.

    Every file is closed by then; only the standard streams need flushing. Tearing the interpreter down
    (freeing every object, clearing every module) took a sixth of a short conversion's time.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
