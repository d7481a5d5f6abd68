"""Benchmark: whole-process times of the converter and the editions, beside pandoc + WeasyPrint and pandoc + Typst."""

from __future__ import annotations

import argparse
import itertools
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPER_RUN = re.compile(f"[{SUPERSCRIPT}]+")
SYMBOL_NOTE = re.compile(r"^[*†‡§¶]+ ")
TO_SUPER = str.maketrans("0123456789", SUPERSCRIPT)
FROM_SUPER = str.maketrans(SUPERSCRIPT, "0123456789")
EDITIONS = ("epub", "pdf", "html")  # the order `nox -s build` makes them in
# Whole-process times include Python's start-up, as users feel them; the environment is the caller's, except
# a fixed SOURCE_DATE_EPOCH so that every run does the same work.
ENV = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1700000000")}
# The tagged reference set the parser is measured on; its first 1,000 references are the parsing benchmark.
TAGGED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "references" / "anystyle-core.xml"
# Parsing alone, in one process, in CPU seconds (the best of five, each with the tagger's word caches emptied):
# what the target "1,000 references in 1 s" is about, apart from start-up.
PARSE_1000 = """
import sys, time
from pathlib import Path
from paper2myst.bib import parse_list
from paper2myst.bib import tagger
texts = [tagger.token_labels(r)[0] for r in tagger.read_tagged(Path(sys.argv[1]))][:1000]
parse_list(texts[:2])  # load the model
best = float("inf")
for _ in range(5):
    for cached in (tagger.word_features, tagger._own_strings, tagger._neighbour_strings):
        cached.cache_clear()
    start = time.process_time()
    parse_list(texts)
    best = min(best, time.process_time() - start)
print(best)
"""
# Reading PDFs, in one process, in milliseconds per page (the best of three): the fixtures' reports, and every
# paper of ../shared/papers/ where that folder is beside the checkout. The target is 40 ms a page, linear in pages.
READ_PDFS = """
import sys, time
from pathlib import Path
import pypdfium2
from paper2myst.pipeline import convert_reading
from paper2myst.readers.pdf import read_pdf
for path in map(Path, sys.argv[1:]):
    data = path.read_bytes()
    pages = len(pypdfium2.PdfDocument(data))
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        convert_reading(read_pdf(data, images=False), path.name)
        best = min(best, time.perf_counter() - start)
    print(f"{path.stem}\t{pages}\t{1000 * best / pages:.1f}")
"""
ROOT = Path(__file__).resolve().parents[1]
# Warm-up runs may write Python's bytecode caches even where the caller forbids it (PYTHONDONTWRITEBYTECODE):
# an installed package has them (pip compiles it), so the timed runs must not compile an editable checkout anew.
WARM = {k: v for k, v in ENV.items() if k != "PYTHONDONTWRITEBYTECODE"}
# Typst from PyPI has no command of its own: one Python process compiles, as a user's script would.
TYPST = "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2])"

Step = Callable[[], None]


def run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None, stdout: bool = False) -> str:
    """Run a whole process; stop the benchmark if it fails. Return its stderr (or its stdout)."""
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env or ENV, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(map(str, args))}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return result.stdout if stdout else result.stderr


@dataclass(slots=True)
class Measure:
    """One row of the table: a step timed in every round, after an untimed set-up."""

    name: str
    step: Step
    setup: Step | None = None
    times: list[float] = field(default_factory=list)

    def once(self) -> None:
        if self.setup is not None:
            self.setup()
        start = time.perf_counter()
        self.step()
        self.times.append(time.perf_counter() - start)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def side_by_side(measures: Sequence[Measure], runs: int) -> None:
    """Interleave the measures, round after round, so that a busy moment of the machine hits them all alike."""
    for _ in range(runs):
        for measure in measures:
            measure.once()


def scaled(text: str, factor: int) -> str:
    """The paper ``factor`` times over, in the same extraction layout: its noted pages repeated, notes renumbered.

    The repeated part runs from the first paragraph calling a numbered note to the last page-foot note; each copy
    shifts every superscript number by the paper's note count, so calls and notes stay paired and unique.
    """
    lines = text.split("\n")
    note_line = re.compile(f"^[{SUPERSCRIPT}]+ ")
    notes = [i for i, line in enumerate(lines) if note_line.match(line)]
    if not notes:
        raise SystemExit("no page-foot notes found: cannot scale this paper")
    first = next(i for i, line in enumerate(lines) if SUPER_RUN.search(line) and not note_line.match(line))
    last = notes[-1]
    count = max(int(n.translate(FROM_SUPER)) for line in lines for n in SUPER_RUN.findall(line))
    body = lines[first : last + 1]
    copies: list[str] = []
    for k in range(1, factor):

        def shift(match: re.Match[str], offset: int = k * count) -> str:
            return str(int(match.group().translate(FROM_SUPER)) + offset).translate(TO_SUPER)

        # Symbol notes (the author note '*') are the paper's, once; only numbered notes repeat.
        copies += [""] + [SUPER_RUN.sub(shift, line) for line in body if not SYMBOL_NOTE.match(line)]
    return "\n".join(lines[: last + 1] + copies + lines[last + 1 :])


def plain(block: str) -> bool:
    """A paragraph of the body: no line of it is markup (a fence, a heading, a note, a comment)."""
    return all(line[:1].isalnum() or line[:1] in "“‘(*" for line in block.split("\n"))


def clean(*paths: Path) -> Step:
    def step() -> None:
        for path in paths:
            shutil.rmtree(path, ignore_errors=True)

    return step


def pandoc_path() -> str:
    try:
        import pypandoc  # bundles pandoc (pypandoc-binary)
    except ImportError:
        found = shutil.which("pandoc")
        if found is None:
            raise SystemExit("pandoc not found: pip install pypandoc-binary") from None
        return found
    return str(pypandoc.get_pandoc_path())


def pandoc_version(pandoc: str) -> str:
    out = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=False).stdout
    return out.split("\n")[0].split()[-1] if out else "?"


def phases(stderr: str) -> dict[str, float]:
    """Durations of the build's phases from the driver's EDITIONS_PROFILE marks (each phase ends at the next mark)."""
    marks = [(m[1], float(m[2])) for m in re.finditer(r"^editions-profile (\S+) ([\d.]+)$", stderr, re.M)]
    out: dict[str, float] = {}
    for (name, at), (_next, then) in itertools.pairwise(marks):
        out[name] = out.get(name, 0.0) + then - at
    return out


PHASE_NAMES = {
    "main": "up-to-date check, Sphinx import",
    "start": "Sphinx set-up: conf.py, extensions, environment",
    "ready": "finding changed sources",
    "read": "reading (parsing the sources)",
    "write": "writing (and, for the PDF, typesetting)",
    "finished": "finishing",
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", type=Path, help="the paper's extracted text")
    parser.add_argument("docs", type=Path, help="the Sphinx source folder (conf.py, index.md)")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement; the median is reported")
    parser.add_argument("--scale", type=int, default=100, help="size of the synthetic paper for the converter")
    parser.add_argument("--python", default=sys.executable, help="the interpreter with Sphinx and the converter")
    args = parser.parse_args(argv)
    python, runs = args.python, args.runs
    pandoc = pandoc_path()

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        src = work / "docs"
        shutil.copytree(args.docs, src, ignore=shutil.ignore_patterns("_build", "__pycache__"))
        refs = args.source.resolve().parent
        if refs.is_dir():  # conf.py may point beside docs/ (e.g. to the bibliography)
            shutil.copytree(refs, work / refs.name, dirs_exist_ok=True)
        out = work / "build"
        peer = work / "peer"
        peer.mkdir()
        md = src / "index.md"
        # The peers read the paper alone (docs/index.md), without the bibliography it links into: those links
        # become their text, or Typst would stop at the missing labels.
        peer_md = peer / "paper.md"
        peer_md.write_text(re.sub(r"\[([^\]]*)\]\(#[^)]*\)", r"\1", md.read_text(encoding="utf-8")), encoding="utf-8")
        driver = (python, src / "_ext" / "editions.py", src, out)

        def convert(source: Path) -> Step:
            def step() -> None:
                run(python, "-m", "paper2myst", source, "--docs", work / "conv", "--bib", work / "conv.bib", cwd=work)

            return step

        big = work / "big.txt"
        big.write_text(scaled(args.source.read_text(encoding="utf-8"), args.scale), encoding="utf-8")
        converter = [
            Measure("convert (paper)", convert(args.source.resolve())),
            Measure(f"convert ({args.scale}× paper)", convert(big)),
        ]

        # --- ours: the three editions as `nox -s build` makes them; a no-op; the author's edit loop -----------
        def ours_three() -> None:
            run(*driver, *EDITIONS)

        text = md.read_text(encoding="utf-8")
        paragraph = next(p for p in text.split("\n\n") if plain(p) and len(p) > 200)
        edits = iter(range(10**6))

        def edit_one_paragraph() -> None:
            md.write_text(text.replace(paragraph, f"{paragraph} (edit {next(edits)})", 1), encoding="utf-8")

        def ours_html() -> None:
            run(*driver, "html")

        def restore() -> None:
            md.write_text(text, encoding="utf-8")
            run(*driver, *EDITIONS)

        # --- the peers: pandoc makes the HTML and the EPUB; WeasyPrint (from that HTML) or Typst the PDF ------
        def pandoc_html() -> None:
            run(pandoc, peer_md, "-s", "--metadata", "pagetitle=paper", "-o", peer / "paper.html")

        def pandoc_epub() -> None:
            run(pandoc, peer_md, "--metadata", "title=paper", "-o", peer / "paper.epub")

        def weasyprint_three() -> None:
            pandoc_epub()
            pandoc_html()
            run(python, "-m", "weasyprint", peer / "paper.html", peer / "paper.pdf")

        def typst_three() -> None:
            pandoc_epub()
            run(pandoc, peer_md, "-s", "-t", "typst", "-o", peer / "paper.typ")
            run(python, "-c", TYPST, peer / "paper.typ", peer / "paper-typst.pdf")
            pandoc_html()

        three = Measure("three editions from clean", ours_three, setup=clean(out))
        noop = Measure("no-op rebuild", ours_three)
        loop = Measure("edit one paragraph → HTML", ours_html, setup=edit_one_paragraph)
        peer_weasy = Measure("pandoc + WeasyPrint: three", weasyprint_three)
        peer_typst = Measure("pandoc + Typst: three", typst_three)
        peer_html = Measure("pandoc: HTML", pandoc_html)
        ours_three()  # warm the caches of the file system and of Python's bytecode, untimed
        weasyprint_three()
        typst_three()
        side_by_side([three, peer_weasy, peer_typst, noop, loop, peer_html], runs)
        restore()
        conv = ("--docs", work / "conv", "--bib", work / "conv.bib")
        run(python, "-m", "paper2myst", args.source.resolve(), *conv, cwd=work, env=WARM)  # untimed: bytecode caches
        side_by_side(converter, runs)
        parse_1000 = float(run(python, "-c", PARSE_1000, TAGGED, stdout=True))
        refs_list = work / "references.txt"
        from paper2myst.bib.tagger import read_tagged, token_labels  # the harness runs in the converter's venv

        texts = [token_labels(r)[0] for r in read_tagged(TAGGED)][:1000]
        refs_list.write_text("\n".join(texts) + "\n", encoding="utf-8")

        def refs_whole() -> None:
            run(python, "-m", "paper2myst", "refs", refs_list, "--bib", work / "refs.bib", "--quiet")

        refs_command = Measure("`paper2myst refs` of 1,000 references (whole process)", refs_whole)
        side_by_side([refs_command], runs)

        # --- where our time goes: the phases of a clean build of the three editions --------------------------
        profiles: list[dict[str, float]] = []
        start_up: list[float] = []
        for _ in range(runs):
            clean(out)()
            started = time.perf_counter()
            run(python, "-c", "pass")
            start_up.append(time.perf_counter() - started)
            profiles.append(phases(run(*driver, *EDITIONS, env={**ENV, "EDITIONS_PROFILE": "1"})))

    weasy, typ = peer_weasy.median, peer_typst.median
    print(
        f"Median of {runs} runs, whole processes, interleaved round by round (seconds). Peers: pandoc "
        f"{pandoc_version(pandoc)} (from pypandoc-binary) for HTML and EPUB from docs/index.md (its links to "
        "the bibliography as text); the PDF by "
        "WeasyPrint from pandoc's HTML, or by Typst (PyPI) from pandoc's Typst.\n"
    )
    print("| step | ours | pandoc + WeasyPrint | pandoc + Typst | ours / (pandoc + WeasyPrint) | target |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    print(f"| {three.name} | {three.median:.2f} | {weasy:.2f} | {typ:.2f} | {three.median / weasy:.2f}× | ≤ 1.0× |")
    print(f"| {noop.name} | {noop.median:.2f} | | | | ≤ 1.0 s |")
    print(f"| {loop.name} | {loop.median:.2f} | {peer_html.median:.2f} (pandoc HTML) | | | ≤ 1.5 s |")
    for measure, target in zip(converter, ("≤ 0.1 s", "≤ 3 s"), strict=True):
        print(f"| {measure.name} | {measure.median:.2f} | | | | {target} |")
    print(f"| parse 1,000 references (CPU, in process) | {parse_1000:.2f} | | | | ≤ 1 s |")
    print(f"| {refs_command.name} | {refs_command.median:.2f} | | | | |")

    pdfs = sorted((ROOT / "tests" / "fixtures" / "pdf").glob("*.pdf"))
    pdfs += sorted((ROOT.parent / "shared" / "papers").glob("*/*.pdf"))
    read = [line.split("\t") for line in run(python, "-c", READ_PDFS, *pdfs, stdout=True).splitlines()]
    print("\nReading PDFs (text, no images; in process, best of 3): milliseconds per page, target ≤ 40\n")
    print("| paper | pages | ms/page |")
    print("| --- | ---: | ---: |")
    for name, pages, ms in read:
        print(f"| {name} | {pages} | {ms} |")
    total = sum(int(p) for _, p, _ in read)
    mean = sum(int(p) * float(ms) for _, p, ms in read) / max(total, 1)
    print(f"| all ({total} pages) | | {mean:.1f} |")

    print(f"\nWhere the time of ours goes (three editions from clean, median of {runs}, seconds):\n")
    print("| phase | " + " | ".join(EDITIONS) + " |")
    print("| --- |" + " ---: |" * len(EDITIONS))
    print(f"| Python start-up (`python -c pass`) | {statistics.median(start_up):.2f} |" + " |" * (len(EDITIONS) - 1))
    main_times = [p.get("main", 0.0) for p in profiles]
    print(f"| {PHASE_NAMES['main']} | {statistics.median(main_times):.2f} |" + " |" * (len(EDITIONS) - 1))
    for phase in ("start", "ready", "read", "write", "finished"):
        cells = [statistics.median(p.get(f"{b}:{phase}", 0.0) for p in profiles) for b in EDITIONS]
        print(f"| {PHASE_NAMES[phase]} | " + " | ".join(f"{c:.2f}" for c in cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
