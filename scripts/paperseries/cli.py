"""The command: ``paperseries [SERIES] [--strict] [--jobs N] [--web-only NAME]...`` (convert, build, assemble)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NoReturn

from paperseries import build, listing
from paperseries.convert import SITE_URL, convert
from paperseries.files import remove
from paperseries.layout import PUBLICATION_FILE, Layout, source_files


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="paperseries",
        description="Convert a series' changed sources (SERIES/sources/) and build its site (SERIES/_build/site/).",
        epilog="Exit status: 0 built (papers that failed are named and left out), 1 a failure under --strict or "
        "the listing pages failed, 2 bad arguments.",
    )
    p.add_argument("series", nargs="?", default="series", help="the series' folder (default: series)")
    p.add_argument("--strict", action="store_true", help="any paper that fails fails the whole build")
    p.add_argument("--jobs", type=int, default=2, help="papers converted and built at once (default: 2)")
    p.add_argument(
        "--web-only",
        action="append",
        default=[],
        metavar="NAME",
        help="build only this paper's web edition (repeatable)",
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    layout = Layout(Path(args.series).resolve())
    if not layout.sources.is_dir():
        print(f"paperseries: no {layout.sources}: put the papers' PDFs (or their text) there", file=sys.stderr)
        return 2
    series = listing.read_series(layout.root)
    converted = convert(layout, series, args.jobs)
    ready = [o.name for o in converted if o.ok]
    builders = {name: ["html"] for name in args.web_only}
    entries = {name: listing.read_entry(layout.papers / name, series) for name in ready}
    # The listing pages need only the papers' metadata: they are built beside the papers, on the same workers,
    # without the papers whose build failed and would fail again (nothing they read changed).
    failing = {
        n
        for n in ready
        if build.standing_failure(layout.papers / n, layout.editions / n, builders.get(n, build.BUILDERS))
    }
    hopeful = [entries[n] for n in ready if n not in failing]
    settings = build.settings_of(series, hopeful)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        listing_job = pool.submit(build.build_listing, layout, hopeful, settings)
        jobs = [pool.submit(build.build_paper, layout, n, builders.get(n, build.BUILDERS)) for n in ready]
        built = [job.result() for job in jobs]
        listed = listing_job.result()
    listed_entries = [entries[o.name] for o in built if o.ok]
    if len(listed_entries) < len(hopeful):  # a paper failed: the listing pages again, without it
        settings = build.settings_of(series, listed_entries)
        listed = build.build_listing(layout, listed_entries, settings)
    # A paper whose source is gone has no builds left either.
    names = {p.stem for p in source_files(layout)}
    if layout.editions.is_dir():
        for folder in sorted(layout.editions.iterdir()):
            if folder.name not in names:
                remove(folder)
    failures = [o for o in [*converted, *built, listed] if not o.ok]
    build.write_report(layout, [*converted, *built, listed])
    if listed.ok:
        undated = build.assemble(layout, listed_entries, settings)
        for name in undated:
            print(f"paperseries: {name}: left out of the feed (the paper gives no date)", file=sys.stderr)
    if not settings[SITE_URL]:
        print(
            f"paperseries: no {SITE_URL} in {layout.root / PUBLICATION_FILE}: no Atom feed, no sitemap", file=sys.stderr
        )
    for finding in (o for o in converted if o.ok and o.message):
        print(f"paperseries: {finding.name}: {finding.message}", file=sys.stderr)
    for failure in failures:
        print(f"paperseries: {failure.name}: {failure.message}", file=sys.stderr)
    print(
        f"paperseries: {len(listed_entries)} of {len(converted)} papers in {layout.site}"
        + (f"; {len(failures)} failed: {', '.join(f.name for f in failures)}" if failures else ""),
        file=sys.stderr,
    )
    return 1 if (failures and args.strict) or not listed.ok else 0


def console() -> NoReturn:
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
