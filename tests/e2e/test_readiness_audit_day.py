"""The audit-day section in Chromium: the sites entered on Results survive a visit to another view,
and the PDF built on the Save view's click carries the audit-day expectations.

Expected figures are Energy Safety Canada's published examples (content/sampling.toml): 50
employees -> at least 19 interviews; 5 sites -> 3 visited.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from cor.content import default_content
from tests.e2e.conftest import wait_idle
from tests.e2e.test_readiness import answer_three, open_readiness, view

pytestmark = pytest.mark.e2e

ESC = next(table for table in default_content().sampling if "esc" in table.partners)
INTERVIEWS_FOR_50 = next(example.interviews for example in ESC.interviews if example.workers == 50)
VISITED_OF_5 = next(row.visited for row in ESC.sites if row.min_sites == 5 == row.max_sites)


def type_and_enter(page: Page, field: str, value: str) -> None:
    box = page.get_by_label(field, exact=True).first
    box.fill(value)
    box.press("Enter")
    wait_idle(page)


def test_the_pdf_report_carries_the_audit_day_the_user_prepared(
    page: Page, app_url: str, tmp_path: Path
) -> None:
    page.set_default_timeout(60_000)
    open_readiness(page, app_url)
    type_and_enter(page, "Workers", "50")
    answer_three(page)
    view(page, "Results")
    type_and_enter(page, "Sites", "5")
    interviews = page.get_by_test_id("stMetric").filter(has_text="Interviews to expect")
    expect(interviews).to_contain_text(str(INTERVIEWS_FOR_50), timeout=60_000)
    view(page, "Action plan")
    view(page, "Results")
    expect(page.get_by_label("Sites", exact=True).first).to_have_value(
        "5", timeout=60_000
    )  # kept across views
    view(page, "Save and reports")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download PDF report").click()
    path = tmp_path / "report.pdf"
    download.value.save_as(path)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
    assert "Audit day: who the auditor talks to, and where" in text
    assert f"Interviews to expect: {INTERVIEWS_FOR_50} interviews" in text
    assert f"Sites the auditor visits: {VISITED_OF_5} of your 5 sites" in text
    assert f"Sampling table: {ESC.publisher}" in text
