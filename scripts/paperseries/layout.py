"""Where a series keeps its sources, its converted papers and its builds (one folder, documented in the README)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SOURCE_SUFFIXES = (".txt", ".pdf")
# The editor's series-wide metadata (series name, publisher, licence, base URL): the single paper's
# publication.toml, copied into each paper's folder, plus the site's own title.
PUBLICATION_FILE = "publication.toml"
PAPER_FILE = "paper.json"
# Written into each converted paper's folder by the series build (never by hand): the paper's Sphinx configuration.
PAPER_CONF = "conf.py"


@dataclass(frozen=True, slots=True)
class Layout:
    """The folders of one series: ``sources/`` (the editor's), ``papers/<name>/`` (converted), ``_build/`` (outputs)."""

    root: Path

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def papers(self) -> Path:
        return self.root / "papers"

    @property
    def build(self) -> Path:
        return self.root / "_build"

    @property
    def editions(self) -> Path:
        """Each paper's editions, ``<name>/{html,epub,pdf}``, as the single-paper build makes them."""
        return self.build / "papers"

    @property
    def listing_src(self) -> Path:
        """The generated Sphinx sources of the listing pages (landing, authors, keywords)."""
        return self.build / "listing-src"

    @property
    def listing_out(self) -> Path:
        return self.build / "listing"

    @property
    def site(self) -> Path:
        """The publishable site: the listing pages, ``papers/<name>/``, the feed, the sitemap, the search index."""
        return self.build / "site"

    @property
    def record(self) -> Path:
        """What each paper was converted from (source and converter digests): unchanged sources are not converted."""
        return self.build / "converted.json"


def source_files(layout: Layout) -> list[Path]:
    """The sources in ``sources/``, in name order."""
    if not layout.sources.is_dir():
        return []
    return sorted(p for p in layout.sources.iterdir() if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES)
