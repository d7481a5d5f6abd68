"""Figures and tables: the region under a caption, rendered as a PNG (charts drawn as vectors included)."""

from __future__ import annotations

import struct
import zlib

import pypdfium2 as pdfium

from paper2myst.readers import Figure

# Rendering scale: 2 × 72 dpi = 144 dpi, sharp on screens, small files.
SCALE = 2


def png(width: int, height: int, stride: int, channels: int, pixels: bytes) -> bytes:
    """Encode BGR(A) rows as an RGB PNG (no Pillow needed)."""
    rows = bytearray()
    for y in range(height):
        row = pixels[y * stride : y * stride + width * channels]
        rgb = bytearray(width * 3)
        rgb[0::3], rgb[1::3], rgb[2::3] = row[2::channels], row[1::channels], row[0::channels]
        rows += b"\x00" + rgb

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 6))
        + chunk(b"IEND", b"")
    )


def render_figures(data: bytes, figures: list[Figure]) -> None:
    """Render each figure's region of its page into ``figure.png``."""
    if not figures:
        return
    document = pdfium.PdfDocument(data)
    try:
        for figure in figures:
            page = document[figure.page - 1]
            width, height = page.get_size()
            x0, bottom, x1, top = figure.box
            crop = (max(0.0, x0), max(0.0, bottom), max(0.0, width - x1), max(0.0, height - top))
            bitmap = page.render(scale=SCALE, crop=crop)
            figure.png = png(bitmap.width, bitmap.height, bitmap.stride, bitmap.n_channels, bytes(bitmap.buffer))
            bitmap.close()
            page.close()
    finally:
        document.close()


def render_region(data: bytes, page_number: int, box: tuple[float, float, float, float], scale: float = 1.5) -> bytes:
    """A PNG of a region of a page (x0, bottom, x1, top in PDF units), clipped to the page: the review report's."""
    document = pdfium.PdfDocument(data)
    try:
        page = document[page_number - 1]
        width, height = page.get_size()
        x0, bottom, x1, top = box
        crop = (max(0.0, x0), max(0.0, bottom), max(0.0, width - x1), max(0.0, height - top))
        bitmap = page.render(scale=scale, crop=crop)
        out = png(bitmap.width, bitmap.height, bitmap.stride, bitmap.n_channels, bytes(bitmap.buffer))
        bitmap.close()
        page.close()
        return out
    finally:
        document.close()
