"""The PDF's fonts: every character of the paper has a glyph in them (Typst sets no fallback: a gap would be a box)."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import DOCS, SOURCE, Builder
from fontTools.ttLib import TTFont
from pypdf import PdfReader

sys.path.insert(0, str(DOCS / "_ext"))
import pdfbuilder

PAPER = json.loads((DOCS / "paper.json").read_text(encoding="utf-8"))
PACKAGES = ["fontpkg_ibm_plex_serif"]  # pdfbuilder's default pdf_font_packages
# Characters the template itself sets: note calls and markers, the hyphen at line ends, page numbers, the title
# page's separators.
GENERATED = "*-0123456789·"


def font_files() -> list[Path]:
    files: list[Path] = pdfbuilder.font_files(PACKAGES)
    return files


def paper_characters() -> set[str]:
    texts = [SOURCE.read_text(encoding="utf-8"), GENERATED]
    texts += [path.read_text(encoding="utf-8") for path in DOCS.glob("*.md")]
    return {c for text in texts for c in text if not c.isspace() and unicodedata.category(c)[0] != "C"}


@pytest.mark.parametrize("style", ["Regular", "Italic", "SemiBold", "SemiBoldItalic"])
def test_every_character_has_a_glyph(style: str) -> None:
    files = [f for f in font_files() if f.stem.endswith(f"-{style}")]
    assert len(files) == 1, [f.name for f in font_files()]
    cmap = TTFont(files[0]).getBestCmap()
    missing = sorted(c for c in paper_characters() if ord(c) not in cmap)
    assert not missing, [f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in missing]


def test_fonts_are_packaged() -> None:
    # From a Python package pinned by the project, never from the machine: the same everywhere.
    files = font_files()
    assert files and all(f.is_file() and ("site-packages" in f.parts or "dist-packages" in f.parts) for f in files)


@pytest.mark.slow
def test_pdf_uses_only_the_chosen_fonts(editions: Builder) -> None:
    pdf = editions("pdf") / f"{PAPER['name']}.pdf"
    families = {TTFont(f)["name"].getDebugName(1).replace(" ", "") for f in font_files()}
    used = set()
    for page in PdfReader(pdf).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            used.add(str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1])
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), f"font not embedded: {font}"
    assert used
    fallback = [name for name in used if not any(name.startswith(family) for family in families)]
    assert not fallback, f"fallback font in the PDF: {fallback}"


def test_typst_s_own_face_sets_only_what_the_packaged_faces_lack_and_the_check_knows_what_it_has() -> None:
    """print.typ's last families are pdfbuilder.FALLBACK_FAMILIES; the glyph check asks Typst which they have."""
    template = (DOCS / "_ext" / "print.typ").read_text(encoding="utf-8")
    serif = re.search(r"#let serif = \(([^)]*)\)", template)
    fallback = [f'"{family}"' for family in pdfbuilder.FALLBACK_FAMILIES]
    assert serif is not None and serif.group(1).split(", ")[-len(fallback) :] == fallback
    # "∗", "𝜏", "∈" (an ACM paper's) are Typst's; an emoji is not: it stays an error, never a box.
    chars = ["\u2217", "\U0001d70f", "\u2208", "\U0001f600", '"', "#"]
    assert pdfbuilder.typst_has(chars) == {"\u2217", "\U0001d70f", "\u2208", '"', "#"}
    # Only signs and the mathematical alphabets go to them: a script (Devanagari) is no maths face's to set.
    assert [pdfbuilder.is_sign(c) for c in ("\u2217", "\U0001d70f", "\u2208", "\u0928", "a")] == [1, 1, 1, 0, 0]
