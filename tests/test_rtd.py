"""Read the Docs builds the three editions with the same sphinx-build commands as `nox -s build`."""

from __future__ import annotations

import re
import shlex
from typing import Any

import pytest
from conftest import ROOT, SPHINX_FLAGS

yaml = pytest.importorskip("yaml")


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    return data


def nox_builders() -> list[str]:
    """Read the `build` session's default builders, in order, from noxfile.py."""
    match = re.search(r"builders = session\.posargs or \[([^\]]*)\]", (ROOT / "noxfile.py").read_text("utf-8"))
    assert match, "noxfile.py: build session's default builders not found"
    return re.findall(r'"(\w+)"', match.group(1))


def test_version_and_environment(config: dict[str, Any]) -> None:
    assert config["version"] == 2
    assert config["build"]["os"].startswith("ubuntu-")
    assert config["build"]["tools"]["python"]
    assert config["sphinx"]["configuration"] == "docs/conf.py"
    # The build needs nothing but PyPI, as on a developer's machine (README's quick start).
    assert "apt_packages" not in config["build"]
    assert set(config["formats"]) == {"pdf", "epub"}


def test_dependencies_come_from_pyproject(config: dict[str, Any]) -> None:
    assert any(c.split()[-1] == ".[docs]" and "pip install" in c for c in config["build"]["jobs"]["install"])
    assert "python" not in config or "requirements" not in str(config.get("python"))


def test_builds_match_local_builds(config: dict[str, Any]) -> None:
    """One pre_build command: the same driver, flags and builders, in the same order, as `nox -s build`."""
    commands = [shlex.split(c) for c in config["build"]["jobs"]["pre_build"]]
    assert len(commands) == 1
    argv = commands[0]
    assert argv[:4] == ["python", "docs/_ext/editions.py", "docs", "docs/_build"]
    builders = argv[4:]
    assert builders == nox_builders()
    assert builders.index("html") == len(builders) - 1  # the web edition copies the others in
    noxfile = (ROOT / "noxfile.py").read_text("utf-8")
    assert '"_ext" / "editions.py"), str(DOCS), str(BUILD), *builders)' in noxfile


def test_driver_uses_the_test_flags() -> None:
    """The editions driver builds with the flags the tests build with (-n -W --keep-going)."""
    driver = (ROOT / "docs" / "_ext" / "editions.py").read_text("utf-8")
    flags = re.search(r"FLAGS = \[(.*?)\]", driver, re.DOTALL)
    assert flags is not None
    assert re.findall(r'"(-[^"]+)"', flags.group(1)) == SPHINX_FLAGS


def test_format_jobs_publish_to_output(config: dict[str, Any]) -> None:
    build = config["build"]["jobs"]["build"]
    assert set(build) == {"html", "pdf", "epub"}
    for fmt, steps in build.items():
        assert any(f"$READTHEDOCS_OUTPUT/{fmt}" in step for step in steps), fmt
    assert any("*.pdf" in s for s in build["pdf"]) and any("*.epub" in s for s in build["epub"])
