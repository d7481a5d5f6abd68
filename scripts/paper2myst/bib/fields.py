"""Labelled segments of a reference to biblatex fields: names, dates, numbering, locators, the entry type."""

from __future__ import annotations

import re
from collections.abc import Sequence

from paper2myst.bib.core import FIELD_ORDER, RAW_FIELDS
from paper2myst.bib.house import NAME_PARTICLES
from paper2myst.bib.segment import Segment
from paper2myst.conventions import ORG_WORDS
from paper2myst.dates import iso_date
from paper2myst.latex import latex_escape, myst_unescape

# A repeated author: "———", "---", "——." (Chicago, MLA).
REPEATED_AUTHOR = re.compile(r"^[—–―-]{2,}[.,]?$|^_{3,}[.,]?$")
_ET_AL = re.compile(r",?\s*(?:et\s*al\.?|u\.\s*a\.|and others)\s*$", re.I)
_ROLE = re.compile(
    r"\(?\b(?:eds?|editors?|edited by|hrsg|hg|dir|coord|trans|translated by|tr|comp)\b\.?\)?[.,:]?", re.I
)
_DOI = re.compile(r"10\.\d{4,}/[^\s<>]*[^\s<>.,;:)\]]")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>]*[^\s<>.,;:)\]]")
_ACCESS = re.compile(r"\b(?:accessed|retrieved|viewed|consulted|last (?:updated|modified|accessed))\b", re.I)
# Notes that only introduce a locator ("Available at:", "Retrieved from"): the field says it already.
_CUE_ONLY = re.compile(
    r"(?:available (?:at|from|online)|retrieved(?: from)?|online|accessed|viewed|url|web|\[online\])\W*", re.I
)
_VOLUME_NUMBER = re.compile(r"(?P<v>\d+)\s*\((?P<n>[^)]+)\)")
_PAGES = re.compile(r"(?P<a>[A-Za-z]?\d+)(?:\s*[-–—]+\s*(?P<b>[A-Za-z]?\d+))?")
_EDGE = " \t.,;:()[]{}\"“”'‘’«»"


def clean(text: str) -> str:
    """Strip the punctuation that separates segments (not the one inside): '"Title,"' -> 'Title'."""
    text = text.strip()
    # Keep a full stop that ends an abbreviation or initial ("Inc.", "J."); drop one that ends a sentence.
    while text and text[-1] in _EDGE:
        if text[-1] == "." and re.search(r"(?:\b[A-Z]|\b(?:Inc|Ltd|Co|Corp|St|Jr|Sr|al|eds?|vol|no))\.$", text):
            break
        if text[-1] == ")" and "(" in text:
            break
        text = text[:-1].rstrip()
    while text and text[0] in _EDGE and not (text[0] == "(" and ")" in text):
        text = text[1:].lstrip()
    return text


def plain(text: str) -> str:
    """The reader's text of MyST inline source: no stars, no link syntax."""
    if not any(c in text for c in "*[<\\"):
        return text
    text = re.sub(r"\[((?:[^\]\\]|\\.)+)\]\((?:[^()\s]|\([^()\s]*\))+\)", r"\1", text)
    text = re.sub(r"<([a-z][a-z0-9+.-]*:[^<>\s]+)>", r"\1", text)
    return myst_unescape(text.replace("*", ""))


def is_organisation(name: str) -> bool:
    """A corporate author: organisation words, an acronym, or too many words for a person."""
    words = name.replace(",", " ").split()
    return any(w.strip(".()") in ORG_WORDS for w in words) or (
        len(words) == 1 and words[0].isupper() and len(words[0]) > 1
    )


def split_persons(text: str) -> list[str]:
    """Split an author list into persons, whatever the style.

    "Smith, J., Jones, K. & Lee, M." (inverted, APA), "Smith J, Jones K" (Vancouver),
    "J. Smith, K. Jones, and M. Lee" (IEEE), "Smith, John, and Kate Jones" (Chicago, MLA).
    """
    text = re.sub(r"\s*(?:&|\band\b|\bund\b|\bet\b(?!\s*al)|\by\b|;)\s*", " ; ", text)
    parts = [p.strip(" ,") for p in re.split(r" ; ", text) if p.strip(" ,")]
    out: list[str] = []
    for part in parts:
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        # "Smith, J., Jones, K." -> pairs; "J. Smith, K. Jones" -> singles; "Smith J, Jones K" -> singles.
        i = 0
        while i < len(pieces):
            piece = pieces[i]
            nxt = pieces[i + 1] if i + 1 < len(pieces) else ""
            if nxt and " " not in piece.strip() and is_given(nxt):
                out.append(f"{piece}, {nxt}")
                i += 2
            else:
                out.append(piece)
                i += 1
    return out


def is_given(text: str) -> bool:
    """Given names or initials after an inverted family name: "J.", "J. K.", "John", "Anna M."."""
    words = text.split()
    return 1 <= len(words) <= 3 and all(re.fullmatch(r"[A-ZÀ-Ý][\w'’.-]*\.?", w) for w in words)


def names_field(text: str) -> tuple[str, bool]:
    """A BibTeX name list, and whether it ends with "et al." (written as "and others")."""
    text = plain(text).strip().rstrip(",;:")
    etal = bool(_ET_AL.search(text))
    text = _ET_AL.sub("", text)
    text = _ROLE.sub("", text)
    text = re.sub(r"^(?:in|In|IN)\b:?\s*", "", text).strip(" ,:;")
    if not text:
        return "", etal
    if is_organisation(text):
        return "{" + latex_escape(clean(text)) + "}" + (" and others" if etal else ""), etal
    persons = [clean_person(p) for p in split_persons(text)]
    if any(len(p.split()) > 5 for p in persons):  # a sentence, not names: keep it whole
        return "{" + latex_escape(text) + "}" + (" and others" if etal else ""), etal
    persons = [p for p in persons if p]
    value = " and ".join(persons) + (" and others" if etal else "")
    return value, etal


def clean_person(name: str) -> str:
    """One person for BibTeX: escaped, a trailing full stop dropped unless it ends an initial."""
    name = name.strip(" ,;:")
    if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name):
        name = name[:-1]
    if re.fullmatch(r"[A-ZÀ-Ý][\w'’-]+ [A-Z]{1,3}\.?", name):  # Vancouver "Smith AB" -> "Smith, A. B."
        family, initials = name.rsplit(" ", 1)
        name = f"{family}, {' '.join(c + '.' for c in initials.rstrip('.'))}"
    tokens = name.split()
    if any(t in NAME_PARTICLES for t in tokens) and "," not in name and len(tokens) > 1:
        return latex_escape(name)
    return latex_escape(name)


def pages_field(text: str) -> str:
    """Pages as biblatex writes them: "pp. 12–34." -> "12--34"."""
    m = _PAGES.search(text)
    if not m:
        return ""
    return f"{m['a']}--{m['b']}" if m["b"] else m["a"]


def fields_from_segments(segments: Sequence[Segment], previous_author: str = "") -> tuple[str, dict[str, str]]:
    """Turn labelled segments into a biblatex type and BibTeX-ready fields (same order as FIELD_ORDER)."""
    by: dict[str, list[str]] = {}
    for seg in segments:
        by.setdefault(seg.label, []).append(seg.text)
    f: dict[str, str] = {}

    def joined(label: str) -> str:
        return " ".join(by.get(label, []))

    if "author" in by:
        author = joined("author")
        if REPEATED_AUTHOR.match(author.strip()) and previous_author:
            f["author"] = previous_author
        else:
            f["author"] = names_field(author)[0]
    for role in ("editor", "translator"):
        if role in by:
            f[role] = names_field(joined(role))[0]
    if "title" in by:
        f["title"] = clean(plain(by["title"][0]))
    if "container" in by:
        f["journaltitle"] = clean(re.sub(r"^(?:in|In|IN)\b:?\s*", "", plain(by["container"][0])))
    if "collection" in by:
        f["series"] = clean(re.sub(r"^(?:of|in)\s+", "", plain(joined("collection"))))
    if "edition" in by:
        f["edition"] = clean(plain(joined("edition")))
    if "volume" in by:
        vol = plain(joined("volume"))
        if m := _VOLUME_NUMBER.search(vol):
            f["volume"], f["number"] = m["v"], clean(m["n"])
        elif m := re.search(r"(?P<v>\d+[A-Za-z]?)\W+(?:no|nr|issue|n)\.?\s*(?P<n>\w+)", vol, re.I):
            f["volume"], f["number"] = m["v"], m["n"]
        elif (m := re.search(r"\d+", vol)) or (m := re.search(r"\b[IVXLCDM]+\b", vol)):
            f["volume"] = m[0]
        else:
            f["volume"] = clean(vol)
    if "number" in by:
        num = re.sub(r"^(?:no|nr|issue|n)\.?\s*", "", clean(plain(joined("number"))), flags=re.I)
        f["number"] = num
    if "location" in by:
        f["location"] = clean(plain(by["location"][-1]))
    if "publisher" in by:
        f["publisher"] = clean(plain(joined("publisher")))
    if "genre" in by:
        f["type"] = clean(plain(joined("genre")))
    notes = [clean(plain(n)) for n in by.get("note", [])]
    for text in by.get("date", []):
        iso = iso_date(plain(text))
        if not iso:
            notes.append(clean(plain(text)))
        elif "date" not in f:
            f["date"] = iso
        elif "urldate" not in f and len(iso) == 10:
            f["urldate"] = iso  # a second full date is the access date
    for note in list(notes):
        if _ACCESS.search(note) and (iso := iso_date(note)) and len(iso) == 10:
            f["urldate"] = iso
            notes.remove(note)
    if notes := [n for n in notes if n and not _CUE_ONLY.fullmatch(n)]:
        f["note"] = "; ".join(notes)
    if "pages" in by and (p := pages_field(plain(joined("pages")))):
        f["pages"] = p
    if "isbn" in by:
        f["isbn"] = re.sub(r"^ISBN:?\s*", "", clean(joined("isbn")), flags=re.I)
    locator_text = " ".join(s.text for s in segments if s.label in ("doi", "url", "note"))
    if m := _DOI.search(" ".join(by.get("doi", [])) or locator_text):
        f["doi"] = m[0]
    if m := _URL.search(" ".join(by.get("url", [])) or locator_text):
        url = m[0]
        if not (f.get("doi") and f["doi"] in url):
            f["url"] = url if "://" in url else "https://" + url
    if "urldate" in f and "url" not in f:
        del f["urldate"]
    etype = entry_type(f)
    if etype in ("incollection", "inproceedings", "inbook") and "journaltitle" in f:
        f["booktitle"] = f.pop("journaltitle")
    if etype == "report" and "publisher" in f:
        f["institution"] = f.pop("publisher")
    if etype == "thesis" and "publisher" in f:
        f["institution"] = f.pop("publisher")
    out = {k: (v if k in RAW_FIELDS else latex_escape(v)) for k, v in f.items() if v}
    return etype, {k: out[k] for k in FIELD_ORDER if k in out}


def entry_type(f: dict[str, str]) -> str:
    """The biblatex type from which fields are present."""
    kind = f.get("type", "").lower()
    if re.search(r"thesis|dissertation|th[eè]se", kind):
        return "thesis"
    if re.search(r"report|paper|brief", kind):
        return "report"
    container = f.get("journaltitle", "")
    if container:
        if re.search(r"\b(?:proceedings|conference|symposium|workshop|congress)\b", container, re.I):
            return "inproceedings"
        if "editor" in f or ("publisher" in f and "volume" not in f) or ("location" in f and "pages" in f):
            return "incollection"
        return "article"
    if "publisher" in f or "location" in f:
        return "book"
    if "url" in f:
        return "online"
    return "misc"
