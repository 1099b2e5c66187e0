"""BC: the COR incentive on experience rating, 10% of the base assessment of each certified CU.

The rules take Decimals read once (:mod:`cor.incentives.parsing`); ``annual_incentive``,
``formula``, ``base_assessment`` and ``estimate`` are the public contract and still read text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, computed_field

from cor.content import default_content
from cor.formatting import money
from cor.incentives.amounts import exact_cents, exact_money, payroll_text
from cor.incentives.parsing import HUNDRED, Number, parse_base_rate, parse_payroll, pct_text, to_decimal
from cor.models import BCIncentiveRule


def incentive_pct(rate_pct: Number | None, rule: BCIncentiveRule | None = None) -> Decimal:
    """The incentive's share of base assessment: the one given, else the content's (10% today)."""
    if rate_pct is None:
        return (rule or default_content().incentives.bc).rate_pct
    pct = to_decimal(rate_pct, "Incentive rate")
    if not 0 <= pct <= HUNDRED:
        raise ValueError("Incentive rate is a percentage, so it must be between 0 and 100.")
    return pct


def annual(payroll: Decimal, base_rate: Decimal, pct: Decimal) -> Decimal:
    """BC COR incentive for one certified CU: payroll x (base rate / 100) x pct, to the cent."""
    return exact_cents(payroll, base_rate, pct, divisor=HUNDRED * HUNDRED)


def annual_formula(payroll: Decimal, base_rate: Decimal, pct: Decimal) -> str:
    """The calculation written out with the user's numbers, as the sources write it:
    ``$11,000,000 x ($4.54 / $100) x 10% = $49,940.00``."""
    result = annual(payroll, base_rate, pct)
    return (
        f"{payroll_text(payroll)} x ({exact_money(base_rate, 2)} / $100) x {pct_text(pct)} = {money(result)}"
    )


def annual_incentive(payroll: Number, base_rate: Number, rate_pct: Number | None = None) -> Decimal:
    """BC COR incentive for one certified CU: payroll x (base rate / 100) x 10%, to the cent.

    ``rate_pct`` defaults to the content's rule (10%). Raises ValueError (with a message fit for
    the user) on negative, non-numeric, infinite or absurd input.
    """
    return annual(parse_payroll(payroll), parse_base_rate(base_rate), incentive_pct(rate_pct))


def base_assessment(payroll: Number, base_rate: Number) -> Decimal:
    """The premium at the base rate, before experience rating: payroll x base rate / 100."""
    return exact_cents(parse_payroll(payroll), parse_base_rate(base_rate))


def formula(payroll: Number, base_rate: Number, rate_pct: Number | None = None) -> str:
    """:func:`annual_formula` of numbers as typed."""
    return annual_formula(parse_payroll(payroll), parse_base_rate(base_rate), incentive_pct(rate_pct))


def credit_year(audit_year: int) -> int:
    """The incentive for an audit year is credited to the account in the following year."""
    return audit_year + 1


@dataclass(frozen=True)
class LineInput:
    """One CU of an estimate, as entered: numbers may still be text straight from the form."""

    label: str
    payroll: Number
    base_rate: Number
    cu_code: str = ""
    cu_name: str = ""
    rate_year: int | None = None
    rate_source: str = ""


class CUEstimate(BaseModel):
    """One CU's incentive. Its ``formula`` text is written when first read (the page and the
    exports show it; a cohort's 10,000 estimates need only the amounts)."""

    model_config = ConfigDict(frozen=True)

    label: str
    payroll: Decimal
    base_rate: Decimal
    annual: Decimal
    rate_pct: Decimal = Decimal(10)
    cu_code: str = ""
    cu_name: str = ""
    rate_year: int | None = None
    rate_source: str = ""

    @computed_field  # type: ignore[prop-decorator]  # mypy cannot type a decorated property; pydantic documents this
    @cached_property
    def formula(self) -> str:
        """The calculation written out with this CU's numbers (see :func:`annual_formula`)."""
        return annual_formula(self.payroll, self.base_rate, self.rate_pct)


def cu_estimate(line: LineInput, payroll: Decimal, base_rate: Decimal, pct: Decimal) -> CUEstimate:
    """One CU's incentive from numbers already read; ``line`` gives its label, CU and rate's source."""
    return CUEstimate(
        label=line.label,
        payroll=payroll,
        base_rate=base_rate,
        annual=annual(payroll, base_rate, pct),
        rate_pct=pct,
        cu_code=line.cu_code,
        cu_name=line.cu_name,
        rate_year=line.rate_year,
        rate_source=line.rate_source,
    )


class Estimate(BaseModel):
    """An employer's estimate over its certified CUs."""

    model_config = ConfigDict(frozen=True)

    #: How the page names what this estimate brings, and whether it arrives the year after its audit.
    noun: ClassVar[str] = "incentive"
    credited_next_year: ClassVar[bool] = True

    lines: tuple[CUEstimate, ...]
    annual_total: Decimal
    cycle_years: int
    cycle_total: Decimal
    rate_pct: Decimal
    source_url: str = ""
    effective: str = ""


def total_estimate(lines: Sequence[CUEstimate], rule: BCIncentiveRule, cycle_years: int) -> Estimate:
    """The total of CU incentives already worked out, and its value over a cycle of ``cycle_years``
    (the same payroll and rate assumed each year: an estimate, not a forecast)."""
    total = sum((line.annual for line in lines), Decimal(0))
    return Estimate(
        lines=tuple(lines),
        annual_total=total,
        cycle_years=cycle_years,
        cycle_total=total * cycle_years,
        rate_pct=rule.rate_pct,
        source_url=str(rule.source_url),
        effective=rule.effective,
    )


def estimate(
    lines: Sequence[LineInput | tuple[str, Number, Number]],
    rule: BCIncentiveRule | None = None,
    cycle_years: int | None = None,
) -> Estimate:
    """Per-CU and total incentive, and its value over a full COR cycle.

    ``lines`` are LineInputs or (label, payroll, base rate), their numbers as typed: each is read
    once. Raises ValueError on a bad line.
    """
    rule = rule or default_content().incentives.bc
    years = cycle_years or default_content().cycle.certificate_years
    out = []
    for item in lines:
        line = item if isinstance(item, LineInput) else LineInput(*item)
        out.append(
            cu_estimate(line, parse_payroll(line.payroll), parse_base_rate(line.base_rate), rule.rate_pct)
        )
    return total_estimate(out, rule, years)
