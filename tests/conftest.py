"""Shared fixtures: the paper, its conversion, and Sphinx builds of the editions (built once per session)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SOURCE = sorted((ROOT / "refs").glob("*.txt"))[0]
FIXTURES = Path(__file__).resolve().parent / "fixtures"

SPHINX_FLAGS = ["-n", "-W", "--keep-going", "-q"]

Builder = Callable[[str], Path]


def sphinx_build(srcdir: Path, outdir: Path, builder: str, doctrees: Path) -> subprocess.CompletedProcess[str]:
    """Run sphinx-build as users do (a subprocess), with warnings as errors."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", *SPHINX_FLAGS, "-b", builder, "-d", str(doctrees), str(srcdir), str(outdir)],
        capture_output=True,
        text=True,
        check=False,
    )


def make_builder(srcdir: Path, workdir: Path) -> Builder:
    """A function building ``srcdir`` with a given builder once, into ``workdir/<builder>``."""
    done: dict[str, Path] = {}

    def build(builder: str) -> Path:
        if builder not in done:
            result = sphinx_build(srcdir, workdir / builder, builder, workdir / "doctrees")
            assert result.returncode == 0, f"sphinx-build -b {builder} failed:\n{result.stdout}\n{result.stderr}"
            assert result.stderr.strip() == "", f"sphinx-build -b {builder} warned:\n{result.stderr}"
            done[builder] = workdir / builder
        return done[builder]

    return build


@pytest.fixture(scope="session")
def paper_source() -> Path:
    return SOURCE


@pytest.fixture(scope="session")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Builder:
    """Build the committed docs/ (the paper) with a builder: ``editions("html")`` → output folder."""
    work = tmp_path_factory.mktemp("editions")
    src = work / "docs"
    # Build a copy so that tests never write into the work tree; refs/ sits beside it as in the repo.
    shutil.copytree(DOCS, src, ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(ROOT / "refs", work / "refs")
    return make_builder(src, work / "_build")
