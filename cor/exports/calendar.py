"""The audit cycle as an iCalendar (.ics) file, so its deadlines land in the user's own calendar.

The page builds it only when the user clicks the download button (and imports this module, with
icalendar, only then): building it on every rerun cost several milliseconds.

Built with the ``icalendar`` library (RFC 5545 escaping, folding and line endings are its job).
Each milestone is an all-day event; each deadline still ahead carries display alarms some days
before it (the days come from content), because a reminder on the day itself is too late to book
an auditor. UIDs are derived from the certification date and the milestone, so importing the
file again updates the events instead of duplicating them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from cor.content import default_content
from cor.cycle import Milestone, Schedule
from cor.formatting import count
from cor.models import Content

PRODID = "-//COR Ready//Audit cycle planner//EN"
UID_DOMAIN = "cor-ready.app"


def uid(schedule: Schedule, milestone: Milestone) -> str:
    """Stable and unique: one certificate's cycle (its certification date) and the milestone."""
    return f"{schedule.certification_on.isoformat()}-{milestone.id}@{UID_DOMAIN}"


def reminder_days(milestone: Milestone, content: Content | None = None) -> tuple[int, ...]:
    """Days before the date at which to remind: every configured reminder for an audit, the
    nearest one for other deadlines, none for what is done or only an estimate."""
    days = tuple(sorted((content or default_content()).cycle.reminder_days, reverse=True))
    if milestone.done_on is not None or milestone.estimate or not days:
        return ()
    return days if milestone.is_audit else days[-1:]


def _description(schedule: Schedule, milestone: Milestone) -> str:
    lines = [milestone.detail]
    if schedule.partner_name:
        lines.append(f"Certifying partner: {schedule.partner_name}.")
    lines.append(f"Program: {schedule.program_name}.")
    if milestone.source_url:
        lines.append(f"Source: {milestone.source_url}")
    lines.append("Planned with COR Ready, an unofficial planner: confirm dates with your certifying partner.")
    return "\n".join(line for line in lines if line)


def to_ics(schedule: Schedule, *, stamp: datetime | None = None, content: Content | None = None) -> bytes:
    """Every milestone of ``schedule`` as an all-day event, with reminders ahead of deadlines."""
    stamp = stamp or datetime.now(UTC)
    content = content or default_content()
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "COR audit cycle")
    for m in schedule.milestones:
        event = Event()
        event.add("uid", uid(schedule, m))
        event.add("dtstamp", stamp)
        event.add("dtstart", m.on)
        event.add("dtend", m.on + timedelta(days=1))
        event.add("summary", f"COR: {m.title}")
        event.add("description", _description(schedule, m))
        event.add("categories", [m.kind.replace("_", " ")])
        event.add("transp", "TRANSPARENT")
        if m.source_url:
            event.add("url", m.source_url)
        for days in reminder_days(m, content):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"In {count(days, 'day')}: {m.title}")
            alarm.add("trigger", timedelta(days=-days))
            event.add_component(alarm)
        cal.add_component(event)
    ical: bytes = cal.to_ical()
    return ical
