"""Partner guide in a real browser: search by industry words, read the result, and carry the CU
over to Savings without typing it again."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import goto, wait_idle

pytestmark = pytest.mark.e2e


def test_search_long_term_care_then_carry_the_cu_to_savings(page: Page, app_url: str) -> None:
    goto(page, app_url)  # open the app first, as a user arriving from the home page does
    goto(page, f"{app_url}/partners")
    box = page.get_by_role("textbox", name="CU code, CU name or industry words")
    box.fill("long-term care")
    box.press("Enter")
    wait_idle(page)

    # a search by words offers the CU that matches; the employer confirms it is theirs with one
    # button (a single match gets no dropdown)
    expect(page.get_by_text("1 CU in our list matches: 766011 Long Term Care")).to_be_visible()
    expect(page.get_by_role("heading", name="CU 766011: Long Term Care")).to_have_count(0)
    page.get_by_role("button", name="This is my CU: 766011").click()
    wait_idle(page)

    expect(page.get_by_role("heading", name="CU 766011: Long Term Care")).to_be_visible()
    expect(page.locator(".stMarkdownBadge", has_text="Naturally aligned")).to_be_visible()
    expect(page.get_by_text("BC Municipal Safety Association", exact=True).first).to_be_visible()
    expect(page.get_by_text("No certifying partner is contracted for health care.")).to_be_visible()

    page.get_by_role("button", name="Estimate savings for CU 766011").click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"/savings"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("What would COR save you?")
    expect(page.get_by_role("combobox", name="Classification unit").first).to_have_value(
        "766011 Long Term Care"
    )
    # the only rate we know for it is from 2024, older than last year: it is shown as history and
    # the employer types the rate from its own account (no stale rate is filled in)
    expect(page.get_by_role("textbox", name="Base rate").first).to_have_value("")
    expect(page.get_by_text("Last rate we know: $4.54 in 2024").first).to_be_visible()


def test_what_the_user_typed_is_shown_as_typed_not_as_markdown(page: Page, app_url: str) -> None:
    goto(page, f"{app_url}/partners")
    box = page.get_by_role("textbox", name="CU code, CU name or industry words")
    typed = "**zzqx** [click](http://example.org)"
    box.fill(typed)
    box.press("Enter")
    wait_idle(page)
    alert = page.get_by_test_id("stAlert").first
    expect(alert).to_contain_text(typed)
    expect(alert.get_by_role("link", name="click")).to_have_count(0)


def test_the_readiness_industry_picker_offers_only_cus_that_contain_what_was_typed(
    page: Page, app_url: str
) -> None:
    """Typing "721" offered 732014 Ferry Service (fuzzy: 7..2..1 in order)."""
    goto(page, f"{app_url}/readiness")
    page.get_by_role("combobox", name="Industry (classification unit, optional)").click()
    page.keyboard.type("721")
    expect(page.get_by_role("option", name="721024 Framing or Residential Forming")).to_be_visible()
    expect(page.get_by_role("option", name="732014 Ferry Service")).to_have_count(0)
    page.keyboard.press("Escape")


def test_a_code_typed_with_full_width_digits_on_a_phone_finds_the_cu(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    goto(page, f"{app_url}/partners")
    box = page.get_by_role("textbox", name="CU code, CU name or industry words")
    box.fill("７６６０１１")
    box.press("Enter")
    wait_idle(page)
    expect(page.get_by_role("heading", name="CU 766011: Long Term Care")).to_be_visible()
    expect(page.get_by_text("(source 004)")).to_have_count(0)
