"""Every page opens in a real browser without an exception, and the headline estimate works."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import goto, wait_idle

PAGES = {
    "": "COR Ready",
    "readiness": "Would you pass",
    "savings": "What would COR save you?",
    "cycle": "three-year audit cycle",
    "partners": "certifying partner",
    "about": "About the numbers",
}

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_loads_without_exception(page: Page, app_url: str, path: str) -> None:
    goto(page, f"{app_url}/{path}")
    expect(page.get_by_role("heading", level=1).first).to_contain_text(PAGES[path])
    # a page opened by its address (a shared link) must not warn "Page not found"
    expect(page.get_by_text("Page not found")).to_have_count(0)


def test_savings_page_reproduces_the_large_long_term_care_example(page: Page, app_url: str) -> None:
    goto(page, f"{app_url}/savings")
    payroll = page.get_by_label("Assessable payroll").first
    payroll.fill("11000000")
    payroll.press("Enter")
    wait_idle(page)
    rate = page.get_by_label("Base rate").first
    rate.fill("4.54")
    rate.press("Enter")
    wait_idle(page)
    expect(page.get_by_text("$49,940.00").first).to_be_visible()
