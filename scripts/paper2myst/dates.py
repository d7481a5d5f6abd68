"""Dates and names as papers print them: month names, seasons, one date parser, the "A, B and C" joiner."""

from __future__ import annotations

import re

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_NUMBERS = {month: number for number, month in enumerate(MONTHS, start=1)}

_MONTH = "|".join([*MONTHS, *(m[:3] for m in MONTHS if len(m) > 3)])  # "November" or "Nov"
# The forms real series print: "1 November 2023", "November 2023", "April 10, 2026", "2023-11-01",
# optionally after the word that says what the date is ("Updated April 13, 2026", a journal's "Accepted: 2 May
# 2024": the last of its history dates that a page prints apart) or the day of the week ("Thursday, August 6, 2020").
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? "
DATE_PREFIX = (
    r"(?:(?:Updated|Published|Published online|Revised|Last updated|Released|Accepted|Date)(?: on)?:? )?"
    rf"(?:{_WEEKDAY})?"
)
_DAY_MONTH_YEAR = re.compile(rf"(?P<day>\d{{1,2}}) (?P<month>{_MONTH})\.?,? (?P<year>\d{{4}})")
_MONTH_DAY_YEAR = re.compile(rf"(?P<month>{_MONTH})\.? (?P<day>\d{{1,2}}),? (?P<year>\d{{4}})")
_MONTH_YEAR = re.compile(rf"(?P<month>{_MONTH}) (?P<year>\d{{4}})")
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
_FORMS = (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _MONTH_YEAR, _ISO)
_ANY_FORM = "|".join(re.sub(r"\?P<\w+>", "", form.pattern) for form in _FORMS)
DATE_LINE = re.compile(rf"^{DATE_PREFIX}(?:{_ANY_FORM})$")


# A date among a line's other words, or the first day of a range of days, as an event's line prints them:
# "October 28–31, 2025", "April 28-May 2, 2025", "4–6 May 2026", "June 3, 2024". Not "2025" alone.
_IN_LINE = re.compile(
    rf"\b(?P<month>{_MONTH})\.? (?P<day>\d{{1,2}})(?:\s*[–-]\s*(?:(?:{_MONTH})\.? )?\d{{1,2}})?,? (?P<year>\d{{4}})\b"
    rf"|\b(?P<day2>\d{{1,2}})(?:\s*[–-]\s*\d{{1,2}})? (?P<month2>{_MONTH})\.?,? (?P<year2>\d{{4}})\b"
)


def first_day(text: str) -> str:
    """The first date a line prints among its words, a range's first day, as ISO 8601; "" where it prints none.

    "Imaginary Conference ’26, October 28–31, 2026, Springfield" → "2026-10-28".
    """
    found = _IN_LINE.search(text)
    if not found:
        return ""
    month = MONTH_NUMBERS.get(found["month"] or found["month2"], 0)
    month = month or next(n for m, n in MONTH_NUMBERS.items() if m.startswith(found["month"] or found["month2"]))
    return f"{found['year'] or found['year2']}-{month:02d}-{int(found['day'] or found['day2']):02d}"


def parse_date(text: str) -> str | None:
    """A date line as printed → ISO 8601 (``YYYY-MM-DD``, or ``YYYY-MM`` without a day); None if it is none."""
    return iso_date(text) if DATE_LINE.match(text.strip()) else None


# ISO 8601-2 (EDTF) season codes, which biber understands: 2020-21 is "Spring 2020".
SEASONS = {"Spring": 21, "Summer": 22, "Autumn": 23, "Fall": 23, "Winter": 24}
SEASON_NAMES = {code: name for name, code in SEASONS.items() if name != "Fall"}

# Month abbreviations and other languages' month names, for dates in reference lists.
MONTH_ALIASES = {
    **{m[:3].lower(): n for m, n in MONTH_NUMBERS.items()},
    "sept": 9,
    **{m.lower(): n for m, n in MONTH_NUMBERS.items()},
    **dict(
        zip(
            [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ],
            range(1, 13),
            strict=True,
        )
    ),
    **dict(
        zip(
            [
                "januar",
                "februar",
                "märz",
                "april",
                "mai",
                "juni",
                "juli",
                "august",
                "september",
                "oktober",
                "november",
                "dezember",
            ],
            range(1, 13),
            strict=True,
        )
    ),
    **dict(
        zip(
            [
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre",
            ],
            range(1, 13),
            strict=True,
        )
    ),
    **dict(
        zip(
            [
                "gennaio",
                "febbraio",
                "marzo",
                "aprile",
                "maggio",
                "giugno",
                "luglio",
                "agosto",
                "settembre",
                "ottobre",
                "novembre",
                "dicembre",
            ],
            range(1, 13),
            strict=True,
        )
    ),
}
_SEASON_WORDS = {name.lower(): code for name, code in SEASONS.items()}


def iso_date(text: str) -> str:
    """A printed date to ISO 8601 (EDTF seasons): "18 June 2021", "June 18, 2021", "Summer 1995", "4.10.1993".

    Returns "" when the text holds no year; only the year when the day or month is unclear.
    """
    words = re.findall(r"[^\W\d_]+|\d+", text.lower())
    years: list[str] = [w for w in words if len(w) == 4 and w.isdigit() and 1000 <= int(w) <= 2999]
    if not years:
        return ""
    year = years[0]
    if m := re.fullmatch(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*", text):
        return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
    if m := re.fullmatch(r"\s*(\d{4})-(\d{2})(?:-(\d{2}))?\s*", text):
        return text.strip()
    month = next((MONTH_ALIASES[w] for w in words if w in MONTH_ALIASES), 0)
    season = next((_SEASON_WORDS[w] for w in words if w in _SEASON_WORDS), 0)
    days = [w for w in words if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31]
    if month and len(days) == 1:
        return f"{year}-{month:02d}-{int(days[0]):02d}"
    if month and not days:
        return f"{year}-{month:02d}"
    if season and not days:
        return f"{year}-{season}"
    return year


def join_names(names: list[str] | tuple[str, ...], conjunction: str = "and") -> str:
    """Join names the English way: "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]
