"""Mutation check of the converter's named thresholds: each scaled by 0.7 and by 1.3 must make a fast test fail.

"Mutate a threshold by 30%: if no test fails, the test is missing." A threshold is a module-level constant of
``scripts/paper2myst`` whose value is a number (``CALL_RISE = 0.12``). Each is changed in a scratch copy of the
checkout (uncommitted changes included), one at a time, and the fast tests run with ``-x``, the boundary tests
(``tests/test_thresholds.py``, ``tests/test_boundaries.py``) first; a mutant no test kills is printed as a missing
test. Exit 1 if any survives.

    python tests/mutants.py [NAME ...] [--factors 0.7 1.3] [--boundary-only] [--keep DIR]

Slow by nature (a survivor costs a whole fast suite): ``nox -s mutants`` runs it; CI does not.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path("scripts") / "paper2myst"
# A module-level constant bound to a number literal, optionally annotated, optionally commented.
NAME = r"^(?P<name>[A-Z][A-Z0-9_]*)(?P<annotation>\s*:\s*[\w\[\], .|]+)?"
CONSTANT = re.compile(NAME + r"\s*=\s*(?P<value>-?\d[\d_]*(?:\.\d+)?)(?P<rest>\s*(?:#.*)?)$")
IGNORE = shutil.ignore_patterns(".git", ".nox", "_build", "__pycache__", ".mypy_cache", ".ruff_cache", "node_modules")
SHARED = ROOT.parent / "shared" / "papers"
# The boundary tests: most mutants die here, in seconds.
FIRST = ["tests/test_thresholds.py", "tests/test_boundaries.py"]
# Numbers that decide nothing about the paper's text: how much of a page a review shows, how sharp a figure is.
SETTINGS = {"CROP_MARGIN", "SCALE"}


@dataclass(frozen=True, slots=True)
class Threshold:
    """One named number of the converter: where it is written and its value as written."""

    path: Path  # relative to the checkout
    line: int  # 1-based
    name: str
    value: str


@dataclass(frozen=True, slots=True)
class Outcome:
    threshold: Threshold
    mutated: str
    killed_by: str  # the first failing test, "" if the mutant survived
    seconds: float


def thresholds(root: Path) -> list[Threshold]:
    """Every numeric module-level constant of the package, in file and line order."""
    found = []
    for path in sorted((root / PACKAGE).rglob("*.py")):
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if (match := CONSTANT.match(text)) and match["name"] not in SETTINGS:
                found.append(Threshold(path.relative_to(root), number, match["name"], match["value"]))
    return found


def mutate(value: str, factor: float) -> str:
    """``value`` scaled by ``factor``, written as the original is (an integer stays one and always changes)."""
    number = float(value.replace("_", ""))
    if "." not in value:
        scaled = round(number * factor)
        if scaled == int(number):  # 1 × 1.3 rounds back to 1: move by one instead
            scaled += 1 if factor > 1 else -1
        return str(scaled)
    return repr(round(number * factor, 6))


def rewrite(text: str, line: int, value: str) -> str:
    """``text`` with the constant on ``line`` bound to ``value`` (its name, annotation and comment kept)."""
    lines = text.splitlines(keepends=True)
    match = CONSTANT.match(lines[line - 1].rstrip("\n"))
    assert match, lines[line - 1]
    lines[line - 1] = f"{match['name']}{match['annotation'] or ''} = {value}{match['rest']}\n"
    return "".join(lines)


def first_failure(output: str) -> str:
    """The first failing (or erroring) test that pytest's short summary names."""
    match = re.search(r"^(?:FAILED|ERROR) (\S+)", output, re.MULTILINE)
    return match[1] if match else "(pytest failed before any test: see --keep)"


def run(copy: Path, threshold: Threshold, factor: float, timeout: float, boundary_only: bool) -> Outcome:
    """Mutate one threshold in ``copy``, run the fast tests, put the value back."""
    source = copy / threshold.path
    original = source.read_text(encoding="utf-8")
    mutated = mutate(threshold.value, factor)
    source.write_text(rewrite(original, threshold.line, mutated), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(copy / "scripts"), "PYTHONDONTWRITEBYTECODE": "1"}
    if SHARED.is_dir():  # the copy stands elsewhere: point its paper tests at the papers beside this checkout
        env.setdefault("PAPER2MYST_PAPERS", str(SHARED))
    fast = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
    start = time.perf_counter()
    killed = ""
    try:  # the boundary tests alone first (seconds), the rest of the fast suite only if they all pass
        rest = ["-m", "not slow", *(f"--ignore={path}" for path in FIRST), "tests"]
        phases = [FIRST] if boundary_only else [FIRST, rest]
        for chosen in phases:
            done = subprocess.run([*fast, *chosen], cwd=copy, env=env, capture_output=True, text=True, timeout=timeout)
            if done.returncode:
                killed = first_failure(done.stdout + done.stderr)
                break
    except subprocess.TimeoutExpired:
        killed = "(timed out: a loop the mutant made endless)"
    finally:
        source.write_text(original, encoding="utf-8")
    return Outcome(threshold, mutated, killed, time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only these constants (all if none)")
    parser.add_argument("--factors", nargs="+", type=float, default=[0.7, 1.3])
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds for one mutant's tests")
    parser.add_argument("--boundary-only", action="store_true", help="run the boundary tests alone (seconds a mutant)")
    parser.add_argument("--keep", type=Path, help="scratch copy here (kept) instead of a temporary folder")
    args = parser.parse_args()
    chosen = [t for t in thresholds(ROOT) if not args.names or t.name in args.names]
    if not chosen:
        parser.error(f"no numeric constant named {', '.join(args.names)} in {PACKAGE}")
    with tempfile.TemporaryDirectory(prefix="mutants-") as scratch:
        copy = args.keep or Path(scratch) / "checkout"
        shutil.copytree(ROOT, copy, ignore=IGNORE, dirs_exist_ok=True, symlinks=True)
        survivors = 0
        for threshold in chosen:
            for factor in args.factors:
                outcome = run(copy, threshold, factor, args.timeout, args.boundary_only)
                survivors += not outcome.killed_by
                verdict = f"killed by {outcome.killed_by}" if outcome.killed_by else "SURVIVED: no test pins it"
                change = f"{threshold.name} {threshold.value} → {outcome.mutated}"
                where = f"{threshold.path}:{threshold.line}"
                print(f"{change} ({where}): {verdict} [{outcome.seconds:.0f} s]", flush=True)
    print(f"{survivors} of {len(chosen) * len(args.factors)} mutants survived")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
