"""The paper's cover as a PNG (EPUB cover, og:image): typographic, drawn with Pillow, no system packages or network."""

from __future__ import annotations

import io
from pathlib import Path

from babel.dates import format_date
from paperdata import Publication
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 1800
MARGIN = 100
BACKGROUND = "#1f3a4d"
ACCENT = "#e0b04a"
MUTED = "#cfdbe3"
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def font(size: int, bold: bool = False) -> Font:
    """The PDF's typeface (IBM Plex Serif, from PyPI) when installed, else Pillow's own scalable font."""
    try:
        from fontpkg_ibm_plex_serif import ROOT  # type: ignore[import-untyped]

        return ImageFont.truetype(str(Path(ROOT) / "files" / f"IBMPlexSerif-{'Bold' if bold else 'Regular'}.ttf"), size)
    except (ImportError, OSError):
        return ImageFont.load_default(size)


def wrap(text: str, face: Font, width: int) -> list[str]:
    """Break ``text`` at spaces into lines no wider than ``width`` pixels (a longer word stands alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and face.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def cover_png(paper: Publication) -> bytes:
    """Draw publisher and series, title, authors and date; the same paper gives the same bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    text_width = WIDTH - 2 * MARGIN
    y = 130
    small = font(40)
    for line in [*wrap(paper.publisher, small, text_width)[:2], *wrap(paper.series, small, text_width)[:1]]:
        draw.text((MARGIN, y), line, font=small, fill=MUTED)
        y += 56
    draw.rectangle((MARGIN, 330, MARGIN + 160, 340), fill=ACCENT)
    # The largest title size that fits in nine lines.
    for size in (88, 76, 66, 58, 50, 44):
        title_font = font(size, bold=True)
        title = wrap(paper.title, title_font, text_width)
        if len(title) <= 9:
            break
    y = 420
    for line in title:
        draw.text((MARGIN, y), line, font=title_font, fill="#ffffff")
        y += int(size * 1.25)
    y += 70
    author_font = font(54)
    for author in paper.authors:
        for line in wrap(author, author_font, text_width):
            draw.text((MARGIN, y), line, font=author_font, fill="#ffffff")
            y += 70
    if when := cover_date(paper):
        for k, line in enumerate(wrap(when, small, text_width)[:2]):
            draw.text((MARGIN, HEIGHT - 160 + 50 * k), line, font=small, fill=MUTED)
    out = io.BytesIO()
    # zlib's default level: 4% larger than optimize=True, three times faster (the cover is drawn every EPUB build).
    image.save(out, format="PNG")
    return out.getvalue()


def cover_date(paper: Publication) -> str:
    """The date as the paper prints it ("Updated 1 May 2020"), as the title pages give it; else month and year."""
    if text := " ".join(paper.date_text.split()):
        return text
    return format_date(paper.date, "MMMM y", locale=paper.language or "en") if paper.date else ""


def write_cover(paper: Publication, path: Path) -> None:
    """Write the cover unless the same bytes are already there (keeps incremental builds quiet)."""
    data = cover_png(paper)
    if not path.is_file() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
