"""The web edition in headless Chromium: axe-core at desktop and phone widths, and printing the page from a browser.

axe-core and puppeteer-core come from npm (global install, found through ``npm root -g``), Chromium from Debian;
each test is skipped, saying why, where its tool is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import Builder

pytestmark = pytest.mark.slow

RUNNER = Path(__file__).parent / "browser" / "axe.cjs"
WIDTHS = ("1280", "390")  # a desktop window and a phone
FAILING = {"critical", "serious"}
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
]


def chromium() -> str | None:
    return os.environ.get("PUPPETEER_EXECUTABLE_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def node_env() -> dict[str, str]:
    """Node with the global npm modules on its path; skip when node, the modules or Chromium are missing."""
    node, npm, browser = shutil.which("node"), shutil.which("npm"), chromium()
    if node is None or npm is None:
        pytest.skip("no Node.js/npm for axe-core")
    if browser is None:
        pytest.skip("no Chromium for axe-core (apt-get install chromium)")
    root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True, check=False).stdout.strip()
    env = {**os.environ, "NODE_PATH": root, "PUPPETEER_EXECUTABLE_PATH": browser}
    probe = subprocess.run(
        [node, "-e", "require.resolve('axe-core'); require.resolve('puppeteer-core')"], env=env, capture_output=True
    )
    if probe.returncode:
        pytest.skip("axe-core or puppeteer-core missing (npm install -g axe-core puppeteer-core)")
    return env


@pytest.fixture(scope="module")
def site(editions: Builder) -> Path:
    """The web edition as published: built after the EPUB, so that it offers and carries it."""
    editions("epub")
    return editions("html")


def axe(page: Path) -> list[dict[str, Any]]:
    env = node_env()
    result = subprocess.run(
        ["node", str(RUNNER), page.as_uri(), *WIDTHS], capture_output=True, text=True, env=env, check=False, timeout=300
    )
    assert result.returncode == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


@pytest.mark.parametrize("name", ["index.html", "back-matter.html"])
def test_axe_finds_nothing_serious(site: Path, name: str) -> None:
    found = axe(site / name)
    bad = [v for v in found if v["impact"] in FAILING]
    assert bad == [], json.dumps(bad, indent=1)
    # Moderate and minor findings are reported, not failed: the acceptance bar is "nothing serious or critical".
    print(json.dumps(found, indent=1))


def test_printing_the_page_gives_the_paper_alone(site: Path, tmp_path: Path) -> None:
    """A browser's "Print" gives the text without the site's chrome (contents, buttons) nor "Cite this paper"."""
    browser = chromium()
    if browser is None:
        pytest.skip("no Chromium to print with (apt-get install chromium)")
    pypdf = pytest.importorskip("pypdf")
    out = tmp_path / "printed.pdf"
    subprocess.run(
        [browser, *CHROMIUM_FLAGS, "--no-pdf-header-footer", f"--print-to-pdf={out}", (site / "index.html").as_uri()],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert out.is_file()
    reader = pypdf.PdfReader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Skip to content" not in text and "On this page" not in text and "Copy" not in text
    assert "Notes" in text and "References" in text
    # The citation formats are for copying, not reading: two pages of BibTeX, RIS and CSL-JSON on paper.
    assert "Cite this paper" not in text and "@techreport" not in text and "TY  -" not in text
    assert "↩" not in text  # the web's back-links lead nowhere on paper
    # 15 pages with the chrome; the text and notes alone take fewer.
    assert len(reader.pages) < 15


def test_bibliography_previews_leave_out_the_back_links(site: Path) -> None:
    """A note's link to a reference previews the entry's text, without the entry's own "↩ N" back-links."""
    env = node_env()
    runner = RUNNER.with_name("preview.cjs")
    result = subprocess.run(
        ["node", str(runner), (site / "index.html").as_uri()], capture_output=True, text=True, env=env, timeout=300
    )
    assert result.returncode == 0, result.stderr
    previews = json.loads(result.stdout)
    assert previews, "no note links to the bibliography"
    for preview in previews:
        assert preview["text"].strip() and "↩" not in preview["text"], preview
