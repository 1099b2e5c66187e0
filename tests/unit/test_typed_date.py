"""Dates as people type them: year first is read; day-first or ambiguous orders get
a message that names the readings and the year-first form to type, never a guess such as 1506."""

from __future__ import annotations

from datetime import date

import pytest

from cor.cycle import CycleInputError, read_date


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2025-03-14", date(2025, 3, 14)),
        ("20250314", date(2025, 3, 14)),
        ("2025/3/4", date(2025, 3, 4)),
        ("2025.03.14", date(2025, 3, 14)),
        (" 2025-03-14 ", date(2025, 3, 14)),
        ("14 Mar 2025", date(2025, 3, 14)),  # the form the planner itself shows dates in
        ("14-mar-2025", date(2025, 3, 14)),
        ("March 14, 2025", date(2025, 3, 14)),
        ("Sept 3 2025", date(2025, 9, 3)),
        ("２０２５-０３-１４", date(2025, 3, 14)),  # full-width digits from a phone keyboard
    ],
)
def test_year_first_and_month_name_dates_are_read(typed: str, expected: date) -> None:
    assert read_date(typed, "certified_on") == expected


@pytest.mark.parametrize("typed", [None, "", "   "])
def test_an_empty_field_is_no_date_yet(typed: str | None) -> None:
    assert read_date(typed, "certified_on") is None


def _message(typed: str) -> str:
    with pytest.raises(CycleInputError) as err:
        read_date(typed, "planned_on")
    assert err.value.field == "planned_on"
    return err.value.message


def test_day_first_digits_are_not_read_as_the_year_1506() -> None:
    message = _message("15062025")
    assert "day first" in message and "15 Jun 2025" in message and "2025-06-15" in message
    assert "1506" not in message


def test_ambiguous_day_and_month_name_both_readings() -> None:
    message = _message("03/04/2025")
    assert "3 Apr 2025" in message and "4 Mar 2025" in message
    assert "2025-04-03" in message and "2025-03-04" in message


@pytest.mark.parametrize("typed", ["2025-02-30", "31/02/2025", "2025-13-01"])
def test_impossible_dates_say_so(typed: str) -> None:
    assert "not a date on the calendar" in _message(typed)


@pytest.mark.parametrize("typed", ["hello", "[x](https://example.com)", "14 Smarch 2025"])
def test_unreadable_text_asks_for_year_first_without_repeating_it(typed: str) -> None:
    message = _message(typed)
    assert "year first" in message and "2025-03-14" in message
    assert "example.com" not in message and "Smarch" not in message
