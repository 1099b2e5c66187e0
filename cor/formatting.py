"""How numbers, money and dates read on every page, report and export: one place, so a figure is
written the same way wherever a user meets it."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal

CENT = Decimal("0.01")
TENTH = Decimal("0.1")

#: The one rule every score follows on every page, report and export (About the numbers states it).
SCORE_RULE = (
    "Scores show one decimal and are cut, not rounded: 79.67% shows as 79.6%, so a score just below "
    "a bar never shows as the bar. A gap to a bar is rounded up (0.33 points below shows as 0.4), so "
    "it is never shown smaller than it is."
)


def cents(amount: Decimal) -> Decimal:
    """Rounded to the cent, half up: the one rounding money gets, at the end of a calculation."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def money(amount: Decimal, whole: bool = False) -> str:
    """Canadian dollars: $49,940.00, or $11,000,000 for round figures when ``whole``; -$8,000.00."""
    if amount < 0:
        return "-" + money(-amount, whole)
    if whole and amount == amount.to_integral_value():
        return f"${amount:,.0f}"
    return f"${cents(amount):,.2f}"


def tenth_down(value: Decimal) -> Decimal:
    """A score cut to one decimal (``SCORE_RULE``): the figure every display of a score uses."""
    return value.quantize(TENTH, rounding=ROUND_DOWN)


def _tenths(value: Decimal) -> str:
    return f"{value:.0f}" if value == value.to_integral_value() else f"{value.normalize():f}"


def show_pct(value: Decimal) -> str:
    """A percentage for people: one decimal, cut so a fail never displays as the bar (``SCORE_RULE``)."""
    return _tenths(tenth_down(value)) + "%"


def points_below(threshold: Decimal, value: Decimal) -> str:
    """Percentage points from ``value`` up to ``threshold``, rounded up to one decimal.

    Rounded up so the gap shown is never smaller than the real one, and the verdict sentence,
    the chart and the table always agree.
    """
    gap = max(Decimal(0), threshold - value).quantize(TENTH, rounding=ROUND_UP)
    return _tenths(gap)


def points_gap(threshold: Decimal, value: Decimal, noun: str = "point") -> str:
    """ "1 point", "0.4 points": ``points_below`` with its noun agreeing."""
    gap = points_below(threshold, value)
    return f"{gap} {noun}" + ("" if gap == "1" else "s")


def pct_change(before: Decimal, after: Decimal) -> str:
    """ "+1.2 percentage points": the change between two scores as they are shown (each cut to a
    tenth), so the figures on the screen add up."""
    change = tenth_down(after) - tenth_down(before)
    sign = "+" if change > 0 else ("-" if change < 0 else "")
    amount = _tenths(abs(change))
    return f"{sign}{amount} percentage point" + ("" if amount == "1" else "s")


def long_date(day: date) -> str:
    """ "31 Dec 2025": unambiguous for readers in Canada, where 03/04 means either order."""
    return f"{day.day} {day:%b %Y}"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """ "1 day", "2 days": a count with its noun agreeing."""
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"


def workers(low: int, high: int | None) -> str:
    """ "1 worker", "2-5 workers", "20 or more workers": a size band as a person says it."""
    if high is None:
        return f"{low:,} or more workers"
    if high == low:
        return count(low, "worker")
    return f"{low:,}-{high:,} workers"


def month_day(value: str) -> str:
    """ "12-31" (how content stores a yearly date) -> "31 December"."""
    day = date(2000, int(value[:2]), int(value[3:5]))  # a leap year, so 02-29 reads too
    return f"{day.day} {day:%B}"
