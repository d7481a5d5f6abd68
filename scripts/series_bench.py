"""Time a series site against single-paper builds (issue 20): from clean, and adding one paper. Not a timed test.

``python scripts/series_bench.py [-n 25] [DIR...]`` takes the first N+1 sources (PDF, else text) of the folders
named (default: every folder of ../shared/papers/), leaving out the held-out papers of
tests/heldout.txt, and prints a Markdown table:

- the series of N papers from clean (``paperseries``: conversions and builds 2 at a time, listings, site),
  against the same N papers built one by one as single-paper projects (a copy of docs/, ``paper2myst``,
  ``docs/_ext/editions.py`` with the three editions), one after the other;
- adding paper N+1 to the built series, against that paper's single-paper build.

Papers the converter refuses or whose build fails are named and counted in both columns alike.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
# $PAPER2MYST_PAPERS, else the nearest shared/papers/ beside the checkout or one of its parents (a worktree's).
_NEAREST = next((p / "shared" / "papers" for p in ROOT.parents if (p / "shared" / "papers").is_dir()), None)
SHARED = Path(os.environ.get("PAPER2MYST_PAPERS") or _NEAREST or ROOT.parent / "shared" / "papers")
DEFAULT_DIRS = tuple(sorted(p for p in SHARED.iterdir() if p.is_dir())) if SHARED.is_dir() else ()
HELDOUT = ROOT / "tests" / "heldout.txt"
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SCRIPTS), *filter(None, [os.environ.get("PYTHONPATH")])])}


def held_out() -> set[str]:
    lines = HELDOUT.read_text(encoding="utf-8").splitlines() if HELDOUT.is_file() else []
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def sources(folders: Sequence[Path], count: int) -> list[Path]:
    """One source per paper (its PDF, else its text), in name order, held-out papers left out."""
    skip = held_out()
    found: dict[str, Path] = {}
    for folder in folders:
        for path in sorted(folder.glob("*")):
            wanted = path.suffix in {".pdf", ".txt"} and path.stem not in skip
            if wanted and (path.suffix == ".pdf" or path.stem not in found):  # the PDF when there is one
                found[path.stem] = path
    return [found[name] for name in sorted(found)][:count]


class Clock:
    """Wall time, and the CPU time (user + system) of the processes started meanwhile.

    On a shared machine the wall time depends on the others' load, the CPU time much less.
    """

    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), cpu()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, cpu() - self.cpu


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def single(source: Path, work: Path) -> tuple[Clock, bool]:
    """One paper as a single-paper project: a copy of docs/, converted into, its three editions built."""
    project = work / source.stem
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("_build", "*.md", "paper.json"))
    (project / "refs").mkdir()
    shutil.copyfile(source, project / "refs" / source.name)
    with Clock() as clock:
        ok = convert_and_build(project, source)
    return clock, ok


def convert_and_build(project: Path, source: Path) -> bool:
    converted = subprocess.run(
        [sys.executable, "-m", "paper2myst", f"refs/{source.name}"], cwd=project, env=ENV, capture_output=True
    )
    ok = converted.returncode == 0
    if ok:
        built = subprocess.run(
            [sys.executable, "docs/_ext/editions.py", "docs", "docs/_build", "epub", "pdf", "html"],
            cwd=project,
            env=ENV,
            capture_output=True,
        )
        ok = built.returncode == 0
    return ok


def series(root: Path, jobs: int) -> Clock:
    with Clock() as clock:
        subprocess.run([sys.executable, "-m", "paperseries", str(root), f"--jobs={jobs}"], env=ENV, check=False)
    return clock


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=25, help="papers in the series (default 25); one more is added")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("folders", nargs="*", type=Path, default=list(DEFAULT_DIRS))
    args = parser.parse_args(argv)
    papers = sources(args.folders, args.n + 1)
    if len(papers) < 2:
        print("series_bench: not enough papers", file=sys.stderr)
        return 2
    first, extra = papers[:-1], papers[-1]
    with tempfile.TemporaryDirectory(prefix="series-bench-") as scratch:
        work = Path(scratch)
        root = work / "series"
        (root / "sources").mkdir(parents=True)
        for path in first:
            shutil.copyfile(path, root / "sources" / path.name)
        clean = series(root, args.jobs)
        singles = [single(path, work / "single") for path in first]
        shutil.copyfile(extra, root / "sources" / extra.name)
        added = series(root, args.jobs)
        one, one_ok = single(extra, work / "one")
        failed = [p.stem for p, (_t, ok) in zip(first, singles, strict=True) if not ok] + (
            [] if one_ok else [extra.stem]
        )
    wall, used = sum(c.wall for c, _ok in singles), sum(c.cpu for c, _ok in singles)
    print(f"| {len(first)} papers (+1: {extra.stem}), {os.cpu_count()} cores | series | one by one | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| from clean, wall | {clean.wall:.1f} s | {wall:.1f} s | {clean.wall / wall:.2f}× |")
    print(f"| from clean, CPU | {clean.cpu:.1f} s | {used:.1f} s | {clean.cpu / used:.2f}× |")
    print(
        f"| adding one paper, wall | {added.wall:.1f} s | {one.wall:.1f} s (its own) | {added.wall / one.wall:.2f}× |"
    )
    print(f"| adding one paper, CPU | {added.cpu:.1f} s | {one.cpu:.1f} s | {added.cpu / one.cpu:.2f}× |")
    print(f"\nload average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if failed:
        print(f"\nfailed in the single-paper builds: {', '.join(failed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
