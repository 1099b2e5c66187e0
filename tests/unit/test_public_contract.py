"""The rules API other tools build on: these four names, their parameters and their defaults are a
contract. Their behaviour is specified once, in each module's own tests (test_incentives,
test_scoring, test_cycle, test_partners); this file only holds the shape other code relies on."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from cor.cycle import plan
from cor.incentives import annual_incentive
from cor.partners import find
from cor.scoring import verdict


@pytest.mark.parametrize(
    ("function", "required"),
    [
        (annual_incentive, ["payroll", "base_rate"]),
        (verdict, ["elements"]),
        (plan, ["certified_on"]),
        (find, ["cu_code"]),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_each_public_rule_keeps_its_parameters_and_needs_no_content(
    function: Callable[..., Any], required: list[str]
) -> None:
    parameters = inspect.signature(function).parameters.values()
    assert [p.name for p in parameters if p.default is inspect.Parameter.empty] == required
    assert [p.name for p in parameters][: len(required)] == required


def test_each_public_rule_answers_when_called_with_its_defaults() -> None:
    assert annual_incentive(payroll=11_000_000, base_rate="4.54") == Decimal("49940.00")
    assert verdict(elements={"Inspections": (38, 100), "Policy": (100, 100)}).blocking_elements == (
        "Inspections",
    )
    assert [m.kind for m in plan(certified_on=date(2024, 5, 15))] == [
        "maintenance",
        "maintenance",
        "recertification",
    ]
    assert [m.alignment for m in find(cu_code="732019")] == ["contracted"]
