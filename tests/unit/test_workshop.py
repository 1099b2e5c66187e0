"""The room's combined picture from anonymous quick-check summaries (cor.workshop)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cor.scoring import verdict
from cor.workshop import MIN_SHOWN, QuickSummary, normalise_code, room_picture, summaries_from, summary_of

NAMES = {"lead": "Leadership", "haz": "Hazards", "train": "Training"}
FLOOR = Decimal(50)


def phone(lead: int, haz: int, train: int) -> QuickSummary:
    return summary_of(verdict({"lead": (lead, 100), "haz": (haz, 100), "train": (train, 100)}))


def test_a_summary_holds_only_rounded_scores_and_the_outcome() -> None:
    summary = summary_of(verdict({"lead": (2, 3), "haz": (1, 1)}))
    assert set(summary.model_dump()) == {"element_pct", "overall_pct", "passed"}
    assert summary.element_pct["lead"] == Decimal("66.6")  # cut to a tenth, as every score is shown
    assert summary.overall_pct == Decimal("75.0") and summary.passed is False


def test_the_picture_stays_hidden_until_enough_phones_have_shared() -> None:
    picture = room_picture([phone(90, 90, 90)] * (MIN_SHOWN - 1), NAMES, FLOOR)
    assert picture.phones == MIN_SHOWN - 1 and not picture.shown
    assert picture.would_pass == 0 and picture.weakest == ()


def test_the_picture_counts_passes_and_ranks_elements_by_phones_below_the_floor() -> None:
    phones = [phone(90, 40, 60), phone(95, 30, 55), phone(85, 90, 45), phone(100, 100, 100)]
    picture = room_picture(phones, NAMES, FLOOR)
    assert picture.shown and picture.phones == 4
    assert picture.would_pass == 1  # only the last one has every element at 50% or more and 80% overall
    assert [w.name for w in picture.weakest] == ["Hazards", "Training", "Leadership"]
    assert picture.weakest[0].below_floor == 2
    assert picture.weakest[0].average_pct == Decimal("65")


def test_stored_summaries_that_are_not_a_summary_are_left_out() -> None:
    good = phone(90, 90, 90).model_dump(mode="json")
    assert summaries_from([good, {"withdrawn": True}, {"element_pct": "x"}]) == [
        QuickSummary.model_validate(good)
    ]


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("abcd2345", "ABCD2345"),
        (" ab-cd 2345 ", "ABCD2345"),
        ("", None),
        ("<script>", None),
        ("x" * 50, None),
    ],
)
def test_room_codes_from_links_are_forgiving_but_strict(typed: str, code: str | None) -> None:
    assert normalise_code(typed) == code
