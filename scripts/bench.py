"""Benchmark: whole-process times of the converter and the editions, against a pandoc + WeasyPrint peer."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPER_RUN = re.compile(f"[{SUPERSCRIPT}]+")
SYMBOL_NOTE = re.compile(r"^[*†‡§¶]+ ")
TO_SUPER = str.maketrans("0123456789", SUPERSCRIPT)
FROM_SUPER = str.maketrans(SUPERSCRIPT, "0123456789")
EDITIONS = ("html", "epub", "pdf")
# Whole-process times include Python's start-up, as users feel them; the environment is the caller's, except
# a fixed SOURCE_DATE_EPOCH so that every run does the same work.
ENV = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1700000000")}

Step = Callable[[], None]


def run(*args: str | Path, cwd: Path | None = None) -> None:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(map(str, args))}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")


def timed(step: Step, runs: int, setup: Step | None = None) -> float:
    """Median wall time of ``step`` over ``runs`` runs, each after ``setup`` (not timed)."""
    times = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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


def sphinx(python: str, builder: str, src: Path, out: Path) -> Step:
    def step() -> None:
        run(python, "-m", "sphinx", "-q", "-b", builder, "-d", out / "doctrees", src, out / builder)

    return step


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", type=Path, help="the paper's extracted text")
    parser.add_argument("docs", type=Path, help="the Sphinx source folder (conf.py, index.md)")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement; the median is reported")
    parser.add_argument("--scale", type=int, default=100, help="size of the synthetic paper, in papers")
    parser.add_argument("--python", default=sys.executable, help="the interpreter with Sphinx and the converter")
    args = parser.parse_args(argv)
    python, runs = args.python, args.runs
    pandoc = pandoc_path()

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        src = work / "docs"
        shutil.copytree(args.docs, src, ignore=shutil.ignore_patterns("_build"))
        refs = args.source.resolve().parent
        if refs.is_dir():  # conf.py may point beside docs/ (e.g. to the bibliography)
            shutil.copytree(refs, work / refs.name, dirs_exist_ok=True)
        out = work / "build"
        peer = work / "peer"
        peer.mkdir()
        rows: list[tuple[str, float, float | None, str]] = []

        def convert(source: Path) -> Step:
            def step() -> None:
                run(python, "-m", "paper2myst", source, "--docs", work / "conv", "--bib", work / "conv.bib", cwd=work)

            return step

        big = work / "big.txt"
        big.write_text(scaled(args.source.read_text(encoding="utf-8"), args.scale), encoding="utf-8")
        rows.append(("convert (paper)", timed(convert(args.source.resolve()), runs), None, "≤ 0.1 s"))
        rows.append((f"convert ({args.scale}× paper)", timed(convert(big), runs), None, "≤ 3 s"))

        md = src / "index.md"

        def peer_html() -> None:
            run(pandoc, md, "-s", "--metadata", "pagetitle=paper", "-o", peer / "paper.html")

        def peer_epub() -> None:
            run(pandoc, md, "--metadata", "title=paper", "-o", peer / "paper.epub")

        def peer_pdf() -> None:
            run(python, "-m", "weasyprint", peer / "paper.html", peer / "paper.pdf")

        peers = {"html": timed(peer_html, runs), "epub": timed(peer_epub, runs), "pdf": timed(peer_pdf, runs)}
        for builder in EDITIONS:
            ours = timed(sphinx(python, builder, src, out), runs, setup=clean(out))
            rows.append((f"{builder} (clean)", ours, peers[builder], "≤ 1.0× peer"))

        def all_three() -> None:
            # The way `nox -s build` makes them: one process, one doctree cache (docs/_ext/editions.py).
            run(python, src / "_ext" / "editions.py", src, out, "epub", "pdf", "html")

        rows.append(("all three (clean)", timed(all_three, runs, setup=clean(out)), sum(peers.values()), "≤ 1.0× peer"))
        for builder in EDITIONS:
            rows.append((f"{builder} (no-op rebuild)", timed(sphinx(python, builder, src, out), runs), None, "≤ 1.5 s"))
        rows.append(("all three (no-op rebuild)", timed(all_three, runs), None, ""))

    print(f"Median of {runs} runs, whole processes (seconds); peer: pandoc {pandoc_version(pandoc)} + WeasyPrint.\n")
    print("| step | ours | peer | ours/peer | target |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, ours, other, target in rows:
        ratio = f"{ours / other:.2f}×" if other else ""
        print(f"| {name} | {ours:.2f} | {f'{other:.2f}' if other else ''} | {ratio} | {target} |")
    return 0


def pandoc_version(pandoc: str) -> str:
    out = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=False).stdout
    return out.split("\n")[0].split()[-1] if out else "?"


if __name__ == "__main__":
    sys.exit(main())
