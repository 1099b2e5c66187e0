"""What a consultant types for a client's worker count and CU codes, read by one rule in cor."""

from __future__ import annotations

import pytest

from cor.workspace.models import cu_codes_from_text, workers_from_text


@pytest.mark.parametrize(
    ("typed", "workers"),
    [("24", 24), ("1,200", 1200), ("１２", 12), (" 999 999 ", 999_999), ("1", 1)],
)
def test_a_worker_count_is_a_whole_number_however_it_is_typed(typed: str, workers: int) -> None:
    assert workers_from_text(typed) == workers


@pytest.mark.parametrize("typed", ["0", "1000000", "12.5", "twelve", "-3", ""])
def test_a_worker_count_outside_1_to_999_999_or_not_whole_is_refused(typed: str) -> None:
    assert workers_from_text(typed) is None


def test_cu_codes_are_read_once_each_in_order_with_commas_or_semicolons() -> None:
    assert cu_codes_from_text("721027; 766011, 721027") == (("721027", "766011"), None)


def test_a_part_that_is_not_a_cu_code_is_named() -> None:
    assert cu_codes_from_text("721027, 12345, ") == (("721027",), "12345")
