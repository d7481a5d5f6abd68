"""The set-up a new user meets: nox sessions with no source, or several, in refs/; the README; what CI runs."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

nox = pytest.importorskip("nox")


class Stopped(Exception):
    pass


class FakeSession:
    """What find_source uses of a nox session: its name, and error() that stops the session."""

    name = "convert"

    def error(self, *args: Any) -> None:
        raise Stopped(" ".join(map(str, args)))


@pytest.fixture(scope="module")
def loaded() -> Any:
    """The repository's noxfile.py as a module (loaded once: nox registers its sessions on import)."""
    spec = importlib.util.spec_from_file_location("repo_noxfile", ROOT / "noxfile.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def noxfile(loaded: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The noxfile, looking at an empty refs/ in a folder of its own (with a copy of noxfile.py)."""
    shutil.copy(ROOT / "noxfile.py", tmp_path / "noxfile.py")
    (tmp_path / "refs").mkdir()
    monkeypatch.delenv("PAPER2MYST_SOURCE", raising=False)
    monkeypatch.setattr(loaded, "ROOT", tmp_path)
    monkeypatch.setattr(loaded, "REFS", tmp_path / "refs")
    return loaded


def listing(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nox", "-f", str(folder / "noxfile.py"), "-l"], capture_output=True, text=True
    )


@pytest.mark.parametrize("papers", [[], ["a.txt", "b.pdf"]], ids=["none", "two"])
def test_sessions_list_whatever_refs_holds(noxfile: Any, papers: list[str]) -> None:
    folder = noxfile.ROOT
    for name in papers:
        (folder / "refs" / name).write_text("x", encoding="utf-8")
    result = listing(folder)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for session in ("build", "tests", "convert", "lint", "bench", "clean"):
        assert re.search(rf"^[*-] {session}\b", result.stdout, re.M), result.stdout


def test_no_source_stops_with_what_to_do(noxfile: Any) -> None:
    with pytest.raises(Stopped, match=r"refs/ holds no source .*nox -s convert -- refs/NAME\.txt.*PAPER2MYST_SOURCE"):
        noxfile.find_source(FakeSession(), [])


def test_several_sources_are_never_picked_silently(noxfile: Any) -> None:
    refs = noxfile.REFS
    for name in ("a.txt", "b.txt", "c.pdf"):
        (refs / name).write_text("x", encoding="utf-8")
    with pytest.raises(Stopped, match=r"3 sources \(a\.txt, b\.txt, c\.pdf\)"):
        noxfile.find_source(FakeSession(), [])
    assert noxfile.find_source(FakeSession(), ["refs/b.txt", "--strict"]) == (Path("refs/b.txt"), ["--strict"])
    with pytest.raises(Stopped, match="one source at a time"):
        noxfile.find_source(FakeSession(), ["refs/a.txt", "refs/b.txt"])


def test_the_one_source_or_the_named_one(noxfile: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    refs = noxfile.REFS
    (refs / "paper.pdf").write_text("x", encoding="utf-8")
    assert noxfile.find_source(FakeSession(), ["--check"]) == (Path("refs/paper.pdf"), ["--check"])
    monkeypatch.setenv("PAPER2MYST_SOURCE", "refs/other.txt")
    assert noxfile.find_source(FakeSession(), []) == (Path("refs/other.txt"), [])


def section(text: str, title: str) -> str:
    match = re.search(rf"^## {title}\n(.*?)(?=^## )", text, re.M | re.S)
    assert match, title
    return match.group(1)


def test_readme_quick_start_needs_no_system_package() -> None:
    quick = section((ROOT / "README.md").read_text(encoding="utf-8"), "Quick start")
    commands = re.findall(r"```console\n(.*?)```", quick, re.S)[0]
    assert [line.split("#")[0].strip() for line in commands.strip().splitlines()] == [
        "python3 -m venv .venv && . .venv/bin/activate",  # Debian's pip refuses the system's Python
        "pip install nox",
        "nox -s build",
        "nox -s tests",
    ]
    assert "pip install -e ." in quick and "nox -s convert -- --help" in quick and "nox -s clean" in quick


def test_ci_runs_the_quick_start_lint_and_the_check() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    apt = " ".join(re.findall(r"apt-get install (.*)", script))
    # Only optional validators: nothing the build or the quick start's tests need.
    assert not re.search(r"pango|harfbuzz|cairo|jre|jdk|java", apt), apt
    for command in ("nox -s lint", "nox -s build", "nox -s tests", 'paper2myst "${sources[0]}" --check'):
        assert command in script, command
    assert "no tests ran" in script  # a run that collected nothing fails


NOISY = '''
import logging
from sphinx.util import logging as sphinx_logging


class Forward(logging.Handler):
    """As the PDF builder does: a dependency's warnings become Sphinx warnings, which -W makes errors."""

    def emit(self, record):
        sphinx_logging.getLogger("noisy").warning("dependency: %s", record.getMessage())


def warn(app):
    logging.getLogger("weasyprint").warning(app.config.noisy_message)


def setup(app):
    dependency = logging.getLogger("weasyprint")
    dependency.propagate = False
    dependency.addHandler(Forward())
    app.add_config_value("noisy_message", "", "")
    app.connect("builder-inited", warn)
    return {"parallel_read_safe": True}
'''


@pytest.mark.slow
@pytest.mark.parametrize(
    "message, fails",
    [("Using fontTools instead of HarfBuzz-Subset, please install it", False), ("Ignored `float: nowhere`", True)],
    ids=["advisory", "ours"],
)
def test_only_named_advisories_pass_under_w(tmp_path: Path, message: str, fails: bool) -> None:
    """A dependency's named advisory is information; any other warning it forwards still fails the build (-W)."""
    (tmp_path / "noisy.py").write_text(NOISY, encoding="utf-8")
    shutil.copy(ROOT / "docs" / "_ext" / "editions.py", tmp_path / "editions.py")
    (tmp_path / "conf.py").write_text(
        "import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n"
        f'extensions = ["editions", "noisy"]\nnoisy_message = {message!r}\n',
        encoding="utf-8",
    )
    (tmp_path / "index.rst").write_text("Title\n=====\n\nText.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(tmp_path), str(tmp_path / "_build")],
        capture_output=True,
        text=True,
    )
    assert (result.returncode != 0) == fails, result.stderr
    assert ("dependency: " + message in result.stderr) == fails, result.stderr
