"""The cycle seen from one day: what is done, what comes next, what is late or impossible."""

from __future__ import annotations

from datetime import date, timedelta

from cor.content import default_content
from cor.cycle.auditor import auditor_lapses
from cor.cycle.inputs import CERTIFIED, partner_rule
from cor.cycle.model import Alert, CycleStatus, Milestone, MilestoneStatus, Schedule, State
from cor.formatting import count, long_date
from cor.models import Content, PartnerCycleRule


def _items(sched: Schedule, today: date) -> tuple[list[MilestoneStatus], Milestone | None]:
    """Each milestone's state: done only when recorded; an audit past its date without a record
    is overdue, other past deadlines "passed"; the first deadline ahead is "next"."""
    items: list[MilestoneStatus] = []
    next_milestone: Milestone | None = None
    for m in sched.milestones:
        if m.done_on is not None:
            state: State = "done"
        elif m.due < today:
            state = "overdue" if m.is_audit else "passed"
        elif m.estimate:
            state = "expected"
        elif next_milestone is None:
            state = "next"
            next_milestone = m
        else:
            state = "upcoming"
        items.append(MilestoneStatus(milestone=m, state=state, days_left=(m.due - today).days))
    return items, next_milestone


def _overdue(milestone: Milestone) -> Alert:
    if milestone.kind == "certification":
        text = (
            f"The planned certification audit date ({long_date(milestone.due)}) has passed. If it "
            f'took place, choose "{CERTIFIED}" and enter the date; otherwise plan a new date.'
        )
    else:
        text = (
            f"The {milestone.title.lower()} was due by {long_date(milestone.due)} and is not recorded as done. "
            "If it was done, record its date above; if it was missed, the COR and its "
            "incentive are at risk: call your certifying partner now."
        )
    return Alert(level="error", text=text, milestone_id=milestone.id)


def _too_late_for_gap(milestone: Milestone, today: date, who: str) -> list[Alert]:
    if not (milestone.latest and milestone.latest < today):
        return []
    text = (
        f"It is now too late for the {milestone.title.lower()} to leave {who}'s minimum gap "
        f"before the next audit (it needed to be done by {long_date(milestone.latest)}). Do "
        f"it by {long_date(milestone.due)} anyway, and ask {who} how to time the next one."
    )
    return [Alert(level="warning", text=text, milestone_id=milestone.id)]


def _time_left(
    item: MilestoneStatus, today: date, rule: PartnerCycleRule | None, who: str, content: Content
) -> list[Alert]:
    """Too little time for the partner's notice of audit (an error), or a deadline close ahead."""
    m, left = item.milestone, item.days_left
    if rule and rule.notice_days is not None and left < rule.notice_days:
        notice = count(rule.notice_days, "day") + ("'s" if rule.notice_days == 1 else "'")
        if m.kind == "certification":
            text = (
                f"Your planned certification audit is {count(left, 'day')} away, less than the "
                f"{notice} notice {who} wants. Move it to "
                f"{long_date(today + timedelta(days=rule.notice_days))} or later, or call {who}."
            )
        else:
            text = (
                f"Only {count(left, 'day')} {'is' if left == 1 else 'are'} left before the {m.title.lower()} "
                f"deadline ({long_date(m.due)}), less than the {notice} notice {who} wants. Call {who} today."
            )
        return [Alert(level="error", text=text, milestone_id=m.id)]
    if m.kind != "certification" and left <= max(content.cycle.reminder_days, default=0):
        text = f"{count(left, 'day')} left to complete the {m.title.lower()} on site (by {long_date(m.due)})."
        return [Alert(level="warning", text=text, milestone_id=m.id)]
    return []


def _item_alerts(
    items: list[MilestoneStatus], today: date, rule: PartnerCycleRule | None, who: str, content: Content
) -> tuple[list[Alert], list[Alert]]:
    """(errors to put first, alerts to add after the schedule's own)."""
    first: list[Alert] = []
    after: list[Alert] = []
    for item in items:
        m = item.milestone
        if item.state == "overdue":
            first.insert(0, _overdue(m))
        elif m.is_audit and item.state in ("next", "upcoming"):
            if m.earliest and m.earliest > min(m.latest or m.due, m.due):
                continue  # already reported as infeasible by the schedule
            after += _too_late_for_gap(m, today, who)
            after += _time_left(item, today, rule, who, content)
    return first, after


def _auditor_alerts(sched: Schedule, today: date, content: Content) -> list[Alert]:
    if not sched.auditor_trained_on:
        return []
    lapses = auditor_lapses(sched.auditor_trained_on, sched.partner_id, content)
    book_by = lapses - timedelta(days=content.cycle.refresher_lead_days)
    alerts = []
    if book_by < today <= lapses:
        text = (
            f"The internal auditor's certification lapses on {long_date(lapses)}, in "
            f"{count((lapses - today).days, 'day')}: book the refresher now."
        )
        alerts.append(Alert(level="warning", text=text, milestone_id="auditor-refresher"))
    if lapses < today:
        text = (
            f"The internal auditor's certification lapsed on {long_date(lapses)}. They need "
            "the refresher (or the course again) before doing another audit."
        )
        alerts.append(Alert(level="warning", text=text, milestone_id="auditor-expiry"))
    return alerts


def status(sched: Schedule, today: date, content: Content | None = None) -> CycleStatus:
    """What is done, what is next and how many days are left, and what is late or impossible.

    An audit is done only when it is recorded; an audit past its date without a record is
    overdue (the page asks the user to record it, or to call the partner). Other deadlines past
    their date are "passed": the planner cannot know whether a report was sent.
    """
    content = content or default_content()
    rule = partner_rule(sched.partner_id, content)
    who = content.partner(rule.partner).short_name if rule else ""
    items, next_milestone = _items(sched, today)
    first, after = _item_alerts(items, today, rule, who, content)
    return CycleStatus(
        today=today,
        items=tuple(items),
        next=next_milestone,
        days_left=(next_milestone.due - today).days if next_milestone else None,
        alerts=(*first, *sched.alerts, *after, *_auditor_alerts(sched, today, content)),
    )
