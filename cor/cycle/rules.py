"""Which rule applies: a year's on-site deadline (the general one or the partner's), which
maintenance years have begun, the pass mark, and the internal auditor's rule for a partner.

Every rule here is read from content; no partner is named in code."""

from __future__ import annotations

from datetime import date

from cor.cycle.dates import add_years, first_on_or_after, year_end
from cor.formatting import show_pct
from cor.models import AuditorRule, Content, CycleRules, MaintenancePassRule, PartnerCycleRule


def year_end_deadline(year: int, rules: CycleRules, rule: PartnerCycleRule | None) -> date:
    """A year's year-end deadline: the partner's own year-end date where it has one and it
    applies to that year, otherwise the general one (31 December)."""
    if rule is not None and rule.year_end_due and (rule.year_end_due_from or 0) <= year:
        return year_end(year, rule.year_end_due)
    return year_end(year, rules.maintenance_due)


def maintenance_deadline(anchor: date, number: int, rules: CycleRules, rule: PartnerCycleRule | None) -> date:
    """The on-site deadline of the year ``number`` maintenance audit.

    The general rule (and a partner without its own timing) is the calendar year's end. A partner
    whose audits fall on the certification anniversary gets that day, or the first grace date after
    it when the partner allows one; never later than the partner's year-end date."""
    calendar_year = anchor.year + number - 1
    closing = year_end_deadline(calendar_year, rules, rule)
    if rule is None or rule.maintenance_due_on != "anniversary":
        return closing
    anniversary = add_years(anchor, number - 1)
    due = (
        first_on_or_after(anniversary, rule.anniversary_grace_to)
        if rule.anniversary_grace_to
        else anniversary
    )
    return min(due, closing)


def maintenance_years_begun(certified_on: date, today: date, years: int) -> list[tuple[int, int]]:
    """The maintenance audits that can already be done, as (cycle year, calendar year) pairs.

    Year ``n`` of a cycle is calendar year ``certified_on.year + n - 1``; its maintenance audit can
    only have happened once that calendar year has begun, so only these are worth asking about.
    """
    return [
        (n, certified_on.year + n - 1) for n in range(2, years + 1) if certified_on.year + n - 1 <= today.year
    ]


def pass_mark_text(content: Content, jurisdiction: str | None = None) -> str:
    """The pass sentence ("Pass: N% overall and at least M% on every element."), from the
    jurisdiction's pass rule in content (the planner's own jurisdiction when none is named)."""
    info = content.jurisdiction(jurisdiction) if jurisdiction else content.planner_jurisdiction()
    rule = info.pass_rule
    return (
        f"Pass: {show_pct(rule.overall_min_pct)} overall and at least "
        f"{show_pct(rule.element_min_pct)} on every element."
    )


def auditor_rule(partner_id: str | None, content: Content) -> AuditorRule | None:
    """The partner's own rule for keeping an internal auditor certified, if our sources have one."""
    if partner_id is None:
        return None
    return next((rule for rule in content.cycle.auditor_rules if rule.partner == partner_id), None)


def auditor_valid_years(partner_id: str | None, content: Content) -> int:
    """How long an internal auditor's certification lasts: the partner's figure, else the general one."""
    rule = auditor_rule(partner_id, content)
    return rule.valid_years if rule else content.cycle.internal_auditor_valid_years


def maintenance_pass(jurisdiction: str, content: Content) -> MaintenancePassRule | None:
    """The jurisdiction's maintenance-audit pass mark, where our sources say it differs."""
    return next((rule for rule in content.cycle.maintenance_pass if rule.jurisdiction == jurisdiction), None)
