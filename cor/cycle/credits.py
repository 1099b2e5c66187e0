"""Incentive credits: one for each audit year, credited the following year (our estimate)."""

from __future__ import annotations

from cor.cycle.context import CycleContext
from cor.cycle.dates import year_end
from cor.cycle.model import CycleYear, Milestone
from cor.incentives import credit_year


def credit_milestones(context: CycleContext, years: list[CycleYear]) -> list[Milestone]:
    rules = context.rules
    return [
        Milestone(
            kind="incentive_credit",
            due=year_end(credit_year(year.calendar_year), rules.incentive_credit_by),
            title=f"Incentive for {year.calendar_year} credited (estimate)",
            short="Credit",
            detail=(
                f"If the {year.calendar_year} audit passes and you stay in good standing. "
                f"{rules.incentive_credit} The date is our estimate, not a promise."
            ),
            id=f"credit-{year.calendar_year}",
            estimate=True,
            source_url=str(rules.incentive_source_url or rules.source_url),
        )
        for year in years[: context.years]
    ]
