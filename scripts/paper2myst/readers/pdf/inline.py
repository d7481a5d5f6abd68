"""Lines → text in the text form: calls as superscripts glued to their word, *italic*, **bold**, links."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from paper2myst.conventions import ADDRESS_SUFFIX
from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.lexicon import known
from paper2myst.readers.pdf.extract import Box, Link, Run
from paper2myst.readers.pdf.lines import ADDRESS, Line, address_goes_on, needs_space, spaced_before_stop, squeezed
from paper2myst.readers.pdf.maths import level

_SUPERSCRIPTS = str.maketrans(
    "0123456789abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
    "⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ",
)
_ESCAPE = re.compile(r"([\\*\[\]])")
_SUBSCRIPT = re.compile(r"\{sub\}`[^`]*`$")
_URL = re.compile(r"(?<![<(\[])\bhttps?://[^\s<>\]]+")
_URL_TAIL = ".,;:)]'\"”’"


def superscript(label: str) -> str:
    """A call as the text form writes it: digits and letters raised, symbols (* † ‡ §) as they are."""
    return label.translate(_SUPERSCRIPTS)


@dataclass(slots=True)
class Piece:
    """Text in one style (and maybe one link) within a block."""

    text: str
    bold: bool = False
    italic: bool = False
    uri: str = ""
    call: bool = False
    line: int = 0  # the reading's line it comes from
    actual: str | None = None  # a hyphen's ActualText, as the producer gives it


@dataclass(frozen=True, slots=True)
class Words:
    """The document's words (lower case) and whether its typesetter hyphenates words at line ends."""

    words: frozenset[str] = frozenset()
    hyphenates: bool = False


# The schemes an edition links, as MyST-Parser does by default (myst_url_schemes): the web's, mail's and FTP's.
# Any other is dangerous to open from a web page (javascript: and vbscript: run code in the page, data: shows a
# page of the link's own making, file: opens the reader's own disk) or nothing MyST writes as a link (tel:, urn:
# become cross-references to nowhere). A link inside the document has no URI ("") and a DOI opens at its resolver.
TRUSTED_SCHEMES = ("http", "https", "mailto", "ftp")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def scheme(uri: str) -> str:
    """The scheme a browser reads in ``uri``, lower case ("" for an address without one).

    Read as a browser reads it (WHATWG URL): leading controls and spaces stripped, tabs and newlines dropped
    anywhere; and entities decoded, as a Markdown reader decodes a link's destination ("javascript&colon;").
    """
    address = re.sub(r"[\t\n\r]", "", html.unescape(uri).lstrip(_C0_AND_SPACE))
    found = _SCHEME.match(address)
    return found.group(1).lower() if found else ""


def trusted_uri(uri: str) -> str | None:
    """The address a link of the edition may open for ``uri`` (a DOI at its resolver), or None: drop the link."""
    named = scheme(uri)
    if named == "doi":
        return "https://doi.org/" + uri.split(":", 1)[1].strip().lstrip("/")
    # No scheme: an address relative to the PDF (or "www.…" written without one): it runs nothing, kept as it was.
    return uri if named in TRUSTED_SCHEMES or not named else None


def _covers(box: Box, run: Run) -> bool:
    """Whether the run's middle is inside the box (a point of slack either way)."""
    cx, cy = (run.x0 + run.x1) / 2, (run.bottom + run.top) / 2
    return box.x0 - 1 <= cx <= box.x1 + 1 and box.bottom - 1 <= cy <= box.top + 1


def trusted_links(links: list[Link], lines: list[Line]) -> tuple[list[Link], list[Diagnostic]]:
    """A page's links with each one the edition must not open made a link to nowhere, and a finding for each.

    The dropped link keeps its box, so its words stay its own (no wider link takes them) and are written as plain
    text. A link over no words (an image, a blank) is dropped without a finding: nothing of the text is at stake.
    """
    kept: list[Link] = []
    found: list[Diagnostic] = []
    for link in links:
        uri = trusted_uri(link.uri)
        kept.append(Link(link.box, uri or ""))
        if uri is not None:
            continue
        covered = [(line, run) for line in lines for run in line.runs if run.text.strip() and _covers(link.box, run)]
        if covered:
            words = " ".join(" ".join(run.text for _, run in covered).split())
            shown = words if len(words) <= 60 else f"{words[:59]}…"
            message = (
                f"a link to a {scheme(link.uri)[:20]}: address was dropped (an edition links only "
                f"{', '.join(TRUSTED_SCHEMES[:-1])} and {TRUSTED_SCHEMES[-1]} addresses): "
                f"its words {shown!r} are kept as plain text"
            )
            found.append(Diagnostic(Kind.UNTRUSTED_LINK, covered[0][0].number, message))
    return kept, found


def _link_of(run: Run, links: list[Link]) -> str:
    """The URI of the link the run is in: the smallest around its middle ("" for none, or a link in the document)."""
    around = [link for link in links if _covers(link.box, run)]
    smallest = min(around, key=lambda ln: (ln.box.x1 - ln.box.x0) * (ln.box.top - ln.box.bottom), default=None)
    return smallest.uri if smallest is not None else ""


def line_pieces(line: Line, links: list[Link], base_bold: bool, base_italic: bool, spaced: bool) -> list[Piece]:
    """The line's runs as pieces; style is marked only where it differs from the block's own."""
    pieces: list[Piece] = []
    prev: Run | None = None
    for run, call in zip(line.runs, line.calls, strict=True):
        if call:
            pieces.append(Piece(run.text, call=True, line=line.number))  # Calls.resolve: a note call, or raised text
            prev = run
            continue
        text = run.text.replace("\x02", "-")
        if not text.strip() and prev is not None and prev.text.endswith("\x02"):
            continue  # the space PDFium puts after a line-end hyphen
        if (
            prev is not None
            and (squeezed(prev, run) or spaced_before_stop(prev, run))
            and pieces
            and not pieces[-1].call
        ):
            pieces[-1].text = pieces[-1].text.rstrip(" ")
        if prev is not None and needs_space(prev, run, spaced) and not _address_goes_on(pieces, text):
            text = " " + text
        bold = run.font.bold and not base_bold
        italic = run.font.italic and not base_italic
        core = text.rstrip()
        if level(run, line) < 0 and pieces and text[:1].isalnum() and "`" not in core:
            # Lowered and smaller, glued to its base: a subscript ("Y" "it" → Y{sub}`it`); one run on the last.
            last = pieces[-1]
            if last.text.endswith("`") and _SUBSCRIPT.search(last.text) and not last.uri:
                last.text = f"{last.text[:-1]}{core}`{text[len(core) :]}"
                prev = run
                continue
            if last.text[-1:].isalnum():
                text = f"{{sub}}`{core}`{text[len(core) :]}"
        pieces.append(Piece(text, bold, italic, _link_of(run, links), actual=run.actual))
        prev = run
    return pieces


def _address_goes_on(pieces: list[Piece], text: str) -> bool:
    """Whether a run is the rest of the address before it ("…/271" + "-bridging"), however wide the gap."""
    return address_goes_on("".join(p.text for p in pieces[-8:]), text)


def _goes_on(text: str) -> bool:
    """Whether a line's start can be the rest of an address cut at the line end (not a capitalised word)."""
    chunk = text.split()[0] if text.split() else ""
    return not re.match(r"^[A-Z][a-z]+[,.;:]?$", chunk) or bool(re.search(r"[/=?&%_]", chunk))


def _path_like(text: str) -> bool:
    """A line's start that can only be the rest of an address: a lower-case chunk with a slash in it."""
    chunk = text.split()[0] if text.split() else ""
    return chunk[:1].islower() and "/" in chunk


def _tail(pieces: list[Piece], length: int = 160) -> str:
    """The end of the text so far: enough for its last word (an address may be long), not all of it."""
    out: list[str] = []
    size = 0
    for piece in reversed(pieces):
        out.append(piece.text)
        size += len(piece.text)
        if size >= length and piece.text[:1].isspace():
            break
    return "".join(reversed(out))


def join_lines(
    lines: list[Line],
    links: dict[int, list[Link]],
    base_bold: bool = False,
    spaced: bool = False,
    vocabulary: Words = Words(),
    separate_hyphens: bool = False,
    doubts: list[tuple[int, str, bool]] | None = None,
) -> list[Piece]:
    """A block's pieces, its lines joined: a space between words, none inside a hyphenated compound or address.

    ``spaced``: the producer writes its spaces as characters, so only wide gaps between runs are spaces.
    ``separate_hyphens``: the producer draws the hyphens it adds as objects of their own (its words' own
    hyphens inside the words): a line-end hyphen alone is the typesetter's, one inside the word the word's.
    ``doubts`` collects the line-end hyphens decided without evidence: (line, word, dropped).
    A line-end hyphen drawn alone whose run says what it is (``Run.actual``: "-" the word's own, a soft
    hyphen the typesetter's) is taken at its word.
    """
    base_italic = all(ln.italic for ln in lines)
    pieces: list[Piece] = []
    for line in lines:
        current = line_pieces(line, links.get(line.page, []), base_bold, base_italic, spaced)
        if pieces and current:
            text = _tail(pieces)
            token = text.split()[-1] if text.split() else ""
            if re.search(r"[^\W_]{2}-\s*$", text) and current[0].text.lstrip()[:1].isalnum():
                pieces[-1].text = pieces[-1].text.rstrip()
                nxt = current[0].text.lstrip()
                alone = pieces[-1].text == "-"  # the hyphen drawn as a text object of its own
                if ADDRESS.match(token):
                    pass  # an address goes on, whatever its next piece reads as ("countries-" + "and-basins/")
                elif _SUSPENDED.match(nxt):
                    nxt = " " + nxt  # "pre- or post-war": the hyphen stands for a word, a space follows it
                elif alone and len(pieces) > 1 and pieces[-1].actual in {"-", "\xad"}:
                    if pieces[-1].actual == "\xad":
                        pieces[-1].text = ""  # the typesetter's hyphen: the word goes on whole
                elif separate_hyphens:
                    if alone and len(pieces) > 1:
                        pieces[-1].text = pieces[-1].text[:-1]  # the typesetter's hyphen: the word goes on whole
                        if not vocabulary.hyphenates and doubts is not None:  # no other line confirms it
                            doubts.append((line.number, f"{token}{nxt.split()[0] if nxt.split() else ''}", True))
                else:
                    drop, sure = hyphenated(token, nxt, vocabulary)
                    if drop:
                        pieces[-1].text = pieces[-1].text[:-1]
                    if not sure and doubts is not None:
                        doubts.append((line.number, f"{token}{nxt.split()[0] if nxt.split() else ''}", drop))
                current[0].text = nxt
            elif text.endswith("\xad") and current[0].text[:1].isalnum():
                # A soft hyphen drawn as such is the typesetter's: the word goes on whole, no space.
                for piece in reversed(pieces):
                    piece.text = piece.text.rstrip("\xad")
                    if piece.text:
                        break
            elif re.search(r"\b[A-Z]-$", text) and current[0].text[:1].isdigit():
                pass  # "X-" + "2B": a designation's hyphen before its number, kept and closed up
            elif re.search(r"\w[–—][ \u00a0]+$", text) and current[0].text[:1].isalnum():
                # "ABC–2020– " + "0686": a producer that ends each line with a space still closes up a dash
                # set close to its word.
                for piece in reversed(pieces):
                    piece.text = piece.text.rstrip(" \u00a0")
                    if piece.text:
                        break
            elif ADDRESS.match(token) and (
                re.match(r"[-_/.?=&#%~]\w", current[0].text) or (token.endswith("/") and _path_like(line.text))
            ):
                # An address cut before a hyphen or slash ("…/271" + "-bridging-gap"), or after a slash with a path
                # going on ("…/docs/" + "draft_rules/2020"): no word opens with a separator, and a lower-case chunk
                # with a slash in it is a path, so the line goes on the address, whatever space the producer set at
                # the line's end.
                for piece in reversed(pieces):
                    piece.text = piece.text.rstrip(" \u00a0")
                    if piece.text:
                        break
            elif text.endswith((" ", "\u00a0")):
                pass
            elif text.endswith("/") and current[0].text[:1].isalnum():
                pass  # "New York/" + "London": a break after a slash adds no space
            elif re.search(r"(?<![^\W_])[A-Za-z0-9]-$", text) and current[0].text[:1].isalnum():
                pass  # "M-" + "1A2", "X-" + "ray": no typesetter breaks after one letter (a formula's "σ-" aside)
            elif re.search(r"\w[–—]$", text) and current[0].text[:1].isalnum():
                pass  # "April–" + "May": a dash closed up to its word stays closed up to the next
            elif (
                ADDRESS.match(token)
                and _goes_on(current[0].text)
                and (
                    not token.endswith((".", ",", ";"))
                    or _path_like(current[0].text)
                    or (token.endswith(".") and ADDRESS_SUFFIX.match(current[0].text.lstrip()))
                )
            ):
                pass  # an address goes on ("mirror.ctan." + "org/macros/…", "…/1876." + "pdf" too)
            elif re.search(r"(?:^|[\s<(])https?:$", text) and current[0].text.startswith("//"):
                pass  # "https:" + "//example.org/…": a scheme cut from its address goes on it
            elif pieces[-1].uri and pieces[-1].uri == current[0].uri and ADDRESS.match(token):
                pass  # one link annotation over an address on both lines: the address goes on ("www." + "site")
            else:
                current[0].text = " " + current[0].text.lstrip()
        pieces += current
    return pieces


# After a suspended hyphen ("pre- and post-war") comes a conjunction (English; other languages keep the join).
_SUSPENDED = re.compile(r"^(?:or|and|nor|to)\b")
_ORDINAL = re.compile(r"^(?:st|nd|rd|th|e|er|re|ème)$")


@dataclass(slots=True)
class Calls:
    """Which raised runs are note calls: labels of the document's notes, matched where they stand.

    A raised number is a call when it is the next number, or when a note with that label opens on its page (a
    footnote), or when that note stands on a later page (an endnote) and the number is not glued to a digit (a
    power). Never only the next number of one running count: one misread mark ("119th", a power) would turn
    every later call into plain text.
    """

    labels: set[str]
    expected: int = 1
    stray: list[tuple[int, str]] = field(default_factory=list)  # raised text that calls no note: (line, text)
    note_pages: dict[str, set[int]] = field(default_factory=dict)  # label → pages where a note of it opens
    page_of: dict[int, int] = field(default_factory=dict)  # reading line → its page

    def is_call(self, label: str, line: int, before: str) -> bool:
        """Whether raised ``label`` on ``line`` (after the text ``before``) calls a note."""
        if label not in self.labels:
            return False
        if not label.isdigit():
            return True
        if int(label) == self.expected:
            return True
        page = self.page_of.get(line, 0)
        pages = self.note_pages.get(label, set())
        return page in pages or (any(p > page for p in pages) and not before[-1:].isdigit())

    def resolve(self, pieces: list[Piece], prefer: bool = True, raise_text: bool = False) -> None:
        """Turn each raised piece into a call (superscript, glued) or back into text (an ordinal, a power).

        ``raise_text``: such text stays raised ({sup}`th`), as in running text; a title or heading, which metadata
        and contents lists repeat as plain text, keeps it on the line.
        """
        for i, piece in enumerate(pieces):
            if not piece.call:
                continue
            label = piece.text.strip()
            before = "".join(p.text for p in pieces[max(0, i - 2) : i])
            ordinal = _ORDINAL.match(label) and before[-1:].isdigit()
            call = not ordinal and self.is_call(label, piece.line, before)
            if prefer and not ordinal and not call and label.isalnum():
                self.stray.append((piece.line, label))  # no such note, or not a call at all
            if prefer and call:
                trail = " " if piece.text.endswith(" ") else ""
                piece.text = superscript(label) + trail
                if label.isdigit():
                    self.expected = max(self.expected, int(label) + 1)
            else:
                piece.call = False
                if raise_text and before[-1:].isalnum() and label.isalnum() and "`" not in label:
                    # Raised text glued to its word that calls no note (an ordinal "10th", a power "t2") stays
                    # raised, as printed.
                    trail = " " if piece.text.endswith(" ") else ""
                    piece.text = f"{{sup}}`{label}`{trail}"


_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _prose(chunk: str) -> bool:
    """A chunk of text that is words of the language, not an address or a domain name ("com")."""
    return "/" not in chunk and "@" not in chunk and not re.search(r"\w\.\w", chunk)


def separates_hyphens(lines: list[list[str]]) -> bool:
    """Whether the producer sets the hyphens it adds at a line end apart, a word's own inside the word.

    Each line is given as its runs' texts.
    """
    inside = alone = added = 0
    for runs in lines:
        for i, text in enumerate(runs):
            last = i == len(runs) - 1
            if text.strip() in {"-", "\x02"}:
                if last:
                    added += 1
                else:
                    alone += 1
            elif re.search(r"[^\W\d_]-[^\W\d_]", text):
                inside += 1
    # No hyphen inside a line at all: weak evidence, so what it decides is reported (see join_lines).
    return added > 0 and (inside > alone or inside == alone == 0)


def vocabulary(lines: list[str]) -> Words:
    """The document's words, leaving out the pieces of words cut at a line end.

    The typesetter hyphenates where more line-end breaks split words the document prints whole elsewhere
    (``dur-`` ``ing``) than compounds it prints with their hyphen; otherwise every line-end hyphen is taken for the
    word's own.
    """
    words: set[str] = set()
    breaks: list[tuple[str, str]] = []
    head = ""  # the piece before a line-end hyphen, waiting for the next line's first piece
    for text in lines:
        chunks = text.split()
        if not chunks:
            continue
        first = chunks[0]
        if head and _prose(first) and (tail := _WORD.match(first)):
            breaks.append((head, tail.group(0).split("-")[0]))
            chunks = chunks[1:]
        last = chunks[-1] if chunks else ""
        head = ""
        if re.search(r"[^\W\d_]-$", last) and _prose(last):
            head = last[:-1].split("-")[-1]
            chunks = chunks[:-1]
        words.update(w.lower() for c in chunks if _prose(c) for w in _WORD.findall(c))
    # A break is the typesetter's where the word it cut stands whole elsewhere ("govern-" "ment" beside
    # "government"), the author's where the compound does ("co-" "chairmen" beside "co-chairmen"); pieces that
    # are no words say nothing. The typesetter hyphenates where its breaks are seen twice, and outnumber the
    # author's (an author who writes "cooperation" and "co-operation" both gives one of each).
    # A break whose second piece is a word of its own ("re-" "taking" beside "retaking") says nothing either: an
    # author writing a compound both ways breaks it at its own hyphen, where a typesetter cuts syllables ("ment").
    auto = sum(
        1 for a, b in breaks if len(a) > 1 and len(b) > 1 and f"{a}{b}".lower() in words and b.lower() not in words
    )
    own = sum(1 for a, b in breaks if f"{a}-{b}".lower() in words)
    return Words(frozenset(words), auto >= 2 and auto > own)


def hyphenated(head: str, tail: str, vocabulary: Words) -> tuple[bool, bool]:
    """Whether a line-end hyphen between ``head`` and ``tail`` is the typesetter's (drop it), and whether that is sure.

    The document decides: the compound written with its hyphen elsewhere keeps it; the word written whole
    elsewhere drops it. Without either, a guess: two words of their own (``revenue-maximizing``) or a
    capital after the hyphen keep it; anything else (``dur-ing``) is taken for the typesetter's.
    """
    left = re.search(r"[^\W\d_]+-$", head)
    right = re.match(r"[^\W\d_]+", tail)
    if not left or not right or "." in head:
        return False, True
    words = vocabulary.words
    a, b = left.group(0)[:-1], right.group(0)
    if not vocabulary.hyphenates:  # kept; but pieces that are no words ("Re-" "routing") may be a break: say so
        return False, a.lower() in words or b.lower() in words or max(len(a), len(b)) <= 3 or b[0].isupper()
    # The whole compound counts, not only its last piece: "differences-in-" "differences" is the document's
    # "differences-in-differences" although "in-differences" is no word of it.
    chain = re.search(r"[^\W\d_]+(?:-[^\W\d_]+)*-$", head)
    if f"{a}-{b}".lower() in words or (chain and f"{chain.group(0)}{b}".lower() in words):
        return False, True
    if f"{a}{b}".lower() in words:
        return True, True
    if b[0].isupper():
        return False, True
    return _by_lexicon(a, b, words)


def _by_lexicon(a: str, b: str, words: frozenset[str]) -> tuple[bool, bool]:
    """The document does not write the word either way: English's word list decides, and says when it is unsure.

    The joined word a word ("regard-" "less"): the typesetter's hyphen. Two words of three letters or more not
    making one ("nation-" "state"), or a prefix before a word not making one ("co-" "chairmen", "ethno-"
    "territorial"): the author's. Unsure where a short prefix makes a word with a word ("co-" "operation", written
    both ways) or two words make one ("heart-" "breaking"); a guess where the list knows neither ("liberalisa-"
    "tion", British, is taken for a break).
    """
    whole = known(f"{a}{b}")
    head = a.lower() in words or known(a)
    tail = len(b) >= 4 and (b.lower() in words or known(b))
    compound = head and tail and len(a) > 2
    keep = (compound or tail) and not whole
    sure = whole != (compound or tail) and not (whole and len(a) <= 3 and tail)
    return not keep, sure and (whole or tail)


def _wrap(text: str, mark: str, before: str = "", after: str = "") -> str:
    """``text`` in emphasis marks where Markdown reads them as such.

    A mark between punctuation and a letter or digit is no emphasis to Markdown ("**Regulation-**products",
    "voluntarily*.*"): punctuation at the span's edge that touches a word outside it (``before``, ``after``: the
    text around) goes outside the marks, and a span of punctuation alone is left unstyled.
    """
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    head = tail = ""
    if not trail and after[:1].isalnum() and (edge := re.search(r"[^\w\s]+$", core)):
        core, tail = core[: edge.start()], edge.group()
    if not lead and before[-1:].isalnum() and (edge := re.match(r"[^\w\s]+", core)):
        core, head = core[edge.end() :], edge.group()
    if not core:
        return f"{lead}{head}{tail}{trail}"
    return f"{lead}{head}{mark}{core}{mark}{tail}{trail}"


def render(pieces: list[Piece]) -> str:
    """The text form: emphasis marks around styled spans, calls glued to their word, links and addresses."""
    merged: list[Piece] = []
    for piece in pieces:
        last = merged[-1] if merged else None
        same = last is not None and not last.call and not piece.call
        if same and last is not None and (last.bold, last.italic, last.uri) == (piece.bold, piece.italic, piece.uri):
            last.text += piece.text
        elif same and last is not None and not piece.text.strip():
            last.text += piece.text  # spaces take the style they follow
        else:
            merged.append(Piece(piece.text, piece.bold, piece.italic, piece.uri, piece.call))
    _whole_addresses(merged)
    _flank(merged)
    out = ""
    for at, piece in enumerate(merged):
        after = merged[at + 1].text if at + 1 < len(merged) else ""
        if piece.call:
            out = out.rstrip() + piece.text
            continue
        text = escape_markup(piece.text)
        if piece.uri:
            visible = piece.text.strip()
            core = visible.rstrip(".,;:")  # a sentence's stop after the address is the sentence's
            if _bare(core) == _bare(piece.uri):
                text = piece.text.replace(core, f"<{piece.uri}>", 1)
            else:
                text = text.replace(escape_markup(visible), f"[{escape_markup(visible)}]({_destination(piece.uri)})")
        elif piece.bold and piece.italic:
            text = _wrap(text, "***", out, after)
        elif piece.bold:
            text = _wrap(text, "**", out, after)
        elif piece.italic:
            text = _wrap(text, "*", out, after)
        out += text
    out = " ".join(out.split())
    return _URL.sub(_angle, out)


def _bare(address: str) -> str:
    """An address without its scheme and final slash: how a page may print it."""
    return re.sub(r"^https?://", "", address).rstrip("/")


def _whole_addresses(pieces: list[Piece]) -> None:
    """A web address cut by a line break, its link over one of its pieces only: the other piece joins the link.

    (A producer that draws one link per line leaves the address's head or tail outside the link; written as they
    stand, the head would be an address of its own and the link's text the rest.)
    """
    for at, piece in enumerate(pieces):
        if not piece.uri or piece.call:
            continue
        prev = pieces[at - 1] if at > 0 else None
        if prev is not None and not prev.uri and not prev.call and prev.text[-1:].strip():
            head = prev.text.split()[-1]
            if _bare(f"{head}{piece.text.strip()}".rstrip(".,;:")) == _bare(piece.uri):
                prev.text, piece.text = prev.text[: -len(head)], head + piece.text.lstrip()
        nxt = pieces[at + 1] if at + 1 < len(pieces) else None
        if nxt is not None and not nxt.uri and not nxt.call and nxt.text[:1].strip() and piece.text[-1:].strip():
            tail = nxt.text.split()[0]
            if _bare(f"{piece.text.strip()}{tail}".rstrip(".,;:")) == _bare(piece.uri):
                piece.text, nxt.text = piece.text + tail, nxt.text[len(tail) :]


def _punctuation(char: str) -> bool:
    return bool(char) and unicodedata.category(char)[0] in "PS"


def _flank(pieces: list[Piece]) -> None:
    """Move punctuation at a styled span's edge out of it where a letter touches it from outside.

    Markdown closes "**" after punctuation only before a space or punctuation ("**Overview—**text"
    stays literal), and opens it before punctuation only after one: the dash is set outside the span instead.
    """
    for i, piece in enumerate(pieces):
        if piece.call or piece.uri or not (piece.bold or piece.italic):
            continue
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if nxt is not None and not nxt.call and nxt.text[:1].isalnum():
            core = piece.text.rstrip("".join(c for c in piece.text if _punctuation(c)))
            if core.strip() and core != piece.text:
                nxt.text = piece.text[len(core) :] + nxt.text
                piece.text = core
        prev = pieces[i - 1] if i > 0 else None
        if prev is not None and not prev.call and prev.text[-1:].isalnum():
            core = piece.text.lstrip("".join(c for c in piece.text if _punctuation(c)))
            if core.strip() and core != piece.text:
                prev.text += piece.text[: len(piece.text) - len(core)]
                piece.text = core


def escape_markup(text: str) -> str:
    """Backslash the characters the text form reads as markup (emphasis marks, link brackets, backslashes)."""
    return _ESCAPE.sub(r"\\\1", text)


def _destination(uri: str) -> str:
    """A link destination markdown-it reads back whole: in angle brackets when it has spaces or parentheses."""
    if re.search(r"[\s()<>]", uri):
        return "<" + uri.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">"
    return uri


def _angle(match: re.Match[str]) -> str:
    url = match.group(0)
    tail = ""
    while url and url[-1] in _URL_TAIL and not (url[-1] == ")" and "(" in url):
        tail = url[-1] + tail
        url = url[:-1]
    return f"<{url}>{tail}"
