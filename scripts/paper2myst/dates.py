"""English month names, as the series prints dates ("1 November 2023"), shared by every stage."""

from __future__ import annotations

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
