"""Read a PDF's pages with PDFium: text runs with geometry and font, link annotations, image boxes."""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from paper2myst.diagnostics import ConversionError, Diagnostic, Kind

# A style in the font's name: spelt out, or as a short suffix after the family ("Serif-It", "Xyz123.BI").
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|[.,-](?:B|BI|BoldIt)(?:\+\w+)?$", re.IGNORECASE)
_ITALIC = re.compile(r"italic|oblique|[.,-](?:I|BI|It|Ital|Obl)(?:\+\w+)?$", re.IGNORECASE)
_SUBSET = re.compile(r"^[A-Z]{6}\+")


@dataclass(frozen=True, slots=True)
class Font:
    """A font as the page uses it: its name without subset prefix, weight and slant."""

    name: str
    bold: bool
    italic: bool

    @property
    def family(self) -> str:
        return family(self.name)


def family(name: str) -> str:
    """The family a font's name says ("TimesNewRomanPS-BoldMT" → "TimesNewRoman", "LMRoman12" → "LMRoman")."""
    return _FAMILY_TAIL.sub("", re.split(r"[-,+]", name)[0])


# What a font's name adds to its family's: "PS", "MT", and a design size ("LMRoman12", "CMR10": one family set
# at several sizes, each cut for its size), after a name of three letters at least ("F1" and "F2" are two fonts).
_FAMILY_TAIL = re.compile(r"(?:(?<=[A-Za-z]{3})\d{1,2})?(?:PS)?(?:MT)?$")


@dataclass(slots=True)
class Run:
    """One text object of the page: text in one font and size, with its box (y grows upwards)."""

    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    baseline: float
    size: float
    font: Font
    raised: bool = False  # set as a superscript glyph (OpenType "sups"): same size and baseline, drawn high
    actual: str | None = None  # a hyphen's replacement text (ActualText), where the producer gives one
    turned: bool = False  # set along another direction than the page's lines (a margin stamp up the side)
    graphic: bool = False  # drawn inside a form XObject placed at another scale (a chart's label): no running text


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on the page (PDF units, y grows upwards)."""

    x0: float
    bottom: float
    x1: float
    top: float


@dataclass(frozen=True, slots=True)
class Link:
    """A link annotation: where it is and the URI it opens ("" for a link inside the document)."""

    box: Box
    uri: str


@dataclass(slots=True)
class Page:
    """One page: its number (1-based), size, text runs, links, image and rule boxes."""

    number: int
    width: float
    height: float
    rotation: int
    runs: list[Run] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[Box] = field(default_factory=list)
    rules: list[Box] = field(default_factory=list)  # thin horizontal paths (note separators, table rules)
    fills: list[Box] = field(default_factory=list)  # filled paths at least 2 points high (shaded panels, their rows)
    overprinted: int = 0  # text objects drawn again over an identical one: read once


def _error(kind: Kind, message: str) -> ConversionError:
    return ConversionError([Diagnostic(kind, 0, message)])


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """Open ``data`` as a PDF, or raise a :class:`ConversionError` that says why it cannot be read."""
    if b"%PDF-" not in data[:1024]:
        raise _error(Kind.NOT_PDF, "not a PDF file (no %PDF- header)")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if getattr(err, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise _error(
                Kind.ENCRYPTED, "the PDF is encrypted (password-protected); save an unprotected copy"
            ) from None
        if b"/Pages" in data and not re.search(rb"/Type\s*/Page(?!s)", data) and b"/ObjStm" not in data:
            raise _error(Kind.EMPTY, "the PDF has no pages") from None  # PDFium refuses an empty page tree
        raise _error(Kind.CORRUPT, f"the PDF is damaged or truncated and cannot be read ({err})") from None
    if len(document) == 0:
        raise _error(Kind.EMPTY, "the PDF has no pages")
    return document


def _font(handle: Any, cache: dict[int, Font]) -> Font:
    key = ctypes.cast(handle, ctypes.c_void_p).value or 0
    if key not in cache:
        buffer = ctypes.create_string_buffer(256)
        pdfium_c.FPDFFont_GetBaseFontName(handle, buffer, 256)
        name = _SUBSET.sub("", buffer.value.decode("latin-1"))
        weight = pdfium_c.FPDFFont_GetWeight(handle)
        angle = ctypes.c_int(0)
        pdfium_c.FPDFFont_GetItalicAngle(handle, ctypes.byref(angle))
        cache[key] = Font(
            name, bool(_BOLD.search(name)) or weight >= 600, bool(_ITALIC.search(name)) or angle.value != 0
        )
    return cache[key]


_TEXT = (ctypes.c_ushort * 32768)()  # one buffer for every text object (UTF-16 code units)


def _text(obj: object, textpage: object) -> str:
    size = pdfium_c.FPDFTextObj_GetText(obj, textpage, _TEXT, ctypes.sizeof(_TEXT))  # bytes, with the final NUL
    if size <= 2:
        return ""
    if size > ctypes.sizeof(_TEXT):  # a very long object: ask again with room for it
        buffer = (ctypes.c_ushort * (size // 2))()
        pdfium_c.FPDFTextObj_GetText(obj, textpage, buffer, size)
        return ctypes.string_at(buffer, size - 2).decode("utf-16-le", errors="replace").replace("\x00", "")
    return ctypes.string_at(_TEXT, size - 2).decode("utf-16-le", errors="replace").replace("\x00", "")


# Two single quotation marks set together, as some typesetters set a double one ("‘‘pitch attitude.’’").
_PAIRED = {"‘‘": "“", "’’": "”"}
_PAIRED_QUOTES = re.compile("‘‘|’’")


def paired_quotes(text: str) -> str:
    """Two single quotation marks set together read as the double quotation mark they stand for."""
    return _PAIRED_QUOTES.sub(lambda m: _PAIRED[m.group(0)], text) if "‘‘" in text or "’’" in text else text


# Characters that mark where a line may break or a word may not, drawn as nothing: the zero-width space a
# typesetter puts inside an address ("example.org/long\u200bpath"), the word joiner, the byte-order mark.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")


def visible(text: str) -> str:
    """``text`` without the break marks a typesetter draws as nothing (they are no part of the words)."""
    return _INVISIBLE.sub("", text)


_SHORT = re.compile(r"[0-9a-zA-Z*†‡§¶]{1,4}")


# PDFium's code for a hyphen at a line end, the soft hyphen, the hyphens.
_HYPHENS = {"\x02", "\xad", "-", "\u2010"}


def _actual_text(obj: object) -> str | None:
    """The text a marked-content span says its glyphs stand for (ActualText), if any.

    A tagged PDF may map the hyphen glyph to a soft hyphen and give the text's own hyphens an
    ActualText of "-": then a line-end hyphen without one is the typesetter's.
    """
    value = (ctypes.c_ushort * 16)()
    length = ctypes.c_ulong()
    for i in range(pdfium_c.FPDFPageObj_CountMarks(obj)):
        mark = pdfium_c.FPDFPageObj_GetMark(obj, i)
        if pdfium_c.FPDFPageObjMark_GetParamStringValue(
            mark, b"ActualText", value, ctypes.sizeof(value), ctypes.byref(length)
        ):
            return ctypes.string_at(value, max(0, length.value - 2)).decode("utf-16-le", errors="replace")
    return None


def _drawn_high(textpage: object, run: Run) -> bool:
    """Whether a short run's first glyph sits well above its baseline and is small: a superscript glyph."""
    index = pdfium_c.FPDFText_GetCharIndexAtPos(textpage, run.x0 + 0.5, run.baseline + run.size * 0.3, 1.0, 2.0)
    # (the glyph found must be the run's own: a run opening with a space finds the call raised just before it)
    if index < 0 or chr(pdfium_c.FPDFText_GetUnicode(textpage, index)) != run.text.lstrip()[:1]:
        return False
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    if not pdfium_c.FPDFText_GetCharBox(textpage, index, left, right, bottom, top):
        return False
    return bottom.value > run.baseline + run.size * 0.2 and top.value - bottom.value < run.size * 0.55


def set_size(size: float, matrix: Any) -> float:
    """The size the text is drawn at: the font size times the text matrix's vertical scale.

    Many producers set a font at size 1 and scale it with the matrix; the size alone says nothing then.
    """
    scale = math.hypot(matrix.c, matrix.d)
    return size * scale if scale > 0 else size


class Matrix(NamedTuple):
    """A PDF transformation matrix [a b c d e f]: (x, y) goes to (a x + c y + e, b x + d y + f)."""

    a: float
    b: float
    c: float
    d: float
    e: float
    f: float


IDENTITY = Matrix(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix that maps by ``inner`` and then by ``outer`` (an object's in a form, then the form's)."""
    a, b, c, d, e, f = inner
    return Matrix(
        a * outer.a + b * outer.c,
        a * outer.b + b * outer.d,
        c * outer.a + d * outer.c,
        c * outer.b + d * outer.d,
        e * outer.a + f * outer.c + outer.e,
        e * outer.b + f * outer.d + outer.f,
    )


def rescaled(matrix: Matrix) -> bool:
    """The matrix draws at another scale than 1.

    A form placed so is a graphic made at one size and set at another (a chart exported and placed as a figure),
    not the page's own text.
    """
    return abs(math.hypot(matrix.a, matrix.b) - 1) > 0.01 or abs(math.hypot(matrix.c, matrix.d) - 1) > 0.01


def placed(box: Box, matrix: Matrix) -> Box:
    """A box of a form's space on the page: the box round its four corners mapped by the form's matrix."""
    if matrix == IDENTITY:
        return box
    corners = [(x, y) for x in (box.x0, box.x1) for y in (box.bottom, box.top)]
    xs = [matrix.a * x + matrix.c * y + matrix.e for x, y in corners]
    ys = [matrix.b * x + matrix.d * y + matrix.f for x, y in corners]
    return Box(min(xs), min(ys), max(xs), max(ys))


def _objects(container: object, count: int, getter: object) -> list[object]:
    return [getter(container, i) for i in range(count)]  # type: ignore[operator]


def _filled(obj: object) -> bool:
    """Whether a path is filled (a shaded panel, a bar), not only stroked."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    return bool(pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke)) and fill.value != 0


def read_page(document: pdfium.PdfDocument, index: int, fonts: dict[int, Font]) -> Page:
    """Extract one page's runs, links and boxes."""
    page = document[index]
    textpage = page.get_textpage()
    width, height = page.get_size()
    result = Page(index + 1, width, height, page.get_rotation())
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    matrix = pdfium_c.FS_MATRIX()
    size = ctypes.c_float()
    page_objects = _objects(page.raw, pdfium_c.FPDFPage_CountObjects(page.raw), pdfium_c.FPDFPage_GetObject)
    stack = [(obj, IDENTITY) for obj in page_objects]
    drawn: set[tuple[str, float, float, float, str]] = set()
    while stack:
        obj, outer = stack.pop(0)  # ``outer``: the matrix of the form XObjects the object is drawn in
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            # Objects of a form XObject (a chart placed as a figure) are placed in the form's own space: PDFium
            # gives their bounds and matrices there, and the form's matrix maps them onto the page.
            pdfium_c.FPDFPageObj_GetMatrix(obj, matrix)
            inner = compose(Matrix(matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
            children = _objects(obj, pdfium_c.FPDFFormObj_CountObjects(obj), pdfium_c.FPDFFormObj_GetObject)
            stack[:0] = [(child, inner) for child in children]
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        box = placed(Box(left.value, bottom.value, right.value, top.value), outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            text = paired_quotes(visible(_text(obj, textpage.raw)))
            if not text:
                continue
            pdfium_c.FPDFTextObj_GetFontSize(obj, size)
            pdfium_c.FPDFPageObj_GetMatrix(obj, matrix)
            where = compose(Matrix(matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
            font = _font(pdfium_c.FPDFTextObj_GetFont(obj), fonts)
            run = Run(text, box.x0, box.x1, box.bottom, box.top, where.f, set_size(size.value, where), font)
            run.turned = abs(where.b) > abs(where.a)  # the text runs up or down the page
            run.graphic = rescaled(outer)
            key = (text, round(run.x0, 1), round(run.baseline, 1), round(run.size, 1), font.name)
            if key in drawn:  # the same words drawn twice on the same spot (a producer's double pass): read once
                result.overprinted += 1
                continue
            drawn.add(key)
            if _SHORT.fullmatch(text.strip()):
                run.raised = _drawn_high(textpage.raw, run)
            elif text.strip() in _HYPHENS:
                run.actual = _actual_text(obj)
            result.runs.append(run)
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            result.images.append(box)
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH and box.top - box.bottom < 2 and box.x1 - box.x0 > 20:
            result.rules.append(box)
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH and box.x1 - box.x0 > 20 and _filled(obj):
            result.fills.append(box)
    result.links = _links(document, page)
    textpage.close()
    page.close()
    return result


def _links(document: pdfium.PdfDocument, page: pdfium.PdfPage) -> list[Link]:
    links: list[Link] = []
    position = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    rect = pdfium_c.FS_RECTF()
    while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
        if not pdfium_c.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
            continue
        # Links inside the document are kept too, with no URI: a typesetter may give a link broken across lines
        # one rectangle around both, which then covers the words after it; a smaller link there owns them.
        uri = ""
        action = pdfium_c.FPDFLink_GetAction(link)
        if action and pdfium_c.FPDFAction_GetType(action) == pdfium_c.PDFACTION_URI:
            length = pdfium_c.FPDFAction_GetURIPath(document.raw, action, None, 0)
            buffer = ctypes.create_string_buffer(length)
            pdfium_c.FPDFAction_GetURIPath(document.raw, action, buffer, length)
            uri = buffer.value.decode("latin-1").strip()
        box = Box(
            min(rect.left, rect.right),
            min(rect.bottom, rect.top),
            max(rect.left, rect.right),
            max(rect.top, rect.bottom),
        )
        # The link's own regions, where the producer gives them (QuadPoints: one per line, or per word), are what
        # it covers; the rectangle round a link broken over lines covers other words too.
        links += [Link(quad, uri) for quad in _quads(link)] or [Link(box, uri)]
    return links


def _quads(link: pdfium_c.FPDF_LINK) -> list[Box]:
    """The link annotation's QuadPoints as boxes (none where the producer gives only its rectangle)."""
    quads: list[Box] = []
    point = pdfium_c.FS_QUADPOINTSF()
    for index in range(max(0, pdfium_c.FPDFLink_CountQuadPoints(link))):
        if pdfium_c.FPDFLink_GetQuadPoints(link, index, ctypes.byref(point)):
            xs, ys = (point.x1, point.x2, point.x3, point.x4), (point.y1, point.y2, point.y3, point.y4)
            quads.append(Box(min(xs), min(ys), max(xs), max(ys)))
    return quads


# The most of a text layer's characters that may be unreadable (see `readable`) for the paper to be read at all.
# Measured: a readable paper's unreadable characters are stray symbols in a font without a Unicode map (bullets,
# dingbats), at most 0.014% of the characters of any of 39 papers; a PDF whose fonts all lack one is ~100%
# unreadable. 5% lies far from both: a list-heavy page of bullets stays well under it, while a text in which one
# character in twenty is lost (a whole face without a map: the body's, the italics') is no longer the author's
# words with a few holes but needs OCR. Below it, each lost character is marked and reported (see make_readable).
UNREADABLE_SHARE = 0.05

_LAYOUT_SPACE = " \t\n\r"  # spaces and line ends: no characters of the text, counted neither way
# Characters that stand for no text: controls (C0 but the layout's tab and line ends, DEL, C1), U+FFFD and the
# private-use planes (Unicode's categories Cc and Co): what PDFium gives for a glyph whose font has no Unicode map,
# its glyph code (a subset's codes start at 1).
_UNREADABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)


def readable(text: str) -> tuple[str, int]:
    """``text`` with each unreadable character replaced by U+FFFD, and how many there were.

    Replaced, not dropped: U+FFFD is Unicode's own mark for a character that could not be read, so the reader
    sees where a glyph was lost (dropped, a lost letter would leave a plausible misspelling and no trace).
    PDFium's line-end hyphen (U+0002 ending a run) is text, left for the reader to write as "-".
    """
    body = text.rstrip(" ")
    end = len(body) - 1 if body.endswith("\x02") else len(text)
    head, count = _UNREADABLE.subn("\ufffd", text[:end])
    return (head + text[end:], count) if count else (text, 0)


def unreadable_share(pages: list[Page]) -> float:
    """The share of the text layer's characters (spaces and line ends aside) that are unreadable (0 for none)."""
    text = "".join(run.text for page in pages for run in page.runs)
    total = len(text) - sum(text.count(space) for space in _LAYOUT_SPACE)
    lost = sum(readable(run.text)[1] for page in pages for run in page.runs if _UNREADABLE.search(run.text))
    return lost / total if total else 0.0


def make_readable(pages: list[Page]) -> dict[int, int]:
    """Replace each unreadable character of the pages' runs by U+FFFD; return how many each page had (if any)."""
    lost: dict[int, int] = {}
    for page in pages:
        for run in page.runs:
            if _UNREADABLE.search(run.text):  # rare: most runs are text
                run.text, count = readable(run.text)
                if count:
                    lost[page.number] = lost.get(page.number, 0) + count
    return lost


def read_pages(data: bytes) -> list[Page]:
    """Every page of the PDF in ``data``."""
    document = open_pdf(data)
    fonts: dict[int, Font] = {}
    try:
        return [read_page(document, i, fonts) for i in range(len(document))]
    finally:
        document.close()
