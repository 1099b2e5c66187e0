"""Cycle planner in a real browser (issue 5): enter a certification date, download the .ics file,
and find every milestone in it, on the dates the rules give."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

from cor.cycle import add_years, schedule
from tests.e2e.conftest import goto, wait_idle

pytestmark = pytest.mark.e2e


def _type_date(page: Page, label: str, day: date) -> None:
    """Streamlit's date field is three spin buttons (year, month, day): type into the first."""
    page.get_by_role("spinbutton", name=f"year, {label}").click()
    page.keyboard.type(day.strftime("%Y%m%d"))
    page.keyboard.press("Tab")
    wait_idle(page)


def test_download_calendar_has_every_milestone(page: Page, app_url: str, tmp_path: Path) -> None:
    today = date.today()
    certified = today - timedelta(days=400)
    goto(page, app_url)
    page.get_by_role("link", name="Cycle planner", exact=True).click()
    wait_idle(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("three-year audit cycle")

    _type_date(page, "Certification audit completed on", certified)
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
    # The rules, independent of the planner: the audit itself, on site by 31 Dec of the next two
    # calendar years, re-certification by expiry three years on.
    dates = {on for _, on in found}
    assert certified in dates
    assert {date(certified.year + 1, 12, 31), date(certified.year + 2, 12, 31)} <= dates
    assert add_years(certified, 3) in dates
    # And every milestone the planner computes for the same inputs is in the file.
    expected = schedule(certified_on=certified, partner="safetydriven", today=today)
    for m in expected.milestones:
        assert (f"COR: {m.title}", m.on) in found
    assert len(events) == len(expected.milestones)
    assert any(e.walk("VALARM") for e in events)
