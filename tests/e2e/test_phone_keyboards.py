"""In Chromium on a 390 px phone: number fields ask for the number keyboard
(``inputmode``), and the page has one menu (the labelled "Menu"), not also Streamlit's arrow."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import goto, person_pause, wait_idle

pytestmark = pytest.mark.e2e
SLOW = 30_000  # a page's first run can take seconds on a busy machine


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"browser errors on the phone: {errors}"


def open_from_menu(phone: Page, title: str) -> None:
    person_pause(phone, 1_000)
    phone.get_by_role("button", name="Menu").click()
    phone.get_by_test_id("stPopoverBody").get_by_role("link", name=title).click()
    wait_idle(phone)


def test_number_fields_bring_up_the_number_keyboard(phone: Page, app_url: str) -> None:
    goto(phone, app_url)
    open_from_menu(phone, "Readiness")
    expect(phone.get_by_role("textbox", name="Workers")).to_have_attribute(
        "inputmode", "numeric", timeout=SLOW
    )
    open_from_menu(phone, "Savings")
    expect(phone.get_by_role("textbox", name="Assessable payroll")).to_have_attribute(
        "inputmode", "decimal", timeout=SLOW
    )
    expect(phone.get_by_role("textbox", name="Base rate")).to_have_attribute(
        "inputmode", "decimal", timeout=SLOW
    )
    open_from_menu(phone, "Cycle planner")
    date_field = phone.get_by_role("textbox", name="Certification audit completed on")
    expect(date_field).to_have_attribute("inputmode", "decimal", timeout=SLOW)
    date_field.fill("2025.03.14")  # what the decimal keyboard can type is read as a date
    date_field.press("Enter")
    wait_idle(phone)
    expect(phone.get_by_text("Certificate valid until")).to_be_visible(timeout=SLOW)


def test_a_phone_has_one_menu(phone: Page, app_url: str) -> None:
    goto(phone, app_url)
    expect(phone.get_by_role("button", name="Menu")).to_be_visible()
    expect(phone.get_by_test_id("stExpandSidebarButton")).to_be_hidden()
    open_from_menu(phone, "Cycle planner")
    expect(phone.get_by_role("heading", level=1)).to_contain_text("three-year audit cycle", timeout=SLOW)
    expect(phone.get_by_test_id("stPopoverBody")).to_have_count(0)  # the menu closed on the new page
    expect(phone.get_by_test_id("stExpandSidebarButton")).to_be_hidden()
