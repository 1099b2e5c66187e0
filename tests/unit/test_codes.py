"""A CU code is the same code however it was typed: other scripts' digits, spaces, dashes."""

from __future__ import annotations

import pytest

from cor.codes import ascii_digits, cu_code


@pytest.mark.parametrize(
    "typed",
    [
        "766011",
        " 766011 ",
        "766-011",
        "766 011",
        "766.011",
        "766\u00a0011",  # a non-breaking space pasted from a spreadsheet
        "７６６０１１",  # full-width digits (a phone keyboard set to Japanese or Chinese)
        "٧٦٦٠١١",  # Arabic-Indic digits
        "۷۶۶۰۱۱",  # Eastern Arabic-Indic (Persian) digits
    ],
)
def test_every_way_of_typing_a_code_reads_as_the_ascii_code(typed: str) -> None:
    assert cu_code(typed) == "766011"


@pytest.mark.parametrize(
    "typed", ["", "76601", "7660111", "76601a", "CU 766011", "766/011", None, 766011, []]
)
def test_what_is_not_a_six_digit_code_reads_as_none(typed: object) -> None:
    assert cu_code(typed) is None


def test_other_characters_are_kept_when_digits_are_folded() -> None:
    assert ascii_digits("CU ７６６ · ٠١١") == "CU 766 · 011"
    assert ascii_digits("①") == "1"  # compatibility forms fold too (NFKC)
