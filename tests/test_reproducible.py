"""Reproducible editions: two clean builds (in different folders) give byte-identical HTML and EPUB."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from zipfile import ZipFile

import pytest
from conftest import DOCS, ROOT, SPHINX_FLAGS

pytestmark = pytest.mark.slow

NAME = json.loads((DOCS / "paper.json").read_text(encoding="utf-8"))["name"]
DATE = json.loads((DOCS / "paper.json").read_text(encoding="utf-8"))["date"]


def clean_build(work: Path, builders: tuple[str, ...], epoch: str | None) -> Path:
    shutil.copytree(DOCS, work / "docs", ignore=shutil.ignore_patterns("_build", "__pycache__"))
    shutil.copytree(ROOT / "refs", work / "refs")
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    for builder in builders:
        result = subprocess.run(
            [
                *(sys.executable, "-m", "sphinx", *SPHINX_FLAGS, "-b", builder),
                *("-d", str(work / "_build" / "doctrees"), str(work / "docs"), str(work / "_build" / builder)),
            ],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        assert result.returncode == 0 and not result.stderr.strip(), result.stdout + result.stderr
    return work / "_build"


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("epoch", [None, "1700000000"], ids=["from-paper-date", "explicit"])
def test_two_builds_are_byte_identical(tmp_path: Path, epoch: str | None) -> None:
    first = clean_build(tmp_path / "one", ("epub", "html"), epoch)
    second = clean_build(tmp_path / "two", ("epub", "html"), epoch)
    for edition in ("epub", "html"):
        a, b = files(first / edition), files(second / edition)
        assert a.keys() == b.keys()
        differing = [name for name in a if a[name] != b[name]]
        assert differing == [], f"{edition}: {differing}"
    with ZipFile(first / "epub" / f"{NAME}.epub") as z:
        stamps = {i.date_time for i in z.infolist()}
    expected = (
        datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.fromisoformat(DATE).replace(tzinfo=UTC)
    ).timetuple()[:6]
    assert stamps == {expected}
