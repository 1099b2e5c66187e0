"""The three-year COR audit cycle (BC).

A certificate lives three years: the certification audit in year 1, a maintenance audit in each
of the next two calendar years (completed on site by December 31), and a re-certification audit
before the certificate expires. Missing a maintenance audit loses the COR and the incentive, so
the planner turns the rules into dates, and says early when a date cannot be met.

Everything that differs by certifying partner (minimum gap between audits, report due after an
audit, notice of audit lead time, an earlier year-end deadline) is a field of that partner's
record in ``content/cycle.toml``; this module reads the fields and never names a partner.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, timedelta
from itertools import pairwise
from typing import Literal

from pydantic import BaseModel, ConfigDict

from cor.content import default_content
from cor.formatting import long_date
from cor.incentives import credit_year
from cor.models import Content, CycleRules, Partner, PartnerCycleRule, Program

MilestoneKind = Literal[
    "certification",
    "maintenance",
    "recertification",
    "report_due",
    "notice",
    "incentive_credit",
    "auditor_refresher",
    "auditor_expiry",
]
Mode = Literal["planning", "certified"]
State = Literal["done", "passed", "overdue", "next", "upcoming", "expected"]
Level = Literal["error", "warning", "info"]

AUDIT_KINDS: tuple[MilestoneKind, ...] = ("certification", "maintenance", "recertification")

#: How the page names each mode; messages refer the user to these exact words.
MODE_LABELS: dict[Mode, str] = {
    "certified": "Certified: the certification audit is done",
    "planning": "Planning the certification audit",
}
_CERTIFIED = MODE_LABELS["certified"].split(":")[0]
_PLANNING = MODE_LABELS["planning"]


class Milestone(BaseModel):
    """One dated step of the cycle: an audit, a deadline around one, or an expected credit."""

    model_config = ConfigDict(frozen=True)

    kind: MilestoneKind
    due: date
    title: str
    detail: str = ""
    id: str = ""
    short: str = ""
    earliest: date | None = None
    latest: date | None = None
    done_on: date | None = None
    estimate: bool = False
    source_url: str = ""

    @property
    def on(self) -> date:
        """The date to show: when it was done, else when it is due."""
        return self.done_on or self.due

    @property
    def is_audit(self) -> bool:
        return self.kind in AUDIT_KINDS

    @property
    def is_deadline(self) -> bool:
        """A date the employer must act by (an estimate of a credit is not one)."""
        return not self.estimate


class CycleYear(BaseModel):
    """A calendar year of the cycle and the audit it holds, with that year's on-site deadline."""

    model_config = ConfigDict(frozen=True)

    number: int
    calendar_year: int
    audit: str
    deadline: date


class Alert(BaseModel):
    """Something the user must know, worded to be shown as it is."""

    model_config = ConfigDict(frozen=True)

    level: Level
    text: str
    milestone_id: str | None = None


class Schedule(BaseModel):
    model_config = ConfigDict(frozen=True)

    mode: Mode
    certification_on: date
    expires_on: date
    program_id: str
    program_name: str
    partner_id: str | None
    partner_name: str | None
    auditor_trained_on: date | None
    years: tuple[CycleYear, ...]
    milestones: tuple[Milestone, ...]
    alerts: tuple[Alert, ...]
    source_url: str

    def milestone(self, milestone_id: str) -> Milestone:
        return next(m for m in self.milestones if m.id == milestone_id)

    def of_kind(self, kind: MilestoneKind) -> list[Milestone]:
        return [m for m in self.milestones if m.kind == kind]


class MilestoneStatus(BaseModel):
    model_config = ConfigDict(frozen=True)

    milestone: Milestone
    state: State
    days_left: int


class CycleStatus(BaseModel):
    """The cycle seen from one day: what is done, what comes next, what is late or impossible."""

    model_config = ConfigDict(frozen=True)

    today: date
    items: tuple[MilestoneStatus, ...]
    next: Milestone | None
    days_left: int | None
    alerts: tuple[Alert, ...]

    @property
    def done(self) -> list[Milestone]:
        return [i.milestone for i in self.items if i.state == "done"]

    @property
    def overdue(self) -> list[Milestone]:
        return [i.milestone for i in self.items if i.state == "overdue"]

    def state_of(self, milestone_id: str) -> State:
        return next(i.state for i in self.items if i.milestone.id == milestone_id)


class CycleInputError(ValueError):
    """A user's input the planner cannot use. ``field`` names the input, so the page can show
    the message right under it."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(message)


# --- date arithmetic ------------------------------------------------------------------------


def add_years(day: date, years: int) -> date:
    """Same day ``years`` later; 29 February becomes 28 February in a non-leap year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later (or earlier), clamped to the month's last day (31 Aug + 6 -> 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


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


# --- input checks ---------------------------------------------------------------------------


def _anchor(
    mode: Mode, certified_on: date | None, planned_on: date | None, today: date, rules: CycleRules
) -> date:
    """The certification audit date (done or planned), or a message for the field it came from."""
    years = rules.certificate_years
    if mode == "certified":
        if certified_on is None:
            raise CycleInputError(
                "certified_on", "Enter the date your certification audit was completed on site."
            )
        if certified_on.year < rules.program_start_year:
            raise CycleInputError(
                "certified_on",
                f"{long_date(certified_on)} is before {rules.program_start_year}, when the COR program's "
                "standards were first published: no certificate is that old. Check the year.",
            )
        if certified_on > today:
            raise CycleInputError(
                "certified_on",
                f"{long_date(certified_on)} is in the future. If your certification audit is still "
                f'ahead, choose "{_PLANNING}" and enter the planned date.',
            )
        expires = add_years(certified_on, years)
        if expires < today:
            raise CycleInputError(
                "certified_on",
                f"A certificate from {long_date(certified_on)} expired on {long_date(expires)} "
                f"(certificates are valid {years} years). To hold COR again you need a "
                f're-certification audit: choose "{_PLANNING}" and enter '
                "when you plan it.",
            )
        return certified_on
    if planned_on is None:
        raise CycleInputError("planned_on", "Enter the date you plan the certification audit for.")
    if planned_on < today:
        raise CycleInputError(
            "planned_on",
            f'{long_date(planned_on)} has passed. If that audit took place, choose "{_CERTIFIED}" and '
            "enter the date it was completed; otherwise pick a date from today on.",
        )
    horizon = add_years(today, years)
    if planned_on > horizon:
        raise CycleInputError(
            "planned_on",
            f"{long_date(planned_on)} is more than {years} years away: partner rules and incentives "
            f"may change by then. Plan a date before {long_date(horizon)}.",
        )
    return planned_on


def _trained(trained_on: date | None, today: date, rules: CycleRules) -> date | None:
    if trained_on is None:
        return None
    if trained_on > today:
        raise CycleInputError(
            "auditor_trained_on",
            f"{long_date(trained_on)} is in the future. Enter the date the internal auditor finished "
            'the course, or untick "trained" until then.',
        )
    if trained_on.year < rules.program_start_year:
        raise CycleInputError(
            "auditor_trained_on",
            f"{long_date(trained_on)} is before {rules.program_start_year}, when the COR program's "
            "standards were first published. Check the year.",
        )
    return trained_on


def _done_dates(done: Sequence[date | None], anchor: date, today: date, years: int) -> dict[int, date]:
    """Recorded maintenance audits by cycle year (2, 3, ...), each in its own calendar year."""
    out: dict[int, date] = {}
    for index, day in enumerate(done[: years - 1]):
        if day is None:
            continue
        number = index + 2
        expected_year = anchor.year + number - 1
        field = f"maintenance_{number}"
        if day > today:
            raise CycleInputError(
                field,
                f"{long_date(day)} is in the future: record an audit once it is done. "
                "Planned audits appear in the schedule below.",
            )
        if day.year != expected_year:
            raise CycleInputError(
                field,
                f"The year {number} maintenance audit belongs to calendar year {expected_year} "
                f"(certification in {anchor.year}); {long_date(day)} is in {day.year}.",
            )
        out[number] = day
    return out


def _program(content: Content, program_id: str) -> Program:
    try:
        return content.program(program_id)
    except KeyError:
        raise CycleInputError("program", f"Unknown program {program_id!r}.") from None


def _partner(content: Content, partner_id: str | None) -> tuple[Partner | None, PartnerCycleRule | None]:
    if partner_id is None:
        return None, None
    try:
        partner = content.partner(partner_id)
    except KeyError:
        raise CycleInputError("partner", f"Unknown certifying partner {partner_id!r}.") from None
    return partner, partner_rule(partner_id, content)


def partner_rule(partner_id: str | None, content: Content | None = None) -> PartnerCycleRule | None:
    """The certifying partner's own cycle rules (gap, report, notice, year-end date), if our
    sources give it any; None for "not sure" or a partner without extra rules."""
    c = content or default_content()
    return next((r for r in c.cycle.partner_rules if r.partner == partner_id), None) if partner_id else None


def deadline_for(year: int, rules: CycleRules, rule: PartnerCycleRule | None) -> date:
    """A year's on-site audit deadline: the partner's own year-end date where it has one and it
    applies to that year, otherwise the general one (31 December)."""
    if rule is not None and rule.year_end_due and (rule.year_end_due_from or 0) <= year:
        return year_end(year, rule.year_end_due)
    return year_end(year, rules.maintenance_due)


def maintenance_years_begun(
    certified_on: date, today: date, content: Content | None = None
) -> list[tuple[int, int]]:
    """The maintenance audits that can already be done, as (cycle year, calendar year) pairs.

    Year ``n`` of a cycle is calendar year ``certified_on.year + n - 1``; its maintenance audit can
    only have happened once that calendar year has begun, so only these are worth asking about.
    """
    years = (content or default_content()).cycle.certificate_years
    return [
        (n, certified_on.year + n - 1) for n in range(2, years + 1) if certified_on.year + n - 1 <= today.year
    ]


# --- the schedule ---------------------------------------------------------------------------


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
    c = content or default_content()
    rules = c.cycle
    today = today or date.today()
    years = rules.certificate_years
    anchor = _anchor(mode, certified_on, planned_on, today, rules)
    prog = _program(c, program)
    partner_rec, prule = _partner(c, partner)
    trained = _trained(auditor_trained_on, today, rules)
    done = _done_dates(maintenance_done, anchor, today, years) if mode == "certified" else {}
    expires = add_years(anchor, years)
    gap = prule.min_gap_months if prule and prule.min_gap_months else 0
    who = partner_rec.short_name if partner_rec else ""
    rule_url = str(prule.source_url) if prule else str(rules.source_url)
    general_url = str(rules.source_url)

    # The audits in order: certification, maintenance (years 2..N), re-certification.
    cycle_years = [
        CycleYear(
            number=n,
            calendar_year=anchor.year + n - 1,
            audit="Certification" if n == 1 else "Maintenance",
            deadline=deadline_for(anchor.year + n - 1, rules, prule),
        )
        for n in range(1, years + 1)
    ]
    cycle_years.append(
        CycleYear(
            number=years + 1,
            calendar_year=expires.year,
            audit="Re-certification (year 1 of the next cycle)",
            deadline=expires,
        )
    )

    # Earliest dates run forward from what is known; latest dates run back from expiry, so a
    # minimum gap between audits shows up as an earlier "latest" date for the audit before.
    numbers = list(range(2, years + 1))
    earliest: dict[int, date] = {1: anchor}
    for n in numbers:
        start = date(anchor.year + n - 1, 1, 1)
        earliest[n] = done.get(n) or max(start, add_months(earliest[n - 1], gap))
    recert_earliest = add_months(earliest[years], gap) if gap else None
    latest: dict[int, date] = {years + 1: expires}
    for n in reversed(numbers):
        if n in done:
            latest[n] = done[n]
            continue
        nxt = latest[n + 1]
        latest[n] = (
            min(cycle_years[n - 1].deadline, add_months(nxt, -gap)) if gap else cycle_years[n - 1].deadline
        )

    milestones: list[Milestone] = []
    alerts: list[Alert] = []
    planning = mode == "planning"
    milestones.append(
        Milestone(
            kind="certification",
            due=anchor,
            title="Certification audit (planned)" if planning else "Certification audit",
            short="Certification",
            detail=(
                f"Year 1 of the cycle. {prog.name}: {prog.certification_auditor}. "
                "Pass: 80% overall and at least 50% on every element."
                if planning
                else f"Completed on {long_date(anchor)}; the certificate is valid until {long_date(expires)}."
            ),
            id="certification",
            done_on=None if planning else anchor,
            source_url=general_url,
        )
    )
    for n in numbers:
        year = cycle_years[n - 1]
        general_deadline = year_end(year.calendar_year, rules.maintenance_due)
        parts = [f"On site by {long_date(year.deadline)}"]
        if year.deadline != general_deadline:
            parts[0] += f" ({who}'s year-end deadline)"
        parts[0] += f". {prog.maintenance_auditor}."
        if n not in done:
            if gap and earliest[n] > year.deadline.replace(month=1, day=1):
                parts.append(f"Not before {long_date(earliest[n])}: {who} wants {gap} months between audits.")
            if latest[n] < year.deadline:
                parts.append(
                    f"Aim for {long_date(latest[n])} at the latest, to leave {who}'s {gap} months before "
                    f"the next audit (re-certification is due by expiry on {long_date(expires)})."
                )
        else:
            parts.append(f"Done on {long_date(done[n])}.")
        milestones.append(
            Milestone(
                kind="maintenance",
                due=year.deadline,
                latest=latest[n] if n not in done and latest[n] < year.deadline else None,
                title=f"Year {n} maintenance audit",
                short=f"Year {n} audit",
                detail=" ".join(parts),
                id=f"maintenance-{n}",
                earliest=earliest[n] if gap or n in done else None,
                done_on=done.get(n),
                source_url=rule_url if year.deadline != general_deadline or gap else general_url,
            )
        )
    recert_detail = (
        f"Same process as the year 1 certification audit, done before the certificate expires on "
        f"{long_date(expires)}; it starts the next cycle."
    )
    if recert_earliest:
        recert_detail += f" Not before {long_date(recert_earliest)} ({gap} months after the last audit)."
    milestones.append(
        Milestone(
            kind="recertification",
            due=expires,
            title="Re-certification audit",
            short="Re-certification",
            detail=recert_detail,
            id="recertification",
            earliest=recert_earliest,
            source_url=general_url,
        )
    )

    # Infeasible windows and gaps already broken.
    windows = [
        (n, earliest[n], min(latest[n], cycle_years[n - 1].deadline)) for n in numbers if n not in done
    ]
    if recert_earliest:
        windows.append((years + 1, recert_earliest, expires))
    for n, first, last in windows:
        if first > last:
            name = f"year {n} maintenance audit" if n <= years else "re-certification audit"
            alerts.append(
                Alert(
                    level="error",
                    text=(
                        f"No date works for the {name}: {who} wants {gap} months between audits, so "
                        f"its earliest allowed date is {long_date(first)}, after the last date that "
                        f"works ({long_date(last)}). Call {who} now about your options."
                    ),
                    milestone_id="recertification" if n > years else f"maintenance-{n}",
                )
            )
    known = [(1, anchor), *sorted(done.items())]
    for (a, day_a), (b, day_b) in pairwise(known):
        if gap and b == a + 1 and add_months(day_a, gap) > day_b:
            alerts.append(
                Alert(
                    level="warning",
                    text=(
                        f"The year {b} maintenance audit ({long_date(day_b)}) came less than {gap} months "
                        f"after the previous audit ({long_date(day_a)}). {who} requires at least {gap} "
                        "months between audits: check with them that it counts."
                    ),
                    milestone_id=f"maintenance-{b}",
                )
            )
    for n, day in sorted(done.items()):
        if day > cycle_years[n - 1].deadline:
            alerts.append(
                Alert(
                    level="warning",
                    text=(
                        f"The year {n} maintenance audit ({long_date(day)}) was after that year's "
                        f"deadline of {long_date(cycle_years[n - 1].deadline)}. Check with {who or 'your partner'} "
                        "that your COR is still in good standing."
                    ),
                    milestone_id=f"maintenance-{n}",
                )
            )
    if planning and anchor > cycle_years[0].deadline:
        alerts.append(
            Alert(
                level="warning",
                text=(
                    f"{who}'s year-end audits are due by {long_date(cycle_years[0].deadline)}; an audit on "
                    f"{long_date(anchor)} is after it, so it may not count for {anchor.year}. Check with {who}."
                ),
                milestone_id="certification",
            )
        )

    # Reports and notices around each audit still to do (or just done).
    audits = [m for m in milestones if m.is_audit]
    if prule and prule.report_due_days is not None:
        days = prule.report_due_days
        for m in audits:
            base = m.on
            when = (
                f"{days} days after the audit on {long_date(m.done_on)}"
                if m.done_on
                else f"at the latest: {days} days after the audit's last allowed day"
                + (" (the planned date)" if m.kind == "certification" else f" ({long_date(m.due)})")
            )
            milestones.append(
                Milestone(
                    kind="report_due",
                    due=base + timedelta(days=days),
                    title=f"{m.short} report due to {who}",
                    short="Report",
                    detail=f"The audit report goes to {who} {when}.",
                    id=f"report-{m.id}",
                    source_url=str(prule.source_url),
                )
            )
    if prule and prule.notice_days is not None:
        days = prule.notice_days
        for m in audits:
            if m.done_on:
                continue
            on = (
                "the planned date"
                if m.kind == "certification"
                else f"its last allowed day ({long_date(m.due)})"
            )
            name = m.title.replace(" (planned)", "").lower()
            milestones.append(
                Milestone(
                    kind="notice",
                    due=m.due - timedelta(days=days),
                    title=f"Last day to send {who} notice of the {name}",
                    short="Notice",
                    detail=(
                        f"{who} wants notice of audit at least {days} days ahead. This is the last day "
                        f"for an audit on {on}: earlier audits need earlier notice."
                    ),
                    id=f"notice-{m.id}",
                    source_url=str(prule.source_url),
                )
            )

    # Incentive credits: one for each audit year, credited the following year (estimate).
    for year in cycle_years[:years]:
        milestones.append(
            Milestone(
                kind="incentive_credit",
                due=year_end(credit_year(year.calendar_year), rules.incentive_credit_by),
                title=f"Incentive for {year.calendar_year} credited (estimate)",
                short="Credit",
                detail=(
                    f"If the {year.calendar_year} audit passes and you stay in good standing. "
                    f"{rules.incentive_credit} The date is our estimate, not a promise."
                ),
                id=f"credit-{year.calendar_year}",
                estimate=True,
                source_url=str(rules.incentive_source_url or rules.source_url),
            )
        )

    # The internal auditor's own certification.
    if trained:
        lapses = add_years(trained, rules.internal_auditor_valid_years)
        auditor_url = str(rules.internal_auditor_source_url or rules.source_url)
        milestones.append(
            Milestone(
                kind="auditor_refresher",
                due=lapses - timedelta(days=rules.refresher_lead_days),
                title="Book the internal auditor's refresher",
                short="Refresher",
                detail=(
                    f"Our suggestion: book it {rules.refresher_lead_days} days before the auditor's "
                    f"certification lapses, so there is no gap. {rules.internal_auditor_refresher}"
                ),
                id="auditor-refresher",
                source_url=auditor_url,
            )
        )
        milestones.append(
            Milestone(
                kind="auditor_expiry",
                due=lapses,
                title="Internal auditor certification lapses",
                short="Auditor lapses",
                detail=(
                    f"Trained on {long_date(trained)}; certification is valid "
                    f"{rules.internal_auditor_valid_years} years. After this date they cannot do "
                    "an audit until they take the refresher."
                ),
                id="auditor-expiry",
                source_url=auditor_url,
            )
        )
        for m in audits:
            if m.kind != "maintenance" or m.done_on or lapses < today or lapses >= m.due:
                continue  # a lapse already past is reported by status(), with today's date
            opens = m.earliest or date(m.due.year, 1, 1)
            how = (
                "Have the refresher done first, or use an external auditor."
                if lapses < opens
                else "Do that audit before then, have the refresher done first, or use an external auditor."
            )
            alerts.append(
                Alert(
                    level="warning",
                    text=(
                        f"The internal auditor's certification lapses on {long_date(lapses)}, before "
                        f"the {m.title.lower()} deadline ({long_date(m.due)}). {how}"
                    ),
                    milestone_id=m.id,
                )
            )

    if partner_rec and prog.size not in partner_rec.programs:
        alerts.append(
            Alert(
                level="info",
                text=(
                    f"Our source lists {partner_rec.short_name} as running: "
                    f"{', '.join(partner_rec.programs)}. Check that it offers the {prog.name.lower()}."
                ),
            )
        )

    milestones.sort(key=lambda m: (m.due, _ORDER.index(m.kind)))
    return Schedule(
        mode=mode,
        certification_on=anchor,
        expires_on=expires,
        program_id=prog.id,
        program_name=prog.name,
        partner_id=partner_rec.id if partner_rec else None,
        partner_name=partner_rec.name if partner_rec else None,
        auditor_trained_on=trained,
        years=tuple(cycle_years),
        milestones=tuple(milestones),
        alerts=tuple(alerts),
        source_url=general_url,
    )


_ORDER: list[MilestoneKind] = [
    "notice",
    "certification",
    "maintenance",
    "recertification",
    "report_due",
    "auditor_refresher",
    "auditor_expiry",
    "incentive_credit",
]


# --- the view from today --------------------------------------------------------------------


def status(sched: Schedule, today: date, content: Content | None = None) -> CycleStatus:
    """What is done, what is next and how many days are left, and what is late or impossible.

    An audit is done only when it is recorded; an audit past its date without a record is
    overdue (the page asks the user to record it, or to call the partner). Other deadlines past
    their date are "passed": the planner cannot know whether a report was sent.
    """
    c = content or default_content()
    rules = c.cycle
    prule = partner_rule(sched.partner_id, c)
    who = c.partner(prule.partner).short_name if prule else ""
    items: list[MilestoneStatus] = []
    next_m: Milestone | None = None
    for m in sched.milestones:
        left = (m.due - today).days
        if m.done_on is not None:
            state: State = "done"
        elif m.due < today:
            state = "overdue" if m.is_audit else "passed"
        elif m.estimate:
            state = "expected"
        elif next_m is None:
            state = "next"
            next_m = m
        else:
            state = "upcoming"
        items.append(MilestoneStatus(milestone=m, state=state, days_left=left))

    alerts: list[Alert] = list(sched.alerts)
    for item in items:
        m = item.milestone
        if item.state == "overdue":
            if m.kind == "certification":
                text = (
                    f"The planned certification audit date ({long_date(m.due)}) has passed. If it "
                    f'took place, choose "{_CERTIFIED}" and enter the date; otherwise plan a new date.'
                )
            else:
                text = (
                    f"The {m.title.lower()} was due by {long_date(m.due)} and is not recorded as done. "
                    "If it was done, record its date above; if it was missed, the COR and its "
                    "incentive are at risk: call your certifying partner now."
                )
            alerts.insert(0, Alert(level="error", text=text, milestone_id=m.id))
        elif m.is_audit and item.state in ("next", "upcoming"):
            last = min(m.latest or m.due, m.due)
            if m.earliest and m.earliest > last:
                continue  # already reported as infeasible by the schedule
            if m.latest and m.latest < today:
                alerts.append(
                    Alert(
                        level="warning",
                        text=(
                            f"It is now too late for the {m.title.lower()} to leave {who}'s minimum gap "
                            f"before the next audit (it needed to be done by {long_date(m.latest)}). Do "
                            f"it by {long_date(m.due)} anyway, and ask {who} how to time the next one."
                        ),
                        milestone_id=m.id,
                    )
                )
            if prule and prule.notice_days is not None and item.days_left < prule.notice_days:
                if m.kind == "certification":
                    text = (
                        f"Your planned certification audit is {item.days_left} days away, less than the "
                        f"{prule.notice_days} days' notice {who} wants. Move it to "
                        f"{long_date(today + timedelta(days=prule.notice_days))} or later, or call {who}."
                    )
                else:
                    text = (
                        f"Only {item.days_left} days are left before the {m.title.lower()} deadline "
                        f"({long_date(m.due)}), less than the {prule.notice_days} days' notice "
                        f"{who} wants. Call {who} today."
                    )
                alerts.append(Alert(level="error", text=text, milestone_id=m.id))
            elif m.kind != "certification" and item.days_left <= max(rules.reminder_days, default=0):
                alerts.append(
                    Alert(
                        level="warning",
                        text=(
                            f"{item.days_left} days left to complete the {m.title.lower()} on site "
                            f"(by {long_date(m.due)})."
                        ),
                        milestone_id=m.id,
                    )
                )
    if sched.auditor_trained_on:
        lapses = add_years(sched.auditor_trained_on, rules.internal_auditor_valid_years)
        book_by = lapses - timedelta(days=rules.refresher_lead_days)
        if book_by < today <= lapses:
            alerts.append(
                Alert(
                    level="warning",
                    text=(
                        f"The internal auditor's certification lapses on {long_date(lapses)}, in "
                        f"{(lapses - today).days} days: book the refresher now."
                    ),
                    milestone_id="auditor-refresher",
                )
            )
        if lapses < today:
            alerts.append(
                Alert(
                    level="warning",
                    text=(
                        f"The internal auditor's certification lapsed on {long_date(lapses)}. They need "
                        "the refresher (or the course again) before doing another audit."
                    ),
                    milestone_id="auditor-expiry",
                )
            )
    return CycleStatus(
        today=today,
        items=tuple(items),
        next=next_m,
        days_left=(next_m.due - today).days if next_m else None,
        alerts=tuple(alerts),
    )


# --- where the rules come from ----------------------------------------------------------------


def jurisdiction_note(jurisdiction: str | None, content: Content | None = None) -> str | None:
    """For an Alberta user: the planner follows BC's rules, and what Alberta's COR asks instead
    (its large-employer program's maintenance audits, with source). None elsewhere."""
    if jurisdiction != "AB":
        return None
    c = content or default_content()
    ab = next((p for p in c.programs if p.jurisdiction == "AB" and p.size == "large"), None)
    return "This planner follows British Columbia's rules. In Alberta: " + (
        f"{ab.maintenance_auditor.lower()} ([source, {ab.effective}]({ab.source_url}))." if ab else ""
    )


def rule_sources(sched: Schedule, today: date, content: Content | None = None) -> list[str]:
    """Each rule the schedule applies, as a Markdown bullet naming its source and year.

    The partner's line says which of its rules our sources hold, or that they hold none (so the
    user knows to ask about notice and reports rather than assume there are no such rules).
    """
    c = content or default_content()
    rules = c.cycle
    deadline = year_end(today.year, rules.maintenance_due)
    lines = [
        f"- Certificate valid {rules.certificate_years} years; one audit each calendar year, on site by "
        f"{deadline.day} {deadline:%B} ([WorkSafeBC, {rules.effective}]({rules.source_url})).",
        f"- Incentive timing: {rules.incentive_credit} Credit dates shown are our estimate "
        f"([WorkSafeBC incentives]({rules.incentive_source_url})).",
    ]
    rule = partner_rule(sched.partner_id, c)
    if rule:
        lines.append(f"- {sched.partner_name}: {rule.note} ([source, {rule.effective}]({rule.source_url})).")
    elif sched.partner_id:
        lines.append(
            f"- {sched.partner_name}: no extra cycle rules in our sources; ask them about notice and reports."
        )
    return lines
