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
    assert any("pango" in p for p in config["build"]["apt_packages"])
    assert set(config["formats"]) == {"pdf", "epub"}


def test_dependencies_come_from_pyproject(config: dict[str, Any]) -> None:
    assert any(c.split()[-1] == ".[docs]" and "pip install" in c for c in config["build"]["jobs"]["install"])
    assert "python" not in config or "requirements" not in str(config.get("python"))


def test_builds_match_local_builds(config: dict[str, Any]) -> None:
    jobs = config["build"]["jobs"]
    commands = [shlex.split(c) for c in jobs["pre_build"]]
    builders = []
    for argv in commands:
        assert argv[:3] == ["python", "-m", "sphinx"]
        assert argv[3 : 3 + len(SPHINX_FLAGS)] == SPHINX_FLAGS
        builder = argv[argv.index("-b") + 1]
        assert argv[-2:] == ["docs", f"docs/_build/{builder}"]
        builders.append(builder)
    assert builders == nox_builders()
    assert builders.index("html") == len(builders) - 1  # the web edition copies the others in


def test_format_jobs_publish_to_output(config: dict[str, Any]) -> None:
    build = config["build"]["jobs"]["build"]
    assert set(build) == {"html", "pdf", "epub"}
    for fmt, steps in build.items():
        assert any(f"$READTHEDOCS_OUTPUT/{fmt}" in step for step in steps), fmt
    assert any("*.pdf" in s for s in build["pdf"]) and any("*.epub" in s for s in build["epub"])
