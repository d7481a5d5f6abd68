"""Sessions for converting, building, testing, linting and benchmarking (``nox -l`` lists them)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

nox.options.sessions = ["build", "tests"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = False

ROOT = Path(__file__).parent
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
REFS = ROOT / "refs"
# The paper's source of record: its text as extracted from the PDF, or the PDF itself.
SOURCE_SUFFIXES = (".txt", ".pdf")
# Names the source when refs/ holds several (or none): `PAPER2MYST_SOURCE=refs/x.txt nox -s convert`.
SOURCE_VARIABLE = "PAPER2MYST_SOURCE"

SPHINX_FLAGS = [
    "-n",  # nitpicky: every unresolved reference is a warning...
    "-W",  # ...and every warning an error,
    "--keep-going",  # but report all of them, not just the first.
    "-q",  # only warnings and errors on the console.
]


def is_source(arg: str) -> bool:
    return Path(arg).suffix.lower() in SOURCE_SUFFIXES and not arg.startswith("-")


def find_source(session: nox.Session, posargs: list[str]) -> tuple[Path, list[str]]:
    """The paper to work on and the other arguments: named on the command line, in the environment, or refs/'s one.

    Never a silent pick: with no source or several, the session stops and says how to name one.
    """
    named = [arg for arg in posargs if is_source(arg)]
    rest = [arg for arg in posargs if not is_source(arg)]
    if len(named) > 1:
        session.error(f"one source at a time, not {', '.join(named)}")
    if named:
        return Path(named[0]), rest
    if os.environ.get(SOURCE_VARIABLE):
        return Path(os.environ[SOURCE_VARIABLE]), rest
    found = sorted(p for p in REFS.glob("*") if p.suffix.lower() in SOURCE_SUFFIXES)
    if len(found) == 1:
        return found[0].relative_to(ROOT), rest
    what = "no source (.txt or .pdf)" if not found else f"{len(found)} sources ({', '.join(p.name for p in found)})"
    session.error(
        f"refs/ holds {what}. Put the paper there, or name it: `nox -s {session.name} -- refs/NAME.txt` "
        f"or `{SOURCE_VARIABLE}=refs/NAME.txt nox -s {session.name}`."
    )


@nox.session
def convert(session: nox.Session) -> None:
    """Regenerate docs/ and refs/ from the paper's PDF or text (`nox -s convert -- --help`: the options)."""
    if {"-h", "--help", "--version"} & set(session.posargs):
        session.install("-e", ".")
        session.run("paper2myst", *session.posargs)
        return
    source, rest = find_source(session, list(session.posargs))
    session.install("-e", ".")
    session.run("paper2myst", str(source), *rest)


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
    """Run the test suite (converter, bibliography, editions); tests needing an absent system tool skip."""
    session.install("-e", ".[docs,test]")
    session.run("pytest", *(session.posargs or ["tests"]))


@nox.session
def lint(session: nox.Session) -> None:
    """Lint and type-check (ruff, mypy --strict)."""
    session.install("-e", ".[docs,test,bench,lint]", "nox")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session
def bench(session: nox.Session) -> None:
    """Time the converter and the editions against pandoc + WeasyPrint and pandoc + Typst (Markdown table)."""
    source, rest = find_source(session, list(session.posargs))
    session.install("-e", ".[docs,bench]")
    session.run("python", str(ROOT / "scripts" / "bench.py"), str(source), str(DOCS), *rest)


@nox.session
def mutants(session: nox.Session) -> None:
    """Scale each named threshold by 0.7 and 1.3 and list the mutants no fast test kills (slow; not in CI)."""
    session.install("-e", ".[docs,test]")
    session.run("python", str(ROOT / "tests" / "mutants.py"), *session.posargs)


@nox.session(python=False)
def clean(session: nox.Session) -> None:
    """Delete the built editions and the doctree cache (docs/_build/); the next build starts from nothing."""
    if BUILD.exists():
        session.log(f"removing {BUILD.relative_to(ROOT)}")
        shutil.rmtree(BUILD)


# --- Reference tagger (issue 10) -------------------------------------------------------------------------------
# Kept in its own block so it merges apart from the other sessions.
# AnyStyle's core set, and policy-paper references (corporate authors, reports, web pages) tagged by hand.
REFERENCES_TAGGED = [
    ROOT / "tests" / "fixtures" / "references" / f"{name}.xml" for name in ("anystyle-core", "policy", "policy-more")
]


@nox.session(name="train-refs")
def train_refs(session: nox.Session) -> None:
    """Retrain the shipped reference tagger on the tagged sets; print per-field accuracy on 5 held-out folds."""
    session.install("-e", ".")
    tagged = [str(path) for path in REFERENCES_TAGGED]
    session.run("python", "-m", "paper2myst.bib.train", *tagged, "--folds", "5", *session.posargs)


# --- A series of papers as one site (issue 20) -------------------------------------------------------------------
# Kept in its own block so it merges apart from the other sessions. The layout: README, "A series of papers".
SERIES = ROOT / "series"


@nox.session
def series(session: nox.Session) -> None:
    """Convert the series' changed sources (series/sources/) and build its site into series/_build/site/."""
    session.install("-e", ".[docs]")
    # Options after `--` go to paperseries (`nox -s series -- --help`): another folder, --strict, --jobs N, --web-only.
    session.run("python", "-m", "paperseries", *(session.posargs or [str(SERIES)]))
