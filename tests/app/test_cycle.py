"""The cycle planner page, driven through AppTest from app.py like a user.

Today is pinned through the plain session key "today" so the dates the page shows can be
derived from the rules: audits on site by 31 December of the next two calendar years, the
certificate valid three years.
"""

from __future__ import annotations

from datetime import date

from streamlit.testing.v1 import AppTest

from tests.app.conftest import elements, open_page

TODAY = date(2026, 11, 21)


def _cycle(at: AppTest) -> AppTest:
    at.session_state["today"] = TODAY
    return open_page(at, "cycle")


def _set(at: AppTest, key: str, value: date | str) -> AppTest:
    """Type a date into a date field (year first, as the field asks) and apply it."""
    text = value.isoformat() if isinstance(value, date) else value
    at.text_input(key=key).input(text).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _message_right_under(at: AppTest, key: str) -> str:
    """The error shown in the slot that directly follows the widget ``key`` on the page."""
    children = list(at.main.children.values())
    index = next(i for i, node in enumerate(children) if getattr(node, "key", None) == key)
    slot = children[index + 1]
    return " ".join(e.value for e in slot.error)


def _table(at: AppTest) -> dict[str, str]:
    frame = at.dataframe[0].value
    return dict(zip(frame["Milestone"], frame["Date"], strict=True))


def test_page_asks_for_a_date_before_showing_a_schedule(app: AppTest) -> None:
    at = _cycle(app)
    assert "three-year audit cycle" in at.title[0].value
    assert any("Enter the date" in i.value for i in at.info)
    assert not at.dataframe and not at.get("vega_lite_chart")


def test_certified_date_shows_schedule_today_view_chart_and_download(app: AppTest) -> None:
    at = _set(_cycle(app), "cy.certified", date(2025, 3, 14))
    table = _table(at)
    assert table["Year 2 maintenance audit"] == "31 Dec 2026"
    assert table["Year 3 maintenance audit"] == "31 Dec 2027"
    assert table["Re-certification audit"] == "14 Mar 2028"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Next deadline"] == "31 Dec 2026"
    assert metrics["Days left"] == str((date(2026, 12, 31) - TODAY).days)
    assert metrics["Certificate valid until"] == "14 Mar 2028"
    assert len(at.get("vega_lite_chart")) == 1
    assert [b.label for b in elements(at, "download_button")] == ["Download calendar (.ics)"]
    assert not at.error


def test_future_certification_date_shows_the_error_and_keeps_the_date(app: AppTest) -> None:
    future = date(2027, 1, 15)
    at = _set(_cycle(app), "cy.certified", future)
    assert len(at.error) == 1
    message = _message_right_under(at, "cy.certified")
    assert "in the future" in message and "Planning the certification audit" in message
    assert at.text_input(key="cy.certified").value == future.isoformat()  # nothing the user entered is lost
    assert not at.dataframe


def test_expired_certificate_says_so_and_suggests_re_certification(app: AppTest) -> None:
    at = _set(_cycle(app), "cy.certified", date(2021, 5, 3))
    assert "expired on 3 May 2024" in at.error[0].value
    assert "re-certification" in at.error[0].value


def test_date_before_the_program_started_gets_a_message_not_a_crash(app: AppTest) -> None:
    at = _set(_cycle(app), "cy.certified", date(1999, 6, 1))
    assert "2008" in at.error[0].value


def test_leap_day_certification_expires_28_february(app: AppTest) -> None:
    at = _set(_cycle(app), "cy.certified", date(2024, 2, 29))
    assert {m.label: m.value for m in at.metric}["Certificate valid until"] == "28 Feb 2027"
    assert _table(at)["Certification audit"] == "29 Feb 2024"


def test_missed_maintenance_audit_is_overdue_until_recorded(app: AppTest) -> None:
    at = _set(_cycle(app), "cy.certified", date(2024, 6, 1))
    assert any("31 Dec 2025" in e.value and "not recorded as done" in e.value for e in at.error)
    at = _set(at, "cy.done2", date(2025, 10, 6))
    assert not at.error
    assert "Year 2 maintenance audit (6 Oct 2025)" in " ".join(m.value for m in at.markdown)


def test_partner_rules_appear_when_the_partner_is_chosen(app: AppTest) -> None:
    at = _set(_cycle(app), "cy.certified", date(2025, 12, 20))
    at.selectbox(key="cy.partner").set_value("safetydriven").run()
    table = _table(at)
    # 45 days after the audit; and 6 months between audits moves nothing past 31 Dec here.
    assert table["Certification report due to SafetyDriven"] == "3 Feb 2026"
    details = dict(zip(at.dataframe[0].value["Milestone"], at.dataframe[0].value["Details"], strict=True))
    assert "Not before 20 Jun 2026" in details["Year 2 maintenance audit"]


def test_planning_mode_with_too_little_notice_warns_at_once(app: AppTest) -> None:
    at = _cycle(app)
    at.radio(key="cy.mode").set_value("planning").run()
    at.selectbox(key="cy.partner").set_value("bcmea").run()
    at = _set(at, "cy.planned", date(2026, 12, 1))  # 10 days away; BCMEA wants 21 days' notice
    assert any("21 days" in e.value for e in at.error)
    assert {m.label: m.value for m in at.metric}["Days left"] == "10"


def test_switching_mode_and_back_keeps_the_certified_date(app: AppTest) -> None:
    at = _set(_cycle(app), "cy.certified", date(2025, 3, 14))
    at.radio(key="cy.mode").set_value("planning").run()
    at.radio(key="cy.mode").set_value("certified").run()
    assert at.text_input(key="cy.certified").value == "2025-03-14"


def test_internal_auditor_trained_in_the_future_is_refused_under_its_field(app: AppTest) -> None:
    at = _set(_cycle(app), "cy.certified", date(2025, 3, 14))
    at.checkbox(key="cy.auditor").check().run()
    at = _set(at, "cy.auditor_on", date(2027, 2, 1))
    assert len(at.error) == 1 and "in the future" in _message_right_under(at, "cy.auditor_on")
    at = _set(at, "cy.auditor_on", date(2024, 1, 10))
    assert not at.error
    assert _table(at)["Internal auditor certification lapses"] == "10 Jan 2027"


# --- what people tripped over, and partner-specific rules -----------------------------------------------------------------------


def _outside_expanders(at: AppTest) -> str:
    """Every text of the page body that is not inside an expander."""
    texts: list[str] = []

    def walk(node: object) -> None:
        if type(node).__name__ == "Expander":
            return
        value = getattr(node, "value", None)
        if isinstance(value, str):
            texts.append(value)
        body = getattr(node, "body", None) if type(node).__name__ in ("Markdown", "Caption") else None
        if isinstance(body, str):
            texts.append(body)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.main)
    return "\n".join(texts)


def test_a_new_date_replaces_the_old_dates_message(app: AppTest) -> None:
    at = _set(_cycle(app), "cy.certified", date(2027, 3, 1))
    assert "1 Mar 2027 is in the future" in _message_right_under(at, "cy.certified")
    at = _set(at, "cy.certified", date(1985, 1, 1))
    message = _message_right_under(at, "cy.certified")
    assert "1 Jan 1985" in message and "2008" in message
    assert "1 Mar 2027" not in " ".join(e.value for e in at.error)


def test_day_first_typing_gets_a_message_not_the_year_1506(app: AppTest) -> None:
    at = _set(_cycle(app), "cy.certified", "15062025")
    message = _message_right_under(at, "cy.certified")
    assert "day first" in message and "15 Jun 2025" in message and "2025-06-15" in message
    assert "1506" not in message
    assert at.text_input(key="cy.certified").value == "15062025"  # kept, to correct
    assert not at.dataframe


def test_ambiguous_day_and_month_are_not_guessed(app: AppTest) -> None:
    at = _set(_cycle(app), "cy.certified", "03/04/2025")
    message = _message_right_under(at, "cy.certified")
    assert "3 Apr 2025" in message and "4 Mar 2025" in message
    assert not at.dataframe


def test_a_date_the_calendar_cannot_extend_gets_a_message_at_the_field(app: AppTest) -> None:
    app.session_state["today"] = date(9998, 1, 1)
    at = open_page(app, "cycle")
    at = _set(at, "cy.certified", "9997-06-01")
    assert "too far ahead" in _message_right_under(at, "cy.certified")
    assert not at.exception


def test_safetydriven_audits_fall_on_the_certification_anniversary(app: AppTest) -> None:
    at = _set(_cycle(app), "cy.certified", date(2025, 12, 1))
    at.selectbox(key="cy.partner").set_value("safetydriven").run()
    table = _table(at)
    assert table["Year 2 maintenance audit"] == "1 Dec 2026"
    assert table["Year 3 maintenance audit"] == "1 Dec 2027"
    sources = " ".join(m.value for e in at.expander for m in e.markdown)
    assert "terms-of-participation" in sources and "also says" in sources


def test_the_chosen_partners_auditor_rule_is_shown(app: AppTest) -> None:
    at = _set(_cycle(app), "cy.certified", date(2025, 3, 14))
    at.selectbox(key="cy.partner").set_value("bccsa").run()
    body = " ".join(m.value for m in at.markdown)
    assert "retakes BCCSA's 2-day internal auditor course" in body
    assert "7 hours" not in body


def test_alberta_users_see_the_lower_maintenance_pass_mark(app: AppTest) -> None:
    app.session_state["jurisdiction"] = "AB"
    at = _cycle(app)
    note = " ".join(i.value for i in at.info)
    assert "follows British Columbia's rules" in note and "60% overall" in note and "80%" in note


def test_sources_and_urls_stay_in_the_sources_expander(app: AppTest) -> None:
    at = _set(_cycle(app), "cy.certified", date(2025, 3, 14))
    at.selectbox(key="cy.partner").set_value("safetydriven").run()
    body = _outside_expanders(at)
    assert "http" not in body and "(source" not in body
    (sources,) = [e for e in at.expander if e.label == "Sources"]
    assert "worksafebc.com" in " ".join(m.value for m in sources.markdown)


def test_notice_messages_say_1_day_not_1_days(app: AppTest) -> None:
    app.session_state["today"] = date(2026, 12, 30)
    at = open_page(app, "cycle")
    at = _set(at, "cy.certified", date(2025, 3, 14))
    at.selectbox(key="cy.partner").set_value("bcmea").run()
    errors = " ".join(e.value for e in at.error)
    assert "Only 1 day is left" in errors and " 1 days" not in errors
