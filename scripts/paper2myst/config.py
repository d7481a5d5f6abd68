"""One validated configuration for a conversion run."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Config:
    """Where to read and write, and how strict to be."""

    source: Path
    docs: Path = Path("docs")
    bib: Path = Path("refs/references.bib")
    strict: bool = False
    language: str = "en"
    works_cited: bool = False  # make a "Works cited" list from the notes when the paper prints none

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", self.language):
            raise ValueError(f"language must be a BCP 47 tag like 'en', got {self.language!r}")
        if self.bib.suffix != ".bib":
            raise ValueError(f"the bibliography file must end in .bib, got {self.bib}")
