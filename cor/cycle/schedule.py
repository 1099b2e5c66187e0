"""One certificate's whole cycle: the checked inputs become a context, and each part of the
schedule (audit windows, audits, alerts, reports and notices, credits, auditor) is its own
function of that context."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cor.content import default_content
from cor.cycle.alerts import gaps_broken, infeasible_windows, late_audits, program_not_offered
from cor.cycle.auditor import auditor_alerts, auditor_milestones
from cor.cycle.audits import audit_milestones
from cor.cycle.context import CycleContext, cycle_years
from cor.cycle.credits import credit_milestones
from cor.cycle.inputs import anchor_date, done_dates, find_partner, find_program, partner_rule, trained_date
from cor.cycle.model import Milestone, MilestoneKind, Mode, Schedule
from cor.cycle.notices import reports_and_notices
from cor.cycle.windows import audit_windows
from cor.models import Content

#: Same-day milestones in the order a person acts on them.
ORDER: list[MilestoneKind] = [
    "notice",
    "certification",
    "maintenance",
    "recertification",
    "report_due",
    "auditor_refresher",
    "auditor_expiry",
    "incentive_credit",
]


def _context(
    content: Content,
    today: date,
    mode: Mode,
    dates: tuple[date | None, date | None, date | None],
    program: str,
    partner: str | None,
    maintenance_done: Sequence[date | None],
) -> CycleContext:
    certified_on, planned_on, auditor_trained_on = dates
    rules = content.cycle
    anchor = anchor_date(mode, certified_on, planned_on, today, rules)
    program_record = find_program(content, program)
    partner_record = find_partner(content, partner)
    trained = trained_date(auditor_trained_on, today, rules)
    done = done_dates(maintenance_done, anchor, today, rules.certificate_years) if mode == "certified" else {}
    return CycleContext(
        mode=mode,
        anchor=anchor,
        today=today,
        content=content,
        program=program_record,
        partner=partner_record,
        rule=partner_rule(partner, content),
        trained=trained,
        done=done,
    )


def schedule_from(context: CycleContext) -> Schedule:
    """Every dated step of the cycle the context describes."""
    years = cycle_years(context)
    windows = audit_windows(context, years)
    audits = audit_milestones(context, years, windows)
    milestones: list[Milestone] = [
        *audits,
        *reports_and_notices(context, audits),
        *credit_milestones(context, years),
        *auditor_milestones(context),
    ]
    alerts = [
        *infeasible_windows(context, years, windows),
        *gaps_broken(context),
        *late_audits(context, years),
        *auditor_alerts(context, audits),
        *program_not_offered(context),
    ]
    milestones.sort(key=lambda m: (m.due, ORDER.index(m.kind)))
    partner = context.partner
    return Schedule(
        mode=context.mode,
        certification_on=context.anchor,
        expires_on=context.expires,
        program_id=context.program.id,
        program_name=context.program.name,
        partner_id=partner.id if partner else None,
        partner_name=partner.name if partner else None,
        auditor_trained_on=context.trained,
        years=tuple(years),
        milestones=tuple(milestones),
        alerts=tuple(alerts),
        source_url=context.general_url,
    )


def schedule(
    *,
    mode: Mode = "certified",
    certified_on: date | None = None,
    planned_on: date | None = None,
    program: str = "bc-large",
    partner: str | None = None,
    auditor_trained_on: date | None = None,
    maintenance_done: Sequence[date | None] = (),
    today: date | None = None,
    content: Content | None = None,
) -> Schedule:
    """Every dated step of one certificate's cycle, with the partner's rules applied.

    ``mode`` "certified" starts from the completed certification audit (``certified_on``);
    "planning" from the planned one (``planned_on``). ``maintenance_done`` holds the dates of
    maintenance audits already done (year 2, year 3), or None. Raises CycleInputError, naming the
    field, for an input no schedule can come from (a future certification, an expired one...).
    """
    context = _context(
        content or default_content(),
        today or date.today(),
        mode,
        (certified_on, planned_on, auditor_trained_on),
        program,
        partner,
        maintenance_done,
    )
    return schedule_from(context)
