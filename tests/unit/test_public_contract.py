"""The rules API other tools build on (issue: foundation). Names and behaviour are a contract."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cor.cycle import plan
from cor.incentives import annual_incentive
from cor.partners import find
from cor.scoring import verdict

# The four worked examples of SafeCare BC's COR page (source 004), 2024 data.
WORKED_EXAMPLES = [
    (11_000_000, "4.54", Decimal("49940.00")),
    (1_500_000, "4.54", Decimal("6810.00")),
    (25_000_000, "3.47", Decimal("86750.00")),
    (1_000_000, "3.47", Decimal("3470.00")),
]


@pytest.mark.parametrize(("payroll", "rate", "expected"), WORKED_EXAMPLES)
def test_annual_incentive_reproduces_the_source_examples(payroll: int, rate: str, expected: Decimal) -> None:
    assert annual_incentive(payroll, rate) == expected
    assert annual_incentive(str(payroll), Decimal(rate)) == expected
    assert annual_incentive(Decimal(payroll), float(rate)) == expected


def test_annual_incentive_rounds_half_up_to_cents() -> None:
    # $500 at $0.01 per $100 is $0.05 of base assessment: 10% is exactly half a cent, rounded up
    assert annual_incentive(500, "0.01") == Decimal("0.01")  # 0.005 exactly rounds up
    assert annual_incentive(499, "0.01") == Decimal("0.00")
    assert annual_incentive(0, "4.54") == Decimal("0.00")


def test_a_float_is_read_by_its_str() -> None:
    assert 0.1 + 0.2 != 0.3
    assert annual_incentive(1_000_000, 0.1 + 0.2) == annual_incentive(1_000_000, "0.30000000000000004")
    assert annual_incentive(1_000_000, 4.54) == Decimal("4540.00")


@pytest.mark.parametrize("payroll", [-1, "-5", "abc", "", None, float("nan"), float("inf")])
def test_bad_payroll_raises_a_message_fit_for_users(payroll: object) -> None:
    with pytest.raises(ValueError) as err:
        annual_incentive(payroll, "4.54")  # type: ignore[arg-type]
    assert "payroll" in str(err.value).lower()


@pytest.mark.parametrize("rate", [-0.5, "x", 101])
def test_bad_base_rate_raises(rate: object) -> None:
    with pytest.raises(ValueError, match="Base rate"):
        annual_incentive(1000, rate)  # type: ignore[arg-type]


@given(st.integers(0, 10**10), st.decimals(min_value=0, max_value=100, places=2))
def test_incentive_is_a_tenth_of_base_assessment_to_the_cent(payroll: int, rate: Decimal) -> None:
    result = annual_incentive(payroll, rate)
    exact = Decimal(payroll) * rate / 1000
    assert abs(result - exact) <= Decimal("0.005")
    assert result == result.quantize(Decimal("0.01"))


def test_verdict_contract() -> None:
    v = verdict({"Inspections": (38, 100), "Policy": (100, 100)})
    assert v.overall_pct == Decimal(69)
    assert v.element_pct == {"Inspections": Decimal(38), "Policy": Decimal(100)}
    assert v.passed is False
    assert v.blocking_elements == ("Inspections",)


@pytest.mark.parametrize(
    ("certified", "m1", "m2", "recert"),
    [
        (date(2024, 5, 15), date(2025, 12, 31), date(2026, 12, 31), date(2027, 5, 15)),
        (date(2023, 12, 31), date(2024, 12, 31), date(2025, 12, 31), date(2026, 12, 31)),
        (date(2024, 1, 1), date(2025, 12, 31), date(2026, 12, 31), date(2027, 1, 1)),
        (date(2024, 2, 29), date(2025, 12, 31), date(2026, 12, 31), date(2027, 2, 28)),
    ],
)
def test_plan_contract(certified: date, m1: date, m2: date, recert: date) -> None:
    milestones = plan(certified)
    assert [m.kind for m in milestones] == ["maintenance", "maintenance", "recertification"]
    assert [m.due for m in milestones] == [m1, m2, recert]


def test_find_contract() -> None:
    (health,) = find("766011")
    assert health.partner_name == "BC Municipal Safety Association"
    assert health.alignment == "naturally aligned"
    (trucking,) = find("732019")
    assert trucking.alignment == "contracted"
    (unknown,) = find("999999")
    assert unknown.alignment == "no partner found"  # "un-served" only where a source says so
    assert "Partners Program" in unknown.partner_name
    assert "worksafebc.com" in unknown.url
