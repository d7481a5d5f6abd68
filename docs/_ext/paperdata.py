"""Sphinx extension: the one reader of the paper's metadata (paper.json, publication.toml) and of SOURCE_DATE_EPOCH."""

from __future__ import annotations

import json
import os
import subprocess
import time
import tomllib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

PAPER_FILE = "paper.json"  # written by paper2myst for each paper
PUBLICATION_FILE = "publication.toml"  # optional, filled once per series by the editor
# The keys publication.toml may set; paper.json wins for any key it holds (the source printed it). "copyright" is
# the rights statement as printed or given ("© 2023 Example Institute", "Not subject to copyright in the United
# States"): the editions print it as it is, and never make one up from a year and a name.
PUBLICATION_KEYS = ("series", "number", "publisher", "license", "license_url", "doi", "issn", "url", "copyright")


@dataclass(frozen=True, slots=True)
class Publication:
    """What the editions say about the paper: its metadata, then the series' where the paper does not say."""

    name: str
    title: str
    authors: tuple[str, ...] = ()
    # Each author's role as the paper prints it beside the name, for the authors it gives one: (name, role).
    author_roles: tuple[tuple[str, str], ...] = ()
    affiliations: tuple[str, ...] = ()  # the authors' affiliations, each one whole as printed (its raised mark first)
    history: tuple[str, ...] = ()  # a journal's history, each line as printed ("Received: 3 May 2026")
    date: date | None = None
    date_text: str = ""
    abstract: str = ""
    keywords: tuple[str, ...] = ()
    language: str = "en"
    publisher: str = ""
    series: str = ""
    number: str = ""
    license: str = ""  # as the reader sees it: "CC BY 4.0"
    license_url: str = ""  # the licence's deed, for machines (JSON-LD, the link in the header)
    doi: str = ""  # bare, "10.1234/abcd"
    issn: str = ""
    url: str = ""  # the base URL the web edition is served from ("{name}" in publication.toml: the paper's name)
    copyright: str = ""  # the rights statement exactly as the paper or the editor gave it; "" when nobody did
    bibfile: str = ""

    def role(self, name: str) -> str:
        """The role the paper prints beside an author's name ("Specialist in Water Policy"), or ""."""
        return dict(self.author_roles).get(name, "")

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def year(self) -> str:
        return str(self.date.year) if self.date else ""

    @property
    def rights(self) -> str:
        """The rights as given: the copyright statement, then the licence ("© 2023 Publisher. CC BY 4.0").

        Nothing is inferred: a year and a publisher (or an author) do not make a copyright holder; a work in the
        public domain says so in its licence, with no © before it.
        """
        return ". ".join(p.rstrip(".") for p in (self.copyright, self.license) if p)


def parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def load(confdir: str | os.PathLike[str]) -> Publication:
    """Read paper.json (required) and publication.toml (optional) beside conf.py."""
    folder = Path(confdir)
    paper: dict[str, Any] = json.loads((folder / PAPER_FILE).read_text(encoding="utf-8"))
    series: dict[str, Any] = {}
    if (folder / PUBLICATION_FILE).is_file():
        series = tomllib.loads((folder / PUBLICATION_FILE).read_text(encoding="utf-8"))
    values = {key: str(paper.get(key) or series.get(key) or "") for key in PUBLICATION_KEYS}
    # One base URL for the series: "https://example.org/papers/{name}/" gives each paper its own.
    values["url"] = values["url"].replace("{name}", paper["name"])
    return Publication(
        name=paper["name"],
        title=paper["title"],
        authors=tuple(paper.get("authors") or ()),
        author_roles=tuple((str(k), str(v)) for k, v in dict(paper.get("author_roles") or {}).items()),
        affiliations=tuple(str(line) for line in paper.get("affiliations") or ()),
        history=tuple(str(line) for line in paper.get("history") or ()),
        date=parse_date(paper.get("date") or ""),
        date_text=paper.get("date_text") or "",
        abstract=" ".join((paper.get("abstract") or "").split()),
        keywords=tuple(paper.get("keywords") or ()),
        language=paper.get("language") or "en",
        bibfile=paper.get("bibfile") or "",
        **values,
    )


def paper_of(app: Sphinx) -> Publication:
    return load(app.confdir)


def base_url(app: Sphinx) -> str:
    """The web edition's base URL, ending in "/", or "" when unknown (a local build)."""
    base = str(app.config.html_baseurl or "")
    return base if base.endswith("/") or not base else base + "/"


# --- SOURCE_DATE_EPOCH: one fixed build time for every edition -------------------------------------------------


def source_date_epoch(confdir: str | os.PathLike[str]) -> str | None:
    """Pick a fixed build time: the paper's own date, else the last commit's time (None outside git)."""
    day = load(confdir).date
    if day is not None:
        return str(int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()))
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=confdir, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return out or None


def build_epoch() -> int | None:
    """The build time every edition records: SOURCE_DATE_EPOCH when set, so that builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return int(epoch) if epoch else None


def build_time() -> time.struct_time:
    """The build time as a struct: SOURCE_DATE_EPOCH when set, else now."""
    return time.gmtime(build_epoch())


def configure(app: Sphinx, config: Config) -> None:
    if not config.html_baseurl:
        # Read the Docs tells each build where it will be served; else the series' base URL, if the editor gave one.
        config.html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "") or paper_of(app).url
    if config.html_baseurl and not config.html_baseurl.endswith("/"):
        # A folder: Sphinx (rel=canonical) and sphinx-sitemap append page names to it as it is.
        config.html_baseurl += "/"


def setup(app: Sphinx) -> dict[str, Any]:
    if "SOURCE_DATE_EPOCH" not in os.environ and (epoch := source_date_epoch(app.confdir)):
        # Sphinx and the extensions date every output from it, so two builds of one paper are byte-identical.
        os.environ["SOURCE_DATE_EPOCH"] = epoch
    app.connect("config-inited", configure, priority=400)
    return {"version": "0.2", "parallel_read_safe": True, "parallel_write_safe": True}
