"""Bibliography entries: the type every parser returns, keys, the BibTeX writer and the MyST directive."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from paper2myst.model import Span


@dataclass(slots=True)
class BibEntry:
    """One biblatex entry made from one reference list entry."""

    key: str
    type: str  # a biblatex entry type: "article", "book", "incollection", "report", "online", "misc", ...
    fields: dict[str, str]  # biblatex field -> BibTeX-ready value, in FIELD_ORDER
    span: Span
    source: str  # the entry as printed (MyST inline source), without its list label
    label: str = ""  # the list's own number or label ("1.", "[12]", "iv"), as printed
    style: str = ""  # the house style detected for the whole list (paper2myst.bib.styles)
    reader: str = ""  # what read the fields: "rules" (the style's own) or "tagger"
    confidence: float = 1.0


# Fields are always written in this order, so the .bib output is stable and diffable.
FIELD_ORDER = (
    "shorthand",
    "author",
    "editor",
    "translator",
    "title",
    "journaltitle",
    "booktitle",
    "series",
    "institution",
    "type",
    "organization",
    "howpublished",
    "edition",
    "volume",
    "number",
    "location",
    "publisher",
    "note",
    "date",
    "pages",
    "isbn",
    "doi",
    "url",
    "urldate",
    "usera",
)
# Written as given (no LaTeX escaping): names are escaped when parsed, the others are identifiers.
RAW_FIELDS = frozenset({"author", "editor", "translator", "doi", "url", "urldate", "date", "pages", "usera"})


# biblatex's mandatory fields per entry type (biber's default data model; "a|b" is either), and where
# an entry goes when it lacks them: a type whose constraints it meets, in the order given.
MANDATORY = {
    "article": ("author", "title", "journaltitle"),
    "book": ("author", "title"),
    "collection": ("editor", "title"),
    "incollection": ("author", "editor", "title", "booktitle"),
    "inbook": ("author", "title", "booktitle"),
    "inproceedings": ("author", "title", "booktitle"),
    "report": ("author", "title", "type", "institution"),
    "thesis": ("author", "title", "type", "institution"),
    "online": ("title", "url|doi"),
    "misc": ("title",),
}
FALLBACK = {
    "book": ("collection",),
    "incollection": ("inbook",),
}
# The fields biber's default data model allows per type, of those the parsers write (beyond the ones every
# type allows: UNIVERSAL), and where a field goes when its entry had to change type.
UNIVERSAL = frozenset({"shorthand", "date", "year", "doi", "url", "urldate", "usera"})
_BOOKISH = ("author", "editor", "translator", "title", "series", "edition", "volume", "number", "location")
ALLOWED = {
    "article": frozenset(("author", "editor", "translator", "title", "journaltitle", "series", "volume", "number")),
    "book": frozenset((*_BOOKISH, "publisher", "pages", "isbn")),
    "collection": frozenset((*_BOOKISH, "publisher", "pages", "isbn")),
    "incollection": frozenset((*_BOOKISH, "booktitle", "publisher", "pages", "isbn")),
    "inbook": frozenset((*_BOOKISH, "booktitle", "publisher", "pages", "isbn")),
    "inproceedings": frozenset((*_BOOKISH, "booktitle", "organization", "publisher", "pages", "isbn")),
    "report": frozenset(("author", "title", "institution", "type", "number", "location", "pages")),
    "thesis": frozenset(("author", "title", "institution", "type", "location", "pages")),
    "online": frozenset(("author", "editor", "title", "organization")),
    "misc": frozenset(("author", "editor", "title", "type", "organization", "howpublished", "location")),
}
ALLOWED = {k: v | {"note", "pages"} - ({"pages"} if k in ("online", "misc") else set()) for k, v in ALLOWED.items()}
MOVES = {
    "journaltitle": ("booktitle", "howpublished", "organization"),
    "booktitle": ("journaltitle", "howpublished"),
    "series": ("howpublished",),
    "publisher": ("institution", "organization"),
    "institution": ("publisher", "organization"),
    "organization": ("publisher", "institution"),
}
# An undated work: EDTF's unspecified year, which biber accepts (biblatex prints it as unknown).
NO_DATE = "XXXX"


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def integer_volume(text: str) -> str:
    """Biber wants volumes as integers: "12" stays, Roman "XII" becomes "12"; anything else gives ""."""
    if re.fullmatch(r"\d+", text):
        return text
    if not re.fullmatch(r"(?i)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})", text) or not text:
        return ""
    values = [_ROMAN[c] for c in text.lower()]
    return str(sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)))


def meets(etype: str, fields: dict[str, str]) -> bool:
    """Whether the fields hold every mandatory field of the type."""
    return all(any(f in fields for f in need.split("|")) for need in MANDATORY.get(etype, ()))


def settle_type(etype: str, fields: dict[str, str]) -> tuple[str, dict[str, str]]:
    """Make the entry valid in biber's data model (type, allowed fields, a date).

    The type is the first (the wanted one, then its fallbacks, then @misc) whose mandatory fields are
    present; fields the type does not allow move to the nearest allowed field (a container to
    ``howpublished``...) or are left out; every entry gets a date.

    The printed text (``usera``) keeps every word, so nothing of the reference is lost from the entry.
    """
    etype = next((t for t in (etype, *FALLBACK.get(etype, ())) if meets(t, fields)), "misc")
    allowed = ALLOWED.get(etype, frozenset()) | UNIVERSAL
    out: dict[str, str] = {}
    if "volume" in fields and not (volume := integer_volume(fields["volume"])):
        # Not a number biber can read ("Part II"): the printed text keeps it; the note says it.
        fields = {("note" if k == "volume" and "note" not in fields else k): v for k, v in fields.items()}
    elif "volume" in fields:
        fields = {**fields, "volume": volume}
    for name, value in fields.items():
        target = name if name in allowed else next((m for m in MOVES.get(name, ()) if m in allowed), "")
        if target and target not in out and (target == name or target not in fields):
            out[target] = value
    if "date" not in out and "year" not in out:
        out["date"] = NO_DATE
    return etype, {k: out[k] for k in FIELD_ORDER if k in out}


# Leading words skipped when a key takes "the first title word": English articles only.
KEY_STOPWORDS = frozenset({"a", "an", "the"})


def strip_markup(text: str) -> str:
    """Drop MyST emphasis stars, autolink brackets and LaTeX commands (for keys)."""
    return re.sub(r"\\[a-z]+|[*<>{}]", "", text)


def ascii_word(text: str) -> str:
    """Lowercase ASCII letters and digits only: "Euro-Atlantic." -> "euroatlantic"."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def title_words(title: str) -> list[str]:
    """Key-worthy words of a title: ASCII-folded, without leading articles (KEY_STOPWORDS)."""
    words = [w for w in (ascii_word(t) for t in strip_markup(title).split()[:6]) if w]  # keys use two
    while words and words[0] in KEY_STOPWORDS:
        words = words[1:]
    return words


def family_part(name: str) -> str:
    """The family name of a BibTeX name: "Smith, John" -> "Smith"; "Jan van Dijk" -> "van Dijk"."""
    if "," in name:
        return name.split(",")[0]
    tokens = name.split()
    i = len(tokens) - 1
    while i > 0 and tokens[i - 1][:1].islower():
        i -= 1
    return " ".join(tokens[i:])


def make_key(fields: dict[str, str]) -> str:
    """Make the key ``author + year + first title word`` (before any clash suffix).

    The author part is the first family name with its particles ("vandijk"), or the whole organisation
    name squashed; an authorless entry uses its first two title words around the year.
    """
    names = fields.get("author") or fields.get("editor") or ""
    words = title_words(fields.get("title", "")) or ["untitled"]
    year = m[0] if (m := re.search(r"\d{4}", fields.get("date", ""))) else "nd"
    if names.startswith("{"):
        who = ascii_word(names.split("} and ")[0])
    elif names:
        who = ascii_word(family_part(names.split(" and ")[0]))
    else:
        who, words = words[0], words[1:] or [""]
    return f"{who or 'anon'}{year}{words[0]}"


def unique_keys(keys: Sequence[str]) -> list[str]:
    """Suffix clashing keys a, b, c ... in list order (every member of a clash gets a letter).

    A suffixed key never takes a key another entry has on its own ("smith2020a" beside two "smith2020"), and
    after "z" come "aa", "ab" ...: the keys are unique whatever the list holds.
    """
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    taken = {key for key, count in counts.items() if count == 1}
    out: list[str] = []
    for key in keys:
        if counts[key] == 1:
            out.append(key)
            continue
        n = 0
        while (candidate := key + letters(n)) in taken:
            n += 1
        taken.add(candidate)
        out.append(candidate)
    return out


def letters(n: int) -> str:
    """The n-th (from 0) suffix: a ... z, aa, ab ..."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def format_bibtex(entries: Sequence[BibEntry], header: str) -> str:
    """Write the .bib file: a header comment, then the entries in list order, fields in FIELD_ORDER.

    Every value is braced and every field ends with a comma; blocks are parted by one blank line. Written
    here, not by a BibTeX library: the format is this simple, and importing one took a tenth of a conversion.
    """
    comment = header if header.startswith("%") else f"% {header}"
    blocks = [f"{comment}\n", *map(entry_bibtex, entries)]
    return "\n".join(blocks).rstrip("\n") + "\n"


def entry_bibtex(entry: BibEntry) -> str:
    """One entry: ``@type{key,``, then each field as ``  name = {value},``, then ``}``."""
    fields = "".join(f"  {name} = {{{value}}},\n" for name, value in entry.fields.items())
    return f"@{entry.type}{{{entry.key},\n{fields}}}\n"


def bibliography_myst(entries: Sequence[BibEntry]) -> str:
    """Write the ``{bibliography}`` directive listing exactly these entries, unlabelled, in list order.

    The text comes from each entry's printed form through the ``housestyle`` pybtex style (see
    docs/_ext/housestyle.py); each entry gets the id ``cite-KEY`` from ``bibtex_cite_id``.
    """
    keys = ", ".join(f'"{e.key}"' for e in entries)
    return f"```{{bibliography}}\n:list: bullet\n:style: housestyle\n:filter: key in {{{keys}}}\n```\n"
