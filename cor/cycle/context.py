"""Everything one schedule is computed from, checked and gathered once: the small frozen context
the schedule's parts (audit windows, milestones, alerts, notices, credits, auditor) all read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from cor.cycle.dates import add_months, add_years
from cor.cycle.model import CycleYear, Mode
from cor.cycle.rules import maintenance_deadline, year_end_deadline
from cor.models import Content, CycleRules, Partner, PartnerCycleRule, Program


@dataclass(frozen=True)
class CycleContext:
    """The checked inputs and the rules that apply to them."""

    mode: Mode
    anchor: date
    today: date
    content: Content
    program: Program
    partner: Partner | None
    rule: PartnerCycleRule | None
    trained: date | None
    done: Mapping[int, date]

    @property
    def rules(self) -> CycleRules:
        return self.content.cycle

    @property
    def years(self) -> int:
        return self.rules.certificate_years

    @property
    def expires(self) -> date:
        return add_years(self.anchor, self.years)

    @property
    def planning(self) -> bool:
        return self.mode == "planning"

    @property
    def gap(self) -> int:
        """The partner's minimum months between audits (0 when it sets none)."""
        return self.rule.min_gap_months if self.rule and self.rule.min_gap_months else 0

    @property
    def who(self) -> str:
        return self.partner.short_name if self.partner else ""

    @property
    def general_url(self) -> str:
        return str(self.rules.source_url)

    @property
    def rule_url(self) -> str:
        return str(self.rule.source_url) if self.rule else self.general_url

    @property
    def timing_url(self) -> str:
        """Where the partner states its audit timing (anniversary, re-certification window)."""
        if self.rule is not None and self.rule.timing_source_url is not None:
            return str(self.rule.timing_source_url)
        return self.rule_url

    @property
    def on_anniversary(self) -> bool:
        return self.rule is not None and self.rule.maintenance_due_on == "anniversary"

    @property
    def maintenance_numbers(self) -> list[int]:
        return list(range(2, self.years + 1))

    @property
    def recertification_opens(self) -> date | None:
        """The earliest re-certification the partner allows by its window before expiry, if any."""
        if self.rule is None or self.rule.recertification_window_months is None:
            return None
        return add_months(self.expires, -self.rule.recertification_window_months)


def cycle_years(context: CycleContext) -> list[CycleYear]:
    """The audits in order: certification, maintenance (years 2..N), re-certification."""
    anchor, rules, rule = context.anchor, context.rules, context.rule
    years = [
        CycleYear(
            number=1,
            calendar_year=anchor.year,
            audit="Certification",
            deadline=year_end_deadline(anchor.year, rules, rule),
        )
    ]
    years += [
        CycleYear(
            number=n,
            calendar_year=anchor.year + n - 1,
            audit="Maintenance",
            deadline=maintenance_deadline(anchor, n, rules, rule),
        )
        for n in context.maintenance_numbers
    ]
    years.append(
        CycleYear(
            number=context.years + 1,
            calendar_year=context.expires.year,
            audit="Re-certification (year 1 of the next cycle)",
            deadline=context.expires,
        )
    )
    return years
