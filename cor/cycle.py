"""The three-year COR audit cycle (BC).

A certificate lives three years: the certification audit in year 1, a maintenance audit in each
of the next two calendar years (completed on site by December 31), and a re-certification audit
before the certificate expires. Missing a maintenance audit loses the COR and the incentive.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from cor.content import default_content

MilestoneKind = Literal["certification", "maintenance", "recertification"]


class Milestone(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: MilestoneKind
    due: date
    title: str
    detail: str = ""


def add_years(day: date, years: int) -> date:
    """Same day ``years`` later; 29 February becomes 28 February in a non-leap year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def year_end(year: int, month_day: str = "12-31") -> date:
    month, day = (int(x) for x in month_day.split("-"))
    return date(year, month, day)


def plan(certified_on: date) -> list[Milestone]:
    """Maintenance audits due by the year-end deadline of the next two calendar years, then
    re-certification due by expiry, three years after ``certified_on``."""
    rules = default_content().cycle
    years = rules.certificate_years
    milestones = [
        Milestone(
            kind="maintenance",
            due=year_end(certified_on.year + n, rules.maintenance_due),
            title=f"Year {n + 1} maintenance audit",
            detail="Completed on site by the deadline; an internal auditor may do it.",
        )
        for n in range(1, years)
    ]
    milestones.append(
        Milestone(
            kind="recertification",
            due=add_years(certified_on, years),
            title="Re-certification audit",
            detail="Same process as the year 1 certification audit, done before the certificate expires.",
        )
    )
    return milestones
