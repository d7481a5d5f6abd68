"""Sessions for converting, building, testing, linting and benchmarking (``nox -l`` lists them)."""

from __future__ import annotations

from pathlib import Path

import nox

nox.options.sessions = ["build", "tests"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = False

ROOT = Path(__file__).parent
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
# The paper's source of record is the one in refs/: its PDF, or the text extracted from it (one per repo).
SOURCE = sorted([*(ROOT / "refs").glob("*.pdf"), *(ROOT / "refs").glob("*.txt")])[0]

SPHINX_FLAGS = [
    "-n",  # nitpicky: every unresolved reference is a warning...
    "-W",  # ...and every warning an error,
    "--keep-going",  # but report all of them, not just the first.
    "-q",  # only warnings and errors on the console.
]


@nox.session
def convert(session: nox.Session) -> None:
    """Regenerate docs/ and refs/ from the paper's source (its PDF or its text)."""
    session.install("-e", ".")
    session.run("paper2myst", str(SOURCE.relative_to(ROOT)), *session.posargs)


@nox.session
def build(session: nox.Session) -> None:
    """Build the editions (EPUB, PDF, then HTML) into docs/_build/."""
    session.install("-e", ".[docs]")
    # The web edition links to the others and copies them into its output (docs/_ext/web.py), so it comes last.
    builders = session.posargs or ["epub", "pdf", "html"]
    # One process for all of them, sharing one doctree cache: parse once (see docs/_ext/editions.py).
    session.run("python", str(DOCS / "_ext" / "editions.py"), str(DOCS), str(BUILD), *builders)


@nox.session(name="docs-live")
def docs_live(session: nox.Session) -> None:
    """Live preview of the HTML edition while editing."""
    session.install("-e", ".[docs]", "sphinx-autobuild")
    # Output beside the other editions (docs/_build/live), so that its download links find them; the other
    # builders' output under docs/_build must not trigger rebuilds.
    session.run(
        "sphinx-autobuild",
        *SPHINX_FLAGS[:-1],
        "--ignore",
        str(BUILD),
        str(DOCS),
        str(BUILD / "live"),
        *session.posargs,
    )


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (converter, bibliography, editions)."""
    session.install("-e", ".[docs,test]")
    session.run("pytest", *(session.posargs or ["tests"]))


@nox.session
def lint(session: nox.Session) -> None:
    """Lint and type-check (ruff, mypy --strict)."""
    session.install("-e", ".[docs,lint]", "nox")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session
def bench(session: nox.Session) -> None:
    """Time the converter and the editions against a pandoc + WeasyPrint peer (Markdown table on stdout)."""
    session.install("-e", ".[docs,bench]")
    session.run("python", str(ROOT / "scripts" / "bench.py"), str(SOURCE), str(DOCS), *session.posargs)


# --- Reference tagger (issue 10) -------------------------------------------------------------------------------
# Kept in its own block so it merges apart from the other sessions.
REFERENCES_TAGGED = ROOT / "tests" / "fixtures" / "references" / "anystyle-core.xml"


@nox.session(name="train-refs")
def train_refs(session: nox.Session) -> None:
    """Retrain the shipped reference tagger on the tagged set; print per-field accuracy on 5 held-out folds."""
    session.install("-e", ".")
    session.run("python", "-m", "paper2myst.bib.train", str(REFERENCES_TAGGED), "--folds", "5", *session.posargs)
