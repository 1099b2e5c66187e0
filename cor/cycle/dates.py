"""Calendar arithmetic for the cycle: years and months later, clamped to real days, and the
check that a cycle fits in the calendar at all (``date`` stops at 31 December 9999)."""

from __future__ import annotations

import calendar
from datetime import date


def fits_calendar(day: date, years: int) -> bool:
    """True when ``years`` (plus a spare year for the credit that follows) after ``day`` is a date."""
    return day.year + years + 1 <= date.max.year


def check_fits(day: date, years: int) -> None:
    """Raise ValueError, with a message a person can act on, when a cycle from ``day`` would run
    past the last date the calendar holds."""
    if not fits_calendar(day, years):
        raise ValueError(
            f"A {years}-year cycle from {day.isoformat()} runs past the last date this planner can "
            f"handle (31 Dec {date.max.year}). Check the year."
        )


def add_years(day: date, years: int) -> date:
    """Same day ``years`` later; 29 February becomes 28 February in a non-leap year."""
    check_fits(day, years - 1)
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later (or earlier), clamped to the month's last day (31 Aug + 6 -> 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= date.max.year:
        raise ValueError(f"{months} months from {day.isoformat()} is outside the calendar.")
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def year_end(year: int, month_day: str = "12-31") -> date:
    """The date ``month_day`` ("MM-DD") of ``year``: a deadline given as a day of the year."""
    month, day = (int(part) for part in month_day.split("-"))
    return date(year, month, day)


def first_on_or_after(day: date, month_days: tuple[str, ...]) -> date:
    """The first of the dates ``month_days`` ("06-30", "12-31") in ``day``'s year that is not
    before ``day``; the year's last one when all are before it."""
    candidates = sorted(year_end(day.year, month_day) for month_day in month_days)
    return next((candidate for candidate in candidates if candidate >= day), candidates[-1])
