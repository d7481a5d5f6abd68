"""Rebuilds never go stale: a new paper, an edit or a changed environment gives exactly what a clean build gives."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DOCS, SPHINX_FLAGS

pytestmark = pytest.mark.slow

PAPERS = Path(__file__).parent / "fixtures" / "papers"
EDITIONS = ("epub", "pdf", "html")
DRIVER = ["docs/_ext/editions.py", "docs", "docs/_build"]


def checkout(work: Path) -> Path:
    """The repository's docs/ without a paper in it (conf.py, extensions, styles), and an empty refs/."""
    shutil.copytree(DOCS, work / "docs", ignore=shutil.ignore_patterns("_build", "__pycache__", "*.md", "paper.json"))
    (work / "refs").mkdir()
    return work


def environment(**variables: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"SOURCE_DATE_EPOCH", "READTHEDOCS_CANONICAL_URL"}}
    return env | variables


def run(work: Path, *args: str, env: dict[str, str] | None = None, quiet: bool = True) -> None:
    """Run Python in the checkout; it must succeed, and (``quiet``) say nothing on stderr."""
    result = subprocess.run(
        [sys.executable, *args], cwd=work, capture_output=True, text=True, check=False, env=env or environment()
    )
    assert result.returncode == 0, f"{args}:\n{result.stdout}\n{result.stderr}"
    assert not (quiet and result.stderr.strip()), f"{args}:\n{result.stderr}"


def convert(work: Path, paper: str) -> str:
    """Convert a test paper into the checkout as `nox -s convert` would; return the editions' name."""
    source = work / "refs" / f"{paper}.txt"
    for old in (work / "refs").glob("*.txt"):
        old.unlink()
    shutil.copy(PAPERS / f"{paper}.txt", source)
    run(work, "-m", "paper2myst", f"refs/{paper}.txt", quiet=False)  # the test papers cite an unlisted work
    name: str = json.loads((work / "docs" / "paper.json").read_text(encoding="utf-8"))["name"]
    return name


def build(work: Path, env: dict[str, str] | None = None) -> None:
    run(work, *DRIVER, *EDITIONS, env=env)


def sphinx_rebuild(work: Path, env: dict[str, str] | None = None) -> None:
    """Sphinx's own incremental build (not the driver's up-to-date check), each edition in turn."""
    for builder in EDITIONS:
        out = work / "docs" / "_build"
        args = [*SPHINX_FLAGS, "-b", builder, "-d", str(out / "doctrees"), "docs", str(out / builder)]
        run(work, "-m", "sphinx", *args, env=env)


def outputs(work: Path) -> dict[str, bytes]:
    out = work / "docs" / "_build"
    return {
        str(p.relative_to(out)): p.read_bytes()
        for edition in EDITIONS
        for p in sorted((out / edition).rglob("*"))
        if p.is_file()
    }


def assert_same(rebuilt: dict[str, bytes], clean: dict[str, bytes]) -> None:
    assert sorted(rebuilt) == sorted(clean)
    assert [name for name in clean if rebuilt[name] != clean[name]] == [], "differ from a clean build"


def stamps(work: Path) -> dict[str, str]:
    """The inputs each edition was last built from, as the editions extension notes them: one value for all."""
    found = {p.name: p.read_text(encoding="utf-8") for p in (work / "docs" / "_build" / "doctrees").glob("*.stamp")}
    assert len({value.split(":")[-1] for value in found.values()}) == 1, found
    return found


def clean_build(work: Path, env: dict[str, str] | None = None) -> dict[str, bytes]:
    """Build the same sources from nothing, in the same place (the outputs may name their folder)."""
    shutil.rmtree(work / "docs" / "_build")
    build(work, env)
    return outputs(work)


@pytest.fixture(scope="module")
def papers() -> tuple[str, str]:
    """Two test papers, the second one dated: its date fixes the build time, so that two builds can be compared.

    (An undated paper outside a git checkout is dated by the build's clock: only SOURCE_DATE_EPOCH fixes it.)
    """
    names = sorted(p.stem for p in PAPERS.glob("*.txt"))
    dated = [n for n in names if json.loads((PAPERS / f"{n}.expected" / "paper.json").read_text("utf-8"))["date"]]
    assert names and dated, "two test papers are needed, one of them dated"
    return next(n for n in names if n != dated[0]), dated[0]


def test_a_second_paper_leaves_nothing_of_the_first(tmp_path: Path, papers: tuple[str, str]) -> None:
    work = checkout(tmp_path / "work")
    first = convert(work, papers[0])
    build(work)
    second = convert(work, papers[1])
    assert first != second
    build(work)
    built = outputs(work)
    names = {Path(name).name for name in built}
    assert {f"{second}.pdf", f"{second}.epub"} <= names  # the web edition carries both
    assert [n for n in built if first in n or n.endswith(".buildinfo.bak")] == []
    assert {n for n in built if n.endswith((".pdf", ".epub"))} == {
        f"pdf/{second}.pdf",
        f"epub/{second}.epub",
        f"html/{second}.pdf",
        f"html/{second}.epub",
    }
    html = (work / "docs" / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert first not in html and f'href="{second}.pdf"' in html
    assert_same(built, clean_build(work))


def test_rebuilds_equal_a_clean_build(tmp_path: Path, papers: tuple[str, str]) -> None:
    work = checkout(tmp_path / "work")
    convert(work, papers[1])
    build(work)
    clean = outputs(work)
    build(work)  # the driver's no-op
    assert_same(outputs(work), clean)
    sphinx_rebuild(work)  # Sphinx's own no-op: the EPUB is zipped again
    assert_same(outputs(work), clean)

    # The author's loop: one paragraph edited, the editions built again.
    index = work / "docs" / "index.md"
    text = index.read_text(encoding="utf-8")
    body = [p for p in text.split("\n\n") if all(line[:1].isalpha() for line in p.split("\n"))]
    paragraph = next(p for p in body if len(p) > 200)
    index.write_text(text.replace(paragraph, paragraph.replace(" ", "  ", 1) + " (edited)", 1), encoding="utf-8")
    before = stamps(work)
    run(work, *DRIVER, "html")  # the author's loop: the web edition alone
    assert stamps(work) == before  # an edit is an incremental build, not one from nothing
    build(work)
    edited = outputs(work)
    assert any(b"(edited)" in data for name, data in edited.items() if name.startswith("html/"))
    assert_same(edited, clean_build(work))

    # A change in an extension's code, which Sphinx does not track: every edition is made again.
    cite = work / "docs" / "_ext" / "citethis.py"  # the extension that writes the citation block
    code = cite.read_text(encoding="utf-8")
    assert 'nodes.title("", "Cite this paper")' in code
    cite.write_text(code.replace('nodes.title("", "Cite this paper")', 'nodes.title("", "Cite this work")'), "utf-8")
    build(work)
    changed = outputs(work)
    assert b"Cite this work" in changed["html/index.html"]
    assert_same(changed, clean_build(work))


@pytest.mark.parametrize(
    "variable, value",
    [("READTHEDOCS_CANONICAL_URL", "https://example.org/paper/"), ("SOURCE_DATE_EPOCH", "1700000000")],
)
def test_a_changed_environment_rebuilds(tmp_path: Path, papers: tuple[str, str], variable: str, value: str) -> None:
    work = checkout(tmp_path / "work")
    convert(work, papers[1])
    build(work)
    before = outputs(work)
    env = environment(**{variable: value})
    build(work, env)
    after = outputs(work)
    assert after != before
    assert_same(after, clean_build(work, env))
    build(work)  # and back
    assert_same(outputs(work), before)


def test_a_failed_build_fails_again_until_fixed(tmp_path: Path, papers: tuple[str, str]) -> None:
    """Sphinx does not read an unchanged document again, so its warning would vanish from the next build."""
    work = checkout(tmp_path / "work")
    convert(work, papers[1])
    index = work / "docs" / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text + "\nSee {ref}`no-such-target`.\n", encoding="utf-8")
    for attempt in ("first", "second"):
        for command in ([*DRIVER, "html"], ["-m", "sphinx", *SPHINX_FLAGS, "-b", "html", "docs", "docs/_build/html"]):
            result = subprocess.run(
                [sys.executable, *command], cwd=work, capture_output=True, text=True, env=environment()
            )
            assert result.returncode != 0 and "no-such-target" in result.stderr, (attempt, command, result.stderr)
    index.write_text(text, encoding="utf-8")
    run(work, *DRIVER, "html")
