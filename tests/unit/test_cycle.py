"""The three-year cycle planner: real due dates, partner rules from content, today's view.

Expected dates are derived from the rules as the sources state them (WorkSafeBC: one audit each
calendar year, on site by 31 December, certificate valid 3 years; SafetyDriven: 6 months between
audits, report within 45 days; BCMSA: 14 days' notice; BCMEA: 21; BCFSC: year-end audit due
30 November from 2024), not copied from the planner's output.
"""

from __future__ import annotations

import inspect
import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cor.cycle
from cor.content import default_content
from cor.cycle import (
    CycleInputError,
    add_months,
    add_years,
    plan,
    schedule,
    status,
)
from cor.models import Content

TODAY = date(2026, 11, 21)


def _by_id(sched: cor.cycle.Schedule, milestone_id: str) -> cor.cycle.Milestone:
    return sched.milestone(milestone_id)


def _year_end_with_gap() -> Content:
    """SafetyDriven's rules as its 2017 audit-cycle page states them (6 months between audits,
    maintenance audits by 31 December), without its Terms' anniversary timing: the content the
    gap arithmetic below was written against, so those tests keep testing the gap alone."""
    c = default_content()
    edited = tuple(
        r.model_copy(update={"maintenance_due_on": "year_end", "recertification_window_months": None})
        if r.partner == "safetydriven"
        else r
        for r in c.cycle.partner_rules
    )
    return c.model_copy(update={"cycle": c.cycle.model_copy(update={"partner_rules": edited})})


GAP = _year_end_with_gap()


# --- plan(): the contract, across year ends and leap years ----------------------------------


@pytest.mark.parametrize(
    ("certified", "year2", "year3", "recert"),
    [
        # 31 December: the next calendar year starts the day after.
        (date(2023, 12, 31), date(2024, 12, 31), date(2025, 12, 31), date(2026, 12, 31)),
        # 1 January: a whole calendar year passes before the year-2 audit's year begins.
        (date(2024, 1, 1), date(2025, 12, 31), date(2026, 12, 31), date(2027, 1, 1)),
        # 29 February: expiry falls on 28 February three years later (2027 is not a leap year).
        (date(2024, 2, 29), date(2025, 12, 31), date(2026, 12, 31), date(2027, 2, 28)),
        # 1 March the year before a leap year: the leap day in between changes nothing.
        (date(2023, 3, 1), date(2024, 12, 31), date(2025, 12, 31), date(2026, 3, 1)),
        # 28 February of a leap year stays 28 February.
        (date(2028, 2, 28), date(2029, 12, 31), date(2030, 12, 31), date(2031, 2, 28)),
    ],
)
def test_plan_dates_across_year_ends_and_leap_years(
    certified: date, year2: date, year3: date, recert: date
) -> None:
    milestones = plan(certified)
    assert [m.kind for m in milestones] == ["maintenance", "maintenance", "recertification"]
    assert [m.due for m in milestones] == [year2, year3, recert]


@given(st.dates(min_value=date(2008, 1, 1), max_value=date(2095, 12, 31)))
def test_plan_for_any_date_dues_dec_31_of_next_two_years_and_expiry_within_a_day(day: date) -> None:
    first, second, recert = plan(day)
    assert first.due == date(day.year + 1, 12, 31)
    assert second.due == date(day.year + 2, 12, 31)
    assert recert.due.year == day.year + 3
    same_day_3_years_later = date(day.year + 3, day.month, 28 if (day.month, day.day) == (2, 29) else day.day)
    assert abs((recert.due - same_day_3_years_later).days) <= 1
    assert (recert.due.month, recert.due.day) == (
        (2, 28) if (day.month, day.day) == (2, 29) else (day.month, day.day)
    )


def test_add_months_clamps_to_the_end_of_a_short_month() -> None:
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)
    assert add_months(date(2026, 3, 31), -6) == date(2025, 9, 30)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


# --- schedule(): the full cycle --------------------------------------------------------------


def test_schedule_without_partner_rules_matches_the_general_rule() -> None:
    s = schedule(certified_on=date(2025, 3, 14), today=TODAY)
    assert _by_id(s, "certification").done_on == date(2025, 3, 14)
    assert _by_id(s, "maintenance-2").due == date(2026, 12, 31)
    assert _by_id(s, "maintenance-3").due == date(2027, 12, 31)
    assert _by_id(s, "recertification").due == date(2028, 3, 14)
    assert s.expires_on == date(2028, 3, 14)
    # No partner: no gap, notice or report rules were invented.
    assert not s.of_kind("notice") and not s.of_kind("report_due")
    assert _by_id(s, "maintenance-2").earliest is None
    assert s.alerts == ()


def test_schedule_agrees_with_plan_for_the_general_rule() -> None:
    certified = date(2024, 2, 29)
    s = schedule(certified_on=certified, today=TODAY)
    audits = [m for m in s.milestones if m.kind in ("maintenance", "recertification")]
    assert [(m.kind, m.due) for m in audits] == [(m.kind, m.due) for m in plan(certified)]


def test_incentive_is_credited_the_year_after_each_audit_year_as_an_estimate() -> None:
    s = schedule(certified_on=date(2025, 3, 14), today=TODAY)
    credits = s.of_kind("incentive_credit")
    # Content: "credited ... the following year, usually in the spring or by June".
    assert [c.due for c in credits] == [date(2026, 6, 30), date(2027, 6, 30), date(2028, 6, 30)]
    assert all(c.estimate and "estimate" in c.title for c in credits)
    assert all("worksafebc.com" in c.source_url for c in credits)


def test_late_year_certification_with_six_month_gap_pushes_year_2_earliest_date() -> None:
    # Certified 20 Dec 2025: year 2 is calendar 2026, but SafetyDriven wants 6 months between
    # audits, so not before 20 June 2026.
    s = schedule(certified_on=date(2025, 12, 20), partner="safetydriven", content=GAP, today=date(2026, 1, 5))
    year2 = _by_id(s, "maintenance-2")
    assert year2.earliest == date(2026, 6, 20)
    assert year2.due == date(2026, 12, 31)
    assert "6 months" in year2.detail


def test_early_certification_keeps_year_2_earliest_at_january_1() -> None:
    # Certified in March: 6 months later is September of year 1, so year 2 opens on 1 January.
    s = schedule(certified_on=date(2025, 3, 14), partner="safetydriven", content=GAP, today=TODAY)
    assert _by_id(s, "maintenance-2").earliest == date(2026, 1, 1)


def test_year_3_earliest_date_counts_from_the_recorded_year_2_audit() -> None:
    s = schedule(
        certified_on=date(2025, 3, 14),
        partner="safetydriven",
        content=GAP,
        maintenance_done=[date(2026, 11, 2)],
        today=TODAY,
    )
    assert _by_id(s, "maintenance-2").done_on == date(2026, 11, 2)
    assert _by_id(s, "maintenance-3").earliest == date(2027, 5, 2)
    assert _by_id(s, "recertification").earliest == date(2027, 11, 2)


def test_gap_before_re_certification_brings_year_3_latest_date_forward() -> None:
    # Expiry 1 Mar 2028; re-certification needs 6 months after year 3, so year 3 by 1 Sep 2027.
    s = schedule(certified_on=date(2025, 3, 1), partner="safetydriven", content=GAP, today=TODAY)
    year3 = _by_id(s, "maintenance-3")
    assert year3.latest == date(2027, 9, 1)
    assert year3.due == date(2027, 12, 31)
    assert "1 Sep 2027" in year3.detail


def test_late_year_3_audit_makes_re_certification_infeasible() -> None:
    # Year 3 done 15 Dec 2026: 6 months later is 15 Jun 2027, after expiry on 1 Mar 2027.
    s = schedule(
        certified_on=date(2024, 3, 1),
        partner="safetydriven",
        content=GAP,
        maintenance_done=[date(2025, 6, 1), date(2026, 12, 15)],
        today=date(2026, 12, 20),
    )
    errors = [a for a in s.alerts if a.level == "error"]
    assert [a.milestone_id for a in errors] == ["recertification"]
    assert "15 Jun 2027" in errors[0].text and "1 Mar 2027" in errors[0].text


def test_recorded_audits_closer_than_the_minimum_gap_are_flagged() -> None:
    s = schedule(
        certified_on=date(2025, 11, 20),
        partner="safetydriven",
        content=GAP,
        maintenance_done=[date(2026, 2, 1)],
        today=TODAY,
    )
    (warning,) = [a for a in s.alerts if a.milestone_id == "maintenance-2"]
    assert warning.level == "warning" and "6 months" in warning.text


def test_report_is_due_45_days_after_each_audit_for_safetydriven() -> None:
    s = schedule(certified_on=date(2026, 1, 10), partner="safetydriven", content=GAP, today=TODAY)
    reports = {m.id: m.due for m in s.of_kind("report_due")}
    assert reports["report-certification"] == date(2026, 1, 10) + timedelta(days=45)
    # Not done yet: at the latest 45 days after the last allowed day (31 Dec 2027).
    assert reports["report-maintenance-2"] == date(2028, 2, 14)


@pytest.mark.parametrize(("partner", "days"), [("bcmsa", 14), ("go2hr", 14), ("bcmea", 21)])
def test_notice_of_audit_lead_time_comes_from_the_partner_rule(partner: str, days: int) -> None:
    s = schedule(certified_on=date(2026, 2, 1), partner=partner, today=TODAY)
    notices = {m.id: m.due for m in s.of_kind("notice")}
    assert notices["notice-maintenance-2"] == date(2027, 12, 31) - timedelta(days=days)
    assert notices["notice-recertification"] == date(2029, 2, 1) - timedelta(days=days)
    assert "notice-certification" not in notices  # already done: no notice to send


def test_bcfsc_year_end_deadline_is_30_november_from_2024() -> None:
    # Anniversary 1 August (second half-year): the audit may slip to the year end, from 2024 30 November.
    s = schedule(certified_on=date(2024, 8, 1), partner="bcfsc", today=date(2025, 1, 10))
    assert _by_id(s, "maintenance-2").due == date(2025, 11, 30)
    assert _by_id(s, "maintenance-3").due == date(2026, 11, 30)
    assert "30 Nov" in _by_id(s, "maintenance-2").detail
    assert "bcforestsafe.org" in _by_id(s, "maintenance-2").source_url


def test_bcfsc_deadline_before_2024_was_still_31_december() -> None:
    s = schedule(certified_on=date(2022, 9, 1), partner="bcfsc", today=date(2023, 1, 15))
    assert _by_id(s, "maintenance-2").due == date(2023, 12, 31)  # the 2023 audit
    assert _by_id(s, "maintenance-3").due == date(2024, 11, 30)  # the rule applies from 2024


def test_a_partner_rule_is_data_changing_content_changes_the_schedule() -> None:
    c = default_content()
    rules = c.cycle.partner_rules
    edited = tuple(r.model_copy(update={"min_gap_months": 3}) if r.partner == "bcmsa" else r for r in rules)
    content = c.model_copy(update={"cycle": c.cycle.model_copy(update={"partner_rules": edited})})
    s = schedule(certified_on=date(2025, 11, 1), partner="bcmsa", today=TODAY, content=content)
    assert _by_id(s, "maintenance-2").earliest == date(2026, 2, 1)


def test_planner_code_never_names_a_partner() -> None:
    source = inspect.getsource(cor.cycle)
    for partner in default_content().partners:
        assert f'"{partner.id}"' not in source and f"'{partner.id}'" not in source


def test_planning_mode_schedules_from_the_planned_audit() -> None:
    s = schedule(mode="planning", planned_on=date(2027, 4, 15), partner="bcmsa", today=TODAY)
    cert = _by_id(s, "certification")
    assert cert.done_on is None and cert.due == date(2027, 4, 15)
    assert _by_id(s, "notice-certification").due == date(2027, 4, 1)  # 14 days' notice
    assert _by_id(s, "maintenance-2").due == date(2028, 12, 31)
    assert s.expires_on == date(2030, 4, 15)


def test_planned_audit_after_a_partner_year_end_is_flagged() -> None:
    s = schedule(mode="planning", planned_on=date(2026, 12, 10), partner="bcfsc", today=TODAY)
    assert any(a.milestone_id == "certification" and "30 Nov 2026" in a.text for a in s.alerts)


def test_internal_auditor_lapses_three_years_after_training_leap_day_included() -> None:
    s = schedule(certified_on=date(2025, 3, 14), auditor_trained_on=date(2024, 2, 29), today=TODAY)
    lapses = _by_id(s, "auditor-expiry").due
    assert lapses == date(2027, 2, 28)
    refresher = _by_id(s, "auditor-refresher")
    assert refresher.due < lapses and "refresher" in refresher.title.lower()
    # It lapses before the year 3 maintenance audit deadline (31 Dec 2027): say so.
    assert any(a.milestone_id == "maintenance-3" and "28 Feb 2027" in a.text for a in s.alerts)


def test_partner_that_does_not_run_the_program_is_flagged() -> None:
    s = schedule(certified_on=date(2025, 3, 14), partner="go2hr", program="bc-small", today=TODAY)
    assert any(a.level == "info" and "go2HR" in a.text for a in s.alerts)


# --- validation: clear messages naming the field ------------------------------------------


def _error(**kwargs: object) -> CycleInputError:
    with pytest.raises(CycleInputError) as err:
        schedule(today=TODAY, **kwargs)  # type: ignore[arg-type]  # bad values of any type, as a form sends
    assert isinstance(err.value, ValueError)
    return err.value


def test_certified_in_the_future_says_so_and_points_to_planning() -> None:
    err = _error(certified_on=TODAY + timedelta(days=1))
    assert err.field == "certified_on"
    assert "future" in err.message and "Planning the certification audit" in err.message


def test_certificate_older_than_three_years_has_expired_and_needs_re_certification() -> None:
    err = _error(certified_on=date(2022, 6, 30))
    assert err.field == "certified_on"
    assert "expired on 30 Jun 2025" in err.message and "re-certification" in err.message


def test_certificate_expiring_today_is_still_valid_and_re_certification_is_due_today() -> None:
    s = schedule(certified_on=add_years(TODAY, -3), today=TODAY)
    view = status(s, TODAY)
    assert _by_id(s, "recertification").due == TODAY
    assert view.next is not None and view.next.kind == "recertification" and view.days_left == 0


def test_date_before_the_program_existed_is_refused() -> None:
    err = _error(certified_on=date(2005, 5, 1))
    assert err.field == "certified_on" and "2008" in err.message


def test_missing_date_asks_for_it() -> None:
    assert _error(certified_on=None).field == "certified_on"
    assert _error(mode="planning").field == "planned_on"


def test_planned_date_in_the_past_or_too_far_ahead_is_refused() -> None:
    past = _error(mode="planning", planned_on=TODAY - timedelta(days=1))
    assert past.field == "planned_on" and "has passed" in past.message
    far = _error(mode="planning", planned_on=date(2031, 1, 1))
    assert far.field == "planned_on" and "3 years" in far.message


def test_recorded_maintenance_audit_must_be_in_its_own_calendar_year_and_not_in_the_future() -> None:
    wrong_year = _error(certified_on=date(2025, 3, 14), maintenance_done=[date(2025, 12, 1)])
    assert wrong_year.field == "maintenance_2" and "2026" in wrong_year.message
    future = _error(certified_on=date(2025, 3, 14), maintenance_done=[date(2026, 12, 1)])
    assert future.field == "maintenance_2" and "future" in future.message


def test_auditor_trained_in_the_future_is_refused() -> None:
    err = _error(certified_on=date(2025, 3, 14), auditor_trained_on=date(2027, 1, 1))
    assert err.field == "auditor_trained_on" and "future" in err.message


def test_unknown_partner_is_refused() -> None:
    assert _error(certified_on=date(2025, 3, 14), partner="nobody").field == "partner"


def test_leap_day_certification_plans_without_error() -> None:
    s = schedule(certified_on=date(2024, 2, 29), today=TODAY)
    assert s.expires_on == date(2027, 2, 28)


# --- status(): the view from today -----------------------------------------------------------


def test_status_on_the_deadline_day_counts_zero_days_left_not_overdue() -> None:
    s = schedule(certified_on=date(2025, 3, 14), today=TODAY)
    view = status(s, date(2026, 12, 31))
    assert view.next is not None and view.next.id == "maintenance-2"
    assert view.days_left == 0
    assert view.overdue == []


def test_status_the_day_after_an_unrecorded_deadline_is_overdue_with_an_error() -> None:
    s = schedule(certified_on=date(2025, 3, 14), today=TODAY)
    view = status(s, date(2027, 1, 1))
    assert [m.id for m in view.overdue] == ["maintenance-2"]
    assert view.alerts[0].level == "error" and "31 Dec 2026" in view.alerts[0].text
    assert view.next is not None and view.next.id == "maintenance-3"


def test_status_lists_recorded_audits_as_done() -> None:
    s = schedule(certified_on=date(2025, 3, 14), maintenance_done=[date(2026, 6, 1)], today=TODAY)
    view = status(s, date(2027, 1, 1))
    assert [m.id for m in view.done] == ["certification", "maintenance-2"]
    assert view.overdue == []


def test_status_before_the_certification_counts_days_to_the_planned_audit() -> None:
    s = schedule(mode="planning", planned_on=date(2027, 3, 1), today=TODAY)
    view = status(s, TODAY)
    assert view.next is not None and view.next.id == "certification"
    assert view.days_left == (date(2027, 3, 1) - TODAY).days
    assert view.done == []


def test_estimated_credits_are_never_the_next_deadline() -> None:
    s = schedule(certified_on=date(2025, 3, 14), maintenance_done=[date(2026, 3, 1)], today=TODAY)
    view = status(s, date(2026, 3, 2))
    assert view.next is not None and not view.next.estimate
    assert view.state_of("credit-2025") == "expected"


def test_too_little_time_left_for_the_partner_notice_is_an_error() -> None:
    # BCMEA wants 21 days' notice; on 15 Dec only 16 days remain before 31 Dec.
    s = schedule(certified_on=date(2025, 3, 14), partner="bcmea", today=TODAY)
    view = status(s, date(2026, 12, 15))
    assert any(
        a.level == "error" and "21 days" in a.text and a.milestone_id == "maintenance-2" for a in view.alerts
    )


def test_planned_audit_too_soon_for_notice_suggests_a_later_date() -> None:
    s = schedule(mode="planning", planned_on=TODAY + timedelta(days=10), partner="bcmsa", today=TODAY)
    view = status(s, TODAY)
    (alert,) = [a for a in view.alerts if a.milestone_id == "certification"]
    assert "14 days" in alert.text and cor.cycle.long_date(TODAY + timedelta(days=14)) in alert.text


def test_after_the_gap_latest_date_a_warning_says_it_is_too_late_for_the_gap() -> None:
    s = schedule(
        certified_on=date(2024, 3, 1),
        partner="safetydriven",
        content=GAP,
        maintenance_done=[date(2025, 5, 1)],
        today=TODAY,
    )
    view = status(s, date(2026, 10, 1))  # year 3 should have been done by 1 Sep 2026
    assert any(a.milestone_id == "maintenance-3" and "1 Sep 2026" in a.text for a in view.alerts)
    assert "maintenance-3" not in [m.id for m in view.overdue]  # the year-end deadline has not passed


def test_deadline_within_a_month_warns_with_days_left() -> None:
    s = schedule(certified_on=date(2025, 3, 14), today=TODAY)
    view = status(s, date(2026, 12, 11))
    assert any(a.level == "warning" and "20 days left" in a.text for a in view.alerts)


def test_lapsed_internal_auditor_is_a_warning() -> None:
    s = schedule(certified_on=date(2025, 3, 14), auditor_trained_on=date(2023, 5, 1), today=TODAY)
    view = status(s, TODAY)
    assert any("lapsed on 1 May 2026" in a.text for a in view.alerts)


def test_refresher_window_open_says_book_it_now() -> None:
    # Trained 10 Jan 2024: certification lapses 10 Jan 2027; within the booking lead time.
    s = schedule(certified_on=date(2025, 3, 14), auditor_trained_on=date(2024, 1, 10), today=TODAY)
    view = status(s, TODAY)
    (alert,) = [a for a in view.alerts if a.milestone_id == "auditor-refresher"]
    assert "10 Jan 2027" in alert.text and "book the refresher now" in alert.text
    assert not any(a.milestone_id == "auditor-refresher" for a in status(s, date(2026, 6, 1)).alerts)


# --- rules the cycle page used to decide itself (now asked of cor.cycle) ----------------------


@pytest.mark.parametrize(
    ("certified", "begun"),
    [
        # Year n of the cycle is calendar year certified.year + n - 1 (WorkSafeBC: one audit each
        # calendar year); an audit can only be done once its calendar year has begun.
        (date(2026, 2, 1), []),  # certified this year: year 2 (2027) has not begun
        (date(2025, 3, 14), [(2, 2026)]),  # year 2 is this year, year 3 (2027) is not
        (date(2024, 12, 31), [(2, 2025), (3, 2026)]),
        (date(2023, 12, 1), [(2, 2024), (3, 2025)]),  # never a year 4: certificates last 3 years
    ],
)
def test_only_maintenance_years_already_begun_are_asked_about(
    certified: date, begun: list[tuple[int, int]]
) -> None:
    assert cor.cycle.maintenance_years_begun(certified, TODAY) == begun


def test_a_year_begins_on_1_january_not_on_the_certification_anniversary() -> None:
    assert cor.cycle.maintenance_years_begun(date(2025, 11, 30), date(2026, 1, 1)) == [(2, 2026)]
    assert cor.cycle.maintenance_years_begun(date(2025, 11, 30), date(2025, 12, 31)) == []


def test_partner_rule_is_the_partners_own_record_or_none() -> None:
    rule = cor.cycle.partner_rule("safetydriven")
    assert rule is not None and rule.partner == "safetydriven" and rule.min_gap_months == 6
    assert cor.cycle.partner_rule(None) is None  # "Other / not sure"
    assert cor.cycle.partner_rule("bccsa") is None  # a partner our sources give no extra cycle rules


def test_rule_sources_name_the_general_rules_with_their_source() -> None:
    rules = default_content().cycle
    lines = cor.cycle.rule_sources(schedule(certified_on=date(2025, 3, 14), today=TODAY), TODAY)
    assert len(lines) == 3  # no partner chosen: only the general rules (the third: maintenance pass mark)
    assert "valid 3 years" in lines[0] and "on site by 31 December" in lines[0]
    assert str(rules.source_url) in lines[0] and rules.effective in lines[0]
    assert str(rules.incentive_source_url) in lines[1] and "our estimate" in lines[1]


def test_rule_sources_cite_the_partners_own_rule_when_our_sources_have_one() -> None:
    rule = cor.cycle.partner_rule("bcmsa")
    assert rule is not None
    sched = schedule(certified_on=date(2025, 3, 14), partner="bcmsa", today=TODAY)
    last = cor.cycle.rule_sources(sched, TODAY)[-1]
    assert last.startswith(f"- {default_content().partner('bcmsa').name}: {rule.note}")
    assert str(rule.source_url) in last and rule.effective in last


def test_rule_sources_say_so_when_the_partner_has_no_extra_rules_in_our_sources() -> None:
    sched = schedule(certified_on=date(2025, 3, 14), partner="bccsa", today=TODAY)
    lines = cor.cycle.rule_sources(sched, TODAY)
    assert len(lines) == 4
    assert default_content().partner("bccsa").name in lines[-1]
    assert "no extra cycle rules" in lines[-1] and "notice and reports" in lines[-1]


def test_alberta_users_are_told_the_planner_follows_bc_rules_and_what_alberta_asks() -> None:
    c = default_content()
    ab_cor = next(p for p in c.programs if p.jurisdiction == "AB" and p.size == "large")
    note = cor.cycle.jurisdiction_note("AB", c)
    assert note is not None
    assert note.startswith("This planner follows British Columbia's rules. In Alberta:")
    assert ab_cor.maintenance_auditor.lower() in note and str(ab_cor.source_url) in note
    assert cor.cycle.jurisdiction_note("BC", c) is None


# --- audit timing and auditor rules by partner ---------------------------------
# SafetyDriven, COR Policy Manual, Terms of Participation: "an annual maintenance audit on or
# before the first and second anniversary date of a Certification Audit" and "a re-certification
# audit before the expiry of the Term, performed no more than 6 months prior to the expiry".
# BCFSC, Maintaining SAFE: due on the anniversary; in maintenance years it may wait until 30 June
# or 31 December, whichever comes first (30 November from 2024, its year-end change).


def test_safetydriven_maintenance_audits_are_due_on_the_certification_anniversaries() -> None:
    s = schedule(certified_on=date(2025, 3, 14), partner="safetydriven", today=TODAY)
    assert _by_id(s, "maintenance-2").due == date(2026, 3, 14)
    assert _by_id(s, "maintenance-3").due == date(2027, 3, 14)
    assert _by_id(s, "recertification").due == date(2028, 3, 14)
    assert "terms-of-participation" in _by_id(s, "maintenance-2").source_url


def test_safetydriven_re_certification_opens_6_months_before_expiry() -> None:
    s = schedule(certified_on=date(2025, 3, 14), partner="safetydriven", today=TODAY)
    recert = _by_id(s, "recertification")
    assert recert.earliest == date(2027, 9, 14)
    assert "6 months before expiry" in recert.detail


def test_safetydriven_conflicting_year_end_statement_is_shown_with_its_own_source() -> None:
    sched = schedule(certified_on=date(2025, 3, 14), partner="safetydriven", today=TODAY)
    lines = cor.cycle.rule_sources(sched, TODAY)
    conflict = lines[-1]
    assert "also says" in conflict and "end of the year" in conflict
    assert "safetydriven.ca/2018/10/11/cor-audit-reminder" in conflict
    assert "terms-of-participation" in lines[-2]


def test_general_rule_without_a_partner_stays_31_december() -> None:
    s = schedule(certified_on=date(2025, 3, 14), today=TODAY)
    assert _by_id(s, "maintenance-2").due == date(2026, 12, 31)
    assert _by_id(s, "recertification").earliest is None


@pytest.mark.parametrize(
    ("certified", "year2_due"),
    [
        (date(2025, 3, 10), date(2026, 6, 30)),  # first half-year: grace to 30 June
        (date(2025, 6, 30), date(2026, 6, 30)),  # the anniversary is the grace date itself
        (date(2025, 7, 21), date(2026, 11, 30)),  # second half: 31 December, 30 November from 2024
    ],
)
def test_bcfsc_maintenance_audit_may_slip_from_the_anniversary_to_the_half_year_end(
    certified: date, year2_due: date
) -> None:
    s = schedule(certified_on=certified, partner="bcfsc", today=TODAY)
    assert _by_id(s, "maintenance-2").due == year2_due
    assert _by_id(s, "recertification").due == add_years(certified, 3)  # no grace for re-certification


def test_internal_auditor_rule_is_the_chosen_partners_with_its_source() -> None:
    c = default_content()
    bcfsc = cor.cycle.auditor_rule("bcfsc", c)
    bccsa = cor.cycle.auditor_rule("bccsa", c)
    assert bcfsc is not None and "7 hours" in bcfsc.rule and "BCFSC" in bcfsc.rule
    assert bccsa is not None and "2-day" in bccsa.rule and "2 COR audits" in bccsa.rule
    assert "bccsa.ca/cor_internal_auditors" in str(bccsa.source_url)
    s = schedule(
        certified_on=date(2025, 3, 14), partner="bccsa", auditor_trained_on=date(2024, 6, 1), today=TODAY
    )
    refresher = _by_id(s, "auditor-refresher")
    assert bccsa.rule in refresher.detail and refresher.source_url == str(bccsa.source_url)


def test_the_7_hour_refresher_is_not_attributed_to_every_partner() -> None:
    general = default_content().cycle.internal_auditor_refresher
    assert "7-hour" not in general and "7 hours" not in general
    s = schedule(certified_on=date(2025, 3, 14), auditor_trained_on=date(2024, 6, 1), today=TODAY)
    assert "7 hours" not in _by_id(s, "auditor-refresher").detail


def test_alberta_maintenance_audits_pass_at_a_lower_mark_with_its_source() -> None:
    c = default_content()
    note = cor.cycle.jurisdiction_note("AB", c)
    assert note is not None
    assert "60% overall" in note and "80% for certification" in note and "Energy Safety Canada" in note


def test_alberta_mark_without_a_figure_says_unconfirmed() -> None:
    c = default_content()
    rules = tuple(r.model_copy(update={"overall_min_pct": None}) for r in c.cycle.maintenance_pass)
    content = c.model_copy(update={"cycle": c.cycle.model_copy(update={"maintenance_pass": rules})})
    note = cor.cycle.jurisdiction_note("AB", content)
    assert note is not None and "unconfirmed" in note and "60%" not in note


def test_certification_pass_mark_comes_from_the_jurisdictions_pass_rule() -> None:
    c = default_content()
    bc = c.jurisdiction("BC")
    stricter = bc.model_copy(
        update={"pass_rule": bc.pass_rule.model_copy(update={"overall_min_pct": Decimal(85)})}
    )
    content = c.model_copy(
        update={"jurisdictions": tuple(stricter if j.code == "BC" else j for j in c.jurisdictions)}
    )
    s = schedule(mode="planning", planned_on=date(2027, 3, 1), today=TODAY, content=content)
    assert "Pass: 85% overall and at least 50% on every element." in _by_id(s, "certification").detail


def test_no_pass_mark_literal_in_the_planner() -> None:
    for module in Path(cor.cycle.__file__).parent.glob("*.py"):
        text = module.read_text()
        assert "80%" not in text and "50%" not in text, module.name


def test_no_module_of_the_planner_names_a_partner() -> None:
    for module in Path(cor.cycle.__file__).parent.glob("*.py"):
        text = module.read_text()
        for partner in default_content().partners:
            assert f'"{partner.id}"' not in text and f"'{partner.id}'" not in text, module.name


@pytest.mark.parametrize("day", [date(9997, 6, 1), date(9999, 12, 31)])
def test_plan_near_the_end_of_the_calendar_raises_a_value_error_with_a_message(day: date) -> None:
    with pytest.raises(ValueError, match="past the last date"):
        plan(day)


def test_schedule_near_the_end_of_the_calendar_names_the_field() -> None:
    today = date(9998, 1, 1)
    with pytest.raises(CycleInputError) as err:
        schedule(mode="planning", planned_on=date(9998, 6, 1), today=today)
    assert err.value.field == "planned_on" and "too far ahead" in err.value.message


def test_one_day_is_singular_in_every_message() -> None:
    s = schedule(certified_on=date(2025, 3, 14), partner="bcmea", today=TODAY)
    view = status(s, date(2026, 12, 30))
    texts = " ".join(a.text for a in view.alerts)
    assert "Only 1 day is left" in texts and not re.search(r"\b1 days", texts)


def test_about_the_numbers_figures_carry_each_partner_rule_with_its_source() -> None:
    from cor.cycle.figures import cycle_figures

    figures = {f.figure: f for f in cycle_figures(default_content())}
    assert "anniversary" in figures["Audit timing: SafetyDriven"].value
    assert "terms-of-participation" in figures["Audit timing: SafetyDriven"].source_url
    assert "conflicting statement" in " ".join(figures)
    assert "7 hours" in figures["Internal auditor: BCFSC"].note
    assert figures["Maintenance audit pass mark (Energy Safety Canada)"].value == "60% overall"


def test_a_partner_without_an_auditor_rule_in_our_sources_is_asked_about() -> None:
    c = default_content()
    assert "no such rule for SafetyDriven" in cor.cycle.auditor_rule_text("safetydriven", c)
    assert "no such rule" not in cor.cycle.auditor_rule_text(None, c)
