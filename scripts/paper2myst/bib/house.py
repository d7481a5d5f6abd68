"""House style "comma notes" (Names, "Title", in *Container*, No. N (Date), URL): rules that read it exactly."""

from __future__ import annotations

import re
from collections.abc import Sequence

from paper2myst.bib.core import FIELD_ORDER
from paper2myst.conventions import ORG_WORDS
from paper2myst.dates import MONTHS, SEASONS
from paper2myst.dates import iso_date as parse_date
from paper2myst.latex import latex_escape


class UnparsedError(ValueError):
    """The text does not follow any form of the house style."""


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
# ("ABC Papers", "XYZ Policy Briefs", "QRS Comments") or the kind is a word think tanks use for series.
_SERIES_KINDS = (
    "Papers|Paper|Reports|Report|Studies|Study|Memos|Memo|Briefs|Brief|Commentaries|Commentary|Comments"
    "|Analyses|Notes|Insights|Documents|Series|Policy Papers|Working Papers|Policy Briefs|Research Papers"
    "|Occasional Papers|Discussion Papers|Issue Briefs|Special Reports"
)
# Lowercase words inside an institution's name: "Policy Center for the New South".
_LINKING_WORDS = "for|the|of|and|on|in|de|du|des|la|le|di|per|für|und"
# A numbered report in a publisher's series, after its publisher: "QRS Research Paper 2020/RP 12".
_NUMBERED_REPORT = re.compile(
    rf"^(?P<type>[A-Z][A-Za-z0-9&.-]*(?: [A-Z][A-Za-z0-9&.-]*)*? (?:{_SERIES_KINDS})) (?P<number>\S*\d.*)$"
)
_REPORT_SERIES = re.compile(
    rf"^(?P<inst>[A-Z][A-Za-z0-9&.-]*(?: (?:[A-Z][A-Za-z0-9&.-]*|{_LINKING_WORDS}))*?) (?P<kind>{_SERIES_KINDS})$"
    r"|^(?P<acronym>[A-Z]{2,}) (?P<acronym_kind>[A-Z][a-z]+(?: [A-Z][a-z]+)*)$"
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


def parse_reference(text: str) -> tuple[str, dict[str, str]]:
    """Parse one reference list entry into a biblatex type and raw field values (BibTeX-escaped)."""
    raw: dict[str, str] = {}
    rest = text.strip()
    if rest.endswith(".") and not rest.endswith(("(ed.).", "(eds.).")):
        rest = rest[:-1]  # notes end with a full stop; list entries do not
    rest = take_locators(rest, raw)
    names, title_form, title, rest = split_head(rest)
    segments = split_top(rest) if rest else []
    container = ""
    if segments and (m := re.fullmatch(r"in \*(?P<c>[^*]+)\*", segments[0])):
        container = m["c"]
        segments = segments[1:]
    leftovers = classify_segments(segments, raw)
    if title_form == "plain" and not names:
        title, raw = split_plain_title(title, raw)
    if title_form == "italic" and not container and len(leftovers) == 2 and (m := _NUMBERED_REPORT.match(leftovers[1])):
        # "*Title*, Institution, Series Kind Number, Date": a report.
        raw.update(institution=leftovers[0], type=m["type"], number=m["number"])
        leftovers = []
    if leftovers and title_form == "italic" and not container and is_imprint(leftovers):
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
    if names:
        editor = re.search(r" \(eds?\.\)$", names)
        role = "editor" if editor else "author"
        fields[role] = names_field(names[: editor.start()] if editor else names)
    fields["title"] = title
    if container:
        fields.update(container_fields(etype, container))
    fields.update(raw)
    return etype, {
        k: fields[k] if k in ("url", "doi", "author", "editor", "pages") else latex_escape(fields[k])
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
    if not parts:
        raise UnparsedError("no title")  # a bare address, say: kept as printed and reported
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
            raw["pages"] = re.sub(r"[-–]+", "--", m["p"])
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


def is_imprint(parts: Sequence[str]) -> bool:
    """Whether leftover parts read as "City, Publisher" (or "Publisher").

    A place is a few capitalised words without organisation words ("New York/London"), and a publisher
    is not a report series.
    """
    if not 1 <= len(parts) <= 2 or _REPORT_SERIES.match(parts[-1]):
        return False
    if len(parts) == 1:
        return True
    place = parts[0].split()
    return len(place) <= 3 and all(w[:1].isupper() and w not in ORG_WORDS for w in place)


def decide_type(names: str, title_form: str, container: str, raw: dict[str, str]) -> str:
    """Choose the biblatex entry type from the shape of the reference."""
    if re.search(r" \(eds?\.\)$", names):
        return "collection"
    if raw.get("journaltitle") == OFFICIAL_JOURNAL:
        return "article"
    if "institution" in raw:
        return "report"
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
    iso = parse_date(text)
    if not iso:
        raise UnparsedError(f"unrecognised date {text!r}")
    return iso


def strip_markup(text: str) -> str:
    """Drop MyST emphasis stars and autolink brackets (used for fallback titles and keys)."""
    return re.sub(r"[*<>]", "", text)
