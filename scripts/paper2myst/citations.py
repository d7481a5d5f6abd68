"""Find the words of notes that cite reference list entries, and link them to the bibliography."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from paper2myst.conventions import ORG_WORDS
from paper2myst.dates import MONTHS, SEASONS, join_names
from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.latex import latex_unescape
from paper2myst.model import Citation, Note

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~2 ms); type checkers read it as True
if TYPE_CHECKING:
    from paper2myst.bib.core import BibEntry

# Bibliography entries get the HTML id "cite-KEY" (conf.py: bibtex_cite_id = "cite-{key}").
CITE_ID_PREFIX = "cite-"

# A note's title must agree this well with the listed title ("Enlarge" vs "Enlargement" is fine).
MIN_TITLE_SCORE = 0.75
# A note title that is the start of the listed one ("Regulation 2019/452" for "Regulation 2019/452: Screening").
PREFIX_SCORE = 0.9

# Markdown links "[text](url)" and autolinks "<scheme:...>", as the source writes them.
_LINK = r"\[(?:[^\]\\]|\\.)*\]\((?:[^()\s]|\([^()\s]*\))*\)"
_AUTOLINK = r"<[a-z][a-z0-9+.-]*:[^<>\s]*>"
# MyST inline constructs a citation span must never cut through.
_CONSTRUCTS = re.compile(rf"{_LINK}|{_AUTOLINK}|\*[^*]+\*")
# What locates a cited work: a URL, a DOI, or a book imprint "*Title*, City, Publisher, 2019".
_LOCATORS = re.compile(
    rf"{_AUTOLINK}|{_LINK}"
    r"|https?://[^\s<>]*[^\s<>.,;:)]|\bDOI:? 10\.\S*[^\s.,;]"
    r"|\*, (?:[A-Z][^,*;]*, )?[A-Z][^,*;]*, \d{4}\b"
)
# Text between two locators that only adds pages: both locate the same work.
_SAME_WORK = re.compile(r"[\s,;.]*(?:pp?\. [\w–-]+[\s,;.]*)*")
_IBID = re.compile(r"\b[Ii]bid(?:em)?\.")


@dataclass(frozen=True, slots=True)
class _Work:
    """What a note may use to cite an entry: its names (full and surname-only forms) and title."""

    key: str
    names: tuple[str, ...]
    title: str
    tokens: tuple[str, ...]
    exact: bool = False  # read from fields a style's exact rules gave: preferred where a printed form ties


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    key: str
    score: float
    exact: bool = False


def citation_myst(inner: str, key: str) -> str:
    """Link already-rendered MyST inline markup to the bibliography entry ``key``.

    ``inner`` must not contain a link itself (Markdown links do not nest); citation spans never
    include URLs, so this holds for spans from :func:`find_citations`.
    """
    return f"[{inner}](#{CITE_ID_PREFIX}{key})"


def find_citations(notes: Sequence[Note], entries: Sequence[BibEntry]) -> list[Diagnostic]:
    """Set ``note.citations`` for every note; report each cited work missing from the list."""
    works = [w for e in entries for w in works_of(e)]
    printed = {e.key: e.source for e in entries}
    diagnostics: list[Diagnostic] = []
    last_key = ""  # "Ibid." means the work cited just before, possibly in an earlier note
    reported: set[str] = set()
    for note in notes:
        candidates = note_candidates(note.text, works)
        chosen = choose(candidates)
        for cand, other in ambiguous(chosen, candidates):
            diagnostics.append(
                Diagnostic(
                    Kind.UNLISTED_CITATION,
                    note.span.first,
                    f"note {note.label} cites {note.text[cand.start : cand.end]!r}, which matches two entries "
                    f"equally well: {printed[cand.key]!r} (linked) and {printed[other]!r}",
                )
            )
        citations: list[Citation] = []
        for ibid in _IBID.finditer(note.text):
            chosen.append(_Candidate(ibid.start(), ibid.end(), "", 1.0))
        for cand in sorted(chosen, key=lambda c: c.start):
            key = cand.key or last_key
            if key:
                citations.append(Citation(cand.start, cand.end, key))
                last_key = key
        note.citations = citations
        for snippet in unlisted(note.text, citations):
            if snippet in reported:
                continue  # once per work, where it is first cited
            reported.add(snippet)
            near = nearest(snippet, works)
            diagnostics.append(
                Diagnostic(
                    Kind.UNLISTED_CITATION,
                    note.span.first,
                    f"note {note.label} cites a work missing from the reference list: {snippet!r}"
                    + (f" (the entry with the same names, not linked: {printed[near]!r})" if near else ""),
                )
            )
    return diagnostics


def note_candidates(text: str, works: Sequence[_Work]) -> list[_Candidate]:
    """Where a note cites a work: in its source, and in its visible words (markup the reader added or lost).

    A note read back from a PDF may carry links over a title's words or lose a title's emphasis: the visible
    words are matched too, and each span found there is taken back to the source without cutting a construct.
    """
    constructs = [m.span() for m in _CONSTRUCTS.finditer(text)]
    found = [c for c in candidates_in(text, works) if not cuts(c.start, c.end, constructs)]
    seen, where = visible(text)
    if seen == text:
        return found
    for cand in candidates_in(seen, works):
        span = source_span(where[cand.start], where[cand.end - 1] + 1, text, constructs)
        if span:
            found.append(_Candidate(span[0], span[1], cand.key, cand.score, cand.exact))
    return found


_VISIBLE = re.compile(
    r"\[(?P<text>(?:[^\]\\]|\\.)*)\]\((?:[^()\s]|\([^()\s]*\))*\)|<(?P<url>[a-z][a-z0-9+.-]*:[^<>\s]*)>|\\(?P<esc>.)|\*"
)


def visible(text: str) -> tuple[str, list[int]]:
    """The words a reader sees (link text, autolink address, no stars or escapes), and where each came from."""
    out: list[str] = []
    where: list[int] = []
    at = 0
    for m in _VISIBLE.finditer(text):
        out.append(text[at : m.start()])
        where += range(at, m.start())
        for group in ("text", "url", "esc"):
            if m[group] is not None:
                inner = m[group] if group != "text" else m[group].replace("\\", "")
                out.append(inner)
                # Each visible character of a construct points at the construct's first character, its last at its last.
                where += [m.start()] * max(len(inner) - 1, 0) + ([m.end() - 1] if inner else [])
        at = m.end()
    out.append(text[at:])
    where += range(at, len(text))
    where.append(len(text))
    return "".join(out), where


def source_span(start: int, end: int, text: str, constructs: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """A visible span taken back to the source: emphasis it cuts taken whole, a link it reaches left out.

    Links do not nest, so a citation stops where a link begins; one that begins inside a link is not linked.
    """
    for s, e in constructs:
        link = text[s] in "[<"
        if s < start < e:
            if link:
                return None
            start = s
        if s < end < e or (link and start <= s < end):
            end = s if link else e
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return (start, end) if end > start else None


def works_of(entry: BibEntry) -> list[_Work]:
    """An entry's citing forms: from its printed words, and (when they differ) from its parsed fields.

    The printed words hold whatever a parser made of them: an entry kept whole as ``@misc`` is cited as any other.
    """
    names, title = printed_parts(entry.source)
    people = split_people(names)
    forms = [names, join_names([surname(p) for p in people])] if people else [names] if names else []
    works = [_Work(entry.key, tuple(dict.fromkeys(forms)), title, tuple(tokens(title)))]
    if entry.fields.get("note") != entry.fields.get("title"):  # not an entry kept whole (title = note = text)
        fields = work_of(entry)
        works.append(_Work(fields.key, fields.names, fields.title, fields.tokens, entry.reader == "rules"))
    return works


def work_of(entry: BibEntry) -> _Work:
    """Collect the citing forms of an entry from its fields."""
    raw = entry.fields.get("author") or entry.fields.get("editor") or ""
    names: list[str] = []
    if raw.startswith("{"):
        names.append(latex_unescape(raw[1:-1]))
    elif raw:
        people = raw.split(" and ")
        names.append(join_names(people))
        names.append(join_names([surname(p) for p in people]))
    title = latex_unescape(entry.fields.get("title", ""))
    return _Work(entry.key, tuple(names), title, tuple(tokens(title)))


# A title as printed: quoted, or emphasised.
_PRINTED_TITLE = re.compile(r"\"(?:[^\"]|\\\")+\"|“[^”]+”|\*[^*]+\*")
# What follows the names before the title, never part of them: an editor's mark, a comma.
_NAMES_END = re.compile(r"(?:\s*\((?:eds?|trans|comp)\.\))?[\s,.:]*$")
# A person as a list prints them: given names or initials, then the family name with its particles.
_PERSON = re.compile(r"(?:[A-ZÀ-Ý][\w'’-]*\.?\s)+(?:(?:[a-z]{1,3}\s)*[A-ZÀ-Ý][\w'’-]+)")


def printed_parts(source: str) -> tuple[str, str]:
    """The names and the title an entry prints, read from its own words and marks, not from parsed fields.

    The title is the first quoted or emphasised stretch, the names what stands before it; an entry without
    either mark (emphasis lost, say) is read as "Names, Title, ..." when its first part names people or an
    organisation, else as an authorless title ("UN Resolution 822 (1993) adopted on ..., <url>").
    """
    if m := _PRINTED_TITLE.search(source):
        names = _NAMES_END.sub("", visible(source[: m.start()])[0])
        return names.strip(), visible(m[0][1:-1])[0].strip()
    seen = visible(source)[0]
    parts = [p.strip() for p in re.split(r",\s", seen)]
    if len(parts) >= 2 and (split_people(parts[0]) or organisation(parts[0])):
        return parts[0], parts[1]
    return "", parts[0]


def split_people(names: str) -> list[str]:
    """The persons of "A B, C D and E F", or [] when the names are not all persons (an organisation)."""
    people = [n.strip() for n in re.split(r",\s|\sand\s|\s&\s", names) if n.strip()]
    return people if people and all(map(person, people)) else []


def person(name: str) -> bool:
    """A person's name as printed: given names or initials, then the family name; no organisation word or acronym."""
    words = name.split()
    return (
        bool(_PERSON.fullmatch(name)) and len(words) <= 5 and not any(w in ORG_WORDS or acronym_word(w) for w in words)
    )


def acronym_word(word: str) -> bool:
    """An acronym ("US", "OECD"), not an initial ("J." or "J")."""
    return len(word) > 1 and word.isupper() and word.isalpha()


def organisation(name: str) -> bool:
    """A corporate author as printed: a few capitalised words, at least one an acronym or longer than a name."""
    words = name.split()
    lower = [w for w in words if not w[:1].isupper()]
    return 1 <= len(words) <= 8 and len(lower) * 2 < len(words) and not any(c.isdigit() for c in name)


def nearest(snippet: str, works: Sequence[_Work]) -> str:
    """The key of the one work whose printed names open an unlinked citation (its title differed), or ""."""
    keys = {w.key for w in works for n in w.names if n and snippet.startswith(n)}
    return keys.pop() if len(keys) == 1 else ""


def ambiguous(chosen: Sequence[_Candidate], candidates: Sequence[_Candidate]) -> list[tuple[_Candidate, str]]:
    """Chosen citations that another entry matches as well, over the same words: (the citation, the other key)."""
    out = []
    for cand in chosen:
        rivals = {
            c.key
            for c in candidates
            if c.key != cand.key and c.score == cand.score and (c.start, c.end) == (cand.start, cand.end)
        }
        out += [(cand, key) for key in sorted(rivals)[:1]]
    return out


def surname(person: str) -> str:
    """Return the family name with its particles: "Jan van Dijk" -> "van Dijk"."""
    parts = person.split()
    i = len(parts) - 1
    while i > 0 and parts[i - 1][:1].islower():
        i -= 1
    return " ".join(parts[i:])


def tokens(text: str) -> list[str]:
    """Split into comparable words: markup and punctuation dropped, case and accents folded."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return [w for w in (re.sub(r"[^a-z0-9]", "", t) for t in folded.split()) if w]


def title_score(cited: Sequence[str], listed: Sequence[str]) -> float:
    """How well a title in a note agrees with the listed title (1.0 = same words)."""
    if not cited or not listed:
        return 0.0
    if list(cited) == list(listed):
        return 1.0
    if len(cited) >= 2 and list(listed[: len(cited)]) == list(cited):
        return PREFIX_SCORE
    return SequenceMatcher(None, cited, listed, autojunk=False).ratio()


def title_after(text: str, pos: int) -> tuple[int, int] | None:
    """Find the span of the title following names at ``pos``: quoted, italic or plain."""
    m = re.compile(r"(?: \(eds?\.\))?(?:,? (?=[\"“*])|, )").match(text, pos)
    if not m:
        return None
    start = m.end()
    if start >= len(text):
        return None
    opener = text[start]
    if opener in '"“':
        close = re.compile(r"[\"”](?=[,.;:]|$)").search(text, start + 1)
        return (start, close.end()) if close else None
    if opener == "*":
        close_star = text.find("*", start + 1)
        return (start, close_star + 1) if close_star > 0 else None
    # A plain title runs to its container (", in *") or to the next comma.
    stop = re.compile(r", in \*|, |[;]|\.(?: |$)").search(text, start)
    return start, stop.start() if stop else len(text)


def candidates_in(text: str, works: Iterable[_Work]) -> list[_Candidate]:
    """Every place a work's names are followed by a title close enough to its listed title."""
    found: list[_Candidate] = []
    for work in works:
        if not work.names:
            # An authorless work is cited by its designation: "UN Security Council Resolution 2334 (2016)".
            for m in re.finditer(re.escape(work.title), text):
                found.append(_Candidate(m.start(), m.end(), work.key, 1.0, work.exact))
            continue
        for name in work.names:
            for start in whole_words(name, text):
                span = title_after(text, start + len(name))
                if span is None:
                    continue
                score = title_score(tokens(text[span[0] : span[1]]), work.tokens)
                if score >= MIN_TITLE_SCORE:
                    found.append(_Candidate(start, span[1], work.key, score, work.exact))
    return found


def in_word(char: str) -> bool:
    """A character that continues a word or a hyphenated name (regex ``[\\w-]``)."""
    return char.isalnum() or char in "_-"


def whole_words(name: str, text: str) -> Iterator[int]:
    """Where ``name`` stands in ``text`` as a whole word, left to right, never overlapping.

    What ``re.finditer(rf"(?<![\\w-]){re.escape(name)}(?![\\w-])", text)`` finds, without making and caching a
    pattern for every name of every work (compiling them took ~2 ms of a ~100 ms conversion).
    """
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not in_word(text[at - 1])) and (end == len(text) or not in_word(text[end])):
            yield at
            at = text.find(name, end if name else at + 1)
        else:
            at = text.find(name, at + 1)


def cuts(start: int, end: int, constructs: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) cuts through a construct instead of containing it or leaving it out."""
    return any(s < start < e or s < end < e for s, e in constructs)


def choose(candidates: Sequence[_Candidate]) -> list[_Candidate]:
    """Keep the best non-overlapping candidates: higher score, then the longer (fuller name) span."""
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c.score, not c.exact, -(c.end - c.start), c.start)):
        if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
            chosen.append(cand)
    return chosen


def unlisted(text: str, citations: Sequence[Citation]) -> list[str]:
    """Cited works without a link: each locator whose stretch of the note holds no citation."""
    snippets: list[str] = []
    prev_end = 0
    for m in _LOCATORS.finditer(text):
        region = text[prev_end : m.start()]
        linked = any(prev_end <= c.start < m.start() for c in citations)
        if not linked and not (prev_end and _SAME_WORK.fullmatch(region)):
            words = " ".join(region.split()).strip(" ,;.:") or m.group()
            snippets.append(words if len(words) <= 100 else words[:99] + "…")
        prev_end = m.end()
    return snippets


# --- citations in the text: author-date and numbered ------------------------------------------------------

# One name in an author-date citation: a capitalised word, possibly with particles and hyphens, or an
# organisation's words ("International Energy Agency", "OECD").
_PARTICLES = r"(?:(?:de|van|von|der|den|du|da|del|di|la|le|al|el)\s)*"
_CITE_NAME = rf"{_PARTICLES}[A-ZÀ-Ý][\w'’.-]*(?:\s(?:[A-ZÀ-Ý][\w'’-]*|of|for|the|on|and|de|du))*?"
_CITE_NAMES = rf"{_CITE_NAME}(?:(?:,\s|\sand\s|\s&\s){_CITE_NAME})*(?:,?\set\sal\.)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.d\."
_YEAR_ONLY = r"(?:1[5-9]\d\d|20\d\d)"
_LOCATOR = r"(?:,\s*(?:pp?\.|para\.|chap\.|ch\.|fig\.|table|sec\.)\s*[\w–-]+(?:\s*[–-]\s*\w+)?)"
# "Smith 2010", "Smith and Jones, 2006, p. 5", "Lee et al. 2011a, 2011b".
_CITE_ONE = re.compile(rf"(?P<names>{_CITE_NAMES}),?\s(?P<years>(?:{_YEAR})(?:,\s(?:{_YEAR}))*){_LOCATOR}?")
# Parenthetical: "(see Smith 2010; ABC 2019)"; narrative: "Smith (2010, p. 5)".
_PAREN = re.compile(r"\((?P<inner>[^()]*?\d{4}[a-z]?[^()]*)\)")
_NARRATIVE = re.compile(rf"(?P<names>{_CITE_NAMES})\s\((?P<years>(?:{_YEAR})(?:,\s(?:{_YEAR}))*){_LOCATOR}?\)")
# Numbered calls: "[12]", "[1, 3]", "[2–4]".
_NUMBERED = re.compile(r"\[(?P<inner>\d+(?:\s*[,–-]\s*\d+)*)\](?!\()")
_PREFIX = re.compile(r"^(?:see also|see|e\.g\.,?|cf\.|i\.e\.,?|also)\s", re.I)
# Capitalised words that open a parenthesis with a year but are not names: "(In 2019)", "(Since 2010)".
_NOT_NAMES = (
    frozenset(
        [
            "in",
            "since",
            "from",
            "until",
            "by",
            "as",
            "after",
            "before",
            "during",
            "for",
            "the",
            "and",
            "or",
            "see",
            "between",
            "around",
            "about",
            "circa",
            "c",
            "ca",
            "table",
            "figure",
            "fig",
            "chapter",
            "section",
        ]
    )
    | frozenset(month.lower() for month in MONTHS)
    | frozenset(season.lower() for season in SEASONS)
)


@dataclass(frozen=True, slots=True)
class _Cited:
    """What an author-date citation can match: the first author's family name (folded) and the year as printed."""

    key: str
    families: tuple[str, ...]
    year: str


def fold(text: str) -> str:
    """Case, accents and punctuation folded: "Müller-Lee" -> "mullerlee"."""
    return "".join(tokens(text))


def acronym(name: str) -> str:
    """The initials of an organisation's capitalised words: "International Energy Agency" -> "iea"."""
    return "".join(w[0] for w in name.split() if w[:1].isupper()).lower()


def cited_of(entry: BibEntry) -> _Cited:
    """An entry's author-date handle, from its fields (names) and its printed text (the year with its letter)."""
    raw = entry.fields.get("author") or entry.fields.get("editor") or ""
    families: list[str] = []
    if raw.startswith("{"):
        org = latex_unescape(raw[1 : raw.index("}")] if "}" in raw else raw[1:])
        families += [fold(org), acronym(org)]
    elif raw:
        first = latex_unescape(raw.split(" and ")[0])
        families.append(fold(first.split(",")[0] if "," in first else surname(first)))
    if not families and (
        lead := re.match(rf"(?P<who>[^()\d]+?)[\s.,(]+{_YEAR_ONLY}[a-z]?\b", plain_text(entry.source))
    ):
        # No name in the fields (an entry kept whole): the words printed before the year, as author-date lists have.
        families += [fold(lead["who"])]
    year = entry.fields.get("date", "")[:4]
    # The year as printed, with its letter ("2020a"); the printed text also gives it when the fields do not.
    printed = re.search(rf"\b{year if year.isdigit() else _YEAR_ONLY}[a-z]?\b", entry.source)
    return _Cited(entry.key, tuple(f for f in families if f), printed[0] if printed else year)


def plain_text(myst: str) -> str:
    """Markup stars dropped (enough for the words before a year)."""
    return myst.replace("*", "")


def same_names(work: str, index: Sequence[_Cited]) -> str:
    """The key of the one entry whose first author an unlinked "Names Year" citation names (another year), or ""."""
    names = work.rsplit(" ", 1)[0]
    family = fold(re.split(r",\s|\sand\s|\s&\s|,?\set\sal\.", names)[0])
    keys = {c.key for c in index if family and family in c.families}
    return keys.pop() if len(keys) == 1 else ""


def match_cited(names: str, year: str, index: Sequence[_Cited]) -> str:
    """The key of the one entry whose first author and year agree with a citation, or ""."""
    first = re.split(r",\s|\sand\s|\s&\s|,?\set\sal\.", names)[0]
    family = fold(first)
    same = [c for c in index if family in c.families]
    found = [c.key for c in same if c.year == year or (c.year[:4] == year and len(year) == 4)]
    exact = [c.key for c in same if c.year == year]
    return exact[0] if len(exact) == 1 else found[0] if len(found) == 1 else ""


# What running text can cite in a list: each entry's author-date handle, and the keys by list number.
TextIndex = tuple[list[_Cited], dict[str, str]]


def text_index(entries: Sequence[BibEntry]) -> TextIndex:
    """Index a list once for all the paragraphs that cite it."""
    by_label = {re.sub(r"\D", "", e.label): e.key for e in entries if e.label and re.search(r"\d", e.label)}
    return [cited_of(e) for e in entries], by_label


def find_text_citations(text: str, entries: Sequence[BibEntry]) -> tuple[list[Citation], list[tuple[str, int]]]:
    """Author-date and numbered citations in running text: linked spans, and the unlisted works' citations."""
    return text_citations(text, text_index(entries))


def text_citations(text: str, indexed: TextIndex) -> tuple[list[Citation], list[tuple[str, int]]]:
    """Like :func:`find_text_citations`, with the list indexed beforehand."""
    index, by_label = indexed
    found: list[Citation] = []
    unlisted: list[tuple[str, int]] = []  # (the citation, where it starts)
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, names: str, years: str) -> None:
        # Words before the names may open the sentence ("As Smith (2010)"): drop them one by one.
        words = names.split(" ")
        drop = next((i for i in range(len(words)) if match_any(" ".join(words[i:]), years)), 0)
        while drop < len(words) - 1 and words[drop].lower() in _NOT_NAMES:
            drop += 1
        start += sum(len(w) + 1 for w in words[:drop])
        words = words[drop:]
        names = " ".join(words)
        if words[0].lower() in _NOT_NAMES:
            return
        for year in re.findall(_YEAR, years):
            key = match_cited(names, year, index)
            if key:
                found.append(Citation(start, end, key))
            else:
                unlisted.append((f"{names} {year}", start))
        taken.append((start, end))

    def match_any(names: str, years: str) -> bool:
        return any(match_cited(names, y, index) for y in re.findall(_YEAR, years))

    for m in _NARRATIVE.finditer(text):
        add(m.start(), m.end(), m["names"], m["years"])
    for m in _PAREN.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        offset = m.start("inner")
        for part in re.finditer(r"[^;]+", m["inner"]):
            chunk = part[0]
            lead = len(chunk) - len(chunk.lstrip())
            chunk = chunk.strip()
            if p := _PREFIX.match(chunk):
                lead += p.end()
                chunk = chunk[p.end() :]
            if one := _CITE_ONE.fullmatch(chunk.rstrip(".")):
                start = offset + part.start() + lead
                add(start, start + one.end(), one["names"], one["years"])
    if by_label:
        for m in _NUMBERED.finditer(text):
            numbers: list[str] = []
            for a, b in re.findall(r"(\d+)(?:\s*[–-]\s*(\d+))?", m["inner"]):
                numbers += [str(n) for n in range(int(a), int(b) + 1)] if b and int(b) - int(a) < 50 else [a]
            keys = [by_label.get(n, "") for n in numbers]
            if all(keys) and len(keys) == 1:
                found.append(Citation(m.start(), m.end(), keys[0]))
            elif all(keys):
                # Each number of a group links to its own entry: "[1, 3]" -> "1" and "3".
                for n in re.finditer(r"\d+", m["inner"]):
                    key = by_label.get(n[0], "")
                    if key:
                        found.append(Citation(m.start("inner") + n.start(), m.start("inner") + n.end(), key))
            else:
                unlisted.append((m[0], m.start()))
    found.sort(key=lambda c: c.start)
    return found, unlisted


# --- a "Works cited" list made from the notes (for papers without a reference list) -------------------------

_WORK_BREAK = re.compile(r"; |(?<=[a-z]{2}[.!?]) (?=[A-Z])")
_LEAD_IN = re.compile(r"^(?:(?:see also|see|cf\.|e\.g\.,?|and|also|for example,?|as argued by|quoted in)\s+)+", re.I)


def works_in_notes(notes: Sequence[Note]) -> list[tuple[str, Note]]:
    """Each work the notes cite, first citation first, once: its printed words up to its locator, and its note.

    The locator is a URL, a DOI or a book imprint, as for reporting unlisted works.
    """
    works: list[tuple[str, Note]] = []
    seen: set[str] = set()
    for note in notes:
        prev_end = 0
        for m in _LOCATORS.finditer(note.text):
            region = note.text[prev_end : m.start()]
            if prev_end and _SAME_WORK.fullmatch(region):
                prev_end = m.end()
                continue  # a second locator of the same work
            # The work starts after the last sentence end or semicolon before its locator.
            breaks = [b.end() for b in _WORK_BREAK.finditer(region)]
            start = prev_end + (breaks[-1] if breaks else 0)
            text = _LEAD_IN.sub("", note.text[start : m.end()].strip(" ,;:"))
            if text.startswith("*,"):
                text = ""  # an imprint whose title began before the region: not a whole work
            key = fold(text)
            if text and key not in seen:
                seen.add(key)
                works.append((text, note))
            prev_end = m.end()
    return works
