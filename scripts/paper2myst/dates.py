"""English month names, as the series prints dates ("1 November 2023"), shared by every stage."""

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

_MONTH = "|".join(MONTHS)
# The forms real series print: "1 November 2023", "November 2023", "April 10, 2026", "2023-11-01",
# optionally after the word that says what the date is ("Updated April 13, 2026").
DATE_PREFIX = r"(?:(?:Updated|Published|Revised|Last updated|Released)(?: on)?:? )?"
_DAY_MONTH_YEAR = re.compile(rf"(?P<day>\d{{1,2}}) (?P<month>{_MONTH}) (?P<year>\d{{4}})")
_MONTH_DAY_YEAR = re.compile(rf"(?P<month>{_MONTH}) (?P<day>\d{{1,2}}), (?P<year>\d{{4}})")
_MONTH_YEAR = re.compile(rf"(?P<month>{_MONTH}) (?P<year>\d{{4}})")
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
_FORMS = (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _MONTH_YEAR, _ISO)
_ANY_FORM = "|".join(re.sub(r"\?P<\w+>", "", form.pattern) for form in _FORMS)
DATE_LINE = re.compile(rf"^{DATE_PREFIX}(?:{_ANY_FORM})$")


def parse_date(text: str) -> str | None:
    """A date line as printed → ISO 8601 (``YYYY-MM-DD``, or ``YYYY-MM`` without a day); None if it is none."""
    text = re.sub(rf"^{DATE_PREFIX}", "", text.strip())
    for form in _FORMS:
        match = form.fullmatch(text)
        if match:
            parts = match.groupdict()
            month = parts["month"]
            number = int(month) if month.isdigit() else MONTH_NUMBERS[month]
            if not 1 <= number <= 12:
                return None
            iso = f"{parts['year']}-{number:02d}"
            return f"{iso}-{int(parts['day']):02d}" if parts.get("day") else iso
    return None
