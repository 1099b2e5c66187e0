"""The savings estimator in a real browser: several CUs, a bad value, a shared link,
the link's copy button on a phone, and the CSV's incomplete rows.

Dollars are source 004's worked examples: $11,000,000 at $4.54 -> $49,940.00 and $25,000,000 at
$3.47 (CU 766006, "2024 data") -> $86,750.00; together $136,690.00 a year. The browser runs on the
real date, when that 2024 rate is too old to fill in: it shows as history and
the user types the rate.
"""

from __future__ import annotations

import csv
import io
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import goto, wait_idle

pytestmark = pytest.mark.e2e


def type_into(page: Page, label: str, text: str) -> None:
    field = page.get_by_label(label, exact=True)
    field.fill(text)
    field.press("Enter")
    wait_idle(page)


def two_cus(page: Page, app_url: str) -> None:
    """Row 1 typed by hand; row 2 picked from the CU list by name, its 2024 rate shown as history."""
    goto(page, f"{app_url}/savings")
    type_into(page, "Assessable payroll", "11000000")
    type_into(page, "Base rate", "4.54")
    expect(page.get_by_text("$49,940.00").first).to_be_visible()
    page.get_by_role("button", name="Add another CU").click()
    wait_idle(page)
    page.get_by_label("Classification unit, CU 2", exact=True).click()
    page.keyboard.type("community health")
    page.get_by_role("option", name="766006 Community Health Support Services").click()
    wait_idle(page)
    expect(page.get_by_label("Base rate, CU 2", exact=True)).to_have_value("")
    expect(page.get_by_text("Last rate we know: $3.47 in 2024, a worked example.")).to_be_visible()
    type_into(page, "Base rate, CU 2", "3.47")
    type_into(page, "Assessable payroll, CU 2", "25000000")


def test_two_cus_total_and_the_link_reopens_the_same_estimate(page: Page, app_url: str) -> None:
    two_cus(page, app_url)
    expect(page.get_by_text("$86,750.00").first).to_be_visible()
    expect(page.get_by_text("$136,690.00").first).to_be_visible()

    with page.expect_download(timeout=90_000) as download:
        page.get_by_role("button", name="Download the estimate (CSV)").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["Amount"] for r in rows[:3]] == ["49940.00", "86750.00", "136690.00"]

    link = page.url
    assert "pay0=11000000" in link and "cu1=766006" in link and "pay1=25000000" in link
    shared = page.context.new_page()
    goto(shared, link)
    expect(shared.get_by_label("Assessable payroll, CU 2", exact=True)).to_have_value("25000000")
    expect(shared.get_by_label("Base rate, CU 1", exact=True)).to_have_value("4.54")
    expect(shared.get_by_text("$136,690.00").first).to_be_visible()
    shared.close()


def test_a_bad_payroll_gets_a_message_and_every_other_input_stays(page: Page, app_url: str) -> None:
    two_cus(page, app_url)
    type_into(page, "Assessable payroll, CU 2", "-25000000")
    expect(page.get_by_text("Assessable payroll cannot be negative.")).to_be_visible()
    expect(page.get_by_text("$49,940.00").first).to_be_visible()
    expect(page.get_by_text("$136,690.00")).to_have_count(0)
    expect(page.get_by_label("Assessable payroll, CU 2", exact=True)).to_have_value("-25000000")
    expect(page.get_by_label("Base rate, CU 2", exact=True)).to_have_value("3.47")
    expect(page.get_by_label("Assessable payroll, CU 1", exact=True)).to_have_value("11000000")
    expect(page.get_by_label("Base rate, CU 1", exact=True)).to_have_value("4.54")
    type_into(page, "Base rate, CU 1", "150")
    expect(page.get_by_text("so it must be between 0 and 100")).to_be_visible()
    expect(page.get_by_label("Assessable payroll, CU 1", exact=True)).to_have_value("11000000")


def test_the_links_copy_button_is_visible_on_a_phone_without_hover(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    goto(page, f"{app_url}/savings?pay0=11000000&rate0=4.54")
    link = page.locator(".st-key-sv-link [data-testid='stCode']")
    link.scroll_into_view_if_needed()
    page.mouse.move(0, 0)  # nothing hovered, as on a touch screen
    copy = link.get_by_role("button", name="Copy to clipboard")
    expect(copy).to_be_visible()
    assert copy.evaluate(
        "button => { for (let e = button; e; e = e.parentElement) {"
        " const style = getComputedStyle(e);"
        " if (style.opacity === '0' || style.visibility === 'hidden') return false; } return true; }"
    )


def test_the_csv_lists_an_incomplete_cu_instead_of_dropping_it(page: Page, app_url: str) -> None:
    goto(page, f"{app_url}/savings?pay0=11000000&rate0=4.54&cu1=766006")
    expect(page.get_by_text("1 of 2 CUs are not in the total yet")).to_be_visible()
    with page.expect_download(timeout=90_000) as download:
        page.get_by_role("button", name="Download the estimate (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    incomplete = [r for r in rows if r["Item"].startswith("Incomplete")]
    assert [r["Item"] for r in incomplete] == ["Incomplete: 766006 Community Health Support Services"]
    assert incomplete[0]["Amount"] == "" and "no assessable payroll or base rate" in incomplete[0]["Formula"]


def test_markdown_in_a_shared_link_is_shown_as_typed_and_fetches_nothing(page: Page, app_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    hostile = "[win](https://evil.example)![p](https://evil.example/p.png)"
    goto(page, f"{app_url}/savings?cu={hostile}&cu0=**bold**https://evil.example/x")
    expect(
        page.get_by_text("The CU in the link is not a six-digit CU code, so it was left out.")
    ).to_be_visible()
    assert page.locator("a[href*='evil.example']").count() == 0
    assert page.locator("img[src*='evil.example']").count() == 0
    assert page.locator("strong", has_text="bold").count() == 0
    assert not [url for url in requests if urlparse(url).hostname == "evil.example"]
