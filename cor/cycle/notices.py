"""Reports and notices around each audit still to do (or just done), for partners whose rules
set a report deadline after an audit or a notice of audit before it."""

from __future__ import annotations

from datetime import timedelta

from cor.cycle.context import CycleContext
from cor.cycle.model import Milestone
from cor.formatting import count, long_date


def _report(context: CycleContext, audit: Milestone, days: int) -> Milestone:
    who = context.who
    if audit.done_on:
        when = f"{count(days, 'day')} after the audit on {long_date(audit.done_on)}"
    else:
        last_day = " (the planned date)" if audit.kind == "certification" else f" ({long_date(audit.due)})"
        when = f"at the latest: {count(days, 'day')} after the audit's last allowed day" + last_day
    return Milestone(
        kind="report_due",
        due=audit.on + timedelta(days=days),
        title=f"{audit.short} report due to {who}",
        short="Report",
        detail=f"The audit report goes to {who} {when}.",
        id=f"report-{audit.id}",
        source_url=context.rule_url,
    )


def _notice(context: CycleContext, audit: Milestone, days: int) -> Milestone:
    who = context.who
    on = (
        "the planned date"
        if audit.kind == "certification"
        else f"its last allowed day ({long_date(audit.due)})"
    )
    name = audit.title.replace(" (planned)", "").lower()
    return Milestone(
        kind="notice",
        due=audit.due - timedelta(days=days),
        title=f"Last day to send {who} notice of the {name}",
        short="Notice",
        detail=(
            f"{who} wants notice of audit at least {count(days, 'day')} ahead. This is the last day "
            f"for an audit on {on}: earlier audits need earlier notice."
        ),
        id=f"notice-{audit.id}",
        source_url=context.rule_url,
    )


def reports_and_notices(context: CycleContext, audits: list[Milestone]) -> list[Milestone]:
    rule = context.rule
    if rule is None:
        return []
    out: list[Milestone] = []
    if rule.report_due_days is not None:
        out += [_report(context, audit, rule.report_due_days) for audit in audits]
    if rule.notice_days is not None:
        out += [_notice(context, audit, rule.notice_days) for audit in audits if not audit.done_on]
    return out
