"""What an incentive brings over a COR cycle, year by year, against what the audits cost."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from cor.incentives.alberta import PIREstimate
from cor.incentives.bc import Estimate, credit_year


class CycleRow(BaseModel):
    """One year of a COR cycle: what it earns, the running totals, and the net against costs.
    ``audit_year`` and ``credited_in`` are the calendar years when the first audit's is known."""

    model_config = ConfigDict(frozen=True)

    year: int
    incentive: Decimal
    cumulative: Decimal
    cost: Decimal
    cumulative_cost: Decimal
    net: Decimal
    audit_year: int | None = None
    credited_in: int | None = None


def cumulative(
    amounts: Sequence[Decimal], costs: Sequence[Decimal] | None = None, first_audit_year: int | None = None
) -> list[CycleRow]:
    """Year-by-year incentive, its running total, the running cost of audits and the net.

    ``amounts[i]`` is the incentive earned for audit year i+1 of the cycle (credited the year
    after); ``costs[i]`` what the audit of that year costs. With ``first_audit_year`` each row also
    names its calendar audit year and the year the credit arrives.
    """
    costs = list(costs or [])
    rows: list[CycleRow] = []
    running = spent = Decimal(0)
    for i, amount in enumerate(amounts):
        cost = costs[i] if i < len(costs) else Decimal(0)
        running += amount
        spent += cost
        audit_year = None if first_audit_year is None else first_audit_year + i
        rows.append(
            CycleRow(
                year=i + 1,
                incentive=amount,
                cumulative=running,
                cost=cost,
                cumulative_cost=spent,
                net=running - spent,
                audit_year=audit_year,
                credited_in=None if audit_year is None else credit_year(audit_year),
            )
        )
    return rows


def cycle_costs(years: int, audit_cost: Decimal | None, maintenance_cost: Decimal | None) -> list[Decimal]:
    """What the audits cost, year by year: the certification audit in year 1, a maintenance audit
    each later year. A cost not entered counts as nothing."""
    if years < 1:
        return []
    return [audit_cost or Decimal(0)] + [maintenance_cost or Decimal(0)] * (years - 1)


def cumulative_savings(
    annual: Decimal,
    years: int,
    audit_cost: Decimal = Decimal(0),
    maintenance_cost: Decimal = Decimal(0),
    first_audit_year: int | None = None,
) -> list[CycleRow]:
    """Cumulative BC incentive over a cycle of ``years`` equal incentives, against the cost of the
    certification audit (year 1) and of each maintenance audit (later years)."""
    return cumulative([annual] * years, cycle_costs(years, audit_cost, maintenance_cost), first_audit_year)


def cycle_amounts(result: Estimate | PIREstimate | None) -> list[Decimal]:
    """What each year of the cycle brings: in BC the same incentive every year (same payroll and
    rate assumed), in Alberta each year's PIR refund. Empty without an estimate."""
    if isinstance(result, Estimate):
        return [result.annual_total] * result.cycle_years
    if isinstance(result, PIREstimate):
        return [y.refund for y in result.years]
    return []


def cost_verdict(net: Decimal) -> str:
    """How a cycle's savings compare with the audit costs, from its net (savings minus costs)."""
    if net > 0:
        return "more than pays for"
    return "exactly covers" if net == 0 else "does not cover"
