"""The cycle's partner-specific figures for "About the numbers": audit timing by
partner (anniversary, grace dates, re-certification window) with any conflicting statement, each
partner's internal auditor rule, and maintenance pass marks that differ from certification.

The lead wires ``cycle_figures`` into cor.figures; each Figure keeps its own source and year."""

from __future__ import annotations

from cor.figure import sourced_figure
from cor.formatting import month_day, show_pct
from cor.models import Content, Figure, PartnerCycleRule


def _timing(rule: PartnerCycleRule) -> str:
    parts = []
    if rule.maintenance_due_on == "anniversary":
        parts.append("maintenance audits on or before the certification anniversary")
    if rule.anniversary_grace_to:
        dates = " or ".join(month_day(day) for day in rule.anniversary_grace_to)
        parts.append(f"may slip to the first of {dates} after it")
    if rule.recertification_window_months is not None:
        parts.append(
            f"re-certification no more than {rule.recertification_window_months} months before expiry"
        )
    return "; ".join(parts)


def timing_figures(content: Content) -> list[Figure]:
    topic = f"Audit cycle ({content.planner_jurisdiction().code})"
    out = []
    for rule in content.cycle.partner_rules:
        timing = _timing(rule)
        if not timing:
            continue
        name = content.partner(rule.partner).short_name
        out.append(
            sourced_figure(rule, topic, f"Audit timing: {name}", timing, rule.note, rule.timing_source_url)
        )
        out += [
            sourced_figure(
                conflict,
                topic,
                f"Audit timing: {name} (conflicting statement)",
                conflict.text,
                "The planner uses the earlier date; confirm with the partner.",
            )
            for conflict in rule.conflicts
        ]
    return out


def auditor_figures(content: Content) -> list[Figure]:
    topic = f"Audit cycle ({content.planner_jurisdiction().code})"
    return [
        sourced_figure(
            rule,
            topic,
            f"Internal auditor: {content.partner(rule.partner).short_name}",
            f"certified {rule.valid_years} years",
            rule.rule + (f" {rule.source_note}" if rule.source_note else ""),
        )
        for rule in content.cycle.auditor_rules
    ]


def pass_figures(content: Content) -> list[Figure]:
    return [
        sourced_figure(
            rule,
            f"Audit cycle ({rule.jurisdiction})",
            f"Maintenance audit pass mark ({rule.stated_by})",
            show_pct(rule.overall_min_pct) + " overall"
            if rule.overall_min_pct is not None
            else "unconfirmed",
            rule.note,
        )
        for rule in content.cycle.maintenance_pass
    ]


def cycle_figures(content: Content) -> list[Figure]:
    """Every partner-specific cycle figure, sourced and dated."""
    return [*timing_figures(content), *auditor_figures(content), *pass_figures(content)]
