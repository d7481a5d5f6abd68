"""Stage ``read``: bytes → lines, refusing empty, binary and non-UTF-8 input."""

from __future__ import annotations

import re

from paper2myst.diagnostics import ConversionError, Diagnostic, Kind

# Control characters that never occur in extracted text (tab, LF, CR, FF are fine).
_BINARY = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def read_lines(data: bytes) -> list[str]:
    """Decode ``data`` and return its lines (without line ends)."""
    if found := _BINARY.search(data):
        offset, byte = found.start(), data[found.start()]
        raise ConversionError(
            [Diagnostic(Kind.BINARY, _line_of(data, offset), f"binary data (byte 0x{byte:02x}); expected text")]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ConversionError(
            [Diagnostic(Kind.ENCODING, _line_of(data, err.start), f"not UTF-8 (byte 0x{data[err.start]:02x})")]
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ConversionError([Diagnostic(Kind.EMPTY, 1, "the file has no text")])
    return text.split("\n")
