"""How numbers, money and dates read on every page, report and export: one place, so a figure is
written the same way wherever a user meets it."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal

CENT = Decimal("0.01")


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


def show_pct(value: Decimal) -> str:
    """A percentage for people: one decimal, rounded down so a fail never displays as the bar."""
    shown = value.quantize(Decimal("0.1"), rounding=ROUND_DOWN)
    return f"{shown.normalize():f}%" if shown != shown.to_integral_value() else f"{shown:.0f}%"


def points_below(threshold: Decimal, value: Decimal) -> str:
    """Percentage points from ``value`` up to ``threshold``, rounded up to one decimal.

    Rounded up so the gap shown is never smaller than the real one, and the verdict sentence,
    the chart and the table always agree.
    """
    gap = max(Decimal(0), threshold - value).quantize(Decimal("0.1"), rounding=ROUND_UP)
    return f"{gap:.0f}" if gap == gap.to_integral_value() else f"{gap.normalize():f}"


def long_date(day: date) -> str:
    """ "31 Dec 2025": unambiguous for readers in Canada, where 03/04 means either order."""
    return f"{day.day} {day:%b %Y}"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """ "1 day", "2 days": a count with its noun agreeing."""
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"
