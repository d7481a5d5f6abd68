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
from paper2myst.manifest import MANIFEST, beside, generated, manifest_text, plan, read_manifest, unified_diff
from paper2myst.model import Caption, Document, ItemList, Paragraph, Quote, Table
from paper2myst.pipeline import convert, convert_reading
from paper2myst.report import Review, html_report, markdown_report, verdict

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~2 ms); type checkers read it as True
if TYPE_CHECKING:
    from typing import NoReturn

    from paper2myst.readers import Reading  # a PDF's only: the text route does not load the readers


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
        epilog=(
            "Subcommand: `paper2myst refs LIST.txt` (a plain reference list to BibTeX: `paper2myst refs --help`). "
            "The MyST written is the editor's to correct: converting again keeps edited files, or stops and names "
            f"them (docs/{MANIFEST} records what was generated). "
            "Exit status: 0 done, 1 --check found differences, 2 bad input or edited files (nothing written)."
        ),
        formatter_class=_formatter,
    )
    parser.add_argument("source", type=Path, help="the paper: its PDF, or its text extracted from the PDF (UTF-8)")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="Sphinx source folder (default: docs)")
    parser.add_argument(
        "--bib", type=Path, default=Path("refs/references.bib"), help="BibTeX output (default: refs/references.bib)"
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; list how the files on disk differ (exit 1 if they do)"
    )
    edits = parser.add_mutually_exclusive_group()
    edits.add_argument("--force", action="store_true", help="overwrite files edited since the last conversion")
    edits.add_argument(
        "--beside",
        action="store_true",
        help="write the new output of an edited file beside it (index.md.new), keeping the edit, to merge by hand",
    )
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
    review: Review | None = None,
) -> None:
    render = html_report if path.suffix.lower() in {".html", ".htm"} else markdown_report
    _write_atomic(path, render(source, lines, diagnostics, where, refused, strict, review))


# The page region a review report shows around a finding's line: this much above and below it, in PDF units.
CROP_MARGIN = 36.0


def pdf_review(
    data: bytes, reading: Reading, output: str, edition: str, tables: Sequence[Sequence[int]] = ()
) -> Review:
    """What a PDF's review report shows: printed page numbers, the page around each line, the table it is in.

    ``tables``: the lines of each table read into cells (a table over pages holds its rows of every page).
    """
    from paper2myst.readers.pdf.figures import render_region

    def printed(line: int) -> str:
        page = reading.boxes.get(line, (0, ()))[0]
        if not page:
            return ""
        number = reading.printed.get(page)
        return f"page {number} (PDF sheet {page})" if number else f"PDF sheet {page} (no page number printed)"

    def crop(line: int) -> bytes:
        if line not in reading.boxes:
            return b""
        page, (_x0, bottom, _x1, top) = reading.boxes[line]
        on_page = [box for p, box in reading.boxes.values() if p == page]
        left, right = min(b[0] for b in on_page), max(b[2] for b in on_page)
        return render_region(data, page, (left - 6, bottom - CROP_MARGIN, right + 6, top + CROP_MARGIN))

    # A table read into cells holds its region's lines and its rows on later pages: its findings are one item.
    regions: dict[int, object] = {n: ("figure", i) for i, f in enumerate(reading.figures) for n in (f.line, *f.lines)}
    regions |= {n: ("table", k) for k, lines in enumerate(tables) for n in lines}
    return Review(printed, crop, lambda line: regions.get(line), output, edition)


def _text_lines(data: bytes) -> list[str]:
    """The source's lines as the review report shows them (undecodable bytes replaced)."""
    return data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _check(files: dict[Path, str | bytes], previous: list[Path], source: Path) -> int:
    """--check: each difference between the files on disk and what the converter makes, as a unified diff."""
    stale = [p for p, content in files.items() if not _up_to_date(p, content)]
    for path in stale:
        print(f"{path}: differs from what paper2myst makes of {source} (edited, or out of date):", file=sys.stderr)
        for line in unified_diff(path, files[path]):
            print(f"  {line}", file=sys.stderr)
    for path in previous:
        print(f"{path}: not made by this conversion (another paper's?); run paper2myst {source}", file=sys.stderr)
    return 1 if stale or previous else 0


def _refuse(conflicts: list[Path], edited_stale: list[Path], source: Path) -> None:
    """Say which edited files a conversion would overwrite or remove, and how to go on; nothing is written."""
    for path in conflicts:
        print(
            f"{path}: edited since paper2myst generated it (or made before {MANIFEST} recorded it), "
            "and the new conversion differs",
            file=sys.stderr,
        )
    for path in edited_stale:
        print(f"{path}: edited since paper2myst generated it, and this conversion does not make it", file=sys.stderr)
    print(
        "paper2myst: nothing written, so that no edit is lost. To see the differences: "
        f"`paper2myst {source} --check`; to merge by hand: `paper2myst {source} --beside` (writes each new "
        f"output as NAME.new beside the edited file: diff -u NAME NAME.new); to replace the edits: `--force`.",
        file=sys.stderr,
    )


def run(config: Config, check: bool, report: Path | None = None, force: bool = False, keep_beside: bool = False) -> int:
    source = config.source
    try:
        data = source.read_bytes()
    except OSError as err:
        print(f"{source}:1: cannot read: {err.strerror}", file=sys.stderr)
        return 2
    where: Callable[[int], str] = str  # a text's line is named by its number; a PDF's by its page
    left_out = ""
    lines: list[str] = []  # what the review report quotes around each finding
    reading: Reading | None = None  # a PDF's: where each line stands, for the review report
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
    bib_from_docs = os.path.relpath(config.bib, config.docs).replace(os.sep, "/")
    output = emit(doc, config.language, bib_from_docs)
    if report:
        # The report opens beside the built web edition (nox -s build puts it under docs/_build/html/).
        built = config.docs / "_build" / "html" / "index.html"
        edition = os.path.relpath(built, report.parent).replace(os.sep, "/")
        index = output.pages.get("index.md", "")
        tables = [node.span.lines for node in doc.body if isinstance(node, Table)]
        review = pdf_review(data, reading, index, edition, tables) if reading else Review(output=index, edition=edition)
        _write_report(report, str(source), lines, doc.diagnostics, where, review=review)
    files: dict[Path, str | bytes] = {config.docs / name: text for name, text in output.pages.items()}
    if output.bibtex:
        files[config.bib] = output.bibtex
    files |= {config.docs / name: image for name, image in output.files.items()}
    # emit owns its images' folder: a file there this conversion does not make (a previous paper's) goes; so does
    # a page or bibliography that says paper2myst generated it and that this conversion does not make.
    figures = config.docs / FIGURES
    previous = sorted(p for p in figures.iterdir() if p.is_file()) if figures.is_dir() else []
    previous += [p for p in [config.bib, *sorted(config.docs.glob("*.md"))] if generated(p)]
    previous = [p for p in previous if p not in files]
    record: dict[Path, str | bytes] = {config.docs / MANIFEST: manifest_text(config.docs, source.as_posix(), files)}
    if check:
        return _check(files | record, previous, source)
    todo = plan(files, read_manifest(config.docs), previous)
    if (todo.conflicts or todo.edited_stale) and not (force or keep_beside):
        _refuse(todo.conflicts, todo.edited_stale, source)
        return 2
    if force:
        todo.write |= {p: files[p] for p in todo.conflicts}
        todo.remove += todo.edited_stale
    for path, content in (todo.write | record).items():
        if not _up_to_date(path, content):
            _write_atomic(path, content)
    for path in todo.conflicts if keep_beside else ():
        _write_atomic(beside(path), files[path])
        print(f"paper2myst: {path}: edited; the new output is in {beside(path)} (diff -u {path} {beside(path)})")
    for path in todo.edited_stale if keep_beside else ():
        print(f"paper2myst: {path}: edited, and not made by this conversion; left as it is")
    for path in todo.remove:
        path.unlink()
    for path in todo.kept:
        print(f"paper2myst: {path}: kept your edits (the converter makes what it made before)")
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
    return run(config, args.check, args.report, args.force, args.beside)


def console() -> NoReturn:
    """The command (``paper2myst``, ``python -m paper2myst``): :func:`main`, then an exit without teardown.

    Every file is closed by then; only the standard streams need flushing. Tearing the interpreter down
    (freeing every object, clearing every module) took a sixth of a short conversion's time.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
