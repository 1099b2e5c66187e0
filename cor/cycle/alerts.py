"""What the schedule itself can tell is wrong, whatever today is: an audit window no date fits,
recorded audits too close together or late, a planned audit after the partner's year end, and a
partner that may not run the chosen program."""

from __future__ import annotations

from itertools import pairwise

from cor.cycle.context import CycleContext
from cor.cycle.dates import add_months
from cor.cycle.model import Alert, CycleYear
from cor.cycle.windows import AuditWindows
from cor.formatting import count, long_date


def infeasible_windows(context: CycleContext, years: list[CycleYear], windows: AuditWindows) -> list[Alert]:
    """An audit whose earliest allowed date is after its last workable one."""
    who, gap = context.who, context.gap
    alerts = []
    for n, first, last in windows.open_windows(context, years):
        if first <= last:
            continue
        name = f"year {n} maintenance audit" if n <= context.years else "re-certification audit"
        alerts.append(
            Alert(
                level="error",
                text=(
                    f"No date works for the {name}: {who} wants {count(gap, 'month')} between audits, so "
                    f"its earliest allowed date is {long_date(first)}, after the last date that "
                    f"works ({long_date(last)}). Call {who} now about your options."
                ),
                milestone_id="recertification" if n > context.years else f"maintenance-{n}",
            )
        )
    return alerts


def gaps_broken(context: CycleContext) -> list[Alert]:
    """Recorded audits in consecutive years closer than the partner's minimum gap."""
    gap, who = context.gap, context.who
    known = [(1, context.anchor), *sorted(context.done.items())]
    alerts = []
    for (a, day_a), (b, day_b) in pairwise(known):
        if gap and b == a + 1 and add_months(day_a, gap) > day_b:
            alerts.append(
                Alert(
                    level="warning",
                    text=(
                        f"The year {b} maintenance audit ({long_date(day_b)}) came less than {count(gap, 'month')} "
                        f"after the previous audit ({long_date(day_a)}). {who} requires at least "
                        f"{count(gap, 'month')} between audits: check with them that it counts."
                    ),
                    milestone_id=f"maintenance-{b}",
                )
            )
    return alerts


def late_audits(context: CycleContext, years: list[CycleYear]) -> list[Alert]:
    """Recorded maintenance audits after their year's deadline, and a planned certification
    after the partner's year-end date."""
    who, anchor = context.who, context.anchor
    alerts = [
        Alert(
            level="warning",
            text=(
                f"The year {n} maintenance audit ({long_date(day)}) was after that year's "
                f"deadline of {long_date(years[n - 1].deadline)}. Check with {who or 'your partner'} "
                "that your COR is still in good standing."
            ),
            milestone_id=f"maintenance-{n}",
        )
        for n, day in sorted(context.done.items())
        if day > years[n - 1].deadline
    ]
    if context.planning and anchor > years[0].deadline:
        alerts.append(
            Alert(
                level="warning",
                text=(
                    f"{who}'s year-end audits are due by {long_date(years[0].deadline)}; an audit on "
                    f"{long_date(anchor)} is after it, so it may not count for {anchor.year}. Check with {who}."
                ),
                milestone_id="certification",
            )
        )
    return alerts


def program_not_offered(context: CycleContext) -> list[Alert]:
    partner, program = context.partner, context.program
    if partner is None or program.size in partner.programs:
        return []
    return [
        Alert(
            level="info",
            text=(
                f"Our source lists {partner.short_name} as running: "
                f"{', '.join(partner.programs)}. Check that it offers the {program.name.lower()}."
            ),
        )
    ]
