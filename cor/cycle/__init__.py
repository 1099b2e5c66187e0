"""The three-year COR audit cycle (BC).

A certificate lives three years: the certification audit in year 1, a maintenance audit in each
of the next two calendar years (completed on site by December 31), and a re-certification audit
before the certificate expires. Missing a maintenance audit loses the COR and the incentive, so
the planner turns the rules into dates, and says early when a date cannot be met.

Everything that differs by certifying partner (minimum gap between audits, audits due on the
certification anniversary, report due after an audit, notice of audit lead time, an earlier
year-end deadline, the internal auditor's refresher) is a field of that partner's record in
``content/cycle.toml``; this package reads the fields and never names a partner.

Modules: ``model`` (the types), ``dates``, ``inputs`` (checks naming their field), ``rules``,
``context`` (the frozen context a schedule is computed from), ``windows``, ``audits``,
``alerts``, ``notices``, ``credits``, ``auditor``, ``schedule``, ``status``, ``sources``,
``typed_date`` (a date as a person types it).
"""

from __future__ import annotations

from datetime import date

from cor.content import default_content
from cor.cycle import inputs as _inputs
from cor.cycle import rules as _rules
from cor.cycle.auditor import auditor_lapses, auditor_rule_text, auditor_source
from cor.cycle.context import CycleContext
from cor.cycle.dates import add_months, add_years, check_fits, year_end
from cor.cycle.model import (
    AUDIT_KINDS,
    MODE_LABELS,
    Alert,
    CycleInputError,
    CycleStatus,
    CycleYear,
    Level,
    Milestone,
    MilestoneKind,
    MilestoneStatus,
    Mode,
    Schedule,
    State,
)
from cor.cycle.rules import auditor_rule, maintenance_deadline, pass_mark_text, year_end_deadline
from cor.cycle.schedule import schedule, schedule_from
from cor.cycle.sources import (
    jurisdiction_note,
    jurisdiction_sources,
    jurisdiction_summary,
    maintenance_pass_note,
    rule_sources,
)
from cor.cycle.status import status
from cor.cycle.typed_date import read_date
from cor.formatting import long_date
from cor.models import Content, CycleRules, PartnerCycleRule

__all__ = [
    "AUDIT_KINDS",
    "MODE_LABELS",
    "Alert",
    "CycleContext",
    "CycleInputError",
    "CycleStatus",
    "CycleYear",
    "Level",
    "Milestone",
    "MilestoneKind",
    "MilestoneStatus",
    "Mode",
    "Schedule",
    "State",
    "add_months",
    "add_years",
    "auditor_lapses",
    "auditor_rule",
    "auditor_rule_text",
    "auditor_source",
    "deadline_for",
    "jurisdiction_note",
    "jurisdiction_sources",
    "jurisdiction_summary",
    "long_date",
    "maintenance_deadline",
    "maintenance_pass_note",
    "maintenance_years_begun",
    "partner_rule",
    "pass_mark_text",
    "plan",
    "read_date",
    "rule_sources",
    "schedule",
    "schedule_from",
    "status",
    "year_end",
]


def plan(certified_on: date) -> list[Milestone]:
    """Maintenance audits due by the year-end deadline of the next two calendar years, then
    re-certification due by expiry, three years after ``certified_on``.

    Raises ValueError, with a message, when the cycle would run past the calendar's last date."""
    rules = default_content().cycle
    years = rules.certificate_years
    check_fits(certified_on, years)
    milestones = [
        Milestone(
            kind="maintenance",
            due=year_end(certified_on.year + n, rules.maintenance_due),
            title=f"Year {n + 1} maintenance audit",
            detail="Completed on site by the deadline; an internal auditor may do it.",
            id=f"maintenance-{n + 1}",
        )
        for n in range(1, years)
    ]
    milestones.append(
        Milestone(
            kind="recertification",
            due=add_years(certified_on, years),
            title="Re-certification audit",
            detail="Same process as the year 1 certification audit, done before the certificate expires.",
            id="recertification",
        )
    )
    return milestones


def partner_rule(partner_id: str | None, content: Content | None = None) -> PartnerCycleRule | None:
    """The certifying partner's own cycle rules (gap, timing, report, notice, year-end date), if
    our sources give it any; None for "not sure" or a partner without extra rules."""
    return _inputs.partner_rule(partner_id, content or default_content())


def deadline_for(year: int, rules: CycleRules, rule: PartnerCycleRule | None) -> date:
    """A year's year-end on-site deadline: the partner's own where it applies, else 31 December."""
    return year_end_deadline(year, rules, rule)


def maintenance_years_begun(
    certified_on: date, today: date, content: Content | None = None
) -> list[tuple[int, int]]:
    """The maintenance audits that can already be done, as (cycle year, calendar year) pairs."""
    years = (content or default_content()).cycle.certificate_years
    return _rules.maintenance_years_begun(certified_on, today, years)
