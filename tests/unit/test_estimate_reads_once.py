"""An estimate reads each number a user typed once (reading was 60% of an estimate's
time: 33 reads for 3 CUs), and writes a CU's formula only when something shows it."""

from __future__ import annotations

import pytest

import cor.incentives as inc
from cor.incentives import parsing

LINES = [("CU 1", "11,000,000", "4.54"), ("CU 2", "$1,500,000", "3.47"), ("CU 3", "250000.50", "0.89")]


def test_each_payroll_and_rate_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    original = inc.to_decimal

    def counted(value: inc.Number | None, field: str) -> object:
        reads.append(field)
        return original(value, field)

    monkeypatch.setattr(parsing, "to_decimal", counted)
    inc.estimate(LINES)
    assert sorted(reads) == sorted(["Assessable payroll", "Base rate"] * len(LINES))


def test_the_formula_shown_is_the_one_written_out_for_the_same_numbers() -> None:
    result = inc.estimate(LINES)
    for line, (_, payroll, rate) in zip(result.lines, LINES, strict=True):
        assert line.formula == inc.formula(payroll, rate)
    assert result.model_dump()["lines"][0]["formula"] == "$11,000,000 x ($4.54 / $100) x 10% = $49,940.00"
