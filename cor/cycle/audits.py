"""The audits themselves as milestones: the certification audit (done or planned), a maintenance
audit for each following year, and re-certification before expiry."""

from __future__ import annotations

from cor.cycle.context import CycleContext
from cor.cycle.dates import year_end
from cor.cycle.model import CycleYear, Milestone
from cor.cycle.rules import pass_mark_text
from cor.cycle.windows import AuditWindows
from cor.formatting import count, long_date


def certification_milestone(context: CycleContext) -> Milestone:
    anchor, program = context.anchor, context.program
    if context.planning:
        detail = (
            f"Year 1 of the cycle. {program.name}: {program.certification_auditor}. "
            f"{pass_mark_text(context.content)}"
        )
    else:
        detail = (
            f"Completed on {long_date(anchor)}; the certificate is valid until {long_date(context.expires)}."
        )
    return Milestone(
        kind="certification",
        due=anchor,
        title="Certification audit (planned)" if context.planning else "Certification audit",
        short="Certification",
        detail=detail,
        id="certification",
        done_on=None if context.planning else anchor,
        source_url=context.general_url,
    )


def _deadline_words(context: CycleContext, year: CycleYear) -> str:
    """ "On site by 30 Nov 2025 (BCFSC's year-end deadline)": whose rule sets the date."""
    words = f"On site by {long_date(year.deadline)}"
    if year.deadline == year_end(year.calendar_year, context.rules.maintenance_due):
        return words
    if context.on_anniversary:
        return words + f" ({context.who}'s rule: counted from the certification anniversary)"
    return words + f" ({context.who}'s year-end deadline)"


def _maintenance_detail(context: CycleContext, year: CycleYear, windows: AuditWindows) -> str:
    n, who, gap = year.number, context.who, context.gap
    parts = [f"{_deadline_words(context, year)}. {context.program.maintenance_auditor}."]
    if n in context.done:
        parts.append(f"Done on {long_date(context.done[n])}.")
        return " ".join(parts)
    if gap and windows.earliest[n] > year.deadline.replace(month=1, day=1):
        parts.append(
            f"Not before {long_date(windows.earliest[n])}: {who} wants {count(gap, 'month')} between audits."
        )
    if windows.latest[n] < year.deadline:
        parts.append(
            f"Aim for {long_date(windows.latest[n])} at the latest, to leave {who}'s {count(gap, 'month')} before "
            f"the next audit (re-certification is due by expiry on {long_date(context.expires)})."
        )
    return " ".join(parts)


def maintenance_milestone(context: CycleContext, year: CycleYear, windows: AuditWindows) -> Milestone:
    n = year.number
    done = n in context.done
    general = year.deadline == year_end(year.calendar_year, context.rules.maintenance_due)
    return Milestone(
        kind="maintenance",
        due=year.deadline,
        latest=windows.latest[n] if not done and windows.latest[n] < year.deadline else None,
        title=f"Year {n} maintenance audit",
        short=f"Year {n} audit",
        detail=_maintenance_detail(context, year, windows),
        id=f"maintenance-{n}",
        earliest=windows.earliest[n] if context.gap or done else None,
        done_on=context.done.get(n),
        source_url=context.timing_url
        if context.on_anniversary
        else (context.rule_url if not general or context.gap else context.general_url),
    )


def recertification_milestone(context: CycleContext, windows: AuditWindows) -> Milestone:
    expires, opens = context.expires, windows.recertification_earliest
    detail = (
        f"Same process as the year 1 certification audit, done before the certificate expires on "
        f"{long_date(expires)}; it starts the next cycle."
    )
    if opens and opens == context.recertification_opens and context.rule is not None:
        months = context.rule.recertification_window_months
        detail += (
            f" Not before {long_date(opens)} ({context.who} allows it at most {months} months before expiry)."
        )
    elif opens:
        detail += f" Not before {long_date(opens)} ({context.gap} months after the last audit)."
    return Milestone(
        kind="recertification",
        due=expires,
        title="Re-certification audit",
        short="Re-certification",
        detail=detail,
        id="recertification",
        earliest=opens,
        source_url=context.timing_url if context.recertification_opens else context.general_url,
    )


def audit_milestones(context: CycleContext, years: list[CycleYear], windows: AuditWindows) -> list[Milestone]:
    """Certification, each maintenance audit, re-certification: in cycle order."""
    maintenance = [maintenance_milestone(context, years[n - 1], windows) for n in context.maintenance_numbers]
    return [certification_milestone(context), *maintenance, recertification_milestone(context, windows)]
