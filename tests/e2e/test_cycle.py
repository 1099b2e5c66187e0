"""Cycle planner in a real browser: type a certification date and press
Enter, download the .ics file and find every milestone in it, on the dates the rules give; a new
date replaces the old date's message; day-first typing gets a message, never the year 1506."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

from cor.cycle import add_years, schedule
from tests.e2e.conftest import goto, wait_idle

pytestmark = pytest.mark.e2e

CERTIFIED = "Certification audit completed on"


def _open_cycle(page: Page, app_url: str) -> None:
    goto(page, app_url)
    page.get_by_role("link", name="Cycle planner", exact=True).click()
    wait_idle(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("three-year audit cycle")


def _type_date(page: Page, label: str, text: str) -> None:
    """Type into the date field as a person does, and press Enter (nothing else to apply it)."""
    field = page.get_by_role("textbox", name=label)
    field.fill(text)
    field.press("Enter")
    wait_idle(page)


def _message_under(page: Page, label: str) -> str:
    """The alert text in the element block right after the field's own block."""
    block = page.locator("[data-testid='stElementContainer']").filter(
        has=page.get_by_role("textbox", name=label)
    )
    after = block.locator("xpath=following-sibling::*[1]")
    return after.inner_text() if after.count() else ""


def test_download_calendar_has_every_milestone(page: Page, app_url: str, tmp_path: Path) -> None:
    today = date.today()
    certified = today - timedelta(days=400)
    _open_cycle(page, app_url)

    _type_date(page, CERTIFIED, certified.isoformat())
    partner = page.get_by_role("combobox", name="Certifying partner")
    partner.click()
    partner.fill("SafetyDriven")
    page.keyboard.press("Enter")
    wait_idle(page)
    expect(page.get_by_text("Certificate valid until")).to_be_visible()
    # the partner's own rules are applied (report deadlines) before the calendar is taken
    expect(page.get_by_text("report due to SafetyDriven").first).to_be_attached()
    wait_idle(page)

    with page.expect_download() as info:
        page.get_by_role("button", name="Download calendar (.ics)").click()
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    path = tmp_path / download.suggested_filename
    download.save_as(path)

    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    found = {(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in events}
    # The rules, independent of the planner: the audit itself; SafetyDriven's maintenance audits on
    # or before the first and second anniversaries (its Terms of Participation); re-certification
    # by expiry three years on.
    dates = {on for _, on in found}
    assert certified in dates
    assert {add_years(certified, 1), add_years(certified, 2)} <= dates
    assert add_years(certified, 3) in dates
    # And every milestone the planner computes for the same inputs is in the file.
    expected = schedule(certified_on=certified, partner="safetydriven", today=today)
    for m in expected.milestones:
        assert (f"COR: {m.title}", m.on) in found
    assert len(events) == len(expected.milestones)
    assert any(e.walk("VALARM") for e in events)


def test_enter_applies_a_date_and_a_new_date_replaces_the_old_message(page: Page, app_url: str) -> None:
    _open_cycle(page, app_url)
    future = date.today() + timedelta(days=100)
    _type_date(page, CERTIFIED, future.isoformat())
    expect(page.get_by_text("is in the future").first).to_be_visible()

    _type_date(page, CERTIFIED, "1985-01-01")
    expect(page.get_by_text("1 Jan 1985 is before 2008").first).to_be_visible()
    assert page.get_by_text("is in the future").count() == 0  # the old date's message is gone
    assert "1985" in _message_under(page, CERTIFIED)

    good = date.today() - timedelta(days=30)
    _type_date(page, CERTIFIED, good.isoformat())
    expect(page.get_by_text("Certificate valid until")).to_be_visible()
    assert page.get_by_test_id("stAlertContentError").count() == 0


def test_day_first_typing_gets_a_message_and_keeps_the_text(page: Page, app_url: str) -> None:
    _open_cycle(page, app_url)
    _type_date(page, CERTIFIED, "15062025")
    expect(page.get_by_text("looks day first").first).to_be_visible()
    message = _message_under(page, CERTIFIED)
    assert "15 Jun 2025" in message and "2025-06-15" in message and "1506" not in message
    expect(page.get_by_role("textbox", name=CERTIFIED)).to_have_value("15062025")
