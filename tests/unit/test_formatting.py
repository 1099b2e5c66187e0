"""How figures read: one module writes money, percentages, points and dates for every page,
report and export, so a figure reads the same wherever a user meets it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cor.formatting import cents, count, long_date, money, points_below, show_pct


@pytest.mark.parametrize(
    ("amount", "whole", "shown"),
    [
        (Decimal("49940"), False, "$49,940.00"),
        (Decimal("11000000"), True, "$11,000,000"),
        (Decimal("11000000.50"), True, "$11,000,000.50"),  # not round: cents stay
        (Decimal("-8000"), False, "-$8,000.00"),
        (Decimal("0.005"), False, "$0.01"),  # half a cent rounds up
        (Decimal("0.004"), False, "$0.00"),
        (Decimal("0"), True, "$0"),
    ],
)
def test_money_reads_as_canadian_dollars(amount: Decimal, whole: bool, shown: str) -> None:
    assert money(amount, whole=whole) == shown


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=4))
def test_cents_are_the_nearest_cent_half_up(amount: Decimal) -> None:
    rounded = cents(amount)
    assert rounded == rounded.quantize(Decimal("0.01"))
    assert abs(rounded - amount) <= Decimal("0.005")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("80"), "80%"),
        (Decimal("79.996"), "79.9%"),  # rounded down: a fail never shows as the bar
        (Decimal("49.99"), "49.9%"),
        (Decimal("91.666666"), "91.6%"),
        (Decimal("100.000000000000"), "100%"),
        (Decimal("0"), "0%"),
    ],
)
def test_a_percentage_shows_one_decimal_rounded_down(value: Decimal, shown: str) -> None:
    assert show_pct(value) == shown


@given(st.decimals(min_value=0, max_value=100, places=6))
def test_a_shown_percentage_is_never_above_the_real_one(value: Decimal) -> None:
    assert Decimal(show_pct(value).rstrip("%")) <= value


@pytest.mark.parametrize(
    ("threshold", "value", "shown"),
    [
        (Decimal(50), Decimal(38), "12"),
        (Decimal(80), Decimal("79.96"), "0.1"),  # rounded up: never smaller than the real gap
        (Decimal(80), Decimal("72.5"), "7.5"),
        (Decimal(50), Decimal(60), "0"),  # above the bar: no gap
    ],
)
def test_points_below_rounds_the_gap_up(threshold: Decimal, value: Decimal, shown: str) -> None:
    assert points_below(threshold, value) == shown


@given(st.integers(1, 100), st.decimals(min_value=0, max_value=100, places=6))
def test_the_shown_score_plus_the_shown_gap_reaches_the_bar_exactly(threshold: int, value: Decimal) -> None:
    # the verdict says "at 79.9%, 0.1 points below the 80% needed": the two figures add up
    assume(value < threshold)  # at or above the bar there is no gap to show
    shown_score = Decimal(show_pct(value).rstrip("%"))
    assert shown_score + Decimal(points_below(Decimal(threshold), value)) == threshold


def test_dates_read_day_month_year_without_ambiguity() -> None:
    assert long_date(date(2025, 12, 31)) == "31 Dec 2025"
    assert long_date(date(2026, 3, 4)) == "4 Mar 2026"


def test_a_count_agrees_with_its_noun() -> None:
    assert count(1, "day") == "1 day"
    assert count(2, "day") == "2 days"
    assert count(0, "action") == "0 actions"
    assert count(1200, "worker") == "1,200 workers"
    assert count(3, "activity", "activities") == "3 activities"
