"""Reference list entries (IAI Papers house style) to biblatex entries, BibTeX text and MyST markup."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from bibtexparser import middlewares
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field, ImplicitComment
from bibtexparser.writer import BibtexFormat

from paper2myst.citations import citation_myst, find_citations
from paper2myst.dates import MONTHS
from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.model import Reference, Span

__all__ = [
    "FIELD_ORDER",
    "KEY_STOPWORDS",
    "BibEntry",
    "bibliography_myst",
    "citation_myst",
    "find_citations",
    "format_bibtex",
    "iso_date",
    "make_key",
    "parse_reference",
    "parse_references",
]


@dataclass(slots=True)
class BibEntry:
    """One biblatex entry made from one reference list entry."""

    key: str
    type: str  # "article", "book", "collection", "report", "online", "misc"
    fields: dict[str, str]  # biblatex field -> BibTeX-ready value, in FIELD_ORDER
    span: Span
    source: str


class UnparsedError(ValueError):
    """The text does not follow any form of the house style."""


# Fields are always written in this order, so the .bib output is stable and diffable.
FIELD_ORDER = (
    "author",
    "editor",
    "title",
    "journaltitle",
    "series",
    "institution",
    "type",
    "organization",
    "howpublished",
    "volume",
    "number",
    "location",
    "publisher",
    "note",
    "date",
    "pages",
    "doi",
    "url",
    "entrysubtype",
    "usera",
)

# biblatex's free field ``usera`` carries a house-style hint for what the fields cannot say:
# "nocomma" — the list prints the names and the title with no comma between (a typo, but the
# author's), so the rendered list still matches the source character for character.
NO_COMMA = "nocomma"

# Leading words skipped when a key takes "the first title word": English articles only,
# because the series publishes in English and a longer list would make keys surprising.
KEY_STOPWORDS = frozenset({"a", "an", "the"})

# ISO 8601-2 (EDTF) season codes, which biber understands: 2020-21 is "Spring 2020".
SEASONS = {"Spring": 21, "Summer": 22, "Autumn": 23, "Fall": 23, "Winter": 24}

_MONTH = "|".join(MONTHS)
_SEASON = "|".join(SEASONS)
DATE_RE = (
    rf"(?:\d{{1,2}} (?:{_MONTH}) \d{{4}}"
    rf"|(?:{_MONTH}|{_SEASON}) \d{{4}}"
    r"|\d{1,2}\.\d{1,2}\.\d{4}"
    r"|\d{4})"
)
_DATE_FULL = re.compile(rf"^{DATE_RE}$")
# A lowercase phrase introducing a date: "last updated on 5 May 2022", "adopted on ...".
_QUALIFIED_DATE = re.compile(rf"^(?P<qual>[a-z][a-z ]*[a-z]) (?P<date>{DATE_RE})$")
_VOLUME = re.compile(r"^Vol\. (?P<v>\S+)$")
_NUMBER = re.compile(rf"^No\. (?P<n>[^\s(]+)(?: \((?P<date>{DATE_RE})\))?$")
_PAGES = re.compile(r"^pp?\. (?P<p>\S+)$")
# Official Journal of the EU, cited the EU way: "OJ L 160, 26.6.2023, p. 12" (an @article in
# journal "OJ", series "L", number 160; biblatex allows no pages in @misc).
OFFICIAL_JOURNAL = "OJ"
_OJ = re.compile(r"^OJ (?P<series>[A-Z]+) (?P<number>\d+[A-Z]?)$")

# Trailing locators, tried at the end of the text.
_LINK_END = re.compile(r",? ?\[(?P<text>(?:[^\]\\]|\\.)+)\]\((?P<href>(?:[^()\s]|\([^()\s]*\))+)\)$")
_AUTOLINK_END = re.compile(r",? ?<(?P<url>[a-z][a-z0-9+.-]*:[^<>\s]+)>$")
_BARE_URL_END = re.compile(r",? ?(?P<url>https?://\S+)$")
_DOI_END = re.compile(r",? ?DOI:? (?P<doi>10\.\S+)$")

# A series named "<Institution> <kind>" is a report series: either the institution is an acronym
# ("IAI Papers", "ECFR Policy Briefs", "SWP Comments") or the kind is a word think tanks use for series.
_SERIES_KINDS = (
    "Papers|Paper|Reports|Report|Studies|Study|Memos|Memo|Briefs|Brief|Commentaries|Commentary|Comments"
    "|Analyses|Notes|Insights|Documents|Series|Policy Papers|Working Papers|Policy Briefs|Research Papers"
    "|Occasional Papers|Discussion Papers|Issue Briefs|Special Reports"
)
_REPORT_SERIES = re.compile(
    rf"^(?P<inst>[A-Z][A-Za-z0-9&.-]*(?: [A-Z][A-Za-z0-9&.-]*)*?) (?P<kind>{_SERIES_KINDS})$"
    r"|^(?P<acronym>[A-Z]{2,}) (?P<acronym_kind>[A-Z][a-z]+(?: [A-Z][a-z]+)*)$"
)

# Words that make a name an organisation rather than a person.
ORG_WORDS = frozenset(
    [
        "Academy",
        "Agency",
        "Alliance",
        "Assembly",
        "Association",
        "Authority",
        "Bank",
        "Board",
        "Bureau",
        "Center",
        "Centre",
        "Chamber",
        "Coalition",
        "Commission",
        "Committee",
        "Company",
        "Congress",
        "Corporation",
        "Council",
        "Court",
        "Department",
        "Directorate",
        "Federation",
        "Forum",
        "Foundation",
        "Fund",
        "Government",
        "Group",
        "House",
        "Initiative",
        "Institute",
        "Institution",
        "International",
        "League",
        "Ministry",
        "Nations",
        "Network",
        "Office",
        "Organisation",
        "Organization",
        "Parliament",
        "Party",
        "Presidency",
        "Press",
        "Programme",
        "Program",
        "Project",
        "Republic",
        "Secretariat",
        "Senate",
        "Service",
        "Society",
        "Tribunal",
        "Union",
        "University",
        "Watch",
    ]
)
NAME_PARTICLES = frozenset(
    [
        "al",
        "bin",
        "da",
        "das",
        "de",
        "del",
        "della",
        "den",
        "der",
        "di",
        "do",
        "dos",
        "du",
        "el",
        "ibn",
        "la",
        "le",
        "ten",
        "ter",
        "van",
        "von",
        "zu",
    ]
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z][^\s.]*[a-z][^\s]*$|^[A-Z]\.?$")

# LaTeX specials; "--" is split so that LaTeX decoding cannot turn it into an en dash.
_LATEX_SPECIALS = re.compile(r"[&%$#_{}]|[~^\\]|(?<=-)(?=-)")
_LATEX_WORDS = {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}", "": "{}"}


def parse_references(refs: Sequence[Reference]) -> tuple[list[BibEntry], list[Diagnostic]]:
    """Parse every reference, in list order, into entries with unique keys."""
    entries: list[BibEntry] = []
    diagnostics: list[Diagnostic] = []
    for ref in refs:
        try:
            etype, fields = parse_reference(ref.text)
        except UnparsedError as err:
            etype, fields = fallback_fields(ref.text)
            diagnostics.append(
                Diagnostic(
                    Kind.UNPARSED_REFERENCE, ref.span.first, f"reference not in house style ({err}): kept as @misc"
                )
            )
        entries.append(BibEntry("", etype, fields, ref.span, ref.text))
    for entry, key in zip(entries, unique_keys([make_key(e.fields) for e in entries]), strict=True):
        entry.key = key
    return entries, diagnostics


def fallback_fields(text: str) -> tuple[str, dict[str, str]]:
    """Make a best-effort @misc keeping the whole text in ``note``, so no word is lost."""
    title = strip_markup(split_top(text)[0])
    return "misc", {"title": latex_escape(title), "note": latex_escape(text)}


def parse_reference(text: str) -> tuple[str, dict[str, str]]:
    """Parse one reference list entry into a biblatex type and raw field values (BibTeX-escaped)."""
    raw: dict[str, str] = {}
    rest = text.strip()
    if rest.endswith(".") and not rest.endswith(("(ed.).", "(eds.).")):
        rest = rest[:-1]  # notes end with a full stop; list entries do not
    rest = take_locators(rest, raw)
    rest_before_head = rest
    names, title_form, title, rest = split_head(rest)
    segments = split_top(rest) if rest else []
    container = ""
    if segments and (m := re.fullmatch(r"in \*(?P<c>[^*]+)\*", segments[0])):
        container = m["c"]
        segments = segments[1:]
    leftovers = classify_segments(segments, raw)
    if title_form == "plain" and not names:
        title, raw = split_plain_title(title, raw)
    if leftovers and title_form == "italic" and not container and len(leftovers) <= 2:
        # Book imprint: "*Title*, City, Publisher, Year" (or "*Title*, Publisher, Year").
        if len(leftovers) == 2:
            raw["location"] = leftovers[0]
        raw["publisher"] = leftovers[-1]
        leftovers = []
    if leftovers:
        raise UnparsedError(f"unrecognised part {leftovers[0]!r}")
    if not title:
        raise UnparsedError("no title")
    etype = decide_type(names, title_form, container, raw)
    fields: dict[str, str] = {}
    if names and not re.match(rf"{re.escape(names)}\s*,", rest_before_head):
        raw["usera"] = NO_COMMA
    if names:
        editor = re.search(r" \(eds?\.\)$", names)
        role = "editor" if editor else "author"
        fields[role] = names_field(names[: editor.start()] if editor else names)
    fields["title"] = title
    if container:
        fields.update(container_fields(etype, container))
    fields.update(raw)
    if etype == "article" and is_news(fields):
        fields["entrysubtype"] = "newspaper"
    return etype, {
        k: fields[k] if k in ("url", "doi", "author", "editor") else latex_escape(fields[k])
        for k in FIELD_ORDER
        if k in fields
    }


def take_locators(text: str, raw: dict[str, str]) -> str:
    """Remove the trailing URL and/or DOI, storing them in ``raw``."""
    for _ in range(2):  # a DOI and a URL may both be given
        if m := _LINK_END.search(text):
            raw.setdefault("url", m["href"])
        elif (m := _AUTOLINK_END.search(text)) or (m := _BARE_URL_END.search(text)):
            raw.setdefault("url", m["url"])
        elif m := _DOI_END.search(text):
            raw.setdefault("doi", m["doi"])
        else:
            break
        text = text[: m.start()]
    return text


def split_head(text: str) -> tuple[str, str, str, str]:
    """Split ``names, title, rest``; the title form is "quoted", "italic" or "plain"."""
    quote = re.search(r"[\"“]", text)
    star = text.find("*")
    if quote and (star < 0 or quote.start() < star):
        # The title ends at the first closing quote followed by a comma (titles may quote inside).
        close = re.compile(r"[\"”](?=,|$)").search(text, quote.end())
        if not close:
            raise UnparsedError("unclosed quoted title")
        names = text[: quote.start()].strip().removesuffix(",").strip()
        return names, "quoted", text[quote.end() : close.start()], text[close.end() :].removeprefix(",").strip()
    if star >= 0:
        close_star = text.find("*", star + 1)
        if close_star < 0:
            raise UnparsedError("unclosed emphasis")
        names = text[:star].strip().removesuffix(",").strip()
        return names, "italic", text[star + 1 : close_star], text[close_star + 1 :].removeprefix(",").strip()
    parts = split_top(text)
    if len(parts) >= 2 and looks_like_names(parts[0]) and not _DATE_FULL.match(parts[1]):
        return parts[0], "plain", parts[1], ", ".join(parts[2:])  # "Name, Blog post, date"
    return "", "plain", parts[0], ", ".join(parts[1:])


def split_plain_title(title: str, raw: dict[str, str]) -> tuple[str, dict[str, str]]:
    """Split a run-on date off an authorless designation: "... (2016) adopted on 23 December 2016"."""
    m = re.fullmatch(rf"(?P<title>.+?) (?P<qual>[a-z][a-z ]*[a-z]) (?P<date>{DATE_RE})", title)
    if m and "date" not in raw:
        raw = {**raw, "note": m["qual"], "date": iso_date(m["date"])}
        return m["title"], raw
    return title, raw


def classify_segments(segments: Sequence[str], raw: dict[str, str]) -> list[str]:
    """Store the recognised segments in ``raw``; return the others in order."""
    leftovers: list[str] = []
    for seg in segments:
        if m := _VOLUME.match(seg):
            raw["volume"] = m["v"]
        elif m := _NUMBER.match(seg):
            raw["number"] = m["n"]
            if m["date"]:
                raw["date"] = iso_date(m["date"])
        elif m := re.fullmatch(rf"\((?P<date>{DATE_RE})\)", seg):
            raw["date"] = iso_date(m["date"])
        elif m := _PAGES.match(seg):
            raw["pages"] = m["p"]
        elif m := _OJ.match(seg):
            raw.update(journaltitle=OFFICIAL_JOURNAL, series=m["series"], number=m["number"])
        elif _DATE_FULL.match(seg) and "date" not in raw:
            raw["date"] = iso_date(seg)
        elif (m := _QUALIFIED_DATE.match(seg)) and "date" not in raw:
            raw["note"] = m["qual"]
            raw["date"] = iso_date(m["date"])
        else:
            leftovers.append(seg)
    return leftovers  # the caller decides: a book imprint, or unparsed


def decide_type(names: str, title_form: str, container: str, raw: dict[str, str]) -> str:
    """Choose the biblatex entry type from the shape of the reference."""
    if re.search(r" \(eds?\.\)$", names):
        return "collection"
    if raw.get("journaltitle") == OFFICIAL_JOURNAL:
        return "article"
    if container:
        if _REPORT_SERIES.match(container) and names:
            return "report"
        if "note" in raw:  # a dated web page ("last updated on ...") on a site
            return "online"
        return "article"
    if title_form == "plain" and names:
        return "online"  # "Name, Blog post, date, URL"
    if "publisher" in raw:
        return "book"
    return "misc"


def container_fields(etype: str, container: str) -> dict[str, str]:
    """Where each entry type keeps the italic container it is "in"."""
    if etype == "report":
        m = _REPORT_SERIES.match(container)
        assert m is not None  # decide_type checked it
        return {"institution": m["inst"] or m["acronym"], "type": m["kind"] or m["acronym_kind"]}
    return {"article": {"journaltitle": container}, "collection": {"series": container}}.get(
        etype, {"organization": container}
    )


def is_news(fields: dict[str, str]) -> bool:
    """Tell news: a day-dated piece in a periodical without volume, issue, pages or DOI."""
    date = fields.get("date", "")
    return len(date) == 10 and not any(k in fields for k in ("volume", "number", "pages", "doi"))


def split_top(text: str) -> list[str]:
    """Split at ", " outside quotes, emphasis, links and parentheses."""
    parts: list[str] = []
    depth = 0
    in_star = in_quote = False
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "*":
            in_star = not in_star
        elif ch in '"“”':
            in_quote = not in_quote if ch == '"' else ch == "“"
        elif ch in "([<":
            depth += 1
        elif ch in ")]>":
            depth = max(0, depth - 1)
        elif ch == "," and text[i + 1 : i + 2] == " " and not (in_star or in_quote or depth):
            parts.append(text[start:i])
            start = i + 2
            i += 1
        i += 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def looks_like_person(name: str) -> bool:
    """Given and family names, initials and particles: "Anna M. Rossi", "Jan van Dijk"."""
    tokens = name.split()
    if not 2 <= len(tokens) <= 5 or any(t.strip(",") in ORG_WORDS for t in tokens):
        return False
    return all(
        t in NAME_PARTICLES or (_NAME_TOKEN.match(t) and not t.isupper()) or re.fullmatch(r"[A-Z]\.", t) for t in tokens
    )


def looks_like_names(text: str) -> bool:
    """Whether the text is an author list: persons, or a capitalised organisation name."""
    if all(looks_like_person(n) for n in split_names(text)):
        return True
    words = text.split()
    return bool(words) and len(words) <= 8 and any(w in ORG_WORDS or w.isupper() for w in words)


def split_names(text: str) -> list[str]:
    """Split "A, B and C" into names."""
    return [n.strip() for n in re.split(r", | and ", text) if n.strip()]


def names_field(text: str) -> str:
    """BibTeX name list: persons joined by "and"; an organisation braced whole so it is never split."""
    names = split_names(text)
    if all(looks_like_person(n) for n in names):
        return " and ".join(names)
    return "{" + latex_escape(text) + "}"


def iso_date(text: str) -> str:
    """House style date to ISO 8601 (EDTF seasons for "Spring 2020")."""
    if m := re.fullmatch(rf"(\d{{1,2}}) ({_MONTH}) (\d{{4}})", text):
        return f"{m[3]}-{MONTHS.index(m[2]) + 1:02d}-{int(m[1]):02d}"
    if m := re.fullmatch(rf"({_MONTH}) (\d{{4}})", text):
        return f"{m[2]}-{MONTHS.index(m[1]) + 1:02d}"
    if m := re.fullmatch(rf"({_SEASON}) (\d{{4}})", text):
        return f"{m[2]}-{SEASONS[m[1]]}"
    if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):
        return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
    if re.fullmatch(r"\d{4}", text):
        return text
    raise UnparsedError(f"unrecognised date {text!r}")


def latex_escape(text: str) -> str:
    """Escape LaTeX specials so the value is safe for BibTeX, biber and pybtex alike."""
    return _LATEX_SPECIALS.sub(lambda m: _LATEX_WORDS.get(m.group(), "\\" + m.group()), text)


def strip_markup(text: str) -> str:
    """Drop MyST emphasis stars and autolink brackets (used for fallback titles and keys)."""
    return re.sub(r"[*<>]", "", text)


def ascii_word(text: str) -> str:
    """Lowercase ASCII letters and digits only: "Euro-Atlantic." -> "euroatlantic"."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def title_words(title: str) -> list[str]:
    """Key-worthy words of a title: ASCII-folded, without leading articles (KEY_STOPWORDS)."""
    words = [w for w in (ascii_word(t) for t in strip_markup(title).split()) if w]
    while words and words[0] in KEY_STOPWORDS:
        words = words[1:]
    return words


def make_key(fields: dict[str, str]) -> str:
    """Make the key ``author + year + first title word`` (before any clash suffix).

    The author part is the first family name with its particles ("vandijk"), or the whole organisation
    name squashed; an authorless entry uses its first two title words around the year.
    """
    names = fields.get("author") or fields.get("editor") or ""
    words = title_words(fields.get("title", "")) or ["untitled"]
    year = fields.get("date", "")[:4] or "nd"
    if names.startswith("{"):
        who = ascii_word(names)
    elif names:
        first = names.split(" and ")[0].split()
        family = [t for t in first[1:] if t in NAME_PARTICLES] + first[-1:]
        who = ascii_word("".join(family))
    else:
        who, words = words[0], words[1:] or [""]
    return f"{who}{year}{words[0]}"


def unique_keys(keys: Sequence[str]) -> list[str]:
    """Suffix clashing keys a, b, c ... in list order (every member of a clash gets a letter)."""
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    seen: dict[str, int] = {}
    out: list[str] = []
    for key in keys:
        if counts[key] == 1:
            out.append(key)
            continue
        seen[key] = seen.get(key, 0) + 1
        out.append(key + chr(ord("a") + seen[key] - 1))
    return out


def format_bibtex(entries: Sequence[BibEntry], header: str) -> str:
    """Write the .bib file: a header comment, then the entries in list order, fields in FIELD_ORDER."""
    library = Library()
    comment = header if header.startswith("%") else f"% {header}"
    library.add(ImplicitComment(comment))
    for entry in entries:
        library.add(Entry(entry.type, entry.key, [Field(k, v) for k, v in entry.fields.items()]))
    fmt = BibtexFormat()  # type: ignore[no-untyped-call]  # untyped constructor
    fmt.indent = "  "
    fmt.block_separator = "\n"
    fmt.trailing_comma = True
    enclose = middlewares.AddEnclosingMiddleware(
        reuse_previous_enclosing=False, enclose_integers=True, default_enclosing="{"
    )
    text: str = write_string(library, unparse_stack=[enclose], bibtex_format=fmt)
    return text.rstrip("\n") + "\n"


def bibliography_myst(entries: Sequence[BibEntry]) -> str:
    """Write the ``{bibliography}`` directive listing exactly these entries, unlabelled, in list order.

    The order and the text come from the ``housestyle`` pybtex style (see docs/_ext/housestyle.py);
    each entry gets the id ``cite-KEY`` from ``bibtex_cite_id``, which :func:`citation_myst` links to.
    """
    keys = ", ".join(f'"{e.key}"' for e in entries)
    return f"```{{bibliography}}\n:list: bullet\n:style: housestyle\n:filter: key in {{{keys}}}\n```\n"
