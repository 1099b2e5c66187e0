"""The cycle as an .ics file: parsed back with icalendar, every milestone is there, on
its date, as an all-day event, with reminders ahead of each deadline still to meet."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar, Event

from cor.content import default_content
from cor.cycle import Schedule, schedule
from cor.exports.calendar import to_ics

TODAY = date(2026, 11, 21)
STAMP = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


@pytest.fixture
def trucking() -> Schedule:
    """Certified on a leap day with a partner that has gap and report rules, auditor trained."""
    return schedule(
        certified_on=date(2024, 2, 29),
        partner="safetydriven",
        auditor_trained_on=date(2024, 6, 1),
        maintenance_done=[date(2025, 9, 15)],
        today=TODAY,
    )


def _events(data: bytes) -> list[Event]:
    return [event for event in Calendar.from_ical(data).walk("VEVENT") if isinstance(event, Event)]


def test_calendar_has_the_headers_calendar_apps_require(trucking: Schedule) -> None:
    cal = Calendar.from_ical(to_ics(trucking, stamp=STAMP))
    assert cal.name == "VCALENDAR"
    assert str(cal["VERSION"]) == "2.0"
    assert "COR Ready" in str(cal["PRODID"])


def test_every_milestone_is_an_all_day_event_on_its_date(trucking: Schedule) -> None:
    events = _events(to_ics(trucking, stamp=STAMP))
    assert len(events) == len(trucking.milestones)
    found = {(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in events}
    for m in trucking.milestones:
        assert (f"COR: {m.title}", m.on) in found
    for e in events:
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        assert type(start) is date and end == start + timedelta(days=1)  # all-day, not timed
        assert e.decoded("DTSTAMP") == STAMP


def test_the_rules_dates_are_in_the_file(trucking: Schedule) -> None:
    """Independent of the planner: the dates the rules give for a 29 Feb 2024 certificate."""
    on = {e.decoded("DTSTART") for e in _events(to_ics(trucking, stamp=STAMP))}
    assert date(2024, 2, 29) in on  # certification
    assert date(2025, 9, 15) in on  # the recorded year 2 audit
    # SafetyDriven's Terms of Participation: year 3 audit on or before the second anniversary,
    # which for a 29 February certificate is 28 February 2026 (2026 has no 29 February).
    assert date(2026, 2, 28) in on
    assert date(2027, 2, 28) in on  # expiry: three years, 29 Feb -> 28 Feb
    assert date(2024, 2, 29) + timedelta(days=45) in on  # SafetyDriven: report within 45 days
    assert date(2027, 6, 1) in on  # internal auditor certification lapses after 3 years


def test_uids_are_unique_and_stable_across_exports(trucking: Schedule) -> None:
    first = [str(e["UID"]) for e in _events(to_ics(trucking, stamp=STAMP))]
    again = [str(e["UID"]) for e in _events(to_ics(trucking, stamp=STAMP + timedelta(days=3)))]
    assert len(set(first)) == len(first)
    assert first == again  # re-importing updates events instead of duplicating them


def test_descriptions_carry_the_detail_and_its_source(trucking: Schedule) -> None:
    by_summary = {str(e["SUMMARY"]): e for e in _events(to_ics(trucking, stamp=STAMP))}
    for m in trucking.milestones:
        description = str(by_summary[f"COR: {m.title}"]["DESCRIPTION"])
        assert m.detail in description  # commas and semicolons survive escaping
        assert f"Source: {m.source_url}" in description


def test_deadlines_ahead_have_display_alarms_before_them(trucking: Schedule) -> None:
    reminder_days = sorted(default_content().cycle.reminder_days)
    events = {str(e["SUMMARY"]): e for e in _events(to_ics(trucking, stamp=STAMP))}

    def triggers(title: str) -> list[timedelta]:
        alarms = events[f"COR: {title}"].walk("VALARM")
        assert all(str(a["ACTION"]) == "DISPLAY" and str(a["DESCRIPTION"]) for a in alarms)
        return sorted(a.decoded("TRIGGER") for a in alarms)

    expected = sorted(timedelta(days=-d) for d in reminder_days)
    assert triggers("Year 3 maintenance audit") == expected
    assert triggers("Re-certification audit") == expected
    assert triggers("Internal auditor certification lapses") == [timedelta(days=-min(reminder_days))]
    assert triggers("Year 3 audit report due to SafetyDriven") == [timedelta(days=-min(reminder_days))]
    # Nothing to remind about: done audits and estimated credits.
    assert triggers("Certification audit") == []
    assert triggers("Year 2 maintenance audit") == []
    assert triggers("Incentive for 2025 credited (estimate)") == []


def test_planning_schedule_reminds_before_the_planned_audit_and_its_notice() -> None:
    s = schedule(mode="planning", planned_on=date(2027, 5, 3), partner="bcmea", today=TODAY)
    events = {str(e["SUMMARY"]): e for e in _events(to_ics(s, stamp=STAMP))}
    planned = events["COR: Certification audit (planned)"]
    assert planned.decoded("DTSTART") == date(2027, 5, 3)
    assert planned.walk("VALARM")
    notice = events["COR: Last day to send BCMEA notice of the certification audit"]
    assert notice.decoded("DTSTART") == date(2027, 5, 3) - timedelta(days=21)


def test_file_follows_rfc5545_line_rules(trucking: Schedule) -> None:
    data = to_ics(trucking, stamp=STAMP)
    lines = data.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR" and data.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in lines)  # long lines are folded
    assert b"\n" not in data.replace(b"\r\n", b"")
