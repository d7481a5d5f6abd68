"""Build the editions in one process, skip a build that has nothing to do, and keep every rebuild equal to a clean one.

As a program, ``python docs/_ext/editions.py SRCDIR OUTDIR BUILDER...`` runs ``sphinx-build`` for each
builder in turn, all with the same flags and one shared doctree cache: the first builder reads the
sources, the others reuse its pickled environment (separate processes would pay Python's and Sphinx's
start-up once per edition). When nothing it read has changed since its last successful run (the
sources, the files the build depended on, the Python packages, the environment variables the editions
read) and the outputs are as it left them, it does not start Sphinx at all.

As the Sphinx extension ``editions`` (listed in conf.py, so plain ``sphinx-build`` gets it too), it makes
Sphinx's own incremental builds honest:

- a change that Sphinx does not track — of the paper's metadata (``paper.json``), the set of source files,
  conf.py, the extensions and the code they import, the styles, or an environment variable the editions
  read — empties the builder's output folder first, so that nothing of a previous paper (its PDF and EPUB,
  a page it had) stays or is published, and re-reads every source;
- Sphinx's backup of an outdated ``.buildinfo`` never enters the EPUB or the output, and the EPUB's cover
  page is listed where a clean build lists it, so a rebuild zips the same bytes;
- named advisory messages of dependencies (not about the paper) are shown as information, not as
  warnings that ``-W`` would turn into a failed build.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import site
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Sphinx is imported only when there is something to build: the up-to-date check is quick.
    from sphinx.application import Sphinx
    from sphinx.config import Config

FLAGS = [
    "-n",  # nitpicky: every unresolved reference is a warning...
    "-W",  # ...and every warning an error,
    "--keep-going",  # but report all of them, not just the first.
    "-q",  # only warnings and errors on the console.
]
# Environment variables the editions read (docs/_ext: build dates, the canonical URL): a change rebuilds.
INPUT_VARIABLES = ("SOURCE_DATE_EPOCH", "READTHEDOCS_CANONICAL_URL")
# The driver's record of its last successful run, beside the outputs (not inside one: never published).
RECORD = ".editions.json"
# Written by the extension into the doctree cache: files outside the sources that the build depended on.
DEPENDENCIES = "editions-dependencies.json"
# Set (to anything) to print, on stderr, when each phase of each build starts: scripts/bench.py reads them.
PROFILE = "EDITIONS_PROFILE"
# Left by Sphinx when the configuration changed; not an output. The EPUB cover page is made by the builder.
NOT_CONTENT = (".buildinfo.bak", "epub-cover.xhtml")


@dataclass(frozen=True, slots=True)
class Advisory:
    """A dependency's message that says nothing about the paper: shown as information, never failing the build."""

    logger: str  # the dependency's logger, by its exact name
    message: re.Pattern[str]
    why: str


ADVISORIES = (
    Advisory(
        "weasyprint",
        re.compile(r"^Using fontTools instead of HarfBuzz"),
        "without the system's libharfbuzz-subset, WeasyPrint subsets the same fonts with fontTools",
    ),
)


# --- the extension ----------------------------------------------------------------------------------------


class AdvisoryFilter(logging.Filter):
    """Turn a dependency's advisory warning into an information line (shown with -v), so -W does not fail on it."""

    def __init__(self, advisories: Sequence[Advisory]) -> None:
        super().__init__()
        self.advisories = advisories

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        for advisory in self.advisories:
            if advisory.message.search(record.getMessage()):
                from sphinx.util import logging as sphinx_logging

                sphinx_logging.getLogger(__name__).info(
                    "advisory from %s, not an error (%s): %s", record.name, advisory.why, record.getMessage()
                )
                return False
        return True


def install_advisory_filters(advisories: Sequence[Advisory] = ADVISORIES) -> None:
    by_logger: dict[str, list[Advisory]] = {}
    for advisory in advisories:
        by_logger.setdefault(advisory.logger, []).append(advisory)
    for name, group in by_logger.items():
        target = logging.getLogger(name)
        if not any(isinstance(f, AdvisoryFilter) for f in target.filters):
            target.addFilter(AdvisoryFilter(group))


def walk(top: Path, skip: Sequence[Path] = (), hidden: bool = False) -> Iterator[Path]:
    """The files under ``top``, in a fixed order, outside the skipped folders, caches and (unless asked) hidden ones."""
    skipped = {p.resolve() for p in skip}
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(
            d
            for d in dirs
            if (Path(folder) / d).resolve() not in skipped and d != "__pycache__" and (hidden or d[0] != ".")
        )
        yield from (Path(folder, f) for f in sorted(files) if hidden or f[0] != ".")


def outside_python() -> list[Path]:
    """The loaded modules that are not part of the Python installation: the extensions and the code they import."""
    installed = [sys.prefix, sys.base_prefix, sys.exec_prefix, *site.getsitepackages(), site.getusersitepackages()]
    prefixes = tuple({os.path.join(q, "") for p in installed for q in (os.path.abspath(p), os.path.realpath(p))})
    found = set()
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        # Most modules are plainly installed; resolving links (slow) only for the others.
        if path and not path.startswith(prefixes) and not (real := os.path.realpath(path)).startswith(prefixes):
            found.add(Path(real))
    return sorted(found)


def inputs_signature(app: Sphinx) -> str:
    """What the outputs depend on besides the sources Sphinx tracks, which a change of does not make Sphinx rebuild.

    The set of source documents (a removed one leaves its pages behind), every other file beside them (paper.json,
    which the extensions read while writing; conf.py; the extensions; styles), the code the extensions import from
    outside the Python installation (the converter's modules), and the environment variables the editions read.
    """
    digest = hashlib.sha256()
    srcdir = Path(app.srcdir)
    suffixes = tuple(app.config.source_suffix)
    skip = [Path(app.outdir), Path(app.doctreedir), *(srcdir / p for p in app.config.exclude_patterns)]
    for path in walk(srcdir, skip):
        name = path.relative_to(srcdir).as_posix()
        digest.update(f"\0{name}\0".encode())
        if not name.endswith(suffixes):  # Sphinx tracks the sources' content itself
            digest.update(path.read_bytes())
    for path in outside_python():
        if not path.is_relative_to(srcdir):
            digest.update(f"\0{path}\0".encode() + path.read_bytes())
    for name in INPUT_VARIABLES:
        digest.update(f"\0{name}={os.environ.get(name)}".encode())
    return digest.hexdigest()


def record_inputs(app: Sphinx, config: Config) -> None:
    """Make the inputs part of the configuration: Sphinx re-reads every source when they changed (rebuild "env")."""
    config.editions_inputs = inputs_signature(app)
    config.epub_exclude_files = [*config.epub_exclude_files, *NOT_CONTENT]


def stamp_path(app: Sphinx) -> Path:
    return Path(app.doctreedir) / f"editions-{Path(app.outdir).name}.stamp"


def fresh_output(app: Sphinx) -> None:
    """Empty the output folder when the inputs changed since it was built: nothing of a previous paper survives."""
    stamp = stamp_path(app)
    signature = f"{app.builder.name}:{app.config.editions_inputs}"
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == signature:
        return
    out = Path(app.outdir).resolve()
    if Path(app.srcdir).resolve().is_relative_to(out):
        return  # the sources are in the output folder: never empty it
    keep = Path(app.doctreedir).resolve()  # Sphinx's default cache is inside the output folder (.doctrees)
    if out.is_dir():
        for child in out.iterdir():
            if child.resolve() == keep:
                continue
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    stamp.unlink(missing_ok=True)


def failed(app: Sphinx, exception: Exception | None) -> bool:
    """Whether this build failed, counting the warnings that -W makes errors (Sphinx decides only after this event)."""
    errors = getattr(app, "_fail_on_warnings", False) or getattr(app, "warningiserror", False)
    return exception is not None or bool(app.statuscode) or bool(errors and getattr(app, "_warncount", 0))


def finish(app: Sphinx, exception: Exception | None) -> None:
    """Drop what is not an output; after a successful build, note its inputs for the next one.

    After a failed one, forget the parsed sources: Sphinx would not read a document again, nor repeat its
    warnings, until it changes, and the next build would pass with the problem still there.
    """
    (Path(app.outdir) / ".buildinfo.bak").unlink(missing_ok=True)
    stamp = stamp_path(app)
    if failed(app, exception):
        stamp.unlink(missing_ok=True)
        (Path(app.doctreedir) / "environment.pickle").unlink(missing_ok=True)
        return
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(f"{app.builder.name}:{app.config.editions_inputs}", encoding="utf-8")
    # For the driver's up-to-date check: files outside the sources the documents depend on (the .bib), and
    # the code loaded from outside the installed packages (the converter's modules the extensions import).
    files = {str(Path(app.srcdir, dep).resolve()) for deps in app.env.dependencies.values() for dep in deps}
    files |= {str(path) for path in outside_python()}
    (Path(app.doctreedir) / DEPENDENCIES).write_text(json.dumps(sorted(files), indent=0), encoding="utf-8")


def mark(phase: str) -> None:
    """Note the time a phase starts (``EDITIONS_PROFILE``): a clock shared by the driver and the extension."""
    if os.environ.get(PROFILE):
        print(f"editions-profile {phase} {time.perf_counter():.6f}", file=sys.stderr, flush=True)


def profile(app: Sphinx) -> None:
    """Mark the phases of this build: set-up done, reading, writing, finished."""
    name = app.builder.name
    mark(f"{name}:ready")
    app.connect("env-before-read-docs", lambda *_: mark(f"{name}:read"))
    app.connect("env-updated", lambda *_: mark(f"{name}:write"))
    app.connect("build-finished", lambda *_: mark(f"{name}:finished"), priority=900)


def setup(app: Sphinx) -> dict[str, Any]:
    if os.environ.get(PROFILE):
        app.connect("builder-inited", profile)
    app.add_config_value("editions_inputs", "", "env", str)
    # After Sphinx has merged the extensions' source suffixes into the configuration (priority 800): which files
    # are sources must not depend on the order of events.
    app.connect("config-inited", record_inputs, priority=900)
    app.connect("builder-inited", fresh_output)
    app.connect("build-finished", finish)
    install_advisory_filters()
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}


# --- the driver -------------------------------------------------------------------------------------------


def stats(paths: Iterator[Path]) -> list[tuple[str, int, int]]:
    out = []
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            out.append((str(path), -1, -1))
        else:
            out.append((str(path), st.st_size, st.st_mtime_ns))
    return out


def packages() -> list[str]:
    """The installed distributions, by their metadata folders' names (which carry the versions)."""
    names = [sys.version]
    for entry in sys.path:
        if os.path.isdir(entry) and os.path.basename(entry) in {"site-packages", "dist-packages"}:
            names += sorted(n for n in os.listdir(entry) if n.endswith((".dist-info", ".egg-info", ".pth")))
    return names


def state(srcdir: Path, outdir: Path, builders: Sequence[str], variables: dict[str, str | None]) -> dict[str, Any]:
    """Everything a build reads (by size and time of change) and everything it wrote, as the driver sees it."""
    doctrees = outdir / "doctrees"
    try:
        extra = [Path(p) for p in json.loads((doctrees / DEPENDENCIES).read_text(encoding="utf-8"))]
    except (OSError, ValueError):
        extra = []
    return {
        "command": [*FLAGS, *builders, str(srcdir.resolve()), str(outdir.resolve())],
        "variables": variables,
        "packages": hashlib.sha256("\n".join(packages()).encode()).hexdigest(),
        "sources": stats(walk(srcdir, [outdir, doctrees], hidden=True)),
        "dependencies": stats(iter(extra)),
        "outputs": {b: stats(walk(outdir / b, hidden=True)) for b in builders}
        | {"doctrees": stats(walk(doctrees, hidden=True))},
    }


def up_to_date(srcdir: Path, outdir: Path, builders: Sequence[str], variables: dict[str, str | None]) -> bool:
    try:
        recorded = json.loads((outdir / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(json.loads(json.dumps(state(srcdir, outdir, builders, variables))) == recorded)


def advice(builder: str, srcdir: Path, outdir: Path) -> str:
    return (
        f"editions: the {builder} edition failed; nothing later was built.\n"
        f"  The messages above say where (file:line); warnings are errors (-W). If it is in {srcdir}/*.md\n"
        f"  or {srcdir}/paper.json (generated), correct the paper's source in refs/ or the converter, then\n"
        f"  `nox -s convert`;\n"
        f"  if it is in {srcdir}/conf.py, {srcdir}/_ext/ or {srcdir}/_static/, correct that file.\n"
        f"  Then `nox -s build` again (`nox -s clean` first starts from nothing: it deletes {outdir})."
    )


def build(srcdir: Path, outdir: Path, builders: Sequence[str]) -> int:
    """Build each edition into ``outdir/<builder>``; stop at the first that fails. Skip it all if nothing changed."""
    # As the caller set them: the extensions may fill in a default (web.py: SOURCE_DATE_EPOCH from the paper's date).
    variables = {name: os.environ.get(name) for name in INPUT_VARIABLES}
    if up_to_date(srcdir, outdir, builders, variables):
        return 0
    (outdir / RECORD).unlink(missing_ok=True)
    from sphinx.cmd.build import build_main

    for builder in builders:
        mark(f"{builder}:start")
        status = build_main([*FLAGS, "-b", builder, "-d", str(outdir / "doctrees"), str(srcdir), str(outdir / builder)])
        if status:
            print(advice(builder, srcdir, outdir), file=sys.stderr)
            return status
    (outdir / RECORD).write_text(json.dumps(state(srcdir, outdir, builders, variables)), encoding="utf-8")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    mark("main")
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 3:
        print("usage: editions.py SRCDIR OUTDIR BUILDER...", file=sys.stderr)
        return 2
    return build(Path(args[0]), Path(args[1]), args[2:])


if __name__ == "__main__":
    status = main()
    # Everything is written and closed; skip the interpreter's slow teardown of Sphinx's many objects.
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    # Helper processes an extension started (sphinx-sitemap's multiprocessing Manager, one per build) would
    # outlive os._exit as orphans holding our stdout open: whoever reads it (nox, a pipe, CI) would wait forever.
    import multiprocessing

    for child in multiprocessing.active_children():
        child.terminate()
        child.join()
    mark("exit")
    os._exit(status)
