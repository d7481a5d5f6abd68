"""Tag the words of a reference (author, title, container, date, ...) with a CRF trained on tagged references."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree

from paper2myst.conventions import ORG_WORDS
from paper2myst.dates import MONTH_ALIASES, SEASONS

MODEL = Path(__file__).with_name("references.crfsuite")

# The labels the model predicts. Tagged sets name some parts several ways; these are folded together.
LABELS = (
    "author",
    "editor",
    "translator",
    "title",
    "container",
    "collection",
    "date",
    "volume",
    "number",
    "pages",
    "edition",
    "publisher",
    "location",
    "genre",
    "note",
    "doi",
    "url",
    "isbn",
    "label",
    "journal",
)
# A journal and a book's or a conference's title are both the work's container, but their neighbours differ
# (volume and pages against editors and publishers): the model learns them apart, and they are folded into one
# "container" as it labels (FOLDED).
TAG_LABELS = {
    "container-title": "container",
    "collection-title": "collection",
    "citation-number": "label",
    "issue": "number",
    "source": "note",
    "medium": "note",
    "director": "author",
    "producer": "note",
    "dataset": "note",
}

FOLDED = {"journal": "container"}

# Month names and abbreviations in the languages dates.py reads, and the seasons: one list for every stage.
MONTH_WORDS = frozenset(MONTH_ALIASES) | frozenset(season.lower() for season in SEASONS)
# Cue words of reference parts, by what they cue; a word's class is a feature, so the model learns the rest.
CUES = {
    "vol": "volume",
    "vols": "volume",
    "volume": "volume",
    "bd": "volume",
    "jg": "volume",
    "t": "volume",
    "no": "number",
    "nr": "number",
    "issue": "number",
    "n": "number",
    "pp": "pages",
    "p": "pages",
    "s": "pages",
    "pages": "pages",
    "ed": "editor",
    "eds": "editor",
    "hrsg": "editor",
    "hg": "editor",
    "dir": "editor",
    "edited": "editor",
    "editor": "editor",
    "editors": "editor",
    "trans": "translator",
    "translated": "translator",
    "tr": "translator",
    "in": "in",
    "retrieved": "access",
    "accessed": "access",
    "available": "access",
    "viewed": "access",
    "consulted": "access",
    "online": "access",
    "press": "publisher",
    "university": "publisher",
    "verlag": "publisher",
    "publishers": "publisher",
    "publishing": "publisher",
    "books": "publisher",
    "edn": "edition",
    "edition": "edition",
    "éd": "edition",
    "aufl": "edition",
    "report": "genre",
    "thesis": "genre",
    "dissertation": "genre",
    "paper": "genre",
    "doi": "doi",
    "isbn": "isbn",
    "et": "etal",
    "al": "etal",
    "and": "and",
    "&": "and",
    "journal": "journal",
    "proceedings": "journal",
    "conference": "journal",
    "review": "journal",
    "bulletin": "journal",
    "transactions": "journal",
    "annals": "journal",
    "quarterly": "journal",
    "magazine": "journal",
    "symposium": "journal",
    "workshop": "journal",
    "publications": "publisher",
    "editions": "publisher",
    "éditions": "publisher",
    "chap": "pages",
    "chapter": "pages",
    "ch": "pages",
    "nos": "number",
    "revised": "edition",
    "reprint": "edition",
    "reprinted": "edition",
    "tech": "genre",
    "technical": "genre",
    "preprint": "genre",
    "manuscript": "genre",
    "unpublished": "genre",
    "phd": "genre",
    "master": "genre",
    "working": "genre",
    "web": "access",
    "updated": "access",  # "last updated on 5 May 2023": a web page's date
    "brief": "genre",
    "briefs": "genre",
    "commentary": "genre",
    "commentaries": "genre",
    "studies": "genre",
    "papers": "genre",
    "reports": "genre",
    # A firm's legal form ends a publisher's name ("Example House, Inc", "Example Books Ltd.").
    "inc": "firm",
    "ltd": "firm",
    "co": "firm",
    "corp": "firm",
    "llc": "firm",
    "gmbh": "firm",
    "plc": "firm",
}
# Places that imprints and reports print before their publisher ("London: Example Books", "Paris, Example Agency"),
# and the postal abbreviations of states that follow a town ("Hillsdale, NJ:"): a place is told from a publisher by
# them. Words that open titles as often as places ("New", "In", "Me") are left out.
_PLACE_WORDS = """
    amsterdam ankara athens baltimore bangkok barcelona beijing beirut berkeley berlin bern bologna bonn boston
    boulder brussels budapest cairo calcutta cambridge canberra cape chicago cologne copenhagen delhi dhaka dordrecht
    dublin edinburgh florence frankfurt geneva glasgow hamburg heidelberg helsinki hillsdale islamabad istanbul ithaca
    jakarta jerusalem johannesburg kyiv kiev lagos leiden leipzig lisbon london los madrid manchester melbourne
    mexico milan montreal moscow mumbai munich munchen nairobi oslo ottawa oxford paris philadelphia princeton
    rabat rome san singapore stanford stockholm stuttgart sydney tokyo toronto tunis turin vancouver vienna warsaw
    washington wien zurich york uk usa
    ak az ar ca ct fl ga il ia ks ky md mi mn ms mo mt nv nh nj nm ny nc nd oh pa ri sc sd tn tx ut vt va wa wv wi
    wy dc calif conn
    abingdon basingstoke bristol chichester harlow hoboken norwood malden oakland sebastopol englewood cliffs
    boca raton thousand oaks newbury chapel arbor minneapolis pittsburgh seattle denver houston atlanta
    urbana champaign lanham westport greenwich pasadena evanston amherst cham lausanne basel geneve genf gottingen
    tubingen freiburg wiesbaden darmstadt dresden hannover dusseldorf bielefeld opladen weinheim bruxelles lyon
    lille toulouse bordeaux marseille grenoble rennes quebec sevilla valencia salamanca roma milano torino firenze
    napoli padova koln buenos aires paulo santiago lima bogota seoul shanghai kong taipei kyoto osaka manila
    karachi lahore tehran baghdad damascus amman riyadh doha dubai abu dhabi kampala addis ababa accra dakar harare
    pretoria durban auckland wellington brisbane perth adelaide quito caracas havana vientiane hanoi
"""
# Two-letter state codes that are also words or names ("Ma", "In", "Or"): places only in capitals ("Cambridge, MA").
_CAPITAL_PLACE_WORDS = "ma me or de la al co hi id ok ne in"
PLACES = frozenset(_PLACE_WORDS.split())
CAPITAL_PLACES = frozenset(_CAPITAL_PLACE_WORDS.split())
# Words that make a name an organisation's ("Nile Basin Initiative", "International Crisis Group"): a corporate
# author, or the body issuing a report, is told from a person and from a title by them.
# Bodies issuing reports name themselves in their own language as often as in English ("Stiftung für ...",
# "Istituto per ...", "Fondation ..."): the same cue, for the tagger only.
ORG_ABROAD = frozenset(
    {"stiftung", "institut", "istituto", "instituto", "fondation", "fondazione", "fundacion", "fundacao", "zentrum"}
)
ORG_CUES = (frozenset(w.lower() for w in ORG_WORDS) | ORG_ABROAD) - frozenset(CUES)

# A word that is a URL (it starts like one) or holds a DOI: a feature here, and a label by form (segment.py).
URL_START = re.compile(r"^<?(?:https?://|www\.)", re.I)
DOI = re.compile(r"10\.\d{4,}/")
_YEAR = re.compile(r"^\D{0,2}(1[5-9]\d\d|20\d\d)[a-z]?\D{0,3}$")
_RANGE = re.compile(r"\d+\s*[-–—]\s*\d+")


@dataclass(frozen=True, slots=True)
class Token:
    """A whitespace-separated word of a reference, with its character span."""

    text: str
    start: int
    end: int
    emphasis: bool = False  # printed in italics (known from MyST stars, never from plain text)


def tokenize(text: str) -> list[Token]:
    """Split at whitespace, keeping character offsets into ``text``."""
    return [Token(m[0], m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def shape(word: str) -> str:
    """Collapse a word to its character classes: "Smith," -> "Aa,", "2019)." -> "0)."."""
    out: list[str] = []
    for ch in word:
        c = "A" if ch.isupper() else "a" if ch.isalpha() else "0" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


def core(word: str) -> str:
    """Lowercase letters and digits of a word, accents folded."""
    folded = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in folded if ch.isalnum())


@lru_cache(maxsize=65536)
def word_features(word: str) -> dict[str, str]:
    """Features of one word alone (cached: the callers must not change the dict)."""
    w = core(word)
    lower = word.lower().strip(".,;:()[]\"“”'‘’")
    feats = {
        "w": w[:12],
        "shape": shape(word),
        "first": word[0] if not word[0].isalnum() else "x",
        "last": word[-1] if not word[-1].isalnum() else "x",
        "pre3": w[:3],
        "suf3": w[-3:],
        "len": str(min(len(w), 6)),
        "cue": CUES.get(w, "") or ("org" if w in ORG_CUES else ""),
        "place": str((w in PLACES and word[:1].isupper()) or (w in CAPITAL_PLACES and word.strip(".,:;()").isupper())),
    }
    if URL_START.match(word):
        feats["kind"] = "url"
    elif DOI.search(word):
        feats["kind"] = "doi"
    elif _YEAR.match(word):
        feats["kind"] = "year"
    elif _RANGE.search(word):
        feats["kind"] = "range"
    elif w.isdigit():
        feats["kind"] = "num"
    elif re.fullmatch(r"(?:[A-Z]\.-?)+,?", word) or re.fullmatch(r"[A-Z]{1,3},?", word):
        feats["kind"] = "initials"
    elif lower in MONTH_WORDS:
        feats["kind"] = "month"
    elif "@" in word:
        feats["kind"] = "email"
    else:
        feats["kind"] = "word"
    return feats


@lru_cache(maxsize=65536)
def _own_strings(word: str) -> tuple[str, ...]:
    return tuple(f"{k}={v}" for k, v in word_features(word).items())


@lru_cache(maxsize=65536)
def _neighbour_strings(word: str, d: int) -> tuple[str, ...]:
    g = word_features(word)
    return (
        f"{d}:w={g['w']}",
        f"{d}:kind={g['kind']}",
        f"{d}:last={g['last']}",
        f"{d}:cue={g['cue']}",
        f"{d}:place={g['place']}",
    )


def chunks(words: Sequence[str], own: Sequence[dict[str, str]]) -> list[int]:
    """Each word's chunk: words up to one ending in "," ";" ":" or a full stop (not an initial's), or up to an opening.

    A part of a reference is mostly a chunk or a few: what a chunk holds (a cue word, a place, a year) and how it
    ends (a colon after a place) tell every word in it what it is, not only the words next to the cue.
    """
    out: list[int] = []
    k = 0
    fresh = True
    for word, f in zip(words, own, strict=True):
        k += not fresh and word[0] in '([“"‘«'  # an opening bracket or quote starts one too
        out.append(k)
        end = word.rstrip(')]”"’»')[-1:]
        fresh = end in ",;:" or (end == "." and f["kind"] != "initials")
        k += fresh
    return out


def case_profile(words: Sequence[str]) -> str:
    """How a run's longer words begin: all capitals ("title" case, names, journals), none ("lower"), or "mixed".

    Short words ("of", "and", "the") are left out: title case prints them small.
    """
    long = [w for w in words if sum(ch.isalpha() for ch in w) > 3]
    if not long:
        return "na"
    caps = sum(w.lstrip('([“"‘«')[:1].isupper() for w in long)
    return "title" if caps == len(long) else "lower" if caps == 0 else "mixed"


def imprint_chunks(
    words: Sequence[str], of: Sequence[int], ends: Sequence[str], sizes: Sequence[int], holds: Sequence[set[str]]
) -> dict[int, str]:
    """Chunks that look like an imprint's place and publisher: a short capitalised run before ":", then a capital.

    "Hillsdale, NJ: Example Books", "White River Junction (VT): Example Press": a place list before a colon and
    a publisher after it, whether or not the place is one the place list knows.
    """
    first: dict[int, int] = {}
    for i, c in enumerate(of):
        first.setdefault(c, i)
    out: dict[int, str] = {}
    for c, i in first.items():
        if ends[c] != ":" or sizes[c] > IMPRINT_PLACE_WORDS or c + 1 not in first:
            continue
        # The publisher closes the reference or comes before its year or numbers ("London: Verso, 2001."); a
        # title's colon is followed by more of the title ("Program Design: A Foundation, Example Books, 1988").
        if c + 2 in first and not holds[c + 2] & {"year", "num", "range", "pages"}:
            continue
        if not (capitalised(words[i : i + sizes[c]]) and words[first[c + 1]][:1].isupper()):
            continue
        out[c] = "place"
        out[c + 1] = "publisher"
        # The town before its state ("Hillsdale, NJ:", "White River Junction (VT):") is a chunk of its own.
        b = c - 1
        town = words[first[b] : first[b] + sizes[b]] if b in first else []
        if town and ends[b] in ",$" and len(town) + sizes[c] <= IMPRINT_PLACE_WORDS and capitalised(town):
            out[b] = "place"
    return out


def capitalised(words: Sequence[str]) -> bool:
    """Every word begins with a capital (after an opening bracket), as a place's name does; no digits."""
    return all(w.lstrip("(")[:1].isupper() and not any(ch.isdigit() for ch in w) for w in words)


# An imprint's place is a town, maybe with its state and country ("Upper Saddle River, NJ:"): at most this many words.
IMPRINT_PLACE_WORDS = 4


def chunk_features(words: Sequence[str], own: Sequence[dict[str, str]]) -> list[list[str]]:
    """Per word, what its chunk holds and where the chunk stands, and what the chunks either side hold."""
    of = chunks(words, own)
    count = of[-1] + 1 if of else 0
    holds: list[set[str]] = [set() for _ in range(count)]
    ends = ["$"] * count
    sizes = [0] * count
    firsts = [""] * count
    members: list[list[str]] = [[] for _ in range(count)]
    for i, (word, f) in enumerate(zip(words, own, strict=True)):
        c = of[i]
        if not sizes[c]:
            firsts[c] = f["cue"] or f["kind"]
        sizes[c] += 1
        members[c].append(word)
        end = word.rstrip(')]”"’»')[-1:]
        ends[c] = end if end in ",;:." else "$"
        if f["cue"]:
            holds[c].add(f["cue"])
        if f["place"] == "True":
            holds[c].add("place")
        if f["kind"] in ("year", "month", "num", "range", "initials"):
            holds[c].add(f["kind"])
    cases = [case_profile(m) for m in members]
    imprint = imprint_chunks(words, of, ends, sizes, holds)
    # Where the first "In" chunk and the first year stand: a container follows the one, a title often the other.
    opened_in = next((c for c in range(count) if firsts[c] == "in"), count)
    year_at = next((c for c in range(count) if "year" in holds[c]), count)
    whole = set().union(*holds) if holds else set()
    overall = [
        f"g_has={h}" for h in sorted(whole & {"in", "range", "pages", "publisher", "place", "editor", "journal"})
    ]
    out: list[list[str]] = []
    start = -1
    for i, c in enumerate(of):
        fresh = start != c
        start = c
        last = i + 1 == len(of) or of[i + 1] != c
        feats = [f"ch_end={ends[c]}", f"ch_idx={min(c, 4)}", f"ch_ridx={min(count - 1 - c, 3)}"]
        feats.append(f"ch_len={min(sizes[c], 6)}")
        feats.append(f"pch_end={ends[c - 1] if c else '^'}")
        feats.append(f"ch_pos={'only' if fresh and last else 'first' if fresh else 'last' if last else 'mid'}")
        feats.append(f"ch_first={firsts[c]}")
        feats.append(f"ch_case={cases[c]}")
        feats.append(f"ch_case+end={cases[c]}|{ends[c]}")
        feats.append(f"from_in={min(c - opened_in, 3) if c >= opened_in else 'no'}")
        feats.append(f"from_year={max(-3, min(c - year_at, 3)) if year_at < count else 'no'}")
        if c in imprint:
            feats.append(f"imprint={imprint[c]}")
        feats.extend(f"ch_has={h}" for h in sorted(holds[c]))
        feats.extend(f"ch_has+end={h}|{ends[c]}" for h in sorted(holds[c]))
        if c + 1 < count:
            feats.extend(f"nch_has={h}" for h in sorted(holds[c + 1]))
            feats.append(f"nch_first={firsts[c + 1]}")
            feats.append(f"nch_case={cases[c + 1]}")
        if c:
            feats.extend(f"pch_has={h}" for h in sorted(holds[c - 1]))
            feats.extend(f"pch_has+end={h}|{ends[c - 1]}" for h in sorted(holds[c - 1]))
            feats.append(f"pch_first={firsts[c - 1]}")
        feats.extend(overall)
        out.append(feats)
    return out


def is_abbreviation(word: str, next_cap: bool | str) -> bool:
    """A short capitalised word cut with a full stop, a capital after it: "Atm. Environ.", "Proc. Natl." (not "J.")."""
    letters = sum(ch.isalpha() for ch in word)
    return next_cap is True and word.endswith(".") and word[:1].isupper() and 2 <= letters <= ABBREVIATION_LETTERS


# Journals' and bodies' abbreviations are short ("Natl.", "Environ."); a longer word before a full stop ends a sentence.
ABBREVIATION_LETTERS = 7


def sequence_features(tokens: Sequence[Token]) -> list[list[str]]:
    """Features of every token: its own, its neighbours', its place, its chunk, and the brackets and quotes it is in."""
    words = [t.text for t in tokens]
    own = [word_features(w) for w in words]
    n = len(tokens)
    by_chunk = chunk_features(words, own)
    caps = [w[:1].isupper() for w in words]
    out: list[list[str]] = []
    first_year = next((i for i, f in enumerate(own) if f["kind"] == "year"), n)
    paren = quote = dots = commas = 0
    seen_year = seen_in = seen_quote = False
    for i, text in enumerate(words):
        f = own[i]
        kind, last = f["kind"], f["last"]
        prev_last = own[i - 1]["last"] if i else "^"
        next_cap = caps[i + 1] if i + 1 < n else "$"
        d4 = dots if dots < 4 else 4
        feats = [
            *_own_strings(text),
            f"dots={d4}",
            f"commas={commas if commas < 4 else 4}",
            f"year_seen={seen_year}",
            f"in_seen={seen_in}",
            f"quote_seen={seen_quote}",
            f"prevlast+shape={prev_last}|{f['shape']}",
            f"prevlast+kind={prev_last}|{kind}",
            f"dots+kind={d4}|{kind}",
            f"cap={caps[i]}",
            f"bigram={own[i - 1]['w'] if i else '^'}|{f['w']}",
            f"nextcap={next_cap}",
            f"last+nextcap={last}|{next_cap}",
            f"prevlast+cap={prev_last}|{caps[i]}",
            f"last+nextkind={last}|{own[i + 1]['kind'] if i + 1 < n else '$'}",
            f"year_rel={'after' if seen_year else 'before' if i < first_year else 'none'}",
            f"upper={text.isupper() and len(text) > 2}",
            f"after_quote={seen_quote and quote == 0}",
            f"dots+cue={d4}|{f['cue']}",
            f"prev2last={own[i - 2]['last'] if i > 1 else '^'}|{prev_last}",
            f"abbr={is_abbreviation(text, next_cap)}",
        ]
        first = text[0]
        if first in "(“\"'‘[":
            paren += first in "(["
            quote += first in '“"‘'
        feats.append(f"pos={i if i < 5 else 5}")
        feats.append(f"rpos={10 * i // n}")
        feats.append(f"inparen={paren > 0}")
        feats.append(f"inquote={quote > 0}")
        if tokens[i].emphasis:
            feats.append("em")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                feats.extend(_neighbour_strings(words[j], d))
            else:
                feats.append(f"{d}:none")
        feats.extend(by_chunk[i])
        if i == 0:
            feats.append("BOS")
        if i == n - 1:
            feats.append("EOS")
        dots += text.endswith(".") and kind != "initials"
        commas += text.endswith(",")
        seen_year = seen_year or kind == "year"
        seen_in = seen_in or f["cue"] == "in"
        seen_quote = seen_quote or first in '“"‘'
        stripped_last = text.rstrip(".,;:")[-1:]
        if text[-1] in ")]" or stripped_last in ")]":
            paren = max(0, paren - 1)
        if stripped_last in '”"’':
            quote = max(0, quote - 1)
        out.append(feats)
    return out


# --- the tagged set --------------------------------------------------------------------------------


def read_tagged(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Each reference of an AnyStyle-style XML file as (label, segment text) pairs, labels folded to LABELS."""
    root = ElementTree.parse(path).getroot()
    for seq in root.iter("sequence"):
        pairs = []
        for el in seq:
            text = " ".join((el.text or "").split())
            if text:
                pairs.append((TAG_LABELS.get(el.tag, el.tag if el.tag in LABELS else "note"), text))
        if pairs:
            yield pairs


def token_labels(pairs: Sequence[tuple[str, str]]) -> tuple[str, list[str]]:
    """The reference text (segments joined by spaces) and one label per token: ``B-title``, ``I-title``, ...

    Each label marks its word as a part's first (B) or a later one (I): the model learns where parts begin as
    well as what they are, since a title's first word after an author's last is a different event from a
    title's tenth word, and the transitions between labels say so.
    """
    labels = [f"{'I' if k else 'B'}-{label}" for label, text in pairs for k, _ in enumerate(text.split())]
    return " ".join(text for _, text in pairs), labels


def part_label(token_label: str) -> str:
    """The part a token's label names: ``B-journal`` -> ``container`` (the inverse of token_labels, then FOLDED)."""
    label = token_label[2:] if token_label[1:2] == "-" else token_label
    return FOLDED.get(label, label)
