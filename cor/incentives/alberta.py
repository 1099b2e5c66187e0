"""Alberta: the Partnerships in Injury Reduction (PIR) refund, on the industry-rate premium.

The rules take Decimals read once; ``pir_refund``, ``pir_formula``, ``pir_performance_pct`` and
``pir_estimate`` still read text for callers that have it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from cor.content import default_content
from cor.incentives.amounts import share_formula
from cor.incentives.parsing import Number, parse_amount, parse_pct, pct_text
from cor.models import ABIncentiveRule, PIRPerformanceRule

PREMIUM_FIELD = "Industry-rate premium"
IMPROVEMENT_FIELD = "Improvement on your own record"
LEADERSHIP_FIELD = "Industry-leadership refund"


def pir_pct(year_in_cycle: int, secor: bool = False, rule: ABIncentiveRule | None = None) -> Decimal:
    """10% of industry-rate premium the first COR year, 5% each maintenance year; SECOR 5%."""
    rule = rule or default_content().incentives.ab
    if year_in_cycle < 1:
        raise ValueError("The year in the cycle starts at 1.")
    return rule.first_year_pct if year_in_cycle == 1 and not secor else rule.maintenance_year_pct


def pir_refund(
    industry_premium: Number, year_in_cycle: int, secor: bool = False, rule: ABIncentiveRule | None = None
) -> Decimal:
    """Alberta PIR COR refund: 10% of industry-rate premium in the first COR year, 5% after."""
    premium = parse_amount(industry_premium, PREMIUM_FIELD)
    return share_formula(premium, pir_pct(year_in_cycle, secor, rule))[0]


def pir_formula(
    industry_premium: Number, year_in_cycle: int, secor: bool = False, rule: ABIncentiveRule | None = None
) -> str:
    """``$250,000 x 10% = $25,000.00``."""
    premium = parse_amount(industry_premium, PREMIUM_FIELD)
    return share_formula(premium, pir_pct(year_in_cycle, secor, rule))[1]


def performance_pct(
    rule: PIRPerformanceRule, improvement: Decimal | None = None, leadership: Decimal | None = None
) -> Decimal:
    """The refund percentage PIR's performance measures give: 1% per 1% of improvement on the
    employer's own record (up to the cap), or the industry-leadership percentage (within its
    range); the higher of the two. Either may be None (not qualified)."""
    measures = [Decimal(0)]
    if improvement is not None:
        measures.append(min(improvement * rule.improvement_pct_per_pct, rule.improvement_max_pct))
    if leadership is not None:
        if not rule.leadership_min_pct <= leadership <= rule.leadership_max_pct:
            raise ValueError(
                f"{LEADERSHIP_FIELD} is between {pct_text(rule.leadership_min_pct)} and "
                f"{pct_text(rule.leadership_max_pct)}."
            )
        measures.append(leadership)
    return max(measures)


def pir_performance_pct(
    rule: PIRPerformanceRule, improvement_pct: Number | None = None, leadership_pct: Number | None = None
) -> Decimal:
    """:func:`performance_pct` of percentages as typed (each from 0 to 100)."""
    improvement = None if improvement_pct is None else parse_pct(improvement_pct, IMPROVEMENT_FIELD)
    leadership = None if leadership_pct is None else parse_pct(leadership_pct, LEADERSHIP_FIELD)
    return performance_pct(rule, improvement, leadership)


def pir_year_pct(cor_pct: Decimal, performance_pct: Decimal, maximum_pct: Decimal) -> Decimal:
    """One year's PIR refund percentage: the highest measure the employer qualifies for (COR or
    performance), never above the program's maximum."""
    return min(max(cor_pct, performance_pct), maximum_pct)


class PIRYear(BaseModel):
    model_config = ConfigDict(frozen=True)

    year: int
    pct: Decimal
    refund: Decimal
    formula: str


class PIREstimate(BaseModel):
    """Alberta: the PIR refund for each year of a COR cycle."""

    model_config = ConfigDict(frozen=True)

    #: How the page names what this estimate brings, and whether it arrives the year after its audit.
    noun: ClassVar[str] = "refund"
    credited_next_year: ClassVar[bool] = False

    industry_premium: Decimal
    secor: bool
    years: tuple[PIRYear, ...]
    cycle_total: Decimal
    source_url: str
    effective: str


def pir_cycle(
    premium: Decimal, secor: bool, cycle_years: int, performance: Decimal, rule: ABIncentiveRule
) -> PIREstimate:
    """PIR refunds over a cycle on an industry-rate premium already read, the same each year. Each
    year pays the highest measure: its COR percentage or ``performance`` (from
    :func:`performance_pct`), capped at the program's maximum."""
    rows = []
    for year in range(1, cycle_years + 1):
        pct = pir_year_pct(pir_pct(year, secor, rule), performance, rule.maximum_pct)
        refund, text = share_formula(premium, pct)
        rows.append(PIRYear(year=year, pct=pct, refund=refund, formula=text))
    return PIREstimate(
        industry_premium=premium,
        secor=secor,
        years=tuple(rows),
        cycle_total=sum((r.refund for r in rows), Decimal(0)),
        source_url=str(rule.source_url),
        effective=rule.effective,
    )


def pir_estimate(
    industry_premium: Number,
    secor: bool = False,
    cycle_years: int | None = None,
    performance_pct: Decimal = Decimal(0),
    rule: ABIncentiveRule | None = None,
) -> PIREstimate:
    """:func:`pir_cycle` of a premium as typed, with the content's rule and cycle by default."""
    return pir_cycle(
        parse_amount(industry_premium, PREMIUM_FIELD),
        secor,
        cycle_years or default_content().cycle.certificate_years,
        performance_pct,
        rule or default_content().incentives.ab,
    )
