"""When each audit may happen: earliest dates run forward from what is known; latest dates run
back from expiry, so a partner's minimum gap between audits shows up as an earlier "latest" date
for the audit before."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cor.cycle.context import CycleContext
from cor.cycle.dates import add_months
from cor.cycle.model import CycleYear


@dataclass(frozen=True)
class AuditWindows:
    """Earliest and latest allowed dates by cycle year (1 = certification, years + 1 = re-certification)."""

    earliest: dict[int, date]
    latest: dict[int, date]
    recertification_earliest: date | None

    def open_windows(self, context: CycleContext, years: list[CycleYear]) -> list[tuple[int, date, date]]:
        """(cycle year, first allowed day, last allowed day) of each audit still to do."""
        windows = [
            (n, self.earliest[n], min(self.latest[n], years[n - 1].deadline))
            for n in context.maintenance_numbers
            if n not in context.done
        ]
        if self.recertification_earliest:
            windows.append((context.years + 1, self.recertification_earliest, context.expires))
        return windows


def _earliest(context: CycleContext) -> dict[int, date]:
    earliest: dict[int, date] = {1: context.anchor}
    for n in context.maintenance_numbers:
        start = date(context.anchor.year + n - 1, 1, 1)
        earliest[n] = context.done.get(n) or max(start, add_months(earliest[n - 1], context.gap))
    return earliest


def _latest(context: CycleContext, years: list[CycleYear]) -> dict[int, date]:
    gap = context.gap
    latest: dict[int, date] = {context.years + 1: context.expires}
    for n in reversed(context.maintenance_numbers):
        if n in context.done:
            latest[n] = context.done[n]
            continue
        deadline = years[n - 1].deadline
        latest[n] = min(deadline, add_months(latest[n + 1], -gap)) if gap else deadline
    return latest


def audit_windows(context: CycleContext, years: list[CycleYear]) -> AuditWindows:
    earliest = _earliest(context)
    after_gap = add_months(earliest[context.years], context.gap) if context.gap else None
    opens = [day for day in (after_gap, context.recertification_opens) if day is not None]
    return AuditWindows(
        earliest=earliest,
        latest=_latest(context, years),
        recertification_earliest=max(opens) if opens else None,
    )
