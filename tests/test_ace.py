"""The EPUB through Ace by DAISY (EPUB Accessibility 1.1, WCAG by axe-core): no violation of moderate impact or worse.

Ace comes from npm (``@daisy/ace``, installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1) and
drives Debian's Chromium (``PUPPETEER_EXECUTABLE_PATH``); the test is skipped, saying why, where either is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from typing import Any

import pytest
from conftest import DOCS, Builder

pytestmark = pytest.mark.slow

NAME = json.loads((DOCS / "paper.json").read_text(encoding="utf-8"))["name"]
FAILING = {"critical", "serious", "moderate"}


def chromium() -> str | None:
    return os.environ.get("PUPPETEER_EXECUTABLE_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def report(editions: Builder, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    ace = shutil.which("ace-puppeteer") or shutil.which("ace")
    browser = chromium()
    if ace is None:
        pytest.skip("Ace by DAISY is not installed (npm install -g @daisy/ace)")
    if browser is None:
        pytest.skip("no Chromium for Ace (apt-get install chromium)")
    book = editions("epub") / f"{NAME}.epub"
    out = tmp_path_factory.mktemp("ace")
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": browser}
    result = subprocess.run(
        [ace, "--silent", "--force", "--outdir", str(out), str(book)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    path = out / "report.json"
    assert path.is_file(), f"Ace wrote no report:\n{result.stdout}\n{result.stderr}"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def violations(report: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(impact, rule, file) of every assertion Ace failed."""
    found = []
    for subject in report.get("assertions", []):
        for check in subject.get("assertions", []):
            if check["earl:result"]["earl:outcome"] == "fail":
                test = check["earl:test"]
                found.append((test["earl:impact"], test["dct:title"], subject["earl:testSubject"]["url"]))
    return found


def test_ace_finds_no_moderate_serious_or_critical_violation(report: dict[str, Any]) -> None:
    bad = [v for v in violations(report) if v[0] in FAILING]
    assert bad == [], "\n".join(f"{impact}: {rule} in {url}" for impact, rule, url in bad)


def test_ace_reads_the_accessibility_metadata(report: dict[str, Any]) -> None:
    metadata = report["earl:testSubject"]["metadata"]
    assert metadata["schema:accessibilityHazard"] == "none"
    assert "textual" in metadata["schema:accessModeSufficient"]
    assert report["earl:result"]["earl:outcome"] == "pass"
