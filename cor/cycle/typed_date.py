"""A date as a person types it, read without guessing.

Dates are asked for year first (2025-03-14), the one order nobody misreads. Messages never repeat what was typed
(it is in the field right above), so nothing a user typed is ever rendered as Markdown. Other orders are
not guessed: "03/04/2025" is 3 April in one office and 4 March in the next, and a browser's date
field reads "15062025" as the year 1506. A day-first date gets a message that shows the
year-first form to type, so the user confirms what they meant instead of the planner assuming it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from cor.cycle.model import CycleInputError
from cor.formatting import long_date

EXAMPLE = "2025-03-14"
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_YEAR_FIRST = re.compile(r"^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$|^(\d{4})(\d{2})(\d{2})$")
_YEAR_LAST = re.compile(r"^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$|^(\d{2})(\d{2})(\d{4})$")
_DAY_MONTH_NAME = re.compile(r"^(\d{1,2})[\s-]?([a-z]+)\.?[\s,-]*(\d{4})$")
_MONTH_NAME_DAY = re.compile(r"^([a-z]+)\.? *(\d{1,2}),? *(\d{4})$")


def _ascii_digits(text: str) -> str:
    """Full-width and other Unicode digits as 0-9, so ２０２５ reads as 2025."""
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in text)


def _make(field: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise CycleInputError(
            field,
            f"That is not a date on the calendar (year {year}, month {month}, day {day}). "
            f"Type it year first, for example {EXAMPLE}.",
        ) from None


def _year_last_message(field: str, first: int, second: int, year: int) -> CycleInputError:
    """The message for a date typed with the year last: what it could mean, and what to type."""
    readings: list[date] = []
    for day, month in ((first, second), (second, first)):
        try:
            reading = date(year, month, day)
        except ValueError:
            continue
        if reading not in readings:
            readings.append(reading)
    if not readings:
        message = f"That is not a date on the calendar. Type dates year first, for example {EXAMPLE}."
    elif len(readings) == 1:
        message = (
            f"That date looks day first: did you mean {long_date(readings[0])}? "
            f"Type it year first: {readings[0].isoformat()}."
        )
    else:
        message = (
            f"That date could be {long_date(readings[0])} or {long_date(readings[1])}. Type the date "
            f"year first: {readings[0].isoformat()} or {readings[1].isoformat()}."
        )
    return CycleInputError(field, message)


def read_date(text: str | None, field: str) -> date | None:
    """The date typed in ``field``, None when the field is empty; CycleInputError, naming the
    field, for text that is not a year-first date or a date with the month's name."""
    cleaned = _ascii_digits((text or "").strip()).lower()
    if not cleaned:
        return None
    if re.fullmatch(r"\d{8}", cleaned) and int(cleaned[:4]) < 1900 <= int(cleaned[4:]) < 2200:
        raise _year_last_message(field, int(cleaned[:2]), int(cleaned[2:4]), int(cleaned[4:]))
    if match := _YEAR_FIRST.match(cleaned):
        year, month, day = (int(part) for part in match.groups() if part is not None)
        return _make(field, year, month, day)
    if match := _YEAR_LAST.match(cleaned):
        first, second, year = (int(part) for part in match.groups() if part is not None)
        raise _year_last_message(field, first, second, year)
    named = _DAY_MONTH_NAME.match(cleaned)
    if named and named.group(2) in _MONTHS:
        return _make(field, int(named.group(3)), _MONTHS[named.group(2)], int(named.group(1)))
    named = _MONTH_NAME_DAY.match(cleaned)
    if named and named.group(1) in _MONTHS:
        return _make(field, int(named.group(3)), _MONTHS[named.group(1)], int(named.group(2)))
    raise CycleInputError(
        field, f"That is not a date we can read. Type it year first, for example {EXAMPLE}."
    )
