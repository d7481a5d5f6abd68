"""House styles as data: how to recognise each in a list, registered by name (as pybtex registers its styles).

A style here is only what is needed to *read* a list: patterns that vote for it, and whether it has a
parser of its own (rules that read it exactly). Adding a style is adding a :class:`HouseStyle` to
:data:`STYLES`; the parser's core does not change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import paper2myst.bib.house as house

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~2 ms); type checkers read it as True
if TYPE_CHECKING:  # the tagger loads only for a list the rules cannot read
    from paper2myst.bib.segment import Segment

# A rule parser: MyST text -> (biblatex type, BibTeX-ready fields); raises ValueError when the text is not in the style.
RuleParser = Callable[[str], tuple[str, dict[str, str]]]


@dataclass(frozen=True, slots=True)
class HouseStyle:
    """A reference list style: the patterns that recognise its entries, and optional exact rules."""

    name: str
    description: str
    # Patterns over "the entry as printed" (MyST text without its label); each match is one vote.
    patterns: tuple[re.Pattern[str], ...]
    # Label sequences (e.g. ("author", "date", "title")) that open an entry in this style.
    openings: tuple[tuple[str, ...], ...] = ()
    numbered: bool = False
    rules: RuleParser | None = field(default=None)


_NAME_INV = r"[A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+)?, (?:[A-Z]\.\s?)+"  # "Smith, J. K."
_NAME_FULL_INV = r"[A-ZÀ-Ý][\w'’-]+, [A-ZÀ-Ý][a-z]+"  # "Smith, John"

STYLES: dict[str, HouseStyle] = {}


def register(style: HouseStyle) -> HouseStyle:
    """Add a style to the registry (last registered wins a name)."""
    STYLES[style.name] = style
    return style


register(
    HouseStyle(
        "comma-notes",
        'Chicago notes, comma form: Names, "Title", in *Container*, No. N (Date), URL',
        (re.compile(r'^[^"“*]+, ["“*]'), re.compile(r", in \*"), re.compile(r"^[A-Z][a-z]+ [A-Z]")),
        rules=house.parse_reference,
    )
)
register(
    HouseStyle(
        "chicago-notes-bibliography",
        "Chicago notes-bibliography: Surname, Given. Title. Place: Publisher, Year.",
        (
            re.compile(rf"^{_NAME_FULL_INV}[^.]*\. (?!\d{{4}})"),
            re.compile(r"\. [A-Z][\w .]+: [A-Z][^,]+, \d{4}\.?$"),
        ),
        openings=(("author", "title"),),
    )
)
register(
    HouseStyle(
        "chicago-author-date",
        "Chicago author-date: Surname, Given. Year. Title.",
        (re.compile(r"^[^()]*?\. \d{4}[a-z]?\. "), re.compile(r"^[—–-]{2,}\. \d{4}"), re.compile(r"\d+ \(\d+\): \d")),
        openings=(("author", "date", "title"),),
    )
)
register(
    HouseStyle(
        "apa",
        "APA 7: Surname, I. I., & Surname, I. (Year). Title. Container, V(N), pages. https://doi.org/...",
        (
            re.compile(rf"^{_NAME_INV}.*?\(\d{{4}}[a-z]?(?:, [^)]+)?\)\. "),
            re.compile(r", & "),
            re.compile(r"\(n\.d\.\)"),
            re.compile(r"https://doi\.org/"),
        ),
        openings=(("author", "date", "title"),),
    )
)
register(
    HouseStyle(
        "harvard",
        "Harvard: Surname, I. (Year) Title. Place: Publisher. Available at: URL (Accessed: date).",
        (
            re.compile(rf"^{_NAME_INV}[^(]*(?:\(\d{{4}}[a-z]?\)(?!\.)|,? \d{{4}}[a-z]?[,.] )"),
            re.compile(r"Available at:? "),
            re.compile(r"\(?[Aa]ccessed:? "),
        ),
        openings=(("author", "date", "title"),),
    )
)
register(
    HouseStyle(
        "mla",
        'MLA 9: Surname, Given. "Title." *Container*, vol. V, no. N, Year, pp. P.',
        (
            re.compile(rf'^{_NAME_FULL_INV}[^."]*\. ["“]'),
            re.compile(r"\bvol\. \d+, no\. "),
            re.compile(r"\bpp\. \d"),
            re.compile(r"^-{2,}\. "),
            re.compile(r"\bAccessed \d"),
            re.compile(r"\b\d{1,2} [A-Z][a-z]{2,3}\. \d{4}"),
            re.compile(r"^[^:]*, \d{4}\.$"),
        ),
        openings=(("author", "title", "container"),),
    )
)
register(
    HouseStyle(
        "vancouver",
        "Vancouver: Surname AB, Surname CD. Title. Journal. Year;V(N):pages.",
        (re.compile(r"^[A-ZÀ-Ý][\w'’-]+ [A-Z]{1,3}[,.] "), re.compile(r"\d{4}[^;]*;\s?\d+(?:\(\d+\))?:\s?\d+")),
        openings=(("author", "title", "container"),),
        numbered=True,
    )
)
register(
    HouseStyle(
        "ieee",
        'IEEE: I. Surname, "Title," *Container*, vol. V, no. N, pp. P, Year.',
        (re.compile(r"^(?:[A-Z]\. ?)+[A-ZÀ-Ý][\w'’-]+, "), re.compile(r"[,.][\"”] "), re.compile(r"\bvol\. \d+")),
        openings=(("author", "title", "container"),),
        numbered=True,
    )
)


def votes(text: str, segments: Sequence[Segment] | None = None) -> dict[str, int]:
    """How many of each style's patterns (and opening) the entry matches."""
    opening = tuple(s.label for s in segments[:3]) if segments else ()
    out: dict[str, int] = {}
    for style in STYLES.values():
        n = sum(bool(p.search(text)) for p in style.patterns)
        n += any(opening[: len(o)] == o for o in style.openings)
        out[style.name] = n
    return out


def detect(texts: Sequence[str], numbered: bool) -> str:
    """The style of a whole list: the most votes over its entries (numbered lists favour numbered styles)."""
    total = dict.fromkeys(STYLES, 0)
    for text in texts:
        for name, n in votes(text).items():
            total[name] += n
    for name, style in STYLES.items():
        total[name] += len(texts) if style.numbered == numbered and numbered else 0
    return max(total, key=lambda n: (total[n], -list(STYLES).index(n))) if texts else ""
